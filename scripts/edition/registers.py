"""The registers in sources/: persons, terms (abbreviations) and places.

Curated data, facts only, each entry with its sources. Checked at every build: an
entry defined twice, a name form claimed by two entries, or a missing field stops
the build with the line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import EditionError, SourcePosition
from .sourcefile import read_toml

PERSON_FIELDS = {"name", "sort", "variants", "ambiguous_short", "title_forms", "other_romanisations",
                 "born", "died", "dates_note", "role_1949_50", "role_in_texts", "cited_for", "kind",
                 "note", "sources"}
TERM_FIELDS = {"expansion", "expanded_in", "variants", "gloss", "note", "sources"}
PLACE_FIELDS = {"name", "variants", "title_forms", "gloss", "note", "sources", "related"}


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    sort: str
    variants: tuple[str, ...]
    ambiguous: tuple[str, ...]      # bare forms ("Kim"): counted as mentions in running text, never linked
    role: str
    kind: str
    sources: tuple[str, ...]
    position: SourcePosition
    born: int | None = None
    died: int | None = None
    other_romanisations: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Term:
    abbreviation: str
    expansion: str
    gloss: str
    variants: tuple[str, ...]
    sources: tuple[str, ...]
    position: SourcePosition


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    variants: tuple[str, ...]
    gloss: str
    sources: tuple[str, ...]
    position: SourcePosition


@dataclass(frozen=True)
class Registers:
    persons: tuple[Person, ...]
    terms: tuple[Term, ...]
    places: tuple[Place, ...]


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


def _tables(path: Path, fields: set[str], required: tuple[str, ...]):
    toml = read_toml(path)
    for key, table in toml.data.items():
        at = toml.table(key)
        unknown = set(table) - fields
        if unknown:
            raise EditionError(at, f"unknown field(s) {', '.join(sorted(unknown))} in [{key}]; "
                                   f"the fields are listed at the top of {path.name}")
        for name in required:
            if not table.get(name):
                raise EditionError(at, f"[{key}] needs '{name}'")
        yield key, table, at


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


def _check_forms_unique(entries, kind: str) -> None:
    owner: dict[str, str] = {}
    for at, key, forms in entries:
        for form in forms:
            if form in owner and owner[form] != key:
                raise EditionError(at, f"the name form “{form}” is claimed by {kind}s '{owner[form]}' and "
                                       f"'{key}'; a form may belong to one {kind} only")
            owner[form] = key
