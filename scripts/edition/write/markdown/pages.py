"""A text -> its Markdown pages: an index page and one page per section."""
from __future__ import annotations

import json

from ...model.layout import section_path, tei_path
from ...model.text import BlockQuote, Paragraph, Section, Text
from ...model.inlines import note_refs, plain_text
from ..search_fields import TEXTS, search_fields, section_fields
from .citation import (NO_PRINT_PAGE, citation_meta, citation_parts, edition_citation, paragraph_bibtex, paragraph_citation_runs, text_bibtex, text_citation)
from .basis import EDITORS_IDENTIFICATION, identification_label
from .context import SiteContext, relative, site_url
from .glossary import abbreviation_definitions
from .inline import page_start_block, render_inlines
from ..escape import escape_html, escape_text, front_matter, link_title
from ...model.inlines import link_ranges
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
    page = f"texts/{meta.id}/index.md"
    every_note = [n.number for n in text.notes]
    out = front_matter({"title": meta.short, **_head_tags(citation_meta(meta, (meta.first_page, meta.last_page)),
                                                           text, site, every_note)})
    if text.title_page:   # the print page begins with the title
        out += [page_start_block(text.title_page), ""]
    out += [f"# {escape_text(_landing_title(text))}", ""]
    if _landing_title(text) != meta.title:
        out += [f"The section “{escape_text(meta.title)}”, edited here.", ""]
    bylines = [render_inlines(p.inlines) for p in text.byline] or [escape_text(meta.author)]
    out += [f'<p class="byline" markdown>{line}</p>' for line in bylines] + [""]
    out += [f"**Cite the original as:** {text_citation(meta)}", "",
            f"**Download:** [{escape_text(meta.id)}.tei.xml](../../{tei_path(meta.id)}) (TEI P5 XML: the text with "
            "its notes, paragraph numbers, page breaks, bibliography and registers)", ""]
    if text.abstract:
        out += ["## Abstract", ""]
        out += [render_inlines(p.inlines) + "\n" for p in text.abstract]
    if text.first_page_foot:
        where = f" (p. {text.title_page})" if text.title_page else ""
        out += ["## At the foot of the first page", "",
                f"Printed at the foot of the article's first page{where}, as the publisher set it:", ""]
        out += ['<div class="first-page-foot" markdown>', ""]
        out += [render_inlines(p.inlines) + "\n" for p in text.first_page_foot]
        out += ["</div>", ""]
    out += ["## Contents", ""]
    for i, section in enumerate(text.sections):
        out.append(f"{i + 1}. [{escape_text(section.title)}]({section_path(text, i).split('/')[-1]})"
                   f" — {_extent(section)}")
    if meta.notes_file:   # the source carries the markers only: where the notes come from
        out += ["", "## The notes", "",
                "The source text carries the note numbers only. Each note is given as printed where a "
                "public copy of the book's endnote pages preserves it; otherwise the editor identifies "
                "what it cites, marked as the editor's identification, or says that it is not "
                "established ([how the notes were established](../../method.md#how-kissingers-notes-were-established))."]
    out += ["", "## Rights", "",
            f"The text is © {escape_text(meta.rights_holder)}. It is shown here for study in a "
            "scholarly edition; publishing it in full needs the rights holder's permission. "
            "The notes' identifications, page markers and paragraph numbers are the edition's.", "",
            "## Cite this edition", "",
            edition_citation(site.edition, site.edition.url + site_url(page) if site.edition.url else ""), ""]
    out += search_fields({"text": [meta.short], "part": [TEXTS]}, {"text": meta.short})
    words = " ".join(plain_text(p.inlines) for p in text.abstract + text.byline + text.first_page_foot)
    out += abbreviation_definitions(site.registers, words) + [""]
    return "\n".join(out)


