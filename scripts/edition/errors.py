"""One error type for everything an editor can get wrong in the sources.

The CLI prints it as ``path:line: message`` and exits 1; nothing else in the
build prints tracebacks for bad input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SourcePosition:
    path: Path
    line: int = 0

    def __post_init__(self):
        if not isinstance(self.path, Path):  # most callers pass a Path: no copy made
            object.__setattr__(self, "path", Path(self.path))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else f"{self.path}"


class EditionError(Exception):
    """Bad input: where it is, what is wrong and how to fix it."""

    def __init__(self, where: SourcePosition | Path | str, message: str):
        if not isinstance(where, SourcePosition):
            where = SourcePosition(Path(where))
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


def one_line(text: str) -> str:
    """A message on one line, as `path:line: message` must be (a library's may have several),
    with any control character left in it escaped (quoted)."""
    return quoted(" ".join(part.strip() for part in text.strip().splitlines() if part.strip()))


# Characters that would start a new line, drive the terminal (ESC, CSI), or reorder what it
# shows (the bidirectional controls): C0 and C1 controls, DEL, the Unicode line and paragraph
# separators, the bidi embeddings, overrides and isolates, and the directional marks.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quoted(text: str) -> str:
    """Text for a message line: every character that could forge a second line or drive the
    terminal written as its Python escape (a newline as \\n, ESC as \\x1b, U+202E as
    \\u202e); other text unchanged."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match[0]
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
