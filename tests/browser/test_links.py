"""The site served under a sub-path (/repo/): a crawler in Chromium follows every internal
link and anchor from the home page, and every page loads without a console error."""
from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import expect

from browser_support import PREFIX, Console

pytestmark = pytest.mark.browser

# Every URL a page refers to, as the browser resolves it.
REFERENCES = """() => {
  const refs = [];
  // An SVG link's href is an SVGAnimatedString: resolve its value as the browser does.
  for (const a of document.querySelectorAll('a[href]'))
    refs.push(['a', typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, document.baseURI).href]);
  for (const l of document.querySelectorAll('link[href]')) refs.push(['link ' + l.rel, l.href]);
  for (const e of document.querySelectorAll('script[src], img[src], source[src], iframe[src]'))
    refs.push([e.tagName.toLowerCase(), e.src]);
  return refs;
}"""


@dataclass
class Crawl:
    pages: dict[str, set[str]] = field(default_factory=dict)       # page URL -> its element ids
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (page, kind, absolute URL)
    errors: list[str] = field(default_factory=list)                # console and page errors
    statuses: dict[str, int] = field(default_factory=dict)         # page URL -> HTTP status


def fetch_status(url: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


TABS = 4   # pages loading at once: the crawl waits on one while the others load


@pytest.fixture(scope="module")
def crawl(served, browser) -> Crawl:
    """Breadth-first from /repo/ (and /repo/404.html, which nothing links to), following
    every link that stays under /repo/; each page is loaded once, fully, in a real tab."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(15_000)
    tabs = [context.new_page() for _ in range(TABS)]
    consoles = [Console(tab) for tab in tabs]
    result = Crawl()
    queue = deque([served.url(), served.url("404.html")])
    seen = set(queue)
    loading: dict = {}   # tab -> (url, response), in the order the loads began
    try:
        while queue or loading:
            for tab in tabs:
                if tab not in loading and queue:
                    url = queue.popleft()
                    loading[tab] = (url, tab.goto(url, wait_until="commit"))
            tab = next(iter(loading))
            url, response = loading.pop(tab)
            tab.wait_for_load_state("load")
            result.statuses[url] = response.status if response else 0
            result.pages[url] = set(tab.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
            for kind, target in tab.evaluate(REFERENCES):
                result.links.append((url, kind, target))
                address, _ = urldefrag(target)
                if kind == "a" and address.startswith(served.base) and address not in seen \
                        and is_page(address):
                    seen.add(address)
                    queue.append(address)
        result.errors = [error for console in consoles for error in console.errors]
    finally:
        context.close()
    return result


def is_page(url: str) -> bool:
    path = urlsplit(url).path
    return path.endswith("/") or path.endswith(".html")


def test_the_crawl_reaches_every_page_of_the_site(crawl, served):
    assert sorted(crawl.pages) == served.pages
    assert {url: status for url, status in crawl.statuses.items() if status != 200} == {}


def test_every_internal_link_and_anchor_resolves_under_the_sub_path(crawl, served):
    broken = []
    checked: dict[str, int] = {}
    for page, kind, target in crawl.links:
        parts = urlsplit(target)
        if parts.scheme in ("mailto", "javascript", "data", "blob"):
            continue
        if parts.netloc != urlsplit(served.origin).netloc:
            continue  # another site: not followed (and nothing here may depend on one)
        address, fragment = urldefrag(target)
        if not parts.path.startswith(PREFIX):
            broken.append(f"{page}: {kind} {target} leaves {PREFIX}")
            continue
        if address in crawl.statuses:
            status = crawl.statuses[address]
        else:
            if address not in checked:
                checked[address] = fetch_status(address)
            status = checked[address]
        if status != 200:
            broken.append(f"{page}: {kind} {target} -> HTTP {status}")
        elif fragment and is_page(address) and fragment not in crawl.pages.get(address, set()):
            broken.append(f"{page}: {kind} {target} -> no element with id {fragment!r}")
    assert broken == []
    # The crawl did check links of every kind: pages, anchors in notes, assets, downloads.
    anchors = [t for _, kind, t in crawl.links if kind == "a" and "#fn:" in t]
    assert anchors, "no note anchors were found"
    assert any(kind.startswith("link stylesheet") for _, kind, _ in crawl.links)
    assert any(kind == "script" for _, kind, _ in crawl.links)


def test_no_console_errors_on_any_page(crawl):
    assert crawl.errors == []


def test_a_missing_page_gets_the_404_page_with_working_links(served, page):
    response = page.goto(served.url("no/such/page/"))
    assert response.status == 404
    assert page.locator("article h1").inner_text().strip() == "Page not found"
    # Styled and scripted from the sub-path, although the URL is three levels deep.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    assert page.evaluate("typeof document$") == "object"
    home = page.locator(".md-header__button.md-logo")
    assert home.get_attribute("href") in (served.base, PREFIX)
    home.click()
    page.wait_for_url(served.base)
    expect(page.locator("article h1")).to_contain_text("Korea 1950: the outbreak of the Korean War, annotated")
    # The only console error is Chromium's report of the 404 status itself.
    assert [e for e in page.console.errors if "status of 404" not in e] == []


def test_head_has_canonical_url_favicon_and_sitemap(served, page):
    page.goto(served.url("method/"))
    assert page.locator('link[rel="canonical"]').get_attribute("href") == served.url("method/")
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert icon.endswith("assets/favicon.svg")
    assert fetch_status(page.evaluate("document.querySelector('link[rel=icon]').href")) == 200
    with urllib.request.urlopen(served.url("sitemap.xml"), timeout=10) as response:
        sitemap = response.read().decode("utf-8")
    for url in served.pages:
        if not url.endswith("404.html"):
            assert f"<loc>{url}</loc>" in sitemap
