"""sources/archives.toml: the archives the notes cite, with their full names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import EditionError, SourcePosition
from ..file_names import check_file_names
from ..fields import Field, check_table, filled, text
from ..sourcefile import read_toml

FIELDS = {"name": Field(filled, True), "translation": Field(text), "as_cited": Field(text),
          "about": Field(filled, True)}
KEY = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
# "Kim (2016), n. 7": the text's author and year, and the note.
AS_CITED = re.compile(r"^(?P<author>[^()]+?) \(?(?P<year>\d{4})\)?, n\. (?P<note>\d+)$")


@dataclass(frozen=True)
class Archive:
    id: str
    name: str
    about: str
    translation: str = ""
    as_cited: str = ""
    position: SourcePosition | None = None   # the line of its [KEY]
    as_cited_position: SourcePosition | None = None

    @property
    def has_locators(self) -> bool:
        """Russian state archives cite fond/opis/delo; a personal collection does not."""
        return self.id != "PERSONAL"

    @property
    def heading(self) -> str:
        """'APRF: Arkhiv Prezidenta Rossiiskoi Federatsii': an archive by the acronym the notes
        use and its name; a personal collection, which has no acronym, by its name only."""
        return f"{self.id}: {self.name}" if self.has_locators else self.name

    @property
    def slug(self) -> str:
        return self.id.lower()


def load_archives(path: Path) -> dict[str, Archive]:
    toml = read_toml(path)
    archives = {}
    for archive_id, table in toml.data.items():
        at = toml.at(archive_id)
        if not KEY.match(archive_id):
            raise EditionError(at, f"the archive key [{archive_id}] must be letters, digits and hyphens "
                                   "(it becomes a file name), e.g. [APRF]")
        table = check_table(toml, (archive_id,), FIELDS, f"[{archive_id}]",
                            f"the fields are {', '.join(FIELDS)}")
        archives[archive_id] = Archive(archive_id, table["name"], table["about"],
                                       table.get("translation", ""), table.get("as_cited", ""), at,
                                       toml.at(archive_id, "as_cited"))
    check_file_names("bibliography", [(key, toml.at(key)) for key in archives], "archive")
    return archives


def check_as_cited(archives: dict[str, Archive], metas) -> None:
    """An archive's `as_cited` is printed on its page ("Full name as cited: Kim (2016), n. 7"):
    it names one of the edition's texts and a note that text has, or it sends readers to nothing."""
    texts = {meta.short: meta for meta in metas}
    for archive in archives.values():
        if not archive.as_cited:
            continue
        found = AS_CITED.match(archive.as_cited)
        meta = texts.get(f"{found['author']} {found['year']}") if found else None
        where = f"'as_cited' of [{archive.id}]"
        if not found:
            raise EditionError(archive.as_cited_position, f"{where} is “{archive.as_cited}”; write the note that "
                                                          "gives the archive's full name as “Kim (2016), n. 7”")
        if meta is None:
            raise EditionError(archive.as_cited_position, f"{where} names no text of the edition "
                                                          f"(“{archive.as_cited}”); the texts are "
                                                          f"{', '.join(sorted(texts))}")
        if not meta.has_note(int(found["note"])):
            raise EditionError(archive.as_cited_position, f"{where} cites note {found['note']}, but {meta.short} has "
                                                          f"notes {meta.note_range}; write the note "
                                                          "that gives the archive's full name")
