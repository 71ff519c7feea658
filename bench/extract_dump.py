#!/usr/bin/env python3
"""Everything the extractor produces, on every article of a set of folders, as one canonical JSON.

    python bench/extract_dump.py OUT.json [--folder DIR ...] [--synthetic 300] [--seed 20240501]

Speed work must not change any output: dump before a change, dump after it, and `cmp` the two
files; any difference is a bug. Default folders: the wire and dev corpora and the seeds of
../shared, and tests/fiction (recursively); plus --synthetic articles made by
../shared/bench/make_corpus.py with a fixed seed. Each article is keyed by its folder's label
and its path inside it (never by a temporary folder), and holds every field of the Briefing
`extract` returns (officials with titles, countries and roles, statements, mentions, body ...)
and its notices, or the SourceError it raised.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from generator.errors import SourceError  # noqa: E402
from generator.extract import extract  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.sources import read_seed  # noqa: E402

DEFAULT_FOLDERS = {
    "wire": SHARED / "corpus" / "wire",
    "dev": SHARED / "corpus" / "dev",
    "seeds": SHARED / "seeds",
    "fiction": ROOT / "tests" / "fiction",
}


def plain(value):
    """A result as JSON-ready data: dataclasses as dicts of all their fields, tuples as lists."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def dump_folder(label: str, folder: Path, reg, out: dict) -> None:
    for path in sorted(folder.rglob("*.txt")):
        name = f"{label}/{path.relative_to(folder).as_posix()}"
        try:
            briefing, notices = extract(read_seed(path, name), reg)
            out[name] = {"briefing": plain(briefing), "notices": plain(notices)}
        except SourceError as e:
            out[name] = {"error": [type(e).__name__, e.message, e.path, e.line]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="the JSON file to write")
    ap.add_argument("--folder", action="append", default=[], help="a folder of seeds (replaces the defaults)")
    ap.add_argument("--synthetic", type=int, default=300, help="synthetic articles (default 300; 0: none)")
    ap.add_argument("--seed", type=int, default=20240501, help="make_corpus.py's seed")
    args = ap.parse_args()
    folders = {Path(f).name: Path(f) for f in args.folder} if args.folder else DEFAULT_FOLDERS
    reg = load_registry(None)
    out: dict = {}
    for label, folder in folders.items():
        dump_folder(label, folder, reg, out)
    if args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, str(SHARED / "bench" / "make_corpus.py"), str(args.synthetic), tmp,
                            "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
            dump_folder("synthetic", Path(tmp) / "raw", reg, out)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, sort_keys=True, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(out)} articles -> {args.out}")


if __name__ == "__main__":
    main()
