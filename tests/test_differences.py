"""Where the texts tell one thing differently (sources/differences.toml): a reviewed list,
each point with the texts' words side by side on *Where the texts meet* and a ≠ link beside
each paragraph to the other account. The build checks that the words quoted stand in the
paragraph named, as the text prints them."""
from __future__ import annotations

import re

from breaking import append, edit, expect_error, line_of

DIFFERENCES = "sources/differences.toml"
STALIN = "On 30 January 1950, however, Stalin reversed his previous position"


def test_the_texts_accounts_stand_side_by_side(site):
    html = (site / "where-the-texts-meet/index.html").read_text(encoding="utf-8")
    part = html[html.index('id="where-the-texts-tell-it-differently"'):html.index('id="documents-both-texts-cite"')]
    assert "A few months later, in April 1950, Stalin reversed his previous position." in part
    assert STALIN in part
    assert re.search(r'href="\.\./texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/#p8"', part)
    assert re.search(r'href="\.\./texts/kim-2016/02-[^"]+/#p19">¶&nbsp;19</a>, p\.&nbsp;243\)', part)  # its print page
    assert re.search(r"¶&nbsp;22</a>, pp\.&nbsp;243–244\)", part)   # a paragraph over two pages: "pp."
    assert "<strong>Editors' note:</strong> Kissinger places Stalin's change of position in April 1950" in part
    assert "differences.toml" not in part                         # nothing internal shown


def test_each_account_links_to_the_other_from_its_paragraph(site):
    html = (site / "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/index.html").read_text(encoding="utf-8")
    p8 = html[html.index('id="p8"'):]
    p8 = p8[:p8.index("</p>")]
    link = re.search(r'<a class="counterpart told-differently" href="([^"]+)" title="([^"]+)">([^<]+)</a>', p8)
    assert link and link[1].endswith("#p19") and link[3] == "≠ told differently in Kim 2016 ¶ 19"
    assert "When Stalin agreed to Kim Il-sung" in link[2]


def test_words_not_in_the_paragraph_named_are_refused(project):
    edit(project, DIFFERENCES, "paragraph = 19", "paragraph = 18")
    line = line_of(project, DIFFERENCES, "paragraph = 18") - 2
    expect_error(project, f"{DIFFERENCES}:{line}", "the words are not in ¶ 18 of Kim 2016 as it prints them; "
                                                   "copy them from the text")


def test_a_difference_quotes_two_texts(project):
    edit(project, DIFFERENCES, 'text = "kim-2016"\nparagraph = 19', 'text = "kissinger-2011"\nparagraph = 8')
    line = line_of(project, DIFFERENCES, "about = \"When Stalin agreed") - 1
    expect_error(project, f"{DIFFERENCES}:{line}", "a difference quotes two texts or more")


def test_a_point_listed_twice_is_refused(project):
    """A copied [[difference]] would show the point twice, each paragraph with two ≠ links."""
    text = (project / DIFFERENCES).read_text(encoding="utf-8")
    first = line_of(project, DIFFERENCES, 'about = "When Stalin agreed') - 1
    block = text[text.index('[[difference]]\nabout = "When Stalin agreed'):text.index("[[difference]]\nabout = \"How Zhou")]
    line = append(project, DIFFERENCES, block)
    expect_error(project, f"{DIFFERENCES}:{line}", "the point “When Stalin agreed to Kim Il-sung's plan” is listed "
                                                   rf"twice \(first at line {first}\)")


def test_a_passage_of_no_text(project):
    edit(project, DIFFERENCES, 'text = "kim-2016"\nparagraph = 19', 'text = "kim-2061"\nparagraph = 19')
    line = line_of(project, DIFFERENCES, 'text = "kim-2061"') - 1
    expect_error(project, f"{DIFFERENCES}:{line}", "text 'kim-2061' is not in texts.toml")


def test_a_sentence_the_paragraph_leaves_open_says_so(site):
    """Kim ¶ 24 ends "Stalin notified Mao that" before the block quotation of the telegram:
    shown on its own, the sentence ends with "…"."""
    html = (site / "where-the-texts-meet/index.html").read_text(encoding="utf-8")
    assert "On 14 May 1950, Stalin notified Mao that… <span" in html
    assert "Stalin notified Mao that <span" not in html
