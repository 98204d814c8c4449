"""Finding the persons and places a text names: the name matcher and the mentions.

Matching is case-sensitive, on word boundaries ("-" counts as part of a word, so
"Kim Il" is not found inside "Kim Il-sung"), longest form first ("Donggil Kim"
before "Kim"). Bare ambiguous forms ("Kim") count as mentions in running text,
where the register says whom they mean, but are never linked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.layout import paragraphs_with_pages
from ..model.text import Text
from ..model.inlines import plain_text
from ..model.registers import Registers

PERSON, PLACE = "person", "place"


@dataclass(frozen=True)
class Match:
    kind: str        # PERSON | PLACE
    id: str
    start: int
    end: int
    form: str
    linkable: bool


@dataclass(frozen=True)
class Mention:
    person: str
    text_id: str
    paragraph: int
    page: str        # the section page, relative to docs/
    snippet: str


class NameMatcher:
    def __init__(self, registers: Registers, include_ambiguous: bool = True):
        forms: dict[str, tuple[str, str, bool]] = {}
        for person in registers.persons:
            for form in person.variants:
                forms[form] = (PERSON, person.id, True)
            if include_ambiguous:
                for form in person.ambiguous:
                    forms[form] = (PERSON, person.id, False)
        for place in registers.places:
            for form in place.variants:
                forms.setdefault(form, (PLACE, place.id, True))
        self.forms = forms
        self._found: dict[str, tuple[Match, ...]] = {}
        ordered = sorted(forms, key=lambda f: (-len(f), f))
        # The lookahead for the forms' first letters lets the scan skip most positions before
        # it tries the word boundary and the alternation (2.4x faster on the texts).
        initials = "".join(sorted({re.escape(form[0]) for form in ordered}))
        self.pattern = re.compile(rf"(?=[{initials}])(?<![\w-])(" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")

    def find(self, text: str) -> list[Match]:
        # The same paragraph is asked about by its page, its TEI, its search fields and the
        # person pages: each text is searched once.
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = tuple(
                Match(*self.forms[m[1]][:2], m.start(), m.end(), m[1], self.forms[m[1]][2])
                for m in self.pattern.finditer(text))
        return list(found)


def person_mentions(texts: list[Text], matcher: NameMatcher) -> dict[str, list[Mention]]:
    mentions: dict[str, list[Mention]] = {}
    for text in texts:
        for paragraph, page in paragraphs_with_pages(text):
            words = plain_text(paragraph.inlines)
            seen: set[str] = set()
            for match in matcher.find(words):
                if match.kind == PERSON and match.id not in seen:
                    seen.add(match.id)
                    mentions.setdefault(match.id, []).append(
                        Mention(match.id, text.meta.id, paragraph.number, page, snippet(words, match.start)))
    return mentions


def snippet(words: str, at: int, width: int = 200) -> str:
    """The sentence around a position, shortened to about `width` characters."""
    start = max(words.rfind(". ", 0, at) + 2, 0) if words.rfind(". ", 0, at) >= 0 else 0
    end = words.find(". ", at)
    end = len(words) if end < 0 else end + 1
    sentence = words[start:end].strip()
    if len(sentence) > width:
        offset = max(0, at - start - width // 2)
        sentence = ("…" if offset else "") + sentence[offset:offset + width].strip() + "…"
    return sentence


def correspondence(entries, matcher: NameMatcher) -> dict[str, list[tuple[str, str]]]:
    """For each person, the archival documents they sent or received:
    [(entry key, "sender" | "recipient")]."""
    found: dict[str, list[tuple[str, str]]] = {}
    for entry in entries:
        if not entry.is_archival:
            continue
        for role in ("sender", "recipient"):
            for person in {m.id for m in matcher.find(entry.get(role)) if m.kind == PERSON}:
                found.setdefault(person, []).append((entry.key, role))
    return found
