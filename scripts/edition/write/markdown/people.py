"""One page per person, and the index of persons."""
from __future__ import annotations

from ...analyse.annotate import Mention, correspondence
from ..chicago import long_date, short_label
from ...load.registers import NOTE_NUMBERS, TEXT_REFERENCE
from ...model.registers import Person
from ..search_fields import search_fields
from .context import SiteContext, relative
from ..escape import escape_text, page_head
from .parts import Block, split_page
from .register_sources import sources_line

KINDS = (("actor", "Actors of 1949–1950"), ("historian", "Historians and authors"),
         ("translator/editor", "Translators and editors"))


def person_page(person: Person) -> str:
    return f"people/{person.id}.md"


def render_people(site: SiteContext, persons, mentions: dict[str, list[Mention]], matcher) -> dict[str, str]:
    files = {"people/index.md": _index(site, persons, mentions)}
    documents = correspondence(site.entries.values(), matcher)
    pages = {person_page(p) for p in persons}
    for person in persons:
        parts = _person(site, person, mentions.get(person.id, []), documents.get(person.id, []))
        clash = (set(parts) - {person_page(person)}) & (pages | set(files))
        if clash:  # a part named like another person's page ("kim" + "il-sung")
            raise ValueError(f"person page part {sorted(clash)[0]} would replace another page")
        files.update(parts)
    return files


def _index(site: SiteContext, persons, mentions) -> str:
    out = page_head("Persons") + [
           "Everyone the texts name, with the forms under which they are named. Each page lists every "
           "paragraph of the texts that mentions the person, and the documents they sent or received. "
           "“Paragraphs” counts the paragraphs that name the person; “—”: none does (the notes may, or "
           "the documents they cite; the person's page says which).", ""]
    for kind, title in KINDS:
        group = sorted((p for p in persons if p.kind == kind), key=lambda p: p.sort.casefold())
        if not group:
            continue
        out += [f"## {title}", "", "| Person | Named as | Paragraphs |", "|---|---|---|"]
        for person in group:
            count = len(mentions.get(person.id, []))
            out.append(f"| [{escape_text(person.name)}]({person.id}.md) "
                       f"| {escape_text(', '.join(person.variants))} | {count or '—'} |")
        out.append("")
    return "\n".join(out)


NOTES_ONLY = "Named only in the notes."


def _where_named(person: Person) -> str:
    """For a person no paragraph names: the notes, when the register's sources name a note
    of a text that names them ("Kim 2016, n. 22", checked by the build); else only that."""
    if any(TEXT_REFERENCE.match(s) and NOTE_NUMBERS.search(s) for s in person.sources):
        return NOTES_ONLY
    return "Named in no paragraph or note of the texts."


def _person(site: SiteContext, person: Person, mentions: list[Mention], documents) -> dict[str, str]:
    page = person_page(person)
    out = page_head(person.name)
    names = ", ".join(person.variants + person.ambiguous)
    # The forms a reader may search for (Filippov, Shykov) weigh most in the index (10, the
    # highest): a long page of sources must not push the person below the pages that name them.
    where = "" if mentions else _where_named(person)   # for a person no paragraph names
    named = "Named in the texts as" if where in ("", NOTES_ONLY) else "Forms of the name"
    out += [f"**{named}:** {escape_text(names)}", '{: data-pagefind-weight="10" }', ""]
    out += search_fields({"person": [person.name],
                          "text": [site.texts[t].meta.short for t in dict.fromkeys(m.text_id for m in mentions)]})
    if person.other_romanisations:
        out += [f"**Also romanised:** {escape_text(', '.join(person.other_romanisations))}", ""]
    if person.born or person.died:
        out += [f"**Life:** {person.born or '?'}–{person.died or ''}", ""]
    if person.dates_note:
        out += [f"**On the dates:** {escape_text(person.dates_note)}", ""]
    if person.role:
        out += [f"**In the texts:** {escape_text(person.role)}", ""]
    if person.note:
        out += [f"**Note:** {escape_text(person.note)}", ""]
    out += ["**Sources:** " + sources_line(person.sources, site.readings, site.registers), ""]
    out += ["## In the texts", ""]
    if where:
        out += [where, ""]
    blocks = []
    by_text: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_text.setdefault(mention.text_id, []).append(mention)
    for text_id, text in site.texts.items():  # a person's mentions, text by text
        here = by_text.get(text_id)
        if here:
            blocks.append(Block(text_id, text.meta.short, [
                f"### {escape_text(text.meta.short)} ({len(here)} paragraph{'s' if len(here) > 1 else ''})", ""],
                # The words are the text's: search finds them there (the index leaves out .snippet).
                [f"- [¶ {m.paragraph}]({relative(page, m.page)}#p{m.paragraph}): "
                 f'<span class="snippet">“{escape_text(m.snippet)}”</span>' for m in here]))
    if documents:
        lines = []
        for key, role in sorted(documents, key=lambda d: (site.entries[d[0]].get("date") or "9999", d[0])):
            entry = site.entries[key]
            when = long_date(entry.get("date")) if entry.get("date") else "undated"
            label = short_label(entry, site.archives)
            lines.append(f"- [{escape_text(label)}]({site.document_link(page, key)}) ({role}; {when})")
        blocks.append(Block("documents", "Documents sent or received", ["## Documents sent or received", ""], lines))
    return split_page(page, person.name, out, blocks)

