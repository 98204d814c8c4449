"""Writing the generated files (publish/staging.py): everything rendered first, then only
the files whose bytes changed written and the files no longer made removed, so that MkDocs'
live reload and `mkdocs serve --dirty` see a change only where there is one."""
from __future__ import annotations

import pytest

from edition.errors import EditionError
from edition.publish.staging import Staging, write_tree

FILES = {"texts/a/index.md": "# A\n", "texts/b.md": "B\n", "people/kim.md": "Kim\n", "glossary/index.md": "G\n"}


def stamps(docs):
    """Each file's inode and modification time: what a watcher sees change."""
    return {p.relative_to(docs).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in docs.rglob("*") if p.is_file()}


def test_the_same_files_again_change_nothing(tmp_path):
    assert write_tree(FILES, tmp_path) == sorted(FILES)
    before = stamps(tmp_path)
    assert write_tree(dict(FILES), tmp_path) == []
    assert stamps(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary", "people", "texts"]


def test_only_the_file_that_changed_is_written(tmp_path):
    write_tree(FILES, tmp_path)
    before = stamps(tmp_path)
    assert write_tree({**FILES, "people/kim.md": "Kim Il-sung\n", "texts/b.md": "C\n"}, tmp_path) == [
        "people/kim.md", "texts/b.md"]  # the second keeps its size: its bytes are compared
    after = stamps(tmp_path)
    assert after["people/kim.md"] != before["people/kim.md"] and after["texts/b.md"] != before["texts/b.md"]
    assert {k: v for k, v in after.items() if k not in ("people/kim.md", "texts/b.md")} == {
        k: v for k, v in before.items() if k not in ("people/kim.md", "texts/b.md")}
    assert (tmp_path / "people/kim.md").read_text(encoding="utf-8") == "Kim Il-sung\n"


def test_a_file_no_longer_made_is_removed_and_a_folder_left_empty_too(tmp_path):
    write_tree(FILES, tmp_path)
    changed = write_tree({k: v for k, v in FILES.items() if not k.startswith("glossary/")}
                         | {"texts/c.md": "C\n"}, tmp_path)
    assert changed == ["glossary/index.md", "texts/c.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people", "texts"]
    assert sorted(p.name for p in (tmp_path / "texts").iterdir()) == ["a", "b.md", "c.md"]


def test_files_outside_the_generated_folders_are_left_alone(tmp_path):
    (tmp_path / "index.md").write_text("hand-written\n", encoding="utf-8")
    write_tree(FILES, tmp_path)
    write_tree({}, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["index.md"]


def test_two_writers_fill_one_staging_and_nothing_is_in_place_before_commit(tmp_path):
    with Staging(tmp_path) as staging:
        staging.write({"texts/a.md": "A\n"})
        staging.write({"texts/b.md": "B\n", "people/p.md": "P\n"})  # a folder both need
        assert list(tmp_path.iterdir()) == []
        staging.commit()
    assert sorted(p.name for p in (tmp_path / "texts").iterdir()) == ["a.md", "b.md"]
    assert [p.name for p in tmp_path.rglob(".*")] == []  # no temporary file left


def test_a_write_that_fails_leaves_the_last_output(tmp_path):
    write_tree(FILES, tmp_path)
    before = stamps(tmp_path)
    with pytest.raises(EditionError, match="outside its folders"):
        write_tree({**FILES, "people/kim.md": "changed\n", "texts/../../evil.md": "x"}, tmp_path)
    assert stamps(tmp_path) == before
    assert (tmp_path / "people/kim.md").read_text(encoding="utf-8") == "Kim\n"


def test_a_file_the_disk_refuses_leaves_every_page_as_it_was(tmp_path):
    """All or nothing: when one changed file cannot be written (here a name longer than the
    disk takes), the files written before it are not put in place either."""
    write_tree(FILES, tmp_path)
    before = stamps(tmp_path)
    refused = "people/" + "k" * 250 + ".md"
    with pytest.raises(EditionError, match=r"cannot be written \(File name too long\); nothing in docs/ was changed"):
        write_tree({**FILES, "glossary/index.md": "changed\n", "people/kim.md": "changed\n", refused: "x"}, tmp_path)
    assert stamps(tmp_path) == before
    assert (tmp_path / "glossary/index.md").read_text(encoding="utf-8") == "G\n"
    assert [p.name for p in tmp_path.rglob(".*")] == []  # no temporary file left
