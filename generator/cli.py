"""`briefings extract | build | check | new | serve | publish`: the only module that prints or exits."""
from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import sys
import threading
import traceback
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from generator import __version__, guard
from generator.build import build
from generator.gather import gather
from generator.check import report
from generator.config import SiteConfig, load_config
from generator.errors import BriefingError, located
from generator.model import Briefing
from generator.registry import load_registry

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


def briefing_record(b: Briefing) -> dict:
    """The front matter of a briefing, in the schema of the extraction scorer."""
    return {
        "source": b.source, "title": b.title, "date": b.date.isoformat(),
        "location": ({"city": b.location.city, "country": b.location.country} if b.location else None),
        "countries": list(b.countries), "event_type": b.event_type,
        "officials": [{"name": p.name, "title": p.title, "country": p.country, "former": p.former,
                       "role": p.role} for p in b.officials],
        "topics": list(b.topics), "summary": b.summary,
        "confidence": {k: round(v, 2) for k, v in b.confidence},
        **({"note": b.note} if b.note else {}),  # an analyst's note, as the front matter gave it
    }


def _config(args) -> SiteConfig:
    path = Path(args.config) if getattr(args, "config", None) else Path("site.yaml")
    config = load_config(path if (args.config or path.exists()) else None)
    return config.with_overrides(
        seeds=Path(args.seeds).resolve() if getattr(args, "seeds", None) else None,
        output=Path(args.out).resolve() if getattr(args, "out", None) else None,
        base_url=getattr(args, "base_url", None))


def _progress(stream):
    if not stream.isatty():
        return None

    def show(stage: str, i: int, total: int) -> None:
        if i == total or i % 50 == 0:
            stream.write(f"\r{stage} {i}/{total}" + (" " * 10 if i < total else "\n"))
            stream.flush()
    return show


def cmd_build(args) -> int:
    config = _config(args)
    cache = Path(args.cache).resolve() if args.cache else config.root / ".briefings-cache"
    if _exits_after:
        # the process ends after the build (see run): the cyclic collector, which the build turns
        # off while it runs, is not turned on again to walk the hundreds of thousands of objects it left
        gc.disable()
    result = build(config, progress=_progress(sys.stderr), cache_dir=cache, clean=args.clean,
                   force=args.force)
    for problem in [*result.errors, *result.notices]:
        print(problem, file=sys.stderr)
        if args.debug and getattr(problem, "detail", None):
            print(problem.detail, file=sys.stderr)
    done = "nothing changed" if result.unchanged else f"{result.rendered} rendered"
    print(f"built {result.briefings} briefings, {result.pages} pages ({done}), {len(result.errors)} errors, "
          f"{len(result.notices)} warnings in {result.seconds:.2f} s -> {result.output}")
    return EXIT_INPUT if result.errors or (args.strict and result.notices) else EXIT_OK


def cmd_check(args) -> int:
    config = _config(args)
    reg = load_registry(config.data)
    g = gather(config.seeds, config.root, reg)
    briefings, errors, notices = g.briefings, g.errors, g.notices
    for problem in [*config.notices, *errors, *notices]:
        print(problem)
    findings = report(briefings)
    for heading, items in findings.sections():
        if items:
            print(f"\n{heading} ({len(items)})")
            for source, message in items:
                print("  " + located(source, None, message))
    print(f"\nchecked {len(briefings) + len(errors)} seeds: {len(errors)} refused, "
          f"{len(notices) + len(config.notices)} warnings, {findings.count()} findings for an editor")
    return EXIT_INPUT if errors or (args.strict and (notices or config.notices)) else EXIT_OK


def cmd_extract(args) -> int:
    config = _config(args)
    reg = load_registry(config.data)
    records, failed = [], 0
    for target in args.paths:
        path = Path(target)
        g = gather(path, Path.cwd().resolve(), reg)
        for problem in [*g.errors, *g.notices]:
            print(problem, file=sys.stderr)
        failed += len(g.errors)
        records += [briefing_record(b) for b in g.briefings]
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for rec in records:
            rec = {k: v for k, v in rec.items() if k not in ("source", "confidence")}
            sys.stdout.write("---\n" + yaml.safe_dump(rec, sort_keys=False, allow_unicode=True) + "---\n")
    return EXIT_INPUT if failed else EXIT_OK


