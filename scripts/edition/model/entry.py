"""Bibliography entries and archival locators."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArchivalLocator:
    """Where a document lies in a Russian archive: fond / opis / delo (/ papka)."""
    archive: str
    fond: str
    opis: str
    delo: str
    papka: str = ""

    def normalised(self) -> tuple:
        return self._normalised

    @functools.cached_property  # asked for in every comparison of locators: made once
    def _normalised(self) -> tuple:
        # "01" and "1" name the same opis in the notes' usage; compare without leading zeros.
        return (self.archive, *(re.sub(r"^0+(?=\w)", "", part) for part in
                                (self.fond, self.opis, self.delo, self.papka)))

    def __str__(self) -> str:
        parts = [f"fond {self.fond}", f"opis {self.opis}", f"delo {self.delo}"]
        if self.papka:
            parts.append(f"papka {self.papka}")
        return ", ".join(parts)

    @property
    def sort_key(self) -> tuple:
        return tuple(_natural(part) for part in self.normalised())


def _natural(value: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t for t in re.findall(r"\d+|\D+", value))


@dataclass(frozen=True)
class Entry:
    key: str
    type: str                       # lower case: book, article, unpublished, ...
    fields: dict[str, str]
    line: int                       # where the entry starts in the .bib file
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)

    @property
    def is_archival(self) -> bool:
        return self.get("entrysubtype") == "archival"

    @functools.cached_property  # the fields never change: one locator per entry
    def locator(self) -> ArchivalLocator | None:
        if not (self.is_archival and self.get("fond")):
            return None
        return ArchivalLocator(self.get("archive"), self.get("fond"), self.get("opis"),
                               self.get("delo"), self.get("papka"))

    @property
    def related_keys(self) -> list[str]:
        return [k.strip() for k in self.get("related").split(",") if k.strip()]

    def __hash__(self) -> int:
        return hash(self.key)


def bare(value: str) -> str:
    """A field value without the protective braces of BibTeX ({{CIA}} -> CIA)."""
    return value.replace("{", "").replace("}", "")


# A word shaped like an entry's key: lowercase, with hyphens ("doc-1950-05-13-roshchin-stalin").
_KEY_SHAPED = re.compile(r"(?<![\w/.-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w/-])")


def key_named(words: str, keys: set[str]) -> str:
    """The first entry key the words name ("" if none): a text readers see says what a work
    is, never the key the sources file it under."""
    return next((m[0] for m in _KEY_SHAPED.finditer(words) if m[0] in keys), "")

