"""Every difference a reading declares between the publisher's page and the note is a
finding for the "Notes on the apparatus" page, with the form each side prints: each
note's form, in the note's own characters (only notes in the author's own words: an
editor's identification prints nothing to compare), and the publisher's. The comparison
itself is with the entry; the notes' forms show what the reader of each note sees."""
from __future__ import annotations

from collections import defaultdict

from ..apparatus import NOT_PRINTED, Finding, Printed, forms_by_note, printed_part
from ...model.citations import IDENTIFIED, NoteCitations
from .compare import LOCATOR_PARTS, FieldCheck
from ...model.readings import DIFFERS, Reading, Readings

KIND = "the publisher's page differs from the note"
PINPOINT_FIELDS = ("leaves", "pages")


def reading_findings(readings: Readings, notes: list[NoteCitations], printed: list[Printed]) -> list[Finding]:
    """`printed`: the citations in the authors' words (apparatus.printed_citations)."""
    citing = _citations_in_authors_words(notes)
    by_key: dict[str, list[Printed]] = defaultdict(list)
    for p in printed:
        by_key[p.citation.key].append(p)
    findings = []
    for reading in readings:
        if not (reading.found and reading.comparison == DIFFERS):
            continue
        checks = readings.checks.get(reading.entry, ())
        notes_ = tuple(sorted({(t, n) for t, n, _ in citing[reading.entry]}))
        for difference in reading.differences:
            end = "" if difference.rstrip().endswith((".", "!", "?")) else "."
            summary = f"{reading.publisher}, “{reading.title}”: {difference}{end}"
            field = difference.split(":", 1)[0].strip()
            forms = _forms(reading, checks, field, by_key[reading.entry])
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


def _forms(reading: Reading, checks: tuple[FieldCheck, ...], field: str, cites: list[Printed]) -> tuple:
    """Each note's form and the publisher's, as each prints it: “delo. 333” in Kim n. 15
    against “AP RF. F. 4. Op. 1. D. 331. pp. 59-61”; “Stalin” against “Vyshinsky (message
    signed Filippov [Stalin])”, also where the rules alone find no difference. A note's form
    is its own characters for the fields compared, never the entry's value."""
    fields = LOCATOR_PARTS if field == "locator" else (field,)
    differing = [c for c in checks if c.field in fields and c.outcome == DIFFERS]
    if any(c.field in PINPOINT_FIELDS for c in differing):
        page_side = tuple((c.page, (), f"as {reading.publisher} prints it") for c in differing)
        pinpoint = next(c.field for c in differing if c.field in PINPOINT_FIELDS)
        ours = [(printed_part(p, pinpoint), p.note) for p in cites if p.citation.pinpoint]
        return forms_by_note(ours) + page_side
    compared = differing or [c for c in checks if c.field in fields and c.page and c.edition]
    if not compared:    # a field the rules do not compare (a description): the difference says it
        return ()
    theirs = reading.evidence.locator if field == "locator" else "; ".join(c.page for c in compared)
    ours = [(_printed_fields(p, compared), p.note) for p in cites]
    return forms_by_note(ours) + ((theirs, (), f"as {reading.publisher} prints it"),)


def _printed_fields(p: Printed, compared) -> str:
    """What one note prints of the fields compared ("APRF"; "delo. 333"), NOT_PRINTED if none."""
    parts = [printed_part(p, c.field) for c in compared]
    return ", ".join(part for part in parts if part != NOT_PRINTED) or NOT_PRINTED
