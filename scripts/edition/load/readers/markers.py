"""Checks that a text's note markers and note definitions match one to one, in order."""
from __future__ import annotations

from ...errors import EditionError, SourcePosition
from ...model.text import TextMeta

Placed = list[tuple[int, SourcePosition]]


def check_notes(meta: TextMeta, markers: Placed, definitions: Placed) -> None:
    first_marker = _check_unique(markers, "note marker {n} appears twice (first at line {line}); "
                                          "each note is referenced exactly once")
    first_definition = _check_unique(definitions, "note {n} is defined twice (first at line {line}); "
                                                  "remove one of the definitions")
    for number, at in markers:
        if number not in first_definition:
            raise EditionError(at, f"note marker {number} has no definition; add the note's text "
                                   f"or remove the marker")
    for number, at in definitions:
        if number not in first_marker:
            raise EditionError(at, f"note {number} is defined but no marker in the text refers to it; "
                                   f"add the marker or remove the definition")
    _check_sequence(meta, markers, "note marker")
    _check_sequence(meta, definitions, "note definition")


def _check_unique(placed: Placed, message: str) -> dict[int, SourcePosition]:
    first: dict[int, SourcePosition] = {}
    for number, at in placed:
        if number in first:
            raise EditionError(at, message.format(n=number, line=first[number].line))
        first[number] = at
    return first


def _check_sequence(meta: TextMeta, placed: Placed, what: str) -> None:
    expected = meta.first_note
    for number, at in placed:
        if number != expected:
            raise EditionError(at, f"{what} {number} is out of order: {expected} was expected here"
                                   f"{range_begins_elsewhere(meta, number) if expected == meta.first_note else ''}")
        expected += 1
    if expected - 1 != meta.last_note:
        raise EditionError(meta.position, f"{meta.id} has notes {meta.first_note}–{expected - 1}, "
                                          f"but texts.toml says notes = \"{meta.first_note}-{meta.last_note}\"; "
                                          f"write notes = \"{meta.first_note}-{expected - 1}\"")


def range_begins_elsewhere(meta: TextMeta, first: int) -> str:
    """What to add to a message on the text's first marker: the manifest's range, which the
    editor writes, may be what is wrong (the source is never edited)."""
    return (f"; texts.toml says notes = \"{meta.first_note}-{meta.last_note}\": if the text's notes begin at "
            f"{first}, correct the range there")
