"""Where the texts meet: the works, documents, persons and days that two or more texts
rely on (any pair of texts that share one), and for each paragraph its counterparts in
the other texts."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .citations.model import NoteCitations
from .layout import note_places

EDITION_RELATIONS = {"origpubas", "translationof"}  # other editions of one work: the same work


@dataclass(frozen=True)
class Counterpart:
    text_id: str
    paragraph: int
    page: str
    reason: str


@dataclass(frozen=True)
class SharedWork:
    keys: tuple[str, ...]                          # the entries (editions) that make up the work
    citing: dict                                   # text id -> [(note, paragraph, page)]


def work_of(entries) -> dict[str, str]:
    """Each entry's work: editions and translations of one book count as one work."""
    parent = {key: key for key in entries}

    def root(key):
        while parent[key] != key:
            key = parent[key]
        return key

    for entry in entries.values():
        if entry.get("relatedtype") in EDITION_RELATIONS:
            for other in entry.related_keys:
                parent[root(entry.key)] = root(other)
    return {key: root(key) for key in entries}


def shared_works(texts, entries, notes: list[NoteCitations]) -> list[SharedWork]:
    works = work_of(entries)
    places = note_places(texts)
    citing: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    members: dict[str, set[str]] = defaultdict(set)
    for note in notes:
        for citation in note.citations:
            work = works[citation.key]
            members[work].add(citation.key)
            paragraph, page = places[(note.text_id, note.note)]
            if (note.note, paragraph, page) not in citing[work][note.text_id]:
                citing[work][note.text_id].append((note.note, paragraph, page))
    order = {t.meta.id: i for i, t in enumerate(texts)}
    return [SharedWork(tuple(sorted(members[w])), dict(sorted(citing[w].items(), key=lambda i: order[i[0]])))
            for w in sorted(citing) if len(citing[w]) >= 2]


# A paragraph's margin shows at most this many counterparts per document: with hundreds
# of texts citing one document, the margin would grow with the edition. The meeting page
# and the document's bibliography entry list every citing note.
MAX_COUNTERPARTS = 4


def counterparts(texts, entries, notes: list[NoteCitations], label) -> dict[tuple[str, int], list[Counterpart]]:
    """Paragraphs of one text whose notes cite a document that notes in a paragraph of
    the other text also cite. (Shared books are listed on the meeting page, not in the
    margin: two notes citing different pages of a book rarely speak of one thing.)"""
    found: dict[tuple[str, int], list[Counterpart]] = defaultdict(list)
    seen: set[tuple] = set()
    for work in shared_works(texts, entries, notes):
        if not any(entries[k].is_archival for k in work.keys):
            continue
        reason = "Both rest on: " + label(entries[work.keys[0]])
        for text_id, places in work.citing.items():
            others = _first_others(work, text_id, reason)
            for _, paragraph, _ in places:
                for item in others:
                    if (text_id, paragraph, item) not in seen:
                        seen.add((text_id, paragraph, item))
                        found[(text_id, paragraph)].append(item)
    return dict(found)


def _first_others(work: SharedWork, text_id: str, reason: str) -> list[Counterpart]:
    """The first MAX_COUNTERPARTS places in other texts citing the work, in text order."""
    kept: dict[Counterpart, None] = {}
    for other_id, other_places in work.citing.items():
        if other_id == text_id:
            continue
        for _, paragraph, page in other_places:
            kept.setdefault(Counterpart(other_id, paragraph, page, reason))
            if len(kept) == MAX_COUNTERPARTS:
                return list(kept)
    return list(kept)
