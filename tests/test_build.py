"""Building the bundled seed: every page exists, every internal link resolves, outputs are stable."""
import filecmp
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from generator.build import build
from generator.config import load_config

from conftest import ROOT, pagefind_pages

ATOM = "{http://www.w3.org/2005/Atom}"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])


def target(site: Path, url: str) -> Path:
    path = urlsplit(url).path
    file = site / path.lstrip("/")
    return file / "index.html" if path.endswith("/") or file.is_dir() else file


def crawl(site: Path):
    """Pages reachable from / by internal links, and the broken links met on the way."""
    seen, broken, todo = set(), [], ["/"]
    while todo:
        url = todo.pop()
        file = target(site, url)
        if file in seen:
            continue
        seen.add(file)
        if file.suffix != ".html":
            continue
        parser = Links()
        parser.feed(file.read_text(encoding="utf-8"))
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("#"):
                continue
            bare, frag = urldefrag(link)
            if not target(site, bare).exists():
                broken.append((url, link))
            else:
                todo.append(bare)
    return {str(f.relative_to(site)) for f in seen}, broken


def test_every_page_is_reachable_from_home_and_no_link_is_broken(seed_site):
    reached, broken = crawl(seed_site)
    assert broken == []
    for page in ("index.html", "officials/index.html", "officials/wang-yi/index.html",
                 "officials/katsunobu-kato/index.html", "officials/yoshihide-suga/index.html",
                 "countries/index.html", "countries/china/index.html", "countries/japan/index.html",
                 "topics/index.html", "archive/index.html", "search/index.html", "feed.xml",
                 "static/style.css"):
        assert page in reached, page
    briefing_pages = [p for p in reached if p.startswith("briefings/")]
    assert len(briefing_pages) == 1
    assert "relations/china-japan/index.html" in reached
    all_html = {str(p.relative_to(seed_site)) for p in seed_site.rglob("*.html")}
    # what no link leads to: the 404 page, and the redirect at the address earlier versions gave
    assert {p for p in all_html - reached if "http-equiv=\"refresh\"" not in (seed_site / p).read_text(encoding="utf-8")} == {"404.html"}


