"""Source texts and BibTeX fields are data: markup put into them is shown as text and
never runs. The built pages are opened in Chromium to check that nothing ran."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from breaking import KIM, KISSINGER, MANIFEST, edit, expect_error, make_project, run_build
from support import ROOT

PAYLOADS = {
    "paragraph": '<script>window.__pwned="paragraph"</script>',
    "attribute": '<img src=x onerror="window.__pwned=\'onerror\'">',
    "link": "[click me](javascript:window.__pwned='link')",
    "note": '<script>window.__pwned="note"</script>',
    "heading": "<b onmouseover=\"window.__pwned='heading'\">bold</b>",
    "bibtex": "<svg onload=\"window.__pwned='bibtex'\"></svg>",
}
CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _poison(project: Path) -> None:
    edit(project, KISSINGER, "That is not what Kim Il-sung decided.",
         f"That is not what Kim Il-sung decided. {PAYLOADS['paragraph']} {PAYLOADS['attribute']} {PAYLOADS['link']}")
    edit(project, KIM, "<sup>13</sup>Jin Chongji,", f"<sup>13</sup>{PAYLOADS['note']} Jin Chongji,")
    title = "New insights into Mao's initial strategic consideration towards the Korean War intervention"
    edit(project, KIM, f"## {title}", f"## {title} {PAYLOADS['heading']}", count=2)
    edit(project, MANIFEST, f'title = "{title}"', f"title = \"{title} {PAYLOADS['heading'].replace(chr(34), chr(92) + chr(34))}\"")
    edit(project, "sources/bibliography.bib", "translatedtitle = {From the Yalu River to Panmunjom}",
         f"translatedtitle = {{From the Yalu River to Panmunjom {PAYLOADS['bibtex']}}}")


def _build_site(project: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    assert run_build(project).returncode == 0
    site = project / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.browser
def test_markup_in_sources_is_shown_and_never_runs(tmp_path):
    if os.environ.get("EDITION_SKIP_BROWSER") == "1":
        pytest.skip("EDITION_SKIP_BROWSER=1")
    from playwright.sync_api import sync_playwright

    project = make_project(tmp_path)
    _poison(project)
    site = _build_site(project)
    pages = {
        "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war": ("paragraph", "attribute", "link"),
        "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of": ("note",),
        "texts/kim-2016": ("heading",),
        "bibliography": ("bibtex",),
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM)
        try:
            page = browser.new_page()
            for path, kinds in pages.items():
                page.goto((site / path / "index.html").as_uri())
                page.wait_for_load_state("load")
                assert page.locator("a[href^='javascript:']").count() == 0, path
                page.mouse.move(200, 200)
                assert page.evaluate("window.__pwned") is None, path
                body = page.inner_text("article")
                for kind in kinds:
                    assert PAYLOADS[kind] in body, (kind, body[:300])
        finally:
            browser.close()


def test_short_name_with_markup_is_refused(tmp_path):
    project = make_project(tmp_path)
    edit(project, MANIFEST, 'short = "Kim 2016"', 'short = "Kim <script>2016"')
    line = _line(project, 'id = "kim-2016"') - 1
    expect_error(project, f"{MANIFEST}:{line}", "short 'Kim <script>2016' may hold only")


def _line(project: Path, needle: str) -> int:
    lines = (project / MANIFEST).read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(lines) if needle in line)
