"""Keys that become file names: never one of the edition's own pages, never two alike.

A person's key names people/KEY.md, an archive's bibliography/key.md, an entry's
documents/KEY.md. (A text's id names its folder texts/ID/, and is lowercase, unique and
never "_snippets": manifest.py.) No key is longer than a file name can be. A key equal to
a page the writers name themselves would replace that page, and two keys that differ only
in case or Unicode form would be one file on a case-insensitive disk (and one address on
most servers): both stop the build.
"""
from __future__ import annotations

import re
import unicodedata

from ..errors import EditionError, SourcePosition

# The names the writers (write/markdown/) give pages of their own in each folder: each
# folder's index.md; the bibliography's apparatus.md and its parts entries-N.md; and the
# parts of a long page, PAGE--PART.md.
OWN_PAGES = {
    "people": {"index": "the list of persons"},
    "bibliography": {"index": "the bibliography", "apparatus": "the apparatus"},
}
OWN_PATTERNS = {
    "bibliography": (re.compile(r"^entries-\d+$"), "a part of the bibliography"),
}
PART = "--"   # PAGE--PART.md: a part of a long page
# A key becomes a file name, and the writer's temporary file beside it adds a few characters:
# a disk takes 255 bytes for a name. Keys are words to read; 100 characters is plenty.
MAX_KEY = 100


def too_long(key: str, what: str) -> str:
    """What is wrong with a key too long for a file name ("" when it is not)."""
    if len(key.encode("utf-8")) <= MAX_KEY:
        return ""
    return f"the {what} key '{key[:40]}…' has {len(key)} characters; a key becomes a file name: at most {MAX_KEY}"


def file_name(key: str) -> str:
    """The key as the file it becomes is compared: NFC, case-folded."""
    return unicodedata.normalize("NFC", key).casefold()


def check_file_names(folder: str, keys: list[tuple[str, SourcePosition]], what: str) -> None:
    """Each key against the folder's own pages and against the other keys."""
    seen: dict[str, tuple[str, SourcePosition]] = {}
    for key, at in keys:
        if too_long(key, what):
            raise EditionError(at, too_long(key, what))
        name = file_name(key)
        own = OWN_PAGES.get(folder, {}).get(name)
        pattern, own_part = OWN_PATTERNS.get(folder, (None, ""))
        if own or (pattern and pattern.match(name)):
            raise EditionError(at, f"the {what} key '{key}' would be written as {folder}/{name}.md, the "
                                   f"page of {own or own_part}; choose another key")
        if PART in name:
            raise EditionError(at, f"the {what} key '{key}' holds '--', which names the parts of a long "
                                   "page; use single hyphens")
        if name in seen:
            other, first = seen[name]
            raise EditionError(at, f"the {what} keys '{other}' (line {first.line}) and '{key}' would be "
                                   f"written to the same file {folder}/{name}.md (file names ignore case "
                                   "and Unicode form); rename one")
        seen[name] = (key, at)
