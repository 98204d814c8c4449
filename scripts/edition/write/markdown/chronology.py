"""The chronology page: every dated passage of both texts and every dated document,
one row per day or period, the texts side by side."""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import groupby

from ...analyse.chronology import DAY, DOCUMENT, PASSAGE, YEAR, Event, Period, iso_period
from ...model.citations import IDENTIFIED
from ...model.text import Text
from .basis import identification_label
from .context import SiteContext, relative
from ..escape import escape_text, page_head
from .parts import Block, split_page
from .textcolumns import MAX_COLUMNS, column_names, text_cells

PAGE = "chronology/index.md"

INTRO = (
    "Every date the texts write, and every dated document their notes cite, in the order "
    "of the calendar. Each row is one day or period: what each text says of it, side by side, "
    "and the documents of that date with the notes that cite them. Dates are read as written "
    "(“25 June 1950”, “May 13–16, 1950”, “on 1 October”, “in late August”) and normalised: a "
    "date without a year takes the year of the last date before it in the same text that names "
    "a month and a year (a year standing alone, such as “in 1971”, sets no year for what "
    "follows); a part of a month is a range of days, early = 1–10, mid = 11–20, late and “the "
    "end of” = 21 to the month's last day. Relative dates (“two days later”) and decades (“the "
    "early 1980s”) are not placed. The dated documents are the archival documents and bulletin "
    "issues the notes cite, and the published documents dated to the day (FRUS, newspapers, "
    "reports); each stands at the date of its bibliography entry, and where a note dates it "
    "otherwise, the row says so.")

LEGEND = (escape_text("Dates in ") + "<strong>bold</strong>" + escape_text(
    " are given to the day; dates in plain type name a month or a year and no day, as the text "
    "or the document does (“in 1910”, “July 1950”); ≈ marks a part of a month (“late August "
    "1950”), which is approximate, with the days it is taken to cover. “Same days” leads to a "
    "text's passages that date the row's days differently (“13 May 1950” in the row of "
    "“May 13–16, 1950”); “Notes citing this date's documents” leads to the paragraphs whose "
    "notes cite a document of that date."))


def render_chronology(edition, site: SiteContext) -> dict[str, str]:
    head = page_head("Chronology") + [escape_text(INTRO), "",
            _counts(edition.texts, edition.events), "", LEGEND, ""]
    return split_page(PAGE, "Chronology", head, _years(edition.texts, edition.events, site))


def _years(texts: list[Text], events: list[Event], site: SiteContext) -> list[Block]:
    """A block per year: its heading, the table's header and a row per day or period."""
    rows = _rows(events)
    passages: dict[str, list[Event]] = defaultdict(list)  # each text's passages, grouped once
    for event in events:
        if event.kind == PASSAGE:
            passages[event.text_id].append(event)
    names = column_names(texts, "Passages")
    blocks = []
    for year, periods in groupby(rows, key=lambda p: p.start.year):
        head = [f"## {year} {{: #y{year} }}", "", "| Date | " + " | ".join(names) + " | Documents |",
                "|---" * (len(names) + 2) + "|"]
        lines = []
        for period in periods:
            # The row's events, each text's apart: a row of a document that hundreds of texts
            # cite must not be read once per text.
            mine: dict[str, list[Event]] = defaultdict(list)
            cites: dict[str, list] = defaultdict(list)
            for event in rows[period]:
                if event.kind == PASSAGE:
                    mine[event.text_id].append(event)
                elif event.kind == DOCUMENT:
                    for citation in event.citing:
                        cites[citation.text_id].append(citation)
            cells = [_labelled(texts, text, _text_cell(period, text, mine.get(text.meta.id, []),
                                                cites.get(text.meta.id, []), passages, site))
                     for text in texts]
            lines.append("| " + " | ".join([_date_cell(period), *text_cells(texts, cells),
                                            _documents_cell(rows[period], site)]) + " |")
        blocks.append(Block(str(year), str(year), head, lines))
    return blocks


def _rows(events: list[Event]) -> dict[Period, list[Event]]:
    rows: dict[Period, list[Event]] = defaultdict(list)
    for event in events:
        rows[event.period].append(event)
    return dict(sorted(rows.items(), key=lambda item: item[0].sort_key))


def _counts(texts: list[Text], events: list[Event]) -> str:
    dated = Counter(e.text_id for e in events)
    per_text = [f"{dated[t.meta.id]} in {escape_text(t.meta.short)}" for t in texts]
    documents = sum(1 for e in events if e.kind == DOCUMENT)
    return f"Dates read from the texts: {', '.join(per_text)}; dated documents cited: {documents}."


# --- cells -----------------------------------------------------------------------------

