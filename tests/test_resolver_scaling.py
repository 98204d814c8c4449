"""The resolver's work grows with the notes, not with the entries: titles that share their
first letters (10,000 of them) do not defeat its index. Measured in steps of the index,
never in seconds."""
from __future__ import annotations

import support  # noqa: F401  (puts scripts/ on sys.path)
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.model.entry import Entry
from edition.load.citation_map import CitationMap
from edition.analyse.citations.resolve import Resolver

COMMON = "Documents on the history of the Korean War, volume"


def resolver(count: int) -> Resolver:
    entries = [Entry(f"work-{i}", "book", {"title": f"{COMMON} {i:05d}", "author": "Someone", "date": "2000"}, i)
               for i in range(count)]
    return Resolver(entries, CitationMap([]), "sources/citation-map.toml")


SEGMENT = f"Someone, {COMMON} 00042 (Seoul, 2000), 12–14."


def steps_to_resolve(r: Resolver, segment: str):
    r.steps = 0
    citation = r._work(segment)
    return citation, r.steps


def test_the_right_work_is_found_among_10000_sharing_their_first_letters():
    citation, steps = steps_to_resolve(resolver(10_000), SEGMENT)
    assert citation.key == "work-42" and citation.pinpoint == "12–14"
    assert steps <= len(SEGMENT) * (len(COMMON) + 6)  # bounded by the segment and one title


def test_the_work_does_not_grow_with_the_number_of_entries():
    small = steps_to_resolve(resolver(100), SEGMENT)
    large = steps_to_resolve(resolver(10_000), SEGMENT)
    assert small[0].key == large[0].key == "work-42"
    assert large[1] == small[1] > 0  # counted, and the same


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet="abcdefgh0123 ,.", max_size=120))
def test_steps_are_bounded_by_segment_length_times_longest_title(segment):
    r = resolver(300)
    r.steps = 0
    list(r._signatures_in(segment))
    longest = max(len(s.text) for s in r.signatures)
    assert r.steps <= max(len(segment), 1) * (longest + 1)
