"""The fields of each TOML source, declared once, and the one check that reads them.

A loader declares each table's fields as {name: Field(shape, required)}; `check_table`
stops at the first problem with the line of the key (or of the table, for a field that
is missing), the field's name, what is allowed and how to fix it. A shape is a function
from the value to what is wrong with it ("" when nothing is).
"""
from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from ..errors import EditionError, SourcePosition
from .sourcefile import TomlFile

Shape = Callable[[object], str]


@dataclass(frozen=True)
class Field:
    shape: Shape
    required: bool = False
    may_be_empty: bool = False   # a required field that may be "" (written, but empty)


def check_table(toml: TomlFile, path: tuple, fields: dict[str, Field], label: str, how_to: str) -> dict:
    """The table at `path` of the file, checked against its declared fields.

    label names the table in messages ("[mao-zedong]", "[[text]]"); how_to says where the
    fields are listed."""
    table = _get(toml.data, path)
    if not isinstance(table, dict):
        raise EditionError(toml.at(*path), f"{label} must be a table: a header followed by its fields")
    for name in table:
        if name not in fields:
            raise EditionError(toml.at(*path, name), f"unknown field '{name}' in {label}; {how_to}")
    for name, field in fields.items():
        if field.required and (name not in table or (table[name] in ("", [], {}) and not field.may_be_empty)):
            raise EditionError(toml.at(*path), f"{label} needs '{name}'; {how_to}")
    for name, value in table.items():
        problem = fields[name].shape(value)
        if problem:
            raise EditionError(toml.at(*path, name), f"'{name}' of {label} {problem}")
    return table


def only_tables(toml: TomlFile, name: str) -> list[tuple[dict, SourcePosition]]:
    """The file's [[name]] tables, the file holding nothing else: a misspelt header would
    make a table that the build never reads."""
    for key in toml.data:
        if key != name:
            raise EditionError(toml.at(key), f"unknown table or key '{key}' in {toml.path.name}; the file "
                                             f"holds only [[{name}]] tables (is the header misspelt?)")
    return toml.array_table(name)


def check_variant(toml: TomlFile, path: tuple, key: str, variants: dict[str, dict[str, Field]],
                  label: str, how_to: str) -> dict:
    """A table whose fields depend on the value of one of them (a reading's `status`, a
    note's `basis`): that field is checked first, then the table against its variant's fields.
    A field that belongs to other variants only is named as such: accepted, it would be
    read into the model, yet no writer of this variant would show it."""
    table = _get(toml.data, path)
    if not isinstance(table, dict):
        raise EditionError(toml.at(*path), f"{label} must be a table: a header followed by its fields")
    if key not in table:
        raise EditionError(toml.at(*path), f"{label} needs '{key}'; {how_to}")
    value = table[key]
    if not isinstance(value, str) or value not in variants:
        raise EditionError(toml.at(*path, key), f"'{key}' of {label} {one_of(*variants)(value)}")
    fields = variants[value]
    for name in (name for name in table if name not in fields):
        others = " or ".join(f'"{v}"' for v, f in variants.items() if name in f)
        if others:
            raise EditionError(toml.at(*path, name), f"'{name}' does not belong to {label}, whose {key} is "
                                                     f"\"{value}\" (it belongs with {key} {others}); remove it "
                                                     f"or change the {key}")
    return check_table(toml, path, fields, f'{label} with {key} "{value}"', how_to)


def _get(data, path: tuple):
    for part in path:
        data = data[part]
    return data


# ---------------------------------------------------------------- shapes

# Characters that show nothing by themselves: format characters (zero-width space, joiners,
# U+2060, U+FEFF), combining marks with no base, spaces, controls, and the fillers Unicode
# counts as letters but draws as blank.
INVISIBLE_CATEGORIES = {"Cf", "Mn", "Me", "Cc", "Zs", "Zl", "Zp"}
BLANK_LETTERS = set("\u115f\u1160\u3164\uffa0\u2800")


def _is_visible(char: str) -> bool:
    return unicodedata.category(char) not in INVISIBLE_CATEGORIES and char not in BLANK_LETTERS


def visible(value: str) -> int:
    """How many characters of the value a reader can see."""
    return sum(1 for c in value if _is_visible(c))


def shows_something(value: str) -> bool:
    """Whether a reader can see any character of the value. It stops at the first one: every
    field of every source is checked on every build, and most fields are long."""
    return any(_is_visible(c) for c in value)


def text(value) -> str:
    return "" if isinstance(value, str) else "must be a string in double quotes"


def filled(value) -> str:
    """One line of text with something visible in it."""
    return text(value) or ("" if shows_something(value) else "must not be empty (or hold only invisible characters)")


