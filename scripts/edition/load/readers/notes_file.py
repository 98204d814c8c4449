"""Notes kept outside the source text (sources/notes/*.toml), each with its basis.

A text whose source lacks its notes (Kissinger's e-book section carries only the
markers) gets them from here. The basis is kept so that an editor's identification
is never shown as the author's words.
"""
from __future__ import annotations

from pathlib import Path

from ...errors import EditionError, SourcePosition
from ...model.text import AUTHOR, EDITORIAL, UNKNOWN, Note, Plain, TextMeta
from ..sourcefile import read_toml
from .inline import _MD, MAX_DEPTH, TooDeep, parse_inline

BASES = {"author": AUTHOR, "editorial": EDITORIAL, "unknown": UNKNOWN}
FIELDS = {"number", "basis", "text", "identification", "evidence", "comment", "cites"}
NEEDS = {AUTHOR: ("text",), EDITORIAL: ("identification", "evidence"), UNKNOWN: ()}


def read_notes_file(path: Path, meta: TextMeta) -> tuple[Note, ...]:
    notes = [_note(table, at) for table, at in read_toml(path).array_table("note")]
    numbers = [n.number for n in notes]
    expected = list(range(meta.first_note, meta.last_note + 1))
    if numbers != expected:
        raise EditionError(SourcePosition(path, 1), f"the [[note]] tables must be numbered "
                                                    f"{meta.first_note}–{meta.last_note} in order; found {numbers}")
    return tuple(notes)


def _note(table: dict, at: SourcePosition) -> Note:
    unknown = set(table) - FIELDS
    if unknown:
        raise EditionError(at, f"unknown field(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(FIELDS))}")
    if not isinstance(table.get("number"), int):
        raise EditionError(at, "each [[note]] needs number = N")
    for field in ("basis", "text", "identification", "evidence", "comment"):
        if not isinstance(table.get(field, ""), str):
            raise EditionError(at, f"'{field}' of note {table['number']} must be a string in double quotes")
    cites = table.get("cites", [])
    if not isinstance(cites, list) or not all(isinstance(c, str) and c for c in cites):
        raise EditionError(at, f"'cites' of note {table['number']} must be a list of bibliography keys, "
                               'e.g. cites = ["doc-1950-07-02-roshchin-stalin"]')
    try:
        return _checked_note(table, at)
    except TooDeep:
        raise EditionError(at, f"inline markup in note {table['number']} is nested more than {MAX_DEPTH} "
                               "levels deep; simplify it") from None


def _checked_note(table: dict, at: SourcePosition) -> Note:
    basis = BASES.get(table.get("basis", ""))
    if basis is None:
        raise EditionError(at, f"basis must be one of {', '.join(BASES)}")
    for field in NEEDS[basis]:
        if not str(table.get(field, "")).strip():
            raise EditionError(at, f"note {table['number']} has basis '{table['basis']}' and so needs '{field}'")
    return Note(
        number=table["number"], inlines=_inline(table.get("text", "")), line=at.line, basis=basis,
        identification=_inline(table.get("identification", "")), evidence=_inline(table.get("evidence", "")),
        comment=_inline(table.get("comment", "")),
        cites=tuple(table.get("cites", ())),
    )


def _inline(markdown: str):
    if not markdown:
        return ()
    tokens = _MD.parseInline(markdown)
    return parse_inline(tokens[0].children or []) if tokens else (Plain(markdown),)


def placeholder_notes(meta: TextMeta, markers) -> tuple[Note, ...]:
    """Notes for a text whose source carries markers only and no notes file."""
    return tuple(Note(n, (), at.line, basis=UNKNOWN,
                      evidence=(Plain("The note's text is not in the source."),)) for n, at in markers)
