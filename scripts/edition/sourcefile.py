"""Read a source file as text, strictly: UTF-8 only; a BOM and CRLF are accepted."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import EditionError, SourcePosition


@dataclass(frozen=True)
class SourceFile:
    path: Path
    text: str  # normalised: no BOM, "\n" line ends

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def at(self, line: int) -> SourcePosition:
        return SourcePosition(self.path, line)


def read_source(path: Path) -> SourceFile:
    if not path.is_file():
        raise EditionError(path, "file not found; check the path in sources/texts.toml")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise EditionError(
            SourcePosition(path, line),
            f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); re-save the file as UTF-8",
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EditionError(SourcePosition(path, 1), "the file is empty; supply the text or remove its manifest entry")
    return SourceFile(path, text)
