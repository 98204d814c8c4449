"""Inputs that used to be read wrongly or reported badly: symbolic links under sources/
(nothing is read through one), e-book note markers that two numbers compete for (the
reader stops instead of guessing), a note that cannot be resolved (reported at the line
of its definition), and file names that would forge a second message line. Each fails
with one line `path:line: message`, exit 1, no traceback, docs/ and site/ as they were."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from breaking import KISSINGER, append, edit, expect_error, line_of, run_build

from edition.errors import one_line, quoted
from edition.site import MAX_PROBLEMS, Problem, summarise

NOTES = "sources/notes/kissinger-2011.toml"


# --- 4. Nothing read through a link ------------------------------------------------------

def test_a_texts_folder_that_is_a_link_is_refused(project, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (project / "sources" / "texts").rename(elsewhere)
    (project / "sources" / "texts").symlink_to(elsewhere, target_is_directory=True)
    expect_error(project, "sources/texts", "this folder is a symbolic link; put the folder itself in sources/")


@pytest.mark.parametrize("name", ["persons.toml", "terms.toml", "archives.toml", "bibliography.bib",
                                  "citation-map.toml", "texts.toml"])
def test_a_source_file_that_is_a_link_is_refused(project, tmp_path, name):
    outside = tmp_path / name
    (project / "sources" / name).rename(outside)
    (project / "sources" / name).symlink_to(outside)
    expect_error(project, f"sources/{name}", "this file is a symbolic link; put the file itself in sources/")


def test_a_link_to_a_system_file_is_refused_before_it_is_read(project):
    """The environment of the process: a file that must never reach a page or a message."""
    (project / "sources" / "bibliography.bib").unlink()
    (project / "sources" / "bibliography.bib").symlink_to("/proc/self/environ")
    expect_error(project, "sources/bibliography.bib", "symbolic link")
    assert "PATH=" not in run_build(project).stderr


def test_a_link_that_stays_inside_sources_is_refused_too(project):
    """A link is refused wherever it leads: what the editors review is the files themselves."""
    source = project / "sources" / "notes" / "kissinger-2011.toml"
    source.rename(project / "sources" / "notes" / "real.toml")
    source.symlink_to("real.toml")
    expect_error(project, NOTES, "this file is a symbolic link")


def test_a_text_that_is_a_link_is_refused(project):
    text = project / KISSINGER
    text.rename(project / "sources" / "kissinger.real")
    text.symlink_to(project / "sources" / "kissinger.real")
    expect_error(project, KISSINGER, "this file is a symbolic link")


# --- 7. Readers that do not guess --------------------------------------------------------

REAL_30 = "from Stalin.30 The next day"


@pytest.mark.parametrize("time", ["At 4:30 he stopped.", "The meeting, at 10:30 that night, was short.",
                                  "See p.30 above."])
def test_a_number_before_the_marker_it_looks_like_stops_the_reader(project, time):
    """"4:30" before the real marker 30: either could be the marker; the build names both."""
    edit(project, KISSINGER, "Kim’s presentation apparently shook Mao", f"{time} Kim’s presentation apparently shook Mao")
    line = line_of(project, KISSINGER, REAL_30)
    expect_error(project, f"{KISSINGER}:{line}",
                 rf"note marker 30 could be “….*30” \(line {line}\) or “….*Stalin\.30” \(line {line}\); "
                 r"the reader does not guess: add \[\[not_note\]\]")


def test_a_competing_number_in_an_earlier_paragraph_names_both_lines(project):
    edit(project, KISSINGER, "Kim’s presentation apparently shook Mao", "It was 4:30 then.\nKim’s presentation apparently shook Mao")
    line = line_of(project, KISSINGER, REAL_30)
    expect_error(project, f"{KISSINGER}:{line}", rf"note marker 30 could be “…It was 4:30” \(line {line - 1}\)")


def test_a_correction_settles_which_is_not_a_marker(project):
    edit(project, KISSINGER, "Kim’s presentation apparently shook Mao", "At 4:30 he stopped. Kim’s presentation apparently shook Mao")
    append(project, "sources/corrections.toml",
           '[[not_note]]\ntext = "kissinger-2011"\nends = "At 4:30"\nwhy = "a time of day, not a note marker."\n')
    assert run_build(project).returncode == 0
    page = (project / "docs/texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war.md").read_text(encoding="utf-8")
    assert "At 4:30 he stopped." in page and 'href="#fn:30"' in page


def test_a_number_after_the_marker_that_follows_it_stays_text(project):
    """After marker 31, "4:30" is a time: the marker it looks like is behind."""
    edit(project, KISSINGER, "This, of course, placed the blame", "At 4:30 this, of course, placed the blame")
    assert run_build(project).returncode == 0
    page = (project / "docs/texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war.md").read_text(encoding="utf-8")
    assert "At 4:30 this, of course" in page


def test_a_number_after_its_marker_but_before_the_next_competes(project):
    """"4:30" after the real 30 but before 31: either could be 30; the reader does not
    choose the first."""
    edit(project, KISSINGER, REAL_30, "from Stalin.30 At 4:30 the next day")
    line = line_of(project, KISSINGER, "At 4:30 the next day")
    expect_error(project, f"{KISSINGER}:{line}", "note marker 30 could be “…")


def test_an_unresolvable_note_is_reported_at_the_line_that_defines_it(project):
    edit(project, NOTES, 'text = "Chen, *China\'s Road to the Korean War*, 112."', 'text = "Nobody, *No Such Book*, 112."')
    line = line_of(project, NOTES, "number = 29") - 1   # the note's [[note]]
    expect_error(project, f"{NOTES}:{line}", "Kissinger 2011, note 29: cannot resolve “Nobody, No Such Book")


# --- 8. Clean messages -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["evil\ntexts.toml:1: forged.txt", "bell\x1b[2Jclear.txt",
                                  "rtl\u202etxt.md", "tab\there.txt"])
def test_a_file_name_with_control_characters_is_quoted_in_its_message(project, name):
    (project / "sources" / "texts" / name).write_text("x", encoding="utf-8")
    shown = quoted(f"sources/texts/{name}")
    assert "\n" not in shown and "\x1b" not in shown and "\u202e" not in shown
    expect_error(project, shown, "this text is not listed in sources/texts.toml")


def test_quoted_escapes_what_would_forge_a_line_or_drive_the_terminal():
    assert quoted("a\nb\rc\td\x1b[31me\x00f\x85g\u2028h\u202ei\u2066j") == (
        "a\\nb\\rc\\td\\x1b[31me\\x00f\\x85g\\u2028h\\u202ei\\u2066j")
    assert quoted("Kim Il-sung — 金日成") == "Kim Il-sung — 金日成"
    assert one_line("first\nsecond \x1b[0m") == "first second \\x1b[0m"


def test_many_problems_of_one_kind_are_one_line_and_the_first_comes_first():
    problems = [Problem(f"docs/texts/a{i}.md:{i + 1}",
                        f"contains a link '../x.md#n{i}', but the doc 'x.md' does not contain an anchor '#n{i}'.")
                for i in range(300)]
    problems.insert(0, Problem("mkdocs.yml:3", "Config value 'nav': first"))
    problems.append(problems[0])   # reported again
    lines = [str(p) for p in summarise(problems)]
    assert lines == ["mkdocs.yml:3: Config value 'nav': first",
                     "docs/texts/a0.md:1: contains a link '../x.md#n0', but the doc 'x.md' does not contain an "
                     "anchor '#n0'. (and 299 more like it)"]


def test_problems_of_many_kinds_are_capped_with_a_count():
    problems = [Problem(f"docs/p{i}.md:1", f"problem {'x' * i}") for i in range(25)]
    lines = summarise(problems)
    assert len(lines) == MAX_PROBLEMS
    assert lines[0] == problems[0]
    assert str(lines[-1]).endswith(f"and {25 - MAX_PROBLEMS + 1} more problems of other kinds; "
                                   "fix the first above and build again")


def test_a_site_with_many_broken_links_reports_each_kind_once(project, capsys):
    """MkDocs itself: forty broken links in a hand-written page are one line, first first."""
    from test_site_command import with_site_config
    from edition.cli import main
    import contextlib
    from breaking import tree_digest
    with_site_config(project)
    links = "".join(f"[gone {i}](nowhere-{i}.md)\n\n" for i in range(40))
    first = append(project, "docs/about.md", links)
    assert run_build(project).returncode == 0
    before = tree_digest(project / "docs")
    with contextlib.chdir(project):
        code = main(["site"])
    err = capsys.readouterr().err
    lines = err.strip().split("\n")
    assert code == 1 and "Traceback" not in err
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"docs/about.md:{first}: ") and "nowhere-0.md" in lines[0], lines[0]
    assert lines[0].endswith("(and 39 more like it)"), lines[0]
    assert tree_digest(project / "docs") == before
    assert not (project / "site").exists()
    # the lock, and the cache of each text's work (git-ignored; make clean removes it): no staging left
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == [".cache", ".edition.lock"]


def test_a_file_name_in_an_internal_message_is_quoted_too(project):
    assert os.sep == "/"
    path = Path("sources") / "a\nb"
    assert quoted(str(path)) == "sources/a\\nb"
