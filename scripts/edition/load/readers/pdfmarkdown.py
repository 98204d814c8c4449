"""Reader for Markdown converted from a journal PDF (Kim 2016).

The conversion leaves the publisher's cover page, note blocks at the foot of
every page, and paragraphs and block quotes cut in two by page breaks. Stages:

    parse_markdown_blocks -> split_front_matter -> split_pages -> join_pages
    -> build_sections -> mark_block_quotes -> number_paragraphs -> check_notes
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from ..corrections import Corrections
from ...errors import EditionError
from ...model.text import (BlockQuote, Intervention, Note, NoteRef, PageStart, Paragraph, Plain, Section, Text, TextMeta)
from .markers import check_notes
from ..sourcefile import SourceFile, read_source
from .inline import RawBlock, parse_markdown_blocks
from ...model.inlines import merge_plain, note_ref_spans
from .structure import ends_sentence, introduces_quote, number_paragraphs, slugify


@dataclass(frozen=True)
class Page:
    number: int
    blocks: tuple[RawBlock, ...]


def read_pdf_markdown(meta: TextMeta, corrections: Corrections) -> Text:
    source = read_source(meta.source)
    log: list[Intervention] = []
    blocks = parse_markdown_blocks(source)
    byline, abstract, body = split_front_matter(blocks, meta, source, log)
    pages, definitions, first_foot = split_pages(body, meta, source, log)
    flow = join_pages(pages, source, log)
    sections = build_sections(flow, meta, corrections, source, log)
    sections = mark_block_quotes(sections, meta, corrections, source, log)
    sections = number_paragraphs(sections)
    markers = [(ref.number, source.at(ref.line)) for block in flow for ref in note_ref_spans(block.inlines)]
    check_notes(meta, markers, [(n.number, source.at(n.line)) for n in definitions])
    return Text(meta, sections, tuple(definitions), abstract, tuple(log), byline=byline,
                first_page_foot=first_foot, title_page=pages[0].number if pages else 0)


# --- front matter -----------------------------------------------------------

def split_front_matter(blocks, meta, source: SourceFile, log):
    """Drop the publisher's cover page; keep the title once and the abstract as the abstract."""
    titles = [i for i, b in enumerate(blocks) if b.kind == "heading" and _same(b.text, meta.title)]
    if not titles:
        raise EditionError(source.at(1), f"the title heading '{meta.title[:60]}' was not found; "
                                         "check 'title' in texts.toml against the source")
    start = titles[-1]
    if start:
        cover = blocks[:start]
        # Described, not quoted, so that no debris string reaches the site.
        log.append(Intervention("cover page removed", source.at(cover[0].line),
                                f"The publisher's cover page (lines {cover[0].line}–{blocks[start].line - 1}, "
                                f"{len(cover)} blocks: the title, the author, the publisher's citation and "
                                "link boxes, publication date, view counts and links) is not part of the "
                                "article. Its citation data is in the manifest."))
    log.append(Intervention("title shown once", source.at(blocks[start].line),
                            "The title, printed on the cover and above the article, is shown once as the page title."))
    i = start + 1
    byline = []
    while i < len(blocks) and blocks[i].kind != "heading":
        byline.append(blocks[i])
        i += 1
    if byline:
        log.append(Intervention("byline kept as front matter", source.at(byline[0].line),
                                "The lines under the title (author and affiliation) are shown, as printed, "
                                "under the title on the article's first page in the edition: "
                                + "; ".join(f"“{b.text[:60]}”" for b in byline) + "."))
    abstract: tuple[Paragraph, ...] = ()
    if i < len(blocks) and blocks[i].text.strip().casefold() == "abstract":
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "paragraph":
            j += 1
        abstract = tuple(Paragraph(b.inlines, b.line) for b in blocks[i + 1:j])
        i = j
    return tuple(Paragraph(b.inlines, b.line) for b in byline), abstract, blocks[i:]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


# --- pages ------------------------------------------------------------------

def is_note_definition(block: RawBlock) -> bool:
    return block.kind == "paragraph" and bool(block.inlines) and isinstance(block.inlines[0], NoteRef)


def _is_contact_box(block: RawBlock) -> bool:
    return block.kind == "paragraph" and block.text.lstrip().startswith("CONTACT")


