"""sources/apparatus.toml: word pairs the spelling check must not report (each with why)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError, SourcePosition
from .sourcefile import read_toml


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
    for table, at in read_toml(path).array_table("not_variant"):
        words = table.get("words", [])
        if (not isinstance(words, list) or len(words) != 2 or not all(isinstance(w, str) and w.strip() for w in words)
                or not isinstance(table.get("why"), str) or not table.get("why")):
            raise EditionError(at, "[[not_variant]] needs words = [\"a\", \"b\"] and why")
        pairs.append(NotVariant(frozenset(w.casefold() for w in words), table["why"], at))
    return pairs
