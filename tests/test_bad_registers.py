"""Bad register data stops the build with the line: an entry defined twice, a name
form claimed by two persons, a missing field."""
from __future__ import annotations

import re

import pytest

from breaking import append, edit, expect_error, line_of

PERSONS = "sources/persons.toml"
TERMS = "sources/terms.toml"


def test_person_defined_twice(project):
    line = append(project, PERSONS, '[stalin]\nname = "Stalin again"\n')
    expect_error(project, f"{PERSONS}:{line}", r"Cannot declare \('stalin',\) twice; each entry is defined once")


def test_term_defined_twice(project):
    line = append(project, TERMS, '["KPA"]\ngloss = "again"\nsources = ["x"]\n')
    expect_error(project, f"{TERMS}:{line}", r"Cannot declare \('KPA',\) twice")


def test_alias_claimed_by_two_persons(project):
    edit(project, PERSONS, 'variants = ["Mao Zedong", "Mao"]', 'variants = ["Mao Zedong", "Mao", "Filippov"]')
    # Reported at the variants line of the entry that claims it second.
    stalin = line_of(project, PERSONS, 'variants = ["Stalin", "Comrade Stalin", "Filippov"')
    mao = line_of(project, PERSONS, 'variants = ["Mao Zedong", "Mao", "Filippov"]')
    expect_error(project, f"{PERSONS}:{max(stalin, mao)}", "the name form “Filippov” is claimed by persons")


def test_person_without_variants(project):
    edit(project, PERSONS, 'variants = ["Mao Zedong", "Mao"]', 'variants = []')
    expect_error(project, f"{PERSONS}:{line_of(project, PERSONS, '[mao-zedong]')}", r"\[mao-zedong\] needs 'variants'")


def test_unknown_register_field(project):
    edit(project, PERSONS, 'variants = ["Mao Zedong", "Mao"]', 'variants = ["Mao Zedong", "Mao"]\nnickname = "Chairman"')
    expect_error(project, f"{PERSONS}:{line_of(project, PERSONS, 'nickname =')}", "unknown field 'nickname' in \\[mao-zedong\\]")


PAGES = "sources/web-pages.toml"


def test_page_title_of_an_address_no_register_cites(project):
    """A title recorded for an address the registers do not write (a typo in either) would
    never be shown: refused at its record."""
    edit(project, PAGES, 'url = "https://www.britannica.com/biography/Zhou-Enlai"',
         'url = "https://www.britannica.com/biography/Zhou-En-lai"')
    line = line_of(project, PAGES, "Zhou-En-lai") - 1
    expect_error(project, f"{PAGES}:{line}", "no register cites https://www.britannica.com/biography/Zhou-En-lai; "
                                              "write the address exactly as persons.toml")


def test_a_register_address_written_with_http_is_reported_at_the_register(project):
    """The register's address is the mistake, not the title recorded for its https form."""
    edit(project, PERSONS, '"https://www.britannica.com/biography/Zhou-Enlai"',
         '"http://www.britannica.com/biography/Zhou-Enlai"')
    line = line_of(project, PERSONS, '"http://www.britannica.com/biography/Zhou-Enlai"')
    expect_error(project, f"{PERSONS}:{line}", "http://www.britannica.com/biography/Zhou-Enlai is not an https "
                                               "address; write the page's https:// address")


def test_page_title_recorded_twice(project):
    line = append(project, PAGES, '[[page]]\nurl = "https://www.britannica.com/biography/Zhou-Enlai"\n'
                                  'title = "Zhou Enlai again"\nchecked = "2026-12-07"\n')
    first = line_of(project, PAGES, 'url = "https://www.britannica.com/biography/Zhou-Enlai"') - 1
    expect_error(project, f"{PAGES}:{line}", f"recorded twice \\(first at line {first}\\)")


def test_page_title_that_readings_record(project):
    """One address, one title: the reading's, when readings.toml records one."""
    url = "https://digitalarchive.wilsoncenter.org/document/114898"
    line = append(project, PAGES, f'[[page]]\nurl = "{url}"\ntitle = "Telegram"\nchecked = "2026-12-07"\n')
    expect_error(project, f"{PAGES}:{line}", f"readings.toml records the title of {url}")


def test_page_title_misspelt_header_and_missing_date(project):
    line = append(project, PAGES, '[[pages]]\nurl = "x"\n')
    expect_error(project, f"{PAGES}:{line}", r"unknown table or key 'pages' in web-pages.toml")
    edit(project, PAGES, '[[pages]]\nurl = "x"\n', "")
    edit(project, PAGES, 'title = "Zhou Enlai"\nchecked = "2026-12-07"', 'title = "Zhou Enlai"')
    line = line_of(project, PAGES, 'url = "https://www.britannica.com/biography/Zhou-Enlai"') - 1
    expect_error(project, f"{PAGES}:{line}", r"\[\[page\]\] needs 'checked'")


