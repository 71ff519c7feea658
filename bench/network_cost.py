"""What "who met whom" costs a build: laying out every official's drawing and /network/, and
rendering the pages that show them, on a corpus of N seeds.

    python bench/network_cost.py [--seeds DIR] [--runs 5]

DIR defaults to the synthetic corpus of compare.py (`$BENCH_HOME/corpus/n10000/raw`, made by
`../shared/bench/make_corpus.py`). Extraction is done once, without a store; then each step is
timed `--runs` times and the median printed, with the size of what the drawings add to a page.
Timings on a shared machine are noisy: compare runs of one session, not across sessions.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from generator import network
from generator.config import load_config
from generator.digest import page_digests
from generator.gather import gather
from generator.registry import load_registry
from generator.render import PagePlan, list_plans, make_env, render_page
from generator.site import build_site


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    home = Path(os.environ.get("BENCH_HOME", Path.home() / ".cache" / "briefings-bench"))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=home / "corpus" / "n10000" / "raw")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    reg = load_registry(None)
    start = time.perf_counter()
    g = gather(args.seeds, args.seeds.parent, reg)
    print(f"{len(g.briefings)} briefings extracted in {time.perf_counter() - start:.1f} s (once, not timed below)")
    site = build_site(g.briefings, reg)
    config = load_config(None, args.seeds.parent)
    lists = list_plans(site, config)
    firsts = [p for p in lists if p.template == "official.html" and p.context["pager"]["page"] == 1]
    print(f"{len(site.officials)} officials, {sum(1 for o in site.officials.values() if o.met)} with co-participants")
    lay = median_ms(lambda: network.add_to_pages(site, lists), args.runs)
    overview = median_ms(lambda: network.network_plans(site, config), args.runs)
    print(f"layout: every official's drawing {lay:.0f} ms, /network/ {overview:.1f} ms")
    env = make_env(config, reg)
    with_net = median_ms(lambda: [render_page(env, p) for p in firsts], args.runs)
    drawings = [PagePlan(p.rel, p.template, {"network": p.context["network"]}) for p in firsts]
    digest_net = median_ms(lambda: page_digests(drawings, ""), args.runs)
    sizes = [len(render_page(env, p)) for p in firsts]
    saved = [p.context.pop("network") for p in firsts]
    for p in firsts:
        p.context["network"] = None
    without = median_ms(lambda: [render_page(env, p) for p in firsts], args.runs)
    bare = [len(render_page(env, p)) for p in firsts]
    for p, net in zip(firsts, saved):
        p.context["network"] = net
    print(f"render {len(firsts)} official pages: {with_net:.0f} ms with drawings, {without:.0f} ms without "
          f"(ratio {with_net / without:.2f})")
    print(f"digest what the drawings add to their pages' contexts: {digest_net:.0f} ms")
    print(f"page size: median {statistics.median(sizes) / 1000:.1f} kB with, {statistics.median(bare) / 1000:.1f} kB "
          f"without; largest {max(sizes) / 1000:.1f} kB")


if __name__ == "__main__":
    main()
