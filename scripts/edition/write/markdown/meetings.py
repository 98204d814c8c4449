"""The page "Where the texts meet": works, documents, days and persons that two or more
texts rely on, each with the words of every text that shares it side by side: the
sentence each citing note's marker closes (analyse/passages.py), the sentence that names
the day, the sentence that names the person; each linked to its place.

Pairwise: an item appears when any two texts share it, not only when every text does.
Grouped by item, the page grows with the places the texts share (each place listed once),
not with the number of pairs; split_page cuts it into parts when it outgrows one page."""
from __future__ import annotations

import re

from ..chicago import short_label
from ...analyse.chronology import DAY, PASSAGE, Period
from .basis import identification_label
from .context import SiteContext, relative, told_pages
from ..escape import escape_text, page_head
from .parts import Block, split_page
from .textcolumns import column_names, text_cells

PAGE = "where-the-texts-meet/index.md"


def render_meetings(site: SiteContext, edition, mentions) -> dict[str, str]:
    two = len(edition.texts) == 2
    shared = "both texts" if two else "two or more texts"
    intro = ("Kissinger and Kim write about the same months and cite some of the same documents and books. "
             "This page lists what the notes of both texts cite, in the authors' words or by the editors' "
             "identification, computed from the notes and from the register of persons, with links into both."
             if two else
             "The texts write about the same months and cite some of the same documents and books. This page "
             "lists what the notes of any two or more of them cite, in the authors' words or by the editors' "
             "identification, computed from the notes and from the register of persons, with links into each "
             "text that shares it.")
    margin = (" In the texts, a paragraph that rests on a document the other text also cites shows a small ↔ "
              "link to its counterpart." if two else
              " In the texts, a paragraph that rests on a document other texts also cite shows small ↔ "
              "links to its counterparts.")
    margin += (" Where a note cites a document only by the editor's identification, not in the author's "
               f"words, it is labelled {identification_label()}.")
    head = page_head("Where the texts meet") + [intro + margin, ""]
    works = site.shared_works
    sentences = edition.sentences
    documents = [w for w in works if any(site.entries[k].is_archival for k in w.keys)]
    books = [w for w in works if w not in documents]
    blocks = [
        _differences(site, edition),
        Block("documents", "Documents", [f"## Documents {shared} cite", ""], _works(site, documents, sentences), []),
        Block("works", "Works", [f"## Works {shared} cite", ""], _works(site, books, sentences), []),
        Block("days", "Days", [f"## Days {shared} speak of", "",
                               f"Passages of {shared} dated to the day (or to a few days) that fall on the "
                               "same days; the [chronology](../chronology/index.md) sets out every date.", ""],
              _shared_days(site, edition), []),
        _persons(edition, mentions, shared),
    ]
    return split_page(PAGE, "Where the texts meet", head, blocks)


def _differences(site: SiteContext, edition) -> Block:
    """The points the editors list where the texts tell one thing differently: each text's
    words side by side, linked to their paragraphs, then the editors' note."""
    head = ["## Where the texts tell it differently", "",
            "Points on which the texts give different accounts, chosen by the editors: each text's words "
            "as it prints them, then the editors' note on how they differ. The edition does not judge "
            "which is right. In the texts, each of these paragraphs shows a small ≠ link to the other "
            "account.", ""]
    texts = edition.texts
    names = column_names(texts, "Words")
    pages = told_pages(edition)
    rows = []
    for difference in edition.differences:
        told = {p.text_id: p for p in difference.passages}
        cells = [_told(told[t.meta.id], pages, site.print_pages) if t.meta.id in told else "" for t in texts]
        rows += [f"### {escape_text(difference.about)}", "",
                 "| " + " | ".join(names) + " |", "|---" * len(names) + "|",
                 "| " + " | ".join(text_cells(texts, cells)) + " |", "",
                 f"<strong>Editors' note:</strong> {escape_text(difference.note)}", ""]
    return Block("differences", "Differences", head, rows or ["None.", ""], [])


def _told(told, pages, print_pages) -> str:
    """A text's words on the point, quoted, with its paragraph and print page (the build has
    checked the paragraph)."""
    page = relative(PAGE, pages[(told.text_id, told.paragraph)])
    printed = print_pages.get((told.text_id, told.paragraph))
    return _words(f"“{told.words}”", f"[¶&nbsp;{told.paragraph}]({page}#p{told.paragraph})"
                                      + (f", {'pp' if '–' in printed else 'p'}.&nbsp;{printed}" if printed else ""))


