"""Which bibliography entries are documents (the primary sources the Documents page lists):
archival documents and published primary sources; and which of them sources/readings.toml
must cover (archival documents and documents printed in a collection such as FRUS)."""
from __future__ import annotations

import re

from ...model.entry import Entry
from ...model.readings import Readings

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_document(entry: Entry) -> bool:
    """A primary source: an archival document, or a published one dated to the day (a document
    in FRUS, a dated report, a newspaper article, an issue of an internal bulletin, a speech in
    the Department of State Bulletin). Scholarship is dated by year or month; a working
    paper, even if dated to the day, is scholarship."""
    if entry.is_archival:
        return True
    if entry.type == "report" and entry.get("type") == "Working Paper":
        return False
    return bool(FULL_DATE.match(entry.get("date")))


def in_a_collection(entry: Entry) -> bool:
    """A dated document printed in a collection (FRUS, …): an @inbook with a crossref and a
    full date. (A part of a book such as an introduction is one too, by this test alone.)"""
    return entry.type == "inbook" and bool(entry.get("crossref")) and bool(FULL_DATE.match(entry.get("date")))


def must_have_reading(entry: Entry) -> bool:
    """The documents the readings file must cover: every document (each says what the
    editors did to find where it can be read), documents in FRUS or another collection too."""
    return is_document(entry) or in_a_collection(entry)


def document_keys(entries: dict[str, Entry], readings: Readings) -> list[str]:
    """Every document entry, and every other entry that has a reading, sorted by date
    (undated last), then key."""
    keys = {k for k, e in entries.items() if is_document(e)} | {r.entry for r in readings}
    return sorted(keys, key=lambda k: (entries[k].get("date") or "9999", k))



def document_page(key: str) -> str:
    """A document's page, relative to docs/: its address is its entry's key (lowercase
    letters, digits and hyphens, as the bibliography's check requires), so it stays the same
    from build to build: documents/<key>.md, served at /documents/<key>/."""
    return f"documents/{key}.md"
