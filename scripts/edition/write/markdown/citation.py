"""How to cite the original works (Chicago notes-bibliography, note form)."""
from __future__ import annotations

import re

from ...model.edition import EditionInfo
from ...model.text import TextMeta
from ..escape import escape_html, escape_text


def text_citation(meta: TextMeta) -> str:
    """Markdown for a full note citation of the original, with its page range."""
    prefix, suffix = _parts(meta, escape_text, doi_link=True)
    return f"{prefix}{': ' + meta.pages if meta.pages else ''}{suffix}"


def citation_parts(meta: TextMeta) -> tuple[str, str]:
    """HTML before and after the pinpoint (": 247") of a Chicago note citation of the
    original, for the "Cite this" box, which puts the page or paragraph between them."""
    return _parts(meta, escape_html, doi_link=False)


def _parts(meta: TextMeta, escape, doi_link: bool) -> tuple[str, str]:
    author, title = escape(meta.author), escape(meta.title)
    if meta.kind == "article":
        volume = f" {escape(meta.volume)}" if meta.volume else ""   # volume and issue are optional
        issue = (", " if meta.volume else " ") + f"no. {escape(meta.issue)}" if meta.issue else ""
        prefix = f"{author}, “{title},” <em>{escape(meta.container)}</em>{volume}{issue} ({meta.year})"
    else:
        # place and publisher are optional: "(New York: Penguin Press, 2011)", "(2011)"
        imprint = ": ".join(escape(part) for part in (meta.place, meta.publisher) if part)
        chapter = _chapter(meta.chapter, escape)
        prefix = (f"{author}, <em>{escape(meta.container)}</em> ({imprint + ', ' if imprint else ''}"
                  f"{meta.year}){chapter}, section “{title}”")
    if meta.doi:
        url = f"https://doi.org/{escape(meta.doi)}"
        suffix = f", [{url}]({url})." if doi_link else f", {url}."
    else:
        suffix = f" (ISBN {escape(meta.isbn)})." if meta.isbn else "."
    return prefix, suffix


def _chapter(chapter: str, escape) -> str:
    """", chapter 5, “Triangular Diplomacy and the Korean War”" from the manifest's
    "Chapter 5: Triangular Diplomacy and the Korean War": the label in lower case, as
    Chicago writes it, the chapter's title as printed; a chapter given by its title alone
    keeps its case."""
    if not chapter:
        return ""
    label, _, title = chapter.partition(":")
    if not re.fullmatch(r"(?i)chapter\s+\S+", label.strip()):
        return f", chapter “{escape(chapter.strip())}”"
    number = label.split()[-1]
    return f", chapter {escape(number)}" + (f", “{escape(title.strip())}”" if title.strip() else "")


def _author_names(meta: TextMeta) -> tuple[str, str]:
    return tuple((meta.author_sort.split(", ", 1) + [""])[:2]) if meta.author_sort else (meta.author, "")


def bibtex_key(meta: TextMeta) -> str:
    """The original's BibTeX key: 'kim2016'."""
    return f"{_author_names(meta)[0].lower()}{meta.year}"


def text_bibtex(meta: TextMeta) -> str:
    """A BibTeX entry for the original work."""
    surname, given = _author_names(meta)
    key = bibtex_key(meta)
    if meta.kind == "article":
        fields = [("author", f"{surname}, {given}"), ("title", meta.title), ("journal", meta.container),
                  ("volume", meta.volume), ("number", meta.issue), ("pages", meta.pages.replace("–", "--")),
                  ("year", str(meta.year)), ("doi", meta.doi)]
        kind = "article"
    else:
        fields = [("author", f"{surname}, {given}"), ("title", meta.container), ("chapter", meta.chapter),
                  ("note", f"Section “{meta.title}”"), ("publisher", meta.publisher), ("address", meta.place),
                  ("year", str(meta.year)), ("isbn", meta.isbn)]
        kind = "inbook"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}\n}}"


