"""Source values as the writers put them into a page: escaped at the one place they are written.

Source text is data: every character that Markdown or HTML would read as markup is
escaped, so whatever a source contains is shown as written. Every writer (Markdown
pages, the Chicago formatter, the registers' pages) escapes through these functions.
"""
from __future__ import annotations

import html
import json
import re

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



def front_matter(fields: dict) -> list[str]:
    """A page's front matter: each value one JSON string or list (so YAML that reads as data,
    never as a tag, an anchor or a second key), the title escaped as HTML as well, since
    Material prints `page.meta.title` and the navigation's titles without escaping them
    (header, navigation, footer, the <title> element). The other fields reach the page only
    through overrides/main.html, which escapes them (`| e`)."""
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"title: {front_matter_title(value)}" if key == "title"
                     else f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return lines + ["---", ""]


def page_head(title: str, **fields) -> list[str]:
    """A page's front matter and its heading, with one title. Every page that has a title
    opens with this: a page without a front-matter title would take it from the heading,
    and Material prints that title through `striptags`, which turns escaped characters back
    into markup (a name `</title><script>` would run in the <title> element)."""
    return front_matter({"title": title, **fields}) + [f"# {escape_text(title)}", ""]


def front_matter_title(value: str) -> str:
    """A page title for front matter: one line of escaped HTML (`<`, `>`, `&`: Material prints
    it as element content, never raw in an attribute), as one YAML (JSON) string."""
    return json.dumps(html.escape(" ".join(value.split()), quote=False), ensure_ascii=False)


# Python-Markdown's abbreviation definition is `*[form]: title`, the form running to the
# first `]` that a colon follows and holding no backslash; its title is the rest of the line.
_ABBREVIATION_FORM = re.compile(r"^[^\\\]\s]+(?: [^\\\]\s]+)*$")


def abbreviation_definition(form: str, title: str) -> str | None:
    """`*[form]: title` for Python-Markdown's `abbr`, or None for a form that cannot be
    written so (a `]`, a backslash or a line break in it would end the definition early and
    make the rest markup; no escape exists for them there): such a form gets no tooltip and
    is shown as the text it is. `title` is tooltip_text's: one line, escaped."""
    if not _ABBREVIATION_FORM.match(form):
        return None
    return f"*[{form}]: {' '.join(title.split())}"


def is_safe_url(url: str) -> bool:
    return bool(SAFE_URL.match(url.strip())) and not re.match(r"^\s*(javascript|data|vbscript):", url, re.I)



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
