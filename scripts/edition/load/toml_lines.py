"""Where each key of a TOML source is written: a small tokenizer over the text.

tomli parses the values but gives no positions; this walks the same text once and
records, for every table header and every key, the line it is on, under the key's path
in the parsed data ("reading", 3, "evidence", "date"). It knows what moves a line count
or hides a key: comments (after a header too), the four kinds of string (multi-line ones
across lines), arrays and inline tables across lines, quoted and dotted keys. It runs on
text tomli has already accepted, so it need not report errors of its own.
"""
from __future__ import annotations

import re

import tomli

BARE = re.compile(r"[A-Za-z0-9_-]+")
BLANK = re.compile(r"(?:[ \t\r]+|#[^\n]*)*")           # spaces and a comment, up to a line end
MEANINGFUL = re.compile(r"[\"'#\n\[\]{}]")              # what a value's scan stops at
Path = tuple  # of str keys and int indices of [[array]] tables


def key_lines(text: str) -> dict[Path, int]:
    lines: dict[Path, int] = {}
    counts: dict[Path, int] = {}     # [[array]] table (concrete path) -> tables seen so far
    table: Path = ()
    i, line, n = 0, 1, len(text)
    while i < n:
        i, line = _blank(text, i, line)
        if i >= n:
            break
        if text[i] == "[":           # a table header: [a.b] or [[a.b]]
            double = text.startswith("[[", i)
            parts, i = _key(text, i + (2 if double else 1))
            table = _concrete(parts[:-1], counts) + parts[-1:] if double else _concrete(parts, counts)
            if double:
                lines.setdefault(table, line)
                counts[table] = counts.get(table, -1) + 1
                table = table + (counts[table],)
            lines.setdefault(table, line)
            i = text.index("]", i) + (2 if double else 1)
        else:                        # key = value
            parts, i = _key(text, i)
            for end in range(1, len(parts) + 1):
                lines.setdefault(table + parts[:end], line)
            i, line = _value(text, text.index("=", i) + 1, line)
    return lines


def _concrete(parts: tuple[str, ...], counts: dict[Path, int]) -> Path:
    """A header's path with the index of each [[array]] table it lies in."""
    path: Path = ()
    for part in parts:
        path += (part,)
        if path in counts:
            path += (counts[path],)
    return path


def _blank(text: str, i: int, line: int) -> tuple[int, int]:
    """Past spaces, line ends and comments."""
    i = BLANK.match(text, i).end()
    while text.startswith("\n", i):
        line += 1
        i = BLANK.match(text, i + 1).end()
    return i, line


def _key(text: str, i: int) -> tuple[tuple[str, ...], int]:
    """A dotted key's parts (quoted parts decoded) and the position after it."""
    parts = []
    while True:
        while text[i] in " \t":
            i += 1
        if text[i] in "\"'":
            end = _string_end(text, i)
            parts.append(next(iter(tomli.loads(text[i:end] + " = 0"))))
            i = end
        else:
            match = BARE.match(text, i)
            parts.append(match[0])
            i = match.end()
        while text[i] in " \t":
            i += 1
        if text[i] != ".":
            return tuple(parts), i
        i += 1


def _string_end(text: str, i: int) -> int:
    """The position after the string that starts at i (any of TOML's four kinds)."""
    quote = text[i]
    if text.startswith(quote * 3, i):
        end = i + 3
        while True:
            end = text.index(quote * 3, end)
            if quote == '"' and _escaped(text, end):
                end += 1
                continue
            while text.startswith(quote, end + 3):   # up to two quotes may close the content
                end += 1
            return end + 3
    end = text.index(quote, i + 1)
    while quote == '"' and _escaped(text, end):
        end = text.index(quote, end + 1)
    return end + 1


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    while text[at - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _value(text: str, i: int, line: int) -> tuple[int, int]:
    """Past a value (strings, arrays and inline tables across lines) to its line's end."""
    depth = 0
    while True:
        match = MEANINGFUL.search(text, i)
        if not match:
            return len(text), line
        i = match.start()
        c = text[i]
        if c in "\"'":
            end = _string_end(text, i)
            line += text.count("\n", i, end)
            i = end
            continue
        if c == "#" or (c == "\n" and depth):
            i, line = _blank(text, i, line)
            continue
        if c == "\n":
            return i, line
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        i += 1
