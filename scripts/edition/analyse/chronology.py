"""Dated events: every date the two texts write, and every dated document their notes cite.

Pure: the texts, the resolved notes and the bibliography in, a sorted list of events
out. Dates are read as written ("25 June 1950", "May 13–16, 1950", "on 1 October",
"in late August", "in 1945") and normalised to a period of calendar days with a
precision: a day (or a run of days), a part of a month, a month, or a year.
"""
from __future__ import annotations

import calendar
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from ..model.entry import Entry
from ..model.entry import bare
from ..model.citations import NoteCitations
from ..model.layout import note_places, paragraphs_with_pages
from ..model.text import Emphasis, Link, NoteRef, Paragraph, Plain, Strong, Text

DAY, MONTH_PART, MONTH, YEAR = "day", "month-part", "month", "year"
PASSAGE, DOCUMENT = "passage", "document"
PRECISION_RANK = {DAY: 0, MONTH_PART: 1, MONTH: 2, YEAR: 3}
MONTHS = tuple(calendar.month_name)[1:]
SNIPPET_LIMIT = 200


# --- periods ------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    start: date
    end: date
    precision: str

    @property
    def approximate(self) -> bool:
        """Only a part of a month ("late August") is approximate: its days are the editors'
        reading of the words (late = 21 to the month's end). A year or a month as written
        ("in 1910", "July 1950") is exact; it names no day, which its precision says."""
        return self.precision == MONTH_PART

    @property
    def sort_key(self) -> tuple:
        # Earlier first; of two periods starting together the longer first, so that
        # "July 1950" heads the days of July.
        return (self.start, -self.end.toordinal(), PRECISION_RANK[self.precision])

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end

    def within(self, other: "Period") -> bool:
        return other.start <= self.start and self.end <= other.end

    @property
    def label(self) -> str:
        s, e = self.start, self.end
        if self.precision == YEAR:
            return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
        if self.precision == MONTH:
            return _month_range_label(s, e)
        if self.precision == MONTH_PART:
            return f"{month_part(s.day)}{'-' if s.day == 11 else ' '}{MONTHS[s.month - 1]} {s.year}"
        return _day_range_label(s, e)

    @property
    def anchor(self) -> str:
        s, e = self.start.isoformat(), self.end.isoformat()
        if self.precision == YEAR:
            return f"d{s[:4]}" + (f"--{e[:4]}" if s[:4] != e[:4] else "")
        if self.precision == MONTH:
            return f"d{s[:7]}" + (f"--{e[:7]}" if s[:7] != e[:7] else "")
        if self.precision == MONTH_PART:
            return f"d{s[:7]}-{month_part(self.start.day)}"
        return f"d{s}" + (f"--{e}" if s != e else "")


def month_part(first_day: int) -> str:
    return "early" if first_day <= 10 else "mid" if first_day <= 20 else "late"


def _month_range_label(s: date, e: date) -> str:
    if (s.year, s.month) == (e.year, e.month):
        return f"{MONTHS[s.month - 1]} {s.year}"
    if s.year == e.year:
        return f"{MONTHS[s.month - 1]}–{MONTHS[e.month - 1]} {s.year}"
    return f"{MONTHS[s.month - 1]} {s.year} – {MONTHS[e.month - 1]} {e.year}"


def _day_range_label(s: date, e: date) -> str:
    if s == e:
        return f"{s.day} {MONTHS[s.month - 1]} {s.year}"
    if (s.year, s.month) == (e.year, e.month):
        return f"{s.day}–{e.day} {MONTHS[s.month - 1]} {s.year}"
    if s.year == e.year:
        return f"{s.day} {MONTHS[s.month - 1]} – {e.day} {MONTHS[e.month - 1]} {s.year}"
    return f"{_day_range_label(s, s)} – {_day_range_label(e, e)}"


# --- events ---------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Citing:
    """A note that cites a dated document, and the paragraph where its marker stands."""
    text_id: str
    note: int
    paragraph: int
    page: str
    relation: str = ""       # "identified": the editor, not the author, ties the note to it
    cited_date: str = ""     # the note's own date for the document, when it differs


