"""axe-core (the copy shipped by axe-playwright-python) on every type of page, in the light
and the dark palette: no violation of any impact, colour contrast included; also with a
note's tooltip open and with search results shown."""
from __future__ import annotations

import json
import re

import pytest
from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGE_TYPES = {
    "home": "",
    "text index": "texts/",
    "text": "texts/kim-2016/",
    "text section": "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/",
    "text section with editorial notes": "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/",
    "method": "method/",
    "bibliography": "bibliography/",
    "person": None,      # the first page under people/ that is not its index
    "people": "people/",
    "glossary": "glossary/",
    "chronology": "chronology/",
    "documents": "documents/",
    "document": "documents/doc-1950-05-14-stalin-mao/",
    "timeline": "documents/timeline/",
    "where the texts meet": "where-the-texts-meet/",
    "apparatus": "bibliography/apparatus/",
    "archive": "bibliography/aprf/",
    "about": "about/",
    "404": "404.html",
}
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = ("minor", "moderate", "serious", "critical")   # every impact
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (target size among them).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
OPTIONS = json.dumps({"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": TAGS}})


def address(served, kind: str) -> str:
    if PAGE_TYPES[kind] is None:
        people = [url for url in served.pages if url.startswith(served.url("people/"))
                  and url != served.url("people/")]
        assert people, "no person pages"
        return people[0]
    url = served.url(PAGE_TYPES[kind])
    assert url in served.pages, f"no {kind} page at {url}"
    return url


def settle(page) -> None:
    """Wait for the colour transitions of a palette switch to end: axe measures contrast
    on the colours as they are."""
    # Polled by time, not by animation frame: the tabs in the background get no frames.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", polling=50)


