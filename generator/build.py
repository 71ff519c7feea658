"""Orchestration only: gather everything, then write a new site beside the old one and swap it in."""
from __future__ import annotations

import gc
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
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
from generator.gather import extract_inputs, read_inputs
from generator.output import InPlaceWriter, StagedWriter
from generator.parallel import fork_map
from generator.registry import load_registry, registry_fingerprint
from generator.render import make_env, plan_pages, render_page, theme_dir
from generator.site import build_site
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
    """The theme's static files, then the archive's own (which win), under /static/."""
    files = {}
    for source in (theme_dir() / "static", config.static):
        if source.is_dir():
            for f in sorted(source.rglob("*")):
                if f.is_file() and not f.is_symlink():
                    files["static/" + f.relative_to(source).as_posix()] = f.read_bytes()
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


def _render_to(state: tuple, job: tuple[int, Path]) -> None:
    env, plans = state
    index, target = job
    target.write_bytes(render_page(env, plans[index]).encode("utf-8"))


def _site_inputs(config: SiteConfig) -> str:
    """Digest of what every page depends on besides the briefings: settings, templates, static files."""
    settings = json.dumps([config.title, config.description, config.base_url, config.language, config.per_page,
                           config.feed_size, EXTRACTOR_VERSION, CACHE_FORMAT, FINGERPRINT_VERSION])
    theme = files_digest(theme_dir() / "templates", config.templates, theme_dir() / "static", config.static)
    return hashlib.sha256((settings + theme).encode()).hexdigest()


def _intact(out: Path, pages: dict) -> bool:
    """The output folder still holds every page the last build wrote."""
    return out.is_dir() and bool(pages) and all((out / rel).is_file() for rel in pages)


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


def _build(config: SiteConfig, progress: Progress | None, cache_dir: Path | None, clean: bool,
           workers: int | None) -> BuildResult:
    start = time.perf_counter()
    out = check_output(config)
    result = BuildResult(output=out, notices=list(config.notices))
    cache = Cache(cache_dir)
    record = cache.load_pages() if not clean else Cache(None).load_pages()
    seeds = read_inputs(config.seeds, config.root, registry_fingerprint(config.data), progress)
    inputs = _site_inputs(config)
    site_digest = hashlib.sha256((inputs + seeds.digest + str(out)).encode()).hexdigest()
    if not clean and record["site"] == site_digest and _intact(out, record["pages"]):
        # nothing changed: not even the cached briefings need loading
        result.errors, notices = problems_from_record(record)
        result.notices += notices
        result.briefings, result.pages, result.unchanged = record.get("briefings", 0), len(record["pages"]), True
        result.seconds = time.perf_counter() - start
        return result
    reg = load_registry(config.data)
    texts = TextStore(cache_dir / "texts.sqlite" if cache_dir else None)
    gathered = extract_inputs(seeds, reg, None if clean else cache.load_briefings(), workers, texts)
    result.errors, result.briefings = gathered.errors, len(gathered.briefings)
    result.notices += gathered.notices
    site = build_site(gathered.briefings, reg, None if clean else cache.load_related())
    env = make_env(config, reg)
    plans = plan_pages(site, config, texts)
    digests = page_digests(plans, site, inputs)
    rels = [urls.output_file(plan.rel) for plan in plans]
    changed = sum(record["pages"].get(rel) != d for rel, d in zip(rels, digests))
    previous = set(record.get("files", ()))
    # few changes to an intact previous site: touch only those files; else build it whole and swap
    in_place = bool(not clean and previous and _intact(out, record["pages"]) and changed * 2 < len(plans))
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = InPlaceWriter(out, previous) if in_place else StagedWriter(out)
    pages: dict[str, str] = {}
    try:
        todo: list[tuple[int, Path]] = []  # pages to render in worker processes: (plan index, target)
        parallel = isinstance(writer, StagedWriter) and changed >= PARALLEL_RENDER_FROM and (workers or 2) > 1
        for i, (plan, rel, digest) in enumerate(zip(plans, rels, digests)):
            pages[rel] = digest
            if record["pages"].get(rel) == digest and writer.keep(rel):
                continue
            result.rendered += 1
            if parallel:
                todo.append((i, writer.reserve(rel)))
            else:
                writer.add(rel, render_page(env, plan).encode("utf-8"))
            if progress:
                progress("writing", i + 1, len(plans))
        # forked workers share the site graph and write their own files into the staging folder
        for _ in fork_map(_render_to, todo, (env, plans), workers or os.cpu_count() or 1, 1):
            pass
        writer.add("feed.xml", feeds.atom_feed(site, config))
        writer.add("sitemap.xml", feeds.sitemap([p.rel for p in plans], site, config))
        writer.add("robots.txt", feeds.robots(config))
        writer.add("search/index.json", feeds.search_index(site, config))
        for rel, data in static_files(config).items():
            writer.add(rel, data)
        writer.finish()
    except BaseException:
        writer.abort()
        raise
    cache.save_briefings(gathered.entries)
    cache.save_related(site.related_record)
    cache.save_pages({"site": site_digest, "pages": pages, "files": sorted(writer.files),
                      "briefings": result.briefings,
                      "problems": problems_to_record(gathered.errors, gathered.notices)})
    result.pages = len(plans)
    result.seconds = time.perf_counter() - start
    return result
