"""`make bench`: how fast the edition builds, how it grows, and how heavy its pages are.

Prints `name: value` lines, all measured in this one run:

  generate_s            our generator alone on the real corpus (read, check, render,
                        write into a scratch folder); median of 5 runs after a warm-up
  mkdocs_s              the strict MkDocs build alone of the real corpus; median of 3
  generator_overhead    generate_s / mkdocs_s                       (budget: <= 0.10)
  growth_<N>x_*         the generator (read_edition + render_edition) on a synthetic
                        corpus of N times the real one: texts, notes and their editorial
                        data copied under new ids (see `replicate`)
  time_per_note_ratio_100x_1x                                        (budget: <= 1.5)
  time_per_note_ratio_100x_10x   the same from 10x, where fixed costs weigh less
  page_<type>_*         per page type: the HTML gzipped, and the whole first-visit
                        transfer gzipped (HTML, stylesheets, scripts, favicon, and the
                        search worker and index that the search box loads at once)
  search_index_*        the search index, raw and gzipped

Budgets are targets to read the figures against, not tests. Run after `make build`
(the Makefile does), from the project's root.
"""
from __future__ import annotations

import gzip
import logging
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from edition.build import read_edition, render_edition, write_tree  # noqa: E402

SCALES = (1, 10, 100)
PAGE_TYPES = {
    "home": "index.html",
    "text_index": "texts/index.html",
    "text_section": "texts/kim-2016/03-from-a-passive-to-an-eager-stance/index.html",
    "method": "method/index.html",
    "bibliography": "bibliography/index.html",
    "person": None,          # the first page under people/, if there are person pages
    "404": "404.html",
}


def say(name: str, value) -> None:
    if isinstance(value, float):
        value = f"{value:.4f}" if value < 1 else f"{value:.3f}"
    print(f"{name}: {value}", flush=True)


def median_time(function, runs: int, warm_up: bool = True) -> float:
    if warm_up:
        function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --- the real corpus ---------------------------------------------------------------

def generate_once(sources: Path) -> None:
    files = render_edition(read_edition(sources))
    with tempfile.TemporaryDirectory(prefix="bench-docs-") as scratch:
        write_tree(files, Path(scratch) / "docs")


def mkdocs_once(site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.rmtree(site_dir, ignore_errors=True)
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True))


# --- synthetic corpora -------------------------------------------------------------

def toml_blocks(text: str) -> tuple[str, list[str]]:
    """A TOML file of [[tables]]: its preamble, and each table's text."""
    parts = re.split(r"(?m)^(?=\[\[)", text)
    return parts[0], parts[1:]


def replace_field(block: str, name: str, old: str, new: str) -> str:
    return re.sub(rf'(?m)^({re.escape(name)}\s*=\s*)"{re.escape(old)}"', rf'\g<1>"{new}"', block)


def replicate(sources: Path, target: Path, copies: int) -> None:
    """sources/ copied to target/, each text then replicated `copies` times under a new id
    (`<id>-copyN`) with a copy of its source file and of its notes file, and every table
    in the other TOML files that names the text (`text = "<id>"`: corrections, reviewed
    citation mappings) replicated for the copy. The bibliography is not replicated: its
    entries must each be cited, and the copied notes cite the same works."""
    shutil.copytree(sources, target)
    manifest = (target / "texts.toml").read_text(encoding="utf-8")
    preamble, blocks = toml_blocks(manifest)
    texts = tomllib.loads(manifest)["text"]
    extra_texts: list[str] = []
    renames: dict[str, list[str]] = {}
    for block, meta in zip(blocks, texts):
        for n in range(1, copies + 1):
            new_id = f"{meta['id']}-copy{n}"
            renames.setdefault(meta["id"], []).append(new_id)
            copy = replace_field(block, "id", meta["id"], new_id)
            copy = replace_field(copy, "short", meta["short"], f"{meta['short']} (copy {n})")
            for field, folder in (("source", "texts"), ("notes_file", "notes")):
                if field in meta:
                    old = Path(meta[field])
                    new = f"{old.stem}-copy{n}{old.suffix}"
                    shutil.copyfile(target / folder / old, target / folder / new)
                    copy = replace_field(copy, field, meta[field], new)
            extra_texts.append(copy.rstrip("\n") + "\n\n")
    (target / "texts.toml").write_text(preamble + "".join(b.rstrip("\n") + "\n\n" for b in blocks)
                                       + "".join(extra_texts), encoding="utf-8")
    for path in sorted(target.glob("*.toml")):
        if path.name == "texts.toml":
            continue
        preamble, blocks = toml_blocks(path.read_text(encoding="utf-8"))
        extra = []
        for block in blocks:
            named = re.search(r'(?m)^text\s*=\s*"([^"]+)"', block)
            if named and named[1] in renames:
                extra += [replace_field(block, "text", named[1], new_id) for new_id in renames[named[1]]]
        if extra:
            path.write_text(preamble + "".join(b.rstrip("\n") + "\n\n" for b in blocks + extra),
                            encoding="utf-8")


