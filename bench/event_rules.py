#!/usr/bin/env python3
"""How much each rule of event type and place earns, per labelled set: the articles whose event
type or city changes against the gold labels when the rule is taken out.

    python bench/event_rules.py            # every alternative of the kinds and every guard
    python bench/event_rules.py --guards   # the guards only (faster)

The sets are the tuned part of ../shared/corpus/wire (round 2: files numbered even or 1 mod 4),
the dev corpus and tests/fiction; the held part (numbered 3 mod 4) is never read. A rule whose removal costs nothing anywhere, or only one tuned
article, is a candidate for removal or for a more general form. Each row is "set: location
change / event change" in articles (negative: the rule earns that many).
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import generator.extract as X  # noqa: E402
from generator.extract import events as E  # noqa: E402
from generator.registry import load_registry  # noqa: E402
from generator.sources import read_seed  # noqa: E402

SETS = {"tuned": (ROOT.parent / "shared" / "corpus" / "wire", ROOT.parent / "shared" / "corpus" / "wire" / "wire.gold.yaml"),
        "dev": (ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "dev.gold.yaml"),
        "fiction": (ROOT / "tests" / "fiction", ROOT / "tests" / "fiction" / "gold.yaml")}
GUARDS = ("VISITOR_RE", "HERE_RE", "SIDELINES_RE", "MARGINS_RE", "FUTURE_BEFORE_RE", "FUTURE_PLACE_RE",
          "FUTURE_AFTER_RE", "DURING_RE", "PURPOSE_RE", "BILATERAL_RE", "SUMMIT_OF_TWO_RE", "SPOKE_PLACED_RE",
          "PASSING_RE", "PAST_AFTER_RE", "RESIDENT_RE", "RELATIVE_RE", "SETTING_RE", "FOR_TALKS_RE", "NEGATED_RE",
          "GATHERING_RE", "CONFERENCE_FRAME_RE", "TOPIC_RE", "TIMED_CLAUSE_RE", "MANY_WORDS_RE", "MANY_CASED_RE", "MINISTER_RE",
          "RECEIVED_RE", "ISSUED_RE", "DATELINE_END_RE")
NEVER = re.compile(r"(?!x)x")


def norm(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or ""))
    return " ".join(w for w in re.sub(r"[^\w\s]", " ", "".join(c for c in text if not unicodedata.combining(c))
                                      .casefold()).split() if w not in {"the", "former"})


def load(reg):
    out = {}
    for name, (folder, gold) in SETS.items():
        if not gold.exists():
            continue
        items = []
        for fn, label in yaml.safe_load(gold.read_text(encoding="utf-8")).items():
            if name == "tuned" and int(re.match(r"[a-z]*(\d+)", fn).group(1)) % 4 == 3:
                continue  # the held-back part is never read
            items.append((read_seed(folder / fn, fn), label))
        out[name] = items
    return out


def score(sets, reg) -> dict[str, tuple[int, int]]:
    out = {}
    for name, items in sets.items():
        loc = ev = 0
        for raw, label in items:
            b, _ = X.extract(raw, reg)
            loc += norm((label.get("location") or {}).get("city")) == norm(b.location.city if b.location else None)
            ev += b.event_type == label.get("event_type")
        out[name] = (loc, ev)
    return out


def split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    parts, depth, cur, i = [], 0, "", 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            cur += pattern[i:i + 2]
            i += 2
            continue
        if c == "[":
            j = pattern.index("]", i + 1)
            cur, i = cur + pattern[i:j + 1], j + 1
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += c
        i += 1
    return parts + [cur]


def install(specific, general) -> None:
    """Rebuild the compiled patterns of events.py from the kinds' patterns."""
    E.SPECIFIC, E.GENERAL = specific, general
    comp = lambda kinds, flags: tuple((k, re.compile(r"\b(?:" + p + r")\b", flags)) for k, p in kinds)  # noqa: E731
    E.SPECIFIC_RE, E.GENERAL_RE = comp(specific, re.I), comp(general, re.I)
    E.SPECIFIC_LOW, E.GENERAL_LOW = comp(specific, re.ASCII), comp(general, re.ASCII)
    E.SPECIFIC_ANY, E.SPECIFIC_ANY_LOWER = E._any_of(specific, re.I), E._any_of(specific, re.ASCII)
    E.GENERAL_ANY, E.GENERAL_ANY_LOWER = E._any_of(general, re.I), E._any_of(general, re.ASCII)
    E.ENCOUNTER_ANY = E._any_of([(k, p) for k, p in general
                                 if k in ("press_conference", "summit", "talks", "meeting", "visit")], re.I)
    E.SUMMIT_RE = dict(E.GENERAL_RE)["summit"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--guards", action="store_true")
    args = ap.parse_args()
    reg = load_registry()
    sets = load(reg)
    base = score(sets, reg)
    print("base: " + "  ".join(f"{k} ({len(sets[k])}): location {l} event {e}" for k, (l, e) in base.items()))
    row = lambda o: "  ".join(f"{k} {o[k][0] - base[k][0]:+d}/{o[k][1] - base[k][1]:+d}" for k in o)  # noqa: E731
    print("\n| rule taken out | " + " | ".join(f"{k}: location / event" for k in base) + " |")
    if not args.guards:
        original = (E.SPECIFIC, E.GENERAL)
        for which, kinds in (("specific", original[0]), ("general", original[1])):
            for t, (kind, pattern) in enumerate(kinds):
                alternatives = split_top(pattern)
                for a, alt in enumerate(alternatives):
                    new = list(kinds)
                    new[t] = (kind, "|".join(alternatives[:a] + alternatives[a + 1:]) or NEVER.pattern)
                    install(*((tuple(new), original[1]) if which == "specific" else (original[0], tuple(new))))
                    print(f"| {which} {kind}: `{alt[:60]}` | {row(score(sets, reg))} |")
        install(*original)
    for name in GUARDS:
        old = getattr(E, name, None)
        if old is None:
            continue
        setattr(E, name, NEVER)
        print(f"| guard {name} | {row(score(sets, reg))} |")
        setattr(E, name, old)


if __name__ == "__main__":
    main()
