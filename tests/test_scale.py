"""Pages that grow with the edition: cut into parts with navigation between them, and
"Where the texts meet" pairwise for any number of texts."""
from __future__ import annotations

import re
import sys

import pytest

from support import ROOT
from edition.build import read_edition, render_edition
from edition.write.markdown.parts import Block, split_page

sys.path.insert(0, str(ROOT / "scripts"))
from bench import replicate  # noqa: E402


def test_a_page_that_fits_stays_one_page():
    files = split_page("chronology/index.md", "Chronology", ["# Chronology", ""],
                       [Block("1950", "1950", ["## 1950", ""], ["a", "b"])])
    assert files == {"chronology/index.md": "# Chronology\n\n## 1950\n\na\nb\n"}


def test_a_page_too_large_is_cut_into_linked_parts():
    rows = [f"| row {i} |" + "x" * 80 for i in range(30)]
    blocks = [Block("1949", "1949", ["## 1949", "", "| h |", "|---|"], rows[:3]),
              Block("1950", "1950", ["## 1950", "", "| h |", "|---|"], rows[3:])]
    files = split_page("chronology/index.md", "Chronology", ["# Chronology", ""], blocks, budget=1000)
    first = files["chronology/index.md"]
    parts = re.findall(r"^- \[(.+?)\]\((.+?)\)$", first, re.M)
    assert [p[1] for p in parts][:2] == ["1949.md", "1950.md"] and len(parts) > 2
    for k, (_, target) in enumerate(parts):
        page = files[f"chronology/{target}"]
        assert len(page) <= 1300                      # the budget, plus the part's title and bars
        assert "[↑ All parts](index.md)" in page
        assert ("[← " in page) == (k > 0) and (" →](" in page) == (k < len(parts) - 1)
        if target != "1949.md":
            assert "| h |\n|---|" in page               # the table's header repeated in each slice
    assert sum(f.count("| row ") for f in files.values()) == 30  # every row once


@pytest.fixture(scope="module")
def four_texts(tmp_path_factory):
    """The two texts and a copy of each (as the bench makes them): four texts."""
    sources = tmp_path_factory.mktemp("four") / "sources"
    replicate(ROOT / "sources", sources, 1)
    edition = read_edition(sources)
    return edition, render_edition(edition)


def test_where_the_texts_meet_is_pairwise(four_texts, edition):
    many, files = four_texts
    page = files["where-the-texts-meet/index.md"]
    assert "## Documents two or more texts cite" in page
    # Kim and its copy share every document Kim cites, though Kissinger cites only a few.
    kim_documents = {c.key for n in edition.notes if n.text_id == "kim-2016" for c in n.citations
                     if next(e for e in edition.entries if e.key == c.key).is_archival}
    for key in kim_documents:
        assert f"documents/{key}.md)" in page, key
    # Persons: a column of texts beyond four would not fit; here each text has its column.
    header = next(line for line in page.splitlines() if line.startswith("| Person |"))
    assert header.count("|") == 6
    two = render_edition(edition)["where-the-texts-meet/index.md"]
    assert page.count("\n| [") > two.count("\n| [")   # more persons shared by some pair


def test_margins_show_a_bounded_number_of_counterparts(four_texts):
    _, files = four_texts
    for path, text in files.items():
        if path.startswith("texts/"):
            for line in text.splitlines():
                assert line.count("{: .counterpart }") <= 4 * 8, (path, line[:200])


def test_a_bibliography_too_large_for_a_page_is_cut_and_every_link_follows(edition, monkeypatch):
    import edition.write.markdown.bibliography_layout as bibliography
    import edition.write.markdown.parts as parts
    monkeypatch.setattr(bibliography, "BUDGET", 20_000)
    monkeypatch.setattr(parts, "BUDGET", 2_000)
    files = render_edition(edition)
    entries = sorted(p for p in files if p.startswith("bibliography/entries-"))
    assert len(entries) > 2
    assert "[Part 1](entries-1.md)" in files["bibliography/index.md"]
    placed = {key: path for path in entries for key in re.findall(r'<div class="bib-entry" id="([^"]+)"', files[path])}
    assert set(placed) == {e.key for e in edition.entries}          # every entry once
    # Every link to an entry, from every page, goes to the part that holds it.
    import posixpath
    links = 0
    for path, text in files.items():
        for target, key in re.findall(r'\]\(([^)#\s]*bibliography/entries-\d+\.md|entries-\d+\.md)#([^)\s"]+)(?: "[^"]*")?\)', text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert placed.get(key) == resolved, (path, target, key)
            links += 1
    assert links > 150   # the entries of books and articles; documents are linked to their own pages
    # Archive pages too large are cut, their table header repeated.
    aprf = [p for p in files if p.startswith("bibliography/aprf--documents")]
    assert aprf and all("| Locator | Leaves cited |" in files[p] for p in aprf)


def test_a_documents_page_too_large_is_a_table_a_year_and_every_link_follows(edition, monkeypatch):
    import posixpath

    import edition.write.markdown.bibliography_layout as bibliography
    import edition.write.markdown.parts as parts
    monkeypatch.setattr(bibliography, "BUDGET", 20_000)
    monkeypatch.setattr(parts, "BUDGET", 8_000)
    files = render_edition(edition)
    first = files["documents/index.md"]
    listed = re.findall(r"^- \[(.+?)\]\((.+?)\)$", first, re.M)
    assert [t for t, _ in listed][:2] == ["1949", "1950"] and len(listed) > 2
    assert "46 documents, a table a year." in first and "| Date |" not in first
    rows = [row for _, target in listed for row in files[f"documents/{target}"].splitlines()
            if row.startswith("| ") and not row.startswith("| Date")]
    assert len(rows) == 46                                   # every document once
    placed = {key: path for path in files if path.startswith("bibliography/entries-")
              for key in re.findall(r'<div class="bib-entry" id="([^"]+)"', files[path])}
    followed = 0
    for _, target in listed:
        part = f"documents/{target}"
        followed += len(re.findall(r"entries-\d+\.md#", files[part]))
        for link, key in re.findall(r"\]\(([^)#\s]*entries-\d+\.md)#([^)\s]+)\)", files[part]):
            assert placed[key] == posixpath.normpath(posixpath.join("documents", link)), (part, key)
        for link in re.findall(r"\]\(((?:\.\./)+texts/[^)#\s]+)#fn:\d+\)", files[part]):
            assert posixpath.normpath(posixpath.join("documents", link)) in files, (part, link)
    titles = [key for row in rows for key in re.findall(r"^\| [^|]+ \| \[[^]]+\]\(([\w-]+)\.md\)", row)]
    assert len(set(titles)) == 46 and all(f"documents/{key}.md" in files for key in titles)   # each title: its page


def test_tables_with_a_column_per_text_fold_beyond_four_texts():
    from types import SimpleNamespace

    from edition.write.markdown.textcolumns import column_names, text_cells
    texts = [SimpleNamespace(meta=SimpleNamespace(short=f"Text {n}")) for n in range(5)]
    assert column_names(texts[:4], "Passages") == ["Text 0", "Text 1", "Text 2", "Text 3"]
    assert text_cells(texts[:4], ["a", "", "c", ""]) == ["a", "", "c", ""]
    assert column_names(texts, "Passages") == ["Passages"]
    assert text_cells(texts, ["a", "", "c", "", "e"]) == [
        "<strong>Text 0</strong>: a<br><strong>Text 2</strong>: c<br><strong>Text 4</strong>: e"]
