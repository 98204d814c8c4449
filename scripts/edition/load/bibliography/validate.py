"""Check bibliography entries against the edition's BibTeX conventions
(documented in EDITORS.md, "The bibliography")."""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from ...errors import EditionError, SourcePosition
from .archives import Archive
from ..file_names import too_long
from ...model.entry import Entry, key_named

# For each entry type, the fields it needs; a tuple means "one of these".
REQUIRED: dict[str, tuple] = {
    "book": ("title", ("author", "editor")),
    "article": ("title", "journaltitle"),
    "incollection": ("title", "author", "booktitle"),
    "inbook": ("title", ("crossref", "booktitle")),
    "report": ("title", ("author", "institution")),
    "periodical": ("title", ("number", "date")),
    "unpublished": ("title",),
}
STANDARD = {"author", "editor", "translator", "title", "shorttitle", "booktitle", "maintitle",
            "journaltitle", "series", "type", "institution", "volume", "number", "pages",
            "edition", "location", "publisher", "date", "howpublished", "entrysubtype",
            "crossref", "related", "relatedtype", "note", "doi", "url", "langid", "pubstate"}
# The edition's own fields (EDITORS.md, "The bibliography").
CUSTOM = {"translatedtitle", "translatedjournaltitle", "doctype", "sender", "recipient",
          "archive", "fond", "opis", "delo", "papka"}
# The fields that hold BibTeX name lists ("Last, First and {{Corporate Name}}").
NAME_LISTS = ("author", "editor", "translator")
RELATED_TYPES = {"citedfrom", "origpubas", "translationof", "adaptedfrom"}
DOCTYPES = {"telegram", "conversation", "decision", "message", "report", "letter"}
# The values the pages and citations act on: another value (a typo) would be read as none,
# and an archival document be set as a work, a newspaper article as a journal's, a
# forthcoming work dated "n.d.", with nothing said.
CLOSED = {"entrysubtype": ("archival", "newspaper"), "pubstate": ("forthcoming",)}
KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
URL = re.compile(r"^https?://[^\s<>\"']+$")
# A word 'and' between two names of a list (or a stray one at either end).
AND = re.compile(r"(?<!\S)and(?!\S)")
DOI = re.compile(r"^10\.\d{4,9}/[^\s<>\"']+$")


def validate_entries(entries: list[Entry], archives: dict[str, Archive], path: Path) -> None:
    keys = {entry.key for entry in entries}
    for entry in entries:
        at = SourcePosition(path, entry.line)
        _check_type_and_key(entry, at)
        _check_fields(entry, path)
        _check_links(entry, keys, path)
        _check_archival(entry, archives, path)
        _check_no_key_named(entry, keys, path)
    _check_crossref_chains({entry.key: entry for entry in entries}, path)
    _check_archives_used(entries, archives, path)


def _check_archives_used(entries: list[Entry], archives: dict[str, Archive], path: Path) -> None:
    """Every archive holds some entry's document: an archive no entry names would get a page
    that lists nothing (or is a key misspelt on one side)."""
    used = {entry.get("archive") for entry in entries}
    for archive in archives.values():
        if archive.id not in used:
            raise EditionError(archive.position, f"archive [{archive.id}] is used by no entry of {path.name}; remove "
                                                 "it, or name it in the 'archive' field of the entries it holds")


# The fields whose words readers see as written (titles and names are the works' own).
READERS_WORDS = ("note", "addendum", "annotation")


def _check_no_key_named(entry: Entry, keys: set[str], path: Path) -> None:
    for name in READERS_WORDS:
        key = key_named(entry.get(name), keys)
        if key:
            raise EditionError(_at(path, entry, name), f"'{name}' of '{entry.key}' names the entry '{key}' by "
                                                       "its key, which readers see as written; say what it is "
                                                       "(author, title, date)")


def _check_crossref_chains(by_key: dict[str, Entry], path: Path) -> None:
    """A crossref leads to a parent, and never back to the entry (directly or through others)."""
    for entry in by_key.values():
        seen = [entry.key]
        parent = entry.get("crossref").strip()
        while parent:
            if parent in seen:
                chain = " -> ".join(seen + [parent])
                raise EditionError(_at(path, entry, "crossref"), f"the crossref of '{entry.key}' leads back to "
                                                                 f"itself ({chain}); a crossref names the parent work")
            seen.append(parent)
            parent = by_key[parent].get("crossref").strip() if parent in by_key else ""


def _at(path: Path, entry: Entry, name: str) -> SourcePosition:
    return SourcePosition(path, entry.field_lines.get(name, entry.line))


def _check_type_and_key(entry: Entry, at: SourcePosition) -> None:
    if entry.type not in REQUIRED:
        raise EditionError(at, f"entry type @{entry.type} is not used in this edition; "
                               f"use one of {', '.join('@' + t for t in REQUIRED)}")
    if not KEY.match(entry.key):
        raise EditionError(at, f"key '{entry.key}' must be lowercase letters, digits and hyphens")
    if too_long(entry.key, "entry"):
        raise EditionError(at, too_long(entry.key, "entry"))
    for need in REQUIRED[entry.type]:
        names = need if isinstance(need, tuple) else (need,)
        if not any(entry.get(name) for name in names):
            raise EditionError(at, f"@{entry.type} '{entry.key}' lacks the required field "
                                   f"'{' or '.join(names)}'")


