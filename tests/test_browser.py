"""The built seed site in a real browser: accessibility (axe), small screens, keyboard,
no-JavaScript navigation, client-side search and screenshots.

Drives Debian's Chromium through the sync Playwright API directly (not the pytest-playwright
fixtures), over HTTP, because search fetches its index and that fails from file:// pages.
Without Chromium the module is skipped, except in CI (CI=true), where that is a failure.
Never run `playwright install`: the system Chromium is used.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import struct
import threading
from pathlib import Path
from urllib.parse import quote_plus

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 740}
# "briefing" is not a path: it is reached by following the first link of the home page's list.
PAGES = ["/", "briefing", "/officials/", "/officials/wang-yi/", "/countries/", "/countries/japan/", "/topics/",
         "/topics/olympics-and-sport/", "/archive/", "/archive/2020/", "/search/", "/404.html",
         "/relations/", "/relations/china-japan/", "/network/", "/about/"]


# --------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def site_url(seed_site):
    """The seed site served over HTTP on 127.0.0.1 with a free port."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # keep pytest output clean
            pass

    handler = functools.partial(Quiet, directory=str(seed_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="seed-site-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture
def new_page(browser):
    """A factory for pages in fresh contexts (viewport, JavaScript, colour scheme...)."""
    contexts = []

    def make(**options):
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def open_page(page, site_url: str, name: str) -> None:
    """Go to a path, or to the briefing page by clicking the first link under .briefing-list."""
    if name == "briefing":
        page.goto(site_url + "/")
        page.locator(".briefing-list a").first.click()
        page.wait_for_load_state("load")
        assert "/briefings/" in page.url, page.url
    else:
        page.goto(site_url + name)
    page.wait_for_load_state("load")


def briefing_url_and_title(page, site_url: str) -> tuple[str, str]:
    open_page(page, site_url, "briefing")
    return page.url, page.locator("h1").inner_text().strip()


def wait_for_search(page) -> str:
    """Wait until search.js has loaded the index and reported, then return the status text."""
    status = page.locator("#search-status")
    # The initial text (for no JavaScript) is replaced by "Loading the index…", then by the
    # outcome: "N briefings match …", "Type a word…" or "…could not be loaded".
    page.wait_for_function(
        "() => { const t = document.getElementById('search-status').textContent;"
        " return !/needs JavaScript|Loading the index/.test(t); }")
    return status.inner_text()


# --------------------------------------------------------------------------- accessibility

@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_axe_reports_no_violations(new_page, site_url, name, scheme, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(color_scheme=scheme, viewport=viewport)
    open_page(page, site_url, name)
    if name == "/search/":
        wait_for_search(page)  # let search.js settle so axe sees the final state
    results = Axe().run(page)
    assert results.violations_count == 0, f"{name} ({scheme}):\n{results.generate_report()}"


def test_axe_search_results_have_no_violations(page, site_url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + "/search/?q=Kato")
    wait_for_search(page)
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_pages_load_without_errors(page, site_url):
    """No failed request (a broken stylesheet, script or index link) and no console error."""
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # (a favicon still loading when the test moves on to the next page is aborted, not broken:
    # a missing one would answer 404, which the response check below sees)
    page.on("requestfailed", lambda r: not (r.url.endswith("/favicon.svg") and "ABORTED" in (r.failure or ""))
            and problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))
    for name in PAGES:
        open_page(page, site_url, name)
        if name == "/search/":
            wait_for_search(page)
    assert problems == []


# --------------------------------------------------------------------------- layout & keyboard

@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_overflow_on_a_phone(new_page, site_url, name):
    page = new_page(viewport=PHONE)
    open_page(page, site_url, name)
    scroll_width, inner_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""")
    assert scroll_width <= inner_width, f"{name}: scrollWidth {scroll_width} > {inner_width}; too wide: {wide}"


def test_first_tab_focuses_a_visible_skip_link(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => ({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})")
    assert focused == {"text": "Skip to content", "href": "#main"}
    box = page.locator(":focus").bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, box
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= DESKTOP["width"], box
    assert box["y"] + box["height"] <= DESKTOP["height"], box
    page.keyboard.press("Enter")
    page.wait_for_url("**/#main", timeout=5000)  # the fragment navigation is asynchronous
    assert page.locator("main#main").count() == 1


# --------------------------------------------------------------------------- no JavaScript

def test_navigation_works_without_javascript(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "/")
    page.locator(".briefing-list a").first.click()
    page.wait_for_load_state("load")
    assert "/briefings/" in page.url
    assert page.locator("h1").inner_text().strip()
    page.locator('main a[href$="/officials/wang-yi/"]').first.click()
    page.wait_for_load_state("load")
    assert page.url == site_url + "/officials/wang-yi/"
    assert page.locator("h1").inner_text().strip() == "Wang Yi"


def test_search_page_without_javascript_offers_the_indexes(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "/search/")
    status = page.locator("#search-status")
    assert "needs JavaScript" in status.inner_text()
    assert status.locator("a").count() >= 4


# --------------------------------------------------------------------------- search

def test_search_finds_the_seed_briefing(page, site_url):
    url, title = briefing_url_and_title(page, site_url)
    page.goto(site_url + "/search/?q=Kato")
    status = wait_for_search(page)
    assert "1 briefing matches" in status, status
    assert page.locator("#q").input_value() == "Kato"
    link = page.locator("#search-results a", has_text=title)
    assert link.count() == 1, page.locator("#search-results").inner_html()
    link.click()
    page.wait_for_load_state("load")
    assert page.url == url
    assert page.locator("h1").inner_text().strip() == title


def test_search_without_matches_says_so_in_a_status_region(page, site_url):
    page.goto(site_url + "/search/?q=zzqxnomatchqq")
    status = wait_for_search(page)
    assert "0 briefings match" in status, status
    assert page.locator("#search-results li").count() == 0
    region = page.get_by_role("status")
    assert region.count() == 1
    assert region.get_attribute("id") == "search-status"
    assert "0 briefings match" in region.inner_text()


def test_typing_in_search_updates_results(page, site_url):
    page.goto(site_url + "/search/")
    wait_for_search(page)
    page.locator("#q").fill("wang tokyo")
    page.wait_for_function("() => /1 briefing matches/.test(document.getElementById('search-status').textContent)")
    assert page.locator("#search-results li").count() == 1
    assert "q=wang+tokyo" in page.url or "q=wang%20tokyo" in page.url


# --------------------------------------------------------------------------- full-text search

FICTION = Path(__file__).parent / "fiction"
SUB = "/sub/"  # the fiction site is built for, and served under, a sub-path


@pytest.fixture(scope="module")
def fiction(tmp_path_factory):
    """The fictional articles and the seed built for https://example.test/sub/ and served over
    HTTP at /sub/; with the site graph the build used, to know what each search should find."""
    from generator.build import build
    from generator.config import load_config

    root = tmp_path_factory.mktemp("fiction")
    (root / "seeds").mkdir()
    for seed in [*sorted(FICTION.glob("*.txt")), *sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))]:
        (root / "seeds" / seed.name).write_bytes(seed.read_bytes())
    (root / "site.yaml").write_text("title: Fiction\nbase_url: https://example.test/sub/\n", encoding="utf-8")
    serve_root = root / "www"
    config = load_config(root / "site.yaml").with_overrides(output=serve_root / "sub")
    from generator import search
    with pytest.MonkeyPatch.context() as mp:  # shards of at most 8 briefings: search merges a dozen
        mp.setattr(search, "SHARD_PAGES", 8)
        result = build(config)
    assert len(search.plan_shards([(b.slug, "", b.date) for b in result.site.briefings], 8)) > 10
    assert not result.errors, result.errors

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(serve_root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="fiction-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", result.site, serve_root / "sub"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _href(b) -> str:
    return SUB + "briefings/" + b.slug + "/"


def search_hrefs(page, url: str) -> tuple[str, list[str]]:
    """Open the search page at `url` (query and filters in the address), show every result, and
    return the status and the results' links."""
    page.goto(url)
    status = wait_for_search(page)
    page.wait_for_function("n => document.querySelectorAll('#search-results li').length >= n",
                           arg=min(int(status.split()[0]) if status[0].isdigit() else 0, 20))
    while page.locator("#search-more").count():
        before = page.locator("#search-results li").count()
        page.locator("#search-more").click()
        page.wait_for_function("n => document.querySelectorAll('#search-results li').length > n", arg=before)
    return status, page.locator("#search-results li h2 a").evaluate_all("as => as.map(a => a.getAttribute('href'))")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{7,}", text.lower()))


def test_search_finds_a_word_only_one_body_holds(page, fiction):
    base, site, out = fiction
    # the body text of each briefing page, from the written HTML (not from the search bundle)
    bodies = {}
    for b in site.briefings:
        html = (out / "briefings" / b.slug / "index.html").read_text(encoding="utf-8")
        body = re.search(r'<section class="body"[^>]*>(.*?)</section>', html, re.S)[1]
        bodies[b.slug] = re.sub(r"<[^>]+>", " ", body)
    everything = {slug: (out / "briefings" / slug / "index.html").read_text(encoding="utf-8").lower()
                  for slug in bodies}
    # a word of one body, not of its title, and no other page holding even its first six letters
    # (search matches the stems of words)
    found = None
    for slug, body in sorted(bodies.items()):
        title = next(b.title for b in site.briefings if b.slug == slug).lower()
        for word in sorted(_words(body)):
            if word[:6] not in title and not any(word[:6] in text for other, text in everything.items()
                                                 if other != slug):
                found = slug, word
                break
        if found:
            break
    assert found, "no word of the fiction is found in one briefing only"
    slug, word = found
    status, hrefs = search_hrefs(page, f"{base}{SUB}search/?q={word}")
    assert "1 briefing matches" in status, (word, status)
    assert hrefs == [SUB + "briefings/" + slug + "/"], (word, hrefs)
    page.locator("#search-results a").first.click()  # the link works under the sub-path
    page.wait_for_load_state("load")
    assert page.url == f"{base}{SUB}briefings/{slug}/"


def test_search_for_a_name_finds_its_briefings_and_filters_narrow(page, fiction):
    base, site, out = fiction
    # the official named in the most briefings (at most 20: one page of results)
    official = max((o for o in site.officials.values() if 2 <= len(o.briefings) <= 20 and " " in o.name),
                   key=lambda o: (len(o.briefings), o.name))
    mine = {_href(b) for b in official.briefings}
    status, hrefs = search_hrefs(page, f"{base}{SUB}search/?q={quote_plus(official.name)}")
    assert mine <= set(hrefs), (official.name, status)
    # the official filter leaves exactly their briefings
    page.select_option("#f-official", official.name)
    page.wait_for_function("name => document.getElementById('search-status').textContent.includes('official: ' + name)",
                           arg=official.name)
    assert "official=" in page.url
    status, filtered = search_hrefs(page, page.url)
    assert sorted(filtered) == sorted(mine), status
    # a year filter alone lists that year's briefings, newest first, and fewer than all
    years = sorted({b.date.year for b in site.briefings})
    year = max(years, key=lambda y: (sum(b.date.year == y for b in site.briefings), y))
    expected = [b for b in site.briefings if b.date.year == year]
    assert 0 < len(expected) < len(site.briefings)
    status, hrefs = search_hrefs(page, f"{base}{SUB}search/?year={year}")
    assert f"{len(expected)} briefing" in status, status
    assert sorted(hrefs) == sorted(_href(b) for b in expected)
    dates = page.locator("#search-results time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    # a country filter on top of it narrows again, to briefings that list that country
    code = max({c for b in expected for c in b.countries}, key=lambda c: (sum(c in b.countries for b in expected), c))
    name = next(e.name for e in site.countries.values() if e.code == code)
    status, narrowed = search_hrefs(page, f"{base}{SUB}search/?year={year}&country={quote_plus(name)}")
    assert sorted(narrowed) == sorted(_href(b) for b in expected if code in b.countries), status


# --------------------------------------------------------------------------- screenshots

def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_full_page_screenshots(new_page, site_url, tmp_path):
    shots = Path(os.environ["BRIEFINGS_SHOTS"]) if os.environ.get("BRIEFINGS_SHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    for viewport in (DESKTOP, PHONE):
        for name in ("home", "briefing"):
            page = new_page(viewport=viewport)
            open_page(page, site_url, "/" if name == "home" else name)
            path = shots / f"{name}-{viewport['width']}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 0
            width, height = _png_size(path)
            assert width == viewport["width"], (path, width)
            assert height >= viewport["height"], (path, height)
