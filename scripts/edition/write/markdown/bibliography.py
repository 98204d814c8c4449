"""The bibliography section: the bibliography with "Cited in" back-references,
one page per archive, and the notes on the apparatus (the downloads are downloads.py's)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ...analyse.apparatus import Finding
from ...model.entry import Entry
from ..chicago import format_entry, long_date, short_label, filing_order, to_markdown
from ...model.entry import bare
from ...model.citations import CITED_FROM, IBID, ORIGINALLY
from ...model.layout import tei_path
from ...analyse.readings.compare import LOCATOR_PARTS, NOT_COMPARED
from ...model.readings import AGREES, NOT_FOUND
from .basis import identification_label, is_identified, labelled
from .context import BIBLIOGRAPHY, SiteContext
from ..escape import escape_text, page_head
from .readlinks import differs_note, read_link, status_words, where_to_read
from .parts import Block, split_page
from .finding_anchor import finding_anchor, forms_words
from .bibliography_layout import archival_order, crossref_children, sections

RELATION_LABEL = {IBID: "Ibid.", CITED_FROM: "cited from", ORIGINALLY: "original edition"}
RELATED_LABEL = {"citedfrom": "Known through", "origpubas": "Another edition of",
                 "translationof": "Translation of", "adaptedfrom": "Adapted from"}


# --- where each entry stands ----------------------------------------------------
# The bibliography is one page while it fits (BUDGET); past that, its entries, in the
# printed order, go to numbered parts, and every link to an entry follows its part.


def render_bibliography(edition, site: SiteContext) -> dict[str, str]:
    """The bibliography and the archives' pages (the apparatus page, which needs the
    findings, is render_apparatus's; the downloads are render_downloads's)."""
    cited_in = _cited_in(site)
    files = _bibliography_pages(site, cited_in)
    for archive in site.archives.values():
        if archive.has_locators:
            files.update(_archive_page(site, archive, cited_in))
    return files


def _cited_in(site: SiteContext) -> dict[str, list]:
    found: dict[str, list] = defaultdict(list)
    for (text_id, number), note in site.citations.items():
        for citation in note.citations:
            found[citation.key].append((text_id, number, citation))
    return found


# --- the bibliography --------------------------------------------------------

def _bibliography_pages(site: SiteContext, cited_in) -> dict[str, str]:
    page = BIBLIOGRAPHY
    out = page_head("Bibliography") + [
           "Every work and archival document cited in the notes of the texts, in the Chicago "
           "bibliography style. Under each entry, **Cited in** leads back to every note that cites it; "
           "notes whose wording was not seen are marked as the editor's identification.", "",
           "Archives: " + " · ".join(f"[{a.id}]({a.slug}.md)" for a in site.archives.values() if a.has_locators)
           + " · [Notes on the apparatus](apparatus.md)", "",
           "Downloads: [bibliography.bib](../downloads/bibliography.bib) (BibTeX, normalised) · "
           "[bibliography.json](../downloads/bibliography.json) (CSL-JSON) · "
           "[notes.json](../downloads/notes.json) (every note and what it cites) · "
           "[readings.json](../downloads/readings.json) (where each cited document can be read) · "
           + " · ".join(f"[{escape_text(t)}.tei.xml](../{tei_path(t)})" for t in site.texts)
           + " (each text with its notes and apparatus, TEI P5)", ""]
    children = crossref_children(site.entries)
    parts: dict[str, list[str]] = {}   # page -> its lines, in the printed order
    pending: list[str] = []            # headings of sections without entries (yet), for the next page
    for heading, members in sections(site.entries, site.archives):
        if not members:
            pending += heading
            continue
        opened: set[str] = set()       # a section spanning two parts has its heading on both
        for entry in members:
            where = site.entry_pages.get(entry.key, page)
            lines = parts.setdefault(where, [])
            if where not in opened:
                lines += pending + heading
                pending, opened = [], opened | {where}
            lines += _entry_block(site, entry, cited_in, where, children)
    parts.setdefault(list(parts)[-1] if parts else page, []).extend(pending)
    if list(parts) == [page]:
        return {page: "\n".join(out + parts[page])}
    return _linked_parts(page, out, parts)


def _part_label(part: Entry, whole: Entry) -> str:
    """A part listed under its collection: its title and date, without the collection's own
    author repeated ('Memorandum of conversation, ... (June 26, 1950)')."""
    who = bare(part.get("author")) if part.get("author") != whole.get("author") else ""
    title = bare(part.get("shorttitle") or part.get("title"))
    date = part.get("date")
    when = ("forthcoming" if part.get("pubstate") == "forthcoming" else
            "" if date and date[:4] in title else long_date(date) if date else "n.d.")
    return f"{who + ', ' if who else ''}{title}" + (f" ({when})" if when else "")


def _linked_parts(page: str, head: list[str], parts: dict[str, list[str]]) -> dict[str, str]:
    """The bibliography's page with the list of parts; each part with its neighbours."""
    order = sorted(parts, key=lambda p: int(p.rsplit("-", 1)[1][:-3]))
    listing = ["## Parts", ""] + [f"- [Part {k + 1}]({p.split('/')[-1]})" for k, p in enumerate(order)]
    files = {page: "\n".join(head + listing + [""])}
    for k, part in enumerate(order):
        nav = ["[↑ Bibliography](index.md)"]
        if k:
            nav.insert(0, f"[← Part {k}]({order[k - 1].split('/')[-1]})")
        if k + 1 < len(order):
            nav.append(f"[Part {k + 2} →]({order[k + 1].split('/')[-1]})")
        bar = [" · ".join(nav), "{: .part-nav }", ""]
        files[part] = "\n".join(page_head(f"Bibliography: part {k + 1}") + bar + parts[part] + bar)
    return files


