"""Markup in any field of any source file never runs, however the value reaches a page:
front matter (which Material prints unescaped in the header, the navigation and the
footer), abbreviation definitions, attribute lists, attributes. Every string field of
every TOML source, every BibTeX field, and in both readers (the e-book's plain text and
the PDF's Markdown) a section heading, a paragraph, a note and a `javascript:` link are
poisoned at once; a field the build refuses (an id, a URL, a date: its shape is checked) is
left as it was. The site is built and a page of every kind opened in Chromium, its
tooltips opened and its Cite-this box used: nothing injected exists, nothing ran, no link
runs script, and the payloads show as text, in a tooltip too."""
from __future__ import annotations

import contextlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout, expect
from breaking import KIM, KISSINGER, MANIFEST, build_site_process, edit
from browser_support import PREFIX, page_urls, serving, serve_folder

from edition.build import read_edition, render_edition
from edition.errors import EditionError
from edition.write.escape import abbreviation_definition, front_matter

pytestmark = pytest.mark.slow   # handed out first (conftest.py)

KISSINGER_TITLE = "Kim Il-sung and the Outbreak of War"
KIM_HEADING = "## A setback in China's early troop dispatch: Stalin's opposition"
KIM_NOTE = "<sup>13</sup>Jin Chongji,"
TEXT_PAYLOADS = {"ebook_heading", "pdf_heading", "pdf_note", "ebook_paragraph"}
# The pages whose tooltips are opened and whose Cite-this box is used: PAGES, and the
# Kissinger section, found by the start of its address (its slug takes the words of the
# poisoned heading).
KISSINGER_SECTION = "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war"
PAGES = ["", "texts/", "texts/kim-2016/",
         "texts/kim-2016/02-prc-policy-on-the-korean-peninsula-before-the-outbreak-of/",
         "texts/kim-2016/04-a-setback-in-chinas-early-troop-dispatch/",
         "bibliography/", "bibliography/aprf/", "bibliography/apparatus/", "people/", "people/stalin/",
         "people/kim-il-sung/", "glossary/", "method/", "chronology/", "where-the-texts-meet/"]
BIB = "sources/bibliography.bib"


def payload(field: str) -> str:
    """End tags that would close a <title> or a <textarea> (whose contents are text only),
    an element that would run script, then `]:` that would end an abbreviation's form (and
    make the rest its title, which Material's tooltip inserts as HTML)."""
    return (f"</title></textarea><img src=x class=pwn onerror=window.__pwned='{field}'>]: "
            f"<b class=pwn>{field}</b>")


FIELD_LINE = re.compile(r'^(\s*"?([\w-]+)"?\s*=\s*\[?\s*")([^"\\]*)(")')
BIB_FIELD = re.compile(r"^(\s*([a-z]+)\s*=\s*\{)([^{}\\%]*)(\})")


def poison_texts(project: Path) -> None:
    """What the two readers read besides the TOML and BibTeX fields: the section headings
    (the e-book's title line, the text's one section, titled as in texts.toml, and a heading
    of the PDF's Markdown); a paragraph of each text and a note of the PDF's; a link whose
    address would run script; and a term's variant that holds `]:`, used in the text (so
    that its definition would be written)."""
    heading = f"{KISSINGER_TITLE} {payload('ebook_heading')}"
    edit(project, KISSINGER, KISSINGER_TITLE + "\n", heading + "\n")
    edit(project, MANIFEST, f'title = "{KISSINGER_TITLE}"', f'title = "{heading}"')
    edit(project, KIM, KIM_HEADING, f"{KIM_HEADING} {payload('pdf_heading')}")
    edit(project, KIM, KIM_NOTE, f"{KIM_NOTE} {payload('pdf_note')}")
    edit(project, "sources/terms.toml", 'variants = ["U.S."]', 'variants = ["U.S.", "KPA]: <b class=pwn>abbr</b>z"]')
    edit(project, KISSINGER, "That is not what Kim Il-sung decided.",
         "That is not what Kim Il-sung decided. The KPA]: <b class=pwn>abbr</b>z moved. "
         f"{payload('ebook_paragraph')} [click me](javascript:window.__pwned='link')")


