"""Property tests on the readers and the resolver, on generated texts.

The normal run tries a few dozen examples per property; `make fuzz` runs the same
properties for minutes (the "fuzz" Hypothesis profile, see MAINTAINERS.md)."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.model.entry import Entry
from edition.load.citation_map import CitationMap
from edition.analyse.citations.resolve import Resolver
from edition.load.corrections import Corrections
from edition.errors import EditionError, SourcePosition
from edition.model.text import Note, Plain, Text, TextMeta
from edition.load.readers.ebook import read_ebook_plain
from edition.model.inlines import note_refs
from edition.load.readers.pdfmarkdown import read_pdf_markdown

settings.register_profile("default", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=2_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

WORD = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
SENTENCE = st.lists(WORD, min_size=2, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)


def _meta(path: Path, reader: str, first: int, last: int, pages=(0, 0)) -> TextMeta:
    return TextMeta(id="generated", reader=reader, source=path, author="A. Author", title="A Generated Title",
                    kind="article", container="Journal", year=2000, rights_holder="Nobody",
                    first_note=first, last_note=last, position=SourcePosition(path, 1), short="Gen 2000",
                    first_page=pages[0], last_page=pages[1])


# One folder for the module's generated sources, removed at exit: hypothesis makes hundreds
# of examples (thousands under `make fuzz`), and a folder each was left in the temp folder.
_FOLDER = tempfile.TemporaryDirectory(prefix="edition-properties-")


def _write(content: str, suffix: str) -> Path:
    path = Path(_FOLDER.name) / f"source{suffix}"
    path.write_text(content, encoding="utf-8")
    return path


def _markers(text: Text) -> list[int]:
    found = []
    for section in text.sections:
        for block in section.blocks:
            for paragraph in getattr(block, "paragraphs", (block,)):
                found += note_refs(paragraph.inlines)
    return found


# --- the e-book reader ------------------------------------------------------------

@given(st.lists(st.tuples(PARAGRAPH, st.booleans()), min_size=1, max_size=25), st.integers(1, 60))
def test_ebook_reader_finds_exactly_the_markers_put_in(paragraphs, first):
    number, lines = first, ["A Generated Title", ""]
    for words, marked in paragraphs:
        if marked:
            words, number = f"{words}{number}", number + 1
        lines.append(words)
    lines += ["Journal", "titlepage.xhtml", "dummy_split_000.html"]
    path = _write("\n".join(lines), ".txt")
    if number == first:  # no marker at all: the manifest's range cannot be met
        return
    text = read_ebook_plain(_meta(path, "ebook-plain", first, number - 1), Corrections([]))
    assert _markers(text) == list(range(first, number))
    assert [n.number for n in text.notes] == list(range(first, number))


@given(st.text(max_size=400))
def test_ebook_reader_never_crashes(content):
    path = _write("A Generated Title\n" + content, ".txt")
    try:
        read_ebook_plain(_meta(path, "ebook-plain", 1, 3), Corrections([]))
    except EditionError as err:
        assert str(err.where).startswith(str(path))


# --- the PDF-Markdown reader --------------------------------------------------------

@st.composite
def pdf_pages(draw):
    pages, number = [], 1
    for _ in range(draw(st.integers(1, 6))):
        paragraphs = []
        for _ in range(draw(st.integers(1, 4))):
            words = draw(PARAGRAPH)
            if draw(st.booleans()):
                words, number = f"{words}<sup>{number}</sup>", number + 1
            paragraphs.append(words)
        cut = draw(st.booleans())  # the page ends in mid-sentence
        if cut:
            paragraphs[-1] += " and then"
        pages.append((paragraphs, cut))
    return pages, number - 1


@given(pdf_pages())
def test_pdf_reader_accounts_for_every_marker_page_and_join(generated):
    pages, last = generated
    if last == 0:
        return
    lines = ["## A Generated Title", "", "### Introduction", ""]
    for k, (paragraphs, _) in enumerate(pages):
        lines += [p + "\n" for p in paragraphs]
        if k < len(pages) - 1:  # every page but the last ends in a foot
            lines.append("---\n")
            lines += [f"<sup>{n}</sup>Note {n} text.\n" for p in paragraphs for n in note_refs_in(p)]
    # the last page's notes go into a final foot
    final = [n for p in pages[-1][0] for n in note_refs_in(p)]
    lines += ["---\n"] + [f"<sup>{n}</sup>Note {n} text.\n" for n in final]
    path = _write("\n".join(lines), ".md")
    page_count = len(pages)
    meta = _meta(path, "pdf-markdown", 1, last, (10, 10 + page_count - 1))
    text = read_pdf_markdown(meta, Corrections([]))
    assert _markers(text) == list(range(1, last + 1))
    assert [n.number for n in text.notes] == list(range(1, last + 1))
    joins = [i for i in text.interventions if i.kind == "paragraph rejoined"]
    assert len(joins) == sum(1 for _, cut in pages[:-1] if cut)


def note_refs_in(paragraph: str) -> list[int]:
    return [int(n) for n in re.findall(r"<sup>(\d+)</sup>", paragraph)]


@given(st.text(max_size=400))
def test_pdf_reader_never_crashes(content):
    path = _write("## A Generated Title\n\n" + content, ".md")
    try:
        read_pdf_markdown(_meta(path, "pdf-markdown", 1, 2), Corrections([]))
    except EditionError:
        pass


# --- the resolver -------------------------------------------------------------------

TITLE = st.lists(WORD.filter(lambda w: len(w) > 3), min_size=3, max_size=6, unique=True).map(
    lambda ws: " ".join(w.capitalize() for w in ws))


@given(st.lists(TITLE, min_size=1, max_size=6, unique_by=lambda t: t.split()[0]), st.data())
def test_resolver_resolves_every_generated_citation(titles, data):
    entries = [Entry(f"work-{i}", "book", {"title": t, "author": f"Author{i}, A.", "date": "1999"}, i + 1)
               for i, t in enumerate(titles)]
    picks = data.draw(st.lists(st.tuples(st.integers(0, len(titles) - 1), st.integers(1, 500),
                                         st.booleans()), min_size=1, max_size=8))
    segments, expected = [], []
    for index, page, ibid in picks:
        if ibid and expected:
            segments.append(f"Ibid., {page}")
            expected.append((expected[-1][0], str(page)))
        else:
            segments.append(f"Author{index}, {titles[index]}, {page}")
            expected.append((f"work-{index}", str(page)))
    note = Note(1, (Plain("; ".join(segments) + "."),), 1)
    text = _text_with(note)
    resolver = Resolver(entries, CitationMap([]), "map.toml")
    resolved = resolver.resolve_text(text, "notes.toml")[0]
    assert [(c.key, c.pinpoint) for c in resolved.citations] == expected


@given(st.text(max_size=300))
def test_resolver_resolves_or_reports(words):
    entries = [Entry("work-0", "book", {"title": "Generated Book Title", "author": "X, Y."}, 1)]
    text = _text_with(Note(1, (Plain(words),), 1))
    try:
        resolved = Resolver(entries, CitationMap([]), "map.toml").resolve_text(text, "notes.toml")[0]
        assert all(c.key == "work-0" for c in resolved.citations)
    except EditionError as err:
        assert "cannot resolve" in err.message


def _text_with(note: Note) -> Text:
    path = Path("generated.md")
    return Text(_meta(path, "pdf-markdown", 1, 1), (), (note,))


# --- determinism --------------------------------------------------------------------

@given(st.lists(PARAGRAPH, min_size=1, max_size=6))
def test_output_is_deterministic(paragraphs):
    lines = ["A Generated Title", ""] + [p + ("1" if i == 0 else "") for i, p in enumerate(paragraphs)]
    path = _write("\n".join(lines), ".txt")
    outputs = set()
    for _ in range(2):
        text = read_ebook_plain(_meta(path, "ebook-plain", 1, 1), Corrections([]))
        outputs.add(repr(text.sections) + repr(text.notes))
    assert len(outputs) == 1
