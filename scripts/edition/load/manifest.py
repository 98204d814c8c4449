"""sources/texts.toml -> [TextMeta], checked field by field."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import EditionError, SourcePosition
from ..model.text import TextMeta
from .fields import Field, check_table, filled, matching, one_of, only_tables, text, year
from .file_names import MAX_KEY
from .readers import NOTES_FILE_READERS
from .sourcefile import read_toml, refuse_links

RANGE = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")
FILE_NAME = re.compile(r"^(?!.*\.\.)[\w][\w.-]*$")
PLAIN = ("author_sort", "volume", "issue", "chapter", "publisher", "place", "doi", "isbn")  # optional text
HOW_TO = "the fields are listed at the top of texts.toml"
ISBN_FORM = matching(re.compile(r"^(?:\d[\d-]{8,15}[\dXx])$"), "must be digits and hyphens (a final X allowed)")


def _range(value) -> str:
    match = RANGE.match(value) if isinstance(value, str) else None
    ok = match and 1 <= int(match[1]) <= int(match[2])
    return "" if ok else f"must be a range like \"1-80\", not {value!r}"


def _isbn(value) -> str:
    """An ISBN-10 or ISBN-13 whose check digit matches: a mistyped digit would be published
    in the citations, the TEI header and the page's metadata."""
    problem = ISBN_FORM(value)
    if problem:
        return problem
    digits = value.replace("-", "").upper()
    if len(digits) not in (10, 13) or "X" in digits[:-1] or (len(digits) == 13 and digits[-1] == "X"):
        return f"must have 10 or 13 digits (only an ISBN-10 may end in X), not '{value}'"
    expected = _isbn_check_digit(digits[:-1])
    if digits[-1] != expected:
        return (f"has a check digit that does not match: '{value}' ends in {digits[-1]}, but its other "
                f"digits give {expected}; copy the ISBN again from the book")
    return ""


def _isbn_check_digit(digits: str) -> str:
    """The last digit of an ISBN-13 (weights 1, 3, 1, …; modulo 10) or an ISBN-10
    (weights 10, 9, …, 2; modulo 11, where 10 is written X), from the digits before it."""
    if len(digits) == 12:
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
        return str(-total % 10)
    total = sum(int(d) * (10 - i) for i, d in enumerate(digits))
    return "0123456789X"[-total % 11]


def _file_in(folder: str) -> Field:
    """A plain file name in sources/<folder>/: no folder, no absolute path, no '..'."""
    return matching(FILE_NAME, f"must be a file name in sources/{folder}/ (letters, digits, '.', '_', '-'; "
                               "no folder, no absolute path, no '..')")


