"""The works and documents a text's notes cite, as the `listBibl` in its back.

Archival documents are `msDesc` with the locator as `idno type="fond|opis|delo|papka"`
(what CSL cannot say); published works are `biblStruct` (analytic / monogr / series).
Every entry carries the bibliography key as its xml:id, the target of the notes' refs.
"""
from __future__ import annotations

import re

from ...model.entry import Entry
from ...model.readings import LISTED, PRINTED
from ...model.entry import bare
from ..chicago import long_date
from ..downloads import document_url
from .xml import EDITORS, child, element, ident, pointer

LOCATOR_PARTS = ("fond", "opis", "delo", "papka")


def entries_needed(keys, entries: dict[str, Entry]) -> list[str]:
    """The cited keys with the entries they point to (crossref, related), sorted."""
    needed, todo = set(), list(keys)
    while todo:
        key = todo.pop()
        if key in needed or key not in entries:
            continue
        needed.add(key)
        entry = entries[key]
        todo += entry.related_keys
        if entry.get("crossref"):
            todo.append(entry.get("crossref"))
    return sorted(needed)


def list_bibl(cited_keys, site):
    keys = entries_needed(cited_keys, site.entries)
    outer = element("listBibl")
    child(outer, "head", "Works and documents cited in the notes")
    archival = [site.entries[k] for k in keys if site.entries[k].is_archival]
    published = [site.entries[k] for k in keys if not site.entries[k].is_archival]
    if archival:
        group = child(outer, "listBibl", type="archival")
        child(group, "head", "Archival documents")
        for entry in archival:
            desc = archival_document(entry, site.archives)
            _document_page(desc.find(".//{*}msItem"), entry.key, site)
            group.append(desc)
    if published:
        group = child(outer, "listBibl", type="published")
        child(group, "head", "Published works")
        for entry in published:
            struct = published_work(entry, site.entries)
            _document_page(struct, entry.key, site)
            group.append(struct)
    return outer


def _document_page(parent, key: str, site) -> None:
    """A primary source's page in the edition (a `note` with its `ptr`) and what the editors
    found of a publisher's page for it (a `note` of type "reading", its status as subtype)."""
    if key not in site.document_pages:
        return
    page = child(parent, "note", type="edition-page", resp=pointer(EDITORS))
    child(page, "ptr", target=document_url(site, key))
    reading = site.readings.of(key)
    if reading is None:
        child(parent, "note", "No search for a publisher's page recorded.", type="reading",
              subtype="none-recorded", resp=pointer(EDITORS))
    elif reading.found:
        note = child(parent, "note", "Read at ", type="reading", subtype=reading.status, resp=pointer(EDITORS))
        child(note, "ref", reading.title, target=reading.url)
        child(note, "orgName", reading.publisher)
        note[-1].tail = f"; compared {reading.checked}: {reading.comparison}."
        note[-2].tail = ", "
    elif reading.status == LISTED:
        note = child(parent, "note", "Listed by the publisher at ", type="reading", subtype=reading.status,
                     resp=pointer(EDITORS))
        child(note, "ref", reading.title, target=reading.url)
        note[-1].tail = f"; compared: {reading.compared}"
    elif reading.status == PRINTED:
        child(parent, "note", f"Printed in {'; '.join(reading.printed_in)} (named by: {reading.named_by})",
              type="reading", subtype=reading.status, resp=pointer(EDITORS))
    else:
        child(parent, "note", f"Not found in the searches recorded ({reading.checked}).", type="reading",
              subtype=reading.status, resp=pointer(EDITORS))


def archival_document(entry: Entry, archives) -> object:
    desc = element("msDesc", xml_id=ident(entry.key))
    identifier = child(desc, "msIdentifier")
    archive = archives.get(entry.get("archive"))
    if archive:
        child(identifier, "repository", archive.name, key=archive.id)
    for part in LOCATOR_PARTS:
        if entry.get(part):
            child(identifier, "idno", entry.get(part), type=part)
    if not len(identifier):   # a document known only through a publication
        child(identifier, "msName", bare(entry.get("title")))
    item = child(child(desc, "msContents"), "msItem")
    for role, tag in (("sender", "author"),):
        if entry.get(role):
            child(item, tag, bare(entry.get(role)))
    child(item, "title", bare(entry.get("title")), type=entry.get("doctype"))
    if entry.get("recipient"):
        child(item, "note", bare(entry.get("recipient")), type="recipient")
    if entry.get("date"):
        child(item, "docDate", long_date(entry.get("date")), when=entry.get("date"))
    _notes(item, entry)
    return desc


