"""Bad BibTeX and bad citation data stop the build with `bibliography.bib:line: message`."""
from __future__ import annotations

import pytest

from breaking import append, edit, expect_error, line_of

BIB = "sources/bibliography.bib"
KISSINGER_NOTES = "sources/notes/kissinger-2011.toml"
CHEN = "@book{chen-1994-chinas-road,"


def test_unclosed_brace(project):
    edit(project, BIB, "  title = {China's Road to the Korean War: The Making of the Sino-American Confrontation},",
         "  title = {China's Road to the Korean War: The Making of the Sino-American Confrontation,")
    expect_error(project, f"{BIB}:{line_of(project, BIB, CHEN)}", "cannot be parsed")


def test_duplicate_key(project):
    line = append(project, BIB, "@book{chen-1994-chinas-road,\n  title = {Again},\n  author = {X}\n}\n")
    first = line_of(project, BIB, CHEN)
    expect_error(project, f"{BIB}:{line}", rf"duplicate key 'chen-1994-chinas-road' \(first at line {first}\)")


def test_missing_required_field(project):
    edit(project, BIB, "  journaltitle = {Diplomatic History},\n", "")
    expect_error(project, f"{BIB}:{line_of(project, BIB, '@article{foot-1991-making-known,')}",
                 "@article 'foot-1991-making-known' lacks the required field 'journaltitle'")


def test_unknown_custom_field(project):
    edit(project, BIB, "  shorttitle = {China's Road to the Korean War},",
         "  shorttitle = {China's Road to the Korean War},\n  listy = {87–88},")
    expect_error(project, f"{BIB}:{line_of(project, BIB, 'listy = {87')}", "unknown field 'listy'")


def test_date_that_does_not_parse(project):
    edit(project, BIB, "  date = {1950-07-02},", "  date = {2 July 1950},")
    expect_error(project, f"{BIB}:{line_of(project, BIB, 'date = {2 July 1950}')}",
                 "date '2 July 1950' of 'doc-1950-07-02-roshchin-stalin' does not parse")


def test_impossible_date(project):
    edit(project, BIB, "  date = {1950-07-02},", "  date = {1950-02-30},")
    expect_error(project, f"{BIB}:{line_of(project, BIB, 'date = {1950-02-30}')}", "does not parse")


def test_entry_nothing_cites(project):
    line = append(project, BIB, "@book{nobody-2000-uncited,\n  author = {Nobody, A.},\n"
                                "  title = {A Book No Note Cites},\n  date = {2000}\n}\n")
    expect_error(project, f"{BIB}:{line}", "no note cites 'nobody-2000-uncited'")


def test_note_cites_a_key_that_does_not_exist(project):
    edit(project, KISSINGER_NOTES, 'cites = ["doc-1949-12-16-stalin-mao"]', 'cites = ["doc-1949-12-16-stalin-mau"]')
    line = line_of(project, KISSINGER_NOTES, 'cites = ["doc-1949-12-16-stalin-mau"]')
    expect_error(project, f"{KISSINGER_NOTES}:{line}", "cites 'doc-1949-12-16-stalin-mau', which is not a key")


def test_mapping_cites_a_key_that_does_not_exist(project):
    edit(project, "sources/citation-map.toml", 'key = "yao-1985-cong-yalujiang"', 'key = "yao-1958"')
    line = line_of(project, "sources/citation-map.toml", "note = 43") - 2
    expect_error(project, f"sources/citation-map.toml:{line}", "cites 'yao-1958', which is not a key")


def test_unresolved_string_concatenation(project):
    text = (project / BIB).read_text(encoding="utf-8")
    text = '@string{nyt = "New York Times"}\n\n' + text.replace(
        "  journaltitle = {New York Times},", '  journaltitle = nyt # " (late edition)",')
    (project / BIB).write_text(text, encoding="utf-8")
    expect_error(project, f"{BIB}:{line_of(project, BIB, 'nyt # ')}", "concatenates with '#'")


def test_a_string_reference_alone_resolves(project):
    text = (project / BIB).read_text(encoding="utf-8")
    text = '@string{nyt = "New York Times"}\n\n' + text.replace("  journaltitle = {New York Times},",
                                                              "  journaltitle = nyt,")
    (project / BIB).write_text(text, encoding="utf-8")
    from breaking import run_build
    assert run_build(project).returncode == 0


def test_url_with_another_scheme_is_refused(project):
    edit(project, BIB, "  shorttitle = {China's Road to the Korean War},",
         "  shorttitle = {China's Road to the Korean War},\n  url = {javascript:alert(1)},")
    expect_error(project, f"{BIB}:{line_of(project, BIB, 'url = {javascript')}", "must be an https: or http: address")


def test_unknown_archive(project):
    edit(project, BIB, "  archive = {TsAMO},", "  archive = {GARF},")
    expect_error(project, f"{BIB}:{line_of(project, BIB, 'archive = {GARF}')}", "archive 'GARF'")


def test_archive_that_no_entry_uses(project):
    line = append(project, "sources/archives.toml", '[GARF]\nname = "Gosudarstvennyi Arkhiv Rossiiskoi Federatsii"\n'
                                                    'about = "The State Archive of the Russian Federation."\n')
    expect_error(project, f"sources/archives.toml:{line}", r"archive \[GARF\] is used by no entry of "
                                                           "bibliography.bib; remove it, or name it in the 'archive'")


def test_segment_that_resolves_to_nothing(project):
    edit(project, "sources/texts/kim-2016-new-insights-mao-korean-war.md",
         "<sup>13</sup>Jin Chongji, *Mao Zedong zhuan: 1949–1976*", "<sup>13</sup>Jin Chongji, *Mao zhuan*")
    line = line_of(project, "sources/texts/kim-2016-new-insights-mao-korean-war.md", "<sup>13</sup>Jin Chongji")
    expect_error(project, f"sources/texts/kim-2016-new-insights-mao-korean-war.md:{line}",
                 "Kim 2016, note 13: cannot resolve “Jin Chongji, Mao zhuan")


@pytest.mark.parametrize("old, new, shown", [
    ("  publisher = {Nauchnaya Kniga},\n", "  publisher = {Nauchnaya Kniga}\n", "publisher"),
    ("  volume = {3},\n  location", "  volume = 3\n  location", "volume"),
    ("  publisher = {Nauchnaya Kniga},\n", "  publisher = {Nauchnaya} # { Kniga}\n", "publisher"),
])
def test_missing_comma_between_fields(project, old, new, shown):
    """bibtexparser reads a value up to the next comma: the field after it would be swallowed."""
    edit(project, BIB, old, new)
    expect_error(project, f"{BIB}:{line_of(project, BIB, new.split(chr(10))[0].strip())}",
                 f"field '{shown}' of 'bajanov-2002-aktualnye-problemy' goes on after its value")
