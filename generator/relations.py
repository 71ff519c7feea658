"""Relations between two states: every briefing both take part in, as a timeline.

A pair gets a page (`/relations/<a>-<b>/`, the two countries' slugs in alphabetical order) when
one is among the other's partner countries as its page lists them (site.MAX_LISTED most seen):
so pairs exist only between countries that share briefings, and there are at most MAX_LISTED
per country however many briefings the archive holds."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from generator.model import Briefing
from generator.site import Ref, Site

MAX_INDEXED = 200  # the relations page and the home page list the pairs seen most, up to this many


@dataclass
class RelationEntry:
    """Two countries (first by slug) and the briefings they share, newest first."""

    slug: str
    first: Ref
    second: Ref
    briefings: list[Briefing] = field(default_factory=list)


def relation_slug(a: str, b: str) -> str:
    """The page of two countries, by their slugs: alphabetical, joined by a hyphen."""
    return "-".join(sorted((a, b)))


def build_relations(site: Site) -> dict[str, RelationEntry]:
    """slug -> the relation, for each pair of partner countries (see the module's doc)."""
    pairs: dict[frozenset, RelationEntry] = {}
    taken: set[str] = set()
    for code, country in sorted(site.countries.items()):
        for partner, _ in country.partners:
            key = frozenset((code, partner.country))
            if key in pairs or partner.country not in site.countries:
                continue
            one, two = sorted((_ref(site, code), _ref(site, partner.country)), key=lambda r: (r.slug, r.country))
            slug = relation_slug(one.slug, two.slug)
            if slug in taken or one.slug == two.slug:
                # two pairs whose slugs join alike ("a-b" + "c", "a" + "b-c"): the first keeps the page
                continue
            taken.add(slug)
            pairs[key] = RelationEntry(slug, one, two)
    if pairs:
        for b in site.briefings:  # newest first, as every list
            codes = sorted(set(b.countries))
            for x, y in combinations(codes, 2):
                entry = pairs.get(frozenset((x, y)))
                if entry is not None:
                    entry.briefings.append(b)
    return {e.slug: e for e in sorted(pairs.values(), key=lambda e: e.slug) if e.briefings}


def _ref(site: Site, code: str) -> Ref:
    c = site.countries[code]
    return Ref(c.slug, c.name, c.code, len(c.briefings))


def ranked(relations: dict[str, RelationEntry]) -> list[RelationEntry]:
    """The pairs seen most, then by slug, at most MAX_INDEXED."""
    return sorted(relations.values(), key=lambda e: (-len(e.briefings), e.slug))[:MAX_INDEXED]


def of_country(relations: dict[str, RelationEntry]) -> dict[str, list[tuple[Ref, str, int]]]:
    """Country code -> (the other country, the relation's slug, how many briefings), most first."""
    out: dict[str, list] = {}
    for e in relations.values():
        out.setdefault(e.first.country, []).append((e.second, e.slug, len(e.briefings)))
        out.setdefault(e.second.country, []).append((e.first, e.slug, len(e.briefings)))
    return {code: sorted(items, key=lambda t: (-t[2], t[0].name)) for code, items in out.items()}
