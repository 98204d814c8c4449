"""How the bibliography is laid out: its groups and sections in print order, and which page
holds each entry (one page while it fits, parts beyond). The page writer (bibliography.py)
and every page that links an entry (context.py) use it."""
from __future__ import annotations

from collections import defaultdict

from ...analyse.readings.documents import in_a_collection
from ...model.entry import Entry, bare
from ..chicago import PARTS_OF_A_BOOK, filing_order
from ..escape import escape_text
from .parts import BUDGET

BIBLIOGRAPHY = "bibliography/index.md"

GROUPS = (
    ("archival", "Archival documents"),
    ("published", "Published documents"),
    ("books", "Books and chapters"),
    ("articles", "Articles and working papers"),
    ("press", "Newspapers and internal reference bulletins"),
)



def crossref_children(entries: dict[str, Entry]) -> dict[str, list[Entry]]:
    children: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries.values():
        if entry.get("crossref"):
            children[entry.get("crossref")].append(entry)
    return children



def is_published_document(entry: Entry) -> bool:
    """A dated document printed in a collection (a FRUS document), not a part such as an
    introduction."""
    return in_a_collection(entry) and bare(entry.get("title")) not in PARTS_OF_A_BOOK



def group_of(entry: Entry, children: dict[str, list[Entry]]) -> str:
    if entry.is_archival:
        return "archival"
    if is_published_document(entry) or any(is_published_document(c) for c in children.get(entry.key, ())):
        return "published"
    if entry.type == "report" and entry.get("type") != "Working Paper":
        return "published"
    if entry.type == "periodical" or entry.get("entrysubtype") == "newspaper":
        return "press"
    if entry.type in ("article", "report"):
        return "articles"
    return "books"


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
            out.append((heading, sorted(grouped[group], key=filing_order)))
            continue
        out.append((heading, []))
        by_archive: dict[str, list[Entry]] = defaultdict(list)
        for entry in grouped[group]:
            by_archive[entry.get("archive") or ""].append(entry)
        for archive in list(archives.values()) + [None]:
            members = by_archive.get(archive.id if archive else "", [])
            if members:
                out.append((_archive_heading(archive), sorted(members, key=archival_order)))
    return out



def _archive_heading(archive) -> list[str]:
    if not archive:
        return ["### Known through a publication {: #archive-none }", ""]
    translation = f" ({escape_text(archive.translation)})" if archive.translation else ""
    more = f" [About the archive]({archive.slug}.md)" if archive.has_locators else ""
    return [f"### {escape_text(archive.heading)}{translation} "
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



def archival_order(entry: Entry):
    locator = entry.locator
    return (locator.sort_key if locator else (), entry.get("date") or "9999", entry.key)
