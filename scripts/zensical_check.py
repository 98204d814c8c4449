"""`make zensical-check`: build the site with Zensical (Material's successor) and with
MkDocs, and compare every page's article.

Both builds run in scratch copies of the project's site configuration (mkdocs.yml,
overrides/) and of docs/ as `make build` left it, each with its own config and no
command-line options (Zensical has no --site-dir and ignores hooks:). Zensical runs from
its own virtual environment (.venv-zensical, made by the Makefile), so that its pins do
not touch the project's.

A page is identical when its <article> is the same after folding runs of whitespace.
Differences are listed; those MAINTAINERS.md explains (KNOWN below) are accepted, any other
fails the check with exit status 1.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
MKDOCS = ROOT / ".venv" / "bin" / "mkdocs"
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# Theme chrome, not the page: Zensical's template opens the article with the target of
# its "skip to content" link, where Material's puts it before the article.
CHROME = ('<a id="__skip" tabindex="-1"></a>',)

# page (relative path in the site) -> why its article differs; kept in step with the
# MAINTAINERS.md's "Ready for Zensical". Empty: every page is identical.
KNOWN: dict[str, str] = {}

# Parts of a page set aside before comparing, each with why (MAINTAINERS.md, "Ready for Zensical"):
# the rest of the page must still be identical. Zensical 0.0.73 gives the 404 template an
# empty `nav`, so its "Pages of the edition" list (the last thing in the article) is empty.
SET_ASIDE: dict[str, tuple[str, str]] = {
    "404.html": ("Zensical 0.0.73 passes no navigation to the 404 template",
                 r'<h2 id="pages-of-the-edition">.*$'),
}


def scratch_copy(target: Path) -> Path:
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns(".texts-*"))
    return target


def run(command: list[str], cwd: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"zensical-check: {' '.join(command[-2:])} failed:\n{result.stdout}{result.stderr}")


def articles(site: Path) -> dict[str, str]:
    found = {}
    for page in sorted(site.rglob("*.html")):
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        if match:
            article = match[1]
            for chrome in CHROME:
                article = article.replace(chrome, "", 1)
            relative = page.relative_to(site).as_posix()
            if relative in SET_ASIDE:
                article = re.sub(SET_ASIDE[relative][1], "", article, flags=re.S)
            found[relative] = " ".join(article.split())
    return found


def first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"MkDocs …{a[max(0, at - 60):at + 80]}…\n      Zensical …{b[max(0, at - 60):at + 80]}…"


def main() -> int:
    if not ZENSICAL.exists():
        sys.exit("zensical-check: .venv-zensical/bin/zensical not found; run `make zensical-check`")
    if not (ROOT / "docs" / "texts").is_dir():
        sys.exit("zensical-check: run `make build` first (make zensical-check does)")
    with tempfile.TemporaryDirectory(prefix="zensical-check-") as scratch:
        with_mkdocs = scratch_copy(Path(scratch) / "mkdocs")
        with_zensical = scratch_copy(Path(scratch) / "zensical")
        run([str(MKDOCS), "build", "--quiet"], with_mkdocs)
        run([str(ZENSICAL), "build", "--clean"], with_zensical)
        ours, theirs = articles(with_mkdocs / "site"), articles(with_zensical / "site")
    missing = sorted(set(ours) ^ set(theirs))
    differ = sorted(p for p in set(ours) & set(theirs) if ours[p] != theirs[p])
    print(f"zensical-check: {len(ours)} pages built by MkDocs, {len(theirs)} by Zensical; "
          f"{len(ours) - len(differ) - len(missing)} identical articles")
    unexplained = 0
    for page, (why, _) in SET_ASIDE.items():
        print(f"  set aside in {page}: {why}")
    for page in missing:
        print(f"  only in {'MkDocs' if page in ours else 'Zensical'}: {page}")
        unexplained += page not in KNOWN
    for page in differ:
        reason = KNOWN.get(page)
        print(f"  differs: {page}" + (f" (known: {reason})" if reason else ""))
        if not reason:
            unexplained += 1
            print("      " + first_difference(ours[page], theirs[page]))
    if unexplained:
        print(f"zensical-check: {unexplained} page(s) differ without an explanation in MAINTAINERS.md")
        return 1
    print("zensical-check: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
