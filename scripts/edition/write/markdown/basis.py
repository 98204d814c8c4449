"""How the basis of a citation is said, wherever a citation is shown.

A citation rests either on the author's words, or on the editor's identification
(a Kissinger note whose wording was not seen, or a document the editor
identifies behind an author's note). Every page, tooltip and download that shows a
citation says which, in the same words, through this module.
"""
from __future__ import annotations

from ...model.citations import IDENTIFIED

AUTHORS_WORDS = "author's words"
EDITORS_IDENTIFICATION = "editor's identification"
EXPLANATION = "Not in the author's words: the editor identified what the note cites"


def is_identified(citation) -> bool:
    return citation.relation == IDENTIFIED


def relation(citation) -> str:
    """For data (notes.json) and tooltips: "author's words" or "editor's identification"."""
    return EDITORS_IDENTIFICATION if is_identified(citation) else AUTHORS_WORDS


def identification_label(capitalised: bool = False) -> str:
    """The label on a page (HTML inside Markdown): the same words and look everywhere."""
    words = EDITORS_IDENTIFICATION[0].upper() + EDITORS_IDENTIFICATION[1:] if capitalised else EDITORS_IDENTIFICATION
    return f'<span class="basis basis-editorial" title="{EXPLANATION}">{words}</span>'


def labelled(markdown: str, citations) -> str:
    """A link or mention followed by the label when every citation it stands for is the editor's."""
    citations = list(citations)
    if citations and all(is_identified(c) for c in citations):
        return f"{markdown} ({identification_label()})"
    return markdown
