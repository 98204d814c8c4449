"""Notes on the apparatus: the general checks find what a careful editor finds, on the
real notes and on made-up ones, and each finding names the notes and their forms."""
from __future__ import annotations

import re

from edition.analyse.apparatus import (NOT_PRINTED, Printed, document_cited_differently, imprint_near_misses,
                                       locators_written_differently, note_words, printed_field, printed_part,
                                       same_locator, works_cited_differently)
from edition.model.citations import NoteCitations
from edition.model.entry import Entry
from edition.model.citations import Citation

KIM = "kim-2016"


def findings_of(edition, kind: str):
    return [f for f in edition.findings if f.kind == kind]


def forms(finding) -> dict[str, list[int]]:
    return {form: [n for _, n in notes] for form, notes, *_ in finding.forms}


def test_one_document_with_different_dates_names_each_notes_date(edition):
    found = [f for f in findings_of(edition, "one document, different dates")
             if f.keys == ("doc-1950-07-02-roshchin-stalin",)]
    assert len(found) == 1 and forms(found[0]) == {"3 July 1950": [7], "2 July 1950": [41]}


def test_one_document_with_different_correspondents(edition):
    found = {f.keys[0]: forms(f) for f in findings_of(edition, "one document, different correspondents")}
    assert found["doc-1950-07-15-shtykov-stalin"] == {"Shtykov to Stalin": [44], "Shykov to Stalin": [57, 64]}
    assert found["doc-1950-07-20-shtykov-stalin"] == {"Shtykov to Stalin": [8, 45, 65], "Shykov to Stalin": [56]}


def test_one_document_with_different_descriptions(edition):
    found = {f.keys[0]: forms(f) for f in findings_of(edition, "one document, different descriptions")}
    assert found["doc-1950-10-07-soviet-army-stalin"] == {
        "telegram from a representative of the Soviet Army in Pyongyang to Stalin": [11],
        "Telegram to Stalin from a representative of the Soviet Army in Pyongyang": [80]}


def test_locators_written_differently_are_shown_as_printed(edition):
    found = findings_of(edition, "locators written differently")
    opis = next(f for f in found if f.summary.startswith("APRF, fond 45: the opis"))
    assert forms(opis)["opis. 01"] == [17] and 12 in forms(opis)["opis. 1"] and forms(opis)["opis.1"] == [31]
    several = findings_of(edition, "one locator, several documents")
    assert [f.summary for f in several] == [
        "AVPRF, fond 059a, opis 5a, delo 3, papka 11, listy 100–3 is cited for 2 different documents."]


def test_a_work_whose_title_is_printed_differently(edition):
    found = {f.keys[0]: forms(f) for f in findings_of(edition, "one work, different titles")}
    assert found == {"yang-2006-xinzhongguo-zhenya": {'Xinzhongguo "zhenya fangeming" yundong yanjiu': [49],
                                                      "Xinzhongguo 'zhenyafangeming' yundong yanjiu": [51]}}


def test_spelling_findings_say_which_note_carries_which_form(edition):
    shtykov = next(f for f in findings_of(edition, "spelling") if f.words == frozenset({"shtykov", "shykov"}))
    assert forms(shtykov)["Shykov"] == [56, 57, 63, 64]
    # The entries spell every Shtykov telegram as the text and the other notes do.
    assert ("Shtykov", (), "in the bibliography") in shtykov.forms
    banmendian = next(f for f in findings_of(edition, "spelling") if "banmendian" in f.words)
    assert forms(banmendian) == {"Banmendian": [2], "Banmendingian": [43, 44]}


def test_a_spelling_form_is_found_only_in_the_notes_of_the_finding(edition):
    """Kim n. 35's "Resolution adapted by" against n. 34's "adopted"; Kissinger n. 33's "as
    adapted from" is English, in a note that cites neither resolution, and no form of it."""
    adopted = next(f for f in findings_of(edition, "spelling") if f.words == frozenset({"adapted", "adopted"}))
    assert adopted.forms == (("adapted", ((KIM, 35),)), ("adopted", ((KIM, 34),)))


