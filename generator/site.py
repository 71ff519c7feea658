"""Briefings -> Site: the cross-link graph (by official, country, topic, month), decided before writing.

The graph is plain data: an entry names another (who met whom, a country's officials and
partners) through a `Ref`, the few values a page shows of it, never through the entry itself;
so what a page can show is what its context holds, and digest.py can walk all of it."""
from __future__ import annotations

import heapq
from collections import Counter, _count_elements, defaultdict
from dataclasses import dataclass, field, replace

from generator import permalinks, urls
from generator.model import Briefing
from generator.parallel import Background
from generator.registry import Registry
from generator.identity import canonical_names, side_by_side
from generator.text import fold


# A page lists at most this many of an official's "appears with", a country's partners and officials:
# an archive where many people meet each other would otherwise make pages quadratic in size.
MAX_LISTED = 50


@dataclass(frozen=True)
class Ref:
    """Another entry as a page shows it: its page, its name, its country (an official's, or a
    country's own code) and how many briefings it has."""

    slug: str
    name: str
    country: str | None
    count: int


@dataclass
class OfficialEntry:
    """An official across the whole archive."""

    slug: str
    name: str
    country: str | None
    # (title, country of the office or None, first seen, last seen), by first seen
    roles: list[tuple[str, str | None, str, str]] = field(default_factory=list)
    briefings: list[Briefing] = field(default_factory=list)
    met: list[tuple[Ref, int]] = field(default_factory=list)  # co-participants: both took part
    aliases: set[str] = field(default_factory=set)
    mentioned: set[str] = field(default_factory=set)  # sources of the briefings that only mention them


@dataclass
class CountryEntry:
    """A country across the archive."""

    code: str
    slug: str
    name: str
    officials: list[Ref] = field(default_factory=list)
    briefings: list[Briefing] = field(default_factory=list)
    hosted: list[Briefing] = field(default_factory=list)  # briefings whose event took place there
    partners: list[tuple[Ref, int]] = field(default_factory=list)
    official_count: int = 0  # all its officials; `officials` lists the MAX_LISTED seen most


@dataclass
class TopicEntry:
    """A topic across the archive."""

    slug: str
    name: str
    briefings: list[Briefing] = field(default_factory=list)


@dataclass
class Site:
    """Everything the pages show, with every cross-link resolved."""

    briefings: list[Briefing]                    # each with its final slug (Briefing.slug)
    slugs: dict[str, str]                       # briefing source -> slug
    officials: dict[str, OfficialEntry]
    countries: dict[str, CountryEntry]
    topics: dict[str, TopicEntry]
    official_of: dict[tuple[str, str], str]      # (briefing source, name in briefing) -> official slug
    months: dict[tuple[int, int], list[Briefing]]
    related: dict[str, list[Briefing]]
    aliases: dict[str, str] = field(default_factory=dict)  # an old briefing address -> its slug now (permalinks)
    pending: Background | None = None  # the worker finding `related`

    def wait(self) -> None:
        """Fill `related` with what the worker found."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            found = pending.result()
            self.related = {b.source: [self.briefings[j] for j in best] for b, best in zip(self.briefings, found)}

    def close(self) -> None:
        """Stop the worker if `related` is no longer wanted."""
        if self.pending is not None:
            self.pending.close()
            self.pending = None



def _canonical_names(briefings: list[Briefing]) -> dict[tuple[str, str | None], str]:
    """(name, country) -> the archive's name for that person (see identity.canonical_names)."""
    return canonical_names(Counter((p.name, p.country) for b in briefings for p in b.officials),
                           side_by_side([(p.name, p.country) for p in b.officials] for b in briefings))


