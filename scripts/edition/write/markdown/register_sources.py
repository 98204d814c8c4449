"""A register entry's sources as readers see them (person pages, the glossary).

A reference to the texts ("Kim 2016, n. 7") is printed as written. A web page is a link
whose words say what it is, never the bare address: the title and publisher that
sources/readings.toml records for the same address where it records them; else the title
sources/web-pages.toml records, with the site's host name ("Zhou Enlai (britannica.com)");
else the host name alone, numbered when one entry cites several pages of one host, so
that the links can be told apart. The address is the link's target.
"""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlsplit

from ...model.readings import NO_READINGS, Readings
from ...model.registers import Registers
from ..escape import escape_text
from .readlinks import external_link


def is_address(source: str) -> bool:
    return source.startswith(("https://", "http://"))


def sources_line(sources, readings: Readings = NO_READINGS, registers: Registers | None = None) -> str:
    """The sources, separated by semicolons, each escaped or linked."""
    pages = registers.page_titles() if registers else {}
    titles = {url: f"{title} ({_host(url)})" for url, title in pages.items()}
    titles.update({r.url: f"{r.title} ({r.publisher})" for r in readings if r.url and r.title and r.publisher})
    labels = [titles.get(s) or _host(s) if is_address(s) else "" for s in sources]
    repeated = Counter(label for s, label in zip(sources, labels) if is_address(s) and s not in titles)
    seen: Counter = Counter()
    out = []
    for source, label in zip(sources, labels):
        if not is_address(source):
            out.append(escape_text(source))
            continue
        if source in titles:
            words = escape_text(label)
        else:  # a host: in a narrow table column it may break after a dot, not inside a name
            seen[label] += 1
            words = ".<wbr>".join(escape_text(part) for part in label.split("."))
            words += f" ({seen[label]})" if repeated[label] > 1 else ""
        out.append(external_link(source, words + " "))
    return "; ".join(out)


def _host(address: str) -> str:
    host = (urlsplit(address).hostname or address).lower()
    return host[4:] if host.startswith("www.") else host
