"""Resolve every note's citation segments to bibliography entries.

A segment is, in this order: settled by the reviewed mapping file; an "Ibid."
(resolve_ibid: the last work cited before it); a document "cited from" a
publication (both resolved, the second with the relation); an archival document
(by its locator, then date and correspondents); a document from the author's
personal collection; or a published work, recognised by its title or short
title. A segment that is none of these stops the build, naming the note.
"""
from __future__ import annotations

import difflib
import functools
import itertools
import re
import string
import unicodedata
from dataclasses import dataclass, replace

from ...model.entry import Entry
from ...errors import EditionError, SourcePosition
from ...model.text import AUTHOR, EDITORIAL, Text
from ...model.inlines import plain_text
from .locators import find_date, find_locator, find_names, pinpoint_after
from ...load.citation_map import CitationMap
from ...model.citations import CITED_FROM, IBID, IDENTIFIED, Citation, NoteCitations
from .segments import Segment, citation_start, split_segments

PREFIX = 8  # signatures are at least this long
END = ""    # the trie key under which the signatures ending at a node are kept
IBID_RE = re.compile(r"^\W*ibid\W*", re.I)
CITED_FROM_RE = re.compile(r"[.,]\s*[Cc]ited from\s+")


class Unresolved(Exception):
    pass


@dataclass(frozen=True)
class Signature:
    text: str        # normalised title or short title
    entry: Entry


def normalise(text: str) -> tuple[str, list[int]]:
    """Letters and digits only, case-folded, with each one's index in the original."""
    if not any(_folds_to_alnum(char) for char in set(text) if not char.isascii()):
        # The common case: nothing beyond ASCII is a letter or digit (curly quotes and dashes
        # are not). The index is made by itertools in C, not by a loop over the characters.
        index = list(itertools.compress(range(len(text)), map(_ASCII_ALNUM.__contains__, text)))
        return _NOT_ASCII_ALNUM.sub("", text).lower(), index
    chars, index = [], []
    for i, char in enumerate(text):
        # ASCII needs no decomposition; the rest loses its accents ("é" -> "e").
        folded = char.lower() if char.isascii() else unicodedata.normalize("NFKD", char.casefold())
        for part in folded:
            if part.isalnum():
                chars.append(part)
                index.append(i)
    return "".join(chars), index


_ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
_NOT_ASCII_ALNUM = re.compile(r"[^A-Za-z0-9]+")


@functools.lru_cache(maxsize=None)
def _folds_to_alnum(char: str) -> bool:
    return any(part.isalnum() for part in unicodedata.normalize("NFKD", char.casefold()))