@dataclass(frozen=True)
class Event:
    start: str               # ISO dates, both inclusive
    end: str
    precision: str           # DAY | MONTH_PART | MONTH | YEAR
    kind: str                # PASSAGE | DOCUMENT
    text_id: str = ""
    paragraph: int = 0
    page: str = ""           # the section page (docs/-relative) that holds the paragraph
    expression: str = ""     # the date exactly as written
    position: int = -1       # where it stands in the paragraph's plain text
    snippet: str = ""        # the sentence around it, plain text
    snippet_at: int = -1     # where the expression stands in the snippet
    notes: tuple[int, ...] = ()   # the notes whose markers stand in that sentence
    key: str = ""            # documents: the bibliography key
    citing: tuple[Citing, ...] = ()

    @functools.cached_property  # asked for in every row's comparisons: made once
    def period(self) -> Period:
        return Period(date.fromisoformat(self.start), date.fromisoformat(self.end), self.precision)


def extract_events(texts: list[Text], notes_citations: list[NoteCitations],
                   entries: list[Entry], passages: list[Event] | None = None) -> list[Event]:
    """Every dated passage (`passages`, when they have been read already) and document."""
    events = list(passages) if passages is not None else find_passages(texts)
    events += document_events(texts, notes_citations, entries)
    order = {text.meta.id: i for i, text in enumerate(texts)}
    return sorted(events, key=lambda e: (e.period.sort_key, e.kind != PASSAGE, order.get(e.text_id, -1),
                                         e.paragraph, e.position, e.key))


# --- reading dates ----------------------------------------------------------------

_M = "(?:" + "|".join(MONTHS) + r")\b"
_D = r"(?:[12]\d|3[01]|[1-9])(?!\d)"            # 1–31, never the head of a longer number
_Y = r"(?:1[89]\d\d|20\d\d)(?![\w/–-]|['’]s\b)"  # "1950s" and "1950's" are decades, not years
_DASH = r"\s?[–-]\s?"
# What a date expression can begin with: a lead's letter, a day's or a year's digit, a
# month's capital, a part of a month ("early", "mid", "late", "the end of"). Checked first,
# it spares the patterns most of the words they would otherwise be tried at.
_FIRST = "(?=[1-9OoIiFfBbSsUuAaDdTtEeMmLl" + "".join(sorted({m[0] for m in MONTHS})) + "])"
_LEAD = (r"(?<![\w-])" + _FIRST + r"(?P<lead>(?:[Oo]n|[Ii]n|[Ff]rom|[Bb]y|[Ss]ince|[Uu]ntil|[Aa]t|[Dd]uring|[Bb]etween"
         r"|[Tt]owards|[Tt]hroughout|[Aa]s of|[Aa]s early as)\s+)?")
_PART = r"(?P<part>[Ee]arly|[Mm]id-?|[Ll]ate|(?:[Tt]he\s+)?end\s+of)\s*"


def _p(body: str) -> re.Pattern:
    return re.compile(_LEAD + body.format(M=_M, D=_D, Y=_Y, DASH=_DASH, PART=_PART))


# Each pattern names its parts d1/m1/y1 (start) and d2/m2/y2 (end); the longest
# match at the earliest place wins, so "13 May 1950" is never read as "May 1950".
PATTERNS = {
    "days across months": _p(r"(?P<d1>{D})\s+(?P<m1>{M})(?:,?\s+(?P<y1>{Y}))?(?:\s+(?:to|until)\s+|{DASH})"
                             r"(?P<d2>{D})\s+(?P<m2>{M})(?:,?\s+(?P<y2>{Y}))?"),
    "days": _p(r"(?P<d1>{D}){DASH}(?P<d2>{D})\s+(?P<m1>{M})(?:,?\s+(?P<y2>{Y}))?"),
    "US days": _p(r"(?P<m1>{M})\s+(?P<d1>{D}){DASH}(?P<d2>{D})(?:,\s+(?P<y2>{Y}))?"),
    "day": _p(r"(?P<d1>{D})\s+(?P<m1>{M})(?:,?\s+(?P<y2>{Y}))?"),
    "US day": _p(r"(?P<m1>{M})\s+(?P<d1>{D})(?!{DASH}\d)(?:,\s+(?P<y2>{Y}))?"),
    "month part": _p(r"{PART}(?P<m1>{M})(?:,?\s+(?P<y2>{Y}))?"),
    "months": _p(r"(?P<m1>{M})(?:\s+(?:and|to)\s+|{DASH})(?P<m2>{M})(?:,?\s+(?P<y2>{Y}))?"),
    "month of two years": _p(r"(?P<m1>{M})\s+(?:of\s+)?(?P<y1>{Y})\s+and\s+(?P<y2>{Y})"),
    "month": _p(r"(?P<m1>{M})(?:,?\s+(?:of\s+)?(?P<y2>{Y}))?"),
    "year": _p(r"(?P<y2>{Y})"),
}


