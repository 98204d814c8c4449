"""The loaders on a copy of the real sources, broken one way per case, in process: each
case is the edit and the exact one-line message (`path:line: ...`) the build stops with."""
from __future__ import annotations

import shutil

import pytest

from support import ROOT

from edition.build import read_edition
from edition.errors import EditionError
from edition.load.toml_lines import key_lines

ARCHIVE = '\n[{key}]\nname = "An archive"\nabout = "What it holds."\n'
PERSON = ('\n[{key}]\nname = "A Person"\nvariants = ["A Person"]\nkind = "actor"\n'
          'sources = ["Kim 2016, n. 1"]\n')
BIB = "sources/bibliography.bib"
ACHESON_NOTE = ("  note = {Full reference from Kissinger (2011), ch. 5, n. 10. The date is that of the Bulletin issue "
                "that prints the address; Acheson gave it at the National Press Club on 12 January 1950 "
                "(https://www.press.org/news-multimedia/news/did-korean-war-start-national-press-club).")
PERSONS = "sources/persons.toml"
NOTES = "sources/notes/kissinger-2011.toml"
DENIED_HOST = ("is on a denied host (document-dump site reposting copyrighted articles; "
               "source-policy.toml line {line}); cite a reputable source instead, or drop the fact")

# (file, text replaced, by, the needle of the expected line, the message after "path:line: ")
CASES = {
    # Keys that become file names: against the edition's own pages ...
    "archive index": ("sources/archives.toml", None, ARCHIVE.format(key="index"), "[index]",
                      "the archive key 'index' would be written as bibliography/index.md, the page of "
                      "the bibliography; choose another key"),
    "archive apparatus": ("sources/archives.toml", None, ARCHIVE.format(key="apparatus"), "[apparatus]",
                          "the archive key 'apparatus' would be written as bibliography/apparatus.md, the "
                          "page of the apparatus; choose another key"),
    "archive entries-2": ("sources/archives.toml", None, ARCHIVE.format(key="Entries-2"), "[Entries-2]",
                          "the archive key 'Entries-2' would be written as bibliography/entries-2.md, the "
                          "page of a part of the bibliography; choose another key"),
    "archive with --": ("sources/archives.toml", None, ARCHIVE.format(key="apparatus--a"), "[apparatus--a]",
                        "the archive key 'apparatus--a' holds '--', which names the parts of a long page; "
                        "use single hyphens"),
    "person index": (PERSONS, None, PERSON.format(key="index"), "[index]",
                     "the person key 'index' would be written as people/index.md, the page of the list "
                     "of persons; choose another key"),
    # ... and against each other, after case folding
    "archive aprf beside APRF": ("sources/archives.toml", None, ARCHIVE.format(key="aprf"), "[aprf]",
                                 "the archive keys 'APRF' (line 1) and 'aprf' would be written to the same "
                                 "file bibliography/aprf.md (file names ignore case and Unicode form); "
                                 "rename one"),
    # A comment after a table header moves no line.
    "header comment, notes file": (NOTES, '[[note]]\nnumber = 18', '[[note]] # first\nnumber = 18', None, None),
    "header comment, register": (PERSONS, "[mao-zedong]", "[mao-zedong] # the chairman", None, None),
    # Checks read values, not lines: a TOML string continued on a line that starts with "#".
    "continued TOML string, denied host": (
        PERSONS, 'died = 1976\nrole_1949_50 = "Chairman',
        'died = 1976\nnote = """Born 1893. \\\n# see https://docslib.org/mao"""\nrole_1949_50 = "Chairman', 'note = """Born 1893',
        "https://docslib.org/mao " + DENIED_HOST),
    "continued TOML string, to-do": (
        PERSONS, 'died = 1976\nrole_1949_50 = "Chairman',
        'died = 1976\nnote = """Born 1893. \\\n# TODO: check the year"""\nrole_1949_50 = "Chairman', 'note = """Born 1893',
        "“TODO” is an editor's to-do, and register fields are shown to the public; settle it or remove it"),
    # ... and a BibTeX field continued on a line that starts with "%".
    "continued BibTeX field, denied host": (
        BIB, ACHESON_NOTE + "}", ACHESON_NOTE + "\n% https://docslib.org/a-copy}",
        "  note = {Full reference from Kissinger (2011), ch. 5, n. 10.",
        "https://docslib.org/a-copy " + DENIED_HOST),
}


@pytest.fixture
def sources(tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources", symlinks=True)
    return tmp_path / "sources"


def _break(sources, relative, old, new):
    path = sources.parent / relative
    text = path.read_text(encoding="utf-8")
    if old is None:
        text += new
    else:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def _line(sources, relative, needle) -> int:
    lines = (sources.parent / relative).read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(lines) if line.startswith(needle))


def _error(sources) -> str:
    with pytest.raises(EditionError) as caught:
        read_edition(sources)
    where = caught.value.where
    return f"{where.path.relative_to(sources.parent)}:{where.line}: {caught.value.message}"


@pytest.mark.parametrize("case", [c for c, (*_, needle, _m) in CASES.items() if needle], ids=str)
def test_the_build_stops_with_one_exact_line(sources, case):
    relative, old, new, needle, message = CASES[case]
    _break(sources, relative, old, new)
    policy_line = _line(sources, "sources/source-policy.toml", 'host = "docslib.org"') - 1  # its [[deny]]
    expected = f"{relative}:{_line(sources, relative, needle)}: {message.format(line=policy_line)}"
    assert _error(sources) == expected


def test_a_comment_after_a_header_moves_no_line_in_a_notes_file(sources):
    _break(sources, *CASES["header comment, notes file"][:3])
    _break(sources, NOTES, 'number = 19\nbasis = "unknown"', 'number = 19\nbasis = "guess"')
    line = _line(sources, NOTES, "number = 19") - 1   # the [[note]] header of note 19
    assert _error(sources) == f"{NOTES}:{line}: basis must be one of author, editorial, unknown"


def test_a_comment_after_a_header_moves_no_line_in_a_register(sources):
    _break(sources, *CASES["header comment, register"][:3])
    _break(sources, PERSONS, 'died = 1976\nrole_1949_50 = "Chairman', 'died = 1976\nnickname = "Chairman"\nrole_1949_50 = "Chairman')
    line = _line(sources, PERSONS, "nickname")
    assert _error(sources) == (f"{PERSONS}:{line}: unknown field 'nickname' in [mao-zedong]; the fields are "
                               "listed at the top of persons.toml")


def test_the_real_sources_pass():
    read_edition(ROOT / "sources")


@pytest.mark.parametrize("text, expected", [
    ('[[a]] # c\nx = 1\n[[a]]\n"q.r".s = """one\n# two\n"""\ny = [\n 1, # three\n]\n[a.b]\nz = 2\n',
     {("a",): 1, ("a", 0): 1, ("a", 0, "x"): 2, ("a", 1): 3, ("a", 1, "q.r"): 4, ("a", 1, "q.r", "s"): 4,
      ("a", 1, "y"): 7, ("a", 1, "b"): 10, ("a", 1, "b", "z"): 11}),
    ("k = 'lit\\'\nm = \"\"\"a\"\"\"\"\"\nn = {a = [1,\n2]}\no = 1\n",
     {("k",): 1, ("m",): 2, ("n",): 3, ("o",): 5}),
])
def test_every_key_has_its_line(text, expected):
    assert key_lines(text) == expected
