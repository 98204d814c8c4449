"""Notes on the apparatus: what a careful editor would flag, computed from the
resolved citations (never written by hand). The checks are general, not tuned to
known cases; each finding names the notes and the form each one prints: the note's own
characters (never a form rebuilt from the resolved citation or taken from an entry), or
NOT_PRINTED where a note prints none, or, for a form no note prints, where it is printed.

- one archival locator cited for different documents;
- one document cited with different dates, leaves, correspondents or descriptions;
- archival locators written differently (opis "01" and "1"), shown as printed;
- a work whose title, place, publisher, year, series, volume or page range is written
  differently from note to note;
- a publisher or place written in near forms across the notes and the bibliography;
- names spelt nearly alike from note to note (one name, or two words);
- a text's date a few days from the date of the document its note cites;
- other editions of one work;
- one document cited from two archives;
- segments settled by the editors in the reviewed mapping file.
"""
from __future__ import annotations

import difflib
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
import datetime

from ..model.entry import Entry
from .chronology import DAY, PASSAGE
from .citations.locators import ARCHIVAL, DAY_MONTH_YEAR, MONTH_DAY_YEAR
from ..model.citations import IBID, IDENTIFIED, Citation, NoteCitations
from .citations.resolve import normalise
from ..errors import EditionError
from ..model.inlines import plain_text
from ..load.not_variants import NotVariant

NoteId = tuple[str, int]
# Each form as printed (the note's own characters), and the notes that print it; NOT_PRINTED
# with the notes that print none; a form no note prints says where it is printed instead:
# (form, (), "in the text"), (form, (), "in the bibliography"),
# (form, (), "as Wilson Center Digital Archive prints it").
Forms = tuple[tuple[str, tuple[NoteId, ...]] | tuple[str, tuple[NoteId, ...], str], ...]
EDITION_LINKS = {"translationof": "a translation of", "origpubas": "another edition of",
                 "adaptedfrom": "adapted from"}


@dataclass(frozen=True)
class Finding:
    kind: str
    summary: str
    notes: tuple[NoteId, ...]
    keys: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()   # for spelling findings: the two spellings
    forms: Forms = ()                     # the form each note prints






def find_issues(entries: dict[str, Entry], notes: list[NoteCitations], texts,
                not_variants: list[NotVariant], passages, words: dict[str, dict[int, str]],
                printed: list[Printed]) -> list[Finding]:
    """`passages`: the texts' dated passages (chronology.find_passages); `words`: the notes'
    plain text (note_words); `printed`: the citations in the authors' words
    (printed_citations): each found once per build."""
    spelling = name_variants(entries, notes, words)
    for pair in not_variants:
        matching = [f for f in spelling if f.words == pair.words]
        if not matching:
            raise EditionError(pair.position, f"the spelling check no longer finds {' / '.join(sorted(pair.words))}; "
                                              "remove the entry")
        spelling = [f for f in spelling if f.words != pair.words]
    return (same_locator(entries, printed) + document_cited_differently(entries, printed)
            + locators_written_differently(printed) + works_cited_differently(entries, printed)
            + imprint_near_misses(entries, printed, notes)
            + spelling + text_disagrees_with_note(entries, printed, texts, passages)
            + other_editions(entries, notes) + two_archives(entries, notes) + settled_by_mapping(notes))


# --- what each note prints -------------------------------------------------------

@dataclass(frozen=True)
class Printed:
    """A citation in the author's words, with the characters of the note that make it."""
    note: NoteId
    citation: Citation
    words: str


def note_words(texts) -> dict[str, dict[int, str]]:
    """text id -> note number -> the note's plain text (the offsets citations count in)."""
    return {t.meta.id: {n.number: plain_text(n.inlines) for n in t.notes} for t in texts}


def printed_citations(notes, words) -> list[Printed]:
    return [Printed((n.text_id, n.note), c, words[n.text_id][n.note][c.start:c.end])
            for n in notes for c in n.citations if c.start >= 0 and c.relation != IDENTIFIED]


