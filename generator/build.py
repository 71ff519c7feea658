"""The build: read -> extract -> site -> plan -> render -> write, over plain data, in that order.

Two steps reuse earlier work, both through the store (store.py), and nothing else does:
extraction reuses a seed's briefing when the digest of what it is made of (the seed, the
extractor's source, the data files) is unchanged; writing keeps a page whose digest of
everything it is made of (its whole context, the templates, static files, settings and the
program: see digest.py) is unchanged and whose file is still as the last build left it. A
build whose inputs are all unchanged, on an output folder as the last build left it, has
nothing to do. Between the two, a build whose frame (all that the pages' contexts are made
of: everything but the briefings' texts) is the last build's takes that build's pages as
recorded, and plans only the pages whose texts changed, from their contexts as the store
kept them (`_replan`: no site graph is made); any other build makes the graph, and plans and
digests every page (`_plan`). Both give the same digests.
"""
from __future__ import annotations

import gc
import hashlib
import os
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from generator import feeds, guard, search, urls
from generator.codehash import walk_files
from generator.config import SiteConfig
from generator.digest import Walker, page_digest, page_digests, site_digest
from generator import extras, markup, network, pages as own_pages
from generator.errors import BriefingError, Notice, from_rows, to_rows
from generator.gather import Gathered, extract_inputs, read_inputs, start_extraction
from generator.guard import check_output
from generator.output import InPlaceWriter, StagedWriter, not_as_left, write_reserved
from generator.parallel import Background, fork_map
from generator.registry import load_registry, registry_fingerprint
from generator.render import (briefing_page, briefing_plans, in_order, list_plans, make_env, render_page,
                             theme_dir, warm)
from generator.site import build_site
from generator.store import Record, Store, json_object, record_head, record_tail

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


PARALLEL_RENDER_FROM = 400  # fewer pages than this render faster in one process than in a pool
CHECK_IN_WORKER_FROM = 2000  # fewer recorded files are checked faster than a process is forked


def _render_to(state: tuple, job: tuple[int, str]) -> None:
    env, plans, store = state
    index, target = job
    write_reserved(target, render_page(env, plans[index], store))


