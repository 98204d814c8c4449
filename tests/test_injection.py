"""Data never becomes markup, read from the generated files and the built HTML: markup put
into every kind of field of the sources (texts, notes, manifest, BibTeX, archives,
registers, notes file, reviewed mappings) never starts a generated line as a directive, and
a site built from them with `python -m edition site` holds every bibliography value
escaped, in tooltips' title attributes too. What a browser does with such a site (every
field poisoned, every kind of page opened in Chromium) is test_hardening_markup.py's."""
from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

import pytest
from breaking import (KIM, KISSINGER, MANIFEST, build_site_process, copy_built_project, edit, expect_error,
                      line_of, run_build)

NOTES = "sources/notes/kissinger-2011.toml"
TITLE = "New insights into Mao's initial strategic consideration towards the Korean War intervention"


def payload(field: str) -> str:
    """Markup that, if it ever became markup, would leave an element of class `pwn` and
    record the field in window.__pwned; as text it is harmless."""
    return f"<img src=x class=pwn onerror=window.__pwned='{field}'><b class=pwn>{field}</b>"


# (file, the text to find, field name): the payload is put after the text found.
FIELDS = [
    (KISSINGER, "That is not what Kim Il-sung decided.", "paragraph"),
    (KIM, "<sup>13</sup>Jin Chongji,", "note"),
    (MANIFEST, 'author = "Donggil Kim', "author"),
    (MANIFEST, 'author_sort = "Kim, Donggil', "author_sort"),
    (MANIFEST, 'container = "Cold War History', "container"),
    (MANIFEST, 'volume = "16', "volume"),
    (MANIFEST, 'issue = "3', "issue"),
    (MANIFEST, 'rights_holder = "Informa UK Limited, trading as Taylor & Francis Group', "rights_holder"),
    (MANIFEST, 'chapter = "Chapter 5: Triangular Diplomacy and the Korean War', "chapter"),
    (MANIFEST, 'publisher = "Penguin Press', "publisher"),
    (MANIFEST, 'place = "New York', "place"),
    ("sources/bibliography.bib", "translatedtitle = {From the Yalu River to Panmunjom", "bib_title"),
    ("sources/bibliography.bib", "publisher = {Nauchnaya Kniga", "bib_publisher"),
    ("sources/bibliography.bib", "author = {Bajanov, Evgenii P.", "bib_author"),
    ("sources/archives.toml", 'name = "Arkhiv Prezidenta Rossiiskoi Federatsii', "archive_name"),
    ("sources/archives.toml", 'translation = "Archive of the President of the Russian Federation', "archive_translation"),
    ("sources/persons.toml", 'name = "Joseph Stalin', "person_name"),
    ("sources/persons.toml", "role_1949_50 = \"Soviet leader", "person_role"),
    ("sources/persons.toml", "note = \"'I. V. Stalin'", "person_note"),
    ("sources/places.toml", 'gloss = "Port where the first US ground forces', "place_gloss"),
    ("sources/places.toml", 'name = "Pusan', "place_name"),
    ("sources/terms.toml", 'expansion = "Korean People\'s Army', "term_expansion"),
    ("sources/terms.toml", 'gloss = "The North Korean army.', "term_gloss"),
    ("sources/web-pages.toml", 'title = "Zhou Enlai', "page_title"),
    (NOTES, 'identification = "Conversation between Stalin and Mao Zedong', "identification"),
    (NOTES, 'evidence = "The quoted remark', "evidence"),
    ("sources/citation-map.toml", "why = \"One segment cites the translation", "mapping_why"),
    ("sources/corrections.toml", "why = \"the journal's disclosure statement", "correction_why"),
]


def poison(project: Path) -> None:
    for relative, anchor, field in FIELDS:
        edit(project, relative, anchor, anchor + " " + payload(field))
    edit(project, KISSINGER, "That is not what Kim Il-sung decided.",  # a link that would run script
         "That is not what Kim Il-sung decided. [click me](javascript:window.__pwned='link')")
    heading = f"{TITLE} {payload('title')}"  # the title: in the manifest and as the source prints it
    edit(project, KIM, f"## {TITLE}", f"## {heading}", count=2)
    edit(project, MANIFEST, f'title = "{TITLE}"', f'title = "{heading}"')


