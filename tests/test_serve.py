"""`briefings serve`: a preview built into a folder of its own, rebuilt and reloaded on change, that never
strands the editor. The browser tests drive Debian's Chromium (Playwright, as test_browser.py does)
against a real `python -m generator serve` process; without Chromium they are skipped, except in CI."""
from __future__ import annotations

import json
import re
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from articles import PHONE_CALL, SEED_LIKE
from conftest import ROOT
from generator.serve import follow_moves, is_loopback

PREVIEW_SITE = Path(".briefings-cache") / "preview" / "site"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError("timed out")


def titled(title: str, text: str, slug: str | None = None) -> str:
    return f"---\ntitle: {title}\n" + (f"slug: {slug}\n" if slug else "") + f"---\n{text}"


def _hear_ctrl_c() -> None:
    """In the child before exec: Ctrl-C back to its default. A test run started in the background of
    a script (`cmd &` in sh) ignores SIGINT, every child inherits that, and Python then keeps it
    ignored: serve, like any program, stays deaf to Ctrl-C there, and stop() below could never end it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Served:
    """A `briefings serve` process on a free port, with what it printed."""

    def __init__(self, root: Path, *extra: str, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = root / "serve.log"
        # the code under test, also when the installed package points at another checkout
        env = {**os.environ, "PYTHONUNBUFFERED": "1",
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
        self.out = open(self.log, "w", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(self.port), *extra],
                                     cwd=root, stdout=self.out, stderr=subprocess.STDOUT, text=True, env=env,
                                     preexec_fn=_hear_ctrl_c)
        wait_for(lambda: self.proc.poll() is not None or fetch(self.url + "__preview/state.json"))
        assert self.proc.poll() is None, self.output()

    def state(self) -> dict:
        return json.loads(fetch(self.url + "__preview/state.json"))

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            # serve waits up to 30 s for a build under way to end (serve.py, builder.join): on a
            # loaded machine a build can take that long, so give it more than that
            return self.proc.wait(45)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
        finally:
            self.out.close()


@pytest.fixture
def served(archive):
    servers = []

    def start(*extra: str, port: int | None = None) -> Served:
        servers.append(Served(archive.root, *extra, port=port))
        return servers[-1]

    yield start
    for s in servers:
        if s.proc.poll() is None:
            s.stop()


# --------------------------------------------------------------------------- without a browser

def test_moves_chain_and_end_where_a_page_is_again():
    moved = follow_moves({}, {"a.txt": "/briefings/one/"}, {"a.txt": "/briefings/two/"})
    assert moved == {"/briefings/one/": "/briefings/two/"}
    moved = follow_moves(moved, {"a.txt": "/briefings/two/"}, {"a.txt": "/briefings/three/"})
    assert moved == {"/briefings/one/": "/briefings/three/", "/briefings/two/": "/briefings/three/"}
    # a new seed takes the first address: it is a page again, not a redirect
    moved = follow_moves(moved, {"a.txt": "/briefings/three/"},
                         {"a.txt": "/briefings/three/", "b.txt": "/briefings/one/"})
    assert moved == {"/briefings/two/": "/briefings/three/"}


def test_loopback_addresses():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.7")


def test_serve_builds_its_own_folder_and_never_site(archive, served):
    archive.seed("a.txt", SEED_LIKE)
    built = archive.build()  # a production build in site/, with the public URL
    assert not built.errors
    site = archive.root / "site"
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    s = served()
    home = fetch(s.url)
    assert "Ingrid Solberg" in home and "livereload.js" in home and "/__preview/preview.js" in home
    archive.seed("b.txt", PHONE_CALL)
    wait_for(lambda: "Klaus Becker" in fetch(s.url + "officials/"))
    preview = archive.root / PREVIEW_SITE
    feed = (preview / "feed.xml").read_text(encoding="utf-8")
    assert f"http://127.0.0.1:{s.port}/" in feed  # the preview's links are the preview's
    assert s.stop() == 0
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before  # site/ as the build left it: not a byte, not a file more
    assert "127.0.0.1" not in (site / "feed.xml").read_text(encoding="utf-8")
    # the built files carry no preview script: it is added as pages are served
    assert "preview.js" not in (preview / "index.html").read_text(encoding="utf-8")
    # a later production build does not see the preview: the public URL everywhere, both seeds
    again = archive.build()
    assert again.briefings == 2 and not again.errors
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".txt", ".json"):
            assert "127.0.0.1" not in path.read_text(encoding="utf-8"), path


def test_serve_without_site_folder_never_makes_one(archive, served):
    archive.seed("a.txt", SEED_LIKE)
    s = served()
    archive.seed("b.txt", PHONE_CALL)
    wait_for(lambda: s.state()["build"] >= 2)
    assert s.stop() == 0
    assert not (archive.root / "site").exists()
    assert (archive.root / PREVIEW_SITE / "index.html").is_file()


def test_missing_page_is_the_sites_404_with_the_scripts(archive, served):
    archive.seed("a.txt", SEED_LIKE)
    s = served()
    with pytest.raises(urllib.error.HTTPError) as caught:
        fetch(s.url + "briefings/no-such-page/")
    assert caught.value.code == 404
    body = caught.value.read().decode("utf-8")
    assert "Page not found" in body and "/__preview/preview.js" in body and "livereload.js" in body


def test_non_loopback_host_warns(archive, served):
    archive.seed("a.txt", SEED_LIKE)
    s = served("--host", "0.0.0.0")
    assert "warning: serving on 0.0.0.0" in s.output()
    s.stop()
    quiet = served()
    assert "warning: serving" not in quiet.output()


def test_settings_change_rebuilds_with_the_new_settings(archive, served):
    archive.seed("a.txt", SEED_LIKE)
    s = served()
    assert "Test Archive" in fetch(s.url)
    (archive.root / "site.yaml").write_text("title: Renamed Archive\nbase_url: https://example.test/\n",
                                            encoding="utf-8")
    wait_for(lambda: "Renamed Archive" in fetch(s.url))
    # a broken site.yaml is reported, and the last site stays
    (archive.root / "site.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    errors = wait_for(lambda: s.state()["errors"])
    assert errors[0]["file"] == "site.yaml" and errors[0]["line"], errors
    assert "Renamed Archive" in fetch(s.url)
    # a seed changed meanwhile: site.yaml is still broken, and still reported
    archive.seed("b.txt", PHONE_CALL)
    wait_for(lambda: s.state()["build"] >= 4)
    assert [e["file"] for e in s.state()["errors"]] == ["site.yaml"]
    (archive.root / "site.yaml").write_text("title: Mended Archive\nbase_url: https://example.test/\n",
                                            encoding="utf-8")
    wait_for(lambda: "Mended Archive" in fetch(s.url) and not s.state()["errors"])
    assert "Klaus Becker" in fetch(s.url)


def test_serve_refuses_removed_options(archive):
    from generator.cli import main
    with pytest.raises(SystemExit):
        main(["serve", "--force"])
    with pytest.raises(SystemExit):
        main(["serve", "--out", "x"])


# --------------------------------------------------------------------------- in a browser


@pytest.fixture
def page(browser):
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def open_live(page, url: str) -> None:
    """Open `url` and wait until livereload's websocket is connected."""
    page.goto(url)
    page.wait_for_function("() => window.LiveReload && window.LiveReload.connector && "
                           "window.LiveReload.connector._isSocketConnected && "
                           "window.LiveReload.connector._isSocketConnected() && window.LiveReload.connector.protocol")