def test_a_text_date_near_its_notes_document(edition):
    found = findings_of(edition, "the text and its note, different dates")
    summaries = [f.summary for f in found]
    assert any(s.startswith("Kim 2016, ¶ 5, dates it “on 2 July 1950”") and "note 7 cites "
               "doc-1950-07-02-roshchin-stalin, dated 3 July 1950." in s for s in summaries)
    assert any(s.startswith("Kim 2016, ¶ 18, dates it “21 October 1949”") and "dated 26 October 1949" in s
               for s in summaries)
    assert len(found) == 2   # events a document reports later (Incheon, 15 September) are not flagged


def test_every_finding_of_a_difference_names_notes_and_forms(edition):
    for finding in edition.findings:
        if finding.kind in ("other editions", "one document, two archives", "settled by the editors"):
            continue
        assert finding.forms and all(form for form, *_ in finding.forms), finding
        assert any(notes for _, notes, *_ in finding.forms), finding


def test_every_form_is_what_its_notes_print(edition):
    """“Each finding names the notes and the form each one prints”: every note named after a
    form prints that form in its own words (its plain text, as the citations count). The only
    exceptions: NOT_PRINTED (“none printed”), and a form no note prints, which names no note
    and says where it is printed instead (“in the text”, “in the bibliography”, a publisher's
    page)."""
    words = note_words(edition.texts)
    wrong = []
    for finding in edition.findings:
        for form, notes, *where in finding.forms:
            assert notes or where, (finding.summary, form)
            if form != NOT_PRINTED:
                wrong += [(finding.kind, form, note) for note in notes if form not in words[note[0]][note[1]]]
    assert wrong == []


def test_one_locator_for_two_documents_shows_each_notes_words(edition):
    """Kim n. 23 prints “12 May 1950”: never the resolved citation's 1950-05-12."""
    found = [forms(f) for f in findings_of(edition, "one locator, several documents")]
    assert found == [{"Telegram from Shtykov to Vyshinsky, 12 May 1950": [23],
                      "Telegram from Roshchin to Stalin, 13 May 1950": [25]}]


def test_a_note_without_a_date_prints_none(edition):
    """Kim n. 80 cites the telegram without a date: “none printed”, not a quoted “no date”."""
    found = next(f for f in findings_of(edition, "one document, different dates")
                 if f.keys == ("doc-1950-10-07-soviet-army-stalin",))
    assert found.forms == (("7 October 1950", ((KIM, 11),)), (NOT_PRINTED, ((KIM, 80),)))


def test_the_publisher_and_the_spelling_findings_agree_with_the_notes(edition):
    """The same words, the same notes: Zhongyang in nn. 16, 18, 30, 32, 58; Zhongyong in n. 13."""
    publisher = forms(findings_of(edition, "publisher names written differently")[0])
    spelling = next(forms(f) for f in findings_of(edition, "spelling")
                    if f.words == frozenset({"zhongyang", "zhongyong"}))
    for word in ("Zhongyang", "Zhongyong"):
        assert publisher[f"{word} Wenxian Chubanshe"] == spelling[word]


