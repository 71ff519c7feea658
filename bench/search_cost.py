#!/usr/bin/env python3
"""What full-text search (Pagefind, generator/search.py) costs a build, at N seeds.

    python bench/search_cost.py [--n 1000 10000] [--runs 3]

For each N it builds the first N seeds of the synthetic corpus ($BENCH_HOME/corpus/n10000/raw,
made by bench/compare.py) in this process, with the search step timed on its own, in three
situations: a cold build (no output, no cache), one seed changed (its last paragraph gets a
space, alternately added and removed), and no change. It prints, per situation, the median
wall time of the whole build and of the search step, the search step's share, its CPU time
(this process and Pagefind's), the bundle's files and bytes, and the peak RSS of the largest
child process (getrusage: Pagefind, or an extraction worker if larger).
Builds run in this process (no start-up cost) with 2 workers; the machine is shared, so
read the shares and the medians of several runs, not one figure.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator import build as build_module  # noqa: E402
from generator import search  # noqa: E402
from generator.config import load_config  # noqa: E402

CORPUS = Path(os.environ.get("BENCH_HOME", Path.home() / ".cache" / "briefings-bench")) / "corpus" / "n10000" / "raw"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: run bench/compare.py --n 10000 --skip-peers once", file=sys.stderr)
        return 2
    timed = {"search": 0.0, "cpu": 0.0}
    real = search.write_bundle

    def cpu() -> float:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    def write_bundle(*a, **k):
        t, c = time.perf_counter(), cpu()
        try:
            return real(*a, **k)
        finally:
            timed["search"] += time.perf_counter() - t
            timed["cpu"] += cpu() - c

    build_module.search.write_bundle = write_bundle
    seeds = sorted(CORPUS.glob("*.txt"))
    print("| N | build | whole build wall s | search step wall s | share | search step CPU s (ours + Pagefind) | bundle files | bundle MB | largest child's peak RSS MiB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for n in args.n:
        with tempfile.TemporaryDirectory(prefix="search-cost-") as tmp:
            root = Path(tmp)
            (root / "seeds").mkdir()
            for seed in seeds[:n]:
                shutil.copyfile(seed, root / "seeds" / seed.name)
            (root / "site.yaml").write_text("title: Bench\nbase_url: https://example.test/\n", encoding="utf-8")
            config = load_config(root / "site.yaml")
            touched = root / "seeds" / seeds[n // 2].name
            original = touched.read_bytes()
            rows: dict[str, list[tuple[float, float, float]]] = {"cold": [], "one seed changed": [], "no change": []}
            for run in range(args.runs):
                for kind in rows:
                    if kind == "cold":
                        shutil.rmtree(config.output, ignore_errors=True)
                        shutil.rmtree(root / "cache", ignore_errors=True)
                    elif kind == "one seed changed":
                        touched.write_bytes(original + b" " if run % 2 == 0 else original)
                    timed["search"] = timed["cpu"] = 0.0
                    t = time.perf_counter()
                    build_module.build(config, cache_dir=root / "cache", workers=2)
                    rows[kind].append((time.perf_counter() - t, timed["search"], timed["cpu"]))
            bundle = [p for p in (config.output / "pagefind").rglob("*") if p.is_file()]
            size = sum(p.stat().st_size for p in bundle) / 1e6
            rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            for kind, values in rows.items():
                whole = statistics.median(v[0] for v in values)
                step = statistics.median(v[1] for v in values)
                step_cpu = statistics.median(v[2] for v in values)
                print(f"| {n} | {kind} | {whole:.2f} | {step:.2f} | {step / whole:.0%} | {step_cpu:.2f} | {len(bundle)} | "
                      f"{size:.1f} | {rss:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
