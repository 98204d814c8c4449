"""Builds as processes: two at once take turns (one lock a project), each in its own staging
folders; the whole build is one transaction (docs/ and site/ replaced only when MkDocs and
the search index succeeded); a killed build's leftovers are cleared by the next; Ctrl-C is
one line and exit 130 with the output intact; two `make`s at once install the venv once,
and pip never runs in a Python that is not the venv's."""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from breaking import copy_built_project, edit, tree_digest
from support import ROOT
from test_make import FAKE_PYTHON
from test_site_command import with_site_config

from edition.cli import main
from edition import site as site_module
from edition.publish.lock import LOCK_NAME
from edition.site import Problem, SiteFailed

pytestmark = pytest.mark.slow   # handed out first (conftest.py)

LEFTOVER_PATTERNS = ("docs/.texts-staging-*", "docs/.texts-old-*", ".site-new*", ".site-old*",
                     ".pagefind-pages-*", ".docs-build-*")


# `python -m edition site` as a terminal starts it: with Ctrl-C's default handler. A command
# run in the background of a non-interactive shell (as CI may run the suite) inherits SIGINT
# ignored, and Python then leaves it ignored, as it should.
AS_FROM_A_TERMINAL = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
                      "sys.argv = ['edition', 'site']; runpy.run_module('edition', run_name='__main__')")


