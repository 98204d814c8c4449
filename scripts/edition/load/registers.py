"""The registers in sources/: persons, terms (abbreviations) and places, and the titles of
the web pages they cite (web-pages.toml).

Curated data, facts only, each entry with its sources. Checked at every build: an
entry defined twice, a name form claimed by two entries, or a missing field stops
the build with the line.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import EditionError
from ..model.registers import Person, Place, Registers, Term, WebPage
from .file_names import check_file_names
from .fields import (URL, Field, check_table, filled, forms, iso_day, matching, one_of, only_tables, sources, strings,
                     text, year)
from .sourcefile import TomlFile, read_toml

# The fields of each register, declared once (fields.py checks them): "forms" are the name
# forms the matcher looks for; "sources" are references or http(s) addresses.
PERSON_FIELDS = {"name": Field(filled, True), "sort": Field(text), "variants": Field(forms, True),
                 "ambiguous_short": Field(forms), "title_forms": Field(forms),
                 "other_romanisations": Field(strings), "born": Field(year), "died": Field(year),
                 "dates_note": Field(text), "role_1949_50": Field(text), "role_in_texts": Field(text),
                 "cited_for": Field(text), "kind": Field(one_of("actor", "historian", "translator/editor"), True),
                 "note": Field(text), "sources": Field(sources, True)}
TERM_FIELDS = {"expansion": Field(text), "expanded_in": Field(text), "variants": Field(forms),
               "gloss": Field(filled, True), "note": Field(text), "sources": Field(sources, True)}
PLACE_FIELDS = {"name": Field(filled, True), "variants": Field(forms, True), "title_forms": Field(forms),
                "gloss": Field(filled, True), "note": Field(text), "sources": Field(sources, True),
                "related": Field(strings)}
PAGE_FIELDS = {"url": Field(matching(URL, "must be the page's address, as the registers write it"), True),
               "title": Field(filled, True),
               "checked": Field(iso_day("the date the stored copy was read"), True)}
# Keys: persons and places become file names and anchors; terms are abbreviations.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ABBREVIATION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./&'-]*$")


def load_registers(sources: Path) -> Registers:
    persons, person_forms = _read(sources / "persons.toml", PERSON_FIELDS, _person, ("variants", "ambiguous_short"))
    terms, term_forms = _read(sources / "terms.toml", TERM_FIELDS, _term, ("variants",), key_is_a_form=True)
    places, place_forms = _read(sources / "places.toml", PLACE_FIELDS, _place, ("variants",))
    check_file_names("people", [(p.id, p.position) for p in persons], "person")
    _check_forms_unique(person_forms, "person")
    _check_forms_unique(term_forms, "term")
    _check_forms_unique(place_forms, "place")
    cited = {source for entry in persons + terms + places for source in entry.sources}
    return Registers(persons, terms, places, _web_pages(sources / "web-pages.toml", cited))


# A reference to a text: its short name and year, then where ("Kim 2016, text at nn. 7, 25").
TEXT_REFERENCE = re.compile(r"^(?P<text>[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* \d{4}),")
NOTE_NUMBERS = re.compile(r"\bnn?\.\s*(?P<numbers>\d+(?:\s*(?:[-–,]|and)\s*\d+)*)")
NOTE_WORD = re.compile(r"\bnotes?\s+\d")                  # "note 7": not the form NOTE_NUMBERS checks
NAMES_A_NOTE = re.compile(r"\b(?:nn?\.|notes?)\s*\d")


def check_text_references(registers: Registers, metas) -> None:
    """A register's reference to a text names one of the edition's texts, and notes it has:
    "Kim 2016, n. 340" or "Kim 2061, n. 34" would send a reader to nothing."""
    texts = {meta.short: meta for meta in metas}
    for entry in registers.persons + registers.terms + registers.places:
        for source in entry.sources:
            found = TEXT_REFERENCE.match(source)
            if not found:
                refuse_other_form(entry, source, texts)
                continue
            if NOTE_WORD.search(source):
                raise EditionError(entry.position, f"the source “{source}” names a note as “note”; write “n. 7” "
                                                   "or “nn. 7–8”, so that the build can check the numbers")
            meta = texts.get(found["text"])
            if meta is None:
                raise EditionError(entry.position, f"the source “{source}” names no text of the edition; "
                                                   f"the texts are {', '.join(sorted(texts))}")
            for run in NOTE_NUMBERS.finditer(source):
                for number in map(int, re.findall(r"\d+", run["numbers"])):
                    if not meta.has_note(number):
                        raise EditionError(entry.position, f"the source “{source}” cites note {number}, but "
                                                           f"{meta.short} has notes {meta.note_range}; "
                                                           "write the note that states the fact")


def refuse_other_form(entry, source: str, texts: dict) -> None:
    """A reference to one of the texts' notes written in another form ("Kim (2016), n. 7",
    "Kim 2016 n. 7") would go unchecked: it is refused, with the form to write."""
    if not NAMES_A_NOTE.search(source):   # most sources are addresses: no text asked about
        return
    for short in texts:
        named = re.fullmatch(r"(.+) (\d{4})", short)   # "Kim 2016": its author and year
        if named and re.match(rf"{re.escape(named[1])}\s*\(?{named[2]}\)?(?!,)", source):
            raise EditionError(entry.position, f"the source “{source}” names a note of {short} in another form; "
                                               f"write it as “{short}, n. 7” (or “{short}, text at n. 7”)")


def check_page_titles(registers: Registers, readings) -> None:
    """A page's title is recorded in one place: an address whose reading records its title
    (sources/readings.toml) has no record in web-pages.toml."""
    recorded = {r.url: r for r in readings if r.url and r.title}
    for page in registers.pages:
        if page.url in recorded:
            raise EditionError(page.position, f"readings.toml records the title of {page.url} (line "
                                              f"{recorded[page.url].position.line}); remove this record")


def _web_pages(path: Path, cited: set[str]) -> tuple[WebPage, ...]:
    """The recorded titles (none without the file), each of an address a register cites,
    each address once."""
    if not path.is_file():
        return ()
    pages: dict[str, WebPage] = {}
    toml = read_toml(path)
    for index, (_, at) in enumerate(only_tables(toml, "page")):
        table = check_table(toml, ("page", index), PAGE_FIELDS, "[[page]]", f"the fields are listed at the top of {path.name}")
        url = table["url"]
        if url in pages:
            raise EditionError(at, f"{url} is recorded twice (first at line {pages[url].position.line}); "
                                   "keep one record")
        # A register that writes the address with http:// is the mistake, not this record: the
        # source policy's check (check_sources) then says so at the register's line.
        if url not in cited and not any(c.partition("://")[2] == url.partition("://")[2]
                                        and not c.startswith("https://") for c in cited):
            raise EditionError(at, f"no register cites {url}; write the address exactly as persons.toml, "
                                   "terms.toml or places.toml write it, or remove the record")
        pages[url] = WebPage(url, table["title"], at)
    return tuple(pages.values())


def _read(path: Path, fields: dict[str, Field], make, form_fields: tuple[str, ...], key_is_a_form: bool = False):
    """The register's entries, and each entry's name forms with the line that writes them
    (the key's, for a term's abbreviation), for the check that a form has one owner."""
    entries, forms = [], []
    for key, table, at, toml in _tables(path, fields):
        entries.append(make(key, table, toml))
        written = [(key, at)] if key_is_a_form else []
        written += [(form, toml.at(key, field)) for field in form_fields for form in table.get(field, ())]
        forms.append((key, written))
    return tuple(entries), forms


def _tables(path: Path, fields: dict[str, Field]):
    toml = read_toml(path)
    key_shape = ABBREVIATION if fields is TERM_FIELDS else SLUG
    for key in toml.data:
        at = toml.at(key)
        if not key_shape.match(key):
            shape = ("letters, digits, spaces and . / & ' -" if key_shape is ABBREVIATION
                     else "lowercase letters, digits and single hyphens (it becomes a file name)")
            raise EditionError(at, f"the key [{key}] must be {shape}")
        table = check_table(toml, (key,), fields, f"[{key}]", f"the fields are listed at the top of {path.name}")
        yield key, table, at, toml


def _person(key: str, t: dict, toml: TomlFile) -> Person:
    born, died = t.get("born"), t.get("died")
    if born is not None and died is not None and born > died:   # the page would print "1995–1994"
        raise EditionError(toml.at(key, "born"), f"'born' ({born}) of [{key}] is after 'died' ({died}); "
                                                 "correct one of them")
    return Person(key, t["name"], t.get("sort", t["name"]), tuple(t["variants"]),
                  tuple(t.get("ambiguous_short", ())),
                  t.get("role_1949_50") or t.get("role_in_texts") or t.get("cited_for", ""),
                  t["kind"], tuple(t["sources"]), toml.at(key), born, died,
                  tuple(t.get("other_romanisations", ())), t.get("note", ""), t.get("dates_note", ""))


def _term(key: str, t: dict, toml: TomlFile) -> Term:
    return Term(key, t.get("expansion", ""), t["gloss"], tuple(t.get("variants", ())), tuple(t["sources"]),
                toml.at(key))


def _place(key: str, t: dict, toml: TomlFile) -> Place:
    # No page prints `related` yet: a misspelt key would stand unnoticed until one does.
    for other in t.get("related", ()):
        if other not in toml.data or other == key:
            what = "this place itself" if other == key else "no place of places.toml"
            raise EditionError(toml.at(key, "related"), f"'related' of [{key}] names '{other}', which is {what}; "
                                                        "write the key of another [place] of the file")
    return Place(key, t["name"], tuple(t["variants"]), t["gloss"], tuple(t["sources"]), toml.at(key))


def _check_forms_unique(entries, kind: str) -> None:
    """A form belongs to one entry, compared as a reader sees it: "é" composed (NFC) or
    written as e + U+0301 (NFD) is the same form, and so is "KIM" beside "Kim"."""
    owner: dict[str, tuple[str, str]] = {}
    for key, written in entries:
        for form, at in written:
            seen = unicodedata.normalize("NFC", form).casefold()
            if seen in owner and owner[seen][0] != key:
                first_key, first_form = owner[seen]
                same = "" if first_form == form else f" (as “{first_form}”, the same form in another case or Unicode form)"
                raise EditionError(at, f"the name form “{form}” is claimed by {kind}s '{first_key}'{same} and "
                                       f"'{key}'; a form may belong to one {kind} only")
            owner.setdefault(seen, (key, form))
