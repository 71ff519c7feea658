"""Robust and safe on bad input: nothing lost, nothing executed, nothing escapes the output folder.

Every test drives the real command line (`generator.cli.main`) inside a fresh archive.
"""
from __future__ import annotations

import codecs
import json
import os
import re
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.cli import main

from articles import COUNTERPART, JOINT_STATEMENT, PHONE_CALL, SEED_LIKE
from conftest import pagefind_pages

GOOD = SEED_LIKE  # a well-formed seed that must always get its page
LIMIT_SECONDS = 60  # a safety net against hangs, not a speed test


# ---------------------------------------------------------------- helpers

def run(argv, capsys):
    """Run the CLI; returns (exit status, stdout, stderr)."""
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def briefing_pages(root: Path) -> list[Path]:
    """Every briefing's page (not the redirect pages at the addresses earlier versions gave)."""
    return sorted(p for p in (root / "site" / "briefings").glob("*/index.html")
                  if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes (the empty dict when it does not exist)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def tree(folder: Path, skip: str | None = None) -> dict[str, tuple[int, int]]:
    """Every path below `folder` (files and folders) with size and mtime, optionally without one sub-folder."""
    out = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if skip and rel.parts and rel.parts[0] == skip:
            continue
        st = p.lstat()
        out[str(rel)] = (st.st_size if p.is_file() else 0, st.st_mtime_ns if p.is_file() else 0)
    return out


def leftovers(root: Path) -> list[str]:
    """Staging or backup folders a build left beside the site (`.site.new-*`, `.site.old-*`)."""
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site."))


def lines_naming(err: str, name: str) -> list[str]:
    return [line for line in err.splitlines() if name in line]


def points_to(line: str, where: str) -> bool:
    """`where` ("seeds/x.txt" or "seeds/x.txt:3") is in the line, and not as the start of a longer line number."""
    return re.search(re.escape(where) + r"(?![\w.])" if ":" in where else re.escape(where), line) is not None


# ---------------------------------------------------------------- every bad input: a clear, located message

BAD_INPUTS = [
    # id, bytes of seeds/bad.txt, where the message must point (file or file:line), a word it must use
    ("empty", b"", "seeds/bad.txt", "empty"),
    ("blank", b"  \n\n\t\n", "seeds/bad.txt", "empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "seeds/bad.txt", "binary"),
    ("undecodable", b" date 2020-01-01 ok\n\nline two \x81\x8d\x8f\x90\x9d", "seeds/bad.txt:3", "decode"),
    ("odd-utf16", codecs.BOM_UTF16_LE + b"a\x00b", "seeds/bad.txt", "decode"),
    ("no-date", b"Text without a date line.\n\nA second paragraph.", "seeds/bad.txt:1", "date"),
    ("no-date-after-front-matter", b"---\ntitle: A title\n---\nText without a date line.", "seeds/bad.txt:4", "date"),
    ("impossible-date", b" date 2021-02-30 Ministers met in Rome.", "seeds/bad.txt:1", "2021-02-30"),
    ("malformed-date", b" date 30/01/2021 Ministers met in Rome.", "seeds/bad.txt:1", "30/01/2021"),
    ("impossible-date-after-front-matter", b"---\ntitle: A title\n---\n date 2021-13-01 Ministers met.",
     "seeds/bad.txt:4", "2021-13-01"),
    ("front-matter-yaml", b"---\ntitle: ok\nsummary: a: b\n---\n date 2020-01-01 Ministers met.",
     "seeds/bad.txt:3", "YAML"),
    ("front-matter-unclosed", b"---\ntitle: ok\n date 2020-01-01 Ministers met.", "seeds/bad.txt:1", "---"),
    ("front-matter-not-mapping", b"---\n- a\n- b\n---\n date 2020-01-01 Ministers met.", "seeds/bad.txt:2",
     "mapping"),
    ("front-matter-impossible-date", b"---\ntitle: ok\ndate: 2021-02-30\n---\n date 2020-01-01 Ministers met.",
     "seeds/bad.txt:3", "2021-02-30"),
    ("front-matter-empty-date", b"---\ndate:\n---\nText without a date line.", "seeds/bad.txt", "date"),
    ("front-matter-deeply-nested", b"---\ntitle: " + b"[" * 600 + b"]" * 600 + b"\n---\n date 2020-01-01 x.",
     "seeds/bad.txt", "front matter"),
    ("front-matter-huge-number", b"---\ntitle: " + b"7" * 5000 + b"\n---\n date 2020-01-01 Ministers met.",
     "seeds/bad.txt", "front matter"),
]


@pytest.mark.parametrize("data,where,word", [c[1:] for c in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_bad_seed_is_a_located_message_and_the_rest_still_builds(archive, capsys, monkeypatch, data, where, word):
    archive.seed("good.txt", GOOD)
    archive.seed("bad.txt", data)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    assert "Traceback" not in out + err
    assert code == 1, err
    named = lines_naming(err, "seeds/bad.txt")
    assert len(named) == 1 and len(named[0]) < 500, err  # one clear line, not a dump
    assert points_to(named[0], where) and word.lower() in named[0].lower(), named[0]
    assert len(briefing_pages(archive.root)) == 1
    assert "1 errors" in out


FRONT_MATTER_VALUES = [
    ("countries", b"---\ntitle: ok\ncountries: [XX]\n---\n", "seeds/bad.txt:3", "XX"),
    ("event-type", b"---\ntitle: ok\nevent_type: party\n---\n", "seeds/bad.txt:3", "event_type"),
    ("date", b"---\ntitle: ok\ndate: yesterday\n---\n", "seeds/bad.txt:3", "yesterday"),
    ("officials", b"---\ntitle: ok\nofficials:\n  - {title: Minister}\n---\n", "seeds/bad.txt:4", "name"),
    ("slug", b"---\ntitle: ok\nslug: [a, b]\n---\n", "seeds/bad.txt:3", "slug"),
]


@pytest.mark.parametrize("front,where,word", [c[1:] for c in FRONT_MATTER_VALUES],
                         ids=[c[0] for c in FRONT_MATTER_VALUES])
def test_bad_front_matter_value_names_the_file_and_the_line_of_the_field(archive, capsys, monkeypatch,
                                                                        front, where, word):
    archive.seed("good.txt", GOOD)
    archive.seed("bad.txt", front + PHONE_CALL.encode())
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    assert "Traceback" not in out + err
    assert code == 1
    (line,) = lines_naming(err, "seeds/bad.txt")
    assert points_to(line, where) and word in line, line
    assert len(briefing_pages(archive.root)) == 1


def test_a_bad_front_matter_value_gives_a_short_message_whatever_its_size(archive, capsys, monkeypatch):
    # YAML anchors make a few lines into millions of values ("billion laughs"): the message quoting the
    # value must stay short, and reading it must not cost memory in proportion to the expansion.
    anchors = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    anchors += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 7)]
    archive.seed("good.txt", GOOD)
    archive.seed("bad.txt", "---\n" + "\n".join(anchors) + "\ndate: *a6\n---\n" + PHONE_CALL)
    monkeypatch.chdir(archive.root)
    start = time.perf_counter()
    code, out, err = run(["build"], capsys)
    assert code == 1 and "Traceback" not in out + err
    (line,) = lines_naming(err, "seeds/bad.txt")
    assert len(line) < 1000, f"{len(line)} characters"
    assert len(err) < 10_000, f"{len(err)} characters on stderr"
    assert time.perf_counter() - start < LIMIT_SECONDS


def test_an_internal_error_on_one_seed_costs_only_that_seed(archive, capsys, monkeypatch):
    # a bug the extractor meets on one article (simulated: its first layer raises for that text only)
    import generator.extract as extract_package
    real = extract_package.parse_wire

    def flaky(text, name, *args, **kwargs):
        if name.endswith("bad.txt"):
            raise RuntimeError("extractor bug")
        return real(text, name, *args, **kwargs)

    monkeypatch.setattr(extract_package, "parse_wire", flaky)
    archive.seed("good.txt", GOOD)
    archive.seed("bad.txt", PHONE_CALL)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    assert "Traceback" not in out + err
    assert code == 1, err
    (line,) = lines_naming(err, "seeds/bad.txt")
    assert "--debug" in line
    assert len(briefing_pages(archive.root)) == 1


# ---------------------------------------------------------------- tracebacks only with --debug

@pytest.fixture
def broken_build(archive, monkeypatch):
    """An archive whose build hits an internal error (a bug, not an input problem)."""
    import generator.build as build_module

    def boom(*args, **kwargs):
        raise RuntimeError("boom in build_site")

    archive.seed("good.txt", GOOD)
    monkeypatch.setattr(build_module, "build_site", boom)
    monkeypatch.chdir(archive.root)
    return archive


def test_internal_error_without_debug_is_one_line_that_points_to_debug(broken_build, capsys):
    code, out, err = run(["build"], capsys)
    assert code != 0
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "boom in build_site" in lines[0] and "--debug" in lines[0]


@pytest.mark.parametrize("argv", [["build", "--debug"], ["--debug", "build"]], ids=["after", "before"])
def test_debug_shows_the_traceback(broken_build, capsys, argv):
    code, out, err = run(argv, capsys)
    assert code != 0
    assert "Traceback (most recent call last)" in err, err
    assert "RuntimeError: boom in build_site" in err


# ---------------------------------------------------------------- warnings, --strict, usage errors, check

UNKNOWN_KEY = "---\ntitle: Oslo and Nairobi agree on trade\ntopcis: [Trade]\n---\n" + GOOD


def test_unknown_front_matter_key_is_a_warning_with_the_nearest_key(archive, capsys, monkeypatch):
    archive.seed("a.txt", UNKNOWN_KEY)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    assert code == 0
    (line,) = lines_naming(err, "seeds/a.txt")
    assert "warning" in line and "'topcis'" in line and "'topics'" in line
    assert len(briefing_pages(archive.root)) == 1
    code, out, err = run(["build", "--strict"], capsys)
    assert code == 1
    assert "'topcis'" in err


def test_unknown_front_matter_key_warning_names_its_line(archive, capsys, monkeypatch):
    archive.seed("a.txt", UNKNOWN_KEY)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    (line,) = lines_naming(err, "seeds/a.txt")
    assert "seeds/a.txt:3" in line, line


def test_usage_errors_exit_2_without_traceback(archive, capsys, monkeypatch):
    archive.seed("good.txt", GOOD)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build", "--seeds", "no-such-folder"], capsys)
    assert code == 2 and "no-such-folder" in err and "Traceback" not in out + err
    with pytest.raises(SystemExit) as exc:
        main(["build", "--no-such-option"])
    assert exc.value.code == 2


def test_check_validates_everything_and_writes_nothing(archive, capsys, monkeypatch):
    archive.seed("good.txt", GOOD)
    archive.seed("nodate.txt", "No date here.\n\nStill none.")
    archive.seed("warn.txt", UNKNOWN_KEY.replace("Oslo", "Bergen"))
    monkeypatch.chdir(archive.root)
    before = tree(archive.root)
    code, out, err = run(["check"], capsys)
    assert code == 1
    assert "seeds/nodate.txt:1" in out + err and "'topcis'" in out + err
    assert "Traceback" not in out + err
    assert tree(archive.root) == before
    (archive.root / "seeds" / "nodate.txt").unlink()
    before = tree(archive.root)
    assert run(["check"], capsys)[0] == 0
    assert run(["check", "--strict"], capsys)[0] == 1
    assert tree(archive.root) == before and not (archive.root / "site").exists()


# ---------------------------------------------------------------- template errors

def test_broken_user_template_names_file_and_line_and_keeps_the_previous_site(archive, capsys, monkeypatch):
    archive.seed("good.txt", GOOD)
    monkeypatch.chdir(archive.root)
    assert run(["build"], capsys)[0] == 0
    previous = snapshot(archive.root / "site")
    (archive.root / "templates").mkdir()
    (archive.root / "templates" / "briefing.html").write_text(
        '{% extends "base.html" %}\n{% block main %}\n<h1>{{ b.title }</h1>\n{% endblock %}\n', encoding="utf-8")
    code, out, err = run(["build"], capsys)
    assert code == 2
    assert "Traceback" not in out + err
    assert re.search(r"templates/briefing\.html:3\b", err), err
    assert snapshot(archive.root / "site") == previous
    assert leftovers(archive.root) == []


def test_template_runtime_error_names_file_and_line(archive, capsys, monkeypatch):
    archive.seed("good.txt", GOOD)
    monkeypatch.chdir(archive.root)
    (archive.root / "templates").mkdir()
    (archive.root / "templates" / "404.html").write_text("<p>lost</p>\n<p>really</p>\n{{ no_such_thing }}\n",
                                                        encoding="utf-8")
    code, out, err = run(["build"], capsys)
    assert code == 2 and "Traceback" not in out + err
    assert "no_such_thing" in err
    assert re.search(r"templates/404\.html:3\b", err), err


# ---------------------------------------------------------------- nothing lost, nothing overwritten

class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k == "href" and v]


def internal_targets(site: Path, page: Path) -> set[Path]:
    """The files the internal links of one page point to."""
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    out = set()
    for href in parser.hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("#"):
            continue
        path = site / parts.path.lstrip("/")
        out.add(path / "index.html" if parts.path.endswith("/") else path)
    return out


@pytest.mark.parametrize("front_a,front_b", [
    ("---\nslug: same\n---\n", "---\nslug: same\n---\n"),
    ("---\ntitle: Same title\ndate: 2020-05-05\n---\n", "---\ntitle: Same title\ndate: 2020-05-05\n---\n"),
    ("---\nslug: Same Thing\n---\n", "---\nslug: same-thing\n---\n"),
], ids=["slug", "date-and-title", "slug-spelling"])
def test_seeds_with_the_same_slug_both_get_reachable_pages(archive, capsys, monkeypatch, front_a, front_b):
    archive.seed("a.txt", front_a + PHONE_CALL)
    archive.seed("b.txt", front_b + COUNTERPART)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    assert code == 0, err
    site = archive.root / "site"
    pages = briefing_pages(archive.root)
    assert len(pages) == 2
    texts = [p.read_text(encoding="utf-8") for p in pages]
    assert sum("Klaus Becker" in t for t in texts) == 1 and sum("Haruto Sato" in t for t in texts) == 1
    years = sorted((site / "archive").glob("*/index.html"))  # the archive lists each year on a page
    assert years and all(y in internal_targets(site, site / "archive" / "index.html") for y in years)
    assert set(pages) <= internal_targets(site, site / "index.html")
    assert set(pages) <= set().union(*(internal_targets(site, y) for y in years))
    assert len({page["url"] for page in pagefind_pages(site)}) == 2  # both are found by search


def test_topics_with_the_same_slug_do_not_lose_a_briefing(archive, capsys, monkeypatch):
    # "C++" and "C#" both slugify to "c": one topic path, two topics; both briefings still build and
    # each briefing's topic link leads to a page that lists it.
    archive.seed("a.txt", '---\ntopics: ["C++"]\n---\n' + PHONE_CALL)
    archive.seed("b.txt", '---\ntopics: ["C#"]\n---\n' + COUNTERPART)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    assert code == 0, err
    site = archive.root / "site"
    pages = briefing_pages(archive.root)
    assert len(pages) == 2
    for page in pages:
        topic_pages = {t for t in internal_targets(site, page) if t.parent.parent.name == "topics"}
        assert topic_pages, page
        for t in topic_pages:
            assert t.exists()
            assert f"/briefings/{page.parent.name}/" in t.read_text(encoding="utf-8")


def test_identical_seeds_are_merged_into_one_page_and_reported_naming_both(archive, capsys, monkeypatch):
    archive.seed("a.txt", GOOD)
    archive.seed("copy/b.txt", GOOD)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    assert code == 0
    assert len(briefing_pages(archive.root)) == 1
    (line,) = lines_naming(err, "seeds/copy/b.txt")
    assert "seeds/a.txt" in line and "warning" in line


# ---------------------------------------------------------------- atomic output

@pytest.fixture
def built(archive, capsys, monkeypatch):
    """An archive with two seeds, already built once; returns (archive, snapshot of site/)."""
    archive.seed("a.txt", GOOD)
    archive.seed("b.txt", PHONE_CALL)
    monkeypatch.chdir(archive.root)
    assert run(["build"], capsys)[0] == 0
    archive.seed("c.txt", JOINT_STATEMENT)  # the next build has something new to write
    return archive, snapshot(archive.root / "site")


def test_failed_render_leaves_the_previous_site_intact(built, capsys, monkeypatch):
    import generator.build as build_module
    archive, previous = built
    real, calls = build_module.render_page, []

    def render(env, plan, store=None):
        calls.append(plan.rel)
        if len(calls) == 2:  # after one page is rendered
            raise RuntimeError("render failed mid-way")
        return real(env, plan, store)

    monkeypatch.setattr(build_module, "render_page", render)
    code, out, err = run(["build"], capsys)
    assert code != 0 and "render failed mid-way" in err and "Traceback" not in err
    assert snapshot(archive.root / "site") == previous
    assert leftovers(archive.root) == []


@pytest.mark.parametrize("exc,code,says", [(OSError(28, "No space left on device"), None, "No space left"),
                                           (KeyboardInterrupt(), 130, "interrupted")],
                         ids=["disk-full", "interrupted"])
def test_failure_while_writing_leaves_the_previous_site_intact(built, capsys, monkeypatch, exc, code, says):
    import generator.build as build_module
    archive, previous = built

    def write_bundle(*args, **kwargs):
        # pages are already written, but not where readers see them: in a staging folder beside
        # the site, or as temporary files beside their targets (search is the last step before the swap)
        stages = [p for p in archive.root.iterdir() if p.name.startswith(".site.new-")]
        temps = list((archive.root / "site").rglob(".*.new-*"))
        assert (stages and any(stages[0].rglob("index.html"))) or temps
        raise exc

    monkeypatch.setattr(build_module.search, "write_bundle", write_bundle)
    status, out, err = run(["build"], capsys)
    assert status != 0 and "Traceback" not in err
    assert says in err and (code is None or status == code), err  # it failed where it was made to fail
    assert snapshot(archive.root / "site") == previous
    assert leftovers(archive.root) == []


def test_failure_while_swapping_in_leaves_the_previous_site_intact(built, capsys, monkeypatch):
    import generator.output as output_module
    archive, previous = built
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if Path(src).name.startswith(".site.new-"):
            raise OSError(16, "Device or resource busy")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(output_module.os, "replace", replace)
    code, out, err = run(["build", "--clean"], capsys)  # a whole new site is staged and swapped in
    monkeypatch.undo()
    assert code != 0 and "Traceback" not in err
    assert "busy" in err, err  # it failed where it was made to fail
    assert snapshot(archive.root / "site") == previous
    assert leftovers(archive.root) == []


def test_failure_of_a_small_incremental_build_leaves_the_previous_site_intact(archive, capsys, monkeypatch):
    import generator.output as output_module
    for i in range(8):
        archive.seed(f"s{i}.txt", GOOD.replace("2022-05-10", f"2021-03-{10 + i:02d}"))
    monkeypatch.chdir(archive.root)
    assert run(["build"], capsys)[0] == 0
    previous = snapshot(archive.root / "site")
    # an edit deep in one body changes one page: it is written beside its target, not yet in place
    archive.seed("s3.txt", GOOD.replace("2022-05-10", "2021-03-13").replace("steadily", "gradually"))

    def finish(self):
        assert list((archive.root / "site").rglob(".*.new-*"))
        raise RuntimeError("failed after the pages")

    monkeypatch.setattr(output_module.InPlaceWriter, "finish", finish)
    code, out, err = run(["build"], capsys)
    assert code != 0 and "failed after the pages" in err
    assert snapshot(archive.root / "site") == previous
    assert not list((archive.root / "site").rglob(".*.new-*")) and leftovers(archive.root) == []


def test_pages_no_longer_produced_are_removed(archive, capsys, monkeypatch):
    archive.seed("a.txt", GOOD)
    gone = archive.seed("b.txt", PHONE_CALL)
    monkeypatch.chdir(archive.root)
    assert run(["build"], capsys)[0] == 0
    site = archive.root / "site"
    old = [p for p in briefing_pages(archive.root) if "Klaus Becker" in p.read_text(encoding="utf-8")]
    assert len(old) == 1 and (site / "officials" / "klaus-becker" / "index.html").exists()
    gone.unlink()
    assert run(["build"], capsys)[0] == 0
    assert not old[0].exists() and not old[0].parent.exists()
    assert not (site / "officials" / "klaus-becker").exists()
    assert len(briefing_pages(archive.root)) == 1
    slug = old[0].parent.name
    for f in ("sitemap.xml", "feed.xml"):
        assert f"briefings/{slug}/" not in (site / f).read_text(encoding="utf-8"), f
    assert [f"/briefings/{slug}/" in page["url"] for page in pagefind_pages(site)] == [False]  # nor found by search
    assert leftovers(archive.root) == []


def test_norway_is_a_country_code_not_false(archive, capsys, monkeypatch):
    # YAML 1.1 reads a bare NO as false; the README's own examples write codes unquoted (country: JP),
    # so an editor correcting a Norwegian briefing writes `country: NO` -- it must not be refused
    # with "False" nor silently dropped.
    (archive.root / "data").mkdir()
    (archive.root / "data" / "officials.yaml").write_text(
        "- name: Ingrid Solberg\n  country: NO\n  title: Foreign Minister\n", encoding="utf-8")
    archive.seed("a.txt", "---\ncountries: [NO, KE]\nlocation: {city: Oslo, country: NO}\n"
                 "officials:\n  - {name: Ingrid Solberg, country: NO}\n---\n" + GOOD)
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build"], capsys)
    assert "False" not in err and "Traceback" not in err
    assert code == 0, err
    (page,) = briefing_pages(archive.root)
    html = page.read_text(encoding="utf-8")
    assert "Oslo, " in html and 'href="/countries/norway/"' in html
    assert (archive.root / "site" / "countries" / "norway" / "index.html").exists()


# ---------------------------------------------------------------- untrusted text

HOSTILE_SEEDS = {
    "front.txt": (
        '---\ntitle: "<script>alert(1)</script> Summit"\nslug: ../../outside\n'
        'summary: \'"><script>alert(11)</script> summary\'\n'
        'topics: ["<img src=x onerror=alert(12)>"]\n'
        'location: {city: "<script>alert(13)</script>", country: IT}\n---\n'
        " date 2020-01-02 Italian Prime Minister Marco Bellini met Spanish Prime Minister Lucia Vega in "
        "Rome on Thursday. <img src=x onerror=alert(2)> code {{ 7*7 }} end {% raw %}\n\n"
        "Bellini said <b>nothing</b> had changed; see javascript:alert(3) and "
        '<a href="javascript:alert(4)">click</a> and [here](javascript:alert(5)).'),
    "bold.txt": (
        '---\ntitle: "<b>x</b>"\nslug: /etc/passwd\n'
        "officials:\n"
        "  - {name: '\"><script>alert(6)</script>', title: 'Minister <b>x</b>', country: FR}\n"
        "  - {name: \"O'Brien <img src=x onerror=alert(7)>\"}\n---\n"
        + PHONE_CALL),
    "body.txt": (
        " date 2021-04-05 <script>alert(8)</script> Leaders Meet To Discuss <b>x</b> Trade\n\n"
        "Canadian Prime Minister Emily Roy met Mexican President Javier Ortiz in Ottawa on Monday. "
        "She said {{ 7*7 }} times {% for x in y %}{{ x }}{% endfor %} and {# c #} stayed as written.\n\n"
        '"We agree," said Ortiz, quoting <script>alert(9)</script> and JAVASCRIPT:alert(10).'),
    'evil"\'><img src=y onerror=alert(14)>.txt': (
        " date 2021-06-07 German Chancellor Klaus Becker met French President Claire Dubois in Paris."),
}
MARKERS = ("<script>alert", "<b>x</b>", "<b>nothing</b>", "<img src=")
SAFE_SCHEMES = ("", "http", "https", "mailto")


class Danger(HTMLParser):
    """Markup that seed text could have smuggled into a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.in_script, self.data_script = [], False, False

    def handle_starttag(self, tag, attrs):
        if tag in ("b", "img"):
            self.found.append(f"<{tag}> element")
        if tag == "script":
            self.in_script = True
            self.data_script = dict(attrs).get("type") == "application/ld+json"  # data, never run
        for key, value in attrs:
            if key.startswith("on"):
                self.found.append(f"{key}= attribute on <{tag}>")
            if key in ("href", "src", "action", "formaction") and value is not None:
                scheme = urlsplit(re.sub(r"[\x00-\x20]", "", value)).scheme.lower()
                if scheme not in SAFE_SCHEMES:
                    self.found.append(f"{key}={value!r} on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and self.data_script:
            json.loads(data)  # it parses: seed text stayed inside its strings
            if "<" in data:
                self.found.append(f"raw '<' in JSON-LD {data!r}")  # could end the element early
        elif self.in_script and "alert" in data:
            self.found.append(f"inline script {data!r}")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def test_hostile_seeds_are_shown_as_text_and_write_nothing_outside_the_site(archive, capsys, monkeypatch):
    for name, text in HOSTILE_SEEDS.items():
        archive.seed(name, text)
    archive.seed("good.txt", GOOD)
    monkeypatch.chdir(archive.root)
    outside = tree(archive.root.parent, skip=archive.root.name)
    inside = tree(archive.root, skip="site")
    cache = ".briefings-cache"  # the tool's own state (documented), not a place a seed chose
    passwd = Path("/etc/passwd").stat().st_mtime_ns if Path("/etc/passwd").exists() else None

    code, out, err = run(["build"], capsys)
    assert code in (0, 1) and "Traceback" not in out + err
    site = archive.root / "site"
    # nothing written outside the output folder
    assert tree(archive.root.parent, skip=archive.root.name) == outside
    assert {k: v for k, v in tree(archive.root, skip="site").items() if not k.startswith(cache)} == inside
    assert passwd is None or Path("/etc/passwd").stat().st_mtime_ns == passwd
    # every hostile seed got a page or was refused by name
    texts = "\n".join(p.read_text(encoding="utf-8") for p in briefing_pages(archive.root))
    assert "Marco Bellini" in texts or "seeds/front.txt" in err
    assert "Klaus Becker met" in texts or "seeds/bold.txt" in err
    assert "Emily Roy" in texts, "a body full of markup is still an article"
    # no markup from a seed is interpreted, in any output file
    # (static/ and pagefind/ hold the program's own files; the search bundle's pages are read below)
    files = [p for p in site.rglob("*") if p.is_file()
             and not p.is_relative_to(site / "static") and not p.is_relative_to(site / "pagefind")]
    titles = [page["meta"]["title"] for page in pagefind_pages(site)]
    assert "<script>alert(1)</script> Summit" in titles and "<b>x</b>" in titles, "titles are text to search"
    problems = []
    for f in files:
        rel = str(f.relative_to(site))
        data = f.read_text(encoding="utf-8")
        if re.search(r"""href\s*=\s*["']?\s*javascript:""", data, re.I):
            problems.append(f"{rel}: javascript: link")
        if f.suffix == ".json":
            list(strings(json.loads(data)))  # it parses; hostile text is plain string data
            continue
        for marker in MARKERS:
            if marker in data:
                problems.append(f"{rel}: raw {marker!r}")
        if f.suffix in (".xml",):
            root = ET.fromstring(f.read_bytes())  # still well-formed
            if rel == "feed.xml":  # the whole archive's (an entry's feed holds its own briefings)
                titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
                assert "<script>alert(1)</script> Summit" in titles and "<b>x</b>" in titles
        if f.suffix == ".html":
            parser = Danger()
            parser.feed(data)
            problems += [f"{rel}: {p}" for p in parser.found]
    assert problems == []
    # template syntax in a seed is text
    assert "code {{ 7*7 }} end {% raw %}" in texts or "seeds/front.txt" in err
    assert "code 49 end" not in texts
    assert "She said {{ 7*7 }} times {% for x in y %}{{ x }}{% endfor %} and {# c #} stayed" in texts
    assert "She said 49" not in texts
    # hostile slugs stay inside briefings/
    for d in (site / "briefings").iterdir():
        assert d.is_dir() and re.fullmatch(r"[a-z0-9-]+", d.name), d.name
    assert not (archive.root / "outside").exists()


# ---------------------------------------------------------------- size

PARAGRAPHS = [
    "Visiting Norwegian Foreign Minister Ingrid Solberg on Tuesday met with Kenyan Cabinet Secretary for "
    "Foreign Affairs Peter Kamau here in Nairobi, and the two sides agreed to deepen trade ties.",
    "During the meeting, Solberg said the partnership had grown steadily over the past decade.",
    "Kamau said Kenyan President Grace Wanjiru valued Norway's support for renewable energy projects.",
    "German Chancellor Klaus Becker spoke by phone on Sunday with French President Claire Dubois about "
    "the migration crisis, a government spokesman said.",
    "Japanese Foreign Minister Haruto Sato met his South Korean counterpart, Park Min-jun, in Seoul on "
    "Wednesday to discuss North Korea's missile launches.",
    '"We are neighbours and partners," Almeida told reporters after the talks in Buenos Aires.',
]


def filler(size: int, sep: str) -> str:
    """About `size` characters of varied wire sentences, numbered so no two are identical."""
    parts, total, i = [], 0, 0
    while total < size:
        p = PARAGRAPHS[i % len(PARAGRAPHS)].replace(" ", f" [{i}] ", 1)
        parts.append(p)
        total += len(p) + len(sep)
        i += 1
    return sep.join(parts)


def timed_build(capsys, label: str) -> None:
    """Build, and fail when it errs or takes longer than the safety net allows."""
    start = time.perf_counter()
    code, out, err = run(["build"], capsys)
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.1f} s")
    assert code == 0, err
    assert elapsed < LIMIT_SECONDS