CWIHP = '["CWIHP"]'


def test_a_register_source_citing_a_note_the_text_lacks(project):
    edit(project, TERMS, 'sources = ["Kim 2016, n. 39", "Kissinger 2011, n. 21"]',
         'sources = ["Kim 2016, n. 39", "Kissinger 2011, nn. 21, 340"]')
    expect_error(project, f"{TERMS}:{line_of(project, TERMS, CWIHP)}",
                 "the source “Kissinger 2011, nn. 21, 340” cites note 340, but Kissinger 2011 has notes 18–33; "
                 "write the note that states the fact")


def test_a_register_source_naming_no_text(project):
    edit(project, TERMS, 'sources = ["Kim 2016, n. 39", "Kissinger 2011, n. 21"]',
         'sources = ["Kim 2061, n. 39", "Kissinger 2011, n. 21"]')
    expect_error(project, f"{TERMS}:{line_of(project, TERMS, CWIHP)}",
                 "the source “Kim 2061, n. 39” names no text of the edition; the texts are Kim 2016, Kissinger 2011")


@pytest.mark.parametrize("written, message", [
    ("Kim (2016), n. 39", "names a note of Kim 2016 in another form; write it as “Kim 2016, n. 7”"),
    ("Kim 2016 n. 39", "names a note of Kim 2016 in another form"),
    ("Kim 2016, note 39", "names a note as “note”; write “n. 7” or “nn. 7–8”")])
def test_a_register_source_naming_a_note_in_another_form(project, written, message):
    """Written otherwise than "Kim 2016, n. 39", the note numbers would go unchecked."""
    edit(project, TERMS, 'sources = ["Kim 2016, n. 39", "Kissinger 2011, n. 21"]',
         f'sources = ["{written}", "Kissinger 2011, n. 21"]')
    expect_error(project, f"{TERMS}:{line_of(project, TERMS, CWIHP)}", re.escape(f"the source “{written}” ") + message)


@pytest.mark.parametrize("day, message", [("2026-02-31", "must be a real date, as YYYY-MM-DD .*, not '2026-02-31'"),
                                          ("2099-12-07", "is '2099-12-07', which lies in the future")])
def test_page_title_checked_on_no_real_day(project, day, message):
    edit(project, PAGES, 'title = "Zhou Enlai"\nchecked = "2026-12-07"', f'title = "Zhou Enlai"\nchecked = "{day}"')
    line = line_of(project, PAGES, f'checked = "{day}"')
    expect_error(project, f"{PAGES}:{line}", f"'checked' of \\[\\[page\\]\\] {message}")


def test_born_after_died(project):
    """The page would print “1995–1994”."""
    edit(project, PERSONS, "born = 1912\ndied = 1994", "born = 1995\ndied = 1994")
    expect_error(project, f"{PERSONS}:{line_of(project, PERSONS, 'born = 1995')}",
                 r"'born' \(1995\) of \[kim-il-sung\] is after 'died' \(1994\); correct one of them")


@pytest.mark.parametrize("relative, old, new, where, message", [
    (PERSONS, 'variants = ["Kim Il"]', 'variants = ["Kim Il", "Kim Il"]', 'variants = ["Kim Il", "Kim Il"]',
     r"'variants' of \[kim-il\] lists “Kim Il” twice; keep one"),
    (PERSONS, 'sources = ["Kim 2016, text at nn. 14–15"]', 'sources = ["Kim 2016, text at nn. 14–15", '
     '"Kim 2016, text at nn. 14–15"]', 'sources = ["Kim 2016, text at nn. 14–15", ',
     r"'sources' of \[kim-il\] lists “Kim 2016, text at nn. 14–15” twice; keep one"),
    ("sources/notes/kissinger-2011.toml", 'cites = ["shen-forthcoming-mao-zedong", "doc-1950-05-14-stalin-mao"]',
     'cites = ["shen-forthcoming-mao-zedong", "shen-forthcoming-mao-zedong"]', '"shen-forthcoming-mao-zedong"]',
     "'cites' of note 31 .* lists “shen-forthcoming-mao-zedong” twice; keep one"),
])
def test_an_item_listed_twice(project, relative, old, new, where, message):
    """A list is printed as written: an item copied twice was shown twice on the page."""
    edit(project, relative, old, new)
    expect_error(project, f"{relative}:{line_of(project, relative, where)}", message)


def test_a_related_place_that_is_not_in_the_register(project):
    """No page prints `related` yet: a misspelt key would have stood unnoticed."""
    places = "sources/places.toml"
    edit(project, places, 'related = ["naktong-river", "pusan", "taegu"]', 'related = ["naktong-rivr", "pusan", "taegu"]')
    expect_error(project, f"{places}:{line_of(project, places, 'naktong-rivr')}",
                 r"'related' of \[pusan-perimeter\] names 'naktong-rivr', which is no place of places.toml")
