"""Read a source file as text, strictly: UTF-8 only; a BOM and CRLF are accepted."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# tomli is tomllib's upstream (the same parser, the same messages); its wheels are compiled,
# which makes reading the TOML sources 3x faster than the standard library's copy.
import tomli as tomllib

from ..errors import EditionError, SourcePosition
from .toml_lines import key_lines


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
    refuse_links(path)
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


def refuse_links(path: Path) -> None:
    """Nothing is read through a symbolic link: neither the file nor any folder between it
    and sources/ may be one, and the file's real location must be inside sources/. A link
    would make the edition's input something outside the project (another folder, a system
    file), which no review of sources/ would see."""
    sources = next((folder for folder in path.parents if folder.name == "sources"), path.parent)
    current = sources
    for part in path.relative_to(sources).parts:
        current = current / part
        if current.is_symlink():
            what = "folder" if current != path else "file"
            raise EditionError(current, f"this {what} is a symbolic link; put the {what} itself in "
                                        "sources/ (the build reads nothing through a link)")
    if path.exists() and not path.resolve().is_relative_to(sources.resolve()):
        raise EditionError(path, "this file's real location is outside sources/; put the file itself there")




@dataclass(frozen=True)
class TomlFile:
    """A parsed TOML source with the line of every table header and key (toml_lines.py)."""
    path: Path
    data: dict
    lines: tuple[str, ...]
    key_lines: dict = field(compare=False)

    def at(self, *path) -> SourcePosition:
        """The line of a key or table, given by its path in the data ("reading", 3, "url");
        of the nearest enclosing one that is written, when it is not (a default)."""
        while path and path not in self.key_lines:
            path = path[:-1]
        return SourcePosition(self.path, self.key_lines.get(path, 1))

    def array_table(self, name: str) -> list[tuple[dict, SourcePosition]]:
        """The [[name]] tables, each with the line of its header."""
        tables = self.data.get(name, [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            raise EditionError(self.at(name), f"'{name}' must be written as [[{name}]] tables")
        return [(table, self.at(name, i)) for i, table in enumerate(tables)]


# C0 and C1 control characters (a tab, a newline or U+0085 included) and the Unicode line and
# paragraph separators: no field of the TOML sources is more than one line of text, and a
# control character or line break in one would carry into front matter or a Markdown line.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# A key or value holds such a character only if the file has it as written (a line end
# counts only inside a multi-line string) or an escape that makes it.
_MAY_HOLD_CONTROL = re.compile(r"""\\|\"\"\"|'''|[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]""")


def read_toml(path: Path) -> TomlFile:
    raw = read_source(path).text
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        raise _not_valid_toml(path, raw, err) from None
    toml = TomlFile(path, data, tuple(raw.split("\n")), key_lines(raw))
    # Only a file that may hold a control character is looked at, and only one that does
    # hold one is walked key by key to say where (most files: neither).
    if _MAY_HOLD_CONTROL.search(raw) and CONTROL.search("".join(_strings(data))):
        _check_one_line(toml, data, ())
    return toml


# What tomllib's messages mean in an editor's terms, and how to fix it.
TOML_HINTS = {
    "Illegal character '\\n'": 'a "..." value ends on its own line: add its closing quote',
    "Invalid value": 'write text between double quotes ("..."), a number or true/false as it is',
    "Expected '=' after a key": 'write key = "value"; a key with spaces or other signs is written in quotes',
    "Expected ']' at the end of a table declaration": ('a table\'s name with spaces or other signs is written in '
                                                       'quotes, ["CC CCP"], and its header ends with ]'),
    "Expected ']]' at the end of an array declaration": "a [[table]] header ends with ]]",
    "Expected newline or end of document": ('a value ended early: a " inside a "..." value is written \\", or the '
                                            "value is written between single quotes '...'; or something follows "
                                            "the value on its line (a comma, a second value)"),
    "Unclosed inline table": ("an inline table { ... } is written on one line, its fields separated by commas, "
                              "and closed with }"),
    "Unclosed array": "separate the list's items with commas and end it with ]",
}
# A line that begins a statement of its own: a header, or a key and its '='.
KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
STATEMENT = re.compile(rf"^\s*(?:\[|{KEY_PART}(?:\s*\.\s*{KEY_PART})*\s*=)")
OPENS_A_LIST = re.compile(rf"^\s*(?P<key>{KEY_PART})\s*=\s*\[")


