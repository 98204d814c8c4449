"""The annotation pages: persons, glossary, where the texts meet."""
from __future__ import annotations

from ...analyse.annotate import NameMatcher
from .context import SiteContext
from .glossary import render_glossary
from .meetings import render_meetings
from .people import render_people


def render_annotations(edition, site: SiteContext) -> dict[str, str]:
    """The registers' pages: people/, glossary/ and where-the-texts-meet/."""
    matcher = NameMatcher(edition.registers)  # with the ambiguous forms: mentions, not links
    files = render_people(site, edition.registers.persons, edition.mentions, matcher)
    files.update(render_glossary(edition.registers, site.readings))
    files.update(render_meetings(site, edition, edition.mentions))
    return files
