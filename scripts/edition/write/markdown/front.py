"""Pages and snippets about the edition as a whole: the texts overview, the
citations included on the home page, the interventions listed on the
editorial-method page."""
from __future__ import annotations

from collections import defaultdict

from ...model.text import Text
from .citation import text_citation
from ..escape import escape_text, front_matter

SNIPPETS = "texts/_snippets"


def render_front(edition, site) -> dict[str, str]:
    texts = edition.texts
    return {
        "texts/index.md": render_texts_index(texts),
        f"{SNIPPETS}/texts.md": render_text_list(texts, prefix="texts/"),
        f"{SNIPPETS}/interventions.md": render_interventions(texts),
    }


def render_text_list(texts: list[Text], prefix: str, level: int = 3) -> str:
    """The texts with their full citations; headings one level under the page's sections."""
    out = []
    for text in texts:
        meta = text.meta
        notes = f"notes {meta.first_note}–{meta.last_note}"
        paragraphs = sum(1 for _ in text.paragraphs())
        out += [f"{'#' * level} [{escape_text(meta.short)}: {escape_text(meta.title)}]({prefix}{meta.id}/index.md)", "",
                f"{text_citation(meta)}", "",
                f"{len(text.sections)} section{'s' if len(text.sections) > 1 else ''}, "
                f"{paragraphs} paragraphs, {notes}.", ""]
    return "\n".join(out)


def render_texts_index(texts: list[Text]) -> str:
    return "\n".join(front_matter({"title": "The texts"}) + ["# The texts", "",
                      render_text_list(texts, prefix="", level=2)])


def render_interventions(texts: list[Text]) -> str:
    out = []
    for text in texts:
        source = text.meta.source.name
        out += [f"### {escape_text(text.meta.short)}", "",
                f"Source file: `sources/texts/{source}`. {len(text.interventions)} interventions.", ""]
        by_kind: dict[str, list] = defaultdict(list)
        for item in text.interventions:
            by_kind[item.kind].append(item)
        for kind in sorted(by_kind):
            items = by_kind[kind]
            out += [f"#### {escape_text(kind.capitalize())} ({len(items)})", ""]
            out += [f"- line {item.where.line}: {escape_text(item.what)}" for item in items]
            out.append("")
    return "\n".join(out)
