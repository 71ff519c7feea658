"""Who met whom (generator/network.py): the SVG on each official's page and /network/, and an
official's titles over time (country, first and last seen)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from generator import network
from generator.build import build
from generator.site import _merge_roles

from articles import PHONE_CALL, SEED_LIKE

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script> Vega'
QUOTED = 'Ana "x" onload="alert(2)" & Ruiz'


def front(officials: list[str], date: str, title: str | None = None) -> str:
    """A seed whose front matter names who took part (the extractor's reading is not tested here)."""
    lines = ["---", "officials:"]
    for name in officials:
        lines.append(f"  - name: {yaml_str(name)}")
        lines.append("    country: ES")
        if title:
            lines.append(f"    title: {title}")
    lines.append("---")
    return "\n".join(lines) + "\n" + SEED_LIKE.replace("2022-05-10", date)


def yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def svg_of(html: str, cls: str) -> ET.Element:
    """The page's network SVG, parsed as XML (it must be well-formed)."""
    found = re.search(r'<svg class="network ' + cls + r'".*?</svg>', html, re.S)
    assert found, "no network SVG on the page"
    return ET.fromstring(found.group(0).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def many(archive, groups: int = 3, size: int = 15) -> None:
    """`groups` briefings of `size` officials each, one official in all of them."""
    for g in range(groups):
        names = ["Hub Person"] + [f"Person {chr(65 + g)}{k:02d}" for k in range(size - 1)]
        archive.seed(f"g{g}.txt", front(names, f"2021-0{g + 1}-10"))


def test_an_official_page_draws_at_most_twelve_nodes_each_a_link_with_a_label(archive):
    many(archive)
    result = archive.build()
    assert not result.errors
    html = (archive.root / "site" / "officials" / "hub-person" / "index.html").read_text(encoding="utf-8")
    svg = svg_of(html, "ego")
    assert svg.get("viewBox") and svg.find(SVG + "title").text and svg.find(SVG + "desc").text
    nodes = svg.findall(f".//{SVG}a")
    assert len(nodes) == network.MAX_EGO + 1 == 12
    for a in nodes:
        assert a.get("href").startswith("/officials/") and a.get("href").endswith("/")
        assert "".join(a.find(SVG + "text").itertext()).strip()
    assert nodes[0].get("href") == "/officials/hub-person/" and nodes[0].get("aria-current") == "page"
    # the same officials as a plain list, for screen readers and browsers without SVG
    listed = re.search(r'<ul class="net-list".*?</ul>', html, re.S).group(0)
    assert listed.count("<li>") == network.MAX_EGO
    assert html.count('href="/network/"') >= 2  # the page's own link and the footer's


def test_the_network_page_shows_at_most_forty_officials_and_the_home_page_links_to_it(archive):
    many(archive, groups=4, size=15)  # 57 officials
    archive.build()
    out = archive.root / "site"
    html = (out / "network" / "index.html").read_text(encoding="utf-8")
    svg = svg_of(html, "overview")
    assert len(svg.findall(f".//{SVG}a")) == network.MAX_GLOBAL
    assert html.count("<tr><th scope=\"row\">") == network.MAX_GLOBAL
    assert "Hub Person" in html
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="/network/"' in re.search(r"<main.*?</main>", home, re.S).group(0)  # not only in the footer
    assert "https://example.test/network/" in (out / "sitemap.xml").read_text(encoding="utf-8")


def test_the_svg_is_the_same_bytes_in_two_clean_builds(archive, tmp_path):
    many(archive, groups=3, size=9)
    config = archive.config()
    first = build(config.with_overrides(output=tmp_path / "one"), cache_dir=tmp_path / "c1", clean=True)
    second = build(config.with_overrides(output=tmp_path / "two"), cache_dir=tmp_path / "c2", clean=True)
    assert not first.errors and not second.errors
    for rel in ("network/index.html", "officials/hub-person/index.html", "officials/person-a00/index.html"):
        one, two = (tmp_path / "one" / rel).read_bytes(), (tmp_path / "two" / rel).read_bytes()
        assert b"<svg" in one and one == two, rel


def test_names_in_the_network_are_escaped(archive):
    archive.seed("x.txt", front([HOSTILE, QUOTED, "Bo Lin"], "2020-03-04"))
    assert not archive.build().errors
    out = archive.root / "site"
    for page in ("network/index.html", "officials/bo-lin/index.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; Vega" in html
        assert 'onload="alert(2)"' not in html and "onload=&#34;alert(2)&#34; &amp; Ruiz" in html
        svg = svg_of(html, "overview" if page.startswith("network") else "ego")  # well-formed XML
        labels = ["".join(t.itertext()) for t in svg.iter(SVG + "text")]
        assert any(label.startswith("<script>alert(1)</script>") for label in labels)
        assert any(label.startswith('Ana "x"') for label in labels)
        titles = " ".join("".join(t.itertext()) for t in svg.iter(SVG + "title"))
        assert HOSTILE in titles and QUOTED in titles  # the whole name, where a label is cut


def test_without_co_participants_there_is_no_drawing_and_the_network_page_says_so(archive):
    archive.seed("a.txt", front(["Lone Person"], "2020-03-04"))
    archive.build()
    out = archive.root / "site"
    assert "<svg" not in (out / "officials" / "lone-person" / "index.html").read_text(encoding="utf-8")
    assert "No two officials" in (out / "network" / "index.html").read_text(encoding="utf-8")


def test_a_later_page_of_an_officials_briefings_has_no_drawing(archive):
    (archive.root / "site.yaml").write_text("title: T\nbase_url: https://example.test/\nper_page: 2\n")
    for k in range(3):
        archive.seed(f"p{k}.txt", front(["Ann Pike", "Ben Pike"], f"2020-0{k + 1}-04"))
    archive.build()
    folder = archive.root / "site" / "officials" / "ann-pike"
    assert "<svg" in (folder / "index.html").read_text(encoding="utf-8")
    assert "<svg" not in (folder / "page" / "2" / "index.html").read_text(encoding="utf-8")


def test_roles_are_merged_by_title_and_country_with_first_and_last_seen():
    roles = [("Foreign Minister", "ES", "2020-05-01", "2020-05-01"),
             ("foreign minister", "ES", "2019-01-02", "2019-01-02"),
             ("Foreign Minister", None, "2021-07-08", "2021-07-08"),   # joins the one row with a country
             ("Prime Minister", "ES", "2022-01-01", "2022-01-01"),
             ("Envoy", "FR", "2018-03-03", "2018-03-03"),
             ("Envoy", None, "2018-04-04", "2018-04-04"), ("Envoy", "IT", "2018-05-05", "2018-05-05")]
    assert _merge_roles(roles) == [
        ("Envoy", "FR", "2018-03-03", "2018-03-03"),
        ("Envoy", None, "2018-04-04", "2018-04-04"),  # two countries have this title: no guess
        ("Envoy", "IT", "2018-05-05", "2018-05-05"),
        ("Foreign Minister", "ES", "2019-01-02", "2021-07-08"),
        ("Prime Minister", "ES", "2022-01-01", "2022-01-01")]


def test_the_titles_table_shows_country_and_first_and_last_seen(archive):
    archive.seed("a.txt", front(["Rosa Vidal", "Bo Lin"], "2019-02-03", "Foreign Minister"))
    archive.seed("b.txt", front(["Rosa Vidal", "Bo Lin"], "2021-06-07", "Foreign Minister"))
    archive.seed("c.txt", front(["Rosa Vidal"], "2022-01-01", "Prime Minister"))
    archive.build()
    html = (archive.root / "site" / "officials" / "rosa-vidal" / "index.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="roles-table">.*?</table>', html, re.S).group(0)
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table, re.S)
    assert [title for title, _ in rows] == ["Foreign Minister", "Prime Minister"]
    assert 'href="/countries/spain/">Spain</a>' in rows[0][1]
    assert '<time datetime="2019-02-03">3 February 2019</time>' in rows[0][1]
    assert '<time datetime="2021-06-07">7 June 2021</time>' in rows[0][1]
    assert "2022-01-01" in rows[1][1] and " to " not in rows[1][1]


def test_the_api_gives_each_title_its_country(archive):
    import json
    archive.seed("a.txt", front(["Rosa Vidal"], "2019-02-03", "Foreign Minister"))
    archive.build()
    data = json.loads((archive.root / "site" / "api" / "officials.json").read_text(encoding="utf-8"))
    rosa = next(o for o in data["officials"] if o["slug"] == "rosa-vidal")
    assert rosa["roles"] == [{"title": "Foreign Minister", "country": "ES", "first_seen": "2019-02-03",
                              "last_seen": "2019-02-03"}]


@pytest.mark.parametrize("name, expected", [("Wang Yi", ["Wang Yi"]),
                                            ("Mohammed bin Salman Al Saud", ["Mohammed bin", "Salman Al Saud"]),
                                            ("Abdulkadirovichson", ["Abdulkadirovichson"])])
def test_long_names_are_drawn_on_two_lines(name, expected):
    assert network._split_name(name) == expected


def test_incremental_build_equals_clean_after_a_new_meeting(archive, tmp_path):
    from test_incremental import same_trees
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("b.txt", PHONE_CALL)
    config, cache = archive.config(), archive.root / "cache"
    build(config, cache_dir=cache)
    archive.seed("c.txt", front(["Ingrid Solberg", "Klaus Becker"], "2023-01-01"))
    again = build(config, cache_dir=cache)
    assert 0 < again.rendered < again.pages
    build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    same_trees(config.output, tmp_path / "clean")
