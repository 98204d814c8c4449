"""The edition as a whole: what it is called and where it lives (EditionInfo), and everything
read, checked and derived (Edition), which every writer takes."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class EditionInfo:
    title: str = ""
    editors: tuple[str, ...] = ()
    version: str = ""
    url: str = ""          # the site's address, ending in "/"

    @property
    def year(self) -> str:
        match = re.search(r"\b(\d{4})\b", self.version)
        return match[1] if match else ""


@dataclass(frozen=True)
class Edition:
    """Everything the writers take: the sources as read and checked, and what the build
    derived from them. Made once by build.read_edition; nothing in it is computed later."""
    texts: list                 # [text.Text], in the manifest's order
    entries: list               # [entry.Entry], in the bibliography's order
    archives: dict              # archive key -> load.bibliography.archives.Archive
    notes: list                 # [citations.NoteCitations]: every note of every text, in order
    registers: object           # registers.Registers: persons, terms, places
    readings: object            # readings.Readings: where each cited document can be read
    info: EditionInfo           # the edition's own title, editors, version, address
    differences: tuple = ()     # differences.Difference: where the texts tell one thing differently
    passages: list = ()         # analyse.chronology.Event: the texts' dated passages
    sentences: dict = None      # (text id, note) -> analyse.passages.CitingSentence: what each marker closes
    mentions: dict = None       # person id -> [analyse.annotate.Mention]: the paragraphs that name them
    events: list = ()           # the dated passages and documents (chronology)
    findings: list = ()         # analyse.apparatus.Finding: the notes on the apparatus
    printed: list = ()          # analyse.apparatus.Printed: each citation in the authors' words, as printed
    shared_texts: list = ()     # the texts without their editors' words: what the steps across texts read
    shared_key: tuple = ()      # the key of those steps' results in the cache (build.what_shared_steps_read)

    def citations_of(self, text_id: str, note: int):
        return next(n for n in self.notes if n.text_id == text_id and n.note == note)
