"""The editorial report: what an editor should look at and correct (front matter or data/officials.yaml)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.identity import canonical_names, side_by_side
from generator.model import Briefing

LOW = 0.6
SHINGLE = 5


@dataclass
class Report:
    """Findings, each a (source file, message) pair, grouped by kind."""

    low_confidence: list[tuple[str, str]] = field(default_factory=list)
    incomplete_officials: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    spellings: list[tuple[str, str]] = field(default_factory=list)

    def sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Headed sections in the order the report prints them."""
        return [("Low-confidence fields", self.low_confidence),
                ("Officials without a country or title", self.incomplete_officials),
                ("Possible duplicate articles", self.duplicates),
                ("Officials known under more than one spelling", self.spellings)]

    def count(self) -> int:
        """How many findings there are in all."""
        return sum(len(items) for _, items in self.sections())


def _shingles(b: Briefing) -> set[int]:
    words = re.findall(r"\w+", " ".join(b.body).lower())
    return {hash(tuple(words[i:i + SHINGLE])) for i in range(max(1, len(words) - SHINGLE + 1))}


def near_duplicates(briefings: list[Briefing], threshold: float = 0.8) -> list[tuple[str, str]]:
    """Pairs whose texts share most five-word runs (same story filed twice, with small edits)."""
    sets = [_shingles(b) for b in briefings]
    index: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for h in s:
            index[h].append(i)
    out = []
    for i, s in enumerate(sets):
        shared: Counter = Counter()
        for h in s:
            shared.update(j for j in index[h] if j > i)
        for j, n in sorted(shared.items()):
            if n / max(1, min(len(s), len(sets[j]))) >= threshold:
                a, b = briefings[i].source, briefings[j].source
                out.append((a, f"looks like the same article as {b} ({n} of {min(len(s), len(sets[j]))} "
                               "five-word runs shared)"))
    return out


def report(briefings: list[Briefing]) -> Report:
    """Everything worth an editor's look, from extraction's confidence and the archive as a whole."""
    r = Report()
    for b in sorted(briefings, key=lambda b: b.source):
        for name, value in b.confidence:
            if value < LOW and name != "officials":
                r.low_confidence.append((b.source, f"{name} (confidence {value:.1f}): {_show(b, name)}"))
        for p in b.officials:
            if p.confidence < LOW and p.country:
                r.low_confidence.append((b.source, f"{p.name}: country {p.country} inferred from the context "
                                                   f"(confidence {p.confidence:.1f})"))
        for p in b.officials:
            missing = [what for what, value in (("country", p.country), ("title", p.title)) if not value]
            if missing:
                r.incomplete_officials.append((b.source, f"{p.name}: no {' or '.join(missing)}"))
    r.duplicates = near_duplicates(sorted(briefings, key=lambda b: b.source))
    uses = Counter((p.name, p.country) for b in briefings for p in b.officials)
    groups: dict[str, set[str]] = defaultdict(set)
    together = side_by_side([(p.name, p.country) for p in b.officials] for b in briefings)
    for (name, _), canonical in canonical_names(uses, together).items():
        groups[canonical].add(name)
    for canonical, names in sorted(groups.items()):
        if len(names) > 1:
            others = ", ".join(sorted(names - {canonical}))
            r.spellings.append(("data/officials.yaml", f"{canonical} is also written {others}; "
                                "add the other forms as aliases to confirm, or correct them"))
    return r


def _show(b: Briefing, name: str) -> str:
    value = {"title": b.title, "location": b.location, "event_type": b.event_type, "countries": b.countries,
             "topics": b.topics, "officials": [p.name for p in b.officials], "date": b.date}.get(name)
    if name == "location" and b.location:
        value = ", ".join(x for x in (b.location.city, b.location.country) if x)
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value)) or "none"
    return str(value) if value else "none"
