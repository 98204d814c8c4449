"""The readings stage: parse -> validate -> compare, as the build calls it."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..bibliography.entry import Entry
from ..citations.model import NoteCitations
from .compare import compare_all
from .model import Readings
from .parse import load_readings
from .validate import validate_readings


def read_readings(path: Path, entries: list[Entry], notes: list[NoteCitations], bib_path: Path) -> Readings:
    readings = load_readings(path)
    by_key = {e.key: e for e in entries}
    validate_readings(readings, by_key, bib_path)
    return dataclasses.replace(readings, checks=compare_all(readings, by_key, notes))
