"""`make bench`: what editors and readers feel, measured in one run and printed as one
Markdown table (the one MAINTAINERS.md shows); progress goes to stderr. `--scales 1,10`
for a quick run.

  edit_to_served_s      `make serve` (scripts/serve.py) on a copy of the project: from
                        saving an edit of one note to the changed page being served, the
                        median of 5 edits after one untimed                  (target <= 1 s)
  site_s                a whole `make site` (generator, strict MkDocs, Pagefind) of the
                        same project, as a subprocess
  edit_to_served_vs_site             their ratio
  cold_<N>x_s           the generator (read, check, render, write) with no cache, into an
                        empty folder, on the corpus of N times the real one (`replicate`)
  warm_one_text_<N>x_s  the same after one text's notes were edited, with the cache
                        (edition/cache.py) filled by the build before, into the last output
  warm_vs_cold_<N>x     their ratio                              (target at 100x: <= 0.10)
  <corpus>_<N>x_*       the whole build of a synthetic corpus in a scratch project:
                        generator, MkDocs, Pagefind; site bytes, largest page; search index
                        bytes, and for three fixed queries the bytes a reader's browser
                        fetches and the time to the first result in Chromium
                        corpus "same": every copy cites the same documents (worst case);
                        corpus "own": each copy cites its own entries, sharing a stated
                        fraction (see `own_entries`)
  <corpus>_per_text_*_ratio_<N>x_1x                           (targets, "own": <= 1.5)
  page_<type>_*         per page type: the HTML gzipped, and the whole first-visit
                        transfer gzipped (HTML, stylesheets, scripts, favicon)

Targets are what to read the figures against, not tests. Run from the project's root.
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


ROWS: list[tuple[str, str, str]] = []  # figure, value, target: the table printed at the end


def say(name: str, value, target: str = "") -> None:
    if isinstance(value, float):
        value = f"{value:.4f}" if value < 1 else f"{value:.3f}"
    ROWS.append((name, str(value), target))
    print(f"{name}: {value}", file=sys.stderr, flush=True)


def print_table() -> None:
    print("| figure | value | target |")
    print("|---|---:|---|")
    for name, value, target in ROWS:
        print(f"| {name} | {value} | {target} |")


SCRATCH = ROOT / ".bench"


def scratch_folder(prefix: str) -> tempfile.TemporaryDirectory:
    """A scratch folder on the project's disk, removed when done (see the docstring)."""
    SCRATCH.mkdir(exist_ok=True)
    return tempfile.TemporaryDirectory(prefix=prefix, dir=SCRATCH)


# --- the editor's loop -------------------------------------------------------------

EDITED_NOTES = "notes/kissinger-2011.toml"          # in sources/; its note 18 is edited
EDITED_PAGE = "texts/kissinger-2011/01-kim-il-sung-and-the-outbreak-of-war/"
EDITED_WORDS = "Cold War International History Project translation"


def edit_note(sources: Path, notes: str, marker: str) -> None:
    """Note 18's identification ends with `marker` (the words of the last edit replaced)."""
    path = sources / notes
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(re.escape(EDITED_WORDS) + r"[^)]*\)", f"{EDITED_WORDS}{marker})", text, count=1),
                    encoding="utf-8")


def serve_project(target: Path) -> Path:
    """A copy of the project that `make serve` and `make site` run on."""
    target.mkdir()
    scratch_project(target)
    shutil.copytree(ROOT / "sources", target / "sources")
    shutil.copy(ROOT / "mkdocs.serve.yml", target / "mkdocs.serve.yml")
    (target / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "serve_hook.py", target / "scripts" / "serve_hook.py")
    return target


