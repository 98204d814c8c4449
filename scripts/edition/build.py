"""The build, in the order it runs:

    read     each source file read and checked on its own            load/
    check    the sources against each other: every note resolved to   analyse/
             an entry, every entry cited, every reading compared
    derive   what no source states: the chronology's dated passages   analyse/
             and events, the sentence each note marker closes, the
             persons each paragraph names, the notes on the apparatus
    write    every writer renders its files from the one Edition      write/
    stage    every file rendered in memory first; then only the files    publish/
             whose bytes changed are written into docs/, and those no
             longer made removed

Plain sequential code: each step takes what the steps before it made. A failed step
raises EditionError (`path:line: message`) and nothing under docs/ has changed.

The work that depends on one text (reading it, resolving its notes, finding its dated
passages, rendering its pages) goes through a cache (cache.py) keyed on what it reads: a
build after an edit of one text does that text's work again and takes the others' from
disk. The steps across texts and the pages that gather every text read each text without
the editors' words in its notes (Text.without_editors_words), and are cached under the
digests of those parts: an edit of those words remakes that text's own files only.
`build` uses the project's cache; the other entry points make everything unless given one.
"""
from __future__ import annotations

import gc
import hashlib
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from pathlib import Path

from .analyse.annotate import NameMatcher, person_mentions
from .analyse.apparatus import find_issues, note_words, printed_citations
from .analyse.chronology import extract_events, text_events
from .analyse.passages import citing_sentences
from .analyse.citations.resolve import Resolver
from .analyse.readings.findings import reading_findings
from .analyse.readings.stage import check_readings
from .cache import NO_CACHE, Cache
from .errors import EditionError, SourcePosition
from .load.bibliography.archives import check_as_cited, load_archives
from .load.bibliography.parse import parse_bibliography
from .load.bibliography.validate import validate_entries
from .load.citation_map import load_citation_map
from .load.corrections import load_corrections
from .load.differences import check_differences, load_differences
from .load.manifest import load_manifest
from .load.not_variants import load_not_variants
from .load.readers import READERS
from .load.readings import load_readings
from .load.registers import check_page_titles, check_text_references, load_registers
from .load.site_config import load_edition_info, read_version
from .load.sourcepolicy import check_sources, load_policy, toml_values
from .model.edition import Edition
from .model.text import Text
from .publish.staging import write_tree
from .write.downloads import NOTES_JSON, notes_json_file, render_downloads, text_notes_json
from .write.markdown.annotations import render_annotations
from .write.markdown.bibliography import render_apparatus, render_bibliography
from .write.markdown.chronology import render_chronology
from .write.markdown.context import build_context
from .write.markdown.documents import render_documents
from .write.markdown.document_pages import render_document_pages
from .write.markdown.front import render_front
from .write.markdown.navigation import render_navigation
from .write.markdown.pages import render_text
from .write.markdown.timeline import render_timeline
from .write.tei import render_text_tei

# The writers of one text's files take (text, site): their files are cached per text.
TEXT_WRITERS = (
    render_text,           # texts/<id>/: the sections with their notes
    render_text_tei,       # downloads/<id>.tei.xml (and its notes in notes.json: render_one_text)
)

# Every other writer takes (edition, site) and returns {path relative to docs/: contents};
# each writes its own files. In the order a reader meets them.
WRITERS = (
    render_front,          # texts/_snippets/: the list of texts, the editorial interventions
    render_documents,      # documents/: the cited documents and where to read them
    render_document_pages, # documents/<key>.md: a page per cited document
    render_timeline,       # documents/timeline.md: the documents in time, a lane per correspondent
    render_bibliography,   # bibliography/: the entries, the archives' pages
    render_apparatus,      # bibliography/apparatus.md: the notes on the apparatus
    render_chronology,     # chronology/
    render_annotations,    # people/, glossary/, where-the-texts-meet/
    render_downloads,      # downloads/: BibTeX, CSL-JSON and readings as data (notes.json: render_edition)
    render_navigation,     # texts/_snippets/navigation.yml: the nav, which mkdocs.yml inherits
)


def build(root: Path) -> Edition:
    return build_edition(root / "sources", root / "docs", project_cache(root))


def project_cache(root: Path) -> Cache:
    """The project's cache of the work that depends on one text (`make clean` removes it)."""
    return Cache(root / ".cache" / "edition", root / "sources")


def build_edition(sources: Path, docs: Path, cache: Cache = NO_CACHE) -> Edition:
    """Read, check, derive, write, and put the files in place under docs/."""
    with collector_paused():
        edition = read_edition(sources, cache)
        write_tree(render_edition(edition, cache), docs)
    cache.prune()
    return edition


