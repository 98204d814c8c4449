"""How to cite the original works (Chicago notes-bibliography, note form)."""
from __future__ import annotations

import html

from ..model import TextMeta
from .inline import escape_text


def text_citation(meta: TextMeta, page: str = "") -> str:
    """Markdown for a full note citation of the original, optionally with a pinpoint page."""
    author, title = escape_text(meta.author), escape_text(meta.title)
    if meta.kind == "article":
        issue = f", no. {escape_text(meta.issue)}" if meta.issue else ""
        pages = page or meta.pages
        cite = (f"{author}, “{title},” <em>{escape_text(meta.container)}</em> {escape_text(meta.volume)}"
                f"{issue} ({meta.year}){': ' + pages if pages else ''}")
    else:
        place = f"{escape_text(meta.place)}: " if meta.place else ""
        chapter = f", {escape_text(meta.chapter.split(':')[0].lower())}" if meta.chapter else ""
        cite = (f"{author}, <em>{escape_text(meta.container)}</em> ({place}{escape_text(meta.publisher)}, "
                f"{meta.year}){chapter}, section “{title}”{', ' + page if page else ''}")
    if meta.doi:
        cite += f", [https://doi.org/{meta.doi}](https://doi.org/{meta.doi})"
    elif meta.isbn:
        cite += f" (ISBN {escape_text(meta.isbn)})"
    return cite + "."


def citation_parts(meta: TextMeta) -> tuple[str, str]:
    """HTML before and after the pinpoint of a Chicago note citation of the original,
    for the "Cite this" box (the page or paragraph goes between them)."""
    author, title = html.escape(meta.author), html.escape(meta.title)
    if meta.kind == "article":
        issue = f", no. {html.escape(meta.issue)}" if meta.issue else ""
        prefix = (f"{author}, “{title},” <em>{html.escape(meta.container)}</em> {html.escape(meta.volume)}"
                  f"{issue} ({meta.year})")
    else:
        place = f"{html.escape(meta.place)}: " if meta.place else ""
        chapter = f", {html.escape(meta.chapter.split(':')[0].lower())}" if meta.chapter else ""
        prefix = (f"{author}, <em>{html.escape(meta.container)}</em> ({place}{html.escape(meta.publisher)}, "
                  f"{meta.year}){chapter}, section “{title}”")
    suffix = f", https://doi.org/{html.escape(meta.doi)}." if meta.doi else "."
    return prefix, suffix


def text_bibtex(meta: TextMeta) -> str:
    """A BibTeX entry for the original work."""
    surname, given = (meta.author_sort.split(", ", 1) + [""])[:2] if meta.author_sort else (meta.author, "")
    key = f"{surname.lower()}{meta.year}"
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
