"""A text -> its Markdown pages: an index page and one page per section."""
from __future__ import annotations

import json

from ..bibliography.format import format_entry, short_label, to_plain
from ..model import AUTHOR, EDITORIAL, BlockQuote, Note, Paragraph, Section, Text
from ..readers.inline import note_refs
from .citation import text_citation
from .context import SiteContext, section_path
from .inline import escape_text, link_title, render_inlines
from .linking import link_ranges


def render_text(text: Text, site: SiteContext) -> dict[str, str]:
    files = {f"texts/{text.meta.id}/index.md": render_index(text)}
    for i, section in enumerate(text.sections):
        page = section_path(text, i)
        files[page] = render_section(text, section, NoteRenderer(text, site, page))
    return files


def render_index(text: Text) -> str:
    meta = text.meta
    out = ["---", f"title: {json.dumps(meta.short, ensure_ascii=False)}", "---", "", f"# {escape_text(meta.title)}", "",
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
    return "\n".join(out)


def _extent(section: Section) -> str:
    paragraphs = list(_paragraphs(section))
    numbers = [p.number for p in paragraphs]
    notes = [n for p in paragraphs for n in note_refs(p.inlines)]
    parts = [f"¶ {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else f"¶ {numbers[0]}"]
    if notes:
        parts.append(f"notes {notes[0]}–{notes[-1]}" if len(notes) > 1 else f"note {notes[0]}")
    return ", ".join(parts)


def _paragraphs(section: Section):
    for holder in (section,) + section.appendix:
        for block in holder.blocks:
            yield from block.paragraphs if isinstance(block, BlockQuote) else (block,)


def render_section(text: Text, section: Section, notes: "NoteRenderer") -> str:
    out = [f"# {escape_text(section.title)}", "",
           f'<p class="text-source">{escape_text(text.meta.short)}: '
           f'<a href="../">{escape_text(text.meta.title)}</a></p>', ""]
    out += _render_blocks(section.blocks)
    for appendix in section.appendix:
        out += [f"## {escape_text(appendix.title)}", ""]
        out += _render_blocks(appendix.blocks)
    numbers = [n for p in _paragraphs(section) for n in note_refs(p.inlines)]
    if numbers:
        out += notes.render([text.note(n) for n in numbers])
    return "\n".join(out)


def _render_blocks(blocks) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, BlockQuote):
            lines = []
            for k, paragraph in enumerate(block.paragraphs):
                if k:
                    lines.append("")
                lines += render_paragraph(paragraph).split("\n")
            out += [f"> {line}".rstrip() for line in lines] + [""]
        else:
            out += [render_paragraph(block), ""]
    return out


def render_paragraph(paragraph: Paragraph) -> str:
    n = paragraph.number
    anchor = (f'<a class="para-num" href="#p{n}" title="Link to paragraph {n}" '
              f'aria-label="Paragraph {n}">{n}</a>')
    return f"{anchor} {render_inlines(paragraph.inlines)}\n{{: #p{n} .para }}"


class NoteRenderer:
    """Notes at the foot of a page, numbered as in print, each citation linked to its entry."""

    def __init__(self, text: Text, site: SiteContext, page: str):
        self.text, self.site, self.page = text, site, page

    def render(self, notes: list[Note]) -> list[str]:
        out = ["## Notes {: #notes }", "", '<div class="footnote" markdown>', "<ol markdown>"]
        for note in notes:
            out += [f'<li id="fn:{note.number}" value="{note.number}" markdown="block">', "",
                    self.body(note) + " " + _backref(note.number), "", "</li>"]
        out += ["</ol>", "</div>", ""]
        return out

    def _entry_title(self, key: str, pinpoint: str | None = None) -> str:
        entry = self.site.entries[key]
        full = to_plain(format_entry(entry, self.site.entries, self.site.archives))
        return f"{full} Cited: {pinpoint}." if pinpoint else full

    def _entry_link(self, key: str) -> str:
        return self.site.entry_link(self.page, key)

    def body(self, note: Note) -> str:
        citations = self.site.citations[(self.text.meta.id, note.number)].citations
        if note.basis == AUTHOR:
            ranges, extra = [], []
            for c in citations:
                if c.start < 0 or any(c.start < r[1] and r[0] < c.end for r in ranges):
                    extra.append(c)
                else:
                    ranges.append((c.start, c.end, self._entry_link(c.key), self._entry_title(c.key, c.pinpoint)))
            body = render_inlines(link_ranges(note.inlines, ranges))
            if extra:
                body += " " + self._also(extra)
            if note.comment:
                body += (f' <span class="editor-comment"><strong>Editor:</strong> '
                         f'{render_inlines(note.comment)}</span>')
            return body
        if note.basis == EDITORIAL:
            links = " · ".join(self._link(c.key) for c in citations)
            return (f'<span class="basis basis-editorial">Editor\'s identification; the note\'s wording '
                    f'is not in the source.</span> {render_inlines(note.identification)} '
                    f'<span class="evidence"><strong>Evidence:</strong> {render_inlines(note.evidence)}</span>'
                    + (f' <span class="identified">In the bibliography: {links}</span>' if links else ""))
        return ('<span class="basis basis-unknown">Not established.</span> The note\'s text is not '
                'in the source, and what it cites has not been identified.')

    def _link(self, key: str) -> str:
        label = short_label(self.site.entries[key], self.site.archives)
        return f'[{escape_text(label)}]({self._entry_link(key)} "{link_title(self._entry_title(key))}")'

    def _also(self, citations) -> str:
        return '<span class="also-cites">(Also cited: ' + " · ".join(self._link(c.key) for c in citations) + ")</span>"


def _backref(number: int) -> str:
    return (f'<a class="footnote-backref" href="#fnref:{number}" '
            f'title="Back to the text at note {number}">&#8617;</a>')
