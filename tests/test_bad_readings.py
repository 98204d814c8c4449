"""Bad data in sources/readings.toml stops the build with `readings.toml:line: message`,
exit 1, no traceback, the previous output intact (breaking.expect_error)."""
from __future__ import annotations

import pytest

from breaking import append, edit, expect_error, line_of

READINGS = "sources/readings.toml"
ENTRY = "frus-1950-v07-unsc-resolution-06-25"
FOUND = f'''[[reading]]
entry = "{ENTRY}"
status = "read-and-compared"
url = "https://history.state.gov/historicaldocuments/frus1950v07/d84"
publisher = "Foreign Relations of the United States"
title = "Resolution"
comparison = "agrees"
checked = "2026-11-22"

[reading.evidence]
date = "1950-06-25"
sender = ""
recipient = ""
locator = ""
pages = "155-156"
'''


def without_reading(project, entry: str) -> None:
    """Drop the real reading for an entry, so that a test can add its own."""
    path = project / READINGS
    blocks = path.read_text(encoding="utf-8").split("[[reading]]")
    kept = [b for b in blocks if f'entry = "{entry}"' not in b]
    assert len(kept) == len(blocks) - 1, entry
    path.write_text("[[reading]]".join(kept), encoding="utf-8")


def add(project, block: str, entry: str = ENTRY) -> int:
    without_reading(project, entry)
    return append(project, READINGS, block)


def test_unknown_top_level_key(project):
    line = append(project, READINGS, '[polcy]\nallowed_hosts = ["example.org"]\n')
    expect_error(project, f"{READINGS}:{line}", "unknown field 'polcy' in readings.toml; the file holds only \\[\\[reading\\]\\] tables")


def test_a_misspelt_reading_header_is_named_not_the_sub_table_it_orphans(project):
    """[[readings]] for [[reading]]: tomllib blames the [reading.evidence] below it
    (declared twice, with the reading before); the build names the header."""
    edit(project, READINGS, f'[[reading]]\nentry = "{ENTRY}"', f'[[readings]]\nentry = "{ENTRY}"')
    line = line_of(project, READINGS, "[[readings]]")
    evidence = line + next(i for i, text in enumerate((project / READINGS).read_text(encoding="utf-8")
                                                     .split("\n")[line:]) if text == "[reading.evidence]") + 1
    expect_error(project, f"{READINGS}:{line}", r"\[\[readings\]\] is not a table of this file, so the "
                 rf"\[reading.evidence\] at line {evidence} falls to the \[\[reading\]\] before it; "
                 r"write this header as \[\[reading\]\]")


def test_unknown_key_in_a_reading(project):
    line = add(project, FOUND.replace('checked = "2026-11-22"', 'checked = "2026-11-22"\nlink = "x"'))
    expect_error(project, f"{READINGS}:{line + 8}", "unknown field 'link' in \\[\\[reading\\]\\] with status \"read-and-compared\"; the fields are listed")


def test_key_of_the_other_status(project):
    line = add(project, FOUND.replace('checked = "2026-11-22"', 'checked = "2026-11-22"\nsearched = "x"'))
    expect_error(project, f"{READINGS}:{line + 8}", "'searched' does not belong to \\[\\[reading\\]\\], whose status is \"read-and-compared\" \\(it belongs with status \"listed-by-publisher\" or \"printed-in\" or \"not-found\"\\); remove it or change the status")


def test_unknown_evidence_field(project):
    line = add(project, FOUND + 'telegram = "no. 8600"\n')
    expect_error(project, f"{READINGS}:{line + 15}", r"unknown field 'telegram' in \[reading.evidence\]; the evidence fields are date, sender, recipient, locator, pages")


def test_entry_not_in_the_bibliography(project):
    line = append(project, READINGS, FOUND.replace(ENTRY, "frus-1950-v07-unsc-resolution-06-26"))
    expect_error(project, f"{READINGS}:{line + 1}",
                 "entry 'frus-1950-v07-unsc-resolution-06-26' is not a key in bibliography.bib")


def test_second_reading_for_an_entry(project):
    first = line_of(project, READINGS, f'entry = "{ENTRY}"') - 1
    line = append(project, READINGS, FOUND)
    expect_error(project, f"{READINGS}:{line}", f"a second \\[\\[reading\\]\\] for '{ENTRY}' "
                                                f"\\(the first is at line {first}\\)")


def test_url_that_is_not_https(project):
    line = add(project, FOUND.replace("https://history", "http://history"))
    expect_error(project, f"{READINGS}:{line + 3}", "must be an https:// address")


def test_url_with_a_script_scheme(project):
    line = add(project, FOUND.replace("https://history.state.gov/historicaldocuments/frus1950v07/d84",
                                      "javascript:alert(1)"))
    expect_error(project, f"{READINGS}:{line + 3}", "must be an https:// address")


