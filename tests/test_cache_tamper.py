"""The cache folder is never trusted: whatever is written over any file in it, `briefings build`
neither crashes nor runs code from it nor touches files outside the site, and builds what a
clean build builds.

Written without knowing the cache's file names or formats: every file found in the cache folder
after a normal build is tampered with in turn, and the build is run four times: with the inputs
unchanged, after a typo is fixed in one article's body, after an edit that changes what the
lists show, and after an override of the base template (every page is rendered again, from
whatever the cache still holds). Each time the site must equal a clean build of the same inputs.
"""
import json
import os
import pickle
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from generator.build import build
from generator.cli import main

import changes

# the two edits made after tampering, each to one of changes.SEEDS (text -> new text)
TYPO = ("roy-asante.txt", ("over the next three years", "over the next thre years"))  # body only
LEDE = ("lindqvist-rojas.txt", ("to discuss lithium", "to dicsuss lithium"))          # the summary
PROBLEMS = ("crashed", "ran code from the cache", "removed or changed a file outside the site")
STATES = ("as built", "typo fixed", "lede edited", "base.html overridden")  # each adds one edit


class Run:
    """The pickle payload: unpickling it calls `call(*args)`."""

    def __init__(self, call, *args):
        self.call, self.args = call, args

    def __reduce__(self):
        return self.call, self.args


class Site:
    """An archive built once with the CLI, its cache folder and site kept, and clean builds of
    each of its STATES to compare with."""

    def __init__(self, archive, tmp_path, monkeypatch, capsys):
        self.archive, self.root, self.capsys = archive, archive.root, capsys
        changes.write_archive(self.root)
        monkeypatch.chdir(self.root)
        self.config = archive.config()
        self.out, self.cache = self.config.output, self.root / ".briefings-cache"
        self.sentinels = [tmp_path / "ran-os-system", tmp_path / "ran-path-touch"]
        # files the program did not make, outside the output folder, with their bytes
        self.victims = {tmp_path / "outside" / "victim.txt": b"not the program's\n",
                        tmp_path / "elsewhere" / "victim": b"not the program's either\n",
                        self.root / "site.yaml": (self.root / "site.yaml").read_bytes()}
        self.put_back_victims()
        self.seeds = {p.name: p.read_bytes() for p in (self.root / "seeds").iterdir()}
        self.clean = {}
        for state in STATES:
            self.edit(state)
            folder = tmp_path / f"clean-{len(self.clean)}"
            build(self.config.with_overrides(output=folder / "site"), cache_dir=folder / "cache", clean=True)
            self.clean[state] = folder / "site"
        self.edit("as built")
        assert self.cli() == ""
        self.kept = tmp_path / "kept"
        shutil.copytree(self.cache, self.kept / "cache", symlinks=True)
        shutil.copytree(self.out, self.kept / "site", symlinks=True)
        self.files = sorted(p.relative_to(self.cache) for p in self.cache.rglob("*") if p.is_file())
        assert self.files, "the build kept nothing in its cache folder"

    def edit(self, state: str) -> None:
        """The archive in one of STATES."""
        step = STATES.index(state)
        for name, data in self.seeds.items():
            text = data.decode("utf-8")
            for edit_name, (old, new) in [TYPO, LEDE][:step]:
                if name == edit_name:
                    assert old in text
                    text = text.replace(old, new)
            path = self.root / "seeds" / name
            if path.read_bytes() != text.encode("utf-8"):
                path.write_text(text, encoding="utf-8")
        base = self.root / "templates" / "base.html"
        if step < 3:
            base.unlink(missing_ok=True)
        elif not base.exists():
            base.parent.mkdir(exist_ok=True)
            base.write_text((changes.THEME / "base.html").read_text(encoding="utf-8").replace(
                "<head>\n", "<head>\n<!-- the archive's own base template -->\n", 1), encoding="utf-8")

    def cli(self) -> str:
        """`briefings build` in the archive's folder: '' when it exited 0 without a traceback,
        else what went wrong."""
        code = main(["build"])
        out, err = self.capsys.readouterr()
        if code != 0 or "Traceback" in err or "internal error" in err:
            return f"exit status {code}: {err.strip()[-300:]}"
        return ""

    def restore(self) -> None:
        self.edit("as built")
        for folder in (self.cache, self.out):
            if folder.is_symlink() or folder.is_file():
                folder.unlink()
            elif folder.exists():
                shutil.rmtree(folder)
        shutil.copytree(self.kept / "cache", self.cache, symlinks=True)
        shutil.copytree(self.kept / "site", self.out, symlinks=True)

    def problems(self) -> list[str]:
        """Build in each state of the inputs in turn; what went wrong (nothing, on a sound build)."""
        found = []
        for state in STATES:
            self.edit(state)
            crash = self.cli()
            ran = [s.name for s in self.sentinels if s.exists()]
            gone = [f"{v.parent.name}/{v.name}" for v, data in self.victims.items()
                    if not v.is_file() or v.read_bytes() != data]
            difference = None if crash else changes.tree_difference(self.out, self.clean[state], excerpt=6)
            for what, bad in zip(PROBLEMS + ("",), (crash, ran, gone, difference)):
                if bad:
                    found.append(f"{state}: {what}{': ' if what else ''}{bad}")
            for sentinel in self.sentinels:
                sentinel.unlink(missing_ok=True)
            self.put_back_victims()
        return found

    def put_back_victims(self) -> None:
        for victim, data in self.victims.items():
            if victim.is_symlink() or not victim.is_file() or victim.read_bytes() != data:
                victim.unlink(missing_ok=True)
                victim.parent.mkdir(exist_ok=True)
                victim.write_bytes(data)

    def paths(self, kind: str) -> list[str]:
        """Paths of the victims that a cache might name: relative to the output folder and to the
        cache folder (all of them existing files there), or absolute."""
        if kind == "absolute":
            return [str(victim) for victim in self.victims]
        return sorted({os.path.relpath(victim, start) for victim in self.victims for start in (self.out, self.cache)})