def forms_by_note(pairs) -> Forms:
    """(form, note) pairs -> each form with its notes, in the order of the notes."""
    found: dict[str, list[NoteId]] = defaultdict(list)
    for form, note in sorted(pairs, key=lambda p: (p[1], p[0])):
        if note not in found[form]:
            found[form].append(note)
    return tuple((form, tuple(found[form])) for form in found)


def _printed_date(words: str) -> str:
    found = _first_date(words)
    return found[0] if found else "no date"


def _first_date(words: str) -> re.Match | None:
    found = [m for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR) for m in pattern.finditer(words)]
    return min(found, key=lambda m: m.start()) if found else None


def _as_printed(form: str, words: str) -> str:
    """A form taken from the resolved citation stands only where the note prints those very
    characters, as a whole ("5" is not printed by "Ibid., 54"); otherwise the note prints none
    (a marker, never a form the note lacks)."""
    printed = form and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", words)
    return form if printed else NOT_PRINTED


def printed_part(p: Printed, field: str) -> str:
    """The note's characters for one field of a citation: "APRF", "delo. 333" (a locator's
    part with its label, as printed), "59–61" (leaves or pages), "3 July 1950", a correspondent;
    NOT_PRINTED where the note prints none (an "Ibid." repeats the leaves, it prints none)."""
    if field == "date":
        found = _first_date(p.words)
        return found[0] if found else NOT_PRINTED
    if field in ("sender", "recipient"):
        names = p.citation.cited_names
        return _as_printed(names[0 if field == "sender" else -1] if len(names) > 1 else "", p.words)
    match = ARCHIVAL.search(p.words)
    if field in PARTS:
        return _labelled(p.words, match, field) if match and match[field] else NOT_PRINTED
    if field == "archive":
        return match["archive"] if match else NOT_PRINTED
    if field == "leaves" and match and match["listy"]:
        return match["listy"]
    return _as_printed(p.citation.pinpoint or "", p.words)   # leaves outside a locator, a work's pages


def _labelled(words: str, match: re.Match, part: str) -> str:
    """"opis. 01": a locator's part with its label, as the note prints them."""
    return words[words.rindex(part, match.start(), match.start(part)):match.end(part)]


def _span(words: str, parts) -> str:
    """The note's characters from the first of `parts` to the end of the last ("Shtykov to
    Stalin"; "Stalin from a representative of ..." where the note names the recipient first)."""
    found = [(words.find(part), part) for part in parts if part]
    if not found or any(at < 0 for at, _ in found):
        return NOT_PRINTED
    return words[min(at for at, _ in found):max(at + len(part) for at, part in found)]


def _label(entry: Entry) -> str:
    where = f" ({entry.locator})" if entry.locator else ""   # the short label names the archive
    return f"{entry.key}{where}"


# --- one document, cited differently -------------------------------------------

ASPECTS = (
    # kind, what differs, the form a note prints (its own characters), the value compared
    ("one document, different dates", "dates", lambda p: printed_part(p, "date"),
     lambda p: p.citation.cited_date),
    ("one document, different leaves", "leaves", lambda p: printed_part(p, "leaves"),
     lambda p: p.citation.pinpoint or ""),
    ("one document, different correspondents", "correspondents",
     lambda p: _span(p.words, p.citation.cited_names),
     lambda p: tuple(n.casefold() for n in p.citation.cited_names)),
    ("one document, different descriptions", "descriptions", lambda p: _as_printed(p.citation.cited_title, p.words),
     lambda p: _description(p.citation)),
)


def _description(citation: Citation) -> str:
    """The description without its correspondents (those are compared on their own)."""
    words = citation.cited_title.casefold()
    for name in citation.cited_names:
        words = words.replace(name.casefold(), " ")
    return " ".join(words.split())


def document_cited_differently(entries, printed: list[Printed]) -> list[Finding]:
    """An archival document whose notes give it different dates, leaves, correspondents or
    descriptions: the notes, and what each one prints."""
    by_key: dict[str, list[Printed]] = defaultdict(list)
    for p in printed:   # an "Ibid." repeats a citation: it prints no form of its own
        if entries[p.citation.key].is_archival and p.citation.relation != IBID:
            by_key[p.citation.key].append(p)
    findings = []
    for key, cites in sorted(by_key.items()):
        if len({p.note for p in cites}) < 2:
            continue
        for kind, what, form, value in ASPECTS:
            if len({value(p) for p in cites}) > 1:
                findings.append(Finding(kind, f"{_label(entries[key])} is cited with different {what}.",
                                        tuple(sorted({p.note for p in cites})), (key,),
                                        forms=forms_by_note((form(p), p.note) for p in cites)))
    return findings


