"""The bibliography section: the bibliography with "Cited in" back-references,
one page per archive, the notes on the apparatus, and the downloads."""
from __future__ import annotations

import json
import re
from collections import defaultdict

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.model import Entry as BibEntry, Field

from ..apparatus import Finding
from ..bibliography.entry import Entry
from ..bibliography.format import bare, format_entry, long_date, short_label, sort_name, to_markdown
from ..citations.model import CITED_FROM, IBID, IDENTIFIED, ORIGINALLY
from .context import BIBLIOGRAPHY, SiteContext, relative, site_url
from .inline import escape_text
from .parts import BUDGET, Block, split_page

GROUPS = (
    ("archival", "Archival documents"),
    ("published", "Published documents"),
    ("books", "Books and chapters"),
    ("articles", "Articles and working papers"),
    ("press", "Newspapers and internal reference bulletins"),
)
RELATION_LABEL = {IBID: "Ibid.", CITED_FROM: "cited from", ORIGINALLY: "original edition",
                  IDENTIFIED: "editor's identification"}
RELATED_LABEL = {"citedfrom": "Known through", "origpubas": "Another edition of",
                 "translationof": "Translation of", "adaptedfrom": "Adapted from"}


def crossref_children(entries: dict[str, Entry]) -> dict[str, list[Entry]]:
    children: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries.values():
        if entry.get("crossref"):
            children[entry.get("crossref")].append(entry)
    return children


def group_of(entry: Entry, children: dict[str, list[Entry]]) -> str:
    if entry.is_archival:
        return "archival"
    if entry.get("crossref") or children.get(entry.key):
        return "published"
    if entry.type == "report" and entry.get("type") != "Working Paper":
        return "published"
    if entry.type == "periodical" or entry.get("entrysubtype") == "newspaper":
        return "press"
    if entry.type in ("article", "report"):
        return "articles"
    return "books"


# --- where each entry stands ----------------------------------------------------
# The bibliography is one page while it fits (BUDGET); past that, its entries, in the
# printed order, go to numbered parts, and every link to an entry follows its part.

ENTRY_SIZE, CITATION_SIZE = 700, 120  # Markdown characters, estimated before rendering


def sections(entries: dict[str, Entry], archives) -> list[tuple[list[str], list[Entry]]]:
    """(heading lines, entries) in the order the bibliography prints them."""
    children = crossref_children(entries)
    grouped: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries.values():
        grouped[group_of(entry, children)].append(entry)
    out = []
    for group, title in GROUPS:
        heading = [f"## {title} {{: #{group} }}", ""]
        if group != "archival":
            out.append((heading, sorted(grouped[group], key=lambda e: (sort_name(e), e.get("date"), e.key))))
            continue
        out.append((heading, []))
        by_archive: dict[str, list[Entry]] = defaultdict(list)
        for entry in grouped[group]:
            by_archive[entry.get("archive") or ""].append(entry)
        for archive in list(archives.values()) + [None]:
            members = by_archive.get(archive.id if archive else "", [])
            if members:
                out.append((_archive_heading(archive), sorted(members, key=_archival_order)))
    return out


def _archive_heading(archive) -> list[str]:
    if not archive:
        return ["### Known through a publication {: #archive-none }", ""]
    translation = f" ({escape_text(archive.translation)})" if archive.translation else ""
    more = f" [About the archive]({archive.slug}.md)" if archive.has_locators else ""
    return [f"### {escape_text(archive.id)}: {escape_text(archive.name)}{translation} "
            f"{{: #archive-{archive.slug} }}", "", more.strip(), ""]


def entry_pages(entries: dict[str, Entry], archives, citation_counts: dict[str, int]) -> dict[str, str]:
    """Each entry's page: the bibliography's, or a part's when the whole would not fit."""
    size = {key: ENTRY_SIZE + CITATION_SIZE * citation_counts.get(key, 0) for key in entries}
    if sum(size.values()) <= BUDGET:
        return {key: BIBLIOGRAPHY for key in entries}
    pages, part, used = {}, 1, 0
    for _, members in sections(entries, archives):
        for entry in members:
            if used and used + size[entry.key] > BUDGET:
                part, used = part + 1, 0
            pages[entry.key] = f"bibliography/entries-{part}.md"
            used += size[entry.key]
    return pages


