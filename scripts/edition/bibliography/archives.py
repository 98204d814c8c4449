"""sources/archives.toml: the archives the notes cite, with their full names."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import EditionError, SourcePosition
from ..sourcefile import read_source

FIELDS = {"name", "translation", "as_cited", "about"}


@dataclass(frozen=True)
class Archive:
    id: str
    name: str
    about: str
    translation: str = ""
    as_cited: str = ""

    @property
    def has_locators(self) -> bool:
        """Russian state archives cite fond/opis/delo; a personal collection does not."""
        return self.id != "PERSONAL"

    @property
    def slug(self) -> str:
        return self.id.lower()


def load_archives(path: Path) -> dict[str, Archive]:
    raw = read_source(path).text
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        raise EditionError(SourcePosition(path, getattr(err, "lineno", 0)), f"not valid TOML: {err}") from None
    lines = raw.split("\n")
    archives = {}
    for archive_id, table in data.items():
        at = SourcePosition(path, next((i + 1 for i, l in enumerate(lines) if l.strip() == f"[{archive_id}]"), 0))
        unknown = set(table) - FIELDS
        if unknown:
            raise EditionError(at, f"unknown field(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(FIELDS))}")
        for need in ("name", "about"):
            if not table.get(need):
                raise EditionError(at, f"archive {archive_id} needs '{need}'")
        archives[archive_id] = Archive(archive_id, table["name"], table["about"],
                                       table.get("translation", ""), table.get("as_cited", ""))
    return archives
