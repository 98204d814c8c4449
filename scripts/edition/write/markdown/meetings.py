"""The page "Where the texts meet": works, documents, days and persons that two or more
texts rely on, each with the places of every text that shares it.

Pairwise: an item appears when any two texts share it, not only when every text does.
Grouped by item, the page grows with the places the texts share (each place listed once),
not with the number of pairs; split_page cuts it into parts when it outgrows one page."""
from __future__ import annotations

from ..chicago import short_label
from ...analyse.chronology import DAY, PASSAGE, Period
from .basis import identification_label
from .context import SiteContext, relative
from ..escape import escape_text
from .parts import Block, split_page
from .textcolumns import column_names, text_cells

PAGE = "where-the-texts-meet/index.md"


def render_meetings(site: SiteContext, edition, mentions) -> dict[str, str]:
    two = len(edition.texts) == 2
    shared = "both texts" if two else "two or more texts"
    intro = ("Kissinger and Kim write about the same months from the same documents and books. This page "
             "lists what both texts rely on, computed from their notes and from the register of persons, "
             "with links into both." if two else
             "The texts write about the same months from the same documents and books. This page lists "
             "what any two or more of them rely on, computed from their notes and from the register of "
             "persons, with links into each text that shares it.")
    margin = (" In the texts, a paragraph that rests on a document the other text also cites shows a small ↔ "
              "link to its counterpart." if two else
              " In the texts, a paragraph that rests on a document other texts also cite shows small ↔ "
              "links to its counterparts.")
    margin += (" Where a note cites a document only by the editor's identification, not in the author's "
               f"words, it is labelled {identification_label()}.")
    head = ["# Where the texts meet", "", intro + margin, ""]
    works = site.shared_works
    documents = [w for w in works if any(site.entries[k].is_archival for k in w.keys)]
    books = [w for w in works if w not in documents]
    blocks = [
        Block("documents", "Documents", [f"## Documents {shared} cite", ""], _works(site, documents), []),
        Block("works", "Works", [f"## Works {shared} cite", ""], _works(site, books), []),
        Block("days", "Days", [f"## Days {shared} speak of", "",
                               f"Passages of {shared} dated to the day (or to a few days) that fall on the "
                               "same days; the [chronology](../chronology/index.md) sets out every date.", ""],
              _shared_days(site, edition), []),
        _persons(edition, mentions, shared),
    ]
    return split_page(PAGE, "Where the texts meet", head, blocks)


def _persons(edition, mentions, shared: str) -> Block:
    texts = edition.texts
    names = column_names(texts, "Paragraphs")
    head = [f"## Persons {shared} name", "", "| Person | " + " | ".join(names) + " |",
            "|---" * (len(names) + 1) + "|"]
    rows = []
    for person in sorted(edition.registers.persons, key=lambda p: p.sort.casefold()):
        by_text: dict[str, list] = {}
        for mention in mentions.get(person.id, []):
            by_text.setdefault(mention.text_id, []).append(mention)
        if len(by_text) < 2:
            continue
        cells = [", ".join(f"[¶ {m.paragraph}]({relative(PAGE, m.page)}#p{m.paragraph})"
                           for m in by_text.get(t.meta.id, [])) for t in texts]
        rows.append(f"| [{escape_text(person.name)}]({relative(PAGE, f'people/{person.id}.md')}) | "
                    + " | ".join(text_cells(texts, cells)) + " |")
    return Block("persons", "Persons", head, rows)


def _works(site: SiteContext, works) -> list[str]:
    out = []
    for work in works:
        labels = " / ".join(f"[{escape_text(short_label(site.entries[k], site.archives))}]"
                            f"({site.entry_link(PAGE, k)})" for k in work.keys)
        out += [f"### {escape_text(short_label(site.entries[work.keys[0]], site.archives))}", "", labels, ""]
        for text_id, places in work.citing.items():
            short = site.texts[text_id].meta.short
            links = ", ".join(f"[n. {note}]({relative(PAGE, page)}#fn:{note}) (¶ [{paragraph}]"
                              f"({relative(PAGE, page)}#p{paragraph})"
                              + (f"; {identification_label()}" if (text_id, note) in work.identified else "") + ")"
                              for note, paragraph, page in places)
            out.append(f"- **{escape_text(short)}**: {links}")
        out.append("")
    return out or ["None.", ""]


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
    out = []
    for start, end, events in spans:
        by_text: dict[str, set] = {}
        for e in events:
            by_text.setdefault(e.text_id, set()).add((e.paragraph, e.page, e.period.label))
        if len(by_text) < 2:
            continue
        span = Period(start, end, DAY)
        parts = []
        for text in edition.texts:
            if text.meta.id not in by_text:
                continue
            links = ", ".join(f"[¶ {n}]({relative(PAGE, page)}#p{n}) ({escape_text(label)})"
                              for n, page, label in sorted(by_text[text.meta.id]))
            parts.append(f"**{escape_text(text.meta.short)}** {links}")
        out.append(f"- [{escape_text(span.label)}](../chronology/index.md): " + "; ".join(parts))
    return (out or ["None."]) + [""]
