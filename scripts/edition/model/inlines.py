"""Questions and operations on inline spans (the words of a paragraph or note): their plain
text, their note markers, and character ranges wrapped in links across inline markup."""
from __future__ import annotations

from .text import Emphasis, Inline, Link, NoteRef, PageStart, Plain, Strong


def _length(span: Inline) -> int:
    if isinstance(span, Plain):
        return len(span.value)
    if isinstance(span, (Emphasis, Strong, Link)):
        return sum(_length(child) for child in span.children)
    return 0  # note and page markers have no text


def split_at(spans: tuple[Inline, ...], offset: int) -> tuple[tuple, tuple]:
    """The spans before and after a character offset of their plain text."""
    left: list[Inline] = []
    for i, span in enumerate(spans):
        length = _length(span)
        if offset <= 0:
            return tuple(left), tuple(spans[i:])
        if length <= offset:
            left.append(span)
            offset -= length
            continue
        if isinstance(span, Plain):
            left.append(Plain(span.value[:offset]))
            return tuple(left), (Plain(span.value[offset:]),) + tuple(spans[i + 1:])
        inner_left, inner_right = split_at(span.children, offset)
        kind = type(span)
        make = (lambda c, link=span: Link(link.url, c, link.title)) if kind is Link else kind
        left.append(make(inner_left))
        return tuple(left), (make(inner_right),) + tuple(spans[i + 1:])
    return tuple(left), ()


def link_ranges(spans: tuple[Inline, ...], ranges: list[tuple[int, int, str, str]]) -> tuple[Inline, ...]:
    """Wrap each (start, end, url, title) range, in order and not overlapping, in a Link."""
    out: list[Inline] = []
    consumed = 0
    for start, end, url, title in sorted(ranges):
        if start < consumed:
            continue  # overlapping: the first range keeps the link
        before, rest = split_at(spans, start - consumed)
        inside, spans = split_at(rest, end - start)
        out += list(before) + [Link(url, merge_plain(inside), title)]
        consumed = end
    return merge_plain(out + list(spans))


def merge_plain(spans) -> tuple[Inline, ...]:
    merged: list[Inline] = []
    for span in spans:
        if isinstance(span, Plain) and merged and isinstance(merged[-1], Plain):
            merged[-1] = Plain(merged[-1].value + span.value)
        elif not (isinstance(span, Plain) and span.value == ""):
            merged.append(span)
    return tuple(merged)


def plain_text(spans) -> str:
    """The words of the spans, without note markers or page markers."""
    out = []
    for span in spans:
        if isinstance(span, Plain):
            out.append(span.value)
        elif isinstance(span, (Emphasis, Strong, Link)):
            out.append(plain_text(span.children))
        elif isinstance(span, (NoteRef, PageStart)):
            pass
    return "".join(out)


def note_refs(spans) -> list[int]:
    return [ref.number for ref in note_ref_spans(spans)]


def note_ref_spans(spans) -> list[NoteRef]:
    found: list[NoteRef] = []
    for span in spans:
        if isinstance(span, NoteRef):
            found.append(span)
        elif isinstance(span, (Emphasis, Strong, Link)):
            found.extend(note_ref_spans(span.children))
    return found
