#!/usr/bin/env python3
"""What full-text search (Pagefind, generator/search.py) costs a build, at N seeds, and before vs after.

    python bench/search_cost.py [--n 1000 10000] [--runs 3] [--before REF] [--after REF]

For each N it builds the first N seeds of the synthetic corpus ($BENCH_HOME/corpus/n10000/raw,
made by bench/compare.py) with the search step timed on its own, in these situations: a cold
build (no output, no cache), one seed changed (its last paragraph gets a space, added then
removed), and no change; and, where the code has it, the live preview's way: one seed changed
with the search step deferred (`build(defer_search=True)`), then `search.catch_up`.

`--before REF` (a git ref or a folder, e.g. int14) also measures that code, in the same run
(`--after REF`: the code to measure, by default this checkout's HEAD, frozen at the start):
every build runs in a fresh process (`PYTHONPATH` = the tree), the trees taking turns run by
run, each on its own output and cache over the same seeds, so both see the same machine at
about the same time. The machine is shared and noisy: compare the two trees' figures of the
same run (their ratio), not figures of different runs.

Per situation it prints medians over the runs: the whole build's wall time, the search step's
wall time and share, the search step's CPU time (this process during the step, plus every
Pagefind process's user + system time), how many Pagefind processes ran, the largest peak RSS
of one Pagefind process (several may run at once: at most `workers` of them), and the bundle's
files and bytes after it. Pagefind's CPU and RSS come from running it under /usr/bin/time.
Builds use 2 workers.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("BENCH_HOME", Path.home() / ".cache" / "briefings-bench")) / "corpus" / "n10000" / "raw"
SITUATIONS = ["cold", "one seed changed", "no change", "one seed changed, preview build (search deferred)",
              "then catch_up (search brought up to date)"]


def _cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def worker(root: Path, label: str) -> int:
    """One run of every situation with the code on PYTHONPATH; prints one JSON line per situation."""
    from generator import build as build_module
    from generator import search
    from generator.config import load_config

    timing = root / f"pagefind-{label}.log"
    wrapper = root / f"pagefind-{label}"
    wrapper.write_text(f'#!/bin/sh\nexec /usr/bin/time -a -o "{timing}" -f "%M %U %S" "{search.executable()}" "$@"\n')
    wrapper.chmod(0o755)
    search.executable = lambda: wrapper  # (both trees call it for every run of Pagefind)
    step = {"wall": 0.0, "cpu": 0.0}

    def timed(real):
        def run(*a, **k):
            t, c = time.perf_counter(), _cpu_self()
            try:
                return real(*a, **k)
            finally:
                step["wall"] += time.perf_counter() - t
                step["cpu"] += _cpu_self() - c
        return run

    build_module.search.write_bundle = timed(build_module.search.write_bundle)
    out, cache = root / f"out-{label}", root / f"cache-{label}"
    config = load_config(root / "site.yaml").with_overrides(output=out)
    touched = sorted((root / "seeds").glob("*.txt"))[len(list((root / "seeds").glob("*.txt"))) // 2]
    original = touched.read_bytes()
    deferred = "defer_search" in build_module.build.__code__.co_varnames

    def measure(kind: str, action) -> None:
        timing.write_text("")
        step["wall"] = step["cpu"] = 0.0
        t = time.perf_counter()
        action()
        wall = time.perf_counter() - t
        runs = [line.split() for line in timing.read_text().splitlines() if line.strip()]
        runs = [(int(m), float(u) + float(s)) for m, u, s in runs if m.isdigit()]
        bundle = [p for p in (out / "pagefind").rglob("*") if p.is_file()] if (out / "pagefind").is_dir() else []
        print(json.dumps({"kind": kind, "wall": wall, "step": step["wall"],
                          "cpu": step["cpu"] + sum(c for _, c in runs), "runs": len(runs),
                          "rss": max((m for m, _ in runs), default=0) / 1024, "files": len(bundle),
                          "mb": sum(p.stat().st_size for p in bundle) / 1e6}), flush=True)

    try:
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        measure("cold", lambda: build_module.build(config, cache_dir=cache, workers=2))
        touched.write_bytes(original + b" ")
        measure("one seed changed", lambda: build_module.build(config, cache_dir=cache, workers=2))
        measure("no change", lambda: build_module.build(config, cache_dir=cache, workers=2))
        if deferred:
            touched.write_bytes(original)
            pending = []
            measure(SITUATIONS[3], lambda: pending.append(
                build_module.build(config, cache_dir=cache, workers=2, defer_search=True).search))
            measure(SITUATIONS[4], lambda: search.catch_up(pending[0]))
    finally:
        touched.write_bytes(original)
    return 0


def tree_of(ref: str, scratch: Path, name: str) -> Path:
    """A folder holding the code of `ref`: the folder itself, or `git archive` of a ref of this repository
    (frozen: edits made while the bench runs do not change what it measures)."""
    if Path(ref).is_dir():
        return Path(ref).resolve()
    tree = scratch / name
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(HERE), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    return tree


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--before", help="a git ref or a folder with the code to compare with (e.g. int14)")
    ap.add_argument("--after", default="HEAD", help="a git ref or a folder with the code to measure (HEAD)")
    ap.add_argument("--worker", nargs=2, metavar=("ROOT", "LABEL"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(Path(args.worker[0]), args.worker[1])
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: run bench/compare.py --n 10000 --skip-peers once", file=sys.stderr)
        return 2
    seeds = sorted(CORPUS.glob("*.txt"))
    print("| N | code | build | whole build wall s | search step wall s | share | search step CPU s (ours + Pagefind) "
          "| Pagefind runs | one Pagefind's peak RSS MiB | bundle files | bundle MB |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="search-cost-") as tmp:
        trees = {"after": tree_of(args.after, Path(tmp), "after")}
        if args.before:
            trees = {"before": tree_of(args.before, Path(tmp), "before"), **trees}
        for n in args.n:
            root = Path(tmp) / f"n{n}"
            (root / "seeds").mkdir(parents=True)
            for seed in seeds[:n]:
                shutil.copyfile(seed, root / "seeds" / seed.name)
            (root / "site.yaml").write_text("title: Bench\nbase_url: https://example.test/\n", encoding="utf-8")
            rows: dict[tuple[str, str], list[dict]] = {}
            for _ in range(args.runs):
                for label, tree in trees.items():  # the trees take turns
                    env = {**os.environ, "PYTHONPATH": str(tree)}
                    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", str(root), label],
                                          env=env, cwd=tree, capture_output=True, text=True)
                    if proc.returncode != 0:
                        print(proc.stdout, proc.stderr, file=sys.stderr)
                        return 1
                    for line in proc.stdout.splitlines():
                        if line.startswith("{"):
                            row = json.loads(line)
                            rows.setdefault((label, row["kind"]), []).append(row)
            for kind in SITUATIONS:
                for label in trees:
                    values = rows.get((label, kind))
                    if not values:
                        continue
                    med = {k: statistics.median(v[k] for v in values) for k in values[0] if k != "kind"}
                    share = med["step"] / med["wall"] if med["wall"] else 0.0
                    print(f"| {n} | {label} | {kind} | {med['wall']:.2f} | {med['step']:.2f} | {share:.0%} | "
                          f"{med['cpu']:.2f} | {med['runs']:.0f} | {med['rss']:.0f} | {med['files']:.0f} | "
                          f"{med['mb']:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
