"""The build: read every text, check everything, render, and only then write.

Output goes to a temporary directory that replaces the previous output in one
step when the whole build succeeded, so a failed build leaves the last good
pages in place.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .corrections import load_corrections
from .manifest import load_manifest
from .model import Text
from .readers import READERS
from .render.front import render_front
from .render.pages import render_text


@dataclass(frozen=True)
class Edition:
    texts: list[Text]


def read_edition(sources: Path) -> Edition:
    corrections = load_corrections(sources / "corrections.toml")
    metas = load_manifest(sources, READERS)
    texts = [READERS[meta.reader](meta, corrections) for meta in metas]
    corrections.check_all_used({meta.id for meta in metas})
    return Edition(texts)


def render_edition(edition: Edition) -> dict[str, str]:
    files: dict[str, str] = {}
    for text in edition.texts:
        files.update(render_text(text))
    files.update(render_front(edition.texts))
    return files


def write_tree(files: dict[str, str], docs: Path, subdir: str = "texts") -> None:
    """Write files (paths relative to docs/, all under docs/<subdir>/) atomically."""
    target = docs / subdir
    if _unchanged(target, files, subdir):
        return  # nothing to do; leaving the files alone keeps watchers quiet
    docs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{subdir}-", dir=docs))
    try:
        for relative in sorted(files):
            path = staging / Path(relative).relative_to(subdir)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[relative], encoding="utf-8", newline="\n")
        old = docs / f".{subdir}-old"
        if old.exists():
            shutil.rmtree(old)
        if target.exists():
            os.rename(target, old)
        os.rename(staging, target)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _unchanged(target: Path, files: dict[str, str], subdir: str) -> bool:
    if not target.is_dir():
        return False
    existing = {f"{subdir}/{p.relative_to(target).as_posix()}" for p in target.rglob("*") if p.is_file()}
    return existing == set(files) and all(
        (target.parent / name).read_text(encoding="utf-8") == content for name, content in files.items())


def build(root: Path) -> Edition:
    edition = read_edition(root / "sources")
    write_tree(render_edition(edition), root / "docs")
    return edition
