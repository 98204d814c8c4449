"""One error type for everything an editor can get wrong in the sources.

The CLI prints it as ``path:line: message`` and exits 1; nothing else in the
build prints tracebacks for bad input.
"""
from __future__ import annotations

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
    """A message on one line, as `path:line: message` must be (a library's may have several)."""
    return " ".join(part.strip() for part in text.strip().splitlines() if part.strip())
