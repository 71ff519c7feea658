"""Seeds -> briefings: read every seed, reuse kept extractions, extract the rest (in parallel)."""
from __future__ import annotations

import hashlib
import os
import time
import traceback
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from generator.codehash import module_digest, package_digest
from generator.errors import BriefingError, Notice, SourceError
from generator.markup import take_note
from generator.model import Briefing
from generator.parallel import Background, fork_map
from generator.registry import Registry
from generator.sources import find_seed_files, parse_seed, read_bytes, seed_stat, trusted_folders

Progress = Callable[[str, int, int], None]
PARALLEL_FROM = 64  # below this many extractions a process pool costs more than it saves


def __getattr__(name: str):
    """`gather.extract`, the extractor, is imported when first used: a build that extracts
    nothing (or extracts in a worker process) never loads it."""
    if name == "extract":
        from generator.extract import extract
        globals()["extract"] = extract
        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _extractor():
    return globals().get("extract") or __getattr__("extract")


@lru_cache(maxsize=None)
def extractor_digest() -> str:
    """Digest of the source of what makes a stored extraction (see codehash): this module, with
    its caps, and the extractor it imports; a changed rule or cap changes every key."""
    return module_digest("generator.gather")


def extraction_key(sha256: str, name: str, registry_fp: str) -> str:
    """The store key of one seed's extraction: the digest of everything it is made of."""
    return hashlib.sha256(f"{sha256}\0{name}\0{registry_fp}\0{extractor_digest()}".encode("utf-8", "surrogateescape")
                          ).hexdigest()


