"""What a generated page tells Pagefind beyond its text: filters (text, person,
archive, document type; `part`, which marks the texts' own pages, so that the search
box lists them first; `month`, the months the page's dates begin and end in) and metadata
(the text, the print page a section opens on, the print page of each note, and `dates`:
which of the page's places carry which dates, for the search box's date range).

Written as empty, hidden elements carrying `data-pagefind-filter` and
`data-pagefind-meta` attributes: plain HTML that MkDocs and Zensical pass through
unchanged, that readers never see, and that adds no words to the index."""
from __future__ import annotations

import html

FILTERS = ("text", "person", "archive", "type", "part", "month")
PAGE = "*"     # in `dates`, the place that stands for the whole page
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


def dated_fields(dated: dict[str, list]) -> tuple[list[str], str]:
    """place (an anchor's id, or PAGE) -> the Periods it is dated by: the `month` filter's
    values (each month a date begins or ends in: Pagefind narrows a search to the pages with
    a month in the range, and the range's choices run from the first to the last) and the
    `dates` meta ("p12=1950-06/1950-06;1950-01/1950-12 fn:3=1950-06/1950-06"), by which the
    search box keeps only the places dated within the range (docs/assets/search.js)."""
    months: set[str] = set()
    places = []
    for place, periods in dated.items():
        spans = sorted({(f"{p.start:%Y-%m}", f"{p.end:%Y-%m}") for p in periods})
        if spans:
            months.update(m for span in spans for m in span)
            places.append(f"{place}=" + ";".join(f"{a}/{b}" for a, b in spans))
    return sorted(months), " ".join(places)


def section_fields(site, text, paragraphs, notes: list[int]) -> list[str]:
    """A section page: its text, the persons its paragraphs name, the archives and kinds of
    document its notes cite; the print page it opens on, for results without a page marker;
    the dates its paragraphs write and the dates of the documents its notes cite."""
    from ..model.inlines import plain_text  # below every writer
    from ..model.text import AUTHOR

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
    months, dates = dated_fields(
        {**{f"p{p.number}": site.paragraph_dates.get((text.meta.id, p.number), ()) for p in paragraphs},
         **{f"fn:{n}": site.note_dates.get((text.meta.id, n), ()) for n in notes}})
    # The notes whose words are the editors' (Kissinger's, where the source lacks them): a
    # result in one says so, as the page does.
    editors = " ".join(str(n.number) for n in text.notes if n.number in notes and n.basis != AUTHOR)
    return search_fields({"text": [text.meta.short], "person": [names[i] for i in persons],
                          "archive": archives, "type": types, "part": [TEXTS], "month": months},
                         {"text": text.meta.short, "print_page": first, "note_pages": note_pages,
                          "editors_notes": editors, "dates": dates})
