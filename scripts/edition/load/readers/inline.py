"""Markdown source -> raw blocks with inline spans, using markdown-it-py.

Only the inline markup a reader of these texts needs is understood: emphasis,
strong emphasis, links and ``<sup>N</sup>`` note markers. Every other piece of
markup (raw HTML, scripts, images) is kept as plain text, so it is escaped on
output and never reaches the page as markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


from markdown_it import MarkdownIt

from ...model.text import Emphasis, Inline, Link, NoteRef, Plain, Strong
from ...model.inlines import merge_plain, plain_text
from ...errors import EditionError
from ..sourcefile import SourceFile

_MD = MarkdownIt("commonmark")
SUP_NUMBER = re.compile(r"^\d{1,4}$")


@dataclass(frozen=True)
class RawBlock:
    kind: str        # "heading" | "paragraph" | "rule"
    inlines: tuple[Inline, ...]
    line: int        # 1-based line in the source file
    level: int = 0   # heading level
    page: int = 0    # a heading with which a print page begins: that page

    @property
    def text(self) -> str:
        return plain_text(self.inlines)


MAX_DEPTH = 20  # inline markup nested deeper is refused: no text needs it, and it would exhaust the stack


class TooDeep(Exception):
    def __init__(self, line: int):
        self.line = line


def parse_markdown_blocks(source: SourceFile) -> list[RawBlock]:
    try:
        return _blocks(source)
    except TooDeep as deep:
        raise EditionError(source.at(deep.line), f"inline markup (emphasis, bold, links) is nested more than "
                                                 f"{MAX_DEPTH} levels deep here; simplify it") from None


def _blocks(source: SourceFile) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    tokens = _MD.parse(source.text)
    for i, token in enumerate(tokens):
        line = token.map[0] + 1 if token.map else 0
        if token.type == "heading_open":
            blocks.append(RawBlock("heading", parse_inline(tokens[i + 1].children or [], line), line,
                                   int(token.tag[1])))
        elif token.type == "paragraph_open":
            blocks.append(RawBlock("paragraph", parse_inline(tokens[i + 1].children or [], line), line))
        elif token.type == "hr":
            blocks.append(RawBlock("rule", (), line))
        elif token.type in ("html_block", "code_block", "fence"):
            # Markup we do not interpret is text, shown as written.
            blocks.append(RawBlock("paragraph", (Plain(token.content.strip()),), line))
    return blocks


def parse_inline(tokens, first_line: int = 0) -> tuple[Inline, ...]:
    spans, _ = _parse_until(tokens, 0, None, [first_line])
    return merge_plain(spans)


def _parse_until(tokens, i: int, closing: str | None, line: list[int], depth: int = 0) -> tuple[list[Inline], int]:
    """Spans up to the closing token; line[0] is the current source line (line breaks advance it)."""
    if depth > MAX_DEPTH:
        raise TooDeep(line[0])
    spans: list[Inline] = []
    while i < len(tokens):
        token = tokens[i]
        kind = token.type
        if closing and kind == closing:
            return spans, i + 1
        if kind in ("em_open", "strong_open", "link_open"):
            children, i = _parse_until(tokens, i + 1, kind.replace("_open", "_close"), line, depth + 1)
            if kind == "em_open":
                spans.append(Emphasis(tuple(merge_plain(children))))
            elif kind == "strong_open":
                spans.append(Strong(tuple(merge_plain(children))))
            else:
                spans.append(Link(str(token.attrs.get("href", "")), tuple(merge_plain(children))))
            continue
        if kind == "html_inline" and token.content == "<sup>" and _is_note_marker(tokens, i):
            spans.append(NoteRef(int(tokens[i + 1].content), line[0]))
            i += 3
            continue
        if kind in ("softbreak", "hardbreak"):
            spans.append(Plain(" "))
            line[0] += 1 if line[0] else 0
        elif kind == "image":
            spans.append(Plain(token.content or ""))
        elif kind == "code_inline":
            spans.append(Plain(token.markup + token.content + token.markup))
        else:  # text, html_inline and anything unknown: shown as written
            spans.append(Plain(token.content))
        i += 1
    return spans, i


def _is_note_marker(tokens, i: int) -> bool:
    return (i + 2 < len(tokens) and tokens[i + 1].type == "text"
            and SUP_NUMBER.match(tokens[i + 1].content) is not None
            and tokens[i + 2].type == "html_inline" and tokens[i + 2].content == "</sup>")