def _not_as_left(state: tuple[Path, Record]) -> set[str]:
    """The files of the last build that are no longer as it left them (in a worker)."""
    out, record = state
    return not_as_left(out, record.files)


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
        record = store.record()
        if record.output != str(out):
            record = Record()  # the last build wrote elsewhere: nothing here is known
        # the last build's files are checked (a stat each) in a worker while this process reads
        checking = Background(_not_as_left, (out, record), fork=len(record.files) >= CHECK_IN_WORKER_FROM)
        extraction = None
        try:
            # read
            registry_fp = registry_fingerprint(config.data)
            seeds = read_inputs(config.seeds, config.root, registry_fp, progress, known=record.stats)
            stats = seeds.stats
            own = own_pages.read_pages(config)  # the archive's own pages (pages/*.md): an input as the seeds are
            # every page's footer links to them: their names and titles are shared by every page, as
            # is the Markdown renderer of notes (markup.py)
            shared = hashlib.sha256((site_digest(config, registry_fp, template_dirs(config), static_dirs(config))
                                     + own.nav_digest + markup.library_version()).encode()).hexdigest()
            pagefind = search.tool_digest()  # (Pagefind is not the package's code, nor a setting)
            inputs = hashlib.sha256((shared + seeds.digest + own.digest + pagefind).encode()).hexdigest()
            common = hashlib.sha256((shared + own.digest + pagefind).encode()).hexdigest()  # the frame but the seeds
            if record.inputs != inputs:  # a change: extraction begins while the output is checked
                # (reuse point 1: the store's extractions; a few new seeds are extracted in a worker)
                reg = load_registry(config.data)
                extraction = start_extraction(seeds, reg, store, workers)
            altered = checking.result()
        except BaseException:
            if extraction is not None:
                extraction.close()
            raise
        finally:
            checking.close()
        there = set(record.files) - altered  # the last build's files still as it left them
        intact = bool(record.files) and not altered
        if record.inputs == inputs:
            if intact:
                result.errors, notices = from_rows(record.problems)
                result.notices += notices
                result.briefings, result.unchanged = record.briefings, True
                result.pages = sum(digest is not None and not rel.startswith(search.BUNDLE)
                                   for rel, (digest, _, _) in record.files.items())
                result.seconds = time.perf_counter() - start
                return result
        if extraction is None:  # the same inputs, but the output was not as left
            reg = load_registry(config.data)
            extraction = start_extraction(seeds, reg, store, workers)
        try:
            known, site, planned = None, None, None
            if intact and record.frame and record.common == common:
                # the extractions the last (intact) site knows are not read back, and its pages are
                # planned again at once: if the frame proves unchanged, they are this build's
                known = {name: (key, digest, *from_rows(rows)) if rows else (key, digest, [], [])
                         for name, (key, digest, rows) in record.seeds.items()}
                planned = _replan(record, {name: key for name, data, key in seeds.items if data is not None}, store)
            env = make_env(config, reg)
            if planned is not None:  # the templates are compiled while the worker extracts
                warm(env, {plan.template for plan in planned.plans if plan is not None})
            gathered = extraction.result(known)
        finally:
            extraction.close()
        frame = frame_digest(common, gathered)
        result.errors, result.notices = gathered.errors + own.errors, result.notices + gathered.notices + own.notices
        # site, plan: the last build's, but for the texts, when the frame is unchanged; else made anew
        cores = workers or os.cpu_count() or 1
        made_site = False
        if planned is None or frame != record.frame:
            planned = None
            if gathered.partial:  # every briefing is needed after all
                gathered = extract_inputs(seeds, reg, store, workers)
            seeds = extraction = None  # the seeds' bytes (30 MB at 10,000 seeds) are needed no more
            site, planned = _plan(gathered, reg, config, own, shared, cores)
            made_site = True
        result.briefings = len(planned.indexed)
        # render and write (reuse point 2: a page whose digest and file are unchanged is kept)
        rels, digests, plans = planned.rels, planned.digests, planned.plans
        kept = {rel for rel, digest in zip(rels, digests) if rel in there and record.files[rel][0] == digest}
        changed = len(rels) - len(kept)
        # few changes to an intact previous site: touch only those files; else build it whole and swap
        in_place = bool(record.files) and changed * 2 < len(rels)
        out.parent.mkdir(parents=True, exist_ok=True)
        writer = InPlaceWriter(out, set(record.files)) if in_place else StagedWriter(out)
        env.globals["own_pages"] = own.nav  # the footer's links (covered by `shared`)
        rendering = None
        try:
            todo: list[tuple[int, str]] = []  # pages to render in worker processes: (plan index, target)
            parallel = isinstance(writer, StagedWriter) and changed >= PARALLEL_RENDER_FROM and (workers or 2) > 1
            if in_place:  # kept files are as the record has them: found so by _not_as_left just now
                untouched = kept | {rel for rel, data in planned.files.items() if data is None}
                writer.keep_all(untouched)
            else:
                untouched = set()
            for i, (plan, rel) in enumerate(zip(plans, rels)):
                if rel in untouched or (rel in kept and writer.keep(rel)):
                    continue
                if plan is None:  # a page _replan knew unchanged, whose file went away since
                    raise BriefingError(f"{rel}: a file of the last build went away while this build ran",
                                        os.path.join(out, rel))
                result.rendered += 1
                if parallel:
                    todo.append((i, writer.reserve(rel)))
                else:
                    writer.add(rel, render_page(env, plan, store))
                    if progress:
                        progress("writing", i + 1, len(plans))
            # forked workers share the site graph and write their own files into the staging
            # folder; meanwhile this process writes the rest
            rendering = fork_map(_render_to, todo, (env, plans, store), cores, 1)
            for rel, data in planned.files.items():
                if data is not None:
                    writer.add(rel, data)
                elif not in_place:
                    writer.keep(rel)
            for n, _ in enumerate(rendering, 1):
                if progress:
                    progress("writing", n, len(todo))
            # every page is written: their contexts go (but for those the store is to keep)
            plans = planned.plans = env = rendering = None
            # search: Pagefind over the pages just written (or its bundle kept: see search.py);
            # meanwhile, in a thread, the contexts of briefing pages new to the store are kept and
            # the record is drafted: all of it but the search bundle's files
            before = set(writer.files)
            where = {rel: writer.current(rel) for rel in before - untouched}  # (a file keeps its stat when moved in)
            draft = _RecordDraft(store, record, untouched, where, dict(zip(rels, digests)))
            problems = to_rows(result.errors, gathered.notices + own.notices)

            def meanwhile() -> None:
                if planned.contexts:
                    _keep_contexts(store, planned.contexts)
                    planned.contexts = None
                draft.make(str(out), problems, result.briefings, frame, common, gathered.outcomes, planned.texts,
                           stats)
            bundle = search.write_bundle(writer, planned.indexed, pagefind, record, there, progress,
                                         defer=defer_search, workers=cores, meanwhile=meanwhile)
            draft.add_bundle(writer, before, bundle)
            writer.finish()
        except BaseException:
            if rendering is not None:
                rendering.close()  # the workers stop before their folder goes
            writer.abort()
            raise
        # the record: what the output folder now holds, as this build left it
        if made_site:
            store.prune_contexts({context for _, context, _ in planned.texts.values()})
        store.prune({key for key, _, _, _ in gathered.outcomes.values()})
        draft.finish(search.BEHIND + inputs if bundle.behind else inputs)
        store.commit()
        result.pages, result.site = len(rels), site
        if bundle.behind:
            result.search = search.Pending(config, cache_dir, inputs, planned.indexed, pagefind, cores)
        result.seconds = time.perf_counter() - start
        return result
    finally:
        store.close()  # a failed build's uncommitted rows are rolled back now, not whenever


