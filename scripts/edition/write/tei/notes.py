"""A note as TEI: numbered as in print, placed at its marker, with its basis.

The author's words are the note's content, each citation in them a `bibl` whose `ref`
points into the back's `listBibl`. Whatever the editors add (an identification, its
evidence, a comment, a citation the words do not carry) is a `note` or `seg` with
`resp="#editors"`, never mixed with the author's words.
"""
from __future__ import annotations

from ..chicago import short_label
from ...model.citations import Citation
from ...model.layout import place_citations
from ...model.text import AUTHOR, EDITORIAL, Note
from ...model.inlines import plain_text
from .xml import (AUTHOR as AUTHOR_ID, EDITORS, append_inlines, append_text, child, element, pointer, wrap_ranges)

BASIS_TYPE = {AUTHOR: "authorial", EDITORIAL: "editorial-identification"}
NOT_ESTABLISHED = "not-established"


def note_element(note: Note, citations: tuple[Citation, ...], place: str, site) -> object:
    kind = BASIS_TYPE.get(note.basis, NOT_ESTABLISHED)
    resp = AUTHOR_ID if note.basis == AUTHOR else EDITORS
    node = element("note", xml_id=f"note-{note.number}", n=str(note.number), place=place, type=kind,
                   resp=pointer(resp), cert="unknown" if kind == NOT_ESTABLISHED else "")
    if note.basis == AUTHOR:
        _author_note(node, note, citations, site)
    elif note.basis == EDITORIAL:
        _editorial_note(node, note, citations, site)
    else:
        gap = child(node, "gap", reason="not-in-source")
        child(gap, "desc", "Not established: the note's text was not seen, "
                           "and what it cites has not been identified.")
    return node


def _author_note(node, note: Note, citations, site) -> None:
    words = plain_text(note.inlines)
    placed, extra, identified = place_citations(citations)
    ranges = [_bibl_range(c, words, site) for c in placed]
    append_inlines(node, wrap_ranges(note.inlines, ranges))
    if extra:
        _editors_note(node, "also-cited", "Also cited in the note's words (linked by the editors):", extra, site)
    if note.comment:
        append_text(node, " ")
        comment = child(node, "note", type="editorial-comment", resp=pointer(EDITORS))
        append_inlines(comment, note.comment)
    if identified:
        _editors_note(node, "editorial-identification",
                      "The editor identifies the document it relies on:", identified, site)


def _editorial_note(node, note: Note, citations, site) -> None:
    child(node, "label", "Editor's identification; the note's wording was not seen.")
    append_text(node, " ")
    append_inlines(child(node, "seg", type="identification"), note.identification)
    append_text(node, " ")
    evidence = child(node, "seg", type="evidence", resp=pointer(EDITORS))
    append_inlines(evidence, note.evidence)
    for c in citations:
        append_text(node, " ")
        _labelled_bibl(node, c, site)


def _editors_note(node, kind: str, label: str, citations, site) -> None:
    append_text(node, " ")
    added = child(node, "note", type=kind, resp=pointer(EDITORS))
    child(added, "label", label)
    for c in citations:
        append_text(added, " ")
        _labelled_bibl(added, c, site)


def _labelled_bibl(parent, citation: Citation, site) -> None:
    """A citation the author's words do not carry: the entry's short label, by the editors."""
    bibl = child(parent, "bibl", type=citation.relation or None)
    child(bibl, "ref", short_label(site.entries[citation.key], site.archives), target=pointer(citation.key))
    if citation.pinpoint:
        append_text(bibl, ", ")
        child(bibl, "citedRange", citation.pinpoint, unit=_unit(site.entries[citation.key], citation.pinpoint))


def _bibl_range(citation: Citation, words: str, site) -> tuple:
    """The range of a citation in the author's words: a `bibl` holding the words up to
    the pinpoint in a `ref` and the pinpoint, as the note prints it, in a `citedRange`."""
    entry = site.entries[citation.key]
    covered = words[citation.start:citation.end]
    pinpoint = citation.pinpoint or ""
    at = covered.rfind(pinpoint) if pinpoint else -1
    unit = _unit(entry, pinpoint)

    def bibl(parent):
        return child(parent, "bibl", type=citation.relation or None)

    def ref(parent):
        node = child(parent, "ref", target=pointer(citation.key))
        if pinpoint and at < 0:   # the words do not show the pinpoint: it is given as n
            child(parent, "citedRange", unit=unit, n=pinpoint)
        return node

    def cited_range(parent):
        return child(parent, "citedRange", unit=unit)

    if at > 0:
        inner = [(0, at, ref), (at, at + len(pinpoint), cited_range)]
    else:
        inner = [(0, len(covered), ref)]
    return (citation.start, citation.end, bibl, inner)


def _unit(entry, pinpoint: str) -> str:
    if not pinpoint or not pinpoint[0].isdigit():
        return ""
    return "leaf" if entry.is_archival else "page"