# --- locators written differently --------------------------------------------------

PARTS = ("fond", "opis", "delo", "papka")


def locators_written_differently(printed: list[Printed]) -> list[Finding]:
    """The same fond, opis, delo or papka printed in two forms ("01" and "1"): each shown as
    its note prints it, label and all ("opis. 01"), so that a leading zero ("059a") is never
    normalised away. The forms counted are the values; a note's form is its own characters."""
    forms: dict[tuple, set[tuple[str, str, NoteId]]] = defaultdict(set)
    for p in printed:
        match = ARCHIVAL.search(p.words)
        if not match:
            continue
        values = [match[part] or "" for part in PARTS]
        for i, part in enumerate(PARTS):
            if values[i]:
                above = tuple(_unpadded(v) for v in values[:i])
                forms[(match["archive"], above, part, _unpadded(values[i]))].add(
                    (values[i], _labelled(p.words, match, part), p.note))
    findings = []
    for (archive, above, part, _), found in sorted(forms.items()):
        values = {value for value, _, _ in found}
        if len(values) < 2:
            continue
        where = ", ".join([archive] + [f"{name} {value}" for name, value in zip(PARTS, above)])
        findings.append(Finding("locators written differently",
                                f"{where}: the {part} is printed in {len(values)} forms.",
                                tuple(sorted({n for _, _, n in found})),
                                forms=forms_by_note((form, note) for _, form, note in found)))
    return findings


def _unpadded(value: str) -> str:
    return re.sub(r"^0+(?=\w)", "", value)


# --- a work written differently -------------------------------------------------------

# The imprint a full citation prints: "(New York: Columbia University Press, 1994)",
# "(Washington, D.C.: Woodrow Wilson International Center for Scholars, July 2002)".
IMPRINT = re.compile(r"\((?:(?P<place>[^():;]+):\s*(?P<publisher>[^():;]+?),\s*)?"
                     r"(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?(?P<year>(?:1[89]|20)\d\d)\)")
VOLUME = re.compile(r"\bVol(?:ume|\.)\s*(?P<volume>[\dIVXLC]+)\b")
# A series: capitalised words ending in "Series", "Working Paper(s)" or "Bulletin".
SERIES = re.compile(r"(?P<series>(?:[A-Z][\w'’.-]*\s+)+(?:Working Paper Series|Working Papers?|Series|Bulletin))\b")
# An article's page range, after its issue's date: "Shixue yuekan 1 (2006): 45–61".
PAGE_RANGE = re.compile(r"\)\s*:\s*(?P<pages>\d+\s*[–-]\s*\d+)")
FIELDS = (("place", IMPRINT), ("publisher", IMPRINT), ("year", IMPRINT), ("series", SERIES),
          ("volume", VOLUME), ("pages", PAGE_RANGE))
PLURAL = {"place": "places", "publisher": "publishers", "year": "years", "series": "series",
          "volume": "volumes", "pages": "page ranges"}
NOT_PRINTED = "not printed"


def printed_field(words: str, field: str) -> str:
    """The form of one bibliographic field a citation prints, "" when it prints none."""
    pattern = dict(FIELDS)[field]
    match = pattern.search(words)
    return " ".join(match[field].split()).strip(" ,") if match and match[field] else ""


