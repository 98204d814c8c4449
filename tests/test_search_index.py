"""The search writer: the fields a page gives the index, and the index of the real site."""
from __future__ import annotations

import html
import re

import pytest

from edition.publish.search_index import index_site
from edition.write.search_fields import search_fields
from edition.publish.search_index import SearchIndexError


def test_fields_are_attributes_only_and_escaped():
    lines = search_fields({"person": ['<img src=x onerror="alert(1)">', "Stalin, Joseph"]},
                          {"text": "Kim 2016"})
    assert lines[-1] == "" and len(lines) == 2
    block = lines[0]
    assert "<img" not in block and "&lt;img" in block
    assert re.fullmatch(r'<div class="search-fields" hidden>(<span data-pagefind-(filter|meta)="[^"<>]*"></span>)+</div>',
                        block), block
    assert 'data-pagefind-filter="person:Stalin\\, Joseph"' in block  # a comma is not a separator
    assert html.unescape(block).count("data-pagefind-meta") == 1


def test_an_unknown_filter_is_refused():
    with pytest.raises(ValueError):
        search_fields({"colour": ["red"]})


def test_no_fields_no_block():
    assert search_fields({"text": []}) == []


def test_the_real_site_is_indexed_into_its_own_folder(site, tmp_path):
    import shutil
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    pages = index_site(copy)
    every = [p.relative_to(copy).as_posix() for p in copy.rglob("*.html")]
    left_out = [p for p in every if p.startswith(("chronology/", "where-the-texts-meet/"))
                or p in ("people/index.html", "404.html")]
    assert left_out and pages == len(every) - len(left_out)
    assert (copy / "pagefind" / "pagefind.js").is_file()
    assert list((copy / "pagefind" / "fragment").iterdir())
    # The generator's fields are on the pages Pagefind read.
    section = next(copy.glob("texts/kim-2016/03-*/index.html")).read_text(encoding="utf-8")
    assert 'data-pagefind-filter="text:Kim 2016"' in section
    assert 'data-pagefind-filter="archive:APRF"' in section


def test_indexing_a_folder_that_is_no_site_fails_plainly(tmp_path):
    with pytest.raises(SearchIndexError, match="no index.html"):
        index_site(tmp_path)


def _fields(markdown: str) -> tuple[set[str], dict[str, str]]:
    """The `month` filter's values and the `dates` meta (place -> spans) of a written page."""
    block = html.unescape(next(line for line in markdown.splitlines() if 'class="search-fields"' in line))
    months = set(re.findall(r'data-pagefind-filter="month:([^"]+)"', block))
    dates = re.search(r'data-pagefind-meta="dates:([^"]*)"', block)[1]
    return months, dict(place.split("=") for place in dates.split())


def test_a_section_page_dates_its_paragraphs_and_notes_for_the_date_range(edition):
    """Kim's section 2: ¶ 22 writes "On 3 May 1950 … On 13 May 1950", n. 25 cites Roshchin's
    telegram to Stalin of 13 May 1950; ¶ 21 writes no date and n. 26 cites Mao's talk of
    September 1956."""
    from edition.write.markdown.context import build_context
    from edition.write.markdown.pages import render_text

    site = build_context(edition)
    kim = next(t for t in edition.texts if t.meta.id == "kim-2016")
    page = next(text for path, text in render_text(kim, site).items() if "/02-" in path)
    months, dates = _fields(page)
    assert dates["p22"] == "1950-05/1950-05" and dates["fn:25"] == "1950-05/1950-05"
    assert "p21" not in dates
    assert dates["fn:26"] == "1956-09/1956-09"
    # The filter holds every month a date begins or ends in, and no other.
    assert months == {m for spans in dates.values() for span in spans.split(";") for m in span.split("/")}


def test_a_document_page_is_dated_as_a_whole(edition):
    from edition.write.markdown.context import build_context
    from edition.write.markdown.document_pages import render_document_pages

    site = build_context(edition)
    pages = render_document_pages(edition, site)
    months, dates = _fields(pages[site.document_pages["doc-1950-05-13-roshchin-stalin"]])
    assert (months, dates) == ({"1950-05"}, {"*": "1950-05/1950-05"})
