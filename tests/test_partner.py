"""The build's partner (edition/partner.py): a forked copy that works beside the build,
exchanging messages with it; the build's output is the same whether the copy is used or not.

A process with threads never forks (pytest-xdist's workers have some), so the forking
cases run in a fresh interpreter of their own, as the command line does."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from support import ROOT
from edition.partner import WANT, Outcome, Partner


FORKING = r'''
import json, os, tempfile, time
from pathlib import Path
from edition.partner import WANT, Partner, can_fork
from edition.build import build_edition, read_edition, render_edition
from edition.errors import EditionError, SourcePosition

found = {"can_fork": can_fork()}

def conversation():
    yield "pid", os.getpid()
    texts = yield WANT
    yield "echo", {name: text.upper() for name, text in texts.items()}
    yield "files", {"texts/a.md": "é\n" * 1000}

with Partner(conversation) as partner:
    partner.send({"texts/b.md": "ö" * 300_000})   # more than a pipe holds
    files, pid = partner.take("files"), partner.take("pid")   # taken out of order
    echo = partner.take("echo")
found["other_process"] = pid != os.getpid()
found["messages_both_ways"] = [files == {"texts/a.md": "é\n" * 1000}, echo == {"texts/b.md": "Ö" * 300_000}]

def edition_error():
    yield "first", 1
    raise EditionError(SourcePosition(Path("sources/persons.toml"), 12), "a bad entry; fix it")
try:
    with Partner(edition_error) as partner:
        found["before_the_error"] = partner.take("first")
        partner.take("second")
except EditionError as err:
    found["edition_error"] = [str(err.where), err.message]

class Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("not this one")
def unpicklable():
    raise Unpicklable("lost")
    yield
try:
    with Partner(unpicklable) as partner:
        partner.take("anything")
except RuntimeError as err:
    found["unpicklable"] = str(err)

def dies():
    yield "first", 1
    os._exit(3)   # a crash: nothing more is sent, not even an error
try:
    with Partner(dies) as partner:
        partner.take("first")
        partner.take("second")
except RuntimeError as err:
    found["died"] = str(err)

def waiting():
    yield "ready", True
    yield WANT   # waits for a message that never comes
try:
    with Partner(waiting) as partner:
        partner.take("ready")
        child = partner._pid
        raise ValueError("this process's own work failed")
except ValueError:
    try:
        os.kill(child, 0)
        found["child_gone"] = False
    except ProcessLookupError:
        found["child_gone"] = True   # stopped and reaped: not even a zombie

with Partner(waiting) as partner:   # the block ends while the copy waits: it is let go
    partner.take("ready")
    child = partner._pid
try:
    os.kill(child, 0)
    found["let_go"] = False
except ProcessLookupError:
    found["let_go"] = True

def written() -> dict:
    """What build_edition writes into an empty docs/ (its staging folder is gone after)."""
    with tempfile.TemporaryDirectory() as scratch:
        docs = Path(scratch) / "docs"
        build_edition(Path("sources"), docs)
        return {p.relative_to(docs).as_posix(): p.read_bytes().decode("utf-8")
                for p in docs.rglob("*") if p.is_file()}

forked, forked_written = render_edition(read_edition(Path("sources"))), written()
os.environ["EDITION_JOBS"] = "1"
alone, alone_written = render_edition(read_edition(Path("sources"))), written()
found["same_files"] = [forked == alone, forked_written == alone_written, alone_written == alone]
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


def test_the_partner_is_another_process_and_messages_go_both_ways(forked):
    assert forked["other_process"]
    assert forked["messages_both_ways"] == [True, True]


def test_an_edition_error_in_the_partner_is_raised_here_with_its_place_and_message(forked):
    assert forked["before_the_error"] == 1
    assert forked["edition_error"] == ["sources/persons.toml:12", "a bad entry; fix it"]


def test_an_error_that_cannot_be_sent_back_is_named_in_a_runtime_error(forked):
    assert forked["unpicklable"] == "Unpicklable: lost"


def test_a_partner_that_dies_is_reported_with_its_wait_status(forked):
    assert forked["died"] == ("the forked partner ended without sending what was asked "
                              f"(wait status {3 << 8})")


def test_leaving_early_stops_the_copy_and_leaves_no_process_behind(forked):
    assert forked["child_gone"]


def test_a_copy_waiting_for_a_message_is_let_go_when_the_block_ends(forked):
    assert forked["let_go"]


def test_the_files_are_the_same_with_and_without_the_partner(forked):
    """Rendered in memory, or written by this process and the partner, each its own files."""
    assert forked["same_files"] == [True, True, True]
    assert forked["files"] > 90


def test_without_fork_the_work_runs_here_a_step_at_a_time(monkeypatch):
    monkeypatch.setenv("EDITION_JOBS", "1")
    ran = []

    def work():
        ran.append("first")
        yield "first", os.getpid()
        message = yield WANT
        ran.append(message)
        yield "second", message * 2

    with Partner(work) as partner:
        partner.send(21)
        assert ran == []  # nothing before a message is taken: the order of work is kept
        assert partner.take("first") == os.getpid()
        assert ran == ["first"]
        assert partner.take("second") == 42
    assert ran == ["first", 21]


def test_without_fork_a_work_that_wants_what_was_not_sent_is_an_error(monkeypatch):
    monkeypatch.setenv("EDITION_JOBS", "1")

    def work():
        yield WANT

    with Partner(work) as partner, pytest.raises(RuntimeError, match="not sent"):
        partner.take("anything")


def test_an_outcome_keeps_the_error_until_its_value_is_asked_for():
    failed = Outcome(lambda: 1 / 0)
    assert Outcome(lambda: 42).value() == 42
    with pytest.raises(ZeroDivisionError):
        failed.value()
