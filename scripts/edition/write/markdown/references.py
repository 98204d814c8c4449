"""Highwire Press `citation_reference` tags: the works a text page cites, so that
Zotero and Google Scholar see the page's references.

Only what the author's words cite: a work the editor identified behind a note is not
presented as the author's reference (render/basis.py says so on the page)."""
from __future__ import annotations

from ...model.entry import Entry
from ...model.entry import bare
from .basis import is_identified


def cited_keys(site, text_id: str, notes) -> list[str]:
    """The entries the given notes cite in the author's words, in order of first citation."""
    keys: list[str] = []
    for number in notes:
        for citation in site.citations[(text_id, number)].citations:
            if not is_identified(citation) and citation.key not in keys:
                keys.append(citation.key)
    return keys


def reference_tag(entry: Entry, entries: dict[str, Entry]) -> str:
    """One reference as Google Scholar reads it: `citation_title=...; citation_author=...`."""
    parent = entries.get(entry.get("crossref"))
    fields = [("citation_title", entry.get("title"))]
    fields += [("citation_author", name) for name in _names(entry.get("author") or entry.get("sender"))]
    fields.append(("citation_publication_date", entry.get("date") and entry.get("date").replace("-", "/")))
    if entry.type == "article":
        fields += [("citation_journal_title", entry.get("journaltitle")), ("citation_volume", entry.get("volume")),
                   ("citation_issue", entry.get("number"))]
    elif parent is not None or entry.get("booktitle"):
        container = parent.get("maintitle") or parent.get("title") if parent is not None else entry.get("booktitle")
        fields += [("citation_book_title", container), ("citation_volume", (parent or entry).get("volume"))]
    elif entry.type == "report":
        fields += [("citation_technical_report_institution", entry.get("institution") or entry.get("series")),
                   ("citation_technical_report_number", entry.get("number"))]
    else:
        fields += [("citation_volume", entry.get("volume"))]
    publisher = (parent or entry).get("publisher")
    fields.append(("citation_publisher", publisher))
    if entry.get("pages") and "–" in entry.get("pages"):
        first, last = entry.get("pages").split("–", 1)
        fields += [("citation_firstpage", first), ("citation_lastpage", last)]
    return "; ".join(f"{name}={_value(value)}" for name, value in fields if value)


def _names(value: str) -> list[str]:
    return [bare(n).strip() for n in value.split(" and ")] if value else []


def _value(value: str) -> str:
    """A value inside the tag: no braces, and no semicolon (which separates the fields)."""
    return " ".join(bare(value).replace(";", ",").split())
