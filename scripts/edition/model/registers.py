"""The registers' records: persons, terms (abbreviations) and places, and the titles of the
web pages they cite (load/registers.py reads them)."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import SourcePosition


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    sort: str
    variants: tuple[str, ...]
    ambiguous: tuple[str, ...]      # bare forms ("Kim"): counted as mentions in running text, never linked
    role: str
    kind: str
    sources: tuple[str, ...]
    position: SourcePosition
    born: int | None = None
    died: int | None = None
    other_romanisations: tuple[str, ...] = ()
    note: str = ""                  # a caveat for readers, printed on the person's page
    dates_note: str = ""            # where sources disagree about or qualify the years


@dataclass(frozen=True)
class Term:
    abbreviation: str
    expansion: str
    gloss: str
    variants: tuple[str, ...]
    sources: tuple[str, ...]
    position: SourcePosition


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    variants: tuple[str, ...]
    gloss: str
    sources: tuple[str, ...]
    position: SourcePosition


@dataclass(frozen=True)
class WebPage:
    """A web page a register cites, with its title as the stored copy shows it."""
    url: str
    title: str
    position: SourcePosition


@dataclass(frozen=True)
class Registers:
    persons: tuple[Person, ...]
    terms: tuple[Term, ...]
    places: tuple[Place, ...]
    pages: tuple[WebPage, ...] = ()

    def page_titles(self) -> dict[str, str]:
        """address -> the page's title, for the addresses the editors recorded one for."""
        return {page.url: page.title for page in self.pages}
