"""Pages and snippets about the edition as a whole: the texts overview, the
citations included on the home page, the interventions listed on the
editorial-method page."""
from __future__ import annotations

from collections import defaultdict

from ...model.text import AUTHOR, EDITORIAL, UNKNOWN, Text
from .citation import text_citation
from ..escape import escape_text, page_head

SNIPPETS = "texts/_snippets"


def render_front(edition, site) -> dict[str, str]:
    texts = edition.texts
    return {
        "texts/index.md": render_texts_index(texts),
        f"{SNIPPETS}/texts.md": f"{_count_line(len(texts))}\n\n" + render_text_list(texts, prefix="texts/"),
        f"{SNIPPETS}/interventions.md": render_interventions(texts),
        f"{SNIPPETS}/notes-established.md": render_notes_established(texts),
    }


NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count_line(count: int) -> str:
    """The home page's count of the texts, as many as the manifest holds."""
    words = NUMBERS[count] if count < len(NUMBERS) else str(count)
    return f"The edition presents [{words} text{'' if count == 1 else 's'}](texts/index.md), in this order throughout:"


def render_text_list(texts: list[Text], prefix: str, level: int = 3) -> str:
    """The texts with their full citations; headings one level under the page's sections."""
    out = []
    for text in texts:
        meta = text.meta
        notes = f"notes {meta.note_range}"
        paragraphs = sum(1 for _ in text.paragraphs())
        out += [f"{'#' * level} [{escape_text(meta.short)}: {escape_text(meta.title)}]({prefix}{meta.id}/index.md)", "",
                f"{text_citation(meta)}", "",
                f"{len(text.sections)} section{'s' if len(text.sections) > 1 else ''}, "
                f"{paragraphs} paragraphs, {notes}.", ""]
    return "\n".join(out)


def render_texts_index(texts: list[Text]) -> str:
    return "\n".join(page_head("The texts") + [
                      render_text_list(texts, prefix="", level=2)])


FORMATS = {"ebook-plain": "plain text from an e-book", "pdf-markdown": "Markdown converted from the article's PDF"}


def render_interventions(texts: list[Text]) -> str:
    """Every change the build made to each copy-text, with the line of the supplied file
    it concerns (the file itself is named in the maintainers' documentation, not here)."""
    out = []
    for text in texts:
        count = len(text.interventions)
        form = FORMATS.get(text.meta.reader, "the supplied copy")
        out += [f"### {escape_text(text.meta.short)}", "",
                f"Copy-text: {form}. {count} intervention{'' if count == 1 else 's'}; "
                "each names the line of the copy-text it concerns.", ""]
        by_kind: dict[str, list] = defaultdict(list)
        for item in text.interventions:
            by_kind[item.kind].append(item)
        for kind in sorted(by_kind):
            items = by_kind[kind]
            out += [f"#### {escape_text(kind.capitalize())} ({len(items)})", ""]
            out += [f"- line {item.where.line}: {escape_text(item.what)}" for item in items]
            out.append("")
    return "\n".join(out)


def render_notes_established(texts: list[Text]) -> str:
    """For each text whose copy does not carry its notes: how many notes are the author's
    words, how many the editors identified, and how many remain unknown."""
    out = []
    for text in texts:
        if text.meta.notes_file is None:
            continue
        counts = {basis: sum(1 for n in text.notes if n.basis == basis) for basis in (AUTHOR, EDITORIAL, UNKNOWN)}
        out += [f"{escape_text(text.meta.short)}, notes {text.meta.note_range} "
                f"({len(text.notes)} notes):", "",
                f"- **{counts[AUTHOR]}** in the author's words, from public copies of the printed endnotes;",
                f"- **{counts[EDITORIAL]}** identified by the editors, each with its evidence, and marked "
                "“editor's identification” wherever it is shown;",
                f"- **{counts[UNKNOWN]}** of which nothing reliable is known: the note says so.", ""]
    return "\n".join(out) or "Every text carries its own notes.\n"
