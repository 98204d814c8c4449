"""The navigation in reading order: home, the texts in the manifest's order with their
sections, then documents, where the texts meet, chronology, people, glossary,
bibliography, about and the editorial method; person pages reached from People only;
Previous/Next within a text; the 404 page names each section once; a site built without
a configured address cites the address it is read at."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ORDER = ["Home", "Kissinger 2011", "Kim 2016", "Documents", "Where the texts meet", "Chronology",
         "People", "Glossary", "Bibliography", "About", "Editorial method"]
KIM = "texts/kim-2016/"


def top_level(page) -> list[str]:
    items = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item")
    return [re.sub(r"\s+", " ", t).strip() for t in
            items.evaluate_all("els => els.map(e => (e.querySelector(':scope > .md-nav__link, :scope > a, "
                               ":scope > div > a, :scope > label') || e).textContent)")]


def test_the_navigation_follows_the_reading_order(served, page, texts):
    page.goto(served.url())
    assert [t.meta.short for t in texts.values()] == ["Kissinger 2011", "Kim 2016"]   # the manifest's order
    assert top_level(page) == ORDER


def test_a_texts_sections_are_listed_in_order_under_it(served, page, texts):
    page.goto(served.url(KIM))
    links = page.locator(".md-nav--primary a.md-nav__link[href*='kim-2016/0']")
    titles = [re.sub(r"\s+", " ", t).strip() for t in links.all_inner_texts()]
    assert titles == [s.title for s in texts["kim-2016"].sections]


def test_person_pages_are_not_in_the_side_navigation(served, page, edition):
    page.goto(served.url("people/stalin/"))
    expect(page.locator("article h1")).to_contain_text("Stalin")
    assert top_level(page) == ORDER
    expect(page.locator(".md-nav--primary a[href*='people/']:not([href$='people/'])")).to_have_count(0)
    page.goto(served.url("people/"))
    # The index lists persons by their sort name (persons.toml `sort`), not by page name.
    actors = sorted((p for p in edition.registers.persons if p.kind == "actor"), key=lambda p: p.sort.casefold())
    shown = page.locator("article table").first.locator("tbody tr td:first-child").all_inner_texts()
    assert shown == [p.name for p in actors]
    assert shown != sorted(shown)      # by sort name, which is not the order of the names shown


def footer(page) -> dict[str, str]:
    return dict(page.locator(".md-footer__link").evaluate_all(
        "links => links.map(a => [a.classList.contains('md-footer__link--prev') ? 'prev' : 'next', a.href])"))


def test_previous_and_next_stay_within_a_text(served, page, texts):
    text = texts["kim-2016"]
    page.goto(served.url(KIM))
    assert set(footer(page)) == {"next"}          # the text's first page: no way back out of it
    previous = served.url(KIM)
    for number, section in enumerate(text.sections, start=1):
        page.locator(".md-footer__link--next").click()
        here = served.url(f"{KIM}{number:02d}-{section.slug}/")
        page.wait_for_url(here)
        # Instant navigation changes the address before it swaps the footer.
        page.wait_for_function("p => (document.querySelector('.md-footer__link--prev') || {}).href === p",
                               arg=previous)
        previous = here
        links = footer(page)
        assert set(links) == ({"prev", "next"} if number < len(text.sections) else {"prev"}), links
        assert all("kim-2016/" in href for href in links.values()), links                       # the last section: not into the registers
    # The last section has no Next: the reader does not walk into the registers.
    for register in ("people/stalin/", "people/", "glossary/", "bibliography/", "documents/", "about/", ""):
        page.goto(served.url(register))
        assert footer(page) == {}, register


def test_the_404_page_names_each_section_once(served, page):
    page.goto(served.url("no/such/page/"))
    items = page.locator("article h2#pages-of-the-edition + ul > li > a")
    assert items.all_inner_texts() == ORDER
    names = page.locator("article h2#pages-of-the-edition + ul a").all_inner_texts()
    assert len(names) == len(set(names)), names


def test_the_edition_is_cited_at_the_address_it_is_read_at(served, page):
    """mkdocs.yml configures no address: the page's script writes the one it is read at."""
    page.goto(served.url(KIM))
    citation = page.locator("article p", has_text="Korea 1950 — a digital edition").last
    expect(citation).to_contain_text(served.url(KIM))
    assert "example." not in citation.inner_text()