def _not_valid_toml(path: Path, raw: str, err: Exception) -> EditionError:
    """tomllib's error as one line at the place of the mistake, with what to do about it."""
    lines = raw.split("\n")
    # tomllib gives the place only in its message: "... (at line 4, column 3)", or
    # "(at end of document)" for a list left open to the end.
    match = re.search(r"\(at line (\d+), column (\d+)", str(err))
    message = str(err).split(" (at ")[0]
    line = int(match[1]) if match else len(raw.rstrip("\n").split("\n"))
    column = int(match[2]) if match else 0
    left_open = _list_left_open(lines, message, line, column, at_end=not match)
    if left_open:
        return EditionError(SourcePosition(path, left_open[0]), left_open[1])
    if "twice" in message or message.startswith("Cannot overwrite a value"):
        single = _single_bracket_header(lines, line)
        if single:
            return EditionError(SourcePosition(path, single[0]), single[1])
    if "twice" in message:   # the line of the second header says it all
        message += "; each entry is defined once: merge the two"
    elif match:
        message += f" (column {column})"
    hint = next((hint for start, hint in TOML_HINTS.items() if message.startswith(start)), "")
    if hint:
        message += f"; {hint}"
    misspelt = _misspelt_header(lines, line)
    if misspelt:
        return EditionError(SourcePosition(path, misspelt[0]), misspelt[1])
    return EditionError(SourcePosition(path, line), f"not valid TOML: {message}")


def _list_left_open(lines: list[str], message: str, line: int, column: int, at_end: bool) -> tuple[int, str] | None:
    """Where a list's ']' or ',' is missing, when tomllib stops later, at what follows the list:
    the end of the file, the next statement (a key = or a header, which the list ran on into),
    or the next item of a list written across lines (the comma before it is missing)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    at_line_start = column == len(text) - len(text.lstrip()) + 1
    if at_end or (at_line_start and STATEMENT.match(text)):
        before = lines if at_end else lines[:line - 1]
        try:
            tomllib.loads("\n".join(before))
            return None
        except tomllib.TOMLDecodeError as err:
            # the end reached inside a list: after an item, or after the comma that follows one
            if str(err) not in ("Unclosed array (at end of document)", "Invalid value (at end of document)"):
                return None
        opened = _opened_list(before)
        if opened is None:
            return None
        where = "before the end of the file" if at_end else f"so it runs on into line {line}"
        return opened[0], (f"not valid TOML: the list of '{opened[1]}' is never closed, {where}; end it with ] "
                           "(and separate its items with commas)")
    if message.startswith("Unclosed array") and at_line_start:
        previous = max((n for n in range(1, line) if lines[n - 1].strip()), default=0)
        if previous:
            return previous, (f"not valid TOML: the list item on this line has no comma after it (the next item "
                              f"is on line {line}); separate the list's items with commas")
    return None


def _opened_list(lines: list[str]) -> tuple[int, str] | None:
    """The line and key of the last list opened (`key = [`) in these lines."""
    for number in range(len(lines), 0, -1):
        found = OPENS_A_LIST.match(lines[number - 1])
        if found:
            return number, found["key"].strip("\"'")
    return None


def _single_bracket_header(lines: list[str], line: int) -> tuple[int, str] | None:
    """When the error stands at a header whose name the file writes both as [name] and as
    [[name]]: the [name] header is the mistake (tomllib reports whichever comes second)."""
    found = HEADER.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if not found:
        return None
    name = found[2]
    single = [n + 1 for n, text in enumerate(lines) if (m := HEADER.match(text)) and m[1] == "[" and m[2] == name
              and "." not in text.split("]")[0]]
    double = [n + 1 for n, text in enumerate(lines) if (m := HEADER.match(text)) and m[1] == "[[" and m[2] == name]
    if not single or not double:
        return None
    return single[0], (f"[{name}] is written with single brackets, but the file's {name} tables are each under a "
                       f"[[{name}]] header; write [[{name}]]")


HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_.-]+)?\s*\]")


def _misspelt_header(lines: list[str], line: int) -> tuple[int, str] | None:
    """When the error stands at a sub-table ([reading.evidence]), and the [[...]] header
    before it names a table this file has nowhere else ([[readings]]): that header, misspelt,
    left the sub-table to the table before it, which has one already."""
    found = HEADER.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if not found or "." not in lines[line - 1].split("]")[0]:
        return None
    table = found[2]
    arrays = [(n + 1, m[2]) for n, text in enumerate(lines) if (m := HEADER.match(text)) and m[1] == "[["]
    before = [(n, name) for n, name in arrays if n < line]
    if not before or before[-1][1] == table or table not in {name for _, name in arrays}:
        return None
    at, name = before[-1]
    sub = lines[line - 1].strip()
    return at, (f"[[{name}]] is not a table of this file, so the {sub} at line {line} falls to the "
                f"[[{table}]] before it; write this header as [[{table}]]")


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
        for index, item in enumerate(value):
            _check_one_line(toml, item, keys + (index,) if isinstance(item, dict) else keys)
    elif isinstance(value, str) and CONTROL.search(value):
        char = CONTROL.search(value)[0]
        what = ("a line break" if char in "\n\r\u2028\u2029\x85" else
                f"the {'bidirectional' if UNSAFE.match(char) and ord(char) > 0x9f else 'control'} character U+{ord(char):04X}")
        raise EditionError(toml.at(*keys),
                           f"'{'.'.join(CONTROL.sub('?', k) for k in keys if isinstance(k, str))}' contains {what}; "
                           "write the value on one line, without control characters")
