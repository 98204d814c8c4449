"""sources/readings.toml -> Readings: the file's shape, keys, types and required fields.

Checks that need the bibliography or the host policy are in validate.py.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path

from ..errors import EditionError, SourcePosition
from .fields import Field, check_table, check_variant, filled, iso_day, one_of, strings, table, tables, text
from .sourcefile import TomlFile, read_toml
from .sourcepolicy import no_to_do
from ..model.readings import (AGREES, DIFFERS, EVIDENCE_FIELDS, FOUND, LISTED, NOT_FOUND, PRINTED, STATUSES, Evidence,
                              Reading, Readings)

HOW_TO = "the fields are listed at the top of sources/readings.toml"
TOP_LEVEL = {"reading": Field(tables)}
COMMON = {"entry": Field(filled, True), "status": Field(one_of(*STATUSES), True),
          "checked": Field(iso_day("the date of the search or the record"), True)}
# The fields of a reading, by its status.
# The fields in the editors' own words hold no to-do (no_to_do): the public reads them. The
# publisher's words (title, evidence, publisher_adds) are recorded as printed, and not checked.
BY_STATUS = {
    FOUND: COMMON | {"url": Field(filled, True), "publisher": Field(filled, True), "title": Field(filled, True),
                     "evidence": Field(table, True), "comparison": Field(one_of(AGREES, DIFFERS), True),
                     "differences": Field(no_to_do(strings)), "publisher_adds": Field(strings)},
    LISTED: COMMON | {"url": Field(filled, True), "publisher": Field(filled, True), "title": Field(filled, True),
                      "compared": Field(no_to_do(filled), True), "publisher_adds": Field(strings),
                      "searched": Field(no_to_do(filled))},
    PRINTED: COMMON | {"printed_in": Field(no_to_do(strings), True), "named_by": Field(no_to_do(filled), True),
                       "searched": Field(no_to_do(filled))},
    NOT_FOUND: COMMON | {"searched": Field(no_to_do(filled), True)},
}
ISO_PARTS = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")


def _page_date(value) -> str:
    """The page's date in ISO, to the year, month or day it gives, and a real one."""
    if value == "":
        return ""   # the page prints no date
    if text(value) or not ISO_PARTS.match(value):
        return text(value) or f"must be written YYYY, YYYY-MM or YYYY-MM-DD (the page's date, in ISO), not '{value}'"
    try:
        datetime.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
    except ValueError:
        return f"is '{value}', which is no real date; write the date the page prints, in ISO"
    return ""


# What the publisher's page prints, each field written ("" where the page prints none).
EVIDENCE = {name: Field(text, True, may_be_empty=True) for name in EVIDENCE_FIELDS} | {
    "date": Field(_page_date, True, may_be_empty=True)}
EVIDENCE_HOW_TO = (f"the evidence fields are {', '.join(EVIDENCE_FIELDS)}, each written as the page prints it, "
                   "or \"\" where the page prints none")


def load_readings(path: Path, allowed_hosts: tuple[str, ...]) -> Readings:
    """The readings, whose addresses are checked against the hosts sources/source-policy.toml
    allows (analyse/readings/validate.py)."""
    if not path.is_file():
        raise EditionError(path, "file not found; sources/readings.toml records where each cited document "
                                 "can be read (see EDITORS.md, \"Where a document can be read\")")
    toml = read_toml(path)
    check_table(toml, (), TOP_LEVEL, "readings.toml", "the file holds only [[reading]] tables; the hosts a "
                "reading may link to are the [[allow]] hosts of sources/source-policy.toml")
    rows = toml.array_table("reading")
    lines = _key_lines(toml, len(rows))
    return Readings(allowed_hosts, tuple(_reading(toml, index, at, lines[index])
                                         for index, (_, at) in enumerate(rows)))


def _key_lines(toml: TomlFile, count: int) -> list[dict[str, int]]:
    """For each [[reading]], key -> line (the evidence keys as "evidence.KEY"), for the
    messages of the checks that come later (analyse/readings/validate.py)."""
    found: list[dict[str, int]] = [{} for _ in range(count)]
    for path, line in toml.key_lines.items():
        if path[0] == "reading" and len(path) in (3, 4):
            found[path[1]][".".join(path[2:])] = line
    return found


def _reading(toml: TomlFile, index: int, at: SourcePosition, lines: dict[str, int]) -> Reading:
    table = check_variant(toml, ("reading", index), "status", BY_STATUS, "[[reading]]", HOW_TO)
    status = table["status"]
    if status == NOT_FOUND:
        return Reading(table["entry"], status, table["checked"], at, searched=table["searched"], lines=lines)
    if status == LISTED:
        return Reading(table["entry"], status, table["checked"], at, table["url"].strip(), table["publisher"],
                       table["title"], publisher_adds=tuple(table.get("publisher_adds", ())),
                       searched=table.get("searched", ""), compared=table["compared"], lines=lines)
    if status == PRINTED:
        return Reading(table["entry"], status, table["checked"], at, searched=table.get("searched", ""),
                       printed_in=tuple(table["printed_in"]), named_by=table["named_by"], lines=lines)
    evidence = check_table(toml, ("reading", index, "evidence"), EVIDENCE, "[reading.evidence]", EVIDENCE_HOW_TO)
    probe = Reading(table["entry"], status, "", at, lines=lines)
    comparison = table["comparison"]
    differences = tuple(table.get("differences", ()))
    if comparison == DIFFERS and not differences:
        raise EditionError(probe.at("comparison"), "comparison = \"differs\" needs differences = "
                                                   "[\"field: how it differs\", ...], one per field")
    if comparison == AGREES and differences:
        raise EditionError(probe.at("differences"), "differences are listed but comparison = \"agrees\"; "
                                                    "set comparison = \"differs\" or remove the differences")
    return Reading(table["entry"], FOUND, table["checked"], at, table["url"].strip(), table["publisher"],
                   table["title"], Evidence(**{name: " ".join(evidence[name].split()) for name in EVIDENCE_FIELDS}),
                   comparison, differences, tuple(table.get("publisher_adds", ())), lines=lines)
