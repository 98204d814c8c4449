"""The resolver on the real notes: every segment of every note resolves, by every path."""
import csv
from pathlib import Path

import pytest

from edition.model.citations import CITED_FROM, IBID, IDENTIFIED
from edition.model.inlines import plain_text

ORACLE = Path(__file__).parent / "data" / "expected-citations.tsv"


def cited(edition, text_id, note):
    return [(c.key, c.pinpoint) for c in edition.citations_of(text_id, note).citations]


def test_every_note_matches_a_careful_human_reading(edition):
    """tests/data/expected-citations.tsv was written from the notes by hand, independently."""
    expected: dict = {}
    with ORACLE.open(encoding="utf-8") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            expected.setdefault((row["text"], int(row["note"])), []).append(
                (row["key"], row["pinpoint"] or None, row["relation"]))
    got = {(n.text_id, n.note): [(c.key, c.pinpoint, c.relation) for c in n.citations]
           for n in edition.notes if n.citations}
    assert got == expected


def test_every_author_note_resolves_completely(edition):
    notes = [n for n in edition.notes if n.basis == "author"]
    assert len(notes) == 80 + 9
    assert all(n.citations for n in notes)
    assert all(n.commentary == () for n in notes)  # no segment left unexplained


@pytest.mark.parametrize("note", [27, 61, 70, 72, 77])
def test_ibid_resolves_to_the_note_before(edition, note):
    previous = edition.citations_of("kim-2016", note - 1).citations[-1]
    first = edition.citations_of("kim-2016", note).citations[0]
    assert first.relation == IBID and first.key == previous.key


def test_ibid_spellings(edition, texts):
    spellings = {n: plain_text(texts["kim-2016"].note(n).inlines)[:6] for n in (27, 61, 70)}
    assert spellings == {27: "Ibid; ", 61: "Ibid.", 70: "Ibid.,"}
    assert edition.citations_of("kim-2016", 70).citations[0].pinpoint == "54"


def test_short_forms_resolve_to_full_entries(edition):
    assert cited(edition, "kim-2016", 6)[0] == ("chen-1994-chinas-road", "156")
    assert cited(edition, "kim-2016", 8)[1] == ("torkunov-2000-war-korea", "94–5")
    assert cited(edition, "kim-2016", 4)[0][0] == cited(edition, "kim-2016", 6)[0][0]


def test_notes_7_and_41_cite_one_document(edition):
    seven = edition.citations_of("kim-2016", 7).citations[0]
    forty_one = edition.citations_of("kim-2016", 41).citations[0]
    assert seven.key == forty_one.key == "doc-1950-07-02-roshchin-stalin"
    assert (seven.cited_date, forty_one.cited_date) == ("1950-07-03", "1950-07-02")
    assert seven.pinpoint == forty_one.pinpoint == "75–7"


def test_same_locator_two_documents(edition):
    assert cited(edition, "kim-2016", 23) == [("doc-1950-05-12-shtykov-vyshinsky", "100–3")]
    assert cited(edition, "kim-2016", 25) == [("doc-1950-05-13-roshchin-stalin", "100–3")]


def test_misspelt_correspondent_still_resolves(edition):
    assert cited(edition, "kim-2016", 56) == cited(edition, "kim-2016", 45)  # Shykov = Shtykov


def test_kissinger_shares_works_with_kim(edition):
    kim_4 = cited(edition, "kim-2016", 4)[0][0]
    assert cited(edition, "kissinger-2011", 20)[0][0] == kim_4
    assert cited(edition, "kissinger-2011", 29)[0][0] == kim_4
    assert edition.citations_of("kissinger-2011", 18).citations[0].key == cited(edition, "kim-2016", 12)[0][0]
    assert edition.citations_of("kissinger-2011", 18).citations[0].relation == IDENTIFIED


def test_cited_from_links_both(edition):
    document, source = edition.citations_of("kim-2016", 54).citations[:2]
    assert (document.key, source.key, source.relation) == (
        "cia-1950-communist-chinas", "kuhns-undated-assessing-soviet", CITED_FROM)
    assert source.pinpoint == "419–21"


def test_personal_collection(edition):
    assert cited(edition, "kim-2016", 26) == [("doc-1956-09-23-mao-cpsu", None)]


def test_mapping_file_settles_few_segments_and_says_so(edition):
    settled = [(n.text_id, n.note) for n in edition.notes for c in n.citations if c.settled_by]
    assert settled == [("kissinger-2011", 30), ("kissinger-2011", 30), ("kissinger-2011", 33),
                       ("kissinger-2011", 33), ("kim-2016", 43)]


def test_unknown_note_has_no_citation(edition):
    assert edition.citations_of("kissinger-2011", 19).citations == ()
