"""Pages that grow with the edition (the chronology, a person's mentions, where the texts
meet) cut into parts of bounded size, with navigation between the parts.

A page that fits stays one page. Otherwise its first page keeps the head (title,
introduction) and a list of the parts, and the blocks (a year, a text, a kind of shared
item) go to part pages in the same folder, so that every relative link in them still
resolves. A block too large for one part is cut between its rows, its header repeated.
Parts are reached from the list and from each other, not from the site's navigation
(mkdocs.yml, not_in_nav), so that the navigation of every page does not grow with them.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..escape import escape_text, page_head

# Characters of Markdown per page. The HTML of a part (links and tables roughly double
# the Markdown, and the theme adds about 30 KB) stays well under the 1 MB budget.
BUDGET = 300_000


@dataclass
class Block:
    key: str                        # part file name stem: "1950", "kim-2016"
    title: str                      # shown in the list of parts and the part's title
    head: list[str]                 # heading, table header: repeated in each part it spans
    rows: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=lambda: [""])

    def size(self) -> int:
        return _size(self.head + self.rows + self.tail)


def _size(lines: list[str]) -> int:
    """Characters of Markdown the lines make, line ends included."""
    return sum(len(line) + 1 for line in lines)


def fits(head: list[str], blocks: list[Block], budget: int | None = None) -> bool:
    """Whether the head and the blocks make one page within the budget."""
    return _size(head) + sum(b.size() for b in blocks) <= (BUDGET if budget is None else budget)


def split_page(page: str, name: str, head: list[str], blocks: list[Block],
               budget: int | None = None) -> dict[str, str]:
    """{page: Markdown} if everything fits, else the first page and its parts.
    name: the page's title as plain text ("Chronology"), which each part's title extends."""
    budget = BUDGET if budget is None else budget
    if fits(head, blocks, budget):
        return {page: "\n".join(head + [line for b in blocks for line in b.head + b.rows + b.tail])}
    parts = _parts(page, blocks, budget)
    listing = ["## Parts", ""] + [f"- [{escape_text(title)}]({posixpath.basename(path)})"
                                  for path, title, _ in parts] + [""]
    files = {page: "\n".join(head + listing)}
    for k, (path, title, lines) in enumerate(parts):
        files[path] = "\n".join(_part_page(page, parts, k, f"{name}: {title}", lines))
    return files


def _parts(page: str, blocks: list[Block], budget: int) -> list[tuple[str, str, list[str]]]:
    folder = posixpath.dirname(page)
    stem = posixpath.splitext(posixpath.basename(page))[0]
    # "--" marks a part beside a page of its own folder (people/stalin--kim-2016.md):
    # mkdocs.yml's not_in_nav keeps parts out of the navigation by these names.
    prefix = "" if stem == "index" else f"{stem}--"

    def path(key: str) -> str:
        return posixpath.join(folder, f"{prefix}{key}.md")

    parts: list[tuple[str, str, list[str]]] = []
    current: list[Block] = []
    used = 0                                  # the size of the blocks in `current`, kept as they come
    for block in blocks:
        size = block.size()
        if current and used + size > budget:
            parts.append(_joined(path, current))
            current, used = [], 0
        if size <= budget:
            current.append(block)
            used += size
            continue
        # One block too large for a part: its rows, cut, each slice with the block's head.
        head = _size(block.head)
        rows, n, filled = [], 1, head
        for row in block.rows:
            if rows and filled + len(row) + 1 > budget:
                parts.append(_slice(path, block, rows, n))
                rows, n, filled = [], n + 1, head
            rows.append(row)
            filled += len(row) + 1
        parts.append(_slice(path, block, rows, n))
    if current:
        parts.append(_joined(path, current))
    return parts


def _joined(path, blocks: list[Block]):
    title = blocks[0].title if len(blocks) == 1 else f"{blocks[0].title} – {blocks[-1].title}"
    lines = [line for b in blocks for line in b.head + b.rows + b.tail]
    return path(blocks[0].key), title, lines


def _slice(path, block: Block, rows: list[str], n: int):
    key = block.key if n == 1 else f"{block.key}-{n}"
    title = block.title if n == 1 else f"{block.title} ({n})"
    return path(key), title, block.head + rows + block.tail


def _part_page(page: str, parts, k: int, title: str, lines: list[str]) -> list[str]:
    up = posixpath.basename(page)
    nav = [f"[↑ All parts]({up})"]
    if k > 0:
        nav.insert(0, f"[← {escape_text(parts[k - 1][1])}]({posixpath.basename(parts[k - 1][0])})")
    if k + 1 < len(parts):
        nav.append(f"[{escape_text(parts[k + 1][1])} →]({posixpath.basename(parts[k + 1][0])})")
    bar = [" · ".join(nav), "{: .part-nav }", ""]
    return (page_head(title) + bar
            + lines + bar)

