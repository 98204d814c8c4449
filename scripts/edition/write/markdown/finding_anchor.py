"""The anchor of a finding on the Notes on the apparatus page, by which a note or a document
page links to it. Made from what the finding says (its kind, summary, entries and notes), so
that it stays the same from build to build while the finding does."""
from __future__ import annotations

import hashlib


def finding_anchor(finding) -> str:
    said = "\n".join([finding.kind, finding.summary, *finding.keys,
                      *(f"{t} {n}" for t, n in finding.notes)])
    return "finding-" + hashlib.sha1(said.encode("utf-8")).hexdigest()[:10]
