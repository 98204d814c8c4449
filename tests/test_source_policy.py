"""The host policy (sources/source-policy.toml): registers and other editor-written
sources cite reputable pages only, over https, and show no editor's to-do."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from breaking import append, edit, expect_error, line_of
from support import ROOT, copy_project

from edition.errors import EditionError
from edition.load.readings import load_readings
from edition.load.sourcepolicy import ADDRESS, REGISTERS, check_sources, load_policy, violations

PERSONS = "sources/persons.toml"
POLICY = "sources/source-policy.toml"
FIRST_PERSON = "[kim-il-sung]"


@pytest.fixture
def copy(tmp_path):
    """The project's inputs (not built: the policy is checked before anything is written)."""
    return copy_project(tmp_path)


def insert_person(root, body: str) -> int:
    """A person entry before the first one, so that its problem is the first found; its line."""
    line = line_of(root, PERSONS, FIRST_PERSON)
    edit(root, PERSONS, FIRST_PERSON, f"[test-person]\n{body}\n\n{FIRST_PERSON}")
    return line


PERSON = 'name = "Test Person"\nvariants = ["Test Person"]\nkind = "actor"\n'


def test_a_denied_host_stops_the_build_with_the_reason(copy):
    line = insert_person(copy, PERSON + 'sources = ["Kim 2016, n. 1", "https://kids.britannica.com/x/1"]')
    expect_error(copy, f"{PERSONS}:{line + 4}", r"kids\.britannica\.com/x/1 is on a denied host "
                                               r"\(children's encyclopedia; source-policy\.toml line \d+\)")


def test_a_host_on_neither_list_must_be_added_with_its_kind(copy):
    line = insert_person(copy, PERSON + 'sources = ["https://example.org/page"]')
    expect_error(copy, f"{PERSONS}:{line + 4}",
                 r"host 'example\.org' of https://example\.org/page is on neither list of source-policy\.toml; "
                 r".*add it to the allow-list as \[\[allow\]\] host = \"example\.org\" with its kind, or cite another")


def test_an_address_in_a_note_field_is_checked_too(copy):
    line = insert_person(copy, PERSON + 'note = "See https://docslib.org/doc/1 (a copy)."\nsources = ["Kim 2016, n. 1"]')
    expect_error(copy, f"{PERSONS}:{line + 4}", r"https://docslib\.org/doc/1 is on a denied host \(document-dump")


def test_plain_http_is_refused_even_on_an_allowed_host(copy):
    line = insert_person(copy, PERSON + 'sources = ["http://history.state.gov/x"]')
    expect_error(copy, f"{PERSONS}:{line + 4}", r"http://history\.state\.gov/x is not an https address")


@pytest.mark.parametrize("address", ["https://history.state.gov:8443/x", "https://user@history.state.gov/x"])
def test_a_port_or_a_user_is_refused_even_on_an_allowed_host(copy, address):
    line = insert_person(copy, PERSON + f'sources = ["{address}"]')
    expect_error(copy, f"{PERSONS}:{line + 4}", f"{re.escape(address)} names a port or a user; write the page's "
                                                "plain address")


@pytest.mark.parametrize("remark", ["TODO: find dates", "FIXME", "to do: a better source",
                                    "check this against the text",
                                    "replace with a catalogue record when one is to hand",
                                    "[check]", "[verify: the year]", "verify this: Deputy Chief of Staff"])
def test_an_editors_to_do_never_reaches_a_public_page(copy, remark):
    line = insert_person(copy, PERSON + f'note = "Born 1900; {remark}."\nsources = ["Kim 2016, n. 1"]')
    expect_error(copy, f"{PERSONS}:{line + 4}", r"is an editor's to-do, and register fields are shown to the public")


def test_an_editors_to_do_in_an_archives_description_is_refused(copy):
    """The archives' pages print every field of archives.toml."""
    edit(copy, "sources/archives.toml", 'about = "Documents Donggil Kim cites from his own collection."',
         'about = "Documents Donggil Kim cites from his own collection [check]."')
    line = line_of(copy, "sources/archives.toml", "his own collection [check]")
    expect_error(copy, f"sources/archives.toml:{line}", r"“\[check\]” is an editor's to-do, and the fields of "
                                                        "archives.toml are shown to the public; settle it or remove it")


def test_ordinary_prose_is_not_taken_for_a_to_do(tmp_path):
    (tmp_path / "source-policy.toml").write_text("# no hosts\n", encoding="utf-8")
    (tmp_path / "persons.toml").write_text('[x]\nnote = "He had nothing to do with it; the todos of '
                                           'the village (sic). The date was verified [checked in the '
                                           'register]; verifying it took a day."\n', encoding="utf-8")
    assert violations(tmp_path, load_policy(tmp_path)) == []