class Resolver:
    def __init__(self, entries: list[Entry], mapping: CitationMap, map_path: str):
        self.entries = {entry.key: entry for entry in entries}
        self.mapping = mapping
        self.map_path = map_path
        self.signatures = self._signatures(entries)
        # Indexes, so that resolving grows with the notes, not with notes × entries: a trie of
        # the signatures, walked from each position of a segment, costs at most the length of
        # the longest signature per position however many titles share their first letters.
        self.trie: dict = {}
        for signature in self.signatures:
            node = self.trie
            for char in signature.text:
                node = node.setdefault(char, {})
            node.setdefault(END, []).append(signature)
        # Where a walk can begin: the first letters of a signature, found by the regex
        # engine in one scan (a lookahead, so that starts that overlap are all found).
        prefixes = sorted({signature.text[:PREFIX] for signature in self.signatures})
        self.starts = re.compile("(?=(" + "|".join(map(re.escape, prefixes)) + "))" if prefixes else "(?!)")
        self.after_prefix = {prefix: self._node(prefix) for prefix in prefixes}  # the walk goes on from there
        self.steps = 0  # letters walked in the trie (a measure of the work, for the scaling test)
        self.by_locator: dict[tuple, list[Entry]] = {}
        for entry in entries:
            if entry.locator:
                self.by_locator.setdefault(entry.locator.normalised(), []).append(entry)

    @staticmethod
    def _signatures(entries: list[Entry]) -> list[Signature]:
        signatures = []
        for entry in entries:
            if entry.get("archive"):
                continue  # documents in archives are found by their locator, not their title
            for name in ("title", "shorttitle"):
                text, _ = normalise(entry.get(name).replace("{", "").replace("}", ""))
                if len(text) >= 8:
                    signatures.append(Signature(text, entry))
        return signatures

    # --- notes --------------------------------------------------------------

    def resolve_text(self, text: Text, notes_path: str) -> list[NoteCitations]:
        resolved: list[NoteCitations] = []
        previous: Citation | None = None
        for note in text.notes:
            if note.basis != AUTHOR:
                self._no_words_to_map(text, note)
            if note.basis == EDITORIAL:
                cites = tuple(self._known(Citation(key, relation=IDENTIFIED), notes_path, note.cites_line or note.line)
                              for key in note.cites)
                resolved.append(NoteCitations(text.meta.id, note.number, note.basis, cites))
            elif note.basis == AUTHOR:
                words = plain_text(note.inlines)
                citations, commentary = [], []
                segments = split_segments(words)
                for segment in segments:
                    found = self.resolve_segment(text, note.number, segment, previous, note.line, segments)
                    if not found:
                        commentary.append(segment.text)
                    citations += found
                    primary = [c for c in found if c.relation != CITED_FROM]
                    previous = primary[-1] if primary else previous
                # documents the editor identifies behind an author's note (never in its words)
                citations += [self._known(Citation(key, relation=IDENTIFIED), notes_path, note.cites_line or note.line)
                              for key in note.cites]
                resolved.append(NoteCitations(text.meta.id, note.number, note.basis,
                                              tuple(citations), tuple(commentary)))
            else:
                resolved.append(NoteCitations(text.meta.id, note.number, note.basis, ()))
        return resolved

    def _no_words_to_map(self, text: Text, note) -> None:
        """A mapping settles a segment of an author's words: for a note whose words are not
        read (an editor's identification, a note not known, a notes file not named), it would
        match nothing, and the message would say only that."""
        mapped = self.mapping.unmatched(text.meta.id, note.number)
        if not mapped:
            return
        why = ("an editor's identification (basis = \"editorial\"), whose `cites` say what it cites"
               if note.basis == EDITORIAL else "not known (basis = \"unknown\")" if text.meta.notes_file else
               f"not known: texts.toml names no notes_file for {text.meta.id}")
        raise EditionError(mapped[0].position, f"the mapping for {text.meta.short}, note {note.number} settles a "
                                               f"segment of the note's words, but the note is {why}; remove the "
                                               "mapping, or give the note's words")

    def _known(self, citation: Citation, path: str, line: int) -> Citation:
        if citation.key not in self.entries:
            near = difflib.get_close_matches(citation.key, self.entries, n=1)
            fix = (f"the nearest key is '{near[0]}': write it if that is the entry meant" if near else
                   "copy the key from the first line of the entry meant")
            raise EditionError(SourcePosition(path, line), f"cites '{citation.key}', which is not a key in "
                                                           f"sources/bibliography.bib; {fix}")
        return citation

    # --- segments -----------------------------------------------------------

    def resolve_segment(self, text: Text, number: int, segment: Segment,
                        previous: Citation | None, line: int = 0, segments=()) -> list[Citation]:
        """The citations of one segment of note `number` (defined at `line` of the text's
        notes file, or of the text itself: where a problem with it is reported); `segments`:
        all of the note's, for the message about a mapping that begins none of them."""
        at = SourcePosition(text.meta.notes_file or text.meta.source, line)
        mapped = self.mapping.find(text.meta.id, number, segment.text)
        if mapped:
            # the project's own path (a page shows it), not where the project is on this machine
            settled = f"sources/{mapped.position.path.name}:{mapped.position.line}"
            return [self._known(Citation(c.key, c.pinpoint, c.relation, segment.start, segment.end,
                                         settled_by=settled), mapped.position.path, mapped.position.line)
                    for c in mapped.cites]
        other = self.mapping.elsewhere(segment.text)
        if other:
            raise EditionError(
                at, f"{text.meta.short}, note {number}: the segment “{segment.text[:60]}…” needs a reviewed mapping: "
                f"{other.position} settles the same words for {other.text} note {other.note}, which does not "
                f"apply here; add a [[segment]] with text = \"{text.meta.id}\" and note = {number} to {self.map_path}")
        try:
            return [self._shift(c, segment.start) for c in self._resolve(segment.text, previous)]
        except Unresolved as why:
            where = f"{text.meta.short}, note {number}"
            stale = [m for m in self.mapping.unmatched(text.meta.id, number)
                     if not any(s.text.startswith(m.starts) for s in segments)]
            if stale:   # the note has a mapping that begins none of its segments: most likely this one's
                raise EditionError(
                    stale[0].position, f"the mapping for {where} starts “{stale[0].starts[:50]}”, which begins "
                    "none of the note's segments; the segment it should settle is most likely "
                    f"“{segment.text[:60]}…”: copy its beginning into `starts`") from None
            raise EditionError(
                at, f"{where}: cannot resolve “{segment.text[:70]}…” ({why}); add an entry to "
                f"sources/bibliography.bib, or settle the segment in {self.map_path}") from None

    @staticmethod
    def _shift(citation: Citation, offset: int) -> Citation:
        if not offset:
            return citation  # most citations begin their segment: nothing to move
        return replace(citation, start=citation.start + offset, end=citation.end + offset)

    def _resolve(self, segment: str, previous: Citation | None) -> list[Citation]:
        ibid = IBID_RE.match(segment)
        if ibid:
            return [self.resolve_ibid(segment, ibid.end(), previous)]
        cited_from = CITED_FROM_RE.search(segment)
        if cited_from:
            document = self._resolve_one(segment[:cited_from.start()], 0)
            source = self._resolve_one(segment[cited_from.end():], cited_from.end())
            return [document, replace(source, relation=CITED_FROM)]
        return [self._resolve_one(segment, 0)]

    def resolve_ibid(self, segment: str, after: int, previous: Citation | None) -> Citation:
        if previous is None:
            raise Unresolved("“Ibid.” with no earlier citation")
        # A bare "Ibid." repeats the whole citation, its pinpoint included.
        pinpoint = pinpoint_after(segment[after:]) if segment[after:].strip(" .,*") else previous.pinpoint
        return Citation(previous.key, pinpoint, IBID, 0, len(segment))

    def _resolve_one(self, segment: str, offset: int) -> Citation:
        for method in (self._archival, self._personal, self._work):
            citation = method(segment)
            if citation:
                return self._shift(citation, offset)
        raise Unresolved("no entry's title or archival locator is found in it")

    # --- archival documents -------------------------------------------------

    def _archival(self, segment: str) -> Citation | None:
        found = find_locator(segment)
        if not found:
            return None
        locator, listy, match = found
        candidates = self.by_locator.get(locator.normalised(), [])
        description = segment[:match.start()]
        chosen = self._choose_document(candidates, description, f"{locator.archive}, {locator}")
        start = citation_start(segment, match.start())
        return self._document_citation(chosen, listy or None, segment, start, description)

    def _personal(self, segment: str) -> Citation | None:
        marker = re.search(r"author's personal collection", segment, re.I)
        if not marker:
            return None
        candidates = [e for e in self.entries.values() if e.get("archive") == "PERSONAL"]
        description = segment[:marker.start()]
        chosen = self._choose_document(candidates, description, "the author's personal collection")
        return self._document_citation(chosen, None, segment, citation_start(segment, marker.start()),
                                       description)

    def _document_citation(self, entry: Entry, pinpoint, segment: str, start: int, description: str):
        body = description[start:].strip(" ,")
        return Citation(entry.key, pinpoint, "", start, len(segment.rstrip(". ")) if segment else 0,
                        cited_date=find_date(body), cited_names=find_names(body),
                        cited_title=body.split(",")[0].strip())

    def _choose_document(self, candidates: list[Entry], description: str, where: str) -> Entry:
        if not candidates:
            raise Unresolved(f"no document in the bibliography at {where}")
        if len(candidates) == 1:
            return candidates[0]
        date, names = find_date(description), find_names(description)
        scored = sorted(((self._score(e, date, names), e.key, e) for e in candidates), reverse=True)
        best, second = scored[0], scored[1]
        if best[0] == 0 or best[0] == second[0]:
            raise Unresolved(f"{len(candidates)} documents at {where}; date and correspondents "
                             "do not tell them apart")
        return best[2]

    @staticmethod
    def _score(entry: Entry, date: str, names: tuple[str, ...]) -> int:
        score = 0
        if date and entry.get("date") == date:
            score += 4
        elif date and entry.get("date")[:7] == date[:7] and abs(int(entry.get("date")[8:] or 0) - int(date[8:])) <= 3:
            score += 2  # a day or two apart: the same telegram, dated differently (flagged)
        for cited, known in zip(names, (entry.get("sender"), entry.get("recipient")), strict=False):
            if known and _same_name(cited, known):
                score += 1
        return score

    # --- published works ----------------------------------------------------

    def _work(self, segment: str) -> Citation | None:
        text, index = normalise(segment)
        hits = [(len(s.text), i, s) for i, s in self._signatures_in(text)]
        if not hits:
            return None
        longest = max(h[0] for h in hits)
        best: dict = {}
        for hit in hits:  # the first occurrence of each longest-matching entry
            if hit[0] == longest:
                best.setdefault(hit[2].entry.key, hit)
        if len(best) > 1:
            best = self._narrow(best, segment)
        if len(best) != 1:
            raise Unresolved(f"it matches {', '.join(sorted(best))} equally")
        length, position, signature = next(iter(best.values()))
        match_start = index[position]
        match_end = index[position + length - 1] + 1
        start = citation_start(segment, match_start)
        title = segment[match_start:match_end]
        return Citation(signature.entry.key, pinpoint_after(segment[match_end:]), "", start,
                        len(segment.rstrip(". ")), cited_title=title)

    def _signatures_in(self, text: str):
        """(position, signature) for every signature that occurs in the normalised text."""
        end = len(text)
        for start in self.starts.finditer(text):  # no walk where no signature begins
            i, j = start.start(), start.end(1)
            node = self.after_prefix[start[1]]
            if END in node:
                yield from ((i, signature) for signature in node[END])
            # Walk by index: slicing the rest of the text at each position would copy it.
            while j < end:
                node = node.get(text[j])
                if node is None:
                    break
                j += 1
                if END in node:
                    yield from ((i, signature) for signature in node[END])
            self.steps += j - i + 1  # counted once a walk, not at each letter

    def _node(self, letters: str) -> dict:
        node = self.trie
        for letter in letters:
            node = node[letter]
        return node

    @staticmethod
    def _narrow(best: dict, segment: str) -> dict:
        """Entries sharing a title (the issues of a bulletin): the issue number decides."""
        numbered = {k: h for k, h in best.items()
                    if h[2].entry.get("number") and re.search(rf"\bno\.\s*{re.escape(h[2].entry.get('number'))}\b", segment)}
        return numbered or best


@functools.lru_cache(maxsize=4096)  # the same correspondents are compared for note after note
def _same_name(cited: str, known: str) -> bool:
    """'Shykov' and 'Shtykov', 'Mao' and 'Mao Zedong': the same correspondent."""
    cited_words = [w for w in re.findall(r"[\w'-]+", cited) if len(w) > 2]
    known_words = [w for w in re.findall(r"[\w'-]+", known) if len(w) > 2]
    return any(difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8
               for a in cited_words for b in known_words)
