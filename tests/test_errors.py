"""Bad input stops the build with `path:line: message`, exit 1, no traceback,
and the previous output untouched. Each case breaks a copy of the real sources."""
from __future__ import annotations

import re

import pytest

from breaking import KIM, KISSINGER, MANIFEST, append, edit, expect_error, line_of, run_build, run_build_process, tree_digest


def test_the_command_as_its_own_process_fails_with_one_line_and_exit_1(project):
    """The other cases run the command line's main() in this process; here, the real command."""
    line = line_of(project, KIM, "requested an answer from Kim Il-sung by 10 August.<sup>45</sup>")
    edit(project, KIM, "<sup>45</sup>Telegram from Shtykov to Stalin, 20 July 1950", "")
    before = tree_digest(project / "docs")
    result = run_build_process(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"{KIM}:{line}: note marker 45 has no definition"), lines
    assert tree_digest(project / "docs") == before


def test_a_stale_apparatus_entry_fails_the_real_command(project):
    """The apparatus' spelling check runs before anything is written: in the real command its
    error comes back as one line, and no staging folder is left behind."""
    edit(project, "sources/apparatus.toml", 'words = ["Koreans", "Koreas"]', 'words = ["Koreans", "Koreax"]')
    line = line_of(project, "sources/apparatus.toml", '"Koreax"') - 1  # the entry's [[not_variant]]
    before = tree_digest(project / "docs")
    for command in ("build", "check"):
        result = run_build_process(project, command)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr == (f"sources/apparatus.toml:{line}: the spelling check no longer finds "
                                 "koreans / koreax; remove the entry\n"), command
    assert tree_digest(project / "docs") == before
    assert not [p for p in (project / "docs").iterdir() if p.name.startswith(".texts-")]  # no staging left


def test_marker_without_definition(project):
    line = line_of(project, KIM, "requested an answer from Kim Il-sung by 10 August.<sup>45</sup>")
    edit(project, KIM, "<sup>45</sup>Telegram from Shtykov to Stalin, 20 July 1950", "")
    expect_error(project, f"{KIM}:{line}", "note marker 45 has no definition")


def test_definition_without_marker(project):
    edit(project, KIM, "by 10 August.<sup>45</sup>", "by 10 August.")
    line = line_of(project, KIM, "<sup>45</sup>Telegram")
    expect_error(project, f"{KIM}:{line}", "note 45 is defined but no marker")


def test_marker_twice(project):
    edit(project, KIM, "Chinese Communist Party's (CCP) ideological and political foundations.",
         "Chinese Communist Party's (CCP) ideological and political foundations.<sup>7</sup>")
    line = line_of(project, KIM, "political foundations.<sup>7</sup>")
    expect_error(project, f"{KIM}:{line}", "note marker 7 appears twice")


def test_definition_twice(project):
    edit(project, KIM, "<sup>10</sup>Telegram from Roshchin", "<sup>7</sup>Again.\n\n<sup>10</sup>Telegram from Roshchin")
    line = line_of(project, KIM, "<sup>7</sup>Again.")
    expect_error(project, f"{KIM}:{line}", "note 7 is defined twice")


def test_notes_out_of_order(project):
    edit(project, KIM, "inevitable.'<sup>2</sup>", "inevitable.'<sup>TMP</sup>")
    edit(project, KIM, "favourable time and place.<sup>3</sup>", "favourable time and place.<sup>2</sup>")
    edit(project, KIM, "<sup>TMP</sup>", "<sup>3</sup>")
    line = line_of(project, KIM, "inevitable.'<sup>3</sup>")
    expect_error(project, f"{KIM}:{line}", "note marker 3 is out of order: 2 was expected")


def test_kissinger_marker_missing(project):
    line = line_of(project, KISSINGER, "as too high.20")
    edit(project, KISSINGER, "as too high.20", "as too high.")
    line = line_of(project, KISSINGER, "Pyongyang.21")
    expect_error(project, f"{KISSINGER}:{line}", "note marker 21 found where 20 was expected")


def test_empty_file(project):
    (project / KIM).write_text("", encoding="utf-8")
    expect_error(project, f"{KIM}:1", "the file is empty")


def test_not_utf8(project):
    path = project / KIM
    lines = path.read_bytes().split(b"\n")
    lines[44] = lines[44].replace(b"outbreak", b"outbr\xe9ak")
    path.write_bytes(b"\n".join(lines))
    expect_error(project, f"{KIM}:45", r"not valid UTF-8 \(byte 0xe9\)")


