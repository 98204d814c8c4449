"""The texts stand in the manifest's order everywhere a list names more than one of them:
the navigation, the home page, and every list of notes (Cited in, the notes on the
apparatus, the archives' pages, the Documents)."""
from __future__ import annotations

import re

import pytest

LISTS = re.compile(r'<p class="cited-in">.*?</p>|<li>.*?</li>|<td[^>]*>.*?</td>', re.S)


def shorts_in(html: str, shorts: list[str]) -> list[str]:
    text = re.sub(r"<[^>]+>", "", html)
    return [m.group(0) for m in re.finditer("|".join(map(re.escape, shorts)), text)]


@pytest.mark.parametrize("page", ["bibliography/index.html", "bibliography/apparatus/index.html",
                                  "bibliography/aprf/index.html", "documents/index.html"])
def test_every_list_of_notes_follows_the_manifest(site, edition, page):
    shorts = [t.meta.short for t in edition.texts]
    html = (site / page).read_text(encoding="utf-8")
    lists = [shorts_in(m.group(0), shorts) for m in LISTS.finditer(html)]
    both = [found for found in lists if len(set(found)) > 1]
    assert both, page                    # the check has lists to look at
    for found in both:
        assert found == sorted(found, key=shorts.index), found


def test_the_navigation_and_the_home_page_follow_the_manifest(site, edition):
    shorts = [t.meta.short for t in edition.texts]
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('md-nav--primary'):]
    assert shorts_in(nav, shorts)[:len(shorts)] == shorts
    article = home[home.index("<article"):]
    assert list(dict.fromkeys(shorts_in(article, shorts))) == shorts
