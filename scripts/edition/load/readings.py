"""sources/readings.toml -> Readings: the file's shape, keys, types and required fields.

Checks that need the bibliography or the host policy are in validate.py.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import EditionError, SourcePosition
from .sourcefile import TomlFile, read_toml
from ..model.readings import (AGREES, DIFFERS, EVIDENCE_FIELDS, FOUND, LISTED, NOT_FOUND, PRINTED, STATUSES, Evidence,
                              Reading, Readings)

TOP_LEVEL = {"reading"}
COMMON = {"entry", "status", "checked"}
WHEN = {FOUND: {"url", "publisher", "title", "evidence", "comparison", "differences", "publisher_adds"},
        LISTED: {"url", "publisher", "title", "compared", "publisher_adds", "searched"},
        PRINTED: {"printed_in", "named_by", "searched"},
        NOT_FOUND: {"searched"}}
REQUIRED = {FOUND: ("entry", "status", "checked", "url", "publisher", "title", "evidence", "comparison"),
            LISTED: ("entry", "status", "checked", "url", "publisher", "title", "compared"),
            PRINTED: ("entry", "status", "checked", "printed_in", "named_by"),
            NOT_FOUND: ("entry", "status", "checked", "searched")}
LISTS = ("differences", "publisher_adds", "printed_in")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HOW_TO = "the fields are listed at the top of sources/readings.toml"


def load_readings(path: Path, allowed_hosts: tuple[str, ...]) -> Readings:
    """The readings, whose addresses are checked against the hosts sources/source-policy.toml
    allows (analyse/readings/validate.py)."""
    if not path.is_file():
        raise EditionError(path, "file not found; sources/readings.toml records where each cited document "
                                 "can be read (see EDITORS.md, \"Where a document can be read\")")
    toml = read_toml(path)
    unknown = set(toml.data) - TOP_LEVEL
    if unknown:
        name = sorted(unknown)[0]
        hint = ("the hosts a reading may link to are the [[allow]] hosts of sources/source-policy.toml"
                if name == "policy" else HOW_TO)
        raise EditionError(toml.at(name), f"unknown key '{name}'; the file holds [[reading]] tables ({hint})")
    rows = toml.array_table("reading")
    lines = _key_lines(toml, len(rows))
    return Readings(allowed_hosts, tuple(_reading(table, at, lines[index])
                                         for index, (table, at) in enumerate(rows)))


def _key_lines(toml: TomlFile, count: int) -> list[dict[str, int]]:
    """For each [[reading]], key -> line; the evidence keys as "evidence.KEY"."""
    found: list[dict[str, int]] = [{} for _ in range(count)]
    for path, line in toml.key_lines.items():
        if path[0] == "reading" and len(path) in (3, 4):
            found[path[1]][".".join(path[2:])] = line
    return found


def _reading(table: dict, at: SourcePosition, lines: dict[str, int]) -> Reading:
    probe = Reading(str(table.get("entry", "")), str(table.get("status", "")), "", at, lines=lines)
    status = table.get("status")
    if not isinstance(status, str) or status not in REQUIRED:
        raise EditionError(probe.at("status"), "status must be one of "
                                               + ", ".join(f'"{s}"' for s in STATUSES) + f", not {status!r}")
    allowed = COMMON | WHEN[status]
    for key in table:
        if key not in allowed:
            owners = [f'"{s}"' for s in STATUSES if key in WHEN[s]]
            hint = (f"'{key}' belongs to a reading with status {' or '.join(owners)}" if owners else HOW_TO)
            raise EditionError(probe.at(key), f"unknown key '{key}' in a [[reading]] with status "
                                              f"\"{status}\"; {hint}")
    for key in REQUIRED[status]:
        if key not in table or table[key] in ("", [], {}):
            raise EditionError(at, f"this [[reading]] (status \"{status}\") lacks '{key}'; {HOW_TO}")
    for key, value in table.items():
        _check_type(key, value, probe)
    if not ISO_DAY.match(table["checked"]):
        raise EditionError(probe.at("checked"), f"checked must be the date of the search as YYYY-MM-DD, "
                                                f"not '{table['checked']}'")
    if status == NOT_FOUND:
        return Reading(table["entry"], status, table["checked"], at, searched=table["searched"], lines=lines)
    if status == LISTED:
        return Reading(table["entry"], status, table["checked"], at, table["url"].strip(), table["publisher"],
                       table["title"], publisher_adds=tuple(table.get("publisher_adds", ())),
                       searched=table.get("searched", ""), compared=table["compared"], lines=lines)
    if status == PRINTED:
        return Reading(table["entry"], status, table["checked"], at, searched=table.get("searched", ""),
                       printed_in=tuple(table["printed_in"]), named_by=table["named_by"], lines=lines)
    return _found(table, at, lines, probe)


def _check_type(key: str, value, probe: Reading) -> None:
    if key == "evidence":
        if not isinstance(value, dict):
            raise EditionError(probe.at(key), "evidence must be a table: [reading.evidence] under the reading")
        return
    if key in LISTS:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise EditionError(probe.at(key), f"{key} must be a list of non-empty strings")
        return
    if not isinstance(value, str) or not value.strip():
        raise EditionError(probe.at(key), f"{key} must be a non-empty string")


def _found(table: dict, at: SourcePosition, lines: dict[str, int], probe: Reading) -> Reading:
    evidence = _evidence(table["evidence"], probe)
    comparison = table["comparison"]
    differences = tuple(table.get("differences", ()))
    if comparison not in (AGREES, DIFFERS):
        raise EditionError(probe.at("comparison"), f"comparison must be \"{AGREES}\" or \"{DIFFERS}\", "
                                                   f"not '{comparison}'")
    if comparison == DIFFERS and not differences:
        raise EditionError(probe.at("comparison"), "comparison = \"differs\" needs differences = "
                                                   "[\"field: how it differs\", ...], one per field")
    if comparison == AGREES and differences:
        raise EditionError(probe.at("differences"), "differences are listed but comparison = \"agrees\"; "
                                                    "set comparison = \"differs\" or remove the differences")
    return Reading(table["entry"], FOUND, table["checked"], at, table["url"].strip(), table["publisher"],
                   table["title"], evidence, comparison, differences,
                   tuple(table.get("publisher_adds", ())), lines=lines)


def _evidence(table: dict, probe: Reading) -> Evidence:
    where = probe.at("evidence")
    unknown = set(table) - set(EVIDENCE_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise EditionError(probe.at(f"evidence.{name}"), f"unknown evidence field '{name}'; the evidence "
                                                         f"fields are {', '.join(EVIDENCE_FIELDS)}")
    for name in EVIDENCE_FIELDS:
        if name not in table:
            raise EditionError(where, f"[reading.evidence] lacks '{name}'; write it as the page prints it, "
                                      f"or \"\" where the page prints none")
        if not isinstance(table[name], str):
            raise EditionError(probe.at(f"evidence.{name}"), f"evidence {name} must be a string")
    if table["date"] and not ISO_DATE.match(table["date"]):
        raise EditionError(probe.at("evidence.date"), f"evidence date '{table['date']}' must be written "
                                                      "YYYY, YYYY-MM or YYYY-MM-DD (the page's date, in ISO)")
    return Evidence(**{name: " ".join(table[name].split()) for name in EVIDENCE_FIELDS})
