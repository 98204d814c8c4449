"""TOML the parser refuses stops the build at the line of the mistake, which is not always
where the parser gave up, with what to do about it."""
from __future__ import annotations

import pytest

from breaking import edit, expect_error, line_of

PERSONS = "sources/persons.toml"
PLACES = "sources/places.toml"
MAP = "sources/citation-map.toml"
PAGES = "sources/web-pages.toml"
NOTES = "sources/notes/kissinger-2011.toml"


def test_a_list_left_open_runs_into_the_next_line(project):
    """The parser stops at the next key; the missing ] is on the line before."""
    edit(project, PLACES, 'variants = ["Pusan"]', 'variants = ["Pusan"')
    line = line_of(project, PLACES, 'variants = ["Pusan"')
    expect_error(project, f"{PLACES}:{line}", f"not valid TOML: the list of 'variants' is never closed, so it runs "
                                              f"on into line {line + 1}; end it with \\]")


def test_a_list_left_open_at_the_end_of_the_file(project):
    """The parser said "at end of document", and the message had no line at all."""
    path = project / PERSONS
    text = path.read_text(encoding="utf-8").rstrip()
    assert text.endswith('"]')
    path.unlink()
    path.write_text(text[:-1] + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    expect_error(project, f"{PERSONS}:{line}", "the list of 'sources' is never closed, before the end of the file")


def test_a_list_across_lines_left_open(project):
    edit(project, MAP, '  { key = "shen-2003-mao-zedong", relation = "origpubas" },\n]\n',
         '  { key = "shen-2003-mao-zedong", relation = "origpubas" },\n')
    opened = line_of(project, MAP, 'starts = "Shen Zhihua') + 1
    expect_error(project, f"{MAP}:{opened}", "the list of 'cites' is never closed, so it runs on into line")


def test_a_comma_missing_after_an_item_of_a_list_across_lines(project):
    edit(project, MAP, 'pinpoint = "Chapter 6" },', 'pinpoint = "Chapter 6" }')
    line = line_of(project, MAP, 'pinpoint = "Chapter 6" }')
    expect_error(project, f"{MAP}:{line}", f"the list item on this line has no comma after it \\(the next item is on "
                                           f"line {line + 1}\\); separate the list's items with commas")


@pytest.mark.parametrize("old, new, message", [
    ('name = "Naktong River"', 'name = "Naktong River', r"Illegal character .* add its closing quote"),
    ('name = "Naktong River"', "name = Naktong River", r"Invalid value \(column 8\); write text between double quotes"),
    ('name = "Naktong River"', 'name = "Naktong River",', "or something follows the value on its line"),
    ('variants = ["Naktong River"]', 'variants ["Naktong River"]', "Expected '=' after a key .*; write key = "),
    ("[naktong-river]", "[naktong river]", r"written in quotes, \[\"CC CCP\"\]"),
])
def test_what_the_parser_says_comes_with_what_to_do(project, old, new, message):
    edit(project, PLACES, old, new)
    expect_error(project, f"{PLACES}:{line_of(project, PLACES, new)}", f"not valid TOML: .*{message}")


@pytest.mark.parametrize("relative, header, which", [
    (PAGES, "page", "first"), (PAGES, "page", "last"), (NOTES, "note", "first"), (NOTES, "note", "last"),
])
def test_a_table_header_written_with_single_brackets(project, relative, header, which):
    """The parser said "Cannot overwrite a value" at the next header (or "Cannot declare twice;
    merge the two" at this one): the single brackets are the mistake."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    at = text.find(f"\n[[{header}]]\n") if which == "first" else text.rfind(f"\n[[{header}]]\n")
    path.unlink()
    path.write_text(text[:at + 1] + f"[{header}]" + text[at + len(header) + 5:], encoding="utf-8")
    line = text[:at + 1].count("\n") + 1
    expect_error(project, f"{relative}:{line}", f"\\[{header}\\] is written with single brackets, but the file's "
                                                f"{header} tables are each under a \\[\\[{header}\\]\\] header")
