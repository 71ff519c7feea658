#!/usr/bin/env python3
"""Score officials' roles (participant / mentioned) against the hand labels in tests/labels/roles.yaml.

Run from a checkout (the extractor of the current directory is used):
    python bench/score_roles.py --corpus ../shared/corpus/wire            # both label sets
    python bench/score_roles.py --corpus ../shared/corpus/wire --verbose  # errors, tuned set only
    python bench/score_roles.py --round 2   # round 2's split (held back: wire files numbered 3 mod 4)

A labelled official is matched to an extracted one by name (case, accents and punctuation
ignored), else by a shared surname; labelled officials the extractor did not find are counted
apart ("not found"), as they have no role to score. Figures: accuracy over the matched
officials, and precision and recall of "mentioned" (the rarer class); "all participant" is
what calling everyone a participant would score.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

import yaml

ap = argparse.ArgumentParser()
ap.add_argument("--corpus", default="../shared/corpus/wire")
ap.add_argument("--dev", default="../shared/corpus/dev", help="the dev corpus, for the labels under 'dev'")
ap.add_argument("--labels", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                                 "labels", "roles.yaml"))
ap.add_argument("--verbose", action="store_true", help="list the errors of the tuned set (never the held-back one)")
ap.add_argument("--round", type=int, default=3, choices=[2, 3],
                help="the wire files held back: 2, those numbered 3 mod 4 (the labels' own parts); 3, round "
                     "3's split, only those numbered 7 mod 8 (the files numbered 3 mod 8 are opened, tuned)")
args = ap.parse_args()


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def match(name: str, officials: list[dict]) -> dict | None:
    key = norm(name)
    for o in officials:
        if norm(o["name"]) == key:
            return o
    words = set(key.split())
    best = [o for o in officials if words & {w for w in norm(o["name"]).split() if len(w) > 2}]
    return best[0] if len(best) == 1 else None


env = {**os.environ, "PYTHONPATH": os.getcwd()}
records = {}
for folder in (args.corpus, args.dev):
    out = subprocess.run([sys.executable, "-m", "generator", "extract", "--json", folder], env=env,
                         capture_output=True, text=True, check=True).stdout
    records.update({os.path.basename(r["source"]): r for r in json.loads(out)})
labels = yaml.safe_load(open(args.labels, encoding="utf-8"))
if args.round == 3:  # (as bench/score_halves.py splits the wire corpus)
    every = {**(labels.get("tuned") or {}), **(labels.get("held back") or {})}
    held = lambda f: bool(re.match(r"[a-d]\d\d_", f)) and int(f[1:3]) % 8 == 7  # noqa: E731
    labels = {**labels, "tuned": {f: v for f, v in every.items() if not held(f)},
              "held back": {f: v for f, v in every.items() if held(f)}}

for part in ("tuned", "dev", "held back"):
    n = right = missing = base = 0
    tp = fp = fn = 0
    errors = []
    for fname, roles in (labels.get(part) or {}).items():
        rec = records.get(fname)
        if rec is None:
            sys.exit(f"{fname}: not in {args.corpus} or {args.dev}")
        for role, names in roles.items():
            for name in names:
                o = match(name, rec["officials"])
                if o is None:
                    missing += 1
                    errors.append(f"  {fname}: {name}: not found")
                    continue
                n += 1
                got = o.get("role", "participant")
                right += got == role
                base += role == "participant"
                tp += got == role == "mentioned"
                fp += got == "mentioned" != role
                fn += role == "mentioned" != got
                if got != role:
                    errors.append(f"  {fname}: {name}: {got}, labelled {role}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"{part:9}: roles accuracy {right / n if n else 0:.3f} ({right}/{n}; all participant {base / n if n else 0:.3f})"
          f"  mentioned P {p:.3f} R {r:.3f}  not found {missing}")
    if args.verbose and part != "held back":
        print("\n".join(errors))
