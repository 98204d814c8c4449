""""Read the document": the link from a note or an entry to the publisher's page, and the
words for a document no publisher's page was found for. Shared by the note, bibliography,
archive and Documents writers.

Every value from sources/readings.toml reaches the page as text: escaped for Markdown and
HTML in the link's words, attribute-escaped in its address (already checked: https, an
allowed host, no quotes or spaces). The link opens in the same tab and says that it leads
to another site: an arrow for the eye, hidden words for a screen reader.
"""
from __future__ import annotations

import html

from ...model.entry import Entry
from ...model.readings import DIFFERS, Reading
from ..escape import escape_text

EXTERNAL = ('<span class="reading-external" aria-hidden="true">&#8599;</span>'
            '<span class="visually-hidden"> (external site)</span>')
NOT_FOUND_ARCHIVAL = "No published translation found online"   # a printed one may exist (CWIHP Bulletin)
NOT_FOUND_PRINTED = "No online publication found"
NOT_LOOKED_UP = "Not yet looked up"


def external_link(url: str, words_markdown: str) -> str:
    return (f'<a class="reading-link" href="{html.escape(url, quote=True)}" rel="external">'
            f'{words_markdown}{EXTERNAL}</a>')


def read_link(reading: Reading) -> str:
    """'Read: Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong (Wilson Center Digital
    Archive) ↗': the document as the publisher titles it, and the publisher."""
    return external_link(reading.url, f"Read: {escape_text(reading.title)} ({escape_text(reading.publisher)}) ")


def differs_in_note(reading: Reading, finding_url: str) -> str:
    """In a note, after its Read link: the linked page differs from the note, in a few words
    (the fields), linked to the finding on the apparatus page."""
    fields = list(dict.fromkeys(d.split(":", 1)[0].strip() for d in reading.differences))
    what = f" ({escape_text(', '.join(fields))})" if fields else ""
    return (f' <span class="reading-differs">The linked page differs from the note{what}: '
            f"[see the apparatus]({finding_url}).</span>")


def published_as(reading: Reading) -> str:
    """For tables: the publisher, linked, and under it the title it gives the document."""
    return (external_link(reading.url, f"{escape_text(reading.publisher)} ")
            + f' <span class="reading-detail">“{escape_text(reading.title)}”</span>')


def not_found_words(entry: Entry) -> str:
    return NOT_FOUND_ARCHIVAL if entry.is_archival else NOT_FOUND_PRINTED


def where_to_read(reading: Reading | None, entry: Entry) -> str:
    """A table cell: the linked page, or why there is none."""
    if reading is None:
        return NOT_LOOKED_UP
    if reading.found:
        return published_as(reading)
    return not_found_words(entry)


def differs_note(reading: Reading | None, apparatus: str) -> str:
    """Under a linked page that differs from the note: where the differences are listed."""
    if reading is None or not reading.found or reading.comparison != DIFFERS:
        return ""
    return f' <span class="reading-detail">Differs from the note: see the [apparatus]({apparatus}).</span>'


def is_cited_document(entry: Entry) -> bool:
    """The publisher's page is the cited document itself (a FRUS document is the printed
    text the note cites), not a translation of an archival original."""
    return not entry.is_archival
