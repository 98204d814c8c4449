"""sources/bibliography.bib -> [Entry], with bibtexparser v2.

bibtexparser is lenient: it puts syntax errors, duplicate keys and fields given
twice into ``library.failed_blocks`` and leaves ``@string`` concatenations with ``#``
unresolved. Each of the steps below checks one of these and stops the build
with the line of the problem.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares import (NormalizeFieldKeys, RemoveEnclosingMiddleware,
                                      ResolveStringReferencesMiddleware)
from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, Entry as BibEntry, ImplicitComment

from ...errors import EditionError, SourcePosition
from ..sourcefile import read_source
from ...model.entry import Entry

PARSE_STACK = (ResolveStringReferencesMiddleware(allow_inplace_modification=True),)
# After the checks on the raw values (undefined @string names).
CLEAN_STACK = (
    RemoveEnclosingMiddleware(allow_inplace_modification=True),
    NormalizeFieldKeys(allow_inplace_modification=True),
)
# A bare word left after string resolution names an @string that is not defined.
BARE_WORD = re.compile(r"^[A-Za-z_][\w:.+/-]*$")
# LaTeX commands and accents ({\"o}, \'e, \emph{...}) and math: the edition shows field
# values as written, so they would appear raw; write the characters themselves.
LATEX = re.compile(r"\\(?:[A-Za-z]+|[^A-Za-z\s])|\$")
# A value still holding `name # "text"` after string resolution: bibtexparser
# does not resolve concatenations.
CONCATENATION = re.compile(r'^(?:[\w-]+|"[^"]*"|\{[^{}]*\})(?:\s*#\s*(?:[\w-]+|"[^"]*"|\{[^{}]*\}))+$')


def parse_bibliography(path: Path) -> list[Entry]:
    source = read_source(path)
    # bibtexparser logs what it skips; the edition reports it as an error instead.
    logger = logging.getLogger("bibtexparser")
    level, logger.level = logger.level, logging.CRITICAL
    try:
        library = bibtexparser.parse_string(source.text, parse_stack=list(PARSE_STACK))
    except Exception as err:  # the parser's own failures, on input it cannot follow
        raise EditionError(SourcePosition(path, 1), f"bibtexparser cannot read this file ({err}); "
                                                    "check the entries' braces and quotes") from None
    finally:
        logger.level = level
    reject_failed_blocks(library, path)
    reject_text_outside_entries(library, path)
    reject_undefined_strings(library, path)
    reject_values_running_on(library, path)
    for middleware in CLEAN_STACK:
        library = middleware.transform(library)
    entries = to_entries(library)
    reject_unresolved_concatenations(entries, path)
    reject_latex(entries, path)
    return entries


def reject_undefined_strings(library: Library, path: Path) -> None:
    for block in library.entries:
        for field in block.fields:
            value = str(field.value).strip()
            if BARE_WORD.match(value):
                raise EditionError(SourcePosition(path, field.start_line + 1),
                                   f"field '{field.key}' of '{block.key}' is the bare word '{value}', which "
                                   "names no @string; put the value in braces, {like this}, or define the @string")


def reject_values_running_on(library: Library, path: Path) -> None:
    """A field whose value goes on after its closing brace or quote: bibtexparser reads up
    to the next comma, so a missing comma makes the next field part of this value."""
    for block in library.entries:
        for field in block.fields:
            value = str(field.value).strip()
            end = _end_of_value(value)
            while value[end:].lstrip().startswith("#"):   # a concatenation (reported later): each part
                start = value.index("#", end) + 1
                start += len(value[start:]) - len(value[start:].lstrip())
                end = start + _end_of_value(value[start:])
            rest = value[end:].strip()
            if rest:
                raise EditionError(SourcePosition(path, field.start_line + 1 + value[:end].count("\n")),
                                   f"field '{field.key}' of '{block.key}' goes on after its value "
                                   f"('{' '.join(rest.split())[:40]}'); add the missing comma after the value")


def _end_of_value(value: str) -> int:
    """Where the value's first {braced} or "quoted" part, or its first word, ends."""
    if not value or value[0] not in '{"':
        return len(value.split(None, 1)[0]) if value else 0
    depth = 0
    for index, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if index and depth == 0 and (char == "}" if value[0] == "{" else char == '"'):
            return index + 1
    return len(value)


def reject_latex(entries: list[Entry], path: Path) -> None:
    for entry in entries:
        for name, value in entry.fields.items():
            if name not in ("url", "doi") and (found := LATEX.search(value)):
                raise EditionError(SourcePosition(path, entry.field_lines.get(name, entry.line)),
                                   f"field '{name}' of '{entry.key}' holds LaTeX ('{found[0]}'), which would be "
                                   "shown as written; write the characters themselves (ö, not {\\\"o})")


