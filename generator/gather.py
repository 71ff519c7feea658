"""Seeds -> briefings: read every seed, reuse cached extractions, extract the rest (in parallel)."""
from __future__ import annotations

import hashlib
import os
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from generator.cache import briefing_key
from generator.errors import BriefingError, Notice, SourceError
from generator.extract import EXTRACTOR_VERSION, extract
from generator.model import Briefing
from generator.parallel import fork_map
from generator.registry import Registry
from generator.sources import find_seed_files, parse_seed, read_bytes, seed_stat, trusted_folders
from generator.texts import TextStore, split

Progress = Callable[[str, int, int], None]
PARALLEL_FROM = 64  # below this many extractions a process pool costs more than it saves


@dataclass
class Gathered:
    """Every seed's outcome, in seed order, and the cache entries this build used."""

    briefings: list[Briefing] = field(default_factory=list)
    errors: list[BriefingError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    entries: dict = field(default_factory=dict)
    digest: str = ""  # of every seed's name and bytes: equal digests, equal inputs


MAX_OFFICIALS = 40  # per briefing: a seed listing 1,600 people would otherwise make 1,600 pages
MAX_TOPICS = 20     # that each list everyone else (264 MB of output from a 47 KB seed)
CAPS = f"officials {MAX_OFFICIALS}, topics {MAX_TOPICS}"  # in every cache key: other caps, other briefings


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


def extract_one(reg: Registry, job: tuple[str, bytes, str | None]
                 ) -> tuple[Briefing | None, bytes | None, list[Notice], BriefingError | None]:
    """One seed's briefing, notices and error. With a text key the briefing comes without its
    texts, packed apart for the TextStore: in a worker, the parent need not pack them."""
    name, data, text_key = job
    try:
        briefing, notices = capped(*extract(parse_seed(data, name), reg))
        if text_key is None:
            return briefing, None, notices, None
        return *split(text_key, briefing), notices, None
    except SourceError as exc:
        return None, None, [], exc
    except RecursionError:
        return None, None, [], SourceError("is too deeply nested or too repetitive to read", name)
    except Exception as exc:  # noqa: BLE001 - a defect met on one seed must cost only that seed
        return None, None, [], SourceError(f"internal error while extracting ({exc.__class__.__name__}: {exc}); "
                                     "please report it; run with --debug for details", name,
                                     detail=traceback.format_exc())


@dataclass
class Inputs:
    """Every seed found and hashed, before any extraction."""

    items: list = field(default_factory=list)  # (name, bytes or its path unread, key) or (name, None, outcome)
    digest: str = ""                            # of every seed's name and bytes (and the registry)
    stats: dict = field(default_factory=dict)   # path -> [size, mtime_ns, sha256, when hashed, inode, ctime_ns]


RACY_NS = 3_000_000_000  # a file changed this close to its hashing may change again unseen (coarse clocks)


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
                known: dict | None = None) -> Inputs:
    """Find every seed and compute its cache key; identical copies are reported, not extracted twice.

    `known` is the last build's stat index (path -> size, modification time, hash, when hashed,
    inode, change time): a seed whose entry is unchanged is not read again, as git trusts its
    index. A seed modified within a few seconds of its hashing is read anyway, since a coarse
    clock could hide a second change.
    """
    out = Inputs()
    version = f"{EXTRACTOR_VERSION} ({CAPS})"
    digest = hashlib.sha256(registry_fp.encode() + version.encode())
    by_hash: dict[str, str] = {}
    known = known or {}
    found = _seed_names(seeds, root)
    trusted, every = trusted_folders(seeds, root)
    for i, (path, name) in enumerate(found, 1):
        try:
            st = seed_stat(path, name, trusted, every)
            seen = known.get(path)
            # the inode and change time too: two seeds of one size and time swapped by renames
            # keep both, and `touch -d` can set a time back, but not the change time
            if (seen and seen[0] == st.st_size and seen[1] == st.st_mtime_ns
                    and tuple(seen[4:]) == (st.st_ino, st.st_ctime_ns)
                    and max(st.st_mtime_ns, st.st_ctime_ns) < seen[3] - RACY_NS):
                data, sha = path, seen[2]  # read only if it must be extracted (see seed_job)
                out.stats[path] = seen
            else:
                now = time.time_ns()
                data = read_bytes(path, name)
                sha = hashlib.sha256(data).hexdigest()
                out.stats[path] = [st.st_size, st.st_mtime_ns, sha, now, st.st_ino, st.st_ctime_ns]
        except OSError as exc:
            out.items.append((name, None, (None, [], SourceError(f"cannot be read: {exc.strerror}", name))))
            continue
        except SourceError as exc:
            out.items.append((name, None, (None, [], exc)))
            continue
        digest.update(f"{name}\0{sha}\0".encode())
        if sha in by_hash:
            notice = Notice(f"identical to {by_hash[sha]}; merged into that briefing", name)
            out.items.append((name, None, (None, [notice], None)))
        else:
            by_hash[sha] = name
            out.items.append((name, data, briefing_key(sha, name, registry_fp, version)))
        if progress:
            progress("reading", i, len(found))
    out.digest = digest.hexdigest()
    return out


def seed_job(name: str, data, text_key: str | None) -> tuple[str, bytes, str | None] | SourceError:
    """A seed to extract, read now when the stat index spared reading it earlier."""
    if isinstance(data, str):
        try:
            data = read_bytes(Path(data), name)
        except SourceError as exc:
            return exc
    return name, data, text_key


def extract_inputs(inputs: Inputs, reg: Registry, cached: dict | None = None,
                   workers: int | None = None, texts: TextStore | None = None) -> Gathered:
    """Briefings for every seed: from the cache when its key is there, else extracted (in parallel).

    With a TextStore, briefings come back without their texts (kept in the store): a build
    then holds metadata only. A cached briefing whose texts the store lost is extracted again.
    """
    out, cached = Gathered(digest=inputs.digest), cached or {}
    if texts is not None and cached:
        kept = texts.keys()
        cached = {k: v for k, v in cached.items() if k in kept}
    jobs, unreadable = [], {}
    for name, data, key in inputs.items:
        if data is not None and key not in cached:
            job = seed_job(name, data, key if texts is not None else None)
            if isinstance(job, SourceError):
                unreadable[name] = job
            else:
                jobs.append(job)
    results = iter(fork_map(extract_one, jobs, reg, workers or os.cpu_count() or 1, PARALLEL_FROM))
    for name, data, key in inputs.items:
        if data is None:
            briefing, notices, error = key
        elif key in cached:
            briefing, notices = cached[key]
            error = None
        elif name in unreadable:
            briefing, notices, error = None, [], unreadable[name]
        else:
            briefing, packed, notices, error = next(results)
            if packed is not None:
                texts.put_packed(key, packed)
        if error is not None:
            out.errors.append(error)
        if briefing is not None:
            out.briefings.append(briefing)
            out.entries[key] = (briefing, notices)
        out.notices += notices
    results.close()  # every result is read: the workers stop now
    if texts is not None:
        texts.commit(set(out.entries))
    return out


def gather(seeds: Path, root: Path, reg: Registry, cached: dict | None = None, workers: int | None = None,
           progress: Progress | None = None) -> Gathered:
    """Read and extract every seed; a bad seed costs only itself, an unchanged one costs a look-up."""
    return extract_inputs(read_inputs(seeds, root, reg.fingerprint, progress), reg, cached, workers)
