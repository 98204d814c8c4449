"""Bad register data stops the build with the line: an entry defined twice, a name
form claimed by two persons, a missing field."""
from __future__ import annotations

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
