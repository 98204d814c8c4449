"""A page per cited primary source (documents/<key>.md): what the edition knows of one
document in one place. Made from its bibliography entry, its reading (sources/readings.toml),
the notes that cite it and the sentences those notes close, and the findings of the
apparatus that name it.

Every value from a source reaches the page through write/escape.py.
"""
from __future__ import annotations

import json
import re
from itertools import groupby

from ...analyse.chronology import iso_period
from ...analyse.passages import CitingSentence
from ...model.citations import IDENTIFIED
from ...model.entry import Entry, bare
from ...model.readings import DIFFERS, EVIDENCE_FIELDS, NOT_FOUND, PRINTED
from ...model.text import AUTHOR
from ...analyse.readings.compare import LOCATOR_PARTS, NOT_COMPARED
from ..chicago import day_month_year, format_entry, short_label, to_markdown
from ..escape import escape_html, escape_text
from ..search_fields import PAGE, dated_fields, search_fields
from .basis import identification_label
from .bibliography import RELATED_LABEL, compared_fields
from .citation import edition_citation
from .context import SiteContext, relative, site_url
from .finding_anchor import finding_anchor, forms_words
from .readlinks import read_link, status_words

APPARATUS = "bibliography/apparatus.md"
INDEX = "documents/index.md"


def document_title(entry: Entry) -> str:
    """The document's title; an issue of a periodical with its number ('Neibu cankao, no. 171')."""
    title = bare(entry.get("title"))
    return f"{title}, no. {entry.get('number')}" if entry.type == "periodical" and entry.get("number") else title


# --- the passages that cite a document ---------------------------------------------------

# Quoted words: “…”, ‘…’, "…" and '…' (a straight single quote opens only after a space or
# a bracket, and closes only before a non-letter, so that "Stalin's" is no quotation).
QUOTED = re.compile(r"“[^”]+”|‘[^’]+’|\"[^\"]+\"|(?<![\w’'])'(?=\S)[^']+?(?<=\S)'(?![\w])")


def with_quotations(words: str) -> str:
    """Markdown for a passage, the words it quotes marked as quotation (<q>, keeping the
    printed quotation marks: the element adds none of its own)."""
    out, at = [], 0
    for match in QUOTED.finditer(words):
        out.append(escape_text(words[at:match.start()]))
        out.append(f'<q style="quotes: none">{escape_text(match[0])}</q>')
        at = match.end()
    return "".join(out) + escape_text(words[at:])


# --- the page --------------------------------------------------------------------------

def render_document_pages(edition, site: SiteContext) -> dict[str, str]:
    passages = edition.sentences
    printed: dict[str, list] = {}
    for p in edition.printed:
        printed.setdefault(p.citation.key, []).append(p)
    cited: dict[str, list] = {}
    for note in edition.notes:
        for c in note.citations:
            cited.setdefault(c.key, []).append((note.text_id, note.note, c))
    keys = list(site.document_pages)
    files = {}
    for k, key in enumerate(keys):
        page = DocumentPage(site, key, edition.findings, keys)
        files[site.document_pages[key]] = page.render(cited.get(key, []), printed.get(key, []), passages)
    return files


