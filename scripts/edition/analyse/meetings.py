"""Where the texts meet: the works, documents, persons and days that two or more texts
rely on (any pair of texts that share one), and for each paragraph its counterparts in
the other texts."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model.citations import IDENTIFIED, NoteCitations
from ..model.layout import note_places

EDITION_RELATIONS = {"origpubas", "translationof"}  # other editions of one work: the same work


@dataclass(frozen=True)
class Counterpart:
    text_id: str
    paragraph: int
    page: str
    reason: str
    identified: bool = False   # one side's note rests on the editor's identification, not the author's words


@dataclass(frozen=True)
class SharedWork:
    keys: tuple[str, ...]                          # the entries (editions) that make up the work
    citing: dict                                   # text id -> [(note, paragraph, page)]
    identified: frozenset = frozenset()            # (text id, note): cites the work only by the editor's identification


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
    authors: set[tuple] = set()                    # (work, text id, note) cited in the author's words
    identified: dict[str, set] = defaultdict(set)
    for note in notes:
        for citation in note.citations:
            work = works[citation.key]
            members[work].add(citation.key)
            if citation.relation == IDENTIFIED:
                identified[work].add((note.text_id, note.note))
            else:
                authors.add((work, note.text_id, note.note))
            paragraph, page = places[(note.text_id, note.note)]
            if (note.note, paragraph, page) not in citing[work][note.text_id]:
                citing[work][note.text_id].append((note.note, paragraph, page))
    order = {t.meta.id: i for i, t in enumerate(texts)}
    return [SharedWork(tuple(sorted(members[w])), dict(sorted(citing[w].items(), key=lambda i: order[i[0]])),
                       frozenset(n for n in identified[w] if (w, *n) not in authors))
            for w in sorted(citing) if len(citing[w]) >= 2]


# A paragraph's margin shows at most this many counterparts per document: with hundreds
# of texts citing one document, the margin would grow with the edition. The meeting page
# and the document's bibliography entry list every citing note.
MAX_COUNTERPARTS = 4


def counterparts(works: list[SharedWork], entries, label) -> dict[tuple[str, int], list[Counterpart]]:
    """Paragraphs of one text whose notes cite a document that notes in a paragraph of
    the other text also cite (`works`: shared_works). (Shared books are listed on the
    meeting page, not in the margin: two notes citing different pages of a book rarely
    speak of one thing.)"""
    pairs: dict[tuple, bool] = {}   # (text, paragraph, other text, paragraph, page, reason) -> only by identification
    for work in works:
        if not any(entries[k].is_archival for k in work.keys):
            continue
        reason = "Both rest on: " + label(entries[work.keys[0]])
        for text_id, places in work.citing.items():
            others = _first_others(work, text_id)
            for note, paragraph, _ in places:
                for (other_id, other_paragraph, other_page), other_notes in others.items():
                    by_editor = all({(text_id, note), (other_id, n)} & work.identified for n in other_notes)
                    pair = (text_id, paragraph, other_id, other_paragraph, other_page, reason)
                    pairs[pair] = pairs.get(pair, True) and by_editor
    found: dict[tuple[str, int], list[Counterpart]] = defaultdict(list)
    for (text_id, paragraph, other_id, other_paragraph, other_page, reason), by_editor in pairs.items():
        found[(text_id, paragraph)].append(Counterpart(other_id, other_paragraph, other_page, reason, by_editor))
    return dict(found)


def _first_others(work: SharedWork, text_id: str) -> dict[tuple, list[int]]:
    """The first MAX_COUNTERPARTS places (text, paragraph, page) in other texts citing the
    work, in text order, each with the notes there that cite it."""
    kept: dict[tuple, list[int]] = {}
    for other_id, other_places in work.citing.items():
        if other_id == text_id:
            continue
        for note, paragraph, page in other_places:
            place = (other_id, paragraph, page)
            if place not in kept and len(kept) == MAX_COUNTERPARTS:
                return kept
            kept.setdefault(place, []).append(note)
    return kept
