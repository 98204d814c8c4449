"""The TEI writer: each text, its notes and its apparatus as TEI P5
(downloads/<id>.tei.xml), from the same parsed model as the Markdown pages.

header.py writes the teiHeader, body.py the text with its notes (notes.py) and
bibliography.py the back's listBibl; xml.py holds what they share."""
from __future__ import annotations

from ..annotate import PERSON
from ..layout import tei_path
from ..readers.inline import plain_text
from .body import TextWriter
from .header import tei_header
from .xml import child, element, serialise


def render_tei(texts, site) -> dict[str, str]:
    return {tei_path(text.meta.id): text_to_tei(text, site) for text in texts}


def text_to_tei(text, site) -> str:
    root = element("TEI")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    writer = TextWriter(text, site)
    cited = {c.key for n in text.notes for c in site.citations[(text.meta.id, n.number)].citations}
    body = writer.text_element(cited)
    persons, places = _named(text, site)
    root.append(tei_header(text, site.registers, persons, places))
    root.append(body)
    return serialise(root)


def _named(text, site) -> tuple[set[str], set[str]]:
    """The persons and places of the registers that the text's paragraphs name."""
    persons, places = set(), set()
    for _, paragraph in text.paragraphs():
        for match in site.matcher.find(plain_text(paragraph.inlines)):
            (persons if match.kind == PERSON else places).add(match.id)
    return persons, places