def render_bibliography(site: SiteContext, findings: list[Finding]) -> dict[str, str]:
    cited_in = _cited_in(site)
    files = _bibliography_pages(site, cited_in)
    for archive in site.archives.values():
        if archive.has_locators:
            files.update(_archive_page(site, archive, cited_in))
    files.update(_apparatus_page(site, findings))
    files.update(_downloads(site))
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
    out = ["# Bibliography", "",
           "Every work and archival document cited in the notes of both texts, in the Chicago "
           "bibliography style. Under each entry, **Cited in** leads back to every note that cites it; "
           "notes whose wording is not in the source are marked as the editor's identification.", "",
           "Archives: " + " · ".join(f"[{a.id}]({a.slug}.md)" for a in site.archives.values() if a.has_locators)
           + " · [Notes on the apparatus](apparatus.md)", "",
           "Downloads: [bibliography.bib](../downloads/bibliography.bib) (BibTeX, normalised) · "
           "[bibliography.json](../downloads/bibliography.json) (CSL-JSON) · "
           "[notes.json](../downloads/notes.json) (every note and what it cites)", ""]
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
        files[part] = "\n".join(["---", f'title: "Bibliography: part {k + 1}"', "---", "",
                                 f"# Bibliography: part {k + 1}", ""] + bar + parts[part] + bar)
    return files


def _archival_order(entry: Entry):
    locator = entry.locator
    return (locator.sort_key if locator else (), entry.get("date") or "9999", entry.key)


def _entry_block(site: SiteContext, entry: Entry, cited_in, page: str, children) -> list[str]:
    out = [f'<div class="bib-entry" id="{entry.key}" markdown>', "",
           to_markdown(format_entry(entry, site.entries, site.archives)), "{: .bib-ref }", ""]
    related = [f"{RELATED_LABEL.get(entry.get('relatedtype'), 'Related to')}: "
               f"[{escape_text(short_label(site.entries[k], site.archives))}]({_near(site, page, k)})"
               for k in entry.related_keys]
    if children.get(entry.key):
        related.append("Parts cited: " + ", ".join(f"[{escape_text(short_label(e, site.archives))}]"
                                                   f"({_near(site, page, e.key)})" for e in children[entry.key]))
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
    for text_id, number, citation in sorted(citations, key=lambda c: (c[0] != "kim-2016", c[0], c[1])):
        text = site.texts[text_id]
        details = [d for d in (citation.pinpoint and _pinpoint(site.entries[citation.key], citation.pinpoint),
                               RELATION_LABEL.get(citation.relation)) if d]
        suffix = f" ({escape_text('; '.join(details))})" if details else ""
        items.append(f"[{escape_text(text.meta.short)}, n. {number}]"
                     f"({site.note_link(page, text_id, number)}){suffix}")
    return " · ".join(items)


def _pinpoint(entry: Entry, pinpoint: str) -> str:
    if entry.locator:
        return f"{'ll.' if '–' in pinpoint else 'l.'} {pinpoint}"
    if pinpoint[0].isdigit():
        return f"{'pp.' if ('–' in pinpoint or ',' in pinpoint) else 'p.'} {pinpoint}"
    return pinpoint


# --- archives ------------------------------------------------------------------

def _archive_page(site: SiteContext, archive, cited_in) -> dict[str, str]:
    page = f"bibliography/{archive.slug}.md"
    out = [f"# {escape_text(archive.id)}: {escape_text(archive.name)}", ""]
    if archive.translation:
        out += [f"*{escape_text(archive.translation)}*", ""]
    out += [escape_text(archive.about), "",
            f"Full name as cited: {escape_text(archive.as_cited)}." if archive.as_cited else "", ""]
    documents = sorted((e for e in site.entries.values() if e.get("archive") == archive.id), key=_archival_order)
    rows = []
    for entry in documents:
        citations = cited_in.get(entry.key, [])
        leaves = ", ".join(sorted({c.pinpoint for _, _, c in citations if c.pinpoint}))
        date = long_date(entry.get("date")) if entry.get("date") else "undated"
        document = f"[{escape_text(bare(entry.get('title')))}]({site.entry_link(page, entry.key)})"
        notes = ", ".join(f"[{escape_text(site.texts[t].meta.short)} n. {n}]({site.note_link(page, t, n)})"
                          for t, n, _ in sorted(citations, key=lambda c: (c[0], c[1])))
        rows.append(f"| {escape_text(str(entry.locator))} | {escape_text(leaves)} | {escape_text(date)} "
                    f"| {document} | {notes} |")
    table = Block("documents", "Documents cited", ["## Documents cited", "",
                  "| Locator | Leaves cited | Date | Document | Cited in |", "|---|---|---|---|---|"],
                  rows, ["", f"{len(documents)} documents.", ""])
    return split_page(page, f"{archive.id}: {archive.name}", out, [table])


# --- notes on the apparatus -----------------------------------------------------

APPARATUS_INTRO = (
    "What a careful editor flags in the notes, computed by the build from the resolved citations "
    "each time the site is made: the same archival locator cited with different dates or for "
    "different documents, names and titles spelt differently from note to note, other editions of "
    "one work, a document cited from two archives, and the note segments that the reviewed mapping "
    "file (`sources/citation-map.toml`) settled because the text alone could not.")