@pytest.mark.browser
def test_a_new_seed_appears_by_itself(archive, served, page):
    archive.seed("a.txt", SEED_LIKE)
    s = served()
    open_live(page, s.url)
    page.evaluate("window.__before = 1")
    assert "Klaus Becker" not in page.content()
    archive.seed("b.txt", PHONE_CALL)
    page.wait_for_function("() => document.body.innerText.includes('Klaus Becker')", timeout=20000)
    assert page.evaluate("window.__before") is None  # the page was reloaded, not patched
    assert page.url == s.url


@pytest.mark.browser
def test_a_retitled_open_page_keeps_its_address_and_a_new_slug_is_followed(archive, served, page):
    archive.seed("a.txt", titled("Ministers open a trade corridor", SEED_LIKE))
    s = served()
    old = s.url + "briefings/a/"  # a briefing's permanent address is its seed's name
    open_live(page, old)
    assert "Ministers open a trade corridor" in page.title()
    archive.seed("a.txt", titled("Ministers close a river dispute", SEED_LIKE))
    page.wait_for_function("() => document.title.includes('Ministers close a river dispute')", timeout=20000)
    assert page.url == old, "a new title does not move the page"
    assert page.locator("h1").first.inner_text() == "Ministers close a river dispute"
    # a new slug does move it: the open tab follows to the new address
    archive.seed("a.txt", titled("Ministers close a river dispute", SEED_LIKE, slug="river-dispute"))
    new = s.url + "briefings/river-dispute/"
    page.wait_for_url(new, timeout=20000)
    assert page.locator("h1").first.inner_text() == "Ministers close a river dispute"
    # the old address, opened later (a bookmark, the history), leads there too
    page.goto(old)
    page.wait_for_url(new, timeout=10000)
    # and the moved page still reloads on the next change
    open_live(page, new)
    archive.seed("a.txt", titled("Ministers close a river dispute", SEED_LIKE + "\n\nA closing line was added.",
                                 slug="river-dispute"))
    page.wait_for_function("() => document.body.innerText.includes('A closing line was added')", timeout=20000)