def test_host_not_on_the_allow_list(project):
    line = add(project, FOUND.replace("https://history.state.gov", "https://wilson-center-digital-archive.dvincitest.com"))
    expect_error(project, f"{READINGS}:{line + 3}", "host 'wilson-center-digital-archive.dvincitest.com' is not "
                                                    r"allowed by sources/source-policy\.toml")


def test_found_without_title(project):
    line = add(project, FOUND.replace('title = "Resolution"\n', ""))
    expect_error(project, f"{READINGS}:{line}", r"\[\[reading\]\] with status \"read-and-compared\" needs 'title'")


def test_found_without_evidence(project):
    line = add(project, FOUND.split("\n[reading.evidence]")[0] + "\n")
    expect_error(project, f"{READINGS}:{line}", r"\[\[reading\]\] with status \"read-and-compared\" needs 'evidence'")


def test_missing_evidence_field(project):
    line = add(project, FOUND.replace('pages = "155-156"\n', ""))
    expect_error(project, f"{READINGS}:{line + 9}", r"\[reading.evidence\] needs 'pages'; .*\"\" where the page prints none")


def test_not_found_without_the_search(project):
    line = add(project, f'[[reading]]\nentry = "{ENTRY}"\nstatus = "not-found"\nchecked = "2026-11-22"\n')
    expect_error(project, f"{READINGS}:{line}", r"\[\[reading\]\] with status \"not-found\" needs 'searched'")


@pytest.mark.parametrize("field, remark, offset", [("searched", "TODO: ask the archive", 6),
                                                   ("named_by", "Kim (2016) n. 34 [check]", 4)])
def test_an_editors_to_do_in_a_reading(project, field, remark, offset):
    """The searches and what names a print copy are shown to the public, in the editors' words."""
    block = PRINTED + 'searched = "The publisher\'s listing, 2026-11-22."\n'
    line = add(project, block.replace(f'{field} = "', f'{field} = "{remark}; '))
    expect_error(project, f"{READINGS}:{line + offset}", rf"'{field}' of \[\[reading\]\] with status \"printed-in\" "
                                                         "holds “.*”, an editor's to-do, and it is shown to the public")


def test_unknown_status(project):
    line = add(project, FOUND.replace('status = "read-and-compared"', 'status = "maybe"'))
    expect_error(project, f"{READINGS}:{line + 2}", r"'status' of \[\[reading\]\] must be one of: read-and-compared, listed-by-publisher, printed-in, not-found \(not 'maybe'\)")


def test_differs_without_differences(project):
    line = add(project, FOUND.replace('comparison = "agrees"', 'comparison = "differs"'))
    expect_error(project, f"{READINGS}:{line + 6}", "comparison = \"differs\" needs differences")


def test_difference_the_file_does_not_declare(project):
    line = add(project, FOUND.replace('date = "1950-06-25"', 'date = "1950-06-26"'))
    expect_error(project, f"{READINGS}:{line + 10}", r"the publisher's date \(1950-06-26\) differs from the "
                                                     "entry's date 1950-06-25; if the page shows this")


def test_a_declared_difference_the_page_does_not_show(project):
    """A difference declared where the page prints exactly what the entry gives (a stale
    line after the entry was corrected, or a slip) would be published as a finding."""
    line = add(project, FOUND.replace('comparison = "agrees"', 'comparison = "differs"\ndifferences = '
                                      '["date: the page dates it 1950-06-26"]'))
    expect_error(project, f"{READINGS}:{line + 7}", r"the difference “date: the page dates it 1950-06-26” is "
                                                    r"declared, but the publisher's date is the edition's \(1950-06-25, "
                                                    r"as the entry's date 1950-06-25\); remove the line")


def test_pages_that_do_not_hold_the_cited_pages(project):
    line = add(project, FOUND.replace('pages = "155-156"', 'pages = "157-158"'))
    expect_error(project, f"{READINGS}:{line + 14}", r"the publisher's pages \(157-158\) differ from the pages "
                                                     r"the notes cite \(Kim 2016 n. 34: 155–6\)")


def test_archival_leaves_that_differ_undeclared(project):
    edit(project, READINGS, 'locator = "TsAMO RF, fond 5, opis 918795, delo 121, listi 705-706"',
         'locator = "TsAMO RF, fond 5, opis 918795, delo 121, listi 707-708"')
    expect_error(project, f"{READINGS}:{line_of(project, READINGS, 'listi 707-708')}",
                 "the publisher's leaves .* differ from the leaves the notes cite")


def test_difference_without_its_field(project):
    line = add(project, FOUND.replace('comparison = "agrees"', 'comparison = "differs"\ndifferences = ["a date"]'))
    expect_error(project, f"{READINGS}:{line + 7}", "difference “a date” must start with the field")


@pytest.mark.parametrize("day", ["2026-02-31", "2026-13-45"])
def test_checked_that_is_no_real_date(project, day):
    line = add(project, FOUND.replace('checked = "2026-11-22"', f'checked = "{day}"'))
    expect_error(project, f"{READINGS}:{line + 7}", r"'checked' of \[\[reading\]\] with status \"read-and-compared\" "
                                                    f"must be a real date, as YYYY-MM-DD .*, not '{day}'")


