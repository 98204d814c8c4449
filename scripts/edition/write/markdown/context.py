"""What every renderer needs to know about the whole edition: where each note
is shown, and where each bibliography entry lives."""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from ...analyse.annotate import NameMatcher
from ...load.bibliography.archives import Archive
from ...model.entry import Entry
from ..chicago import short_label
from ...model.citations import NoteCitations
from ...model.edition import EditionInfo
from ...model.layout import note_places, paragraph_pages, place_anchor
from ...analyse.chronology import is_dated_document, iso_period
from ...analyse.meetings import counterparts, shared_works
from ...analyse.readings.documents import document_keys, document_page
from ...analyse.readings.findings import KIND as PUBLISHER_DIFFERS
from ...model.readings import NO_READINGS, Readings
from ...model.text import BlockQuote, PageStart, Text
from .bibliography_layout import BIBLIOGRAPHY, entry_pages
from ..escape import clip, escape_text
from .finding_anchor import finding_anchor



@functools.lru_cache(maxsize=65536)
def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one docs/ page to another (MkDocs resolves .md links). Both are
    docs/-relative paths without "." or ".." parts, so the link is worked out from their
    folders alone (posixpath.relpath asks the file system for the current folder on every
    call: a fifth of a warm build at 200 texts)."""
    here, there = from_page.split("/")[:-1], to_page.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def site_url(page: str) -> str:
    """The URL path of a page under use_directory_urls."""
    if page.endswith("index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


@dataclass(frozen=True)
class SiteContext:
    texts: dict[str, Text]
    entries: dict[str, Entry]
    archives: dict[str, Archive]
    citations: dict[tuple[str, int], NoteCitations]
    note_pages: dict[tuple[str, int], str]
    registers: object = None                  # registers.Registers
    matcher: object = None                    # annotate.NameMatcher for links (no ambiguous forms)
    print_pages: dict = field(default_factory=dict)    # (text, paragraph) -> "247" or "247–248"
    note_print_pages: dict = field(default_factory=dict)  # (text, note) -> the print page its marker stands on
    counterparts: dict = field(default_factory=dict)   # (text, paragraph) -> [meetings.Counterpart]
    told_differently: dict = field(default_factory=dict)  # (text, paragraph) -> [ToldElsewhere]: the other accounts
    readings: Readings = NO_READINGS          # where the cited documents can be read
    edition: EditionInfo = EditionInfo()                # how to cite the edition itself
    entry_pages: dict = field(default_factory=dict)    # entry key -> its bibliography page, if not BIBLIOGRAPHY
    shared_works: list = field(default_factory=list)   # meetings.SharedWork: what two or more texts cite
    document_pages: dict = field(default_factory=dict)  # entry key -> its document page (documents/<key>.md)
    findings: tuple = ()                      # apparatus.Finding: the notes on the apparatus, for links to them
    differs_anchors: dict = field(default_factory=dict)  # entry key -> the anchor of its publisher-differs finding
    paragraph_dates: dict = field(default_factory=dict)  # (text, paragraph) -> the Periods its passages write
    note_dates: dict = field(default_factory=dict)       # (text, note) -> the Periods of the dated documents it cites

    def mention_target(self, from_page: str, match) -> tuple[str, str]:
        """Where the first mention of a person or place links to, and its tooltip."""
        if match.kind == "person":
            person = next(p for p in self.registers.persons if p.id == match.id)
            role = clip(person.role, 140)
            return relative(from_page, f"people/{person.id}.md"), f"{person.name}: {role}"
        place = next(p for p in self.registers.places if p.id == match.id)
        return f"{relative(from_page, 'glossary/index.md')}#{place_anchor(place.id)}", place.gloss

    def paragraph_url(self, from_page: str, other) -> str:
        return f"{relative(from_page, other.page)}#p{other.paragraph}"

    def entry_link(self, from_page: str, key: str) -> str:
        return f"{relative(from_page, self.entry_pages.get(key, BIBLIOGRAPHY))}#{key}"

    def document_link(self, from_page: str, key: str) -> str:
        """A primary source's page (documents/<key>.md); any other work's bibliography entry."""
        page = self.document_pages.get(key)
        return relative(from_page, page) if page else self.entry_link(from_page, key)

    def differs_link(self, from_page: str, key: str) -> str:
        """Where a note's "the linked page differs" leads: the finding on the Notes on the
        apparatus that lists how the publisher's page of `key` differs (its anchor is made
        from every note that cites the entry, so a text's pages depend on it)."""
        anchor = self.differs_anchors.get(key)
        return relative(from_page, "bibliography/apparatus.md") + (f"#{anchor}" if anchor else "")

    def note_link(self, from_page: str, text_id: str, note: int) -> str:
        return f"{relative(from_page, self.note_pages[(text_id, note)])}#fn:{note}"

    def note_ref(self, from_page: str, text_id: str, note: int) -> str:
        """A link to a note, named as readers cite it: [Kim 2016 n. 7](…#fn:7)."""
        return f"[{escape_text(self.texts[text_id].meta.short)} n. {note}]({self.note_link(from_page, text_id, note)})"