# the largest seed read (sources.MAX_SEED_BYTES is 2 MB; a larger one is refused: test_hygiene)
@pytest.mark.parametrize("size,sep", [(1_990_000, "\n\n"), (500_000, " ")], ids=["2MB-seed", "500KB-line"])
def test_a_huge_seed_builds_in_bounded_time(archive, capsys, monkeypatch, size, sep):
    text = " date 2020-01-01 " + filler(size, sep)
    assert len(text) >= size and (sep == "\n\n" or "\n" not in text)
    archive.seed("big.txt", text)
    archive.seed("good.txt", PHONE_CALL)
    monkeypatch.chdir(archive.root)
    timed_build(capsys, f"{size} bytes ({'one line' if sep == ' ' else 'paragraphs'})")
    pages = briefing_pages(archive.root)
    assert len(pages) == 2
    last = text.rsplit(sep, 1)[1][:60]  # the end of the text is not lost
    assert any(last in p.read_text(encoding="utf-8") for p in pages)


def test_two_thousand_officials_in_the_registry(archive, capsys, monkeypatch):
    codes = ["SE", "KE", "DE", "FR", "JP", "KR", "IT", "ES"]
    entries = ['- name: Ingrid Solberg\n  aliases: [I. Solberg]\n  country: "NO"\n  title: Foreign Minister']
    for i in range(1, 2000):
        first, last = f"Person{i:04d}", f"Official{(i * 7919) % 10000:04d}"
        entries.append(f"- name: {first} {last}\n  aliases: [{last} {first}, {first[0]}. {last}]\n"
                       f"  country: {codes[i % len(codes)]}\n  title: Minister of Things {i}")
    (archive.root / "data").mkdir()
    (archive.root / "data" / "officials.yaml").write_text("\n".join(entries) + "\n", encoding="utf-8")
    archive.seed("a.txt", GOOD)
    archive.seed("b.txt", " date 2020-03-03 Person0042 Official" + f"{(42 * 7919) % 10000:04d}"
                 + " met Person0099 Official" + f"{(99 * 7919) % 10000:04d}" + " in Berlin on Monday.\n\n"
                 "They said the talks were useful.")
    archive.seed("c.txt", PHONE_CALL)
    monkeypatch.chdir(archive.root)
    timed_build(capsys, "2,000 officials")
    assert len(briefing_pages(archive.root)) == 3
    assert (archive.root / "site" / "officials" / "ingrid-solberg" / "index.html").exists()


def test_a_page_never_shows_where_seeds_outside_the_archive_sit_on_disk(archive, capsys, monkeypatch, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "wire"
    outside.mkdir()
    (outside / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(archive.root)
    code, out, err = run(["build", "--seeds", str(outside)], capsys)
    assert code == 0, err
    page = briefing_pages(archive.root)[0].read_text(encoding="utf-8")
    assert "<code>wire/a.txt</code>" in page and str(outside.parent) not in page
