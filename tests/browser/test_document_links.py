"""In Chromium, on every text page: each "Read" link in a note names its document, a
document the note links to its page; it stands after the author's words, never among them
(what follows it in the note is the editors' too); and where the publisher's page differs
from the bibliography's entry, the note says so, linked to the finding: "differs from the
note" where the note's words cite the document (the entry records them), "differs from the
bibliography's entry" where the editors identified it (the page was never compared with
words the note may not have)."""
from __future__ import annotations

import pytest

from edition.model.readings import DIFFERS
from edition.write.markdown.context import build_context, site_url

pytestmark = pytest.mark.browser

READ_LINKS = """items => items.map(a => {
  const holder = a.closest('span.reading'), note = a.closest('li');
  const cited = [...note.querySelectorAll('a[href]')].filter(l => !holder.contains(l) &&
                 l.compareDocumentPosition(holder) & Node.DOCUMENT_POSITION_FOLLOWING)
                .map(l => l.getAttribute('href'));
  // What follows the Read link in the note: only the editors' spans and the back link.
  const editors = 'span.reading, span.also-cites, span.editor-comment, span.identified, span.note-page, a.footnote-backref';
  let after = '', node = holder.nextSibling;
  for (; node; node = node.nextSibling) {
    if (!(node instanceof Element && node.matches(editors))) after += node.textContent;
  }
  const differs = holder.querySelector('.reading-differs');
  return {note: note.id, href: a.getAttribute('href'), words: a.textContent, cited: cited,
          after: holder.parentElement.closest('span.identified') ? '' : after.trim(),
          printed: !holder.parentElement.closest('span.identified, span.also-cites'),
          differs: differs && differs.querySelector('a').getAttribute('href'),
          differsWords: differs && differs.textContent};
})"""


def test_every_read_link_names_its_document_and_follows_the_authors_words(served, page, edition):
    site = build_context(edition)
    by_url = {r.url: r for r in edition.readings if r.found}
    seen = 0
    for url in sorted({site_url(p) for p in site.note_pages.values()}):
        page.goto(served.url(url))
        for link in page.locator(".footnote li a.reading-link").evaluate_all(READ_LINKS):
            reading = by_url[link["href"]]
            assert link["words"].startswith(f"Read: {reading.title} ({reading.publisher})"), link
            assert any(h.rstrip("/").endswith(f"documents/{reading.entry}") for h in link["cited"]), link
            assert link["after"] == "", link   # the author's words all before it
            if reading.comparison == DIFFERS:
                assert link["differs"] and "bibliography/apparatus/#finding-" in link["differs"], link
                differs_from = "the note" if link["printed"] else "the bibliography's entry"
                assert link["differsWords"].startswith(f"The linked page differs from {differs_from}"), link
            else:
                assert link["differs"] is None, link
            seen += 1
        assert page.console.errors == []
    # one Read link for each document with a publisher's page that each note cites
    expected = {(n.text_id, n.note, c.key) for n in edition.notes for c in n.citations
                if (r := edition.readings.of(c.key)) is not None and r.found}
    assert seen == len(expected)