@pytest.fixture
def site(archive, tmp_path, monkeypatch, capsys):
    return Site(archive, tmp_path, monkeypatch, capsys)


def first_problem(what: str, found: list[str]) -> list[str]:
    """For a tampered file, the first problem of each kind (crash, code run, outside file
    touched, different site) and in how many states of the inputs it showed."""
    kinds: dict[str, list[str]] = {}
    for problem in found:
        kind = problem.split(": ", 2)[1] if problem.split(": ", 2)[1] in PROBLEMS else "site differs"
        kinds.setdefault(kind, []).append(problem)
    return [f"{what}: {same[0]}" + (f" (and in {len(same) - 1} more states)" if len(same) > 1 else "")
            for same in kinds.values()]


def evil_pickle(site) -> bytes:
    return pickle.dumps([Run(os.system, f"touch '{site.sentinels[0]}'"), Run(Path.touch, site.sentinels[1])])


def truncated_sqlite(tmp: Path) -> bytes:
    """A real SQLite file with a table of rows, cut in half."""
    db = tmp / "whole.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE t (key TEXT PRIMARY KEY, data BLOB)")
        conn.executemany("INSERT INTO t VALUES (?, ?)", [(str(i), os.urandom(300)) for i in range(100)])
    data = db.read_bytes()
    db.unlink()
    return data[:len(data) // 2]


def _json(data: bytes):
    try:
        return json.loads(data)
    except ValueError:
        return None


def wrong_shape(value):
    """The same JSON with every text, list and null of another type (numbers, which may say a
    format's version, are kept)."""
    if isinstance(value, dict):
        return {k: wrong_shape(v) for k, v in value.items()} or [1]
    if isinstance(value, list):
        return {str(i): wrong_shape(v) for i, v in enumerate(value)} or "list"
    if isinstance(value, str):
        return [value]
    if value is None:
        return {"x": []}
    return value


def with_paths(value, paths, replace_values: bool):
    """The same JSON naming paths outside the site: added to every mapping (with a sibling's value)
    and list, or (replace_values) put in place of every text."""
    if isinstance(value, dict):
        new = {k: with_paths(v, paths, replace_values) for k, v in value.items()}
        sibling = next(iter(value.values()), paths[0])
        new.update((p, paths[0] if replace_values else sibling) for p in paths)
        return new
    if isinstance(value, list):
        return [with_paths(v, paths, replace_values) for v in value] + paths
    if isinstance(value, str) and replace_values:
        return paths[len(value) % len(paths)]
    return value


def pickles_in_rows(original: bytes, payload: bytes, tmp: Path) -> bytes | None:
    """A SQLite file (None for any other) with every blob in every table replaced by payload."""
    if not original.startswith(b"SQLite format 3\0"):
        return None
    db = tmp / "rows.sqlite"
    db.write_bytes(original)
    with sqlite3.connect(db) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE typeof("{column}") = \'blob\'', (payload,))
    data = db.read_bytes()
    db.unlink()
    return data


