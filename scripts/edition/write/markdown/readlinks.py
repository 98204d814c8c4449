""""Read the document": the link from a note or an entry to the publisher's page, and for
every document the words that say what the editors did to find where it can be read (one
of four statuses: read and compared, listed by the publisher, printed in, not found in the
searches recorded). Shared by the note, bibliography, archive and Documents writers.

Every value from sources/readings.toml reaches the page as text: escaped for Markdown and
HTML in the link's words, attribute-escaped in its address (already checked: https, an
allowed host, no quotes or spaces). The link opens in the same tab and says that it leads
to another site: an arrow for the eye, hidden words for a screen reader.
"""
from __future__ import annotations

import html

from ...model.entry import Entry
from ...model.readings import DIFFERS, LISTED, NOT_FOUND, PRINTED, Reading
from ..chicago import long_date
from ..escape import escape_text

EXTERNAL = ('<span class="reading-external" aria-hidden="true" data-pagefind-ignore>&#8599;</span>'
            '<span class="visually-hidden" data-pagefind-ignore> (external site)</span>')   # not words to search
READ_AND_COMPARED = "Read and compared"
LISTED_BY_PUBLISHER = "Listed by the publisher"
PRINTED_IN = "Printed in"
NOT_FOUND_IN_SEARCHES = "Not found in the searches recorded"
NO_READING = "No reading recorded"   # only for an entry the readings file need not cover


def external_link(url: str, words_markdown: str) -> str:
    return (f'<a class="reading-link" href="{html.escape(url, quote=True)}" rel="external">'
            f'{words_markdown}{EXTERNAL}</a>')


def read_link(reading: Reading) -> str:
    """'Read: Ciphered Telegram No. 8600, Vyshinsky to Mao Zedong (Wilson Center Digital
    Archive) ↗': the document as the publisher titles it, and the publisher."""
    return external_link(reading.url, f"Read: {escape_text(reading.title)} ({escape_text(reading.publisher)}) ")


def differs_in_note(reading: Reading, finding_url: str, from_note: bool = True) -> str:
    """In a note, after its Read link: the linked page differs from the note, in a few words
    (the fields), linked to the finding on the apparatus page. The page was compared with
    the bibliography's entry, which records what the notes print: `from_note` False (a
    document the editors identified, the note's words not citing it) says so."""
    fields = list(dict.fromkeys(d.split(":", 1)[0].strip() for d in reading.differences))
    what = f" ({escape_text(', '.join(fields))})" if fields else ""
    differs_from = "the note" if from_note else "the bibliography's entry"
    return (f' <span class="reading-differs">The linked page differs from {differs_from}{what}: '
            f"[see the apparatus]({finding_url}).</span>")


def published_as(reading: Reading) -> str:
    """For tables: the publisher, linked, and under it the title it gives the document."""
    return (external_link(reading.url, f"{escape_text(reading.publisher)} ")
            + f' <span class="reading-detail">“{escape_text(reading.title)}”</span>')


def searches_words(reading: Reading, searches_link: str = "", dated: bool = True) -> str:
    """'Not found in the searches recorded on 22 November 2026', leading to the searches.
    `dated`: the reading's date is the searches' (a not-found reading's is; a printed-in
    reading's is the day its print record was checked, and its searches say their own)."""
    words = f"{NOT_FOUND_IN_SEARCHES} on {_day(reading.checked)}" if dated else NOT_FOUND_IN_SEARCHES
    return f"{words} ([the searches]({searches_link}))" if searches_link else words


def status_words(reading: Reading, searches_link: str = "") -> str:
    """What the editors did, for a reading no note links as "Read the document": listed by
    the publisher (and what was compared), printed in (and who names it), or not found in
    the searches recorded (and when)."""
    if reading.status == LISTED:
        return (f"{LISTED_BY_PUBLISHER}: " + external_link(reading.url, f"{escape_text(reading.publisher)} ")
                + f' <span class="reading-detail">“{escape_text(reading.title)}”. Compared: '
                  f"{escape_text(reading.compared)}</span>")
    if reading.status == PRINTED:
        words = (f"{PRINTED_IN} " + "; ".join(escape_text(p) for p in reading.printed_in)
                 + f' <span class="reading-detail">Named by: {escape_text(reading.named_by)}</span>')
        if reading.searched:
            online = searches_words(reading, searches_link, dated=False)
            words += f' <span class="reading-detail">A copy online: {online[0].lower() + online[1:]}.</span>'
        return words
    if reading.status == NOT_FOUND:
        return searches_words(reading, searches_link)
    return published_as(reading)


def where_to_read(reading: Reading | None, entry: Entry, searches_link: str = "") -> str:
    """A table cell: the linked page, or what the editors did instead."""
    if reading is None:
        return NO_READING
    if reading.found:
        return f"{READ_AND_COMPARED}: " + published_as(reading)
    return status_words(reading, searches_link)


def _day(iso: str) -> str:
    """'22 November 2026', as the texts write dates."""
    year, month, day = iso.split("-")
    return f"{int(day)} {long_date(f'{year}-{month}').split()[0]} {year}"


def differs_note(reading: Reading | None, apparatus: str) -> str:
    """Under a linked page that differs from the note: where the differences are listed."""
    if reading is None or not reading.found or reading.comparison != DIFFERS:
        return ""
    return f' <span class="reading-detail">Differs from the note: see the [apparatus]({apparatus}).</span>'


def is_cited_document(entry: Entry) -> bool:
    """The publisher's page is the cited document itself (a FRUS document is the printed
    text the note cites), not a translation of an archival original."""
    return not entry.is_archival
