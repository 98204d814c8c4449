"""The glossary: abbreviations (also shown as tooltips in the texts) and places."""
from __future__ import annotations

import functools
import re

from ...model.layout import place_anchor
from ...model.registers import Registers, Term
from ...model.readings import NO_READINGS, Readings
from .register_sources import sources_line
from ..escape import abbreviation_definition, escape_text, page_head, tooltip_text


def term_title(term: Term) -> str:
    return term.expansion or term.gloss


def abbreviation_definitions(registers: Registers, words: str) -> list[str]:
    """Python-Markdown `abbr` definitions for the terms a page uses: each occurrence
    then carries its expansion as a tooltip."""
    pattern, titles = _abbreviations(registers.terms)  # keyed by the terms alone: cheap to hash
    used = set(pattern.findall(words))
    definitions = (abbreviation_definition(form, titles[form]) for form in sorted(used))
    return [definition for definition in definitions if definition]


@functools.lru_cache(maxsize=8)
def _abbreviations(terms: tuple[Term, ...]) -> tuple[re.Pattern, dict[str, str]]:
    titles = {}
    for term in terms:
        for form in (term.abbreviation,) + term.variants:
            # `abbr` matches on word boundaries, which a final full stop ("U.S.") never meets.
            titles[form.rstrip(".")] = tooltip_text(term_title(term))
    ordered = sorted(titles, key=lambda f: (-len(f), f))
    if not ordered:
        return re.compile(r"(?!)"), titles  # no terms: a pattern that matches nothing
    # The lookahead for the forms' first letters skips most positions before the alternation
    # is tried (as NameMatcher's does).
    initials = "".join(sorted({re.escape(form[0]) for form in ordered}))
    return re.compile(rf"(?=[{initials}])\b(" + "|".join(map(re.escape, ordered)) + r")\b"), titles


def render_glossary(registers: Registers, readings: Readings = NO_READINGS) -> dict[str, str]:
    out = page_head("Glossary") + [
           "The abbreviations the texts use (in the texts, hover one to see its expansion) and the "
           "places on which their arguments turn.", "",
           "## Abbreviations {: #abbreviations }", "",
           # In a block of its own: on a phone its rows stand one under another (face.css).
           '<div class="glossary-table" markdown>', "",
           "| Abbreviation | Expansion | What it is | Sources |", "|---|---|---|---|"]
    for term in sorted(registers.terms, key=lambda t: t.abbreviation.casefold()):
        out.append(f"| {escape_text(term.abbreviation)} | {escape_text(term.expansion)} | "
                   f"{escape_text(term.gloss)} | {sources_line(term.sources, readings, registers)} |")
    out += ["", "</div>", "", "## Places {: #places }", ""]
    for place in sorted(registers.places, key=lambda p: p.name.casefold()):
        also = [v for v in place.variants if v != place.name]
        out += [f"### {escape_text(place.name)} {{: #{place_anchor(place.id)} }}", "",
                escape_text(place.gloss), ""]
        if also:
            out += [f"Also: {escape_text(', '.join(also))}.", ""]
        out += [f"Sources: {sources_line(place.sources, readings, registers)}", ""]
    return {"glossary/index.md": "\n".join(out)}