def test_bom_and_crlf_simply_work(project):
    before = tree_digest(project / "docs" / "texts")
    for relative in (KIM, KISSINGER):
        path = project / relative
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert run_build(project).returncode == 0
    assert tree_digest(project / "docs" / "texts") == before


def test_text_missing_from_manifest(project):
    (project / "sources/texts/another-text.md").write_text("# A text\n", encoding="utf-8")
    expect_error(project, "sources/texts/another-text.md", "not listed in sources/texts.toml")


def test_manifest_entry_whose_file_is_missing(project):
    (project / KIM).unlink()
    line = line_of(project, MANIFEST, 'source = "kim-2016')
    expect_error(project, f"{MANIFEST}:{line}", r"'source' of \[\[text\]\] names sources/texts/kim-2016-.*, which "
                                                "does not exist; add the file or fix 'source'")


def test_an_ebook_title_that_is_not_its_first_line(project):
    edit(project, MANIFEST, 'title = "Kim Il-sung and the Outbreak of War"', 'title = "Kim Il-sung"')
    expect_error(project, f"{KISSINGER}:{line_of(project, KISSINGER, 'Kim Il-sung and the Outbreak of War')}",
                 r"an e-book text begins with its section's title, 'Kim Il-sung' in texts\.toml; make `title` in "
                 r"texts\.toml the file's first line")


def test_a_correction_for_a_text_not_in_the_manifest_names_the_texts(project):
    edit(project, "sources/corrections.toml", 'text = "kim-2016"', 'text = "kim-2061"')
    line = line_of(project, "sources/corrections.toml", 'text = "kim-2061"')
    expect_error(project, f"sources/corrections.toml:{line}",
                 r"text 'kim-2061' is not in texts\.toml; the texts are 'kim-2016', 'kissinger-2011'")


def test_a_quote_that_ends_a_toml_value_early_says_how_to_write_it(project):
    edit(project, "sources/notes/kissinger-2011.toml", "is in that record", 'is in "that" record')
    line = line_of(project, "sources/notes/kissinger-2011.toml", 'evidence = "The quoted remark')
    expect_error(project, f"sources/notes/kissinger-2011.toml:{line}",
                 r"not valid TOML: Expected newline or end of document after a statement \(column \d+\); a value "
                 r"ended early: a \" inside a \"\.\.\.\" value is written \\\"")


def test_unknown_reader(project):
    edit(project, MANIFEST, 'reader = "pdf-markdown"', 'reader = "docx"')
    line = line_of(project, MANIFEST, 'reader = "docx"')
    expect_error(project, f"{MANIFEST}:{line}", r"'reader' of \[\[text\]\] must be one of: ebook-plain, "
                                                r"pdf-markdown \(not 'docx'\)")


# The line of each [[text]] header: four lines above its `source`, which these edits leave.
KIM_SOURCE = 'source = "kim-2016-new-insights-mao-korean-war.md"'
KISSINGER_SOURCE = 'source = "kissinger-on-china-kim-il-sung-and-the-outbreak-of-war.txt"'


@pytest.mark.parametrize("field, kim, kissinger", [
    # The registers and pages name a text by its `short` ("Kim 2016, n. 7"): it is the text's own.
    ("short", "Kim 2016", "Kissinger 2011"),
    # By its id, the other entry was named as this one: "(the other is 'kissinger-2011')".
    ("id", "kim-2016", "kissinger-2011")])
def test_two_texts_with_one_value_name_the_other_by_its_line(project, field, kim, kissinger):
    edit(project, MANIFEST, f'{field} = "{kim}"', f'{field} = "{kissinger}"')
    line = line_of(project, MANIFEST, KIM_SOURCE) - 4
    first = line_of(project, MANIFEST, KISSINGER_SOURCE) - 4
    expect_error(project, f"{MANIFEST}:{line}", rf"{field} '{kissinger}' is used by two \[\[text\]\] entries "
                                                rf"\(the other is at line {first}\); give each its own")


def test_missing_manifest_field(project):
    edit(project, MANIFEST, "year = 2016\n", "")
    line = line_of(project, MANIFEST, 'id = "kim-2016"') - 1
    expect_error(project, f"{MANIFEST}:{line}", r"\[\[text\]\] needs 'year'")


def test_stale_correction(project):
    edit(project, "sources/corrections.toml", 'heading = "Disclosure statement"', 'heading = "Acknowledgements"')
    line = line_of(project, "sources/corrections.toml", 'heading = "Acknowledgements"')
    expect_error(project, f"sources/corrections.toml:{line}", "matches nothing")


