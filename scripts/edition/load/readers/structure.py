"""Structural decisions shared by the readers: sentence ends, quote openings, slugs,
paragraph numbering. Pure functions on the model."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ...model.text import BlockQuote, Paragraph, Section

CLOSERS = "'’\"”)]"
TERMINAL = ".?!…"


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence, so that what follows starts a new block."""
    stripped = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL


def introduces_quote(text: str) -> bool:
    """True when a paragraph ends the way prose ends before a block quote:
    with a colon, a comma, or in mid-sentence ("He reported that")."""
    return not ends_sentence(text) and bool(text.strip())


def slugify(title: str, limit: int = 60) -> str:
    head = re.sub(r"['’]", "", title.split(":")[0])
    ascii_title = unicodedata.normalize("NFKD", head).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "section"


def number_paragraphs(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Number every paragraph through the whole text (not per page), so that
    anchors survive a change in how the text is split into pages."""
    counter = 0

    def number(paragraph: Paragraph) -> Paragraph:
        nonlocal counter
        counter += 1
        return replace(paragraph, number=counter)

    def number_blocks(blocks):
        out = []
        for block in blocks:
            if isinstance(block, BlockQuote):
                out.append(replace(block, paragraphs=tuple(number(p) for p in block.paragraphs)))
            else:
                out.append(number(block))
        return tuple(out)

    numbered = []
    for section in sections:
        blocks = number_blocks(section.blocks)
        appendix = tuple(replace(a, blocks=number_blocks(a.blocks)) for a in section.appendix)
        numbered.append(replace(section, blocks=blocks, appendix=appendix))
    return tuple(numbered)
