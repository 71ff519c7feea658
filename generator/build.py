"""Orchestration only: gather everything, then write a new site beside the old one and swap it in."""
from __future__ import annotations

import gc
import hashlib
import json
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from generator import feeds, urls
from generator.cache import FORMAT as CACHE_FORMAT
from generator.cache import Cache
from generator.config import SiteConfig
from generator.errors import BriefingError, ConfigError, Notice, SourceError
from generator.extract import EXTRACTOR_VERSION
from generator.fingerprint import VERSION as FINGERPRINT_VERSION
from generator.fingerprint import files_digest, page_digests
from generator.gather import extract_inputs, extract_one, read_inputs, seed_job
from generator.output import InPlaceWriter, StagedWriter, write_reserved
from generator.parallel import fork_map
from generator.model import Briefing
from generator.registry import load_registry, registry_code, registry_fingerprint
from generator.render import briefing_plan, common_context, make_env, plan_pages, render_page, theme_dir
from generator.site import build_site, from_snapshot, to_snapshot
from generator.texts import TextStore

Progress = Callable[[str, int, int], None]


@dataclass
class BuildResult:
    """What a build did: counts for the summary line, and every problem found."""

    output: Path
    briefings: int = 0
    pages: int = 0
    rendered: int = 0
    seconds: float = 0.0
    unchanged: bool = False
    # the site graph the build used; also spares a command that exits right after the build
    # freeing its many objects one by one
    site: object = None
    errors: list[BriefingError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def check_output(config: SiteConfig) -> Path:
    """The output folder, refused when it would replace the archive's own files."""
    out = config.output.resolve()
    for guarded in (config.root, config.seeds.resolve(), config.templates.resolve(), config.data.resolve()):
        if out == guarded or guarded.is_relative_to(out):
            raise ConfigError(f"output folder {out} would replace {guarded}; choose another --out")
    if out.is_relative_to(config.seeds.resolve()):
        raise ConfigError(f"output folder {out} is inside the seeds folder, where its files would be read "
                          "as articles; choose another --out")
    return out


def static_files(config: SiteConfig) -> dict[str, bytes]:
    """The theme's static files, then the archive's own (which win), under /static/; hidden files
    and folders (.git, .env, .DS_Store) are never published."""
    files = {}
    for source in (theme_dir() / "static", config.static):
        if source.is_dir():
            for f in sorted(source.rglob("*")):
                rel = f.relative_to(source)
                if f.is_file() and not f.is_symlink() and not any(part.startswith(".") for part in rel.parts):
                    files["static/" + rel.as_posix()] = f.read_bytes()
    return files


def problems_to_record(errors: list[BriefingError], notices: list[Notice]) -> list:
    """Refused seeds and warnings, kept so that a build with nothing to do can report them again."""
    return ([["error", type(e).__name__, e.message, e.path, e.line] for e in errors]
            + [["notice", "Notice", n.message, n.path, n.line] for n in notices])


def problems_from_record(record: dict) -> tuple[list[BriefingError], list[Notice]]:
    """The problems problems_to_record kept."""
    errors, notices = [], []
    for kind, cls, message, path, line in record.get("problems", []):
        if kind == "error":
            errors.append({"SourceError": SourceError}.get(cls, BriefingError)(message, path, line))
        else:
            notices.append(Notice(message, path, line))
    return errors, notices


PARALLEL_RENDER_FROM = 400  # fewer pages than this render faster in one process than in a pool


def _render_to(state: tuple, job: tuple[int, str]) -> None:
    env, plans = state
    index, target = job
    write_reserved(target, render_page(env, plans[index]))


def _site_inputs(config: SiteConfig) -> str:
    """Digest of what every page depends on besides the briefings: settings, templates, static files."""
    settings = json.dumps([config.title, config.description, config.base_url, config.language, config.per_page,
                           config.feed_size, EXTRACTOR_VERSION, CACHE_FORMAT, FINGERPRINT_VERSION])
    theme = files_digest(theme_dir() / "templates", config.templates, theme_dir() / "static", config.static)
    return hashlib.sha256((settings + theme).encode()).hexdigest()


def _intact(out: Path, pages: dict) -> bool:
    """The output folder still holds every page the last build wrote."""
    isfile, folder = os.path.isfile, str(out) + os.sep
    return out.is_dir() and bool(pages) and all(isfile(folder + rel) for rel in pages)


def build(config: SiteConfig, progress: Progress | None = None, cache_dir: Path | None = None,
          clean: bool = False, workers: int | None = None) -> BuildResult:
    """seeds/ -> a complete static site in config.output, reusing what has not changed."""
    # A build makes hundreds of thousands of long-lived objects and few cycles: the cyclic
    # collector would walk them all again and again (a third of the time at 10,000 seeds).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(config, progress, cache_dir, clean, workers)
    finally:
        if enabled:
            gc.enable()


TEXT_EDITS_UP_TO = 50  # more changed seeds than this go the whole way (in parallel)


def _retext(b: Briefing, sha256: str, text_key: str | None) -> None:
    """Point a briefing of the saved site graph at its seed's new text. Only the text changed,
    which no list shows, so the graph stays as it is and the briefing keeps its place in it."""
    object.__setattr__(b, "sha256", sha256)
    object.__setattr__(b, "text_key", text_key)


def _texts_only(config: SiteConfig, out: Path, record: dict, seeds, setup: str, inputs: str, site_digest: str,
                cache: Cache, texts: TextStore, reg, result: BuildResult) -> bool:
    """Rebuild without rebuilding the site graph when the changed seeds changed only their texts.

    An editor fixing a typo changes a seed's bytes but nothing any list, index, feed or search
    entry shows: its title, date, place, officials, countries, topics and summary stay. Then the
    last full build's site graph still holds, and only those briefings' own pages can change.
    This path is taken only for an intact previous site whose build was clean (no refused seed,
    no warning), with the same seeds, settings, templates and data; each changed seed is extracted
    and compared with its briefing in the graph, and anything else, or any doubt, returns False:
    the caller then builds the whole site as usual.
    """
    before = record.get("keys")
    if not before or record.get("setup") != setup or record.get("problems") or not record.get("snapshot"):
        return False
    changed = []
    for name, data, key in seeds.items:
        if data is None or name not in before:
            return False
        if key != before[name]:
            changed.append((name, data, key))
    if not changed or len(changed) > TEXT_EDITS_UP_TO or len(seeds.items) != len(before):
        return False
    site = cache.load_site(record["snapshot"])
    if site is None:
        return False
    site = from_snapshot(site)
    by_source = {b.source: b for b in site.briefings}
    patches = dict(record.get("patches") or {})
    for source, (sha256, text_key) in patches.items():
        if source not in by_source:
            return False
        _retext(by_source[source], sha256, text_key)
    fresh = {}
    for name, data, key in changed:
        job = seed_job(name, data, key)
        old = by_source.get(name)
        if isinstance(job, SourceError) or old is None:
            return False
        slim, packed, notices, error = extract_one(reg, job)
        if error is not None or notices or slim is None:
            return False
        texts.put_packed(key, packed)
        if replace(old, sha256=slim.sha256, text_key=slim.text_key) != slim:
            return False  # something a list shows changed: the graph must be built again
        fresh[key] = (slim, [])
    for slim, _ in fresh.values():
        _retext(by_source[slim.source], slim.sha256, slim.text_key)
        patches[slim.source] = [slim.sha256, slim.text_key]
    env = make_env(config, reg, cache.folder)
    common = common_context(site, config.base_path)
    plans = [briefing_plan(by_source[name], site, common, texts) for name, _, _ in changed]
    pages = dict(record["pages"])
    writer = InPlaceWriter(out, set(record.get("files", ())))
    try:
        writer.keep_all(record.get("files", ()))
        for plan, digest in zip(plans, page_digests(plans, site, inputs)):
            rel = urls.output_file(plan.rel)
            if pages.get(rel) != digest:
                writer.update(rel, render_page(env, plan))
                pages[rel] = digest
                result.rendered += 1
        writer.finish()
    except BaseException:
        writer.abort()
        raise
    cache.add_briefings(fresh)
    texts.commit({key for _, data, key in seeds.items})
    cache.save_pages({**record, "site": site_digest, "pages": pages, "seeds": seeds.stats, "patches": patches,
                      "keys": {name: key for name, _, key in seeds.items}})
    result.briefings, result.pages, result.site = len(site.briefings), len(pages), site
    return True


def _build(config: SiteConfig, progress: Progress | None, cache_dir: Path | None, clean: bool,
           workers: int | None) -> BuildResult:
    start = time.perf_counter()
    out = check_output(config)
    result = BuildResult(output=out, notices=list(config.notices))
    cache = Cache(cache_dir)
    record = cache.load_pages() if not clean else Cache(None).load_pages()
    registry_fp = registry_fingerprint(config.data)
    seeds = read_inputs(config.seeds, config.root, registry_fp, progress,
                        None if clean else record.get("seeds"))
    inputs = _site_inputs(config)
    site_digest = hashlib.sha256((inputs + seeds.digest + str(out)).encode()).hexdigest()
    # the previous site still holds every page the last build wrote (checked once: 10,000 files)
    intact = not clean and _intact(out, record["pages"])
    if intact and record["site"] == site_digest:
        # nothing changed: not even the cached briefings need loading
        result.errors, notices = problems_from_record(record)
        result.notices += notices
        result.briefings, result.pages, result.unchanged = record.get("briefings", 0), len(record["pages"]), True
        result.seconds = time.perf_counter() - start
        return result
    texts = TextStore(cache_dir / "texts.sqlite" if cache_dir else None)
    try:
        reg = (load_registry(config.data) if clean else
               cache.registry(registry_fp + registry_code(), lambda: load_registry(config.data)))
        setup = hashlib.sha256((inputs + registry_fp + str(out)).encode()).hexdigest()
        if intact and _texts_only(config, out, record, seeds, setup, inputs, site_digest, cache, texts, reg, result):
            result.seconds = time.perf_counter() - start
            return result
        gathered = extract_inputs(seeds, reg, None if clean else cache.load_briefings(), workers, texts)
        result.errors, result.briefings = gathered.errors, len(gathered.briefings)
        result.notices += gathered.notices
        site = build_site(gathered.briefings, reg, None if clean else cache.load_related())
        env = make_env(config, reg, None if clean else cache.folder)
        plans = plan_pages(site, config, texts)
        digests = page_digests(plans, site, inputs)
        rels = [urls.output_file(plan.rel) for plan in plans]
        changed = sum(record["pages"].get(rel) != d for rel, d in zip(rels, digests))
        previous = set(record.get("files", ()))
        # few changes to an intact previous site: touch only those files; else build it whole and swap
        in_place = bool(intact and previous and changed * 2 < len(plans))
        out.parent.mkdir(parents=True, exist_ok=True)
        writer = InPlaceWriter(out, previous) if in_place else StagedWriter(out)
        pages: dict[str, str] = {}
        rendering = None
        try:
            todo: list[tuple[int, str]] = []  # pages to render in worker processes: (plan index, target)
            parallel = isinstance(writer, StagedWriter) and changed >= PARALLEL_RENDER_FROM and (workers or 2) > 1
            for i, (plan, rel, digest) in enumerate(zip(plans, rels, digests)):
                pages[rel] = digest
                if record["pages"].get(rel) == digest and writer.keep(rel):
                    continue
                result.rendered += 1
                if parallel:
                    todo.append((i, writer.reserve(rel)))
                else:
                    writer.add(rel, render_page(env, plan))
                    if progress:
                        progress("writing", i + 1, len(plans))
            # forked workers share the site graph and write their own files into the staging
            # folder; meanwhile this process writes the rest and saves the cache
            rendering = fork_map(_render_to, todo, (env, plans), workers or os.cpu_count() or 1, 1)
            writer.add("feed.xml", feeds.atom_feed(site, config))
            writer.add("sitemap.xml", feeds.sitemap([p.rel for p in plans], site, config))
            writer.add("robots.txt", feeds.robots(config))
            writer.add("search/index.json", feeds.search_index(site, config))
            for rel, data in static_files(config).items():
                writer.add(rel, data)
            # (content-addressed entries, right whether or not this build finishes; the record of
            # pages, which says what the output folder holds, is saved only once it does)
            cache.save_briefings(gathered.entries)
            cache.save_related(site.related_record)
            snapshot = cache.save_site(to_snapshot(site)) if not gathered.errors else None
            for n, _ in enumerate(rendering, 1):
                if progress:
                    progress("writing", n, len(todo))
            writer.finish()
        except BaseException:
            if rendering is not None:
                rendering.close()  # the workers stop before their folder goes
            writer.abort()
            raise
        cache.save_pages({"site": site_digest, "pages": pages, "files": sorted(writer.files),
                          "briefings": result.briefings, "seeds": seeds.stats, "setup": setup,
                          "snapshot": snapshot, "patches": {},
                          "keys": {name: key for name, data, key in seeds.items if data is not None},
                          "problems": problems_to_record(gathered.errors, gathered.notices)})
        result.pages, result.site = len(plans), site
        result.seconds = time.perf_counter() - start
        return result
    finally:
        texts.close()  # a failed build's uncommitted texts are rolled back now, not whenever
