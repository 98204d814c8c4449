"""sources/corrections.toml: the reviewed editorial decisions the code cannot make alone.

Every entry names a text, the place it applies to (the first words of a paragraph,
or a heading) and why. The build fails when an entry matches nothing or more than
one place, so a stale correction cannot linger unnoticed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError, SourcePosition
from .fields import Field, check_table, filled
from .sourcefile import read_toml

KINDS = {
    "blockquote": "starts",      # a paragraph that is a block quote although the rule says not
    "not_blockquote": "starts",  # a paragraph the rule takes for a block quote but is not one
    "appendix": "heading",       # a heading that is back matter, shown at the end of the page before it
    "not_note": "ends",          # a number in an e-book text that looks like a note marker but is not one
}

# What a [[blockquote]] or [[not_blockquote]] that matches nothing may have missed: it is
# counted only on a paragraph whose setting it changes.
UNMATCHED = {
    "blockquote": " (no paragraph the rule sets as running text starts so: is it a block quote already?)",
    "not_blockquote": " (no paragraph the rule sets as the first of a block quote starts so: name the "
                      "quote's first paragraph)",
}


@dataclass(frozen=True)
class Correction:
    kind: str
    text: str
    target: str
    why: str
    position: SourcePosition        # the line of its `text`
    target_position: SourcePosition  # the line of what it matches (`starts`, `heading`, `ends`)


class Corrections:
    def __init__(self, entries: list[Correction]):
        self.entries = entries
        self.matches: dict[Correction, int] = {entry: 0 for entry in entries}

    def find(self, kind: str, text_id: str, candidate: str) -> Correction | None:
        """The correction of this kind whose target the candidate starts with."""
        for entry in self.entries:
            if entry.kind == kind and entry.text == text_id and candidate.strip().startswith(entry.target):
                self.matches[entry] += 1
                return entry
        return None

    def find_ending(self, kind: str, text_id: str, candidate: str) -> Correction | None:
        """The correction of this kind whose target the candidate ends with."""
        for entry in self.entries:
            if entry.kind == kind and entry.text == text_id and candidate.endswith(entry.target):
                self.matches[entry] += 1
                return entry
        return None

    def check_all_used(self, text_ids: set[str]) -> None:
        for entry, count in self.matches.items():
            if entry.text not in text_ids:
                raise EditionError(entry.position, f"text '{entry.text}' is not in texts.toml; the texts are "
                                                   + ", ".join(f"'{i}'" for i in sorted(text_ids)))
            if count != 1:
                where = "nothing" if count == 0 else f"{count} places"
                raise EditionError(entry.target_position, f"{entry.kind} '{entry.target[:50]}' matches {where}"
                                   f"{UNMATCHED.get(entry.kind, '') if count == 0 else ''}; "
                                   "it must match exactly one place: correct or remove the entry")


def load_corrections(path: Path) -> Corrections:
    if not path.exists():
        return Corrections([])
    toml = read_toml(path)
    entries = []
    first: dict[tuple[str, str, str], int] = {}   # (kind, text, place) -> the line of its table
    for kind in toml.data:
        if kind not in KINDS:
            raise EditionError(toml.at(kind), f"unknown correction [[{kind}]]; use one of {', '.join(KINDS)}")
        field = KINDS[kind]
        fields = {name: Field(filled, True) for name in ("text", field, "why")}
        for index, (table, at) in enumerate(toml.array_table(kind)):
            check_table(toml, (kind, index), fields, f"[[{kind}]]", f"its fields are text, {field} and why")
            # A second copy would match nothing (the first takes the place): say what it is.
            same = (kind, table["text"], table[field])
            if same in first:
                raise EditionError(at, f"[[{kind}]] '{table[field][:50]}' of '{table['text']}' is listed twice "
                                       f"(first at line {first[same]}); keep one")
            first[same] = at.line
            entries.append(Correction(kind, table["text"], table[field], table["why"],
                                      toml.at(kind, index, "text"), toml.at(kind, index, field)))
    return Corrections(entries)