@dataclass(frozen=True)
class Found:
    """A date expression in a paragraph, normalised."""
    start: int
    end: int
    periods: tuple[Period, ...]
    year: int | None         # the year it names with a month, which later dates inherit


def find_dates(text: str, context_year: int | None) -> list[Found]:
    """The date expressions of a paragraph's text, in order; a date without a year takes
    the year of the last one that named a month and a year before it."""
    found = []
    for match in _longest_first(text):
        periods, year = _normalise(match, context_year)
        if periods:
            found.append(Found(match.start(), match.end(), periods, year))
            context_year = year or context_year
    return found


_ANY_DATE = re.compile(_M + "|" + _Y)  # no month and no year: no date to read


# A date expression begins at most 45 characters before its first month or year (a lead,
# "the end of", a range of days) and ends well within 80 after it. Only the stretches of
# text around a month or a year are searched: a fifth of the texts, not all of it.
_BEFORE, _AFTER = 45, 80


def _stretches(text: str) -> list[list[int]]:
    stretches: list[list[int]] = []
    for anchor in _ANY_DATE.finditer(text):
        start, end = max(0, anchor.start() - _BEFORE), min(len(text), anchor.start() + _AFTER)
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = end
        else:
            stretches.append([start, end])
    return stretches


def _longest_first(text: str) -> list[re.Match]:
    candidates = sorted((m for start, end in _stretches(text) for p in PATTERNS.values()
                         for m in p.finditer(text, start, end)),
                        key=lambda m: (m.start(), -m.end()))
    chosen, reached = [], 0
    for match in candidates:
        if match.start() >= reached:
            chosen.append(match)
            reached = match.end()
    return chosen


def _normalise(match: re.Match, context_year: int | None) -> tuple[tuple[Period, ...], int | None]:
    g = {k: v for k, v in match.groupdict().items() if v}
    try:
        if "m1" not in g:  # a year standing alone: dated, but it sets no year for what follows
            return (_year(int(g["y2"])),), None
        if g["m1"] == "May" and len(g) == 1:
            return (), None  # a bare "May" without a preposition may be the verb
        if "y1" in g and "d1" not in g:  # "May of 1949 and 1950"
            return tuple(_month(int(g[y]), _month_number(g["m1"])) for y in ("y1", "y2")), int(g["y2"])
        year = int(g["y2"]) if "y2" in g else int(g["y1"]) if "y1" in g else context_year
        if year is None:
            return (), None  # no year anywhere before it: it cannot be placed
        explicit = year if ("y1" in g or "y2" in g) else None
        return (_period(g, year),), explicit
    except ValueError:  # "31 June": not a day of the calendar
        return (), None


def _period(g: dict[str, str], year: int) -> Period:
    m1 = _month_number(g["m1"])
    m2 = _month_number(g.get("m2", g["m1"]))
    y1 = int(g["y1"]) if "y1" in g else year if m1 <= m2 else year - 1
    if "part" in g:
        return _month_part(year, m1, g["part"])
    if "d1" not in g:
        return Period(date(y1, m1, 1), _last_day(year, m2), MONTH)
    d2 = int(g.get("d2", g["d1"]))
    return Period(date(y1, m1, int(g["d1"])), date(year, m2, d2), DAY)