def works_cited_differently(entries, printed: list[Printed]) -> list[Finding]:
    """A published work cited in two or more notes (of one text or of several) whose notes
    print a bibliographic field differently: its title, place, publisher, year, series,
    volume or page range. A short citation ("Chen, China's Road, 112") prints no imprint
    and is compared on its title only; a full citation (one that prints a year) that leaves
    out a field another full citation prints is a difference too ("not printed")."""
    by_key: dict[str, list[Printed]] = defaultdict(list)
    for p in printed:
        if not entries[p.citation.key].is_archival and p.citation.relation != IBID:
            by_key[p.citation.key].append(p)
    findings = []
    for key, cites in sorted(by_key.items()):
        if len({p.note for p in cites}) < 2:
            continue
        titles: dict[str, list] = defaultdict(list)   # a full and a short title are not compared
        for p in cites:
            if p.citation.cited_title:
                titles[normalise(p.citation.cited_title)[0]].append((p.citation.cited_title.strip(" ,."), p.note))
        checks = [("title", pairs, _title_form) for pairs in titles.values()]
        checks += [(what, _field_forms(cites, what), lambda f: " ".join(f.split())) for what, _ in FIELDS]
        for what, pairs, compared in checks:
            if len({compared(f) for f, _ in pairs}) > 1:
                findings.append(Finding(f"one work, different {PLURAL.get(what, what + 's')}",
                                        f"{key}: its {what} is printed differently.",
                                        tuple(sorted({n for _, n in pairs})), (key,), forms=forms_by_note(pairs)))
    return findings


def _field_forms(cites: list[Printed], what: str) -> list[tuple[str, NoteId]]:
    """(form, note) for every citation that prints the field, and "not printed" for each
    full citation that does not."""
    pairs = []
    for p in cites:
        form = printed_field(p.words, what)
        if form:
            pairs.append((form, p.note))
        elif printed_field(p.words, "year"):
            pairs.append((NOT_PRINTED, p.note))
    return pairs if any(form != NOT_PRINTED for form, _ in pairs) else []


def _title_form(title: str) -> str:
    """What counts in a title's spelling: its letters, spaces and case, not the kind of
    quotation marks (which nesting changes)."""
    return " ".join(re.sub(r"[\"'‘’“”]", " ", title).split())


# --- publishers and places across the bibliography ------------------------------------------

# Abbreviations a publisher's or a place's name is written with; expanded before comparing.
ABBREVIATIONS = (("univ.", "university"), ("u.", "university"), ("pr.", "press"), ("&", "and"),
                 ("co.", "company"), ("inc.", ""), ("ltd.", ""), ("publ.", "publishers"))
NEAR_MISS = 0.85   # difflib ratio at or above which two different names are one name miswritten
IMPRINT_FIELDS = (("publisher", "publisher", "publisher names"), ("place", "location", "place names"))


def imprint_near_misses(entries, printed: list[Printed], notes) -> list[Finding]:
    """A publisher or place written in two near forms anywhere in the notes and the
    bibliography ("Stanford University Press", "Stanford Univ. Press"; "Zhongyang",
    "Zhongyong"): every form, with the notes whose words print it; a form only entries have
    is "in the bibliography" (a short reference to such an entry prints no publisher, so it
    is no note of that form). The finding's notes are those that print a form or cite an
    entry that has one, as a spelling finding's are."""
    cited_in = notes_citing(notes)
    findings = []
    for what, field, name in IMPRINT_FIELDS:
        where: dict[str, set[NoteId]] = defaultdict(set)      # form -> the notes that print it
        involved: dict[str, set[NoteId]] = defaultdict(set)   # ... and the notes citing its entries
        keys: dict[str, set[str]] = defaultdict(set)
        for p in printed:
            form = printed_field(p.words, what)
            if form:
                where[form].add(p.note)
                involved[form].add(p.note)
                keys[form].add(p.citation.key)
        for entry in entries.values():
            form = " ".join(entry.get(field).replace("{", "").replace("}", "").split())
            if form:
                involved[form] |= cited_in[entry.key]
                keys[form].add(entry.key)
        for group in _near_groups(sorted(keys)):
            findings.append(Finding(f"{name} written differently",
                                    f"The {what} is written in {len(group)} near forms: "
                                    + ", ".join(f"“{f}”" for f in group) + ".",
                                    tuple(sorted(set().union(*(involved[f] for f in group)))),
                                    tuple(sorted(set().union(*(keys[f] for f in group)))),
                                    forms=tuple(_imprint_form(f, where[f]) for f in group)))
    return findings


def _imprint_form(form: str, printing: set[NoteId]):
    return (form, tuple(sorted(printing))) if printing else (form, (), "in the bibliography")


