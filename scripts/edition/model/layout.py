"""Where things stand on the site: the page of each section, paragraph and note marker.

Shared by the renderers and by the stages that link passages across texts
(annotate, chronology, meetings), so it belongs to neither."""
from __future__ import annotations

from .citations import IDENTIFIED

from .text import Text
from .inlines import note_refs


def section_path(text: Text, index: int) -> str:
    """The Markdown page (relative to docs/) of a text's section."""
    return f"texts/{text.meta.id}/{index + 1:02d}-{text.sections[index].slug}.md"


def tei_path(text_id: str) -> str:
    """A text's TEI download (relative to docs/)."""
    return f"downloads/{text_id}.tei.xml"


def place_anchor(place_id: str) -> str:
    """A place's anchor in the glossary, and its xml:id in the TEI (beside persons' ids)."""
    return f"place-{place_id}"


def paragraphs_with_pages(text: Text):
    """(paragraph, section page) for every paragraph of a text, in order."""
    for index, paragraph in text.paragraphs():
        yield paragraph, section_path(text, index)


def paragraph_pages(texts) -> dict[tuple[str, int], str]:
    """(text id, paragraph number) -> the section page that holds the paragraph."""
    return {(text.meta.id, paragraph.number): page for text in texts
            for paragraph, page in paragraphs_with_pages(text)}


def note_places(texts) -> dict[tuple[str, int], tuple[int, str]]:
    """(text id, note) -> (paragraph number, page) where the note's marker stands."""
    places = {}
    for text in texts:
        for paragraph, page in paragraphs_with_pages(text):
            for number in note_refs(paragraph.inlines):
                places[(text.meta.id, number)] = (paragraph.number, page)
    return places


def place_citations(citations) -> tuple[list, list, list]:
    """An author's note's citations as every writer shows them: those that cover words of
    the note (no two overlapping), those cited beside the words ("Also cited"), and those
    only the editor identified."""
    placed, extra, identified = [], [], []
    for c in citations:
        if c.relation == IDENTIFIED:
            identified.append(c)
        elif c.start < 0 or any(c.start < p.end and p.start < c.end for p in placed):
            extra.append(c)
        else:
            placed.append(c)
    return placed, extra, identified
