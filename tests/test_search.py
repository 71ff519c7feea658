"""The search step (generator/search.py): Pagefind run as part of the build, inside the build's
guarantees (what is searched is found in the browser: test_browser.py)."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import stat

import pytest

from generator import guard, search
from generator.build import build
from generator.errors import BriefingError

from articles import APPOSITIVE, COUNTERPART, DATELINE_HEADLINE, JOINT_STATEMENT, PHONE_CALL, SEED_LIKE
from conftest import pagefind_pages


def run(archive):
    """A build of the archive with its own cache (an archive's builds reuse work through it)."""
    return build(archive.config(), cache_dir=archive.root / ".cache")


def files(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def counted(monkeypatch):
    """Pagefind's runs: the output files each was given."""
    runs = []
    real = search.start_pagefind

    def start_pagefind(pages, scratch):
        pages = list(pages)
        runs.append(sorted(rel for rel, _ in pages))
        return real(pages, scratch)

    monkeypatch.setattr(search, "start_pagefind", start_pagefind)
    return runs


def test_the_bundle_indexes_every_briefing_and_nothing_is_left_behind(archive, counted):
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("b.txt", PHONE_CALL)
    run(archive)
    site = archive.root / "site"
    pages = pagefind_pages(site)
    assert sorted(p["url"].split("/")[1] for p in pages) == ["briefings", "briefings"]  # briefings only
    assert all(p["filters"]["year"] and p["filters"]["type"] and p["meta"]["date"] for p in pages)
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert len(counted) == 1
    # the scratch folder went with the build, in the output and beside it
    leftovers = [p for p in archive.root.rglob("*") if ".pagefind.new-" in p.name]
    assert leftovers == []


def test_pagefind_runs_only_when_a_page_changed(archive, counted):
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("b.txt", PHONE_CALL)
    run(archive)
    site = archive.root / "site"
    bundle = {rel: data for rel, data in files(site).items() if rel.startswith("pagefind/")}
    assert run(archive).unchanged and len(counted) == 1  # nothing changed: nothing runs
    (site / "feed.xml").unlink()  # a file that is not a page: the pages are the same, so is the bundle
    run(archive)
    assert len(counted) == 1 and (site / "feed.xml").is_file()
    assert {rel: data for rel, data in files(site).items() if rel.startswith("pagefind/")} == bundle
    (site / "pagefind" / "pagefind.js").unlink()  # a bundle file deleted by hand: made again
    run(archive)
    assert len(counted) == 2 and (site / "pagefind" / "pagefind.js").is_file()
    archive.seed("c.txt", COUNTERPART)  # a new briefing: indexed
    run(archive)
    assert len(counted) == 3 and len(pagefind_pages(site)) == 3


def test_a_failing_pagefind_is_one_clear_error_and_leaves_the_old_site(archive, monkeypatch, tmp_path):
    archive.seed("a.txt", SEED_LIKE)
    run(archive)
    site = archive.root / "site"
    before = files(site)
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: something Pagefind could not do' >&2\nexit 3\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search, "executable", lambda: fake)
    archive.seed("b.txt", PHONE_CALL)
    with pytest.raises(BriefingError) as err:
        run(archive)
    assert "search: Pagefind failed (exit status 3)" in err.value.message
    assert "something Pagefind could not do" in err.value.message
    assert files(site) == before  # the previous site, its search included, as it was
    assert [p for p in archive.root.rglob("*") if ".pagefind.new-" in p.name] == []


def test_a_missing_pagefind_says_how_to_install_it(archive, monkeypatch):
    import builtins
    real_import = builtins.__import__

    def no_pagefind(name, *args, **kwargs):
        if name == "pagefind_bin":
            raise ImportError("No module named 'pagefind_bin'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pagefind)
    archive.seed("a.txt", SEED_LIKE)
    with pytest.raises(BriefingError) as err:
        run(archive)
    assert "pip install 'pagefind[bin]'" in err.value.message


def test_a_killed_builds_scratch_folder_is_removed(archive):
    archive.seed("a.txt", SEED_LIKE)
    run(archive)
    site = archive.root / "site"
    dead = 2 ** 22 + 12345  # above pid_max's default: no such process
    scratch = site / f".pagefind.new-{dead}" / "site" / "briefings"
    scratch.mkdir(parents=True)
    (scratch / "index.html").write_text("left by a killed build")
    assert str(site / f".pagefind.new-{dead}") in guard.remove_stale(site)
    assert not (site / f".pagefind.new-{dead}").exists()


def test_the_bundle_is_the_same_bytes_for_the_same_pages(archive, tmp_path):
    # Pagefind writes filters in hash-map order: canonical() makes one order, so builds agree
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("b.txt", PHONE_CALL)
    archive.seed("c.txt", COUNTERPART)
    config = archive.config()
    outs = []
    for n in range(3):
        out = tmp_path / f"out{n}"
        build(config.with_overrides(output=out), cache_dir=tmp_path / f"cache{n}")
        outs.append({rel: data for rel, data in files(out).items() if rel.startswith("pagefind/")})
    assert outs[0] == outs[1] == outs[2] and len(outs[0]) > 10


def test_cbor_round_trip():
    for value in [0, 23, 24, 255, 256, 65536, 2 ** 32, -1, -25, "", "Wang Yi", "王毅", b"\x00\x01",
                  [], [1, ["a", [2, -3]], "b"]]:
        data = search.cbor_encode(value)
        assert search.cbor_decode(data) == (value, len(data))
    with pytest.raises(ValueError):
        search.cbor_decode(bytes([0xa1, 0x01, 0x02]))  # a map: not a kind Pagefind writes