# After a switch of palette the DOM is the same and only colours differ, but for the
# palette toggle itself (the label for the other palette is shown): the rules that read
# colours (axe's color-contrast and link-in-text-block; color-contrast-enhanced is AAA,
# not audited) run again on the whole page, and every rule on the toggle. The other rules
# gave their answer on the same DOM in the first palette.
COLOUR_RULES = json.dumps({"resultTypes": ["violations"],
                           "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}})
TOGGLE = "'form[data-md-component=palette]'"


def start_axe(page, context: str = "document", options: str = OPTIONS) -> None:
    """Start axe in the page without waiting for it, so that tabs run side by side."""
    page.evaluate(f"() => {{ window.__axe = axe.run({context}, {options}); }}")


def start_axe_after_switch(page) -> None:
    """After a switch of palette: COLOUR_RULES on the page, then every rule on the toggle
    (one run at a time: axe refuses a second run while one is going)."""
    page.evaluate(f"""() => {{ window.__axe = axe.run(document, {COLOUR_RULES}).then(colours =>
        axe.run({TOGGLE}, {OPTIONS}).then(toggle =>
            ({{violations: colours.violations.concat(toggle.violations)}}))); }}""")


def audit_now(page, context: str = "document") -> list[str]:
    """The page as it stands (its transitions ended), audited with every rule."""
    settle(page)
    page.evaluate(AXE_SCRIPT)
    start_axe(page, context)
    return blocking(page)


def blocking(page) -> list[str]:
    results = page.evaluate("window.__axe")
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in results["violations"] if v["impact"] in BLOCKING]


def audit_tabs(browser, urls: dict[str, str], **options) -> dict[tuple[str, str], list[str]]:
    """Every page in its own tab, opened in the light palette (the system's), then switched
    to dark with the palette toggle; axe runs in all tabs at once: every rule in light, in
    dark the rules that read colours and every rule on the toggle (COLOUR_RULES)."""
    context = browser.new_context(color_scheme="light", service_workers="block", **options)
    context.set_default_timeout(20_000)
    results = {}
    try:
        tabs = {kind: context.new_page() for kind in urls}
        for kind, tab in tabs.items():
            tab.goto(urls[kind], wait_until="commit")
        for tab in tabs.values():
            tab.wait_for_load_state("load")
            tab.evaluate(AXE_SCRIPT)
        for n, (scheme, attribute) in enumerate(SCHEMES.items()):
            for tab in tabs.values():
                if tab.evaluate("document.body.dataset.mdColorScheme") != attribute:
                    # The toggle a reader clicks, clicked in the page (no pointer's travel
                    # to it in each of the tabs in the background).
                    tab.evaluate("""() => [...document.querySelectorAll("form[data-md-component=palette] label")]
                                      .find(label => label.getClientRects().length).click()""")
                assert tab.evaluate("document.body.dataset.mdColorScheme") == attribute
            for tab in tabs.values():
                settle(tab)
                if n == 0:
                    start_axe(tab)
                else:
                    start_axe_after_switch(tab)
            for kind, tab in tabs.items():
                results[kind, scheme] = blocking(tab)
    finally:
        context.close()
    return results


@pytest.fixture(scope="module")
def audit(served, browser) -> dict[tuple[str, str], list[str]]:
    """Every page type at 1280 px, in both palettes."""
    return audit_tabs(browser, {kind: address(served, kind) for kind in PAGE_TYPES},
                      viewport={"width": 1280, "height": 900})


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_violations(audit, kind, scheme):
    assert audit[kind, scheme] == []


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_the_system_palette_is_followed_and_the_note_tooltip_passes(served, browser, scheme):
    """A reader whose system is dark gets the dark palette; the tooltip a note number opens
    on keyboard focus (below the sidenotes' width) is named and passes axe too, contrast
    included."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, color_scheme=scheme,
                                  service_workers="block")
    try:
        page = context.new_page()
        page.goto(address(served, "text section"))
        assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        page.locator("a.footnote-ref").first.focus()
        tooltip = page.locator(".md-tooltip2--active")
        expect(tooltip).to_be_visible()
        assert tooltip.get_attribute("aria-label") == "Note 12"
        assert audit_now(page, "'.md-tooltip2--active'") == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_search_results_and_their_highlight_pass(served, browser, scheme):
    """With the search (Pagefind, the header's box) open on results, its filters open and a
    date range set, their matched words highlighted, and on the page a result leads to with
    a note's tooltip open (below the sidenotes' width): no violation, the highlight's
    contrast included."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, color_scheme=scheme,
                                  service_workers="block")
    try:
        page = context.new_page()
        page.goto(served.url())
        page.locator(".ed-search__input").click()
        page.keyboard.type("Roshchin")
        results = page.locator(".ed-search__link")
        expect(results.first).to_be_visible()
        page.locator(".ed-search__filters summary").click()   # the filters open, a date range set
        page.locator('[name="from-year"]').select_option("1950")
        page.locator('[name="to-year"]').select_option("1950")
        expect(page.locator(".ed-search__status")).to_have_text(re.compile(r"^Dated 1950: \d+ pages"))
        expect(page.locator(".ed-search__excerpt mark").first).to_be_visible()
        assert audit_now(page) == []
        page.locator('.ed-search__link[href*="/texts/"]').first.click()
        expect(page.locator("article p.para").first).to_be_visible()
        page.locator("a.footnote-ref").first.focus()       # and a note's tooltip open
        expect(page.locator(".md-tooltip2--active")).to_be_visible()
        assert audit_now(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_sidenotes_the_cite_panel_and_an_abbreviation_open_pass(served, browser, scheme):
    """At the sidenotes' width: a shortened note opened, a paragraph's citation panel open
    (its BibTeX reachable by keyboard), an abbreviation's tooltip shown: no violation."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme,
                                  service_workers="block")
    try:
        page = context.new_page()
        page.goto(served.url("texts/kim-2016/03-from-a-passive-to-an-eager-stance/"))
        page.locator(".sidenote.is-clamped .sidenote__toggle").first.click()
        page.locator("article .para-num").first.click()
        bibtex = page.locator(".cite-panel__bibtex > code")
        expect(bibtex).to_be_visible()
        assert bibtex.get_attribute("tabindex") == "0" and bibtex.get_attribute("aria-label")
        abbr = page.locator("article abbr[tabindex]").first
        abbr.focus()
        expect(abbr).to_have_attribute("aria-describedby", re.compile("."))
        expect(page.locator("#" + abbr.get_attribute("aria-describedby"))).to_be_visible()
        assert audit_now(page) == []
    finally:
        context.close()


PHONE_PAGES = ["text section", "person", "chronology", "documents", "bibliography"]


@pytest.fixture(scope="module")
def phone_audit(served, browser) -> dict[tuple[str, str], list[str]]:
    """At 375 px (a phone): the stacked tables, the folded search, the header's title, in
    both palettes."""
    return audit_tabs(browser, {kind: address(served, kind) for kind in PHONE_PAGES},
                      viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("kind", PHONE_PAGES)
def test_phone_pages_pass(phone_audit, kind, scheme):
    assert phone_audit[kind, scheme] == []
