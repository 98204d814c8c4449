"""sources/citation-map.toml: the reviewed mapping for segments the text alone
cannot settle. Each entry names a note, the segment (by its first words), what
it cites, and why; an entry that matches no segment stops the build."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError, SourcePosition
from .fields import Field, boolean, check_table, filled, note_number, only_tables, text
from .sourcefile import read_toml
from ..model.citations import CITED_FROM, IBID, IDENTIFIED, ORIGINALLY

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


KEY_CHARS = 12  # the entries are indexed by the first characters of `starts`


class CitationMap:
    def __init__(self, entries: list[MappedSegment]):
        self.entries = entries
        self.used: dict[MappedSegment, int] = {e: 0 for e in entries}
        self.by_note: dict[tuple[str, int], list[MappedSegment]] = {}
        self.by_start: dict[str, list[MappedSegment]] = {}
        for entry in entries:
            self.by_note.setdefault((entry.text, entry.note), []).append(entry)
            self.by_start.setdefault(entry.starts[:KEY_CHARS], []).append(entry)
        # Entries whose `starts` is shorter than the key can begin any segment's first characters.
        self.short = [e for e in entries if len(e.starts) < KEY_CHARS]

    def find(self, text_id: str, note: int, segment: str) -> MappedSegment | None:
        for entry in self.by_note.get((text_id, note), ()):
            if segment.startswith(entry.starts):
                self.used[entry] += 1
                return entry
        return None

    def unmatched(self, text_id: str, note: int) -> list[MappedSegment]:
        """This note's mappings that have matched no segment yet: a `starts` mistyped, or
        the note's words corrected since."""
        return [e for e in self.by_note.get((text_id, note), ()) if not self.used[e]]

    def elsewhere(self, segment: str) -> MappedSegment | None:
        """A mapping for another note (or text) whose segment begins as this one does: a text
        renumbered, or copied under a new id, whose mapping was not carried over."""
        # A new list: the index's own lists are never extended.
        candidates = self.by_start.get(segment[:KEY_CHARS], []) + self.short
        return next((e for e in candidates if segment.startswith(e.starts)), None)

    def check_targets(self, metas) -> None:
        """Each mapping names a text of the edition and a note it has: one that names none
        would otherwise be reported only as a note left without its mapping."""
        texts = {meta.id: meta for meta in metas}
        for entry in self.entries:
            meta = texts.get(entry.text)
            if meta is None:
                raise EditionError(entry.position, f"text = '{entry.text}' names no text of texts.toml; the texts "
                                                   f"are {', '.join(repr(i) for i in sorted(texts))}")
            if not meta.has_note(entry.note):
                raise EditionError(entry.position, f"note = {entry.note}, but {meta.short} has notes {meta.note_range}; "
                                                   "write the number of the note whose segment this settles")

    def check_all_used(self) -> None:
        for entry, count in self.used.items():
            if count != 1:
                raise EditionError(entry.position, f"the mapping for {entry.text} note {entry.note} "
                                                   f"(“{entry.starts[:40]}”) matches {count} segments; "
                                                   "it must match exactly one")


def _starts(value) -> str:
    return text(value) or ("" if len(value.strip()) >= 8 else "must give the segment's first words (8 characters or more)")


def _cites(value) -> str:
    ok = isinstance(value, list) and all(isinstance(c, dict) for c in value)
    return "" if ok else 'must be a list like [{ key = "...", pinpoint = "..." }]'


FIELDS = {"text": Field(filled, True), "note": Field(note_number, True), "starts": Field(_starts, True),
          "why": Field(filled, True), "cites": Field(_cites), "commentary": Field(boolean)}


def _relation(value) -> str:
    return "" if value in RELATIONS else f"must be one of: {', '.join(sorted(r for r in RELATIONS if r))}, or \"\" (not {value!r})"


CITE_FIELDS = {"key": Field(filled, True), "pinpoint": Field(text), "relation": Field(_relation)}


def load_citation_map(path: Path) -> CitationMap:
    if not path.exists():
        return CitationMap([])
    toml = read_toml(path)
    entries: dict[tuple[str, int, str], MappedSegment] = {}
    for index, (_, at) in enumerate(only_tables(toml, "segment")):
        entry = _segment(toml, index, at)
        same = (entry.text, entry.note, entry.starts)
        if same in entries:   # the second copy would match nothing (the first takes the segment)
            raise EditionError(at, f"the mapping for {entry.text} note {entry.note} (“{entry.starts[:40]}”) is "
                                   f"listed twice (first at line {entries[same].position.line}); keep one")
        entries[same] = entry
    return CitationMap(list(entries.values()))


def _segment(toml, index: int, at: SourcePosition) -> MappedSegment:
    table = check_table(toml, ("segment", index), FIELDS, "[[segment]]",
                        "its fields are text, note, starts, why, cites and commentary")
    cites = []
    for number in range(len(table.get("cites", []))):
        cite = check_table(toml, ("segment", index, "cites", number), CITE_FIELDS, "a cite of [[segment]]",
                           "a cite holds key, and pinpoint and relation if any")
        cites.append(MappedCite(cite["key"], cite.get("pinpoint") or None, cite.get("relation", "")))
    if not cites and not table.get("commentary"):
        raise EditionError(at, "give 'cites' or 'commentary = true'")
    if cites and table.get("commentary"):   # commentary = true goes in place of cites: one would be ignored
        raise EditionError(toml.at("segment", index, "commentary"), "'commentary = true' marks a segment that cites "
                           "nothing, but this [[segment]] also gives 'cites'; keep one of the two")
    return MappedSegment(table["text"], table["note"], table["starts"], tuple(cites),
                         bool(table.get("commentary")), table["why"], at)