def citation_meta(meta: TextMeta, pages: tuple[int, int]) -> dict[str, str]:
    """Highwire Press / Google Scholar tags for a page of the text, so that a reference
    manager saving the page gets the original work right."""
    fields = {"citation_title": meta.title, "citation_author": meta.author_sort or meta.author,
              "citation_publication_date": str(meta.year)}
    if meta.kind == "article":
        fields.update(citation_journal_title=meta.container, citation_volume=meta.volume,
                      citation_issue=meta.issue)
    else:
        fields.update(citation_book_title=meta.container, citation_publisher=meta.publisher)
    first, last = pages
    if first:
        fields.update(citation_firstpage=str(first), citation_lastpage=str(last))
    if meta.doi:
        fields["citation_doi"] = meta.doi
    if meta.isbn:
        fields["citation_isbn"] = meta.isbn
    return {k: v for k, v in fields.items() if v}


# --- citing the edition, and a paragraph as it stands in the edition ------------------

NO_PRINT_PAGE = "no print page: the e-book source of this text has no page numbers"


def edition_runs(info: EditionInfo) -> list[list]:
    """The edition in Chicago note form, as runs [text, italic]: “Korea 1950 — a digital
    edition, ed. A and B, version 2026-11-22, https://…”. Empty parts are left out."""
    runs: list[list] = [[info.title or "this edition", 1 if info.title else 0]]
    tail = ""
    if info.editors:
        tail += ", ed. " + _names(info.editors)
    if info.version:
        tail += ", version " + info.version
    return runs + [[tail, 0]]


# Where the site's address is not configured, the page's script (docs/assets/cite.js)
# writes the address the page is read at into this empty span: never a guessed address.
READ_AT = '<span class="cite-read-at" data-read-at></span>'


def edition_citation(info: EditionInfo, url: str = "") -> str:
    """Markdown: the edition (or one page of it, at url) cited in Chicago note form."""
    address = url or info.url
    return _runs_markdown(edition_runs(info)) + (f", [{address}]({address})." if address else f"{READ_AT}.")


def paragraph_citation_runs(meta: TextMeta, info: EditionInfo) -> list[list]:
    """A paragraph of the edition in Chicago note form, as runs [text, italic]; the text runs
    hold {page}, {n} and {url}, which the page's script fills in for the paragraph cited.
    The original comes first (with its print page, or a word that the source has none),
    then the edition."""
    prefix, suffix = _parts(meta, lambda value: value, doi_link=False)
    pinpoint = ": {page}" if meta.first_page else f" [{NO_PRINT_PAGE}]"
    runs = _html_runs(prefix + pinpoint + suffix.rstrip("."))
    runs.append(["; as edited in ", 0])
    runs += edition_runs(info)
    runs.append([", ¶ {n}, {url}.", 0])
    return _merge(runs)


def paragraph_bibtex(meta: TextMeta, info: EditionInfo) -> str:
    """A BibLaTeX @online entry for a paragraph of the edition ({page}, {n}, {url} filled in
    by the page's script), beside the original's entry (text_bibtex)."""
    original = bibtex_key(meta)
    fields = [("title", f"{meta.title}, ¶ {{n}}"), ("author", meta.author_sort or meta.author),
              ("maintitle", info.title), ("editor", " and ".join(info.editors)),
              ("version", info.version), ("year", info.year), ("url", "{url}"),
              ("related", original),
              # in words, as a reader cites the text: the key is `related`'s
              ("note", f"Print page {{page}} of {meta.short}" if meta.first_page
               else NO_PRINT_PAGE[0].upper() + NO_PRINT_PAGE[1:])]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@online{{{meta.id}-p{{n}},\n{body}\n}}"


def _names(names) -> str:
    names = list(names)
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _html_runs(text: str) -> list[list]:
    """Text with <em>…</em> (from _parts with no escaping) -> runs [text, italic]."""
    pieces = re.split(r"<em>(.*?)</em>", text)
    return [[piece, k % 2] for k, piece in enumerate(pieces) if piece]


def _merge(runs: list[list]) -> list[list]:
    out: list[list] = []
    for text, italic in runs:
        if out and out[-1][1] == italic:
            out[-1][0] += text
        elif text:
            out.append([text, italic])
    return out


def _runs_markdown(runs) -> str:
    return "".join(f"<em>{escape_text(text)}</em>" if italic else escape_text(text) for text, italic in runs)
