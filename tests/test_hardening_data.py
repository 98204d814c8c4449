"""No silent damage to data: a bidirectional control written as a TOML escape, which no
file scan sees, is refused in the parsed value with `path:line`, exit 1, no traceback,
docs/ and site/ as they were. (A stray brace, control characters written as they are,
invisible name forms, one form in two Unicode forms and impossible years: test_bad_characters.py
and test_loaders.py.)"""
from __future__ import annotations

import pytest
from breaking import edit, expect_error, line_of

PERSONS = "sources/persons.toml"


@pytest.mark.parametrize("written", ["\\u202E", "\\u2067", "\\u200F"])
def test_a_bidirectional_control_written_as_an_escape_is_refused(project, written):
    edit(project, PERSONS, 'name = "Joseph Stalin"', f'name = "Joseph {written}Stalin"')
    line = line_of(project, PERSONS, 'name = "Joseph ')
    expect_error(project, f"{PERSONS}:{line}", r"'stalin.name' contains the bidirectional character U\+")