def _foot_end(body, i: int) -> int:
    """Index after the page foot starting at i: a rule, note definitions, and on the
    first page the contact box, the author's note and the copyright line."""
    in_contact_box = False
    while i < len(body):
        block = body[i]
        if block.kind == "rule" or is_note_definition(block):
            pass
        elif _is_contact_box(block):
            in_contact_box = True
        elif in_contact_box and block.kind == "paragraph":
            in_contact_box = not block.text.lstrip().startswith("©")
        else:
            break
        i += 1
    return i


def split_pages(body, meta, source: SourceFile, log):
    """Cut the body at every page foot; collect the note definitions from the feet."""
    page_blocks: list[list[RawBlock]] = [[]]
    definitions: list[Note] = []
    front: list[Paragraph] = []   # the contact box, author's note and copyright line
    i = 0
    while i < len(body):
        block = body[i]
        if block.kind == "rule" or is_note_definition(block) or _is_contact_box(block):
            end = _foot_end(body, i)
            foot = body[i:end]
            defs = [_definition(b) for b in foot if is_note_definition(b)]
            definitions.extend(defs)
            front += [Paragraph(b.inlines, b.line) for b in foot
                      if b.kind == "paragraph" and not is_note_definition(b)]
            _log_foot(foot, defs, source, log)
            page_blocks.append([])
            i = end
        else:
            page_blocks[-1].append(block)
            i += 1
    if not page_blocks[-1]:
        page_blocks.pop()
    first = meta.first_page or 1
    if meta.first_page and first + len(page_blocks) - 1 != meta.last_page:
        raise EditionError(meta.position, f"{len(page_blocks)} pages were inferred from the page feet "
                                          f"({first}–{first + len(page_blocks) - 1}), but texts.toml says "
                                          f"pages = \"{meta.first_page}-{meta.last_page}\"; check the page breaks")
    pages = [Page(first + k, tuple(blocks)) for k, blocks in enumerate(page_blocks)]
    return pages, definitions, tuple(front)


def _definition(block: RawBlock) -> Note:
    content = list(block.inlines[1:])
    if content and isinstance(content[0], Plain):
        content[0] = Plain(content[0].value.lstrip())
    return Note(block.inlines[0].number, merge_plain(content), block.line)


def _log_foot(foot, defs, source, log) -> None:
    parts = []
    if any(b.kind == "rule" for b in foot):
        parts.append("a rule")
    if defs:
        parts.append(f"notes {defs[0].number}–{defs[-1].number}" if len(defs) > 1 else f"note {defs[0].number}")
    if any(_is_contact_box(b) for b in foot):
        parts.append("the publisher's contact box, author's note and copyright line (kept as printed, "
                     "with the article's front matter)")
    log.append(Intervention("page foot", source.at(foot[0].line),
                            f"Page foot (lines {foot[0].line}–{foot[-1].line}): " + ", ".join(parts)
                            + (". The notes are shown with their markers' page." if defs else ".")))


def join_pages(pages: list[Page], source: SourceFile, log) -> list[RawBlock]:
    """Rejoin paragraphs cut by a page break and put a page marker where each page begins:
    in the line, before a heading, or (the first page, which begins with the title and
    abstract) with the front matter."""
    flow: list[RawBlock] = []
    for index, page in enumerate(pages):
        blocks = list(page.blocks)
        if not blocks:
            continue
        previous = flow[-1] if flow else None
        head = blocks[0]
        if index == 0:
            log.append(Intervention("page marker", source.at(head.line),
                                    f"Page {page.number} begins with the article's title and abstract: "
                                    "its marker stands before them, on the article's first page in the edition."))
            flow.extend(blocks)
            continue
        if head.kind == "heading":
            blocks[0] = replace(head, page=page.number)
            log.append(Intervention("page marker", source.at(head.line),
                                    f"Page {page.number} begins with the heading “{head.text[:50]}”: "
                                    "its marker stands before the heading."))
            flow.extend(blocks)
            continue
        if (previous is not None and previous.kind == head.kind == "paragraph"
                and not ends_sentence(previous.text)):
            joined = merge_plain(previous.inlines + (Plain(" "), PageStart(page.number)) + head.inlines)
            flow[-1] = replace(previous, inlines=joined)
            log.append(Intervention("paragraph rejoined", source.at(head.line),
                                    f"A paragraph cut by the break to p. {page.number} is joined again: "
                                    f"“…{previous.text[-40:]}” (line {previous.line}) + "
                                    f"“{head.text[:40]}…” (line {head.line})."))
            blocks = blocks[1:]
        else:
            k = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"), None)
            if k is not None:
                blocks[k] = replace(blocks[k], inlines=(PageStart(page.number),) + blocks[k].inlines)
                log.append(Intervention("page marker", source.at(blocks[k].line),
                                        f"Page {page.number} begins with “{blocks[k].text[:50]}…”."))
        flow.extend(blocks)
    return flow