def _month_part(year: int, month: int, part: str) -> Period:
    part = part.lower()
    first, last = (1, 10) if part.startswith("early") else (11, 20) if part.startswith("mid") else (21, None)
    end = _last_day(year, month) if last is None else date(year, month, last)
    return Period(date(year, month, first), end, MONTH_PART)


def _month(year: int, month: int) -> Period:
    return Period(date(year, month, 1), _last_day(year, month), MONTH)


def _year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), YEAR)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_number(name: str) -> int:
    return MONTHS.index(name) + 1


# --- passages -----------------------------------------------------------------------

def find_passages(texts: list[Text]) -> list[Event]:
    """Every dated passage of the texts, text by text."""
    return [event for text in texts for event in text_events(text)]


def text_events(text: Text) -> list[Event]:
    """Every date expression in the paragraphs of one text, with its sentence and notes."""
    events: list[Event] = []
    context_year: int | None = None  # reset for each text
    located = list(paragraphs_with_pages(text))
    for i, (paragraph, page) in enumerate(located):
        words, markers = words_and_markers(paragraph.inlines)
        following = located[i + 1][0] if i + 1 < len(located) else None
        for found in find_dates(words, context_year):
            context_year = found.year or context_year
            events += _passage_events(text, page, paragraph, words, markers, following, found)
    return events


def words_and_markers(spans) -> tuple[str, list[tuple[int, int]]]:
    """The paragraph's plain text (as readers.inline.plain_text gives it) and, for each
    note marker, (offset in that text, note number)."""
    words: list[str] = []
    markers: list[tuple[int, int]] = []

    def walk(items, offset: int) -> int:
        for span in items:
            if isinstance(span, Plain):
                words.append(span.value)
                offset += len(span.value)
            elif isinstance(span, (Emphasis, Strong, Link)):
                offset = walk(span.children, offset)
            elif isinstance(span, NoteRef):
                markers.append((offset, span.number))
        return offset

    walk(spans, 0)
    return "".join(words), markers


def _passage_events(text, page, paragraph, words, markers, following, found: Found) -> list[Event]:
    start, end = sentence_bounds(words, found.start)
    snippet, at = clip(words[start:end], found.start - start, found.end - found.start)
    notes = sentence_notes(markers, start, end, words, following)
    return [Event(p.start.isoformat(), p.end.isoformat(), p.precision, PASSAGE, text.meta.id,
                  paragraph.number, page, words[found.start:found.end], found.start, snippet, at, notes)
            for p in found.periods]


# A sentence ends at . ! or ? (with closing quotes or brackets) before a capital or
# a digit; "N.V. Roshchin", "T. Shtykov" and "U.S. Far East" are initials, not ends.
_SENTENCE_END = re.compile(r"[.!?][”’\"')\]]*(?=\s+[“‘\"'(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.)*[A-Z]$|\b(?:i\.e|e\.g|no|Gen|Mr|Dr|St|cf|vs)$")


def sentence_bounds(words: str, position: int) -> tuple[int, int]:
    start, end = 0, len(words)
    quoted = quotations(words)
    for boundary in _SENTENCE_END.finditer(words):
        # Initials end where the boundary starts: look at the 64 characters before it, not at
        # the whole text before it at every boundary (quadratic on long paragraphs).
        if _INITIALS.search(words, max(0, boundary.start() - 64), boundary.start()):
            continue
        if any(first < boundary.start() and boundary.end() < last for first, last in quoted):
            continue   # "that 'Korean comrades visited us recently. I will inform you…'" is one sentence
        if boundary.end() <= position:
            start = boundary.end()
        else:
            end = boundary.end()
            break
    while start < end and words[start].isspace():
        start += 1
    return start, end


# An opening quotation mark stands after a space, an opening bracket or a dash, before a
# word; a closing one after a word or a stop, before a space, a stop or the end. A straight
# ' between two letters (Mao's) is an apostrophe; so is a curly ’ anywhere but at a close.
_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–]))[“‘\"'](?=\w)")
_CLOSING = re.compile(r"(?<=[\w.,;:!?…)\]])[”’\"'](?=[\s.,;:!?…)\]—–]|$)")
_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'"}


