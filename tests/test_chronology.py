"""The chronology: dates read from the real texts and normalised, dated documents from the
bibliography, and the page that sets both texts side by side."""
from __future__ import annotations

import re

import pytest

from support import paragraphs
from edition.analyse.chronology import (DAY, DOCUMENT, MONTH, MONTH_PART, PASSAGE, YEAR, extract_events, find_dates, sentence_bounds)
from edition.model.inlines import plain_text

KIM, KISSINGER = "kim-2016", "kissinger-2011"


@pytest.fixture(scope="module")
def events(edition):
    return extract_events(edition.texts, edition.notes, edition.entries)


def passages(events, text_id, expression):
    found = [e for e in events if e.kind == PASSAGE and e.text_id == text_id and e.expression == expression]
    assert found, f"{text_id}: {expression!r} not found"
    return found


def only(events, text_id, expression):
    found = passages(events, text_id, expression)
    assert len(found) == 1, found
    return found[0]


def span(event):
    return event.start, event.end, event.precision


# --- the extractor on the real texts ------------------------------------------------

def test_kim_days(events):
    assert span(only(events, KIM, "on 25 June 1950")) == ("1950-06-25", "1950-06-25", DAY)
    assert span(only(events, KIM, "On 2 July 1950")) == ("1950-07-02", "1950-07-02", DAY)
    assert span(only(events, KIM, "From 6–9 June 1950")) == ("1950-06-06", "1950-06-09", DAY)
    assert span(only(events, KIM, "from 2 July to 12 July")) == ("1950-07-02", "1950-07-12", DAY)
    assert span(only(events, KIM, "On 13–14 August")) == ("1950-08-13", "1950-08-14", DAY)


def test_kissinger_american_dates(events):
    visit = only(events, KISSINGER, "on May 13–16, 1950")
    assert span(visit) == ("1950-05-13", "1950-05-16", DAY)
    returned = only(events, KISSINGER, "on May 16")
    assert span(returned) == ("1950-05-16", "1950-05-16", DAY)
    assert "Kim returned to Pyongyang on May 16" in returned.snippet


def test_year_taken_from_what_came_before(events):
    # ¶31 "On 25 June" follows ¶30 "In early May 1950".
    assert span(only(events, KIM, "On 25 June")) == ("1950-06-25", "1950-06-25", DAY)
    # ¶4 has no year; the last year named with a month is 1950 (¶1), not the bare "in 1971".
    late = passages(events, KIM, "in late August")
    assert [e.paragraph for e in late] == [4, 7]
    assert {span(e) for e in late} == {("1950-08-21", "1950-08-31", MONTH_PART)}


def test_on_1_october_in_the_incheon_section_and_the_conclusion(events):
    incheon = only(events, KIM, "On 1 October")
    conclusion = only(events, KIM, "on 1 October")
    assert "incheon" in incheon.page and "conclusion" in conclusion.page
    assert span(incheon) == span(conclusion) == ("1950-10-01", "1950-10-01", DAY)
    assert incheon.notes == (79,)


def test_parts_of_months(events):
    assert span(only(events, KIM, "Since mid-July 1950")) == ("1950-07-11", "1950-07-20", MONTH_PART)
    assert span(only(events, KIM, "by the end of July")) == ("1950-07-21", "1950-07-31", MONTH_PART)
    assert span(only(events, KIM, "At the end of March 1950")) == ("1950-03-21", "1950-03-31", MONTH_PART)
    assert span(only(events, KIM, "In early May 1950")) == ("1950-05-01", "1950-05-10", MONTH_PART)
    assert span(only(events, KIM, "as of late June 1949")) == ("1949-06-21", "1949-06-30", MONTH_PART)


