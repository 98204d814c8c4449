"""The bibliography as readers meet it: links from notes to entries and back,
archive pages, the computed notes on the apparatus, the downloads."""
from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def entry_html(html: str, key: str) -> str:
    start = html.index(f'<div class="bib-entry" id="{key}">')
    return html[start:html.index("</div>", start)]


def test_citation_in_a_note_links_to_its_entry_with_the_full_reference(site):
    html = read(site, "texts/kim-2016/01-introduction")
    note = html[html.index('<li id="fn:4"'):]
    note = note[:note.index("</li>")]
    link = re.search(r'<a href="([^"]+)" title="([^"]+)">Chen Jian, <em>China', note)
    assert link and link[1] == "../../../bibliography/#chen-1994-chinas-road"
    assert link[2].startswith("Chen Jian. China's Road to the Korean War: The Making of the "
                              "Sino-American Confrontation. New York: Columbia University Press, 1994.")
    assert link[2].endswith("Cited: 3, 154, 158–9.")


def test_every_entry_lists_where_it_is_cited_and_links_back(site, edition):
    html = read(site, "bibliography")
    for entry in edition.entries:
        block = entry_html(html, entry.key)
        assert "Cited in:" in block
    chen = entry_html(html, "chen-1994-chinas-road")
    for text, note, page in [("Kim 2016", 4, "01-introduction"), ("Kim 2016", 62, "04-a-setback-in-chinas-early-troop-dispatch"),
                             ("Kissinger 2011", 20, "01-kim-il-sung-and-the-outbreak-of-war")]:
        slug = "kim-2016" if text == "Kim 2016" else "kissinger-2011"
        assert f'href="../texts/{slug}/{page}/#fn:{note}">{text}, n. {note}</a>' in chen
    stalin_mao = entry_html(html, "doc-1949-12-16-stalin-mao")
    assert re.search(r"Kissinger 2011, n. 18</a> \(<span [^>]+>editor's identification</span>\)", stalin_mao)
    assert "Kim 2016, n. 12</a> (ll. 9–17)" in stalin_mao


def test_bibliography_groups_and_archival_order(site):
    html = read(site, "bibliography")
    headings = re.findall(r'<h2 id="([a-z]+)"', html)
    assert headings == ["archival", "published", "books", "articles", "press"]
    aprf = html[html.index('id="archive-aprf"'):html.index('id="archive-avprf"')]
    order = re.findall(r'<div class="bib-entry" id="([^"]+)"', aprf)
    assert order[:3] == ["doc-1949-09-24-politburo-soviet-ambassador", "doc-1949-05-18-kovalev-stalin",
                         "doc-1950-07-06-stalin-shtykov"]  # fond 3, fond 4, then fond 45 by delo
    assert order.index("doc-1950-07-02-roshchin-stalin") < order.index("doc-1950-09-18-roshchin-stalin")


def test_one_page_per_archive(site):
    for slug, count in (("aprf", 10), ("avprf", 6), ("rgaspi", 5), ("tsamo", 6)):
        html = read(site, f"bibliography/{slug}")
        assert html.count("<tr>") - 1 == count, slug
        assert f"{count} documents." in html
    tsamo = read(site, "bibliography/tsamo")
    assert "Tsentral'nyi Arkhiv Ministerstva Oborony" in tsamo
    assert "fond 5, opis 918795, delo 122" in tsamo and "352–5" in tsamo
    # each document leads to its own page, as everywhere else
    assert 'href="../../documents/doc-1950-07-07-shtykov-stalin/"' in tsamo


def test_notes_on_the_apparatus_are_computed(site):
    html = read(site, "bibliography/apparatus")
    text = re.sub(r"<[^>]+>", "", html)
    assert "(fond 45, opis 1, delo 331) is cited with different dates." in text
    assert "“3 July 1950” in Kim 2016 n. 7; “2 July 1950” in Kim 2016 n. 41" in text
    assert "AVPRF, fond 059a, opis 5a, delo 3, papka 11, listy 100–3 is cited for 2 different documents" in text
    assert "“Shtykov” and “Shykov” are spelt nearly alike." in text
    assert "“Banmendian” and “Banmendingian” are spelt nearly alike." in text
    assert "Mao Zedong, Stalin yu Chaoxian zhanzheng (2013) is another edition of" in text
    assert "Mao Zedong, Stalin, and the Korean War (forthcoming) is a translation of" in text
    for note in (7, 41, 23, 25):
        assert f"Kim 2016 n. {note}</a>" in html


def test_downloads(site, edition):
    bib = bibtexparser.parse_string((site / "downloads/bibliography.bib").read_text(encoding="utf-8"))
    assert len(bib.entries) == len(edition.entries) and not bib.failed_blocks
    csl = json.loads((site / "downloads/bibliography.json").read_text(encoding="utf-8"))
    by_id = {item["id"]: item for item in csl}
    assert by_id["doc-1950-07-02-roshchin-stalin"]["archive_location"] == "fond 45, opis 1, delo 331"
    assert by_id["chen-1994-chinas-road"]["author"] == [{"literal": "Chen Jian"}]
    assert by_id["stueck-1997-korean-war"]["author"] == [{"family": "Stueck", "given": "William"}]
    notes = json.loads((site / "downloads/notes.json").read_text(encoding="utf-8"))
    assert len(notes) == 16 + 80
    assert notes[0] == {"text": "kissinger-2011", "note": 18,
                        "url": "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/#fn:18",
                        "basis": "editorial", "note_text": None, "identification": notes[0]["identification"],
                        "evidence": notes[0]["evidence"],
                        "citations": [{"key": "doc-1949-12-16-stalin-mao", "pinpoint": None,
                                       "relation": "editor's identification",
                                       "document_page": "documents/doc-1949-12-16-stalin-mao/",
                                       "reading_status": notes[0]["citations"][0]["reading_status"]}]}
    assert {n["basis"] for n in notes} == {"author", "editorial", "unknown"}
    for note in notes:
        page, anchor = note["url"].split("#")
        assert f'id="{anchor}"' in (site / page / "index.html").read_text(encoding="utf-8")
        assert all(c["key"] in by_id for c in note["citations"])


def test_editorial_notes_link_their_identification(site):
    html = read(site, "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war")
    note = html[html.index('<li id="fn:18"'):]
    note = note[:note.index("</li>")]
    assert "Editor's identification" in note
    assert 'href="../../../documents/doc-1949-12-16-stalin-mao/"' in note   # a document: its page
