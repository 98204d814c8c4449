"""Helpers of the browser tests (imported by name; conftest.py holds only fixtures and hooks):
the sub-path HTTP server, where Chromium is, and a console-error collector."""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
PREFIX = "/repo/"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def skip_browser() -> bool:
    return os.environ.get("EDITION_SKIP_BROWSER") == "1"


def chromium_path() -> str | None:
    """Debian's chromium-headless-shell: the same Blink as the chromium package without the
    desktop browser around it, which takes about 40% less time over the browser tests."""
    configured = os.environ.get("EDITION_CHROMIUM", "/usr/bin/chromium-headless-shell")
    if Path(configured).is_file():
        return configured
    return shutil.which("chromium-headless-shell")


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serves the site under PREFIX only; anything else, or a missing file, is a 404 page.
    Like GitHub Pages: keep-alive connections and `Cache-Control: max-age=600`."""

    protocol_version = "HTTP/1.1"

    def translate_path(self, path):
        path = unquote(urlsplit(path).path)
        if not (path + "/").startswith(PREFIX):
            return str(Path(self.directory) / ".not-under-prefix")
        return super().translate_path("/" + path[len(PREFIX):])

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)  # a browser closing early is fine


@dataclass
class Served:
    root: Path                 # the built site on disk
    origin: str                # http://127.0.0.1:PORT
    pages: list[str] = field(default_factory=list)   # every page's URL, sorted

    @property
    def base(self) -> str:
        return self.origin + PREFIX

    def url(self, relative: str = "") -> str:
        return self.base + relative


def page_urls(root: Path, base: str) -> list[str]:
    urls = []
    for path in root.rglob("*.html"):
        relative = path.relative_to(root).as_posix()
        if relative.endswith("index.html"):
            relative = relative[: -len("index.html")]
        urls.append(base + relative)
    return sorted(urls)


class Console:
    """Console errors and uncaught page errors seen by a page."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: uncaught {e}"))


@contextlib.contextmanager
def serving(folder: Path | None = None):
    """A Server on a free loopback port serving `folder` (or, until `serve_folder`, nothing)
    under PREFIX; yields the server, whose `origin` is http://127.0.0.1:PORT."""
    server = Server(("127.0.0.1", 0), partial(SubPathHandler, directory=str(folder or os.devnull)))
    server.origin = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def serve_folder(server: Server, folder: Path) -> None:
    server.RequestHandlerClass = partial(SubPathHandler, directory=str(folder))
