"""The JSON API and the Atom feed of each official, country and topic."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from articles import COUNTERPART, PHONE_CALL

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE_TITLE = "</script><!-- \"quoted\" & 'single' {{ x }}"


def local(site: Path, url: str, prefix: str = "https://example.test/") -> Path:
    """The file a URL of the site is served from."""
    assert url.startswith(prefix), url
    rel = unquote(url[len(prefix):])
    return site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def build(archive):
    archive.seed("call.txt", "---\ntitle: '" + HOSTILE_TITLE.replace("'", "''") + "'\n---\n" + PHONE_CALL)
    archive.seed("seoul.txt", COUNTERPART)
    result = archive.build()
    assert not result.errors, result.errors
    return archive.config().output


def test_the_api_lists_every_briefing_official_and_country_with_links_that_exist(archive):
    site = build(archive)
    data = json.loads((site / "api" / "briefings.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["count"] == 2 == len(data["briefings"])
    by_id = {b["id"]: b for b in data["briefings"]}
    assert set(by_id) == {"call", "seoul"}
    call = by_id["call"]
    assert call["title"] == HOSTILE_TITLE and call["date"] == "2019-02-03"
    assert sorted(call["countries"]) == ["DE", "FR"]
    assert {p["slug"] for p in call["officials"]} >= {"klaus-becker", "claire-dubois"}
    for b in data["briefings"]:
        assert local(site, b["url"]).is_file() and "http-equiv" not in local(site, b["url"]).read_text(encoding="utf-8")
        one = json.loads(local(site, b["json"]).read_text(encoding="utf-8"))["briefing"]
        assert {k: one[k] for k in b} == b
        for p in b["officials"]:
            assert (site / "officials" / p["slug"] / "index.html").is_file()
    one = json.loads((site / "api" / "briefings" / "call.json").read_text(encoding="utf-8"))["briefing"]
    assert [local(site, r) for r in one["relations"]] == [site / "relations/france-germany/index.html"]
    officials = json.loads((site / "api" / "officials.json").read_text(encoding="utf-8"))
    assert officials["count"] == len(officials["officials"]) == len(list((site / "officials").glob("*/index.html")))
    for o in officials["officials"]:
        assert local(site, o["url"]).is_file() and local(site, o["feed"]).is_file()
    countries = json.loads((site / "api" / "countries.json").read_text(encoding="utf-8"))
    assert {c["code"] for c in countries["countries"]} == {"DE", "FR", "JP", "KR"}
    for c in countries["countries"]:
        assert local(site, c["url"]).is_file() and local(site, c["feed"]).is_file()
        assert all(local(site, r).is_file() for r in c["relations"])


def test_api_text_cannot_break_out_of_json_or_a_page(archive):
    site = build(archive)
    for path in (site / "api").rglob("*.json"):
        raw = path.read_text(encoding="utf-8")
        assert "</script>" not in raw and "<!--" not in raw, path
        json.loads(raw)


def test_the_api_under_a_sub_path_and_without_a_host(archive):
    (archive.root / "site.yaml").write_text("title: T\nbase_url: /sub/\n", encoding="utf-8")
    site = build(archive)
    data = json.loads((site / "api" / "briefings.json").read_text(encoding="utf-8"))
    for b in data["briefings"]:
        assert local(site, b["url"], "/sub/").is_file() and local(site, b["json"], "/sub/").is_file()


def test_each_official_country_and_topic_has_a_valid_atom_feed(archive):
    site = build(archive)
    feeds = sorted(site.glob("officials/*/feed.xml")) + sorted(site.glob("countries/*/feed.xml")) \
        + sorted(site.glob("topics/*/feed.xml"))
    assert len(feeds) == (len(list(site.glob("officials/*/index.html"))) + len(list(site.glob("countries/*/index.html")))
                          + len(list(site.glob("topics/*/index.html"))))
    for path in feeds:
        root = ET.parse(path).getroot()
        assert root.tag == f"{ATOM}feed"
        for tag in ("id", "title", "updated", "author"):
            assert root.find(f"{ATOM}{tag}") is not None, (path, tag)
        self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
        assert local(site, self_link) == path
        alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
        page = local(site, alternate).read_text(encoding="utf-8")
        entries = root.findall(f"{ATOM}entry")
        assert entries
        for e in entries:
            for tag in ("id", "title", "updated", "summary"):
                assert e.find(f"{ATOM}{tag}") is not None and e.find(f"{ATOM}{tag}").text, (path, tag)
            link = e.find(f"{ATOM}link[@rel='alternate']").get("href")
            assert local(site, link).is_file()
            assert urlsplit(link).path in page  # the entry's page lists that briefing
    becker = ET.parse(site / "officials" / "klaus-becker" / "feed.xml").getroot()
    assert [e.find(f"{ATOM}title").text for e in becker.findall(f"{ATOM}entry")] == [HOSTILE_TITLE]
    # the entry's page links to its feed
    assert 'href="/officials/klaus-becker/feed.xml"' in (site / "officials/klaus-becker/index.html").read_text(encoding="utf-8")


def test_a_country_that_only_hosts_briefings_has_a_valid_empty_feed(archive):
    archive.seed("call.txt", "---\nlocation: {city: Geneva, country: CH}\n---\n" + PHONE_CALL)
    assert not archive.build().errors
    site = archive.config().output
    root = ET.parse(site / "countries" / "switzerland" / "feed.xml").getroot()
    assert root.find(f"{ATOM}updated").text == "2019-02-03T00:00:00Z" and root.findall(f"{ATOM}entry") == []