def published_work(entry: Entry, entries: dict[str, Entry]) -> object:
    struct = element("biblStruct", xml_id=ident(entry.key), type=entry.type,
                     subtype=entry.get("entrysubtype"))
    parent = entries.get(entry.get("crossref"))
    if entry.type in ("article", "incollection", "inbook"):
        analytic = child(struct, "analytic")
        _names(analytic, entry)
        _titles(analytic, entry, "a")
        _idnos(analytic, entry)
        if entry.type == "inbook" and entry.get("date"):
            child(analytic, "date", long_date(entry.get("date")), when=entry.get("date"))
        _monogr(struct, parent or entry, container=True)
    else:
        _monogr(struct, entry, container=False)
    _series(struct, entry)
    _notes(struct, entry)
    if parent:
        child(struct, "relatedItem", type="host", target=pointer(parent.key))
    for key in entry.related_keys:
        child(struct, "relatedItem", type=entry.get("relatedtype") or "related", target=pointer(key))
    if entry.get("url"):
        child(struct, "ptr", target=entry.get("url"))
    return struct


def _monogr(struct, entry: Entry, container: bool) -> None:
    """The monograph or journal: the entry itself, or (for a part) its container."""
    monogr = child(struct, "monogr")
    if container and entry.type == "article":
        child(monogr, "title", bare(entry.get("journaltitle")), level="j")
        if entry.get("translatedjournaltitle"):
            child(monogr, "title", bare(entry.get("translatedjournaltitle")), level="j", type="translated")
    elif container and entry.type == "incollection":
        child(monogr, "title", bare(entry.get("booktitle")), level="m")
        _names(monogr, entry, ("editor",))
    else:
        _names(monogr, entry)
        _titles(monogr, entry, "j" if entry.type == "periodical" else "m")
        if not container:
            _idnos(monogr, entry)
    if entry.get("edition"):
        child(monogr, "edition", bare(entry.get("edition")))
    imprint = child(monogr, "imprint")
    for tag, field in (("pubPlace", "location"), ("publisher", "publisher"), ("publisher", "institution")):
        if entry.get(field):
            child(imprint, tag, bare(entry.get(field)))
    if entry.get("date"):
        child(imprint, "date", long_date(entry.get("date")), when=entry.get("date"))
    if entry.get("pubstate"):
        child(imprint, "date", bare(entry.get("pubstate")), type="pubstate")
    for field, unit in (("volume", "volume"), ("number", "issue"), ("pages", "page")):
        if entry.get(field) and not (field == "number" and entry.type == "report"):
            child(imprint, "biblScope", bare(entry.get(field)), unit=unit)
    if not len(imprint):   # TEI requires an imprint; the notes give none of its parts
        child(imprint, "date", "n.d.")


def _series(struct, entry: Entry) -> None:
    """A series, and for a report its kind and number ("Working Paper", 39)."""
    report = entry.type == "report"
    if not (entry.get("series") or report and entry.get("type")):
        return
    series = child(struct, "series")
    if entry.get("series"):
        child(series, "title", bare(entry.get("series")), level="s")
    if report and entry.get("type"):
        child(series, "title", bare(entry.get("type")), level="s", type="report-type")
    if report and entry.get("number"):
        child(series, "biblScope", bare(entry.get("number")), unit="number")


def _names(parent, entry: Entry, roles=("author", "editor", "translator")) -> None:
    for role in roles:
        for name in re.split(r"\s+and\s+", entry.get(role)) if entry.get(role) else ():
            if role == "translator":
                child(parent, "editor", bare(name).strip(), role="translator")
            else:
                child(parent, role, bare(name).strip())


def _titles(parent, entry: Entry, level: str) -> None:
    child(parent, "title", bare(entry.get("title")), level=level)
    if entry.get("translatedtitle"):
        child(parent, "title", bare(entry.get("translatedtitle")), level=level, type="translated")
    if entry.get("shorttitle"):
        child(parent, "title", bare(entry.get("shorttitle")), level=level, type="short")


def _idnos(parent, entry: Entry) -> None:
    if entry.get("doi"):
        child(parent, "idno", entry.get("doi"), type="DOI")


def _notes(parent, entry: Entry) -> None:
    if entry.get("note"):
        child(parent, "note", bare(entry.get("note")))