@dataclass
class Gathered:
    """Every seed's outcome, in seed order."""

    briefings: list[Briefing] = field(default_factory=list)
    errors: list[BriefingError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    keys: dict = field(default_factory=dict)     # briefing source -> its store key
    digests: dict = field(default_factory=dict)  # briefing source -> digest of its metadata (see digest.py)
    # seed name -> (store key, digest of its metadata or None, errors, notices), for every seed read
    outcomes: dict = field(default_factory=dict)
    partial: bool = False  # some briefings were not read back (extract_inputs' `known`)


MAX_OFFICIALS = 40  # per briefing: a seed listing 1,600 people would otherwise make 1,600 pages
MAX_TOPICS = 20     # that each list everyone else (264 MB of output from a 47 KB seed)


def capped(briefing: Briefing, notices: list[Notice]) -> tuple[Briefing, list[Notice]]:
    """A briefing with at most MAX_OFFICIALS officials and MAX_TOPICS topics, the first named kept,
    and a notice naming the seed for each list cut short. Links in the text to an official no
    longer listed go with them."""
    officials, topics = briefing.officials, briefing.topics
    if len(officials) <= MAX_OFFICIALS and len(topics) <= MAX_TOPICS:
        return briefing, notices
    notices = list(notices)
    for what, items, cap in (("officials", officials, MAX_OFFICIALS), ("topics", topics, MAX_TOPICS)):
        if len(items) > cap:
            notices.append(Notice(f"{len(items)} {what} found; only the first {cap} are kept", briefing.source))
    officials, topics = officials[:MAX_OFFICIALS], topics[:MAX_TOPICS]
    names = {p.name for p in officials}
    return replace(briefing, officials=officials, topics=topics,
                   mentions=tuple(m for m in briefing.mentions if m.name in names)), notices


def extract_one(state: tuple, job: tuple[str, bytes, str | None]
                ) -> tuple[Briefing | None, tuple | None, list[Notice], BriefingError | None]:
    """One seed's briefing, store row, notices and error. With a store (state = (registry,
    store)) the briefing comes without its texts, packed into a row for the store: in a worker,
    the parent need not pack them."""
    reg, store = state
    name, data, key = job
    try:
        if isinstance(data, Unread):
            data = data.read(name)
        # an analyst's note is the editor's own text, not the article's: the extractor never sees it
        raw, note, said = take_note(parse_seed(data, name))
        briefing, notices = capped(*_extractor()(raw, reg))
        if note is not None:
            briefing, notices = replace(briefing, note=note), [*notices, *said]
        if store is None:
            return briefing, None, notices, None
        slim, row, digest = store.pack(key, briefing, notices)
        return slim, (row, digest), notices, None
    except SourceError as exc:
        return None, None, [], exc
    except RecursionError:
        return None, None, [], SourceError("is too deeply nested or too repetitive to read", name)
    except Exception as exc:  # noqa: BLE001 - a defect met on one seed must cost only that seed
        return None, None, [], SourceError(f"internal error while extracting ({exc.__class__.__name__}: {exc}); "
                                           "please report it; run with --debug for details", name,
                                           detail=traceback.format_exc())


@dataclass(frozen=True)
class Unread:
    """A seed not read, as its file is what the last build read (see read_inputs): read when needed."""

    path: str
    sha256: str

    def read(self, name: str) -> bytes:
        data = read_bytes(self.path, name)
        if hashlib.sha256(data).hexdigest() != self.sha256:
            raise SourceError("changed while the build was reading it; build again", name)
        return data


@dataclass
class Inputs:
    """Every seed found, read and hashed, before any extraction."""

    items: list = field(default_factory=list)  # (name, bytes or Unread, key) or (name, None, (None, notices, error))
    digest: str = ""                            # of every seed's name and bytes (and the registry)
    # seed name -> its file's stat signature and its bytes' digest, for the next build: of the
    # seeds whose file has not changed for SETTLED_NS (see read_inputs)
    stats: dict[str, str] = field(default_factory=dict)


SETTLED_NS = 2_000_000_000  # a file's times are trusted once it has not changed for this long


def stat_signature(st: os.stat_result) -> str | None:
    """What tells a seed's file from any other, or from itself changed: device, inode, size, the
    time it was written and the time its inode changed (which no program can set back); None
    where the system gives no such time (Windows' st_ctime is when the file was made)."""
    if os.name != "posix":
        return None
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def _seed_names(seeds: Path, root: Path) -> list[tuple[str, str]]:
    """(path, name as the user knows it) for every seed: relative to the archive when inside it."""
    paths = find_seed_files(seeds)
    is_dir = seeds.is_dir()
    folder = str(seeds.resolve() if is_dir else seeds.resolve().parent)
    inside = os.path.commonpath([folder, str(root)]) == str(root)
    prefix = os.path.relpath(folder, root) if inside else folder
    base = os.path.join(str(seeds), "")
    out = []
    for path in paths:
        if not is_dir:
            inner = os.path.basename(path)
        else:  # os.walk gives paths under the folder as written: cutting is 20 times cheaper than relpath
            inner = path[len(base):] if path.startswith(base) else os.path.relpath(path, seeds)
        out.append((path, os.path.normpath(os.path.join(prefix, inner)) if not os.path.isabs(prefix) else path))
    return out


def read_inputs(seeds: Path, root: Path, registry_fp: str, progress: Progress | None = None,
                known: dict[str, str] | None = None) -> Inputs:
    """Read every seed and compute its store key; identical copies are reported, not extracted twice.

    What a seed is made of is its bytes, not its size or time. `known` (the last build's
    Inputs.stats) spares reading a seed whose file has the stat signature the last build saw, as
    git trusts its index: a file edited, replaced, swapped or moved has another inode or another
    inode-change time, which no program can set back. Only a file that had not changed for
    SETTLED_NS when it was read is kept so: an edit made within the same tick of the clock as
    the read before it (same size, same times) would otherwise go unseen."""
    out = Inputs()
    known = known or {}
    settled = time.time_ns() - SETTLED_NS
    digest = hashlib.sha256(registry_fp.encode() + extractor_digest().encode())
    by_hash: dict[str, str] = {}
    found = _seed_names(seeds, root)
    trusted, every = trusted_folders(seeds, root)
    for i, (path, name) in enumerate(found, 1):
        try:
            st = seed_stat(path, name, trusted, every)
            signature = stat_signature(st)
            last = known.get(name)
            if signature is not None and last is not None and last[:-65] == signature:
                sha = last[-64:]
                data = Unread(path, sha)
            else:
                data = read_bytes(path, name)
                sha = hashlib.sha256(data).hexdigest()
        except SourceError as exc:
            out.items.append((name, None, (None, [], exc)))
            continue
        if signature is not None and st.st_ctime_ns < settled:
            out.stats[name] = f"{signature} {sha}"
        digest.update(f"{name}\0{sha}\0".encode("utf-8", "surrogateescape"))
        if sha in by_hash:
            notice = Notice(f"identical to {by_hash[sha]}; merged into that briefing", name)
            out.items.append((name, None, (None, [notice], None)))
        else:
            by_hash[sha] = name
            out.items.append((name, data, extraction_key(sha, name, registry_fp)))
        if progress:
            progress("reading", i, len(found))
    out.digest = digest.hexdigest()
    return out


def extract_inputs(inputs: Inputs, reg: Registry, store=None, workers: int | None = None,
                   known: dict[str, tuple] | None = None) -> Gathered:
    """Briefings for every seed: from the store when it keeps its key, else extracted (in parallel).
    (start_extraction, then its result.)"""
    extraction = start_extraction(inputs, reg, store, workers)
    try:
        return extraction.result(known)
    finally:
        extraction.close()


def start_extraction(inputs: Inputs, reg: Registry, store=None, workers: int | None = None) -> "Extraction":
    """Extraction begun: a few seeds the store has no row for (an edit to a large archive) are
    extracted at once in a worker process (which builds the registry's tables for itself), while
    the caller goes on until it asks for the result."""
    return Extraction(inputs, reg, store, workers or os.cpu_count() or 1)


class Extraction:
    """Every seed's briefing, as `result` gives it.

    With a store, briefings come back without their texts (kept in the store): a build then
    holds metadata only. Seeds the store has no row for are extracted in worker processes;
    `result` reads the kept rows back, meanwhile when a worker extracts the few new ones."""

    def __init__(self, inputs: Inputs, reg: Registry, store, workers: int):
        self.inputs, self.reg, self.store, self.workers = inputs, reg, store, workers
        every = {key for _, data, key in inputs.items if data is not None}
        self.present = store.keys() & every if store is not None else set()
        self.first = [job for job in inputs.items if job[1] is not None and job[2] not in self.present]
        self.pending = None
        if workers > 1 and 0 < len(self.first) < PARALLEL_FROM and len(self.present) >= KEPT_ALONGSIDE_FROM:
            self.pending = Background(_extract_all, (reg, store, self.first))
        elif self.first and store is not None and (workers == 1 or len(self.first) < PARALLEL_FROM):
            prepare_tables(reg, store)  # extracted here
        # (many seeds: each worker makes the tables itself; it must not read the store while this
        # process writes the rows it extracts: a reader waits on a large write's lock)

    def close(self) -> None:
        """Stop a worker whose result is no longer wanted."""
        if self.pending is not None:
            self.pending.close()
            self.pending = None

    def result(self, known: dict[str, tuple] | None = None) -> Gathered:
        """Every seed's outcome. `known`: seed name -> (store key, digest of its metadata or None,
        errors, notices) of extractions the caller knows and does not want read back (build.py
        keeps the last site graph whole when nothing it is made of changed): a seed whose key is
        the known one gives only those, no briefing (the result is then `partial`)."""
        inputs, reg, store, workers = self.inputs, self.reg, self.store, self.workers
        out = Gathered()
        known = known if store is not None and known else {}
        skip = {name for name, data, key in inputs.items if data is not None and name in known and known[name][0] == key}
        wanted = {key for name, data, key in inputs.items if data is not None and name not in skip}
        made: dict[str, tuple] = {}  # key -> (briefing, notices, error, digest)
        first = self.first
        if self.pending is not None:
            kept = store.briefings(wanted & self.present) if wanted & self.present else {}
            (results, tables), self.pending = self.pending.result(), None
            if tables is not None:  # the worker had to make them: kept for the next build
                store.save_object("tables", tables_key(reg), tables)
            _keep_results(first, results, store, made)
        else:
            first = [job for job in first if job[0] not in skip]
            _keep_results(first, fork_map(extract_one, first, (reg, store), workers, PARALLEL_FROM), store, made)
            kept = store.briefings(wanted & self.present) if store is not None and wanted & self.present else {}
        # rows the store has but cannot give (not of this shape, or not signed with this user's key)
        later = [job for job in inputs.items
                 if job[1] is not None and job[0] not in skip and job[2] in self.present and job[2] not in kept]
        _keep_results(later, fork_map(extract_one, later, (reg, store), workers, PARALLEL_FROM), store, made)
        for name, data, key in inputs.items:
            briefing, digest = None, None
            if data is None:
                _, notices, error = key
                errors = [error] if error is not None else []
            elif name in skip:
                _, digest, errors, notices = known[name]
                out.partial = True
            elif key in kept:
                briefing, notices, digest = kept[key]
                errors = []
            else:
                briefing, notices, error, digest = made[key]
                errors = [error] if error is not None else []
            out.errors += errors
            if data is not None:
                out.outcomes[name] = (key, digest, errors, notices)
            if briefing is not None:
                out.briefings.append(briefing)
            if store is not None and digest is not None:
                out.keys[name], out.digests[name] = key, digest
            out.notices += notices
        if store is not None:
            store.commit()  # worker processes that render pages read the texts from the file
        return out


KEPT_ALONGSIDE_FROM = 1000  # with fewer kept rows to read, a worker costs more than it saves


def _extract_all(state: tuple) -> tuple[list, dict | None]:
    """Extract `jobs` (in a worker); with the tables it made, when the store had none to give."""
    reg, store, jobs = state
    made = None
    if store is not None and jobs:
        tables = store.load_object("tables", tables_key(reg))
        if type(tables) is dict:
            reg.take_tables(tables)
        else:
            made = reg.tables()
    return [extract_one((reg, store), job) for job in jobs], made


def tables_key(reg: Registry) -> str:
    """The digest of all the extractor's tables are made of: the data files and the program."""
    return hashlib.sha256(f"{reg.fingerprint}\0{package_digest()}".encode()).hexdigest()


def prepare_tables(reg: Registry, store) -> None:
    """Give `reg` the tables the store keeps for it, or make them and keep them (a fifth of a
    second to make, a twentieth to read back)."""
    key = tables_key(reg)
    tables = store.load_object("tables", key)
    if type(tables) is dict:
        reg.take_tables(tables)
    else:
        store.save_object("tables", key, reg.tables())


def _keep_results(jobs: list, results, store, made: dict) -> None:
    """Each job's result by its key, its row put in the store (as they come: only metadata is held)."""
    results = iter(results)
    for (_, _, key), (briefing, packed, notices, error) in zip(jobs, results):
        digest = None
        if packed is not None:
            row, digest = packed
            store.put(row)
        made[key] = (briefing, notices, error, digest)
    if hasattr(results, "close"):
        results.close()  # every result is read: the workers stop now


def gather(seeds: Path, root: Path, reg: Registry, workers: int | None = None,
           progress: Progress | None = None) -> Gathered:
    """Read and extract every seed (no store: briefings keep their texts); a bad seed costs only itself."""
    return extract_inputs(read_inputs(seeds, root, reg.fingerprint, progress), reg, None, workers)
