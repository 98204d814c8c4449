"""The registers in sources/: persons, terms (abbreviations) and places.

Curated data, facts only, each entry with its sources. Checked at every build: an
entry defined twice, a name form claimed by two entries, or a missing field stops
the build with the line.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import EditionError, SourcePosition
from ..model.registers import Person, Place, Registers, Term
from .sourcefile import read_toml

# The fields of each register and the shape of each: "text" (one line), "year", "forms"
# (a list of name forms the matcher looks for: two characters or more, no outer spaces),
# "texts" (a list of one-line strings), "sources" (a list of references or http(s) addresses).
PERSON_FIELDS = {"name": "text", "sort": "text", "variants": "forms", "ambiguous_short": "forms",
                 "title_forms": "forms", "other_romanisations": "texts", "born": "year", "died": "year",
                 "dates_note": "text", "role_1949_50": "text", "role_in_texts": "text", "cited_for": "text",
                 "kind": "text", "note": "text", "sources": "sources"}
TERM_FIELDS = {"expansion": "text", "expanded_in": "text", "variants": "forms", "gloss": "text",
               "note": "text", "sources": "sources"}
PLACE_FIELDS = {"name": "text", "variants": "forms", "title_forms": "forms", "gloss": "text",
                "note": "text", "sources": "sources", "related": "texts"}
PERSON_KINDS = ("actor", "historian", "translator/editor")
# Keys: persons and places become file names and anchors; terms are abbreviations.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ABBREVIATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./&'-]*$")
URL = re.compile(r"^https?://[^\s<>\"'`\\{}|^\[\]]+$")










def load_registers(sources: Path) -> Registers:
    persons = tuple(_person(k, t, at) for k, t, at in _tables(sources / "persons.toml", PERSON_FIELDS,
                                                              ("name", "variants", "kind", "sources")))
    terms = tuple(_term(k, t, at) for k, t, at in _tables(sources / "terms.toml", TERM_FIELDS,
                                                          ("gloss", "sources")))
    places = tuple(_place(k, t, at) for k, t, at in _tables(sources / "places.toml", PLACE_FIELDS,
                                                            ("name", "variants", "gloss", "sources")))
    _check_forms_unique([(p.position, p.id, p.variants + p.ambiguous) for p in persons], "person")
    _check_forms_unique([(t.position, t.abbreviation, (t.abbreviation,) + t.variants) for t in terms], "term")
    _check_forms_unique([(p.position, p.id, p.variants) for p in places], "place")
    return Registers(persons, terms, places)


def _tables(path: Path, fields: dict[str, str], required: tuple[str, ...]):
    toml = read_toml(path)
    key_shape = ABBREVIATION if fields is TERM_FIELDS else SLUG
    for key, table in toml.data.items():
        at = toml.table(key)
        if not isinstance(table, dict):
            raise EditionError(SourcePosition(path, toml.line_of((key,))),
                               f"'{key}' must be a table: [{key}] followed by its fields")
        if not key_shape.match(key):
            shape = ("letters, digits, spaces and . / & ' -" if key_shape is ABBREVIATION
                     else "lowercase letters, digits and single hyphens (it becomes a file name)")
            raise EditionError(at, f"the key [{key}] must be {shape}")
        unknown = set(table) - set(fields)
        if unknown:
            raise EditionError(at, f"unknown field(s) {', '.join(sorted(unknown))} in [{key}]; "
                                   f"the fields are listed at the top of {path.name}")
        for name in required:
            if not table.get(name):
                raise EditionError(at, f"[{key}] needs '{name}'")
        for name, value in table.items():
            problem = _shape_problem(fields[name], value)
            if problem:
                line = toml.line_of((key, name))
                raise EditionError(SourcePosition(path, line), f"'{name}' of [{key}] {problem}")
        if fields is PERSON_FIELDS and table["kind"] not in PERSON_KINDS:
            raise EditionError(SourcePosition(path, toml.line_of((key, "kind"))),
                               f"'kind' of [{key}] must be one of: {', '.join(PERSON_KINDS)}")
        yield key, table, at


def _shape_problem(shape: str, value) -> str:
    """What is wrong with a register value of this shape ("" when nothing is)."""
    if shape == "text":
        return "" if isinstance(value, str) else "must be a string in double quotes"
    if shape == "year":
        ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 2100
        return "" if ok else "must be a year written as a number, e.g. born = 1912"
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return 'must be a list of strings, e.g. ["a", "b"]'
    if shape == "forms":
        for form in value:
            if visible_length(form) < 2 or form != form.strip():
                return (f"holds the form “{form}”: a name form has two characters or more and no spaces "
                        "around it (a shorter one would be found inside other words)")
    if shape == "sources":
        for source in value:
            if source.startswith(("http:", "https:")) and not URL.match(source):
                return f"holds the address “{source}”, which has a space or one of < > \" ' ` {{ }} | \\ ^ [ ]"
            if not source.strip():
                return "holds an empty source"
    return ""


def _person(key: str, t: dict, at: SourcePosition) -> Person:
    return Person(key, t["name"], t.get("sort", t["name"]), tuple(t["variants"]),
                  tuple(t.get("ambiguous_short", ())),
                  t.get("role_1949_50") or t.get("role_in_texts") or t.get("cited_for", ""),
                  t["kind"], tuple(t["sources"]), at, t.get("born"), t.get("died"),
                  tuple(t.get("other_romanisations", ())), t.get("note", ""))


def _term(key: str, t: dict, at: SourcePosition) -> Term:
    return Term(key, t.get("expansion", ""), t["gloss"], tuple(t.get("variants", ())), tuple(t["sources"]), at)


def _place(key: str, t: dict, at: SourcePosition) -> Place:
    return Place(key, t["name"], tuple(t["variants"]), t["gloss"], tuple(t["sources"]), at)


def visible_length(form: str) -> int:
    """The characters of a form that show: not white space, not format characters (zero-width
    joiners and spaces, bidirectional marks: Unicode category Cf), not combining marks alone."""
    return sum(1 for char in unicodedata.normalize("NFC", form)
               if not char.isspace() and unicodedata.category(char) not in ("Cf", "Mn", "Me"))


def _check_forms_unique(entries, kind: str) -> None:
    """A form belongs to one entry, compared as a reader sees it: in one Unicode normal form
    (NFC), so that "Lê" written precomposed and with a combining accent is one form."""
    owner: dict[str, str] = {}
    for at, key, forms in entries:
        for form in forms:
            seen = unicodedata.normalize("NFC", form)
            if seen in owner and owner[seen] != key:
                raise EditionError(at, f"the name form “{form}” is claimed by {kind}s '{owner[seen]}' and "
                                       f"'{key}'; a form may belong to one {kind} only")
            owner[seen] = key
