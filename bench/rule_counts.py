#!/usr/bin/env python3
"""How often each finder of officials fires, per corpus: the mentions each one adds.

    python bench/rule_counts.py [CORPUS_DIR ...]   (default: ../shared/corpus/wire and dev, tests/fiction)

A finder that adds nothing on any real corpus is a candidate for removal; one that adds much on
one corpus only is one to check for over-fitting. Counts are mentions (one official may have
several), and articles where the finder added at least one.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.extract import people  # noqa: E402
from generator.extract.clean import parse_wire  # noqa: E402
from generator.extract.types import Paragraph  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.sources import read_seed  # noqa: E402

FINDERS = ("scan", "plural_officials", "known_officials", "possessed_officials",
           "notable_officials")


def count(folder: Path, reg) -> tuple[Counter, Counter, int]:
    mentions, articles, n = Counter(), Counter(), 0
    for path in sorted(folder.glob("*.txt")):
        try:
            raw = read_seed(path, folder)
            wire = parse_wire(raw.text, raw.path, raw.body_line, need_date=raw.front_matter.get("date") is None)
        except Exception:  # a seed the build would refuse: not counted
            continue
        n += 1
        paras = [Paragraph.of(t) for t in wire.captions + wire.paragraphs]
        fired = Counter()
        for i, p in enumerate(paras):
            f, _ = people.scan(p, i, reg)
            fired["scan"] += len(f)
            for name in FINDERS[1:]:
                finder = getattr(people, name)
                got = finder(p, i, reg, f, paras[:i]) if name == "plural_officials" else finder(p, i, reg, f)
                fired[name] += len(got)
                f += got
            sided = sum(1 for x in f if x.country is None)
            people.take_sides(p, f, reg)
            fired["take_sides"] += sided - sum(1 for x in f if x.country is None)
        mentions.update(fired)
        articles.update(k for k, v in fired.items() if v)
    return mentions, articles, n


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [ROOT.parent / "shared" / "corpus" / "wire",
                                                  ROOT.parent / "shared" / "corpus" / "dev", ROOT / "tests" / "fiction"]
    reg = load_registry()
    rows = {f.name: count(f, reg) for f in folders if f.is_dir()}
    names = (*FINDERS, "take_sides")
    print("| finder | " + " | ".join(f"{k} ({v[2]}): mentions / articles" for k, v in rows.items()) + " |")
    print("|---|" + "---:|" * len(rows))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{m[name]} / {a[name]}" for m, a, _ in rows.values()) + " |")


if __name__ == "__main__":
    main()