def _index_officials(briefings: list[Briefing], site: Site) -> dict[str, Counter]:
    """Official entries with their briefings and roles; returns who appears with whom."""
    names = _canonical_names(briefings)
    votes: dict[str, Counter] = defaultdict(Counter)
    met: dict[str, Counter] = defaultdict(Counter)
    slugs: dict[str, str] = {}
    for b in briefings:
        here, took_part = [], set()
        for p in b.officials:
            name = names[(p.name, p.country)]
            slug = slugs.get(name)
            if slug is None:
                slug = slugs[name] = urls.slugify(name)
            entry = site.officials.get(slug)
            if entry is None:
                entry = site.officials[slug] = OfficialEntry(slug=slug, name=name, country=None)
            if p.name != name:
                entry.aliases.add(p.name)
            if not entry.briefings or entry.briefings[-1] is not b:
                entry.briefings.append(b)
            if p.title:
                day = b.date.isoformat()
                entry.roles.append((p.title + (" (former)" if p.former else ""), p.country, day, day))
            if p.country:
                votes[slug][p.country] += p.confidence
            site.official_of[(b.source, p.name)] = slug
            here.append(slug)
            if p.role == "participant":
                took_part.add(slug)
        for slug in here:
            if slug in took_part:  # "appears with": those who took part in the same event
                _count_elements(met[slug], [o for o in here if o != slug and o in took_part])  # Counter.update, without its checks
            else:
                site.officials[slug].mentioned.add(b.source)
    for slug, entry in site.officials.items():
        # one person, one country: the archive's consensus wins over a single briefing's slip
        entry.country = votes[slug].most_common(1)[0][0] if votes[slug] else None
        entry.roles = _merge_roles(entry.roles)
    return met


def build_site(briefings: list[Briefing], reg: Registry, wait: bool = True) -> Site:
    """Index the briefings every way the pages need; newest first everywhere. With `wait`
    False, `site.related` is empty until `site.wait()`, and the caller may work meanwhile
    (and must `site.close()` if it gives up before)."""
    slugs, aliases = permalinks.assign(briefings)  # from the seed's name, never from what is extracted
    briefings = sorted((replace(b, slug=slugs[b.source]) for b in briefings), key=lambda b: (b.date, b.source),
                       reverse=True)
    site = Site(briefings=briefings, slugs=slugs, officials={}, countries={}, topics={},
                official_of={}, months={}, related={}, aliases=aliases)
    # related briefings are found in a worker while this process indexes the rest (see Site.wait)
    site.pending = Background(_related_indices, briefings, fork=len(briefings) >= RELATED_IN_WORKER_FROM)
    try:
        _index(site, reg)
        if wait:
            site.wait()
    except BaseException:
        site.close()
        raise
    return site


def _index(site: Site, reg: Registry) -> None:
    """Officials, countries, topics and months, each with its briefings and cross-links."""
    briefings = site.briefings
    met = _index_officials(briefings, site)
    partners: dict[str, Counter] = defaultdict(Counter)

    def country(code: str) -> CountryEntry:
        if code not in site.countries:
            name = reg.country_name(code)
            site.countries[code] = CountryEntry(code=code, slug=urls.slugify(name), name=name)
        return site.countries[code]

    topic_slugs: dict[str, str] = {}
    for b in briefings:
        site.months.setdefault((b.date.year, b.date.month), []).append(b)
        if b.location and b.location.country:
            country(b.location.country).hosted.append(b)
        for code in b.countries:
            country(code).briefings.append(b)
            _count_elements(partners[code], [c for c in b.countries if c != code])
        for t in b.topics:
            # names that make one slug ("C++", "C#") share one page, first name first
            slug = topic_slugs.get(t)
            if slug is None:
                slug = topic_slugs[t] = urls.slugify(t)
            entry = site.topics.get(slug)
            if entry is None:
                entry = site.topics[slug] = TopicEntry(slug=slug, name=t)
            if not entry.briefings or entry.briefings[-1] is not b:
                entry.briefings.append(b)
    for entry in sorted(site.officials.values(), key=lambda o: o.name):
        entry.met = [(_ref(site.officials[s]), n) for s, n in _most(met[entry.slug])]
        if entry.country:
            country(entry.country).officials.append(_ref(entry))
    for code, entry in site.countries.items():
        entry.partners = [(_ref(site.countries[c]), n) for c, n in _most(partners[code])]
        # those seen in most briefings, then by name (the order they were added in)
        entry.official_count = len(entry.officials)
        entry.officials = sorted(entry.officials, key=lambda o: -o.count)[:MAX_LISTED]
    site.officials = dict(sorted(site.officials.items()))
    site.countries = dict(sorted(site.countries.items(), key=lambda kv: kv[1].name))
    site.topics = dict(sorted(site.topics.items()))
    site.months = dict(sorted(site.months.items(), reverse=True))


