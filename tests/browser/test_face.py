"""The edition's face in Chromium: the reading type served with the site (no other host
asked), abbreviations marked once, names that read as text, dates that never break inside a
word, tables that keep their columns from year to year (and the chronology's texts their
columns from row to row), and a phone's header that shows the page's title with the search
folded to its icon."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

KIM_2 = "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/"


@pytest.fixture
def open_page(browser):
    contexts = []

    def opener(width: int):
        context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width < 500,
                                      has_touch=width < 500, service_workers="block")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()
    yield opener
    for context in contexts:
        context.close()


def test_the_text_is_set_in_literata_from_the_site_itself(served, open_page):
    page = open_page(1280)
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(served.url(KIM_2))
    page.evaluate("document.fonts.ready")
    family = page.evaluate("getComputedStyle(document.querySelector('article p.para')).fontFamily")
    assert family.split(",")[0].strip('"') == "Literata", family
    assert page.evaluate("document.fonts.check('16px Literata') && document.fonts.check('italic 16px Literata')")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert "Literata" in loaded
    assert hosts == {urlsplit(served.origin).netloc}, hosts


def test_an_abbreviation_is_marked_at_its_first_use_only(served, open_page):
    page = open_page(1280)
    page.goto(served.url(KIM_2))
    expect(page.locator("article abbr").first).to_be_attached()
    # (The sidenotes, a copy of the notes hidden from assistive technology, copy them too.)
    marks = page.evaluate("""() => [...document.querySelectorAll('article abbr:not(.sidenotes abbr)')]
        .map(a => a.textContent + '|' + (a.getAttribute('title') || a.getAttribute('aria-describedby') || ''))""")
    texts = [m.split("|")[0] for m in marks]
    assert len(texts) == len(set(texts)), sorted(t for t in texts if texts.count(t) > 1)
    # "CCP" stands many times in the text: marked once, plain afterwards.
    assert texts.count("CCP") == 1
    assert page.locator("article p.para").get_by_text("CCP", exact=False).count() > 1
    assert page.locator("article h1 abbr").count() == 0


def test_names_read_as_text_and_show_their_link_on_hover_and_focus(served, open_page):
    page = open_page(1280)
    page.goto(served.url(KIM_2))
    name = page.locator('article p.para a[href*="people/"]').first
    look = "e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e).color, getComputedStyle(e.parentNode).color]"
    line, colour, text_colour = name.evaluate(look)
    assert line == "none" and colour == text_colour
    name.hover()
    assert name.evaluate(look)[0] == "underline"
    page.mouse.move(0, 0)
    assert name.evaluate(look)[0] == "none"
    page.keyboard.press("Shift")   # the reader is on the keyboard: focus is shown
    name.focus()
    assert name.evaluate("e => e.matches(':focus-visible')")
    assert name.evaluate(look)[0] == "underline"
    # A link to the list of persons is not a name: it looks like a link.
    page.goto(served.url())
    people = page.locator('article li a[href$="/people/"]')
    line, colour, text_colour = people.evaluate(look)
    assert line == "underline" and colour != text_colour


WORDS_WHOLE = """() => {
  const broken = [];
  const cells = document.querySelectorAll('article table td:first-child');
  for (const cell of cells) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s-]+/g;   // a line may end after a hyphen ("Kai-|shek"), never inside a word
      let m;
      while ((m = re.exec(node.textContent))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        if (range.getClientRects().length > 1) broken.push(m[0]);
      }
    }
  }
  return {cells: cells.length, broken};
}"""


@pytest.mark.parametrize("where, width", [("chronology/", 375), ("chronology/", 1280), ("documents/", 375),
                                          ("documents/", 1280), ("people/", 375), ("glossary/", 375)])
def test_what_names_a_row_never_breaks_inside_a_word(served, open_page, width, where):
    """A table's first column (a date, a person, an abbreviation) keeps its words whole."""
    page = open_page(width)
    page.goto(served.url(where))
    found = page.evaluate(WORDS_WHOLE)
    assert found["cells"] > 20 and found["broken"] == []


@pytest.mark.parametrize("where, table, cells, last", [("glossary/", "glossary-table", 4, "Sources"),
                                                      ("bibliography/aprf/", "archive-table", 6, "Published as"),
                                                      ("documents/doc-1950-05-14-stalin-mao/", "comparison-table",
                                                       4, "Compared")])
