"""sources/archives.toml: the archives the notes cite, with their full names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import EditionError
from ..sourcefile import read_toml

FIELDS = {"name", "translation", "as_cited", "about"}
KEY = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")


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
    toml = read_toml(path)
    archives = {}
    for archive_id, table in toml.data.items():
        at = toml.table(archive_id)
        if not KEY.match(archive_id):
            raise EditionError(at, f"the archive key [{archive_id}] must be letters, digits and hyphens "
                                   "(it becomes a file name), e.g. [APRF]")
        if not isinstance(table, dict):
            raise EditionError(at, f"[{archive_id}] must be a table of fields")
        for field, value in table.items():
            if not isinstance(value, str):
                raise EditionError(at, f"'{field}' of [{archive_id}] must be a string in double quotes")
        unknown = set(table) - FIELDS
        if unknown:
            raise EditionError(at, f"unknown field(s) {', '.join(sorted(unknown))}; use {', '.join(sorted(FIELDS))}")
        for need in ("name", "about"):
            if not table.get(need):
                raise EditionError(at, f"archive {archive_id} needs '{need}'")
        archives[archive_id] = Archive(archive_id, table["name"], table["about"],
                                       table.get("translation", ""), table.get("as_cited", ""))
    return archives