def test_the_bibliography_and_notes_files_are_covered_but_not_readings(tmp_path):
    (tmp_path / "source-policy.toml").write_text('[[allow]]\nhost = "www.tandfonline.com"\n'
                                                 'kind = "publisher\'s page"\n', encoding="utf-8")
    (tmp_path / "bibliography.bib").write_text("@book{a,\n  title = {A},\n  url = {https://fdocuments.in/a}\n}\n"
                                               "@book{b,\n  url = {https://www.tandfonline.com/b}\n}\n",
                                               encoding="utf-8")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "x.toml").write_text('# https://example.com/in-a-comment\n'
                                               'text = "https://example.com/z"\n', encoding="utf-8")
    (tmp_path / "readings.toml").write_text('url = "https://example.net/has-its-own-policy"\n', encoding="utf-8")
    found = [(v.position.path.name, v.position.line, v.message) for v in violations(tmp_path, load_policy(tmp_path))]
    assert [(name, line) for name, line, _ in found] == [("bibliography.bib", 3), ("x.toml", 2)]
    assert "on neither list" in found[1][2] and "example.com" in found[1][2]


def test_a_host_both_allowed_and_denied_is_refused(copy):
    line = append(copy, POLICY, '[[deny]]\nhost = "history.state.gov"\nwhy = "test"\n')
    expect_error(copy, f"{POLICY}:{line}", r"host 'history\.state\.gov' is both allowed \(line \d+\) and denied")


def test_an_allowed_host_needs_its_kind(copy):
    line = append(copy, POLICY, '[[allow]]\nhost = "example.org"\n')
    expect_error(copy, f"{POLICY}:{line}", r"\[\[allow\]\] needs 'kind'; it holds exactly host = \"\.\.\.\" and kind")


def test_a_host_is_written_bare(tmp_path):
    (tmp_path / "source-policy.toml").write_text('[[allow]]\nhost = "https://www.britannica.com/"\n'
                                                 'kind = "reference work"\n', encoding="utf-8")
    with pytest.raises(EditionError, match="must be a bare lowercase host name"):
        load_policy(tmp_path)


def test_a_missing_policy_stops_the_build(copy):
    (copy / POLICY).unlink()
    expect_error(copy, POLICY, "the host policy is missing")


# --- the real data ------------------------------------------------------------

def test_the_policy_names_the_hosts_the_audit_refused():
    policy = load_policy(ROOT / "sources")
    for host in ("zlibrary.cc", "kids.britannica.com", "simple.m.wikipedia.org", "www.thefullwiki.org",
                 "www.theinfolist.com", "docslib.org", "fdocuments.in",
                 "wilson-center-digital-archive.dvincitest.com"):
        assert host in policy.deny, host
    assert all(rule.reason for rule in list(policy.allow.values()) + list(policy.deny.values()))


def test_no_register_source_is_on_the_deny_list():
    policy = load_policy(ROOT / "sources")
    denied = [f"{v.position}: {v.message}" for v in violations(ROOT / "sources", policy)
              if "denied host" in v.message]
    assert denied == []
    # ... and not because it read nothing: the registers do cite web pages, on allowed hosts.
    addresses = [a for name in REGISTERS for a in ADDRESS.findall((ROOT / "sources" / name).read_text(encoding="utf-8"))]
    assert len(addresses) >= 10
    assert {urlsplit(a).hostname for a in addresses} <= set(policy.allow)


def test_every_source_address_satisfies_the_policy_and_no_to_do_is_left():
    """... and every allowed host is used, by the sources or by the readings."""
    policy = load_policy(ROOT / "sources")
    readings = load_readings(ROOT / "sources" / "readings.toml", tuple(sorted(policy.allow)))
    check_sources(ROOT / "sources", policy, urls=tuple(r.url for r in readings if r.url))


def test_an_unknown_table_is_reported_at_its_own_line(copy):
    line = append(copy, POLICY, '[[allw]]\nhost = "example.org"\nkind = "publisher\'s page"\n')
    expect_error(copy, f"{POLICY}:{line}", r"unknown field 'allw' in source-policy.toml; the policy has only \[\[allow\]\] and \[\[deny\]\]")


def test_a_kind_outside_the_six_is_refused(copy):
    edit(copy, POLICY, 'kind = "newspaper of record"', 'kind = "blog"')
    line = line_of(copy, POLICY, 'kind = "blog"')
    expect_error(copy, f"{POLICY}:{line}", r"'kind' of \[\[allow\]\] must be one of: scholarly reference work, "
                                           r"library catalogue record, .*newspaper of record")


def test_an_allowed_host_that_no_address_uses_is_refused(copy):
    line = append(copy, POLICY, '[[allow]]\nhost = "www.example.org"\nkind = "publisher\'s page"\n')
    expect_error(copy, f"{POLICY}:{line}", r"host 'www\.example\.org' is allowed, but no address in the sources "
                                           r"lies on it; remove its \[\[allow\]\] table")