def tampered(kind: str, original: bytes, index: int, site, tmp: Path) -> bytes | None:
    """What is written over a cache file whose bytes were `original` (None: not applicable)."""
    parsed = _json(original)
    if kind == "random garbage bytes":
        return random.Random(index).randbytes(max(64, len(original)))
    if kind == "pickle that runs code":
        return evil_pickle(site)
    if kind == "pickle in every blob of its SQLite rows":
        return pickles_in_rows(original, evil_pickle(site), tmp)
    if kind == "JSON of the wrong shape":
        return json.dumps(wrong_shape(parsed) if parsed is not None else [1, "a", None, {"b": []}]).encode()
    if kind.startswith("JSON with"):
        paths = site.paths("absolute" if "absolute" in kind else "relative")
        doc = parsed if parsed is not None else {p: p for p in paths}
        return json.dumps(with_paths(doc, paths, kind.endswith("texts"))).encode()
    if kind == "truncated SQLite file":  # the file itself cut in half, if it is one
        return original[:len(original) // 2] if original.startswith(b"SQLite format 3\0") else truncated_sqlite(tmp)
    if kind == "empty file":
        return b""
    raise AssertionError(kind)


KINDS = ["random garbage bytes", "pickle that runs code", "pickle in every blob of its SQLite rows",
         "JSON of the wrong shape", "JSON with relative outside paths added",
         "JSON with absolute outside paths added", "JSON with outside paths for its texts",
         "truncated SQLite file", "empty file"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_tampered_cache_file_is_never_trusted(site, tmp_path, kind):
    failures, tried = [], 0
    for index, rel in enumerate(site.files):
        site.restore()
        path = site.cache / rel
        data = tampered(kind, path.read_bytes(), index, site, tmp_path)
        if data is None:
            continue
        tried += 1
        path.write_bytes(data)
        failures += first_problem(rel, site.problems())
    assert tried, f"no cache file is of a kind that {kind!r} applies to"
    if failures:
        pytest.fail(f"{kind} written over each of {tried} cache files:\n" + "\n".join(failures))


def test_the_untampered_cache_gives_the_clean_build(site):
    """The controls: without tampering, each build equals its clean build; the payload does run
    code when unpickled; the relative paths do lead from the output and cache folders to the victims."""
    site.restore()
    assert site.problems() == []
    pickle.loads(evil_pickle(site))
    assert all(sentinel.exists() for sentinel in site.sentinels)
    victims = {victim.resolve() for victim in site.victims}
    for path in site.paths("relative"):
        assert (site.out / path).resolve() in victims or (site.cache / path).resolve() in victims, path


def test_a_pickle_after_a_files_own_header_runs_no_code(site):
    """Every cache file at once keeps its first 1, 2, ... 16 bytes (a format's magic number) and
    then holds a pickle that runs code: a format that checks its header and then unpickles must not."""
    failures = []
    for header in range(1, 17):
        site.restore()
        for rel in site.files:
            path = site.cache / rel
            path.write_bytes(path.read_bytes()[:header] + evil_pickle(site))
        found = site.problems()
        if found:  # which files: each alone
            failures += first_problem(f"first {header} bytes of every file kept", found)
            for rel in site.files:
                site.restore()
                path = site.cache / rel
                path.write_bytes(path.read_bytes()[:header] + evil_pickle(site))
                failures += first_problem(f"first {header} bytes of {rel} kept", site.problems())
    if failures:
        pytest.fail("\n".join(failures))


def test_cache_files_that_are_links_to_files_outside_are_not_written_through(site):
    """Each cache file in turn a symbolic link to a file outside the site: no build may change it."""
    failures = []
    for rel in site.files:
        site.restore()
        path = site.cache / rel
        path.unlink()
        path.symlink_to(next(iter(site.victims)))
        failures += first_problem(rel, site.problems())
    if failures:
        pytest.fail("\n".join(failures))


def test_a_kept_context_is_read_only_when_signed_and_makes_only_the_kept_classes(tmp_path):
    """A briefing page's context, kept by its digest, is read back only when the HMAC verifies for
    that digest, and then by the unpickler that makes only the kept classes."""
    import datetime
    from generator.store import Store

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'ran'}",))

    store = Store(tmp_path / "cache")
    try:
        store.save_contexts([("digest-a", {"day": datetime.date(2020, 1, 2)})])
        assert store.load_context("digest-a") == {"day": datetime.date(2020, 1, 2)}
        assert store.load_context("digest-b") is None
        evil = pickle.dumps({"x": Evil()})
        store._db().execute("UPDATE contexts SET data = ?, mac = ?", (evil, store._context_mac("digest-a", evil)))
        assert store.load_context("digest-a") is None and not (tmp_path / "ran").exists()
        other = pickle.dumps({"day": datetime.date(2021, 1, 1)})
        store._db().execute("UPDATE contexts SET data = ?, mac = ?", (other, store._context_mac("digest-b", other)))
        assert store.load_context("digest-a") is None  # signed for another digest
        store.prune_contexts({"digest-b"})
        assert store.context_keys() == set()
    finally:
        store.close()


def test_a_kept_object_is_read_only_when_signed_and_makes_only_the_kept_classes(tmp_path):
    """The store's pickled objects (the extractor's tables) are read back only when
    the HMAC verifies for the name and key asked for, and then by an unpickler that makes nothing
    but the classes kept values are made of: a signed pickle that would run code gives nothing,
    and runs nothing."""
    import datetime
    from generator.store import Store

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'ran'}",))

    store = Store(tmp_path / "cache")
    try:
        store.save_object("site", "frame-a", datetime.date(2020, 1, 2))
        assert store.load_object("site", "frame-a") == datetime.date(2020, 1, 2)
        assert store.load_object("site", "frame-b") is None  # another key: made of something else
        assert store.load_object("tables", "frame-a") is None  # another name
        evil = pickle.dumps(Evil())
        store._db().execute("UPDATE objects SET data = ?, mac = ?", (evil, store._object_mac("site", "frame-a", evil)))
        assert store.load_object("site", "frame-a") is None and not (tmp_path / "ran").exists()
        other = pickle.dumps(datetime.date(2021, 1, 1))
        store._db().execute("UPDATE objects SET data = ?, mac = ?", (other, store._object_mac("site", "frame-a", b"x")))
        assert store.load_object("site", "frame-a") is None  # bytes the signature is not for
    finally:
        store.close()


