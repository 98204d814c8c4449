"""The parsed model of a text: what the readers produce and the renderers consume.

All classes are frozen; stages build new values with ``dataclasses.replace``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Union

from ..errors import SourcePosition


# --- inline content -------------------------------------------------------

@dataclass(frozen=True)
class Plain:
    value: str


@dataclass(frozen=True)
class Emphasis:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Strong:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Link:
    url: str
    children: tuple["Inline", ...]
    title: str = ""   # shown on hover


@dataclass(frozen=True)
class NoteRef:
    """A note marker in running text, numbered as in print."""
    number: int
    line: int = field(default=0, compare=False)  # source line, for error messages


@dataclass(frozen=True)
class PageStart:
    """The point where a page of the print edition begins."""
    page: int


Inline = Union[Plain, Emphasis, Strong, Link, NoteRef, PageStart]


# --- blocks ---------------------------------------------------------------

@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    line: int
    number: int = 0  # through the whole text, assigned by number_paragraphs


@dataclass(frozen=True)
class BlockQuote:
    paragraphs: tuple[Paragraph, ...]
    line: int


Block = Union[Paragraph, BlockQuote]


@dataclass(frozen=True)
class Section:
    title: str
    slug: str
    blocks: tuple[Block, ...]
    line: int
    appendix: tuple["Section", ...] = ()  # back matter shown at the end of the page
    page_start: int = 0   # a print page begins with this section's heading (0: none does)

    def paragraphs(self, appendix: bool = True):
        """Every paragraph of the section, block quotes included, in order; with its back
        matter's unless `appendix` is False."""
        for holder in (self,) + self.appendix if appendix else (self,):
            for block in holder.blocks:
                yield from block.paragraphs if isinstance(block, BlockQuote) else (block,)


# --- notes ----------------------------------------------------------------

AUTHOR, EDITORIAL, UNKNOWN = "author", "editorial", "unknown"


@dataclass(frozen=True)
class Note:
    number: int
    inlines: tuple[Inline, ...]        # the author's words; empty when not known
    line: int
    basis: str = AUTHOR                # AUTHOR | EDITORIAL | UNKNOWN
    identification: tuple[Inline, ...] = ()  # an editor's identification, never the author's words
    evidence: tuple[Inline, ...] = ()  # one line: why the editor identifies it so
    comment: tuple[Inline, ...] = ()   # an editor's remark on an author's note
    cites: tuple[str, ...] = ()        # bibliography keys settled by the editor (editorial notes)
    cites_line: int = 0                # the line of `cites` in a notes file (0: `line`)


# --- texts ----------------------------------------------------------------

@dataclass(frozen=True)
class TextMeta:
    id: str
    reader: str
    source: Path
    author: str
    title: str
    kind: str               # "article" | "chapter"
    container: str          # journal or book title
    year: int
    rights_holder: str
    first_note: int
    last_note: int
    position: SourcePosition  # where the manifest entry is
    author_sort: str = ""
    volume: str = ""
    issue: str = ""
    chapter: str = ""
    publisher: str = ""
    place: str = ""
    first_page: int = 0
    last_page: int = 0
    doi: str = ""
    isbn: str = ""
    notes_file: Path | None = None
    short: str = ""         # "Kim 2016"

    @property
    def pages(self) -> str:
        return f"{self.first_page}–{self.last_page}" if self.first_page else ""

    @property
    def note_range(self) -> str:
        return f"{self.first_note}–{self.last_note}"

    def has_note(self, number: int) -> bool:
        return self.first_note <= number <= self.last_note


@dataclass(frozen=True)
class Intervention:
    """One editorial change, listed for readers on the editorial-method page."""
    kind: str
    where: SourcePosition
    what: str


@dataclass(frozen=True)
class Text:
    meta: TextMeta
    sections: tuple[Section, ...]
    notes: tuple[Note, ...]
    abstract: tuple[Paragraph, ...] = ()
    interventions: tuple[Intervention, ...] = field(default_factory=tuple)
    # The article's front matter as printed: the lines under the title (author, affiliation),
    # the first page's foot that is not a note (contact line, author's note, copyright line),
    # and the print page on which the title stands (0: the source shows no pages).
    byline: tuple[Paragraph, ...] = ()
    first_page_foot: tuple[Paragraph, ...] = ()
    title_page: int = 0

    def note(self, number: int) -> Note:
        return next(n for n in self.notes if n.number == number)

    def without_editors_words(self) -> Text:
        """The text as the pages that gather every text read it: its notes without the
        editors' identification, evidence and comment, which only the text's own pages and
        files show. An edit of those words leaves this part unchanged, and so the shared
        pages (build.py)."""
        if not any(note.identification or note.evidence or note.comment for note in self.notes):
            return self
        return replace(self, notes=tuple(replace(note, identification=(), evidence=(), comment=())
                                         if note.identification or note.evidence or note.comment else note
                                         for note in self.notes))

    def paragraphs(self):
        """(section index, paragraph) for every paragraph of the text, in order."""
        for index, section in enumerate(self.sections):
            for paragraph in section.paragraphs():
                yield index, paragraph

    def note_print_pages(self) -> dict[int, int]:
        """The print page on which each note's marker stands (its note stands at that page's
        foot): a page begins at the title, at a heading or inside a paragraph. Empty for a
        text whose source shows no pages."""
        found: dict[int, int] = {}
        current = self.title_page
        for section in self.sections:
            for holder in (section,) + section.appendix:
                current = holder.page_start or current
                for paragraph in holder.paragraphs(appendix=False):
                    for span in paragraph.inlines:
                        if isinstance(span, PageStart):
                            current = span.page
                        elif isinstance(span, NoteRef) and current:
                            found[span.number] = current
        return found
