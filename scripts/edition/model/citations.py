"""What the resolver produces."""
from __future__ import annotations

from dataclasses import dataclass

IBID, CITED_FROM, ORIGINALLY, IDENTIFIED = "ibid", "citedfrom", "origpubas", "identified"


@dataclass(frozen=True)
class Citation:
    key: str
    pinpoint: str | None = None
    relation: str = ""           # "" | IBID | CITED_FROM | ORIGINALLY | IDENTIFIED
    start: int = -1              # the characters of the note's text the link covers
    end: int = -1
    settled_by: str = ""         # "path:line" of the mapping entry that settled it, if any
    cited_date: str = ""         # a document's date as the note gives it (ISO), if any
    cited_names: tuple[str, ...] = ()  # sender and recipient as the note spells them
    cited_title: str = ""        # the title or description as the note gives it


@dataclass(frozen=True)
class NoteCitations:
    text_id: str
    note: int
    basis: str                   # "author" | "editorial" | "unknown"
    citations: tuple[Citation, ...]
    commentary: tuple[str, ...] = ()   # segments that cite nothing: the author's own words
