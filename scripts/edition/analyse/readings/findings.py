"""Every difference a reading declares between the publisher's page and the note is a
finding for the "Notes on the apparatus" page, with the form each side prints: the
notes' form (only notes in the author's own words: an editor's identification prints
nothing to compare) and the publisher's."""
from __future__ import annotations

import re
from collections import defaultdict

from ..apparatus import Finding
from ...model.citations import IDENTIFIED, NoteCitations
from .compare import LOCATOR_PARTS, FieldCheck
from ...model.readings import DIFFERS, Reading, Readings

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
    """The notes' form and the publisher's, as each prints it: “delo 333” in Kim n. 15 against
    “AP RF. F. 4. Op. 1. D. 331. pp. 59-61”; “Stalin” against “Vyshinsky (message signed
    Filippov [Stalin])”, also where the rules alone find no difference."""
    fields = LOCATOR_PARTS if field == "locator" else (field,)
    differing = [c for c in checks if c.field in fields and c.outcome == DIFFERS]
    if any(c.field in PINPOINT_FIELDS for c in differing):
        by_pinpoint: dict[str, list] = defaultdict(list)
        for t, n, pinpoint in citing:
            if pinpoint:
                by_pinpoint[pinpoint].append((t, n))
        page_side = tuple((c.page, (), f"as {reading.publisher} prints it") for c in differing)
        return tuple((p, tuple(sorted(ns))) for p, ns in sorted(by_pinpoint.items())) + page_side
    everyone = tuple(sorted({(t, n) for t, n, _ in citing}))
    compared = differing or [c for c in checks if c.field in fields and c.page and c.edition]
    if not compared:    # a field the rules do not compare (a description): the difference says it
        return ()
    ours = ", ".join(_entry_value(c) for c in compared)
    theirs = reading.evidence.locator if field == "locator" else "; ".join(c.page for c in compared)
    return ((ours, everyone), (theirs, (), f"as {reading.publisher} prints it"))


def _entry_value(check: FieldCheck) -> str:
    """What the entry gives, without the words around it: “the entry's sender “Kovalev”” -> Kovalev."""
    text = check.edition.removeprefix("the entry's ")
    quoted = re.search(r"“(.*)”", text)
    return quoted[1] if quoted else text
