"""The downloads: the bibliography as normalised BibTeX and as CSL-JSON, and every
note with what it cites (notes.json). Fed by the same model as the pages.

CSL-JSON has no variables for a translated title or for the parts of a Russian
archival locator: the locator goes whole into `archive_location`, and translated
titles into `note` as "translated-title: ..." lines (MAINTAINERS.md, "Downloads and TEI").
"""
from __future__ import annotations

import json

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry as BibEntry, Field

from ..model.entry import Entry, bare
from ..model.readings import EVIDENCE_FIELDS
from ..model.inlines import plain_text
from .markdown.basis import relation
from .markdown.context import SiteContext, site_url
from .markdown.readlinks import is_cited_document


def render_downloads(edition, site: SiteContext) -> dict[str, str]:
    return {
        "downloads/bibliography.bib": normalised_bibtex(site),
        "downloads/bibliography.json": json_lines(csl_json(site)),
        "downloads/readings.json": json.dumps(readings_json(site), ensure_ascii=False, indent=2) + "\n",
    }


def json_lines(items: list[dict]) -> str:
    """A JSON array with one item a line: as readable in a diff as an indented file, and
    written by the json module's C encoder (an indent makes it use the Python one, which
    took a tenth of a warm build at 200 texts)."""
    return json_array([item_lines(items)])


def item_lines(items: list[dict]) -> str:
    return ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)


def json_array(parts: list[str]) -> str:
    """The array of json_lines from its items' lines, a part at a time (a part may be empty)."""
    return "[\n" + ",\n".join(part for part in parts if part) + "\n]\n"


# --- BibTeX -------------------------------------------------------------------

FIELD_ORDER = ("author", "editor", "translator", "maintitle", "title", "translatedtitle", "shorttitle",
               "booktitle", "journaltitle", "translatedjournaltitle", "type", "series", "institution", "volume",
               "number", "pages", "edition", "location", "publisher", "date", "year", "pubstate", "howpublished",
               "entrysubtype", "doctype", "sender", "recipient", "archive", "fond", "opis", "delo", "papka",
               "crossref", "related", "relatedtype", "doi", "url", "langid", "note")


def normalised_bibtex(site: SiteContext) -> str:
    library = Library()
    for entry in sorted(site.entries.values(), key=lambda e: e.key):
        values = dict(entry.fields)
        if entry.get("date"):
            values["year"] = entry.get("date")[:4]   # classic BibTeX styles read `year`, not `date`
        values["url"] = values.get("url") or download_url(site, entry)
        fields = [Field(name, "{" + values[name] + "}") for name in FIELD_ORDER if values.get(name)]
        library.add(BibEntry(entry.type, entry.key, fields))
    # The values carry their braces already: no unparse middleware (and no deep copy) needed.
    return bibtexparser.write_string(library, unparse_stack=[])


def download_url(site: SiteContext, entry: Entry) -> str:
    """A reading's address, for the CSL-JSON and BibTeX downloads, only where the
    publisher's page is the cited document itself (else it is in readings.json only)."""
    reading = site.readings.of(entry.key)
    return reading.url if reading is not None and reading.found and is_cited_document(entry) else ""


# --- CSL-JSON -------------------------------------------------------------------

CSL_TYPES = {"book": "book", "incollection": "chapter", "inbook": "chapter", "report": "report",
             "periodical": "periodical", "unpublished": "manuscript", "article": "article-journal"}


def csl_json(site: SiteContext) -> list[dict]:
    return [csl_item(entry, site) for entry in sorted(site.entries.values(), key=lambda e: e.key)]


def csl_item(entry: Entry, site: SiteContext) -> dict:
    item: dict = {"id": entry.key, "type": _csl_type(entry), "title": bare(entry.get("maintitle") or entry.get("title"))}
    for field, csl in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
        if entry.get(field):
            item[csl] = [csl_name(n) for n in entry.get(field).split(" and ")]
    if entry.get("date"):
        item["issued"] = {"date-parts": [[int(p) for p in entry.get("date").split("-")]]}
    item.update(_archival(entry, site) if entry.is_archival else _published(entry, site))
    notes = [f"translated-title: {bare(entry.get('translatedtitle'))}" if entry.get("translatedtitle") else "",
             f"translated-container-title: {bare(entry.get('translatedjournaltitle'))}"
             if entry.get("translatedjournaltitle") else "", bare(entry.get("note"))]
    if entry.key in site.document_pages:   # no CSL variable holds them: "name: value" note lines
        notes += [f"{name.replace('_', '-')}: {value}" for name, value in _document_fields(site, entry.key).items()]
    if any(notes):
        item["note"] = "\n".join(n for n in notes if n)
    return item


def _csl_type(entry: Entry) -> str:
    if entry.get("entrysubtype") == "newspaper":
        return "article-newspaper"
    return CSL_TYPES.get(entry.type, "document")


def _archival(entry: Entry, site: SiteContext) -> dict:
    """A document in an archive: its sender is the author, its type the genre."""
    item: dict = {}
    if entry.get("sender"):
        item["author"] = [{"literal": bare(entry.get("sender"))}]
    if entry.get("recipient"):
        item["recipient"] = [{"literal": bare(entry.get("recipient"))}]
    if entry.get("doctype"):
        item["genre"] = entry.get("doctype").capitalize()
    if entry.get("archive"):
        archive = site.archives[entry.get("archive")]
        item["archive"] = f"{archive.name} ({archive.id})" if archive.has_locators else archive.name
        if entry.locator:
            item["archive_location"] = str(entry.locator)   # as printed: "fond 059a", "opis 01"
    if entry.get("howpublished"):
        item["medium"] = bare(entry.get("howpublished"))
    return item


