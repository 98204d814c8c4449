"""Every value reaches the pages escaped, tooltips included: Material's tooltips insert a
link's title text as HTML, so a title must hold no markup even after one unescaping."""
from __future__ import annotations

import html as htmllib
import re

from breaking import edit
from test_injection import build_site

PAYLOAD = "<svg onload=alert(1)>&"


def test_bibliography_values_are_escaped_in_pages_and_tooltips(project):
    edit(project, "sources/bibliography.bib", "title = {Telegram from Roshchin to Stalin},\n  date = {1950-07-02}",
         f"title = {{Telegram from Roshchin to Stalin {PAYLOAD}}},\n  date = {{1950-07-02}}")
    edit(project, "sources/bibliography.bib", "translatedtitle = {From the Yalu River to Panmunjom}",
         f"translatedtitle = {{From the Yalu River to Panmunjom {PAYLOAD}}}")
    site = build_site(project)
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
