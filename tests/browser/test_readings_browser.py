"""A note's tooltip offers "Read the document" in Chromium: the publisher named, the
link leading to the publisher's page in the same tab, marked as external."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from edition.write.markdown.context import build_context, site_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TOOLTIP = ".md-tooltip2--active .md-tooltip2__inner"


def a_note_with_a_reading(edition):
    """The first note that cites a document with a reading: its page, number and reading."""
    pages = build_context(edition).note_pages
    for note in edition.notes:
        for citation in note.citations:
            reading = edition.readings.of(citation.key)
            if reading is not None and reading.found:
                return site_url(pages[(note.text_id, note.note)]), note.note, reading
    pytest.fail("no note cites a document with a reading")


def test_note_tooltip_offers_the_document(served, page, edition):
    url, number, reading = a_note_with_a_reading(edition)
    page.set_viewport_size({"width": 1100, "height": 900})   # below the sidenotes' width: tooltips
    page.goto(served.url(url))
    page.locator(f'a.footnote-ref[href$="#fn:{number}"]').hover()
    tooltip = page.locator(TOOLTIP).filter(has=page.locator("a.reading-link"))
    expect(tooltip).to_be_visible()
    link = tooltip.locator("a.reading-link").first
    expect(link).to_have_attribute("href", reading.url)
    expect(link).to_contain_text(f"Read: {reading.title} ({reading.publisher})")
    assert link.get_attribute("target") is None          # the same tab
    assert link.get_attribute("rel") == "external"
    # "(external site)" is read out but not shown; the arrow is shown but not read out.
    hidden = link.locator(".visually-hidden")
    expect(hidden).to_have_text(" (external site)")
    box = hidden.bounding_box()
    assert box is None or (box["width"] <= 1 and box["height"] <= 1)
    assert link.locator(".reading-external").get_attribute("aria-hidden") == "true"
    assert page.console.errors == []
    # Followed from the tooltip, the link asks for the publisher's page in this tab (the test
    # context refuses every request off loopback, so the page itself is never fetched).
    link.scroll_into_view_if_needed()     # a long note puts the link below the tooltip's fold
    with page.expect_request(reading.url) as request:
        link.click()
    assert request.value.frame == page.main_frame and len(page.context.pages) == 1


def column(page, index: int) -> list[str]:
    return [t.strip() for t in page.locator(".documents-table tbody tr").evaluate_all(
        f"rows => rows.map(r => r.cells[{index}].textContent)")]


def sort_values(page, index: int) -> list[str]:
    return page.locator(".documents-table tbody tr").evaluate_all(
        f"rows => rows.map(r => r.cells[{index}].getAttribute('data-sort'))")


def test_documents_table_sorts_by_a_column_and_back_by_date(served, page):
    page.goto(served.url("documents/"))
    by_date = column(page, 1)
    assert len(by_date) >= 35
    header = page.locator(".documents-table th").nth(2)
    expect(header).to_have_attribute("aria-sort", "none")
    header.get_by_role("button", name="Correspondents").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    surnames = sort_values(page, 2)                # by the sender's surname, as the registers sort it
    assert surnames == sorted(surnames) and column(page, 1) != by_date
    header.get_by_role("button", name="Correspondents").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert sort_values(page, 2) == sorted(surnames, reverse=True)
    page.locator(".documents-table th").nth(3).get_by_role("button", name="Cited in").click()
    notes = [float(v) for v in sort_values(page, 3)]
    assert notes == sorted(notes)                  # as numbers: n. 7 before n. 10
    page.locator(".documents-table th").first.get_by_role("button", name="Date").click()
    assert column(page, 1) == by_date            # the generated order: by date
    assert page.console.errors == []



@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_tooltip_with_a_reading_passes_axe(served, browser, edition, scheme):
    """No axe-core violation of any impact, contrast included, in either palette, in a note's
    tooltip with "Read the document" (the Documents page, its sort buttons included, is
    audited with every page type in test_accessibility.py)."""
    from test_accessibility import audit_now

    # Below the sidenotes' width (1200 px), where a note's number opens its tooltip.
    context = browser.new_context(viewport={"width": 1100, "height": 900}, color_scheme=scheme,
                                  service_workers="block")
    try:
        page = context.new_page()
        url, number, _ = a_note_with_a_reading(edition)
        page.goto(served.url(url))
        page.locator(f'a.footnote-ref[href$="#fn:{number}"]').focus()
        expect(page.locator(".md-tooltip2--active a.reading-link")).to_be_visible()
        assert audit_now(page, "'.md-tooltip2--active'") == []
    finally:
        context.close()
