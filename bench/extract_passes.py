#!/usr/bin/env python3
"""Where extraction's time goes: wall-clock microseconds per article of each pass of `extract()`.

    python bench/extract_passes.py [--n 1000] [--runs 3] [--corpus DIR ...] [--steps]

Each function `extract()` calls (the names of generator/extract/__init__.py, plus the
tokenizer `Paragraph.of`, which locate and others call too) is wrapped in a timer for the run, so a pass's figure is inclusive
of what it calls; `--steps` also times the steps inside `people.scan` (`_office_at`,
`_name_after` ...), inclusive too and nested in scan's own figure. The wrappers cost about
0.1 us a call, so compare figures of the same tool, not with extract_speed.py's. "extract
(rest)" is what extract() spends outside the timed passes. Same articles as extract_speed.py:
N synthetic ones and the development corpus, plus any --corpus.
"""
from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import generator.extract as ex  # noqa: E402
from generator.extract import people, types  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.sources import read_seed  # noqa: E402

PASSES = ["parse_wire", "scan", "plural_officials", "known_officials", "possessed_officials", "notable_officials",
          "succession_officials", "take_sides", "delayed_official", "country_refs", "merge", "fuller_names",
          "event_type", "dateline_place", "locate", "protagonist_state", "home_country", "attribute",
          "anaphoric_titles", "link_mentions", "SentenceSpans", "assign_roles", "to_persons", "topics",
          "first_mentions", "involved_countries", "compose_headline", "summarise", "statements", "apply"]
SCAN_STEPS = ["_office_at", "_skipped", "_apposed_end", "_mayor_place", "_served_state", "_embassy_served",
              "_principal_served", "_department_served", "_portfolio", "_second_office_joined", "_bracketed",
              "_name_after", "_state_after", "_relative_state", "_accredited_to", "_consort"]

spent: dict[str, float] = defaultdict(float)
outermost = [0.0]  # the time of timed calls made directly by extract(), not inside another timed one
depth = [0]


def timed(label, fn):
    clock = time.perf_counter

    @functools.wraps(fn)
    def wrapper(*a, **k):
        t0 = clock()
        depth[0] += 1
        try:
            return fn(*a, **k)
        finally:
            depth[0] -= 1
            t = clock() - t0
            spent[label] += t
            if not depth[0]:
                outermost[0] += t
    return wrapper


def install(steps: bool) -> None:
    for name in PASSES:
        setattr(ex, name, timed(name, getattr(ex, name)))
    types.Paragraph.of = classmethod(timed("Paragraph.of", types.Paragraph.of.__func__))
    if steps:
        for name in SCAN_STEPS:
            setattr(people, name, timed("  scan: " + name, getattr(people, name)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", action="append", default=[])
    ap.add_argument("--steps", action="store_true", help="also the steps inside people.scan")
    args = ap.parse_args()
    reg = load_registry(None)
    install(args.steps)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(SHARED / "bench" / "make_corpus.py"), str(args.n), tmp],
                       check=True, stdout=subprocess.DEVNULL)
        sets = {"synthetic": sorted((Path(tmp) / "raw").glob("*.txt"))}
        for folder in [SHARED / "corpus" / "dev", *map(Path, args.corpus)]:
            if folder.is_dir():
                sets[folder.name] = sorted(folder.glob("*.txt"))
        table = {}
        for label, paths in sets.items():
            raws = [read_seed(p) for p in paths]
            for r in raws:  # warm-up
                ex.extract(r, reg)
            spent.clear()
            outermost[0] = 0.0
            t0 = time.perf_counter()
            for _ in range(args.runs):
                for r in raws:
                    ex.extract(r, reg)
            total = time.perf_counter() - t0
            per = len(raws) * args.runs
            top = outermost[0]  # (Paragraph.of is called inside locate and others too)
            row = {k: v / per * 1e6 for k, v in spent.items()}
            row["extract (rest)"] = (total - top) / per * 1e6
            row["TOTAL"] = total / per * 1e6
            table[label] = row
    names = sorted({k for row in table.values() for k in row},
                   key=lambda k: (k == "TOTAL", -max(row.get(k, 0) for row in table.values())))
    print("| pass | " + " | ".join(f"{s} us/article" for s in table) + " |")
    print("|---|" + "---:|" * len(table))
    for k in names:
        print(f"| {k} | " + " | ".join(f"{row.get(k, 0):.1f}" for row in table.values()) + " |")


if __name__ == "__main__":
    main()
