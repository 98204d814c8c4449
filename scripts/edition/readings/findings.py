"""Every difference a reading declares between the publisher's page and the note is a
finding for the "Notes on the apparatus" page, with the form each side prints: the
notes' form (only notes in the author's own words: an editor's identification prints
nothing to compare) and the publisher's."""
from __future__ import annotations

from collections import defaultdict

from ..apparatus import Finding
from ..citations.model import IDENTIFIED, NoteCitations
from .compare import DIFFER, LOCATOR_PARTS, FieldCheck
from .model import DIFFERS, Reading, Readings

KIND = "the publisher's page differs from the note"
PINPOINT_FIELDS = ("leaves", "pages")


def reading_findings(readings: Readings, notes: list[NoteCitations]) -> list[Finding]:
    printed = _citations_in_authors_words(notes)
    findings = []
    for reading in readings:
        if not (reading.found and reading.comparison == DIFFERS):
            continue
        checks = readings.checks.get(reading.entry, ())
        citing = printed[reading.entry]
        notes_ = tuple(sorted({(t, n) for t, n, _ in citing}))
        for difference in reading.differences:
            end = "" if difference.rstrip().endswith((".", "!", "?")) else "."
            summary = f"{reading.publisher}, “{reading.title}”: {difference}{end}"
            field = difference.split(":", 1)[0].strip()
            forms = _forms(reading, checks, field, citing)
            findings.append(Finding(KIND, summary, notes_, (reading.entry,), forms=forms))
    return findings


def _citations_in_authors_words(notes) -> dict[str, list[tuple[str, int, str]]]:
    """Entry key -> (text, note, pinpoint) of every citation in the author's own words."""
    found: dict[str, list] = defaultdict(list)
    for note in notes:
        for c in note.citations:
            if c.relation != IDENTIFIED:
                found[c.key].append((note.text_id, note.note, c.pinpoint or ""))
    return found


def _forms(reading: Reading, checks: tuple[FieldCheck, ...], field: str, citing) -> tuple:
    fields = LOCATOR_PARTS if field == "locator" else (field,)
    differing = [c for c in checks if c.field in fields and c.outcome == DIFFER]
    page_side = [(f"{c.page} ({reading.publisher})", ()) for c in differing]
    if any(c.field in PINPOINT_FIELDS for c in differing):
        by_pinpoint: dict[str, list] = defaultdict(list)
        for t, n, pinpoint in citing:
            if pinpoint:
                by_pinpoint[pinpoint].append((t, n))
        return tuple((p, tuple(sorted(ns))) for p, ns in sorted(by_pinpoint.items())) + tuple(page_side)
    everyone = tuple(sorted({(t, n) for t, n, _ in citing}))
    if not differing:   # a difference the rules do not compare (a description, an office for a name)
        return ((f"{field} as the notes give it", everyone), (f"{field} as {reading.publisher} prints it", ()))
    return tuple(form for c, page in zip(differing, page_side) for form in ((c.edition, everyone), page))