SITE_YAML = """# Settings for this archive. Paths are relative to this file.
title: {title}
description: A cross-linked archive of diplomatic news.
# The URL the site is published under. The Atom feed, sitemap.xml and robots.txt need an
# absolute one, e.g. https://USER.github.io/REPO/ on GitHub Pages.
base_url: {base_url}
language: en
paths:
  seeds: seeds
  output: site
  templates: templates
  static: static
  data: data
  pages: pages
"""

OFFICIALS_YAML = """# Corrections for all briefings: canonical name, aliases, country, title.
# - name: Katsunobu Kato
#   aliases: [Kato Katsunobu]
#   country: JP
#   title: Chief Cabinet Secretary
[]
"""

GITIGNORE = """# made by 'briefings build' and 'briefings publish'
site/
.briefings-cache/
"""

PAGES_WORKFLOW = """# Build the archive and publish it on GitHub Pages on every push to main (the branch you push to).
# Switch Pages on once: Settings -> Pages -> Build and deployment -> Source: GitHub Actions.
name: Publish on GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# one deployment at a time; a newer push waits rather than cancelling one under way
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      # This repository holds the archive, not the tool: install briefings from the package
      # index (or from the tool's own repository: pip install "briefings @ git+URL").
      # Pin a version (pip install "briefings==X.Y") to build the same site every time.
      - run: pip install briefings
      - id: pages
        uses: actions/configure-pages@v5
      # the URL Pages serves this repository at (https://USER.github.io/REPO or a custom domain)
      - run: briefings build --base-url "${{ steps.pages.outputs.base_url }}" --out "${{ runner.temp }}/site"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: ${{ runner.temp }}/site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""


ABOUT_PAGE = """# About this archive

This archive gathers diplomatic news as briefings: each article is a page with its date, its
place, the officials who took part and the countries involved, linked to every other briefing
that shares them.

## How it is made

A program reads each article's plain text and finds who met whom, where and when. Where the
text is unclear it may be wrong; the front matter of a seed corrects any field.

Edit this page in `pages/about.md`; every `.md` file of `pages/` becomes a page of the site.
"""


def _yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar: plain where that reads back the same, else quoted."""
    return value if yaml.safe_load(value) == value else json.dumps(value)


def cmd_new(args) -> int:
    from generator.config import normalise_base_url
    target = Path(args.dir)
    if (target / "site.yaml").exists():
        print(f"{target / 'site.yaml'}: already exists; nothing was changed", file=sys.stderr)
        return EXIT_USAGE
    base_url = normalise_base_url(args.base_url, "--base-url") if args.base_url else "/"
    title = " ".join(target.resolve().name.replace("-", " ").replace("_", " ").split()).title() or "Briefings"
    folders = ("seeds", "templates", "static", "data", "pages", ".github/workflows")
    files = {
        "site.yaml": SITE_YAML.format(title=json.dumps(title), base_url=_yaml_scalar(base_url)),
        ".gitignore": GITIGNORE,
        "data/officials.yaml": OFFICIALS_YAML,
        "templates/README.txt": "Put a template here with the name of a built-in one (base.html, briefing.html, "
                                "...) to override it.\n",
        ".github/workflows/pages.yml": PAGES_WORKFLOW,
        "pages/about.md": ABOUT_PAGE,  # the archive's own pages, in Markdown, at /about/ (pages.py)
    }
    for sub in folders:
        if (target / sub).exists() and not (target / sub).is_dir():
            print(f"{target / sub}: exists and is not a folder; nothing was changed", file=sys.stderr)
            return EXIT_USAGE
    for sub in folders:
        (target / sub).mkdir(parents=True, exist_ok=True)
    created, kept = [], []
    for name, text in files.items():
        try:  # 'x': never overwrite, even a file that appears meanwhile
            with open(target / name, "x", encoding="utf-8") as f:
                f.write(text)
            created.append(name)
        except FileExistsError:
            kept.append(name)
    print(f"created a new archive in {target}: {', '.join(created)}")
    if kept:
        print(f"kept as they were (already there): {', '.join(kept)}")
    if not urlsplit(base_url).scheme:
        print("note: the Atom feed, sitemap.xml and robots.txt need an absolute base URL: set base_url in "
              "site.yaml (e.g. https://USER.github.io/REPO/), or 'briefings new DIR --base-url URL'")
    top = next((p for p in target.resolve().parents if (p / ".git").exists()), None)
    if top is not None:
        print(f"note: {target} is inside the git repository {top}; GitHub runs only the workflows in the "
              f"repository's top folder, so move .github/ there (and build in {target}) or make {target} "
              "a repository of its own")
    print(f"next: add articles to {target / 'seeds'} and run 'briefings build' there; to publish on GitHub "
          "Pages, push to a GitHub repository and choose Settings -> Pages -> Source: GitHub Actions")
    return EXIT_OK


