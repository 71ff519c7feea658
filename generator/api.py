"""The JSON API: /api/briefings.json, /api/officials.json, /api/countries.json and one
/api/briefings/<id>.json per briefing (README-web14.md documents the fields).

Every file is a plan like any page (template `api.json`), whose context is the plain data it
prints, so the page digest covers it. Metadata only: a briefing's texts (the article) are on
its page, not in the API."""
from __future__ import annotations

from generator import feeds, urls
from generator.config import SiteConfig
from generator.model import Briefing
from generator.site import Site

VERSION = 1


def absolute(config: SiteConfig, rel: str) -> str:
    """A page's full URL when the site has an absolute base URL, else its path under the base path."""
    return urls.absolute(config.base_url, rel) if feeds.is_absolute(config.base_url) else config.base_path + rel


def briefing_json_rel(slug: str) -> str:
    """Where a briefing's JSON is: api/briefings/<id>.json (the id is a slug: no "/" or "..")."""
    rel = f"api/briefings/{slug}.json"
    urls.output_file(rel)  # refuses anything that could leave the site
    return rel


def briefing_record(b: Briefing, slugs, config: SiteConfig) -> dict:
    """What the API says of one briefing (its metadata, with links); `slugs`: its officials' slugs."""
    loc = b.location
    return {
        "id": b.slug, "url": absolute(config, urls.page("briefings", b.slug)),
        "json": absolute(config, briefing_json_rel(b.slug)),
        "title": b.title, "date": b.date.isoformat(), "event_type": b.event_type,
        "location": {"city": loc.city, "country": loc.country} if loc else None,
        "countries": list(b.countries),
        "officials": [{"name": p.name, "slug": slug, "title": p.title, "former": p.former, "country": p.country}
                      for p, slug in zip(b.officials, slugs)],
        "topics": list(b.topics), "summary": b.summary,
    }


def briefing_data(config: SiteConfig, items) -> dict:
    """The data of /api/briefings.json from its context: (briefing, its officials' slugs) pairs."""
    records = [briefing_record(b, slugs, config) for b, slugs in items]
    return {"version": VERSION, "count": len(records), "briefings": records}


def one_briefing_data(config: SiteConfig, b: Briefing, slugs, related, pairs) -> dict:
    """The data of /api/briefings/<id>.json from its context."""
    return {"version": VERSION, "briefing": {
        **briefing_record(b, slugs, config), "related": list(related),
        "relations": [absolute(config, urls.page("relations", s)) for s in pairs]}}


def _page(rel: str, data) -> tuple[str, dict]:
    return rel, {"rel": rel, "data": {"version": VERSION, **data}}


def api_pages(site: Site, config: SiteConfig, relations: dict) -> list[tuple[str, str, dict]]:
    """(rel, template, context) of every API file. The briefings' files hold the briefings
    themselves in their contexts (which the page digest reads as the digest of their metadata),
    and make their JSON when rendered (templates api_briefings.json, api_briefing.json)."""
    slugs = {b.source: tuple(site.official_of[(b.source, p.name)] for p in b.officials) for b in site.briefings}
    pages = [("api/briefings.json", "api_briefings.json",
              {"rel": "api/briefings.json", "items": [(b, slugs[b.source]) for b in site.briefings]})]
    pair_of: dict[frozenset, str] = {frozenset((e.first.country, e.second.country)): e.slug for e in relations.values()}
    for b in site.briefings:
        codes = sorted(set(b.countries))
        pairs = tuple(sorted({pair_of[k] for i, x in enumerate(codes) for y in codes[i + 1:]
                              if (k := frozenset((x, y))) in pair_of}))
        rel = briefing_json_rel(b.slug)
        pages.append((rel, "api_briefing.json", {"rel": rel, "b": b, "slugs": slugs[b.source], "pairs": pairs,
                                                 "related_ids": tuple(r.slug for r in site.related.get(b.source, []))}))
    officials = [{"slug": o.slug, "name": o.name, "country": o.country, "briefings": len(o.briefings),
                  "url": absolute(config, urls.page("officials", o.slug)),
                  "feed": absolute(config, urls.page("officials", o.slug) + "feed.xml"),
                  "roles": [{"title": t, "country": country, "first_seen": first, "last_seen": last}
                            for t, country, first, last in o.roles],
                  "aliases": sorted(o.aliases)}
                 for o in site.officials.values()]
    pages.append(("api/officials.json", "api.json", _page("api/officials.json", {"count": len(officials),
                                                                              "officials": officials})[1]))
    mine: dict[str, list[str]] = {}
    for e in relations.values():
        for code in (e.first.country, e.second.country):
            mine.setdefault(code, []).append(absolute(config, urls.page("relations", e.slug)))
    countries = [{"code": c.code, "slug": c.slug, "name": c.name, "briefings": len(c.briefings),
                  "url": absolute(config, urls.page("countries", c.slug)),
                  "feed": absolute(config, urls.page("countries", c.slug) + "feed.xml"),
                  "partners": [{"code": r.country, "briefings": n} for r, n in c.partners],
                  "relations": mine.get(c.code, [])}
                 for c in site.countries.values()]
    pages.append(("api/countries.json", "api.json", _page("api/countries.json", {"count": len(countries),
                                                                              "countries": countries})[1]))
    return pages