def _entry_block(site: SiteContext, entry: Entry, cited_in, page: str, children) -> list[str]:
    out = [f'<div class="bib-entry" id="{entry.key}" markdown>', "",
           to_markdown(format_entry(entry, site.entries, site.archives)), "{: .bib-ref }", ""]
    if entry.key in site.document_pages:   # a cited document has a page of its own
        out += [f"[The document's page]({site.document_link(page, entry.key)}): its record, where to read it, "
                "the passages that cite it", "{: .bib-related }", ""]
    out += _reading_block(site, entry)
    related = [f"{RELATED_LABEL.get(entry.get('relatedtype'), 'Related to')}: "
               f"[{escape_text(short_label(site.entries[k], site.archives))}]({_near(site, page, k)})"
               for k in entry.related_keys]
    if children.get(entry.key):
        related.append("Parts cited: " + ", ".join(
            f"[{escape_text(_part_label(e, entry))}]({_near(site, page, e.key)})"
            for e in sorted(children[entry.key], key=lambda e: (e.get("date"), filing_order(e)))))
    if entry.get("crossref"):
        parent = site.entries[entry.get("crossref")]
        related.append(f"In: [{escape_text(short_label(parent, site.archives))}]({_near(site, page, parent.key)})")
    for line in related:
        out += [line, "{: .bib-related }", ""]
    if entry.get("note"):
        out += [f"<strong>Editor's note:</strong> {escape_text(bare(entry.get('note')))}", "{: .bib-note }", ""]
    out += [f"<strong>Cited in:</strong> {_cited_list(site, cited_in.get(entry.key, []), page)}",
            "{: .cited-in }", "", "</div>", ""]
    return out


def _near(site: SiteContext, page: str, key: str) -> str:
    """A link from one entry to another: on the same page by its anchor alone."""
    return f"#{key}" if site.entry_pages.get(key, BIBLIOGRAPHY) == page else site.entry_link(page, key)


def _cited_list(site: SiteContext, citations, page: str) -> str:
    if not citations:
        return "only through the entries that belong to it (above)."
    items = []
    order = list(site.texts)   # the manifest's order, as everywhere
    for text_id, number, citation in sorted(citations, key=lambda c: (order.index(c[0]), c[1])):
        text = site.texts[text_id]
        details = [escape_text(d) for d in (citation.pinpoint and _pinpoint(site.entries[citation.key],
                                                                          citation.pinpoint),
                                            RELATION_LABEL.get(citation.relation)) if d]
        if is_identified(citation):
            details.append(identification_label())
        suffix = f" ({'; '.join(details)})" if details else ""
        items.append(f"[{escape_text(text.meta.short)}, n. {number}]"
                     f"({site.note_link(page, text_id, number)}){suffix}")
    return " · ".join(items)


