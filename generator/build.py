"""Orchestration only: gather everything, then write a new site beside the old one and swap it in."""
from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import feeds, urls
from generator.config import SiteConfig
from generator.cache import FORMAT as CACHE_FORMAT
from generator.cache import Cache
from generator.errors import BriefingError, ConfigError, Notice, SourceError
from generator.extract import EXTRACTOR_VERSION
from generator.fingerprint import files_digest, page_digests
from generator.gather import extract_inputs, read_inputs
from generator.registry import load_registry, registry_fingerprint
from generator.render import make_env, plan_pages, render_page, theme_dir
from generator.site import build_site

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
    return out


def write_file(stage: Path, rel: str, data: bytes) -> None:
    """Write one planned file under the staging folder; two outputs never share one path."""
    target = stage / rel
    if target.exists():
        raise BriefingError(f"two outputs claim one path: {rel}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def copy_static(stage: Path, config: SiteConfig) -> int:
    """The theme's static files, then the archive's own (which win), under /static/."""
    count = 0
    for source in (theme_dir() / "static", config.static):
        if source.is_dir():
            for f in sorted(source.rglob("*")):
                if f.is_file() and not f.is_symlink():
                    dest = stage / "static" / f.relative_to(source)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(f, dest)
                    count += 1
    return count


def swap_in(stage: Path, out: Path) -> None:
    """Replace the old site by the new one with renames, so no reader sees half a site."""
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    had_old = out.exists()
    if had_old:
        os.replace(out, old)
    try:
        os.replace(stage, out)
    except BaseException:
        if had_old:
            os.replace(old, out)  # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)


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


def _site_inputs(config: SiteConfig) -> str:
    """Digest of what every page depends on besides the briefings: settings, templates, static files."""
    settings = json.dumps([config.title, config.description, config.base_url, config.language, config.per_page,
                           config.feed_size, EXTRACTOR_VERSION, CACHE_FORMAT])
    theme = files_digest(theme_dir() / "templates", config.templates, theme_dir() / "static", config.static)
    return hashlib.sha256((settings + theme).encode()).hexdigest()


def _intact(out: Path, pages: dict) -> bool:
    """The output folder still holds every page the last build wrote."""
    return out.is_dir() and bool(pages) and all((out / rel).is_file() for rel in pages)


def _reuse(old: Path, new: Path) -> bool:
    """Put an unchanged page in the new site without rewriting it (a hard link, else a copy)."""
    if not old.is_file():
        return False
    new.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(old, new)
    except OSError:
        shutil.copy2(old, new)
    return True


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
    gathered = extract_inputs(seeds, reg, None if clean else cache.load_briefings(), workers)
    result.errors, result.briefings = gathered.errors, len(gathered.briefings)
    result.notices += gathered.notices
    site = build_site(gathered.briefings, reg)
    env = make_env(config, reg)
    plans = plan_pages(site, config)
    digests = page_digests(plans, site, inputs)
    pages: dict[str, str] = {}
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = out.with_name(f".{out.name}.new-{os.getpid()}")
    shutil.rmtree(stage, ignore_errors=True)
    try:
        for i, (plan, digest) in enumerate(zip(plans, digests), 1):
            rel = str(urls.output_file(plan.rel))
            if rel in pages:
                raise BriefingError(f"two outputs claim one path: {rel}")
            pages[rel] = digest
            if record["pages"].get(rel) != digest or not _reuse(out / rel, stage / rel):
                write_file(stage, rel, render_page(env, plan).encode("utf-8"))
                result.rendered += 1
            if progress:
                progress("writing", i, len(plans))
        write_file(stage, "feed.xml", feeds.atom_feed(site, config))
        write_file(stage, "sitemap.xml", feeds.sitemap([p.rel for p in plans], site, config))
        write_file(stage, "robots.txt", feeds.robots(config))
        write_file(stage, "search/index.json", feeds.search_index(site, config))
        copy_static(stage, config)
        swap_in(stage, out)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    cache.save_briefings(gathered.entries)
    cache.save_pages({"site": site_digest, "pages": pages, "briefings": result.briefings,
                      "problems": problems_to_record(gathered.errors, gathered.notices)})
    result.pages = len(plans)
    result.seconds = time.perf_counter() - start
    return result
