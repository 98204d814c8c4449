"""Printing: Chromium's print to PDF keeps the text, its notes and the print edition's
page markers, and drops the navigation (docs/assets/print.css)."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

PAGES = [
    "texts/kim-2016/03-from-a-passive-to-an-eager-stance/",
    "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/",
]

# What the screen shows around the text: the site's title in the header, the navigation
# sidebar, the table of contents, the footer's previous/next links, the search box.
CHROME = """() => [...document.querySelectorAll(
    '.md-header__topic, .md-nav__link, .md-footer__link, .ed-search__input, .md-footer-meta')]
  .map(e => (e.innerText || e.placeholder || '').trim()).filter(t => t.length >= 4)"""


def squash(text: str) -> str:
    """Text without any whitespace: PDF text extraction breaks and joins lines freely."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("relative", PAGES)
def test_print_to_pdf_keeps_notes_and_page_markers_and_drops_navigation(served, page, relative):
    page.goto(served.url(relative))
    notes = [re.sub(r"\s*↩\s*$", "", text) for text in
             page.locator("div.footnote li").all_inner_texts()]
    markers = [m.get_attribute("data-page") for m in page.locator("article .page-marker").all()]
    article = squash(page.locator("article.md-content__inner").inner_text())
    chrome = {squash(label) for label in page.evaluate(CHROME)} - {""}
    # (The folded Cite box, which print shows, names the edition as the site's title does.)
    article_all = squash(page.locator("article.md-content__inner").text_content())
    chrome = {label for label in chrome if label not in article and label not in article_all}
    assert notes and chrome

    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = squash("".join(p.extract_text() or "" for p in pdf.pages))

    missing_notes = [n[:50] for n in notes if squash(n)[:60] not in printed]
    assert missing_notes == []
    for number in markers:
        assert f"[p.{number}]" in printed
    assert [label for label in chrome if label in printed] == []
    assert "tociteoneparagraph" not in printed         # the screen's hint: print has no click
    # The text itself is all there: its first and last paragraphs.
    paragraphs = page.locator("article p.para").all_inner_texts()
    assert squash(paragraphs[0])[-60:] in printed and squash(paragraphs[-1])[-60:] in printed


def test_print_is_set_in_the_reading_face(served, page):
    """The PDF embeds the edition's serif (Literata, docs/assets/face.css), not a fallback."""
    page.goto(served.url(PAGES[0]))
    page.evaluate("document.fonts.ready")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    fonts = set()
    for sheet in pdf.pages[:2]:
        for font in (sheet["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("Literata" in name for name in fonts), fonts
