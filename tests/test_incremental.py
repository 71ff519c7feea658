"""Incremental builds: same bytes as a clean build, only changed pages rewritten, bad caches ignored."""
import filecmp

from generator.build import build

from articles import APPOSITIVE, COUNTERPART, DATELINE_HEADLINE, JOINT_STATEMENT, PHONE_CALL, SEED_LIKE

ARTICLES = {"a.txt": SEED_LIKE, "b.txt": DATELINE_HEADLINE, "c.txt": PHONE_CALL, "d.txt": APPOSITIVE,
            "e.txt": COUNTERPART, "f.txt": JOINT_STATEMENT}


def tree(folder):
    return {str(p.relative_to(folder)): p for p in folder.rglob("*") if p.is_file()}


def same_trees(a, b):
    ta, tb = tree(a), tree(b)
    assert sorted(ta) == sorted(tb)
    match, mismatch, errors = filecmp.cmpfiles(a, b, list(ta), shallow=False)
    assert mismatch == [] and errors == []


def setup(archive):
    for name, text in ARTICLES.items():
        archive.seed(name, text)
    return archive.config(), archive.root / "cache"


def test_incremental_build_equals_clean_build_after_edits(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    archive.seed("b.txt", DATELINE_HEADLINE.replace("on Monday", "on Tuesday"))
    (archive.root / "seeds" / "c.txt").unlink()
    archive.seed("g.txt", SEED_LIKE.replace("2022-05-10", "2022-06-11").replace("Nairobi", "Mombasa"))
    incremental = build(config, cache_dir=cache)
    assert 0 < incremental.rendered < incremental.pages
    clean = build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    assert clean.rendered == clean.pages
    same_trees(config.output, tmp_path / "clean")


def test_nothing_changed_rewrites_nothing_and_one_edit_rewrites_few(archive):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    before = {rel: p.stat().st_ino for rel, p in tree(config.output).items()}
    again = build(config, cache_dir=cache)
    assert again.unchanged and again.rendered == 0
    assert {rel: p.stat().st_ino for rel, p in tree(config.output).items()} == before
    archive.seed("e.txt", COUNTERPART.replace("Wednesday", "Thursday"))
    edited = build(config, cache_dir=cache)
    after = {rel: p.stat().st_ino for rel, p in tree(config.output).items()}
    rewritten = {rel for rel in before if after.get(rel) != before[rel]}
    page = [rel for rel in rewritten if rel.startswith("briefings/")]
    assert len(page) == 1 and edited.rendered < len(before) // 2
    assert "officials/ingrid-solberg/index.html" not in rewritten  # untouched by the edit


def test_removed_seed_removes_its_pages(archive):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    assert (config.output / "officials" / "klaus-becker" / "index.html").exists()
    (archive.root / "seeds" / "c.txt").unlink()
    build(config, cache_dir=cache)
    assert not (config.output / "officials" / "klaus-becker").exists()


def test_corrupt_cache_is_ignored(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    for f in [p for p in cache.rglob("*") if p.is_file()]:
        f.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    result = build(config, cache_dir=cache)
    assert result.rendered == result.pages and not result.errors
    build(config.with_overrides(output=tmp_path / "clean"), clean=True)
    same_trees(config.output, tmp_path / "clean")


def test_a_defaced_output_file_is_restored(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    page = config.output / "officials" / "index.html"
    page.write_text("defaced", encoding="utf-8")
    again = build(config, cache_dir=cache)
    assert not again.unchanged and again.rendered == 1
    build(config.with_overrides(output=tmp_path / "clean"), clean=True)
    same_trees(config.output, tmp_path / "clean")


def test_stale_output_is_rebuilt_not_trusted(archive):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    victim = config.output / "officials" / "index.html"
    victim.unlink()
    result = build(config, cache_dir=cache)
    assert not result.unchanged and victim.exists()


def test_a_build_with_nothing_to_do_still_reports_refused_seeds_and_warnings(archive):
    config, cache = setup(archive)
    archive.seed("bad.txt", "no date line")
    archive.seed("warn.txt", "---\ntitel: x\n---\n" + SEED_LIKE.replace("2022-05-10", "2022-07-01"))
    first = build(config, cache_dir=cache)
    again = build(config, cache_dir=cache)
    assert again.unchanged
    assert [str(e) for e in again.errors] == [str(e) for e in first.errors] and len(first.errors) == 1
    assert [str(n) for n in again.notices] == [str(n) for n in first.notices] and "titel" in str(first.notices)


def test_an_edit_extracts_only_the_seed_that_changed(archive, tmp_path, monkeypatch):
    import generator.gather as gather_module
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    seen = []
    real = gather_module.extract
    monkeypatch.setattr(gather_module, "extract", lambda raw, reg: seen.append(raw.path) or real(raw, reg))
    archive.seed("d.txt", APPOSITIVE.replace("talks", "discussions", 1))
    build(config, cache_dir=cache)
    assert seen == ["seeds/d.txt"]
    build(config.with_overrides(output=tmp_path / "clean"), clean=True)
    same_trees(config.output, tmp_path / "clean")


def test_parallel_extraction_and_rendering_give_the_same_site(archive, tmp_path, monkeypatch):
    import generator.build as build_module
    import generator.gather as gather_module
    config, _ = setup(archive)
    archive.seed("bad.txt", "no date")  # a refused seed travels back from a worker with its name
    serial = build(config.with_overrides(output=tmp_path / "serial"), workers=1, clean=True)
    monkeypatch.setattr(gather_module, "PARALLEL_FROM", 1)
    monkeypatch.setattr(build_module, "PARALLEL_RENDER_FROM", 1)
    parallel = build(config.with_overrides(output=tmp_path / "parallel"), workers=2, clean=True)
    assert [str(e) for e in parallel.errors] == [str(e) for e in serial.errors] == ["seeds/bad.txt:1: " +
                                                                                    serial.errors[0].message]
    same_trees(tmp_path / "serial", tmp_path / "parallel")


def test_a_cache_lost_between_builds_costs_a_full_build(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    for f in cache.rglob("*"):
        if f.is_file():
            f.unlink()
    archive.seed("a.txt", SEED_LIKE.replace("universities", "schools"))
    result = build(config, cache_dir=cache)
    assert not result.errors and result.rendered == result.pages
    build(config.with_overrides(output=tmp_path / "clean"), clean=True)
    same_trees(config.output, tmp_path / "clean")


def test_a_text_only_edit_rewrites_only_that_briefings_page(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    before = {rel: p.stat().st_ino for rel, p in tree(config.output).items()}
    # a typo fixed in a late paragraph: no list shows it, so only its own page changes
    archive.seed("a.txt", SEED_LIKE.replace("between universities", "between their universities"))
    build(config, cache_dir=cache)
    after = {rel: p.stat().st_ino for rel, p in tree(config.output).items()}
    rewritten = sorted(rel for rel in before if after.get(rel) != before[rel])
    pages = [rel for rel in rewritten if not rel.startswith("pagefind/")]
    assert len(pages) == 1 and pages[0].startswith("briefings/")
    # and of the search bundle, the files that hold its words (its text, the index) and those naming them
    kinds = sorted(rel.rsplit(".", 1)[-1] for rel in rewritten if rel.startswith("pagefind/"))
    assert kinds == ["json", "pf_fragment", "pf_index", "pf_meta"], rewritten
    build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    same_trees(config.output, tmp_path / "clean")
    # an edit that changes what lists show (the date) still equals a clean build
    archive.seed("a.txt", SEED_LIKE.replace("2022-05-10", "2022-05-12"))
    third = build(config, cache_dir=cache)
    assert third.rendered > 1
    clean = build(config.with_overrides(output=tmp_path / "clean2"), cache_dir=tmp_path / "other2", clean=True)
    assert clean.rendered == clean.pages
    same_trees(config.output, tmp_path / "clean2")


def test_a_seed_swapped_for_one_of_equal_size_and_time_is_seen(archive):
    import os
    config, cache = setup(archive)
    seed = archive.root / "seeds" / "b.txt"
    build(config, cache_dir=cache)
    stamp = seed.stat().st_mtime_ns
    seed.write_bytes(seed.read_bytes().replace(b"on Monday", b"on Sunday"))
    os.utime(seed, ns=(stamp, stamp))
    build(config, cache_dir=cache)
    page = config.output / "briefings" / "b" / "index.html"  # its address: its seed's name
    assert "on Sunday" in page.read_text(encoding="utf-8")


def test_an_edited_data_file_is_read_again(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    (archive.root / "data").mkdir()
    (archive.root / "data" / "officials.yaml").write_text(
        "- name: Ingrid Solberg-Hansen\n  aliases: [Ingrid Solberg]\n  country: NO\n", encoding="utf-8")
    build(config, cache_dir=cache)
    assert (config.output / "officials" / "ingrid-solberg-hansen" / "index.html").exists()
    assert not (config.output / "officials" / "ingrid-solberg").exists()
    build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    same_trees(config.output, tmp_path / "clean")


def test_a_new_base_url_reaches_every_link(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    moved = config.with_overrides(base_url="https://user.github.io/repo/")
    build(moved, cache_dir=cache)
    home = (config.output / "index.html").read_text(encoding="utf-8")
    assert 'href="/repo/static/style.css"' in home and 'href="/static/' not in home
    build(moved.with_overrides(output=tmp_path / "clean"), clean=True)
    same_trees(config.output, tmp_path / "clean")


def test_an_override_that_prints_any_field_is_never_stale(archive, tmp_path):
    """The page digest covers the whole context: an override printing the officials' titles in
    every list is re-rendered when only a title changes."""
    from generator.render import theme_dir
    config, cache = setup(archive)
    macros = (theme_dir() / "templates" / "_macros.html").read_text(encoding="utf-8")
    (archive.root / "templates").mkdir()
    hook = '<h{{ heading_level }} class="item-title">'
    assert hook in macros, "the theme's list item changed: move the override's hook"
    (archive.root / "templates" / "_macros.html").write_text(macros.replace(
        hook, '{% for p in b.officials %}<i>{{ p.title }}</i>{% endfor %}' + hook), encoding="utf-8")
    build(config, cache_dir=cache)
    archive.seed("a.txt", "---\nofficials:\n  - {name: Amina Odhiambo, title: Chief Negotiator, country: KE}\n---\n"
                 + SEED_LIKE)
    build(config, cache_dir=cache)
    assert "<i>Chief Negotiator</i>" in (config.output / "index.html").read_text(encoding="utf-8")
    build(config.with_overrides(output=tmp_path / "clean"), clean=True)
    same_trees(config.output, tmp_path / "clean")


def test_a_store_written_with_another_key_is_not_trusted(archive, tmp_path, monkeypatch):
    import generator.gather as gather_module
    config, cache = setup(archive)
    monkeypatch.setenv("BRIEFINGS_STORE_KEY", str(tmp_path / "key-a"))
    build(config, cache_dir=cache)
    monkeypatch.setenv("BRIEFINGS_STORE_KEY", str(tmp_path / "key-b"))  # another user's copy of the cache
    seen = []
    real = gather_module.extract
    monkeypatch.setattr(gather_module, "extract", lambda raw, reg: seen.append(raw.path) or real(raw, reg))
    result = build(config, cache_dir=cache)
    assert len(seen) == len(ARTICLES) and result.rendered == result.pages


def test_a_text_only_edit_makes_no_site_graph_and_reads_no_kept_briefing(archive, tmp_path, monkeypatch):
    """A body edit leaves every briefing's metadata as it was (the frame): no graph is made and no
    kept extraction is read; the edited page is planned from its context as the store kept it
    (one context read), only it is rendered, and the site still equals a clean build, the other
    seeds' warnings included."""
    import generator.build as build_module
    from generator.store import Store
    config, cache = setup(archive)
    archive.seed("warn.txt", "---\ntitel: x\n---\n" + SEED_LIKE.replace("2022-05-10", "2022-07-01"))
    build(config, cache_dir=cache)
    made, read, contexts = [], [], []
    real_site, real_rows, real_context = build_module.build_site, Store.briefings, Store.load_context
    monkeypatch.setattr(build_module, "build_site", lambda *a, **k: made.append(1) or real_site(*a, **k))
    monkeypatch.setattr(Store, "briefings", lambda self, keys: read.append(len(keys)) or real_rows(self, keys))
    monkeypatch.setattr(Store, "load_context", lambda self, key: contexts.append(key) or real_context(self, key))
    archive.seed("a.txt", SEED_LIKE.replace("between universities", "between their universities"))
    warm = build(config, cache_dir=cache)
    assert made == [] and read == [] and len(contexts) == 1 and warm.rendered == 1
    clean = build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    same_trees(config.output, tmp_path / "clean")
    assert [str(n) for n in warm.notices] == [str(n) for n in clean.notices] and "titel" in str(warm.notices)
    # a kept context gone (or not signed with this user's key): the build plans every page anew
    from conftest import store_sql
    store_sql(cache, "UPDATE contexts SET mac = 'x'")
    made.clear()
    archive.seed("a.txt", SEED_LIKE.replace("between universities", "between all their universities"))
    build(config, cache_dir=cache)
    assert made == [1]
    build(config.with_overrides(output=tmp_path / "clean1"), cache_dir=tmp_path / "other1", clean=True)
    same_trees(config.output, tmp_path / "clean1")
    # an edit to what lists show (the date) makes the graph again, from every briefing
    made.clear(), read.clear()
    archive.seed("a.txt", SEED_LIKE.replace("2022-05-10", "2022-05-12"))
    build(config, cache_dir=cache)
    assert made == [1] and read and read[-1] == len(ARTICLES) + 1  # every seed, warn.txt and the edited one too
    build(config.with_overrides(output=tmp_path / "clean2"), cache_dir=tmp_path / "other2", clean=True)
    same_trees(config.output, tmp_path / "clean2")


def test_the_extractors_tables_are_kept_and_read_back_not_made_again(archive, tmp_path, monkeypatch):
    """Making the extractor's tables costs a fifth of a second before the first seed of a build can
    be extracted: a build that extracts a new seed reads back the tables the last one kept."""
    import pytest
    import generator.registry as registry_module
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    monkeypatch.setattr(registry_module, "_tables", lambda *args: pytest.fail("the tables were made again"))
    archive.seed("g.txt", SEED_LIKE.replace("2022-05-10", "2022-06-11").replace("Nairobi", "Mombasa"))
    result = build(config, cache_dir=cache)
    assert not result.errors, result.errors
    monkeypatch.undo()
    build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    same_trees(config.output, tmp_path / "clean")
