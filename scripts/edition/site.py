"""``python -m edition site``: the generator, then a strict MkDocs build, then the
post-build steps, into a staging folder that replaces site/ only when all of it succeeded.

MkDocs 1.6.1 does not count warnings when it runs with ``--quiet`` (mkdocs#4126), and its
own ``--strict`` reports them as log lines and a traceback. Here MkDocs runs in-process
with a log handler of our own: every warning or error of MkDocs, Material or a Markdown
extension is one ``path:line: message`` problem, and any problem fails the build.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .build import build
from .errors import one_line
from .publish.atomic import swap


@dataclass(frozen=True)
class Problem:
    """One thing MkDocs or a post-build step reported, located in the project."""
    where: str          # path:line, relative to the project
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class SiteFailed(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


# Steps run on the staging folder after MkDocs, in order; each takes (project root, built
# site) and raises SiteFailed to stop.
PostBuildStep = Callable[[Path, Path], None]


def search_index(root: Path, site: Path) -> None:
    """Pagefind's index of the built site (search_index.py), written into site/pagefind/."""
    from .publish.search_index import SearchIndexError, index_site
    try:
        index_site(site)
    except (SearchIndexError, OSError, RuntimeError) as error:
        raise SiteFailed([Problem("mkdocs.yml:1", f"the search index could not be built ({error}); "
                                                  "check that `pagefind[bin]` is installed (make site installs it)")])


POST_BUILD: list[PostBuildStep] = [search_index]


def build_site(root: Path, site_dir: Path | None = None, site_url: str | None = None) -> int:
    """Generate, build strictly, run the post-build steps, then swap the result into place.
    Returns the number of pages built. Raises EditionError (bad sources) or SiteFailed."""
    root = root.resolve()
    target = (site_dir or root / "site").resolve()
    staging = target.with_name(f".{target.name}-new")
    build(root)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        run_mkdocs(root, staging, site_url)
        for step in POST_BUILD:
            step(root, staging)
        pages = sum(1 for _ in staging.rglob("*.html"))
        swap(staging, target, target.with_name(f".{target.name}-old"))
        return pages
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def run_mkdocs(root: Path, out: Path, site_url: str | None = None) -> None:
    """MkDocs, strict, into `out`; every warning and error becomes a Problem."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    collector = _Collector(root)
    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate)
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)   # counted whatever --quiet or the caller set
    logger.propagate = False           # reported here, once, in our form
    failure: BaseException | None = None
    try:
        with contextlib.chdir(root):  # pymdownx.snippets reads base_path from the cwd
            options = {"site_url": site_url} if site_url else {}
            config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(out), **options)
            mkdocs_build(config)
    except (Exception, SystemExit) as err:  # MkDocs, a plugin or an extension stopped
        failure = err
    finally:
        logger.removeHandler(collector)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    problems = collector.problems
    if failure is not None and not problems:  # else MkDocs' summary of what is reported
        problems.append(Problem(f"{_rel(root / 'mkdocs.yml', root)}:1",
                                f"MkDocs stopped: {one_line(str(failure)) or type(failure).__name__}"))
    if problems:
        raise SiteFailed(problems)


@dataclass
class _Record:
    problem: Problem
    error: bool


class _Collector(logging.Handler):
    def __init__(self, root: Path):
        super().__init__(logging.WARNING)
        self.root = root
        self.records: list[_Record] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a plugin's malformed log call is still a problem
            message = str(record.msg)
        if message.startswith("Aborted with"):
            return  # MkDocs' own summary of the warnings already reported
        self.records.append(_Record(locate(message, self.root), record.levelno >= logging.ERROR))

    @property
    def problems(self) -> list[Problem]:
        seen, out = set(), []
        for record in self.records:
            if str(record.problem) not in seen:
                seen.add(str(record.problem))
                out.append(record.problem)
        return out


PAGE = re.compile(r"^(?:Doc file|Error reading page|Error building page|Page) '([^']+)'[: ]*")
LINK = re.compile(r"contains (?:a|an absolute|an unrecognized relative) link '([^']*)'")
CONFIG = re.compile(r"Config value '([\w.]+)'")


def locate(message: str, root: Path) -> Problem:
    """`path:line` for a MkDocs message: the page it names (and the line of the link it
    quotes), or the mkdocs.yml key it names; mkdocs.yml:1 otherwise."""
    message = one_line(message)
    docs = root / "docs"
    page = PAGE.match(message)
    if page:
        path = docs / page[1]
        link = LINK.search(message)
        line = _line_containing(path, link[1]) if link else 1
        rest = message[page.end():] or message
        return Problem(f"{_rel(path, root)}:{line}", rest)
    config = CONFIG.search(message)
    line = _line_containing(root / "mkdocs.yml", config[1].split(".")[0] + ":") if config else 1
    return Problem(f"mkdocs.yml:{line}", message)


def _line_containing(path: Path, needle: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    for wanted in (f"({needle})", f"({needle} ", needle):
        for number, line in enumerate(lines, 1):
            if wanted and wanted in line:
                return number
    return 1


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            return str(path)