_ID_SHAPE = matching(re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$"), "must be lowercase letters, digits and single hyphens")


def _text_id(value) -> str:
    """An id names the text's folder and files: a slug, no longer than a file name can be."""
    if _ID_SHAPE(value):
        return _ID_SHAPE(value)
    if len(value) > MAX_KEY:
        return f"has {len(value)} characters; it becomes a folder and file names: at most {MAX_KEY}"
    return ""


def _fields(readers: dict) -> dict[str, Field]:
    needed = {"id": Field(_text_id, True),
              # shown in navigation and page titles
              "short": Field(matching(re.compile(r"^[\w][\w .,'’&()–-]*$"),
                                      "may hold only letters, digits, spaces and . , ' ’ & ( ) – -"), True),
              "reader": Field(one_of(*sorted(readers)), True), "source": Field(_file_in("texts"), True),
              "author": Field(filled, True), "title": Field(filled, True),
              "kind": Field(one_of("article", "chapter"), True), "container": Field(filled, True),
              "year": Field(year, True), "rights_holder": Field(filled, True), "notes": Field(_range, True)}
    optional = {"author_sort": Field(text), "volume": Field(text), "issue": Field(text), "chapter": Field(text),
                "publisher": Field(text), "place": Field(text), "pages": Field(_range),
                "doi": Field(matching(re.compile(r"^10\.\d{4,9}/[^\s<>\"'()\[\]{}\\]+$"),
                                      "must look like 10.1080/14682745.2016.1190339 (no https://doi.org/)")),
                "isbn": Field(_isbn),
                "notes_file": Field(_file_in("notes"))}
    return needed | optional


def load_manifest(sources: Path, readers: dict) -> list[TextMeta]:
    path = sources / "texts.toml"
    toml = read_toml(path)
    tables = only_tables(toml, "text")
    if not tables:
        raise EditionError(SourcePosition(path, 1), "no [[text]] tables; add one per text")
    fields = _fields(readers)
    metas = [_text_meta(toml, index, at, fields, sources) for index, (_, at) in enumerate(tables)]
    _check_unique(metas)
    _check_unlisted_texts(sources, metas)
    return metas


def _text_meta(toml, index: int, at: SourcePosition, fields: dict, sources: Path) -> TextMeta:
    table = check_table(toml, ("text", index), fields, "[[text]]", HOW_TO)
    if not (table.get("doi") or table.get("isbn")):
        raise EditionError(at, "give the text's 'doi' or 'isbn'")
    first_note, last_note = _numbers(table["notes"])
    first_page, last_page = _numbers(table["pages"]) if "pages" in table else (0, 0)
    source = _existing(toml.at("text", index, "source"), sources / "texts", table["source"], "source")
    notes_file = _notes_file(toml, index, table, sources)
    text = {k: table.get(k, "") for k in PLAIN}
    return TextMeta(
        id=table["id"], reader=table["reader"], source=source, author=table["author"],
        title=table["title"], kind=table["kind"], container=table["container"],
        year=table["year"], rights_holder=table["rights_holder"], short=table["short"],
        first_note=first_note, last_note=last_note, first_page=first_page,
        last_page=last_page, notes_file=notes_file, position=at, **text,
    )


def _notes_file(toml, index: int, table: dict, sources: Path) -> Path | None:
    """The text's notes file, if it has one: only a reader that reads one may be given one
    (the others read the notes in the source, and would ignore it silently)."""
    if "notes_file" not in table:
        return None
    at = toml.at("text", index, "notes_file")
    if table["reader"] not in NOTES_FILE_READERS:
        raise EditionError(at, f"'notes_file' of [[text]] is read only for the reader "
                               f"{' or '.join(NOTES_FILE_READERS)}; a \"{table['reader']}\" text has its notes in "
                               "its source: remove 'notes_file'")
    return _existing(at, sources / "notes", table["notes_file"], "notes_file")


def _numbers(value: str) -> tuple[int, int]:
    match = RANGE.match(value)
    return int(match[1]), int(match[2])


def _existing(at: SourcePosition, folder: Path, name: str, field: str) -> Path:
    """The file `name` (a plain file name, checked) in `folder`: it exists, and neither it
    nor a folder on its way is a symbolic link (sourcefile.refuse_links)."""
    where = f"sources/{folder.name}/"
    path = folder / name
    refuse_links(path)
    if not path.is_file():
        raise EditionError(at, f"'{field}' of [[text]] names {where}{name}, which does not exist; "
                               f"add the file or fix '{field}'")
    return path


def _check_unique(metas: list[TextMeta]) -> None:
    seen: dict[tuple[str, str], TextMeta] = {}
    for meta in metas:
        # 'short' too: the registers and pages name a text by it ("Kim 2016, n. 7").
        for key, value in (("id", meta.id), ("source", meta.source.name), ("short", meta.short)):
            if (key, value) in seen:
                # The other entry by its line: by its id, a copied id would name this entry itself.
                raise EditionError(meta.position, f"{key} '{value}' is used by two [[text]] entries (the other "
                                                  f"is at line {seen[(key, value)].position.line}); give each its own")
            seen[(key, value)] = meta


def _check_unlisted_texts(sources: Path, metas: list[TextMeta]) -> None:
    listed = {meta.source.name for meta in metas}
    for file in sorted((sources / "texts").iterdir()):
        if file.is_file() and file.name not in listed:
            raise EditionError(file, "this text is not listed in sources/texts.toml; add a [[text]] entry for it")
