"""Which bibliography entries are documents (the primary sources the Documents page lists
and sources/readings.toml must cover): archival documents, and dated documents printed in
a published collection (FRUS and the like)."""
from __future__ import annotations

import re

from ..bibliography.entry import Entry
from .model import Readings

FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def is_document(entry: Entry) -> bool:
    """An archival document, or a dated part of a collection (an @inbook of FRUS, a dated
    report that is not a working paper)."""
    if entry.is_archival:
        return True
    dated = bool(FULL_DATE.match(entry.get("date")))
    if entry.type == "inbook" and entry.get("crossref"):
        return dated
    return entry.type == "report" and dated and entry.get("type") != "Working Paper"


def must_have_reading(entry: Entry) -> bool:
    """The documents the readings file must cover: archival documents and documents in FRUS
    or another collection (@inbook with crossref)."""
    return entry.is_archival or (entry.type == "inbook" and bool(entry.get("crossref"))
                                 and bool(FULL_DATE.match(entry.get("date"))))


def document_keys(entries: dict[str, Entry], readings: Readings) -> list[str]:
    """Every document entry, and every other entry that has a reading, sorted by date
    (undated last), then key."""
    keys = {k for k, e in entries.items() if is_document(e)} | {r.entry for r in readings}
    return sorted(keys, key=lambda k: (entries[k].get("date") or "9999", k))
