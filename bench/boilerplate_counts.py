#!/usr/bin/env python3
"""How often each phrase of web-page furniture (generator/data/boilerplate.yaml) fires: the
paragraphs it marks in the wire and dev corpora, tests/fiction and the bundled seeds.

    python bench/boilerplate_counts.py            # a table, one row a phrase
    python bench/boilerplate_counts.py --unused   # only the phrases that fire nowhere

A phrase that fires nowhere should go, unless it is well-known furniture of a major outlet (its
comment in the data file says which). Counts are of paragraphs as clean.py splits them (the
date line taken off); a paragraph is counted for every phrase that marks it, whether or not
another rule would drop it anyway. Only counts are printed, never the corpora's text.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.extract import clean  # noqa: E402
from generator.extract.furniture import load  # noqa: E402

SETS = {"wire": ROOT.parent / "shared" / "corpus" / "wire", "dev": ROOT.parent / "shared" / "corpus" / "dev",
        "fiction": ROOT / "tests" / "fiction", "seeds": ROOT / "seeds"}
# the forms that are patterns of clean.py, not phrases of the data file
FORMS = {"stamp (clean.STAMP_RE)": lambda p: clean.STAMP_RE.match(p) is not None,
         "tweet signature (clean.TWEET_SIGNATURE_RE)": lambda p: len(p) < 400 and clean.TWEET_SIGNATURE_RE.search(p),
         "credit line (clean.CONTRIBUTED_RE)": lambda p: len(p) <= clean.CONTRIBUTED_MAX and clean.CONTRIBUTED_RE.match(p)}


def articles(folder: Path) -> list[list[str]]:
    """Each article's paragraphs."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        m = clean.DATE_LINE_RE.match(text)
        out.append(clean.split_paragraphs(text[m.end():] if m else text))
    return out


def count(test, corpus: list[list[str]]) -> tuple[int, int]:
    """(articles, paragraphs) that the test marks."""
    hits = [sum(bool(test(para)) for para in paras) for paras in corpus]
    return sum(1 for h in hits if h), sum(hits)


def fires(kind: str, pattern: re.Pattern, para: str) -> bool:
    if kind == "anywhere":
        return len(para) < clean.ANYWHERE_MAX and pattern.search(para) is not None
    return pattern.match(para) is not None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--unused", action="store_true", help="list only the phrases that fire nowhere")
    args = ap.parse_args()
    furniture = load()
    corpora = {name: articles(folder) for name, folder in SETS.items() if folder.is_dir()}
    print("articles: " + ", ".join(f"{name} {len(arts)}" for name, arts in corpora.items())
          + "; each cell: articles / paragraphs the phrase marks")
    print("\n| kind | phrase | " + " | ".join(corpora) + " |")
    print("|---|---|" + "---|" * len(corpora))
    unused = 0
    rows = [(kind, phrase, re.compile(("^(?:" + p + r")\s*$") if kind == "line" else
                                      ("^(?:" + p + ")") if kind == "start" else p, re.I))
            for kind, phrase, p in furniture.phrases]
    for kind, phrase, pattern in rows:
        counts = [count(lambda para: fires(kind, pattern, para), corpus) for corpus in corpora.values()]
        if not any(a for a, _ in counts):
            unused += 1
        elif args.unused:
            continue
        print(f"| {kind} | `{phrase}` | " + " | ".join(f"{a} / {n}" for a, n in counts) + " |")
    if not args.unused:
        for name, test in FORMS.items():
            counts = [count(test, corpus) for corpus in corpora.values()]
            print(f"| form | {name} | " + " | ".join(f"{a} / {n}" for a, n in counts) + " |")
    print(f"\n{len(rows)} phrases, {unused} fire nowhere")


if __name__ == "__main__":
    main()
