"""The documents in time (write/markdown/timeline.py): an SVG drawn at build time, a lane
per correspondent, every dated document a link to its page, its shape saying which text
cites it; on the real data and on made-up cases."""
from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import pytest

from edition.analyse.readings.documents import document_keys
from edition.build import render_edition
from edition.write.markdown.context import build_context
from edition.write.markdown.timeline import PAGE, Mark, built_url, months_shown, render_timeline, svg

NS = {"svg": "http://www.w3.org/2000/svg"}


@pytest.fixture(scope="module")
def page(edition):
    return render_edition(edition)[PAGE]


def drawing(page: str) -> ET.Element:
    start = page.index("<svg class=\"traffic\"")
    return ET.fromstring(page[start:page.index("</svg>", start) + len("</svg>")])   # well-formed XML


def links(root) -> dict[str, ET.Element]:
    found = {}
    for a in root.iter("{http://www.w3.org/2000/svg}a"):
        key = a.get("data-key")
        assert key not in found, key
        found[key] = a
    return found


def every_drawings_links(page: str) -> list[str]:
    keys, start = [], page.find('<svg class="traffic"')
    while start >= 0:
        keys += list(links(drawing(page[start:])))
        start = page.find('<svg class="traffic"', start + 1)
    return keys


def test_every_dated_document_is_a_link_to_its_page(edition, page):
    entries = {e.key: e for e in edition.entries}
    keys = document_keys(entries, edition.readings)
    dated = [k for k in keys if len(entries[k].get("date")) >= 7]
    marks = links(drawing(page))
    assert sorted(marks) == sorted(dated) and len(dated) == len(keys) - 1
    for key, a in marks.items():
        assert a.get("{http://www.w3.org/1999/xlink}href") == f"../{key}/" and a.get("href") is None
        assert a.find("svg:title", NS).text == a.get("aria-label")
    # Undated, it leads to its own page too, like every mark (not to its bibliography entry).
    assert "Undated, so not on the timeline: [Telegram from Shtykov to Gromyko](doc-undated-shtykov-gromyko.md)." in page
    assert "[Documents](index.md)" in page          # the table is the text alternative


def test_the_shape_says_which_text_cites_it(page):
    marks = links(drawing(page))
    shape = {key: a[1].tag.split("}")[1] for key, a in marks.items()}
    assert shape["doc-1949-12-16-stalin-mao"] == "polygon"          # both texts: a diamond
    assert shape["new-york-times-1949-marthur-pledges"] == "rect"   # Kissinger: a square
    assert shape["neibu-cankao-1950-171"] == "circle"               # Kim: a circle
    title = marks["doc-1950-05-14-stalin-mao"].get("aria-label")
    assert title == "14 May 1950: Telegram from Stalin to Mao Zedong; cited in Kissinger 2011 and Kim 2016"
    assert "Cited in Kim 2016 and Kissinger 2011" in page           # the legend


def test_one_lane_per_correspondent_by_the_registers_name(edition):
    site = build_context(edition)
    from edition.write.markdown.timeline import lane_of
    assert lane_of(site.entries["doc-1950-10-01-stalin-mao-zhou"], site) == "Joseph Stalin"   # "Filippov (Stalin)"
    assert lane_of(site.entries["doc-1950-07-07-shtykov-stalin"], site) == "Terentii Shtykov"  # "Shykov"
    assert lane_of(site.entries["neibu-cankao-1950-171"], site) == "Xinhua News Agency"
    assert lane_of(site.entries["acheson-1950-crisis-asia"], site) == "Dean Acheson"


