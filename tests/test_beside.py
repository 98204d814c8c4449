"""Work beside the build (edition/beside.py): a forked copy runs a job and sends back its
result or its error; the build's output is the same whether the copy is used or not.

A process with threads never forks (pytest-xdist's workers have some), so the forking
cases run in a fresh interpreter of their own, as the command line does."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from support import ROOT
from edition.beside import Beside, Outcome

FORKING = r'''
import json, os, tempfile, time
from pathlib import Path
from edition.beside import Beside, can_fork
from edition.build import read_edition, render_edition, write_edition
from edition.errors import EditionError, SourcePosition

found = {"can_fork": can_fork()}
with Beside(lambda: (os.getpid(), {"texts/a.md": "é\n" * 1000})) as job:
    pid, files = job.result()
found["other_process"] = pid != os.getpid()
found["value_back"] = files == {"texts/a.md": "é\n" * 1000}

def edition_error():
    raise EditionError(SourcePosition(Path("sources/persons.toml"), 12), "a bad entry; fix it")
try:
    with Beside(edition_error) as job:
        job.result()
except EditionError as err:
    found["edition_error"] = [str(err.where), err.message]

class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not this one")
def unpicklable():
    raise Unpicklable("lost")
try:
    with Beside(unpicklable) as job:
        job.result()
except RuntimeError as err:
    found["unpicklable"] = str(err)

try:
    with Beside(lambda: time.sleep(30)) as job:
        child = job._pid
        raise ValueError("this process's own work failed")
except ValueError:
    try:
        os.kill(child, 0)
        found["child_gone"] = False
    except ProcessLookupError:
        found["child_gone"] = True   # stopped and reaped: not even a zombie

def written() -> dict:
    """What write_edition writes into an empty docs/ (its staging folder is gone after)."""
    with tempfile.TemporaryDirectory() as scratch:
        docs = Path(scratch) / "docs"
        write_edition(read_edition(Path("sources")), docs)
        return {p.relative_to(docs).as_posix(): p.read_bytes().decode("utf-8")
                for p in docs.rglob("*") if p.is_file()}

beside, beside_written = render_edition(read_edition(Path("sources"))), written()
os.environ["EDITION_JOBS"] = "1"
alone, alone_written = render_edition(read_edition(Path("sources"))), written()
found["same_files"] = [beside == alone, beside_written == alone_written, alone_written == alone]
found["files"] = len(alone)
print(json.dumps(found))
'''


@pytest.fixture(scope="module")
def forked() -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    env.pop("EDITION_JOBS", None)
    done = subprocess.run([sys.executable, "-c", FORKING], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_fresh_process_forks(forked):
    assert forked["can_fork"]


def test_the_job_runs_in_another_process_and_its_value_comes_back(forked):
    assert forked["other_process"] and forked["value_back"]


def test_an_edition_error_in_the_job_is_raised_here_with_its_place_and_message(forked):
    assert forked["edition_error"] == ["sources/persons.toml:12", "a bad entry; fix it"]


def test_an_error_that_cannot_be_sent_back_is_named_in_a_runtime_error(forked):
    assert forked["unpicklable"] == "Unpicklable: lost"


def test_leaving_early_stops_the_copy_and_leaves_no_process_behind(forked):
    assert forked["child_gone"]


def test_the_files_are_the_same_with_and_without_the_second_process(forked):
    """Rendered in memory or written by the two halves of the writers, each its own files."""
    assert forked["same_files"] == [True, True, True]
    assert forked["files"] > 90


def test_without_fork_the_job_runs_here_when_its_result_is_asked_for(monkeypatch):
    monkeypatch.setenv("EDITION_JOBS", "1")
    ran = []
    with Beside(lambda: ran.append(os.getpid()) or "done") as job:
        assert ran == []  # not before its result is asked for: the order of work is kept
        assert job.result() == "done"
    assert ran == [os.getpid()]


def test_an_outcome_keeps_the_error_until_its_value_is_asked_for():
    failed = Outcome(lambda: 1 / 0)
    assert Outcome(lambda: 42).value() == 42
    with pytest.raises(ZeroDivisionError):
        failed.value()
