"""A text -> its Markdown pages: an index page and one page per section."""
from __future__ import annotations

import html
import json

from ..layout import section_path
from ..model import BlockQuote, Paragraph, Section, Text
from ..readers.inline import note_refs, plain_text
from ..search.fields import search_fields, section_fields
from .citation import citation_meta, citation_parts, text_bibtex, text_citation
from .context import SiteContext
from .glossary import abbreviation_definitions
from .inline import escape_text, link_title, render_inlines
from .linking import link_ranges
from .notes import NoteRenderer


def render_text(text: Text, site: SiteContext) -> dict[str, str]:
    files = {f"texts/{text.meta.id}/index.md": render_index(text, site)}
    for i, section in enumerate(text.sections):
        page = section_path(text, i)
        files[page] = SectionRenderer(text, site, page).render(section)
    return files


def render_index(text: Text, site: SiteContext) -> str:
    meta = text.meta
    out = _front_matter({"title": meta.short, **citation_meta(meta, (meta.first_page, meta.last_page))})
    out += [f"# {escape_text(meta.title)}", "",
            f'<p class="byline">{escape_text(meta.author)}</p>', "",
            f"**Cite the original as:** {text_citation(meta)}", ""]
    if text.abstract:
        out += ["## Abstract", ""]
        out += [render_inlines(p.inlines) + "\n" for p in text.abstract]
    out += ["## Contents", ""]
    for i, section in enumerate(text.sections):
        out.append(f"{i + 1}. [{escape_text(section.title)}]({section_path(text, i).split('/')[-1]})"
                   f" — {_extent(section)}")
    out += ["", "## Rights", "",
            f"The text is © {escape_text(meta.rights_holder)}. It is shown here for study in a "
            "scholarly edition; publishing it in full needs the rights holder's permission. "
            "The notes' identifications, page markers and paragraph numbers are the edition's.", ""]
    out += search_fields({"text": [meta.short]}, {"text": meta.short})
    words = " ".join(plain_text(p.inlines) for p in text.abstract)
    out += abbreviation_definitions(site.registers, words) + [""]
    return "\n".join(out)


def _extent(section: Section) -> str:
    paragraphs = list(section.paragraphs())
    numbers = [p.number for p in paragraphs]
    notes = [n for p in paragraphs for n in note_refs(p.inlines)]
    parts = [f"¶ {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else f"¶ {numbers[0]}"]
    if notes:
        parts.append(f"notes {notes[0]}–{notes[-1]}" if len(notes) > 1 else f"note {notes[0]}")
    return ", ".join(parts)


class SectionRenderer:
    """One section page: the text with its paragraph anchors, print-page markers,
    first-mention links, counterpart links and abbreviation tooltips; the notes."""

    def __init__(self, text: Text, site: SiteContext, page: str):
        self.text, self.site, self.page = text, site, page
        self.linked: set[str] = set()   # persons and places already linked on this page

    def render(self, section: Section) -> str:
        paragraphs = list(section.paragraphs())
        meta = self.text.meta  # the tags describe the whole work, not this section
        out = _front_matter(citation_meta(meta, (meta.first_page, meta.last_page)))
        # A Markdown link, not raw HTML: MkDocs and Zensical resolve it alike.
        out += [f"# {escape_text(section.title)}", "",
                f"{escape_text(self.text.meta.short)}: [{escape_text(self.text.meta.title)}](index.md)",
                "{: .text-source }", ""]
        notes = [n for p in paragraphs for n in note_refs(p.inlines)]
        out += section_fields(self.site, self.text, paragraphs, notes)
        out += self._cite_box(paragraphs)
        out += self._blocks(section.blocks)
        for appendix in section.appendix:
            out += [f"## {escape_text(appendix.title)}", ""]
            out += self._blocks(appendix.blocks)
        notes = [self.text.note(n) for p in paragraphs for n in note_refs(p.inlines)]
        if notes:
            out += NoteRenderer(self.text, self.site, self.page).render(notes)
        words = " ".join([section.title] + [plain_text(p.inlines) for p in paragraphs]
                         + [plain_text(n.inlines + n.identification + n.evidence + n.comment) for n in notes])
        out += abbreviation_definitions(self.site.registers, words) + [""]
        return "\n".join(out)

    def _pages(self, paragraphs) -> tuple[int, int]:
        pages = [self.site.print_pages.get((self.text.meta.id, p.number)) for p in paragraphs]
        numbers = [int(x) for page in pages if page for x in page.split("–")]
        return (min(numbers), max(numbers)) if numbers else (0, 0)

    def _cite_box(self, paragraphs) -> list[str]:
        first, last = self._pages(paragraphs)
        pages = (f"{first}–{last}" if last != first else f"{first}") if first else ""
        prefix, suffix = citation_parts(self.text.meta)
        bibtex = "\n".join("    " + line for line in text_bibtex(self.text.meta).split("\n"))
        shown = f"{prefix}{': ' + pages if pages else ''}{suffix}"
        # Folded by default, so that the text comes first on a phone; citing a paragraph opens it.
        return ['<details class="cite-box" markdown>',
                '<summary class="cite-head"><strong>Cite this</strong> <span class="cite-target">page</span>'
                ' <span class="cite-hint">(click a paragraph number to cite that paragraph)</span></summary>', "",
                f'<p class="cite-chicago" data-prefix="{_attr(prefix)}" data-suffix="{_attr(suffix)}">'
                f"{shown}</p>", "",
                bibtex, "",
                '<p class="cite-edition">In this edition: <a class="cite-url" href="#">this page</a></p>', "",
                "</details>", ""]

    def _blocks(self, blocks) -> list[str]:
        out = []
        for block in blocks:
            if isinstance(block, BlockQuote):
                lines = []
                for k, paragraph in enumerate(block.paragraphs):
                    if k:
                        lines.append("")
                    lines += self.paragraph(paragraph).split("\n")
                out += [f"> {line}".rstrip() for line in lines] + [""]
            else:
                out += [self.paragraph(block), ""]
        return out

    def paragraph(self, paragraph: Paragraph) -> str:
        n = paragraph.number
        anchor = (f'<a class="para-num" href="#p{n}" title="Link to paragraph {n}" '
                  f'aria-label="Paragraph {n}">{n}</a>')
        body = render_inlines(self._first_mentions(paragraph.inlines))
        page = self.site.print_pages.get((self.text.meta.id, n))
        data = f' data-page="{page}"' if page else ""
        return f"{anchor} {body}{self._counterparts(n)}\n{{: #p{n} .para{data} }}"

    def _first_mentions(self, spans):
        """Link the first mention of each person and place on the page, and no other."""
        ranges = []
        for match in self.site.matcher.find(plain_text(spans)):
            key = f"{match.kind}:{match.id}"
            if match.linkable and key not in self.linked:
                self.linked.add(key)
                url, title = self.site.mention_target(self.page, match)
                ranges.append((match.start, match.end, url, title))
        return link_ranges(spans, ranges) if ranges else spans

    def _counterparts(self, number: int) -> str:
        links = []
        for other in self.site.counterparts.get((self.text.meta.id, number), ()):
            short = self.site.texts[other.text_id].meta.short
            links.append(f'[↔ {escape_text(short)} ¶ {other.paragraph}]'
                         f'({self.site.paragraph_url(self.page, other)} "{link_title(other.reason)}"){{: .counterpart }}')
        return (' <span class="counterparts">' + " ".join(links) + "</span>") if links else ""


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _front_matter(fields: dict) -> list[str]:
    return ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()] + ["---", ""]
