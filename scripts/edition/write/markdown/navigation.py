"""The site's navigation, in reading order: the home page, the texts in the manifest's
order, each with its sections, then the pages that serve the reading (documents, where
the texts meet, chronology, people, glossary, bibliography) and the pages about the
edition.

The texts, their sections and the archives' pages come from the sources, so the
navigation is generated: a small YAML file holding only `nav:`, which mkdocs.yml inherits
(MkDocs' `INHERIT`). Pages reached from an index (a person, a part of a long page) are
left out of it; mkdocs.yml's `not_in_nav` names them.
"""
from __future__ import annotations

import yaml

from ...model.layout import section_path

NAVIGATION = "texts/_snippets/navigation.yml"


def render_navigation(edition, site) -> dict[str, str]:
    texts = [{text.meta.short: [f"texts/{text.meta.id}/index.md"]
              + [section_path(text, index) for index in range(len(text.sections))]}
             for text in edition.texts]
    archives = [f"bibliography/{archive.slug}.md" for archive in site.archives.values() if archive.has_locators]
    nav = ([{"Home": "index.md"}] + texts + [
        {"Documents": "documents/index.md"},
        {"Where the texts meet": "where-the-texts-meet/index.md"},
        {"Chronology": "chronology/index.md"},
        {"People": "people/index.md"},
        {"Glossary": "glossary/index.md"},
        {"Bibliography": ["bibliography/index.md", *archives, "bibliography/apparatus.md"]},
        {"About": "about.md"},
        {"Editorial method": "method.md"},
    ])
    header = "# Written by the build (scripts/edition/write/markdown/navigation.py); mkdocs.yml inherits it.\n"
    return {NAVIGATION: header + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)}
