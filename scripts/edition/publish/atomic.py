"""Replacing a generated folder all at once, so that a failed build leaves the last good
output and nothing ever sees a half-written one (docs/'s generated folders, site/)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def swap(new: Path, target: Path, old: Path) -> None:
    """Put `new` in place of `target` with renames only; `old` holds the previous folder
    for the moment between the two renames and is removed after."""
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.rename(target, old)
    if new.exists():
        os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)
