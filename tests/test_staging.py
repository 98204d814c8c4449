"""Writing the generated folders (edition/staging.py): all at once, and only the folders
whose files changed, so that MkDocs' live reload sees no change where there was none."""
from __future__ import annotations

import pytest

from edition.errors import EditionError
from edition.publish.staging import Staging, write_tree

FILES = {"texts/a/index.md": "# A\n", "texts/b.md": "B\n", "people/kim.md": "Kim\n", "glossary/index.md": "G\n"}


def inodes(docs):
    return {p.name: p.stat().st_ino for p in docs.iterdir()}


def test_the_same_files_again_leave_every_folder_as_it_was(tmp_path):
    write_tree(FILES, tmp_path)
    before = inodes(tmp_path)
    write_tree(dict(FILES), tmp_path)
    assert inodes(tmp_path) == before
    assert sorted(before) == ["glossary", "people", "texts"]  # and no staging folder is left


def test_only_the_folder_whose_file_changed_is_replaced(tmp_path):
    write_tree(FILES, tmp_path)
    before = inodes(tmp_path)
    write_tree({**FILES, "people/kim.md": "Kim Il-sung\n"}, tmp_path)
    after = inodes(tmp_path)
    assert after["people"] != before["people"]
    assert (after["texts"], after["glossary"]) == (before["texts"], before["glossary"])
    assert (tmp_path / "people/kim.md").read_text(encoding="utf-8") == "Kim Il-sung\n"


def test_a_folder_with_a_file_more_or_less_is_replaced_and_one_left_empty_is_removed(tmp_path):
    write_tree(FILES, tmp_path)
    write_tree({k: v for k, v in FILES.items() if not k.startswith("glossary/")} | {"texts/c.md": "C\n"}, tmp_path)
    assert sorted(inodes(tmp_path)) == ["people", "texts"]
    assert sorted(p.name for p in (tmp_path / "texts").iterdir()) == ["a", "b.md", "c.md"]


def test_two_writers_fill_one_staging_folder_and_nothing_is_in_place_before_commit(tmp_path):
    with Staging(tmp_path) as staging:
        staging.write({"texts/a.md": "A\n"})
        staging.write({"texts/b.md": "B\n", "people/p.md": "P\n"})  # a folder both need
        assert not (tmp_path / "texts").exists()
        staging.commit()
    assert sorted(p.name for p in (tmp_path / "texts").iterdir()) == ["a.md", "b.md"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_write_that_fails_leaves_the_last_output(tmp_path):
    write_tree(FILES, tmp_path)
    before = inodes(tmp_path)
    with pytest.raises(EditionError, match="outside its folders"):
        write_tree({**FILES, "people/kim.md": "changed\n", "texts/../../evil.md": "x"}, tmp_path)
    assert inodes(tmp_path) == before
    assert (tmp_path / "people/kim.md").read_text(encoding="utf-8") == "Kim\n"