def _labelled(texts: list[Text], text: Text, cell: str) -> str:
    """A text's cell with the text's name before it: on screen the rows stand without their
    header (face.css); search does not index it. Where the texts share one column,
    text_cells names them already."""
    if not cell or len(texts) > MAX_COLUMNS:
        return cell
    return f'<span class="cell-label" data-pagefind-ignore>{escape_text(text.meta.short)}</span>{cell}'


def _date_cell(period: Period) -> str:
    # The normalised dates ride along as data, for readers' scripts (and the tests).
    anchor = (f'<span id="{period.anchor}" data-start="{period.start.isoformat()}" '
              f'data-end="{period.end.isoformat()}" data-precision="{period.precision}"></span>')
    if period.precision == DAY:
        return f"{anchor}**{escape_text(period.label)}**"
    if not period.approximate:   # a month or a year, exact as far as it goes
        return f"{anchor}{escape_text(period.label)}"
    covered = Period(period.start, period.end, DAY).label
    return (f'{anchor}<span title="approximate">≈</span> {escape_text(period.label)}'
            f"<br><small>{escape_text(covered)}</small>")


def _text_cell(period: Period, text: Text, events: list[Event], cites: list, passages: dict[str, list[Event]],
               site: SiteContext) -> str:
    """events: the text's passages of the row; cites: its notes citing the row's documents."""
    text_id = text.meta.id
    exact = _unique(events, key=lambda e: (e.paragraph, e.snippet))
    parts = [_passage(e, site) for e in exact]
    shown_notes = {n for e in exact for n in e.notes}
    citing = _unique([c for c in cites if c.note not in shown_notes], key=lambda c: c.note)
    if citing:
        parts.append("<em>Notes citing this date's documents:</em> " + " · ".join(
            f"[¶{c.paragraph}]({_paragraph_link(c.page, c.paragraph)}) "
            f"n. [{c.note}]({site.note_link(PAGE, c.text_id, c.note)})" for c in citing))
    if not exact:
        near = same_days(period, passages[text_id])
        if near:
            parts.append("<em>Same days:</em> " + " · ".join(
                f"[¶{e.paragraph}, {escape_text(e.period.label)}]({_paragraph_link(e.page, e.paragraph)})"
                for e in near))
    return "<br>".join(parts)


def same_days(period: Period, passages: list[Event]) -> list[Event]:
    """A text's passages on the row's days under another dating: those that fall within it,
    and, between dates given to the day, those that overlap it ("13 May 1950" and
    "May 13–16, 1950"). A year is too wide to gather its days."""
    if period.precision == YEAR:
        return []
    found = [e for e in passages if e.period.overlaps(period) and e.period != period
             and (e.period.within(period) or (e.precision == DAY and period.precision == DAY))]
    return _unique(found, key=lambda e: (e.paragraph, e.period))


def _passage(event: Event, site: SiteContext) -> str:
    at, end = event.snippet_at, event.snippet_at + len(event.expression)
    words = (escape_text(event.snippet[:at]) + f"<strong>{escape_text(event.snippet[at:end])}</strong>"
             + escape_text(event.snippet[end:]))
    notes = ", ".join(f"[{n}]({site.note_link(PAGE, event.text_id, n)})" for n in event.notes)
    suffix = f" (n. {notes})" if notes else ""
    return f"[¶{event.paragraph}]({_paragraph_link(event.page, event.paragraph)}) “{words}”{suffix}"


def _documents_cell(events: list[Event], site: SiteContext) -> str:
    """The row's documents, under the name of their column (the rows stand without their
    header on screen: face.css)."""
    cell = "<br>".join(_document(e, site) for e in events if e.kind == DOCUMENT)
    return f'<span class="cell-label" data-pagefind-ignore>Documents</span>{cell}' if cell else ""


def _document(event: Event, site: SiteContext) -> str:
    cited = []
    order = _text_order(site)
    for c in sorted(event.citing, key=lambda c: (order[c.text_id], c.note)):
        remarks = [escape_text(r) for r in (c.cited_date and f"the note dates it {iso_period(c.cited_date).label}",)
                   if r]
        if c.relation == IDENTIFIED:
            remarks.insert(0, identification_label())
        remark = f" ({'; '.join(remarks)})" if remarks else ""
        cited.append(f"{escape_text(site.texts[c.text_id].meta.short)} "
                     f"n. [{c.note}]({site.note_link(PAGE, c.text_id, c.note)}){remark}")
    link = f"[{escape_text(event.snippet)}]({site.document_link(PAGE, event.key)})"
    return link + (" — cited in " + " · ".join(cited) if cited else "")


def _text_order(site: SiteContext) -> dict[str, int]:
    return {text_id: i for i, text_id in enumerate(site.texts)}


def _paragraph_link(page: str, paragraph: int) -> str:
    return f"{relative(PAGE, page)}#p{paragraph}"


def _unique(items: list, key) -> list:
    seen, kept = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return kept