@contextmanager
def collector_paused():
    """A build makes millions of objects and frees few of them before it ends, so Python's
    cycle collector, run as they accumulate, walks them all again and again: about a
    quarter of a build of 200 texts (MAINTAINERS.md, "The cache"). It is paused for the
    build, and runs again after it as usual."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def check_edition(sources: Path) -> Edition:
    """Everything read, checked and derived; nothing written."""
    return read_edition(sources)


def read_edition(sources: Path, cache: Cache = NO_CACHE) -> Edition:
    texts = read_texts(sources, cache)
    # Every step below reads the texts without the editors' words in their notes, which
    # only a text's own pages and files show (render_edition): an edit of those words
    # leaves all the steps across texts as they were.
    shared = [text.without_editors_words() for text in texts]
    archives = load_archives(sources / "archives.toml")
    check_as_cited(archives, [text.meta for text in shared])
    entries = parse_bibliography(sources / "bibliography.bib")
    validate_entries(entries, archives, sources / "bibliography.bib")
    notes = resolve_notes(sources, shared, entries, cache)
    not_variants = load_not_variants(sources / "apparatus.toml")
    policy = load_policy(sources)
    readings = check_readings(load_readings(sources / "readings.toml", tuple(sorted(policy.allow))), entries, notes,
                              sources / "bibliography.bib", {t.meta.id: t.meta.short for t in shared})
    registers = load_registers(sources)
    check_page_titles(registers, readings)
    check_text_references(registers, [text.meta for text in shared])
    differences = load_differences(sources / "differences.toml")
    check_differences(differences, shared)
    check_sources(sources, policy, entries, tuple(r.url for r in readings if r.url),
                  lambda path: cache.memo(("values", str(path), cache.digest(path)), partial(toml_values, path)))
    info = load_edition_info(sources.parent, read_version(sources.parent))
    passages = [event for text in shared
                for event in cache.memo(("passages", text_key(cache, sources, text.meta)), partial(text_events, text))]
    sentences = {place: sentence for text in shared
                 for place, sentence in cache.memo(("sentences", text_key(cache, sources, text.meta)),
                                                   partial(citing_sentences, [text])).items()}
    mentions = find_mentions(shared, registers, sources, cache)
    shared_key = what_shared_steps_read(cache, sources, shared, info)
    printed, findings, events = cache.memo(("across texts",) + shared_key, partial(
        derive_across_texts, shared, entries, notes, not_variants, passages, readings))
    return Edition(texts, entries, archives, notes, registers, readings, info, differences,
                   passages=passages, sentences=sentences, mentions=mentions,
                   events=events, findings=findings, printed=printed, shared_texts=shared, shared_key=shared_key)


def derive_across_texts(texts: list[Text], entries, notes, not_variants, passages, readings) -> tuple:
    """What the checks and pages across texts derive: the citations as the notes print them,
    the notes on the apparatus, the chronology's events."""
    words = note_words(texts)
    printed = printed_citations(notes, words)   # what the notes print: the checks and the document pages
    findings = (find_issues({e.key: e for e in entries}, notes, texts, not_variants, passages, words, printed)
                + reading_findings(readings, notes, printed))
    return printed, findings, extract_events(texts, notes, entries, passages)


def what_shared_steps_read(cache: Cache, sources: Path, shared: list[Text], info) -> tuple[str, ...]:
    """The key of the steps across texts and of the pages that gather every text: the
    shared sources, the edition's data, and each text without its editors' words (a
    digest, worked out once per text). Everything those steps read is derived from these.
    Nothing without a cache."""
    if cache.folder is None:
        return ()
    return (cache.shared, repr(info)) + tuple(
        cache.memo(("shared part", text_key(cache, sources, text.meta)), partial(digest_of, text)) for text in shared)


def digest_of(value) -> str:
    """The SHA-256 of a value's repr: the model's classes are dataclasses and tuples, whose
    repr shows every field."""
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


def find_mentions(texts: list[Text], registers, sources: Path, cache: Cache) -> dict:
    """person id -> the paragraphs that name the person, text by text in the manifest's
    order; each text's found with the registers (shared sources) in its key."""
    matcher = NameMatcher(registers)  # with the ambiguous forms: mentions, not links
    mentions: dict = {}
    for text in texts:
        found = cache.memo(("mentions", text_key(cache, sources, text.meta), cache.shared),
                           partial(person_mentions, [text], matcher))
        for person, places in found.items():
            mentions.setdefault(person, []).extend(places)
    return mentions


def text_key(cache: Cache, sources: Path, meta) -> str:
    """What reading one text reads: its manifest entry, its files, the corrections (nothing
    to read without a cache)."""
    if cache.folder is None:
        return ""
    if meta.id not in cache.text_keys:   # every step of a text asks for it
        cache.text_keys[meta.id] = "\0".join((repr(meta), cache.digest(meta.source), cache.digest(meta.notes_file),
                                              cache.digest(sources / "corrections.toml")))
    return cache.text_keys[meta.id]


def read_texts(sources: Path, cache: Cache = NO_CACHE) -> list[Text]:
    corrections = load_corrections(sources / "corrections.toml")
    metas = load_manifest(sources, READERS)
    texts = [cache.memo(("text", text_key(cache, sources, meta)),
                        partial(READERS[meta.reader], meta, corrections), corrections.matches)
             for meta in metas]
    corrections.check_all_used({meta.id for meta in metas})
    return texts