@pytest.mark.browser
def test_a_bad_seed_shows_a_notice_and_a_fix_clears_it(archive, served, page):
    archive.seed("a.txt", titled("Ministers open a trade corridor", SEED_LIKE))
    archive.seed("b.txt", PHONE_CALL)
    s = served()
    url = s.url + "briefings/a/"
    open_live(page, url)
    notice = page.locator("#briefings-preview-notice")
    assert notice.count() == 0
    # another seed breaks: the open page says where
    archive.seed("b.txt", "---\ntitle: [an unclosed list\n---\n" + PHONE_CALL)
    notice.wait_for(state="visible", timeout=20000)
    assert notice.get_attribute("role") == "alert"
    text = notice.inner_text()
    assert re.search(r"seeds/b\.txt:\d+: front matter", text), text  # file and line
    # the open page's own seed breaks: the page stays as it was, with the notice
    page.evaluate("window.__before = 1")
    archive.seed("a.txt", "---\ntitle: Ministers open a trade corridor\ndate: 2022-13-45\n---\n" + SEED_LIKE)
    page.wait_for_function("() => { const n = document.getElementById('briefings-preview-notice');"
                           " return n && n.innerText.includes('a.txt'); }", timeout=20000)
    page.wait_for_timeout(500)
    assert page.evaluate("window.__before") == 1  # not reloaded into a 404
    assert "Ministers open a trade corridor" in page.locator("h1").first.inner_text()
    # both fixed: the notice goes, the page shows the new build
    archive.seed("b.txt", PHONE_CALL)
    archive.seed("a.txt", titled("Ministers open a trade corridor", SEED_LIKE + "\n\nThe fix added this line."))
    page.wait_for_function("() => document.body.innerText.includes('The fix added this line')", timeout=20000)
    page.wait_for_function("() => !document.getElementById('briefings-preview-notice')", timeout=10000)
    assert s.state()["errors"] == []


@pytest.mark.browser
def test_a_broken_template_shows_a_notice_and_the_site_stays(archive, served, page):
    archive.seed("a.txt", SEED_LIKE)
    s = served()
    open_live(page, s.url)
    (archive.root / "templates").mkdir()  # a folder that appears after serve started is watched too
    (archive.root / "templates" / "index.html").write_text('{% extends "base.html" %}\n{% block main %}\n'
                                                           '{% if %}\n{% endblock %}\n', encoding="utf-8")
    notice = page.locator("#briefings-preview-notice")
    notice.wait_for(state="visible", timeout=20000)
    assert "index.html:3" in notice.inner_text(), notice.inner_text()
    assert "Ingrid Solberg" in fetch(s.url)  # the last site that built is still served
    (archive.root / "templates" / "index.html").unlink()
    page.wait_for_function("() => !document.getElementById('briefings-preview-notice')", timeout=20000)


@pytest.mark.browser
def test_a_burst_of_changes_is_one_rebuild_and_one_reload(archive, served, page):
    archive.seed("a.txt", SEED_LIKE)
    s = served()
    open_live(page, s.url)
    builds = s.state()["build"]
    loads = []
    page.on("load", lambda: loads.append(page.url))
    for i in range(12):  # as a checkout or "save all" does: many files, a few milliseconds apart
        archive.seed(f"burst-{i:02}.txt", titled(f"Burst briefing number {i}", PHONE_CALL))
        time.sleep(0.005)
    page.wait_for_function("() => document.body.innerText.includes('Burst briefing number 11')", timeout=30000)
    page.wait_for_timeout(1500)  # anything that would come after has come
    assert s.state()["build"] == builds + 1
    assert len(loads) == 1, loads


@pytest.mark.browser
def test_a_hostile_file_name_in_the_notice_is_text(archive, served, page):
    archive.seed("a.txt", SEED_LIKE)
    s = served()
    open_live(page, s.url)
    name = '<img src=x onerror="window.__pwned=1">.txt'
    archive.seed(name, "---\ntitle: [unclosed\n---\n" + PHONE_CALL)
    notice = page.locator("#briefings-preview-notice")
    notice.wait_for(state="visible", timeout=20000)
    assert name in notice.inner_text()
    assert notice.locator("img").count() == 0
    assert page.evaluate("window.__pwned") is None
    page.get_by_role("button", name="Hide until the next build").click()  # it can be put away
    assert notice.count() == 0


@pytest.mark.browser
def test_moves_are_followed_after_a_restart_with_nothing_to_build(archive, served, page):
    archive.seed("a.txt", titled("Ministers open a trade corridor", SEED_LIKE))
    first = served()
    wait_for(lambda: not first.state()["search_behind"])  # its search step done and recorded
    assert first.stop() == 0
    s = served(port=first.port)  # the same address: the preview is as the last serve left it
    assert "nothing changed" in s.output()
    old = s.url + "briefings/a/"
    open_live(page, old)
    archive.seed("a.txt", titled("Ministers sign a fisheries pact", SEED_LIKE, slug="fisheries-pact"))
    page.wait_for_url(s.url + "briefings/fisheries-pact/", timeout=20000)