def _near_groups(forms: list[str]) -> list[list[str]]:
    """Forms joined when any two are near misses of each other; groups of two or more."""
    group_of = {f: i for i, f in enumerate(forms)}
    for i, a in enumerate(forms):
        for b in forms[i + 1:]:
            if _near_miss(a, b) and group_of[a] != group_of[b]:
                old, new = group_of[b], group_of[a]
                group_of = {f: new if g == old else g for f, g in group_of.items()}
    groups: dict[int, list[str]] = defaultdict(list)
    for form in forms:
        groups[group_of[form]].append(form)
    return [g for g in groups.values() if len(g) > 1]


# Words many publishers' names share: two names are compared on their other words, so that
# "Oxford University Press" and "Stanford University Press" are not near.
GENERIC = {"university", "press", "publishers", "publishing", "publishing house", "chubanshe", "company",
           "books", "and", "the", "of"}


def _near_miss(a: str, b: str) -> bool:
    x, y = _expanded(a), _expanded(b)
    if x == y:
        return True   # the same name once its abbreviations and punctuation are set aside
    x, y = (" ".join(w for w in n.split() if w not in GENERIC) for n in (x, y))
    return bool(x and y) and difflib.SequenceMatcher(None, x, y).ratio() >= NEAR_MISS


@functools.lru_cache(maxsize=1024)
def _expanded(name: str) -> str:
    words = []
    for word in name.casefold().split():
        words.append(next((full for short, full in ABBREVIATIONS if word == short), word))
    return " ".join(re.sub(r"[^\w ]", "", " ".join(words)).split())


# --- the text and its note ------------------------------------------------------------

NEAR = 7   # days: a text's date this close to a cited document's date speaks of that document
# A sentence that speaks of a document being sent, not of an event a document reports.
SENDING = re.compile(r"\b(?:telegrams?|cables?|messages?|letters?|memorand\w+|wires?|delivered|sent|cabled|"
                     r"telegraphed|wrote)\b", re.I)


def _names_a_correspondent(sentence: str, entry: Entry) -> bool:
    names = [re.split(r"[\s(]", n.strip())[-1] for n in (entry.get("sender"), entry.get("recipient")) if n]
    return any(re.search(rf"\b{re.escape(n)}\b", sentence) for n in names if len(n) > 2)


def text_disagrees_with_note(entries, printed: list[Printed], texts, passages) -> list[Finding]:
    """A sentence that dates something to the day, a few days from the date of the document
    its note cites and on none of the cited documents' dates: a slip in one of them, or a
    document the sentence speaks of beside the one its note cites. The finding states the two
    dates; the reader judges."""
    dated: dict[NoteId, list[tuple[str, Printed]]] = defaultdict(list)
    for p in printed:
        when = p.citation.cited_date or entries[p.citation.key].get("date")
        if entries[p.citation.key].is_archival and len(when) == 10:
            dated[p.note].append((when, p))
    by_text: dict[str, list] = defaultdict(list)   # one pass over the passages, not one per text
    for event in passages:
        by_text[event.text_id].append(event)
    findings = []
    for text in texts:
        for event in by_text[text.meta.id]:
            if event.kind != PASSAGE or event.precision != DAY or event.start != event.end \
                    or not SENDING.search(event.snippet):
                continue
            for number in event.notes:
                documents = dated.get((text.meta.id, number), [])
                if not documents or any(when == event.start for when, _ in documents):
                    continue
                near = [(when, p) for when, p in documents if 0 < abs(_days(when, event.start)) <= NEAR
                        and _names_a_correspondent(event.snippet, entries[p.citation.key])]
                for when, p in near:
                    findings.append(Finding(
                        "the text and its note, different dates",
                        f"{text.meta.short}, ¶ {event.paragraph}, dates it “{event.expression}” "
                        f"(“{event.snippet}”); note {number} cites {p.citation.key}, dated {_printed_date(p.words)}.",
                        ((text.meta.id, number),), (p.citation.key,),
                        forms=((event.expression, (), "in the text"),
                               (printed_part(p, "date"), ((text.meta.id, number),)))))
    return findings


