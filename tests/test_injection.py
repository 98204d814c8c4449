"""Data never becomes markup: markup put into every kind of field of the sources (texts,
notes, manifest, BibTeX, archives, registers, notes file, reviewed mappings) is shown as text
and never runs. A copy of the sources is poisoned, built with `python -m edition site` and
opened in Chromium, where tooltips are hovered and the Cite-this box is used; no injected
element may exist and no injected script may have run. The same site's HTML holds every
bibliography value escaped, in tooltips' title attributes too."""
from __future__ import annotations

import contextlib
import html as htmllib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect
from breaking import KIM, KISSINGER, MANIFEST, copy_built_project, edit, expect_error, line_of, run_build
from browser_support import PREFIX, serve_folder, serving
from support import ROOT

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
    (NOTES, 'identification = "Conversation between Stalin and Mao Zedong', "identification"),
    (NOTES, 'evidence = "The quoted remark', "evidence"),
    ("sources/citation-map.toml", "why = \"One segment cites the translation", "mapping_why"),
    ("sources/corrections.toml", "why = \"the journal's disclosure statement", "correction_why"),
]

PAGES = ["", "texts/", "texts/kim-2016/", "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/",
         "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/",
         "texts/kim-2016/04-a-setback-in-chinas-early-troop-dispatch/",
         "bibliography/", "bibliography/aprf/", "bibliography/apparatus/", "people/", "people/stalin/",
         "people/kim-il-sung/", "glossary/", "method/", "chronology/", "where-the-texts-meet/"]


def poison(project: Path) -> None:
    for relative, anchor, field in FIELDS:
        edit(project, relative, anchor, anchor + " " + payload(field))
    edit(project, KISSINGER, "That is not what Kim Il-sung decided.",  # a link that would run script
         "That is not what Kim Il-sung decided. [click me](javascript:window.__pwned='link')")
    heading = f"{TITLE} {payload('title')}"  # the title: in the manifest and as the source prints it
    edit(project, KIM, f"## {TITLE}", f"## {heading}", count=2)
    edit(project, MANIFEST, f'title = "{TITLE}"', f'title = "{heading}"')


def build_site(project: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    result = subprocess.run([sys.executable, "-m", "edition", "site"], cwd=project, capture_output=True,
                            text=True, env=dict(os.environ, PYTHONPATH=str(ROOT / "scripts")))
    assert result.returncode == 0, result.stderr
    return project / "site"


# Put into the bibliography for test_bibliography_values_are_escaped_in_pages_and_tooltips.
PAYLOAD = "<svg onload=alert(1)>&"


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory, built_project) -> Path:
    """One copy of the sources, poisoned in every field of FIELDS and in two bibliography
    titles with PAYLOAD, built by the real `python -m edition site` (once for the module:
    each of the two tests below reads what the other's markup left in the pages)."""
    project = copy_built_project(built_project, tmp_path_factory.mktemp("poisoned") / "project")
    edit(project, "sources/bibliography.bib", "title = {Telegram from Roshchin to Stalin},\n  date = {1950-07-02}",
         f"title = {{Telegram from Roshchin to Stalin {PAYLOAD}}},\n  date = {{1950-07-02}}")
    edit(project, "sources/bibliography.bib", "translatedtitle = {From the Yalu River to Panmunjom}",
         f"translatedtitle = {{From the Yalu River to Panmunjom {PAYLOAD}}}")
    poison(project)
    return build_site(project)


@pytest.mark.browser
def test_markup_in_every_kind_of_field_is_shown_and_never_runs(poisoned_site, context):
    site = poisoned_site
    shown: set[str] = set()
    with serving() as server:
        serve_folder(server, site)
        page = context.new_page()
        for relative in PAGES:
            page.goto(server.origin + PREFIX + relative)
            page.wait_for_load_state("load")
            assert _use(page) == [], relative
            assert page.evaluate("window.__pwned") is None, (relative, page.evaluate("window.__pwned"))
            assert page.locator(".pwn, img[src='x']").count() == 0, relative
            assert page.locator("a[href^='javascript:']").count() == 0, relative
            text = page.inner_text("body")
            shown |= {field for field in _fields() if payload(field) in text}
        # A tooltip shows the markup as the text it is (not escaped twice, not as markup).
        page.goto(server.origin + PREFIX + PAGES[3])
        page.locator("article a[href*='people/stalin']").first.hover()
        with contextlib.suppress(PlaywrightTimeout):  # the assertion below says what is missing
            page.wait_for_function("text => [...document.querySelectorAll('.md-tooltip2, .md-tooltip')]"
                                   ".some(tip => tip.innerText.includes(text))", arg=payload("person_role"))
        tips = " ".join(page.locator(".md-tooltip2, .md-tooltip").all_inner_texts())
        assert payload("person_role") in tips, tips[:300]
    # Each payload reached some page, as the text it is.
    assert shown >= _fields() - {"author_sort", "mapping_why", "correction_why"}, sorted(_fields() - shown)


def _fields() -> set[str]:
    return {field for _, _, field in FIELDS} | {"title"}


def _use(page) -> list[str]:
    """Open every tooltip (Material inserts `title` text into the page) and cite a paragraph,
    where the Cite-this box rewrites its citation; returns any markup of a payload that
    entered the page meanwhile. The tooltips open on focus, as for a keyboard reader (the
    same listeners as the pointer's): one target after another, without a pointer's travel
    to each of 40 targets; whatever a tooltip inserted is seen even after it closed."""
    seen = page.evaluate("""async () => {
        const seen = [], marked = ".pwn, img[src='x']";
        const observer = new MutationObserver(records => records.forEach(record =>
            record.addedNodes.forEach(node => {
                if (node.nodeType === 1 && (node.matches(marked) || node.querySelector(marked)))
                    seen.push(node.outerHTML.slice(0, 120));
            })));
        observer.observe(document.body, {childList: true, subtree: true});
        const frame = () => new Promise(done => requestAnimationFrame(() => done()));
        const targets = [...document.querySelectorAll("article [title], article abbr, article .footnote-ref")]
            .filter(t => t.getClientRects().length).slice(0, 40);
        for (const target of targets) {
            if (target.tabIndex < 0) target.tabIndex = -1;   // focusable from a script
            target.focus({preventScroll: true});
            await frame(); await frame();
        }
        // An injected image's error event, if any: every image loaded or failed (a lazy
        // one never loads off screen; an injected one is eager), then the event's task.
        await Promise.all([...document.images].filter(i => !i.complete && i.loading !== "lazy")
            .map(i => new Promise(done => ["load", "error"].forEach(e => i.addEventListener(e, done)))));
        await new Promise(done => setTimeout(done));
        observer.disconnect();
        return seen;
    }""")
    number = page.locator(".para-num").first
    if number.count():
        number.click()
        expect(page.locator("#cite-panel .cite-panel__chicago")).not_to_be_empty()
    return seen


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
