"""The page "Where the texts meet": works, documents and persons both texts rely on."""
from __future__ import annotations

from ..bibliography.format import short_label
from ..meetings import shared_works
from .context import BIBLIOGRAPHY, SiteContext, relative
from .inline import escape_text

PAGE = "where-the-texts-meet/index.md"


def render_meetings(site: SiteContext, edition, mentions) -> dict[str, str]:
    out = ["# Where the texts meet", "",
           "Kissinger and Kim write about the same months from the same documents and books. This page "
           "lists what both texts rely on, computed from their notes and from the register of persons, "
           "with links into both. In the texts, a paragraph that rests on a document the other text also "
           "cites shows a small ↔ link to its counterpart.", ""]
    works = shared_works(edition.texts, site.entries, edition.notes)
    documents = [w for w in works if any(site.entries[k].is_archival for k in w.keys)]
    books = [w for w in works if w not in documents]
    out += ["## Documents both texts cite", ""] + _works(site, documents)
    out += ["## Works both texts cite", ""] + _works(site, books)
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
                              f"({relative(PAGE, page)}#p{paragraph}))" for note, paragraph, page in places)
            out.append(f"- **{escape_text(short)}**: {links}")
        out.append("")
    return out or ["None.", ""]