def test_the_empty_years_are_a_break_in_the_axis():
    assert months_shown(["1949-03-02", "1950-10-16", "1956-09-23"]) == [(1949, 3), None, (1950, 10), None, (1956, 9)]
    shown = months_shown(["1949-03-02", "1949-09-24", "1950-06-25", "1956-09-23"])
    assert shown[:16] == [(1949 + (2 + m) // 12, (2 + m) % 12 + 1) for m in range(16)]   # under a year: kept
    assert shown[16:] == [None, (1956, 9)]


def test_made_up_marks_on_one_day_take_two_rows_and_their_words_stay_text():
    marks = [Mark("a", "1950-07-15", "Lane <b>", "15 July 1950: <script>x</script> & co", ("kim-2016",)),
             Mark("b", "1950-07-15", "Lane <b>", "15 July 1950: other", ("kim-2016", "kissinger-2011")),
             Mark("c", "1950-08", "Other", "August 1950: a month only", ("x-2020",))]
    holder = ET.fromstring(svg(marks, {"kim-2016": "Kim 2016", "kissinger-2011": "Kissinger 2011"})
                           .split("</p>", 1)[1])                    # the frame and the names over it: well-formed
    assert [n.text for n in holder.iter("span")] == ["Lane <b>", "Other"]   # the lanes' names, as text
    root = holder.find("div[@class='traffic-frame']/{http://www.w3.org/2000/svg}svg")
    found = links(root)
    ya, yb = float(found["a"][1].get("cy")), float(found["b"][1].get("points").split()[1].split(",")[1])
    assert ya != yb                                                  # the same day: two rows
    assert found["a"].get("aria-label") == "15 July 1950: <script>x</script> & co"   # text, never markup
    assert found["c"][1].tag.endswith("polygon")                     # another text: the triangle
    assert "<b>" not in ET.tostring(root, encoding="unicode").replace("&lt;b&gt;", "")


def test_no_script_no_other_host_and_legible_at_375(page):
    namespaces = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink")
    assert "<script" not in page and "http://" not in page.replace(namespaces[0], "").replace(namespaces[1], "")
    assert "https://" not in page
    assert 'style="overflow-x:auto;max-width:100%"' in page and 'tabindex="0"' in page
    assert '<div class="traffic-names" aria-hidden="true" data-pagefind-ignore="all">' in page   # the lanes' names: not indexed
    root = drawing(page)
    assert "font-size:12px" in root.get("style")


def test_no_documents_no_page(edition):
    site = build_context(edition)
    empty = dataclasses.replace(site, entries={k: e for k, e in site.entries.items() if not e.get("date")})
    assert render_timeline(edition, dataclasses.replace(empty, readings=type(site.readings)((), ()))) == {}


def test_links_are_the_built_sites_addresses():
    assert built_url("doc-1950-05-14-stalin-mao.md") == "../doc-1950-05-14-stalin-mao/"
    assert built_url("../bibliography/index.md#x-1950") == "../../bibliography/#x-1950"


def test_the_documents_page_leads_to_the_timeline(edition):
    assert "[The documents in time](timeline.md)" in render_edition(edition)["documents/index.md"]


def test_too_many_documents_for_a_page_are_a_drawing_a_month(edition, monkeypatch):
    """At hundreds of texts the one drawing would be megabytes: past the page budget it is a
    page listing its parts, each holding the drawings of as many months as fit; every dated
    document is still a mark in exactly one of them, linked to its page."""
    import edition.write.markdown.parts as parts
    monkeypatch.setattr(parts, "BUDGET", 20_000)
    files = render_timeline(edition, build_context(edition))
    assert "## Parts" in files[PAGE] and "<svg" not in files[PAGE]
    month_parts = sorted(path for path in files if path.startswith("documents/timeline--"))
    assert len(month_parts) >= 3 and "## May 1950" in files["documents/timeline--1950-05.md"]
    marked = [key for path in month_parts for key in every_drawings_links(files[path])]
    site = build_context(edition)
    dated = [k for k in document_keys(site.entries, site.readings) if len(site.entries[k].get("date")) >= 7]
    assert sorted(marked) == sorted(dated)
    assert 'title: "The documents in time: May 1950' in files["documents/timeline--1950-05.md"]


def test_the_caption_says_what_the_drawing_spans_and_that_it_scrolls(page):
    # A screen shows only part of the drawing: the caption names its first and last months.
    caption = page[page.index('<p class="traffic-caption">'):]
    caption = caption[:caption.index("</p>")]
    assert "The drawing runs from March 1949 to September 1956" in caption
    assert "opens at its latest months" in caption and "scroll it sideways" in caption
    assert page.index("traffic-caption") < page.index('class="traffic-frame"')
    assert 'direction:ltr' in page[page.index('<svg class="traffic"'):][:600]   # the frame is right to left
