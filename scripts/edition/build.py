"""The build: read every text, check everything, render, and only then write.

Output goes to a temporary directory that replaces the previous output in one
step when the whole build succeeded, so a failed build leaves the last good
pages in place.
"""
from __future__ import annotations

import concurrent.futures
import functools
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .apparatus import Finding, find_issues, load_not_variants
from .atomic import swap
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
from .readings.stage import read_readings
from .registers import Registers, load_registers
from .sourcepolicy import check_sources
from .render.annotations import render_annotations
from .render.bibliography import render_bibliography
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
    findings: list[Finding]             # the notes on the apparatus
    registers: Registers                # persons, terms, places
    settled_by_map: int = 0             # segments the reviewed mapping settled
    readings: Readings = NO_READINGS    # where each cited document can be read
    info: EditionInfo = EditionInfo()   # the edition's own title, editors, version, address
    passages: list[Event] | None = None  # the texts' dated passages, read once for the apparatus

    def citations_of(self, text_id: str, note: int) -> NoteCitations:
        return next(n for n in self.notes if n.text_id == text_id and n.note == note)

    @functools.cached_property
    def events(self) -> list[Event]:
        """The dated passages and documents (chronology), read once for every page that needs them."""
        return extract_events(self.texts, self.notes, self.entries, self.passages)


def read_edition(sources: Path) -> Edition:
    version = start_version(sources.parent)  # git answers while the sources are read
    try:
        return _read_edition(sources, version)
    finally:
        version()  # waits for git even when the sources failed: no process left behind


def _read_edition(sources: Path, version) -> Edition:
    # The bibliography, the registers and the source policy need nothing else that is read:
    # a forked copy reads them meanwhile (beside.py). Each is taken, or its error raised,
    # where the build comes to need it: the errors are reported in the same order as ever.
    with Beside(lambda: _self_contained(sources)) as self_contained:
        corrections = load_corrections(sources / "corrections.toml")
        metas = load_manifest(sources, READERS)
        texts = [READERS[meta.reader](meta, corrections) for meta in metas]
        corrections.check_all_used({meta.id for meta in metas})
        passages = [event for text in texts for event in text_events(text)]  # raises nothing
        read = self_contained.result()
    archives, entries = read["bibliography"].value()
    bib_path = sources / "bibliography.bib"
    mapping = load_citation_map(sources / "citation-map.toml")
    resolver = Resolver(entries, mapping, "sources/citation-map.toml")
    notes = [n for text in texts
             for n in resolver.resolve_text(text, str(text.meta.notes_file or text.meta.source))]
    mapping.check_all_used()
    check_every_entry_cited(entries, notes, bib_path)
    settled = sum(1 for n in notes for c in n.citations if c.settled_by)
    findings = find_issues({e.key: e for e in entries}, notes, texts,
                           load_not_variants(sources / "apparatus.toml"), passages)
    readings = read_readings(sources / "readings.toml", entries, notes, bib_path)
    findings += reading_findings(readings, notes)
    registers = read["registers"].value()
    read["source policy"].value()
    return Edition(texts, entries, archives, notes, findings, registers, settled, readings,
                   load_edition_info(sources.parent, version()), passages)


def _self_contained(sources: Path) -> dict[str, Outcome]:
    """The sources read and checked on their own, each with what came of it."""
    return {"bibliography": Outcome(lambda: _bibliography(sources)),
            "registers": Outcome(lambda: load_registers(sources)),
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


def render_edition(edition: Edition) -> dict[str, str]:
    """Every generated file. The writers split in two halves of about equal work: the
    second runs beside the first, in a forked copy when that is safe (beside.py)."""
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
    files.update(render_chronology(edition, site))
    files.update(render_annotations(site, edition))
    return files


def _render_second_half(edition: Edition, site) -> dict[str, str]:
    files = render_bibliography(site, edition.findings)
    files.update(render_tei(edition.texts, site))
    files.update(render_documents(site))
    return files


GENERATED = ("texts", "bibliography", "downloads", "chronology", "people", "glossary", "where-the-texts-meet", "documents")  # folders of docs/ the build owns


def write_tree(files: dict[str, str], docs: Path) -> None:
    """Write the generated files (paths relative to docs/) into their folders.

    Everything is written to a staging folder first; the folders are swapped into
    place only after all of it was written, so a failure leaves the last good output."""
    docs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".texts-staging-", dir=docs))
    try:
        paths = {relative: staging / checked_path(relative) for relative in sorted(files)}
        for folder in sorted({path.parent for path in paths.values()}):
            folder.mkdir(parents=True, exist_ok=True)
        # Creating a file is the slow part (most of a millisecond each on a virtual disk),
        # and the system does it without Python's lock: a few threads create them side by side.
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda relative: paths[relative].write_text(files[relative], encoding="utf-8",
                                                                      newline="\n"), paths))
        for folder in GENERATED:
            subset = {k: v for k, v in files.items() if k.split("/")[0] == folder}
            if not _unchanged(docs / folder, subset, folder):
                swap(staging / folder, docs / folder, docs / f".texts-old-{folder}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


# A generated file's path: a generated folder, then names of letters, digits, '_', '-' and
# '.' (never '..', never empty, never absolute). Keys from the sources that become file
# names are checked for this shape where they are read, with their line; this is the
# writer's own guard, so that nothing is ever written outside the generated folders.
PATH_PART = re.compile(r"^[\w-][\w.-]*$", re.ASCII)


def checked_path(relative: str) -> str:
    parts = relative.split("/")
    if parts[0] not in GENERATED or len(parts) < 2 or not all(
            PATH_PART.match(part) and ".." not in part for part in parts[1:]):
        raise EditionError(SourcePosition(Path("sources")),
                           f"the build would write '{relative}', outside its folders of docs/; "
                           "a key that becomes a file name has the wrong shape")
    return relative


def _unchanged(target: Path, files: dict[str, str], subdir: str) -> bool:
    if not target.is_dir():
        return False
    existing = {f"{subdir}/{p.relative_to(target).as_posix()}" for p in target.rglob("*") if p.is_file()}
    return existing == set(files) and all(
        (target.parent / name).read_text(encoding="utf-8") == content for name, content in files.items())


def build(root: Path) -> Edition:
    edition = read_edition(root / "sources")
    write_tree(render_edition(edition), root / "docs")
    return edition
