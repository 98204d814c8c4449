"""sources/apparatus.toml: word pairs the spelling check must not report (each with why)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError, SourcePosition
from .fields import Field, check_table, filled, only_tables, strings
from .sourcefile import read_toml


def _pair(value) -> str:
    return strings(value) or ("" if len(value) == 2 else 'must be two words, e.g. words = ["a", "b"]')


FIELDS = {"words": Field(_pair, True), "why": Field(filled, True)}


@dataclass(frozen=True)
class NotVariant:
    words: frozenset[str]
    why: str
    position: SourcePosition


def load_not_variants(path: Path) -> list[NotVariant]:
    """sources/apparatus.toml: word pairs the spelling check finds that are different words."""
    if not path.exists():
        return []
    pairs = []
    toml = read_toml(path)
    for index, (table, at) in enumerate(only_tables(toml, "not_variant")):
        check_table(toml, ("not_variant", index), FIELDS, "[[not_variant]]",
                    'it holds words = ["a", "b"] and why')
        words = frozenset(w.casefold() for w in table["words"])
        first = next((pair for pair in pairs if pair.words == words), None)
        if first is not None:
            raise EditionError(at, f"the pair {' / '.join(sorted(words))} is listed twice (first at line "
                                   f"{first.position.line}); keep one")
        pairs.append(NotVariant(words, table["why"], at))
    return pairs
