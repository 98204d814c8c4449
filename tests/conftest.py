"""Shared fixtures: the real edition read once; the real site built once per session (by
the command `make site` runs) and served on loopback; one Chromium per session, through
which every browser test goes; and copies of the project to break on purpose.

The site is built as a fork publishes it (site_url https://<owner>.github.io/<repo>/) and
served under /repo/ by a small threaded HTTP server on 127.0.0.1, which answers 404 with the
site's 404.html as GitHub Pages does. Chromium is Debian's headless build
(/usr/bin/chromium-headless-shell, installed by scripts/ensure-chromium, which `make test`
and .ci/run use); Playwright never downloads a browser. EDITION_SKIP_BROWSER=1 skips the
browser tests.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import ROOT, copy_project  # noqa: E402  (puts scripts/ on sys.path)
from browser_support import (CHROMIUM_ARGS, PREFIX, Console, Served, chromium_path, page_urls,  # noqa: E402
                             serve_folder, serving, skip_browser)

from edition.build import read_edition  # noqa: E402


def pytest_collection_modifyitems(config, items):
    # The files marked slow first: pytest-xdist hands out whole files in this order (`make
    # test` passes --no-loadscope-reorder), so that the last files run are short ones and
    # the two workers end together.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    if not skip_browser():
        return
    skip = pytest.mark.skip(reason="EDITION_SKIP_BROWSER=1")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def edition():
    return read_edition(ROOT / "sources")


@pytest.fixture(scope="session")
def texts(edition):
    return {text.meta.id: text for text in edition.texts}


@pytest.fixture(scope="session")
def built_project(tmp_path_factory) -> Path:
    """A copy of the project's inputs, built once per session. Every `project` links to its
    docs/: at the end of the session they must be as they were built."""
    from breaking import make_project, tree_digest
    root = make_project(tmp_path_factory.mktemp("template"))
    built = tree_digest(root / "docs")
    yield root
    assert tree_digest(root / "docs") == built, "a test wrote into a hard link of the template's docs/"


@pytest.fixture
def project(tmp_path, built_project) -> Path:
    """A copy of the built project, to break on purpose (breaking.copy_built_project)."""
    from breaking import copy_built_project
    return copy_built_project(built_project, tmp_path / "project")


@pytest.fixture(scope="session")
def relaxng():
    """The vendored tei_all schema, compiled once for the session (lxml takes seconds)."""
    from lxml import etree
    return etree.RelaxNG(etree.parse(str(ROOT / "schemas" / "tei" / "tei_all.rng")))


@pytest.fixture(scope="session")
def _server():
    with serving() as server:
        yield server


@pytest.fixture(scope="session")
def site(_server, tmp_path_factory) -> Path:
    """The real site, built once, from a copy of the project (so that parallel workers never
    write the same docs/): the generator, then the strict MkDocs build (`make site`'s
    command, in-process), for the address it is served at (http://127.0.0.1:PORT/repo/)."""
    from edition.errors import EditionError
    from edition.site import SiteFailed, build_site

    project = copy_project(tmp_path_factory.mktemp("built"), site_config=True)
    out = project / "site"
    try:
        build_site(project, site_dir=out, site_url=_server.origin + PREFIX)
    except (SiteFailed, EditionError) as err:
        pytest.fail(f"the site does not build:\n{err}", pytrace=False)
    serve_folder(_server, out)
    return out


@pytest.fixture(scope="session")
def served(site, _server) -> Served:
    """The site built for and served at http://127.0.0.1:PORT/repo/."""
    return Served(site, _server.origin, page_urls(site, _server.origin + PREFIX))


@pytest.fixture(scope="session")
def browser():
    """Chromium, one for the whole session; every browser test goes through this fixture."""
    if skip_browser():
        pytest.skip("EDITION_SKIP_BROWSER=1")
    executable = chromium_path()
    if executable is None:
        pytest.fail("Chromium not found at /usr/bin/chromium-headless-shell: run scripts/ensure-chromium (as root it "
                    "installs it; `make test` does) or set EDITION_SKIP_BROWSER=1 to skip the browser tests",
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