def test_briefing_page_links_to_people_and_countries_and_they_link_back(seed_site):
    (page,) = [p for p in (seed_site / "briefings").glob("*/index.html")
               if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    html = page.read_text(encoding="utf-8")
    slug = page.parent.name
    for href in ("/officials/wang-yi/", "/officials/katsunobu-kato/", "/officials/yoshihide-suga/",
                 "/countries/china/", "/countries/japan/"):
        assert f'href="{href}"' in html, href
        back = target(seed_site, href).read_text(encoding="utf-8")
        assert f'href="/briefings/{slug}/"' in back, href
    assert '<time datetime="2020-11-25">' in html
    # an official is linked where a paragraph first names them, once per paragraph
    assert html.count('<a href="/officials/wang-yi/">Wang</a>') >= 3
    for para in html.split('id="text-h"')[1].split("</section>")[0].split("<p>"):
        assert para.count('href="/officials/wang-yi/"') <= 1


def test_feed_is_valid_atom(seed_site):
    root = ET.parse(seed_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for child in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{child}") is not None, child
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    for child in ("id", "title", "updated", "link", "summary"):
        assert entries[0].find(f"{ATOM}{child}") is not None, child
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", root.find(f"{ATOM}updated").text)
    assert entries[0].find(f"{ATOM}link").get("href").startswith("https://")


def test_sitemap_and_robots(seed_site):
    root = ET.parse(seed_site / "sitemap.xml").getroot()
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(loc.endswith("/officials/wang-yi/") for loc in locs)
    assert all(loc.startswith("https://") for loc in locs)
    assert "Sitemap: " in (seed_site / "robots.txt").read_text()


def test_two_builds_are_byte_identical(tmp_path):
    config = load_config(ROOT / "site.yaml")
    a, b = tmp_path / "a", tmp_path / "b"
    build(config.with_overrides(output=a))
    build(config.with_overrides(output=b))
    cmp = filecmp.dircmp(a, b)
    files = [str(p.relative_to(a)) for p in a.rglob("*") if p.is_file()]
    match, mismatch, errors = filecmp.cmpfiles(a, b, files, shallow=False)
    assert mismatch == [] and errors == [] and len(match) == len(files) > 10
    assert not cmp.left_only and not cmp.right_only


def test_user_template_overrides_the_theme_file_by_file(archive):
    archive.seed("a.txt", (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8"))
    (archive.root / "templates").mkdir()
    (archive.root / "templates" / "404.html").write_text("custom {{ site.title }}", encoding="utf-8")
    archive.build()
    assert (archive.root / "site" / "404.html").read_text() == "custom Test Archive"
    assert "Latest briefings" in (archive.root / "site" / "index.html").read_text()


def test_undefined_template_variable_is_an_error_naming_the_template(archive):
    from generator.errors import TemplateProblem
    archive.seed("a.txt", next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8"))
    (archive.root / "templates").mkdir()
    (archive.root / "templates" / "404.html").write_text("{{ no_such_thing }}", encoding="utf-8")
    with pytest.raises(TemplateProblem) as err:
        archive.build()
    assert "404.html" in str(err.value) and "no_such_thing" in str(err.value)
    assert not (archive.root / "site").exists()


def test_base_url_with_a_path_prefixes_every_internal_link(tmp_path):
    config = load_config(ROOT / "site.yaml").with_overrides(output=tmp_path / "s",
                                                             base_url="https://example.org/archive/")
    build(config)
    html = (tmp_path / "s" / "index.html").read_text()
    hrefs = re.findall(r'href="(/[^"]*)"', html)
    assert hrefs and all(h.startswith("/archive/") for h in hrefs)


def test_long_lists_are_paginated_and_every_page_is_linked(archive):
    from articles import SEED_LIKE
    (archive.root / "site.yaml").write_text("title: T\nbase_url: /\nper_page: 2\n", encoding="utf-8")
    for day in range(1, 6):
        archive.seed(f"{day}.txt", SEED_LIKE.replace("2022-05-10", f"2022-05-{day:02d}"))
    archive.build()
    site = archive.root / "site"
    first = (site / "officials" / "ingrid-solberg" / "index.html").read_text()
    assert 'href="/officials/ingrid-solberg/page/2/"' in first and "Page 1 of 3" in first
    third = (site / "officials" / "ingrid-solberg" / "page" / "3" / "index.html").read_text()
    assert 'rel="prev"' in third and 'rel="next"' not in third and third.count('class="briefing-item"') == 1
    reached, broken = crawl(site)
    assert broken == [] and "officials/ingrid-solberg/page/3/index.html" in reached


def test_control_characters_in_a_seed_never_break_the_feed_or_reach_a_page(archive):
    import json
    archive.seed("a.txt", '---\ntitle: "Bell \\x07 and tab \\x0b here"\n---\n date 2020-01-01 Finnish Foreign '
                          'Minister Aino Virtanen met her counterpart in Oslo.\x01\n\nShe said the talks went well.\n')
    archive.build()
    site = archive.root / "site"
    ET.parse(site / "feed.xml")
    ET.parse(site / "sitemap.xml")
    json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert [page["meta"]["title"] for page in pagefind_pages(site)] == ["Bell \ufffd and tab here"]
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text), page
    # (the vertical tab is white space, folded by the title; the bell is shown as a replacement mark)
    assert "Bell \ufffd and tab here" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["\x01", "\x1f", "\ufffe", "\uffff", "\ud800"], ids=repr)
def test_a_page_never_carries_a_character_no_page_may_hold(bad):
    from generator.text import page_bytes
    assert page_bytes("<p>plain \u00e9 \t\n</p>") == "<p>plain \u00e9 \t\n</p>".encode()
    assert page_bytes(f"<p>a{bad}b \u00e9</p>") == "<p>a\ufffdb \u00e9</p>".encode()
