"""The loaders on a copy of the real sources, broken one way per case, in process: each
case is the edit and the exact one-line message (`path:line: ...`) the build stops with."""
from __future__ import annotations

import datetime
import shutil
import unicodedata

import pytest

from support import ROOT

from edition.build import read_edition
from edition.errors import EditionError
from edition.load.fields import forms
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
NOTE_FIELDS = ("a note has number and basis; with basis \"author\" also text, and may have comment and cites; "
               "with basis \"editorial\" also identification and evidence, and may have cites; with basis "
               "\"unknown\" nothing more")
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
                                 "the archive keys 'APRF' (line 21) and 'aprf' would be written to the same "
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


# --- values that look like something and are nothing, or nothing plausible ----------------
PLACES = "sources/places.toml"
TERMS = "sources/terms.toml"
MAO = 'variants = ["Mao Zedong", "Mao"]'
ZHOU = 'variants = ["Zhou Enlai", "Zhou"]'
FORM_RULE = ("a name form has two visible characters or more and no invisible character at either end "
             "(a shorter one would be found inside other words, an invisible one would show nothing)")
NFC, NFD = unicodedata.normalize("NFC", "Máo Zédōng"), unicodedata.normalize("NFD", "Máo Zédōng")
SAME_FORM = "the same form in another case or Unicode form"
NEXT_YEAR = datetime.date.today().year + 1


def _year(field: str, label: str, value: str) -> str:
    return f"'{field}' of {label} must be a year written as a number from 1 to {NEXT_YEAR}, e.g. 1950 (not {value})"


def _note_number(field: str, label: str, value: str) -> str:
    return f"'{field}' of {label} must be a whole number from 1 to 9999, e.g. 18 (not {value})"


