"""The readings stage: parse (load_readings, read on its own) -> validate -> compare."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ...model.entry import Entry
from ...model.citations import NoteCitations
from .compare import compare_all
from ...model.readings import Readings
from .validate import validate_readings


def check_readings(readings: Readings, entries: list[Entry], notes: list[NoteCitations],
                   bib_path: Path, names: dict[str, str] | None = None) -> Readings:
    """Readings as loaded (load_readings needs nothing else, and may be read apart),
    validated against the bibliography and compared with the notes (`names`: each text's
    short name, which the comparisons' words use)."""
    by_key = {e.key: e for e in entries}
    validate_readings(readings, by_key, bib_path)
    return dataclasses.replace(readings, checks=compare_all(readings, by_key, notes, names))
