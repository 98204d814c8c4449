"""`make bench`: how fast the edition builds, how it grows, and how heavy its pages are.

Prints `name: value` lines, all measured in this one run (`--scales 1,10` for a quick run):

  generate_s            our generator alone on the real corpus (read, check, render,
                        write into an empty scratch folder): the median of 7 runs
  mkdocs_s              the strict MkDocs build alone of the real corpus into an empty
                        folder: the median of 7 runs (for both, removing the last run's
                        output is done before the clock starts; one warm-up run each)
  generator_overhead    the median of the 7 ratios generator / MkDocs, each of a pair of
                        runs made back to back (this machine's speed drifts over seconds:
                        pairs cancel the drift that separate medians would measure)
                                                                    (budget: <= 0.10)
  growth_<N>x_*         the generator (read_edition + render_edition) on the worst-case
                        corpus of N times the real one (see `replicate`)
  time_per_note_ratio_100x_1x                                        (budget: <= 1.5)
  <corpus>_<N>x_*       the whole build of a synthetic corpus in a scratch project:
                        generator, MkDocs, Pagefind; site bytes, largest page; search index
                        bytes, and for three fixed queries the bytes a reader's browser
                        fetches and the time to the first result in Chromium
                        corpus "same": every copy cites the same documents (worst case);
                        corpus "own": each copy cites its own entries, sharing a stated
                        fraction (see `own_entries`)
  <corpus>_per_text_*_ratio_100x_1x                           (budgets, "own": <= 1.5)
  page_<type>_*         per page type: the HTML gzipped, and the whole first-visit
                        transfer gzipped (HTML, stylesheets, scripts, favicon)

Budgets are targets to read the figures against, not tests. Run after `make build`
(the Makefile does), from the project's root. The synthetic builds run under `nice`.
Every scratch folder is made in `.bench/` inside the project, on the disk where the real
build writes `docs/` and `site/` (the system's temporary folder may be another file system:
on this machine it created files seven times slower than the project's disk).
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
import zlib
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from edition.build import build_edition, read_edition, render_edition  # noqa: E402
from edition.publish.staging import GENERATED, write_tree  # noqa: E402

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


SCRATCH = ROOT / ".bench"


def scratch_folder(prefix: str) -> tempfile.TemporaryDirectory:
    """A scratch folder on the project's disk, removed when done (see the docstring)."""
    SCRATCH.mkdir(exist_ok=True)
    return tempfile.TemporaryDirectory(prefix=prefix, dir=SCRATCH)


def median_time(function, runs: int, warm_up: bool = True) -> float:
    """The median time of `function` (after one untimed run, unless warm_up is False)."""
    if warm_up:
        function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_times(first, prepare_first, second, prepare_second, runs: int) -> tuple[float, float, float]:
    """The medians of `first` and `second`, and the median of their ratio, each ratio of a
    pair of runs made back to back after one warm-up of each (outputs removed untimed)."""
    pairs = []
    for run in range(runs + 1):
        times = []
        for function, prepare in ((first, prepare_first), (second, prepare_second)):
            prepare()
            start = time.perf_counter()
            function()
            times.append(time.perf_counter() - start)
        if run:  # the first pair warms up
            pairs.append(times)
    return (statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(a / b for a, b in pairs))


# --- the real corpus ---------------------------------------------------------------

def generate_once(sources: Path, docs: Path) -> None:
    """Read, check, render and write into `docs` (a scratch folder, emptied beforehand)."""
    build_edition(sources, docs)


def mkdocs_once(site_dir: Path) -> None:
    """The strict MkDocs build into `site_dir` (emptied beforehand)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True))


def emptied(folder: Path):
    """A `prepare` for the timings: the folder removed, as a first build finds it, and the
    disk brought to rest. Without the sync, the system writes the previous run's output
    out to disk during the next run: a generator run after MkDocs' build was billed for
    writing MkDocs' 10 MB (its 99 files took 110-150 ms to write, 30 ms after a sync)."""
    def prepare():
        shutil.rmtree(folder, ignore_errors=True)
        os.sync()
    return prepare


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


def growth(scales=SCALES) -> None:
    per_note = {}
    with scratch_folder("corpus-") as scratch:
        for scale in scales:
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
    high = max(scales)
    say(f"time_per_note_ratio_{high}x_1x", per_note[high] / per_note[1])
    if 10 in scales and high != 10:
        say(f"time_per_note_ratio_{high}x_10x", per_note[high] / per_note[10])