def test_a_block_quote_correction_that_changes_nothing_is_stale(project):
    """A [[not_blockquote]] on a paragraph the rule does not set as a block quote, or a
    [[blockquote]] on one it does, changes nothing: it is reported, as one matching no place."""
    for kind, text, starts in (("not_blockquote", "kissinger-2011", "That is not what Kim Il-sung decided"),
                               ("blockquote", "kim-2016", "The most important question at the present time")):
        line = append(project, "sources/corrections.toml",
                      f'[[{kind}]]\ntext = "{text}"\nstarts = "{starts}"\nwhy = "A test."\n') + 2
        expect_error(project, f"sources/corrections.toml:{line}", f"{kind} '{starts}' matches nothing")
        edit(project, "sources/corrections.toml", f'[[{kind}]]\ntext = "{text}"\nstarts = "{starts}"\nwhy = "A test."\n', "")


def test_a_correction_listed_twice(project):
    """The second copy would match nothing, the first taking the place: the build says it
    is a copy, not that it is stale."""
    first = line_of(project, "sources/corrections.toml", 'heading = "Disclosure statement"') - 2   # its [[appendix]]
    line = append(project, "sources/corrections.toml", '[[appendix]]\ntext = "kim-2016"\n'
                                                       'heading = "Disclosure statement"\nwhy = "Back matter."\n')
    expect_error(project, f"sources/corrections.toml:{line}", r"\[\[appendix\]\] 'Disclosure statement' of 'kim-2016' "
                                                              rf"is listed twice \(first at line {first}\); keep one")


def test_a_mapping_listed_twice(project):
    mapping = "sources/citation-map.toml"
    first = line_of(project, mapping, "note = 43") - 2   # its [[segment]]
    line = append(project, mapping, '[[segment]]\ntext = "kim-2016"\nnote = 43\nstarts = "Yao, Cong Yalujiang dao '
                                    'Banmendingian"\ncites = [{ key = "yao-1985-cong-yalujiang", pinpoint = "21–2" }]\n'
                                    'why = "The short title is misspelt."\n')
    expect_error(project, f"{mapping}:{line}", r"the mapping for kim-2016 note 43 \(“Yao, Cong Yalujiang dao Banmendingian”\) "
                                               rf"is listed twice \(first at line {first}\); keep one")


@pytest.mark.parametrize("field, wrong, message", [
    ("text", 'text = "kim2016"', "text = 'kim2016' names no text of texts.toml; the texts are 'kim-2016', 'kissinger-2011'"),
    ("note", "note = 93", "note = 93, but Kim 2016 has notes 1–80; write the number of the note whose segment "
                          "this settles"),
])
def test_a_mapping_for_a_text_or_note_that_is_not_there(project, field, wrong, message):
    """Said at the mapping, not as the note (43) left without one."""
    mapping = "sources/citation-map.toml"
    line = line_of(project, mapping, "note = 43") - 2   # its [[segment]]
    edit(project, mapping, 'text = "kim-2016"\nnote = 43\n',
         ('text = "kim2016"\nnote = 43\n' if field == "text" else 'text = "kim-2016"\nnote = 93\n'))
    expect_error(project, f"{mapping}:{line}", re.escape(message))


def test_a_mapping_that_cites_and_is_commentary(project):
    """commentary = true stands in place of cites: a segment cannot be both."""
    mapping = "sources/citation-map.toml"
    edit(project, mapping, 'pinpoint = "21–2" }]\n', 'pinpoint = "21–2" }]\ncommentary = true\n')
    line = line_of(project, mapping, 'pinpoint = "21–2" }]') + 1
    expect_error(project, f"{mapping}:{line}",
                 r"'commentary = true' marks a segment that cites nothing, but this \[\[segment\]\] also gives "
                 "'cites'; keep one of the two")


def test_two_builds_are_byte_identical(project, tmp_path):
    first = tree_digest(project / "docs" / "texts")
    (project / "docs" / "texts" / "index.md").unlink()  # force a real rewrite
    assert run_build(project).returncode == 0
    assert tree_digest(project / "docs" / "texts") == first