class DocumentPage:
    def __init__(self, site: SiteContext, key: str, findings, keys: list[str]):
        self.site, self.key, self.keys = site, key, keys
        self.entry = site.entries[key]
        self.page = site.document_pages[key]
        self.reading = site.readings.of(key)
        self.findings = [f for f in findings if key in f.keys]
        self.order = {text_id: k for k, text_id in enumerate(site.texts)}  # the texts' order

    def render(self, cited, printed, passages) -> str:
        entry = self.entry
        title = document_title(entry)
        out = _front_matter(escape_html(title), self._meta_tags(title))
        out += [f"[↑ Documents]({relative(self.page, INDEX)})", "{: .part-nav }", "",
                f"# {escape_text(title)}", ""]
        out += self._search_fields()
        out += self._record(cited, printed)
        out += self._where_to_read()
        out += self._passages(cited, passages)
        out += self._neighbours()
        out += self._cite()
        return "\n".join(out) + "\n"

    def _search_fields(self) -> list[str]:
        """The whole page is dated by the document's date, for the search box's date range."""
        date = self.entry.get("date")
        months, dates = dated_fields({PAGE: [iso_period(date)] if date else []})
        return search_fields({"month": months}, {"dates": dates})

    # the catalogue record

    def _record(self, cited, printed) -> list[str]:
        entry = self.entry
        # A conversation was sent by no one to anyone: its sender and recipient fields hold
        # its participants, as the Documents page and the document's neighbours list them.
        sender, recipient = self._people(entry.get("sender")), self._people(entry.get("recipient"))
        if entry.get("doctype") == "conversation":
            parties = [("Participants", " and ".join(p for p in (sender, recipient) if p))]
        else:
            parties = [("From", sender), ("To", recipient)]
        rows = [("Date", escape_text(day_month_year(entry.get("date")))),
                ("Kind", escape_text(bare(entry.get("doctype") or _kind(entry)).capitalize())),
                *parties,
                ("Title", escape_text(bare(entry.get("title")))),
                ("Held at" if self.entry.get("archive") else "Published in", escape_text(self._held_at())),
                ("In the bibliography", f"[{escape_text(short_label(entry, self.site.archives))}]"
                                        f"({self.site.entry_link(self.page, self.key)})")]
        # A list of terms and their values (a table would need a header row it has no use for).
        out = ["## Catalogue record", "", '<dl class="catalogue-record" markdown>']
        out += [line for name, value in rows if value
                for line in (f"<dt>{name}</dt>", f'<dd markdown="span">{value}</dd>')]
        out += ["</dl>", ""]
        out += ["", "### As each note prints it", ""]
        printed_by_note = {}
        for p in printed:
            printed_by_note.setdefault(p.note, []).append(p.words)
        for text_id, number, citation in self._sorted(cited):
            link = self.site.note_ref(self.page, text_id, number)
            if citation.relation == IDENTIFIED:
                out.append(f"- {link}: {identification_label()} ({self._why_identified(text_id, number)})")
            elif (text_id, number) in printed_by_note:
                forms = "; ".join(f"“{escape_text(w)}”" for w in dict.fromkeys(printed_by_note[(text_id, number)]))
                out.append(f"- {link}: {forms}")
            else:
                out.append(f"- {link}")
        out.append("")
        if self.findings:
            out += ["### Where the notes or the publisher disagree", ""]
            for finding in self.findings:
                summary = finding.summary
                for k in finding.keys:
                    summary = summary.replace(k, short_label(self.site.entries[k], self.site.archives))
                forms = forms_words(finding, lambda note: self.site.note_ref(self.page, *note))
                out.append(f"- {escape_text(summary)}" + (f" Forms: {forms}." if forms else "")
                           + f" [See the finding]({relative(self.page, APPARATUS)}#{finding_anchor(finding)})")
            out.append("")
        if self.reading is not None and self.reading.found and self.reading.publisher_adds:
            out += [f"### What the publisher adds ({escape_text(self.reading.publisher)})", "",
                    "Not in the notes: what the publisher's page gives besides.", ""]
            out += [f"- {escape_text(item)}" for item in self.reading.publisher_adds] + [""]
        return out

    def _people(self, value: str) -> str:
        """The names, each person the registers know linked to their page."""
        value = bare(value)
        out, at = [], 0
        for match in self.site.matcher.find(value):
            if match.kind != "person" or not match.linkable or match.start < at:
                continue
            url, _ = self.site.mention_target(self.page, match)
            out += [escape_text(value[at:match.start]), f"[{escape_text(match.form)}]({url})"]
            at = match.end
        return "".join(out) + escape_text(value[at:])

    def _why_identified(self, text_id: str, number: int) -> str:
        """Why the editors name the document: the note's words do not (an author's note), or
        the note's words are unknown (a Kissinger note), which is not the same claim."""
        note = next(n for n in self.site.texts[text_id].notes if n.number == number)
        if note.basis == AUTHOR:
            return "the note's words do not name this document"
        return "the note's wording was not seen"

    def _held_at(self) -> str:
        entry = self.entry
        if entry.locator:
            archive = self.site.archives.get(entry.get("archive"))
            name = f"{archive.name} ({archive.id})" if archive is not None and archive.has_locators else entry.get("archive")
            return f"{name}, {entry.locator}"
        if entry.get("archive") and entry.get("archive") in self.site.archives:
            return self.site.archives[entry.get("archive")].name
        return bare(entry.get("journaltitle") or entry.get("institution") or entry.get("howpublished"))

    # where to read it

    def _where_to_read(self) -> list[str]:
        out = ["## Where to read it", ""]
        reading, entry = self.reading, self.entry
        if reading is None:
            out += ["The editors have recorded no search for a publisher's page of this document.", ""]
        elif reading.found:
            checks = self.site.readings.checks.get(self.key, ())
            words = ("differs from the notes" if reading.comparison == DIFFERS
                     else "agrees with the notes in what could be compared"
                     if any(_short_of(c) for c in checks) else "agrees with the notes")
            out += [f"- {read_link(reading)}: read and compared by the editors on "
                    f"{escape_text(day_month_year(reading.checked))}; the page {words}."
                    + compared_fields(checks, reading.differences)
                    .replace("(apparatus.md)", f"({relative(self.page, APPARATUS)})"), ""]
            out += self._evidence()
        else:   # listed by the publisher, printed in, or not found in the searches recorded
            out += [f"- {status_words(reading)}", ""]
            if reading.status in (NOT_FOUND, PRINTED) and reading.searched:   # what the editors did, not what exists
                out += ["The editors' searches, recorded below, found no copy online that they could link; that "
                        "is not to say that none exists.", ""]
            if reading.searched:   # the full record, for the reader who wants to check it
                # The record of what the editors searched, not words of the document: not indexed.
                out += ['<details class="searches" markdown="1" data-pagefind-ignore>',
                        "<summary>The searches the editors recorded</summary>", "",
                        escape_text(reading.searched), "", "</details>", ""]
        printed_in = self._printed_in()
        if printed_in:
            out += ["### Published", ""] + [f"- {line}" for line in printed_in] + [""]
        if entry.get("note"):
            out += [f"<strong>Editor's note:</strong> {escape_text(bare(entry.get('note')))}", ""]
        return out

    def _evidence(self) -> list[str]:
        """What the publisher's page prints, each field as printed, and the comparison field by
        field; a field the editors declare different shows as differing."""
        evidence = self.reading.evidence
        printed = [f"{name} “{escape_text(getattr(evidence, name))}”" for name in EVIDENCE_FIELDS
                   if getattr(evidence, name)]
        out = [f"The publisher's page prints: {'; '.join(printed)}.", ""] if printed else []
        declared = {d.split(":", 1)[0].strip() for d in self.reading.differences}
        # A field neither compared nor given by either side says nothing; one that the entry
        # gives and the page does not is a fact about the page.
        checks = [c for c in self.site.readings.checks.get(self.key, ())
                  if c.outcome != NOT_COMPARED or _printed(c) or c.edition.strip()]
        if not checks:
            return out
        # In a block of its own: on a phone its rows stand one under another (face.css).
        out += ['<div class="comparison-table" markdown>', "",
                f"| Field | The entry and the notes | {escape_text(self.reading.publisher)} | Compared |",
                "|---|---|---|---|"]
        for c in checks:
            outcome = DIFFERS if c.field in declared or (c.field in LOCATOR_PARTS and "locator" in declared
                                                         and c.outcome == DIFFERS) else c.outcome
            out.append(f"| {escape_text(c.field)} | {escape_text(c.edition) or '—'} | {escape_text(_printed(c)) or 'none printed'} "
                       f"| {escape_text(outcome)} |")
        return out + ["", "</div>", ""]

    def _printed_in(self) -> list[str]:
        """Print publications the entry names: the collection it is printed in, the work it is
        known through, another edition."""
        entry, site = self.entry, self.site
        lines = []
        parent = site.entries.get(entry.get("crossref"))
        # A printed-in reading has said where it is printed, in the words of the note or page
        # that names it: the volume is not said twice.
        if parent is not None and not (self.reading is not None and self.reading.status == PRINTED):
            pages = f", {escape_text(entry.get('pages'))}" if entry.get("pages") else ""
            lines.append(f"Printed in [{_collection_title(parent)}]({site.entry_link(self.page, parent.key)}){pages}")
        for key in entry.related_keys:
            label = RELATED_LABEL.get(entry.get("relatedtype"), "Related to")
            lines.append(f"{label}: [{escape_text(short_label(site.entries[key], site.archives))}]"
                         f"({site.entry_link(self.page, key)})")
        if entry.get("howpublished"):
            # where the notes say it can be had (an archive, a database), not who published it
            lines.append(f"Available in: {escape_text(bare(entry.get('howpublished')))} (as the notes give it)")
        return lines

    # the passages that cite it

    def _passages(self, cited, passages) -> list[str]:
        out = ["## The passages that cite it", ""]
        if not cited:
            return out + ["No note cites this document directly: the entries that belong to it do.", ""]
        seen = set()
        for text_id, notes in groupby(self._sorted(cited), key=lambda c: c[0]):
            notes = [(t, n, c) for t, n, c in notes if (t, n) not in seen]
            if not notes:
                continue
            out += [f"### {escape_text(self.site.texts[text_id].meta.short)}", ""]
            for t, n, c in notes:
                seen.add((t, n))
                out += self._passage(passages[(t, n)], c)
        return out

    def _passage(self, passage: CitingSentence, citation) -> list[str]:
        text = self.site.texts[passage.text_id]
        place = f"{relative(self.page, passage.page)}#p{passage.paragraph_number}"
        printed_on = self.site.note_print_pages.get((passage.text_id, passage.note))
        where = [f"[¶ {passage.paragraph_number}]({place})",
                 f"p. {printed_on}" if printed_on else "no print page",
                 f"[n. {passage.note}]({self.site.note_link(self.page, passage.text_id, passage.note)})"]
        label = f" ({identification_label()})" if citation.relation == IDENTIFIED else ""
        words = with_quotations(passage.sentence) if passage.sentence else "(the marker stands alone)"
        source = f"{escape_text(text.meta.short)}, " + ", ".join(where) + label
        if passage.quotation:   # the text quotes the passage as a block
            return ['<figure class="document-passage" markdown>', "",
                    f"> {words}", "",
                    f"<figcaption markdown>{source}; a block quotation in the text</figcaption>", "",
                    "</figure>", ""]
        return ['<figure class="document-passage" markdown>', "",
                f"<p markdown>{words}</p>", "",
                f"<figcaption markdown>{source}</figcaption>", "",
                "</figure>", ""]

    def _sorted(self, cited):
        return sorted(cited, key=lambda c: (self.order[c[0]], c[1]))

    # neighbours

    def _neighbours(self) -> list[str]:
        dated = [k for k in self.keys if self.site.entries[k].get("date")]
        out = ["## Its neighbours", ""]
        if self.key in dated:
            k = dated.index(self.key)
            if k:
                out.append(f"- Previous by date: {self._doc_link(dated[k - 1])}")
            if k + 1 < len(dated):
                out.append(f"- Next by date: {self._doc_link(dated[k + 1])}")
        exchange = [k for k in dated if k != self.key and self._same_exchange(self.site.entries[k])]
        if exchange:
            month = day_month_year(self.entry.get("date")[:7])
            out += ["", f"Other documents between the same correspondents in {escape_text(month)}, by date:", ""]
            out += [f"- {self._doc_link(k)}" for k in exchange]
        if len(out) == 2:
            out.append("No other cited document is dated.")
        return out + [""]

    def _same_exchange(self, other: Entry) -> bool:
        date = self.entry.get("date")
        if len(date) < 7 or other.get("date")[:7] != date[:7]:
            return False
        ours = self._correspondents(self.entry)
        return bool(ours) and len(ours) == 2 and ours == self._correspondents(other)

    def _correspondents(self, entry: Entry) -> frozenset:
        names = set()
        for role in ("sender", "recipient"):
            value = bare(entry.get(role))
            people = {m.id for m in self.site.matcher.find(value) if m.kind == "person"}
            names |= people or ({value.casefold()} if value else set())
        return frozenset(names)

    def _doc_link(self, key: str) -> str:
        entry = self.site.entries[key]
        who = _correspondents_words(entry)
        return (f"{escape_text(day_month_year(entry.get('date')))}: "
                f"[{escape_text(document_title(entry))}]({relative(self.page, self.site.document_pages[key])})"
                + (f" ({escape_text(who)})" if who else ""))

    # citing

    def _url(self) -> str:
        info = self.site.edition
        return info.url + site_url(self.page) if info.url else ""

    def _cite(self) -> list[str]:
        title = document_title(self.entry)
        date = day_month_year(self.entry.get("date")) if self.entry.get("date") else "undated"
        return ["## Cite this page", "",
                f'<p class="cite-edition" markdown>“{escape_text(title)}” ({escape_text(date)}), document page in '
                f"{edition_citation(self.site.edition, self._url())}</p>", "",
                "The document itself is cited from the archive or the publication that holds it: "
                f"{to_markdown(format_entry(self.entry, self.site.entries, self.site.archives))}", ""]

    def _meta_tags(self, title: str) -> list[list[str]]:
        """Highwire Press and Dublin Core tags, so that a reference manager saving the page
        gets the document right (read by overrides/main.html, as on the text pages)."""
        entry, info = self.entry, self.site.edition
        date = entry.get("date")
        tags = [["citation_title", title]]
        tags += [["citation_author", bare(entry.get("sender"))]] if entry.get("sender") else []
        tags += [["citation_date", date.replace("-", "/")]] if date else []
        tags += [["citation_archive_location", str(entry.locator)]] if entry.locator else []
        tags += [["citation_public_url", self._url()]] if self._url() else []
        tags += [["DC.title", title], ["DC.type", bare(entry.get("doctype") or _kind(entry))]]
        tags += [["DC.creator", bare(entry.get("sender"))]] if entry.get("sender") else []
        tags += [["DC.date", date]] if date else []
        tags += [["DC.publisher", info.title]] if info.title else []
        tags += [["DC.identifier", self._url()]] if self._url() else []
        return [[name, " ".join(value.split())] for name, value in tags if value]


