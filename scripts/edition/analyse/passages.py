"""The sentence each note marker closes: the words of a text that a note supports.

A note marker stands at the end of what the note supports, mostly a sentence
("…invade the South.21"), sometimes a clause inside one. The citing sentence is the
sentence the marker stands in, up to the marker; when the sentence goes on after the
marker, the rest is left out and "…" says so. Document pages and *Where the texts meet*
show these words beside each other."""
from __future__ import annotations

from dataclasses import dataclass

from ..model.layout import section_path
from ..model.text import BlockQuote, Text
from .chronology import sentence_bounds, words_and_markers

CONTINUES = "…"


@dataclass(frozen=True)
class CitingSentence:
    text_id: str
    note: int
    paragraph_number: int
    page: str                 # the section page (docs/-relative) that holds the paragraph
    sentence: str             # plain text, up to the marker
    print_page: int = 0       # the print page the marker stands on (0: the source shows none)
    quotation: bool = False   # the paragraph is a block quote: the words are the text's quotation


def citing_sentences(texts) -> dict[tuple[str, int], CitingSentence]:
    """(text id, note number) -> the sentence that note's marker closes, for every marker."""
    found: dict[tuple[str, int], CitingSentence] = {}
    for text in texts:
        print_pages = text.note_print_pages()
        for index, paragraph, quoted in _paragraphs(text):
            words, markers = words_and_markers(paragraph.inlines)
            for offset, number in markers:
                found[(text.meta.id, number)] = CitingSentence(
                    text.meta.id, number, paragraph.number, section_path(text, index),
                    sentence_before(words, offset), print_pages.get(number, 0), quoted)
    return found


def citing_sentence(text: Text, note_number: int) -> tuple[int, str]:
    """(paragraph number, sentence) for one note of one text."""
    found = citing_sentences([text])[(text.meta.id, note_number)]
    return found.paragraph_number, found.sentence


def sentence_before(words: str, offset: int) -> str:
    """The sentence a marker at `offset` of a paragraph's plain text closes; a marker at the
    paragraph's start closes nothing before it, so the sentence it opens is taken."""
    if offset <= 0:
        start, end = sentence_bounds(words, 0)
        return words[start:end].strip()
    start, end = sentence_bounds(words, offset - 1)
    sentence = words[start:min(end, offset)].strip()
    return sentence + CONTINUES if words[offset:end].strip() else sentence


def _paragraphs(text: Text):
    """(section index, paragraph, whether it is in a block quote) for every paragraph, in order."""
    for index, section in enumerate(text.sections):
        for holder in (section,) + section.appendix:
            for paragraph, quoted in _own(holder):
                yield index, paragraph, quoted


def _own(holder):
    """(paragraph, in a block quote) for a section's (or appendix's) own paragraphs."""
    for block in holder.blocks:
        if isinstance(block, BlockQuote):
            yield from ((p, True) for p in block.paragraphs)
        else:
            yield block, False
