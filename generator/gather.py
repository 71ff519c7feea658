"""Seeds -> briefings: read every seed, reuse cached extractions, extract the rest (in parallel)."""
from __future__ import annotations

import hashlib
import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.cache import briefing_key
from generator.errors import BriefingError, Notice, SourceError
from generator.extract import EXTRACTOR_VERSION, extract
from generator.model import Briefing
from generator.parallel import fork_map
from generator.registry import Registry
from generator.sources import find_seeds, parse_seed, read_bytes
from generator.texts import TextStore

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


def _extract_one(reg: Registry, job: tuple[str, bytes]
                 ) -> tuple[Briefing | None, list[Notice], BriefingError | None]:
    name, data = job
    try:
        briefing, notices = extract(parse_seed(data, name), reg)
        return briefing, notices, None
    except SourceError as exc:
        return None, [], exc
    except RecursionError:
        return None, [], SourceError("is too deeply nested or too repetitive to read", name)
    except Exception as exc:  # noqa: BLE001 - a defect met on one seed must cost only that seed
        return None, [], SourceError(f"internal error while extracting ({exc.__class__.__name__}: {exc}); "
                                     "please report it; run with --debug for details", name,
                                     detail=traceback.format_exc())


@dataclass
class Inputs:
    """Every seed read and hashed, before any extraction."""

    items: list = field(default_factory=list)  # (name, bytes, key) or (name, None, outcome)
    digest: str = ""                            # of every seed's name and bytes (and the registry)


def read_inputs(seeds: Path, root: Path, registry_fp: str, progress: Progress | None = None) -> Inputs:
    """Read every seed and compute its cache key; identical copies are reported, not extracted twice."""
    out = Inputs()
    digest = hashlib.sha256(registry_fp.encode() + EXTRACTOR_VERSION.encode())
    by_hash: dict[str, str] = {}
    paths = find_seeds(seeds)
    folder = str(seeds.resolve() if seeds.is_dir() else seeds.resolve().parent)
    inside = os.path.commonpath([folder, str(root)]) == str(root)
    prefix = os.path.relpath(folder, root) if inside else folder
    for i, path in enumerate(paths, 1):
        # the name as the user knows it, relative to the archive when the seed is inside it
        inner = os.path.relpath(path, seeds) if seeds.is_dir() else path.name
        name = os.path.normpath(os.path.join(prefix, inner)) if not os.path.isabs(prefix) else str(path)
        try:
            data = read_bytes(path, name)
        except SourceError as exc:
            out.items.append((name, None, (None, [], exc)))
            continue
        sha = hashlib.sha256(data).hexdigest()
        digest.update(f"{name}\0{sha}\0".encode())
        if sha in by_hash:
            notice = Notice(f"identical to {by_hash[sha]}; merged into that briefing", name)
            out.items.append((name, None, (None, [notice], None)))
        else:
            by_hash[sha] = name
            out.items.append((name, data, briefing_key(sha, name, registry_fp, EXTRACTOR_VERSION)))
        if progress:
            progress("reading", i, len(paths))
    out.digest = digest.hexdigest()
    return out


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
    jobs = [(name, data) for name, data, key in inputs.items if data is not None and key not in cached]
    results = fork_map(_extract_one, jobs, reg, workers or os.cpu_count() or 1, PARALLEL_FROM)
    for name, data, key in inputs.items:
        if data is None:
            briefing, notices, error = key
        elif key in cached:
            briefing, notices = cached[key]
            error = None
        else:
            briefing, notices, error = next(results)
            if briefing is not None and texts is not None:
                briefing = texts.put(key, briefing)
        if error is not None:
            out.errors.append(error)
        if briefing is not None:
            out.briefings.append(briefing)
            out.entries[key] = (briefing, notices)
        out.notices += notices
    if texts is not None:
        texts.commit(set(out.entries))
    return out


def gather(seeds: Path, root: Path, reg: Registry, cached: dict | None = None, workers: int | None = None,
           progress: Progress | None = None) -> Gathered:
    """Read and extract every seed; a bad seed costs only itself, an unchanged one costs a look-up."""
    return extract_inputs(read_inputs(seeds, root, reg.fingerprint, progress), reg, cached, workers)
