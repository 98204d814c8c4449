"""Where a cited document can be read (sources/readings.toml), on the real data: the
evidence agrees with the entries or the difference is declared and reported, links go only
to allowed hosts, the Documents page lists every document once, the notes, bibliography,
archive pages and downloads carry the links, and data from the file reaches pages as text."""
from __future__ import annotations

from html import escape
import json
import re
from urllib.parse import urlsplit

import markdown

from breaking import edit, run_build

from edition.analyse.readings.compare import (LOCATOR_PARTS, compare, parse_locator, parse_ranges, pinpoints_by_key)
from edition.analyse.readings.documents import document_keys, must_have_reading
from edition.analyse.readings.findings import KIND
from edition.model.readings import DIFFERS, LISTED, NOT_FOUND, PRINTED
from edition.write.markdown.context import build_context
from edition.write.markdown.basis import identification_label
from edition.write.markdown.document_pages import render_document_pages
from edition.write.markdown.documents import PAGE, reading_counts, render_documents

MIRRORS = ("dvincitest", "staging", "mirror", "archive.org", "webcache")
STATUS_WORDS = {LISTED: "Listed by the publisher", PRINTED: "Printed in", NOT_FOUND: "Not found in the searches recorded"}


def found(edition):
    return [r for r in edition.readings if r.found]


def test_every_document_has_a_reading(edition):
    """Completeness (enforced): every document (archival, in FRUS, a newspaper article, a
    bulletin issue) says what the editors did: read and compared, listed by the publisher,
    printed in, or not found in the searches recorded."""
    missing = [e.key for e in edition.entries if must_have_reading(e) and edition.readings.of(e.key) is None]
    assert missing == []
    assert sum(1 for e in edition.entries if must_have_reading(e)) == 46   # 29 archival, 6 FRUS, 11 printed


def test_the_statuses_of_the_documents_the_issue_names(edition):
    of = edition.readings.of
    roshchin = of("doc-1950-05-13-roshchin-stalin")
    assert roshchin.status == PRINTED and roshchin.printed_in == (
        "Cold War International History Project Bulletin 4 (Fall 1994), 61",)
    assert "Kissinger (2011) n. 30" in roshchin.named_by and roshchin.searched      # the searches are kept
    assert of("doc-1950-05-12-shtykov-vyshinsky").printed_in[0].endswith("6–7 (Winter 1995/1996), 41")
    assert all("6–7" in p for p in of("doc-1950-07-05-stalin-roshchin").printed_in)
    # 16 December 1949: its own entry names a CWIHP translation, so it is never "not found".
    conversation = of("doc-1949-12-16-stalin-mao")
    assert conversation.status == PRINTED and "Danny Rozas" in conversation.named_by
    # Gottwald: the stored page stops before the telegram: listed, never "agrees".
    gottwald = of("doc-1950-08-27-stalin-gottwald")
    assert gottwald.status == LISTED and not gottwald.comparison
    assert "stops before the telegram itself" in gottwald.compared
    assert of("neibu-cankao-1950-171").printed_in == ("Neibu cankao (Xinhua News Agency), no. 171, 1 July 1950, 1–3",)


