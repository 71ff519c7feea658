"""Full-text search: Pagefind run over the new site's briefing pages, in shards, written as part of the site.

Pagefind (the `pagefind[bin]` dependency, a Rust program shipped in a wheel) reads HTML and
writes a static index that its own JavaScript queries in the browser: every word of what a
template marks with `data-pagefind-body`, and the filters, metadata and sort keys the template
marks with `data-pagefind-filter`, `-meta` and `-sort`. The briefing pages are what is indexed.

Pagefind is not incremental: it reads every page it is given, about 1.3 ms of CPU each. So the
briefings are indexed in *shards*, each a Pagefind bundle of its own over the briefings of one
stretch of time, and a shard is made again only when one of its pages changed. Shards are
found by splitting time: the whole archive is one shard while it has at most SHARD_PAGES
briefings; else each decade is, or, when a decade has more, each year, half-year, quarter,
month and last day (a day is never split). A briefing's shard follows from its date and the
counts of its own stretch of time only, so an edit, an added or a removed briefing changes
the shards of its own stretch and no other. The search page merges them with Pagefind's
`mergeIndex`; since a shard is one stretch of time, a list newest first is the shards newest
first, each in its own order (static/search.js).

The bundle: the oldest shard is Pagefind's primary bundle, in `pagefind/` with Pagefind's
JavaScript and WebAssembly; every other shard is in `pagefind/<shard>/`, its index alone;
`pagefind/shards.json` lists them, newest first. Each shard is a reuse point of its own, like
a page: its digest (`shard_digest`) covers its name, its place, the Pagefind binary and each of
its pages' digests; it is recorded as the digest of each of its files. A shard whose digest is
the recorded one and whose files are as the last build left them is kept without Pagefind.

Pagefind reads a folder: each shard gets a scratch folder of hard links to its pages, inside
what the writer owns (the staging folder, or the output folder for a build that changes files
in place), under `.pagefind.new-PID` so that `guard` removes it if the build is killed. It
runs in that folder, with no `PAGEFIND_*` variables, so no configuration file or variable of
the user's changes what it writes: its output is a function of the pages. Shards are indexed
in as many Pagefind processes at once as the build has workers.

A build may leave search behind (`defer`, for the live preview, which must not wait for it):
then the bundle the last build left is kept as it is, recorded with its old digests, the
build's inputs are recorded as BEHIND + the inputs (so no build takes the site to be up to
date), and `catch_up` brings the bundle up to date afterwards, over the pages as written.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from generator.errors import BriefingError
from generator.parallel import die_with

BUNDLE = "pagefind/"  # the bundle's folder in the site, as the templates load it
MANIFEST = BUNDLE + "shards.json"  # the shards, newest first, for static/search.js
SHARD_PAGES = 250  # the most briefings a shard holds, unless they are all of one day
BEHIND = "search-behind:"  # a record's inputs while the search bundle is behind its pages
INDEX_FILES = ("index/", "filter/", "fragment/")  # with the entry and meta files: a shard's own index


def executable() -> Path:
    """The Pagefind binary that `pagefind[bin]` installs (the `pagefind_bin` package)."""
    try:
        import pagefind_bin
        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise BriefingError(f"search: Pagefind is not installed ({exc}); "
                            "install it with: pip install 'pagefind[bin]'") from None


def tool_digest() -> str:
    """Digest of the Pagefind binary (an upgrade of it changes the bundle): part of every
    build's inputs, so a build with nothing else changed still sees it."""
    with open(executable(), "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


# ------------------------------------------------------------------ shards
# Each level splits a stretch of time into the next one's: (name of the part a date is in, its first day).
def _decade(d: date) -> tuple[str, date]:
    return f"{d.year // 10 * 10}s", date(d.year // 10 * 10, 1, 1)


def _year(d: date) -> tuple[str, date]:
    return f"{d.year}", date(d.year, 1, 1)


def _half(d: date) -> tuple[str, date]:
    h = (d.month - 1) // 6
    return f"{d.year}-h{h + 1}", date(d.year, 6 * h + 1, 1)


def _quarter(d: date) -> tuple[str, date]:
    q = (d.month - 1) // 3
    return f"{d.year}-q{q + 1}", date(d.year, 3 * q + 1, 1)


def _month(d: date) -> tuple[str, date]:
    return f"{d.year}-{d.month:02d}", date(d.year, d.month, 1)


def _day(d: date) -> tuple[str, date]:
    return d.isoformat(), d


LEVELS = (_decade, _year, _half, _quarter, _month, _day)


@dataclass(frozen=True)
class Shard:
    """One Pagefind bundle: the briefing pages of one stretch of time."""

    key: str                          # its name: "all", "2010s", "2019", "2019-h2", "2019-q3", "2019-07", "2019-07-14"
    start: date                       # the first day of its stretch (its oldest briefing's, for "all")
    pages: tuple[tuple[str, str], ...]  # (output file, page digest), sorted
    primary: bool = False             # the oldest shard: Pagefind's primary bundle, with its JavaScript

    @property
    def folder(self) -> str:
        return BUNDLE if self.primary else f"{BUNDLE}{self.key}/"


def plan_shards(pages: Iterable[tuple[str, str, date]], limit: int | None = None) -> list[Shard]:
    """The shards of the briefing pages (output file, page digest, the briefing's date), newest first."""
    limit = limit or SHARD_PAGES
    pages = sorted(pages)
    if not pages:
        return []
    found: list[tuple[date, str, list]] = []

    def split(key: str, start: date, members: list, level: int) -> None:
        if len(members) <= limit or level == len(LEVELS):
            found.append((start, key, members))
            return
        parts: dict[str, tuple[date, list]] = {}
        for page in members:
            name, first = LEVELS[level](page[2])
            parts.setdefault(name, (first, []))[1].append(page)
        for name, (first, part) in parts.items():
            split(name, first, part, level + 1)

    split("all", min(p[2] for p in pages), pages, 0)
    found.sort(key=lambda f: f[0], reverse=True)  # stretches of time do not overlap
    oldest = len(found) - 1
    return [Shard(key, start, tuple((rel, digest) for rel, digest, _ in members), i == oldest)
            for i, (start, key, members) in enumerate(found)]


def shard_digest(shard: Shard, tool: str) -> str:
    """Digest of what a shard's files are made of: its name and place, the tool, its pages."""
    h = hashlib.sha256(f"{tool}\0{shard.key}\0{shard.primary}".encode())
    for rel, digest in shard.pages:
        h.update(f"\0{rel}\0{digest}".encode())
    return h.hexdigest()


def manifest(shards: list[Shard], filters: dict | None = None) -> bytes:
    """`pagefind/shards.json`: the shards newest first, which one is in `pagefind/` itself, and
    every filter's values with their counts over all shards (what Pagefind's `filters()` would
    give, without the search page fetching every shard's filter files to learn it)."""
    primary = next((s.key for s in shards if s.primary), None)
    return json.dumps({"version": 1, "primary": primary, "shards": [s.key for s in shards],
                       "filters": filters or {}}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode()


def filter_counts(paths: Iterable[str], counts: dict | None = None) -> dict[str, dict[str, int]]:
    """The pages of each value of each filter, summed over the filter files at `paths` (added to
    `counts`, when given)."""
    counts = {} if counts is None else counts
    for path in paths:
        name, values = _read(Path(path))
        mine = counts.setdefault(name, {})
        for value, pages, *_ in values:
            mine[value] = mine.get(value, 0) + len(pages)
    return counts


# ------------------------------------------------------------------ running Pagefind
_WRAPPER: list = []  # [the command that starts Pagefind tied to this process, or None], once found


def _tied_to_parent() -> list[str] | None:
    """util-linux's `setpriv --pdeathsig KILL --`, when this Linux has one that knows the option:
    Pagefind then dies with the build without `preexec_fn`, which makes Python fork the whole
    build (20 ms at 10,000 seeds) where a plain start is a fraction of a millisecond."""
    if not _WRAPPER:
        tool = shutil.which("setpriv") if sys.platform.startswith("linux") else None
        found = None
        if tool:
            try:
                said = subprocess.run([tool, "--help"], stdin=subprocess.DEVNULL, capture_output=True, timeout=10)
                if b"--pdeathsig" in said.stdout:  # (busybox's setpriv has no such option)
                    found = [tool, "--pdeathsig", "KILL", "--"]
            except (OSError, subprocess.SubprocessError):
                pass
        _WRAPPER.append(found)
    return _WRAPPER[0]


def start_pagefind(pages: Iterable[tuple[str, str]], scratch: Path) -> subprocess.Popen:
    """Start Pagefind over `pages` (output file, where its bytes are now) in `scratch`; see finish_pagefind."""
    tool = executable()
    site = scratch / "site"
    made: set[str] = set()
    for rel, path in pages:
        target = os.path.join(site, rel)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)
    os.makedirs(site, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    try:
        with open(scratch / "log", "wb") as log:
            argv = [str(tool), "--site", "site", "--output-path", "bundle", "--quiet"]
            tied = _tied_to_parent()
            if tied:  # (in a process group of its own: the terminal's Ctrl-C goes to the build alone)
                return subprocess.Popen(tied + argv, cwd=scratch, env=env, stdin=subprocess.DEVNULL,
                                        stdout=log, stderr=subprocess.STDOUT, process_group=0)
            return subprocess.Popen(argv, cwd=scratch, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT,
                                    preexec_fn=partial(die_with, os.getpid()) if os.name == "posix" else None)
    except OSError as exc:
        raise BriefingError(f"search: Pagefind could not be started: {exc.strerror or exc}", tool) from None


def finish_pagefind(proc: subprocess.Popen, scratch: Path) -> Path:
    """Wait for a Pagefind that start_pagefind started; return the folder holding its bundle, put
    in one order. Raises BriefingError naming what failed."""
    status = proc.wait()
    bundle = scratch / "bundle"
    if status != 0 or not (bundle / "pagefind.js").is_file():
        said = (scratch / "log").read_bytes().decode("utf-8", "replace").strip().splitlines()[-5:]
        raise BriefingError(f"search: Pagefind failed (exit status {status}): "
                            + (" / ".join(said) or "it wrote no pagefind.js"), executable())
    try:
        canonical(bundle)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:  # a Pagefind that writes another format
        raise BriefingError(f"search: the bundle Pagefind wrote is not of the form this version of "
                            f"briefings knows ({exc}); use pagefind 1.x", executable()) from None
    return bundle


def run_pagefind(pages: Iterable[tuple[str, str]], scratch: Path) -> Path:
    """Index `pages` (output file, where its bytes are now) with Pagefind in `scratch`; return
    the folder holding the bundle."""
    scratch.mkdir(parents=True, exist_ok=True)
    proc = start_pagefind(pages, scratch)
    try:
        return finish_pagefind(proc, scratch)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


class Stopped(Exception):
    """The caller asked the search step to stop (a preview with newer changes to build)."""


def _index(jobs: list[tuple[Shard, list[tuple[str, str]]]], scratch: Path, workers: int,
           stop: Callable[[], bool] | None, progress, started: Callable[[], object] = lambda: None) -> list[Path]:
    """Run Pagefind for each (shard, its pages as (output file, where its bytes are)), `workers`
    at a time; returns each shard's bundle folder, in order. `started()` is called once the
    first ones run."""
    bundles: list[Path | None] = [None] * len(jobs)
    running: list[tuple[int, subprocess.Popen, Path]] = []
    todo = list(range(len(jobs)))
    done = 0
    try:
        while todo or running:
            while todo and len(running) < max(1, workers):
                if stop is not None and stop():
                    raise Stopped
                i = todo.pop(0)
                folder = scratch / str(i)
                folder.mkdir(parents=True)
                running.append((i, start_pagefind(jobs[i][1], folder), folder))
            started()
            i, proc, folder = running[0]
            while stop is not None and proc.poll() is None:  # a change to build: stop at once
                if stop():
                    raise Stopped
                try:
                    proc.wait(0.02)
                except subprocess.TimeoutExpired:
                    pass
            running.pop(0)
            bundles[i] = finish_pagefind(proc, folder)
            done += 1
            if progress:
                progress("indexing for search", done, len(jobs))
    finally:
        for _, proc, _ in running:  # an error or an interruption: the others stop too
            if proc.poll() is None:
                proc.kill()
            proc.wait()
    return bundles


# ------------------------------------------------------------------ the search step
@dataclass
class Bundle:
    """What the search step put in the site: each file's digest (for the record), and whether the
    bundle is behind its pages (a deferred step kept the last one)."""

    files: dict[str, str] = field(default_factory=dict)
    kept: set[str] = field(default_factory=set)  # its files kept as the last build left them (not written)
    behind: bool = False
    indexed: int = 0  # shards made again by Pagefind


def _index_file(rel: str) -> bool:
    """Whether a file of a Pagefind bundle (relative to it) is its index rather than Pagefind's program."""
    return rel == "pagefind-entry.json" or rel.endswith(".pf_meta") or rel.startswith(INDEX_FILES)


def write_bundle(writer, pages: list[tuple[str, str, date]], tool: str, record, there: set[str],
                 progress: Callable[[str, int, int], None] | None = None, *, defer: bool = False,
                 workers: int = 1, stop: Callable[[], bool] | None = None,
                 meanwhile: Callable[[], None] | None = None) -> Bundle:
    """Put the search bundle into the new site (`pages`: each briefing page's output file, page
    digest and date; `tool`: the tool_digest()): each shard kept from the last build when its
    digest is unchanged and its files are intact, else made again by Pagefind. With `defer`, a
    bundle that needs Pagefind is not made: the last one stays as it is (see the module's text).
    `meanwhile` (the caller's other work) runs in a thread once Pagefind runs, or at once when
    it does not; its failure is raised here."""
    with ThreadPoolExecutor(2) as pool:  # (an error waits for the threads, then goes on up)
        other = []

        def started() -> None:
            if meanwhile is not None and not other:
                other.append(pool.submit(meanwhile))
        result = _write_bundle(writer, pages, tool, record, there, progress, defer, workers, stop, pool, started)
        started()
        if other:
            other[0].result()
        return result


def _write_bundle(writer, pages, tool, record, there, progress, defer, workers, stop, pool, started) -> Bundle:
    shards = plan_shards(pages)
    by_digest: dict[str, list[str]] = {}
    for rel, (digest, _, _) in record.files.items():
        if rel.startswith(BUNDLE) and digest is not None:
            by_digest.setdefault(digest, []).append(rel)
    digests = [shard_digest(s, tool) for s in shards]
    kept = [bool(by_digest.get(d)) and all(rel in there for rel in by_digest[d]) for d in digests]  # (`there`: stat)
    result = Bundle()
    if defer and not all(kept):
        for rel, (digest, _, _) in record.files.items():  # the last bundle, as it is
            if rel.startswith(BUNDLE) and rel in there and writer.keep(rel):
                result.files[rel] = digest
                result.kept.add(rel)
        result.behind = True
        return result
    for shard, digest, keep in zip(shards, digests, kept):
        if keep:
            writer.keep_all(by_digest[digest])  # (found intact: `there`)
            result.files.update(dict.fromkeys(by_digest[digest], digest))
            result.kept.update(by_digest[digest])
    # the kept shards' filter files are read while Pagefind indexes the others: once it runs, not
    # before (a thread that holds the GIL makes each of the folders Pagefind is given wait for it)
    kept_filters = [writer.current(rel) for rel in sorted(result.files) if rel.endswith(".pf_filter")]
    counting: list = []

    def running() -> None:
        if not counting:
            counting.append(pool.submit(filter_counts, kept_filters))
        started()
    _index_stale(writer, shards, digests, kept, result, workers, stop, progress, running)
    running()
    try:
        made = [writer.current(rel) for rel in sorted(result.files) if rel.endswith(".pf_filter")]
        filters = filter_counts(sorted(set(made) - set(kept_filters)), counting[0].result())
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
        raise BriefingError(f"search: a filter file of the bundle could not be read ({exc})") from None
    listing = manifest(shards, filters)
    writer.add(MANIFEST, listing)
    result.files[MANIFEST] = hashlib.sha256(listing).hexdigest()
    return result


def _index_stale(writer, shards: list[Shard], digests: list[str], kept: list[bool], result: Bundle, workers: int,
                 stop, progress, started: Callable[[], object] = lambda: None) -> None:
    """Pagefind over each shard not kept; its files put into the new site and `result`."""
    stale = [(s, d) for s, d, k in zip(shards, digests, kept) if not k]
    if stale:
        scratch = writer.scratch / f".pagefind.new-{os.getpid()}"
        shutil.rmtree(scratch, ignore_errors=True)
        try:
            jobs = [(s, [(rel, writer.current(rel)) for rel, _ in s.pages]) for s, _ in stale]
            if progress:
                progress("indexing for search", 0, len(jobs))
            bundles = _index(jobs, scratch, workers, stop, progress, started)
            for (shard, digest), bundle in zip(stale, bundles):
                for folder, _, files in os.walk(bundle):
                    for name in sorted(files):
                        path = os.path.join(folder, name)
                        inner = os.path.relpath(path, bundle).replace(os.sep, "/")
                        if not shard.primary and not _index_file(inner):
                            continue  # Pagefind's program: the primary bundle's copy serves every shard
                        with open(path, "rb") as fh:
                            writer.add(shard.folder + inner, fh.read())
                        result.files[shard.folder + inner] = digest
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        result.indexed = len(stale)


@dataclass
class Pending:
    """A search step a build left behind (`defer`), to be done by catch_up."""

    config: object
    cache_dir: Path | None
    inputs: str                          # the build's inputs digest
    pages: list[tuple[str, str, date]]   # as write_bundle takes them
    tool: str
    workers: int = 1


def catch_up(pending: Pending, stop: Callable[[], bool] | None = None,
             progress: Callable[[str, int, int], None] | None = None) -> bool:
    """Bring the search bundle a deferred build left behind up to date, over the pages as that build
    wrote them, and record it. Returns False, changing nothing, when another build has run since,
    a page is no longer as written, or `stop()` said to stop (between two Pagefind runs)."""
    from generator import guard
    from generator.output import InPlaceWriter, not_as_left
    from generator.store import Store
    with guard.session(pending.config, pending.cache_dir) as out:
        store = Store(pending.cache_dir)
        try:
            record = store.record()
            if record.output != str(out) or record.inputs != BEHIND + pending.inputs:
                return False  # another build came since: it has its own search step
            # the bundle's files and the pages to index that are as the record has them
            wanted = {rel for rel, _, _ in pending.pages}.union(r for r in record.files if r.startswith(BUNDLE))
            there = wanted - not_as_left(out, record.files, wanted)
            if not all(rel in there for rel, _, _ in pending.pages):
                return False  # a page is not as the build wrote it: the next build sees to it
            writer = InPlaceWriter(out, set(record.files))
            writer.keep_all(rel for rel in record.files if not rel.startswith(BUNDLE))
            try:
                bundle = write_bundle(writer, pending.pages, pending.tool, record, there, progress,
                                      workers=pending.workers, stop=stop)
                writer.finish()
            except Stopped:
                writer.abort()
                return False
            except BaseException:
                writer.abort()
                raise
            files = {rel: v for rel, v in record.files.items() if not rel.startswith(BUNDLE)}
            for rel, digest in sorted(bundle.files.items()):
                st = os.stat(os.path.join(out, rel))
                files[rel] = [digest, st.st_size, st.st_mtime_ns]
            store.save_record(replace(record, inputs=pending.inputs, files=files))
            store.commit()
            return True
        finally:
            store.close()


# ------------------------------------------------------------------ one bundle for one site
# Pagefind writes each filter's values, and the list of filters, in the order of a Rust hash
# map, which differs from run to run: two runs over the same pages give bundles that search
# alike but differ in bytes. The bundle is therefore put in one order here: every filter's
# values sorted, its file named by the digest of its contents, and the index's metadata file
# (which names the filter files) and the entry file (which names the metadata) written again.
# Pagefind's files are gzip-compressed CBOR after a signature; names are only names to its
# JavaScript, which reads what the entry and metadata files point at.

SIGNATURE = b"pagefind_dcd"


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for ai, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | ai]) + n.to_bytes(size, "big")
    raise ValueError(f"CBOR length too large: {n}")


def cbor_decode(data: bytes, pos: int = 0):
    """One CBOR item (the kinds Pagefind writes: integers, strings, arrays) and where it ends."""
    b = data[pos]
    major, ai = b >> 5, b & 31
    pos += 1
    if ai < 24:
        n = ai
    elif ai <= 27:
        size = 1 << (ai - 24)
        n, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
    else:
        raise ValueError(f"unexpected CBOR item {b:#x}")
    if major == 0:
        return n, pos
    if major == 1:
        return -1 - n, pos
    if major == 2:
        return bytes(data[pos:pos + n]), pos + n
    if major == 3:
        return data[pos:pos + n].decode("utf-8"), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = cbor_decode(data, pos)
            items.append(item)
        return items, pos
    raise ValueError(f"unexpected CBOR major type {major}")


def cbor_encode(value) -> bytes:
    if isinstance(value, int) and not isinstance(value, bool):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    raise ValueError(f"cannot encode {type(value).__name__} as CBOR")


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind file")
    value, end = cbor_decode(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path.name}: trailing bytes")
    return value


def _write(path: Path, value) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + cbor_encode(value), mtime=0))


def _named(lang: str, value, width: int) -> str:
    return f"{lang}_{hashlib.sha256(cbor_encode(value)).hexdigest()[:width]}"


def canonical(bundle: Path) -> None:
    """Put a bundle Pagefind wrote in one order (see above), in place."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        version, pages, chunks, filters, sorts, fields = meta
        renamed = []
        for name, old in filters:
            path = bundle / "filter" / f"{old}.pf_filter"
            fname, values = _read(path)
            value = [fname, sorted(values, key=lambda v: v[0])]
            new = _named(lang, value, 7)
            path.unlink()
            _write(bundle / "filter" / f"{new}.pf_filter", value)
            renamed.append([name, new])
        meta = [version, pages, chunks, sorted(renamed), sorted(sorts, key=lambda s: s[0]), sorted(fields)]
        info["hash"] = _named(lang, meta, 10)
        meta_path.unlink()
        _write(bundle / f"pagefind.{info['hash']}.pf_meta", meta)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                          encoding="utf-8")
