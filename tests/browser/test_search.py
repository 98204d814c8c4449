"""Search with Pagefind in a real browser, under the /repo/ sub-path: nothing fetched
before the reader types; results lead to the paragraph, with its print page and words;
name variants find their person; archival locators find the documents; filters; keyboard;
both palettes; the "/" key's hint only where a keyboard is likely, and never over the results."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KIM_03 = "texts/kim-2016/03-from-a-passive-to-an-eager-stance/"
BOX = ".ed-search__input"
RESULTS = ".ed-search__link"


def search(page, words: str):
    page.locator(BOX).click()
    page.locator(BOX).fill(words)
    expect(page.locator(RESULTS).first).to_be_visible()
    return page.locator(RESULTS)


def hrefs(results) -> list[str]:
    """The results' addresses, resolved as the browser follows them."""
    return results.evaluate_all("links => links.map(a => a.href)")


def test_nothing_is_fetched_until_the_reader_searches(served, page):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(served.url(KIM_03))
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/pagefind/" in url]
    search(page, "Roshchin")
    assert any(url.startswith(served.url("pagefind/pagefind.js")) for url in fetched)
    assert page.console.errors == []


def test_a_result_leads_to_the_paragraph_with_its_print_page_and_words(served, page):
    page.goto(served.url())
    results = search(page, "ambassador Roshchin")
    expect(page.locator(".ed-search__status")).to_contain_text(re.compile(r"\d+ pages?"))
    in_texts = results.filter(has=page.locator(".ed-search__where", has_text="¶"))
    expect(in_texts.first).to_be_visible()
    first = in_texts.first
    target = first.evaluate("a => a.href")
    assert target.startswith(served.base + "texts/"), target   # under the sub-path
    paragraph = re.search(r"#p(\d+)$", target)
    assert paragraph, target
    where = first.locator(".ed-search__where").inner_text()
    assert re.search(rf"¶ {paragraph[1]} · p\. \d+", where), where
    expect(first.locator(".ed-search__excerpt mark").filter(has_text=re.compile("Roshchin", re.I))).not_to_have_count(0)
    first.click()
    page.wait_for_url(target)
    expect(page.locator(f'[id="p{paragraph[1]}"]')).to_contain_text("Roshchin")
    # The print page shown is the one the paragraph stands on.
    printed = page.locator(f'[id="p{paragraph[1]}"]').get_attribute("data-page")
    assert where.split("p. ")[-1] in printed.split("–"), (where, printed)
    assert page.console.errors == []


@pytest.mark.parametrize("variant, person", [("Filippov", "people/stalin/"),
                                             ("Shykov", "people/shtykov/")])
def test_a_name_variant_finds_its_person(served, page, variant, person):
    """The passages come first (tests/browser/test_search_ranking.py); the person's page,
    where the variant is listed, is among the first results."""
    page.goto(served.url())
    results = search(page, variant)
    expect(results.first).to_have_attribute("href", re.compile(r"/texts/"))
    assert any(h.startswith(served.url(person)) for h in hrefs(results)), hrefs(results)


def test_an_archival_locator_finds_the_documents(served, page):
    page.goto(served.url())
    results = search(page, "delo 331")
    expect(results.first).to_contain_text("331")
    targets = hrefs(results)
    assert any(t.startswith(served.url("bibliography/")) and "#" in t for t in targets), targets


def test_filters_text_person_archive_document_type(served, page):
    page.goto(served.url())
    search(page, "Stalin")
    page.locator(".ed-search__filters summary").click()
    expect(page.locator(".ed-search__filter").first).to_be_visible()
    names = page.locator(".ed-search__filter").evaluate_all("els => els.map(e => e.name)")
    assert names == ["text", "person", "archive", "type"]
    options = page.locator('.ed-search__filter[name="text"] option').all_inner_texts()
    assert "Kissinger 2011" in options and "Kim 2016" in options
    assert "telegram" in page.locator('.ed-search__filter[name="type"] option').all_inner_texts()
    assert "APRF" in page.locator('.ed-search__filter[name="archive"] option').all_inner_texts()
    page.locator('.ed-search__filter[name="text"]').select_option("Kissinger 2011")
    expect(page.locator(".ed-search__where").first).to_contain_text("Kissinger 2011")
    expect(page.locator(".ed-search__where").filter(has_text="Kim 2016")).to_have_count(0)
    page.locator('.ed-search__filter[name="person"]').select_option("Terentii Shtykov")
    # Both filters hold: Kissinger's pages that name Shtykov, and Shtykov's own page.
    expect(page.locator(RESULTS).filter(has_text="Stalin").first).to_be_visible()
    expect(page.locator(f'{RESULTS}[href*="/texts/kim-2016/"]')).to_have_count(0)
    expect(page.locator(f'{RESULTS}[href*="/people/"]:not([href*="/people/shtykov/"])')).to_have_count(0)
    for href in hrefs(page.locator(RESULTS)):
        assert "/texts/kissinger" in href or "/people/shtykov/" in href, href