CASES.update({
    # A name form made only of characters that show nothing, written as TOML escapes or pasted.
    "zero-width spaces": (PERSONS, MAO, MAO[:-1] + ', "\\u200b\\u200b"]', MAO[:-1],
                          f"'variants' of [mao-zedong] holds the form “\u200b\u200b” (U+200B U+200B): {FORM_RULE}"),
    "joiners, pasted, as a title form": (
        PERSONS, 'title_forms = ["Sidalin"]', 'title_forms = ["Sidalin", "\u200d\u200c\u200d"]', "title_forms",
        f"'title_forms' of [stalin] holds the form “\u200d\u200c\u200d” (U+200D U+200C U+200D): {FORM_RULE}"),
    "word joiner and BOM as an ambiguous short form": (
        PERSONS, 'ambiguous_short = ["Kim"]', 'ambiguous_short = ["Kim", "\\u2060\\ufeff"]', "ambiguous_short",
        f"'ambiguous_short' of [kim-il-sung] holds the form “\u2060\ufeff” (U+2060 U+FEFF): {FORM_RULE}"),
    "combining marks alone as a term's variant": (
        TERMS, 'variants = ["U.S."]', 'variants = ["U.S.", "\u0301\u0308"]', 'variants = ["U.S.",',
        f"'variants' of [US] holds the form “\u0301\u0308” (U+0301 U+0308): {FORM_RULE}"),
    "Hangul fillers as a place's variant": (
        PLACES, 'variants = ["Naktong River"]', 'variants = ["Naktong River", "\u3164\u3164"]',
        'variants = ["Naktong River",',
        f"'variants' of [naktong-river] holds the form “\u3164\u3164” (U+3164 U+3164): {FORM_RULE}"),
    "one letter and a zero-width space": (PERSONS, MAO, MAO[:-1] + ', "M\\u200b"]', MAO[:-1],
                                          f"'variants' of [mao-zedong] holds the form “M\u200b” (U+004D U+200B): "
                                          f"{FORM_RULE}"),
    "a form that ends in a zero-width space": (
        PERSONS, MAO, 'variants = ["Mao Zedong", "Mao\\u200b"]', 'variants = ["Mao Zedong", "Mao\\',
        f"'variants' of [mao-zedong] holds the form “Mao\u200b” (U+004D U+0061 U+006F U+200B): {FORM_RULE}"),
    "a form that starts with a soft hyphen": (
        PERSONS, MAO, 'variants = ["Mao Zedong", "\\u00adMao"]', 'variants = ["Mao Zedong", "\\',
        f"'variants' of [mao-zedong] holds the form “\u00adMao” (U+00AD U+004D U+0061 U+006F): {FORM_RULE}"),
    "ideographic spaces": (PERSONS, MAO, MAO[:-1] + ', "\u3000\u3000"]', MAO[:-1],
                           "'variants' of [mao-zedong] holds the form “\u3000\u3000”: a name form has no spaces "
                           "around it (it would be found only with them)"),
    "a name of zero-width spaces": (PERSONS, 'name = "Mao Zedong"', 'name = "\\u200b\\u200b"', 'name = "\\u200b',
                                    "'name' of [mao-zedong] must not be empty (or hold only invisible characters)"),
    # The same visible form claimed twice: composed and decomposed, or in another case; reported at
    # the line that writes the second.
    "NFC then NFD": (PERSONS, None, None, ZHOU[:-1],
                     f"the name form “{NFD}” is claimed by persons 'mao-zedong' (as “{NFC}”, {SAME_FORM}) and "
                     "'zhou-enlai'; a form may belong to one person only"),
    "NFD then NFC": (PERSONS, None, None, ZHOU[:-1],
                     f"the name form “{NFC}” is claimed by persons 'mao-zedong' (as “{NFD}”, {SAME_FORM}) and "
                     "'zhou-enlai'; a form may belong to one person only"),
    "another case": (PERSONS, ZHOU, ZHOU[:-1] + ', "MAO"]', ZHOU[:-1],
                     f"the name form “MAO” is claimed by persons 'mao-zedong' (as “Mao”, {SAME_FORM}) and "
                     "'zhou-enlai'; a form may belong to one person only"),
    "a term key in another case": (TERMS, None, '\n["Aprf"]\ngloss = "A second archive"\nsources = ["Kim 2016"]\n',
                                   '["Aprf"]', f"the name form “Aprf” is claimed by terms 'APRF' (as “APRF”, "
                                               f"{SAME_FORM}) and 'Aprf'; a form may belong to one term only"),
    "a place's form in capitals": (PLACES, 'variants = ["Pusan Perimeter",', 'variants = ["NAKTONG RIVER", "Pusan Perimeter",',
                                   'variants = ["Naktong River"]', f"the name form “Naktong River” is claimed by places "
                                                      f"'pusan-perimeter' (as “NAKTONG RIVER”, {SAME_FORM}) and "
                                                      "'naktong-river'; a form may belong to one place only"),
    # Years and numbers outside what can be: -44 (44 BC), twenty digits, 0, next year but one.
    "born -44": (PERSONS, "born = 1912", "born = -44", "born = -44", _year("born", "[kim-il-sung]", "-44")),
    "born with twenty digits": (PERSONS, "born = 1912", "born = 99999999999999999999", "born = 9",
                                _year("born", "[kim-il-sung]", "99999999999999999999")),
    "died 0": (PERSONS, "died = 1994", "died = 0", "died = 0", _year("died", "[kim-il-sung]", "0")),
    "born the year after next": (PERSONS, "born = 1912", f"born = {NEXT_YEAR + 1}", "born = ",
                                 _year("born", "[kim-il-sung]", str(NEXT_YEAR + 1))),
    "born as a decimal": (PERSONS, "born = 1912", "born = 1912.0", "born = ", _year("born", "[kim-il-sung]", "1912.0")),
    "born in quotes": (PERSONS, "born = 1912", 'born = "1912"', "born = ", _year("born", "[kim-il-sung]", "'1912'")),
    "born true": (PERSONS, "born = 1912", "born = true", "born = ", _year("born", "[kim-il-sung]", "True")),
    "a text's year -44": ("sources/texts.toml", "year = 2016", "year = -44", "year = -44",
                          _year("year", "[[text]]", "-44")),
    "a text's year with twenty digits": ("sources/texts.toml", "year = 2016", "year = 99999999999999999999", "year = 9",
                                         _year("year", "[[text]]", "99999999999999999999")),
    "a mapping's note 0": ("sources/citation-map.toml", "note = 43", "note = 0", "note = 0",
                           _note_number("note", "[[segment]]", "0")),
    "a mapping's note -43": ("sources/citation-map.toml", "note = 43", "note = -43", "note = -43",
                             _note_number("note", "[[segment]]", "-43")),
    "a note numbered with twenty digits": (NOTES, "number = 19", "number = 99999999999999999999", "number = 9",
                                           _note_number("number", '[[note]] with basis "unknown"',
                                                        "99999999999999999999")),
    # A misspelt table header makes a table the build would never read.
    "a misspelt [[text]]": ("sources/texts.toml", None, '\n[[txt]]\nid = "x"\n', "[[txt]]",
                            "unknown table or key 'txt' in texts.toml; the file holds only [[text]] tables "
                            "(is the header misspelt?)"),
    "a misspelt [[segment]]": ("sources/citation-map.toml", None, '\n[[segmnt]]\ntext = "kim-2016"\n', "[[segmnt]]",
                               "unknown table or key 'segmnt' in citation-map.toml; the file holds only "
                               "[[segment]] tables (is the header misspelt?)"),
    "a misspelt [[not_variant]]": ("sources/apparatus.toml", None, '\n[[not_variants]]\nwords = ["a", "b"]\n',
                                   "[[not_variants]]", "unknown table or key 'not_variants' in apparatus.toml; the "
                                   "file holds only [[not_variant]] tables (is the header misspelt?)"),
    "a misspelt [[note]]": (NOTES, None, '\n[[notes]]\nnumber = 34\n', "[[notes]]",
                            "unknown table or key 'notes' in kissinger-2011.toml; the file holds only [[note]] "
                            "tables (is the header misspelt?)"),
    "a spelling pair listed twice": ("sources/apparatus.toml", None,
                                     '\n[[not_variant]] # again\nwords = ["Koreas", "Koreans"]\nwhy = "Again."\n',
                                     "[[not_variant]] # again", "the pair koreans / koreas is listed twice (first at "
                                     "line 8); keep one"),
    # A note table out of its place is reported at its own header.
    "a note beyond the last": (NOTES, None, '\n[[note]] # extra\nnumber = 34\nbasis = "unknown"\n', "[[note]] # extra",
                               "note 34 comes after the last note, 33 (texts.toml says notes = \"18-33\": correct "
                               "the range there if it is what is wrong); the [[note]] tables are numbered 18–33 in "
                               "order, one for each note"),
    "a mapping whose starts begins no segment": (
        "sources/citation-map.toml", '[[segment]]\ntext = "kim-2016"\nnote = 43\nstarts = "Yao, Cong Yalujiang dao Banmendingian"',
        '[[segment]] # mistyped\ntext = "kim-2016"\nnote = 43\nstarts = "Yao, Cong Yalujiang dao Banmendingain"',
        "[[segment]] # mistyped",
        "the mapping for Kim 2016, note 43 starts “Yao, Cong Yalujiang dao Banmendingain”, which begins none "
        "of the note's segments; the segment it should settle is most likely “Yao, Cong Yalujiang dao "
        "Banmendingian, 21–2…”: copy its beginning into `starts`"),
    # Declared fields that depend on another: a note's basis, a cite's relation.
    "an editorial note without its evidence": (
        NOTES, '[[note]]\nnumber = 19\nbasis = "unknown"',
        '[[note]] # 19\nnumber = 19\nbasis = "editorial"\nidentification = "A telegram."', "[[note]] # 19",
        "note 19 with basis \"editorial\" needs 'evidence'; " + NOTE_FIELDS),
    "a note's field of no basis": (
        NOTES, 'number = 19\nbasis = "unknown"', 'number = 19\nbasis = "unknown"\nsender = "Stalin"', "sender",
        "unknown field 'sender' in note 19 with basis \"unknown\"; " + NOTE_FIELDS),
    "a cite's unknown relation": (
        "sources/citation-map.toml", 'relation = "origpubas"', 'relation = "reprinted"', "cites = [$",  # the key of the array
        "'relation' of a cite of [[segment]] must be one of: citedfrom, ibid, identified, origpubas, or \"\" (not 'reprinted')"),
})
_NFC_FIRST = (MAO[:-1] + f', "{NFC}"]', ZHOU[:-1] + f', "{NFD}"]')
_NFD_FIRST = (MAO[:-1] + f', "{NFD}"]', ZHOU[:-1] + f', "{NFC}"]')


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
    if needle.endswith("$"):   # the whole line
        return lines.index(needle[:-1]) + 1
    return next(i + 1 for i, line in enumerate(lines) if line.startswith(needle))


