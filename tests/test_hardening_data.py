"""No silent damage to data: what would cut a value, hide in it, reverse it on a page, or
make two names that look the same count as two, is refused with `path:line`, exit 1, no
traceback, docs/ and site/ as they were."""
from __future__ import annotations

import unicodedata

import pytest
from breaking import MANIFEST, edit, expect_error, line_of

BIB = "sources/bibliography.bib"
PERSONS = "sources/persons.toml"


@pytest.mark.parametrize("broken", ["{Telegram from Roshchin}} to Stalin}", "{Telegram from Roshchin to Stalin}}"])
def test_a_stray_brace_that_ends_an_entry_early_is_refused(project, broken):
    edit(project, BIB, "title = {Telegram from Roshchin to Stalin},", f"title = {broken},")
    line = line_of(project, BIB, f"title = {broken}")
    expect_error(project, f"{BIB}:{line}", "stands outside any entry: a '}' in the entry above closes it early")


@pytest.mark.parametrize("char", ["\x1b", "\x00", "\x07", "\u202e", "\u2066"])
def test_a_control_or_bidirectional_character_in_a_bibtex_field_is_refused(project, char):
    edit(project, BIB, "title = {Telegram from Roshchin to Stalin},", f"title = {{Telegram from Roshchin{char} to Stalin}},")
    line = line_of(project, BIB, "title = {Telegram from Roshchin")
    expect_error(project, f"{BIB}:{line}", rf"field 'title' of '.*' holds the invisible character U\+{ord(char):04X}")


@pytest.mark.parametrize("written", ["\u202e", "\\u202E", "\u200f", "\\u2067"])
def test_a_bidirectional_control_in_a_register_is_refused(project, written):
    edit(project, PERSONS, 'name = "Joseph Stalin"', f'name = "Joseph {written}Stalin"')
    line = line_of(project, PERSONS, 'name = "Joseph ')
    expect_error(project, f"{PERSONS}:{line}", r"'stalin.name' contains the invisible bidirectional control U\+")


@pytest.mark.parametrize("form", ["\u200d\u200d", "\u200b\u200c\u200d", "S\u200d", "\u0301\u0301"])
def test_a_name_form_that_shows_fewer_than_two_characters_is_refused(project, form):
    edit(project, PERSONS, 'variants = ["Stalin",', f'variants = ["{form}", "Stalin",')
    line = line_of(project, PERSONS, f'variants = ["{form}"')
    expect_error(project, f"{PERSONS}:{line}", "'variants' of \\[stalin\\] holds the form .*: a name form has two "
                                               "characters or more")


def test_the_same_visible_form_in_two_unicode_forms_belongs_to_one_person(project):
    composed = unicodedata.normalize("NFC", "Lê Stalin")
    decomposed = unicodedata.normalize("NFD", "Lê Stalin")
    assert composed != decomposed
    edit(project, PERSONS, 'variants = ["Stalin",', f'variants = ["{composed}", "Stalin",')
    text = (project / PERSONS).read_text(encoding="utf-8")
    start = text.index("[kim-il-sung]")
    variants = text.index("variants = [", start)
    (project / PERSONS).write_text(text[:variants] + f'variants = ["{decomposed}", ' + text[variants + len("variants = ["):],
                                   encoding="utf-8")
    line = line_of(project, PERSONS, "[stalin]")   # the second to claim it
    expect_error(project, f"{PERSONS}:{line}", "the name form “.*” is claimed by persons 'kim-il-sung' and "
                                               "'stalin'; a form may belong to one person only")


@pytest.mark.parametrize("year", ["-44", "99999999999999999999", "0", "3000", "true"])
def test_an_impossible_publication_year_is_refused(project, year):
    edit(project, MANIFEST, "year = 2016", f"year = {year}")
    line = line_of(project, MANIFEST, 'id = "kim-2016"') - 1   # its [[text]]
    expect_error(project, f"{MANIFEST}:{line}", "year must be the year the text was published, a number from 1450 to 2100")
