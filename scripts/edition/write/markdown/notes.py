"""The notes at the foot of a text page: printed numbers, citations linked to entries,
the basis of notes the source does not carry."""
from __future__ import annotations

from ..chicago import format_entry, short_label, to_plain
from ...model.layout import place_citations
from ...model.text import AUTHOR, EDITORIAL, Note, Text
from .basis import identification_label
from .context import SiteContext
from .inline import render_inlines
from ..escape import escape_text, link_title
from ...model.inlines import link_ranges
from ...model.readings import DIFFERS
from .readlinks import differs_in_note, read_link


class NoteRenderer:
    """Notes at the foot of a page, numbered as in print, each citation linked to its entry."""

    def __init__(self, text: Text, site: SiteContext, page: str):
        self.text, self.site, self.page = text, site, page

    def render(self, notes: list[Note]) -> list[str]:
        out = ["## Notes {: #notes }", "", '<div class="footnote" role="doc-endnotes" markdown>', "<ol markdown>"]
        for note in notes:
            out += [f'<li id="fn:{note.number}" value="{note.number}" markdown="block">', "",
                    self.body(note) + self._print_page(note) + " " + _backref(note.number), "", "</li>"]
        out += ["</ol>", "</div>", ""]
        return out

    def _print_page(self, note: Note) -> str:
        """Where the note stands in print: at the foot of the page that carries its marker."""
        page = self.site.note_print_pages.get((self.text.meta.id, note.number))
        # Not indexed for search (data-pagefind-ignore): a result shows the note's words, and
        # names the page itself.
        return f' <span class="note-page" data-pagefind-ignore>(printed on p.&nbsp;{page})</span>' if page else ""

    def _entry_title(self, key: str, pinpoint: str | None = None) -> str:
        entry = self.site.entries[key]
        full = to_plain(format_entry(entry, self.site.entries, self.site.archives))
        return f"{full} Cited: {pinpoint}." if pinpoint else full

    def _entry_link(self, key: str) -> str:
        """A primary source's document page; a book's or an article's bibliography entry."""
        return self.site.document_link(self.page, key)

    def body(self, note: Note) -> str:
        citations = self.site.citations[(self.text.meta.id, note.number)].citations
        self._read_given: set[str] = set()   # a document's Read link stands once in a note
        self._basis = note.basis
        if note.basis == AUTHOR:
            placed, extra, identified = place_citations(citations)
            ranges = [(c.start, c.end, self._entry_link(c.key), self._entry_title(c.key, c.pinpoint)) for c in placed]
            # The author's words whole, then what the editors add: a Read link for each
            # document a publisher's page gives, in the order the words cite them.
            body = render_inlines(link_ranges(note.inlines, ranges))
            body += "".join(self._read(c.key, printed=True) for c in sorted(placed, key=lambda c: c.start))
            if extra:
                body += " " + self._also(extra)
            if note.comment:   # an anchor of its own: a search result in it says it is the editor's
                body += (f' <span class="editor-comment" id="fn:{note.number}-editor"><strong>Editor:</strong> '
                         f'{render_inlines(note.comment)}</span>')
            if identified:
                body += (f' <span class="identified">{identification_label(True)} of the document it relies on: '
                         + " · ".join(self._link(c.key) for c in identified) + "</span>")
            return body
        if note.basis == EDITORIAL:
            links = " · ".join(self._link(c.key) for c in citations)
            return (f'{identification_label(True)}: the note\'s wording was not seen. '
                    f'{render_inlines(note.identification)} '
                    f'<span class="evidence"><strong>Evidence:</strong> {render_inlines(note.evidence)}</span>'
                    + (f' <span class="identified">In the bibliography: {links}</span>' if links else ""))
        return ('<span class="basis basis-unknown">Not established.</span> The note\'s text was not '
                'seen, and what it cites has not been identified.')

    def _read(self, key: str, printed: bool = False) -> str:
        """'Read: <the document> (<publisher>) ↗' for a document a publisher's page gives, and,
        where that page differs from the bibliography's entry, the words that say so, linked
        to the finding. `printed`: the note's own words cite the document (they are what the
        entry records); else the page was compared with the entry only, never with words
        the note may not have."""
        reading = self.site.readings.of(key)
        if reading is None or not reading.found or key in self._read_given:
            return ""
        self._read_given.add(key)
        differs = ""
        if reading.comparison == DIFFERS:
            differs = differs_in_note(reading, self.site.differs_link(self.page, key), from_note=printed)
        return f' <span class="reading">{read_link(reading)}{differs}</span>'

    def _link(self, key: str) -> str:
        """A citation the note's words do not carry, linked, with its Read link beside it."""
        label = short_label(self.site.entries[key], self.site.archives)
        return (f'[{escape_text(label)}]({self._entry_link(key)} "{link_title(self._entry_title(key))}")'
                + self._read(key))

    def _also(self, citations) -> str:
        """Works the note's words cite that no words of it can carry a link for (a title
        inside another's citation, an "ibid."): the author cites them, the editors link
        them, and say so; not an identification, which the author's words do not make."""
        return ('<span class="also-cites">(also cited in the note\'s words; linked by the editors: '
                + " · ".join(self._link(c.key) for c in citations) + ")</span>")


def _backref(number: int) -> str:
    return (f'<a class="footnote-backref" role="doc-backlink" href="#fnref:{number}" data-pagefind-ignore '
            f'title="Back to the text at note {number}">&#8617;</a>')
