"""The readings: per bibliography entry, where the document can be read and the
evidence that the publisher's page shows the same document."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..errors import SourcePosition

# What the editors did to find where a document can be read: each status says that, never
# a claim about the world.
READ = "read-and-compared"      # a publisher's page read; its evidence compared field by field
LISTED = "listed-by-publisher"  # a publisher's own page lists the document, with its address
PRINTED = "printed-in"          # a print publication that a note or a publisher names
NOT_FOUND = "not-found"         # not found in the searches recorded (with the searches and their date)
STATUSES = (READ, LISTED, PRINTED, NOT_FOUND)
FOUND = READ                    # the one status a note links as "Read the document"
AGREES, DIFFERS = "agrees", "differs"
EVIDENCE_FIELDS = ("date", "sender", "recipient", "locator", "pages")


@dataclass(frozen=True)
class Evidence:
    """What the publisher's page prints, each field as printed ("" where it prints nothing)."""
    date: str = ""
    sender: str = ""
    recipient: str = ""
    locator: str = ""
    pages: str = ""


@dataclass(frozen=True)
class Reading:
    entry: str                          # key in sources/bibliography.bib
    status: str                         # one of STATUSES
    checked: str                        # ISO date of the search
    position: SourcePosition            # the [[reading]] header
    url: str = ""
    publisher: str = ""
    title: str = ""                     # as the publisher prints it
    evidence: Evidence = Evidence()
    comparison: str = ""                # AGREES | DIFFERS
    differences: tuple[str, ...] = ()   # "field: how it differs"
    publisher_adds: tuple[str, ...] = ()
    searched: str = ""
    compared: str = ""                  # LISTED: what was compared, against which copy
    printed_in: tuple[str, ...] = ()    # PRINTED: each publication, issue and page
    named_by: str = ""                  # PRINTED: the note, entry or publisher that names it
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # key -> line, for messages

    @property
    def found(self) -> bool:
        return self.status == FOUND

    def at(self, key: str) -> SourcePosition:
        """The line of one of the reading's keys (the header's when not found)."""
        return SourcePosition(self.position.path, self.lines.get(key, self.position.line))


@dataclass(frozen=True)
class Readings:
    allowed_hosts: tuple[str, ...]
    items: tuple[Reading, ...]
    checks: dict = field(default_factory=dict, compare=False)  # entry -> compare.FieldCheck, ...

    def of(self, key: str) -> Reading | None:
        return self._by_entry.get(key)

    @functools.cached_property
    def _by_entry(self) -> dict[str, Reading]:
        return {r.entry: r for r in self.items}

    def __iter__(self):
        return iter(self.items)


NO_READINGS = Readings((), ())