# --- whole builds of the synthetic corpora ----------------------------------------

SHARED_PERCENT = 10   # of the bibliography's entries, shared by every text in the "own" corpus
QUERIES = ("Roshchin", "delo 331", "Filippov")


def shared_entry(key: str) -> bool:
    """A fixed tenth of the entries, chosen by a hash of the key (the same every run)."""
    return zlib.crc32(key.encode("utf-8")) % 100 < SHARED_PERCENT


def own_entries(edition):
    """The "own" corpus, made from the worst case's model: copy n cites its own copy of each
    bibliography entry (key `<key>-c<n>`, title marked "(copy n)"), except the shared tenth
    (`shared_entry`), which every text cites. Made from the model, after reading, because the
    resolver recognises a citation by its words: copies that cite other works would need other
    words. Reading costs the same (the same files are read); the registers of persons are
    shared by every copy in both corpora (the copies' words name the same persons)."""
    copy_of = {t.meta.id: int(m[1]) for t in edition.texts if (m := re.search(r"-copy(\d+)$", t.meta.id))}

    def renamed(key: str, n: int) -> str:
        return key if shared_entry(key) else f"{key}-c{n}"

    entries = list(edition.entries)
    for n in sorted(set(copy_of.values())):
        for entry in edition.entries:
            if shared_entry(entry.key):
                continue
            fields = dict(entry.fields)
            if fields.get("crossref"):
                fields["crossref"] = renamed(fields["crossref"], n)
            if fields.get("related"):
                fields["related"] = ",".join(renamed(k.strip(), n) for k in fields["related"].split(","))
            if fields.get("title"):
                fields["title"] = f"{fields['title']} (copy {n})"
            entries.append(replace(entry, key=renamed(entry.key, n), fields=fields))
    notes = [replace(note, citations=tuple(replace(c, key=renamed(c.key, copy_of[note.text_id]))
                                           for c in note.citations))
             if note.text_id in copy_of else note for note in edition.notes]
    return replace(edition, entries=entries, notes=notes)


