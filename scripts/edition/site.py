"""``python -m edition site``: the generator, then a strict MkDocs build, then the
post-build steps, one transaction: the generated pages are rendered in memory, MkDocs
builds from a staged copy of the project (docs/ with this run's pages) into a staging
folder, and only when all of it succeeded are the changed pages written into docs/ and the
staging folder swapped in for site/. One run at a time in a project (publish/lock.py).

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
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .build import project_cache, read_edition, render_edition
from .errors import one_line
from .publish.atomic import swap
from .publish.lock import build_lock, clear_leftovers
from .publish.staging import GENERATED, write_tree


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
    """Generate, build strictly, run the post-build steps, then put docs/'s generated folders
    and site/ in place, both only when all of it succeeded: one run at a time (lock.py), each
    in folders of its own. Returns the number of pages built. Raises EditionError (bad
    sources) or SiteFailed, and then docs/ and site/ are as they were."""
    root = root.resolve()
    target = (site_dir or root / "site").resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with build_lock(root):
        clear_leftovers(root, target)
        cache = project_cache(root)
        files = render_edition(read_edition(root / "sources", cache), cache)
        built = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
        workspace = Path(tempfile.mkdtemp(prefix=".docs-build-", dir=root))
        try:
            stage_docs(root, files, workspace)
            run_mkdocs(root, built, site_url, workspace)
            for step in POST_BUILD:
                step(root, built)
            pages = sum(1 for _ in built.rglob("*.html"))
            write_tree(files, root / "docs")
            swap(built, target, Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent)))
            cache.prune()
            return pages
        finally:
            shutil.rmtree(built, ignore_errors=True)
            shutil.rmtree(workspace, ignore_errors=True)


def stage_docs(root: Path, files: dict[str, str], workspace: Path) -> None:
    """The project as MkDocs builds it, in `workspace`: the hand-written pages of docs/ (hard
    links: nothing is copied), this run's generated files, and mkdocs.yml and overrides/,
    so that what the configuration names relative to itself (INHERIT: the generated
    navigation) is this run's. docs/ itself is left as it is until the whole build succeeded."""
    docs, out = root / "docs", workspace / "docs"

    def skipped(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n.startswith(".") or (Path(folder) == docs and n in GENERATED)]

    shutil.copytree(docs, out, ignore=skipped, copy_function=_link)
    for relative, contents in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(contents.encode("utf-8"))
    _link(str(root / "mkdocs.yml"), str(workspace / "mkdocs.yml"))
    if (root / "overrides").is_dir():
        shutil.copytree(root / "overrides", workspace / "overrides", copy_function=_link)


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


def run_mkdocs(root: Path, out: Path, site_url: str | None = None, workspace: Path | None = None) -> None:
    """MkDocs, strict, into `out`; every warning and error becomes a Problem. `workspace`
    holds the docs folder to build from (workspace/docs; default: root/docs), and is the
    working folder meanwhile, so that pymdownx.snippets' base_path (docs/texts/_snippets,
    read from the working folder) is that folder's."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    workspace = workspace or root
    collector = _Collector(root, workspace)
    logger = logging.getLogger("mkdocs")
    saved = (logger.level, logger.propagate)
    logger.addHandler(collector)
    logger.setLevel(logging.WARNING)   # counted whatever --quiet or the caller set
    logger.propagate = False           # reported here, once, in our form
    failure: BaseException | None = None
    try:
        with contextlib.chdir(workspace):
            options = {"site_url": site_url} if site_url else {}
            config = load_config(str(workspace / "mkdocs.yml"), strict=True, site_dir=str(out),
                                 docs_dir=str(workspace / "docs"), **options)
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
                                f"MkDocs stopped: {collector.own_paths(one_line(str(failure))) or type(failure).__name__}"))
    if problems:
        raise SiteFailed(problems)


@dataclass
class _Record:
    problem: Problem
    error: bool


# At most this many problems are printed; after a collision MkDocs reports hundreds (every
# link into a page that another replaced), and the first is the one to fix.
MAX_PROBLEMS = 10


class _Collector(logging.Handler):
    def __init__(self, root: Path, workspace: Path):
        super().__init__(logging.WARNING)
        self.root = root
        self.workspace = workspace
        self.records: list[_Record] = []

    def own_paths(self, message: str) -> str:
        """A message that names the staged docs folder names docs/ instead."""
        return message.replace(str(self.workspace), str(self.root)) if self.workspace != self.root else message

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a plugin's malformed log call is still a problem
            message = str(record.msg)
        if message.startswith("Aborted with"):
            return  # MkDocs' own summary of the warnings already reported
        self.records.append(_Record(locate(self.own_paths(message), self.root, self.workspace / "docs"),
                                    record.levelno >= logging.ERROR))

    @property
    def problems(self) -> list[Problem]:
        return summarise([record.problem for record in self.records])


def summarise(problems: list[Problem]) -> list[Problem]:
    """One line a problem, in the order they were reported: a problem reported again is left
    out; problems of one kind (the same message but for the names it quotes) are the first
    of them, with how many more there are; after MAX_PROBLEMS lines, one line says how many
    more there are."""
    kinds: dict[str, list[Problem]] = {}
    for problem in problems:
        same = kinds.setdefault(_kind(problem.message), [])
        if all(str(p) != str(problem) for p in same):
            same.append(problem)
    out = [Problem(same[0].where, same[0].message + (f" (and {len(same) - 1} more like it)" if len(same) > 1 else ""))
           for same in kinds.values()]
    if len(out) > MAX_PROBLEMS:
        rest = len(out) - MAX_PROBLEMS + 1
        out = out[:MAX_PROBLEMS - 1] + [Problem(out[MAX_PROBLEMS - 1].where, f"and {rest} more problems of other kinds; "
                                                              "fix the first above and build again")]
    return out


def _kind(message: str) -> str:
    return re.sub(r"'[^']*'|\d+", "_", message)


PAGE = re.compile(r"^(?:Doc file|Error reading page|Error building page|Page) '([^']+)'[: ]*")
LINK = re.compile(r"contains (?:a|an absolute|an unrecognized relative) link '([^']*)'")
CONFIG = re.compile(r"Config value '([\w.]+)'")


def locate(message: str, root: Path, docs_read: Path | None = None) -> Problem:
    """`path:line` for a MkDocs message: the page it names (and the line of the link it
    quotes, looked up in `docs_read`, the docs folder built from), or the mkdocs.yml key it
    names; mkdocs.yml:1 otherwise."""
    message = one_line(message)
    docs = root / "docs"
    page = PAGE.match(message)
    if page:
        path = docs / page[1]
        link = LINK.search(message)
        line = _line_containing((docs_read or docs) / page[1], link[1]) if link else 1
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
