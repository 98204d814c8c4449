"""The Kim reader on the real PDF conversion."""
import re

from support import paragraphs

from edition.model.text import PageStart
from edition.model.inlines import note_refs, plain_text


def _words(spans) -> str:
    return plain_text(spans)


def test_sections_in_order_with_one_heading_level(texts):
    assert [s.title for s in texts["kim-2016"].sections] == [
        "Introduction",
        "PRC policy on the Korean peninsula before the outbreak of the war",
        "From a passive to an eager stance: China's strategic shift of early July 1950",
        "A setback in China's early troop dispatch: Stalin's opposition",
        "The Incheon landing and China's shift in attitude",
        "Conclusion",
    ]
    assert [a.title for a in texts["kim-2016"].sections[-1].appendix] == ["Disclosure statement"]


def test_abstract_kept_and_cover_gone(texts):
    text = texts["kim-2016"]
    assert len(text.abstract) == 1
    assert _words(text.abstract[0].inlines).startswith("The argument that the US army's crossing")
    everything = " ".join(_words(p.inlines) for p, _ in paragraphs(text))
    for debris in ("To cite this article", "Article views", "View Crossmark data", "CONTACT",
                   "dgkim@pku.edu.cn", "© 2016 Informa", "Submit your article", "Published online"):
        assert debris not in everything


def test_eighty_notes_each_referenced_once_in_order(texts):
    text = texts["kim-2016"]
    markers = [n for p, _ in paragraphs(text) for n in note_refs(p.inlines)]
    assert markers == list(range(1, 81))
    assert [n.number for n in text.notes] == list(range(1, 81))
    assert _words(text.note(61).inlines) == "Ibid."
    assert _words(text.note(80).inlines).endswith("delo. 121, listy. 705–6.")


JOINED = [  # (end of the part before the page break, start of the part after it)
    "which then compelled China to intervene",
    "the desire to spread the Chinese Revolution to Asia",
    "in the event of an invasion of the South with the help of Japanese troops",
    "Mao doubted whether Kim's notifications were true.",
    "strengthened its military assistance to North Vietnam.",
    "They spread a rumor that the debacle of CCP was near, saying",
    "It is quite natural that instead of waiting for US troops to cross the 38th parallel",
    "In fact, Mao's decision to send troops early would have best suited Stalin's interest.",
    "Because of Stalin's negative attitude, China lost its best opportunity",
    "Anti-war public opinion spread quickly",
]


def test_paragraphs_cut_by_page_breaks_are_whole(texts):
    text = texts["kim-2016"]
    words = [" ".join(_words(p.inlines).split()) for p, _ in paragraphs(text)]
    for joined in JOINED:
        assert sum(joined in w for w in words) == 1, joined
    assert len([i for i in text.interventions if i.kind == "paragraph rejoined"]) == len(JOINED)


QUOTES = [
    "The most important question at the present time",          # Mao to Stalin
    "wait for a more suitable situation",                        # Mao to Kim Il
    "in the early 1950s, if the international situation",        # Mao, cut by a page break
    "if Kim Il-sung intends to begin military operations",       # Mao to Lee Ju-yeon
    "under the current situation on the Korean Peninsula",       # Mao and Stalin's agreement
    "in light of the changed international situation",           # Stalin to Mao, 14 May
    "if the Americans cross the 38th parallel",                  # Zhou Enlai to Roshchin
    "since the outbreak of the Korean War, a rumor-mongering",   # Luo Ruiqing's report
    "the KPA should retreat to the northward",                   # Zhou Enlai, 26 August
    "You should not be embarrassed",                             # Stalin to Kim
    "The US is not as militarily powerful",                      # Stalin to Gottwald
    "America became entangled in a military intervention",       # Stalin to Gottwald
    "Currently, the Western countries are not ready",            # Zhou Enlai, 18 September
    "the reason for the PRC to participate in the UN",           # Zhou Enlai
]


def test_block_quotes_are_block_quotes(texts):
    quoted = [_words(p.inlines) for p, q in paragraphs(texts["kim-2016"]) if q]
    assert len(quoted) == len(QUOTES)
    for words, start in zip(quoted, QUOTES, strict=True):
        assert words.startswith(start)
    cut = next(w for w in quoted if w.startswith("in the early 1950s"))
    assert "with the help of Japanese troops, we will be able to move quickly" in cut


def _page_starts(spans):
    return [s.page for s in spans if isinstance(s, PageStart)]


def test_page_markers_239_to_254_in_order(texts):
    """239 with the title and abstract, 250 at a heading, the others in the text."""
    text = texts["kim-2016"]
    in_text = [page for p, _ in paragraphs(text) for page in _page_starts(p.inlines)]
    at_headings = [s.page_start for s in text.sections if s.page_start]
    assert text.title_page == 239 and at_headings == [250]
    assert sorted([239] + at_headings + in_text) == list(range(239, 255))


def test_page_markers_stand_where_pages_begin(texts):
    text = texts["kim-2016"]
    flat = {page: _words(p.inlines) for p, _ in paragraphs(text) for page in _page_starts(p.inlines)}
    assert flat[241].startswith("However, Russian archival material")
    assert 250 not in flat and 239 not in flat
    setback = next(s for s in text.sections if s.page_start == 250)
    assert setback.title == "A setback in China's early troop dispatch: Stalin's opposition"
    joined = next(p for p, _ in paragraphs(text) if 240 in _page_starts(p.inlines))
    k = joined.inlines.index(PageStart(240))
    assert _words(joined.inlines[:k]).endswith("which then ")
    assert _words(joined.inlines[k + 1:]).startswith("compelled China")


def test_paragraph_numbers_run_through_the_text(texts):
    numbers = [p.number for p, _ in paragraphs(texts["kim-2016"])]
    assert numbers == list(range(1, len(numbers) + 1))
    sections = texts["kim-2016"].sections
    assert sections[1].blocks[0].number == 11  # continues from the Introduction, not 1


def test_notes_keep_markdown_emphasis(texts):
    note = texts["kim-2016"].note(4)
    assert type(note.inlines[1]).__name__ == "Emphasis"
    assert re.match(r"China's Road to the Korean War", _words(note.inlines[1].children))