def _days(a: str, b: str) -> int:
    return (datetime.date.fromisoformat(a) - datetime.date.fromisoformat(b)).days


def same_locator(entries, printed: list[Printed]) -> list[Finding]:
    """One archival locator and leaves cited for different documents: each note's form is
    its own words for the document, its description and date as printed ("Telegram from
    Shtykov to Vyshinsky, 12 May 1950"), never the resolved citation's ISO date."""
    groups: dict[tuple, list[Printed]] = defaultdict(list)
    for p in printed:
        locator = entries[p.citation.key].locator
        if locator and p.citation.pinpoint:
            groups[(locator.normalised(), p.citation.pinpoint)].append(p)
    findings = []
    for (locator, listy), cites in sorted(groups.items()):
        keys = sorted({p.citation.key for p in cites})
        if len(keys) == 1:
            continue   # one document cited differently: document_cited_differently
        # the locator as printed ("fond 059a"), never its normalised form
        where = f"{locator[0]}, {entries[keys[0]].locator}, listy {listy}"
        findings.append(Finding("one locator, several documents",
                                f"{where} is cited for {len(keys)} different documents.",
                                tuple(p.note for p in cites), tuple(keys),
                                forms=forms_by_note((_described(p.words), p.note) for p in cites)))
    return findings


def _described(words: str) -> str:
    """A document as its note describes it: the words up to its date, or up to its locator
    where it prints no date ("Ibid." stays "Ibid.")."""
    date, locator = _first_date(words), ARCHIVAL.search(words)
    end = date.end() if date else locator.start() if locator else len(words)
    return words[:end].rstrip(" ,;") or words


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{4,}")
NAME_FIELDS = ("author", "editor", "sender", "recipient", "publisher", "location", "title", "booktitle")


@functools.lru_cache(maxsize=4096)  # the same fields are read for every citation of an entry
def _words(text: str) -> frozenset[str]:
    return frozenset({re.sub(r"['’]s$", "", w) for w in WORD.findall(text.replace("{", "").replace("}", ""))})


def _variant(a: str, b: str) -> bool:
    x, y = a.casefold(), b.casefold()
    if x == y or x[0] != y[0] or 2 * min(len(x), len(y)) < 0.85 * (len(x) + len(y)) or x in y or y in x:
        return False  # cheap tests first: building a SequenceMatcher costs more
    # difflib's quick_ratio (the letters the two share, in any order) bounds the ratio from
    # above; counted here, it turns away most pairs before a matcher is built.
    if 2.0 * _shared_letters(x, y) / (len(x) + len(y)) < 0.85:
        return False
    return difflib.SequenceMatcher(None, x, y).ratio() >= 0.85


def _shared_letters(x: str, y: str) -> int:
    """How many letters two words share, in any order (a letter twice in both counts twice)."""
    ours, theirs = _letter_counts(x), _letter_counts(y)
    return sum(min(n, theirs[letter]) for letter, n in ours.items() if letter in theirs)


@functools.lru_cache(maxsize=8192)  # each word is compared with many: its letters counted once
def _letter_counts(word: str) -> Counter:
    return Counter(word)


def _entry_words(entry) -> tuple[frozenset[str], frozenset[str]]:
    """The words of an entry's names and titles, and of its translated title."""
    return (frozenset().union(*(_words(entry.get(f)) for f in NAME_FIELDS)),
            _words(entry.get("translatedtitle")))


