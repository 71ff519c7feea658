"""The search step (generator/search.py): Pagefind run as part of the build, inside the build's
guarantees (what is searched is found in the browser: test_browser.py)."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
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


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads processes from /proc")
@pytest.mark.parametrize("tied", ["setpriv", "preexec_fn"])
def test_pagefind_dies_with_a_build_killed_outright(tmp_path, tied):
    """A build killed by SIGKILL (a CI job's timeout) leaves no Pagefind behind, whether it was
    started through util-linux's setpriv or, where there is none, by a forked child's prctl."""
    import signal
    import subprocess
    import sys
    import time

    if tied == "setpriv" and search._tied_to_parent() is None:
        pytest.skip("no setpriv with --pdeathsig here")
    fake = tmp_path / "pagefind"
    fake.write_text(f"#!/bin/sh\necho $$ > {tmp_path / 'pid'}\nexec sleep 60\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    script = (f"import sys, time; from pathlib import Path; from generator import search; "
              f"search.executable = lambda: Path({str(fake)!r}); "
              + ("search._WRAPPER[:] = [None]; " if tied == "preexec_fn" else "")
              + f"search.start_pagefind([], Path({str(tmp_path / 'scratch')!r})); time.sleep(60)")
    (tmp_path / "scratch").mkdir()
    build_proc = subprocess.Popen([sys.executable, "-c", script], cwd=os.path.dirname(os.path.dirname(search.__file__)))
    try:
        deadline = time.monotonic() + 20
        while not (tmp_path / "pid").is_file() or not (tmp_path / "pid").read_text().strip():
            assert time.monotonic() < deadline, "the fake Pagefind never started"
            time.sleep(0.05)
        pid = int((tmp_path / "pid").read_text())
        assert os.path.exists(f"/proc/{pid}")
        build_proc.send_signal(signal.SIGKILL)
        build_proc.wait(10)
        deadline = time.monotonic() + 5
        while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
            time.sleep(0.05)
        # (gone, or a zombie of init's)
        gone = not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split(") ")[1][0] == "Z"
        assert gone, "Pagefind outlived its killed build"
    finally:
        build_proc.kill()


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


# ------------------------------------------------------------------ shards

SIX = {"a.txt": SEED_LIKE, "b.txt": DATELINE_HEADLINE, "c.txt": PHONE_CALL, "d.txt": APPOSITIVE,
       "e.txt": COUNTERPART, "f.txt": JOINT_STATEMENT}  # one briefing a year, 2017 to 2022


def _dates(n: int, seed: int) -> list[dt.date]:
    rng = random.Random(seed)
    return [dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(365 * 30)) for _ in range(n)]


def test_shards_split_time_into_stretches_of_at_most_the_limit():
    for n, limit, seed in [(1, 5, 0), (5, 5, 1), (6, 5, 2), (300, 7, 3), (400, 40, 4), (120, 3, 5)]:
        dates = _dates(n, seed)
        pages = [(f"briefings/{i:04d}/index.html", f"d{i}", d) for i, d in enumerate(dates)]
        shards = search.plan_shards(pages, limit)
        date_of = {rel: d for rel, _, d in pages}
        held = [rel for s in shards for rel, _ in s.pages]
        assert sorted(held) == sorted(rel for rel, _, _ in pages)  # every page in one shard
        assert [s.primary for s in shards] == [False] * (len(shards) - 1) + [True]  # the oldest
        assert len({s.key for s in shards}) == len(shards)
        for newer, older in zip(shards, shards[1:]):  # newest first, stretches that do not overlap
            assert min(date_of[r] for r, _ in newer.pages) > max(date_of[r] for r, _ in older.pages)
            assert newer.start > older.start
        for s in shards:
            days = {date_of[r] for r, _ in s.pages}
            assert len(s.pages) <= limit or len(days) == 1, (s.key, len(s.pages))
            assert s.start <= min(days)
        if n <= limit:
            assert [s.key for s in shards] == ["all"]


def test_a_new_briefing_changes_only_the_shards_of_its_own_stretch_of_time():
    dates = _dates(400, 7)
    pages = [(f"briefings/{i:04d}/index.html", f"d{i}", d) for i, d in enumerate(dates)]
    before = search.plan_shards(pages, 20)
    new = ("briefings/new/index.html", "dnew", dt.date(2011, 5, 17))
    after = search.plan_shards(pages + [new], 20)
    changed = [s for s in after if s not in before]
    assert 1 <= len(changed) < len(after) // 10
    gone = [s for s in before if s not in after]
    for s in changed + gone:  # within the year of the new briefing (the decades were split into years)
        assert s.key.startswith("2011"), s.key
    assert gone


def _six(archive):
    for name, text in SIX.items():
        archive.seed(name, text)


def test_an_edit_reindexes_only_its_shard_and_the_site_equals_a_clean_build(archive, counted, monkeypatch, tmp_path):
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    _six(archive)
    run(archive)
    site = archive.root / "site"
    listing = json.loads((site / "pagefind" / "shards.json").read_bytes())
    # 6 > 2 briefings: decades; 3 > 2 in each: years, newest first, the oldest the primary
    assert listing["primary"] == "2017" and listing["shards"] == ["2022", "2021", "2020", "2019", "2018", "2017"]
    # every filter's values over all shards, as Pagefind's own files count them
    years = {str(y): 1 for y in range(2017, 2023)}
    assert listing["filters"]["year"] == years and sum(listing["filters"]["type"].values()) == 6
    assert listing["filters"]["official"]["Klaus Becker"] == 1
    assert len(counted) == len(listing["shards"]) > 2
    # the primary holds Pagefind's program; the others only their index
    assert (site / "pagefind" / "pagefind.js").is_file()
    for key in listing["shards"][:-1]:
        assert (site / "pagefind" / key / "pagefind-entry.json").is_file()
        assert not (site / "pagefind" / key / "pagefind.js").exists()
    assert len(pagefind_pages(site)) == 6
    counted.clear()
    archive.seed("c.txt", PHONE_CALL + "\n\nThe spokesman gave no further details of the call.")
    run(archive)
    assert len(counted) == 1 and len(counted[0]) <= 2, counted  # one shard, of at most 2 pages
    assert any("briefings/" in rel for rel in counted[0])
    clean = tmp_path / "clean"
    build(archive.config().with_overrides(output=clean), cache_dir=tmp_path / "clean-cache")
    assert files(site) == files(clean)
    counted.clear()
    (archive.root / "seeds" / "f.txt").unlink()  # a briefing removed: its shard goes
    run(archive)
    build(archive.config().with_overrides(output=clean), cache_dir=tmp_path / "clean-cache")
    assert files(site) == files(clean) and len(pagefind_pages(site)) == 5


def test_a_deferred_search_step_keeps_the_last_bundle_until_catch_up(archive, counted, monkeypatch, tmp_path):
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    _six(archive)
    config, cache = archive.config(), archive.root / ".cache"
    site = archive.root / "site"
    first = build(config, cache_dir=cache, defer_search=True)  # nothing to keep yet: no bundle
    assert first.search is not None and not counted
    assert not (site / "pagefind").exists() and (site / "index.html").is_file()
    assert search.catch_up(first.search)
    assert len(pagefind_pages(site)) == 6 and counted
    assert run(archive).unchanged  # the record is the site's: nothing left to do
    old = {rel: data for rel, data in files(site).items() if rel.startswith("pagefind/")}
    counted.clear()
    archive.seed("c.txt", PHONE_CALL + "\n\nThe spokesman gave no further details of the call.")
    result = build(config, cache_dir=cache, defer_search=True)
    assert result.search is not None and not counted and result.rendered >= 1
    assert {rel: data for rel, data in files(site).items() if rel.startswith("pagefind/")} == old
    assert not search.catch_up(result.search, stop=lambda: True)  # asked to stop: nothing changes
    assert {rel: data for rel, data in files(site).items() if rel.startswith("pagefind/")} == old
    asked = iter([False])  # asked once Pagefind is running: it is stopped, nothing changes
    assert not search.catch_up(result.search, stop=lambda: next(asked, True))
    assert {rel: data for rel, data in files(site).items() if rel.startswith("pagefind/")} == old
    assert len(counted) == 1 and [p for p in archive.root.rglob("*") if ".new-" in p.name] == []
    counted.clear()
    assert search.catch_up(result.search) and len(counted) == 1
    clean = tmp_path / "clean"
    build(config.with_overrides(output=clean), cache_dir=tmp_path / "clean-cache")
    assert files(site) == files(clean)
    assert run(archive).unchanged
    assert not search.catch_up(result.search)  # done already: another build's record


def test_a_build_after_a_deferred_one_brings_search_up_to_date(archive, monkeypatch, tmp_path):
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    _six(archive)
    config, cache = archive.config(), archive.root / ".cache"
    run(archive)
    archive.seed("c.txt", PHONE_CALL + "\n\nThe spokesman gave no further details of the call.")
    pending = build(config, cache_dir=cache, defer_search=True).search
    assert pending is not None
    again = run(archive)  # the inputs are the same, but search is behind: not "nothing to do"
    assert not again.unchanged and again.search is None
    clean = tmp_path / "clean"
    build(config.with_overrides(output=clean), cache_dir=tmp_path / "clean-cache")
    assert files(archive.root / "site") == files(clean)
    assert not search.catch_up(pending)  # another build did it


def test_an_archive_without_briefings_has_an_empty_list_of_shards(archive):
    run(archive)
    site = archive.root / "site"
    assert json.loads((site / "pagefind" / "shards.json").read_bytes()) == {"version": 1, "primary": None,
                                                                           "shards": [], "filters": {}}
    assert not (site / "pagefind" / "pagefind.js").exists()


def test_the_preview_reloads_before_search_and_then_catches_up(archive):
    from test_serve import PREVIEW_SITE, Served, wait_for
    archive.seed("a.txt", SEED_LIKE)
    served = Served(archive.root)
    try:
        preview = archive.root / PREVIEW_SITE
        wait_for(lambda: not served.state()["search_behind"] and (preview / "pagefind" / "pagefind.js").is_file())
        assert len(pagefind_pages(preview)) == 1
        archive.seed("b.txt", PHONE_CALL)
        wait_for(lambda: served.state()["build"] >= 2 and not served.state()["search_behind"])
        assert len(pagefind_pages(preview)) == 2
        log = served.output()
        # each build is told (and the browser reloaded) before its search index is made
        built = [m.start() for m in re.finditer(r"^built ", log, re.M)]
        caught = [m.start() for m in re.finditer(r"^search index brought up to date", log, re.M)]
        assert len(built) == 2 and len(caught) == 2, log
        assert built[0] < caught[0] < built[1] < caught[1], log
    finally:
        assert served.stop() == 0


@pytest.mark.parametrize("seed", [1, 2])
def test_random_changes_to_seeds_over_many_shards_give_the_clean_build(archive, tmp_path, monkeypatch, seed):
    """Shards of at most 2 briefings: new, removed, edited and re-dated briefings split, merge and
    move shards (and the primary); the warm site equals a clean build after each change."""
    import changes
    from test_incremental_random import Warm
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    rng = random.Random(seed)
    warm = Warm(archive, tmp_path)
    kinds = ["add seed", "remove seed", "typo in body", "date", "front matter", "add seed", "base_url"]
    while warm.steps < 10:
        said = changes.CHANGES[rng.choice(kinds)](archive.root, rng)
        if said:
            warm.check(f"{said} (seed {seed})")
    assert len(json.loads((archive.root / "site" / "pagefind" / "shards.json").read_bytes())["shards"]) > 2


# ------------------------------------------------------------------ in the browser, over many shards
from test_browser import SUB, fiction, new_page, page, search_hrefs  # noqa: E402,F401 (fixtures; browser is conftest's)


def _indexed_words(html: str) -> set[str]:
    """The words Pagefind indexes of a briefing page: its data-pagefind-body parts and the
    data-value attributes it is told to index (names, countries, topics, place)."""
    parts = re.findall(r"<(\w+)[^>]*\bdata-pagefind-body[^>]*>(.*?)</\1>", html, re.S)
    text = " ".join(body for _, body in parts)
    text = re.sub(r"<(\w+)[^>]*data-pagefind-ignore[^>]*>.*?</\1>", " ", text, flags=re.S)
    values = re.findall(r'data-pagefind-index-attrs="data-value"[^>]*data-value="([^"]*)"', html)
    import html as markup
    return set(re.findall(r"\w+", markup.unescape(re.sub(r"<[^>]+>", " ", text) + " " + " ".join(values)).lower()))


@pytest.mark.browser
def test_a_name_or_its_beginning_finds_exactly_the_briefings_that_hold_it(page, fiction):
    """Over a dozen shards, a shard that lacks the name must add nothing (Pagefind alone would
    substitute a shorter word there, such as 'to' for a name beginning with it)."""
    base, site, out = fiction
    words = {b.slug: _indexed_words((out / "briefings" / b.slug / "index.html").read_text(encoding="utf-8"))
             for b in site.briefings}
    everything = set().union(*words.values())
    tried = 0
    for official in sorted(site.officials.values(), key=lambda o: (len(o.briefings), o.name)):
        surname = official.name.split()[-1].lower()
        begun = surname[:5]
        if len(surname) < 7 or not surname.isalpha() or not 2 <= len(official.briefings) <= 15:
            continue
        shorter = {w for w in everything if begun.startswith(w) and len(w) < len(begun)}
        if not shorter:  # no shorter word to be substituted: nothing to show
            continue
        for term in (surname, begun):
            want = sorted(SUB + "briefings/" + slug + "/" for slug, ws in words.items()
                          if any(w.startswith(term) for w in ws))
            status, hrefs = search_hrefs(page, f"{base}{SUB}search/?q={term}")
            assert sorted(hrefs) == want, (term, status)
        tried += 1
        if tried == 3:
            break
    assert tried == 3