def _published(entry: Entry, site: SiteContext) -> dict:
    parent = site.entries.get(entry.get("crossref"))
    source = parent or entry   # a part takes the imprint and volume of its book
    item: dict = {}
    if parent is not None:
        item["container-title"] = bare(parent.get("maintitle") or parent.get("title"))
        if parent.get("maintitle"):
            item["volume-title"] = bare(parent.get("title"))
        for field, csl in (("author", "container-author"), ("translator", "translator")):
            if parent.get(field) and not entry.get(field) and csl not in item:
                item[csl] = [csl_name(n) for n in parent.get(field).split(" and ")]
    elif entry.get("maintitle"):
        item["volume-title"] = bare(entry.get("title"))
    container = entry.get("journaltitle") or entry.get("booktitle")
    if container:
        item["container-title"] = bare(container)
    number = "number" if entry.type == "report" else "issue"   # working papers: number; journals: issue
    for csl, value in (("volume", source.get("volume")), (number, entry.get("number")),
                       ("page", entry.get("pages")), ("genre", entry.get("type")),
                       ("collection-title", entry.get("series")),
                       ("publisher", source.get("publisher") or source.get("institution")),
                       ("publisher-place", source.get("location")), ("DOI", entry.get("doi")),
                       ("URL", entry.get("url") or download_url(site, entry)), ("status", entry.get("pubstate") or source.get("pubstate"))):
        if value:
            item[csl] = bare(value)
    return item


def csl_name(name: str) -> dict:
    name = name.strip()
    if name.startswith("{") or "," not in name:
        return {"literal": bare(name)}
    family, given = [part.strip() for part in name.split(",", 1)]
    return {"family": family, "given": given}


def document_url(site: SiteContext, key: str) -> str:
    """A document page's path on the site, as every address in the downloads is given (a
    note's "url" too): the same file serves wherever the site is published."""
    return site_url(site.document_pages[key])


def _document_fields(site: SiteContext, key: str) -> dict:
    """For a primary source: its document page, and the status of its reading (found,
    not-found, or none recorded)."""
    if key not in site.document_pages:
        return {}
    reading = site.readings.of(key)
    return {"document_page": document_url(site, key),
            "reading_status": reading.status if reading is not None else "none recorded",
            **({"reading_comparison": reading.comparison} if reading is not None and reading.found else {})}


# --- notes.json -------------------------------------------------------------------

NOTES_JSON = "downloads/notes.json"


def text_notes_json(text, site: SiteContext) -> str:
    """One text's notes, a line each, for notes.json: made with the text's own pages, from
    the whole text (the pages that gather every text read it without its editors' words)."""
    return item_lines([note_item(text, note.number, site) for note in sorted(text.notes, key=lambda n: n.number)])


def notes_json_file(parts: list[str]) -> str:
    """notes.json: every note of every text, a text's notes after another's (text_notes_json)."""
    return json_array(parts)


def note_item(text, number: int, site: SiteContext) -> dict:
    note = site.citations[(text.meta.id, number)]
    basis = {"author": "author", "editorial": "editorial"}.get(note.basis, "unknown")
    words = text.note(number)
    return {"text": text.meta.id, "note": number,
            "url": f"{site_url(site.note_pages[(text.meta.id, number)])}#fn:{number}",
            "basis": basis,
            # the author's words only; an editor's identification is never given as the note's text
            "note_text": plain_text(words.inlines) or None,
            **{name: plain_text(value) for name, value in (
                ("identification", words.identification), ("evidence", words.evidence),
                ("editor_comment", words.comment)) if value},
            "citations": [{"key": c.key, "pinpoint": c.pinpoint, "relation": relation(c),
                           **_document_fields(site, c.key)}
                          for c in note.citations]}


# --- Readings -----------------------------------------------------------------

def readings_json(site: SiteContext) -> dict:
    items = []
    for reading in sorted(site.readings, key=lambda r: r.entry):
        item = {"entry": reading.entry, "status": reading.status, "checked": reading.checked,
                **({"document_page": document_url(site, reading.entry)} if reading.entry in site.document_pages else {})}
        if reading.found:
            item.update({
                "url": reading.url, "publisher": reading.publisher, "title": reading.title,
                "is_cited_document": is_cited_document(site.entries[reading.entry]),
                "evidence": {name: getattr(reading.evidence, name) for name in EVIDENCE_FIELDS},
                "comparison": reading.comparison, "differences": list(reading.differences),
                "publisher_adds": list(reading.publisher_adds),
                "checks": [{"field": c.field, "outcome": c.outcome} for c in site.readings.checks.get(reading.entry, ())],
            })
        else:   # listed by the publisher, printed in, not found: what the editors recorded
            item.update({name: value for name, value in (
                ("url", reading.url), ("publisher", reading.publisher), ("title", reading.title),
                ("compared", reading.compared), ("printed_in", list(reading.printed_in)),
                ("named_by", reading.named_by), ("searched", reading.searched),
                ("publisher_adds", list(reading.publisher_adds))) if value})
        items.append(item)
    return {"allowed_hosts": list(site.readings.allowed_hosts), "readings": items}
