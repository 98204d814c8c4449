"""sources/texts.toml -> [TextMeta], checked field by field."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import EditionError, SourcePosition
from ..model.text import TextMeta
from .sourcefile import read_toml, refuse_links

REQUIRED = ("id", "short", "reader", "source", "author", "title", "kind", "container",
            "year", "rights_holder", "notes")
OPTIONAL = ("author_sort", "volume", "issue", "chapter", "publisher", "place", "pages",
            "doi", "isbn", "notes_file")
KINDS = ("article", "chapter")
RANGE = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DOI = re.compile(r"^10\.\d{4,9}/[^\s<>\"'()\[\]{}\\]+$")
ISBN = re.compile(r"^(?:\d[\d-]{8,15}[\dXx])$")
SHORT = re.compile(r"^[\w][\w .,'’&()–-]*$")  # shown in navigation and page titles


def load_manifest(sources: Path, readers: dict) -> list[TextMeta]:
    path = sources / "texts.toml"
    tables = read_toml(path).array_table("text")
    if not tables:
        raise EditionError(SourcePosition(path, 1), "no [[text]] tables; add one per text")
    metas = [_text_meta(at, table, sources, readers) for table, at in tables]
    _check_unique(metas)
    _check_unlisted_texts(sources, metas)
    return metas


def _text_meta(at: SourcePosition, table: dict, sources: Path, readers) -> TextMeta:
    for key in REQUIRED:
        if key not in table or table[key] in ("", None):
            raise EditionError(at, f"[[text]] entry lacks the required field '{key}'")
    for key in table:
        if key not in REQUIRED + OPTIONAL:
            raise EditionError(at, f"unknown field '{key}'; the fields are listed at the top of texts.toml")
    for key in table:
        if key != "year" and not isinstance(table[key], str):
            raise EditionError(at, f"{key} must be a string in double quotes, e.g. {key} = \"...\"")
    if not ID.match(str(table["id"])):
        raise EditionError(at, f"id '{table['id']}' must be lowercase letters, digits and hyphens")
    if not SHORT.match(str(table["short"])):
        raise EditionError(at, f"short '{table['short']}' may hold only letters, digits, spaces and . , ' ( ) -")
    if table["reader"] not in readers:
        known = ", ".join(sorted(readers))
        raise EditionError(at, f"unknown reader '{table['reader']}'; use one of: {known}")
    if table["kind"] not in KINDS:
        raise EditionError(at, f"kind must be one of {', '.join(KINDS)}, not '{table['kind']}'")
    if not (table.get("doi") or table.get("isbn")):
        raise EditionError(at, "give the text's 'doi' or 'isbn'")
    if not is_publication_year(table["year"]):
        raise EditionError(at, f"year must be the year the text was published, a number from {FIRST_YEAR} "
                               f"to {LAST_YEAR}, e.g. year = 2016")
    if table.get("doi") and not DOI.match(table["doi"]):
        raise EditionError(at, f"doi '{table['doi']}' must look like 10.1080/14682745.2016.1190339 (no https://doi.org/)")
    if table.get("isbn") and not ISBN.match(table["isbn"]):
        raise EditionError(at, f"isbn '{table['isbn']}' must be digits and hyphens (a final X allowed)")
    first_note, last_note = _range(at, table, "notes")
    first_page, last_page = _range(at, table, "pages") if "pages" in table else (0, 0)
    source = inside(at, sources / "texts", table["source"], "source")
    if not source.is_file():
        raise EditionError(at, f"source file sources/texts/{table['source']} does not exist; add it or fix 'source'")
    notes_file = None
    if "notes_file" in table:
        notes_file = inside(at, sources / "notes", table["notes_file"], "notes_file")
        if not notes_file.is_file():
            raise EditionError(at, f"notes_file sources/notes/{table['notes_file']} does not exist")
    text = {k: str(table.get(k, "")) for k in OPTIONAL if k not in ("pages", "notes_file")}
    return TextMeta(
        id=table["id"], reader=table["reader"], source=source, author=table["author"],
        title=table["title"], kind=table["kind"], container=table["container"],
        year=table["year"], rights_holder=table["rights_holder"], short=table["short"],
        first_note=first_note, last_note=last_note, first_page=first_page,
        last_page=last_page, notes_file=notes_file, position=at, **text,
    )


# The years a text of the edition can have been published in: printing to the near future.
FIRST_YEAR, LAST_YEAR = 1450, 2100


def is_publication_year(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR


FILE_NAME = re.compile(r"^[\w][\w.-]*$")


def inside(at: SourcePosition, folder: Path, name: str, field: str) -> Path:
    """The file `name` in `folder`, which it may not leave: a plain file name, no folder,
    no absolute path, no `..`, and no symbolic link (sourcefile.refuse_links)."""
    where = f"sources/{folder.name}/"
    if not FILE_NAME.match(name) or ".." in name:
        raise EditionError(at, f"{field} '{name}' must be a file name in {where} (letters, digits, "
                               "'.', '_', '-'; no folder, no absolute path, no '..')")
    path = folder / name
    refuse_links(path)
    return path


def _range(at, table, key) -> tuple[int, int]:
    match = RANGE.match(str(table[key]))
    if not match or int(match[1]) > int(match[2]):
        raise EditionError(at, f"{key} must be a range like \"1-80\", not '{table[key]}'")
    return int(match[1]), int(match[2])


def _check_unique(metas: list[TextMeta]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for meta in metas:
        for key, value in (("id", meta.id), ("source", meta.source.name)):
            if (key, value) in seen:
                raise EditionError(meta.position, f"{key} '{value}' is used by two [[text]] entries")
            seen[(key, value)] = meta.id


def _check_unlisted_texts(sources: Path, metas: list[TextMeta]) -> None:
    listed = {meta.source.name for meta in metas}
    for file in sorted((sources / "texts").iterdir()):
        if file.is_file() and file.name not in listed:
            raise EditionError(file, "this text is not listed in sources/texts.toml; add a [[text]] entry for it")
