"""Briefings -> Site: the cross-link graph (by official, country, topic, month), decided before writing."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator import urls
from generator.model import Briefing
from generator.registry import Registry
from generator.text import fold


@dataclass
class OfficialEntry:
    """An official across the whole archive."""

    slug: str
    name: str
    country: str | None
    roles: list[tuple[str, str, str]] = field(default_factory=list)  # (title, first seen, last seen)
    briefings: list[Briefing] = field(default_factory=list)
    met: list[tuple["OfficialEntry", int]] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


@dataclass
class CountryEntry:
    """A country across the archive."""

    code: str
    slug: str
    name: str
    officials: list[OfficialEntry] = field(default_factory=list)
    briefings: list[Briefing] = field(default_factory=list)
    partners: list[tuple["CountryEntry", int]] = field(default_factory=list)


@dataclass
class TopicEntry:
    """A topic across the archive."""

    slug: str
    name: str
    briefings: list[Briefing] = field(default_factory=list)


@dataclass
class Site:
    """Everything the pages show, with every cross-link resolved."""

    briefings: list[Briefing]
    slugs: dict[str, str]                       # briefing source -> slug
    officials: dict[str, OfficialEntry]
    countries: dict[str, CountryEntry]
    topics: dict[str, TopicEntry]
    official_of: dict[tuple[str, str], str]      # (briefing source, name in briefing) -> official slug
    months: dict[tuple[int, int], list[Briefing]]
    related: dict[str, list[Briefing]]


def _briefing_slugs(briefings: list[Briefing]) -> dict[str, str]:
    taken, out = set(), {}
    for b in sorted(briefings, key=lambda b: b.source):
        base = urls.slugify(b.slug) if b.slug else urls.slugify(f"{b.date.isoformat()} {b.title}")
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[b.source] = slug
    return out


def _canonical_names(briefings: list[Briefing]) -> dict[tuple[str, str], str]:
    """(name, country) -> the archive's name: "Obama" becomes "Barack Obama" when that is unambiguous."""
    full: dict[tuple[str, str], set[str]] = defaultdict(set)
    for b in briefings:
        for p in b.officials:
            if len(p.name.split()) > 1:
                full[(fold(p.name.split()[-1]), p.country or "")].add(p.name)
    out = {}
    for b in briefings:
        for p in b.officials:
            key = (p.name, p.country or "")
            if len(p.name.split()) == 1:
                cands = full.get((fold(p.name), p.country or ""), set())
                out[key] = next(iter(cands)) if len(cands) == 1 else p.name
            else:
                out[key] = p.name
    return out


def build_site(briefings: list[Briefing], reg: Registry) -> Site:
    """Index the briefings every way the pages need; newest first everywhere."""
    briefings = sorted(briefings, key=lambda b: (b.date, b.source), reverse=True)
    slugs = _briefing_slugs(briefings)
    names = _canonical_names(briefings)
    officials: dict[str, OfficialEntry] = {}
    countries: dict[str, CountryEntry] = {}
    topics: dict[str, TopicEntry] = {}
    official_of, months = {}, defaultdict(list)
    met: dict[str, Counter] = defaultdict(Counter)
    partners: dict[str, Counter] = defaultdict(Counter)

    def country(code: str) -> CountryEntry:
        if code not in countries:
            name = reg.country_name(code)
            countries[code] = CountryEntry(code=code, slug=urls.slugify(name), name=name)
        return countries[code]

    for b in briefings:
        months[(b.date.year, b.date.month)].append(b)
        here = []
        for p in b.officials:
            name = names[(p.name, p.country or "")]
            slug = urls.slugify(name)
            entry = officials.setdefault(slug, OfficialEntry(slug=slug, name=name, country=p.country))
            entry.country = entry.country or p.country
            if p.name != name:
                entry.aliases.add(p.name)
            if not entry.briefings or entry.briefings[-1] is not b:
                entry.briefings.append(b)
            if p.title:
                entry.roles.append((p.title + (" (former)" if p.former else ""), b.date.isoformat(), b.date.isoformat()))
            official_of[(b.source, p.name)] = slug
            here.append(slug)
            if p.country:
                c = country(p.country)
                if entry not in c.officials:
                    c.officials.append(entry)
        for s in here:
            met[s].update(o for o in here if o != s)
        for code in b.countries:
            country(code).briefings.append(b)
            partners[code].update(c for c in b.countries if c != code)
        for t in b.topics:
            topics.setdefault(urls.slugify(t), TopicEntry(slug=urls.slugify(t), name=t)).briefings.append(b)
    for entry in officials.values():
        entry.roles = _merge_roles(entry.roles)
        entry.met = [(officials[s], n) for s, n in sorted(met[entry.slug].items(), key=lambda kv: (-kv[1], kv[0]))]
    for code, entry in countries.items():
        entry.partners = [(countries[c], n) for c, n in sorted(partners[code].items(), key=lambda kv: (-kv[1], kv[0]))]
        entry.officials.sort(key=lambda o: o.name)
    related = {b.source: _related(b, briefings) for b in briefings}
    return Site(briefings=briefings, slugs=slugs, officials=dict(sorted(officials.items())),
                countries=dict(sorted(countries.items(), key=lambda kv: kv[1].name)),
                topics=dict(sorted(topics.items())), official_of=official_of,
                months=dict(sorted(months.items(), reverse=True)), related=related)


def _merge_roles(roles: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    spans: dict[str, list[str]] = {}
    for title, first, last in roles:
        key = fold(title)
        if key in spans:
            spans[key][1] = min(spans[key][1], first)
            spans[key][2] = max(spans[key][2], last)
        else:
            spans[key] = [title, first, last]
    return sorted((tuple(v) for v in spans.values()), key=lambda r: r[1])


def _related(b: Briefing, everything: list[Briefing], limit: int = 5) -> list[Briefing]:
    """Briefings that share the most officials, countries and topics with this one."""
    mine = ({("o", fold(p.name)) for p in b.officials} | {("c", c) for c in b.countries}
            | {("t", t) for t in b.topics})
    scored = []
    for other in everything:
        if other is b:
            continue
        theirs = ({("o", fold(p.name)) for p in other.officials} | {("c", c) for c in other.countries}
                  | {("t", t) for t in other.topics})
        score = sum(3 if k[0] == "o" else 1 for k in mine & theirs)
        if score:
            scored.append((-score, -other.date.toordinal(), other.source, other))
    return [x[-1] for x in sorted(scored)[:limit]]