def _apparatus_page(site: SiteContext, findings: list[Finding]) -> dict[str, str]:
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
            notes = ", ".join(f"[{escape_text(site.texts[t].meta.short)} n. {n}]({site.note_link(page, t, n)})"
                              for t, n in finding.notes)
            line = f"- {_linked_summary(finding, site)}"
            if entries:
                line += f" Entries: {entries}."
            if notes:
                line += f" Notes: {notes}."
            lines.append(line)
        blocks.append(Block(re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-"), kind.capitalize(),
                            [f"## {escape_text(kind.capitalize())} ({len(items)})", ""], lines))
    return split_page(page, "Notes on the apparatus", ["# Notes on the apparatus", "", APPARATUS_INTRO, ""], blocks)


def _linked_summary(finding: Finding, site: SiteContext) -> str:
    summary = finding.summary
    for key in finding.keys:  # keys in the summary are shown as the entries' short labels
        summary = summary.replace(key, short_label(site.entries[key], site.archives))
    return escape_text(summary)


# --- downloads --------------------------------------------------------------------

def _downloads(site: SiteContext) -> dict[str, str]:
    return {
        "downloads/bibliography.bib": _normalised_bibtex(site),
        "downloads/bibliography.json": json.dumps(_csl_json(site), ensure_ascii=False, indent=2) + "\n",
        "downloads/notes.json": json.dumps(_notes_json(site), ensure_ascii=False, indent=2) + "\n",
    }


FIELD_ORDER = ("author", "editor", "translator", "title", "translatedtitle", "shorttitle", "booktitle",
               "journaltitle", "translatedjournaltitle", "type", "series", "institution", "volume", "number",
               "pages", "edition", "location", "publisher", "date", "pubstate", "howpublished", "entrysubtype",
               "doctype", "sender", "recipient", "archive", "fond", "opis", "delo", "papka", "crossref",
               "related", "relatedtype", "doi", "url", "langid", "note")


def _normalised_bibtex(site: SiteContext) -> str:
    library = Library()
    for entry in sorted(site.entries.values(), key=lambda e: e.key):
        fields = [Field(name, "{" + entry.get(name) + "}") for name in FIELD_ORDER if entry.get(name)]
        library.add(BibEntry(entry.type, entry.key, fields))
    # The values carry their braces already: no unparse middleware (and no deep copy) needed.
    return bibtexparser.write_string(library, unparse_stack=[])


CSL_TYPES = {"book": "book", "incollection": "chapter", "inbook": "chapter", "report": "report",
             "periodical": "periodical", "unpublished": "manuscript"}


def _csl_json(site: SiteContext) -> list[dict]:
    items = []
    for entry in sorted(site.entries.values(), key=lambda e: e.key):
        kind = CSL_TYPES.get(entry.type, "article-journal")
        if entry.get("entrysubtype") == "newspaper":
            kind = "article-newspaper"
        item: dict = {"id": entry.key, "type": kind, "title": bare(entry.get("title"))}
        for field, csl in (("author", "author"), ("editor", "editor"), ("translator", "translator")):
            if entry.get(field):
                item[csl] = [_csl_name(n) for n in entry.get(field).split(" and ")]
        if entry.get("date"):
            item["issued"] = {"date-parts": [[int(p) for p in entry.get("date").split("-")]]}
        parent = site.entries.get(entry.get("crossref"))
        container = entry.get("journaltitle") or entry.get("booktitle") or (parent.get("title") if parent else "")
        for csl, value in (("container-title", container), ("volume", entry.get("volume")),
                           ("issue", entry.get("number")), ("page", entry.get("pages")),
                           ("publisher", entry.get("publisher") or entry.get("institution")),
                           ("publisher-place", entry.get("location")), ("DOI", entry.get("doi")),
                           ("URL", entry.get("url")), ("note", entry.get("note")),
                           ("status", entry.get("pubstate"))):
            if value:
                item[csl] = bare(value)
        if entry.get("archive"):
            archive = site.archives[entry.get("archive")]
            item["archive"] = f"{archive.name} ({archive.id})" if archive.has_locators else archive.name
            if entry.locator:
                item["archive_location"] = str(entry.locator)
        items.append(item)
    return items


def _csl_name(name: str) -> dict:
    name = name.strip()
    if name.startswith("{") or "," not in name:
        return {"literal": bare(name)}
    family, given = [part.strip() for part in name.split(",", 1)]
    return {"family": family, "given": given}


def _notes_json(site: SiteContext) -> list[dict]:
    out = []
    for (text_id, number), note in sorted(site.citations.items(),
                                          key=lambda item: (list(site.texts).index(item[0][0]), item[0][1])):
        basis = {"author": "author", "editorial": "editorial"}.get(note.basis, "unknown")
        out.append({"text": text_id, "note": number,
                    "url": f"{site_url(site.note_pages[(text_id, number)])}#fn:{number}",
                    "basis": basis,
                    "citations": [{"key": c.key, "pinpoint": c.pinpoint} for c in note.citations]})
    return out
