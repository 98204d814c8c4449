"""The Documents page (every archival and published primary source cited in either text,
by date, with where it can be read), the counts for the editorial-method page, and the
readings.json download. Fed by the readings stage (edition.readings)."""
from __future__ import annotations

from ...analyse.chronology import iso_period
from ...model.entry import bare
from ..chicago import day_month_year, short_label
from ...analyse.readings.documents import document_keys
from ...model.readings import DIFFERS, LISTED, NOT_FOUND, PRINTED
from .basis import labelled
from .context import SiteContext, relative
from .front import SNIPPETS
from ..escape import escape_html, escape_text, page_head
from .parts import Block, fits, split_page
from .readlinks import differs_note, where_to_read
from ..search_fields import dated_fields, search_fields

PAGE = "documents/index.md"
INTRO = (
    "Every archival document and every published primary source (a document printed in a collection, "
    "a newspaper article, an issue of an internal bulletin) that the notes of either text cite, by date. Each document has a page of "
    "its own (follow its title): what each note prints of it, the passages that cite it, where to read it, and its neighbours. "
    "**Cited in** leads to the notes; **Where to read it** leads to the "
    "publisher's page (a translation on the Wilson Center Digital Archive, the document in *Foreign "
    "Relations of the United States*, …) or says what the editors did instead: *read and compared* (the editors read the publisher's page and compared it "
    "with the note field by field), *listed by the publisher* (a publisher's page lists the document; "
    "what was compared is said), *printed in* (a print publication that a note or a publisher names), or "
    "*not found in the searches recorded* (with the searches and their date). Each says what the editors "
    "did, not whether a copy exists. Where the page differs from the note, the difference is listed on the "
    "[Notes on the apparatus](../bibliography/apparatus.md). [The documents in time](timeline.md) draws the "
    "same documents on a timeline, a lane per correspondent.")


def render_documents(edition, site: SiteContext) -> dict[str, str]:
    keys = document_keys(site.entries, site.readings)
    return {**_page(site, keys), f"{SNIPPETS}/readings.md": _counts(site, keys)}


def _cited_in(site: SiteContext) -> dict[str, dict[tuple[str, int], list]]:
    """entry key -> {(text, note): that note's citations of the entry}."""
    found: dict[str, dict[tuple[str, int], list]] = {}
    for (text_id, number), note in site.citations.items():
        for c in note.citations:
            found.setdefault(c.key, {}).setdefault((text_id, number), []).append(c)
    return found


def _note_links(site: SiteContext, cited: dict[tuple[str, int], list]) -> str:
    order = list(site.texts)
    return ", ".join(labelled(site.note_ref(PAGE, t, n),
                              cited[(t, n)])
                     for t, n in sorted(cited, key=lambda c: (order.index(c[0]), c[1])))


TABLE_HEAD = ['<div class="documents-table" markdown>', "",
              "| Date | Document | Correspondents | Cited in | Where to read it |",
              "|---|---|---|---|---|"]
TABLE_TAIL = ["", "</div>", ""]
SORTING = "The column headers sort the table; *Date* restores the order by date."


def _page(site: SiteContext, keys: list[str]) -> dict[str, str]:
    """One sortable table while it fits a page; beyond that (hundreds of texts), a table a
    year, in parts (render.parts) reached from the page and from each other. The parts lie
    in the page's folder, so the rows' relative links serve them unchanged."""
    head = page_head("Documents", hide=["toc"]) + [INTRO, "",
            "Download: [readings.json](../downloads/readings.json) (every reading with its evidence).", ""]
    rows = _rows(site, keys)
    whole = Block("documents", "Documents", TABLE_HEAD, list(rows.values()),
                  TABLE_TAIL + [f"{len(keys)} documents. {SORTING}", ""] + _dates(site, keys))
    if fits(head, [whole]):
        return split_page(PAGE, "Documents", head, [whole])
    years: dict[str, list[str]] = {}
    for key in keys:
        years.setdefault(site.entries[key].get("date")[:4] or "undated", []).append(rows[key])
    blocks = [Block(year, year, [f"## {year}", ""] + TABLE_HEAD, year_rows, TABLE_TAIL)
              for year, year_rows in years.items()]
    head += [f"{len(keys)} documents, a table a year. {SORTING}", ""]
    return split_page(PAGE, "Documents", head, blocks)


def _rows(site: SiteContext, keys: list[str]) -> dict[str, str]:
    """key -> the document's row (its links relative to PAGE's folder, where the parts lie too).
    Each sortable cell carries its sort value (data-sort, read by docs/assets/documents.js):
    the ISO date, the sender's surname, the first citing note as a number."""
    cited_in = _cited_in(site)
    rows = {}
    for key in keys:
        entry = site.entries[key]
        reading = site.readings.of(key)
        date = day_month_year(entry.get("date")) if entry.get("date") else "undated"
        document = (f"[{escape_text(_title(entry))}]({site.document_link(PAGE, key)})"
                    f' <span class="reading-detail">{escape_text(_held_at(site, key))}</span>')
        cited = cited_in.get(key, {})
        notes = _note_links(site, cited)
        read = (where_to_read(reading, entry, site.document_link(PAGE, key) + "#where-to-read-it")
                + differs_note(reading, relative(PAGE, "bibliography/apparatus.md")))
        # The row's anchor: a search hit in the row leads to it (docs/assets/search.js).
        rows[key] = (f'| <span id="document-{key}"></span>{escape_text(date)} '
                     f"{_sort(entry.get('date') or '9999')} | {document} "
                     f"| {_correspondents(entry)} {_sort(_surname(site, entry))} "
                     f"| {notes or 'only through the entries that belong to it'} {_sort(_first_note(site, cited))} "
                     f"| {read} |")
    return rows


