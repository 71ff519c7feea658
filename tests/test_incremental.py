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
    (cache / "briefings.pickle").write_bytes(b"\x80\x05not a pickle")
    (cache / "pages.json").write_text("{broken", encoding="utf-8")
    (cache / "texts.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    result = build(config, cache_dir=cache)
    assert result.rendered == result.pages and not result.errors
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


def test_few_new_extractions_are_saved_as_a_delta_and_a_bad_delta_is_ignored(archive, tmp_path):
    for i in range(25):  # one edit is a new entry and a stale one: under a tenth of 25
        archive.seed(f"s{i}.txt", SEED_LIKE.replace("2022-05-10", f"2021-03-{1 + i:02d}"))
    config, cache = archive.config(), archive.root / "cache"
    build(config, cache_dir=cache)
    base = (cache / "briefings.pickle").read_bytes()
    archive.seed("s4.txt", SEED_LIKE.replace("2022-05-10", "2021-03-05").replace("universities", "schools"))
    build(config, cache_dir=cache)
    assert (cache / "briefings.pickle").read_bytes() == base and (cache / "briefings.delta.pickle").exists()
    (cache / "briefings.delta.pickle").write_bytes(b"garbage")
    archive.seed("s5.txt", SEED_LIKE.replace("2022-05-10", "2021-03-06").replace("universities", "colleges"))
    build(config, cache_dir=cache)
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


def test_texts_lost_from_the_cache_are_extracted_again(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    (cache / "texts.sqlite").unlink()
    archive.seed("a.txt", SEED_LIKE.replace("universities", "schools"))
    result = build(config, cache_dir=cache)
    assert not result.errors
    build(config.with_overrides(output=tmp_path / "clean"), clean=True)
    same_trees(config.output, tmp_path / "clean")


def test_text_only_edits_skip_the_site_graph_and_equal_a_clean_build(archive, tmp_path, monkeypatch):
    import generator.build as build_module
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    real_build_site = build_module.build_site

    def no_graph(*args, **kwargs):
        raise AssertionError("the site graph was built again for a text-only edit")

    monkeypatch.setattr(build_module, "build_site", no_graph)
    # a typo fixed in a late paragraph and a sentence added: no list shows either
    archive.seed("a.txt", SEED_LIKE.replace("between universities", "between their universities"))
    first = build(config, cache_dir=cache)
    archive.seed("d.txt", APPOSITIVE + "\n\nThe talks are to resume in the autumn.")
    second = build(config, cache_dir=cache)
    assert (first.rendered, second.rendered) == (1, 1) and not first.errors and not second.errors
    monkeypatch.setattr(build_module, "build_site", real_build_site)
    clean = build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    same_trees(config.output, tmp_path / "clean")
    # an edit that changes what lists show (the date) builds the graph again, and still equals a clean build
    archive.seed("a.txt", SEED_LIKE.replace("2022-05-10", "2022-05-12"))
    third = build(config, cache_dir=cache)
    assert third.rendered > 1
    clean = build(config.with_overrides(output=tmp_path / "clean2"), cache_dir=tmp_path / "other2", clean=True)
    assert clean.rendered == clean.pages
    same_trees(config.output, tmp_path / "clean2")


def test_a_seed_is_read_again_unless_its_size_and_time_were_recorded_well_after_it_changed(archive):
    import os
    config, cache = setup(archive)
    seed = archive.root / "seeds" / "b.txt"
    build(config, cache_dir=cache)
    # same size, same modification time, different bytes: within seconds of its hashing the
    # recorded time cannot vouch for the content (a coarse clock), so the seed is read again
    stamp = seed.stat().st_mtime_ns
    seed.write_bytes(seed.read_bytes().replace(b"on Monday", b"on Sunday"))
    os.utime(seed, ns=(stamp, stamp))
    build(config, cache_dir=cache)
    page = next((config.output / "briefings").glob("*brazil-and-argentina*")) / "index.html"
    assert "on Sunday" in page.read_text(encoding="utf-8")
    # a changed size is seen at once
    seed.write_bytes(seed.read_bytes().replace(b"on Sunday", b"on Saturday"))
    build(config, cache_dir=cache)
    assert "on Saturday" in page.read_text(encoding="utf-8")


def test_an_edited_data_file_is_read_again_not_taken_from_the_cache(archive, tmp_path):
    config, cache = setup(archive)
    build(config, cache_dir=cache)
    assert (cache / "registry.pickle").exists()  # the parsed data is kept between builds...
    (archive.root / "data").mkdir()
    (archive.root / "data" / "officials.yaml").write_text(
        "- name: Ingrid Solberg-Hansen\n  aliases: [Ingrid Solberg]\n  country: NO\n", encoding="utf-8")
    build(config, cache_dir=cache)  # ...but a changed data file is parsed again
    assert (config.output / "officials" / "ingrid-solberg-hansen" / "index.html").exists()
    assert not (config.output / "officials" / "ingrid-solberg").exists()
    build(config.with_overrides(output=tmp_path / "clean"), cache_dir=tmp_path / "other", clean=True)
    same_trees(config.output, tmp_path / "clean")
