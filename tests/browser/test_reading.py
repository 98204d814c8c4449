"""Reading in a real browser: note tooltips by mouse and keyboard, citations to the
bibliography and back, instant navigation, keyboard use of the apparatus."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KIM_03 = "texts/kim-2016/03-from-a-passive-to-an-eager-stance/"
KIM_02 = "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/"
TOOLTIP = ".md-tooltip2--active .md-tooltip2__inner"


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def note_text(page, number: int) -> str:
    """A note's text as the notes list shows it, without the back-link arrow."""
    return squash(page.locator(f'li[id="fn:{number}"]').inner_text()).rstrip("↩ ").strip()


def expect_below_the_header(page, locator):
    """The element is on screen and not hidden under the sticky header."""
    expect(locator).to_be_in_viewport()
    # Waits (as expect does) for a scroll still under way to settle, then holds or fails.
    page.wait_for_function(
        "el => el.getBoundingClientRect().top >= "
        "document.querySelector('.md-header').getBoundingClientRect().bottom - 1",
        arg=locator.element_handle())


# A note's number opens its tooltip below the sidenotes' width (1200 px); wider, the note
# stands beside its line and no tooltip covers the text (test_sidenotes.py).
BELOW_SIDENOTES = {"width": 1100, "height": 900}


def expect_tooltip_shows_note(page, number: int):
    """The note's text is in a tooltip on screen (another, fading, may still be there)."""
    tooltip = page.locator(TOOLTIP).filter(has_text=note_text(page, number)[:40])
    expect(tooltip).to_be_visible()
    assert squash(tooltip.inner_text())[:60] == note_text(page, number)[:60]


def test_note_tooltip_on_hover(served, page):
    page.set_viewport_size(BELOW_SIDENOTES)
    page.goto(served.url(KIM_03))
    page.locator('a.footnote-ref[href$="#fn:33"]').hover()
    expect_tooltip_shows_note(page, 33)
    page.mouse.move(5, 890)
    expect(page.locator(TOOLTIP).filter(has_text=note_text(page, 33)[:40])).to_have_count(0)


def test_note_tooltip_on_keyboard_focus(served, page):
    """Tab from the heading to the first note number: its tooltip opens for the keyboard."""
    page.set_viewport_size(BELOW_SIDENOTES)
    page.goto(served.url(KIM_03))
    page.locator("article h1 .headerlink").focus()
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.footnote-ref')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("#fn:33")
    expect_tooltip_shows_note(page, 33)
    page.keyboard.press("Tab")   # on to the next link: the note's tooltip goes
    expect(page.locator(TOOLTIP).filter(has_text=note_text(page, 33)[:40])).to_have_count(0)


def enter_in_page_link(page, fragment: str) -> None:
    """Enter on the focused link to `fragment` on this page (one the theme's instant
    navigation follows), then wait until the theme has loaded the page again for the new
    address and replaced the article: a key pressed before that lands on an element about to
    be thrown away."""
    page.evaluate("window.__article = document.querySelector('article')")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(fragment) + "$"))
    page.wait_for_function("window.__article !== document.querySelector('article')")


def test_notes_page_markers_and_permalinks_are_usable_by_keyboard(served, page):
    """In Tab order: paragraph permalink, note number, page marker; Enter follows each,
    and from a note the back-link returns to the text."""
    page.goto(served.url(KIM_03))
    # At this width the notes stand beside the text once the script has placed them (after
    # the fonts): the Tab order is read after that, not while the column is being added.
    page.wait_for_function("document.querySelector('.sidenotes .sidenote[style*=top]')")
    page.locator("article h1 .headerlink").focus()
    seen = []
    for _ in range(80):
        page.keyboard.press("Tab")
        kind = page.evaluate("['para-num', 'footnote-ref', 'page-marker']"
                             ".find(c => document.activeElement.classList.contains(c)) || ''")
        seen.append(kind)
        if kind == "page-marker":
            break
    assert "para-num" in seen and "footnote-ref" in seen and seen[-1] == "page-marker"
    assert seen.index("para-num") < seen.index("footnote-ref")
    # Each is visibly marked when focused by keyboard.
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"

    enter_in_page_link(page, "#page-246")   # the page marker is a link to itself: citable

    # The number is focused once the script has taken it over (its click opens the cite panel).
    paragraph = page.locator('a.para-num[href$="#p31"][data-cites]')
    expect(paragraph).to_have_count(1)
    paragraph.focus()
    expect(paragraph).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape("#cite-p31") + "$"))   # its citation, by its own address

    page.locator('a.footnote-ref[href$="#fn:34"]').focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape("#fn:34") + "$"))
    expect(page.locator('li[id="fn:34"]')).to_be_in_viewport()
    # Tab on from the note's first link (where the browser starts tabbing after a jump to
    # #fn:34 is settled asynchronously: under load the next Tab could still start in the text).
    page.locator('li[id="fn:34"] a').first.focus()
    for _ in range(12):               # from the note on to its back-link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.footnote-backref')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith("#fnref:34")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape("#fnref:34") + "$"))
    expect(page.locator('sup[id="fnref:34"]')).to_be_in_viewport()


def test_citation_leads_to_the_bibliography_and_cited_in_comes_back(served, page):
    """Both ways by instant navigation, clicking straight after the scroll that brings the
    link into view (the case docs/assets/edition.js repairs in the theme)."""
    page.goto(served.url(KIM_03))
    citation = page.locator('li[id="fn:33"] a[href*="bibliography/#"]').first
    key = citation.get_attribute("href").split("#", 1)[1]
    citation.click()
    page.wait_for_url(re.compile(re.escape("/repo/bibliography/#" + key) + "$"))
    entry = page.locator(f'[id="{key}"]')
    expect_below_the_header(page, entry)
    back = entry.locator('a[href$="#fn:33"]')
    expect(back).to_have_count(1)
    # A scroll just before the click: the theme records the offset 100 ms after a scroll, by
    # then into the new page's history entry (edition.js, 6).
    back.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 1)")
    back.click()
    page.wait_for_url(re.compile(re.escape("/repo/" + KIM_03 + "#fn:33") + "$"))
    expect_below_the_header(page, page.locator('li[id="fn:33"]'))
    assert page.console.errors == []


def test_instant_navigation_keeps_tooltips_working(served, page):
    page.set_viewport_size(BELOW_SIDENOTES)
    page.goto(served.url(KIM_02))
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(re.compile(re.escape("/repo/" + KIM_03) + "$"))
    expect(page.locator("article h1")).to_contain_text("From a passive to an eager stance")
    assert page.evaluate("window.__sameDocument === true"), "the click reloaded the page"
    page.locator('a.footnote-ref[href$="#fn:35"]').hover()
    expect_tooltip_shows_note(page, 35)
    assert page.console.errors == []
