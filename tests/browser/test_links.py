"""The site served under a sub-path (/repo/): a crawler follows every internal link from the
home page over HTTP, as GitHub Pages serves it, and checks every reference of every page
(links, stylesheets, scripts, images) and every anchor; in Chromium, every page
loads without a console error, and the links their scripts add resolve too.

The crawl reads each page's HTML with a parser, not in a tab: a link, a stylesheet or an
anchor is in the HTML the server sends (the site's scripts add links only from ids and
addresses already there, which the Chromium sample below checks). In Chromium, every
page runs its scripts without an error; the references a page holds once its scripts ran
are read on a sample with every page of the site but the register pages: person pages
and document pages are each one template filled from a register, and the largest of each
stands for the rest."""
from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urldefrag, urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from browser_support import PREFIX, Console

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Every URL a page refers to, as the browser resolves it (the Chromium sample).
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
SOURCES = {"script", "img", "source", "iframe"}   # elements whose src is a reference
TEMPLATED = ("people/", "documents/doc-")         # register pages: one template each


@dataclass
class Crawl:
    pages: dict[str, set[str]] = field(default_factory=dict)       # page URL -> its element ids
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (page, kind, absolute URL)
    statuses: dict[str, int] = field(default_factory=dict)         # page URL -> HTTP status
    sizes: dict[str, int] = field(default_factory=dict)            # page URL -> bytes


class References(HTMLParser):
    """The ids of a page and every URL it refers to, resolved against the page's address
    as the browser resolves them (REFERENCES)."""

    def __init__(self, url: str):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        href = attrs.get("href", attrs.get("xlink:href"))   # an SVG link may use either
        if tag == "a" and href is not None:
            self.refs.append(("a", self.resolve(href)))
        elif tag == "link" and attrs.get("href") is not None:
            self.refs.append((f"link {attrs.get('rel', '')}", self.resolve(attrs["href"])))
        elif tag in SOURCES and attrs.get("src") is not None:
            self.refs.append((tag, self.resolve(attrs["src"])))

    handle_startendtag = handle_starttag

    def resolve(self, value: str) -> str:
        return urljoin(self.url, value.strip())


def fetch(url: str, method: str = "GET") -> tuple[int, bytes]:
    address = quote(url, safe=":/?#[]@!$&'()*+,;=%")
    try:
        with urllib.request.urlopen(urllib.request.Request(address, method=method), timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def fetch_status(url: str) -> int:
    return fetch(url, "HEAD")[0]


@pytest.fixture(scope="module")
def crawl(served) -> Crawl:
    """Breadth-first from /repo/ (and /repo/404.html, which nothing links to), following
    every link that stays under /repo/; each page fetched once from the server."""
    result = Crawl()
    queue = deque([served.url(), served.url("404.html")])
    seen = set(queue)
    while queue:
        url = queue.popleft()
        status, body = fetch(url)
        result.statuses[url] = status
        result.sizes[url] = len(body)
        parser = References(url)
        parser.feed(body.decode("utf-8"))
        parser.close()
        result.pages[url] = parser.ids
        for kind, target in parser.refs:
            result.links.append((url, kind, target))
            address, _ = urldefrag(target)
            if kind == "a" and address.startswith(served.base) and address not in seen and is_page(address):
                seen.add(address)
                queue.append(address)
    return result


def is_page(url: str) -> bool:
    path = urlsplit(url).path
    return path.endswith("/") or path.endswith(".html")


def broken_references(links, crawl: Crawl, served, checked: dict[str, int]) -> list[str]:
    """Each reference that leaves /repo/, does not answer 200, or names an anchor that its
    page does not have. `checked`: the statuses of addresses that are not pages, fetched once."""
    broken = []
    for page, kind, target in links:
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
    return broken


def test_the_crawl_reaches_every_page_of_the_site(crawl, served):
    assert sorted(crawl.pages) == served.pages
    assert {url: status for url, status in crawl.statuses.items() if status != 200} == {}


def test_every_internal_link_and_anchor_resolves_under_the_sub_path(crawl, served):
    assert broken_references(crawl.links, crawl, served, {}) == []
    # The crawl did check links of every kind: pages, anchors in notes, assets, downloads.
    anchors = [t for _, kind, t in crawl.links if kind == "a" and "#fn:" in t]
    assert anchors, "no note anchors were found"
    assert any(kind.startswith("link stylesheet") for _, kind, _ in crawl.links)
    assert any(kind == "script" for _, kind, _ in crawl.links)


def chromium_sample(crawl: Crawl, served) -> list[str]:
    """Every page but the register pages, and the largest person page and document page."""
    sample = [url for url in crawl.pages if not url.startswith(tuple(served.url(t) for t in TEMPLATED))]
    for prefix in TEMPLATED:
        family = [url for url in crawl.pages if url.startswith(served.url(prefix)) and url != served.url(prefix)]
        assert family, f"no pages under {prefix}"
        sample.append(max(family, key=crawl.sizes.get))
    return sorted(sample)


TABS = 4   # pages loading at once: the sample waits on one while the others load


def test_every_page_runs_its_scripts_without_error_and_the_links_they_leave_resolve(crawl, served, browser):
    """Every page loaded fully in a real tab: no console error or uncaught exception. On
    the sample, every reference the page holds once its scripts ran resolves too (against
    the crawl's pages and ids, and the ids the scripts gave the page itself)."""
    sample = set(chromium_sample(crawl, served))
    assert len(sample) < len(crawl.pages) and served.url("texts/kim-2016/") in sample
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(15_000)
    tabs = [context.new_page() for _ in range(TABS)]
    consoles = [Console(tab) for tab in tabs]
    queue = deque(sorted(crawl.pages))
    loading: dict = {}   # tab -> (url, response), in the order the loads began
    links, ids = [], {}
    try:
        while queue or loading:
            for tab in tabs:
                if tab not in loading and queue:
                    url = queue.popleft()
                    loading[tab] = (url, tab.goto(url, wait_until="commit"))
            tab = next(iter(loading))
            url, response = loading.pop(tab)
            tab.wait_for_load_state("load")
            assert response and response.status == 200 or url.endswith("/404.html"), url
            if url not in sample:
                continue
            ids[url] = set(tab.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
            links += [(url, kind, target) for kind, target in tab.evaluate(REFERENCES)]
        errors = [error for console in consoles for error in console.errors]
    finally:
        context.close()
    assert [e for e in errors if "status of 404" not in e] == []   # 404.html: Chromium reports its status
    assert {url: crawl.pages[url] - found for url, found in ids.items() if crawl.pages[url] - found} == {}
    seen = Crawl(pages={**crawl.pages, **ids}, statuses=crawl.statuses)
    assert broken_references(links, seen, served, {}) == []
    assert len(links) >= sum(1 for page, _, _ in crawl.links if page in ids)


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