def _pinpoint(entry: Entry, pinpoint: str) -> str:
    if entry.locator:
        return f"{'ll.' if '–' in pinpoint else 'l.'} {pinpoint}"
    if pinpoint[0].isdigit():
        return f"{'pp.' if ('–' in pinpoint or ',' in pinpoint) else 'p.'} {pinpoint}"
    return pinpoint


def _reading_block(site: SiteContext, entry: Entry) -> list[str]:
    """Where the document can be read, under its entry (readings.toml)."""
    reading = site.readings.of(entry.key)
    if reading is None:
        return []
    if not reading.found:
        # The searches themselves are on the document's page and in readings.json: here, the status.
        return [status_words(reading) + ("." if reading.status == NOT_FOUND else ""), "{: .bib-reading }", ""]
    line = f"{read_link(reading)}."
    line += compared_fields(site.readings.checks.get(entry.key, ()), reading.differences)
    out = [line, "{: .bib-reading }", ""]
    if reading.publisher_adds:
        out += ["<strong>The publisher's page adds:</strong> "
                + " · ".join(escape_text(item) for item in reading.publisher_adds), "{: .bib-reading }", ""]
    return out


def compared_fields(checks, differences: tuple[str, ...]) -> str:
    """'Compared with the entry and the notes: date, recipient agree; locator, sender differ (...).'
    The differing fields are those the file declares (the build has checked that they cover
    every difference it finds); a field counts as agreeing only if none is declared for it."""
    differ = list(dict.fromkeys(d.split(":", 1)[0].strip() for d in differences))
    agree = [c.field for c in checks if c.outcome == AGREES and c.field not in differ
             and not (c.field in LOCATOR_PARTS and "locator" in differ)]
    parts = ([f"{', '.join(agree)} agree{'s' if len(agree) == 1 else ''}"] if agree else []) + (
        [f"{', '.join(differ)} differ{'s' if len(differ) == 1 else ''} "
         "(see the [Notes on the apparatus](apparatus.md))"] if differ else []) + (
        ["the page's locator could not be compared"]
        if any(c.field == "locator" and c.outcome == NOT_COMPARED for c in checks) else []) + [
        f"the {c.field} the notes cite could not all be checked: the page was not seen to reach them"
        for c in checks if c.field in ("pages", "leaves") and c.outcome == NOT_COMPARED and c.edition]
    return f" Compared with the entry and the notes: {'; '.join(parts)}." if parts else ""


def _published_as(site: SiteContext, entry: Entry) -> str:
    reading = site.readings.of(entry.key)
    return where_to_read(reading, entry) + differs_note(reading, "apparatus.md")


# --- archives ------------------------------------------------------------------

def _archive_page(site: SiteContext, archive, cited_in) -> dict[str, str]:
    page = f"bibliography/{archive.slug}.md"
    out = page_head(archive.heading)
    if archive.translation:
        out += [f"*{escape_text(archive.translation)}*", ""]
    out += [escape_text(archive.about), "",
            f"Full name as cited: {escape_text(archive.as_cited)}." if archive.as_cited else "", ""]
    documents = sorted((e for e in site.entries.values() if e.get("archive") == archive.id), key=archival_order)
    rows = []
    for entry in documents:
        citations = cited_in.get(entry.key, [])
        leaves = ", ".join(sorted({c.pinpoint for _, _, c in citations if c.pinpoint}))
        date = long_date(entry.get("date")) if entry.get("date") else "undated"
        document = f"[{escape_text(bare(entry.get('title')))}]({site.document_link(page, entry.key)})"
        notes = ", ".join(labelled(site.note_ref(page, t, n),
                                   [c]) for t, n, c in sorted(citations, key=lambda c: (list(site.texts).index(c[0]), c[1])))
        rows.append(f"| {escape_text(str(entry.locator))} | {escape_text(leaves)} | {escape_text(date)} "
                    f"| {document} | {notes} | {_published_as(site, entry)} |")
    # In a block of its own: on a phone its rows stand one under another (face.css).
    table = Block("documents", "Documents cited", ["## Documents cited", "", '<div class="archive-table" markdown>', "",
                  "| Locator | Leaves cited | Date | Document | Cited in | Published as |",
                  "|---|---|---|---|---|---|"],
                  rows, ["", "</div>", "", f"{len(documents)} documents.", ""])
    return split_page(page, archive.heading, out, [table])