def test_on_a_phone_wide_tables_read_as_rows(served, open_page, where, table, cells, last):
    """Four or six columns leave a phone no room: each row's cells stand one under another,
    under their columns' names, and nothing is hidden to the right."""
    page = open_page(375)
    page.goto(served.url(where))
    found = page.locator(f"article .{table} table")
    assert found.evaluate("t => t.scrollWidth <= t.clientWidth")
    first = found.locator("tbody tr").first.locator("td")
    lefts = first.evaluate_all("cells => cells.map(c => Math.round(c.getBoundingClientRect().left))")
    assert len(lefts) == cells and len(set(lefts)) == 1                          # one under another
    assert first.nth(cells - 1).evaluate("c => getComputedStyle(c, '::before').content") == f'"{last}"'


# Every cell of the chronology's rows, empty ones as null: its column's header (the table's
# own), its box and the name it shows above its content.
CELLS = """() => [...document.querySelectorAll('article table tbody tr')].map(tr =>
  [...tr.children].map((td, i) => {
    if (td.matches(':empty')) return null;
    const r = td.getBoundingClientRect(), label = td.querySelector(':scope > .cell-label');
    const shown = label && label.getBoundingClientRect().height > 0 && getComputedStyle(label).visibility === 'visible';
    return {column: td.closest('table').querySelectorAll('thead th')[i].textContent.trim(),
            left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top),
            width: Math.round(r.width), label: shown ? label.textContent.trim() : null};
  }))"""


def chronology_cells(page) -> list[list[dict | None]]:
    rows = page.evaluate(CELLS)
    assert len(rows) > 80 and all(len(row) == len(rows[0]) >= 4 for row in rows)
    return rows


@pytest.mark.parametrize("width", [1280, 1440, 1920])
def test_on_a_desktop_each_text_keeps_its_column_in_the_chronology(served, open_page, width):
    """Each text's passages stand in one column, at the same place in every row of every
    year: a text with nothing for the row leaves its column empty, and the next text's
    passages do not move into it. Each cell is named after its text; the documents stand
    under the texts' columns (or beside the date when no text has a passage for the row)."""
    page = open_page(width)
    page.goto(served.url("chronology/"))
    rows = chronology_cells(page)
    texts = range(1, len(rows[0]) - 1)               # the date, a column per text, the documents
    lefts = {i: {row[i]["left"] for row in rows if row[i]} for i in texts}
    assert all(len(lefts[i]) == 1 for i in texts), lefts           # one place per text
    places = [lefts[i].pop() for i in texts]
    assert places == sorted(set(places))                           # side by side, in order
    for row in rows:
        date, cells, documents = row[0], [row[i] for i in texts], row[-1]
        filled = [c for c in cells if c]
        assert all(c["left"] >= date["right"] for c in filled + [documents] if c)   # never under the date
        assert all(c["width"] >= 250 for c in filled)                             # room for a quotation
        assert all(abs(c["top"] - filled[0]["top"]) < 4 for c in filled)         # one line of columns
        assert all(c["label"] == c["column"] for c in filled + [documents] if c)  # each cell named
        if documents:
            assert documents["left"] == places[0]
            assert not filled or documents["top"] > max(c["top"] for c in filled)
    # Texts of one row that both have passages stand side by side.
    assert any(row[1] and row[2] for row in rows)


def test_on_a_phone_the_chronology_is_rows_with_each_texts_name(served, open_page):
    page = open_page(375)
    page.goto(served.url("chronology/"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    row = page.locator("article table tbody tr").nth(3)
    cells = row.locator("td:not(:empty)")
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert len(boxes) >= 2 and all(b["y"] > a["y"] for a, b in zip(boxes, boxes[1:]))   # one under another
    expect(row.locator(".cell-label").first).to_be_visible()
    # The rows stand without a header: every cell but the date says which text (or the
    # documents) it holds.
    rows = chronology_cells(page)
    assert all(cell["label"] == cell["column"] for row in rows for cell in row[1:] if cell)
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(row.locator(".cell-label").first).to_be_visible()          # the rows stand without a header
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert abs(boxes[1]["y"] - boxes[0]["y"]) < 8                      # the date and a cell side by side


def test_a_phone_header_shows_the_page_title_and_folds_the_search(served, open_page):
    page = open_page(375)
    page.goto(served.url(KIM_2))
    title = page.locator(".md-header__topic + .md-header__topic .md-ellipsis")
    expect(title).to_be_visible()
    assert title.inner_text().strip().startswith("PRC policy on the Korean peninsula")
    assert title.evaluate("e => getComputedStyle(e.closest('.md-header__topic')).opacity") == "1"
    # Two lines hold the start of the title (not "Korea 1…").
    assert title.evaluate("e => e.getBoundingClientRect().width") > 180
    search = page.locator(".ed-search__input")
    assert search.bounding_box()["width"] <= 48
    search.click()
    assert search.bounding_box()["width"] > 300
    page.keyboard.type("Roshchin")
    expect(page.locator(".ed-search__link").first).to_be_visible()
