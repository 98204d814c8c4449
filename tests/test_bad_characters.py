"""Silent damage refused: a stray brace that ends a BibTeX entry early, and characters no
source needs (controls, bidirectional overrides) in any source file, each with path:line."""
from __future__ import annotations

import re

import pytest

from breaking import edit, expect_error, line_of

BIB = "sources/bibliography.bib"
TITLE = "  title = {China's Road to the Korean War: The Making of the Sino-American Confrontation},"


def test_a_stray_brace_that_ends_an_entry_early(project):
    line = line_of(project, BIB, TITLE)
    edit(project, BIB, TITLE, "  title = {China's Road} to the Korean War: The Making of the Sino-American Confrontation},")
    expect_error(project, f"{BIB}:{line}", "text outside any entry after 'chen-1994-chinas-road'")


def test_a_doubled_closing_brace_inside_a_title(project):
    line = line_of(project, BIB, TITLE)
    edit(project, BIB, TITLE, "  title = {{China's Road}} to the Korean War},")
    expect_error(project, f"{BIB}:{line}", "a stray '}' may have ended the entry early")


@pytest.mark.parametrize("char, what", [("\x1b", "control character U+001B"), ("\x00", "control character U+0000"),
                                        ("\u202e", "bidirectional control U+202E"),
                                        ("\u2066", "bidirectional control U+2066")])
@pytest.mark.parametrize("path, anchor", [
    (BIB, "  title = {China's Road"),
    ("sources/persons.toml", 'name = "Mao Zedong"'),
    ("sources/texts/kim-2016-new-insights-mao-korean-war.md", "requested an answer from Kim Il-sung by 10 August."),
])
def test_characters_that_would_change_the_page(project, path, anchor, char, what):
    line = line_of(project, path, anchor)
    column = (project / path).read_text(encoding="utf-8").split("\n")[line - 1].index(anchor) + 9
    edit(project, path, anchor, anchor[:8] + char + anchor[8:])
    expect_error(project, f"{path}:{line}", re.escape(f"column {column} holds the {what}"))
