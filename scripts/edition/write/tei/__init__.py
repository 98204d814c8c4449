"""The TEI writer: each text, its notes and its apparatus as TEI P5
(downloads/<id>.tei.xml), from the same parsed model as the Markdown pages.

header.py writes the teiHeader, body.py the text with its notes (notes.py) and
bibliography.py the back's listBibl; xml.py holds what they share."""
from __future__ import annotations

from ...analyse.annotate import PERSON, PLACE
from ...model.layout import tei_path
from .body import TextWriter
from .header import tei_header
from .xml import element, serialise


def render_tei(edition, site) -> dict[str, str]:
    return {tei_path(text.meta.id): text_to_tei(text, site) for text in edition.texts}


def render_text_tei(text, site) -> dict[str, str]:
    """One text's TEI download, {path: xml} as every writer returns."""
    return {tei_path(text.meta.id): text_to_tei(text, site)}


def text_to_tei(text, site) -> str:
    root = element("TEI")
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "en")
    writer = TextWriter(text, site)
    cited = {c.key for n in text.notes for c in site.citations[(text.meta.id, n.number)].citations}
    body = writer.text_element(cited)
    root.append(tei_header(text, site.registers, writer.named[PERSON], writer.named[PLACE]))
    root.append(body)
    return serialise(root)