def _kind(entry: Entry) -> str:
    if entry.type == "periodical":
        return "bulletin issue"
    if entry.get("entrysubtype") == "newspaper" or entry.get("journaltitle"):
        return "article"
    return "document"


def _correspondents_words(entry: Entry) -> str:
    sender, recipient = bare(entry.get("sender")), bare(entry.get("recipient"))
    if sender and recipient:
        joint = " and " if entry.get("doctype") == "conversation" else " to "
        return f"{sender}{joint}{recipient}"
    return sender or recipient


def _collection_title(entry: Entry) -> str:
    """The volume a document is printed in, by its full title: '*Foreign Relations of the
    United States, 1950*, vol. 7, *Korea*' (a short label would say 'FRUS', without the
    volume, and 'n.d.' where the notes give no date of publication)."""
    titles = [f"<em>{escape_text(bare(entry.get(name)))}</em>" for name in ("maintitle", "title") if entry.get(name)]
    if entry.get("volume"):   # after the series' title, or after the only title
        titles.insert(1, f"vol. {escape_text(bare(entry.get('volume')))}")
    return ", ".join(titles)


def _front_matter(title_html: str, tags: list[list[str]]) -> list[str]:
    fields = {"title": title_html, "citation_title": tags[0][1], "citation_tags": tags}
    return ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()] + ["---", ""]


def _short_of(check) -> bool:
    """A field the page and the notes both give that could not be compared (a locator not
    seen, pages past those read): the page agrees only as far as the comparison went."""
    return check.outcome == NOT_COMPARED and bool(_printed(check)) and bool(check.edition.strip())


def _printed(check) -> str:
    """What the publisher's page prints for a compared field ("" where it prints none: an
    archival part is given with its name, "fond 45", and alone when the page lacks it)."""
    printed = check.page.strip()
    return "" if printed == check.field else printed
