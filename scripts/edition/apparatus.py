"""Notes on the apparatus: what a careful editor would flag, computed from the
resolved citations (never written by hand).

- one archival locator cited with different dates, or for different documents;
- names spelt differently from note to note;
- other editions of one work;
- one document cited from two archives;
- segments settled by the reviewed mapping file.
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .bibliography.entry import Entry
from .citations.model import NoteCitations
from .errors import EditionError, SourcePosition
from .sourcefile import read_toml
from .readers.inline import plain_text

NoteId = tuple[str, int]
EDITION_LINKS = {"translationof": "translation of", "origpubas": "another edition of",
                 "adaptedfrom": "adapted from"}


@dataclass(frozen=True)
class Finding:
    kind: str
    summary: str
    notes: tuple[NoteId, ...]
    keys: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()   # for spelling findings: the two spellings


@dataclass(frozen=True)
class NotVariant:
    words: frozenset[str]
    why: str
    position: SourcePosition


def load_not_variants(path: Path) -> list[NotVariant]:
    """sources/apparatus.toml: word pairs the spelling check finds that are different words."""
    if not path.exists():
        return []
    pairs = []
    for table, at in read_toml(path).array_table("not_variant"):
        words = table.get("words", [])
        if (not isinstance(words, list) or len(words) != 2 or not all(isinstance(w, str) and w.strip() for w in words)
                or not isinstance(table.get("why"), str) or not table.get("why")):
            raise EditionError(at, "[[not_variant]] needs words = [\"a\", \"b\"] and why")
        pairs.append(NotVariant(frozenset(w.casefold() for w in words), table["why"], at))
    return pairs


def find_issues(entries: dict[str, Entry], notes: list[NoteCitations], texts,
                not_variants: list[NotVariant] = ()) -> list[Finding]:
    spelling = name_variants(entries, notes, texts)
    for pair in not_variants:
        matching = [f for f in spelling if f.words == pair.words]
        if not matching:
            raise EditionError(pair.position, f"the spelling check no longer finds {' / '.join(sorted(pair.words))}; "
                                              "remove the entry")
        spelling = [f for f in spelling if f.words != pair.words]
    return (same_locator(entries, notes) + spelling + other_editions(entries, notes)
            + two_archives(entries, notes) + settled_by_mapping(notes))


def same_locator(entries, notes) -> list[Finding]:
    groups: dict[tuple, list] = defaultdict(list)
    for note in notes:
        for c in note.citations:
            locator = entries[c.key].locator
            if locator and c.pinpoint:
                groups[(locator.normalised(), c.pinpoint)].append(((note.text_id, note.note), c))
    findings = []
    for (locator, listy), cites in sorted(groups.items()):
        keys = sorted({c.key for _, c in cites})
        dates = sorted({c.cited_date for _, c in cites if c.cited_date})
        if len(keys) == 1 and len(dates) <= 1:
            continue
        where = f"{locator[0]}, fond {locator[1]}, opis {locator[2]}, delo {locator[3]}" + (
            f", papka {locator[4]}" if locator[4] else "") + f", listy {listy}"
        described = "; ".join(f"n. {n[1]}: “{c.cited_title}”, {c.cited_date or 'undated'}" for n, c in cites)
        if len(keys) > 1:
            summary = f"{where} is cited for {len(keys)} different documents ({described})."
            kind = "one locator, several documents"
        else:
            summary = f"{where} is cited with different dates ({described}); taken as one document."
            kind = "one document, different dates"
        findings.append(Finding(kind, summary, tuple(n for n, _ in cites), tuple(keys)))
    return findings


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{4,}")
NAME_FIELDS = ("author", "editor", "sender", "recipient", "publisher", "location", "title", "booktitle")


def _words(text: str) -> set[str]:
    return {re.sub(r"['’]s$", "", w) for w in WORD.findall(text.replace("{", "").replace("}", ""))}


def _variant(a: str, b: str) -> bool:
    x, y = a.casefold(), b.casefold()
    if x == y or x[0] != y[0] or 2 * min(len(x), len(y)) < 0.85 * (len(x) + len(y)) or x in y or y in x:
        return False  # cheap tests first: building a SequenceMatcher costs more
    matcher = difflib.SequenceMatcher(None, x, y)
    return matcher.real_quick_ratio() >= 0.85 and matcher.quick_ratio() >= 0.85 and matcher.ratio() >= 0.85


def name_variants(entries, notes, texts) -> list[Finding]:
    """Names and titles spelt differently: in a note and the entry it cites
    (Shykov for Shtykov), or in two entries (Zhongyong for Zhongyang)."""
    words = {t.meta.id: {n.number: plain_text(n.inlines) for n in t.notes} for t in texts}
    spellings: dict[tuple[str, str], set[NoteId]] = defaultdict(set)
    for note in notes:
        for c in note.citations:
            if c.start < 0:
                continue
            cited = _words(words[note.text_id][note.note][c.start:c.end])
            known = set().union(*(_words(entries[c.key].get(f)) for f in NAME_FIELDS))
            translated = _words(entries[c.key].get("translatedtitle"))
            for a in cited - translated - known:  # a word spelt as in the entry is no variant
                for b in known:
                    if _variant(a, b):
                        spellings[(b, a)].add((note.text_id, note.note))
    cited_in = notes_citing(notes)
    vocabulary: dict[str, set[str]] = defaultdict(set)
    for entry in entries.values():
        for field in NAME_FIELDS:
            for w in _words(entry.get(field)):
                vocabulary[w].add(entry.key)
    # Variants share their first letter and have similar lengths (a ratio of 0.85 needs the
    # longer word to be at most 2/0.85 - 1 = 1.35 times the shorter): compare only those.
    by_initial: dict[str, list[str]] = defaultdict(list)
    for word in sorted(vocabulary, key=lambda w: (len(w), w)):
        by_initial[word[0].casefold()].append(word)
    for names in by_initial.values():
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if len(b) > 1.36 * len(a):
                    break
                if not _variant(a, b):
                    continue
                first, second = sorted((a, b))  # the pair as before: alphabetical
                spellings[(first, second)] |= set().union(*(cited_in[k] for k in vocabulary[a] | vocabulary[b]))
    merged: dict[frozenset, tuple[tuple[str, str], set[NoteId]]] = {}
    for (a, b), found in sorted(spellings.items()):
        key = frozenset((a.casefold(), b.casefold()))
        shown, notes_so_far = merged.get(key, ((a, b), set()))
        merged[key] = (shown, notes_so_far | found)
    return [Finding("spelling", f"“{a}” and “{b}” are spelt differently.", tuple(sorted(found)), words=key)
            for key, ((a, b), found) in sorted(merged.items(), key=lambda item: item[1][0])]


def notes_citing(notes) -> dict[str, set[NoteId]]:
    """Entry key -> the notes that cite it."""
    found: dict[str, set[NoteId]] = defaultdict(set)
    for note in notes:
        for c in note.citations:
            found[c.key].add((note.text_id, note.note))
    return found


def other_editions(entries, notes) -> list[Finding]:
    cited_in = notes_citing(notes)
    findings = []
    for entry in entries.values():
        relation = EDITION_LINKS.get(entry.get("relatedtype"))
        if not relation:
            continue
        for other in entry.related_keys:
            involved = tuple(sorted(cited_in[entry.key] | cited_in[other]))
            findings.append(Finding("other editions", f"{entry.key} is {relation} {other}.",
                                    involved, (entry.key, other)))
    return findings


def two_archives(entries, notes) -> list[Finding]:
    same: dict[tuple, list[Entry]] = defaultdict(list)
    for entry in entries.values():
        if entry.locator:
            same[(entry.get("title"), entry.get("date"))].append(entry)
    findings = []
    for (title, date), group in sorted(same.items()):
        archives = sorted({e.get("archive") for e in group})
        if len(archives) > 1:
            keys = tuple(e.key for e in group)
            involved = tuple(sorted({(n.text_id, n.note) for n in notes for c in n.citations if c.key in keys}))
            findings.append(Finding("one document, two archives",
                                    f"“{title}”, {date}, is cited from {' and '.join(archives)}.", involved, keys))
    return findings


def settled_by_mapping(notes) -> list[Finding]:
    findings = []
    for note in notes:
        keys = tuple(c.key for c in note.citations if c.settled_by)
        if keys:
            where = next(c.settled_by for c in note.citations if c.settled_by)
            findings.append(Finding("settled by the mapping file", f"Resolved by the reviewed mapping ({where}).",
                                    ((note.text_id, note.note),), keys))
    return findings
