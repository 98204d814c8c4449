"""`python -m edition.search SITE_DIR`: index a site built another way (e.g. by Zensical);
`make site` indexes through the site command's post-build step."""
from __future__ import annotations

import sys
from pathlib import Path

from .index import SearchIndexError, index_site


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m edition.search SITE_DIR", file=sys.stderr)
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
