"""Read a source file as text, strictly: UTF-8 only; a BOM and CRLF are accepted."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

# tomli is tomllib's upstream (the same parser, the same messages); its wheels are compiled,
# which makes reading the TOML sources 3x faster than the standard library's copy.
import tomli as tomllib

from ..errors import EditionError, SourcePosition


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
    _reject_unsafe_characters(path, text)
    if not text.strip():
        raise EditionError(SourcePosition(path, 1), "the file is empty; supply the text or remove its manifest entry")
    return SourceFile(path, text)


# Characters no source needs and that would damage what a reader sees: C0 and C1 controls
# (ESC, NUL, ...; a tab and a line end are text) and the bidirectional controls, which
# reverse or reorder the text around them on the page (U+202E shows "Stalin" as "nilatS").
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _reject_unsafe_characters(path: Path, text: str) -> None:
    found = UNSAFE.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        char = found[0]
        what = ("the bidirectional control" if char in "\u061c\u200e\u200f" or "\u202a" <= char <= "\u202e"
                or "\u2066" <= char <= "\u2069" else "the control character")
        raise EditionError(SourcePosition(path, line),
                           f"column {column} holds {what} U+{ord(char):04X}, which no source needs and which "
                           "would change what the page shows; delete it")


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

    def line_of(self, keys: tuple[str, ...], value: str = "") -> int:
        """The line of a value (best effort): where its key is set, after the header of its
        table, preferring a line that holds some of the value; else the table's header."""
        start = self._header_lines.get(keys[0], 1) if keys else 1
        field = keys[-1] if keys else ""
        pieces = sorted(re.split(r'[\x00-\x1f\x7f-\x9f\u2028\u2029"\\\\]', value), key=len)
        fragment = pieces[-1][:20] if pieces and len(pieces[-1]) >= 3 else ""
        candidates = [number for number, line in enumerate(self.lines, 1)
                      if number >= start and (m := FIELD.match(line)) and m[1] == field]
        holding = [n for n in candidates if fragment and fragment in self.lines[n - 1]]
        anywhere = [n for n, line in enumerate(self.lines, 1) if fragment and fragment in line]
        return (holding or candidates or anywhere or [start])[0]

    def top_level_line(self, name: str) -> int:
        """The line where a top-level table or key is written ([[name]], [name] or name = ...)."""
        written = re.compile(rf'^\s*(?:\[\[?\s*"?{re.escape(name)}"?\s*[\].]|"?{re.escape(name)}"?\s*[=.])')
        return next((i + 1 for i, line in enumerate(self.lines) if written.match(line)), 1)

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


# C0 and C1 control characters (a tab, a newline or U+0085 included) and the Unicode line and
# paragraph separators: no field of the TOML sources is more than one line of text, and a
# control character or line break in one would carry into front matter or a Markdown line.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A key or value holds such a character only if the file has it as written (a line end
# counts only inside a multi-line string) or an escape that makes it.
_MAY_HOLD_CONTROL = re.compile(r"""\\|\"\"\"|'''|[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]""")
FIELD = re.compile(r'^\s*"?([^"=\s]+)"?\s*=')


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
    toml = TomlFile(path, data, tuple(raw.split("\n")))
    # Only a file that may hold a control character is looked at, and only one that does
    # hold one is walked key by key to say where (most files: neither).
    if _MAY_HOLD_CONTROL.search(raw) and CONTROL.search("".join(_strings(data))):
        _check_one_line(toml, data, ())
    return toml


def _strings(data):
    """Every key and string value of parsed TOML, in no particular order."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            yield from value
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _check_one_line(toml: TomlFile, value, keys: tuple[str, ...]) -> None:
    """Every key and string of a TOML source is one line of text without control characters."""
    if isinstance(value, dict):
        for key, item in value.items():
            _check_one_line(toml, key, keys + (key,))
            _check_one_line(toml, item, keys + (key,))
    elif isinstance(value, list):
        for item in value:
            _check_one_line(toml, item, keys)
    elif isinstance(value, str) and CONTROL.search(value):
        char = CONTROL.search(value)[0]
        what = "a line break" if char in "\n\r\u2028\u2029\x85" else f"the control character U+{ord(char):04X}"
        raise EditionError(SourcePosition(toml.path, toml.line_of(keys, value)),
                           f"'{'.'.join(CONTROL.sub('?', k) for k in keys)}' contains {what}; "
                           "write the value on one line, without control characters")
