"""Inline spans -> Markdown.

Source text is data: every character that Markdown or HTML would read as markup
is escaped, so whatever a source contains is shown as written. The only markup
emitted is the markup the renderer itself chooses (emphasis, safe links, note
and page markers).
"""
from __future__ import annotations

from ...model.text import Emphasis, Inline, Link, NoteRef, PageStart, Plain, Strong
from ..escape import escape_text, is_safe_url, link_title


def render_inlines(spans: tuple[Inline, ...]) -> str:
    return "".join(_render(span) for span in spans)


def _render(span: Inline) -> str:
    if isinstance(span, Plain):
        return escape_text(span.value)
    if isinstance(span, Emphasis):
        return f"<em>{render_inlines(span.children)}</em>"
    if isinstance(span, Strong):
        return f"<strong>{render_inlines(span.children)}</strong>"
    if isinstance(span, Link):
        if is_safe_url(span.url):
            title = f' "{link_title(span.title)}"' if span.title else ""
            return f"[{render_inlines(span.children)}]({span.url.strip()}{title})"
        # An unsafe link is shown as the text it was, never followed.
        return escape_text("[") + render_inlines(span.children) + escape_text(f"]({span.url})")
    if isinstance(span, NoteRef):
        return note_ref(span.number)
    if isinstance(span, PageStart):
        return page_marker(span.page)
    raise TypeError(span)


def note_ref(number: int) -> str:
    # The markup of Python-Markdown's footnotes (fnref:N / fn:N, class footnote-ref),
    # so that Material's footnote tooltips work, but numbered as in print.
    return (f'<sup id="fnref:{number}"><a class="footnote-ref" role="doc-noteref" href="#fn:{number}" '
            f'aria-label="Note {number}">{number}</a></sup>')


def page_marker(page: int) -> str:
    # The number is shown by CSS from data-page (a pseudo-element), not written as text:
    # a reader who copies or searches the words gets "then compelled", not "then 240compelled".
    # The link's name comes from aria-label. It holds no text to index, but its id is an
    # anchor in the search index: a result names the print page its words stand on.
    return (f'<a class="page-marker" id="page-{page}" href="#page-{page}" data-page="{page}" '
            f'title="Page {page} of the print edition begins here" '
            f'aria-label="Page {page} of the print edition"></a>')


def page_start_block(page: int) -> str:
    """A page marker on a line of its own, where a print page begins before a heading."""
    return f'<p class="page-start">{page_marker(page)}</p>'


