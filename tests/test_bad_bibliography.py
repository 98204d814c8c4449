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
    expect_error(project, f"{BIB}:{line_of(project, BIB, CHEN) + 2}",
                 rf"field 'title' opens a brace that it never closes, so the entry runs on into "
                 rf"line {line_of(project, BIB, CHEN) + 3}; end the value with '}}'")


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


def test_a_note_that_names_an_entry_by_its_key_is_refused(project):
    edit(project, BIB, "(Kim (2016) n. 25)", "(Kim (2016) n. 25; doc-1950-05-13-roshchin-stalin)")
    expect_error(project, f"{BIB}:{line_of(project, BIB, 'n. 25; doc-1950-05-13')}",
                 "'note' of 'doc-1950-05-12-shtykov-vyshinsky' names the entry 'doc-1950-05-13-roshchin-stalin' "
                 "by its key, which readers see as written")


@pytest.mark.parametrize("second", ["location = {Kiev},", "Location = {Kiev},"])
def test_field_given_twice(project, second):
    """bibtexparser fails the whole entry (or keeps the last of 'location' and 'Location'):
    the message names the field and both lines."""
    edit(project, BIB, "  location = {Moscow},\n", f"  location = {{Moscow}},\n  {second}\n")
    first = line_of(project, BIB, "location = {Moscow}")
    expect_error(project, f"{BIB}:{first + 1}", "field 'location' of 'bajanov-2002-aktualnye-problemy' is given "
                                                f"twice \\(first at line {first}\\); keep one")


@pytest.mark.parametrize("old, new, field, key", [
    ("author = {{Chen Jian}},", "author = {{Chen Jian} and },", "author", "chen-1994-chinas-road"),
    ("author = {Hao and Zhai},", "author = {Hao and and Zhai},", "author", "hao-1990-chinas-decision"),
    ("translator = {Silver, Neil},", "translator = {and Silver, Neil},", "translator", "shen-forthcoming-mao-zedong"),
    ("editor = {Matray, James I.},", "editor = {Matray, James I. and},", "editor", "qing-2012-us-china-confrontation"),
])
def test_empty_name_in_a_name_list(project, old, new, field, key):
    """A stray 'and' would print "Chen Jian and." in the bibliography."""
    edit(project, BIB, old, new)
    expect_error(project, f"{BIB}:{line_of(project, BIB, new)}",
                 f"'{field}' of '{key}' has an empty name \\(a stray 'and'\\?\\); remove it")


def test_name_with_more_than_two_commas(project):
    new = "author = {Chai, Jr, Chengwen, X and {Zhao Yongtian}},"
    edit(project, BIB, "author = {{Chai Chengwen} and {Zhao Yongtian}},", new)
    expect_error(project, f"{BIB}:{line_of(project, BIB, new)}",
                 "'author' of 'chai-1992-banmendingian-tanpan' has the name 'Chai, Jr, Chengwen, X' with 3 commas; "
                 "BibTeX names take at most \"Last, Jr, First\"")


@pytest.mark.parametrize("note, old, added, basis, belongs", [
    (19, 'number = 19\nbasis = "unknown"\n', 'text = "Ibid."', "unknown", '"author"'),
    (19, 'number = 19\nbasis = "unknown"\n', 'identification = "A telegram."', "unknown", '"editorial"'),
    (19, 'number = 19\nbasis = "unknown"\n', 'cites = ["chen-1994-chinas-road"]', "unknown", '"author" or "editorial"'),
    (20, 'number = 20\nbasis = "author"\n', 'identification = "Chen Jian."', "author", '"editorial"'),
    (20, 'number = 20\nbasis = "author"\n', 'evidence = "Seen."', "author", '"editorial"'),
    (18, 'number = 18\nbasis = "editorial"\n', 'comment = "A remark."', "editorial", '"author"'),
])
def test_note_field_of_another_basis(project, note, old, added, basis, belongs):
    """A field the note's basis does not show would be published in downloads/notes.json only."""
    edit(project, KISSINGER_NOTES, old, old + added + "\n")
    name = added.split(" ")[0]
    expect_error(project, f"{KISSINGER_NOTES}:{line_of(project, KISSINGER_NOTES, added)}",
                 f"'{name}' does not belong to note {note}, whose basis is \"{basis}\" \\(it belongs with basis "
                 f"{belongs}\\); remove it or change the basis")


@pytest.mark.parametrize("old, new, message", [
    ("  pubstate = {forthcoming}\n}\n\n@book{shi", "  pubstate = {forthcomming}\n}\n\n@book{shi",
     "pubstate 'forthcomming' of 'shen-forthcoming-mao-zedong' must be 'forthcoming'"),
    ("  entrysubtype = {newspaper},", "  entrysubtype = {newpaper},",
     "entrysubtype 'newpaper' of 'new-york-times-1949-marthur-pledges' must be 'archival' or 'newspaper'"),
])
def test_a_value_the_pages_do_not_know(project, old, new, message):
    """A misspelt pubstate or entrysubtype was read as none: the forthcoming work dated
    "n.d.", the newspaper article set as a journal's, with nothing said."""
    edit(project, BIB, old, new)
    expect_error(project, f"{BIB}:{line_of(project, BIB, new.split(chr(10))[0].strip())}", message)


def test_doctype_not_known_names_the_entry(project):
    edit(project, BIB, "  doctype = {telegram},\n  sender = {Roshchin},", "  doctype = {Telegram},\n  sender = {Roshchin},")
    expect_error(project, f"{BIB}:{line_of(project, BIB, 'doctype = {Telegram}')}",
                 "doctype 'Telegram' of 'doc-1950-0.-..-roshchin-stalin' must be one of conversation, decision")


@pytest.mark.parametrize("written, message", [
    ("Kim (2016), n. 97", r"'as_cited' of \[APRF\] cites note 97, but Kim 2016 has notes 1–80"),
    ("Kim (2017), n. 7", r"'as_cited' of \[APRF\] names no text of the edition"),
    ("Kim (2016), note 7", r"'as_cited' of \[APRF\] is “Kim \(2016\), note 7”; write the note .* as “Kim \(2016\), n. 7”"),
])
def test_an_archive_cited_from_a_note_the_texts_do_not_have(project, written, message):
    """The archive's page prints "Full name as cited: …": a note no text has sent readers to nothing."""
    archives = "sources/archives.toml"
    edit(project, archives, 'as_cited = "Kim (2016), n. 7"', f'as_cited = "{written}"')
    expect_error(project, f"{archives}:{line_of(project, archives, written)}", message)


def test_a_misspelt_key_is_shown_the_nearest_one(project):
    edit(project, KISSINGER_NOTES, 'cites = ["doc-1949-12-16-stalin-mao"]', 'cites = ["doc-1949-12-16-stalin-mau"]')
    line = line_of(project, KISSINGER_NOTES, 'cites = ["doc-1949-12-16-stalin-mau"]')
    expect_error(project, f"{KISSINGER_NOTES}:{line}", "cites 'doc-1949-12-16-stalin-mau', which is not a key in "
                                                       "sources/bibliography.bib; the nearest key is "
                                                       "'doc-1949-12-16-stalin-mao': write it if that is the entry meant")
