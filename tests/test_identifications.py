"""Everywhere a citation rests on the editor's identification rather than the author's
words, the page says so with the same label (render/basis.py): text pages, archive
pages, "Where the texts meet", the ↔ margin links, the bibliography's "Cited in", the
chronology and notes.json."""
from __future__ import annotations

import json
import re

LABEL = re.compile(r'<span class="basis basis-editorial" title="Not in the author(?:&#x27;|\')s words: '
                   r'the editor identified what the note cites">(?:E|e)ditor(?:&#x27;|\')s identification</span>')
KISSINGER = "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war"


def read(site, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def labelled_links(html: str) -> list[str]:
    """The href of every link followed by the label, in " (label)" or "; label)" form."""
    return re.findall(r'<a href="([^"]+)"[^>]*>[^<]*</a>\)?(?: \(|; )' + LABEL.pattern, html)


def identified_notes(edition) -> set[tuple[str, int]]:
    return {(n.text_id, n.note) for n in edition.notes if any(c.relation == "identified" for c in n.citations)}


def test_the_text_page_labels_each_identification(site, edition):
    html = read(site, KISSINGER)
    for text_id, number in identified_notes(edition):
        note = html[html.index(f'<li id="fn:{number}"'):]
        assert LABEL.search(note[:note.index("</li>")]), number


def test_archive_pages_label_the_notes_that_rest_on_an_identification(site):
    aprf = read(site, "bibliography/aprf")
    row = next(r for r in aprf.split("<tr>") if "doc-1949-12-16-stalin-mao" in r)
    assert re.search(r'#fn:18">Kissinger 2011 n\. 18</a> \(' + LABEL.pattern, row)
    assert re.search(r'#fn:12">Kim 2016 n\. 12</a>(?! \()', row)   # Kim's own words: no label


def test_every_note_link_to_an_identification_is_labelled_on_archive_pages(site, edition):
    identified = {n for t, n in identified_notes(edition) if t == "kissinger-2011"}
    for archive in ("aprf", "avprf", "rgaspi", "tsamo"):
        html = read(site, f"bibliography/{archive}")
        for number in map(int, re.findall(r'kissinger-2011/[^"#]+/#fn:(\d+)"', html)):
            assert number in identified and f"#fn:{number}" in "".join(labelled_links(html)), (archive, number)


def test_where_the_texts_meet_labels_documents_cited_by_the_editors_identification(site):
    html = read(site, "where-the-texts-meet")
    documents = html[html.index('id="documents-both-texts-cite"'):html.index('id="works-both-texts-cite"')]
    labelled = labelled_links(documents)
    assert any(h.endswith(f"{KISSINGER}/#p1") for h in labelled)        # n. 18: Stalin–Mao, 16 Dec. 1949
    kim = [h for h in labelled if "kim-2016" in h]
    assert kim == []                                                   # Kim's notes are his own words
    assert LABEL.search(html[:html.index('id="documents-both-texts-cite"')])  # the intro explains it


def test_margin_links_say_when_they_rest_on_an_identification(site):
    html = read(site, KISSINGER)
    paragraph = html[html.index('id="p1"'):]
    paragraph = paragraph[:paragraph.index("</p>")]
    link = re.search(r'<a class="counterpart" href="[^"]+#p12" title="([^"]+)">[^<]+</a> (<span[^>]+>[^<]+</span>)',
                     paragraph)
    assert link and "(editor&#x27;s identification)" in link[1].replace("'", "&#x27;")
    assert LABEL.fullmatch(link[2])
    kim = read(site, "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of")
    p12 = kim[kim.index('id="p12"'):]
    p12 = p12[:p12.index("</p>")]
    assert "kissinger-2011" in p12 and LABEL.search(p12)   # the other side of the same pair


def test_bibliography_cited_in_uses_the_same_label(site):
    html = read(site, "bibliography")
    start = html.index('id="doc-1949-12-16-stalin-mao"')
    block = html[start:html.index("</div>", start)]
    assert re.search(r"Kissinger 2011, n\. 18</a> \(" + LABEL.pattern + r"\)", block)
    assert "Kim 2016, n. 12</a> (ll. 9–17)" in block


def test_chronology_labels_identifications(site):
    html = read(site, "chronology")
    assert re.search(r'#fn:18">18</a> \(' + LABEL.pattern, html)


def test_notes_json_gives_each_citations_relation_and_each_notes_text(site, edition):
    notes = json.loads((site / "downloads/notes.json").read_text(encoding="utf-8"))
    by_note = {(n["text"], n["note"]): n for n in notes}
    n18 = by_note[("kissinger-2011", 18)]
    assert n18["note_text"] is None and n18["identification"].startswith("Conversation between Stalin and Mao")
    assert n18["citations"] == [{"key": "doc-1949-12-16-stalin-mao", "pinpoint": None,
                                 "relation": "editor's identification",
                                 "document_page": "documents/doc-1949-12-16-stalin-mao/",
                                 "reading_status": n18["citations"][0]["reading_status"]}]
    n30 = by_note[("kissinger-2011", 30)]
    assert {c["relation"] for c in n30["citations"]} == {"author's words", "editor's identification"}
    assert by_note[("kim-2016", 7)]["note_text"].startswith("Telegram from Roshchin to Stalin")
    for (text_id, number), note in by_note.items():
        ids = {c["key"] for c in note["citations"] if c["relation"] == "editor's identification"}
        expected = {c.key for n in edition.notes if (n.text_id, n.note) == (text_id, number)
                    for c in n.citations if c.relation == "identified"}
        assert ids == expected


def test_documents_page_uses_the_same_label(site, edition):
    html = read(site, "documents")
    table = html[html.index("<table"):html.index("</table>")]
    rows = [r for r in table.split("<tr>") if "kissinger-2011/" in r]
    assert rows
    for row in rows:
        key = re.search(r'href="([\w-]+)/"', row)[1]   # the row's document page: documents/<key>/
        for number in map(int, re.findall(r'kissinger-2011/[^"#]+/#fn:(\d+)"', row)):
            cited = [c for n in edition.notes if (n.text_id, n.note) == ("kissinger-2011", number)
                     for c in n.citations if c.key == key]
            only_identified = all(c.relation == "identified" for c in cited)
            assert (f"#fn:{number}" in "".join(labelled_links(row))) == only_identified, (key, number)
    rest = LABEL.sub("", html).replace("&#x27;", "'")
    assert "(editor's identification)" not in rest      # no bare, unstyled label
    row = next(r for r in html.split("<tr>") if "doc-1949-12-16-stalin-mao" in r)
    assert re.search(r'#fn:12">Kim 2016 n\. 12</a>(?! \()', row)   # Kim's own words: no label


def test_apparatus_labels_a_note_that_cites_the_finding_by_identification(site):
    html = read(site, "bibliography/apparatus")
    item = next(li for li in html.split("<li>") if "is a translation of" in li and "shen-forthcoming" in li)
    assert re.search(r'#fn:31">Kissinger 2011 n\. 31</a> \(' + LABEL.pattern, item)
    assert re.search(r'#fn:30">Kissinger 2011 n\. 30</a>(?! \()', item)   # "Chapter 6": his own words
