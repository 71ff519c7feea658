"""The build: read -> extract -> site -> plan -> render -> write, over plain data, in that order.

Two steps reuse earlier work, both through the store (store.py), and nothing else does:
extraction reuses a seed's briefing when the digest of what it is made of (the seed, the
extractor's source, the data files) is unchanged; writing keeps a page whose digest of
everything it is made of (its whole context, the templates, static files, settings and the
program: see digest.py) is unchanged and whose file is still as the last build left it. A
build whose inputs are all unchanged, on an output folder as the last build left it, has
nothing to do.
"""
from __future__ import annotations

import gc
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator import feeds, guard, search, urls
from generator.codehash import walk_files
from generator.config import SiteConfig
from generator.digest import Walker, page_digests, site_digest
from generator import extras, markup, network, pages as own_pages
from generator.errors import BriefingError, Notice, SourceError
from generator.gather import extract_inputs, read_inputs
from generator.guard import check_output
from generator.output import InPlaceWriter, StagedWriter, write_reserved
from generator.parallel import fork_map
from generator.registry import load_registry, registry_fingerprint
from generator.render import briefing_plans, in_order, list_plans, make_env, render_page, theme_dir
from generator.site import build_site
from generator.store import Record, Store

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
    # a search step left behind (build(defer_search=True)): search.catch_up does it
    search: search.Pending | None = None
    errors: list[BriefingError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def template_dirs(config: SiteConfig) -> list[Path]:
    """Where templates are looked up: the archive's overrides first, then the theme's."""
    return [config.templates, theme_dir() / "templates"]


def static_dirs(config: SiteConfig) -> list[Path]:
    """The theme's static files, then the archive's own (which win)."""
    return [theme_dir() / "static", config.static]


def static_files(config: SiteConfig) -> dict[str, bytes]:
    """The static files to publish under /static/: regular files only; hidden
    files and folders (.git, .env, .DS_Store) are never published."""
    files = {}
    for source in static_dirs(config):
        for rel, path in sorted(walk_files(source, skip_hidden=True)):
            with open(path, "rb") as fh:
                files["static/" + rel] = fh.read()
    return files


def problems_to_record(errors: list[BriefingError], notices: list[Notice]) -> list:
    """Refused seeds and warnings, kept so that a build with nothing to do can report them again."""
    return ([["error", type(e).__name__, e.message, e.path, e.line] for e in errors]
            + [["notice", "Notice", n.message, n.path, n.line] for n in notices])


def problems_from_record(record: Record) -> tuple[list[BriefingError], list[Notice]]:
    """The problems problems_to_record kept."""
    errors, notices = [], []
    for kind, cls, message, path, line in record.problems:
        if kind == "error":
            errors.append({"SourceError": SourceError}.get(cls, BriefingError)(message, path, line))
        else:
            notices.append(Notice(message, path, line))
    return errors, notices


PARALLEL_RENDER_FROM = 400  # fewer pages than this render faster in one process than in a pool


def _render_to(state: tuple, job: tuple[int, str]) -> None:
    env, plans, store = state
    index, target = job
    write_reserved(target, render_page(env, plans[index], store))


def _still_there(out: Path, record: Record) -> set[str]:
    """The files of the last build that are still as it left them (same size and time)."""
    folder, found = str(out) + os.sep, set()
    for rel, (_, size, mtime) in record.files.items():
        try:
            st = os.stat(folder + rel)
        except OSError:
            continue
        if st.st_size == size and st.st_mtime_ns == mtime:
            found.add(rel)
    return found


def build(config: SiteConfig, progress: Progress | None = None, cache_dir: Path | None = None,
          clean: bool = False, workers: int | None = None, force: bool = False,
          defer_search: bool = False) -> BuildResult:
    """seeds/ -> a complete static site in config.output, reusing what has not changed.
    The output folder must be the build's own (see guard), unless `force` takes it over.
    `defer_search`: a search bundle that needs Pagefind is left as it was (result.search says
    what is left to do; see search.py)."""
    # A build makes hundreds of thousands of long-lived objects and few cycles: the cyclic
    # collector would walk them all again and again (a third of the time at 10,000 seeds).
    enabled = gc.isenabled()
    gc.disable()
    try:
        with guard.session(config, cache_dir, force):  # owned output, one build at a time, no stale files
            return _build(config, progress, cache_dir, clean, workers, defer_search)
    finally:
        if enabled:
            gc.enable()


def _build(config: SiteConfig, progress: Progress | None, cache_dir: Path | None, clean: bool,
           workers: int | None, defer_search: bool = False) -> BuildResult:
    start = time.perf_counter()
    out = check_output(config)
    store = Store(cache_dir)
    try:
        result = BuildResult(output=out, notices=[*config.notices, *store.notices])
        if clean:
            store.clear()
        # read
        registry_fp = registry_fingerprint(config.data)
        seeds = read_inputs(config.seeds, config.root, registry_fp, progress)
        own = own_pages.read_pages(config)  # the archive's own pages (pages/*.md): an input as the seeds are
        # every page's footer links to them: their names and titles are shared by every page, as
        # is the Markdown renderer of notes (markup.py)
        shared = hashlib.sha256((site_digest(config, registry_fp, template_dirs(config), static_dirs(config))
                                 + own.nav_digest + markup.library_version()).encode()).hexdigest()
        pagefind = search.tool_digest()  # (Pagefind is not the package's code, nor a setting)
        inputs = hashlib.sha256((shared + seeds.digest + own.digest + pagefind).encode()).hexdigest()
        record = store.record()
        if record.output != str(out):
            record = Record()  # the last build wrote elsewhere: nothing here is known
        there = _still_there(out, record)
        if record.inputs == inputs and record.files and len(there) == len(record.files):
            result.errors, notices = problems_from_record(record)
            result.notices += notices
            result.briefings, result.unchanged = record.briefings, True
            result.pages = sum(digest is not None and not rel.startswith(search.BUNDLE)
                               for rel, (digest, _, _) in record.files.items())
            result.seconds = time.perf_counter() - start
            return result
        # extract (reuse point 1: the store's extractions)
        reg = load_registry(config.data)
        gathered = extract_inputs(seeds, reg, store, workers)
        result.errors, result.briefings = gathered.errors + own.errors, len(gathered.briefings)
        result.notices += gathered.notices + own.notices
        # site, plan
        # (the related briefings are found in a worker while this process plans and digests every
        # list, and makes the feeds: none of them shows related briefings)
        site = build_site(gathered.briefings, reg, wait=False)
        try:
            walker = Walker(gathered.digests)
            lists = list_plans(site, config)
            relations = extras.prepare(site, lists)
            network.add_to_pages(site, lists)  # who met whom, on each official's page
            lists += network.network_plans(site, config) + own_pages.page_plans(own, config)
            list_digests = page_digests(lists, shared, walker=walker)
            made = {"feed.xml": feeds.atom_feed(site, config), "robots.txt": feeds.robots(config)}
            site.wait()
        finally:
            site.close()
        pages = briefing_plans(site, config, gathered.keys)
        more = extras.extra_plans(site, config, relations)  # redirects, relations, the API, feeds per entry
        plans = in_order(lists, pages + more)
        cores = workers or os.cpu_count() or 1
        more_digests = page_digests(pages + more, shared, walker=walker, workers=cores)
        digests = in_order(list_digests, more_digests)
        # what search indexes: each briefing's page (output file, digest, date)
        indexed = [(urls.output_file(p.rel), d, b.date) for p, d, b in zip(pages, more_digests, site.briefings)]
        rels = [urls.output_file(plan.rel) for plan in plans]
        # render and write (reuse point 2: a page whose digest and file are unchanged is kept)
        kept = {rel for rel, digest in zip(rels, digests)
                if rel in there and record.files[rel][0] == digest}
        changed = len(plans) - len(kept)
        # few changes to an intact previous site: touch only those files; else build it whole and swap
        in_place = bool(record.files) and changed * 2 < len(plans)
        out.parent.mkdir(parents=True, exist_ok=True)
        writer = InPlaceWriter(out, set(record.files)) if in_place else StagedWriter(out)
        env = make_env(config, reg)
        env.globals["own_pages"] = own.nav  # the footer's links (covered by `shared`)
        rendering = None
        try:
            todo: list[tuple[int, str]] = []  # pages to render in worker processes: (plan index, target)
            parallel = isinstance(writer, StagedWriter) and changed >= PARALLEL_RENDER_FROM and (workers or 2) > 1
            untouched = set()  # kept files an in-place build leaves as the record has them
            for i, (plan, rel) in enumerate(zip(plans, rels)):
                if rel in kept and writer.keep(rel):
                    untouched.add(rel)
                    continue
                result.rendered += 1
                if parallel:
                    todo.append((i, writer.reserve(rel)))
                else:
                    writer.add(rel, render_page(env, plan, store))
                    if progress:
                        progress("writing", i + 1, len(plans))
            # forked workers share the site graph and write their own files into the staging
            # folder; meanwhile this process writes the rest
            rendering = fork_map(_render_to, todo, (env, plans, store), workers or os.cpu_count() or 1, 1)
            writer.add("feed.xml", made["feed.xml"])
            writer.add("sitemap.xml", feeds.sitemap([p.rel for p in plans if extras.listed(p)], site, config))
            writer.add("robots.txt", made["robots.txt"])
            for rel, data in static_files(config).items():
                writer.add(rel, data)
            for n, _ in enumerate(rendering, 1):
                if progress:
                    progress("writing", n, len(todo))
            # search: Pagefind over the pages just written (or its bundle kept: see search.py)
            bundle = search.write_bundle(writer, indexed, pagefind, record, there, progress,
                                         defer=defer_search, workers=cores)
            writer.finish()
        except BaseException:
            if rendering is not None:
                rendering.close()  # the workers stop before their folder goes
            writer.abort()
            raise
        # the record: what the output folder now holds, as this build left it
        page_digest = dict(zip(rels, digests)) | bundle.files
        files = {}
        for rel in sorted(writer.files):
            if in_place and rel in untouched:
                files[rel] = record.files[rel]  # its digest, size and time, found unchanged above
                continue
            st = os.stat(os.path.join(out, rel))
            files[rel] = [page_digest.get(rel), st.st_size, st.st_mtime_ns]
        store.prune(set(gathered.keys.values()))
        store.save_record(Record(str(out), search.BEHIND + inputs if bundle.behind else inputs, files,
                                 problems_to_record(result.errors, gathered.notices + own.notices), result.briefings))
        store.commit()
        result.pages, result.site = len(plans), site
        if bundle.behind:
            result.search = search.Pending(config, cache_dir, inputs, indexed, pagefind, cores)
        result.seconds = time.perf_counter() - start
        return result
    finally:
        store.close()  # a failed build's uncommitted rows are rolled back now, not whenever