def reject_failed_blocks(library: Library, path: Path) -> None:
    # The entries too, in the file's order: a field given twice in another case ('Title'
    # after 'title') is no failed block, and NormalizeFieldKeys would keep the last silently.
    for block in sorted(library.failed_blocks + library.entries, key=lambda b: b.start_line):
        if isinstance(block, BibEntry):
            reject_field_given_twice(block, path)
            continue
        if isinstance(block, DuplicateFieldKeyBlock):
            reject_field_given_twice(block.ignore_error_block, path)
        at = SourcePosition(path, block.start_line + 1)
        if isinstance(block, DuplicateBlockKeyBlock):
            first = block.previous_block.start_line + 1
            raise EditionError(at, f"duplicate key '{block.key}' (first at line {first}); every entry needs a "
                                   "key of its own: rename one, or merge the two")
        unclosed = unclosed_field(block.raw)
        if unclosed is not None:
            offset, name, runs_into = unclosed
            raise EditionError(SourcePosition(path, block.start_line + 1 + offset),
                               f"field '{name}' opens a brace that it never closes, so the entry runs on into "
                               f"line {block.start_line + 1 + runs_into}; end the value with '}}'")
        detail = " ".join(str(getattr(block.error, "abort_reason", "") or "").split())
        raise EditionError(at, f"this BibTeX entry cannot be parsed ({detail or 'syntax error'}); "
                               "check its braces, quotes and commas")


FIELD_START = re.compile(r"^\s*([A-Za-z][\w-]*)\s*=\s*[{\"]")


def unclosed_field(raw: str) -> tuple[int, str, int] | None:
    """In an entry that failed to parse: the field whose value opens a brace it never
    closes (its line's offset in the entry, its name, the offset of the line it runs into),
    found where a later line begins a field or an entry while that value is still open.
    None when the entry failed for another reason."""
    depth, open_field = 0, None
    for offset, line in enumerate(raw.split("\n")):
        start = FIELD_START.match(line)
        if offset and depth > 1 and open_field and (start or line.lstrip().startswith("@")):
            return open_field + (offset,)
        if start and depth == 1:
            open_field = (offset, start[1].lower())
        bare = line.replace("\\{", "").replace("\\}", "")
        depth += bare.count("{") - bare.count("}")
    return None


def reject_field_given_twice(block: BibEntry, path: Path) -> None:
    """Two values of one field, its name compared without case: bibtexparser fails such an
    entry as a whole (or, for 'Title' and 'title', keeps the last), so the line of the
    second field is what the editor needs."""
    first: dict[str, int] = {}
    for field in block.fields:
        name = field.key.lower()
        if name in first:
            raise EditionError(SourcePosition(path, field.start_line + 1),
                               f"field '{name}' of '{block.key}' is given twice (first at line {first[name]}); "
                               "keep one")
        first[name] = field.start_line + 1


def reject_text_outside_entries(library: Library, path: Path) -> None:
    """Text between entries that is not a `%` comment: a stray `}` ends an entry early and
    bibtexparser keeps the rest of it as such text, so the entry silently loses fields."""
    previous = None
    for block in library.blocks:
        if isinstance(block, ImplicitComment):
            lines = [line.strip() for line in block.raw.split("\n")]
            stray = next((i for i, line in enumerate(lines) if line and not line.startswith("%")), None)
            if stray is not None:
                after = f" after '{previous.key}'" if previous is not None else ""
                shown = " ".join(" ".join(lines[stray:]).split())[:40]
                raise EditionError(SourcePosition(path, block.start_line + 1 + stray),
                                   f"text outside any entry{after} ('{shown}'); a stray '}}' may "
                                   "have ended the entry early: check its braces (comments start with %)")
        elif hasattr(block, "key") and hasattr(block, "fields"):
            previous = block


def to_entries(library: Library) -> list[Entry]:
    entries = []
    for block in library.entries:
        fields = {f.key: _clean(str(f.value)) for f in block.fields}
        lines = {f.key: f.start_line + 1 for f in block.fields}
        entries.append(Entry(block.key, block.entry_type.lower(), fields, block.start_line + 1, lines))
    return entries


def reject_unresolved_concatenations(entries: list[Entry], path: Path) -> None:
    for entry in entries:
        for name, value in entry.fields.items():
            if "#" in value and CONCATENATION.match(value.strip()):
                raise EditionError(SourcePosition(path, entry.field_lines.get(name, entry.line)),
                                   f"field '{name}' of '{entry.key}' concatenates with '#' "
                                   f"({value[:40]}), which is not resolved; write the value out in full")


def _clean(value: str) -> str:
    return " ".join(value.split())
