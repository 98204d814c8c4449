"""The Makefile on a bare machine: Python older than 3.11 is refused before pip runs, a
half-installed .venv is rebuilt, `make clean` removes every generated folder, and the
browser tests' requirements come from the one script that .ci/run uses too. A stand-in
`python` records what make asks of it, so nothing is installed."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from support import ROOT

from edition.publish.staging import GENERATED

FAKE_PYTHON = """#!/bin/sh
# A stand-in for python: reports version VERSION, records pip and edition runs.
here=$(dirname "$0")
case "$1" in
  --version) echo "Python VERSION" ;;
  -c) [ "VERSION" != "3.9.2" ] ;;
  -m) case "$2" in
        venv) mkdir -p "$3/bin" && cp "$0" "$3/bin/python" ;;
        *) echo "$*" >> "$PWD/calls.log" ;;
      esac ;;
esac
"""


def make(tmp_path: Path, version: str, *targets: str) -> subprocess.CompletedProcess:
    for name in ("Makefile", "requirements.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    python = tmp_path / "python-stand-in"
    python.write_text(FAKE_PYTHON.replace("VERSION", version), encoding="utf-8")
    python.chmod(0o755)
    return subprocess.run(["make", f"PYTHON={python}", *targets], cwd=tmp_path, capture_output=True, text=True)


def test_an_old_python_is_refused_before_pip_runs(tmp_path):
    result = make(tmp_path, "3.9.2", "check")
    assert result.returncode == 2
    assert "Python 3.11 or newer is needed; " in result.stdout and "3.9.2" in result.stdout
    assert not (tmp_path / ".venv").exists() and not (tmp_path / "calls.log").exists()


def test_a_half_installed_venv_is_rebuilt(tmp_path):
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / ".installing").touch()       # pip was interrupted
    (tmp_path / ".venv" / "half-written").touch()
    result = make(tmp_path, "3.12.1", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ".venv is half-installed or broken; rebuilding it" in result.stdout
    assert not (tmp_path / ".venv" / "half-written").exists()
    assert not (tmp_path / ".venv" / ".installing").exists()
    assert list((tmp_path / ".venv").glob(".installed-*"))
    calls = (tmp_path / "calls.log").read_text().split("\n")
    assert calls[0].startswith("-m pip install") and calls[1] == "-m edition check"


def test_a_complete_venv_is_kept(tmp_path):
    assert make(tmp_path, "3.12.1", "check").returncode == 0
    (tmp_path / ".venv" / "kept").touch()
    result = make(tmp_path, "3.12.1", "check")
    assert result.returncode == 0 and (tmp_path / ".venv" / "kept").exists()
    assert "rebuilding" not in result.stdout


def test_clean_removes_every_generated_folder():
    recipe = re.search(r"^clean:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)[1]
    for folder in GENERATED:
        assert re.search(rf"\b{re.escape(folder)}\b", recipe), folder
    for other in ("site", ".site-new", ".pytest_cache", ".hypothesis"):
        assert other in recipe


def test_make_test_and_ci_use_the_one_browser_script():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M)[1]
    assert "scripts/ensure-chromium" in recipe and "make test: " in recipe  # prints its duration
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/ensure-chromium" in ci and "apt-get" not in ci.replace("with apt-get", "")


def test_no_test_launches_chromium_itself():
    """Every browser test goes through the one `browser` fixture (tests/conftest.py)."""
    launches = re.compile(r"chromium\s*\.\s*launch\(|sync_playwright\(\)")
    for path in (ROOT / "tests").rglob("*.py"):
        if path.name != "conftest.py":
            assert not launches.search(path.read_text(encoding="utf-8")), path
