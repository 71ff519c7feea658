#!/usr/bin/env python3
"""Score extraction on the wire corpus by half: tuned (even-numbered files) and held back (odd).

Rules are developed on the even-numbered files only; the odd-numbered half is scored as a
number, never read for its errors, to learn whether a rule generalises. Run from a checkout
(the extractor of the current directory is used), with ../shared beside it:
    python bench/score_halves.py --half both            # the wire corpus, both halves
    python bench/score_halves.py --half even --verbose  # per-article differences, tuned half only
    python bench/score_halves.py --corpus ../shared/corpus/dev --gold ../shared/corpus/dev.gold.yaml
"""
import argparse, json, os, re, subprocess, sys, tempfile
import yaml

ap = argparse.ArgumentParser()
ap.add_argument("--corpus", default="../shared/corpus/wire")
ap.add_argument("--gold", default=None)
ap.add_argument("--half", default="all", choices=["even", "odd", "all", "both"])
ap.add_argument("--verbose", action="store_true")
args = ap.parse_args()
gold_path = args.gold or os.path.join(args.corpus, "wire.gold.yaml")
scorer = os.path.join(os.path.dirname(os.path.abspath(args.corpus)), "..", "tools", "score_extraction.py")
scorer = os.path.normpath(scorer)
env = {**os.environ, "PYTHONPATH": os.getcwd()}
out = subprocess.run([sys.executable, "-m", "generator", "extract", "--json", args.corpus], env=env,
                     capture_output=True, text=True).stdout
records = json.loads(out)
gold = yaml.safe_load(open(gold_path, encoding="utf-8"))

def half_of(name):
    m = re.match(r"[a-z]*(\d+)", os.path.basename(name))
    return "odd" if m and int(m.group(1)) % 2 else "even"

halves = ["even", "odd"] if args.half == "both" else [args.half]
for half in halves:
    keep = lambda n: half == "all" or half_of(n) == half
    g = {k: v for k, v in gold.items() if keep(k)}
    r = [x for x in records if keep(x["source"])]
    with tempfile.TemporaryDirectory() as tmp:
        gp, rp = os.path.join(tmp, "gold.yaml"), os.path.join(tmp, "result.json")
        yaml.safe_dump(g, open(gp, "w", encoding="utf-8"), allow_unicode=True)
        json.dump(r, open(rp, "w", encoding="utf-8"))
        res = subprocess.run([sys.executable, scorer, gp, rp] + (["--verbose"] if args.verbose else []),
                             capture_output=True, text=True)
        lines = res.stdout.strip().splitlines()
        if args.verbose:
            print("\n".join(lines[:-1]))
        print(f"{half:5}: {lines[-1] if lines else res.stderr}")