# --- sections and block quotes ---------------------------------------------

def build_sections(flow, meta, corrections: Corrections, source: SourceFile, log):
    headings = [b for b in flow if b.kind == "heading"]
    usual_level = Counter(b.level for b in headings).most_common(1)[0][0] if headings else 0
    sections: list[dict] = []
    for block in flow:
        if block.kind == "heading":
            refs = list(note_ref_spans(block.inlines))
            if refs:
                raise EditionError(source.at(refs[0].line or block.line),
                                   f"note marker {refs[0].number} is in a heading; a note belongs to the "
                                   "paragraph it comments: move the marker into the paragraph")
            title = block.text.strip()
            appendix = corrections.find("appendix", meta.id, title)
            if appendix and sections:
                sections[-1]["appendix"].append({"title": title, "line": block.line, "blocks": [],
                                                 "page": block.page})
                log.append(Intervention("back matter", source.at(block.line),
                                        f"“{title}” is shown at the end of the page before it: {appendix.why}"))
                continue
            if block.level != usual_level:
                log.append(Intervention("heading level", source.at(block.line),
                                        f"“{title}” is marked h{block.level} by the conversion; "
                                        f"it is a section heading like the others (h{usual_level})."))
            sections.append({"title": title, "line": block.line, "blocks": [], "appendix": [],
                             "page": block.page})
        else:
            if not sections:
                sections.append({"title": meta.title, "line": block.line, "blocks": [], "appendix": [],
                                 "page": 0})
            target = sections[-1]["appendix"][-1] if sections[-1]["appendix"] else sections[-1]
            target["blocks"].append(block)
    slugs = _unique_slugs([s["title"] for s in sections])
    return tuple(
        Section(s["title"], slug, tuple(s["blocks"]), s["line"],
                tuple(Section(a["title"], slugify(a["title"]), tuple(a["blocks"]), a["line"], page_start=a["page"])
                      for a in s["appendix"]), page_start=s["page"])
        for s, slug in zip(sections, slugs, strict=True)
    )


def _unique_slugs(titles: list[str]) -> list[str]:
    slugs: list[str] = []
    for title in titles:
        slug = slugify(title)
        while slug in slugs:
            slug += "-2"
        slugs.append(slug)
    return slugs


def mark_block_quotes(sections, meta, corrections: Corrections, source: SourceFile, log):
    def convert(raw_blocks) -> tuple:
        out: list = []
        previous: RawBlock | None = None
        for raw in raw_blocks:
            paragraph = Paragraph(raw.inlines, raw.line)
            if is_block_quote(previous, raw, meta, corrections, source, log):
                out.append(BlockQuote((paragraph,), raw.line))
                previous = None  # a block quote does not introduce another
            else:
                out.append(paragraph)
                previous = raw
        return tuple(out)

    return tuple(replace(s, blocks=convert(s.blocks),
                         appendix=tuple(replace(a, blocks=convert(a.blocks)) for a in s.appendix))
                 for s in sections)


def is_block_quote(previous, raw, meta, corrections: Corrections, source, log) -> bool:
    """A paragraph is a block quote when the paragraph before it stops where prose
    stops before a quotation (“…he argued,”, “…reported that”), unless the reviewed
    corrections say otherwise."""
    by_rule = previous is not None and introduces_quote(previous.text)
    # A correction counts only where it changes the rule's decision: one that changes nothing
    # is stale, and check_all_used reports it.
    veto = corrections.find("not_blockquote", meta.id, raw.text) if by_rule else None
    force = corrections.find("blockquote", meta.id, raw.text) if not by_rule else None
    if by_rule and not veto:
        log.append(Intervention("block quote", source.at(raw.line),
                                f"“{raw.text[:50]}…” is a block quote: the paragraph before it ends "
                                f"“…{previous.text.rstrip()[-30:]}”."))
        return True
    if force:
        log.append(Intervention("block quote", source.at(raw.line),
                                f"“{raw.text[:50]}…” is a block quote (corrections.toml): {force.why}"))
        return True
    if by_rule and veto:
        log.append(Intervention("not a block quote", source.at(raw.line),
                                f"“{raw.text[:50]}…” stays a paragraph (corrections.toml): {veto.why}"))
    return False
