"""Readings checked against the bibliography and the host policy (sources/source-policy.toml): every reading
names an entry that exists, once, and links only https pages on an allowed host."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ...model.entry import Entry, key_named
from ...errors import EditionError
from ...model.readings import Readings

UNSAFE = re.compile(r"[\s\"'<>\\`|]")


def validate_readings(readings: Readings, entries: dict[str, Entry], bib_path: Path) -> None:
    first_line: dict[str, int] = {}
    for reading in readings:
        if reading.entry not in entries:
            raise EditionError(reading.at("entry"), f"entry '{reading.entry}' is not a key in {bib_path.name}; "
                                                    "use the key of the entry the notes cite")
        if reading.entry in first_line:
            raise EditionError(reading.position, f"a second [[reading]] for '{reading.entry}' (the first is at "
                                                 f"line {first_line[reading.entry]}); one reading per entry: "
                                                 "merge the two")
        first_line[reading.entry] = reading.position.line
        if reading.url:   # read and compared, or listed by the publisher: the same host policy
            check_url(reading.url, readings.allowed_hosts, reading.at("url"))
        _check_no_key_named(reading, set(entries))


# The fields whose words readers see as written.
READERS_WORDS = ("searched", "named_by", "compared", "differences", "publisher_adds", "printed_in")


def _check_no_key_named(reading, keys: set[str]) -> None:
    for name in READERS_WORDS:
        value = getattr(reading, name)
        key = key_named(" ".join(value) if isinstance(value, tuple) else value, keys)
        if key:
            raise EditionError(reading.at(name), f"'{name}' of the reading of '{reading.entry}' names the entry "
                                                 f"'{key}' by its key, which readers see as written; say what "
                                                 "it is (author, title, date)")


def _shown(url: str) -> str:
    """The address in a message: a long one cut, with "…" so it is not taken for a typo."""
    return url if len(url) <= 80 else url[:80] + "…"


def check_url(url: str, allowed_hosts: tuple[str, ...], at) -> None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:   # a malformed host or port
        raise EditionError(at, f"url '{_shown(url)}' cannot be read ({err}); copy the page's address "
                               "as the browser shows it") from None
    if parts.scheme != "https" or not parts.netloc:
        raise EditionError(at, f"url '{_shown(url)}' must be an https:// address (the publisher's canonical page); "
                               "other schemes are refused")
    if UNSAFE.search(url) or parts.username or parts.password or port:
        raise EditionError(at, f"url '{_shown(url)}' must be a plain address: no spaces, quotes, user name or port")
    if parts.hostname not in allowed_hosts:
        raise EditionError(at, f"host '{parts.hostname}' is not allowed by sources/source-policy.toml; link "
                               "the publisher's canonical page, never a mirror or a staging copy, or add the "
                               f"publisher's own host there as [[allow]] host = \"{parts.hostname}\" with its kind")
