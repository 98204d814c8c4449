"""The page "Where the texts meet": works, documents and persons both texts rely on."""
from __future__ import annotations

from ..bibliography.format import short_label
from ..chronology import DAY, PASSAGE, Period
from ..meetings import shared_works
from .basis import identification_label
from .context import BIBLIOGRAPHY, SiteContext, relative
from .inline import escape_text

PAGE = "where-the-texts-meet/index.md"


def render_meetings(site: SiteContext, edition, mentions) -> dict[str, str]:
    out = ["# Where the texts meet", "",
           "Kissinger and Kim write about the same months from the same documents and books. This page "
           "lists what both texts rely on, computed from their notes and from the register of persons, "
           "with links into both. In the texts, a paragraph that rests on a document the other text also "
           "cites shows a small ↔ link to its counterpart. Where a note cites a document only by the "
           f"editor's identification, not in the author's words, it is labelled {identification_label()}.", ""]
    works = shared_works(edition.texts, site.entries, edition.notes)
    documents = [w for w in works if any(site.entries[k].is_archival for k in w.keys)]
    books = [w for w in works if w not in documents]
    out += ["## Documents both texts cite", ""] + _works(site, documents)
    out += ["## Works both texts cite", ""] + _works(site, books)
    out += ["## Days both texts speak of", "",
            "Passages of both texts dated to the day (or to a few days) that fall on the same days; "
            "the [chronology](../chronology/index.md) sets out every date.", ""]
    out += _shared_days(site, edition)
    out += ["## Persons both texts name", "", "| Person | " + " | ".join(
        escape_text(t.meta.short) for t in edition.texts) + " |", "|---" * (len(edition.texts) + 1) + "|"]
    for person in sorted(edition.registers.persons, key=lambda p: p.sort.casefold()):
        found = mentions.get(person.id, [])
        per_text = [[m for m in found if m.text_id == t.meta.id] for t in edition.texts]
        if all(per_text):
            cells = [", ".join(f"[¶ {m.paragraph}]({relative(PAGE, m.page)}#p{m.paragraph})" for m in ms)
                     for ms in per_text]
            out.append(f"| [{escape_text(person.name)}]({relative(PAGE, f'people/{person.id}.md')}) | "
                       + " | ".join(cells) + " |")
    out.append("")
    return {PAGE: "\n".join(out)}


def _works(site: SiteContext, works) -> list[str]:
    out = []
    for work in works:
        labels = " / ".join(f"[{escape_text(short_label(site.entries[k], site.archives))}]"
                            f"({relative(PAGE, BIBLIOGRAPHY)}#{k})" for k in work.keys)
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
        texts = [t for t in edition.texts if any(e.text_id == t.meta.id for e in events)]
        if len(texts) < 2:
            continue
        span = Period(start, end, DAY)
        parts = []
        for text in texts:
            mine = sorted({(e.paragraph, e.page, e.period.label) for e in events if e.text_id == text.meta.id})
            links = ", ".join(f"[¶ {n}]({relative(PAGE, page)}#p{n}) ({escape_text(label)})" for n, page, label in mine)
            parts.append(f"**{escape_text(text.meta.short)}** {links}")
        out.append(f"- [{escape_text(span.label)}](../chronology/index.md): " + "; ".join(parts))
    return (out or ["None."]) + [""]
