"""The texts whole at their edges, on the built pages (issue 11): Kim's front matter,
where page markers stand, each note's print page, headings, person tooltips, the
edition's own citation."""
from __future__ import annotations

import html as html_lib
import json
import re

KIM = "texts/kim-2016/index.html"
SETBACK = "texts/kim-2016/04-a-setback-in-chinas-early-troop-dispatch/index.html"
KIM_01 = "texts/kim-2016/01-introduction/index.html"
KISSINGER_INDEX = "texts/kissinger-2011/index.html"
KISSINGER = "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/index.html"


def read(site, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def article(site, page: str) -> str:
    text = read(site, page)
    return text[text.index("<article"):text.index("</article>")]


def test_kim_front_matter_kept_as_printed(site):
    page = article(site, KIM)
    assert '<p class="byline">History Department, Peking University, Haidian district, Beijing, China' in page
    foot = page[page.index('class="first-page-foot"'):]
    assert '<strong>CONTACT</strong> Donggil Kim' in foot and 'href="mailto:dgkim@pku.edu.cn"' in foot
    assert "Donggil Kim is associate professor at the Dept of History, Peking University" in foot
    assert "director of the Centre for Korean Peninsula Studies, Peking University." in foot
    assert "© 2016 Informa UK Limited, trading as Taylor &amp; Francis Group" in re.sub(r"<[^>]+>", "", foot)


def test_method_page_lists_the_front_matter_and_the_markers(site):
    page = html_lib.unescape(article(site, "method/index.html"))
    assert "byline kept as front matter" in page.lower()
    assert "kept as printed, with the article's front matter" in page
    assert "Page 239 begins with the article's title and abstract" in page
    assert "Page 250 begins with the heading “A setback in China's early troop dispatch" in page
    assert "History Department, Peking University" in page


def test_page_marker_239_before_the_title_and_250_before_its_heading(site):
    landing = article(site, KIM)
    assert landing.index('id="page-239"') < landing.index("<h1") < landing.index("Abstract")
    setback = article(site, SETBACK)
    assert setback.index('id="page-250"') < setback.index("<h1")
    assert 'id="page-239"' not in article(site, KIM_01) and 'id="page-250"' not in article(site, KIM_01)
    # The section page still has its own title (the marker stands before the heading).
    assert "<title>A setback in China's early troop dispatch: Stalin's opposition" in read(site, SETBACK)


def test_page_marker_numbers_are_not_words_of_the_text(site):
    page = article(site, KIM_01)
    marker = re.search(r'<a class="page-marker" id="page-240"[^>]*>(.*?)</a>', page)
    assert marker and marker[1] == ""
    # Indexed as an anchor (a search result names its print page), holding no word itself.
    assert 'data-page="240"' in marker[0] and "data-pagefind-ignore" not in marker[0]
    # What the search index reads: the article's text, less what Pagefind is told to ignore.
    from lxml import html as lxml_html
    tree = lxml_html.fromstring(page)
    for ignored in tree.xpath("//*[@data-pagefind-ignore]"):
        ignored.drop_tree()
    words = " ".join(tree.text_content().split())
    assert "240compelled" not in words and "240 compelled" not in words and "which then compelled" in words


def test_each_kim_note_says_its_print_page(site):
    page = article(site, "texts/kim-2016/03-from-a-passive-to-an-eager-stance/index.html")
    notes = re.findall(r'<li id="fn:(\d+)".*?</li>', page, re.S)
    pages = re.findall(r'<li id="fn:(\d+)".*?\(printed on p\.&nbsp;(\d+)\)', page, re.S)
    assert len(pages) == len(notes) == 29
    assert dict(pages)["33"] == "245" and dict(pages)["39"] == "246"
    assert "printed on p." not in article(site, KISSINGER)   # no print pages in the source


def test_kissinger_title_is_the_main_heading_of_one_page_only(site):
    def h1(page):
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", article(site, page), re.S)[1]
        return re.sub(r"<[^>]+>", "", re.sub(r'<a class="headerlink".*?</a>', "", heading)).strip()
    assert h1(KISSINGER) == "Kim Il-sung and the Outbreak of War"
    assert h1(KISSINGER_INDEX) == "On China, Chapter 5: Triangular Diplomacy and the Korean War"


def test_person_tooltips_end_at_a_word(site):
    titles = set()
    for path in (site / "texts").rglob("index.html"):
        titles |= set(re.findall(r'<a href="[^"]*people/[^"]*" title="([^"]*)"', path.read_text(encoding="utf-8")))
    assert len(titles) >= 10
    for title in titles:
        role = html_lib.unescape(title).split(": ", 1)[1]
        assert role.endswith((".", "…", ")", "'", "’")) or len(role) < 140, role
        if role.endswith("…"):
            assert re.search(r"[\w.)’']\s?…$", role), role


def test_the_edition_is_cited_with_its_title_version_and_address(site):
    page = read(site, SETBACK)
    data = json.loads(html_lib.unescape(re.search(r'id="cite-data" hidden data-citation="([^"]*)"', page)[1]))
    chicago = "".join(text for text, _ in data["chicago"])
    assert chicago.startswith("Donggil Kim, “New insights into Mao's initial strategic consideration")
    assert re.search(r"\(2016\): \{page\}, https://doi.org/10.1080/14682745.2016.1190339; as edited in "
                     r"Korea 1950 — a digital edition, version (\d{4}-\d{2}-\d{2}|\S+), ¶ \{n\}, \{url\}\.$", chicago)
    assert ["Korea 1950 — a digital edition", 1] in data["chicago"]    # the title in italics
    # mkdocs.yml sets no address: the page's script cites the address the page is read at.
    assert data["url"] == ""
    assert re.search(r'<p class="cite-edition">In this edition: .*<span class="cite-read-at" data-read-at></span>\.</p>',
                     page)
    assert data["bibtex"][1].startswith("@online{kim-2016-p{n},")
    assert "maintitle = {Korea 1950 — a digital edition}" in data["bibtex"][1]
    kissinger = read(site, KISSINGER)
    data = json.loads(html_lib.unescape(re.search(r'data-citation="([^"]*)"', kissinger)[1]))
    chicago = "".join(text for text, _ in data["chicago"])
    assert "“Kim Il-sung and the Outbreak of War” [no print page: the e-book source of this text has " \
           "no page numbers]" in chicago and "{page}" not in chicago
    assert "Cite this edition" in article(site, KIM)


def test_the_citation_of_a_text_leaves_out_the_imprint_parts_the_manifest_does_not_give(texts):
    """`place`, `publisher`, `volume` and `issue` are optional in texts.toml: no “(, 2011)”."""
    from dataclasses import replace
    from edition.write.markdown.citation import text_citation
    chapter, article = texts["kissinger-2011"].meta, texts["kim-2016"].meta
    assert "<em>On China</em> (New York: Penguin Press, 2011), chapter 5" in text_citation(chapter)
    assert "<em>On China</em> (2011), chapter 5" in text_citation(replace(chapter, place="", publisher=""))
    assert "<em>On China</em> (New York, 2011), chapter 5" in text_citation(replace(chapter, publisher=""))
    assert "<em>Cold War History</em> 16, no. 3 (2016)" in text_citation(article)
    assert "<em>Cold War History</em> no. 3 (2016)" in text_citation(replace(article, volume=""))
