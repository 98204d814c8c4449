"""Splitting a note into citation segments, and finding where a citation starts."""
from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, CLOSE = "([", ")]"


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str


_STRUCTURE = re.compile(r"[()\[\];]")  # the characters that split or nest; the rest is skipped


def split_segments(text: str) -> list[Segment]:
    """Split at semicolons outside parentheses and brackets."""
    segments, depth, start = [], 0, 0
    for match in _STRUCTURE.finditer(text):
        char, i = match[0], match.start()
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:  # a semicolon
            segments.append(_segment(text, start, i))
            start = i + 1
    segments.append(_segment(text, start, len(text)))
    return [s for s in segments if s.text]


def _segment(text: str, start: int, end: int) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end, text[start:end])


# A sentence or clause boundary before a citation: ": " or ". " — but not the
# full stop of an initial ("Allen S. Whiting") or of an abbreviation ("ed.", "Vol.").
_BOUNDARY = re.compile(r"(?:(?<![A-Z])(?<!\bed)(?<!\bVol)(?<!\bno)(?<!\bet al)\.|:)\s+")
_SEE = re.compile(r"^(?:see|See)\s+")


def citation_start(segment: str, match_start: int) -> int:
    """Where the citation containing the match begins, after any commentary."""
    start = 0
    for boundary in _BOUNDARY.finditer(segment, 0, match_start):
        if _depth(segment, boundary.start()) == 0:
            start = boundary.end()
    see = _SEE.match(segment[start:])
    return start + (see.end() if see else 0)


def _depth(text: str, index: int) -> int:
    depth = 0
    for match in _STRUCTURE.finditer(text, 0, index):
        if match[0] in OPEN:
            depth += 1
        elif match[0] in CLOSE:
            depth = max(0, depth - 1)
    return depth