def start_site(root: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    return subprocess.Popen([sys.executable, "-c", AS_FROM_A_TERMINAL], cwd=root, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def mid_build(root: Path) -> bool:
    """MkDocs building from the staged docs: they are staged and the search index is not
    made yet (the staged folder alone also stands while a finished build cleans up, when a
    signal would come too late)."""
    return any(root.glob(".docs-build-*/docs/texts")) and not any(root.glob(".site-new-*/pagefind"))


def leftovers(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for pattern in LEFTOVER_PATTERNS for p in root.glob(pattern))


def complete_site(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 80, len(pages)
    assert (site / "index.html").is_file() and (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "texts" / "kim-2016" / "index.html").is_file()


def wait_for(condition, what: str, process: subprocess.Popen, limit: float = 120) -> None:
    """Poll until `condition()` holds (a state of the build, not a time); fail if the build
    ends first or nothing happens within `limit` seconds."""
    deadline = time.monotonic() + limit
    while not condition():
        assert process.poll() is None, f"the build ended before {what}: {process.stderr.read()}"
        assert time.monotonic() < deadline, f"no {what}"
        time.sleep(0.02)


@pytest.fixture
def site_project(project) -> Path:
    return with_site_config(project)


@pytest.fixture(scope="module")
def finished_template(built_project, tmp_path_factory) -> Path:
    """A project whose `edition site` has finished (run once, in this process): the state
    the tests of an interrupted or failing build start from, each in a copy of it."""
    root = with_site_config(copy_built_project(built_project, tmp_path_factory.mktemp("finished") / "project"))
    with contextlib.chdir(root):
        assert main(["site"]) == 0
    complete_site(root / "site")
    return root


@pytest.fixture
def finished_project(finished_template, tmp_path) -> Path:
    """A copy of the finished project: its sources and configuration, docs/ (hard links: a
    build never writes through one), and its site/ and cache, copied."""
    root = with_site_config(copy_built_project(finished_template, tmp_path / "project"))
    shutil.copytree(finished_template / "site", root / "site")
    shutil.copytree(finished_template / ".cache", root / ".cache")
    return root


def test_two_builds_at_once_take_turns_and_leave_one_complete_site(site_project):
    """The lock is held (as by a third build) while two start: each says it waits, in one
    line; when it is released both run, one after the other, and the site is complete."""
    with open(site_project / LOCK_NAME, "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        first, second = start_site(site_project), start_site(site_project)
        for process in (first, second):
            wait_for(lambda: process.stderr.readable() and _said_waiting(process), "line saying it waits", process)
        fcntl.flock(held, fcntl.LOCK_UN)
    for process in (first, second):
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        assert "Traceback" not in err
        assert process.waited.strip() == f"edition: another build is running in {site_project}; waiting for it to end"
        assert err.strip() == "", err
    complete_site(site_project / "site")
    assert leftovers(site_project) == []


def _said_waiting(process: subprocess.Popen) -> bool:
    """Whether the build printed its waiting line (read from its stderr, kept on the object)."""
    if not hasattr(process, "waited"):
        process.waited = process.stderr.readline()
    return bool(process.waited)


def test_two_builds_started_together_leave_one_complete_site(site_project):
    builds = [start_site(site_project), start_site(site_project)]
    results = [(b.communicate(timeout=300), b.returncode) for b in builds]
    for (out, err), code in results:
        assert code == 0, err
        assert "Traceback" not in err
        assert set(err.strip().split("\n")) <= {"", f"edition: another build is running in {site_project}; "
                                                    "waiting for it to end"}, err
    complete_site(site_project / "site")
    assert leftovers(site_project) == []


def test_a_killed_build_leaves_the_output_and_its_leftovers_go_with_the_next(finished_project):
    edit(finished_project, "sources/persons.toml", 'role_1949_50 = "Soviet leader', 'role_1949_50 = "Soviet leader, changed')
    before = output_digest(finished_project)
    build = start_site(finished_project)
    wait_for(lambda: mid_build(finished_project), "staged docs folder", build)
    build.send_signal(signal.SIGKILL)
    build.communicate()
    assert leftovers(finished_project)   # what the killed build staged is still there
    assert output_digest(finished_project) == before   # docs/'s generated folders and site/ as they were
    with contextlib.chdir(finished_project):
        assert main(["site"]) == 0
    assert leftovers(finished_project) == []
    complete_site(finished_project / "site")
    assert "Soviet leader, changed" in (finished_project / "site/people/stalin/index.html").read_text(encoding="utf-8")


def output_digest(root: Path) -> str:
    """site/ and docs/ but for the folders whose names begin with a dot (a run's staging)."""
    docs = sorted(p for p in (root / "docs").rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root / "docs").parts))
    return tree_digest(root / "site") + "".join(f"{p}:{hash(p.read_bytes())}" for p in docs)


def test_ctrl_c_is_one_line_exit_130_and_the_output_is_kept(finished_project):
    edit(finished_project, "sources/persons.toml", 'role_1949_50 = "Soviet leader', 'role_1949_50 = "Soviet leader, changed')
    before = tree_digest(finished_project / "site") + tree_digest(finished_project / "docs")
    build = start_site(finished_project)
    wait_for(lambda: mid_build(finished_project), "staged docs folder", build)
    build.send_signal(signal.SIGINT)
    out, err = build.communicate(timeout=120)
    assert build.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().split("\n") == ["edition: interrupted; docs/ and site/ are left as the last finished "
                                       "build made them"], err
    assert tree_digest(finished_project / "site") + tree_digest(finished_project / "docs") == before
    assert leftovers(finished_project) == []


def test_a_build_that_fails_in_mkdocs_leaves_docs_and_site_as_they_were(finished_project, capsys):
    """The sources changed (new pages to generate) and MkDocs fails: docs/ keeps the last
    good pages, not the new ones."""
    edit(finished_project, "sources/persons.toml", 'role_1949_50 = "Soviet leader', 'role_1949_50 = "Soviet leader, changed')
    edit(finished_project, "docs/index.md", "(bibliography/index.md)", "(bibliography/nowhere.md)")
    before = tree_digest(finished_project / "site") + tree_digest(finished_project / "docs")
    with contextlib.chdir(finished_project):
        assert main(["site"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("docs/index.md:") and "nowhere.md" in err and "Traceback" not in err, err
    assert tree_digest(finished_project / "site") + tree_digest(finished_project / "docs") == before
    assert leftovers(finished_project) == []


def test_a_build_whose_search_index_fails_leaves_docs_and_site_as_they_were(finished_project, capsys, monkeypatch):
    edit(finished_project, "sources/persons.toml", 'role_1949_50 = "Soviet leader', 'role_1949_50 = "Soviet leader, changed')
    before = tree_digest(finished_project / "site") + tree_digest(finished_project / "docs")

    def failing_index(root, site):
        raise SiteFailed([Problem("mkdocs.yml:1", "the search index could not be built (test)")])
    monkeypatch.setattr(site_module, "POST_BUILD", [failing_index])
    with contextlib.chdir(finished_project):
        assert main(["site"]) == 1
    assert capsys.readouterr().err.strip() == "mkdocs.yml:1: the search index could not be built (test)"
    assert tree_digest(finished_project / "site") + tree_digest(finished_project / "docs") == before
    assert leftovers(finished_project) == []


# --- make: the venv recipe, run twice at once ----------------------------------------------

def _make_folder(tmp_path: Path, python_script: str) -> Path:
    for name in ("Makefile", "requirements.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    python = tmp_path / "python-stand-in"
    python.write_text(python_script, encoding="utf-8")
    python.chmod(0o755)
    return python


@pytest.mark.skipif(shutil.which("flock") is None, reason="util-linux flock is not installed")
def test_two_makes_at_once_install_the_venv_once(tmp_path):
    # A stand-in whose pip takes a while (it waits for a file the test never writes, up to
    # a second), so that the two makes overlap while the first installs.
    slow = FAKE_PYTHON.replace("VERSION", "3.12.1").replace(
        '*) echo "$*" >> "$PWD/calls.log" ;;',
        '*) echo "$*" >> "$PWD/calls.log"; if [ "$2" = pip ]; then i=0; while [ $i -lt 20 ] && [ ! -e never ]; do '
        'sleep 0.05; i=$((i+1)); done; fi ;;')
    python = _make_folder(tmp_path, slow)
    makes = [subprocess.Popen(["make", f"PYTHON={python}", "check"], cwd=tmp_path, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for make in makes:
        out, err = make.communicate(timeout=60)
        assert make.returncode == 0, out + err
    calls = (tmp_path / "calls.log").read_text().split("\n")
    assert sum(call.startswith("-m pip install") for call in calls) == 1, calls
    assert sum(call == "-m edition check" for call in calls) == 2, calls


def test_pip_never_runs_in_a_python_that_is_not_the_venvs(tmp_path):
    """A .venv/bin/python that is the base interpreter (a venv half made): make stops."""
    base = FAKE_PYTHON.replace(
        '-c) [ "VERSION" != "3.9.2" ] ;;', '-c) case "$2" in *base_prefix*) exit 1 ;; *) exit 0 ;; esac ;;'
    ).replace("VERSION", "3.12.1")
    assert "base_prefix" in base
    python = _make_folder(tmp_path, base)
    result = subprocess.run(["make", f"PYTHON={python}", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    assert "make: .venv/bin/python is not a virtual environment's; remove .venv and run make again" in result.stdout
    assert not (tmp_path / "calls.log").exists()
