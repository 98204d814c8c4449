"""sources/citation-map.toml: the reviewed mapping for segments the text alone
cannot settle. Each entry names a note, the segment (by its first words), what
it cites, and why; an entry that matches no segment stops the build."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError, SourcePosition
from ..sourcefile import read_toml
from .model import CITED_FROM, IBID, IDENTIFIED, ORIGINALLY

RELATIONS = {"", IBID, CITED_FROM, ORIGINALLY, IDENTIFIED}


@dataclass(frozen=True)
class MappedCite:
    key: str
    pinpoint: str | None
    relation: str


@dataclass(frozen=True)
class MappedSegment:
    text: str
    note: int
    starts: str
    cites: tuple[MappedCite, ...]
    commentary: bool
    why: str
    position: SourcePosition


class CitationMap:
    def __init__(self, entries: list[MappedSegment]):
        self.entries = entries
        self.used: dict[MappedSegment, int] = {e: 0 for e in entries}

    def find(self, text_id: str, note: int, segment: str) -> MappedSegment | None:
        for entry in self.entries:
            if entry.text == text_id and entry.note == note and segment.startswith(entry.starts):
                self.used[entry] += 1
                return entry
        return None

    def check_all_used(self) -> None:
        for entry, count in self.used.items():
            if count != 1:
                raise EditionError(entry.position, f"the mapping for {entry.text} note {entry.note} "
                                                   f"(“{entry.starts[:40]}”) matches {count} segments; "
                                                   "it must match exactly one")


def load_citation_map(path: Path) -> CitationMap:
    if not path.exists():
        return CitationMap([])
    return CitationMap([_segment(table, at) for table, at in read_toml(path).array_table("segment")])


def _segment(table: dict, at: SourcePosition) -> MappedSegment:
    for need in ("text", "note", "starts", "why"):
        if need not in table:
            raise EditionError(at, f"[[segment]] needs '{need}'")
    unknown = set(table) - {"text", "note", "starts", "why", "cites", "commentary"}
    if unknown:
        raise EditionError(at, f"unknown field(s) {', '.join(sorted(unknown))}")
    cites = []
    for cite in table.get("cites", []):
        if "key" not in cite or cite.get("relation", "") not in RELATIONS:
            raise EditionError(at, "each cite needs a key, and a relation among "
                                   f"{', '.join(sorted(r for r in RELATIONS if r))} if any")
        cites.append(MappedCite(cite["key"], cite.get("pinpoint") or None, cite.get("relation", "")))
    if not cites and not table.get("commentary"):
        raise EditionError(at, "give 'cites' or 'commentary = true'")
    return MappedSegment(table["text"], table["note"], table["starts"], tuple(cites),
                         bool(table.get("commentary")), table["why"], at)