def test_no_page_or_download_says_not_yet_looked_up_or_an_unqualified_not_found(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "Not yet looked up" not in text, path
        assert "No published translation found online" not in text, path
        assert "No online publication found" not in text, path
    readings = (site / "downloads/readings.json").read_text(encoding="utf-8")
    assert "No published translation found." not in readings


def test_links_go_only_to_allowed_hosts_over_https(edition):
    hosts = edition.readings.allowed_hosts
    assert "digitalarchive.wilsoncenter.org" in hosts and "history.state.gov" in hosts
    assert not [h for h in hosts if any(m in h for m in MIRRORS)]
    assert found(edition)
    for reading in found(edition):
        parts = urlsplit(reading.url)
        assert parts.scheme == "https" and parts.hostname in hosts, reading.url


def test_every_difference_between_page_and_entry_is_declared_and_reported(edition):
    entries = {e.key: e for e in edition.entries}
    pinpoints = pinpoints_by_key(edition.notes)
    reported = {(f.keys[0], f.summary) for f in edition.findings if f.kind == KIND}
    for reading in found(edition):
        checks = compare(reading, entries[reading.entry], pinpoints.get(reading.entry, []))
        declared = {d.split(":", 1)[0] for d in reading.differences}
        for check in checks:
            if check.outcome == DIFFERS:
                assert check.field in declared or (check.field in LOCATOR_PARTS and "locator" in declared), \
                    (reading.entry, check)
        assert (reading.comparison == "differs") == bool(reading.differences)
        for difference in reading.differences:
            assert any(key == reading.entry and difference in summary for key, summary in reported)


def test_the_telegram_of_14_may_1950_differs_in_its_leaf(edition):
    """Kim n. 28 cites RGASPI f. 558, op. 11, d. 334, list 56; the Wilson Center page prints l. 55."""
    reading = edition.readings.of("doc-1950-05-14-stalin-mao")
    assert reading is not None and reading.found
    entries = {e.key: e for e in edition.entries}
    checks = {c.field: c.outcome for c in compare(reading, entries[reading.entry],
                                                  pinpoints_by_key(edition.notes)[reading.entry])}
    assert checks["fond"] == checks["opis"] == checks["delo"] == "agrees"
    assert checks["leaves"] == "differs"
    assert any(f.kind == KIND and f.keys == (reading.entry,) and ("kim-2016", 28) in f.notes
               for f in edition.findings)


def test_locator_and_range_parsing():
    locators = parse_locator("APRF, f. 45, op. 1, d. 140, l. 140, and RGASPI, f. 558, op. 11, d. 346, ll. 0140-0142")
    assert [(p.archive, p.parts, p.leaves) for p in locators] == [
        ("APRF", {"fond": "45", "opis": "1", "delo": "140"}, "140"),
        ("RGASPI", {"fond": "558", "opis": "11", "delo": "346"}, "0140-0142")]
    avp = parse_locator("AVP RF, Fond 059a, Opis 5a, Delo 3, Papka 11, listy 75-77")[0]
    assert (avp.archive, avp.parts["papka"], avp.leaves) == ("AVP RF", "11", "75-77")
    assert parse_ranges("352–5") == [(352, 355)] and parse_ranges("109–69") == [(109, 169)]
    assert parse_ranges("0140-0142") == [(140, 142)] and parse_ranges("178-179ff.")[0][1] == float("inf")


def test_documents_page_lists_every_archival_entry_once(edition):
    site = build_context(edition)
    page = render_documents(edition, site)[PAGE]          # the page as this code writes it, not a stale docs/
    rows = [line for line in page.split("\n") if line.startswith("| ") and not line.startswith(("| Date", "|---"))]
    keys = [re.search(r"\]\(([\w-]+)\.md\)", row)[1] for row in rows]   # each row leads to its document page
    pages = render_document_pages(edition, site)
    assert all(f"documents/{key}.md" in pages for key in keys)
    for row in rows:   # one date style, as the texts write dates; each sortable cell its value
        assert re.match(r'\| <span id="document-[\w-]+"></span>(\d{1,2} [A-Z][a-z]+ \d{4}|undated) '
                        r'\{: data-sort=\"[\d-]+\" \} \|', row), row
    archival = {e.key for e in edition.entries if e.is_archival}
    assert len(keys) == len(set(keys))
    assert archival <= set(keys)
    assert keys == document_keys(site.entries, edition.readings)  # by date
    dates = [e.get("date") or "9999" for e in (site.entries[k] for k in keys)]
    assert dates == sorted(dates)
    identified = [(n, c.key) for n in edition.notes for c in n.citations
                  if c.relation == "identified" and c.key in keys]
    assert identified
    for note, key in identified:   # never shown as the author's citation
        row = rows[keys.index(key)]
        assert re.search(rf"n\. {note.note}\]\([^)]*{note.text_id}[^)]*\) \({re.escape(identification_label())}\)",
                         row), row
    for key, row in zip(keys, rows):
        reading = edition.readings.of(key)
        if reading is not None and reading.found:
            assert f'href="{reading.url}"' in row
        else:
            assert reading is not None, key                     # every document was looked up
            assert STATUS_WORDS[reading.status] in row, row
    assert "Not yet looked up" not in page and "No published translation found online" not in page


def test_method_page_counts(edition, site):
    html = (site / "method" / "index.html").read_text(encoding="utf-8")
    counts = reading_counts(build_context(edition), document_keys({e.key: e for e in edition.entries},
                                                                   edition.readings))
    assert counts["linked"] == len(found(edition))
    assert f"cite <strong>{counts['cited']} documents</strong>" in html
    assert f"<strong>{counts['linked']}</strong> <em>read and compared</em>" in html
    assert f"<strong>{counts['listed']}</strong> <em>listed by the publisher</em>" in html
    assert f"<strong>{counts['printed']}</strong> <em>printed in</em>" in html
    assert f"<strong>{counts['not found']}</strong> <em>not found in the searches recorded</em>" in html
    assert counts["linked"] + counts["listed"] + counts["printed"] + counts["not found"] == counts["cited"]
    assert "not yet looked up" not in html.lower() and "no published translation found online" not in html.lower()


def test_documents_page_lists_the_published_primary_sources(edition):
    """Not only archives and FRUS: the newspaper article, Acheson's speech in the Department of
    State Bulletin and the eight issues of Neibu cankao are dated primary sources; the scholarship
    (dated by year or month) and the working papers are not."""
    keys = set(document_keys({e.key: e for e in edition.entries}, edition.readings))
    assert {"new-york-times-1949-marthur-pledges", "acheson-1950-crisis-asia"} <= keys
    assert len([k for k in keys if k.startswith("neibu-cankao-1950-")]) == 8
    assert not keys & {"weathersby-2002-should-we", "yang-2002-changes-mao", "chen-1994-chinas-road",
                       "foot-1991-making-known", "kim-2011-stalins-korean"}
    page = render_documents(edition, build_context(edition))[PAGE]
    assert "[Neibu cankao, no. 171](" in page and "known through Yang Kuisong" in page


def test_notes_offer_the_document_and_mark_the_link_external(edition, site):
    reading = found(edition)[0]
    note = next((n, c) for n in edition.notes for c in n.citations if c.key == reading.entry)[0]
    pages = list((site / "texts" / note.text_id).rglob("index.html"))
    html = next(p.read_text(encoding="utf-8") for p in pages if f'id="fn:{note.note}"' in p.read_text(encoding="utf-8"))
    item = html[html.index(f'<li id="fn:{note.note}"'):]
    item = item[:item.index("</li>")]
    link = re.search(r'<a class="reading-link" href="([^"]+)" rel="external">Read: ([^<]+?) <span', item)
    assert link and link[1] == reading.url and link[2] == escape(f"{reading.title} ({reading.publisher})", quote=False)
    assert "target=" not in item    # the same tab
    assert '<span class="visually-hidden" data-pagefind-ignore> (external site)</span>' in item


def test_bibliography_and_archive_pages_carry_the_readings(edition, site):
    bibliography = (site / "bibliography" / "index.html").read_text(encoding="utf-8")
    for reading in edition.readings:
        start = bibliography.index(f'<div class="bib-entry" id="{reading.entry}">')
        block = bibliography[start:bibliography.index("</div>", start)]
        if reading.found:
            assert f'href="{reading.url}" rel="external">Read: {escape(reading.title, quote=False)} (' in block
            assert "Compared with the entry and the notes: " in block
            for item in reading.publisher_adds:
                assert escape(item, quote=False) in block
        else:
            assert STATUS_WORDS[reading.status] in block
    for archive in ("aprf", "avprf", "rgaspi", "tsamo"):
        html = (site / "bibliography" / archive / "index.html").read_text(encoding="utf-8")
        assert "<th>Published as</th>" in html
        rows = html.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")
        cells = len(re.findall(r'<td>(?:Read and compared: <a class="reading-link"|Listed by the publisher|Printed in|'
                               r'Not found in the searches recorded)', html))
        assert rows == cells > 0


def test_downloads_carry_the_url_only_where_the_page_is_the_document(edition, site):
    entries = {e.key: e for e in edition.entries}
    csl = {i["id"]: i for i in json.loads((site / "downloads/bibliography.json").read_text(encoding="utf-8"))}
    readings = json.loads((site / "downloads/readings.json").read_text(encoding="utf-8"))
    assert {r["entry"] for r in readings["readings"]} == {r.entry for r in edition.readings}
    for reading in found(edition):
        itself = not entries[reading.entry].is_archival
        assert csl[reading.entry].get("URL") == (reading.url if itself else entries[reading.entry].get("url") or None)
    frus = [r for r in found(edition) if r.entry.startswith("frus-")]
    assert frus and all(csl[r.entry]["URL"].startswith("https://history.state.gov/") for r in frus)
    bib = (site / "downloads/bibliography.bib").read_text(encoding="utf-8")
    for reading in frus:
        assert f"url = {{{reading.url}}}" in bib


def test_values_from_the_file_reach_the_page_as_text(project):
    hostile = '<img src=x onerror=alert(1)> *em* [x](javascript:alert(1)) {: onclick=alert(2) }'
    edit(project, "sources/readings.toml", 'publisher = "Foreign Relations of the United States"\ntitle = '
         '"Resolution Adopted by the United Nations Security Council, June 25, 1950"',
         f"publisher = '{hostile}'\ntitle = '{hostile}'")
    assert run_build(project).returncode == 0
    extensions = ["attr_list", "md_in_html", "tables"]
    for page in ("bibliography/index.md", "documents/index.md", "texts/kim-2016/03-from-a-passive-to-an-eager-stance.md"):
        html = markdown.markdown((project / "docs" / page).read_text(encoding="utf-8"), extensions=extensions)
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, page
        assert "<img" not in html and "onclick" not in html.replace("{: onclick", "") and 'href="javascript' not in html


def test_field_comparison_rules(edition):
    """Names agree when one holds the other's words ("Feng Xi [Stalin]" names Stalin) and differ
    otherwise (a romanisation, an office for a person); a less precise date is no disagreement;
    a value the page does not show ("not seen ...") is not compared."""
    from edition.model.readings import Evidence, Reading
    from edition.errors import SourcePosition

    entry = next(e for e in edition.entries if e.key == "doc-1950-07-06-stalin-shtykov")

    def outcomes(**evidence):
        reading = Reading(entry.key, "found", "2026-11-22", SourcePosition("r.toml", 1), "https://x.org/",
                          "P", "T", Evidence(**evidence), "agrees")
        return {c.field: c.outcome for c in compare(reading, entry, [("kim-2016", 68, "140")])}

    assert outcomes(sender="Feng Xi [Stalin]", recipient="Shtykov")["sender"] == "agrees"
    assert outcomes(sender="Stalin", recipient="Shtykov, T. F.")["recipient"] == "agrees"
    assert outcomes(sender="Council of Ministers", recipient="Shtykov")["sender"] == "differs"
    assert outcomes(date="1950-07")["date"] == "agrees"
    assert outcomes(date="1950-07-07")["date"] == "differs"
    assert outcomes(date="")["date"] == "not compared"
    assert outcomes(locator="not seen: the page's citation was cut off (APRF, f. 45)")["locator"] == "not compared"
    found = outcomes(locator="APRF, f. 45, op. 1, d. 140, l. 141")
    assert (found["archive"], found["delo"], found["leaves"]) == ("agrees", "agrees", "differs")
    assert outcomes(locator="AVP RF, f. 45, op. 1, d. 140, l. 140")["archive"] == "differs"


def test_pages_past_those_seen_on_the_page_are_not_counted_as_agreeing(edition):
    """FRUS pages read only to a [Page N] marker ("948-949ff."): Kim n. 55's p. 953 was not seen,
    so it is not compared; Kirk's 821-822 holds n. 54's 821-2 and agrees; a page outside differs."""
    from edition.analyse.readings.compare import NOT_COMPARED, _within
    site = build_context(edition)
    checks = {k: {c.field: c for c in v} for k, v in site.readings.checks.items()}
    assert checks["frus-1950-v07-wake-island-10-15"]["pages"].outcome == NOT_COMPARED
    assert checks["frus-1950-v07-jessup-memorandum-06-26"]["pages"].outcome == NOT_COMPARED   # n. 37: 178-83
    assert checks["frus-1950-v07-kirk-secstate-09-29"]["pages"].outcome == "agrees"
    assert _within("pages", "178-179ff.", [("kim-2016", 36, "179")]).outcome == "agrees"
    assert _within("pages", "178-179ff.", [("kim-2016", 36, "177")]).outcome == "differs"
    assert _within("pages", "948ff.", [("kim-2016", 55, "953")]).outcome == NOT_COMPARED
    from edition.write.markdown.bibliography import render_bibliography
    from edition.write.markdown.context import BIBLIOGRAPHY
    page = render_bibliography(edition, site)[BIBLIOGRAPHY]
    wake = page[page.index('id="frus-1950-v07-wake-island-10-15"'):]
    wake = wake[:wake.index("</div>")]
    assert "date, pages agree" not in wake and "the pages the notes cite could not all be checked" in wake


def test_a_publishers_difference_names_both_forms_as_printed(edition):
    """Each finding gives what the note prints and what the page prints, also where the rules
    alone would let it pass (“Filippov [Stalin]” holds the word Stalin)."""
    findings = {(f.keys[0], f.summary.split(": ", 1)[1].split(":")[0]): f.forms
                for f in edition.findings if f.kind == KIND}
    sender = findings[("doc-1950-05-14-stalin-mao", "sender")]
    assert sender == (("Stalin", (("kim-2016", 28),)),
                      ("Vyshinsky (message signed Filippov [Stalin])", (), "as Wilson Center Digital Archive prints it"))
    delo = findings[("doc-1949-05-18-kovalev-stalin", "locator")]
    assert delo[0] == ("delo. 333", (("kim-2016", 15),))   # the note's characters, not the entry's
    assert delo[1][0].startswith("AP RF. F. 4. Op. 1. D. 331.")
    assert not any("as the notes give it" in form for forms in findings.values() for form, *_ in forms)


def test_documents_page_gives_a_conversations_participants_not_a_sender(edition):
    page = render_documents(edition, build_context(edition))[PAGE]
    row = next(r for r in page.split("\n") if "(doc-1949-12-16-stalin-mao.md)" in r)
    assert "| Stalin and Mao Zedong {: data-sort=" in row and "→" not in row.split("|")[3]
    row = next(r for r in page.split("\n") if "(doc-1950-05-14-stalin-mao.md)" in r)
    assert "| Stalin → Mao Zedong {: data-sort=\"stalin" in row                # a telegram has a sender and a recipient


def test_archive_pages_say_where_a_publishers_page_differs(edition):
    """As on the Documents page: the column 'Published as' says when the page differs."""
    from edition.write.markdown.bibliography import render_bibliography
    from edition.model.readings import DIFFERS
    files = render_bibliography(edition, build_context(edition))
    rows = [line for name, text in files.items() if name.startswith("bibliography/") and name.count("/") == 1
            and name != "bibliography/index.md"
            for line in text.split("\n") if line.startswith("| ") and "index.md#" in line]
    differing = {r.entry for r in edition.readings if r.found and r.comparison == DIFFERS}
    assert differing
    for row in rows:
        key = re.search(r"index\.md#([\w-]+)\)", row)[1]
        assert ("Differs from the note: see the [apparatus](apparatus.md)" in row) == (key in differing), key


def test_a_difference_may_be_declared_where_the_comparison_is_lenient(edition):
    """The comparison lets "Comrade Stalin" agree with "Stalin" and opis "1" with "01"; an
    editor who records the difference is not refused. Only the same characters on both sides
    refuse a declared difference."""
    from edition.analyse.readings.compare import check_declared
    from edition.errors import EditionError, SourcePosition
    from edition.model.readings import Evidence, Reading
    import pytest

    entry = next(e for e in edition.entries if e.key == "doc-1949-06-27-stalin-ccp-delegation")   # opis {01}

    def declared(difference: str, **evidence):
        reading = Reading(entry.key, "found", "2026-11-22", SourcePosition("r.toml", 1), "https://x.org/", "P", "T",
                          Evidence(**evidence), "differs", (difference,))
        check_declared(reading, compare(reading, entry, []))

    declared("sender: the page prints Comrade Stalin", sender="Comrade Stalin")
    declared("opis: the page prints 1, the note 01", locator="APRF, f. 45, op. 1, d. 329")
    with pytest.raises(EditionError, match="is declared, but the publisher's opis is the edition's"):
        declared("opis: the page prints 01", locator="APRF, f. 45, op. 01, d. 329")


def test_a_field_the_entry_gives_and_the_page_does_not_print_is_shown(project):
    """The comparison table keeps a row the page prints nothing for, when the entry gives a
    value: that the publisher's page lacks the date is a fact a reader may need."""
    edit(project, "sources/readings.toml", 'date = "1950-07-06"\nsender = "Feng Xi [Stalin]"',
         'date = ""\nsender = "Feng Xi [Stalin]"')
    assert run_build(project).returncode == 0
    page = (project / "docs" / "documents" / "doc-1950-07-06-stalin-shtykov.md").read_text(encoding="utf-8")
    assert "| date | the entry's date 1950-07-06 | none printed | not compared |" in page
    assert "| papka |" not in page   # given by neither side