def test_the_apparatus_page_shows_forms_with_links(site):
    html = (site / "bibliography/apparatus/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "Forms: “3 July 1950” in Kim 2016 n. 7; “2 July 1950” in Kim 2016 n. 41." in text
    assert "“opis. 01” in Kim 2016 n. 17" in text
    assert "AVPRF, fond 059a, opis 5a, delo 3, papka 11" in text and "fond 59a" not in text
    assert "Forms: “Telegram from Shtykov to Vyshinsky, 12 May 1950” in Kim 2016 n. 23;" in text
    assert "none printed in Kim 2016 n. 80." in text and "“no date”" not in text


# --- the same checks on made-up notes: general, not tuned to the known cases ------------------

def entry(key, **fields) -> Entry:
    return Entry(key, fields.pop("type", "unpublished"), fields, 1)


def printed(note: int, key: str, words: str, **cited) -> Printed:
    return Printed(("t", note), Citation(key, start=0, end=len(words), **cited), words)


def test_different_leaves_of_one_document_are_found():
    entries = {"d": entry("d", entrysubtype="archival", archive="RGASPI", fond="558", opis="11", delo="62")}
    cites = [printed(1, "d", "Telegram, RGASPI, fond. 558, opis. 11, delo. 62, listy. 71–2", pinpoint="71–2"),
             printed(2, "d", "Telegram, RGASPI, fond. 558, opis. 11, delo. 62, list. 73", pinpoint="73")]
    found = document_cited_differently(entries, cites)
    assert [(f.kind, forms(f)) for f in found] == [("one document, different leaves", {"71–2": [1], "73": [2]})]


def test_a_document_without_a_date_or_with_its_recipient_first():
    """A note's forms are its own characters: no date printed is “none printed”, and
    correspondents named recipient first are shown so ("Stalin from Matveyev")."""
    entries = {"d": entry("d", entrysubtype="archival", archive="TsAMO", fond="5", opis="918795", delo="121")}
    cites = [printed(1, "d", "Telegram from Matveev to Stalin, 7 October 1950, TsAMO, fond. 5, opis. 918795, delo. 121",
                     cited_date="1950-10-07", cited_names=("Matveev", "Stalin")),
             printed(2, "d", "Telegram to Stalin from Matveyev, TsAMO, fond. 5, opis. 918795, delo. 121",
                     cited_names=("Matveyev", "Stalin"))]
    found = {f.kind: forms(f) for f in document_cited_differently(entries, cites)}
    assert found == {"one document, different dates": {"7 October 1950": [1], NOT_PRINTED: [2]},
                     "one document, different correspondents": {"Matveev to Stalin": [1],
                                                                "Stalin from Matveyev": [2]}}


def test_one_locator_for_two_documents_shows_the_notes_words():
    locator = dict(entrysubtype="archival", archive="AVPRF", fond="059a", opis="5a", delo="3", papka="11")
    entries = {"a": entry("a", **locator), "b": entry("b", **locator)}
    where = "AVPRF, fond. 059a, opis. 5a, delo. 3, papka. 11, listy. 100–3"
    cites = [printed(1, "a", f"Telegram from A to B, 12 May 1950, {where}", pinpoint="100–3", cited_date="1950-05-12",
                     cited_title="Telegram from A to B"),
             printed(2, "b", f"Memorandum of C, {where}", pinpoint="100–3", cited_title="Memorandum of C")]
    assert [forms(f) for f in same_locator(entries, cites)] == [
        {"Telegram from A to B, 12 May 1950": [1], "Memorandum of C": [2]}]


def test_a_locators_parts_and_leaves_as_printed():
    """A part with its label, as printed; an "Ibid." repeats the leaves but prints none."""
    cited = printed(1, "d", "Telegram, APRF, fond. 4, opis.01, delo. 333, listy. 59–61", pinpoint="59–61")
    assert [printed_part(cited, f) for f in ("archive", "opis", "delo", "papka", "leaves")] == [
        "APRF", "opis.01", "delo. 333", NOT_PRINTED, "59–61"]
    assert printed_part(printed(2, "d", "Ibid.", pinpoint="59–61"), "leaves") == NOT_PRINTED
    assert printed_part(printed(3, "d", "Ibid., 54.", pinpoint="5"), "leaves") == NOT_PRINTED
    assert printed_part(printed(4, "d", "Ibid., 54.", pinpoint="54"), "leaves") == "54"


def test_a_leading_zero_is_a_different_printed_form_and_kept():
    cites = [printed(1, "d", "AVPRF, fond. 059a, opis. 5a, delo. 3"), printed(2, "d", "AVPRF, fond. 59a, opis. 5a, delo. 3")]
    found = locators_written_differently(cites)
    assert len(found) == 1 and forms(found[0]) == {"fond. 059a": [1], "fond. 59a": [2]}


def test_a_work_with_two_publishers_or_years():
    entries = {"w": entry("w", type="book", title="Uncertain Partners")}
    cites = [printed(1, "w", "Uncertain Partners (Stanford: Stanford University Press, 1993), 1",
                     cited_title="Uncertain Partners"),
             printed(2, "w", "Uncertain Partners (California: Stanford Univ. Press, 1994), 2",
                     cited_title="Uncertain Partners")]
    found = {f.kind: forms(f) for f in works_cited_differently(entries, cites)}
    assert found == {"one work, different publishers": {"Stanford University Press": [1], "Stanford Univ. Press": [2]},
                     "one work, different years": {"1993": [1], "1994": [2]},
                     "one work, different places": {"Stanford": [1], "California": [2]}}


def test_every_field_of_a_repeated_work_is_compared():
    entries = {"w": entry("w", type="report", title="Should We Fear This?")}
    cites = [printed(1, "w", "Weathersby, Should We Fear This? Cold War International History Project Working "
                             "Paper Series, working paper no. 39 (Washington, D.C.: Wilson Center, July 2002), 9–11"),
             printed(2, "w", "Weathersby, Should We Fear This? CWIHP Working Paper no. 39 (Washington: Wilson "
                             "Center, 2002), Vol. 2, 11"),
             printed(3, "w", "Weathersby, Should We Fear This?, 12")]          # short: no imprint, not compared
    found = {f.kind: forms(f) for f in works_cited_differently(entries, cites)}
    assert found == {
        "one work, different places": {"Washington, D.C.": [1], "Washington": [2]},
        "one work, different series": {"Cold War International History Project Working Paper Series": [1],
                                       "CWIHP Working Paper": [2]},
        "one work, different volumes": {"not printed": [1], "2": [2]}}


def test_an_articles_page_range_is_compared_and_a_pinpoint_is_not():
    entries = {"a": entry("a", type="article", title="Xinzhongguo")}
    cites = [printed(1, "a", "Yang, Xinzhongguo, Shixue yuekan 1 (2006): 45–61, 49"),
             printed(2, "a", "Yang, Xinzhongguo, Shixue yuekan 1 (2006): 45–62, 50"),
             printed(3, "a", "Yang, Xinzhongguo, 52")]
    found = {f.kind: forms(f) for f in works_cited_differently(entries, cites)}
    assert found == {"one work, different page ranges": {"45–61": [1], "45–62": [2]}}


def test_fields_as_printed():
    words = "Chen Jian, China's Road (New York: Columbia University Press, 1994), 87–88"
    assert [printed_field(words, f) for f in ("place", "publisher", "year", "series", "volume", "pages")] == [
        "New York", "Columbia University Press", "1994", "", "", ""]
    assert printed_field("Zhou Enlai junshi wenxuan Vol. 4 (Beijing: Renmin Chubanshe, 1997), 44–5", "volume") == "4"


def test_publisher_near_misses_across_the_bibliography():
    entries = {"a": entry("a", type="book", publisher="Stanford University Press", location="Stanford"),
               "b": entry("b", type="book", publisher="Oxford University Press", location="Oxford"),
               "c": entry("c", type="book", publisher="Renmin Chubanshe"),
               "d": entry("d", type="book", publisher="Guangdong Renmin Chubanshe")}
    cites = [printed(1, "c", "Some Book (Stanford: Stanford Univ. Press, 1993), 4")]
    notes = [NoteCitations("t", 1, "author", (Citation("c"),)), NoteCitations("t", 2, "author", (Citation("a"),)),
             NoteCitations("t", 3, "author", (Citation("b"),)), NoteCitations("t", 4, "author", (Citation("d"),))]
    found = [(f.kind, f.forms, f.notes) for f in imprint_near_misses(entries, cites, notes)]
    # Oxford and Stanford University Press share only generic words; Renmin and Guangdong Renmin
    # are two publishers: neither pair is a near miss. Note 2 cites the entry of "Stanford
    # University Press" and prints nothing of it: the form is the bibliography's, the note the
    # finding's.
    assert found == [("publisher names written differently",
                      (("Stanford Univ. Press", (("t", 1),)), ("Stanford University Press", (), "in the bibliography")),
                      (("t", 1), ("t", 2)))]


def test_the_real_bibliography_writes_one_publisher_four_ways(edition):
    found = [forms(f) for f in findings_of(edition, "publisher names written differently")]
    # Only the notes that print a form are named with it: nn. 17, 59, 74, 78 and 79 cite these
    # works by short references, which print no publisher.
    assert found == [{"Zhonggong Wenxian Chubanshe": [38], "Zhongyang Wenxian Chubanshe": [16, 18, 30, 32, 58],
                      "Zhongyao Wenxian Chubanshe": [51], "Zhongyong Wenxian Chubanshe": [13]}]
    assert findings_of(edition, "place names written differently") == []


def test_the_real_notes_print_the_jessup_memorandums_volume_once(edition):
    found = {f.keys[0]: forms(f) for f in findings_of(edition, "one work, different volumes")}
    assert found == {"frus-1950-v07-jessup-memorandum-06-26": {"not printed": [36], "7": [37]}}