def poisonable_lines(project: Path) -> list[tuple[str, int, str, str]]:
    """(file, line, field, the line poisoned) for every field's first string value in every
    TOML source and in the BibTeX file (a list: its first item)."""
    found = []
    for path in sorted((project / "sources").rglob("*.toml")) + [project / BIB]:
        relative = path.relative_to(project).as_posix()
        pattern = BIB_FIELD if path.suffix == ".bib" else FIELD_LINE
        seen = set()
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            match = pattern.match(line)
            if match and match[2] not in seen and match[3].strip() and "class=pwn" not in line:
                seen.add(match[2])
                name = f"{path.stem}.{match[2]}"
                found.append((relative, number, name,
                              match[1] + match[3] + " " + payload(name) + match[4] + line[match.end():]))
    return found


def _set_line(project: Path, relative: str, number: int, text: str) -> str:
    path = project / relative
    lines = path.read_text(encoding="utf-8").split("\n")
    old, lines[number - 1] = lines[number - 1], text
    path.write_text("\n".join(lines), encoding="utf-8")
    return old


@pytest.fixture(scope="module")
def accepted(tmp_path_factory) -> list[tuple[str, int, str, str]]:
    """The fields that take the payload and still read, added one at a time to those kept
    (a field whose shape is checked, or whose words are matched against another source,
    is refused: safe), so that all of them at once read."""
    from support import copy_project
    from edition.cache import Cache
    project = copy_project(tmp_path_factory.mktemp("fields"))
    poison_texts(project)
    kept = []
    for relative, number, name, poisoned in poisonable_lines(project):
        old = _set_line(project, relative, number, poisoned)
        try:
            # With the build's own cache (a Cache per read, as a build makes one): a field of
            # a shared source leaves every text's reading as it was, and it is read back.
            read_edition(project / "sources", Cache(project / ".cache", project / "sources"))
            kept.append((relative, number, name, poisoned))
        except EditionError:
            _set_line(project, relative, number, old)
    return kept


def poison_sources(project: Path, accepted) -> set[str]:
    """Every accepted field poisoned at once, and the headings; the names poisoned."""
    poison_texts(project)
    for relative, number, _, poisoned in accepted:
        _set_line(project, relative, number, poisoned)
    return {name for _, _, name, _ in accepted} | TEXT_PAYLOADS


def test_a_front_matter_title_is_escaped_html_in_one_yaml_string():
    lines = front_matter({"title": "A <img src=x onerror=alert(1)> & b\nc: d", "hide": ["toc"]})
    assert lines == ["---", 'title: "A &lt;img src=x onerror=alert(1)&gt; &amp; b c: d"', 'hide: ["toc"]', "---", ""]


@pytest.mark.parametrize("form", ["KPA]: <b>x</b>", "a]b", "back\\slash", "two\nlines", "] :x"])
def test_an_abbreviation_form_that_would_end_its_definition_is_not_written(form):
    assert abbreviation_definition(form, "title") is None


def test_an_abbreviation_definition_is_one_line():
    assert abbreviation_definition("U.S", "United &amp;lt;States\nof") == "*[U.S]: United &amp;lt;States of"


def test_every_field_poisoned_builds_and_no_generated_line_carries_markup(project, accepted):
    """Without a browser: the poisoned sources build, and no generated page lacks a title
    in its front matter, holds the payload's element unescaped, a front matter title with
    markup, or an abbreviation definition that ends early."""
    assert len(accepted) >= 60, sorted(name for _, _, name, _ in accepted)   # most fields are text
    poison_sources(project, accepted)
    files = render_edition(read_edition(project / "sources"))
    for relative, text in files.items():
        if not relative.endswith(".md"):
            continue   # data downloads (BibTeX, JSON, TEI): no page reads them as HTML
        lines = text.split("\n")
        end = lines.index("---", 1) if lines[0] == "---" else 0
        # A page without a title in its front matter takes it from its heading, which the
        # theme prints through `striptags`: escaped markup made markup again (escape.page_head).
        assert "/_snippets/" in relative or any(line.startswith("title: ") for line in lines[1:end]), relative
        for number, line in enumerate(lines, 1):
            where = f"{relative}:{number}"
            if number <= end:   # front matter: the title is printed raw by the theme; the
                if line.startswith("title: "):   # other fields only through `| e` (overrides/main.html)
                    assert "<" not in line and ">" not in line, where
                continue
            if line.startswith("    "):
                continue   # an indented code block (the Cite-this box's BibTeX): shown as written
            if line.startswith("*["):
                assert re.match(r"^\*\[[^\]\\]+\]: [^<>]*$", line), (where, line)
            assert "<img src=x" not in line and "<b class=pwn" not in line, (where, line)


