"""Facts a historian would check: each as the sources support it, each with its source,
and the author's notes exactly as the book prints them (corrections shown as the editors')."""
from __future__ import annotations

import pytest

from edition.build import render_edition
from edition.model.inlines import plain_text
from edition.model.text import AUTHOR

KISSINGER = "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war.md"


@pytest.fixture(scope="module")
def files(edition):
    return render_edition(edition)


def person(edition, key):
    return next(p for p in edition.registers.persons if p.id == key)


def note(edition, text_id, number):
    text = next(t for t in edition.texts if t.meta.id == text_id)
    return next(n for n in text.notes if n.number == number)


def footnote(page: str, number: int) -> str:
    start = page.index(f'<li id="fn:{number}"')
    return page[start:page.index("</li>", start)]


def test_stalins_offices_in_1950_are_the_ones_the_documents_give(edition):
    stalin = person(edition, "stalin")
    assert "CPSU" not in stalin.role and "General Secretary" not in stalin.role
    assert "Chairman of the Council of Ministers of the USSR" in stalin.role
    assert "VKP(b)" in stalin.role
    assert "https://history.state.gov/historicaldocuments/frus1948v07/d445" in stalin.sources
    assert "https://digitalarchive.wilsoncenter.org/document/note-v-grigoryan-cde-stalin" in stalin.sources


def test_achesons_speech_and_the_bulletin_each_keep_their_date(edition, files):
    acheson = person(edition, "acheson")
    assert "National Press Club on 12 January 1950" in acheson.role
    assert "Department of State Bulletin of 23 January 1950" in acheson.role
    assert any(s.startswith("https://www.press.org/") for s in acheson.sources)
    entry = next(e for e in edition.entries if e.key == "acheson-1950-crisis-asia")
    assert entry.get("date") == "1950-01-23"                    # the Bulletin issue
    assert "National Press Club on 12 January 1950" in entry.get("note")
    assert "12 January 1950" in files["people/acheson.md"]


def test_kissinger_note_21_as_printed(edition, files):
    n21 = note(edition, "kissinger-2011", 21)
    assert n21.basis == AUTHOR
    assert ("Cold War International History Project Working Paper Series, working paper no. 39 "
            "(Washington") in plain_text(n21.inlines)
    assert "working paper no. 39" in footnote(files[KISSINGER], 21)


def test_kissinger_note_33_as_printed_with_the_editors_correction_apart(edition, files):
    n33 = note(edition, "kissinger-2011", 33)
    words = plain_text(n33.inlines)
    assert "Sidalin Weishenma zhichi" in words
    assert "zhu 'Mao Zedong, Sidalin yu Chaoxian zhanzheng'" in words
    assert "On Reading Shen Zhihua's 'Mao Zedong, Stalin and the Korean War'" in words
    assert "Ershiyi Shiji [Twentieth Century]" in words and "Twenty-First" not in words
    assert "Twenty-First Century" in plain_text(n33.comment)      # the editors' words, apart
    shown = footnote(files[KISSINGER], 33)
    assert "<strong>Editor:</strong>" in shown and "Twenty-First Century" in shown


@pytest.mark.parametrize("number", [30, 33])
def test_also_cited_says_the_link_is_the_editors_but_not_the_citation(files, number):
    """n. 30 names the Chinese original inside the citation of its translation: the author
    cites it, so it is not labelled an identification; the link is the editors'."""
    shown = footnote(files[KISSINGER], number)
    also = shown[shown.index('<span class="also-cites">'):]
    assert also.startswith('<span class="also-cites">(also cited in the note\'s words; linked by the editors: ')
    assert "basis-editorial" not in also[:also.index("</span>")]
