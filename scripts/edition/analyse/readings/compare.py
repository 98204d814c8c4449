"""The publisher's evidence compared, field by field, with the bibliography entry and the
citing notes' pinpoints (leaves of an archival document, pages of a printed one).

Each field agrees, differs, or is not compared (the page or the entry gives nothing to
compare). A difference is a finding, shown on the apparatus page; a difference the file
does not declare stops the build: the evidence or the entry is wrong, or the difference
must be recorded.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...model.entry import Entry
from ...model.citations import NoteCitations
from ...errors import EditionError
from ...model.readings import AGREES, DIFFERS, Reading, Readings

NOT_COMPARED = "not compared"   # a field's outcome beside the model's AGREES and DIFFERS
LOCATOR_PARTS = ("archive", "fond", "opis", "delo", "papka", "leaves")
# What a line of `differences` may start with ("field: how it differs").
DECLARABLE = ("date", "sender", "recipient", "locator", "pages", "title") + LOCATOR_PARTS
NOT_SEEN = re.compile(r"^\s*not (seen|shown|printed)\b", re.I)
STOP_WORDS = {"and", "the", "of", "in", "to", "a", "by", "from", "for", "via", "cde", "comrade"}
LOCATOR_ITEM = re.compile(
    r"(?i:\b(?P<key>fond|f|opis|op|delo|d|papka|pap|p|listy|listi|lists|list|ll|l)\.?\s*"
    r"(?P<value>\d[0-9A-Za-z]*(?:\s*[-–—]\s*\d+)?(?:\s*ff\b\.?)?))"
    r"|(?P<archive>\b[A-Z][A-Za-z]*[A-Z](?:\s?RF)?\b)")
KEY_NAMES = {"f": "fond", "fond": "fond", "op": "opis", "opis": "opis", "d": "delo", "delo": "delo",
             "p": "papka", "pap": "papka", "papka": "papka"}
RANGE = re.compile(r"(\d+)(?:\s*[-–—]\s*(\d+))?(\s*ff\b)?")

Pinpoint = tuple[str, int, str]         # (the text as readers know it, note, pinpoint as printed)


@dataclass(frozen=True)
class FieldCheck:
    field: str          # date, sender, recipient, archive, fond, ..., leaves, pages
    outcome: str        # AGREES | DIFFERS | NOT_COMPARED
    page: str = ""      # what the publisher's page prints
    edition: str = ""   # what the entry or the note gives
    same: bool = False  # the same characters on both sides: no difference can be declared for it


def compare_all(readings: Readings, entries: dict[str, Entry], notes: list[NoteCitations],
                names: dict[str, str] | None = None) -> dict[str, tuple]:
    """entry key -> its reading's field checks; stops at the first undeclared difference.
    `names`: text id -> its short name ("Kim 2016"), which the checks' words use."""
    pinpoints = pinpoints_by_key(notes, names)
    checks = {}
    for reading in readings:
        if reading.found:
            checks[reading.entry] = compare(reading, entries[reading.entry], pinpoints.get(reading.entry, []))
            check_declared(reading, checks[reading.entry])
    return checks


def pinpoints_by_key(notes: list[NoteCitations], names: dict[str, str] | None = None) -> dict[str, list[Pinpoint]]:
    found: dict[str, list[Pinpoint]] = {}
    for note in notes:
        for c in note.citations:
            if c.pinpoint:
                found.setdefault(c.key, []).append(((names or {}).get(note.text_id, note.text_id), note.note,
                                                    c.pinpoint))
    return found


def compare(reading: Reading, entry: Entry, pinpoints: list[Pinpoint]) -> tuple[FieldCheck, ...]:
    evidence = reading.evidence
    checks = [_date(evidence.date, entry.get("date")),
              _name("sender", evidence.sender, entry.get("sender")),
              _name("recipient", evidence.recipient, entry.get("recipient"))]
    if entry.locator:
        checks += _locator(evidence.locator, entry, pinpoints)
    elif not entry.is_archival:
        checks.append(_within("pages", _strip_remarks(evidence.pages), pinpoints))
    return tuple(checks)