# Put into the bibliography for test_bibliography_values_are_escaped_in_pages_and_tooltips.
PAYLOAD = "<svg onload=alert(1)>&"


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory, built_project) -> Path:
    """One copy of the sources, poisoned in every field of FIELDS and in two bibliography
    titles with PAYLOAD, built by the real `python -m edition site`: every value in its
    pages must stand escaped, whatever the other fields' markup left beside it."""
    project = copy_built_project(built_project, tmp_path_factory.mktemp("poisoned") / "project")
    edit(project, "sources/bibliography.bib", "title = {Telegram from Roshchin to Stalin},\n  date = {1950-07-02}",
         f"title = {{Telegram from Roshchin to Stalin {PAYLOAD}}},\n  date = {{1950-07-02}}")
    edit(project, "sources/bibliography.bib", "translatedtitle = {From the Yalu River to Panmunjom}",
         f"translatedtitle = {{From the Yalu River to Panmunjom {PAYLOAD}}}")
    poison(project)
    return build_site_process(project)


def _only_strings(value) -> bool:
    """A JSON (so YAML flow) value whose every leaf is a quoted string."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _only_strings(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_only_strings(v) for v in value)
    return isinstance(value, str)


def test_no_generated_line_is_a_directive(project):
    """Markup and directive text in the sources never starts a generated line as a snippet,
    front matter, attribute list or template directive."""
    poison(project)
    for relative, anchor, field in FIELDS[2:4]:
        edit(project, relative, anchor, anchor + ' --8<-- x {: onclick=alert(1) } {{ config }} {% raw %}')
    assert run_build(project).returncode == 0
    for path in (project / "docs").rglob("*.md"):
        if path.parent == project / "docs":
            continue  # hand-written pages include the generated snippets on purpose
        lines = path.read_text(encoding="utf-8").split("\n")
        body = lines
        if lines[0] == "---":  # front matter: YAML data, each value one JSON (so YAML) string
            end = lines.index("---", 1)
            for line in lines[1:end]:
                key, value = line.split(": ", 1)
                assert re.match(r"^[a-z_]+$", key), (path, line)
                assert (_only_strings(json.loads(value)) if value.startswith(('"', "[", "{"))
                        else re.match(r"^[\w .,’–-]+$", value)), (path, line)  # data is always quoted
            body = lines[end + 1:]
        for line in body:
            assert not re.match(r"\s*-+8<-+", line), (path, line)
            if line.startswith("    "):
                continue  # a code block (the BibTeX of the Cite-this box): shown as written
            assert not re.search(r"(?<!\\)\{(?:\\?\{|%)", line), (path, line)  # unescaped {{ or {%
            assert not re.search(r"(?<!\\)\{:[^}]*onclick", line), (path, line)


def test_short_name_with_markup_is_refused(project):
    edit(project, MANIFEST, 'short = "Kim 2016"', 'short = "Kim <script>2016"')
    line = line_of(project, MANIFEST, 'short = "Kim <script>2016"')
    expect_error(project, f"{MANIFEST}:{line}", r"'short' of \[\[text\]\] may hold only .*, not 'Kim <script>2016'")



def test_bibliography_values_are_escaped_in_pages_and_tooltips(poisoned_site):
    """Every value reaches the pages escaped, tooltips included: Material's tooltips insert a
    link's title text as HTML, so a title must hold no markup even after one unescaping."""
    site = poisoned_site
    pages = ["bibliography", "bibliography/aprf", "bibliography/apparatus", "where-the-texts-meet", "chronology",
             "texts/kim-2016/01-introduction", "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war"]
    seen = 0
    for page in pages:
        text = (site / page / "index.html").read_text(encoding="utf-8")
        assert "<svg onload" not in text, page
        seen += text.count("&lt;svg")
        for title in re.findall(r'title="([^"]*)"', text):
            # what Material's tooltip will parse as HTML: the attribute's value, unescaped once
            assert "<" not in htmllib.unescape(title), (page, title)
    assert seen >= len(pages) - 1
    introduction = (site / "texts/kim-2016/01-introduction/index.html").read_text(encoding="utf-8")
    assert "Telegram from Roshchin to Stalin &amp;lt;svg onload=alert(1)&amp;gt;&amp;amp;" in introduction
