"""In Chromium, on every text page: each "Read" link in a note names its document, stands
right after the citation of that document (a link to its document page), and where the
publisher's page differs from the note, the note says so, linked to the finding."""
from __future__ import annotations

import pytest

from edition.model.readings import DIFFERS
from edition.write.markdown.context import build_context, site_url

pytestmark = pytest.mark.browser

READ_LINKS = """items => items.map(a => {
  const holder = a.closest('span.reading');
  let node = holder.previousSibling, cited = null;
  while (node && !cited) {            // the nearest link before it: the citation it belongs to
    if (node instanceof Element) {
      const links = node.matches('a[href]') ? [node] : [...node.querySelectorAll('a[href]')];
      if (links.length) cited = links[links.length - 1].getAttribute('href');
    }
    node = node.previousSibling;
  }
  const differs = holder.querySelector('.reading-differs a');
  return {note: a.closest('li').id, href: a.getAttribute('href'), words: a.textContent,
          cited: cited, differs: differs && differs.getAttribute('href')};
})"""


def test_every_read_link_names_its_document_and_stands_by_its_citation(served, page, edition):
    site = build_context(edition)
    by_url = {r.url: r for r in edition.readings if r.found}
    seen = 0
    for url in sorted({site_url(p) for p in site.note_pages.values()}):
        page.goto(served.url(url))
        for link in page.locator(".footnote li a.reading-link").evaluate_all(READ_LINKS):
            reading = by_url[link["href"]]
            assert link["words"].startswith(f"Read: {reading.title} ({reading.publisher})"), link
            assert link["cited"] and link["cited"].rstrip("/").endswith(f"documents/{reading.entry}"), link
            if reading.comparison == DIFFERS:
                assert link["differs"] and "bibliography/apparatus/#finding-" in link["differs"], link
            else:
                assert link["differs"] is None, link
            seen += 1
        assert page.console.errors == []
    # one Read link for each document with a publisher's page that each note cites
    expected = {(n.text_id, n.note, c.key) for n in edition.notes for c in n.citations
                if (r := edition.readings.of(c.key)) is not None and r.found}
    assert seen == len(expected)
