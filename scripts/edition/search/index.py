"""The search index: Pagefind run over the finished site, after MkDocs (or Zensical).

The index is written into <site>/pagefind/ as many small files; a reader's browser
fetches only the parts a query needs, and nothing until the reader searches."""
from __future__ import annotations

import asyncio
from pathlib import Path

# The article is the page; within it, what is not the page's own text stays out:
# the "#" of heading permalinks, paragraph numbers, the Cite-this box (BibTeX of the
# whole work on every section page) and the hidden search fields (read as attributes).
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE = (".headerlink", ".para-num", ".cite-box", ".search-fields", ".md-source-file")


class SearchIndexError(Exception):
    pass


def index_site(site_dir: Path) -> int:
    """Index every HTML page of the built site; returns the number of pages indexed."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise SearchIndexError(f"{site_dir}: no index.html; build the site before indexing it")
    return asyncio.run(_index(site_dir.resolve()))


async def _index(site_dir: Path) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(root_selector=ROOT_SELECTOR, exclude_selectors=list(EXCLUDE),
                         force_language="en", output_path=str(site_dir / "pagefind"))
    async with PagefindIndex(config=config) as index:  # writes the files when the block ends
        added = await index.add_directory(str(site_dir))
    return int(added["page_count"])
