"""Orchestration only: gather everything, then write a new site beside the old one and swap it in."""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import feeds, urls
from generator.config import SiteConfig
from generator.errors import BriefingError, ConfigError, Notice, SourceError
from generator.extract import extract
from generator.model import Briefing
from generator.registry import Registry, load_registry
from generator.render import make_env, plan_pages, render_page, theme_dir
from generator.site import build_site
from generator.sources import find_seeds, read_seed

Progress = Callable[[str, int, int], None]


@dataclass
class BuildResult:
    """What a build did: counts for the summary line, and every problem found."""

    output: Path
    briefings: int = 0
    pages: int = 0
    seconds: float = 0.0
    errors: list[BriefingError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def display_name(path: Path, root: Path) -> str:
    """A seed's name as the user knows it: relative to the archive when it is inside it."""
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def gather(seeds: Path, root: Path, reg: Registry, progress: Progress | None = None
           ) -> tuple[list[Briefing], list[BriefingError], list[Notice]]:
    """Read and extract every seed; a bad seed costs only itself."""
    briefings, errors, notices = [], [], []
    by_hash: dict[str, str] = {}
    paths = find_seeds(seeds)
    for i, path in enumerate(paths, 1):
        name = display_name(path, root)
        try:
            raw = read_seed(path, name)
            if raw.sha256 in by_hash:
                notices.append(Notice(f"identical to {by_hash[raw.sha256]}; merged into that briefing", name))
                continue
            briefing, found = extract(raw, reg)
        except SourceError as exc:
            errors.append(exc)
            continue
        by_hash[raw.sha256] = name
        briefings.append(briefing)
        notices += found
        if progress:
            progress("reading", i, len(paths))
    return briefings, errors, notices


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
    if out.exists():
        os.replace(out, old)
    os.replace(stage, out)
    shutil.rmtree(old, ignore_errors=True)


def build(config: SiteConfig, progress: Progress | None = None) -> BuildResult:
    """seeds/ -> a complete static site in config.output."""
    start = time.perf_counter()
    out = check_output(config)
    result = BuildResult(output=out, notices=list(config.notices))
    reg = load_registry(config.data)
    briefings, result.errors, found = gather(config.seeds, config.root, reg, progress)
    result.notices += found
    site = build_site(briefings, reg)
    env = make_env(config, reg)
    plans = plan_pages(site, config)
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = out.with_name(f".{out.name}.new-{os.getpid()}")
    shutil.rmtree(stage, ignore_errors=True)
    try:
        # pages are written as they are rendered: memory holds one page at a time, not the site
        for i, plan in enumerate(plans, 1):
            write_file(stage, str(urls.output_file(plan.rel)), render_page(env, plan).encode("utf-8"))
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
    result.briefings, result.pages = len(briefings), len(plans)
    result.seconds = time.perf_counter() - start
    return result
