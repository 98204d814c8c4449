"""Inline spans -> Markdown.

Source text is data: every character that Markdown or HTML would read as markup
is escaped, so whatever a source contains is shown as written. The only markup
emitted is the markup the renderer itself chooses (emphasis, safe links, note
and page markers).
"""
from __future__ import annotations

import html
import re

from ...model.text import Emphasis, Inline, Link, NoteRef, PageStart, Plain, Strong

# Inside a line only these characters start Markdown syntax (emphasis, code, links,
# attribute lists, table cells); each has a backslash escape in Python-Markdown.
# Escaping more (".", "-") would hide the text from later steps such as `abbr`.
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]|])")
# At the start of a line: headings, block quotes, list items.
_LINE_MARK = re.compile(r"^(\s*)([#>+-])")
_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])(\s|$)")
SAFE_URL = re.compile(r"^(https?://|mailto:|#)|^[\w./-]+\.md(#[\w:.-]*)?$|^[\w./-]+/(#[\w:.-]*)?$", re.I)


_NEEDS_ESCAPING = re.compile(r"[\\`*_{}\[\]|&<>\n]")
_MARK_AT_START = re.compile(r"\s*(?:[#+-]|\d+[.)])")


def escape_text(text: str) -> str:
    if not _NEEDS_ESCAPING.search(text) and not _MARK_AT_START.match(text):
        return text  # most text: nothing Markdown or HTML would read
    text = " ".join(text.split("\n"))
    text = _BACKSLASHED.sub(r"\\\1", html.escape(text, quote=False))
    text = _LINE_MARK.sub(r"\1\\\2", text)
    return _LINE_NUMBER.sub(r"\1\\\2\3", text)


def escape_html(text: str) -> str:
    """Data for raw HTML the generator writes: escaped, on one line, and with braces as
    character references, so that no attribute list or template directive can be read in it."""
    text = html.escape(" ".join(text.split("\n")), quote=True)
    return text.replace("{", "&#123;").replace("}", "&#125;")


def is_safe_url(url: str) -> bool:
    return bool(SAFE_URL.match(url.strip())) and not re.match(r"^\s*(javascript|data|vbscript):", url, re.I)


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


def link_title(text: str) -> str:
    """Plain text for a link's title attribute: no straight double quotes or backslashes,
    which would end or escape the Markdown title; parentheses escaped, since an
    unbalanced one would end the link; escaped HTML for Material's tooltips."""
    text = tooltip_text(text.replace('"', "”").replace("\\", ""))
    return text.replace("(", "\\(").replace(")", "\\)")


def tooltip_text(text: str) -> str:
    """Text for a `title` attribute that Python-Markdown writes (a link's title, an `abbr`
    expansion). Material's tooltips insert the title into the page as HTML, so the title
    itself must be escaped HTML: the source holds it escaped twice, since Python-Markdown
    leaves an existing entity (`&lt;`) as it is in an attribute. One line, no markup."""
    return html.escape(html.escape(" ".join(text.split()), quote=False), quote=False)


def note_ref(number: int) -> str:
    # The markup of Python-Markdown's footnotes (fnref:N / fn:N, class footnote-ref),
    # so that Material's footnote tooltips work, but numbered as in print.
    return (f'<sup id="fnref:{number}"><a class="footnote-ref" role="doc-noteref" href="#fn:{number}" '
            f'aria-label="Note {number}">{number}</a></sup>')


def page_marker(page: int) -> str:
    # The number is shown by CSS from data-page (a pseudo-element), not written as text:
    # a reader who copies or searches the words gets "then compelled", not "then 240compelled".
    # The link's name comes from aria-label; search indexers skip it (data-pagefind-ignore).
    return (f'<a class="page-marker" id="page-{page}" href="#page-{page}" data-page="{page}" '
            f'data-pagefind-ignore title="Page {page} of the print edition begins here" '
            f'aria-label="Page {page} of the print edition"></a>')


def page_start_block(page: int) -> str:
    """A page marker on a line of its own, where a print page begins before a heading."""
    return f'<p class="page-start">{page_marker(page)}</p>'


def clip(text: str, limit: int) -> str:
    """The text, or its beginning ended at a sentence or else a word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit + 1]
    sentence = max(head.rfind(". "), head.rfind("; "))
    if sentence >= limit // 2:
        return head[: sentence + 1].rstrip(";") + " …"
    word = head.rfind(" ")
    return (head[:word] if word > 0 else head[:limit]).rstrip(",;:–—- ") + "…"