def _persons(edition, mentions, shared: str) -> Block:
    texts = edition.texts
    names = column_names(texts, "Sentences")
    head = [f"## Persons {shared} name", "", "Each paragraph that names the person, by the sentence that names "
            f"them first (the first {FIRST_MENTIONS} of each text; the person's page has them all).", "",
            "| Person | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    rows = []
    for person in sorted(edition.registers.persons, key=lambda p: p.sort.casefold()):
        by_text: dict[str, list] = {}
        for mention in mentions.get(person.id, []):
            by_text.setdefault(mention.text_id, []).append(mention)
        if len(by_text) < 2:
            continue
        person_page = relative(PAGE, f"people/{person.id}.md")
        cells = [_first_mentions(by_text.get(t.meta.id, []), person_page) for t in texts]
        rows.append(f"| [{escape_text(person.name)}]({relative(PAGE, f'people/{person.id}.md')}) | "
                    + " | ".join(text_cells(texts, cells)) + " |")
    return Block("persons", "Persons", head, rows)


SEPARATOR = "<br><br>"
# Sentences shown for a person in one text; the person's page has every one. A figure
# named in every paragraph would otherwise make a row of the whole text (at 1x, Stalin's
# row held 46 sentences; at hundreds of texts, one row passed a megabyte).
FIRST_MENTIONS = 3


def _first_mentions(mentions: list, person_page: str) -> str:
    shown = [_words(m.snippet, f"[¶ {m.paragraph}]({relative(PAGE, m.page)}#p{m.paragraph})")
             for m in mentions[:FIRST_MENTIONS]]
    if len(mentions) > FIRST_MENTIONS:
        more = len(mentions) - FIRST_MENTIONS
        shown.append(f"[and {more} more paragraph{'s' if more > 1 else ''}: every one on the person's page]"
                     f"({person_page})")
    return SEPARATOR.join(shown)


def _words(sentence: str, place: str, quotation: bool = False) -> str:
    """A sentence of a text, as the text prints it (under the text's name), and where it
    stands; a sentence of a block quote says so: the words are the ones the text quotes. A
    sentence the paragraph leaves open ("Stalin notified Mao that", before a block
    quotation) ends with "…", so that it does not read as a whole one."""
    quoted = "in a block quotation, " if quotation else ""
    open_end = "" if re.search(r"[.!?…][\"”’')\]]*$", sentence) else " …" if sentence.endswith(":") else "…"
    return f"{escape_text(sentence)}{open_end} <span class=\"meet-place\">({quoted}{place})</span>"


def _works(site: SiteContext, works, sentences) -> list[str]:
    out = []
    texts = list(site.texts.values())
    names = column_names(texts, "Sentences")
    for work in works:
        labels = " / ".join(f"[{escape_text(short_label(site.entries[k], site.archives))}]"
                            f"({site.document_link(PAGE, k)})" for k in work.keys)
        out += [f"### {escape_text(short_label(site.entries[work.keys[0]], site.archives))}", "", labels, "",
                "| " + " | ".join(names) + " |", "|---" * len(names) + "|"]
        cells = [SEPARATOR.join(_citing(site, work, t.meta.id, note, sentences)
                                for note, _, _ in work.citing.get(t.meta.id, [])) for t in texts]
        out += ["| " + " | ".join(text_cells(texts, cells)) + " |", ""]
    return out or ["None.", ""]


def _citing(site: SiteContext, work, text_id: str, note: int, sentences) -> str:
    """The sentence a citing note's marker closes, with the note, paragraph and print page."""
    found = sentences[(text_id, note)]
    page = relative(PAGE, found.page)
    place = (f"[n. {note}]({page}#fn:{note}), ¶ [{found.paragraph_number}]({page}#p{found.paragraph_number})"
             + (f", p. {found.print_page}" if found.print_page else "")
             + (f"; {identification_label()}" if (text_id, note) in work.identified else ""))
    return _words(found.sentence, place, found.quotation)


def _shared_days(site: SiteContext, edition) -> list[str]:
    """Day-dated passages of different texts whose dates overlap, gathered into spans."""
    passages = sorted((e for e in edition.events if e.kind == PASSAGE and e.precision == DAY),
                      key=lambda e: (e.period.start, e.period.end))
    spans: list[list] = []
    for event in passages:  # merge overlapping dates into spans of days
        if spans and event.period.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], event.period.end)
            spans[-1][2].append(event)
        else:
            spans.append([event.period.start, event.period.end, [event]])
    names = column_names(edition.texts, "Sentences")
    out = ["| Days | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for start, end, events in spans:
        by_text: dict[str, dict] = {}
        for e in events:
            by_text.setdefault(e.text_id, {}).setdefault((e.paragraph, e.snippet), e)
        if len(by_text) < 2:
            continue
        span = Period(start, end, DAY)
        cells = [SEPARATOR.join(_words(e.snippet, f"[¶ {e.paragraph}]({relative(PAGE, e.page)}#p{e.paragraph}), "
                                                  f"{escape_text(e.period.label)}")
                                for _, e in sorted(by_text.get(t.meta.id, {}).items()))
                 for t in edition.texts]
        out.append(f"| [{escape_text(span.label)}](../chronology/index.md) | "
                   + " | ".join(text_cells(edition.texts, cells)) + " |")
    return (out if len(out) > 2 else ["None."]) + [""]
