"""What search finds first, measured on the real site with the queries a reader of these
texts types: for words the texts hold, their passages come before the registers; a hit
in the bibliography or the Documents lands on the entry that holds the words, which are
highlighted there; a phrase in quotation marks matches as a phrase."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BOX = ".ed-search__input"
RESULTS = ".ed-search__link"


def search(page, words: str) -> list[dict]:
    """The results shown for the words, once the status reports them."""
    page.locator(BOX).click()
    page.locator(BOX).fill("")                    # no results left from a search before
    expect(page.locator(RESULTS)).to_have_count(0)
    page.locator(BOX).fill(words)
    expect(page.locator(".ed-search__status")).to_have_text(re.compile(r"^\d+ pages?"))
    expect(page.locator(RESULTS).first).to_be_visible()
    return page.locator(RESULTS).evaluate_all("""links => links.map(a => ({
        href: a.href,
        where: (a.querySelector('.ed-search__where') || {}).textContent || '',
        excerpt: a.querySelector('.ed-search__excerpt').textContent }))""")


def show_all(page) -> None:
    while page.locator(".ed-search__more").count():
        shown = page.locator(RESULTS).count()
        page.locator(".ed-search__more").click()
        expect(page.locator(RESULTS)).not_to_have_count(shown)


def in_texts(result: dict) -> bool:
    return "/texts/" in result["href"] and re.search(r"#(p|fn:)\d+(-editor)?$", result["href"]) is not None


@pytest.mark.parametrize("words", ["Filippov", "Smith Battalion", "NSC-48/2", "delo 331"])
def test_the_texts_passages_come_before_the_registers(served, page, words):
    page.goto(served.url())
    results = search(page, words)
    kinds = [in_texts(r) for r in results]
    assert kinds[0], results
    # Every passage of the texts first, then the rest: no register page between them.
    assert kinds == sorted(kinds, reverse=True), [r["href"] for r in results]
    assert page.console.errors == []


def test_delo_331_finds_the_331_documents_before_delo_333(served, page):
    page.goto(served.url())
    results = search(page, "delo 331")
    first = results[:5]
    assert all(re.search(r"delo\.? 331", r["excerpt"]) for r in first), first
    assert not any("333" in r["excerpt"] and not re.search(r"delo\.? 331", r["excerpt"]) for r in first), first


def test_a_bibliography_hit_lands_on_the_entry_with_the_words_highlighted(served, page):
    page.goto(served.url())
    search(page, "delo 331")
    show_all(page)      # the bibliography comes after the passages
    entry = page.locator(f'{RESULTS}[href*="/bibliography/?"]').first
    target = entry.get_attribute("href")
    anchor = target.split("#")[1]
    entry.click()
    page.wait_for_url(re.compile(re.escape(anchor) + "$"))
    holder = page.locator(f'[id="{anchor}"]')
    expect(holder).to_contain_text(re.compile(r"delo 331"))
    expect(holder.locator("mark.search-highlight", has_text="331")).not_to_have_count(0)
    assert page.console.errors == []


def test_a_documents_hit_lands_on_the_row_with_the_words(served, page):
    page.goto(served.url())
    search(page, "Kim Il-sung's visit to Moscow")
    show_all(page)
    row = page.locator(f'{RESULTS}[href*="/documents/?"]').first
    target = row.get_attribute("href")
    assert re.search(r"#document-[\w-]+$", target), target
    row.click()
    anchor = target.split("#")[1]
    page.wait_for_url(re.compile(re.escape(anchor) + "$"))
    expect(page.locator(f'tr:has([id="{anchor}"])')).to_contain_text("visit to Moscow")


def test_the_words_are_highlighted_where_a_passage_result_lands(served, page):
    page.goto(served.url())
    results = search(page, "Smith Battalion")
    first = page.locator(RESULTS).first
    target = results[0]["href"]
    paragraph = target.split("#")[1]
    first.click()
    page.wait_for_url(target)
    marks = page.locator(f'[id="{paragraph}"] mark.search-highlight')
    expect(marks.first).to_be_visible()
    assert {m.lower() for m in marks.all_inner_texts()} >= {"smith", "battalion"}
    # Highlighted in the dark palette too: dark text on a light mark.
    colour = marks.first.evaluate("m => getComputedStyle(m).color")
    assert colour == "rgb(0, 0, 0)", colour


def test_a_phrase_in_quotation_marks_matches_as_a_phrase(served, page):
    page.goto(served.url())
    phrase = "first battle with the US ground forces"
    search(page, "battle ground forces first")
    loose = page.locator(".ed-search__status").inner_text()
    results = search(page, f'"{phrase}"')
    assert int(loose.split()[0]) > int(page.locator(".ed-search__status").inner_text().split()[0])
    assert in_texts(results[0]), results
    for result in results:   # every page shown holds the words in this order
        assert phrase.lower() in re.sub(r"\s+", " ", result["excerpt"]).lower(), result
    target = results[0]["href"]
    page.locator(RESULTS).first.click()
    page.wait_for_url(target)
    # The phrase marked as one, across the abbreviation ("US") inside it.
    marks = page.locator(f'[id="{target.split("#")[1]}"] mark.search-highlight')
    expect(marks.first).to_be_visible()
    assert "".join(marks.all_text_contents()).lower() == phrase.lower()


def test_the_print_page_shown_is_the_page_the_words_stand_on(served, page):
    page.goto(served.url())
    results = search(page, "Smith Battalion")
    for result in (r for r in results if in_texts(r) and "/kim-2016/" in r["href"]):
        shown = re.search(r"p\. (\d+)", result["where"])[1]
        paragraph = result["href"].split("#")[1]
        page.goto(result["href"])
        printed = page.locator(f'[id="{paragraph}"]').get_attribute("data-page")
        assert shown in printed.split("–"), (result, printed)


def test_a_note_shows_the_print_page_it_stands_on(served, page):
    page.goto(served.url())
    results = [r for r in search(page, "Filippov") if "/kim-2016/" in r["href"] and "#fn:" in r["href"]]
    assert results
    for result in results:
        shown = re.search(r"p\. (\d+)", result["where"])[1]
        note = result["href"].split("#")[1]
        page.goto(result["href"])
        expect(page.locator(f'[id="{note}"] .note-page')).to_have_text(f"(printed on p.\u00a0{shown})")


def _dates_of(page, href: str) -> list[list[str]]:
    """The [from, to] months the result's place carries, read from the `dates` the page itself
    gives the index: its anchor's, and the whole page's ("*")."""
    written = page.request.get(href.split("?")[0]).text()
    meta = re.search(r'data-pagefind-meta="dates:([^"]*)"', written)
    places = dict(p.split("=") for p in meta[1].split()) if meta else {}
    anchor = href.split("#")[1] if "#" in href else ""
    return [span.split("/") for place in (anchor, "*") if place in places for span in places[place].split(";")]


def test_a_date_range_keeps_the_places_dated_in_it(served, page):
    """"Roshchin" finds Kim's passage of 18 September 1950 and his note citing the telegram of
    13 May 1950; dated May–June 1950, the first drops out, the note stays, and every result,
    the ones shown by "More results" too, leads to a place dated within the range."""
    page.goto(served.url())
    unfiltered = search(page, "Roshchin")
    everything = page.locator(".ed-search__status").inner_text()
    september = [r for r in unfiltered if "18 September" in r["excerpt"] and "/kim-2016/05-" in r["href"]]
    assert september, unfiltered
    page.locator(".ed-search__filters summary").click()
    years = page.locator('[name="from-year"] option')
    expect(years.nth(1)).to_be_attached()   # the years come with the index's filters, loaded apart
    years = years.all_inner_texts()[1:]
    assert years == sorted(years) and "1950" in years   # the years the edition dates
    for bound, month in (("from", "05"), ("to", "06")):
        page.locator(f'[name="{bound}-year"]').select_option("1950")
        page.locator(f'[name="{bound}-month"]').select_option(month)
    expect(page.locator(".ed-search__status")).to_have_text(re.compile(r"^Dated May–June 1950: \d+ pages, 5 shown"))
    show_all(page)
    dated = page.locator(RESULTS).evaluate_all("links => links.map(a => a.href)")
    assert len(dated) > 5 and not any(h.split("?")[0] == september[0]["href"].split("?")[0] for h in dated)
    assert any(re.search(r"/kim-2016/02-[^?]+\?highlight=Roshchin#fn:25$", h) for h in dated), dated
    assert not any("/people/" in h for h in dated), dated   # undated pages drop out
    for href in dated:
        spans = _dates_of(page, href)
        assert any("1950-05" <= a and b <= "1950-06" for a, b in spans), (href, spans)
    # No range: the search as before.
    page.locator('[name="from-year"]').select_option("")
    page.locator('[name="to-year"]').select_option("")
    expect(page.locator(".ed-search__status")).to_have_text(everything)
    assert page.console.errors == []


def test_a_notes_excerpt_is_drawn_from_that_note_alone(served, page):
    """A result that leads to note N shows words of note N, never the end of the note
    before it ("… (printed on p. 240) ↩") credited to it."""
    page.goto(served.url())
    results = [r for r in search(page, "Roshchin") if "#fn:" in r["href"]]
    show_all(page)
    results = [r for r in page.locator(RESULTS).evaluate_all("""links => links.map(a => ({href: a.href,
        excerpt: a.querySelector('.ed-search__excerpt').textContent}))""") if "#fn:" in r["href"]]
    for result in results:
        page.goto(result["href"])
        note = " ".join(page.locator(f'[id="{result["href"].split("#")[1]}"]').inner_text().split())
        words = " ".join(result["excerpt"].split())
        assert words in note, (words, note)      # all of it the note's own words
    assert len(results) >= 3


def test_a_result_names_the_print_page_and_whose_words_it_shows(served, page):
    """A paragraph's result gives the print page its words stand on (Kim ¶ 25 is on p. 244,
    though its section opens on p. 242); a result in the editor's comment on Kissinger's
    n. 30 says it is the editor's, not Kissinger's."""
    page.goto(served.url())
    results = search(page, "Filippov")
    paragraph = next(r for r in results if r["href"].endswith("#p25"))
    assert paragraph["where"] == "Kim 2016 · ¶ 25 · p. 244", paragraph
    results = search(page, "Roshchin")
    comment = next(r for r in results if r["href"].endswith("#fn:30-editor"))
    assert comment["where"] == "Kissinger 2011 · n. 30, the editor's comment", comment
    assert "↩" not in " ".join(r["excerpt"] for r in results)          # the back link is not indexed
    assert page.console.errors == []


def test_a_documents_title_match_shows_its_record_not_its_title_again(served, page):
    """A document page found by its title (Shtykov to Gromyko, 21 September 1950): the
    result's title is the document's, so the line under it does not repeat it, and the
    excerpt gives the catalogue record (its date) rather than the title a second time."""
    page.goto(served.url())
    results = search(page, "Gromyko")
    show_all(page)
    results = page.locator(RESULTS).evaluate_all("""links => links.map(a => ({href: a.href,
        title: a.querySelector('.ed-search__title').textContent,
        where: (a.querySelector('.ed-search__where') || {}).textContent || '',
        excerpt: a.querySelector('.ed-search__excerpt').textContent}))""")
    document = next(r for r in results if r["href"].split("?")[0].endswith("/documents/doc-1950-09-21-shtykov-gromyko/"))
    assert document["title"] == "Telegram from Shtykov to Gromyko", document
    assert document["where"] == "" and "#" not in document["href"], document
    assert "21 September 1950" in document["excerpt"], document
    assert not document["excerpt"].startswith(document["title"]), document