def _ref(entry: OfficialEntry | CountryEntry) -> Ref:
    return Ref(entry.slug, entry.name, getattr(entry, "country", None) or getattr(entry, "code", None),
               len(entry.briefings))


def _most(counts: Counter) -> list[tuple[str, int]]:
    """The MAX_LISTED highest counts, highest first, ties by key."""
    return heapq.nsmallest(MAX_LISTED, counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _merge_roles(roles: list[tuple[str, str | None, str, str]]) -> list[tuple[str, str | None, str, str]]:
    """One row per title and country (a title written in other cases or accents is one title),
    first written form kept, seen from the earliest to the latest date; by first seen, then title.
    A title without a country joins the row of the same title with one, when there is only one."""
    spans: dict[tuple[str, str | None], list] = {}
    for title, country, first, last in roles:
        key = (fold(title), country)
        if key in spans:
            spans[key][2] = min(spans[key][2], first)
            spans[key][3] = max(spans[key][3], last)
        else:
            spans[key] = [title, country, first, last]
    for (folded, country), row in list(spans.items()):
        if country is None:
            known = [k for k in spans if k[0] == folded and k[1] is not None]
            if len(known) == 1:
                into = spans[known[0]]
                into[2], into[3] = min(into[2], row[2]), max(into[3], row[3])
                del spans[(folded, None)]
    return sorted((tuple(v) for v in spans.values()), key=lambda r: (r[2], r[3], fold(r[0]), r[1] or ""))


def _features(b: Briefing) -> set[tuple[str, str]]:
    return ({("o", fold(p.name)) for p in b.officials} | {("c", c) for c in b.countries}
            | {("t", t) for t in b.topics})


RELATED_IN_WORKER_FROM = 2000  # fewer briefings are scored faster than a process is forked


def _related(briefings: list[Briefing], limit: int = 5) -> dict[str, list[Briefing]]:
    """For each briefing, those sharing the most officials (3 points), countries and topics (1 each)."""
    return {b.source: [briefings[j] for j in best] for b, best in zip(briefings, _related_indices(briefings, limit))}


def _related_indices(briefings: list[Briefing], limit: int = 5) -> list[list[int]]:
    """For each briefing (by position), the positions of those sharing the most officials (3
    points), countries and topics (1 each).

    An inverted index keeps this near-linear: only briefings that share something are scored,
    and features shared by a large part of the archive (a country in every other briefing) are
    skipped; the best few are picked without sorting every candidate.
    """
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    feats = [_features(b) for b in briefings]
    for i, f in enumerate(feats):
        for key in f:
            index[key].append(i)
    common = max(50, len(briefings) // 50)
    # what each briefing is scored by: an official's briefings three times, as one list
    lists = {key: (members * 3 if key[0] == "o" else members) for key, members in index.items()
             if len(members) <= common}
    out = []
    # newest first already: a lower index wins a tie, as a newer briefing should
    for i in range(len(briefings)):
        scores: dict[int, int] = {}
        for key in feats[i]:
            members = lists.get(key)
            if members is not None:
                _count_elements(scores, members)  # counts in C
        scores.pop(i, None)
        out.append([j for _, j in heapq.nsmallest(limit, [(-n, j) for j, n in scores.items()])])
    return out
