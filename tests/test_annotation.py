"""Registers, the name matcher, tooltips, person pages, the meeting points, citing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.analyse.annotate import NameMatcher, person_mentions
from edition.model.inlines import plain_text

ROOT = Path(__file__).resolve().parent.parent
TEXT_PAGES = ["texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war"] + [f"texts/kim-2016/{page}" for page in (
    "01-introduction", "02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of",
    "03-from-a-passive-to-an-eager-stance", "04-a-setback-in-chinas-early-troop-dispatch",
    "05-the-incheon-landing-and-chinas-shift-in-attitude", "06-conclusion")]


@pytest.fixture(scope="session")
def matcher(edition):
    return NameMatcher(edition.registers)


def ids(matcher, words):
    return [(m.id, m.form) for m in matcher.find(words)]


def test_stalin_under_all_his_names(edition, matcher):
    assert ids(matcher, "Filippov (Stalin) and his friends agree") == [("stalin", "Filippov"), ("stalin", "Stalin")]
    assert ids(matcher, "Comrade Stalin confirmed to Kim Il Sung") == [("stalin", "Comrade Stalin"),
                                                                       ("kim-il-sung", "Kim Il Sung")]
    mentions = person_mentions(edition.texts, matcher)["stalin"]
    by_text = {m.text_id for m in mentions}
    assert by_text == {"kissinger-2011", "kim-2016"}
    for text in edition.texts:
        for section in text.sections:
            for block in section.blocks:
                for paragraph in getattr(block, "paragraphs", (block,)):
                    words = plain_text(paragraph.inlines)
                    if "Filippov" in words or "Stalin" in words:
                        assert any(m.text_id == text.meta.id and m.paragraph == paragraph.number
                                   for m in mentions), (text.meta.id, paragraph.number)


def test_the_three_kims_are_never_confused(edition, matcher):
    assert ids(matcher, "Donggil Kim, 'Stalin's Korean U-Turn'") == [("donggil-kim", "Donggil Kim"),
                                                                     ("stalin", "Stalin")]
    assert ids(matcher, "Kim Il-sung's emissary Kim Il, advising") == [("kim-il-sung", "Kim Il-sung"),
                                                                      ("kim-il", "Kim Il")]
    for text in edition.texts:
        for note in text.notes:
            words = plain_text(note.inlines)
            for match in matcher.find(words):
                if words[match.start:].startswith("Donggil Kim"):
                    assert match.id == "donggil-kim"
                if match.id == "kim-il-sung":
                    assert not words[:match.start].endswith("Donggil ")


def test_shtykov_misspelt(matcher):
    assert ids(matcher, "Telegram from Shykov to Stalin") == [("shtykov", "Shykov"), ("stalin", "Stalin")]


def _without_abbr(html: str) -> str:
    article = html[html.index("<article"):html.index("</article>")]
    article = re.sub(r"<abbr [^>]*>.*?</abbr>", " ", article)
    return re.sub(r"<[^>]+>", " ", article)


def test_every_abbreviation_has_its_tooltip(site, edition):
    forms = {form.rstrip("."): term for term in edition.registers.terms
             for form in (term.abbreviation,) + term.variants}
    counted = dict.fromkeys(forms, 0)
    for page in TEXT_PAGES:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        for form in forms:
            counted[form] += len(re.findall(rf'<abbr title="[^"]*">{re.escape(form)}</abbr>', html))
            rest = _without_abbr(html)
            assert not re.search(rf"\b{re.escape(form)}\b", rest), (page, form)
    assert counted["KPA"] >= 20 and counted["NEBDA"] >= 3 and counted["APRF"] >= 5 and counted["U.S"] >= 1


def test_kpa_tooltip_text(site):
    html = (site / TEXT_PAGES[1] / "index.html").read_text(encoding="utf-8")
    assert "<abbr title=\"Korean People's Army\">KPA</abbr>" in html or \
           '<abbr title="Korean People&#x27;s Army">KPA</abbr>' in html or \
           '<abbr title="Korean People&#39;s Army">KPA</abbr>' in html


def test_first_mention_only_is_linked(site):
    for page in TEXT_PAGES:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index('<h2 id="notes"') if 'id="notes"' in html else -1]
        targets = re.findall(r'href="(?:\.\./)+people/([\w-]+)/"', article)
        assert len(targets) == len(set(targets)), page
    kissinger = (site / TEXT_PAGES[0] / "index.html").read_text(encoding="utf-8")
    article = kissinger[kissinger.index("<article"):kissinger.index("</article>")]
    assert article.count('people/stalin/"') == 1


def test_person_page(site):
    html = (site / "people/stalin/index.html").read_text(encoding="utf-8")
    assert "Filippov" in html and "Comrade Stalin" in html
    assert "Kissinger 2011 (" in html and "Kim 2016 (" in html
    assert 'href="../../documents/doc-1950-05-14-stalin-mao/"' in html
    kim = (site / "people/kim-il-sung/index.html").read_text(encoding="utf-8")
    donggil = (site / "people/donggil-kim/index.html").read_text(encoding="utf-8")
    assert "Named only in the notes." in donggil
    assert "Kim 2016 (" in kim
    # Kissinger is the author of his text, named in none of its paragraphs or notes: his
    # page says so, not that the notes name him.
    kissinger = (site / "people/henry-kissinger/index.html").read_text(encoding="utf-8")
    assert "Named in no paragraph or note of the texts." in kissinger and "Named only in the notes" not in kissinger
    assert "Forms of the name:" in kissinger and "Named in the texts as" not in kissinger


def test_name_variants_weigh_in_the_search_index(site):
    """Pagefind reads the forms a person is named under with the highest weight (the browser
    test tests/browser/test_search.py searches for them)."""
    html = (site / "people/shtykov/index.html").read_text(encoding="utf-8")
    line = re.search(r'<p data-pagefind-weight="10">(.*?)</p>', html, re.S)
    assert line and "Shykov" in line[1], html[:2000]


def test_where_the_texts_meet(site):
    html = (site / "where-the-texts-meet/index.html").read_text(encoding="utf-8")
    for key in ("doc-1949-12-16-stalin-mao", "doc-1950-05-13-roshchin-stalin", "doc-1950-05-14-stalin-mao",
                "chen-1994-chinas-road", "goncharov-1993-uncertain-partners", "shen-2013-mao-zedong",
                "shen-forthcoming-mao-zedong"):
        # a document's link leads to its page; a book's to its entry
        assert (f"documents/{key}/" if key.startswith("doc-") else f"bibliography/#{key}") in html, key
    assert "<th>Kissinger 2011</th>" in html and "<th>Kim 2016</th>" in html
    assert 'href="../texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/#fn:18"' in html
    assert 'href="../texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/#fn:12"' in html


def test_margin_link_to_the_counterpart_paragraph(site):
    html = (site / TEXT_PAGES[0] / "index.html").read_text(encoding="utf-8")
    paragraph = html[html.index('id="p1"'):]
    paragraph = paragraph[:paragraph.index("</p>")]
    assert 'class="counterpart" href="../../kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/#p12"' in paragraph


def test_citation_meta_and_cite_box(site):
    html = (site / TEXT_PAGES[3] / "index.html").read_text(encoding="utf-8")
    for tag in ('<meta name="citation_journal_title" content="Cold War History">',
                '<meta name="citation_firstpage" content="239">', '<meta name="citation_lastpage" content="254">',
                '<meta name="citation_doi" content="10.1080/14682745.2016.1190339">',
                '<meta name="citation_author" content="Kim, Donggil">', '<meta property="og:type" content="article">'):
        assert tag in html
    assert "@article{kim2016," in html and "pages = {239--254}" in html
    assert 'data-page="247"' in html
    book = (site / TEXT_PAGES[0] / "index.html").read_text(encoding="utf-8")
    assert '<meta name="citation_isbn" content="978-1-59420-271-1">' in book
    assert '<meta name="citation_book_title" content="On China">' in book


@pytest.mark.browser
def test_a_clicked_paragraph_is_cited_beside_it(served, page):
    page.goto(served.url(f"{TEXT_PAGES[3]}/"))
    page.click("#p41 .para-num")
    # The citation is shown beside the paragraph (tests/browser/test_reading_ui.py tests the
    # panel in depth); the page's box keeps its two copy buttons.
    panel = page.locator("#p41 + #cite-panel")
    assert panel.count() == 1
    text = panel.inner_text()
    assert "Cite ¶ 41" in text
    assert "(2016): 247" in text and "¶ 41" in text
    assert text.count("#p41") == 3    # in the Chicago citation, the BibTeX url and the address
    assert page.locator(".cite-box button.cite-copy").count() == 2


def test_where_the_texts_meet_on_the_same_days(site):
    html = (site / "where-the-texts-meet/index.html").read_text(encoding="utf-8")
    days = html[html.index('id="days-both-texts-speak-of"'):html.index('id="persons-both-texts-name"')]
    item = re.search(r"<tr>\s*<td><a[^>]*>13–16 May 1950</a>.*?</tr>", days, re.S)[0]  # Kim Il-sung in Beijing
    assert "Kim next flew to Beijing for a secret visit with Mao on May 13–16, 1950." in item   # Kissinger's words
    assert "On 13 May 1950, Kim Il-sung visited Beijing" in item                              # Kim's
    assert "#p20" in item and "#p22" in item


# --- the person pages' excerpts and the registers' sources ------------------------------

def _visible(html_text: str) -> str:
    import html as html_module
    return html_module.unescape(re.sub(r"<[^>]+>", "", html_text))


def _paragraph_words(edition) -> list[str]:
    from edition.model.layout import paragraphs_with_pages
    return [" ".join(plain_text(p.inlines).split()) for text in edition.texts
            for p, _ in paragraphs_with_pages(text)]


def _at_word_boundaries(core: str, paragraphs: list[str]) -> bool:
    """The excerpt stands in a paragraph with no letter or digit right before or after it."""
    for words in paragraphs:
        at = words.find(core)
        while at >= 0:
            before = words[at - 1] if at else " "
            after = words[at + len(core)] if at + len(core) < len(words) else " "
            if not before.isalnum() and not after.isalnum():
                return True
            at = words.find(core, at + 1)
    return False


def test_person_page_excerpts_start_and_end_at_word_boundaries(site, edition):
    """Every excerpt on every person page is a run of whole words of one paragraph: "…" only
    where words were left out, never "…ober" or "conversa…" (a quotation mark stays with its
    word, since the cut falls between words)."""
    paragraphs = _paragraph_words(edition)
    cut = checked = 0
    for page in sorted((site / "people").glob("*/**/index.html")):
        for raw in re.findall(r'<span class="snippet">“(.*?)”</span>', page.read_text(encoding="utf-8"), re.S):
            excerpt = " ".join(_visible(raw).split())
            core = excerpt.removeprefix("“…").removeprefix("…").removesuffix("…”").removesuffix("…")
            assert excerpt.count("“") == excerpt.count("”"), f"a quotation left open: “{excerpt}”"
            assert core == core.strip() and core[:1] not in ",;:", (page, excerpt)
            if excerpt.endswith(("…", "…”")):  # cut: not after a comma or a dash ("stating,…")
                assert core[-1:] not in ",;:–—", (page, excerpt)
            assert _at_word_boundaries(core, paragraphs), f"{page.parent.name}: “{excerpt}”"
            checked += 1
            cut += excerpt != core
    assert checked > 150 and cut > 10  # the long sentences (Mao Zedong's, Kim Il-sung's) are cut


def test_an_excerpt_is_the_sentence_or_cut_between_words_at_a_clause():
    from edition.analyse.annotate import snippet
    words = ("It rained. Even on 1 October when it was clear that the US army would soon cross the "
             "38th parallel, Mao informed Stalin and Kim Il-sung that if China sent troops, it would have "
             "'negative consequences for China's domestic affairs' and the rest of a very long sentence. Then.")
    at = words.index("Kim Il-sung")
    assert snippet(words, 0, 2) == "It rained."
    short = snippet(words, at, at + len("Kim Il-sung"), width=120)
    assert short == "…Mao informed Stalin and Kim Il-sung that if China sent troops…"  # a clause, whole
    plain = "The long talk between the chairman and Kim Il-sung lasted the whole afternoon and evening."
    at = plain.index("Kim")
    assert snippet(plain, at, at + 11, width=42) == "…the chairman and Kim Il-sung lasted the…"  # no clause: words
    assert snippet(words, at, at + 11, width=400) == words[words.index("Even"):words.index(" Then")]
    quoted = "He said the “perimeter runs along the Aleutians to Japan and then goes to the Ryukyus.”"
    assert snippet(quoted, 0, 2, width=50) == "He said the “perimeter runs along the Aleutians…”"  # closed
    at = quoted.index("Japan")
    assert snippet(quoted, at, at + 5, width=40).startswith("“…")  # opened


def test_register_sources_are_links_named_for_readers(site):
    """A web page among a person's or the glossary's sources is a link whose words say what it
    is (the title the readings or web-pages.toml record, or the host): no address is printed
    as link text."""
    pages = sorted((site / "people").glob("*/**/index.html")) + [site / "glossary/index.html"]
    named = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        for href, words in re.findall(r'<a [^>]*href="(https?://[^"]+)"[^>]*>(.*?)</a>', article, re.S):
            words = _visible(words).strip()
            assert not re.match(r"https?://|www\.", words), (page, words)
            named += 1
    assert named > 40
    mao = (site / "people/mao-zedong/index.html").read_text(encoding="utf-8")  # no title recorded: the host
    assert re.search(r'href="https://www.britannica.com/biography/Mao-Zedong"[^>]*>britannica\.<wbr>com ', mao)
    truman = (site / "people/truman/index.html").read_text(encoding="utf-8")  # the title web-pages.toml records
    assert re.search(r'href="https://www.britannica.com/presidents/article-9073545"[^>]*>'
                     r'Harry S\. Truman \(britannica\.com\) ', truman)
    stalin = (site / "people/stalin/index.html").read_text(encoding="utf-8")
    assert "Telegram from the leader of the group of Soviet specialists" in stalin  # the title readings.toml records
    glossary = (site / "glossary/index.html").read_text(encoding="utf-8")
    assert ">Chinese Communist Party (britannica.com) " in glossary


def test_person_notes_are_written_for_readers(site):
    """A person's note is printed: it speaks of the texts and Kissinger's notes, never of the
    edition's working material or the name matcher."""
    internal = re.compile(r"endnote material|supplied text|metadata|false positive|matcher", re.I)
    for page in sorted((site / "people").glob("*/index.html")):
        for note in re.findall(r"<strong>Note:</strong>(.*?)</p>", page.read_text(encoding="utf-8"), re.S):
            assert not internal.search(_visible(note)), (page.parent.name, note)
    truman = (site / "people/truman/index.html").read_text(encoding="utf-8")
    assert "Truman State University Press" not in _visible(truman[truman.index("<article"):])


def test_the_list_of_persons_says_who_no_paragraph_names(site):
    """Every row of the list of persons has its count of paragraphs, or "—", which the list
    explains: never an empty cell that a reader has to guess at."""
    import re
    html = (site / "people/index.html").read_text(encoding="utf-8")
    counts = re.findall(r'</a></td>\s*<td>[^<]*</td>\s*<td>([^<]*)</td>', html)
    assert len(counts) > 60 and all(c.strip() for c in counts)
    assert "—" in counts and "“—”: none does" in html


def test_a_person_page_lists_the_printed_documents_they_sent(site):
    """A FRUS memorandum whose page names Jessup as its sender is listed on Jessup's page,
    as the archival telegrams are on Shtykov's."""
    jessup = (site / "people/jessup/index.html").read_text(encoding="utf-8")
    assert "Documents sent or received" in jessup
    assert 'href="../../documents/frus-1950-v07-jessup-memorandum-06-26/"' in jessup
    document = (site / "documents/frus-1950-v07-jessup-memorandum-06-26/index.html").read_text(encoding="utf-8")
    assert 'href="../../people/jessup/"' in document