def build_context(edition) -> SiteContext:
    note_pages = {key: page for key, (_, page) in note_places(edition.texts).items()}
    entries = {e.key: e for e in edition.entries}
    works = shared_works(edition.texts, entries, edition.notes)
    return SiteContext(
        texts={t.meta.id: t for t in edition.texts},
        entries=entries,
        archives=edition.archives,
        citations={(n.text_id, n.note): n for n in edition.notes},
        note_pages=note_pages,
        registers=edition.registers,
        matcher=NameMatcher(edition.registers, include_ambiguous=False),
        print_pages=print_pages(edition.texts),
        note_print_pages={(t.meta.id, n): p for t in edition.texts for n, p in t.note_print_pages().items()},
        shared_works=works,
        counterparts=counterparts(works, entries, lambda e: short_label(e, edition.archives)),
        told_differently=told_differently(edition),
        readings=edition.readings,
        edition=edition.info,
        entry_pages=_entry_pages(entries, edition),
        findings=tuple(edition.findings),
        differs_anchors=_differs_anchors(edition.findings),
        document_pages={key: document_page(key) for key in document_keys(entries, edition.readings)},
        paragraph_dates=_paragraph_dates(edition.passages),
        note_dates=_note_dates(edition.notes, entries),
    )


def _paragraph_dates(passages) -> dict[tuple[str, int], tuple]:
    found: dict[tuple[str, int], list] = {}
    for event in passages:
        found.setdefault((event.text_id, event.paragraph), []).append(event.period)
    return {key: tuple(periods) for key, periods in found.items()}


def _note_dates(notes, entries) -> dict[tuple[str, int], tuple]:
    """A note is dated by the dated documents it cites (the chronology's documents)."""
    periods = {key: iso_period(entry.get("date")) for key, entry in entries.items() if is_dated_document(entry)}
    found = {}
    for note in notes:
        dated = tuple(periods[c.key] for c in note.citations if c.key in periods)
        if dated:
            found[(note.text_id, note.note)] = dated
    return found


def _entry_pages(entries, edition) -> dict[str, str]:
    counts = Counter(c.key for n in edition.notes for c in n.citations)
    return entry_pages(entries, edition.archives, counts)


def _differs_anchors(findings) -> dict[str, str]:
    """entry key -> the anchor of the first finding that its publisher's page differs."""
    anchors: dict[str, str] = {}
    for finding in findings:
        if finding.kind == PUBLISHER_DIFFERS:
            for key in finding.keys:
                anchors.setdefault(key, finding_anchor(finding))
    return anchors


class ToldElsewhere(NamedTuple):
    """Another text's account of a point a paragraph tells (sources/differences.toml). A
    tuple: a point many texts tell makes one per pair of their paragraphs."""
    about: str
    text_id: str
    paragraph: int
    page: str


def told_pages(edition) -> dict[tuple[str, int], str]:
    """(text, paragraph) -> its page, for the texts the differences quote (only those: a
    map of every paragraph of hundreds of texts would be made for two points)."""
    named = {told.text_id for difference in edition.differences for told in difference.passages}
    return paragraph_pages([text for text in edition.texts if text.meta.id in named])


def told_differently(edition) -> dict[tuple[str, int], list[ToldElsewhere]]:
    """(text, paragraph) -> the other texts' paragraphs on each point it tells differently."""
    pages = told_pages(edition)
    found: dict[tuple[str, int], list[ToldElsewhere]] = {}
    for difference in edition.differences:
        for told in difference.passages:
            for other in difference.passages:
                if other.text_id != told.text_id:
                    found.setdefault((told.text_id, told.paragraph), []).append(ToldElsewhere(
                        difference.about, other.text_id, other.paragraph, pages[(other.text_id, other.paragraph)]))
    return found


def print_pages(texts) -> dict[tuple[str, int], str]:
    """The page(s) of the print edition each paragraph stands on."""
    pages = {}
    for text in texts:
        current = text.title_page   # the first page begins with the title, before any paragraph
        for holder in (h for section in text.sections for h in (section,) + section.appendix):
            current = holder.page_start or current   # a page that begins with this heading
            for paragraph in _own_paragraphs(holder):
                current = _paragraph_pages(text, paragraph, current, pages)
    return pages


def _own_paragraphs(holder):
    for block in holder.blocks:
        yield from block.paragraphs if isinstance(block, BlockQuote) else (block,)


def _paragraph_pages(text, paragraph, current: int, pages: dict) -> int:
    """Record the page(s) a paragraph stands on; return the page at its end."""
    starts = [s.page for s in paragraph.inlines if isinstance(s, PageStart)]
    first = starts[0] if starts and isinstance(paragraph.inlines[0], PageStart) else current
    current = starts[-1] if starts else current
    if current:
        pages[(text.meta.id, paragraph.number)] = (
            f"{first}–{current}" if first and first != current else f"{current}")
    return current
