"""`python -m edition site` (what `make site` runs) is strict for real: any MkDocs warning
fails it, each reported as one `path:line: message`, with no traceback, and site/ is kept.
(MkDocs 1.6.1's own `--strict --quiet` does not count warnings: mkdocs#4126.)"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from breaking import edit, line_of, run_build, tree_digest
from support import ROOT

pytestmark = pytest.mark.slow   # handed out first (conftest.py)


def run_site(root: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "scripts"))
    return subprocess.run([sys.executable, "-m", "edition", "site"], cwd=root,
                          capture_output=True, text=True, env=env)


def with_site_config(project: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    return project


def run_site_in_process(root: Path) -> subprocess.CompletedProcess:
    return run_build(root, "site")


def expect_site_failure(project: Path, *expected: tuple[str, str], run=run_site) -> list[str]:
    """`edition site` fails: exit 1, no traceback, one line per problem (each expected
    `where` with a message matching), and site/ and the hand-written docs/ untouched. The
    command runs as its own process, or (run=run_site_in_process) its main() in this one."""
    site = project / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text("previous site", encoding="utf-8")
    before = tree_digest(site)
    result = run(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().split("\n")
    assert all(re.match(r"^[\w./-]+:\d+: \S", line) for line in lines), lines
    for where, message in expected:
        assert any(line.startswith(where + ": ") and re.search(message, line) for line in lines), (where, lines)
    assert tree_digest(site) == before
    assert not (project / ".site-new").exists()
    return lines


def test_broken_link_and_anchor_in_a_hand_written_page_fail_the_site(project):
    with_site_config(project)
    edit(project, "docs/index.md", "(bibliography/index.md)", "(bibliography/nowhere.md)")
    edit(project, "docs/index.md", "(glossary/index.md)", "(glossary/index.md#no-such-anchor)")
    link = line_of(project, "docs/index.md", "bibliography/nowhere.md")
    anchor = line_of(project, "docs/index.md", "#no-such-anchor")
    lines = expect_site_failure(project, (f"docs/index.md:{link}", "nowhere.md"),
                                (f"docs/index.md:{anchor}", "no-such-anchor"))
    assert len(lines) == 2, lines


def test_a_snippet_that_does_not_exist_is_one_line_not_a_traceback(project):
    with_site_config(project)
    edit(project, "docs/index.md", "# ", '--8<-- "no-such-include.md"\n\n# ')
    expect_site_failure(project, ("docs/index.md:1", "no-such-include.md"), run=run_site_in_process)


def test_a_broken_mkdocs_yml_is_one_line(project):
    with_site_config(project)
    edit(project, "mkdocs.yml", "use_directory_urls: true", "use_directory_urls: maybe")
    expect_site_failure(project, (f"mkdocs.yml:{line_of(project, 'mkdocs.yml', 'use_directory_urls')}",
                                  "use_directory_urls"), run=run_site_in_process)


def test_bad_sources_stop_before_mkdocs_with_the_generator_error(project):
    with_site_config(project)
    edit(project, "sources/texts.toml", "year = 2016\n", "")
    line = line_of(project, "sources/texts.toml", 'id = "kim-2016"') - 1
    expect_site_failure(project, (f"sources/texts.toml:{line}", r"\[\[text\]\] needs 'year'"),
                        run=run_site_in_process)


def test_a_good_build_replaces_the_site(project):
    with_site_config(project)
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("old", encoding="utf-8")
    result = run_site(project)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert not (project / "site" / "stale.html").exists()
    assert (project / "site" / "about" / "index.html").is_file()
    assert re.match(r"^site: \d+ pages built", result.stdout)


def test_make_site_runs_the_strict_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^site:.*\n((?:\t.*\n)+)", makefile, re.M)[1]
    assert "-m edition site" in recipe and "mkdocs build" not in recipe
