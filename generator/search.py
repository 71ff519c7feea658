"""Full-text search: Pagefind run over the new site's pages, its bundle written as part of the site.

Pagefind (the `pagefind[bin]` dependency, a Rust program shipped in a wheel) reads HTML and
writes a static index that its own JavaScript queries in the browser: every word of what a
template marks with `data-pagefind-body`, and the filters, metadata and sort keys the template
marks with `data-pagefind-filter`, `-meta` and `-sort`. It indexes a whole site at once, so
it runs after every page of the new site is written and before the site is swapped in; its
files (`pagefind/...`) go through the build's writer like any other file.

It is the build's third reuse point, and a small one. The bundle is made of the pages and of
Pagefind itself: its digest (`bundle_digest`) is taken over every page's digest and the
Pagefind binary's bytes. When that digest is the one recorded for the bundle and its files
are still as the last build left them, the bundle is kept without running Pagefind.

Pagefind reads a folder: it gets a scratch folder of hard links to the new site's pages,
inside what the writer owns (the staging folder, or the output folder for a build that
changes files in place), named `.pagefind.new-PID` so that `guard` removes it if the build
is killed. It runs in that folder, with no `PAGEFIND_*` variables, so no configuration
file or variable of the user's changes what it writes: its output is a function of the pages.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Callable, Iterable

from generator.errors import BriefingError

BUNDLE = "pagefind/"  # the bundle's folder in the site, as the templates load it


def executable() -> Path:
    """The Pagefind binary that `pagefind[bin]` installs (the `pagefind_bin` package)."""
    try:
        import pagefind_bin
        return pagefind_bin.get_executable()
    except (ImportError, FileNotFoundError) as exc:
        raise BriefingError(f"search: Pagefind is not installed ({exc}); "
                            "install it with: pip install 'pagefind[bin]'") from None


def tool_digest() -> str:
    """Digest of the Pagefind binary (an upgrade of it changes the bundle): part of every
    build's inputs, so a build with nothing else changed still sees it."""
    with open(executable(), "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def bundle_digest(pages: Iterable[tuple[str, str]], tool: str) -> str:
    """Digest of what the bundle is made of: each page (output file, page digest) and the tool."""
    h = hashlib.sha256(tool.encode())
    for rel, digest in sorted(pages):
        h.update(f"\0{rel}\0{digest}".encode())
    return h.hexdigest()


def _die_with_parent() -> None:
    """Pagefind ends when the build does, even a build killed outright (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build answers Ctrl-C and stops it
    if sys.platform.startswith("linux"):
        import ctypes
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def run_pagefind(pages: Iterable[tuple[str, str]], scratch: Path) -> Path:
    """Index `pages` (output file, where its bytes are now) with Pagefind in `scratch`; return
    the folder holding the bundle. Raises BriefingError naming what failed."""
    tool = executable()
    site, bundle = scratch / "site", scratch / "bundle"
    made: set[str] = set()
    for rel, path in pages:
        target = os.path.join(site, rel)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    try:
        proc = subprocess.run([str(tool), "--site", "site", "--output-path", "bundle", "--quiet"],
                              cwd=scratch, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              preexec_fn=_die_with_parent if os.name == "posix" else None)
    except OSError as exc:
        raise BriefingError(f"search: Pagefind could not be started: {exc.strerror or exc}", tool) from None
    if proc.returncode != 0 or not (bundle / "pagefind.js").is_file():
        said = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip().splitlines()[-5:]
        raise BriefingError(f"search: Pagefind failed (exit status {proc.returncode}): "
                            + (" / ".join(said) or "it wrote no pagefind.js"), tool)
    return bundle


def write_bundle(writer, pages: list[tuple[str, str]], tool: str, record, there: set[str],
                 progress: Callable[[str, int, int], None] | None = None) -> dict[str, str]:
    """Put the search bundle into the new site: kept from the last build when its digest is
    unchanged and its files are intact, else made again by Pagefind over every HTML page
    (`pages`: output file, page digest; `tool`: the tool_digest()). Returns each bundle file's digest, for the record."""
    digest = bundle_digest(pages, tool)
    recorded = [rel for rel in record.files if rel.startswith(BUNDLE)]
    if recorded and all(rel in there and record.files[rel][0] == digest for rel in recorded) \
            and all(os.path.isfile(os.path.join(writer.out, rel)) for rel in recorded):
        for rel in recorded:
            writer.keep(rel)
        return dict.fromkeys(recorded, digest)
    if progress:
        progress("indexing for search", 0, len(pages))
    scratch = writer.scratch / f".pagefind.new-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        bundle = run_pagefind([(rel, writer.current(rel)) for rel, _ in pages], scratch)
        written = {}
        for folder, _, files in os.walk(bundle):
            for name in sorted(files):
                path = os.path.join(folder, name)
                rel = BUNDLE + os.path.relpath(path, bundle).replace(os.sep, "/")
                with open(path, "rb") as fh:
                    writer.add(rel, fh.read())
                written[rel] = digest
        return written
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
