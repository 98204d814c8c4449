"""Shared fixtures: the real edition read once, and the real site built once."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT  # noqa: E402  (puts scripts/ on sys.path)

from edition.build import build, read_edition  # noqa: E402


@pytest.fixture(scope="session")
def edition():
    return read_edition(ROOT / "sources")


@pytest.fixture(scope="session")
def texts(edition):
    return {text.meta.id: text for text in edition.texts}


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's inputs, built once, to break on purpose."""
    from breaking import make_project
    return make_project(tmp_path)


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
