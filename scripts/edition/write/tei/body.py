"""A text's front, body and back as TEI: divisions with heads, paragraphs numbered as
on the site, block quotes, print pages, notes at their markers, and the first mention
of each person and place on a site page tagged as the page links it."""
from __future__ import annotations

from ...analyse.annotate import PERSON, PLACE
from ...model.layout import place_anchor
from ...model.text import BlockQuote, NoteRef, PageStart, Paragraph, Section, Text
from ...model.inlines import plain_text
from .bibliography import list_bibl
from .notes import note_element
from .xml import append_inlines, child, element, pointer, wrap_ranges

NOTE_PLACE = {"article": "foot", "chapter": "end"}   # Kim's footnotes; Kissinger's endnotes


def paragraph_id(number: int) -> str:
    """The paragraph's xml:id: the anchor the site gives it (#p12)."""
    return f"p{number}"


class TextWriter:
    def __init__(self, text: Text, site):
        self.text, self.site = text, site
        self.place = NOTE_PLACE.get(text.meta.kind, "end")
        self.linked: set[str] = set()   # persons and places tagged on the current site page
        self.named: dict[str, set[str]] = {PERSON: set(), PLACE: set()}  # every one the paragraphs name

    def text_element(self, cited_keys):
        node = element("text")
        if self.text.abstract or self.text.title_page:
            front = child(node, "front")
            if self.text.title_page:   # the print page begins with the title, before the abstract
                child(front, "pb", n=str(self.text.title_page))
        if self.text.abstract:
            abstract = child(front, "div", type="abstract")
            child(abstract, "head", "Abstract")
            for paragraph in self.text.abstract:
                append_inlines(child(abstract, "p"), paragraph.inlines, self._marker)
        body = child(node, "body")
        for index, section in enumerate(self.text.sections):
            self.linked = set()   # the site links the first mention on each section page
            self._section(body, section, index)
        back = child(node, "back")
        back.append(list_bibl(cited_keys, self.site))
        return node

    def _section(self, body, section: Section, index: int) -> None:
        div = child(body, "div", type="section", n=str(index + 1), xml_id=f"section-{index + 1}")
        if section.page_start:   # the print page begins with this section's heading
            child(div, "pb", n=str(section.page_start))
        child(div, "head", section.title)
        self._blocks(div, section.blocks)
        for appendix in section.appendix:
            inner = child(div, "div", type="appendix")
            child(inner, "head", appendix.title)
            self._blocks(inner, appendix.blocks)

    def _blocks(self, parent, blocks) -> None:
        for block in blocks:
            if isinstance(block, BlockQuote):
                quote = child(parent, "quote")
                for paragraph in block.paragraphs:
                    self._paragraph(quote, paragraph)
            else:
                self._paragraph(parent, block)

    def _paragraph(self, parent, paragraph: Paragraph) -> None:
        p = child(parent, "p", xml_id=paragraph_id(paragraph.number), n=str(paragraph.number))
        append_inlines(p, self._first_mentions(paragraph.inlines), self._marker)

    def _first_mentions(self, spans):
        ranges = []
        for match in self.site.matcher.find(plain_text(spans)):
            self.named[match.kind].add(match.id)
            key = f"{match.kind}:{match.id}"
            if match.linkable and key not in self.linked:
                self.linked.add(key)
                tag, target = (("persName", match.id) if match.kind == PERSON
                               else ("placeName", place_anchor(match.id)))
                ranges.append((match.start, match.end,
                               lambda parent, tag=tag, target=target: child(parent, tag, ref=pointer(target))))
        return wrap_ranges(spans, ranges) if ranges else spans

    def _marker(self, parent, span) -> None:
        if isinstance(span, PageStart):
            child(parent, "pb", n=str(span.page))
        elif isinstance(span, NoteRef):
            note = self.text.note(span.number)
            citations = self.site.citations[(self.text.meta.id, span.number)].citations
            parent.append(note_element(note, citations, self.place, self.site))
        else:
            raise TypeError(span)
