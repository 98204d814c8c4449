"""No page of the built site names a source file, a path of the build or a placeholder
address: the reader sees the edition, not the machinery that makes it, and two checkouts
built at different paths publish the same pages."""
from __future__ import annotations

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

from support import ROOT

# A project path ("sources/readings.toml", "scripts/edition/…"), a configuration or code
# file name, a temporary or home folder, or an example domain.
INTERNALS = re.compile(r"(?<![\w/.-])(?:sources|scripts)/[\w./-]*"
                       r"|\b[\w-]+\.(?:toml|py|ya?ml)\b"
                       r"|/tmp/|/home/|\bexample\.(?:com|org|net|github\.io)\b"
                       r"|\bpages corpus\b")   # the name of a search tool the editors used


def pages(site: Path):
    return sorted(site.rglob("*.html"))


def test_no_page_names_a_source_file_a_build_path_or_a_placeholder_address(site):
    project = str(site.parent)            # the copy the site was built from, in a temporary folder
    found = []
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        found += [f"{page.relative_to(site)}: …{html[max(0, m.start() - 40):m.end() + 10]}…"
                  for m in INTERNALS.finditer(html)]
        found += [f"{page.relative_to(site)}: the project's path" for path in (project, str(ROOT)) if path in html]
    assert len(pages(site)) > 90
    assert found == []


def test_the_pattern_finds_what_it_is_for():
    for leak in ("recorded in <code>sources/readings.toml</code>", "(/work/x/sources/citation-map.toml:23)",
                 "Source file: sources/texts/kim.md", "https://example.github.io/korea-1950/", "see mkdocs.yml",
                 "/tmp/pytest-1/project", "Second pass, pages corpus, 2026-11-22"):
        assert INTERNALS.search(leak), leak
    for fine in ("assets/javascripts/workers/search.js", "https://history.state.gov/historicaldocuments/",
                 "Sources: Kim 2016, n. 7", "the sources of the texts"):
        assert not INTERNALS.search(fine), fine


def test_mkdocs_yml_names_no_placeholder_address():
    """A site built without a configured address cites the address it is read at."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert not re.search(r"^site_url:", config, re.M)
    assert not re.search(r"example\.(?:com|org|net|github\.io)", config)


class _Words(HTMLParser):
    """A page's words as a reader sees them: no markup, attributes, scripts or styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words, self._hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style") and self._hidden > 0

    def handle_data(self, data):
        if not self._hidden:
            self.words.append(data)


def test_no_page_names_a_text_by_its_identifier(site):
    """A text is "Kim 2016" to a reader; its id (kim-2016) is for addresses and data."""
    ids = [t["id"] for t in tomllib.loads((ROOT / "sources" / "texts.toml").read_text(encoding="utf-8"))["text"]]
    named = re.compile(r"(?<![\w/.#-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w/.-])")
    found = []
    for page in pages(site):
        words = _Words()
        words.feed(page.read_text(encoding="utf-8"))
        text = " ".join(words.words)
        found += [f"{page.relative_to(site)}: …{text[max(0, m.start() - 40):m.end() + 20]}…" for m in named.finditer(text)]
    assert found == []