def test_a_records_rows_count_only_together_as_signed(tmp_path):
    """The record of a build is kept in three rows (the first two are written while Pagefind
    runs): the HMAC on the last covers all, so one build's head with another's other rows, or
    rows missing, is no record."""
    from generator.store import Record, Store
    store = Store(tmp_path / "cache")
    try:
        store.save_record(Record("/out", "inputs-a", {"a.html": ["d", 1, 2]}, [], 1))
        assert store.record().inputs == "inputs-a" and store.record().files == {"a.html": ["d", 1, 2]}
        head_a = store._rows("SELECT data FROM record WHERE name = 'head'")[0][0]
        files_a = store._rows("SELECT data FROM record WHERE name = 'files'")[0][0]
        store.save_record(Record("/out", "inputs-b", {"b.html": ["e", 3, 4]}, [], 2))
        assert store.record().inputs == "inputs-b" and store.record().briefings == 2
        store._db().execute("UPDATE record SET data = ? WHERE name = 'head'", (head_a,))
        assert store.record() == Record()
        store.save_record(Record("/out", "inputs-b", {"b.html": ["e", 3, 4]}, [], 2))
        store._db().execute("UPDATE record SET data = ? WHERE name = 'files'", (files_a,))
        assert store.record() == Record()
        store._db().execute("DELETE FROM record WHERE name = 'tail'")
        assert store.record() == Record()
    finally:
        store.close()


def test_the_extractors_tables_come_back_from_the_store(tmp_path):
    """Every class the extractor's tables are made of is one the store reads back: a class it
    refused would make each edit build the tables again (a fifth of a second) without a word."""
    from generator import gather
    from generator.registry import load_registry
    from generator.store import Store

    reg = load_registry(None)
    store = Store(tmp_path / "cache")
    try:
        gather.prepare_tables(reg, store)
        kept = store.load_object("tables", gather.tables_key(reg))
        assert type(kept) is dict and kept.keys() == reg.tables().keys()
        key = ("deputy", "minister", "of", "foreign", "affairs")
        assert kept["titles"].get(key) == reg.titles.get(key) == "strong"
        assert kept["titles"].rtrie.keys() == reg.titles.rtrie.keys()
    finally:
        store.close()
