"""Adding a text in one of the two formats is one manifest entry and nothing else."""
from __future__ import annotations

import shutil

from breaking import make_project, run_build

ENTRY = '''
[[text]]
id = "kim-2016-reprint"
short = "Kim 2016 reprint"
reader = "pdf-markdown"
source = "kim-2016-reprint.md"
author = "Donggil Kim"
author_sort = "Kim, Donggil"
title = "New insights into Mao's initial strategic consideration towards the Korean War intervention"
kind = "article"
container = "Cold War History"
volume = "16"
issue = "3"
year = 2016
pages = "239-254"
doi = "10.1080/14682745.2016.1190339"
rights_holder = "Informa UK Limited, trading as Taylor & Francis Group"
notes = "1-80"

[[text]]
id = "kissinger-2011-excerpt"
short = "Kissinger excerpt"
reader = "ebook-plain"
source = "kissinger-excerpt.txt"
author = "Henry Kissinger"
title = "Kim Il-sung and the Outbreak of War"
kind = "chapter"
container = "On China"
year = 2011
isbn = "978-1-59420-271-1"
rights_holder = "Penguin Press (Penguin Group (USA))"
notes = "18-33"
'''


# The pipeline (readers, pages, navigation, lists of texts) needs nothing but the entry.
# What a new text's notes cite is bibliographic work of its own: the one segment of
# Kim's notes the resolver cannot read alone needs its reviewed mapping for the copy too.
MAPPING = '''
[[segment]]
text = "kim-2016-reprint"
note = 43
starts = "Yao, Cong Yalujiang dao Banmendingian"
cites = [{ key = "yao-1985-cong-yalujiang", pinpoint = "21–2" }]
why = "As for kim-2016."
'''


def test_a_third_and_fourth_text_need_only_their_manifest_entries(tmp_path):
    project = make_project(tmp_path)
    texts = project / "sources" / "texts"
    shutil.copy(texts / "kim-2016-new-insights-mao-korean-war.md", texts / "kim-2016-reprint.md")
    shutil.copy(texts / "kissinger-on-china-kim-il-sung-and-the-outbreak-of-war.txt", texts / "kissinger-excerpt.txt")
    with (project / "sources" / "texts.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(ENTRY)
    with (project / "sources" / "citation-map.toml").open("a", encoding="utf-8") as mapping:
        mapping.write(MAPPING)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    docs = project / "docs"
    assert len(list((docs / "texts" / "kim-2016-reprint").glob("0*.md"))) == 7  # its back matter is a page here
    excerpt = (docs / "texts/kissinger-2011-excerpt/01-kim-il-sung-and-the-outbreak-of-war.md").read_text()
    assert excerpt.count('<li id="fn:') == 16 and "Not established." in excerpt  # no notes file: said so
    assert "Kim 2016 reprint" in (docs / "texts/_snippets/texts.md").read_text()
    assert "kim-2016-reprint" in (docs / "bibliography/index.md").read_text()  # its notes cite the entries
