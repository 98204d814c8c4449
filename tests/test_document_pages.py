"""A page per cited document (documents/<key>.md), on the real texts: the record as each note
prints it, the publisher's forms, the passages the notes close, and the notes leading to it."""
from __future__ import annotations

import re

from edition.analyse.readings.documents import document_keys
from edition.write.markdown.context import build_context
from edition.analyse.passages import sentence_before
from edition.write.markdown.document_pages import render_document_pages, with_quotations


def test_every_document_has_its_page_with_its_passages_in_words(edition):
    site = build_context(edition)
    pages = render_document_pages(edition, site)
    keys = document_keys(site.entries, edition.readings)
    assert sorted(pages) == sorted(f"documents/{k}.md" for k in keys) and len(keys) == 46
    cited = {c.key for n in edition.notes for c in n.citations}
    for key in keys:
        page = pages[f"documents/{key}.md"]
        passages = page.split("## The passages that cite it")[1].split("## Its neighbours")[0]
        if key in cited:
            figures = re.findall(r'<figure class="document-passage" markdown>\n\n(.+?)\n', passages)
            assert figures and all(len(f) > 20 for f in figures), key     # words, not only numbers


def test_the_14_may_1950_cable(edition):
    site = build_context(edition)
    page = render_document_pages(edition, site)["documents/doc-1950-05-14-stalin-mao.md"]
    assert '<dt>Date</dt>\n<dd markdown="span">14 May 1950</dd>' in page and "[Stalin](../people/stalin.md)" in page
    # Kim n. 28 as printed (list 56), and the leaf as the publisher gives it (ll. 0055)
    assert "“Telegram from Stalin to Mao Zedong, 14 May 1950, RGASPI, fond. 558, opis. 11, delo. 334, list. 56”" in page
    assert "RGASPI, f. 558, op. 11, d. 334, ll. 0055" in page
    assert "What the publisher adds (Wilson Center Digital Archive)" in page
    assert ('href="https://digitalarchive.wilsoncenter.org/document/ciphered-telegram-no-8600-vyshinsky-mao-zedong"'
            in page)
    # the sentence Kim n. 28 closes, linked to its place and note
    assert "> If the Chinese comrades do not agree, the decision on the question should be postponed until a new discussion." in page
    assert re.search(r"Kim 2016, \[¶ 25\]\(\.\./texts/kim-2016/[^)]+#p25\), p\. 244, \[n\. 28\]\([^)]+#fn:28\)", page)
    assert re.search(r"\[See the finding\]\(\.\./bibliography/apparatus\.md#finding-[0-9a-f]{10}\)", page)
    assert '"citation_date", "1950/05/14"' in page and '"DC.creator", "Stalin"' in page
    # the address: the configured one, or (none configured, as here) the one it is read at
    assert "## Cite this page" in page and "data-read-at" in page.split("## Cite this page")[1]
    # Kissinger nn. 31-32, whose words the source text lacks: no claim about what they name
    assert re.search(r"\[Kissinger 2011 n\. 31\]\([^)]+\): <span[^>]+>editor's identification</span> "
                     r"\(the note's wording was not seen\)", page)
    assert "do not name this document" not in page


def test_a_conversation_has_participants_not_a_sender_and_a_recipient(edition):
    """Stalin and Mao spoke on 16 December 1949; no one sent the record to anyone (the
    Documents page lists them as "Stalin and Mao Zedong"). A telegram keeps From and To."""
    pages = render_document_pages(edition, build_context(edition))
    talk = pages["documents/doc-1949-12-16-stalin-mao.md"]
    assert ('<dt>Participants</dt>\n<dd markdown="span">[Stalin](../people/stalin.md) and '
            "[Mao Zedong](../people/mao-zedong.md)</dd>") in talk
    assert "<dt>From</dt>" not in talk and "<dt>To</dt>" not in talk
    cable = pages["documents/doc-1950-05-14-stalin-mao.md"]
    assert "<dt>From</dt>" in cable and "<dt>To</dt>" in cable and "<dt>Participants</dt>" not in cable


def test_a_document_identified_behind_an_authors_note_says_the_words_do_not_name_it(edition):
    site = build_context(edition)
    page = render_document_pages(edition, site)["documents/doc-1950-05-13-roshchin-stalin.md"]
    assert re.search(r"\[Kissinger 2011 n\. 30\]\([^)]+\): <span[^>]+>editor's identification</span> "
                     r"\(the note's words do not name this document\)", page)


def test_the_passage_is_what_the_marker_closes_and_quotations_are_marked():
    words = "Stalin agreed. Mao wrote that 'Stalin already agreed.' Later he sent more."
    assert sentence_before(words, words.index(" Later")) == "Mao wrote that 'Stalin already agreed.'"
    marked = with_quotations("Mao wrote that 'Stalin already agreed.' and Stalin's “no”")
    assert marked.count("<q ") == 2 and "Stalin's" in marked and "<q style=\"quotes: none\">“no”</q>" in marked


