"""One official, many spellings: group the names briefings use for the same person across the archive."""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from functools import lru_cache

from generator.text import fold
from generator.words import NAME_PARTICLES as PARTICLES


def name_tokens(name: str) -> tuple[str, ...]:
    """Folded name words without particles, initials or article prefixes ("al-Assad" -> "assad")."""
    words = re.split(r"[\s\-]+", fold(name).replace(".", ". "))
    out = []
    for w in words:
        w = w.strip(".'’")
        if not w or w in PARTICLES or len(w) == 1:
            continue
        out.append(w)
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _close(x: str, y: str) -> bool:
    """Two words of 4+ letters that are variants of one another; the cheap upper bounds first."""
    if min(len(x), len(y)) < 4:
        return False
    m = difflib.SequenceMatcher(None, x, y)
    return m.real_quick_ratio() >= 0.75 and m.quick_ratio() >= 0.75 and m.ratio() >= 0.75


def _similar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same length, each word equal or a close variant of 4+ letters (Morsi/Mursi, Mohammed/Mohamed)."""
    if len(a) != len(b) or len(a) < 2:
        return False
    return all(x == y or _close(x, y) for x, y in zip(a, b))


def _contains(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Every word of `short` in `long_`, in order, sharing the surname (its last word)."""
    if not short or len(short) >= len(long_) or short[-1] != long_[-1]:
        return False
    it = iter(long_)
    return all(w in it for w in short)


def canonical_names(uses: Counter, together: set[frozenset] | None = None) -> dict[tuple[str, str | None], str]:
    """Map each (name, country) used in briefings to the archive's name for that person.

    `uses` counts how often each (name, country) occurs. Forms join when one contains the other
    (Donald Trump / Donald John Trump), when they differ only by particles and initials
    (Bashar Assad / Bashar al-Assad), or when every word is a close variant (Morsi / Mursi);
    a bare surname joins only when one full name of that country ends with it. Two forms that
    one briefing names side by side (`together`: King Salman and Mohammed bin Salman) are two
    people and never join. The most used full form names the group.
    """
    forms = list(uses)
    parent = {f: f for f in forms}
    members = {f: {f} for f in forms}
    together = together or set()

    def find(f):
        while parent[f] != f:
            parent[f] = parent[parent[f]]
            f = parent[f]
        return f

    def join(a, b) -> None:
        ra, rb = find(a), find(b)
        if ra == rb or any(frozenset((x, y)) in together for x in members[ra] for y in members[rb]):
            return
        parent[ra] = rb
        members[rb] |= members.pop(ra)

    def fits(a, b) -> bool:
        return a[1] is None or b[1] is None or a[1] == b[1]

    tokens = {f: name_tokens(f[0]) for f in forms}
    by_surname = defaultdict(list)
    for f in forms:
        if tokens[f]:
            by_surname[tokens[f][-1]].append(f)
    for group in by_surname.values():
        multi = [f for f in group if len(tokens[f]) > 1]
        for i, a in enumerate(multi):
            for b in multi[i + 1:]:
                ta, tb = tokens[a], tokens[b]
                # a full name is one person even where one briefing got the country wrong
                if ta == tb or _contains(ta, tb) or _contains(tb, ta):
                    join(a, b)
        for f in group:
            if len(tokens[f]) == 1:
                roots = {find(m) for m in multi if fits(f, m)} or {find(m) for m in multi}
                if len(roots) == 1:
                    join(f, roots.pop())
    # close variants have as many words and share the surname's first letter: compare only those
    blocks = defaultdict(list)
    for f in forms:
        if len(tokens[f]) > 1:
            blocks[(len(tokens[f]), tokens[f][-1][0])].append(f)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if find(a) != find(b) and fits(a, b) and _similar(tokens[a], tokens[b]):
                    join(a, b)
    groups = defaultdict(list)
    for f in forms:
        groups[find(f)].append(f)
    out = {}
    for members in groups.values():
        full = [m for m in members if len(tokens[m]) > 1] or members
        best = max(full, key=lambda m: (uses[m], -len(m[0]), m[0]))[0]
        for m in members:
            out[m] = best
    return out


def side_by_side(people_per_briefing) -> set[frozenset]:
    """Pairs of (name, country) that one briefing names as two different officials."""
    pairs = set()
    for people in people_per_briefing:
        keys = list(dict.fromkeys(people))
        pairs.update(frozenset((a, b)) for i, a in enumerate(keys) for b in keys[i + 1:])
    return pairs
