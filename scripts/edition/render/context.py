"""What every renderer needs to know about the whole edition: where each note
is shown, and where each bibliography entry lives."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..bibliography.archives import Archive
from ..bibliography.entry import Entry
from ..citations.model import NoteCitations
from ..model import BlockQuote, Text
from ..readers.inline import note_refs

BIBLIOGRAPHY = "bibliography/index.md"


def section_path(text: Text, index: int) -> str:
    return f"texts/{text.meta.id}/{index + 1:02d}-{text.sections[index].slug}.md"


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one docs/ page to another (MkDocs resolves .md links)."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page))


def site_url(page: str) -> str:
    """The URL path of a page under use_directory_urls."""
    if page.endswith("index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/"


@dataclass(frozen=True)
class SiteContext:
    texts: dict[str, Text]
    entries: dict[str, Entry]
    archives: dict[str, Archive]
    citations: dict[tuple[str, int], NoteCitations]
    note_pages: dict[tuple[str, int], str]

    def entry_link(self, from_page: str, key: str) -> str:
        return f"{relative(from_page, BIBLIOGRAPHY)}#{key}"

    def note_link(self, from_page: str, text_id: str, note: int) -> str:
        return f"{relative(from_page, self.note_pages[(text_id, note)])}#fn:{note}"


def build_context(edition) -> SiteContext:
    note_pages = {}
    for text in edition.texts:
        for index, section in enumerate(text.sections):
            for holder in (section,) + section.appendix:
                for block in holder.blocks:
                    for paragraph in (block.paragraphs if isinstance(block, BlockQuote) else (block,)):
                        for number in note_refs(paragraph.inlines):
                            note_pages[(text.meta.id, number)] = section_path(text, index)
    return SiteContext(
        texts={t.meta.id: t for t in edition.texts},
        entries={e.key: e for e in edition.entries},
        archives=edition.archives,
        citations={(n.text_id, n.note): n for n in edition.notes},
        note_pages=note_pages,
    )
