"""Reading the parts of a citation: archival locators, dates, names, pinpoints."""
from __future__ import annotations

import re

from ...model.entry import ArchivalLocator

MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
_MONTH = "|".join(MONTHS)

ARCHIVAL = re.compile(
    r"\b(?P<archive>APRF|AVPRF|RGASPI|TsAMO)\)?,\s*"
    r"fond\.?\s*(?P<fond>\w+),\s*opis\.?\s*(?P<opis>\w+),\s*delo\.?\s*(?P<delo>\w+)"
    r"(?:,\s*papka\.?\s*(?P<papka>\w+))?"
    r"(?:,\s*(?:listy|list)\.?\s*(?P<listy>\d+(?:\s*[–-]\s*\d+)?))?")
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) ({_MONTH}),? (\d{{4}})\b")
MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH}) (\d{{1,2}}),? (\d{{4}})\b")
FROM_TO = re.compile(r"\bfrom (?P<a>[^,]+?) to (?P<b>[^,]+?)(?=,| via | drafted| on |$)"
                     r"|\bto (?P<c>[^,]+?) from (?P<d>[^,]+?)(?=,|$)"
                     r"|^(?P<e>[A-Z][\w-]+) to (?P<f>[A-Z][\w-]+)(?=,)")
PAGES = re.compile(r"(\d+(?:\s*[–-]\s*\d+)?(?:,\s*\d+(?:\s*[–-]\s*\d+)?)*)\s*\.?\s*$")
YEAR = re.compile(r"^(1[6-9]|20)\d\d$")


def find_locator(text: str) -> tuple[ArchivalLocator, str, re.Match] | None:
    match = ARCHIVAL.search(text)
    if not match:
        return None
    locator = ArchivalLocator(match["archive"], match["fond"], match["opis"], match["delo"], match["papka"] or "")
    return locator, _dash(match["listy"] or ""), match


def find_date(text: str) -> str:
    """The first full date in the text, as ISO (YYYY-MM-DD), or ""."""
    found = []
    for match in DAY_MONTH_YEAR.finditer(text):
        found.append((match.start(), f"{match[3]}-{MONTHS[match[2]]:02d}-{int(match[1]):02d}"))
    for match in MONTH_DAY_YEAR.finditer(text):
        found.append((match.start(), f"{match[3]}-{MONTHS[match[1]]:02d}-{int(match[2]):02d}"))
    return min(found)[1] if found else ""


def find_names(text: str) -> tuple[str, ...]:
    """Sender and recipient as a document description gives them ("from X to Y")."""
    match = FROM_TO.search(text)
    if not match:
        return ()
    if match["a"]:
        return match["a"].strip(), match["b"].strip()
    if match["c"]:
        return match["d"].strip(), match["c"].strip()
    return match["e"], match["f"]


def pinpoint_after(text: str) -> str | None:
    """The pages cited at the end of a citation's tail: '…), 12, 21–2.' -> '12, 21–2'."""
    tail = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text)
    tail = DAY_MONTH_YEAR.sub(" ", MONTH_DAY_YEAR.sub(" ", tail))
    tail = re.sub(r"\b(?:Vol|vol|no)\.\s*\d+\b", " ", tail)
    chapter = re.search(r"\b(Chapter \d+)\b", tail)
    match = PAGES.search(tail)
    if match:
        items = [item.strip() for item in match[1].split(",")]
        while items and YEAR.match(items[0]):
            items.pop(0)
        if items:
            return _dash(", ".join(items))
    return chapter[1] if chapter else None


def _dash(pages: str) -> str:
    return re.sub(r"\s*[–-]\s*", "–", pages)
