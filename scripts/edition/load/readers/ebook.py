"""Reader for plain text copied from an e-book (Kissinger 2011).

One paragraph per line; note numbers glued to sentence ends ("China.”18");
a line holding only white space closes a block quote; the e-book's file list
("titlepage.xhtml", "dummy_split_000.html", …) trails the text. Stages:

    find_title -> strip_debris -> paragraphs -> find_note_markers
    -> group_block_quotes -> number_paragraphs -> notes (from notes_file)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..corrections import Corrections
from ...errors import EditionError
from ...model.text import BlockQuote, Intervention, NoteRef, Paragraph, Plain, Section, Text, TextMeta
from .markers import check_notes, range_begins_elsewhere
from ..sourcefile import SourceFile, read_source
from .notes_file import read_notes_file, placeholder_notes
from .structure import introduces_quote, number_paragraphs, slugify

DEBRIS_FILE = re.compile(r"^\s*[\w.-]+\.x?html\s*$")
# A note candidate: up to three digits glued to sentence-ending punctuation or a
# closing quotation mark. Whether it is a marker is decided by the expected sequence.
NOTE_CANDIDATE = re.compile(r"(?<=[.,;:!?”’\"')\]])(\d{1,3})(?=\s|$)")


@dataclass(frozen=True)
class Line:
    number: int
    text: str


def read_ebook_plain(meta: TextMeta, corrections: Corrections) -> Text:
    source = read_source(meta.source)
    log: list[Intervention] = []
    lines = [Line(i + 1, text) for i, text in enumerate(source.lines)]
    title, lines = find_title(lines, meta, source)
    lines = strip_debris(lines, meta, source, log)
    paragraphs, quote_ends = split_paragraphs(lines)
    paragraphs, markers = find_note_markers(paragraphs, meta, source, corrections)
    blocks = group_block_quotes(paragraphs, quote_ends, meta, corrections, source, log)
    sections = number_paragraphs((Section(meta.title, slugify(meta.title), tuple(blocks), title.number),))
    if meta.notes_file:
        notes = read_notes_file(meta.notes_file, meta)
        definitions = [(n.number, source.at(0)) for n in notes]
    else:
        notes = placeholder_notes(meta, markers)
        definitions = [(n, at) for n, at in markers]
    check_notes(meta, markers, definitions)
    return Text(meta, sections, notes, (), tuple(log))


def find_title(lines: list[Line], meta: TextMeta, source: SourceFile):
    content = [line for line in lines if line.text.strip()]
    if not content or content[0].text.strip() != meta.title:
        at = source.at(content[0].number if content else 1)
        raise EditionError(at, f"an e-book text begins with its section's title, '{meta.title}' in texts.toml; "
                               "make `title` in texts.toml the file's first line, as written there")
    title = content[0]
    return title, [line for line in lines if line.number > title.number]


def strip_debris(lines: list[Line], meta: TextMeta, source: SourceFile, log) -> list[Line]:
    """Drop the e-book's trailing file list and book-title line."""
    end = len(lines)
    while end and (not lines[end - 1].text.strip() or DEBRIS_FILE.match(lines[end - 1].text)
                   or lines[end - 1].text.strip() == meta.container):
        end -= 1
    debris = [line for line in lines[end:] if line.text.strip()]
    if debris:
        files = [line.text.strip() for line in debris if DEBRIS_FILE.match(line.text)]
        titles = [line.text.strip() for line in debris if line.text.strip() == meta.container]
        what = []
        if titles:
            what.append("the book's title, repeated")
        if files:
            # Described, not quoted, so that no debris string reaches the site.
            what.append(f"{len(files)} names of the e-book's internal files")
        log.append(Intervention("e-book debris removed", source.at(debris[0].number),
                                f"Lines {debris[0].number}–{debris[-1].number} are not part of the text: "
                                + " and ".join(what) + "."))
    return lines[:end]


def split_paragraphs(lines: list[Line]):
    """One paragraph per line. A line of white space only marks the end of a block quote."""
    paragraphs: list[Line] = []
    quote_ends: set[int] = set()
    for line in lines:
        if line.text.strip():
            paragraphs.append(Line(line.number, line.text.strip()))
        elif line.text and paragraphs:  # white space, not an empty line
            quote_ends.add(paragraphs[-1].number)
    return paragraphs, quote_ends


