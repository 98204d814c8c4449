"""How to cite the original works (Chicago notes-bibliography, note form)."""
from __future__ import annotations

from ..model import TextMeta
from .inline import escape_html, escape_text


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
        issue = f", no. {escape(meta.issue)}" if meta.issue else ""
        prefix = f"{author}, “{title},” <em>{escape(meta.container)}</em> {escape(meta.volume)}{issue} ({meta.year})"
    else:
        place = f"{escape(meta.place)}: " if meta.place else ""
        chapter = f", {escape(meta.chapter.split(':')[0].lower())}" if meta.chapter else ""
        prefix = (f"{author}, <em>{escape(meta.container)}</em> ({place}{escape(meta.publisher)}, "
                  f"{meta.year}){chapter}, section “{title}”")
    if meta.doi:
        url = f"https://doi.org/{escape(meta.doi)}"
        suffix = f", [{url}]({url})." if doi_link else f", {url}."
    else:
        suffix = f" (ISBN {escape(meta.isbn)})." if meta.isbn else "."
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