def cmd_publish(args) -> int:
    from generator import publish as pub
    config = _config(args)
    top = pub.repository(config.root)
    remote = None if args.no_push else args.remote
    pub.preflight(top, args.branch, remote)  # before a build that may take a while
    cache = config.root / ".briefings-cache"
    source = pub.source_commit(top, (cache, config.output))
    # --base-url, else https://CNAME/, else an absolute base_url of site.yaml, else the URL GitHub
    # Pages serves the remote's repository at
    base_url = (config.base_url if args.base_url or (urlsplit(config.base_url).scheme and not args.cname)
                else pub.pages_url(top, args.remote, args.cname))
    result = build(pub.publish_config(config, cache, base_url), progress=_progress(sys.stderr),
                   cache_dir=cache / "publish" / "cache", clean=args.clean)
    for problem in [*result.errors, *result.notices]:
        print(problem, file=sys.stderr)
    if result.errors and not args.force:
        print(f"not published: the build refused {len(result.errors)} seeds (correct them, or use --force "
              "to publish the rest)", file=sys.stderr)
        return EXIT_INPUT
    url = base_url or config.base_url
    message = f"{args.message}\n\nSource: {source}\nBase URL: {url}\nBuilt by briefings {__version__}\n"
    done = pub.publish(result.output, top, branch=args.branch, remote=remote, cname=args.cname, message=message)
    what = f"committed {done.commit[:12]}" if done.commit else "unchanged"
    print(f"published {result.briefings} briefings for {url} to branch {done.branch} ({what}"
          f"{', pushed to ' + args.remote if done.pushed else ', not pushed'}) from {source}")
    return EXIT_OK


def cmd_serve(args) -> int:
    from generator.serve import serve
    _config(args)  # a broken site.yaml stops serve before it starts; later, the preview shows it
    config_file = Path(args.config) if args.config else Path("site.yaml")
    return serve(lambda: _config(args), config_file=config_file if config_file.exists() else None,
                 host=args.host, port=args.port, open_browser=args.open,
                 say=lambda message: print(message, file=sys.stderr, flush=True))


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="briefings", description="Turn raw diplomatic news articles into a "
                                 "cross-linked static briefing archive.")
    ap.add_argument("--version", action="version", version=f"briefings {__version__}")
    ap.add_argument("--debug", action="store_true", help="show a traceback for unexpected errors")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p, seeds=True):
        p.add_argument("--config", metavar="FILE", help="the archive's settings (default: ./site.yaml)")
        if seeds:
            p.add_argument("--seeds", metavar="DIR", help="folder of articles (default: from site.yaml)")
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    b = sub.add_parser("build", help="build the static site", description="Build the static site from the seeds.")
    b.add_argument("seeds_pos", nargs="?", metavar="SEEDS", help="folder of articles (same as --seeds)")
    common(b)
    b.add_argument("--out", "-o", metavar="DIR", help="output folder (default: site/)")
    b.add_argument("--base-url", metavar="URL", help="URL the site is published under")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    b.add_argument("--cache", metavar="DIR", help="cache folder for incremental builds "
                   "(default: .briefings-cache/ beside site.yaml)")
    b.add_argument("--clean", action="store_true", help="a cold build: read no cache, rebuild the output "
                   "folder from nothing")
    b.add_argument("--force", action="store_true", help="take over an output folder that briefings did not "
                   "make (everything in it is replaced)")
    b.set_defaults(func=cmd_build)

    e = sub.add_parser("extract", help="print the front matter extracted from articles",
                       description="Print what extraction finds: YAML front matter, or JSON with --json.")
    e.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    e.add_argument("--json", action="store_true", help="a JSON array in the scorer's schema")
    common(e, seeds=False)
    e.set_defaults(func=cmd_extract)

    c = sub.add_parser("check", help="validate everything and report what an editor should correct",
                       description="Read and extract every seed, write nothing, and print refused seeds, "
                       "warnings, low-confidence fields, officials without a country or title, possible "
                       "duplicate articles and officials known under several spellings.")
    common(c)
    c.add_argument("--strict", action="store_true", help="treat warnings as errors (exit 1)")
    c.set_defaults(func=cmd_check)

    n = sub.add_parser("new", help="scaffold a new archive", description="Create site.yaml, seeds/, "
                       "templates/ (for overrides), static/, data/, a .gitignore and a GitHub Pages workflow "
                       "(.github/workflows/pages.yml) in DIR. Files that exist are never overwritten.")
    n.add_argument("dir", metavar="DIR")
    n.add_argument("--base-url", metavar="URL", help="URL the site will be published under, e.g. "
                   "https://USER.github.io/REPO/ (the feed and sitemap need an absolute one)")
    n.set_defaults(func=cmd_new)

    pub = sub.add_parser("publish", help="publish the site on GitHub Pages",
                         description="Build the site for the URL it is published under into a folder of its own "
                         "(.briefings-cache/publish/site), commit it as the whole content of a branch (gh-pages) "
                         "of this git repository, with .nojekyll, and push it. Your working tree, index and "
                         "current branch are not touched; a branch checked out anywhere is refused.")
    common(pub)
    pub.add_argument("--base-url", metavar="URL", help="URL the site is published under (default: "
                     "https://DOMAIN/ with --cname, else base_url of site.yaml when absolute, else "
                     "https://USER.github.io/REPO/ for a GitHub remote)")
    pub.add_argument("--branch", default="gh-pages", help="branch to publish to (default: gh-pages)")
    pub.add_argument("--remote", default="origin", help="remote to push to (default: origin)")
    pub.add_argument("--cname", metavar="DOMAIN", help="a custom domain (writes CNAME)")
    pub.add_argument("--message", default="Publish the briefing archive", help="first line of the commit message")
    pub.add_argument("--no-push", action="store_true", help="commit to the branch but do not push")
    pub.add_argument("--force", action="store_true", help="publish even when the build refused some seeds, and "
                     "take over an output folder that briefings did not make")
    pub.add_argument("--clean", action="store_true", help="build what is published from nothing (no cache)")
    pub.set_defaults(func=cmd_publish)

    s = sub.add_parser("serve", help="preview with live reload", description="Build a preview into "
                       ".briefings-cache/preview/site (never site/), serve it on localhost and rebuild + reload "
                       "the browser when seeds, templates, static files, data or site.yaml change.")
    common(s)
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine "
                   "only; another address warns that the network can read the preview)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    s.add_argument("--open", action="store_true", help="open the preview in the web browser")
    s.set_defaults(func=cmd_serve, base_url=None)
    return ap


