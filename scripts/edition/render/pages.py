"""A text -> its Markdown pages: an index page and one page per section."""
from __future__ import annotations

import json

from ..layout import section_path, tei_path
from ..model import BlockQuote, Paragraph, Section, Text
from ..readers.inline import note_refs, plain_text
from .citation import citation_meta, citation_parts, text_bibtex, text_citation
from .basis import EDITORS_IDENTIFICATION, identification_label
from .context import SiteContext
from .glossary import abbreviation_definitions
from .inline import escape_text, link_title, render_inlines
from .linking import link_ranges
from .notes import NoteRenderer
from .references import cited_keys, reference_tag


def render_text(text: Text, site: SiteContext) -> dict[str, str]:
    files = {f"texts/{text.meta.id}/index.md": render_index(text, site)}
    for i, section in enumerate(text.sections):
        page = section_path(text, i)
        files[page] = SectionRenderer(text, site, page).render(section)
    return files


def render_index(text: Text, site: SiteContext) -> str:
    meta = text.meta
    every_note = [n.number for n in text.notes]
    out = _front_matter({"title": meta.short, **_head_tags(citation_meta(meta, (meta.first_page, meta.last_page)),
                                                           text, site, every_note)})
    out += [f"# {escape_text(meta.title)}", "",
            f'<p class="byline">{escape_text(meta.author)}</p>', "",
            f"**Cite the original as:** {text_citation(meta)}", "",
            f"**Download:** [{escape_text(meta.id)}.tei.xml](../../{tei_path(meta.id)}) (TEI P5 XML: the text with "
            "its notes, paragraph numbers, page breaks, bibliography and registers)", ""]
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
        notes_here = [n for p in paragraphs for n in note_refs(p.inlines)]
        out = _front_matter(_head_tags(citation_meta(meta, (meta.first_page, meta.last_page)),
                                       self.text, self.site, notes_here))
        out += [f"# {escape_text(section.title)}", "",
                f'<p class="text-source">{escape_text(self.text.meta.short)}: '
                f'<a href="../">{escape_text(self.text.meta.title)}</a></p>', ""]
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
        # The citation is HTML of the generator's own with the data escaped in it; the script
        # that cites a paragraph sets only the text of the pinpoint and the ending spans.
        shown = (f'<span class="cite-prefix">{prefix}</span><span class="cite-pin">{": " + pages if pages else ""}'
                 f'</span><span class="cite-suffix">{suffix.removesuffix(".")}</span><span class="cite-end">.</span>')
        # Folded by default, so that the text comes first on a phone; citing a paragraph opens it.
        return ['<details class="cite-box" markdown>',
                '<summary class="cite-head"><strong>Cite this</strong> <span class="cite-target">page</span>'
                ' <span class="cite-hint">(click a paragraph number to cite that paragraph)</span></summary>', "",
                f'<p class="cite-chicago">{shown}</p>', "",
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
            reason = f"{other.reason} ({EDITORS_IDENTIFICATION})" if other.identified else other.reason
            label = f" {identification_label()}" if other.identified else ""
            links.append(f'[↔ {escape_text(short)} ¶ {other.paragraph}]'
                         f'({self.site.paragraph_url(self.page, other)} "{link_title(reason)}"){{: .counterpart }}{label}')
        return (' <span class="counterparts">' + " ".join(links) + "</span>") if links else ""


def _head_tags(tags: dict[str, str], text: Text, site: SiteContext, notes) -> dict:
    """The page head's meta tags, as a list of [name, content] pairs (read by the one
    template block of overrides/main.html, which needs no dict methods: MiniJinja has none),
    with a citation_reference for each work the page's notes cite."""
    pairs = [[name, value] for name, value in tags.items()]
    pairs += [["citation_reference", reference_tag(site.entries[key], site.entries)]
              for key in cited_keys(site, text.meta.id, notes)]
    return {"citation_title": tags["citation_title"], "citation_tags": pairs}


def _front_matter(fields: dict) -> list[str]:
    return ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()] + ["---", ""]