def resolve_notes(sources: Path, texts: list[Text], entries, cache: Cache = NO_CACHE) -> list:
    """Every note of every text split into citations, each resolved to its entry; every
    entry cited by some note."""
    mapping = load_citation_map(sources / "citation-map.toml")
    mapping.check_targets([text.meta for text in texts])
    resolver = Resolver(entries, mapping, "sources/citation-map.toml")
    shared = (cache.digest(sources / "bibliography.bib"), cache.digest(sources / "citation-map.toml"))
    notes = [n for text in texts
             for n in cache.memo(("notes", text_key(cache, sources, text.meta)) + shared,
                                 partial(resolver.resolve_text, text, str(text.meta.notes_file or text.meta.source)),
                                 mapping.used)]
    mapping.check_all_used()
    check_every_entry_cited(entries, notes, sources / "bibliography.bib")
    return notes


def check_every_entry_cited(entries, notes, path: Path) -> None:
    cited = {c.key for n in notes for c in n.citations}
    by_key = {e.key: e for e in entries}
    parents = {by_key[k].get("crossref") for k in cited if by_key[k].get("crossref")}
    for entry in entries:
        if entry.key not in cited | parents:
            raise EditionError(SourcePosition(path, entry.line),
                               f"no note cites '{entry.key}'; remove the entry or cite it")


def render_edition(edition: Edition, cache: Cache = NO_CACHE) -> dict[str, str]:
    """Every generated file, in memory: what build_edition writes. The pages that gather
    every text are made from the texts without their editors' words, and kept under the
    key of what they read (what_shared_steps_read); each text's own pages and its notes in
    notes.json are made from the whole text."""
    shared = replace(edition, texts=edition.shared_texts)
    site, files, reads = cache.memo(("shared pages",) + edition.shared_key,
                                    partial(render_shared, shared, cache.folder is not None))
    site = replace(site, texts={text.meta.id: text for text in shared.texts},
                   citations={(n.text_id, n.note): n for n in edition.notes})
    files = dict(files)
    notes = []
    for text in edition.texts:
        key = ("pages", text_key(cache, cache.sources, text.meta), cache.shared, repr(edition.info),
               reads[text.meta.id]) if cache.folder else ()
        pages, text_notes = cache.memo(key, partial(render_one_text, text, site))
        files.update(pages)
        notes.append(text_notes)
    files[NOTES_JSON] = notes_json_file(notes)
    return files


def render_shared(edition: Edition, keyed: bool) -> tuple:
    """The links every page shares, the files of the writers that gather every text, and
    (`keyed`: for a cache) what each text's pages read of them."""
    site = build_context(edition)
    files: dict[str, str] = {}
    for writer in WRITERS:
        files.update(writer(edition, site))
    reads = what_text_pages_read(edition, site) if keyed else {}
    # The texts and their notes are in memory already: a fifth of the rest to load back.
    return replace(site, texts={}, citations={}), files, reads


def paragraphs_by_text(found: dict) -> dict[str, list]:
    """{(text id, paragraph): x} as text id -> [(paragraph, x)], grouped once for all texts."""
    grouped = defaultdict(list)
    for (text_id, paragraph), value in found.items():
        grouped[text_id].append((paragraph, value))
    return grouped


def render_one_text(text: Text, site) -> tuple[dict[str, str], str]:
    """A text's files, and its notes' lines of notes.json."""
    files = {path: contents for writer in TEXT_WRITERS for path, contents in writer(text, site).items()}
    return files, text_notes_json(text, site)


def what_text_pages_read(edition: Edition, site) -> dict[str, str]:
    """text id -> a digest of what its pages show of the other texts and of the lookups
    every page shares, for their key (beside the text itself, the shared sources and the
    edition's data): the passages that meet its paragraphs (and those texts' short names),
    the print pages of the other accounts of the points its paragraphs tell differently
    (the points are differences.toml, a shared source), and for each entry it cites its
    bibliography page and the finding its notes' "differs" leads to (whose anchor every
    note citing the entry makes). Made with the shared pages, and kept with them."""
    meetings = paragraphs_by_text(site.counterparts)   # its paragraphs' meetings with other texts
    told = paragraphs_by_text(site.told_differently)   # the other accounts of what they tell
    reads = {}
    for text in edition.texts:
        met = meetings[text.meta.id]
        others = sorted({other.text_id for _, found in met for other in found})
        cited = sorted({c.key for n in text.notes for c in site.citations[(text.meta.id, n.number)].citations})
        reads[text.meta.id] = digest_of((
            met, [(i, site.texts[i].meta.short) for i in others],
            [(paragraph, [account.page for account in accounts]) for paragraph, accounts in told[text.meta.id]],
            [(k, site.entry_pages.get(k), site.differs_link("", k)) for k in cited]))
    return reads
