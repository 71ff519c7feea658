#!/usr/bin/env python3
"""Extraction speed: milliseconds per article, against a peer measured in the same run.

    python bench/extract_speed.py [--n 1000] [--runs 5] [--corpus DIR ...]

Articles: N synthetic ones from ../shared/bench/make_corpus.py (seed format, fictional) and,
when present, the development corpus ../shared/corpus/dev. Everything is read into memory
first; only extraction is timed (registry loaded once, as a build does). The peer is
Python-Markdown converting the same texts, the body conversion a Pelican-style build pays per
article. Prints medians of --runs passes and the ratio; the target is <= 2 ms per article.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from generator.extract import extract  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.sources import read_seed  # noqa: E402


def synthetic(n: int, where: Path) -> list[Path]:
    subprocess.run([sys.executable, str(SHARED / "bench" / "make_corpus.py"), str(n), str(where)],
                   check=True, stdout=subprocess.DEVNULL)
    return sorted((where / "raw").glob("*.txt"))


def per_article(fn, items, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for item in items:
            fn(item)
        times.append((time.perf_counter() - t0) / len(items))
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="synthetic articles (default 1000)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", action="append", default=[], help="another folder of seeds")
    args = ap.parse_args()
    import markdown
    md = markdown.Markdown(output_format="html")
    reg = load_registry(None)
    with tempfile.TemporaryDirectory() as tmp:
        sets = {f"synthetic ({args.n})": synthetic(args.n, Path(tmp))}
        for folder in [SHARED / "corpus" / "dev", *map(Path, args.corpus)]:
            if folder.is_dir():
                sets[f"{folder.name} ({len(list(folder.glob('*.txt')))})"] = sorted(folder.glob("*.txt"))
        print("| articles | extract ms/article | Python-Markdown ms/article | ratio |")
        print("|---|---:|---:|---:|")
        for label, paths in sets.items():
            raws = [read_seed(p) for p in paths]
            ours = per_article(lambda r: extract(r, reg), raws, args.runs)
            peer = per_article(lambda r: md.reset().convert(r.text), raws, args.runs)
            print(f"| {label} | {ours:.2f} | {peer:.2f} | {ours / peer:.2f}x |")


if __name__ == "__main__":
    main()
