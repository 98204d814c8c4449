"""The search index: Pagefind run over the finished site, after MkDocs (or Zensical).

The index is written into <site>/pagefind/ as many small files; a reader's browser
fetches only the parts a query needs, and nothing until the reader searches."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# The article is the page; within it, what is not the page's own text stays out:
# the "#" of heading permalinks, paragraph numbers, the Cite-this box (BibTeX of the
# whole work on every section page), the hidden search fields (read as attributes), and
# the words of the texts that person pages quote (.snippet: found in the texts).
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE = (".headerlink", ".para-num", ".cite-box", ".search-fields", ".md-source-file", ".snippet")


# Pages left out of the index: lists that repeat the words of the texts (the chronology,
# where the texts meet, the index of persons) would come before the passages themselves;
# readers reach them from the navigation, and a search leads to where the words stand.
# The 404 page is no content.
LEFT_OUT = ("chronology/", "where-the-texts-meet/", "people/index.html", "404.html")


class SearchIndexError(Exception):
    pass


def index_site(site_dir: Path) -> int:
    """Index every HTML page of the built site; returns the number of pages indexed."""
    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"{site_dir}: no index.html; build the site before indexing it")
    pages = [p for p in sorted(site_dir.rglob("*.html"))
             if not _left_out(p.relative_to(site_dir).as_posix())]
    # Pagefind's command line, not its Python API: the API waits 0.1 s for each reply of
    # its service, one reply per page (9 s for the 90 pages of the real corpus, against
    # 0.3 s for the same index from the command line). The command line indexes a folder,
    # so it is given one that holds only the pages to index, as links to the built files.
    with tempfile.TemporaryDirectory(prefix=".pagefind-pages-", dir=site_dir.parent) as staging:
        for page in pages:
            _link(page, Path(staging) / page.relative_to(site_dir))
        _run_pagefind(Path(staging), site_dir / "pagefind")
    return len(pages)


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)


def _run_pagefind(pages: Path, output: Path) -> None:
    from pagefind_bin import get_executable  # the binary the pinned wheel carries

    command = [str(get_executable()), "--site", str(pages), "--output-path", str(output),
               "--root-selector", ROOT_SELECTOR, "--force-language", "en", "--silent"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise SearchIndexError(f"Pagefind failed (exit {done.returncode}): "
                               f"{said[-1] if said else 'no message'}")


def _left_out(relative: str) -> bool:
    return relative.startswith(LEFT_OUT)   # a whole page's path starts with itself


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m edition.publish.search_index SITE_DIR", file=sys.stderr)
        return 2
    try:
        pages = index_site(Path(argv[0]))
    except SearchIndexError as error:
        print(f"search: {error}", file=sys.stderr)
        return 1
    print(f"search: indexed {pages} pages into {argv[0]}/pagefind/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