def _terminate(signum, frame) -> None:
    raise guard.Terminated()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = parser().parse_args(argv)
    if getattr(args, "seeds_pos", None) and not args.seeds:
        args.seeds = args.seeds_pos
    guard.phase(None)
    handled = threading.current_thread() is threading.main_thread()
    if handled:  # SIGTERM is Ctrl-C: the build aborts cleanly
        before = signal.signal(signal.SIGTERM, _terminate)
    try:
        return args.func(args)
    except BriefingError as exc:
        if args.debug:
            traceback.print_exc()
            if exc.detail:
                print(exc.detail, file=sys.stderr)
        print(f"error: {exc}{guard.left()}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, guard.Terminated)
        print(guard.interrupted("terminated" if terminated else "interrupted"), file=sys.stderr)
        return 128 + (signal.SIGTERM if terminated else signal.SIGINT)
    except OSError as exc:  # the disk, not the program: say which file and why
        if args.debug:
            traceback.print_exc()
        print(f"error: {os_problem(exc)}{guard.left()}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if args.debug:
            traceback.print_exc()
        else:
            notes = "".join(f" ({note})" for note in getattr(exc, "__notes__", ()))
            print(f"internal error: {exc.__class__.__name__}: {exc}{notes}{guard.left()} "
                  "(run with --debug for details)", file=sys.stderr)
        return EXIT_USAGE
    finally:
        if handled:
            signal.signal(signal.SIGTERM, before)


def os_problem(exc: OSError) -> str:
    """An operating-system failure as `path: cause` (or `cannot move a to b: cause`)."""
    cause = exc.strerror or str(exc)
    if exc.filename is not None and exc.filename2 is not None:
        return f"cannot move {exc.filename} to {exc.filename2}: {cause}"
    if exc.filename is not None:
        return f"{exc.filename}: {cause}"
    return f"{cause} (while writing {guard.writing()})" if guard.writing() else cause


_exits_after = False  # set by run(): the process ends when main() returns


def run() -> None:
    """The `briefings` command: main(), then exit without freeing the build's objects one by one
    (a tenth of a second at 10,000 briefings); output is flushed first."""
    global _exits_after
    _exits_after = True
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
