"""One build at a time in a project: a run that writes docs/ or site/ holds an exclusive
lock on `.edition.lock` at the project root; a second run waits for it, saying so in one
line. The lock is the kernel's (fcntl.flock): a run that is killed releases it with its
process, so no stale lock file ever blocks the next run.

Under the lock, the start of a run clears what a killed run left behind: its staging
folders (each run makes its own, with a random suffix), which nothing else would remove."""
from __future__ import annotations

import contextlib
import fcntl
import shutil
import sys
from pathlib import Path
from typing import Iterator

from .staging import GENERATED

LOCK_NAME = ".edition.lock"

# What a run stages beside its targets, by name pattern: in docs/'s generated folders, the
# temporary files each changed file is written to before its rename (publish/staging.py);
# the staged copy of docs/ that MkDocs builds from (site.py); beside the site, its staging
# and old folders and Pagefind's folder of pages.
IN_ROOT = (".docs-build-*",)
BESIDE_SITE = (".{name}-new*", ".{name}-old*", ".pagefind-pages-*")


@contextlib.contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """Hold the project's build lock for the `with` block; wait if another run holds it."""
    path = root / LOCK_NAME
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"edition: another build is running in {root}; waiting for it to end",
                  file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clear_leftovers(root: Path, site: Path | None = None) -> None:
    """Remove the staging folders of runs that were killed (call it holding the lock: no
    other run is using them then). `site`: the site folder a run builds, if any."""
    found = [p for name in GENERATED for p in (root / "docs" / name).glob("**/.*")]
    found += [p for pattern in IN_ROOT for p in root.glob(pattern)]
    if site is not None:
        found += [p for pattern in BESIDE_SITE for p in site.parent.glob(pattern.format(name=site.name))]
    for leftover in found:
        if leftover.is_symlink() or leftover.is_file():
            leftover.unlink(missing_ok=True)
        elif leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
