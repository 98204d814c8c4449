"""The search index: Pagefind run over the finished site, after MkDocs (or Zensical).

The index is written into <site>/pagefind/ as many small files; a reader's browser
fetches only the parts a query needs, and nothing until the reader searches."""
from __future__ import annotations

import asyncio
import concurrent.futures
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
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"{site_dir}: no index.html; build the site before indexing it")
    # Pagefind's Python API is async. asyncio.run needs a thread with no running event loop
    # (a caller such as Playwright's sync API may have one), so it gets a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _index(site_dir.resolve())).result()


async def _index(site_dir: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=list(EXCLUDE),
                         force_language="en", output_path=str(site_dir / "pagefind"))
    pages = [p for p in sorted(site_dir.rglob("*.html")) if not _left_out(p.relative_to(site_dir).as_posix())]
    async with PagefindIndex(config=config) as index:  # writes the files when the block ends
        for page in pages:
            await index.add_html_file(content=page.read_text(encoding="utf-8"), url=_url(site_dir, page))
    return len(pages)


def _left_out(relative: str) -> bool:
    return relative.startswith(LEFT_OUT)   # a whole page's path starts with itself


def _url(site_dir: Path, page: Path) -> str:
    """The page's address from the site's root, as use_directory_urls makes it."""
    relative = page.relative_to(site_dir).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
