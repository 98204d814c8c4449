"""The built site: strict build, notes numbered as in print, anchors, no debris, links resolve."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from browser_support import PREFIX

DEBRIS = ("titlepage.xhtml", "dummy_split_", "To cite this article", "Article views",
          "View Crossmark data", "Submit your article")
# (The contact line and the © line of the first page are kept, as the article's front
# matter on its landing page: tests/test_front_matter.py.)


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_pages(site: Path):
    return sorted(p for p in site.rglob("*.html"))


def test_no_debris_anywhere(site):
    for path in html_pages(site):
        content = path.read_text(encoding="utf-8")
        for debris in DEBRIS:
            assert debris not in content, f"{debris!r} in {path}"


def test_kim_notes_show_print_numbers_on_the_marker_page(site):
    page = site / "texts/kim-2016/03-from-a-passive-to-an-eager-stance/index.html"
    html = page.read_text(encoding="utf-8")
    numbers = [int(n) for n in re.findall(r'<li id="fn:(\d+)" value="\1"', html)]
    assert numbers == list(range(33, 62))
    assert '<a class="footnote-ref" role="doc-noteref" href="#fn:33" aria-label="Note 33">33</a>' in html
    assert 'class="footnote-backref" role="doc-backlink" href="#fnref:33"' in html


def test_every_kim_note_on_exactly_one_page(site):
    found = []
    for path in sorted((site / "texts/kim-2016").glob("*/index.html")):
        found += [int(n) for n in re.findall(r'<li id="fn:(\d+)"', path.read_text(encoding="utf-8"))]
    assert sorted(found) == list(range(1, 81))


def test_kissinger_notes_18_to_33(site):
    html = (site / "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/index.html").read_text()
    assert [int(n) for n in re.findall(r'<li id="fn:(\d+)" value="\1"', html)] == list(range(18, 34))
    assert "Editor's identification" in html
    assert "Not established." in html


def test_page_markers_in_order_across_pages(site):
    pages = []
    for path in [site / "texts/kim-2016/index.html"] + sorted((site / "texts/kim-2016").glob("0*/index.html")):
        pages += [int(n) for n in re.findall(r'class="page-marker" id="page-(\d+)"', path.read_text())]
    assert pages == list(range(239, 255))


def test_paragraph_anchors_unique_and_through_the_text(site):
    numbers = []
    for path in sorted((site / "texts/kim-2016").glob("0*/index.html")):
        numbers += [int(n) for n in re.findall(r'<p class="para"[^>]* id="p(\d+)"', path.read_text())]
    assert numbers == list(range(1, 87))  # 96 source paragraphs, 10 of them rejoined


def test_block_quotes_render_as_blockquote(site):
    html = (site / "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/index.html").read_text()
    quotes = re.findall(r"<blockquote>\s*<p class=\"para\"[^>]* id=\"p\d+\"><a[^>]*>\d+</a> (.{30})", html)
    assert quotes[0].startswith("The most important question")
    assert len(quotes) == 6


def _site_prefix() -> str:
    return PREFIX  # the `site` fixture builds for http://127.0.0.1:PORT/repo/


def test_every_internal_link_and_anchor_resolves(site):
    pages = {path.resolve(): parse(path) for path in html_pages(site)}
    ids = {path: set(page.ids) for path, page in pages.items()}
    prefix = _site_prefix()
    broken = []
    for path, page in pages.items():
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            if parts.path.startswith(prefix):  # absolute links (the 404 page) are under site_url
                target = (site / unquote(parts.path[len(prefix):])).resolve()
            else:
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                if parts.fragment not in (ids.get(target) or set(parse(target).ids)):
                    broken.append(f"{path.relative_to(site)} -> {href}")
    assert broken == []


def test_home_page_cites_both_texts(site):
    html = (site / "index.html").read_text()
    assert "<em>Cold War History</em> 16, no. 3 (2016): 239–254" in html
    assert "<em>On China</em> (New York: Penguin Press, 2011)" in html
    assert 'href="texts/kim-2016/"' in html


def test_method_page_lists_every_intervention(site, edition):
    html = (site / "method/index.html").read_text()
    count = sum(len(t.interventions) for t in edition.texts)
    assert html.count("<li>line ") == count
    assert "A paragraph cut by the break to p. 240 is joined again" in html
