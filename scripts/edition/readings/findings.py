"""Every difference a reading declares between the publisher's page and the note is a
finding for the "Notes on the apparatus" page."""
from __future__ import annotations

from ..apparatus import Finding, notes_citing
from ..citations.model import NoteCitations
from .model import DIFFERS, Readings

KIND = "the publisher's page differs from the note"


def reading_findings(readings: Readings, notes: list[NoteCitations]) -> list[Finding]:
    cited_in = notes_citing(notes)
    findings = []
    for reading in readings:
        if reading.found and reading.comparison == DIFFERS:
            for difference in reading.differences:
                end = "" if difference.rstrip().endswith((".", "!", "?")) else "."
                summary = f"{reading.publisher}, “{reading.title}”: {difference}{end}"
                findings.append(Finding(KIND, summary, tuple(sorted(cited_in[reading.entry])), (reading.entry,)))
    return findings
