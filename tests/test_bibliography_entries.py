"""sources/bibliography.bib says only what the notes say: page ranges, issue numbers,
creators' roles and the editorial notes are checked against the notes themselves."""
from __future__ import annotations

import csv
import re
from dataclasses import replace

import pytest

from support import ROOT

from edition.load.bibliography.parse import parse_bibliography
from edition.load.corrections import load_corrections
from edition.load.manifest import load_manifest
from edition.load.readers import READERS
from edition.model.inlines import plain_text

RANGE = re.compile(r"\d+[–-]\d+")


@pytest.fixture(scope="module")
def entries():
    return {e.key: e for e in parse_bibliography(ROOT / "sources/bibliography.bib")}


@pytest.fixture(scope="module")
def note_texts():
    """The words of every note of every text (read by the readers alone: no policy, no resolver)."""
    sources = ROOT / "sources"
    corrections = load_corrections(sources / "corrections.toml")
    found = {}
    for meta in load_manifest(sources, READERS):
        for note in READERS[meta.reader](meta, corrections).notes:
            found[(meta.id, note.number)] = plain_text(note.inlines + note.identification)
    return found


RANGE_FIELDS = ("pages", "volume", "number")


def ranges_in_no_note(entries, note_texts) -> list[tuple[str, str, str]]:
    """(key, field, range) for every page range an entry gives that no note prints."""
    every_note = "\n".join(note_texts.values())
    return [(entry.key, name, found) for entry in entries.values() for name in RANGE_FIELDS
            for found in RANGE.findall(entry.get(name)) if found not in every_note]


def test_every_page_range_in_an_entry_appears_in_some_note(entries, note_texts):
    assert ranges_in_no_note(entries, note_texts) == []


def test_the_range_check_catches_a_range_no_note_prints(entries, note_texts):
    """The check above passes on the real file only because it finds nothing wrong, not because
    it finds nothing: a range promoted into an entry is reported unless a note prints it."""
    real = entries["kim-2011-stalins-korean"]
    def with_pages(pages):
        return {real.key: replace(real, fields={**real.fields, "pages": pages})}
    assert ranges_in_no_note(with_pages("89–114"), note_texts) == []          # n. 14 prints it
    assert ranges_in_no_note(with_pages("90–113"), note_texts) == [(real.key, "pages", "90–113")]


def test_pinpoints_stay_with_the_citations_not_the_entries(entries):
    """Ranges the notes give as the pages they cite are pinpoints of those citations."""
    with (ROOT / "tests/data/expected-citations.tsv").open(encoding="utf-8") as rows:
        cited = {(r["key"], r["pinpoint"]) for r in csv.DictReader(rows, delimiter="\t")}
    for key, pages in (("kim-2011-stalins-korean", "89–114"), ("kim-2012-prelude-war", "227–44"),
                       ("qing-2012-us-china-confrontation", "93–118"), ("yang-2006-xinzhongguo-zhenya", "45–61")):
        assert not entries[key].get("pages"), key
        assert (key, pages) in cited, key


def test_issue_numbers_are_not_volumes(entries, note_texts):
    for key, number in (("hao-1990-chinas-decision", "121"), ("wang-2013-liu-shaoqi", "11"),
                        ("yang-2006-xinzhongguo-zhenya", "1")):
        assert entries[key].get("number") == number and not entries[key].get("volume"), key
    assert entries["foot-1991-making-known"].get("volume") == "15"   # "15, no. 3": a volume and an issue
    assert "Diplomatic History 15, no. 3 (1991)" in note_texts[("kim-2016", 1)]


def test_no_creator_role_the_note_does_not_state(entries, note_texts):
    assert not entries["cia-1950-communist-chinas"].get("author")          # "CIA Intelligence Report"
    assert entries["cia-1950-communist-chinas"].get("institution") == "CIA"
    assert not entries["yang-2002-changes-mao"].get("institution")         # CWIHP is the series
    assert "Cold War International History Project Working Paper 34" in note_texts[("kim-2016", 39)]
    for key, entry in entries.items():   # an editor or translator is one the notes call so
        for role, mark in (("editor", r"\bed(s)?\.|edited by"), ("translator", r"\btrans\.|translated by")):
            for name in re.split(r"\s+and\s+", entry.get(role)) if entry.get(role) else ():
                surname = name.replace("{", "").replace("}", "").split(",")[0].split()[-1 if "," not in name else 0]
                assert any(surname in t and re.search(mark, t) for t in note_texts.values()) or role == "translator" \
                    and "Rozas" in name, (key, role, name)


def test_editorial_notes_quote_the_notes_they_describe(entries, note_texts):
    """An entry's `note` that says "Kim (2016) n. N ... 'words'" quotes words that are in note N."""
    checked = 0
    for key, entry in entries.items():
        for numbers, clause in re.findall(r"Kim \(2016\) nn?\. ([\d, –and]+?) (?:introduces|spells|cites|states|"
                                          r"dates)([^;]*)", entry.get("note")):
            cited = [int(n) for n in re.findall(r"\d+", numbers)]
            for quoted in re.findall(r"(?<=[\s(])'([^']+?)'(?=[\s.,;:)]|$)", clause):
                checked += 1
                assert any(quoted in note_texts[("kim-2016", n)] for n in cited), (key, quoted, cited)
    assert checked >= 5