def name_variants(entries, notes, words) -> list[Finding]:
    """Names and titles spelt differently: in a note and the entry it cites
    (Shykov for Shtykov), or in two entries (Zhongyong for Zhongyang)."""
    spellings: dict[tuple[str, str], set[NoteId]] = defaultdict(set)
    by_entry: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for note in notes:
        for c in note.citations:
            if c.start < 0:
                continue
            cited = _words(words[note.text_id][note.note][c.start:c.end])
            if c.key not in by_entry:  # an entry is cited by several notes: its words once
                by_entry[c.key] = _entry_words(entries[c.key])
            known, translated = by_entry[c.key]
            for a in cited - translated - known:  # a word spelt as in the entry is no variant
                for b in known:
                    if _variant(a, b):
                        spellings[(b, a)].add((note.text_id, note.note))
    cited_in = notes_citing(notes)
    vocabulary: dict[str, set[str]] = defaultdict(set)
    for entry in entries.values():
        for field in NAME_FIELDS:
            for w in _words(entry.get(field)):
                vocabulary[w].add(entry.key)
    # Variants share their first letter and have similar lengths (a ratio of 0.85 needs the
    # longer word to be at most 2/0.85 - 1 = 1.35 times the shorter): compare only those.
    by_initial: dict[str, list[str]] = defaultdict(list)
    for word in sorted(vocabulary, key=lambda w: (len(w), w)):
        by_initial[word[0].casefold()].append(word)
    for names in by_initial.values():
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if len(b) > 1.36 * len(a):
                    break
                if not _variant(a, b):
                    continue
                first, second = sorted((a, b))  # the pair as before: alphabetical
                spellings[(first, second)] |= set().union(*(cited_in[k] for k in vocabulary[a] | vocabulary[b]))
    merged: dict[frozenset, tuple[tuple[str, str], set[NoteId]]] = {}
    for (a, b), found in sorted(spellings.items()):
        key = frozenset((a.casefold(), b.casefold()))
        shown, notes_so_far = merged.get(key, ((a, b), set()))
        merged[key] = (shown, notes_so_far | found)
    return [Finding("spelling", f"“{a}” and “{b}” are spelt nearly alike.", tuple(sorted(found)), words=key,
                    forms=_spelling_forms((a, b), words, found))
            for key, ((a, b), found) in sorted(merged.items(), key=lambda item: item[1][0])]


def _spelling_forms(pair: tuple[str, str], words: dict, found: set[NoteId]) -> Forms:
    """Each spelling with the notes that print it (a spelling only an entry has: no notes).
    Only the notes of the finding count: "as adapted from" in a note that cites neither
    resolution is English, not a form of "Resolution adopted by"."""
    forms = []
    for spelling in pair:
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(spelling)}(?![\w-])")
        printing = tuple((text_id, number) for text_id, notes in words.items() for number, text in notes.items()
                         if (text_id, number) in found and pattern.search(text))
        forms.append((spelling, printing) if printing else (spelling, (), "in the bibliography"))
    return tuple(forms)


def notes_citing(notes) -> dict[str, set[NoteId]]:
    """Entry key -> the notes that cite it."""
    found: dict[str, set[NoteId]] = defaultdict(set)
    for note in notes:
        for c in note.citations:
            found[c.key].add((note.text_id, note.note))
    return found


def other_editions(entries, notes) -> list[Finding]:
    cited_in = notes_citing(notes)
    findings = []
    for entry in entries.values():
        relation = EDITION_LINKS.get(entry.get("relatedtype"))
        if not relation:
            continue
        for other in entry.related_keys:
            involved = tuple(sorted(cited_in[entry.key] | cited_in[other]))
            findings.append(Finding("other editions", f"{entry.key} is {relation} {other}.",
                                    involved, (entry.key, other)))
    return findings


def two_archives(entries, notes) -> list[Finding]:
    same: dict[tuple, list[Entry]] = defaultdict(list)
    for entry in entries.values():
        if entry.locator:
            same[(entry.get("title"), entry.get("date"))].append(entry)
    findings = []
    for (title, date), group in sorted(same.items()):
        archives = sorted({e.get("archive") for e in group})
        if len(archives) > 1:
            keys = tuple(e.key for e in group)
            involved = tuple(sorted({(n.text_id, n.note) for n in notes for c in n.citations if c.key in keys}))
            findings.append(Finding("one document, two archives",
                                    f"“{title}”, {date}, is cited from {' and '.join(archives)}.", involved, keys))
    return findings


def settled_by_mapping(notes) -> list[Finding]:
    findings = []
    for note in notes:
        keys = tuple(c.key for c in note.citations if c.settled_by)
        if keys:  # where the mapping stands is the editors' business, not the reader's
            findings.append(Finding("settled by the editors",
                                    "Which works this note cites was settled by the editors, because its "
                                    "wording alone could not decide.",
                                    ((note.text_id, note.note),), keys))
    return findings