def find_note_markers(paragraphs: list[Line], meta: TextMeta, source: SourceFile,
                      corrections: Corrections | None = None):
    """The note markers among the candidates, matched against the expected sequence
    (choose_markers); each paragraph split into its text and its markers."""
    candidates = [(line, match) for line in paragraphs for match in NOTE_CANDIDATE.finditer(line.text)
                  if not (corrections and corrections.find_ending("not_note", meta.id, line.text[:match.end()]))]
    chosen = choose_markers(candidates, meta, source)
    spans_by_line = []
    markers = []
    for line in paragraphs:
        spans: list = []
        cursor = 0
        for match in NOTE_CANDIDATE.finditer(line.text):
            if (line.number, match.start()) in chosen:
                value = int(match[1])
                spans.append(Plain(line.text[cursor:match.start()]))
                spans.append(NoteRef(value, line.number))
                markers.append((value, source.at(line.number)))
                cursor = match.end()
        spans.append(Plain(line.text[cursor:]))
        spans_by_line.append((line, tuple(s for s in spans if not (isinstance(s, Plain) and not s.value))))
    return spans_by_line, markers


def choose_markers(candidates: list, meta: TextMeta, source: SourceFile) -> set[tuple[int, int]]:
    """(line, offset) of each note marker. Markers run first_note, first_note + 1, ...; a
    candidate with the number expected next is its marker, unless another candidate with the
    same number comes before the next number's first candidate: then either could be the
    marker ("at 4:30" before "China.30"), and the reader stops rather than guess. A candidate
    numbered above the expected one means a marker is missing."""
    expected = meta.first_note
    chosen = set()
    for i, (line, match) in enumerate(candidates):
        value = int(match[1])
        if value == expected:
            rival = _rival(candidates[i + 1:], value)
            if rival:
                other, found = rival
                raise EditionError(source.at(other.number), (
                    f"note marker {value} could be “…{_before(line, match)}” (line {line.number}) or "
                    f"“…{_before(other, found)}” (line {other.number}); the reader does not guess: add "
                    f"[[not_note]] with text = \"{meta.id}\" and ends = \"<the words before the number, "
                    "and the number>\" to sources/corrections.toml for the one that is not a note marker"))
            chosen.add((line.number, match.start()))
            expected += 1
        elif expected < value <= meta.last_note:
            raise EditionError(source.at(line.number),
                               f"note marker {value} found where {expected} was expected; "
                               f"note {expected} is missing or misnumbered"
                               f"{range_begins_elsewhere(meta, value) if expected == meta.first_note else ''}")
    return chosen


def _rival(following: list, value: int):
    """The next candidate numbered `value` before the first numbered value + 1, if any."""
    for line, match in following:
        number = int(match[1])
        if number == value + 1:
            return None
        if number == value:
            return line, match
    return None


def _before(line: Line, match) -> str:
    return line.text[max(0, match.start() - 25):match.end()]


def group_block_quotes(paragraphs, quote_ends: set[int], meta, corrections: Corrections, source, log):
    """A paragraph that follows one ending like “…recounted that” or “…in Tokyo:”
    opens a block quote, which runs to the next white-space line."""
    blocks: list = []
    quote: list[Paragraph] = []
    previous_text = None
    for line, spans in paragraphs:
        paragraph = Paragraph(spans, line.number)
        text = "".join(s.value for s in spans if isinstance(s, Plain))
        if quote:
            quote.append(paragraph)
        else:
            by_rule = previous_text is not None and introduces_quote(previous_text)
            # A correction counts only where it changes the rule's decision: one that changes
            # nothing is stale, and check_all_used reports it.
            veto = corrections.find("not_blockquote", meta.id, text) if by_rule else None
            force = corrections.find("blockquote", meta.id, text) if not by_rule else None
            if (by_rule and not veto) or force:
                quote = [paragraph]
                reason = force.why if force else f"the paragraph before it ends “…{previous_text[-30:]}”"
                log.append(Intervention("block quote", source.at(line.number),
                                        f"“{text[:50]}…” opens a block quote: {reason}."))
            else:
                if veto:
                    log.append(Intervention("not a block quote", source.at(line.number),
                                            f"“{text[:50]}…” stays a paragraph (corrections.toml): {veto.why}"))
                blocks.append(paragraph)
        if quote and (line.number in quote_ends or line is paragraphs[-1][0]):
            blocks.append(BlockQuote(tuple(quote), quote[0].line))
            quote = []
            previous_text = None
        elif not quote:
            previous_text = text
    return blocks
