"""The fields of each TOML source, declared once, and the one check that reads them.

A loader declares each table's fields as {name: Field(shape, required)}; `check_table`
stops at the first problem with the line of the key (or of the table, for a field that
is missing), the field's name, what is allowed and how to fix it. A shape is a function
from the value to what is wrong with it ("" when nothing is).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..errors import EditionError
from .sourcefile import TomlFile

Shape = Callable[[object], str]


@dataclass(frozen=True)
class Field:
    shape: Shape
    required: bool = False


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
        if field.required and table.get(name) in (None, "", [], {}):
            raise EditionError(toml.at(*path), f"{label} needs '{name}'; {how_to}")
    for name, value in table.items():
        problem = fields[name].shape(value)
        if problem:
            raise EditionError(toml.at(*path, name), f"'{name}' of {label} {problem}")
    return table


def _get(data, path: tuple):
    for part in path:
        data = data[part]
    return data


# ---------------------------------------------------------------- shapes

def text(value) -> str:
    return "" if isinstance(value, str) else "must be a string in double quotes"


def filled(value) -> str:
    """One line of text with something in it."""
    return text(value) or ("" if value.strip() else "must not be empty")


def integer(value) -> str:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return "" if ok else "must be a whole number, e.g. 7"


def boolean(value) -> str:
    return "" if isinstance(value, bool) else "must be true or false"


def year(value) -> str:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 2100
    return "" if ok else "must be a year written as a number between 1 and 2100, e.g. born = 1912"


def one_of(*allowed: str) -> Shape:
    def check(value) -> str:
        return "" if value in allowed else f"must be one of: {', '.join(allowed)} (not {value!r})"
    return check


def strings(value) -> str:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return 'must be a list of strings, e.g. ["a", "b"]'
    return "" if all(v.strip() for v in value) else "holds an empty string"


def forms(value) -> str:
    """Name forms the matcher looks for: two visible characters or more, no outer spaces."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return 'must be a list of strings, e.g. ["a", "b"]'
    for form in value:
        if len(form) < 2 or form != form.strip():
            return (f"holds the form “{form}”: a name form has two characters or more and no spaces "
                    "around it (a shorter one would be found inside other words)")
    return ""


URL = re.compile(r"^https?://[^\s<>\"'`\\{}|^\[\]]+$")


def sources(value) -> str:
    """References: free text, or http(s) addresses (the host policy checks their hosts)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return 'must be a list of strings, e.g. ["a", "b"]'
    for source in value:
        if source.startswith(("http:", "https:")) and not URL.match(source):
            return f"holds the address “{source}”, which has a space or one of < > \" ' ` {{ }} | \\ ^ [ ]"
        if not source.strip():
            return "holds an empty source"
    return ""
