"""The build: read every text, check everything, render, and only then write.

Output goes to a staging folder that replaces the previous output in one step when
the whole build succeeded, so a failed build leaves the last good pages in place
(staging.py).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

from .apparatus import Finding, NotVariant, find_issues, load_not_variants
from .beside import Beside, Outcome
from .bibliography.archives import Archive, load_archives
from .bibliography.entry import Entry
from .bibliography.parse import parse_bibliography
from .bibliography.validate import validate_entries
from .chronology import Event, extract_events, text_events
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
    passages: list[Event] | None = None  # the texts' dated passages, read once for the chronology and the apparatus

    def citations_of(self, text_id: str, note: int) -> NoteCitations:
        return next(n for n in self.notes if n.text_id == text_id and n.note == note)

    # What is derived from the model is computed once, when a page first needs it: the
    # pages that do are rendered in the same half of the writers (write_edition).

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
    version = start_version(sources.parent)  # git answers while the sources are read
    try:
        return _read_edition(sources, version)
    finally:
        version()  # waits for git even when the sources failed: no process left behind


def _read_edition(sources: Path, version) -> Edition:
    # The bibliography, the readings, the registers, the source policy and the site's
    # configuration need nothing else that is read: a forked copy reads them meanwhile
    # (beside.py). Each is taken, or its error raised, where the build comes to need it:
    # the errors are reported in the same order as ever. The copy is reaped when the
    # reading ends, not before.
    with Beside(lambda: _self_contained(sources)) as self_contained:
        corrections = load_corrections(sources / "corrections.toml")
        metas = load_manifest(sources, READERS)
        texts = [READERS[meta.reader](meta, corrections) for meta in metas]
        corrections.check_all_used({meta.id for meta in metas})
        passages = [event for text in texts for event in text_events(text)]  # raises nothing
        return _with_notes(sources, texts, passages, self_contained.result(), version)


def _with_notes(sources: Path, texts: list[Text], passages: list[Event], read: dict[str, Outcome],
                version) -> Edition:
    """The rest of the reading: what needs the texts and the bibliography together."""
    archives, entries = read["bibliography"].value()
    bib_path = sources / "bibliography.bib"
    mapping = load_citation_map(sources / "citation-map.toml")
    resolver = Resolver(entries, mapping, "sources/citation-map.toml")
    notes = [n for text in texts
             for n in resolver.resolve_text(text, str(text.meta.notes_file or text.meta.source))]
    mapping.check_all_used()
    check_every_entry_cited(entries, notes, bib_path)
    settled = sum(1 for n in notes for c in n.citations if c.settled_by)
    not_variants = tuple(load_not_variants(sources / "apparatus.toml"))
    readings = check_readings(read["readings"].value(), entries, notes, bib_path)
    registers = read["registers"].value()
    read["source policy"].value()
    info = replace(read["edition info"].value(), version=version())
    return Edition(texts, entries, archives, notes, registers, settled, readings, info,
                   not_variants, passages)


def check_edition(sources: Path) -> Edition:
    """Everything read and checked, nothing rendered: the apparatus' checks, which run
    when their findings are first needed, are run here."""
    edition = read_edition(sources)
    edition.findings  # computed for the errors it may raise
    return edition


def _self_contained(sources: Path) -> dict[str, Outcome]:
    """The sources read and checked on their own, each with what came of it."""
    return {"bibliography": Outcome(lambda: _bibliography(sources)),
            "readings": Outcome(lambda: load_readings(sources / "readings.toml")),
            "registers": Outcome(lambda: load_registers(sources)),
            # the version is asked of git by this process (start_version), not by the copy
            "edition info": Outcome(lambda: load_edition_info(sources.parent, version="")),
            "source policy": Outcome(lambda: check_sources(sources))}


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


def write_edition(edition: Edition, docs: Path) -> None:
    """Render every page and write it under docs/, all at once (staging.py). The writers
    split in two halves of about equal work, each writing its own files: the second runs
    beside the first, in a forked copy when that is safe (beside.py). The second half holds
    every page that needs the events or the findings, so that only it computes them."""
    site = build_context(edition)
    with Staging(docs) as staging:
        with Beside(lambda: staging.write(_render_second_half(edition, site))) as second:
            staging.write(_render_first_half(edition, site))
            second.result()
            staging.commit()  # while the system takes the copy down


def render_edition(edition: Edition) -> dict[str, str]:
    """Every generated file, in memory: the same files as write_edition writes."""
    site = build_context(edition)
    with Beside(lambda: _render_second_half(edition, site)) as second:
        files = _render_first_half(edition, site)
        files.update(second.result())
    return files


def _render_first_half(edition: Edition, site) -> dict[str, str]:
    files: dict[str, str] = {}
    for text in edition.texts:
        files.update(render_text(text, site))
    files.update(render_front(edition.texts))
    files.update(render_tei(edition.texts, site))
    files.update(render_documents(site))
    return files


def _render_second_half(edition: Edition, site) -> dict[str, str]:
    files = render_bibliography(site)
    files.update(render_apparatus(site, edition.findings))
    files.update(render_chronology(edition, site))
    files.update(render_annotations(site, edition))
    return files


def build(root: Path) -> Edition:
    edition = read_edition(root / "sources")
    write_edition(edition, root / "docs")
    return edition
