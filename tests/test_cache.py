"""The cache of the work that depends on one text (edition/cache.py), at ten times the real
corpus: a warm build writes the same bytes as a cold one, after an edit of one text does
that text's work again and nothing else's, and after a text is added."""
from __future__ import annotations

import sys

import pytest
from support import ROOT
from edition.build import build_edition, read_edition, render_edition
from edition.cache import Cache
from edition.load.sourcepolicy import covered_files

sys.path.insert(0, str(ROOT / "scripts"))
from bench import replicate  # noqa: E402

pytestmark = pytest.mark.slow   # handed out first (conftest.py)


def cold(sources):
    return render_edition(read_edition(sources))


def warm(sources, folder):
    cache = Cache(folder, sources)  # one Cache per build, as `build` makes it
    return render_edition(read_edition(sources, cache), cache)


def made(folder) -> set[str]:
    return {p.name for p in folder.glob("*.pickle")}


def test_a_warm_build_writes_what_a_cold_one_writes_and_an_edit_redoes_one_text(tmp_path):
    sources, folder = tmp_path / "sources", tmp_path / "cache"
    replicate(ROOT / "sources", sources, 9)
    first = cold(sources)
    assert warm(sources, folder) == first          # the cache filled
    filled = made(folder)
    # For each text: the text read, its notes resolved, its dated passages, its citing
    # sentences, its mentions, its digest without the editors' words, its pages. For each
    # TOML file the source policy covers: its addresses. The steps across texts, and the
    # pages that gather every text.
    policy_files = [path for path in covered_files(sources) if path.suffix == ".toml"]
    assert len(filled) == 7 * 20 + len(policy_files) + 2
    assert warm(sources, folder) == first          # all of it read back
    assert made(folder) == filled

    notes = sources / "notes" / "kissinger-2011-copy3.toml"
    text = notes.read_text(encoding="utf-8")
    edited = text.replace("Project translation).", "Project translation; checked again).", 1)
    assert edited != text
    notes.write_text(edited, encoding="utf-8")
    after_edit = cold(sources)
    assert after_edit != first
    assert warm(sources, folder) == after_edit
    # That text's work done again, and its notes file's addresses read again: an edit of
    # the editors' words leaves the steps across texts and the shared pages as they were.
    assert len(made(folder) - filled) == 7 + 1

    # The copy's note 18 no longer cites the document Kim's note 12 cites: the pages of the
    # texts that met it there lose their link to it, so they are made again too.
    before = made(folder)
    start = edited.index("number = 18\n")
    end = edited.index("[[note]]", start)
    notes.write_text(edited[:start] + 'number = 18\nbasis = "unknown"\n\n' + edited[end:], encoding="utf-8")
    after_meeting = cold(sources)
    assert warm(sources, folder) == after_meeting
    assert len(made(folder) - before) > 7 + 1 + 2   # and the shared steps, and the pages that met it


def test_a_text_added_is_built_warm_as_cold(tmp_path):
    sources, folder = tmp_path / "sources", tmp_path / "cache"
    replicate(ROOT / "sources", sources, 9)
    warm(sources, folder)
    more = tmp_path / "more"
    replicate(ROOT / "sources", more, 10)          # the same, and one copy more of each text
    assert warm(more, folder) == cold(more)


def test_a_note_that_moves_a_differing_documents_finding_remakes_the_pages_linking_to_it(tmp_path):
    """A note's "the linked page differs" leads to the finding on the apparatus, whose anchor
    is made from every note citing the document: when another text's notes change it, the
    pages linking to it are made again (a stale anchor would be a broken link)."""
    import shutil
    sources, folder = tmp_path / "sources", tmp_path / "cache"
    shutil.copytree(ROOT / "sources", sources)
    notes = sources / "notes" / "kissinger-2011.toml"
    text = notes.read_text(encoding="utf-8")
    cable = "Telegram from Stalin to Mao Zedong, 14 May 1950, RGASPI, fond. 558, opis. 11, delo. 334, list. 56."
    printed = 'text = "Goncharov, Lewis, and Xue, *Uncertain Partners*, 144."'
    notes.write_text(text.replace(printed, printed[:-2] + f'; {cable}"'), encoding="utf-8")
    warm(sources, folder)
    start = text.index("number = 28\n")
    end = text.index("[[note]]", start)
    notes.write_text(text[:start] + f'number = 28\nbasis = "author"\ntext = "{cable}"\n\n' + text[end:],
                     encoding="utf-8")
    assert warm(sources, folder) == cold(sources)



def test_the_key_of_a_texts_pages_names_the_pages_of_the_accounts_it_links_to(tmp_path):
    """Kissinger ¶ 8 links to Kim ¶ 19, its other account of when Stalin agreed
    (differences.toml): were ¶ 19 on another page, Kissinger's pages would be made again
    (a stale link would lead to the wrong page)."""
    from dataclasses import replace
    from edition.build import what_text_pages_read
    from edition.write.markdown.context import build_context
    edition = read_edition(ROOT / "sources")
    shared = replace(edition, texts=edition.shared_texts)
    site = build_context(shared)

    def key():
        return what_text_pages_read(shared, site)["kissinger-2011"]

    before = key()
    accounts = site.told_differently[("kissinger-2011", 8)]
    assert [(a.text_id, a.paragraph) for a in accounts] == [("kim-2016", 19)]
    site.told_differently[("kissinger-2011", 8)] = [accounts[0]._replace(page="texts/kim-2016/09-elsewhere.md")]
    assert key() != before


def test_a_build_keeps_only_the_results_it_used(tmp_path):
    """A build that succeeded removes the results it did not use: after an edit of one
    note's identification, the edited text's results from before the edit are gone, and
    nothing else is."""
    import shutil
    sources, folder, docs = tmp_path / "sources", tmp_path / "cache", tmp_path / "docs"
    shutil.copytree(ROOT / "sources", sources)
    build_edition(sources, docs, Cache(folder, sources))
    first = made(folder)
    notes = sources / "notes" / "kissinger-2011.toml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace("Project translation).", "Project translation; checked again).", 1), encoding="utf-8")
    build_edition(sources, docs, Cache(folder, sources))
    after = made(folder)
    assert len(first - after) == 7 + 1 == len(after - first)   # that text's work, its notes file's addresses
    (folder / "left-by-another-build.pickle").write_bytes(b"")
    build_edition(sources, docs, Cache(folder, sources))
    assert made(folder) == after
