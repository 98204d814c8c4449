"""Writing the generated files into docs/: every file rendered in memory first, then only
the changes applied. A file whose bytes did not change is left as it is (MkDocs' live
reload and `mkdocs serve --dirty` see no change where there was none); a file the build no
longer makes is removed, with the folders it leaves empty. A failed build raises before
anything is applied, so it writes nothing and the last good output stays."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import EditionError, SourcePosition
from .atomic import write_beside

GENERATED = ("texts", "bibliography", "downloads", "chronology", "people", "glossary", "where-the-texts-meet", "documents")  # folders of docs/ the build owns


class Staging:
    """The generated files gathered in memory; commit() puts the changes in place."""

    def __init__(self, docs: Path):
        self.docs = docs
        self.files: dict[str, bytes] = {}

    def write(self, files: dict[str, str]) -> None:
        """Add generated files (paths relative to docs/), each path checked now."""
        for relative in sorted(files):
            self.files[checked_path(relative)] = files[relative].encode("utf-8")

    def commit(self) -> list[str]:
        """Write the files whose bytes changed, remove the generated files no longer made;
        returns the paths changed (relative to docs/), sorted.

        Every changed file is written beside its page first, and only when all are written
        are they renamed into place: a write that fails (a full disk, a name too long for
        it) leaves docs/ as it was."""
        self.docs.mkdir(parents=True, exist_ok=True)
        old = _generated_files(self.docs)
        changed = [relative for relative, data in self.files.items()
                   if old.get(relative) != len(data) or _read(self.docs / relative) != data]
        written = self._write_beside(changed)
        for relative, temporary in zip(changed, written):
            os.replace(temporary, self.docs / relative)
        gone = sorted(set(old) - set(self.files))
        for relative in gone:
            os.remove(self.docs / relative)
        _remove_empty_folders(self.docs)
        return sorted(changed + gone)

    def _write_beside(self, changed: list[str]) -> list[str]:
        written: list[str] = []
        try:
            for relative in changed:
                written.append(write_beside(self.docs / relative, self.files[relative]))
        except OSError as error:
            for temporary in written:
                os.remove(temporary)
            _remove_empty_folders(self.docs)
            raise EditionError(SourcePosition(Path("docs") / relative),
                               f"cannot be written ({error.strerror}); nothing in docs/ was changed: "
                               "free disk space, or shorten the key that names this file") from None
        return written

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc) -> None:
        self.files = {}


def write_tree(files: dict[str, str], docs: Path) -> list[str]:
    """Put the generated files (paths relative to docs/) in place; returns the paths changed."""
    with Staging(docs) as staging:
        staging.write(files)
        return staging.commit()


# A generated file's path: a generated folder, then names of letters, digits, '_', '-' and
# '.' (never '..', never empty, never absolute). Keys from the sources that become file
# names are checked for this shape where they are read, with their line; this is the
# writer's own guard, so that nothing is ever written outside the generated folders.
PATH_PART = re.compile(r"^[\w-][\w.-]*$", re.ASCII)


def checked_path(relative: str) -> str:
    parts = relative.split("/")
    if parts[0] not in GENERATED or len(parts) < 2 or not all(
            PATH_PART.match(part) and ".." not in part for part in parts[1:]):
        raise EditionError(SourcePosition(Path("sources")),
                           f"the build would write '{relative}', outside its folders of docs/; "
                           "a key that becomes a file name has the wrong shape")
    return relative


def _generated_files(docs: Path) -> dict[str, int]:
    """Every file under docs/'s generated folders: its path relative to docs/, its size."""
    found = {}
    for name in GENERATED:
        for folder, _, names in os.walk(docs / name):
            for file_name in names:
                path = Path(folder, file_name)
                found[path.relative_to(docs).as_posix()] = path.stat().st_size
    return found


def _read(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _remove_empty_folders(docs: Path) -> None:
    for name in GENERATED:
        for folder, _, _ in sorted(os.walk(docs / name), reverse=True):  # deepest first
            if not os.listdir(folder):
                os.rmdir(folder)
