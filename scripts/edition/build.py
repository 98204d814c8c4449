"""The build: read every text, check everything, render, and only then write.

Output goes to a staging folder that replaces the previous output in one step when
the whole build succeeded, so a failed build leaves the last good pages in place
(staging.py).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator

from .apparatus import Finding, NotVariant, find_issues, load_not_variants
from .partner import WANT, Outcome, Partner
from .bibliography.archives import Archive, load_archives
from .bibliography.entry import Entry
from .bibliography.parse import parse_bibliography
from .bibliography.validate import validate_entries
from .chronology import Event, extract_events, find_passages
from .citations.mapping import load_citation_map
from .citations.model import NoteCitations
from .citations.resolve import Resolver
from .corrections import load_corrections
from .edition_info import EditionInfo, load_edition_info, start_version
from .errors import EditionError, SourcePosition
from .manifest import load_manifest
from .model import Text
from .readers import READERS
from .readings.findings import reading_findings
from .readings.model import NO_READINGS, Readings
from .readings.parse import load_readings
from .readings.stage import check_readings
from .registers import Registers, load_registers
from .sourcepolicy import check_sources
from .staging import Staging
from .render.annotations import render_annotations
from .render.bibliography import render_apparatus, render_bibliography
from .render.chronology import render_chronology
from .render.documents import render_documents
from .render.downloads import render_downloads
from .render.context import build_context
from .render.front import render_front
from .render.pages import render_text
from .tei import render_tei


@dataclass(frozen=True)
class Edition:
    texts: list[Text]
    entries: list[Entry]
    archives: dict[str, Archive]
    notes: list[NoteCitations]          # every note of every text, in order
    registers: Registers                # persons, terms, places
    settled_by_map: int = 0             # segments the reviewed mapping settled
    readings: Readings = NO_READINGS    # where each cited document can be read
    info: EditionInfo = EditionInfo()   # the edition's own title, editors, version, address
    not_variants: tuple[NotVariant, ...] = ()  # word pairs the spelling check must not report

    def citations_of(self, text_id: str, note: int) -> NoteCitations:
        return next(n for n in self.notes if n.text_id == text_id and n.note == note)

    # What is derived from the model is computed once, when a page first needs it: the
    # pages that do are rendered in the same half of the writers (build_edition).

    @functools.cached_property
    def passages(self) -> list[Event]:
        """The texts' dated passages, found once for the chronology and the apparatus."""
        return find_passages(self.texts)

    @functools.cached_property
    def events(self) -> list[Event]:
        """The dated passages and documents (chronology)."""
        return extract_events(self.texts, self.notes, self.entries, self.passages)

    @functools.cached_property
    def findings(self) -> list[Finding]:
        """The notes on the apparatus. Raises EditionError when an entry of
        sources/apparatus.toml no longer matches what the spelling check finds."""
        return (find_issues({e.key: e for e in self.entries}, self.notes, self.texts,
                            list(self.not_variants), self.passages)
                + reading_findings(self.readings, self.notes))


def read_edition(sources: Path) -> Edition:
    """Every source read and checked; nothing rendered. A partner (partner.py) reads the
    sources that stand alone meanwhile."""
    version = start_version(sources.parent)  # git answers while the sources are read
    try:
        with Partner(lambda: _standalone(sources)) as partner:
            texts = read_texts(sources)
            checked = check_with_notes(sources, texts, partner.take, version)
            return _edition(texts, partner.take, checked)
    finally:
        version()  # waits for git even when the sources failed: no process left behind


def build_edition(sources: Path, docs: Path) -> Edition:
    """The build: every source read and checked, every page rendered and written under
    docs/, all at once (staging.py). A partner works beside this process throughout
    (partner.py, _partner_in_build); the writers split in two halves of about equal work,
    each writing its own files. The partner's half holds every page that needs the dated
    passages, the events or the findings, so that only it computes them."""
    version = start_version(sources.parent)
    try:
        with Staging(docs) as staging, Partner(lambda: _partner_in_build(sources, staging)) as partner:
            texts = read_texts(sources)
            partner.send(texts)
            checked = check_with_notes(sources, texts, partner.take, version)
            partner.send(checked)
            edition = _edition(texts, partner.take, checked)
            staging.write(_render_first_half(edition, build_context(edition)))
            partner.take("second half").value()
            staging.commit()  # while the system takes the partner down
            return edition
    finally:
        version()


def _partner_in_build(sources: Path, staging: Staging) -> Iterator:
    """The partner's work in a build: it reads the sources that stand alone and sends each,
    is sent the texts and finds their dated passages (while this process resolves the
    notes), is sent what the checks found, and writes its half of the pages."""
    standalone = {}
    for name, outcome in _standalone(sources):
        standalone[name] = outcome
        yield name, outcome
    texts = yield WANT
    passages = find_passages(texts)
    checked = yield WANT
    edition = _edition(texts, standalone.__getitem__, checked)
    edition.__dict__["passages"] = passages  # the cached property's value, found beforehand
    yield "second half", Outcome(
        lambda: staging.write(_render_second_half(edition, build_context(edition))))