def scratch_project(target: Path) -> Path:
    """The project's site configuration and hand-written pages, without generated pages."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs", target / "docs",
                    ignore=lambda folder, names: [n for n in names if Path(folder) == ROOT / "docs"
                                                  and n in GENERATED])
    return target


def site_build(files: dict[str, str], project: Path) -> dict[str, float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from edition.publish.search_index import index_site

    times = {}
    start = time.perf_counter()
    write_tree(files, project / "docs")
    times["write_s"] = time.perf_counter() - start
    start = time.perf_counter()
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=False))
    times["mkdocs_s"] = time.perf_counter() - start
    start = time.perf_counter()
    index_site(project / "site")
    times["pagefind_s"] = time.perf_counter() - start
    return times


def search_figures(site: Path, name: str) -> None:
    """For each fixed query, in a fresh Chromium tab on the home page: the bytes fetched from
    pagefind/ (the bundle and the index chunks the query needs) and the time from the query's
    input to the first result on screen (Pagefind's 150 ms debounce included). The box shows
    five results: five page fragments are part of the bytes."""
    import functools
    import http.server
    import threading

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        say(f"{name}_search", "skipped (no /usr/bin/chromium)")
        return
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(chromium), args=["--headless", "--no-sandbox"])
            for query in QUERIES:
                context = browser.new_context(service_workers="block")
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{server.server_port}/")
                page.wait_for_load_state("networkidle")
                responses = []
                page.on("response", lambda r: responses.append(r) if "/pagefind/" in r.url else None)
                ms = page.evaluate("""async (q) => {
                    const input = document.querySelector('.ed-search__input');
                    const t0 = performance.now();
                    input.value = q;
                    input.dispatchEvent(new Event('input', {bubbles: true}));
                    await new Promise(done => { const look = () => document.querySelector('.ed-search__link')
                        ? done() : requestAnimationFrame(look); look(); });
                    return performance.now() - t0; }""", query)
                page.wait_for_load_state("networkidle")
                bodies = [r.body() for r in responses if r.ok]
                slug = re.sub(r"\W+", "_", query.lower())
                say(f"{name}_search_{slug}_bytes", sum(len(b) for b in bodies))
                # As a host that compresses (GitHub Pages) sends them: Pagefind's index files
                # are compressed already, its scripts are not.
                say(f"{name}_search_{slug}_transfer_bytes", sum(min(len(b), gz(b)) for b in bodies))
                say(f"{name}_search_{slug}_first_result_ms", round(ms))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


def corpus_figures(corpus: str, scale: int, scratch: Path) -> dict[str, float]:
    """One whole build of a synthetic corpus; prints and returns its figures."""
    name = f"{corpus}_{scale}x"
    sources = scratch / f"sources-{scale}x"
    if not sources.exists():
        replicate(ROOT / "sources", sources, scale - 1)
    start = time.perf_counter()
    edition = read_edition(sources)
    if corpus == "own":
        edition = own_entries(edition)
    files = render_edition(edition)
    generate = time.perf_counter() - start
    project = scratch_project(Path(tempfile.mkdtemp(prefix=f"bench-{name}-", dir=scratch)))
    times = site_build(files, project)
    site = project / "site"
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index_bytes = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    build = generate + times["write_s"] + times["mkdocs_s"] + times["pagefind_s"]
    figures = {"texts": len(edition.texts), "pages": len(pages), "generate_s": generate,
               "mkdocs_s": times["mkdocs_s"], "pagefind_s": times["pagefind_s"], "build_s": build,
               "site_bytes": site_bytes, "largest_page_bytes": largest.stat().st_size,
               "search_index_bytes": index_bytes}
    for key, value in figures.items():
        say(f"{name}_{key}", value)
    say(f"{name}_largest_page", largest.relative_to(site).as_posix())
    search_figures(site, name)
    shutil.rmtree(project, ignore_errors=True)
    return figures


def corpora(scales, names=("same", "own")) -> None:
    with scratch_folder("corpora-") as scratch:
        for corpus in names:
            figures = {scale: corpus_figures(corpus, scale, Path(scratch)) for scale in scales}
            low, high = min(scales), max(scales)
            if low == high:
                continue
            for key in ("build_s", "mkdocs_s", "site_bytes"):
                per_text = {s: figures[s][key] / figures[s]["texts"] for s in (low, high)}
                say(f"{corpus}_per_text_{key}_ratio_{high}x_{low}x", per_text[high] / per_text[low])
            say(f"{corpus}_largest_page_over_1MB", sum(1 for s in scales if figures[s]["largest_page_bytes"] > 1_000_000))


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
    """prefix: the path of site_url, which the 404 page's links start with. Nothing of the
    search is loaded with a page (Pagefind's files come when a reader searches)."""
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
        say(f"page_{kind}_html_gz_bytes", gz(html))
        say(f"page_{kind}_transfer_gz_bytes", sum(gz(p.read_bytes()) for p in files))
        say(f"page_{kind}_requests", len(files))


def main() -> None:
    import argparse
    parser = argparse.ArgumentParser(description="make bench: build times, sizes, search")
    parser.add_argument("--scales", default=",".join(map(str, SCALES)), help="e.g. 1,10")
    parser.add_argument("--corpora", default="own,same", help="same, own, or both")
    parser.add_argument("--only-corpora", action="store_true",
                        help="skip the real corpus and the generator's growth; the whole builds only")
    parser.add_argument("--only-growth", action="store_true", help="the generator's growth alone")
    args = parser.parse_args()
    scales = tuple(int(n) for n in args.scales.split(","))
    os.chdir(ROOT)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if not (ROOT / "docs" / "texts").is_dir():
        sys.exit("bench: run `make build` first (make bench does)")

    if args.only_growth:
        growth(scales)
        return
    if args.only_corpora:
        os.nice(10)
        corpora(scales, args.corpora.split(","))
        return
    with scratch_folder("real-") as folder:
        docs, site = Path(folder) / "docs", Path(folder) / "site"
        generate_s, mkdocs_s, overhead = paired_times(
            lambda: generate_once(ROOT / "sources", docs), emptied(docs),
            lambda: mkdocs_once(site), emptied(site), runs=7)
        say("generate_s", generate_s)
        say("mkdocs_s", mkdocs_s)
        say("generator_overhead", overhead)
        growth(scales)
        from mkdocs.config import load_config
        prefix = urlsplit(load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "/").path or "/"
        page_weight(site, prefix)
    os.nice(10)  # the synthetic builds are long: leave the machine to others first
    corpora(scales, args.corpora.split(","))


if __name__ == "__main__":
    main()