def test_months_years_and_ranges(events):
    assert span(only(events, KISSINGER, "in December 1949")) == ("1949-12-01", "1949-12-31", MONTH)
    assert span(only(events, KIM, "During July and August")) == ("1950-07-01", "1950-08-31", MONTH)
    assert span(only(events, KIM, "as early as July")) == ("1950-07-01", "1950-07-31", MONTH)
    assert span(only(events, KISSINGER, "in 1910")) == ("1910-01-01", "1910-12-31", YEAR)
    # "back in May of 1949 and 1950": two months, one expression
    both = passages(events, KIM, "in May of 1949 and 1950")
    assert [(e.start, e.end) for e in both] == [("1949-05-01", "1949-05-31"), ("1950-05-01", "1950-05-31")]


def test_no_date_from_numbers_that_are_not_dates(events, texts):
    words = [plain_text(p.inlines) for t in texts.values() for p, _ in paragraphs(t)]
    assert any("NSC-48/2" in w for w in words) and any("320,000" in w for w in words)
    for event in (e for e in events if e.kind == PASSAGE):
        assert not re.search(r"38th|NSC|48/2|320|000|fifty|1980s|1950s", event.expression), event
        assert re.search(r"[A-Z][a-z]+|1[89]\d\d", event.expression), event
    assert find_dates("the 38th parallel, NSC-48/2, 320,000 soldiers, fifty thousand, 3–5 years, "
                      "the early 1980s, the 7th Fleet", 1950) == []


def test_expressions_are_read_from_the_words_not_the_note_markers(events, texts):
    """Markers are not in the plain text, so "war.19" can never become a date; and each
    expression is exactly the text at its position."""
    by_number = {(t.meta.id, p.number): plain_text(p.inlines) for t in texts.values() for p, _ in paragraphs(t)}
    for event in (e for e in events if e.kind == PASSAGE):
        words = by_number[(event.text_id, event.paragraph)]
        assert words[event.position:event.position + len(event.expression)] == event.expression
    # Kissinger ¶4 carries note 19 after "the end of the war."; only the two years are dates.
    assert [e.expression for e in events if e.text_id == KISSINGER and e.paragraph == 4] == ["in 1910", "In 1945"]


def test_snippets_are_sentences_with_the_date(events):
    for event in (e for e in events if e.kind == PASSAGE):
        assert 0 < len(event.snippet) <= 200
        at = event.snippet_at
        assert event.snippet[at:at + len(event.expression)] == event.expression
    assert only(events, KIM, "On 2 July 1950").snippet.startswith("On 2 July 1950, Zhou Enlai, when receiving "
                                                                  "Soviet ambassador N.V. Roshchin")


def test_sentences_do_not_end_at_initials():
    words = "He met N.V. Roshchin on 2 July. T. Shtykov came later."
    assert sentence_bounds(words, words.index("2 July")) == (0, words.index(" T."))


def test_notes_of_the_sentence(events):
    assert only(events, KISSINGER, "in December 1949").notes == (18,)
    # the sentence leads into a block quote whose note supports it
    assert only(events, KIM, "On 14 May 1950").notes == (28,)
    # the first sentence of ¶11: its note is none of its own (note 12 is for the quote)
    assert only(events, KIM, "in October 1949").notes == ()


def test_dated_documents(events):
    documents = {e.key: e for e in events if e.kind == DOCUMENT}
    telegram = documents["doc-1950-07-02-roshchin-stalin"]
    assert span(telegram) == ("1950-07-02", "1950-07-02", DAY)
    assert [(c.text_id, c.note, c.cited_date) for c in telegram.citing] == [
        (KIM, 7, "1950-07-03"), (KIM, 41, "")]
    assert [c.paragraph for c in telegram.citing] == [5, 38]
    conversation = documents["doc-1949-12-16-stalin-mao"]
    assert {(c.text_id, c.note) for c in conversation.citing} == {(KIM, 12), (KISSINGER, 18)}
    assert span(documents["neibu-cankao-1950-171"]) == ("1950-07-01", "1950-07-01", DAY)
    assert "frus-1950-v07-unsc-resolution-06-25" in documents
    # books are not events, nor is a document without a date
    assert "chen-1994-chinas-road" not in documents and "doc-undated-shtykov-gromyko" not in documents


