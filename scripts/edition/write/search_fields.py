"""What a generated page tells Pagefind beyond its text: filters (text, person,
archive, document type; and `part`, which marks the texts' own pages, so that the search
box lists them first) and metadata (the text, the print page a section opens on, the print page of each note).

Written as empty, hidden elements carrying `data-pagefind-filter` and
`data-pagefind-meta` attributes: plain HTML that MkDocs and Zensical pass through
unchanged, that readers never see, and that adds no words to the index."""
from __future__ import annotations

import html

FILTERS = ("text", "person", "archive", "type", "part")
TEXTS = "texts"   # the part:texts filter of the texts' own pages


def search_fields(filters: dict[str, list[str]], meta: dict[str, str] | None = None) -> list[str]:
    """Markdown lines (a raw HTML block and a blank line) for one page, or none."""
    spans = []
    for name, values in filters.items():
        if name not in FILTERS:
            raise ValueError(f"unknown search filter {name!r}")
        spans += [_span("filter", name, value) for value in sorted(set(values)) if value]
    spans += [_span("meta", name, value) for name, value in (meta or {}).items() if value]
    if not spans:
        return []
    return ['<div class="search-fields" hidden>' + "".join(spans) + "</div>", ""]


def _span(kind: str, name: str, value: str) -> str:
    # Pagefind reads "name:value" and splits several pairs at commas; a comma inside a
    # value is escaped with a backslash. Whitespace (a newline above all) is folded so
    # that the raw HTML block stays on one line.
    value = " ".join(str(value).split()).replace("\\", "").replace(",", "\\,")
    return f'<span data-pagefind-{kind}="{html.escape(f"{name}:{value}", quote=True)}"></span>'


def section_fields(site, text, paragraphs, notes: list[int]) -> list[str]:
    """A section page: its text, the persons its paragraphs name, the archives and kinds of
    document its notes cite; the print page it opens on, for results without a page marker."""
    from ..model.inlines import plain_text  # below every writer

    persons = {m.id for p in paragraphs for m in site.matcher.find(plain_text(p.inlines))
               if m.kind == "person"}
    names = {p.id: p.name for p in site.registers.persons}
    entries = [site.entries[c.key] for n in notes for c in site.citations[(text.meta.id, n)].citations]
    archives = [e.get("archive") for e in entries if e.get("archive")]
    types = [e.get("doctype") for e in entries if e.get("doctype")]
    pages = [site.print_pages.get((text.meta.id, p.number)) for p in paragraphs]
    first = next((page.split("–")[0] for page in pages if page), "")
    # The print page of each note ("79:253 80:253"): a note stands at the foot of the page
    # that carries its marker, after the section's last page marker on the edition's page.
    note_pages = " ".join(f"{n}:{site.note_print_pages[(text.meta.id, n)]}" for n in notes
                          if (text.meta.id, n) in site.note_print_pages)
    return search_fields({"text": [text.meta.short], "person": [names[i] for i in persons],
                          "archive": archives, "type": types, "part": [TEXTS]},
                         {"text": text.meta.short, "print_page": first, "note_pages": note_pages})
