"""What every part of the TEI writer shares: the element maker, identifiers, inline
content, and the serialisation that makes the file byte-identical run to run."""
from __future__ import annotations

import functools
import re

from lxml import etree

from ...model.text import Emphasis, Link, Plain, Strong
from ...model.inlines import split_at
from ...model.inlines import merge_plain

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
EDITORS = "editors"      # xml:id of the edition's editors (resp of their notes)
AUTHOR = "author"        # xml:id of the text's author (resp of the author's notes)

# XML 1.0 forbids these characters; a source that holds one gets U+FFFD in the TEI
# (the Markdown pages escape it; the TEI cannot carry it at all).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$", re.ASCII)


def text(value: str) -> str:
    if value.isascii() and value.isprintable():
        return value  # most values: nothing to replace, and no substitution to run
    return _NOT_XML.sub("\ufffd", value)


def element(tag: str, content: str = "", /, **attributes: str) -> etree._Element:
    """A TEI element of its own (appended to the tree later); attribute names use '_'
    for '-' and xml_id for xml:id."""
    return _filled(etree.Element(_qualified(tag), _attributes(attributes), nsmap={None: TEI_NS}), content)


def child(parent: etree._Element, tag: str, content: str = "", /, **attributes: str) -> etree._Element:
    """A TEI element at the end of parent's content (SubElement: no namespace to reconcile)."""
    return _filled(etree.SubElement(parent, _qualified(tag), _attributes(attributes)), content)


def _filled(node: etree._Element, content: str) -> etree._Element:
    if content:
        node.text = text(content)
    return node


@functools.lru_cache(maxsize=None)
def _qualified(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


@functools.lru_cache(maxsize=None)
def _attribute_name(name: str) -> str:
    return XML_ID if name == "xml_id" else name.replace("_", "-")


def _attributes(attributes: dict) -> dict[str, str]:
    """The attributes that have a value, in the order given (None and "" are left out)."""
    return {_attribute_name(name): text(str(value)) for name, value in attributes.items()
            if value is not None and value != ""}


def ident(value: str) -> str:
    """An xml:id for a key of the bibliography or the registers (most are one already)."""
    if _NCNAME.match(value):
        return value
    return "id-" + re.sub(r"[^\w.-]", "-", value, flags=re.ASCII)


def pointer(value: str) -> str:
    return "#" + ident(value)


class Wrap:
    """A span of inline content to be wrapped in one element (a bibl, a persName)."""

    def __init__(self, build, children):
        self.build, self.children = build, tuple(children)


def wrap_ranges(spans, ranges) -> tuple:
    """Wrap each (start, end, build[, inner ranges]) range of the spans' plain text, in
    order and not overlapping, in Wrap(build, children); build(parent) makes the element.
    Inner ranges (offsets from the range's start) are wrapped inside it the same way."""
    out: list = []
    consumed = 0
    for start, end, build, *inner in sorted(ranges, key=lambda r: (r[0], r[1])):
        if start < consumed:
            continue
        before, rest = split_at(tuple(spans), start - consumed)
        inside, spans = split_at(rest, end - start)
        inside = merge_plain(inside)
        if inner and inner[0]:
            inside = wrap_ranges(inside, inner[0])
        out += list(before) + [Wrap(build, inside)]
        consumed = end
    return tuple(out) + tuple(spans)


def append_text(parent: etree._Element, value: str) -> None:
    """Text at the end of an element's content (its text, or the tail of its last child)."""
    value = text(value)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + value
    else:
        parent.text = (parent.text or "") + value


def append_inlines(parent: etree._Element, spans, markers=None) -> None:
    """Inline spans into an element. `markers(parent, span)` handles note and page
    markers (the body writer's job); elsewhere they do not occur."""
    for span in spans:
        if isinstance(span, Plain):
            append_text(parent, span.value)
        elif isinstance(span, (Emphasis, Strong)):
            hi = child(parent, "hi", rend="italic" if isinstance(span, Emphasis) else "bold")
            append_inlines(hi, span.children, markers)
        elif isinstance(span, Link):
            _link(parent, span, markers)
        elif isinstance(span, Wrap):
            append_inlines(span.build(parent), span.children, markers)
        elif markers is not None:
            markers(parent, span)
        else:
            raise TypeError(f"{span!r} has no place here")


def _link(parent, span: Link, markers) -> None:
    url = span.url.strip()
    if re.match(r"^https?://", url, re.I):
        append_inlines(child(parent, "ref", target=url), span.children, markers)
    else:   # as on the site: a link that is not a web address is shown as the text it was
        append_text(parent, "[")
        append_inlines(parent, span.children, markers)
        append_text(parent, f"]({span.url})")


def serialise(root: etree._Element) -> str:
    # libxml2 indents only elements none of whose children is text, so mixed content
    # (paragraphs, notes) is written exactly as built. (etree.indent would not spare it.)
    body = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body