def test_order_is_chronological_and_deterministic(edition, events):
    keys = [e.period.sort_key for e in events]
    assert keys == sorted(keys)
    again = extract_events(list(reversed(edition.texts)), edition.notes, edition.entries)
    assert sorted(again, key=repr) == sorted(events, key=repr)  # the year context does not leak between texts
    assert extract_events(edition.texts, edition.notes, edition.entries) == events


def test_counts(events):
    count = {t: sum(1 for e in events if e.text_id == t) for t in (KISSINGER, KIM)}
    assert count[KISSINGER] >= 13 and count[KIM] >= 85
    assert sum(1 for e in events if e.kind == DOCUMENT) >= 40


# --- the page ---------------------------------------------------------------------------

def rows(html: str) -> dict[str, list[str]]:
    """Row id -> the row's cells (HTML)."""
    found = {}
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        anchor = re.search(r'<span id="(d[^"]+)"', row)
        if anchor:
            found[anchor[1]] = re.findall(r"<td>(.*?)</td>", row, re.S)
    return found


@pytest.fixture(scope="module")
def page(site):
    return (site / "chronology" / "index.html").read_text(encoding="utf-8")


def test_page_is_sorted(page):
    spans = re.findall(r'data-start="([\d-]+)" data-end="([\d-]+)"', page)
    assert len(spans) > 80
    # earlier first; of two periods that start together, the longer first
    keys = [(start, -int(end.replace("-", ""))) for start, end in spans]
    assert keys == sorted(keys)
    ids = re.findall(r'<span id="(d[^"]+)"', page)
    assert len(ids) == len(set(ids)) == len(spans)


def test_stalin_mao_conversation_with_both_texts(page):
    date, kissinger, kim, documents = rows(page)["d1949-12-16"]
    assert "16 December 1949" in date
    assert "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/#p1" in kissinger
    assert "/#fn:18" in kissinger
    assert "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/#p11" in kim
    assert "documents/doc-1949-12-16-stalin-mao/" in documents


def test_kim_il_sung_in_beijing_with_both_texts(page):
    date, kissinger, kim, _ = rows(page)["d1950-05-13--1950-05-16"]
    assert "<strong>13–16 May 1950</strong>" in date
    assert "kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/#p20" in kissinger
    assert "kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/#p22" in kim


def test_2_july_1950_links_the_paragraph_and_the_document(page):
    _, kissinger, kim, documents = rows(page)["d1950-07-02"]
    assert "kim-2016/03-from-a-passive-to-an-eager-stance/#p36" in kim
    assert "kim-2016/01-introduction/#p5" in kim
    assert "<strong>On 2 July 1950</strong>" in kim
    assert "../documents/doc-1950-07-02-roshchin-stalin/" in documents
    assert "kim-2016/03-from-a-passive-to-an-eager-stance/#fn:41" in documents
    assert "the note dates it 3 July 1950" in documents
    assert kissinger == ""


def test_approximate_dates_are_marked(page):
    date, *_ = rows(page)["d1950-08-late"]
    assert "≈" in date and "late August 1950" in date and "21–31 August 1950" in date
    day, *_ = rows(page)["d1950-06-25"]
    assert "≈" not in day and "<strong>25 June 1950</strong>" in day


def test_a_year_or_a_month_as_written_is_not_marked_approximate(page):
    # "incorporated into imperial Japan in 1910": an exact year, which names no day.
    year, kissinger, *_ = rows(page)["d1910"]
    assert "<strong>in 1910</strong>" in kissinger
    assert "≈" not in year and "approximate" not in year and year.endswith("1910")
    month, *_ = rows(page)["d1950-04"]
    assert "≈" not in month and month.endswith("April 1950")
    legend = page[page.index("Dates in <strong>bold</strong>"):]
    legend = legend[:legend.index("</p>")]
    assert "plain type name a month or a year and no day" in legend
    assert "≈ marks a part of a month" in legend


def test_the_documents_cell_is_labelled(page):
    # On screen the rows stand without their header: each filled cell names its column.
    *_, documents = rows(page)["d1950-07-02"]
    assert documents.startswith('<span class="cell-label" data-pagefind-ignore>Documents</span>')
