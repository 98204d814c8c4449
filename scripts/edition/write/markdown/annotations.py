"""The annotation pages: persons, glossary, where the texts meet."""
from __future__ import annotations

from ...analyse.annotate import NameMatcher, person_mentions
from .context import SiteContext
from .glossary import render_glossary
from .meetings import render_meetings
from .people import render_people


def render_annotations(edition, site: SiteContext) -> dict[str, str]:
    """The registers' pages: people/, glossary/ and where-the-texts-meet/."""
    matcher = NameMatcher(edition.registers)  # with the ambiguous forms: mentions, not links
    mentions = person_mentions(edition.texts, matcher)
    files = render_people(site, edition.registers.persons, mentions, matcher)
    files.update(render_glossary(edition.registers))
    files.update(render_meetings(site, edition, mentions))
    return files