class _Page(HTMLParser):
    """A built page as the browser first reads it: its elements that a payload would make
    (class pwn, an img of src x), and its text (character references resolved). The
    <title> and <textarea> hold text only, as <script> and <style> do: no element is
    ever made from what they contain (the theme's <title> is the page title unescaped)."""

    CDATA_CONTENT_ELEMENTS = ("script", "style", "title", "textarea")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.injected: list[str] = []
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "pwn" in (attrs.get("class") or "").split() or (tag == "img" and attrs.get("src") == "x"):
            self.injected.append(self.get_starttag_text())

    def handle_data(self, data):
        self.words.append(data)


def uses_tooltips(relative: str) -> bool:
    return relative in PAGES or relative.startswith(KISSINGER_SECTION)


def one_page_of_each_kind(urls: list[str], base: str) -> list[str]:
    """Every text page (sidenotes, tooltips, the cite box are made there by script), the
    pages whose tooltips the injection test uses, and the first page of every other folder."""
    chosen, folders = [], set()
    for url in urls:
        relative = url[len(base):]
        folder = relative.split("/")[0]
        if relative.startswith("texts/") or relative in PAGES or folder not in folders:
            chosen.append(url)
            folders.add(folder)
    return chosen


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


@pytest.mark.browser
def test_markup_in_every_field_never_runs_on_any_page(project, context, accepted):
    """Every built page read as the browser reads it: no payload became an element, and
    the payloads stand as text. Then, in Chromium, a page of every kind with its scripts
    run and its tooltips and Cite box used: nothing ran and nothing was inserted."""
    kept = poison_sources(project, accepted)
    site = build_site_process(project)
    seen_as_text: set[str] = set()
    for path in site.rglob("*.html"):
        parsed = _Page()
        parsed.feed(path.read_text(encoding="utf-8"))
        assert parsed.injected == [], (path.relative_to(site).as_posix(), parsed.injected[:3])
        text = "".join(parsed.words)
        seen_as_text |= {name for name in kept if payload(name) in text}
    # The headings' payloads reach the header, the navigation and the title, as text; the
    # paragraph's and the note's reach the text's page.
    assert TEXT_PAYLOADS <= seen_as_text
    not_found = _Page()   # its list of pages, the titles as text (not escaped twice)
    not_found.feed((site / "404.html").read_text(encoding="utf-8"))
    assert payload("ebook_heading") in "".join(not_found.words)
    assert len(seen_as_text) >= 40, sorted(kept - seen_as_text)
    with serving() as server:
        serve_folder(server, site)
        page = context.new_page()
        base = server.origin + PREFIX
        urls = page_urls(site, base)
        assert len(urls) > 80
        for url in one_page_of_each_kind(urls, base):
            page.goto(url)
            page.wait_for_load_state("load")
            if uses_tooltips(url[len(base):]):   # open the tooltips and cite, where they are
                assert _use(page) == [], url
            assert page.evaluate("window.__pwned") is None, (url, page.evaluate("window.__pwned"))
            assert page.locator(".pwn, img[src='x']").count() == 0, url
            assert page.locator("a[href^='javascript:']").count() == 0, url
        # A person's tooltip shows the markup in their name as the text it is (not escaped
        # twice, not as markup); the first person's name is the one poisoned.
        name = payload("persons.name")
        assert "persons.name" in kept
        page.goto(next(url for url in urls if url[len(base):].startswith(KISSINGER_SECTION)))
        page.locator("article a[href*='people/kim-il-sung/']").first.hover()
        with contextlib.suppress(PlaywrightTimeout):  # the assertion below says what is missing
            page.wait_for_function("text => [...document.querySelectorAll('.md-tooltip2, .md-tooltip')]"
                                   ".some(tip => tip.innerText.includes(text))", arg=name)
        tips = " ".join(page.locator(".md-tooltip2, .md-tooltip").all_inner_texts())
        assert name in tips, tips[:300]
