"""The archive's own pages (pages/*.md, generator/pages.py) and an analyst's note on a briefing
(`note:` in front matter), both Markdown made safe HTML (generator/markup.py)."""
from __future__ import annotations

import os
import re

import pytest

from generator.build import build
from generator.cli import main
from generator.markup import safe_address, to_html

from articles import COUNTERPART, PHONE_CALL, SEED_LIKE

HOSTILE_MD = """# About <em>us</em>

Hello <script>alert(1)</script> and <img src=x onerror=alert(2)> {{ config }} {% raw %}

[a bad link](javascript:alert(3)) and [an odd one](JaVaScRiPt&#58;alert(4)) and ![pic](data:text/html,x)

[kept](https://example.org/x "t") and [inside](/officials/) and <https://example.net/>

<div onclick="x">block</div>
"""


def page(archive, name: str, text: str | bytes):
    folder = archive.root / "pages"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def noted(note: str, body: str = PHONE_CALL) -> str:
    lines = "\n".join("  " + line for line in note.splitlines())
    return f"---\nnote: |\n{lines}\n---\n{body}"


def main_of(html: str) -> str:
    return re.search(r"<main.*?</main>", html, re.S).group(0)


# -- Markdown made safe ------------------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:x", " javascript:x", "java\tscript:x",
                                 "jav&#x61;script:x", "javascript&colon;x", "data:text/html,x", "vbscript:x",
                                 "java\u200bscript:x", "file:///etc/passwd"])
def test_unsafe_addresses_are_refused(url):
    assert not safe_address(url)


@pytest.mark.parametrize("url", ["https://example.org/", "http://x.y/z?a=b:c", "mailto:a@b.c", "/about/",
                                 "about/", "#top", "?q=a:b", "//example.org/x"])
def test_web_and_site_addresses_are_kept(url):
    assert safe_address(url)


def test_markdown_never_passes_raw_html_or_unsafe_links():
    html, dropped = to_html(HOSTILE_MD)
    assert "<script" not in html and "<img src=x" not in html and "<div" not in html and "<em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;div onclick=" in html
    assert "javascript" not in html.lower() and "data:" not in html
    assert "{{ config }}" in html and "{% raw %}" in html  # text, never a template
    assert '<a href="https://example.org/x" title="t">kept</a>' in html and '<a href="/officials/">inside</a>' in html
    assert "<span>a bad link</span>" in html and "<span>pic</span>" in html
    assert len(dropped) == 3


# -- pages of the archive's own ------------------------------------------------------------

def test_a_page_is_built_linked_from_every_page_and_in_the_sitemap(archive):
    archive.seed("a.txt", SEED_LIKE)
    page(archive, "about.md", "# About us\n\nWe *read* the wire.\n\n- one\n- two\n")
    page(archive, "methodology-notes.md", "No heading here.\n")
    result = archive.build()
    assert not result.errors and not result.notices
    out = archive.root / "site"
    about = (out / "about" / "index.html").read_text(encoding="utf-8")
    assert "<title>About us · Test Archive</title>" in about and "<h1>About us</h1>" in about
    assert "<p>We <em>read</em> the wire.</p>" in about and "<li>one</li>" in about
    assert '<h1>Methodology notes</h1>' in (out / "methodology-notes" / "index.html").read_text(encoding="utf-8")
    for rel in ("index.html", "network/index.html", "officials/ingrid-solberg/index.html"):
        html = (out / rel).read_text(encoding="utf-8")
        assert '<a href="/about/">About us</a>' in html and '<a href="/methodology-notes/">Methodology notes</a>' in html
    assert '<a href="/about/" aria-current="page">About us</a>' in about
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://example.test/about/" in sitemap and "https://example.test/methodology-notes/" in sitemap


def test_hostile_markdown_in_a_page_is_escaped_and_a_bad_link_named_with_its_line(archive):
    archive.seed("a.txt", SEED_LIKE)
    page(archive, "about.md", HOSTILE_MD)
    result = archive.build()
    assert not result.errors
    html = main_of((archive.root / "site" / "about" / "index.html").read_text(encoding="utf-8"))
    assert "<script" not in html and "onerror=alert" not in html.replace("&lt;img src=x onerror=alert(2)&gt;", "")
    assert "&lt;em&gt;us&lt;/em&gt;" in html  # the title heading is text too
    assert "javascript" not in html.lower() and "{{ config }}" in html
    said = {(n.path, n.line, n.message.split(":")[0]) for n in result.notices}
    assert ("pages/about.md", 5, "link to 'javascript") in said
    assert ("pages/about.md", 5, "link to 'data") in said


