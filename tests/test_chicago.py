"""The bibliography in Chicago form (CMOS 17, notes-bibliography): one test per rule,
each on the real entries of sources/bibliography.bib."""
from __future__ import annotations

import re

import pytest

from support import ROOT

from edition.load.bibliography.archives import load_archives
from edition.write.chicago import (filing_order, format_entry, quotes_in_title, sort_name, to_markdown, to_plain)
from edition.load.bibliography.parse import parse_bibliography
from edition.write.markdown.bibliography_layout import crossref_children, group_of


@pytest.fixture(scope="module")
def bib():
    entries = {e.key: e for e in parse_bibliography(ROOT / "sources/bibliography.bib")}
    return entries, load_archives(ROOT / "sources/archives.toml")


def plain(bib, key: str) -> str:
    entries, archives = bib
    return to_plain(format_entry(entries[key], entries, archives))


def markdown(bib, key: str) -> str:
    entries, archives = bib
    return to_markdown(format_entry(entries[key], entries, archives))


def test_serial_comma_with_three_names_and_after_an_inverted_first_name(bib):
    assert plain(bib, "goncharov-1993-uncertain-partners").startswith(
        "Goncharov, Sergei N., John W. Lewis, and Xue Litai. ")
    assert plain(bib, "gurtov-1980-china-under").startswith("Gurtov, Melvin, and Byong-Moo Hwang. ")
    # names written surname first are not inverted: no comma before "and"
    assert plain(bib, "chai-1992-banmendingian-tanpan").startswith("Chai Chengwen and Zhao Yongtian. ")


def test_translated_title_in_brackets_after_the_quotation_marks(bib):
    assert plain(bib, "wang-2013-liu-shaoqi").startswith(
        "Wang. “Liu Shaoqi yu xinzhongguo chenglichuqi de zhenya gangeming yundong” [Liu Shaoqi and the "
        "Suppression of the Counterrevolutionary Movement in the Early Period of People's Republic of China]. "
        "Shixue yuekan")
    for key in ("yang-2004-sidalin-weishenma", "yang-2006-xinzhongguo-zhenya", "wang-2013-liu-shaoqi"):
        assert "]”" not in plain(bib, key) and "” [" in plain(bib, key), key
    assert plain(bib, "yao-1985-cong-yalujiang").startswith(   # italic titles: the bracket follows too
        "Yao Xu. Cong Yalujiang dao Banmendian [From the Yalu River to Panmunjom]. ")


def test_quotation_marks_inside_a_quoted_title_are_single_and_curly(bib):
    assert "“‘Should We Fear This?’: Stalin and the Danger of War with America.”" in plain(
        bib, "weathersby-2002-should-we")
    assert "“Xinzhongguo ‘zhenya fangeming’ yundong yanjiu”" in plain(bib, "yang-2006-xinzhongguo-zhenya")
    for key in bib[0]:
        assert '"' not in plain(bib, key), key
    assert quotes_in_title("M'Arthur Pledges Defense of Japan", True) == "M'Arthur Pledges Defense of Japan"
    assert quotes_in_title("People's Republic", True) == "People's Republic"


def test_archival_documents_descriptive_title_plain_and_archive_not_italic(bib):
    entry = markdown(bib, "doc-1950-07-02-roshchin-stalin")
    assert entry == ("Telegram from Roshchin to Stalin, July 2, 1950. Arkhiv Prezidenta Rossiiskoi Federatsii "
                     "(APRF), fond 45, opis 1, delo 331.")
    for key, entry in bib[0].items():
        if entry.is_archival:
            assert "<em>" not in markdown(bib, key) and "“" not in plain(bib, key)[:2], key


def test_undated_document_says_n_d(bib):
    assert plain(bib, "doc-undated-shtykov-gromyko").startswith("Telegram from Shtykov to Gromyko, n.d. ")
    assert plain(bib, "kuhns-undated-assessing-soviet") == "Kuhns. Assessing the Soviet Threat. N.d."


def test_an_unsigned_newspaper_article_is_entered_under_the_newspaper(bib):
    entries, _ = bib
    assert markdown(bib, "new-york-times-1949-marthur-pledges") == (
        "<em>New York Times</em>. “M'Arthur Pledges Defense of Japan.” March 2, 1949.")
    assert sort_name(entries["new-york-times-1949-marthur-pledges"]) == "new york times"


def test_introduction_is_not_quoted(bib):
    assert markdown(bib, "yang-forthcoming-introduction") == (
        "Yang Kuisong. Introduction to <em>Mao Zedong, Stalin, and the Korean War</em>, by Shen Zhihua. "
        "Translated by Neil Silver. Forthcoming.")


def test_the_frus_volume_keeps_its_title(bib):
    assert markdown(bib, "frus-1950-v07") == ("US Department of State. <em>Foreign Relations of the United States, "
                                              "1950</em>. Vol. 7, <em>Korea</em>. N.d.")
    assert "In <em>Foreign Relations of the United States, 1950</em>, vol. 7, <em>Korea</em>." in markdown(
        bib, "frus-1950-v07-wake-island-10-15")


