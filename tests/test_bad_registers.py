"""Bad register data stops the build with the line: an entry defined twice, a name
form claimed by two persons, a missing field."""
from __future__ import annotations

from breaking import edit, expect_error, line_of

PERSONS = "sources/persons.toml"
TERMS = "sources/terms.toml"


def test_person_defined_twice(project):
    text = (project / PERSONS).read_text(encoding="utf-8")
    (project / PERSONS).write_text(text + '\n[stalin]\nname = "Stalin again"\n', encoding="utf-8")
    line = len(text.split("\n")) + 1
    expect_error(project, f"{PERSONS}:{line}", r"Cannot declare \('stalin',\) twice; each entry is defined once")


def test_term_defined_twice(project):
    text = (project / TERMS).read_text(encoding="utf-8")
    (project / TERMS).write_text(text + '\n["KPA"]\ngloss = "again"\nsources = ["x"]\n', encoding="utf-8")
    expect_error(project, f"{TERMS}:{len(text.split(chr(10))) + 1}", r"Cannot declare \('KPA',\) twice")


def test_alias_claimed_by_two_persons(project):
    edit(project, PERSONS, 'variants = ["Mao Zedong", "Mao"]', 'variants = ["Mao Zedong", "Mao", "Filippov"]')
    line = line_of(project, PERSONS, "[stalin]")
    if line < line_of(project, PERSONS, "[mao-zedong]"):
        line = line_of(project, PERSONS, "[mao-zedong]")
    expect_error(project, f"{PERSONS}:{line}", "the name form “Filippov” is claimed by persons")


def test_person_without_variants(project):
    edit(project, PERSONS, 'variants = ["Mao Zedong", "Mao"]', 'variants = []')
    expect_error(project, f"{PERSONS}:{line_of(project, PERSONS, '[mao-zedong]')}", r"\[mao-zedong\] needs 'variants'")


def test_unknown_register_field(project):
    edit(project, PERSONS, 'variants = ["Mao Zedong", "Mao"]', 'variants = ["Mao Zedong", "Mao"]\nnickname = "Chairman"')
    expect_error(project, f"{PERSONS}:{line_of(project, PERSONS, '[mao-zedong]')}", "unknown field")