def whole(low: int, high: int, example: int) -> Shape:
    def check(value) -> str:
        ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
        return "" if ok else f"must be a whole number from {low} to {high}, e.g. {example} (not {value!r})"
    return check


note_number = whole(1, 9999, 18)


def boolean(value) -> str:
    return "" if isinstance(value, bool) else "must be true or false"


# A year the edition can print: from 1 (no era is written) to next year (a text announced).
LAST_YEAR = datetime.date.today().year + 1


def year(value) -> str:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= LAST_YEAR
    return "" if ok else (f"must be a year written as a number from 1 to {LAST_YEAR}, e.g. 1950 "
                          f"(not {value!r})")


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_day(what: str) -> Shape:
    """The day something was done (a page read, a search made): a real calendar date, as
    YYYY-MM-DD, and not after today. `what` says which day it is."""
    def check(value) -> str:
        if text(value):   # a TOML date written bare, too: the sources write every date as a string
            return text(value)
        day = _day(value)
        if day is None:
            return f"must be a real date, as YYYY-MM-DD ({what}), not '{value}'"
        return f"is '{value}', which lies in the future; write {what}" if day > _latest_today() else ""
    return check


def _day(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if ISO_DAY.fullmatch(value) else None
    except ValueError:   # no such day: 2026-02-31, 2026-13-45
        return None


def _latest_today() -> datetime.date:
    """Today's date where it is latest (UTC+14): a date an editor wrote on their own today
    never fails a build on a machine whose clock is in a zone behind theirs. Read at each
    check, so that a long `make serve` moves on with the calendar."""
    return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=14))).date()


def one_of(*allowed: str) -> Shape:
    def check(value) -> str:
        return "" if value in allowed else f"must be one of: {', '.join(allowed)} (not {value!r})"
    return check


def matching(pattern: re.Pattern, what: str) -> Shape:
    """A string the pattern matches in full; `what` says what it must be."""
    def check(value) -> str:
        return text(value) or ("" if pattern.match(value) else f"{what}, not '{value}'")
    return check


def table(value) -> str:
    return "" if isinstance(value, dict) else "must be a table: a [header] followed by its fields"


def tables(value) -> str:
    ok = isinstance(value, list) and all(isinstance(v, dict) for v in value)
    return "" if ok else "must be written as tables each under its own [[double-bracket]] header"


def _list_of_strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _given_twice(value: list[str]) -> str:
    """An item listed twice: every list is printed as written, so the page would show it twice."""
    seen = set()
    for item in value:
        if item in seen:
            return f"lists “{item}” twice; keep one"
        seen.add(item)
    return ""


def strings(value) -> str:
    if not _list_of_strings(value):
        return 'must be a list of strings, e.g. ["a", "b"]'
    if not all(shows_something(v) for v in value):
        return "holds an empty string (or one of invisible characters only)"
    return _given_twice(value)


def forms(value) -> str:
    """Name forms the matcher looks for: two visible characters or more, nothing invisible
    or blank around them."""
    if not _list_of_strings(value):
        return 'must be a list of strings, e.g. ["a", "b"]'
    for form in value:
        if form != form.strip():
            return (f"holds the form “{form}”: a name form has no spaces around it (it would be found "
                    "only with them)")
        if visible(form) < 2 or not visible(form[0]) or _blank_end(form[-1]):
            shown = f"“{form}”" if visible(form) == len(form) else f"“{form}” ({_code_points(form)})"
            return (f"holds the form {shown}: a name form has two visible characters or more and no "
                    "invisible character at either end (a shorter one would be found inside other words, "
                    "an invisible one would show nothing)")
    return _given_twice(value)


def _blank_end(char: str) -> bool:
    """A character a form may not end with (a combining mark may: "é" written as e + U+0301)."""
    return unicodedata.category(char) in INVISIBLE_CATEGORIES - {"Mn", "Me"} or char in BLANK_LETTERS


def _code_points(form: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in form[:12]) + (" …" if len(form) > 12 else "")


URL = re.compile(r"^https?://[^\s<>\"'`\\{}|^\[\]]+$")


def sources(value) -> str:
    """References: free text, or http(s) addresses (the host policy checks their hosts)."""
    if not _list_of_strings(value):
        return 'must be a list of strings, e.g. ["a", "b"]'
    for source in value:
        if source.startswith(("http:", "https:")) and not URL.match(source):
            return f"holds the address “{source}”, which has a space or one of < > \" ' ` {{ }} | \\ ^ [ ]"
        if not shows_something(source):
            return "holds an empty source"
    return _given_twice(value)