def _dates(site: SiteContext, keys: list[str]) -> list[str]:
    """Each row dated by its document, for the search box's date range (a search hit in a
    row leads to the row's anchor). Given to the one-page table only: the table split by
    year would put several `dates` on a page, of which Pagefind keeps one."""
    dated = {f"document-{key}": [iso_period(site.entries[key].get("date"))]
             for key in keys if site.entries[key].get("date")}
    months, dates = dated_fields(dated)
    return search_fields({"month": months}, {"dates": dates})


def _sort(value: str) -> str:
    """An attribute list giving a table cell its sort value (attr_list puts it on the <td>)."""
    return f'{{: data-sort="{escape_html(value)}" }}'


def _surname(site: SiteContext, entry) -> str:
    """The sender's (else the recipient's) name as the registers sort it ('Stalin', 'Mao
    Zedong'); a name the registers do not know, as written."""
    for role in ("sender", "recipient"):
        value = bare(entry.get(role))
        for match in site.matcher.find(value):
            if match.kind == "person":
                person = next(p for p in site.registers.persons if p.id == match.id)
                return (person.sort or person.name).casefold()
        if value:
            return value.casefold()
    return "~"   # no correspondents: last


def _first_note(site: SiteContext, cited) -> str:
    """The first citing note as a number that sorts the texts in order, then the notes as
    numbers (n. 7 before n. 10)."""
    if not cited:
        return "999999"
    order = list(site.texts)
    text_id, number = min(cited, key=lambda c: (order.index(c[0]), c[1]))
    return str(order.index(text_id) * 10000 + number)


def _title(entry) -> str:
    """The document's title; an issue of a periodical with its number ('Neibu cankao, no. 171')."""
    title = bare(entry.get("title"))
    return f"{title}, no. {entry.get('number')}" if entry.type == "periodical" and entry.get("number") else title


def _correspondents(entry) -> str:
    """'Stalin → Mao Zedong' (for a conversation: the participants as the note names them)."""
    sender, recipient = bare(entry.get("sender")), bare(entry.get("recipient"))
    if sender and recipient and entry.get("doctype") == "conversation":   # no one sent it to anyone
        return f"{escape_text(sender)} and {escape_text(recipient)}"
    if sender and recipient:
        return f"{escape_text(sender)} → {escape_text(recipient)}"
    return escape_text(sender or recipient) or "—"


def _held_at(site: SiteContext, key: str) -> str:
    entry = site.entries[key]
    if entry.locator:
        return f"{entry.get('archive')}, {entry.locator}"
    if entry.get("archive") and entry.get("archive") in site.archives:
        return site.archives[entry.get("archive")].name
    parent = site.entries.get(entry.get("crossref"))
    if parent is not None:
        volume = f", vol. {parent.get('volume')}" if parent.get("volume") else ""
        return f"{bare(parent.get('shorttitle') or parent.get('title'))}{volume}"
    if entry.type == "periodical":                       # an issue of a bulletin: its editor
        return bare(entry.get("editor") or entry.get("institution"))
    source = site.entries.get(entry.get("related")) if entry.get("relatedtype") == "citedfrom" else None
    if source is not None:                               # known only through a publication
        return f"known through {short_label(source, site.archives)}"
    return bare(entry.get("journaltitle") or entry.get("institution") or entry.get("howpublished"))


def reading_counts(site: SiteContext, keys: list[str]) -> dict[str, int]:
    readings = [site.readings.of(k) for k in keys]
    statuses = [r.status for r in readings if r is not None]
    return {"cited": len(keys),
            "linked": sum(1 for r in readings if r is not None and r.found),
            "differ": sum(1 for r in readings if r is not None and r.found and r.comparison == DIFFERS),
            "listed": statuses.count(LISTED), "printed": statuses.count(PRINTED),
            "not found": statuses.count(NOT_FOUND)}


def _counts(site: SiteContext, keys: list[str]) -> str:
    counts = reading_counts(site, keys)
    lines = [f"The notes of the texts cite **{counts['cited']} documents** (archival documents and "
             "published primary sources: documents printed in collections such as *Foreign Relations of the "
             "United States*, newspaper articles, issues of internal bulletins). "
             "For every one of them the editors looked for a publisher's page where it can be read, and "
             "compared what that page prints (date, correspondents, archival locator, pages) with the note. "
             "Each document's status says what the editors did, not whether a copy exists:", "",
             f"- **{counts['linked']}** *read and compared*: a publisher's page was read, and is linked from "
             f"every note that cites them and from the [Documents](documents/index.md) page; on "
             f"**{counts['differ']}** of these pages the publisher's date, names or locator differ from the "
             "note, as listed on the [Notes on the apparatus](bibliography/apparatus.md);",
             f"- **{counts['listed']}** *listed by the publisher*: a publisher's page lists the document, but "
             "the document itself was not seen there; what was compared is said with it;",
             f"- **{counts['printed']}** *printed in*: a print publication that a note or a publisher names "
             "(the *Cold War International History Project Bulletin*, *Foreign Relations of the United "
             "States*, the newspaper or bulletin itself);",
             f"- **{counts['not found']}** *not found in the searches recorded*: the searches made, and "
             "their date, are on each document's page and in the download "
             "[readings.json](downloads/readings.json)."]
    return "\n".join(lines) + "\n"