@pytest.mark.parametrize("name, why", [("About.md", "lower-case"), ("my page.md", "lower-case"),
                                       ("a..b.md", "lower-case"), (".hidden-x.md", None),
                                       ("officials.md", "already uses"), ("static.md", "already uses"),
                                       ("network.md", "already uses"), ("-x.md", "lower-case")])
def test_page_names_that_are_not_plain_or_taken_are_refused(archive, name, why):
    archive.seed("a.txt", SEED_LIKE)
    page(archive, "about.md", "# About\n")
    page(archive, name, "# Mine\n")
    result = archive.build()
    out = archive.root / "site"
    assert (out / "about" / "index.html").is_file()  # the rest builds
    if why is None:  # hidden files are not pages, as hidden seeds are not seeds
        assert not result.errors
        return
    assert [(e.path, why in e.message) for e in result.errors] == [(f"pages/{name}", True)]
    assert (out / "officials" / "index.html").read_text(encoding="utf-8").count("<h1>Officials</h1>") == 1


def test_a_page_that_links_out_of_the_archive_is_refused(archive, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text("# Secret\n\nkey\n")
    (archive.root / "pages").mkdir()
    os.symlink(outside, archive.root / "pages" / "secret.md")
    archive.seed("a.txt", SEED_LIKE)
    result = archive.build()
    assert [e.path for e in result.errors] == ["pages/secret.md"] and "outside the archive" in result.errors[0].message
    assert not (archive.root / "site" / "secret").exists()


@pytest.mark.parametrize("data, words", [(b"\x00\x01binary", "binary"), (b"  \n", "empty"),
                                         (b"# T\n\n" + b"x" * 600_000, "page is limited to 0.5 MB")], ids=["binary", "empty", "large"])
def test_a_bad_page_is_an_error_naming_it_and_the_rest_builds(archive, data, words):
    archive.seed("a.txt", SEED_LIKE)
    page(archive, "about.md", "# About\n")
    page(archive, "bad.md", data)
    cache = archive.root / "cache"
    result = build(archive.config(), cache_dir=cache)
    assert len(result.errors) == 1 and result.errors[0].path == "pages/bad.md" and words in result.errors[0].message
    assert (archive.root / "site" / "about" / "index.html").is_file()
    assert not (archive.root / "site" / "bad").exists()
    again = build(archive.config(), cache_dir=cache)  # nothing changed: the error is reported again
    assert again.unchanged and [e.path for e in again.errors] == ["pages/bad.md"]


def test_an_edited_page_rebuilds_only_what_shows_it_and_equals_a_clean_build(archive, tmp_path):
    from test_incremental import same_trees
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("b.txt", COUNTERPART)
    page(archive, "about.md", "# About\n\nFirst words.\n")
    config, cache = archive.config(), archive.root / "cache"
    first = build(config, cache_dir=cache)
    page(archive, "about.md", "# About\n\nOther words.\n")  # same title: only its own page changes
    edited = build(config, cache_dir=cache)
    assert not edited.unchanged and edited.rendered == 1
    assert "Other words." in (config.output / "about" / "index.html").read_text(encoding="utf-8")
    build(config.with_overrides(output=tmp_path / "c1"), cache_dir=tmp_path / "x1", clean=True)
    same_trees(config.output, tmp_path / "c1")
    page(archive, "about.md", "# About the archive\n\nOther words.\n")  # a new title: every footer
    retitled = build(config, cache_dir=cache)
    assert retitled.rendered > first.pages // 2
    page(archive, "team.md", "# Team\n")
    build(config, cache_dir=cache)
    (archive.root / "pages" / "about.md").unlink()
    removed = build(config, cache_dir=cache)
    assert not (config.output / "about").exists() and (config.output / "team" / "index.html").is_file()
    build(config.with_overrides(output=tmp_path / "c2"), cache_dir=tmp_path / "x2", clean=True)
    same_trees(config.output, tmp_path / "c2")
    assert removed.pages == first.pages


def test_new_scaffolds_an_about_page_and_never_overwrites_it(tmp_path, capsys):
    target = tmp_path / "mine"
    assert main(["new", str(target)]) == 0
    about = target / "pages" / "about.md"
    assert about.read_text(encoding="utf-8").startswith("# About this archive\n")
    assert "pages/about.md" in capsys.readouterr().out
    about.write_text("# Ours\n")
    (target / "site.yaml").unlink()
    assert main(["new", str(target)]) == 0
    assert about.read_text() == "# Ours\n" and "pages/about.md" in capsys.readouterr().out.split("kept")[1]


# -- an analyst's note --------------------------------------------------------------------

def test_a_note_is_shown_in_its_own_box_apart_from_the_report(archive):
    archive.seed("c.txt", noted("The call came a day after the **summit**.\n\n- first\n- second"))
    result = archive.build()
    assert not result.errors and not result.notices
    folder = archive.root / "site" / "briefings" / "c"  # its address: the seed's name (permalinks.py)
    html = (folder / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<aside class="analyst-note".*?</aside>', html, re.S).group(0)
    assert "Analyst's note" in box and "<strong>summit</strong>" in box and "<li>second</li>" in box
    report = re.search(r'<section class="body".*?</section>', html, re.S).group(0)
    assert "summit" not in report  # the wire text is not touched
    assert "unknown front-matter field" not in " ".join(n.message for n in result.notices)


def test_a_hostile_note_is_escaped_and_a_bad_link_named_with_the_seed_and_line(archive):
    archive.seed("c.txt", noted("Fine.\n\n<script>alert(1)</script> {{ 7*7 }}\n\n[x](javascript:alert(2))"))
    result = archive.build()
    assert not result.errors
    folder = archive.root / "site" / "briefings" / "c"  # its address: the seed's name (permalinks.py)
    html = (folder / "index.html").read_text(encoding="utf-8")
    box = re.search(r'<aside class="analyst-note".*?</aside>', html, re.S).group(0)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in box and "<script>alert" not in html
    assert "{{ 7*7 }}" in box and "49" not in box and "javascript" not in box.lower()
    assert [(n.path, n.line) for n in result.notices if "javascript" in n.message] == [("seeds/c.txt", 7)]


@pytest.mark.parametrize("value, words", [("note: [1, 2]", "must be non-empty text"),
                                          ("note: ''", "must be non-empty text"),
                                          ("note: " + "x" * 20_001, "longer than")])
def test_a_note_that_is_not_text_is_an_error_naming_the_seed_and_line(archive, value, words):
    archive.seed("c.txt", f"---\ntitle: A title\n{value}\n---\n{PHONE_CALL}")
    archive.seed("a.txt", SEED_LIKE)
    result = archive.build()
    assert [(e.path, e.line) for e in result.errors] == [("seeds/c.txt", 3)] and words in result.errors[0].message
    assert result.briefings == 1


def test_an_edited_note_rebuilds_only_its_briefing_and_equals_a_clean_build(archive, tmp_path):
    from test_incremental import same_trees
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("c.txt", noted("First thought."))
    config, cache = archive.config(), archive.root / "cache"
    build(config, cache_dir=cache)
    before = {p: p.stat().st_ino for p in config.output.rglob("*") if p.is_file()}
    archive.seed("c.txt", noted("Second thought, *better*."))
    edited = build(config, cache_dir=cache)
    after = {p: p.stat().st_ino for p in config.output.rglob("*") if p.is_file()}
    changed = {str(p.relative_to(config.output)) for p in after if before.get(p) != after[p]}
    pages = {rel for rel in changed if rel.endswith(".html")}
    assert len(pages) == 1 and pages.pop().startswith("briefings/") and edited.rendered == 1
    build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    same_trees(config.output, tmp_path / "clean")
    assert "<em>better</em>" in (tmp_path / "clean" / "briefings" / "c" / "index.html").read_text(encoding="utf-8")


def test_extract_shows_a_note_as_front_matter_and_warns_of_nothing(tmp_path, capsys):
    seed = tmp_path / "c.txt"
    seed.write_text(noted("Read with *care*."), encoding="utf-8")
    assert main(["extract", str(seed)]) == 0
    out, err = capsys.readouterr()
    assert "note: Read with *care*." in out and err == ""


def test_headings_stay_below_the_pages_own():
    assert to_html("# Big\n\n## Less\n\n#### Small", 3)[0] == "<h3>Big</h3>\n<h3>Less</h3>\n<h4>Small</h4>"
    assert to_html("# Again\n\n## Part")[0] == "<h2>Again</h2>\n<h2>Part</h2>"  # a page has one h1: its title