def test_every_primary_source_citation_in_a_note_links_to_its_page(edition, site):
    ctx = build_context(edition)
    checked = 0
    for note in edition.notes:
        html = (site / ctx.note_pages[(note.text_id, note.note)].replace(".md", "/index.html")).read_text(encoding="utf-8")
        item = html[html.index(f'<li id="fn:{note.note}"'):]
        item = item[:item.index("</li>")]
        for c in note.citations:
            if c.key in ctx.document_pages:
                assert f'documents/{c.key}/"' in item, (note.text_id, note.note, c.key)
                checked += 1
            else:
                assert f"#{c.key}" in item
    assert checked > 50


def test_read_links_follow_the_authors_words_in_kim_n_36(edition, site):
    ctx = build_context(edition)
    html = (site / ctx.note_pages[("kim-2016", 36)].replace(".md", "/index.html")).read_text(encoding="utf-8")
    item = html[html.index('<li id="fn:36"'):]
    item = item[:item.index("</li>")]
    jessup, read, president = (item.index("documents/frus-1950-v07-jessup-memorandum-06-26/"),
                                item.index("Read: Memorandum of Conversation, by the Ambassador at Large (Jessup)"),
                                item.index("documents/frus-1950-v07-president-statement-06-27/"))
    assert jessup < president < read


def test_a_document_printed_in_a_volume_names_the_volume_in_full_once(edition):
    """'Printed in' the volume's titles and number, not its short label ('FRUS (n.d.)'); not
    a second time where the reading has said where the document is printed."""
    from edition.write.markdown.document_pages import render_document_pages
    pages = render_document_pages(edition, build_context(edition))
    read = pages["documents/frus-1950-v07-unsc-resolution-06-25.md"]     # read and compared online
    assert ("- Printed in [<em>Foreign Relations of the United States, 1950</em>, vol. 7, <em>Korea</em>]"
            "(../bibliography/index.md#frus-1950-v07)") in read
    assert "(n.d.)" not in read
    printed = pages["documents/frus-1950-v07-unsc-resolution-06-27.md"]  # printed in, as the note says
    assert printed.count("Printed in") == 1 and "### Published" not in printed


def test_the_searches_are_folded_under_their_own_summary(edition):
    """The record of the searches is there to be checked, not read first: closed, named, and
    out of the search index (its queries are not the document's words)."""
    from edition.write.markdown.document_pages import render_document_pages
    page = render_document_pages(edition, build_context(edition))["documents/frus-1950-v07-unsc-resolution-06-27.md"]
    head = '<details class="searches" markdown="1" data-pagefind-ignore>'
    folded = page[page.index(head):]
    assert folded.startswith(head + '\n<summary>The searches the editors recorded'
                             '</summary>\n\nThe editors\' collection of stored public web pages, 2026-11-22:')
    assert "<strong>The searches:</strong>" not in page
    # What the editors did, not whether a copy exists (said where a reader meets it)
    assert "found no copy online that they could link; that is not to say that none exists." in page
    cable = render_document_pages(edition, build_context(edition))["documents/doc-1950-05-14-stalin-mao.md"]
    assert "that is not to say that none exists" not in cable                    # read and compared


def test_a_search_is_dated_only_by_a_day_its_record_names(edition):
    """'Not found in the searches recorded on 22 November 2026' only where the searches were
    made that day: a printed-in reading's own date is the day its print record was checked."""
    import datetime
    import re
    from edition.write.markdown.document_pages import render_document_pages
    pages = render_document_pages(edition, build_context(edition))
    dated = 0
    for reading in edition.readings:
        if not reading.searched:
            continue
        page = pages[f"documents/{reading.entry}.md"]
        for day in re.findall(r"searches recorded on (\d{1,2} \w+ \d{4})", page):
            iso = datetime.datetime.strptime(day, "%d %B %Y").date().isoformat()
            assert iso in reading.searched, (reading.entry, day)
            dated += 1
    assert dated >= 15


def test_a_page_agrees_with_the_notes_only_as_far_as_it_was_compared(edition):
    """The locator of the 10 April 1950 telegram was not seen on the publisher's page: the page
    agrees in what could be compared, not outright."""
    pages = render_document_pages(edition, build_context(edition))
    partly = pages["documents/doc-1950-04-10-ignatieff-vyshinsky.md"]
    assert "the page agrees with the notes in what could be compared." in partly
    assert "the page's locator could not be compared" in partly
    assert "the page agrees with the notes in what could be compared." in pages[
        "documents/frus-1950-v07-wake-island-10-15.md"]            # p. 953 past the pages read
    assert "the page agrees with the notes." in pages["documents/frus-1950-v07-kirk-secstate-09-29.md"]
    assert "the page differs from the notes." in pages["documents/doc-1950-05-14-stalin-mao.md"]