def _error(sources) -> str:
    with pytest.raises(EditionError) as caught:
        read_edition(sources)
    where = caught.value.where
    return f"{where.path.relative_to(sources.parent)}:{where.line}: {caught.value.message}"


@pytest.mark.parametrize("case", [c for c, (*_, needle, _m) in CASES.items() if needle], ids=str)
def test_the_build_stops_with_one_exact_line(sources, case):
    relative, old, new, needle, message = CASES[case]
    if case in ("NFC then NFD", "NFD then NFC"):
        mao, zhou = _NFC_FIRST if case == "NFC then NFD" else _NFD_FIRST
        _break(sources, PERSONS, MAO, mao)
        old, new = ZHOU, zhou
    _break(sources, relative, old, new)
    policy_line = _line(sources, "sources/source-policy.toml", 'host = "docslib.org"') - 1  # its [[deny]]
    expected = f"{relative}:{_line(sources, relative, needle)}: {message.format(line=policy_line)}"
    assert _error(sources) == expected


def test_a_note_out_of_order_is_reported_at_its_header(sources):
    _break(sources, NOTES, "number = 19\n", "number = 20\n")
    header = _line(sources, NOTES, "number = 20") - 1
    assert _error(sources) == (f"{NOTES}:{header}: note 20 stands where note 19 was expected; the [[note]] "
                               "tables are numbered 18–33 in order, one for each note")


def test_a_comment_after_a_header_moves_no_line_in_a_notes_file(sources):
    _break(sources, *CASES["header comment, notes file"][:3])
    _break(sources, NOTES, 'number = 19\nbasis = "unknown"', 'number = 19\nbasis = "guess"')
    line = _line(sources, NOTES, 'basis = "guess"')
    assert _error(sources) == (f"{NOTES}:{line}: 'basis' of note 19 must be one of: author, editorial, unknown "
                               "(not 'guess')")


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


@pytest.mark.parametrize("form", [unicodedata.normalize("NFD", "Zédōng"), NFD, NFC, "毛泽", "Kim Il-sung",
                                  "Mu\u200cnich", "U.S."])
def test_a_visible_form_passes_however_it_is_composed(form):
    """A decomposed form ends in a combining mark; a joiner inside a word is the word's."""
    assert forms([form]) == ""