def check_declared(reading: Reading, checks: tuple[FieldCheck, ...]) -> None:
    """Every difference the comparison finds is declared, and every declared difference of
    a field it compares is found (a field it does not compare, such as the title, is the
    editor's to declare)."""
    declared = set()
    for line in reading.differences:
        name = line.split(":", 1)[0].strip()
        if ":" not in line or name not in DECLARABLE:
            raise EditionError(reading.at("differences"), f"difference “{line[:60]}” must start with the field "
                                                          f"it concerns and a colon: one of {', '.join(DECLARABLE)}")
        compared = [c for c in checks if c.field == name or (name == "locator" and c.field in LOCATOR_PARTS)]
        if compared and all(c.same for c in compared):
            shown = "; ".join(f"{c.page}, as {c.edition}" for c in compared)
            raise EditionError(reading.at("differences"), f"the difference “{line[:60]}” is declared, but the "
                                                          f"publisher's {name} is the edition's ({shown}); "
                                                          "remove the line, or correct the evidence")
        declared.add(name)
    for check in checks:
        covered = check.field in declared or (check.field in LOCATOR_PARTS and "locator" in declared)
        if check.outcome == DIFFERS and not covered:
            key = "evidence.locator" if check.field in LOCATOR_PARTS else f"evidence.{check.field}"
            differ = "differ" if check.field in ("leaves", "pages") else "differs"
            raise EditionError(reading.at(key), f"the publisher's {check.field} ({check.page}) {differ} from "
                                                f"{check.edition}; if the page shows this, set comparison = "
                                                f"\"differs\" and add \"{check.field}: how it differs\" to "
                                                "differences, otherwise correct the evidence or the entry")


# --- fields ---------------------------------------------------------------------

def _date(page: str, entry: str) -> FieldCheck:
    if not page:
        return FieldCheck("date", NOT_COMPARED, page, f"the entry's date {entry}" if entry else "")
    if not entry:
        return FieldCheck("date", DIFFERS, page, "the entry, which is undated")
    # A date printed less precisely (1950-05) is no disagreement with 1950-05-14.
    agrees = page.startswith(entry) or entry.startswith(page)
    return FieldCheck("date", AGREES if agrees else DIFFERS, page, f"the entry's date {entry}", page == entry)


def name_words(value: str) -> set[str]:
    return {w for w in re.findall(r"\w+", value.casefold()) if w not in STOP_WORDS}


def _name(field: str, page: str, entry: str) -> FieldCheck:
    if not page or not entry or NOT_SEEN.match(page):
        return FieldCheck(field, NOT_COMPARED, page, f"the entry's {field} “{entry}”" if entry else "")
    a, b = name_words(page), name_words(entry)
    # "Feng Xi [Stalin]" names Stalin; "Mao" is "Mao Zedong": one holds the other's words.
    agrees = bool(a and b) and (a <= b or b <= a)
    return FieldCheck(field, AGREES if agrees else DIFFERS, page, f"the entry's {field} “{entry}”",
                      page.strip() == entry.strip())


@dataclass
class PrintedLocator:
    archive: str = ""
    parts: dict | None = None
    leaves: str = ""


def parse_locator(text: str) -> list[PrintedLocator]:
    """'APRF, f. 45, op. 1, d. 140, l. 140, and RGASPI, f. 558, ...' -> one PrintedLocator per archive."""
    found: list[PrintedLocator] = []
    current = PrintedLocator(parts={})
    for match in LOCATOR_ITEM.finditer(text):
        if match["archive"]:
            if current.archive or current.parts or current.leaves:
                found.append(current)
            current = PrintedLocator(archive=match["archive"], parts={})
        elif match["key"].lower() in KEY_NAMES:
            current.parts.setdefault(KEY_NAMES[match["key"].lower()], match["value"])
        else:
            current.leaves = current.leaves or match["value"]
    if current.archive or current.parts or current.leaves:
        found.append(current)
    return [p for p in found if p.parts.get("fond")]


def _norm(value: str) -> str:
    return re.sub(r"^0+(?=\w)", "", value.strip()).casefold()