def fetch(url: str) -> str:
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def editor_loop(scratch: Path) -> None:
    """Edit-to-served under `make serve`, against a whole `make site` of the same project."""
    import socket
    import subprocess

    project = serve_project(scratch / "serve")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = scratch / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve.py"), "--root", str(project),
                                   "--dev-addr", f"127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT)
    times = []
    try:
        deadline = time.monotonic() + 300
        while "Serving on" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
        for run in range(6):  # the first is not timed: MkDocs' first rebuild imports more
            marker = f"; edit {run}"
            start = time.perf_counter()
            edit_note(project / "sources", EDITED_NOTES, marker)
            while marker not in fetch(f"http://127.0.0.1:{port}/{EDITED_PAGE}"):
                if time.perf_counter() - start > 60:
                    sys.exit(f"bench: the edit was not served in 60 s; see {log}")
                time.sleep(0.005)
            times.append(time.perf_counter() - start)
        # The page is served before MkDocs logs how long its rebuild took: wait for the lines.
        deadline = time.monotonic() + 30
        while (log.read_text().count("Documentation built in") < 2 + len(times)
               and time.monotonic() < deadline):
            time.sleep(0.05)
    finally:
        server.terminate()
        server.wait()
    served = statistics.median(times[1:])
    text = log.read_text()
    rebuilds = text.count("Reloading browsers")
    generator = [float(m) for m in re.findall(r"files changed in ([\d.]+) s", text)][1:]
    mkdocs = [float(m) for m in re.findall(r"Documentation built in ([\d.]+) seconds", text)][2:]
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "edition", "site", "--root", str(project)], check=True,
                   stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")})
    site = time.perf_counter() - start
    say("edit_to_served_s", served, "<= 1 s")
    say("edit_generator_s", statistics.median(generator))   # of which: the generator, warm
    say("edit_mkdocs_s", statistics.median(mkdocs))         # and MkDocs' rebuild, --dirty
    say("reloads_per_edit", rebuilds / len(times), "1")
    say("site_s", site)
    say("edit_to_served_vs_site", served / site)
    from mkdocs.config import load_config
    prefix = urlsplit(load_config(str(ROOT / "mkdocs.yml"))["site_url"] or "/").path or "/"
    page_weight(project / "site", prefix)


def regeneration(scales, scratch: Path) -> None:
    """At each scale of 10x or more: the cold generator against a warm one-text regeneration."""
    from edition.cache import Cache

    for scale in (s for s in scales if s >= 10):
        sources = scratch / f"sources-{scale}x"
        if not sources.exists():
            replicate(ROOT / "sources", sources, scale - 1)
        cold_docs, docs, folder = (scratch / f"{name}-{scale}x" for name in ("cold", "docs", "cache"))
        runs = 3 if scale < 100 else 1
        cold, warm = [], []
        for run in range(runs):
            shutil.rmtree(cold_docs, ignore_errors=True)
            os.sync()
            start = time.perf_counter()
            build_edition(sources, cold_docs)
            cold.append(time.perf_counter() - start)
        build_edition(sources, docs, Cache(folder, sources))   # the cache filled, untimed
        for run in range(runs):
            edit_note(sources, "notes/kissinger-2011-copy1.toml", f"; edit {run}")
            os.sync()
            start = time.perf_counter()
            build_edition(sources, docs, Cache(folder, sources))
            warm.append(time.perf_counter() - start)
        say(f"cold_{scale}x_s", statistics.median(cold))
        say(f"warm_one_text_{scale}x_s", statistics.median(warm))
        say(f"warm_vs_cold_{scale}x", statistics.median(warm) / statistics.median(cold),
            "<= 0.10" if scale == 100 else "")


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
    parser = argparse.ArgumentParser(description="make bench: the editor's loop, regeneration, scaling, search")
    parser.add_argument("--scales", default=",".join(map(str, SCALES)), help="e.g. 1,10")
    parser.add_argument("--corpora", default="own,same", help="same, own, or both")
    args = parser.parse_args()
    scales = tuple(int(n) for n in args.scales.split(","))
    os.chdir(ROOT)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    say("load_average_1min", f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with scratch_folder("loop-") as folder:
        editor_loop(Path(folder))
    with scratch_folder("regeneration-") as folder:
        regeneration(scales, Path(folder))
    os.nice(10)  # the synthetic builds are long: leave the machine to others first
    corpora(scales, args.corpora.split(","))
    say("load_average_1min_at_end", f"{os.getloadavg()[0]:.1f}")
    print_table()


if __name__ == "__main__":
    main()
