"""Notes kept outside the source text (sources/notes/*.toml), each with its basis.

A text whose source lacks its notes (Kissinger's e-book section carries only the
markers) gets them from here. The basis is kept so that an editor's identification
is never shown as the author's words.
"""
from __future__ import annotations

from pathlib import Path

from ...errors import EditionError, SourcePosition
from ...model.text import AUTHOR, EDITORIAL, UNKNOWN, Note, Plain, TextMeta
from ..fields import Field, check_variant, filled, note_number, only_tables, strings, text
from ..sourcefile import TomlFile, read_toml
from .inline import _MD, MAX_DEPTH, TooDeep, parse_inline


def _keys(value) -> str:
    if not isinstance(value, list) or not all(isinstance(key, str) for key in value):
        return 'must be a list of bibliography keys, e.g. cites = ["doc-1950-07-02-roshchin-stalin"]'
    return strings(value)   # no empty key, none listed twice (the note would show it twice)


COMMON = {"number": Field(note_number, True), "basis": Field(text, True)}
# The fields of a note, by its basis, and no others: the pages show only these (an
# identification is never shown on an author's note, a comment never on an editor's), so a
# field of another basis would be published in downloads/notes.json and shown nowhere.
BY_BASIS = {"author": COMMON | {"text": Field(filled, True), "comment": Field(text), "cites": Field(_keys)},
            "editorial": COMMON | {"identification": Field(filled, True), "evidence": Field(filled, True),
                                   "cites": Field(_keys)},
            "unknown": COMMON}
BASES = {"author": AUTHOR, "editorial": EDITORIAL, "unknown": UNKNOWN}
HOW_TO = ("a note has number and basis; with basis \"author\" also text, and may have comment and cites; "
          "with basis \"editorial\" also identification and evidence, and may have cites; with basis "
          "\"unknown\" nothing more")


def read_notes_file(path: Path, meta: TextMeta) -> tuple[Note, ...]:
    toml = read_toml(path)
    tables = only_tables(toml, "note")
    notes = [_note(toml, index, at) for index, (_, at) in enumerate(tables)]
    expected = list(range(meta.first_note, meta.last_note + 1))
    rule = f"the [[note]] tables are numbered {meta.note_range} in order, one for each note"
    # The range is texts.toml's: where the file and the range part at either end, the range
    # may be what is wrong, and the message says so.
    for note, (_, at), wanted in zip(notes, tables, expected + [None] * len(notes)):
        if note.number != wanted:
            found = f"note {note.number} stands where note {wanted} was expected" if wanted else \
                f"note {note.number} comes after the last note, {meta.last_note}"
            if wanted == meta.first_note or wanted is None:
                found += f" (texts.toml says notes = \"{meta.first_note}-{meta.last_note}\": correct the range there " \
                         "if it is what is wrong)"
            raise EditionError(at, f"{found}; {rule}")
    if len(notes) < len(expected):
        missing = expected[len(notes)]
        missing = f"note {missing} has" if missing == meta.last_note else f"notes {missing}–{meta.last_note} have"
        raise EditionError(tables[-1][1] if tables else SourcePosition(path, 1),
                           f"{missing} no [[note]] table (texts.toml says "
                           f"notes = \"{meta.first_note}-{meta.last_note}\": correct the range there if it is what "
                           f"is wrong); {rule}")
    return tuple(notes)


def _note(toml: TomlFile, index: int, at: SourcePosition) -> Note:
    number = toml.data["note"][index].get("number")
    label = "[[note]]" if note_number(number) else f"note {number}"   # a number that is one
    table = check_variant(toml, ("note", index), "basis", BY_BASIS, label, HOW_TO)
    try:
        return Note(
            number=table["number"], inlines=_inline(table.get("text", "")), line=at.line,
            basis=BASES[table["basis"]], identification=_inline(table.get("identification", "")),
            evidence=_inline(table.get("evidence", "")), comment=_inline(table.get("comment", "")),
            cites=tuple(table.get("cites", ())), cites_line=toml.at("note", index, "cites").line,
        )
    except TooDeep:
        raise EditionError(at, f"inline markup in {label} is nested more than {MAX_DEPTH} "
                               "levels deep; simplify it") from None


def _inline(markdown: str):
    if not markdown:
        return ()
    tokens = _MD.parseInline(markdown)
    return parse_inline(tokens[0].children or []) if tokens else (Plain(markdown),)


def placeholder_notes(meta: TextMeta, markers) -> tuple[Note, ...]:
    """Notes for a text whose source carries markers only and no notes file."""
    return tuple(Note(n, (), at.line, basis=UNKNOWN,
                      evidence=(Plain("The note's text was not seen."),)) for n, at in markers)
