"""Shared fixtures: the real edition read once, and the real site built once."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from edition.build import build, read_edition  # noqa: E402
from edition.model import BlockQuote  # noqa: E402


@pytest.fixture(scope="session")
def edition():
    return read_edition(ROOT / "sources")


@pytest.fixture(scope="session")
def texts(edition):
    return {text.meta.id: text for text in edition.texts}


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site: the generator, then a strict MkDocs build, into a temp folder."""
    build(ROOT)
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []
    return out


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


def copy_project(tmp_path: Path) -> Path:
    """A copy of the project's inputs, to break on purpose."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "sources", root / "sources")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("texts", ".texts-*"))
    return root
