"""A finding as the pages show it: its anchor on the Notes on the apparatus page, by which a
note or a document page links to it, and its forms, as printed.

The anchor is made from what the finding says (its kind, summary, entries and notes), so
that it stays the same from build to build while the finding does."""
from __future__ import annotations

import hashlib

from ...analyse.apparatus import NOT_PRINTED
from ..escape import escape_text


def finding_anchor(finding) -> str:
    said = "\n".join([finding.kind, finding.summary, *finding.keys,
                      *(f"{t} {n}" for t, n in finding.notes)])
    return "finding-" + hashlib.sha1(said.encode("utf-8")).hexdigest()[:10]


def forms_words(finding, note_ref) -> str:
    """“3 July 1950” in Kim 2016 n. 7; “2 July 1950” in the text: each form in quotation
    marks, as printed, and where it is printed outside them. note_ref((text, note)) -> a link."""
    parts = []
    for form, notes, *where in finding.forms:
        said = "none printed" if form == NOT_PRINTED else f"“{escape_text(form)}”"
        if notes:
            said += " in " + ", ".join(note_ref(n) for n in notes)
        if where:
            said += f" {escape_text(where[0])}"
        parts.append(said)
    return "; ".join(parts)