# --- notes on the apparatus -----------------------------------------------------

APPARATUS_INTRO = (
    "What a careful editor flags in the notes, found automatically in the resolved citations each"
    " time the site is made: one archival locator cited for different documents; one document "
    "cited with different dates, leaves, correspondents or descriptions; archival locators "
    "written differently (shown as printed); a work whose title, place, publisher, year, series, "
    "volume or page range is printed differently; a publisher or place written in near forms "
    "across the notes and the bibliography; names spelt nearly alike from note to note; a date in"
    " the text a few days from the date of the document its note cites (a slip, or another "
    "document than the one the note cites); other editions of one work; a document cited from two"
    " archives; and the note segments that the editors settled, in a reviewed mapping, because "
    "the text alone could not. Where a publisher's page of a cited document, as the editors read "
    "it, prints another date, correspondent, locator or leaf than the note, the difference is "
    "listed too. Each finding names the notes and the form each one prints. Only the authors' own"
    " words are compared, never the editor's identifications.")


def render_apparatus(edition, site: SiteContext) -> dict[str, str]:
    """Notes on the apparatus: the findings, by kind."""
    findings: list[Finding] = edition.findings
    page = "bibliography/apparatus.md"
    kinds: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        kinds[finding.kind].append(finding)
    blocks = []
    for kind, items in kinds.items():
        lines = []
        for finding in items:
            entries = ", ".join(f"[{escape_text(short_label(site.entries[k], site.archives))}]"
                                f"({site.entry_link(page, k)})" for k in finding.keys)
            notes = ", ".join(_finding_note(site, page, finding, t, n) for t, n in _in_text_order(site, finding.notes))
            line = f'- <span id="{finding_anchor(finding)}"></span>{_linked_summary(finding, site)}'
            if finding.forms:
                line += " " + _forms(finding, site, page)
            if entries:
                line += f" Entries: {entries}."
            if notes and not finding.forms:
                line += f" Notes: {notes}."
            lines.append(line)
        blocks.append(Block(re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-"), kind.capitalize(),
                            [f"## {escape_text(kind.capitalize())} ({len(items)})", ""], lines))
    return split_page(page, "Notes on the apparatus", page_head("Notes on the apparatus") + [APPARATUS_INTRO, ""], blocks)


def _in_text_order(site: SiteContext, notes):
    """Notes in the manifest's order of the texts, then by number."""
    order = list(site.texts)
    return sorted(notes, key=lambda note: (order.index(note[0]), note[1]))


def _finding_note(site: SiteContext, page: str, finding: Finding, text_id: str, number: int) -> str:
    """A note named by a finding, labelled where it cites the finding's entries only by the
    editor's identification (Kissinger nn. 31-32 behind a translation of Shen Zhihua)."""
    link = site.note_ref(page, text_id, number)
    note = site.citations.get((text_id, number))
    cited = [c for c in note.citations if c.key in finding.keys] if note is not None else []
    return labelled(link, cited)


def _forms(finding: Finding, site: SiteContext, page: str) -> str:
    """Each form as printed, and the notes that print it: “3 July 1950” in Kim 2016 n. 7
    (the notes in the texts' order)."""
    ordered = replace(finding, forms=tuple((form, tuple(_in_text_order(site, notes)), *where)
                                           for form, notes, *where in finding.forms))
    return "Forms: " + forms_words(ordered, lambda note: site.note_ref(page, *note)) + "."


def _linked_summary(finding: Finding, site: SiteContext) -> str:
    summary = finding.summary
    for key in finding.keys:  # keys in the summary are shown as the entries' short labels
        summary = summary.replace(key, short_label(site.entries[key], site.archives))
    return escape_text(summary)