def _same_archive(printed: str, cited: str) -> bool:
    a, b = (re.sub(r"[^a-z]", "", x.casefold()) for x in (printed, cited))
    return bool(a and b) and (a.startswith(b) or b.startswith(a))  # "TsAMO RF" is TsAMO


def _locator(text: str, entry: Entry, pinpoints: list[Pinpoint]) -> list[FieldCheck]:
    cited = entry.locator
    printed = [] if NOT_SEEN.match(text) else parse_locator(text)
    if not printed:
        return [FieldCheck("locator", NOT_COMPARED, text, str(cited))]
    same = [p for p in printed if _same_archive(p.archive, cited.archive)]
    if not same:
        return [FieldCheck("archive", DIFFERS, "; ".join(p.archive or "no archive" for p in printed),
                           f"the entry's archive {cited.archive}")]
    wanted = {"fond": cited.fond, "opis": cited.opis, "delo": cited.delo, "papka": cited.papka}
    best = max(same, key=lambda p: sum(_norm(p.parts.get(k, "")) == _norm(v) for k, v in wanted.items()))
    checks = [FieldCheck("archive", AGREES, best.archive, cited.archive, best.archive == cited.archive)]
    for name, value in wanted.items():
        page = best.parts.get(name, "")
        outcome = NOT_COMPARED if not (page and value) else AGREES if _norm(page) == _norm(value) else DIFFERS
        checks.append(FieldCheck(name, outcome, f"{name} {page}", f"the entry's {name} {value}" if value else "",
                                 page == value))
    checks.append(_within("leaves", best.leaves, pinpoints))
    return checks


def parse_ranges(text: str) -> list[tuple[int, float]]:
    """'75–7' -> [(75, 77)]; '0140-0142' -> [(140, 142)]; '178-179ff.' -> [(178, inf)]."""
    ranges = []
    for match in RANGE.finditer(text):
        low = int(match[1])
        high = low
        if match[2]:
            digits = match[2]
            if len(digits) < len(match[1].lstrip("0") or "0"):   # abbreviated: 352–5 is 352–355
                digits = match[1].lstrip("0")[: -len(digits)] + digits
            high = int(digits)
        ranges.append((low, math.inf if match[3] else high))
    return ranges


def _strip_remarks(text: str) -> str:
    """The page numbers, without an editor's parenthetical remark about them."""
    return re.sub(r"\([^)]*\)", "", text)


def _within(field: str, printed: str, pinpoints: list[Pinpoint]) -> FieldCheck:
    """Do the cited pages (leaves) lie within those the page carries? A range printed open
    ("178-179ff.": the editors saw the page's markers only to 179) holds for certain only
    what was seen: a citation running past it is not compared, never counted as agreeing."""
    page_ranges = parse_ranges(printed)
    if not page_ranges or not pinpoints:
        return FieldCheck(field, NOT_COMPARED, printed, "")
    seen = [(a, b if b != math.inf else _last_seen(printed, a)) for a, b in page_ranges]
    def held(ranges, p):
        return all(any(a <= lo and hi <= b for a, b in ranges) for lo, hi in parse_ranges(p))
    outside = [(t, n, p) for t, n, p in pinpoints if not held(page_ranges, p)]
    unseen = [(t, n, p) for t, n, p in pinpoints if held(page_ranges, p) and not held(seen, p)]
    if outside:
        return FieldCheck(field, DIFFERS, printed, f"the {field} the notes cite ({_cited(outside)})")
    if unseen:
        return FieldCheck(field, NOT_COMPARED, printed, f"the {field} the notes cite past those seen "
                                                        f"on the page ({_cited(unseen)})")
    return FieldCheck(field, AGREES, printed, f"the {field} the notes cite ({_cited(pinpoints)})")


def _last_seen(printed: str, low: int) -> int:
    """The last page of an open range ("178-179ff." -> 179; "948ff." -> 948)."""
    match = next(m for m in RANGE.finditer(printed) if int(m[1]) == low)
    return parse_ranges(match[0].replace("ff", ""))[0][1]


def _cited(pinpoints: list[Pinpoint]) -> str:
    return "; ".join(f"{t} n. {n}: {p}" for t, n, p in pinpoints)