def growth() -> None:
    per_note = {}
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as scratch:
        for scale in SCALES:
            sources = Path(scratch) / f"sources-{scale}x"
            replicate(ROOT / "sources", sources, scale - 1)
            edition = read_edition(sources)
            notes = len(edition.notes)
            runs = 3 if scale < 100 else 1

            def generate(sources=sources):
                render_edition(read_edition(sources))

            seconds = median_time(generate, runs, warm_up=scale < 100)
            per_note[scale] = seconds / notes
            say(f"growth_{scale}x_texts", len(edition.texts))
            say(f"growth_{scale}x_notes", notes)
            say(f"growth_{scale}x_generate_s", seconds)
            say(f"growth_{scale}x_ms_per_note", per_note[scale] * 1000)
    say("time_per_note_ratio_100x_1x", per_note[100] / per_note[1])
    say("time_per_note_ratio_100x_10x", per_note[100] / per_note[10])


# --- page weight -------------------------------------------------------------------

class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href") and set(attrs.get("rel", "").split()) & {
                "stylesheet", "icon", "preload", "modulepreload"}:
            self.urls.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(site: Path, prefix: str) -> None:
    """prefix: the path of site_url, which the 404 page's links start with."""
    index = site / "search" / "search_index.json"
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    on_load = [index, *workers] if index.exists() else []
    say("search_index_bytes", index.stat().st_size if index.exists() else 0)
    say("search_index_gz_bytes", gz(index.read_bytes()) if index.exists() else 0)
    people = sorted(p for p in site.glob("people/*/index.html"))
    for kind, relative in PAGE_TYPES.items():
        if relative is None:
            if not people:
                continue
            relative = people[0].relative_to(site).as_posix()
        page = site / relative
        if not page.exists():
            say(f"page_{kind}_missing", relative)
            continue
        html = page.read_bytes()
        parser = Assets()
        parser.feed(html.decode("utf-8"))
        files = {page}
        for url in parser.urls:
            parts = urlsplit(urljoin(prefix + relative, url))
            if parts.scheme or parts.netloc or not parts.path.startswith(prefix):
                continue  # nothing is fetched from another host (font: false)
            path = site / parts.path[len(prefix):]
            if path.is_file():
                files.add(path)
        files.update(on_load)
        say(f"page_{kind}_html_gz_bytes", gz(html))
        say(f"page_{kind}_transfer_gz_bytes", sum(gz(p.read_bytes()) for p in files))
        say(f"page_{kind}_requests", len(files))


def main() -> None:
    os.chdir(ROOT)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if not (ROOT / "docs" / "texts").is_dir():
        sys.exit("bench: run `make build` first (make bench does)")

    generate_s = median_time(lambda: generate_once(ROOT / "sources"), 5)
    say("generate_s", generate_s)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as scratch:
        site = Path(scratch) / "site"
        mkdocs_s = median_time(lambda: mkdocs_once(site), 3)
        say("mkdocs_s", mkdocs_s)
        say("generator_overhead", generate_s / mkdocs_s)
        growth()
        from mkdocs.config import load_config
        prefix = urlsplit(load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "/").path or "/"
        page_weight(site, prefix)


if __name__ == "__main__":
    main()
