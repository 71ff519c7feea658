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

import gzip
import hashlib
import json
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
    try:
        canonical(bundle)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:  # a Pagefind that writes another format
        raise BriefingError(f"search: the bundle Pagefind wrote is not of the form this version of "
                            f"briefings knows ({exc}); use pagefind 1.x", tool) from None
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


# ------------------------------------------------------------------ one bundle for one site
# Pagefind writes each filter's values, and the list of filters, in the order of a Rust hash
# map, which differs from run to run: two runs over the same pages give bundles that search
# alike but differ in bytes. The bundle is therefore put in one order here: every filter's
# values sorted, its file named by the digest of its contents, and the index's metadata file
# (which names the filter files) and the entry file (which names the metadata) written again.
# Pagefind's files are gzip-compressed CBOR after a signature; names are only names to its
# JavaScript, which reads what the entry and metadata files point at.

SIGNATURE = b"pagefind_dcd"


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for ai, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | ai]) + n.to_bytes(size, "big")
    raise ValueError(f"CBOR length too large: {n}")


def cbor_decode(data: bytes, pos: int = 0):
    """One CBOR item (the kinds Pagefind writes: integers, strings, arrays) and where it ends."""
    b = data[pos]
    major, ai = b >> 5, b & 31
    pos += 1
    if ai < 24:
        n = ai
    elif ai <= 27:
        size = 1 << (ai - 24)
        n, pos = int.from_bytes(data[pos:pos + size], "big"), pos + size
    else:
        raise ValueError(f"unexpected CBOR item {b:#x}")
    if major == 0:
        return n, pos
    if major == 1:
        return -1 - n, pos
    if major == 2:
        return bytes(data[pos:pos + n]), pos + n
    if major == 3:
        return data[pos:pos + n].decode("utf-8"), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = cbor_decode(data, pos)
            items.append(item)
        return items, pos
    raise ValueError(f"unexpected CBOR major type {major}")


def cbor_encode(value) -> bytes:
    if isinstance(value, int) and not isinstance(value, bool):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    raise ValueError(f"cannot encode {type(value).__name__} as CBOR")


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind file")
    value, end = cbor_decode(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{path.name}: trailing bytes")
    return value


def _write(path: Path, value) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + cbor_encode(value), mtime=0))


def _named(lang: str, value, width: int) -> str:
    return f"{lang}_{hashlib.sha256(cbor_encode(value)).hexdigest()[:width]}"


def canonical(bundle: Path) -> None:
    """Put a bundle Pagefind wrote in one order (see above), in place."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        version, pages, chunks, filters, sorts, fields = meta
        renamed = []
        for name, old in filters:
            path = bundle / "filter" / f"{old}.pf_filter"
            fname, values = _read(path)
            value = [fname, sorted(values, key=lambda v: v[0])]
            new = _named(lang, value, 7)
            path.unlink()
            _write(bundle / "filter" / f"{new}.pf_filter", value)
            renamed.append([name, new])
        meta = [version, pages, chunks, sorted(renamed), sorted(sorts, key=lambda s: s[0]), sorted(fields)]
        info["hash"] = _named(lang, meta, 10)
        meta_path.unlink()
        _write(bundle / f"pagefind.{info['hash']}.pf_meta", meta)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                          encoding="utf-8")