def _landing_title(text: Text) -> str:
    """The work's title; for a chapter section that is also the title of its one section
    page, the book and chapter, so that two pages do not share one main heading."""
    meta = text.meta
    if meta.kind == "chapter" and any(s.title == meta.title for s in text.sections):
        return f"{meta.container}, {meta.chapter}" if meta.chapter else meta.container
    return meta.title


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
        # The title in the front matter: a page marker may stand before the heading. The
        # one-entry contents list gives its room to the notes' column, left out of the HTML.
        out = front_matter({"title": section.title, "hide": ["toc"],
                             **_head_tags(citation_meta(meta, (meta.first_page, meta.last_page)),
                                          self.text, self.site, notes_here)})
        if section.page_start:   # the print page begins with this heading
            out += [page_start_block(section.page_start), ""]
        # A Markdown link, not raw HTML: MkDocs and Zensical resolve it alike. Its class tells
        # the stylesheet, from the top of the page, that the page is a text's section and
        # whether it has a margin column (notes or links to the other text): the layout is
        # set from the first paint, not when the browser reaches the first note.
        margin = " .with-margin" if self._has_margin(paragraphs, notes_here) else ""
        out += [f"# {escape_text(section.title)}", "",
                f"{escape_text(self.text.meta.short)}: [{escape_text(self.text.meta.title)}](index.md)",
                f"{{: .text-source{margin} }}", ""]
        out += section_fields(self.site, self.text, paragraphs, notes_here)
        out += self._cite_box(paragraphs)
        out += self._margin_key(paragraphs)
        out += self._blocks(section.blocks)
        for appendix in section.appendix:
            out += [f"## {escape_text(appendix.title)}", ""]
            out += self._blocks(appendix.blocks)
        notes = [self.text.note(n) for p in paragraphs for n in note_refs(p.inlines)]
        if notes:
            out += NoteRenderer(self.text, self.site, self.page).render(notes)
        words = " ".join([section.title] + [plain_text(p.inlines) for p in paragraphs]
                         + [plain_text(n.inlines + n.identification + n.evidence + n.comment) for n in notes]
                         + self._reading_titles(notes))
        out += abbreviation_definitions(self.site.registers, words) + [""]
        return "\n".join(out)

    def _reading_titles(self, notes) -> list[str]:
        """The publishers' titles the notes' Read links carry: words on the page too."""
        keys = {c.key for n in notes for c in self.site.citations[(self.text.meta.id, n.number)].citations}
        return [r.title for k in sorted(keys) if (r := self.site.readings.of(k)) is not None and r.found]

    def _pages(self, paragraphs) -> tuple[int, int]:
        pages = [self.site.print_pages.get((self.text.meta.id, p.number)) for p in paragraphs]
        numbers = [int(x) for page in pages if page for x in page.split("–")]
        return (min(numbers), max(numbers)) if numbers else (0, 0)

    def _cite_box(self, paragraphs) -> list[str]:
        """The page cited (original with its pages, and this page of the edition), and the
        data the page's script needs to cite one paragraph beside it (docs/assets/cite.js)."""
        meta, info = self.text.meta, self.site.edition
        first, last = self._pages(paragraphs)
        pages = (f"{first}–{last}" if last != first else f"{first}") if first else ""
        prefix, suffix = citation_parts(meta)
        pinpoint = f": {pages}" if pages else ("" if meta.first_page else f" [{NO_PRINT_PAGE}]")
        bibtex = "\n".join("    " + line for line in text_bibtex(meta).split("\n"))
        url = info.url + site_url(self.page) if info.url else ""
        data = {"chicago": paragraph_citation_runs(meta, info),
                "bibtex": [text_bibtex(meta), paragraph_bibtex(meta, info)],
                "url": url, "text": meta.short}
        # Data for the script, as JSON in an escaped attribute, which it reads as text. Not a
        # <script type="application/json">: the theme's instant navigation re-runs the
        # scripts of the page it loads, JSON included.
        payload = escape_html(json.dumps(data, ensure_ascii=False, sort_keys=True))
        return ['<details class="cite-box" markdown>',
                '<summary class="cite-head"><strong>Cite this page</strong>'
                ' <span class="cite-hint">(to cite one paragraph, click its number)</span></summary>', "",
                f'<p class="cite-chicago">{prefix}{pinpoint}{suffix}</p>', "",
                bibtex, "",
                f'<p class="cite-edition" markdown>In this edition: {edition_citation(info, url)}</p>', "",
                "</details>", "",
                f'<div id="cite-data" hidden data-citation="{payload}"></div>', ""]

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

    def _has_margin(self, paragraphs, notes_here) -> bool:
        """Does the page have sidenotes or links to the other text (edition.js's column)?"""
        return bool(notes_here) or any(self.site.counterparts.get((self.text.meta.id, p.number))
                                       or self.site.told_differently.get((self.text.meta.id, p.number))
                                       for p in paragraphs)

    def _margin_key(self, paragraphs) -> list[str]:
        """What the links beside the paragraphs mean, said once above them (their titles say it
        only to a mouse), for the kinds this page has."""
        text_id = self.text.meta.id
        met = [o for p in paragraphs for o in self.site.counterparts.get((text_id, p.number), ())]
        told = any(self.site.told_differently.get((text_id, p.number)) for p in paragraphs)
        parts = []
        if met:
            parts.append("“↔” a passage of another text whose note cites the same document")
        if any(o.identified for o in met):
            parts.append(f"“{EDITORS_IDENTIFICATION}”: one of the two notes cites it only as the editor "
                         "identified it, not in the author's words")
        if told:
            parts.append("“≠” another text's account of the same point, told differently")
        if not parts:
            return []
        return [f'<p class="margin-key" data-pagefind-ignore>Links at the paragraphs: {"; ".join(parts)}.</p>', ""]

    def _counterparts(self, number: int) -> str:
        links = []
        for other in self.site.counterparts.get((self.text.meta.id, number), ()):
            short = self.site.texts[other.text_id].meta.short
            reason = f"{other.reason} ({EDITORS_IDENTIFICATION})" if other.identified else other.reason
            label = f" {identification_label()}" if other.identified else ""
            # One item: the label stays with its link, never alone beside the next note.
            links.append(f'<span class="counterpart-item">[↔ {escape_text(short)} ¶ {other.paragraph}]'
                         f'({self.site.paragraph_url(self.page, other)} "{link_title(reason)}"){{: .counterpart }}'
                         f'{label}</span>')
        for other in self.site.told_differently.get((self.text.meta.id, number), ()):
            short = self.site.texts[other.text_id].meta.short
            title = f"Told differently: {other.about}"
            words = f"≠ told differently in {escape_text(short)} ¶ {other.paragraph}"
            links.append(f'<span class="counterpart-item">[{words}]'
                         f'({relative(self.page, other.page)}#p{other.paragraph} "{link_title(title)}")'
                         '{: .counterpart .told-differently }</span>')
        # Links to other paragraphs, not the paragraph's words: out of the search index.
        return (' <span class="counterparts" data-pagefind-ignore>' + " ".join(links) + "</span>") if links else ""


def _head_tags(tags: dict[str, str], text: Text, site: SiteContext, notes) -> dict:
    """The page head's meta tags, as a list of [name, content] pairs (read by the one
    template block of overrides/main.html, which needs no dict methods: MiniJinja has none),
    with a citation_reference for each work the page's notes cite."""
    pairs = [[name, value] for name, value in tags.items()]
    pairs += [["citation_reference", reference_tag(site.entries[key], site.entries)]
              for key in cited_keys(site, text.meta.id, notes)]
    return {"citation_title": tags["citation_title"], "citation_tags": pairs}