def frame_digest(common: str, gathered: Gathered) -> str:
    """Digest of all that every page's context is made of: what every page shares (`common`: the
    site digest, the archive's own pages, Pagefind), and each briefing's metadata, in seed order.
    Builds of one frame make one site graph and the same pages, but for the texts of briefings
    (each page's digest has its texts' key: digest.page_digest)."""
    h = hashlib.sha256(common.encode())
    for name, digest in gathered.digests.items():
        h.update(f"{name}\0{digest}\0".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


@dataclass
class Planned:
    """What a build writes: every page's output file, digest and plan (None: a page the build
    knows it keeps), the other files (None: kept as they are), what search indexes (each
    briefing page's output file, digest and date), and of each page that shows texts, by seed
    name, its output file, context digest and date (kept in the record, for `_replan`), with
    the contexts themselves (digest, context) the store is to keep."""

    rels: list[str]
    digests: list[str]
    plans: list
    files: dict[str, bytes | None]
    indexed: list[tuple[str, str, object]]
    texts: dict[str, list]
    contexts: list[tuple[str, dict]] = field(default_factory=list)


def _plan(gathered: Gathered, reg, config: SiteConfig, own, shared: str, cores: int) -> tuple[object, Planned]:
    """The site graph and every page, planned and digested anew."""
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
    texts, contexts = {}, []  # of each page that shows texts: a briefing's page
    more_digests = []
    for i, (plan, context) in enumerate(zip(pages + more, page_digests(pages + more, shared, walker=walker,
                                                                       workers=cores))):
        if plan.texts is not None:
            if i >= len(pages):
                raise AssertionError(f"{plan.rel}: only a briefing's page may show texts (see _replan)")
            b = site.briefings[i]
            texts[b.source] = [urls.output_file(plan.rel), context, b.date.isoformat()]
            contexts.append((context, plan.context))
        more_digests.append(page_digest(context, plan.texts))
    plans = in_order(lists, pages + more)
    digests = in_order(list_digests, more_digests)
    rels = [urls.output_file(plan.rel) for plan in plans]
    indexed = [(urls.output_file(p.rel), d, b.date) for p, d, b in zip(pages, more_digests, site.briefings)]
    made["sitemap.xml"] = feeds.sitemap([p.rel for p in plans if extras.listed(p)], site, config)
    files = {"feed.xml": made["feed.xml"], "sitemap.xml": made["sitemap.xml"], "robots.txt": made["robots.txt"],
             **static_files(config)}
    return site, Planned(rels, digests, plans, files, indexed, texts, contexts)


def _replan(record: Record, keys: dict[str, str], store: Store) -> Planned | None:
    """The last build's pages, when its frame is this build's: every page and file is as it made
    them, but for the briefing pages (the pages that show texts) whose texts changed, planned
    again from their contexts as the store kept them. None when the record or the store does
    not have what this needs (`keys`: seed name -> store key, of this build's seeds)."""
    rels, digests, plans, indexed = [], [], [], []
    files, seeds = record.files, record.seeds
    for name, (rel, context, day) in record.texts.items():
        key = keys.get(name)
        if key is None:
            return None  # a seed gone: the frame is another
        digest = files[rel][0]
        plan = None
        if key != seeds[name][0]:  # its texts changed: its page is planned from its kept context
            digest = page_digest(context, key)
            kept = store.load_context(context)
            if kept is None:
                return None
            plan = briefing_page(kept, key)
            if urls.output_file(plan.rel) != rel:
                return None
        rels.append(rel)
        digests.append(digest)
        plans.append(plan)
        indexed.append((rel, digest, day))
    texts = set(rels)
    rest = [(rel, digest) for rel, (digest, _, _) in files.items()
            if rel not in texts and not rel.startswith(search.BUNDLE)]
    rels += [rel for rel, digest in rest if digest is not None]
    digests += [digest for rel, digest in rest if digest is not None]
    plans += [None] * (len(rels) - len(plans))
    indexed = [(rel, digest, date.fromisoformat(day)) for rel, digest, day in indexed]
    return Planned(rels, digests, plans, {rel: None for rel, digest in rest if digest is None}, indexed,
                   dict(record.texts))


class _RecordDraft:
    """The record of a build, kept in two steps (store.save_record_part): all but the search
    bundle's files while Pagefind runs (`make`, in a thread: the rows 'head' and 'files'), then
    those (`add_bundle`) and the inputs' digest (`finish`: the row 'tail', with the HMAC of all).
    A file's stat is taken where the writer has it (`where`: rel -> path), which it keeps when
    moved into place; a file kept as the last build left it (`untouched`, the search bundle's
    `kept`) keeps its recorded entry. Each part is dropped once written: memory at its peak."""

    def __init__(self, store: Store, record: Record, untouched: set[str], where: dict[str, str],
                 digests: dict[str, str]):
        self.store, self.record, self.untouched, self.where, self.digests = store, record, untouched, where, digests
        self.signer = store.record_signer()
        self.files: dict[str, list] = {}

    def make(self, output: str, problems: list, briefings: int, frame: str, common: str, outcomes: dict,
             texts: dict, stats: dict) -> None:
        seeds = {name: [key, digest, to_rows(errors, notices)] for name, (key, digest, errors, notices)
                 in outcomes.items()}
        head = record_head(Record(output, "", {}, problems, briefings, frame, common, seeds, texts, stats))
        self.store.save_record_part("head", head, self.signer)
        head = seeds = None
        recorded = self.record.files
        files = {rel: recorded[rel] for rel in self.untouched}
        for rel, path in self.where.items():
            st = os.stat(path)
            files[rel] = [self.digests.get(rel), st.st_size, st.st_mtime_ns]
        self.where = self.digests = None
        text, files = json_object(files), None
        self.store.save_record_part("files", text, self.signer)

    def add_bundle(self, writer, before: set[str], bundle) -> None:
        recorded = self.record.files
        for rel in writer.files - before:
            if rel in bundle.kept:
                self.files[rel] = recorded[rel]  # a kept shard's file, as the last build left it
            else:
                st = os.stat(writer.current(rel))
                self.files[rel] = [bundle.files.get(rel), st.st_size, st.st_mtime_ns]

    def finish(self, inputs: str) -> None:
        """The last row, signed with the others."""
        self.store.save_record_part("tail", record_tail(inputs, self.files), self.signer)


def _keep_contexts(store: Store, contexts: list[tuple[str, dict]]) -> None:
    """Keep the contexts of briefing pages the store does not have yet."""
    have = store.context_keys()
    store.save_contexts((key, context) for key, context in contexts if key not in have)
