"""Layout on a phone (375 px) and a desktop (1280 px): no horizontal scrolling, a readable
text column, paragraph numbers and page markers on screen."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = [
    "",
    "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/",
    "texts/kim-2016/03-from-a-passive-to-an-eager-stance/",
    "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/",
    "bibliography/",
    "method/",
]

# Elements sticking out to the right of the viewport, outside any container that scrolls
# or clips them on purpose (code blocks, wide tables, the off-screen drawer).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const clipped = e => {
    for (let a = e.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) return true;
    }
    return false;
  };
  return [...document.querySelectorAll('article *')]
    .filter(e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && r.right > width + 1 && !clipped(e); })
    .slice(0, 5).map(e => e.outerHTML.slice(0, 120));
}"""

# The text column: font size and characters per line of the longest paragraphs.
COLUMN = """() => {
  const ps = [...document.querySelectorAll('article p')]
    .filter(p => p.innerText.length > 400 && !p.closest('.footnote, blockquote'));
  return ps.slice(0, 5).map(p => {
    const s = getComputedStyle(p), r = p.getBoundingClientRect();
    const lines = Math.max(1, Math.round(r.height / parseFloat(s.lineHeight)));
    return {font: parseFloat(s.fontSize), perLine: p.innerText.length / lines,
            left: r.left, right: r.right};
  });
}"""

APPARATUS = """() => [...document.querySelectorAll('article .para-num, article .page-marker')]
  .map(e => { const r = e.getBoundingClientRect();
              return {html: e.outerHTML.slice(0, 80), left: r.left, right: r.right, w: r.width}; })"""


@pytest.fixture(params=[375, 1280], ids=["375px", "1280px"])
def sized_page(request, browser):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 800},
                                  is_mobile=width < 500, has_touch=width < 500,
                                  service_workers="block")
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.width = width
        yield page
    finally:
        context.close()


def test_layout(served, sized_page):
    page = sized_page
    width = page.width
    measured = marks = 0
    for relative in PAGES:
        page.goto(served.url(relative))
        where = f"{relative or 'home'} at {width}px"
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"horizontal scroll: {where}"
        assert page.evaluate(OVERFLOW) == [], where

        for p in page.evaluate(COLUMN):
            measured += 1
            assert p["font"] >= 15, where
            assert p["left"] >= 0 and p["right"] <= width, where
            if width < 500:
                assert p["perLine"] >= 30, f"text column too narrow: {where}: {p}"
            else:
                assert 45 <= p["perLine"] <= 100, f"lines too long or short: {where}: {p}"

        for mark in page.evaluate(APPARATUS):
            marks += 1
            assert mark["w"] > 0 and mark["left"] >= 0 and mark["right"] <= width, f"{where}: {mark}"
    assert measured >= 10 and marks >= 50  # the checks did see the texts


def test_phone_has_the_navigation_behind_the_menu_button(served, sized_page):
    page = sized_page
    page.goto(served.url(PAGES[2]))
    drawer = page.locator(".md-sidebar--primary")
    menu = page.locator('label.md-header__button[for="__drawer"]')
    if page.width < 500:
        assert menu.is_visible()
        assert drawer.evaluate("e => e.getBoundingClientRect().right") <= 0
        menu.click()
        page.wait_for_function("document.querySelector('.md-sidebar--primary')"
                               ".getBoundingClientRect().left >= 0")
    else:
        assert not menu.is_visible()
        assert drawer.is_visible()
