"""Read a source file as text, strictly: UTF-8 only; a BOM and CRLF are accepted."""
from __future__ import annotations

import functools
import re
import tomllib
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


HEADER = re.compile(r'^\[\s*"?([^"\[\]]+?)"?\s*\]\s*$')


@dataclass(frozen=True)
class TomlFile:
    """A parsed TOML source, with the lines of its table headers for error messages."""
    path: Path
    data: dict
    lines: tuple[str, ...]

    def array_table(self, name: str) -> list[tuple[dict, SourcePosition]]:
        """The [[name]] tables, each with the line of its header."""
        starts = [i + 1 for i, line in enumerate(self.lines) if line.strip() == f"[[{name}]]"]
        tables = self.data.get(name, [])
        if not isinstance(tables, list):
            raise EditionError(SourcePosition(self.path, 1), f"'{name}' must be written as [[{name}]] tables")
        return [(table, SourcePosition(self.path, starts[i] if i < len(starts) else 0))
                for i, table in enumerate(tables)]

    def table(self, key: str) -> SourcePosition:
        """The line of the [key] header (quoted or not)."""
        return SourcePosition(self.path, self._header_lines.get(key, 0))

    @functools.cached_property
    def _header_lines(self) -> dict[str, int]:
        found = {}
        for i, line in enumerate(self.lines):
            match = HEADER.match(line)
            if match:
                found.setdefault(match[1], i + 1)
        return found


def read_toml(path: Path) -> TomlFile:
    raw = read_source(path).text
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        # tomllib gives the place only in its message: "... (at line 4, column 3)"
        match = re.search(r"\(at line (\d+)", str(err))
        message = str(err).split(" (at line")[0]
        if "twice" in message:
            message += "; each entry is defined once: merge the two"
        raise EditionError(SourcePosition(path, int(match[1]) if match else 0), f"not valid TOML: {message}") from None
    return TomlFile(path, data, tuple(raw.split("\n")))
