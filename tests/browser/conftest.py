"""Browser fixtures: the site built for a sub-path, served on loopback, and headless Chromium.

The site is built as a fork publishes it (site_url https://<owner>.github.io/<repo>/) and
served under /repo/ by a small threaded HTTP server on 127.0.0.1, which answers 404 with the
site's 404.html as GitHub Pages does. Chromium is Debian's (/usr/bin/chromium, installed by
.ci/run); Playwright never downloads a browser here. When Chromium is missing the browser
tests fail, unless EDITION_SKIP_BROWSER=1 is set, which skips them.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from functools import partial
from urllib.parse import urlsplit

import pytest
from edition.search import index_site

from browser_support import (CHROMIUM_ARGS, PREFIX, ROOT, Console, Served, Server, SubPathHandler,
                             chromium_path, page_urls, skip_browser)


def pytest_collection_modifyitems(config, items):
    if not skip_browser():
        return
    skip = pytest.mark.skip(reason="EDITION_SKIP_BROWSER=1")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def served(site, tmp_path_factory) -> Served:
    """The site built for https://<host>/repo/ and served there on loopback."""
    server = Server(("127.0.0.1", 0), partial(SubPathHandler, directory=os.devnull))
    origin = f"http://127.0.0.1:{server.server_port}"

    # `site` has just run the generator; build again for the served address, as the Pages
    # workflow does: mkdocs.yml with its site_url line replaced, read from standard input
    # (so that its relative paths still resolve against the project).
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, count = re.subn(r"^site_url: .*$", f"site_url: {origin}{PREFIX}", config, flags=re.M)
    assert count == 1, "mkdocs.yml must have one `site_url: ...` line"
    out = tmp_path_factory.mktemp("served") / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "--config-file", "-", "--site-dir", str(out)],
                            input=config, cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    index_site(out)  # the search index, as `make site` builds it after MkDocs

    server.RequestHandlerClass = partial(SubPathHandler, directory=str(out))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield Served(out, origin, page_urls(out, origin + PREFIX))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    """Chromium, one per test module: Playwright's sync API allows one instance at a time
    in a thread, and other tests of the suite start their own."""
    if skip_browser():
        pytest.skip("EDITION_SKIP_BROWSER=1")
    executable = chromium_path()
    if executable is None:
        pytest.fail("Chromium not found at /usr/bin/chromium: install it (apt-get install chromium; "
                    ".ci/run does) or set EDITION_SKIP_BROWSER=1 to skip the browser tests",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(10_000)
    # Loopback only: a request for anything else is refused (the site must need nothing else).
    context.route(lambda url: urlsplit(url).hostname != "127.0.0.1"
                  and not url.startswith(("data:", "blob:")), lambda route: route.abort())
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context):
    """A tab; its console errors and uncaught exceptions are in page.console.errors."""
    page = context.new_page()
    page.console = Console(page)
    return page
