"""Helpers shared by the tests (imported by name; conftest.py holds only fixtures)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

from edition.model.text import BlockQuote  # noqa: E402

def paragraphs(text):
    """Every paragraph of a text, in order, with whether it stands in a block quote."""
    for section in text.sections:
        for holder in (section,) + section.appendix:
            for block in holder.blocks:
                if isinstance(block, BlockQuote):
                    for paragraph in block.paragraphs:
                        yield paragraph, True
                else:
                    yield block, False


def copy_project(tmp_path: Path, site_config: bool = False) -> Path:
    """A copy of the project's inputs (sources/ and the hand-written docs/; with
    `site_config`, also mkdocs.yml and overrides/), to build or break on purpose."""
    from edition.publish.staging import GENERATED

    def generated(folder: str, names: list[str]) -> list[str]:
        if Path(folder) != ROOT / "docs":
            return []
        return [n for n in names if n in GENERATED or n.startswith(".texts-")]

    root = tmp_path / "project"
    shutil.copytree(ROOT / "sources", root / "sources", symlinks=True)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=generated)
    if site_config:
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        shutil.copytree(ROOT / "overrides", root / "overrides")
    return root