def test_markup_in_sources_is_escaped(project):
    edit(project, KISSINGER, "That is not what Kim Il-sung decided.",
         'That is not what <script>alert(1)</script> <img src=x onerror="alert(2)"> '
         "[click](javascript:alert(3)) *decided*.")
    assert run_build(project).returncode == 0
    page = (project / "docs/texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war.md").read_text()
    assert "<script>" not in page and "<img" not in page
    assert "[click](javascript:" not in page and "\\[click\\](javascript:alert(3))" in page  # text, not a link
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_manifest_that_is_not_valid_toml(project):
    edit(project, MANIFEST, 'short = "Kim 2016"', 'short = "Kim 2016')
    line = line_of(project, MANIFEST, 'short = "Kim 2016')
    expect_error(project, f"{MANIFEST}:{line}", "not valid TOML")


def test_a_notes_file_for_a_text_that_reads_its_notes_in_its_source(project):
    """A pdf-markdown text's notes are in its source: a notes_file would be ignored, silently."""
    edit(project, MANIFEST, 'reader = "pdf-markdown"', 'reader = "pdf-markdown"\nnotes_file = "kissinger-2011.toml"')
    line = line_of(project, MANIFEST, 'reader = "pdf-markdown"') + 1
    expect_error(project, f"{MANIFEST}:{line}", r"'notes_file' of \[\[text\]\] is read only for the reader ebook-plain; "
                                                "a \"pdf-markdown\" text has its notes in its source: remove 'notes_file'")


@pytest.mark.parametrize("relative, old, new, where, message", [
    (MANIFEST, 'notes = "1-80"', 'notes = "2-80"', (KIM, "<sup>1</sup>"),
     r'note marker 1 is out of order: 2 was expected here; texts.toml says notes = "2-80": if the text\'s notes '
     "begin at 1, correct the range there"),
    (MANIFEST, 'notes = "18-33"', 'notes = "17-33"', (KISSINGER, "invade China.”18"),
     r"note marker 18 found where 17 was expected; note 17 is missing or misnumbered; texts.toml says "
     r'notes = "17-33": if the text\'s notes begin at 18, correct the range there'),
    (MANIFEST, 'notes = "18-33"', 'notes = "19-33"', ("sources/notes/kissinger-2011.toml", "number = 18"),
     r'note 18 stands where note 19 was expected \(texts.toml says notes = "19-33": correct the range there'),
    (MANIFEST, 'notes = "18-33"', 'notes = "18-34"', ("sources/notes/kissinger-2011.toml", "number = 33"),
     r'note 34 has no \[\[note\]\] table \(texts.toml says notes = "18-34": correct the range there'),
    (MANIFEST, 'notes = "1-80"', 'notes = "1-79"', (MANIFEST, 'id = "kim-2016"'),
     'kim-2016 has notes 1–80, but texts.toml says notes = "1-79"; write notes = "1-80"'),
])
def test_a_note_range_in_the_manifest_that_the_text_does_not_have(project, relative, old, new, where, message):
    """The source is never edited: where the text's first or last note and the manifest's range
    part, the message says the range may be what is wrong."""
    edit(project, relative, old, new)
    path, needle = where
    line = line_of(project, path, needle) - (1 if needle.startswith(("id =", "number =")) else 0)
    expect_error(project, f"{path}:{line}", message)


def test_a_mapping_for_a_note_whose_words_are_not_read(project):
    """Without the notes file, Kissinger's notes are not known: the mapping for note 30 "matched
    0 segments", which did not say why."""
    mapping = "sources/citation-map.toml"
    edit(project, MANIFEST, 'notes_file = "kissinger-2011.toml"\n', "")
    line = line_of(project, mapping, "note = 30") - 2   # its [[segment]]
    expect_error(project, f"{mapping}:{line}", "the mapping for Kissinger 2011, note 30 settles a segment of the "
                                               "note's words, but the note is not known: texts.toml names no "
                                               "notes_file for kissinger-2011; remove the mapping")


def test_a_mapping_for_an_editorial_note(project):
    notes = "sources/notes/kissinger-2011.toml"
    text = (project / notes).read_text(encoding="utf-8")
    start = text.index("number = 30\n")
    end = text.index("[[note]]", start)
    edit(project, notes, text[start:end], 'number = 30\nbasis = "editorial"\nidentification = "Shen."\n'
                                          'evidence = "As note 31."\ncites = ["shen-forthcoming-mao-zedong"]\n\n')
    line = line_of(project, "sources/citation-map.toml", "note = 30") - 2
    expect_error(project, f"sources/citation-map.toml:{line}", r"but the note is an editor's identification "
                                                               r"\(basis = \"editorial\"\), whose `cites` say")
