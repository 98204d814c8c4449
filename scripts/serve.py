"""`make serve`: the generator run once for each edit of sources/ (or of the generator),
beside `mkdocs serve --dirty`, which watches docs/ and rebuilds only the pages whose files
changed. One edit is one run of the generator, which writes only the files whose bytes
changed (publish/staging.py), then one rebuild of MkDocs and one reload of the browser.

MkDocs, with --dirty, rebuilds a page only when its own file changed. A page's navigation
shows every page's title, and the pages that include a snippet (texts/_snippets/) show
it: when the generator adds or removes a page, changes a title or a snippet, every page
is touched, so MkDocs rebuilds them all, still in one rebuild. (scripts/serve_hook.py gives
MkDocs the titles of the pages it did not read.)

A failed edit prints the generator's one line and writes nothing: the last good pages
stay served.
"""
from __future__ import annotations

import argparse
import importlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "edition"
sys.path.insert(0, str(ROOT / "scripts"))

from watchdog.events import FileSystemEventHandler  # noqa: E402
from watchdog.observers import Observer  # noqa: E402

QUIET_S = 0.05  # an editor's save can be several events (a temporary file, a rename)


class Edits(FileSystemEventHandler):
    """The paths changed under the watched folders since the last `take`."""

    def __init__(self):
        self.changed: set[str] = set()
        self.condition = threading.Condition()

    def on_any_event(self, event):
        if event.is_directory or event.event_type in ("opened", "closed_no_write"):
            return
        with self.condition:
            self.changed.add(event.src_path)
            self.condition.notify_all()

    def take(self) -> set[str]:
        """Wait for an edit, then until the edits stop for QUIET_S; the paths edited (none
        after a second without edits, so that the caller looks at MkDocs now and then)."""
        with self.condition:
            if not self.condition.wait_for(lambda: self.changed, timeout=1):
                return set()
            while self.condition.wait(QUIET_S):
                pass
            changed, self.changed = self.changed, set()
            return changed


def generate(root: Path) -> list[str] | None:
    """The generator on root/sources, into root/docs: the paths it changed, or None when
    the sources are bad (the one-line error printed) or the generator's code fails (being
    edited): the server goes on, and the next edit runs it again."""
    try:
        build = importlib.import_module("edition.build")
        errors = importlib.import_module("edition.errors")
        staging = importlib.import_module("edition.publish.staging")
        cache = importlib.import_module("edition.cache").Cache(root / ".cache" / "edition", root / "sources")
    except Exception as err:  # noqa: BLE001 - the generator's code, mid-edit
        print(f"edition: the generator does not load ({type(err).__name__}: {err})", file=sys.stderr, flush=True)
        return None
    try:
        with build.collector_paused():
            edition = build.read_edition(root / "sources", cache)
            changed = staging.write_tree(build.render_edition(edition, cache), root / "docs")
        cache.prune()
        return changed
    except errors.EditionError as err:
        print(f"edition: {err}", file=sys.stderr, flush=True)
    except Exception as err:  # noqa: BLE001 - a fault in the generator: one line, as the CLI says it
        print(f"edition: internal error ({type(err).__name__}: {err})", file=sys.stderr, flush=True)
    return None


def reload_generator() -> None:
    """Forget the generator's modules, so that the next run imports its edited code."""
    for name in [m for m in sys.modules if m == "edition" or m.startswith("edition.")]:
        del sys.modules[name]


def title(path: Path) -> str | None:
    """A generated page's title as the navigation shows it: its front matter's title, or
    its first line (a heading)."""
    with open(path, encoding="utf-8") as handle:
        head = handle.read(4096)
    if head.startswith("---\n"):
        for line in head.split("\n")[1:]:
            if line.startswith("title:"):
                return line
            if line == "---":
                break
    return head.split("\n", 1)[0]


class Shape:
    """What every page shows of the others: the pages there are, their titles, the
    snippets. When it changes, every page must be rebuilt."""

    def __init__(self, docs: Path):
        self.docs = docs
        self.titles = {p.relative_to(docs).as_posix(): title(p) for p in docs.rglob("*.md")
                       if "_snippets" not in p.parts}

    def changes(self, changed: list[str]) -> bool:
        """Whether these changed paths change the shape (its record brought up to date)."""
        before = dict(self.titles)
        for relative in changed:
            path = self.docs / relative
            if relative.endswith(".md") and "/_snippets/" not in relative:
                if path.exists():
                    self.titles[relative] = title(path)
                else:
                    self.titles.pop(relative, None)
        # a snippet's text is in the pages that include it
        return before != self.titles or any("/_snippets/" in relative for relative in changed)


def touch_every_page(docs: Path) -> None:
    for path in docs.rglob("*.md"):
        os.utime(path)


def stop(*_) -> None:
    raise KeyboardInterrupt  # a terminated server stops its MkDocs too


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project (default: this one)")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args()
    root = args.root.resolve()
    docs = root / "docs"
    if generate(root) is None:
        sys.exit(1)
    signal.signal(signal.SIGTERM, stop)
    shape = Shape(docs)
    edits = Edits()
    observer = Observer()
    for folder in (root / "sources", GENERATOR):
        observer.schedule(edits, str(folder), recursive=True)
    observer.start()
    mkdocs = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload",
                               "--config-file", str(root / "mkdocs.serve.yml"), "--dev-addr", args.dev_addr],
                              cwd=root)  # pymdownx.snippets finds its base_path from the cwd
    try:
        while mkdocs.poll() is None:
            changed = edits.take()
            if not changed:
                continue
            if any(p.endswith(".py") for p in changed):
                reload_generator()
            start = time.perf_counter()
            written = generate(root)
            if written and shape.changes(written):
                touch_every_page(docs)
            if written is not None:
                print(f"edition: {len(written)} files changed in {time.perf_counter() - start:.2f} s", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        mkdocs.terminate()
        mkdocs.wait()


if __name__ == "__main__":
    main()
