"""A briefing's permanent address, and redirect pages for the addresses it had before.

A briefing's URL is `/briefings/<id>/`, where the id is made only of what the editor names and
commits, never of what extraction finds:

- the front matter's `slug:` when the seed has one (the editor's own choice);
- otherwise the seed's file name without its extension ("2020-11-25-tokyo.txt" -> `2020-11-25-tokyo`,
  "000_fda2.txt" -> `000-fda2`).

So correcting a title, a date or a name, or a better extractor, never moves a page: a citation
stays good. Nothing is remembered between builds for this (a build on a fresh CI runner, with no
cache, gives the same addresses), and no third reuse point is needed in the store.

Two seeds whose names make the same id: a front-matter `slug:` that is exactly that id keeps it,
else a seed whose file name is exactly the id; the others get the id followed by a short hash of
their seed's name. So adding a seed never takes an address from a seed named exactly for it,
unless the new one claims it by its front matter.

Earlier versions made the address from the date and title (`2020-11-25-wang-yi-meets-...`). That
address still works: it serves a small redirect page to the permanent one (like Hugo's
aliases: a meta refresh, a canonical link and a plain link), unless a real page has it.
"""
from __future__ import annotations

import hashlib
import os
from collections import defaultdict

from generator import urls
from generator.model import Briefing


def wanted(b: Briefing) -> tuple[str, int]:
    """The id a briefing asks for, and its rank when several ask for one (lowest wins): a slug the
    front matter writes exactly, then a seed name that is exactly the id, then any other."""
    if b.slug:
        slug = urls.slugify(b.slug)
        return slug, 0 if slug == b.slug else 2
    stem = os.path.splitext(os.path.basename(b.source))[0]
    slug = urls.slugify(stem)
    return slug, 1 if slug == stem else 2


def legacy_slug(b: Briefing) -> str:
    """The address earlier versions gave a briefing: its front-matter slug, or date and title."""
    return urls.slugify(b.slug) if b.slug else urls.slugify(f"{b.date.isoformat()} {b.title}")


def _suffixed(base: str, source: str, taken: set[str]) -> str:
    digest = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
    for n in (8, 16, 64):
        slug = urls.slugify(f"{base[:60]}-{digest[:n]}")
        if slug not in taken:
            return slug
    raise ValueError(f"no free address for {source!r}")  # (two seeds of one name: gather refuses them)


def assign(briefings: list[Briefing]) -> tuple[dict[str, str], dict[str, str]]:
    """(briefing source -> its id, old address -> the id it now redirects to)."""
    claims: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for b in briefings:
        slug, rank = wanted(b)
        claims[slug].append((rank, b.source))
    slugs: dict[str, str] = {}
    rest: list[tuple[str, str]] = []
    for slug, members in claims.items():
        members.sort()
        slugs[members[0][1]] = slug
        rest += [(slug, source) for _, source in members[1:]]
    taken = set(claims)
    for slug, source in sorted(rest):
        slugs[source] = _suffixed(slug, source, taken)
        taken.add(slugs[source])
    aliases: dict[str, str] = {}
    for b in sorted(briefings, key=lambda b: b.source):
        old = legacy_slug(b)
        if old not in taken and old not in aliases:
            aliases[old] = slugs[b.source]
    return slugs, aliases