@functools.lru_cache(maxsize=1024)   # asked again for every sentence of a paragraph
def quotations(words: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each quotation in a paragraph's words whose marks open and close in
    it: a sentence does not end inside one. A quotation left open (an apostrophe taken for
    a mark, a quotation running on into the next paragraph) counts as none."""
    spans, opened = [], None
    for mark in sorted(list(_OPENING.finditer(words)) + list(_CLOSING.finditer(words)), key=lambda m: m.start()):
        char = mark.group()
        if opened is None:
            if mark.re is _OPENING:
                opened = mark
        elif char == _PAIRS[opened.group()] and mark.re is _CLOSING:
            spans.append((opened.start(), mark.end()))
            opened = None
    return tuple(spans)


def clip(sentence: str, at: int, length: int, limit: int = SNIPPET_LIMIT) -> tuple[str, int]:
    """The sentence, or a window of it around the date cut at spaces with "…", at most
    limit characters; and where the date stands in it."""
    sentence = sentence.rstrip()
    if len(sentence) <= limit:
        return sentence, at
    room = limit - 2  # one "…" each side at most
    first = max(0, min(at - (room - length) // 2, len(sentence) - room))
    last = first + room
    if first > 0:  # start after a space, not inside a word
        space = sentence.find(" ", first, at)
        first = space + 1 if space >= 0 else first
    if last < len(sentence):
        space = sentence.rfind(" ", at + length, last)
        last = space if space >= 0 else last
    head, tail = ("…" if first > 0 else ""), ("…" if last < len(sentence) else "")
    return head + sentence[first:last] + tail, at - first + len(head)


def sentence_notes(markers, start: int, end: int, words: str, following: Paragraph | None) -> tuple[int, ...]:
    """The notes whose markers stand in the sentence; failing that, the next marker in the
    paragraph (a note covers the sentences before it); failing that, when the sentence is
    the last and leads into the next paragraph ("Mao argued," then a block quote), that
    paragraph's first."""
    inside = tuple(n for offset, n in markers if start < offset <= end)
    if inside:
        return inside
    later = [n for offset, n in markers if offset > end]
    if later:
        return (later[0],)
    leads_in = end >= len(words.rstrip()) and not re.search(r"[.!?][”’\"')\]]*\s*$", words)
    if following is not None and leads_in:
        _, next_markers = words_and_markers(following.inlines)
        return (next_markers[0][1],) if next_markers else ()
    return ()


# --- documents ------------------------------------------------------------------------

def is_dated_document(entry: Entry) -> bool:
    """An archival document or a bulletin's issue with a date; or any work dated to the
    day (a FRUS document, a newspaper article, an intelligence report): a work dated
    only by its year of publication is not an event."""
    if not entry.get("date"):
        return False
    return entry.is_archival or entry.type == "periodical" or len(entry.get("date")) == 10


def document_events(texts: list[Text], notes_citations: list[NoteCitations],
                    entries: list[Entry]) -> list[Event]:
    markers = note_places(texts)
    cited: dict[str, list] = defaultdict(list)   # entry key -> (note, citation): one pass over the notes
    for n in notes_citations:
        for c in n.citations:
            cited[c.key].append((n, c))
    events = []
    for entry in entries:
        if not is_dated_document(entry):
            continue
        citing = tuple(sorted(
            Citing(n.text_id, n.note, *markers[(n.text_id, n.note)], c.relation,
                   c.cited_date if c.cited_date and c.cited_date != entry.get("date") else "")
            for n, c in cited[entry.key]))
        period = iso_period(entry.get("date"))
        events.append(Event(period.start.isoformat(), period.end.isoformat(), period.precision, DOCUMENT,
                            snippet=document_label(entry), key=entry.key, citing=citing))
    return events


def iso_period(value: str) -> Period:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return Period(day, day, DAY)
    if len(parts) == 2:
        return _month(*parts)
    return _year(parts[0])


def document_label(entry: Entry) -> str:
    title = bare(entry.get("title"))
    return f"{title}, no. {entry.get('number')}" if entry.type == "periodical" else title
