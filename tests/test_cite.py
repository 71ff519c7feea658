"""'Cite this' on every briefing (BibTeX, CSL-JSON, citation_* tags), JSON-LD and OpenGraph on every page."""
from __future__ import annotations

import html
import json
import re

from articles import COUNTERPART, PHONE_CALL

TITLE = "</script> {Becker} & Dubois: 100% #1 \\relax"


def build(archive):
    archive.seed("call.txt", "---\ntitle: '" + TITLE + "'\n---\n" + PHONE_CALL)
    archive.seed("seoul.txt", COUNTERPART)
    result = archive.build()
    assert not result.errors, result.errors
    return archive.config().output


def meta(text: str, key: str) -> list[str]:
    return [html.unescape(v) for v in re.findall(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)">', text)]


def ld(text: str) -> dict:
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    return json.loads(raw)


def test_a_briefing_says_how_to_cite_it(archive):
    site = build(archive)
    page = (site / "briefings" / "call" / "index.html").read_text(encoding="utf-8")
    assert meta(page, "citation_title") == [TITLE]
    assert meta(page, "citation_publication_date") == ["2019/02/03"]
    assert meta(page, "citation_public_url") == ["https://example.test/briefings/call/"]
    section = page[page.index('<section class="cite"'):]
    section = section[:section.index("</section>")]
    assert "<code>call</code>" in section and 'href="https://example.test/briefings/call/"' in section
    bib = html.unescape(re.search(r"<summary>BibTeX</summary>\s*<pre><code>(.*?)</code></pre>", section, re.S).group(1))
    assert bib.startswith("@misc{call,\n")
    assert "title = {{\\textless{}" not in bib  # (TeX escapes only TeX's specials; the page escapes HTML)
    title_field = re.search(r"^  title = \{\{(.*)\}\},$", bib, re.M).group(1)
    assert title_field == "</script> \\{Becker\\} \\& Dubois: 100\\% \\#1 \\textbackslash{}relax"
    assert bib.count("{") - bib.count("\\{") == bib.count("}") - bib.count("\\}")  # braces balance
    assert "url = {https://example.test/briefings/call/}" in bib and "date = {2019-02-03}" in bib
    csl = json.loads(html.unescape(re.search(r"<summary>CSL-JSON</summary>\s*<pre><code>(.*?)</code></pre>",
                                             section, re.S).group(1)))
    assert csl[0]["id"] == "call" and csl[0]["title"] == TITLE and csl[0]["issued"] == {"date-parts": [[2019, 2, 3]]}
    assert csl[0]["URL"] == "https://example.test/briefings/call/"


def test_every_page_has_opengraph_and_json_ld_that_parses(archive):
    site = build(archive)
    pages = [p for p in site.rglob("*.html") if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]
    assert len(pages) > 10
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "</script> {Becker}" not in text, path  # the hostile title never appears raw
        data = ld(text)
        assert data["@context"] == "https://schema.org" and data["@type"], path
        assert len(meta(text, "og:title")) == 1 and meta(text, "og:url")[0].startswith("https://example.test/"), path
    page = (site / "briefings" / "call" / "index.html").read_text(encoding="utf-8")
    article = ld(page)
    assert article["@type"] == "NewsArticle" and article["headline"] == TITLE and article["datePublished"] == "2019-02-03"
    people = {p["name"]: p for p in article["mentions"]}
    assert people["Klaus Becker"]["@type"] == "Person"
    assert people["Klaus Becker"]["url"] == "https://example.test/officials/klaus-becker/"
    assert meta(page, "og:type") == ["article"] and meta(page, "og:title") == [TITLE]
    person = ld((site / "officials" / "klaus-becker" / "index.html").read_text(encoding="utf-8"))
    assert person["@type"] == "Person" and person["name"] == "Klaus Becker"
    assert person["nationality"]["name"] == "Germany"
