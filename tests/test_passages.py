"""The sentence each note marker closes (analyse/passages.py), and *Where the texts meet*
showing those sentences side by side instead of paragraph numbers."""
from __future__ import annotations

import pytest

from edition.analyse.passages import CONTINUES, citing_sentence, citing_sentences, sentence_before
from edition.build import render_edition
from edition.model.text import NoteRef, Paragraph, Plain

PAGE = "where-the-texts-meet/index.md"


@pytest.fixture(scope="module")
def sentences(edition):
    return citing_sentences(edition.texts)


@pytest.fixture(scope="module")
def page(edition):
    return render_edition(edition)[PAGE]


def test_every_marker_of_both_texts_has_its_sentence(edition, sentences):
    expected = {(n.text_id, n.note) for n in edition.notes}
    assert set(sentences) == expected and len(expected) == 80 + 16
    assert all(s.sentence for s in sentences.values())


def test_kim_28_closes_the_quoted_telegram(sentences, texts):
    n28 = sentences[("kim-2016", 28)]
    assert n28.sentence == ("If the Chinese comrades do not agree, the decision on the question should be "
                            "postponed until a new discussion.")
    assert n28.quotation and n28.print_page == 244 and n28.paragraph_number == 25
    assert n28.page == "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of.md"
    assert citing_sentence(texts["kim-2016"], 28) == (25, n28.sentence)


def test_a_sentence_does_not_end_inside_a_quotation(sentences):
    """Kim n. 24 closes a quotation of two sentences: the citing sentence is the whole of
    it with the words that introduce it, not its last sentence alone."""
    assert sentences[("kim-2016", 24)].sentence == (
        "On 3 May 1950, Stalin tersely informed Mao that 'Korean comrades visited us recently. "
        "I will inform you shortly about the results of the conversations.'")
    # Kissinger's curly marks, and an apostrophe (Mao's) that opens and closes nothing
    assert sentence_before("He quoted Mao's words: “Go. Now.” Then he left.", 33) == "He quoted Mao's words: “Go. Now.”"


def test_kissinger_18_is_the_sentence_before_the_glued_marker(sentences):
    n18 = sentences[("kissinger-2011", 18)]
    assert n18.sentence.startswith("In their Moscow meeting, Stalin had fended off")
    assert n18.sentence.endswith("“Kim Il Sung decides to invade China.”")
    assert n18.print_page == 0 and not n18.quotation      # the e-book shows no pages


def test_a_marker_inside_a_sentence_closes_only_the_words_before_it():
    words = "Mao agreed. Stalin, who had doubts, consented on 30 January and Kim left. Then war came."
    marker = words.index(" consented")
    assert sentence_before(words, marker) == "Stalin, who had doubts," + CONTINUES
    assert sentence_before(words, words.index(" Then")) == "Stalin, who had doubts, consented on 30 January and Kim left."
    assert sentence_before(words, len(words)) == "Then war came."


def test_made_up_text_two_markers_in_one_paragraph(texts):
    import dataclasses
    kim = texts["kim-2016"]
    paragraph = Paragraph((Plain("First claim."), NoteRef(1), Plain(" Second claim, at length."), NoteRef(2)), 1, 1)
    section = dataclasses.replace(kim.sections[0], blocks=(paragraph,), appendix=(), page_start=0)
    made_up = dataclasses.replace(kim, sections=(section,), title_page=7)
    found = citing_sentences([made_up])
    assert found[("kim-2016", 1)].sentence == "First claim." and found[("kim-2016", 1)].print_page == 7
    assert found[("kim-2016", 2)].sentence == "Second claim, at length."


def test_where_the_texts_meet_shows_both_texts_words_for_a_shared_document(page):
    block = page[page.index("### Telegram from Stalin to Mao Zedong, May 14, 1950"):]
    block = block[:block.index("\n### ")]
    assert "| Kissinger 2011 | Kim 2016 |" in block
    assert "If the Chinese comrades do not agree, the decision on the question should be postponed" in block  # Kim n. 28
    assert "in a block quotation, [n. 28]" in block and "p. 244" in block
    assert "#fn:31" in block and "#fn:32" in block


def test_shared_persons_show_the_sentences_that_name_them(page):
    row = next(line for line in page.splitlines() if line.startswith("| [Zhou Enlai]"))
    assert "ordered Zhou Enlai to cable Moscow" in row          # Kissinger ¶ 24
    assert "Zhou Enlai proposed that 'the meeting have an official character'" in row   # Kim ¶ 21
    # Kim names him in 13 paragraphs: the first three stand here, the person's page has all
    assert row.count("[¶ ") == 1 + 3
    assert row.endswith("[and 10 more paragraphs: every one on the person's page](../people/zhou-enlai.md) |")
    assert "[and 1 more paragraph: every one" in page and "and 1 more paragraphs" not in page   # one, not "1 ... paragraphs"


def test_no_item_is_a_bare_list_of_paragraph_numbers(page):
    assert not [line for line in page.splitlines() if line.startswith("- **")]
