#!/usr/bin/env python3
"""Score extraction on the wire corpus by part: the files rules are tuned on and those held back.

Round 1 tuned on the even-numbered files and held back the odd ones. Once a held part has been
read for its errors it is held no longer, so round 2 opened the files numbered 1 mod 4 and
keeps those numbered 3 mod 4 (five per region, 20 in all) held: scored as a number, never read
for its errors, to learn whether a rule generalises. After round 4 the tuned part scored 0.99
and the held part 0.80-0.94: the rules fit the tuned files better than the language. Round 3's
split (the default since) opens half of that held part, the files numbered 3 mod 8 (03, 11, 19
of each region), to learn the families of forms it holds, and keeps those numbered 7 mod 8
(07 and 15 of each region, 8 in all) held. Before any rule was changed for it, the opened part
and the part still held were scored apart (--round 3 --half held, and --round 2 --half held
less it), as bench/README.md records. Run from a checkout (the extractor of the
current directory is used), with ../shared beside it:
    python bench/score_halves.py --half both             # the wire corpus, tuned and held
    python bench/score_halves.py --half tuned --verbose  # per-article differences, tuned part only
    python bench/score_halves.py --round 1 --half both   # round 1's split (even / odd)
    python bench/score_halves.py --corpus ../shared/corpus/dev --gold ../shared/corpus/dev.gold.yaml
    python bench/score_halves.py --fold A --verbose      # one fold of the tuned part (A or B)

The folds split the tuned part in two (A: number 0 or 1 mod 4, B: 2 mod 4), so a rule designed
from the errors of one fold can be checked on the other, which it was not designed from, as often
as one likes, without reading the held part. --fold implies --half tuned.
"""
import argparse, json, os, re, subprocess, sys, tempfile
import yaml

ap = argparse.ArgumentParser()
ap.add_argument("--corpus", default="../shared/corpus/wire")
ap.add_argument("--gold", default=None)
ap.add_argument("--half", default="all", choices=["tuned", "held", "all", "both", "even", "odd"])
ap.add_argument("--round", type=int, default=3, choices=[1, 2, 3, 7, 8],
               help="7, 8: the new copy of rounds 7 and 8 (--corpus its folder, --gold bench/roundN/gold.yaml), "
                    "odd tuned, even held")
ap.add_argument("--fold", default=None, choices=["A", "B", "both"],
                help="score one fold of the tuned part (A: number 0 or 1 mod 4, B: 2 mod 4)")
ap.add_argument("--scorer", default=None, help="the scorer (default: tools/score_extraction.py of the shared tree)")
ap.add_argument("--verbose", action="store_true")
args = ap.parse_args()
gold_path = args.gold or os.path.join(args.corpus, "wire.gold.yaml")
scorer = os.path.join(os.path.dirname(os.path.abspath(args.corpus)), "..", "tools", "score_extraction.py")
scorer = os.path.normpath(args.scorer or scorer)
env = {**os.environ, "PYTHONPATH": os.getcwd()}
out = subprocess.run([sys.executable, "-m", "generator", "extract", "--json", args.corpus], env=env,
                     capture_output=True, text=True).stdout
records = json.loads(out)
gold = yaml.safe_load(open(gold_path, encoding="utf-8"))

def number_of(name):
    base = os.path.basename(name)
    m = re.search(r"(\d+)_", base) or re.match(r"[a-z]*(\d+)", base)  # ("w2a05_x.txt": 5; "f05.txt": 5)
    return int(m.group(1)) if m else 0

def half_of(name):
    n = number_of(name)
    held = (n % 2 == 1 if args.round == 1 else n % 4 == 3 if args.round == 2 else n % 2 == 0 if args.round in (7, 8)
            else n % 8 == 7)
    return "held" if held else "tuned"

def fold_of(name):
    """The fold of a tuned file: A for numbers 0 or 1 mod 4, B for 2 mod 4."""
    return "B" if number_of(name) % 4 == 2 else "A"

if args.fold:
    if args.round == 1:
        sys.exit("--fold splits the tuned part of round 2 or 3")
    parts = ["A", "B"] if args.fold == "both" else [args.fold]
    keep_of = lambda part: (lambda n: half_of(n) == "tuned" and fold_of(n) == part)
else:
    half = {"even": "tuned", "odd": "held"}.get(args.half, args.half)
    parts = ["tuned", "held"] if half == "both" else [half]
    keep_of = lambda part: (lambda n: part == "all" or half_of(n) == part)
for half in parts:
    keep = keep_of(half)
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