def read_texts(sources: Path) -> list[Text]:
    corrections = load_corrections(sources / "corrections.toml")
    metas = load_manifest(sources, READERS)
    texts = [READERS[meta.reader](meta, corrections) for meta in metas]
    corrections.check_all_used({meta.id for meta in metas})
    return texts


def _standalone(sources: Path) -> Iterator[tuple[str, Outcome]]:
    """The sources that need nothing else read, each read and checked on its own with what
    came of it, in the order the build comes to need them: each is taken, or its error
    raised, there, so that errors are reported in the same order wherever they were read."""
    yield "bibliography", Outcome(lambda: _bibliography(sources))
    yield "readings", Outcome(lambda: load_readings(sources / "readings.toml"))
    yield "registers", Outcome(lambda: load_registers(sources))
    yield "source policy", Outcome(lambda: check_sources(sources))
    # the version is asked of git by this process (start_version), not by the partner
    yield "edition info", Outcome(lambda: load_edition_info(sources.parent))


@dataclass(frozen=True)
class Checked:
    """What the reading found once the notes were resolved and checked against the sources
    that stand alone: with the texts and those sources, all an Edition is made of."""
    notes: list[NoteCitations]
    readings: Readings
    not_variants: tuple[NotVariant, ...]
    version: str


Take = Callable[[str], Outcome]  # what came of reading one of the sources that stand alone


def check_with_notes(sources: Path, texts: list[Text], take: Take, version) -> Checked:
    """The rest of the reading: what needs the texts and the other sources together.
    `take(name)` gives what came of reading each of those (_standalone)."""
    _, entries = take("bibliography").value()
    bib_path = sources / "bibliography.bib"
    mapping = load_citation_map(sources / "citation-map.toml")
    resolver = Resolver(entries, mapping, "sources/citation-map.toml")
    notes = [n for text in texts
             for n in resolver.resolve_text(text, str(text.meta.notes_file or text.meta.source))]
    mapping.check_all_used()
    check_every_entry_cited(entries, notes, bib_path)
    not_variants = tuple(load_not_variants(sources / "apparatus.toml"))
    readings = check_readings(take("readings").value(), entries, notes, bib_path)
    # taken for their errors, which are reported here, in the order they always were
    take("registers").value()
    take("source policy").value()
    take("edition info").value()
    return Checked(notes, readings, not_variants, version())


def _edition(texts: list[Text], take: Take, checked: Checked) -> Edition:
    """The edition, made the same way in this process and in the partner."""
    archives, entries = take("bibliography").value()
    settled = sum(1 for n in checked.notes for c in n.citations if c.settled_by)
    info = replace(take("edition info").value(), version=checked.version)
    return Edition(texts, entries, archives, checked.notes, take("registers").value(), settled,
                   checked.readings, info, checked.not_variants)


def check_edition(sources: Path) -> Edition:
    """Everything read and checked, nothing rendered: the apparatus' checks, which run
    when their findings are first needed, are run here."""
    edition = read_edition(sources)
    edition.findings  # computed for the errors it may raise
    return edition


def _bibliography(sources: Path) -> tuple[dict[str, Archive], list[Entry]]:
    archives = load_archives(sources / "archives.toml")
    bib_path = sources / "bibliography.bib"
    entries = parse_bibliography(bib_path)
    validate_entries(entries, archives, bib_path)
    return archives, entries


def check_every_entry_cited(entries: list[Entry], notes: list[NoteCitations], path: Path) -> None:
    cited = {c.key for n in notes for c in n.citations}
    by_key = {e.key: e for e in entries}
    parents = {by_key[k].get("crossref") for k in cited if by_key[k].get("crossref")}
    for entry in entries:
        if entry.key not in cited | parents:
            raise EditionError(SourcePosition(path, entry.line),
                               f"no note cites '{entry.key}'; remove the entry or cite it")


def render_edition(edition: Edition) -> dict[str, str]:
    """Every generated file, in memory: the same files as build_edition writes. The
    partner, forked with the edition in memory, renders the second half."""
    with Partner(lambda: _partner_rendering(edition)) as partner:
        files = _render_first_half(edition, build_context(edition))
        files.update(partner.take("second half").value())
    return files


def _partner_rendering(edition: Edition) -> Iterator:
    yield "second half", Outcome(lambda: _render_second_half(edition, build_context(edition)))


def _render_first_half(edition: Edition, site) -> dict[str, str]:
    files: dict[str, str] = {}
    for text in edition.texts:
        files.update(render_text(text, site))
    files.update(render_front(edition.texts))
    files.update(render_tei(edition.texts, site))
    files.update(render_documents(site))
    files.update(render_bibliography(site))
    return files


def _render_second_half(edition: Edition, site) -> dict[str, str]:
    files = render_downloads(site)
    files.update(render_apparatus(site, edition.findings))
    files.update(render_chronology(edition, site))
    files.update(render_annotations(site, edition))
    return files


def build(root: Path) -> Edition:
    return build_edition(root / "sources", root / "docs")
