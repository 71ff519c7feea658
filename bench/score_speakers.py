#!/usr/bin/env python3
"""Score who said what against the hand labels in tests/labels/speakers.yaml.

Run from a checkout (the extractor of the current directory is used, in this process):
    python bench/score_speakers.py --wire ../shared/corpus/wire --dev ../shared/corpus/dev
    python bench/score_speakers.py ... --verbose   # the tuned set's errors (never the held-back one's)

Every sentence of a labelled file that reports speech is labelled (with its speaker, or null
when it must be left out), so:
- precision: statements the extractor gives in the labelled files whose sentence is labelled
  with the same speaker, over all the statements it gives there;
- recall: labelled sentences with a speaker that the extractor gives to that speaker, over all
  of them.
A speaker matches by name (case, accents, punctuation ignored) or by a shared surname, so a
name the officials' extraction spells with a stray word still counts as the same person.
"""
import argparse
import os
import re
import sys
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, os.getcwd())
from generator.extract import extract  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.sources import read_seed  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--wire", default="../shared/corpus/wire")
ap.add_argument("--dev", default="../shared/corpus/dev")
ap.add_argument("--labels", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                                 "labels", "speakers.yaml"))
ap.add_argument("--verbose", action="store_true")
ap.add_argument("--round", type=int, default=3, choices=[1, 2, 3],
                help="1: the labels' own parts (held back: odd wire files); 2: round 2's split, the wire "
                     "files numbered 3 mod 4 held back, every other labelled file tuned; 3 (default): round "
                     "3's split, only the wire files numbered 7 mod 8 held back")
args = ap.parse_args()


def norm(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w\s]", " ", text.casefold()).split()


def same(label: str, got: str) -> bool:
    a, b = norm(label), norm(got)
    return a == b or (a and b and (a[-1] in b or b[-1] in a))


reg = load_registry(None)
labels = yaml.safe_load(open(args.labels, encoding="utf-8"))
if args.round in (2, 3):
    every = {**(labels.get("tuned") or {}), **(labels.get("held back") or {})}
    mod, rest = (4, 3) if args.round == 2 else (8, 7)
    held = lambda f: bool(re.match(r"[a-d]\d\d_", f)) and int(f[1:3]) % mod == rest  # noqa: E731
    labels = {"tuned": {f: v for f, v in every.items() if not held(f)},
              "held back": {f: v for f, v in every.items() if held(f)}}
for part in ("tuned", "held back"):
    given = right = wanted = found = 0
    errors = []
    for fname, items in (labels.get(part) or {}).items():
        folder = args.wire if re.match(r"[a-d]\d\d_", fname) else args.dev
        b, _ = extract(read_seed(Path(folder) / fname), reg)
        spans = {}  # (paragraph, offset of the locator) -> label
        for para, words, speaker in items:
            at = b.body[para].find(words) if para < len(b.body) else -1
            if at < 0:
                sys.exit(f"{fname}: paragraph {para} has no {words!r}")
            spans[(para, at)] = (speaker, words)
            wanted += speaker is not None
        for s in b.statements:
            given += 1
            hit = [(k, v) for k, v in spans.items() if k[0] == s.paragraph and s.start <= k[1] < s.end]
            if hit and hit[0][1][0] is not None and same(hit[0][1][0], s.speaker):
                right += 1
                found += 1
                spans.pop(hit[0][0])  # a label is found once
                continue
            label = hit[0][1] if hit else None
            errors.append(f"  {fname} [{s.paragraph}]: given to {s.speaker}; labelled "
                          f"{label[0] if label else 'no statement'} ({(label or ('', b.body[s.paragraph][s.start:s.start + 24]))[1]!r})")
        for (para, _), (speaker, words) in spans.items():
            if speaker is not None:
                errors.append(f"  {fname} [{para}]: {speaker}'s ({words!r}) not found")
    p = right / given if given else 1.0
    r = found / wanted if wanted else 1.0
    print(f"{part:9}: speakers precision {p:.3f} ({right}/{given})  recall {r:.3f} ({found}/{wanted})")
    if args.verbose and part == "tuned":
        print("\n".join(errors))
