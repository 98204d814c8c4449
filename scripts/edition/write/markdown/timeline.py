"""The traffic of the cited documents: a timeline drawn at build time as an SVG, one lane
per correspondent (the sender; for a document without one, its author or issuing body),
each dated document a mark that links to its page (documents/<key>/) and shows, by shape
and colour, which text cites it. No script and no library: the page is the SVG. Each lane's
name stands above its marks, at the left edge of the frame wherever the drawing is
scrolled: the names are HTML laid over the frame, which does not scroll with the drawing
(edition.css), so a part of the drawing seen through a narrow screen still says whose lane
each is, and no name is cut by the frame's edge. The drawing keeps its own names, for a
screen reader and for a reader without the stylesheet; the stylesheet hides them where the
names laid over it show.

Each mark is an SVG link, so the keyboard reaches it (Tab) like any other link, and its
title says what it is. The Documents table holds the same documents as text: the page
says so and links to it. The drawing keeps its size and scrolls sideways in its frame
wherever it is wider than the page (on this corpus, at every width), so its words stay
legible at 375 px. The frame opens at the drawing's end, the latest and, here, the busiest
months (edition.css: the frame is laid out right to left, the drawing inside it left to
right); a shadow at an edge shows there is more that way, and the caption above says which
months the drawing runs over and how to scroll it. The search leaves the drawing out:
its words are the Documents table's, and they would weigh on every other page's ranking.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass

from ...analyse.annotate import PERSON
from ...analyse.readings.documents import document_keys
from ...model.entry import bare
from ..escape import escape_html, escape_text, page_head
from ..chicago import day_month_year
from .context import SiteContext
from .parts import Block, fits, split_page

PAGE = "documents/timeline.md"
LABEL_WIDTH = 8       # the margin left of the time axis
NAME_HEIGHT = 16      # px above a lane's marks for its name
MONTH_WIDTH = 64      # px per month: two days a pixel, enough to part telegrams a few days apart
LANE_HEIGHT = 26      # px per row of marks; a lane has as many rows as its crowded days need
AXIS_HEIGHT = 40
MARK = 6              # half the size of a mark
BREAK_WIDTH = 28      # the gap that marks a break in the axis (years with no cited document)
NEAR = 2 * MARK + 2   # marks closer than this in one lane go on another row


@dataclass(frozen=True)
class Style:
    name: str
    colour: str


# Which texts cite a document: the shape says it without colour, the colour helps.
STYLES = {("kim-2016",): Style("circle", "#1f77b4"),
          ("kissinger-2011",): Style("square", "#d95f02"),
          ("kim-2016", "kissinger-2011"): Style("diamond", "#7b3294")}
OTHER = Style("triangle", "#444444")   # texts beyond the two, or another pair


@dataclass(frozen=True)
class Mark:
    key: str
    day: str          # ISO date, to the day or the month
    lane: str
    title: str        # what the mark's title says
    texts: tuple[str, ...]
    href: str = ""    # the document's page, as the built site addresses it from this page


def render_timeline(edition, site: SiteContext) -> dict[str, str]:
    marks, undated = _marks(site)
    if not marks:
        return {}
    head = page_head("The documents in time", hide=["toc"]) + [
            "Every dated document the notes cite, on the day it bears, in the lane of the one who wrote it "
            "(for a document without a sender: its author or issuing body; for a record of conversation: "
            "the first participant its title names). The shape says which text cites "
            "it; each mark leads to the document's page. The [Documents](index.md) table lists the same "
            "documents as text, by date, with the same links.", ""]
    texts = {t.meta.id: t.meta.short for t in edition.texts}
    tail = [""]
    if undated:
        tail = ["", "Undated, so not on the timeline: " + ", ".join(
            f"[{escape_text(bare(site.entries[k].get('title')))}]({site.document_link(PAGE, k)})" for k in undated)
            + ".", ""]
    drawing = svg(marks, texts, captioned=True)
    if fits(head, [Block("all", "", [drawing], [], tail)]):
        return {PAGE: "\n".join(head + [drawing] + tail)}
    # Too many documents for one page (hundreds of texts): a drawing a month, each a part,
    # so that a reader fetches the months she looks at, not the whole traffic at once.
    months = sorted({mark.day[:7] for mark in marks})
    blocks = [Block(month, day_month_year(month),
                    ["", f"## {day_month_year(month)}", "", svg([m for m in marks if m.day.startswith(month)], texts)])
              for month in months]
    return split_page(PAGE, "The documents in time", head + tail, blocks)


def _marks(site: SiteContext) -> tuple[list[Mark], list[str]]:
    cited_by: dict[str, set[str]] = {}
    for (text_id, _), note in site.citations.items():
        for c in note.citations:
            cited_by.setdefault(c.key, set()).add(text_id)
    marks, undated = [], []
    for key in document_keys(site.entries, site.readings):
        entry = site.entries[key]
        if len(entry.get("date")) < 7:
            undated.append(key)
            continue
        texts = tuple(sorted(cited_by.get(key, ())))
        marks.append(Mark(key, entry.get("date"), lane_of(entry, site), _title(entry, texts, site), texts,
                          built_url(site.document_link(PAGE, key))))
    return marks, undated


def built_url(markdown_link: str) -> str:
    """A link between Markdown pages as the built site's address, from this page's folder
    (documents/timeline/): "doc-x.md" -> "../doc-x/". An SVG link is raw HTML, which MkDocs
    does not rewrite."""
    path, _, anchor = markdown_link.partition("#")
    if path.endswith("index.md"):
        path = path[:-len("index.md")]
    elif path.endswith(".md"):
        path = path[:-len(".md")] + "/"
    return "../" + path + (f"#{anchor}" if anchor else "")


def lane_of(entry, site: SiteContext) -> str:
    """The correspondent who wrote the document, as the register names them; failing a
    sender, the author, editor or issuing body, or the periodical."""
    for field in ("sender", "author", "editor", "institution", "journaltitle"):
        value = bare(entry.get(field))
        if not value:
            continue
        people = [m for m in site.matcher.find(value) if m.kind == PERSON] if site.matcher else []
        if people:
            return next(p.name for p in site.registers.persons if p.id == people[0].id)
        return value
    return "Others"


def _title(entry, texts: tuple[str, ...], site: SiteContext) -> str:
    date = entry.get("date")
    shorts = [text.meta.short for text_id, text in site.texts.items() if text_id in texts]   # the edition's order
    cited = f"; cited in {' and '.join(shorts)}" if shorts else ""
    return f"{day_month_year(date)}: {bare(entry.get('title'))}{cited}"


# --- the drawing ------------------------------------------------------------------------

def months_shown(days: list[str]) -> list[tuple[int, int] | None]:
    """The months on the axis: every month from the first document's to the last one's,
    except a run of twelve or more empty months, which becomes a break (None)."""
    first, last = min(days)[:7], max(days)[:7]
    year, month = int(first[:4]), int(first[5:7])
    used = {d[:7] for d in days}
    months: list[tuple[int, int]] = []
    while (year, month) <= (int(last[:4]), int(last[5:7])):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    shown: list[tuple[int, int] | None] = []
    empty: list[tuple[int, int]] = []
    for ym in months:
        if f"{ym[0]}-{ym[1]:02d}" in used:
            shown += [None] if len(empty) >= 12 else empty
            empty = []
            shown.append(ym)
        else:
            empty.append(ym)
    return shown


def x_of(day: str, shown: list) -> float:
    """The mark's place: its month's column, and the day within it (a month-only date at the
    month's middle)."""
    x = LABEL_WIDTH
    year, month = int(day[:4]), int(day[5:7])
    for ym in shown:
        if ym == (year, month):
            days = calendar.monthrange(year, month)[1]
            within = (int(day[8:10]) - 0.5) / days if len(day) == 10 else 0.5
            return x + within * MONTH_WIDTH
        x += BREAK_WIDTH if ym is None else MONTH_WIDTH
    raise ValueError(day)


def _width(shown: list) -> float:
    return LABEL_WIDTH + sum(BREAK_WIDTH if ym is None else MONTH_WIDTH for ym in shown) + 10


def svg(marks: list[Mark], texts: dict[str, str], captioned: bool = False) -> str:
    """The legend, the caption when `captioned` (the whole traffic: a month's drawing is
    narrower than any screen), and the drawing in its frame."""
    shown = months_shown([m.day for m in marks])
    lanes = sorted({m.lane for m in marks}, key=lambda lane: (-sum(m.lane == lane for m in marks), lane))
    placed, rows = _rows(marks, shown, lanes)
    width = _width(shown)
    top = AXIS_HEIGHT
    height = top + sum(NAME_HEIGHT + rows[lane] * LANE_HEIGHT for lane in lanes) + 10
    out = [legend(texts), caption(shown) if captioned else "",
           '<div class="traffic-holder">', _lane_names(lanes, rows, top),
           '<div class="traffic-frame" role="region" aria-label="Timeline of the cited documents (scrolls sideways)" '
           'tabindex="0" style="overflow-x:auto;max-width:100%" data-pagefind-ignore="all">',
           f'<svg class="traffic" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{width:.0f}" height="{height:.0f}" '
           f'viewBox="0 0 {width:.0f} {height:.0f}" role="group" aria-label="Timeline of the cited documents, '
           f'a lane per correspondent" style="font-family:sans-serif;font-size:12px;max-width:none;direction:ltr">',
           "<style>.traffic a:focus .mark,.traffic a:hover .mark{stroke:#000;stroke-width:3}"
           ".traffic a:focus{outline:none}.traffic .lane-name{fill:currentColor}"
           ".traffic .month{fill:currentColor;font-size:11px}.traffic .rule{stroke:#8888;stroke-width:1}</style>"]
    out += _axis(shown, top, height)
    y = top
    for lane in lanes:
        out.append(f'<line class="rule" x1="0" x2="{width:.0f}" y1="{y:.0f}" y2="{y:.0f}"/>')
        out.append(f'<text class="lane-name" x="{LABEL_WIDTH + 3}" y="{y + NAME_HEIGHT - 4:.0f}">{escape_html(lane)}</text>')
        y += NAME_HEIGHT
        for mark, x, row in placed[lane]:
            out.append(_mark_link(mark, x, y + row * LANE_HEIGHT + LANE_HEIGHT / 2))
        y += rows[lane] * LANE_HEIGHT
    out += ["</svg>", "</div>", "</div>"]
    return "".join(out)


def _lane_names(lanes: list[str], rows: dict[str, int], top: float) -> str:
    """The lanes' names laid over the frame, each at the top of its lane: they stay at the
    frame's left edge while the drawing scrolls under them (edition.css). A screen reader
    reads the drawing's own names instead."""
    spans, y = [], top
    for lane in lanes:
        spans.append(f'<span class="traffic-name" style="top:{y + 1:.0f}px">{escape_html(lane)}</span>')
        y += NAME_HEIGHT + rows[lane] * LANE_HEIGHT
    return '<div class="traffic-names" aria-hidden="true" data-pagefind-ignore="all">' + "".join(spans) + "</div>"


def caption(shown: list) -> str:
    """What the drawing spans, and that it scrolls: a screen shows only part of a drawing
    wider than the page, and without it a reader takes the edge of the frame for the end of
    the documents."""
    months = [ym for ym in shown if ym is not None]
    first, last = (day_month_year(f"{y}-{m:02d}") for y, m in (months[0], months[-1]))
    span = (f"The drawing runs from {first} to {last}" if first != last else f"The drawing shows {first}")
    gap = " (“…” marks the years without a cited document)" if None in shown else ""
    return (f'<p class="traffic-caption">{escape_html(span + gap)}. Where it is wider than the screen, it opens '
            "at its latest months: scroll it sideways for the earlier ones (with its scroll bar, or with the "
            "arrow keys once it is selected); a shadow at its edge shows that it goes on.</p>")


def _rows(marks: list[Mark], shown: list, lanes: list[str]):
    """Each lane's marks with their x and row: a mark too close to the last one on a row
    goes on the next row."""
    placed: dict[str, list] = {lane: [] for lane in lanes}
    rows: dict[str, int] = {}
    for lane in lanes:
        ends: list[float] = []      # per row: the x of its last mark
        for mark in sorted((m for m in marks if m.lane == lane), key=lambda m: (m.day, m.key)):
            x = x_of(mark.day, shown)
            row = next((i for i, end in enumerate(ends) if x - end >= NEAR), len(ends))
            if row == len(ends):
                ends.append(x)
            ends[row] = x
            placed[lane].append((mark, x, row))
        rows[lane] = max(1, len(ends))
    return placed, rows


def _style(texts: tuple[str, ...]) -> Style:
    return STYLES.get(texts, OTHER)


def _shape(style: Style, x: float, y: float, label: str = "") -> str:
    common = f'class="mark" fill="{style.colour}" stroke="#fff" stroke-width="1"'
    if style.name == "circle":
        return f'<circle {common} cx="{x:.1f}" cy="{y:.1f}" r="{MARK}"/>'
    if style.name == "square":
        return f'<rect {common} x="{x - MARK + 1:.1f}" y="{y - MARK + 1:.1f}" width="{2 * MARK - 2}" height="{2 * MARK - 2}"/>'
    if style.name == "diamond":
        return (f'<polygon {common} points="{x:.1f},{y - MARK - 1:.1f} {x + MARK + 1:.1f},{y:.1f} '
                f'{x:.1f},{y + MARK + 1:.1f} {x - MARK - 1:.1f},{y:.1f}"/>')
    return (f'<polygon {common} points="{x:.1f},{y - MARK:.1f} {x + MARK:.1f},{y + MARK:.1f} '
            f'{x - MARK:.1f},{y + MARK:.1f}"/>')


def _mark_link(mark: Mark, x: float, y: float) -> str:
    title = escape_html(mark.title)
    # xlink:href, not href: the theme's instant navigation re-assigns every relative [href]
    # after a page loads, and an SVG link's href cannot be assigned (a TypeError that stops it).
    return (f'<a xlink:href="{escape_html(mark.href or f"../{mark.key}/")}" aria-label="{title}" data-key="{escape_html(mark.key)}">'
            f"<title>{title}</title>{_shape(_style(mark.texts), x, y)}</a>")


def legend(texts: dict[str, str]) -> str:
    """The key to the shapes, as text beside each shape (above the drawing, so it is read
    whole on a narrow screen)."""
    items = []
    for ids, style in STYLES.items():
        if all(t in texts for t in ids):
            shape = (f'<svg width="{2 * MARK + 4}" height="{2 * MARK + 4}" aria-hidden="true" '
                     f'style="vertical-align:middle">{_shape(style, MARK + 2, MARK + 2)}</svg>')
            items.append(f'<span class="traffic-key" style="white-space:nowrap">{shape} Cited in '
                         + " and ".join(escape_html(texts[t]) for t in ids) + "</span>")
    return '<p class="traffic-legend">' + " &nbsp; ".join(items) + "</p>"


def _axis(shown: list, top: float, height: float) -> list[str]:
    out, x = [], LABEL_WIDTH
    for ym in shown:
        if ym is None:
            out.append(f'<text class="month" x="{x + BREAK_WIDTH / 2:.0f}" y="{top - 8:.0f}" '
                       f'text-anchor="middle">…</text>')
            x += BREAK_WIDTH
            continue
        year, month = ym
        out.append(f'<line class="rule" x1="{x:.0f}" x2="{x:.0f}" y1="{top - 20:.0f}" y2="{height:.0f}"/>')
        label = calendar.month_abbr[month] + (f" {year}" if month == 1 or x == LABEL_WIDTH or
                                              _after_break(shown, ym) else "")
        out.append(f'<text class="month" x="{x + 3:.0f}" y="{top - 8:.0f}">{escape_html(label)}</text>')
        x += MONTH_WIDTH
    return out


def _after_break(shown: list, ym) -> bool:
    index = shown.index(ym)
    return index > 0 and shown[index - 1] is None
