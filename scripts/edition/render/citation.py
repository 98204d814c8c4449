"""How to cite the original works (Chicago notes-bibliography, note form)."""
from __future__ import annotations

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
