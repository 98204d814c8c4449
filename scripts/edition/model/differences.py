"""Where the texts tell one thing differently: a reviewed list in sources/differences.toml
(load/differences.py reads it), shown on *Where the texts meet*."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import SourcePosition


@dataclass(frozen=True)
class ToldPassage:
    """The words of one text on the point, as the text prints them, and where they stand."""
    text_id: str
    paragraph: int
    words: str
    position: SourcePosition


@dataclass(frozen=True)
class Difference:
    about: str                        # what the texts tell differently, in the editors' words
    note: str                         # how they differ, in the editors' words
    passages: tuple[ToldPassage, ...]
    position: SourcePosition