def _check_fields(entry: Entry, path: Path) -> None:
    for name, value in entry.fields.items():
        at = _at(path, entry, name)
        if name not in STANDARD | CUSTOM:
            raise EditionError(at, f"unknown field '{name}' in '{entry.key}'; the fields are "
                                   "documented in EDITORS.md, \"The bibliography\"")
        if not value.strip():
            raise EditionError(at, f"field '{name}' of '{entry.key}' is empty; remove it or fill it in")
    if entry.get("date"):
        _check_date(entry.get("date"), entry, _at(path, entry, "date"))
    if entry.get("url") and not URL.match(entry.get("url")):
        raise EditionError(_at(path, entry, "url"), f"url of '{entry.key}' must be an https: or "
                                                    "http: address; other schemes are refused")
    if entry.get("doi") and not DOI.match(entry.get("doi")):
        raise EditionError(_at(path, entry, "doi"), f"doi of '{entry.key}' must look like 10.1234/abc")
    if entry.get("doctype") and entry.get("doctype") not in DOCTYPES:
        raise EditionError(_at(path, entry, "doctype"), f"doctype '{entry.get('doctype')}' of '{entry.key}' "
                                                        f"must be one of {', '.join(sorted(DOCTYPES))}")
    for name, allowed in CLOSED.items():
        if entry.get(name) and entry.get(name) not in allowed:
            raise EditionError(_at(path, entry, name), f"{name} '{entry.get(name)}' of '{entry.key}' must be "
                                                       f"{' or '.join(repr(value) for value in allowed)} (the pages know no other); "
                                                       "remove the field if none applies")
    for name in NAME_LISTS:
        _check_names(entry, name, _at(path, entry, name))


def _check_names(entry: Entry, name: str, at: SourcePosition) -> None:
    """Each name of a name list is there and has at most BibTeX's three parts: a stray
    'and' would print "Chen Jian and.", and BibTeX itself refuses a name with more commas."""
    for person in _names(entry.get(name)):
        if not person:
            raise EditionError(at, f"'{name}' of '{entry.key}' has an empty name (a stray 'and'?); remove it")
        commas = _outside_braces(person).count(",")
        if commas > 2:
            raise EditionError(at, f"'{name}' of '{entry.key}' has the name '{person}' with {commas} commas; "
                                   "BibTeX names take at most \"Last, Jr, First\": fix the commas, or put a "
                                   "name written as it is in double braces, {{like this}}")


def _names(value: str) -> list[str]:
    """The names of a BibTeX name list: the parts between the words 'and' outside braces."""
    if not value.strip():
        return []
    cuts = [match.span() for match in AND.finditer(_outside_braces(value))]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(value)]
    return [value[start:end].strip() for start, end in zip(starts, ends)]


def _outside_braces(value: str) -> str:
    """The value with each brace, and every character between braces, made '_': what is
    braced is one word to BibTeX, whatever 'and' or comma it holds."""
    shown, depth = [], 0
    for char in value:
        depth += char == "{"
        shown.append(char if depth == 0 and char != "}" else "_")
        depth -= char == "}" and depth > 0
    return "".join(shown)


def _check_date(value: str, entry: Entry, at: SourcePosition) -> None:
    match = DATE.match(value)
    try:
        if not match:
            raise ValueError
        year, month, day = (int(part) if part else 1 for part in match.groups())
        datetime.date(year, month, day)
    except ValueError:
        raise EditionError(at, f"date '{value}' of '{entry.key}' does not parse; write it as "
                               "YYYY, YYYY-MM or YYYY-MM-DD") from None


def _check_links(entry: Entry, keys: set[str], path: Path) -> None:
    if "," in entry.get("crossref"):
        raise EditionError(_at(path, entry, "crossref"), f"crossref of '{entry.key}' names one parent entry")
    for name in ("crossref", "related"):
        for key in [k.strip() for k in entry.get(name).split(",") if k.strip()]:
            if key not in keys:
                raise EditionError(_at(path, entry, name), f"{name} '{key}' of '{entry.key}' is not a key "
                                                           "in the bibliography")
    if entry.get("related") and entry.get("relatedtype") not in RELATED_TYPES:
        raise EditionError(_at(path, entry, "relatedtype"), f"relatedtype of '{entry.key}' must be one of "
                                                             f"{', '.join(sorted(RELATED_TYPES))}")


def _check_archival(entry: Entry, archives: dict[str, Archive], path: Path) -> None:
    if not entry.get("archive"):
        return
    at = _at(path, entry, "archive")
    if entry.get("archive") not in archives:
        raise EditionError(at, f"archive '{entry.get('archive')}' of '{entry.key}' is not described in "
                               f"sources/archives.toml; use one of {', '.join(archives)}")
    if archives[entry.get("archive")].has_locators:
        for name in ("fond", "opis", "delo"):
            if not entry.get(name):
                raise EditionError(SourcePosition(path, entry.line),
                                   f"'{entry.key}' is in {entry.get('archive')} but lacks '{name}'")