def test_translations_and_introductions_are_not_published_documents(bib):
    entries, _ = bib
    children = crossref_children(entries)
    assert group_of(entries["shen-forthcoming-mao-zedong"], children) == "books"
    assert group_of(entries["yang-forthcoming-introduction"], children) == "books"
    published = sorted(k for k, e in entries.items() if group_of(e, children) == "published")
    assert published == ["cia-1950-communist-chinas", "frus-1950-v07", "frus-1950-v07-jessup-memorandum-06-26",
                         "frus-1950-v07-kirk-secstate-09-29", "frus-1950-v07-president-statement-06-27",
                         "frus-1950-v07-unsc-resolution-06-25", "frus-1950-v07-unsc-resolution-06-27",
                         "frus-1950-v07-wake-island-10-15"]


def test_an_initial_the_is_not_counted_in_sorting(bib):
    entries, _ = bib
    assert filing_order(entries["frus-1950-v07-kirk-secstate-09-29"])[2].startswith("ambassador in the soviet union")
    assert not any(sort_name(e).startswith(("the ", "a ", "an ")) for e in entries.values())
    parts = sorted((k for k in entries if k.startswith("frus-1950-v07-")), key=lambda k: filing_order(entries[k]))
    assert parts[0] == "frus-1950-v07-kirk-secstate-09-29"     # "The Ambassador ..." under A, not T


def test_the_parts_of_frus_are_entered_alike(bib):
    """Every FRUS document cited is entered under the volume's issuing body, as the volume is."""
    entries, _ = bib
    parts = [k for k, e in entries.items() if e.get("crossref") == "frus-1950-v07"]
    assert len(parts) == 6
    for key in parts:
        assert plain(bib, key).startswith("US Department of State. “"), key


def test_one_creators_works_by_title_and_a_single_author_before_coauthors(bib):
    """CMOS 14.67-71: Zhonggong ... yanjiushi alone (four works, by title) before the works it
    compiled with others; Kim's 2012 'Prelude' before his 2011 'Stalin's Korean U-Turn'."""
    entries, _ = bib
    def filed(*keys):
        return sorted(keys, key=lambda k: filing_order(entries[k]))
    assert filed("zhonggong-2013-mao-zedong", "zhonggong-2008-jianguo-yilai", "zhonggong-1997-zhou-enlai",
                 "zhonggong-1996-liu-shaoqi", "zhonggong-1992-jianguo-yilai", "zhonggong-1987-jianguo-yilai") == [
        "zhonggong-1987-jianguo-yilai", "zhonggong-1992-jianguo-yilai", "zhonggong-1996-liu-shaoqi",
        "zhonggong-2013-mao-zedong", "zhonggong-1997-zhou-enlai", "zhonggong-2008-jianguo-yilai"]
    assert filed("kim-2011-stalins-korean", "kim-2012-prelude-war") == ["kim-2012-prelude-war", "kim-2011-stalins-korean"]
    assert filed("shen-2013-mao-zedong", "shen-2003-mao-zedong")[0] == "shen-2003-mao-zedong"   # Sidalin < Stalin


def test_a_journal_numbered_by_issue_only(bib):
    assert "<em>China Quarterly</em>, no. 121 (1990)." in markdown(bib, "hao-1990-chinas-decision")
    assert "<em>Diplomatic History</em> 15, no. 3 (1991)." in markdown(bib, "foot-1991-making-known")


def test_a_bare_ibid_inherits_the_pinpoint_it_repeats():
    from edition.load.citation_map import CitationMap
    from edition.analyse.citations.resolve import Resolver
    from edition.model.citations import Citation
    from edition.analyse.citations.segments import split_segments
    resolver = Resolver(list(parse_bibliography(ROOT / "sources/bibliography.bib")), CitationMap([]), "map")
    previous = Citation("torkunov-2000-war-korea", "101–2")
    assert resolver.resolve_ibid("Ibid.", 5, previous).pinpoint == "101–2"        # Kim n. 77
    assert resolver.resolve_ibid("Ibid., 54.", 5, previous).pinpoint == "54"      # its own pinpoint wins
    assert [s.text for s in split_segments("Ibid.")] == ["Ibid."]


def test_a_collections_parts_by_date_without_its_author_repeated(edition):
    from edition.write.markdown.bibliography import render_bibliography
    from edition.write.markdown.context import BIBLIOGRAPHY, build_context
    page = render_bibliography(edition, build_context(edition))[BIBLIOGRAPHY]
    parts = next(line for line in page.split("\n") if line.startswith("Parts cited:") and "frus-1950" in line)
    labels = re.findall(r"\[([^\]]+)\]\(#", parts)
    assert labels[0] == "Resolution adopted by the United Nations Security Council, June 25, 1950"  # no date twice
    assert labels[-1] == "Substance of Statements Made at Wake Island Conference on 15 October 1950"
    assert "The Ambassador in the Soviet Union (Kirk) to the Secretary of State (September 29, 1950)" in labels
    assert not any("US Department of State" in label for label in labels)
    assert "[Yang Kuisong, Introduction (forthcoming)](#yang-forthcoming-introduction)" in page