def test_the_keyboard_reaches_the_box_the_results_and_back(served, page):
    page.goto(served.url(KIM_03))
    page.keyboard.press("/")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.type("Filippov")
    # The results of the whole word (each letter typed starts a search): a passage first.
    expect(page.locator(RESULTS).first).to_have_attribute(
        "href", re.compile(r"texts/.*\?highlight=Filippov#(p|fn:)\d+(-editor)?$"))
    page.keyboard.press("ArrowDown")
    expect(page.locator(RESULTS).first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator(RESULTS).nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".ed-search__panel")).to_be_hidden()
    expect(page.locator(BOX)).to_be_focused()
    page.keyboard.type(" ")
    expect(page.locator(".ed-search__panel")).to_be_visible()
    target = hrefs(page.locator(RESULTS))[0]
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.console.errors == []


# The points of the results panel (on a grid of 8 px, within the window) where something
# else is on top of it.
COVERED = """panel => { const r = panel.getBoundingClientRect(), found = [];
  for (let y = Math.max(r.top, 0) + 1; y < Math.min(r.bottom, innerHeight) - 1; y += 8)
    for (let x = Math.max(r.left, 0) + 1; x < Math.min(r.right, innerWidth) - 1; x += 8) {
      const top = document.elementFromPoint(x, y);
      if (!panel.contains(top)) found.push([Math.round(x), Math.round(y), top && top.className]);
    }
  return found; }"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_key_hint_only_with_a_keyboard_and_never_over_the_results(served, browser, width):
    """A phone (touch, no hover) has no "/" key: the box does not offer one, and once the
    results show, nothing stands over them. With a mouse and a keyboard the box's tooltip
    names the key, and gives way to the results."""
    phone = width < 500
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=phone,
                                  has_touch=phone, service_workers="block")
    try:
        page = context.new_page()
        page.goto(served.url(KIM_03))
        page.wait_for_load_state("load")
        box = page.locator(BOX)
        if phone:
            box.tap()
            expect(page.locator(".ed-search .md-tooltip")).to_have_count(0)
            assert "(/)" not in page.locator(".ed-search").evaluate("b => b.outerHTML")
        else:
            box.hover()
            box.focus()
            expect(page.locator(".ed-search .md-tooltip")).to_be_visible()
            expect(page.locator(".ed-search .md-tooltip")).to_have_text("Search the edition (/)")
        page.keyboard.type("Roshchin")
        expect(page.locator(RESULTS).first).to_be_visible()
        page.wait_for_timeout(300)   # the theme's tooltip shows after a short delay
        assert page.locator(".ed-search__panel").evaluate(COVERED) == []
    finally:
        context.close()


def test_search_after_instant_navigation_still_leads_under_the_sub_path(served, page):
    page.goto(served.url("texts/kim-2016/"))
    page.locator('article a[href*="03-from-a-passive"]').first.click()
    page.wait_for_url(re.compile(re.escape(KIM_03)))
    results = search(page, "Roshchin")
    for href in hrefs(results):
        assert href.startswith(served.base), href


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_box_and_results_are_legible_in_both_palettes(served, browser, scheme):
    context = browser.new_context(color_scheme=scheme, service_workers="block")
    try:
        page = context.new_page()
        page.goto(served.url())
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme",
                                                       "slate" if scheme == "dark" else "default")
        results = search(page, "Roshchin")
        expect(results.first).to_be_visible()
        colours = page.locator(".ed-search__panel").evaluate(
            "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")
        fg, bg = ([int(x) for x in re.findall(r"\d+", c)[:3]] for c in colours)
        light = lambda rgb: sum(rgb) / 3  # noqa: E731
        assert (light(bg) > 128) == (scheme == "light"), colours
        assert abs(light(fg) - light(bg)) > 100, colours
    finally:
        context.close()


def test_more_results_come_on_request(served, page):
    page.goto(served.url())
    results = search(page, "Stalin")
    expect(results).to_have_count(5)   # five at once: each result fetches its page's fragment
    expect(page.locator(".ed-search__status")).to_contain_text("5 shown")
    page.locator(".ed-search__more").click()
    expect(results).to_have_count(10)
    expect(results.nth(5)).to_be_focused()
    assert len(set(hrefs(results))) == 10


def test_search_from_the_404_page_of_a_deep_address(served, page):
    page.goto(served.url("no/such/page/at/all/"))
    expect(page.locator("h1")).to_contain_text(re.compile("not found", re.I))
    results = search(page, "Shykov")
    expect(results.first).to_have_attribute("href", re.compile(r"texts/"))
    assert any(h.startswith(served.url("people/shtykov/")) for h in hrefs(results)), hrefs(results)
    assert page.console.errors == [] or all("404" in e for e in page.console.errors)
