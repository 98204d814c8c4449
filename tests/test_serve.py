"""`make serve` (scripts/serve.py): the real `mkdocs serve --dirty` on a copy of the project,
on loopback. One edit of a source is one run of the generator, one rebuild and one reload,
and the edited page is served with its navigation whole; a bad edit prints its one line
and rebuilds nothing, and the last good page stays served."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from support import ROOT, copy_project

sys.path.insert(0, str(ROOT / "scripts"))
from serve import Shape  # noqa: E402

PAGE = "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/"
NOTES = "sources/notes/kissinger-2011.toml"
ORIGINAL = "Cold War International History Project translation)."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def until(condition, what: str, seconds: float = 120):
    """Wait for `condition()` to be true (polled), at most `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.02)  # the polling interval, not a wait for anything
    raise AssertionError(f"timed out waiting for {what}")


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def primary_nav(html: str) -> str:
    found = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.S)
    assert found, "the page has no primary navigation"
    return found[0]


def edit(project: Path, old: str, new: str) -> None:
    path = project / NOTES
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path, site_config=True)
    shutil.copy(ROOT / "mkdocs.serve.yml", project / "mkdocs.serve.yml")
    (project / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "serve_hook.py", project / "scripts" / "serve_hook.py")
    port = free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "serve.py"), "--root", str(project),
             "--dev-addr", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        until(lambda: "Serving on" in log_path.read_text(), "MkDocs to serve")
        yield project, f"http://127.0.0.1:{port}/", log_path
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_one_edit_is_one_rebuild_and_one_reload_and_a_bad_edit_none(served):
    project, url, log_path = served
    before = get(url + PAGE)
    assert ORIGINAL in before

    edit(project, ORIGINAL, "Cold War International History Project translation; first edit).")
    first = until(lambda: (page := get(url + PAGE)) and "first edit" in page and page, "the first edit")

    edit(project, "[[note]]", "[[note]")  # bad TOML: one line, nothing rebuilt
    until(lambda: re.search(r"(?m)^edition: .*kissinger-2011\.toml:\d+: ", log_path.read_text()),
          "the error line")
    assert "first edit" in get(url + PAGE)

    edit(project, "[[note]", "[[note]]")
    edit(project, "first edit", "second edit")
    until(lambda: "second edit" in get(url + PAGE), "the second edit")

    log = log_path.read_text()
    assert log.count("Detected file changes") == 2, log
    assert log.count("Building documentation") == 3, log  # the first build and one per edit
    assert log.count("Reloading browsers") == 2, log
    assert "Traceback" not in log, log
    # the rebuilt page's navigation names every page as the first, full build did
    assert primary_nav(first) == primary_nav(before)


def test_a_page_more_or_less_a_new_title_or_snippet_changes_every_page(tmp_path):
    docs = tmp_path
    (docs / "texts" / "_snippets").mkdir(parents=True)
    (docs / "texts" / "a.md").write_text('---\ntitle: "A"\n---\n\nA\n', encoding="utf-8")
    (docs / "people").mkdir()
    (docs / "people" / "kim.md").write_text("# Kim\n\nKim\n", encoding="utf-8")
    shape = Shape(docs)
    (docs / "texts" / "a.md").write_text('---\ntitle: "A"\n---\n\nA, edited\n', encoding="utf-8")
    assert not shape.changes(["texts/a.md", "downloads/notes.json"])
    (docs / "people" / "kim.md").write_text("# Kim Il-sung\n\nKim\n", encoding="utf-8")
    assert shape.changes(["people/kim.md"])
    (docs / "people" / "pak.md").write_text("# Pak\n", encoding="utf-8")
    assert shape.changes(["people/pak.md"])
    (docs / "people" / "pak.md").unlink()
    assert shape.changes(["people/pak.md"])
    assert shape.changes(["texts/_snippets/texts.md"])
    assert not shape.changes([])
