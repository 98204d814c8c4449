"""Breaking a copy of the real sources on purpose, and checking how the build fails."""
from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from support import ROOT, copy_project

from edition.cli import main

KIM = "sources/texts/kim-2016-new-insights-mao-korean-war.md"
KISSINGER = "sources/texts/kissinger-on-china-kim-il-sung-and-the-outbreak-of-war.txt"
MANIFEST = "sources/texts.toml"


def run_build(root: Path, command: str = "build") -> subprocess.CompletedProcess:
    """`python -m edition build` (or `check`, `site`) in root, run in this process: the
    command line's own main(), its exit status and what it prints (a new interpreter for
    each of a hundred broken inputs would spend most of the suite's time importing). The
    command as its own process is run by run_build_process, test_site_command and test_make."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(root), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([command])
    return subprocess.CompletedProcess(["edition", command], code, out.getvalue(), err.getvalue())


def run_build_process(root: Path, command: str = "build") -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    return subprocess.run([sys.executable, "-m", "edition", command], cwd=root,
                          capture_output=True, text=True, env=env)


def build_site_process(project: Path) -> Path:
    """The site of a (poisoned) copy, built by the real `python -m edition site` with the
    project's own mkdocs.yml and overrides/; its site/ folder."""
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    result = run_build_process(project, "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def copy_built_project(template: Path, root: Path) -> Path:
    """A copy of a built project to break on purpose: sources/ copied; docs/ a tree of hard
    links to the template's files (copying its 1.4 MB took longer than most cases' own build).
    The build only ever writes new files and renames folders, and edit() replaces the file it
    edits, so the template's files are never written through a link."""
    shutil.copytree(template / "sources", root / "sources", symlinks=True)
    shutil.copytree(template / "docs", root / "docs", symlinks=True, copy_function=os.link)
    return root


def make_project(tmp_path):
    root = copy_project(tmp_path)
    assert run_build(root).returncode == 0
    return root


def replace_file(path: Path, text: str) -> None:
    """A new file in place of `path`, never a write into it: a project's docs/ files are hard
    links to the template's (conftest.project)."""
    new = path.with_name(path.name + ".new")
    new.write_text(text, encoding="utf-8")
    os.replace(new, path)


def edit(root: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    replace_file(path, text.replace(old, new, count))


def append(root: Path, relative: str, block: str) -> int:
    """Add a block after a blank line at the end of a file; the line where it starts."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    replace_file(path, text + "\n" + block)
    return len(text.split("\n")) + 1


def line_of(root: Path, relative: str, needle: str) -> int:
    lines = (root / relative).read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(lines) if needle in line)


def expect_error(root: Path, where: str, message: str) -> None:
    """The build fails with one line `where: message`, exit 1, no traceback, and the
    previous output (all of docs/, and site/) left as it was."""
    (root / "site").mkdir(exist_ok=True)
    (root / "site" / "index.html").write_text("previous site", encoding="utf-8")
    before = tree_digest(root / "docs") + tree_digest(root / "site")
    result = run_build(root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(where + ": "), lines[0]
    assert re.search(message, lines[0]), lines[0]
    assert tree_digest(root / "docs") + tree_digest(root / "site") == before  # the last good output is kept