def test_checked_in_the_future(project):
    line = add(project, PRINTED.replace('checked = "2026-11-22"', 'checked = "2099-12-07"'))
    expect_error(project, f"{READINGS}:{line + 5}", r"'checked' of \[\[reading\]\] .* is '2099-12-07', which lies in "
                                                    "the future; write the date of the search")


def test_evidence_date_not_iso(project):
    line = add(project, FOUND.replace('date = "1950-06-25"', 'date = "June 25, 1950"'))
    expect_error(project, f"{READINGS}:{line + 10}", r"'date' of \[reading.evidence\] must be written YYYY, YYYY-MM or YYYY-MM-DD .*, not 'June 25, 1950'")



def test_a_policy_of_its_own_is_refused(project):
    """The hosts a reading may link to are the allowed hosts of sources/source-policy.toml."""
    line = append(project, READINGS, '[policy]\nallowed_hosts = ["example.org"]\n')
    expect_error(project, f"{READINGS}:{line}", r"unknown field 'policy' in readings.toml; .*\[\[allow\]\] hosts of sources/source-policy\.toml")


def test_url_that_cannot_be_read(project):
    line = add(project, FOUND.replace("https://history.state.gov/", "https://[history.state.gov/"))
    expect_error(project, f"{READINGS}:{line + 3}", r"url 'https://\[history.state.gov/.*' cannot be read")


def test_status_that_is_not_a_string(project):
    line = add(project, FOUND.replace('status = "read-and-compared"', 'status = ["read-and-compared"]'))
    expect_error(project, f"{READINGS}:{line + 2}", r"'status' of \[\[reading\]\] must be one of: read-and-compared, listed-by-publisher, printed-in, not-found \(not \['read-and-compared'\]\)")


LISTED = f'''[[reading]]
entry = "{ENTRY}"
status = "listed-by-publisher"
url = "https://history.state.gov/historicaldocuments/frus1950v07/d84"
publisher = "Foreign Relations of the United States"
title = "Resolution"
compared = "the date, as the listing gives it"
checked = "2026-11-22"
'''
PRINTED = f'''[[reading]]
entry = "{ENTRY}"
status = "printed-in"
printed_in = ["Foreign Relations of the United States, 1950, vol. VII, Korea, 155-156"]
named_by = "Kim (2016) n. 34"
checked = "2026-11-22"
'''


def test_listed_without_what_was_compared(project):
    line = add(project, LISTED.replace('compared = "the date, as the listing gives it"\n', ""))
    expect_error(project, f"{READINGS}:{line}", "needs 'compared'")


def test_listed_on_a_mirror_host(project):
    line = add(project, LISTED.replace("https://history.state.gov", "https://wilson-center.drivingcreative.com"))
    expect_error(project, f"{READINGS}:{line + 3}", "host 'wilson-center.drivingcreative.com' is not allowed")


def test_listed_cannot_claim_a_comparison(project):
    line = add(project, LISTED + 'comparison = "agrees"\n')
    expect_error(project, f"{READINGS}:{line + 8}", "'comparison' does not belong to \\[\\[reading\\]\\], whose status is \"listed-by-publisher\" \\(it belongs with status \"read-and-compared\"\\)")


def test_printed_in_without_who_names_it(project):
    line = add(project, PRINTED.replace('named_by = "Kim (2016) n. 34"\n', ""))
    expect_error(project, f"{READINGS}:{line}", "needs 'named_by'")


def test_printed_in_must_be_a_list(project):
    line = add(project, PRINTED.replace('printed_in = ["Foreign Relations of the United States, 1950, vol. VII, Korea, 155-156"]',
                                        'printed_in = "FRUS"'))
    expect_error(project, f"{READINGS}:{line + 3}", "'printed_in' of .* must be a list of strings")


def test_a_search_that_names_an_entry_by_its_key_is_refused(project):
    """The searches are printed for readers, who know the documents by what they are."""
    old = "the July 1950 searches recorded for Stalin's telegram to Roshchin of 5 July 1950."
    edit(project, READINGS, old, "the July 1950 searches recorded for doc-1950-07-05-stalin-roshchin.")
    expect_error(project, f"{READINGS}:{line_of(project, READINGS, 'recorded for doc-1950-07-05')}",
                 "'searched' of the reading of 'doc-1950-07-02-roshchin-stalin' names the entry "
                 "'doc-1950-07-05-stalin-roshchin' by its key")


def test_a_page_date_that_is_no_real_day_is_refused(project):
    edit(project, READINGS, 'date = "1950-05-14"', 'date = "1950-02-31"')
    line = line_of(project, READINGS, 'date = "1950-02-31"')
    expect_error(project, f"{READINGS}:{line}",
                 "'date' of \\[reading.evidence\\] is '1950-02-31', which is no real date")
