"""The JSON API: /api/briefings.json, /api/officials.json, /api/countries.json and one
/api/briefings/<id>.json per briefing (README-web14.md documents the fields).

Every file is a plan like any page (template `api.json`), whose context is the plain data it
prints, so the page digest covers it. Metadata only: a briefing's texts (the article) are on
its page, not in the API."""
from __future__ import annotations

from generator import urls
from generator.config import SiteConfig
from generator.model import Briefing
from generator.site import Site
from generator.webfilters import absolute

VERSION = 1


def briefing_json_rel(slug: str) -> str:
    """Where a briefing's JSON is: api/briefings/<id>.json (the id is a slug: no "/" or "..")."""
    rel = f"api/briefings/{slug}.json"
    urls.output_file(rel)  # refuses anything that could leave the site
    return rel


def briefing_record(b: Briefing, site: Site, config: SiteConfig) -> dict:
    """What the API says of one briefing (its metadata, with links)."""
    loc = b.location
    return {
        "id": b.slug, "url": absolute(config, urls.page("briefings", b.slug)),
        "json": absolute(config, briefing_json_rel(b.slug)),
        "title": b.title, "date": b.date.isoformat(), "event_type": b.event_type,
        "location": {"city": loc.city, "country": loc.country} if loc else None,
        "countries": list(b.countries),
        "officials": [{"name": p.name, "slug": site.official_of[(b.source, p.name)], "title": p.title,
                       "former": p.former, "country": p.country} for p in b.officials],
        "topics": list(b.topics), "summary": b.summary,
    }


def _page(rel: str, data) -> tuple[str, dict]:
    return rel, {"rel": rel, "data": {"version": VERSION, **data}}


def api_pages(site: Site, config: SiteConfig, relations: dict) -> list[tuple[str, dict]]:
    """(rel, context) of every API file."""
    records = {b.source: briefing_record(b, site, config) for b in site.briefings}
    pages = [_page("api/briefings.json", {"count": len(records), "briefings": list(records.values())})]
    pair_of: dict[frozenset, str] = {frozenset((e.first.country, e.second.country)): e.slug for e in relations.values()}
    for b in site.briefings:
        codes = sorted(set(b.countries))
        pairs = sorted({pair_of[k] for i, x in enumerate(codes) for y in codes[i + 1:]
                        if (k := frozenset((x, y))) in pair_of})
        pages.append(_page(briefing_json_rel(b.slug), {
            "briefing": {**records[b.source], "related": [r.slug for r in site.related.get(b.source, [])],
                         "relations": [absolute(config, urls.page("relations", s)) for s in pairs]}}))
    officials = [{"slug": o.slug, "name": o.name, "country": o.country, "briefings": len(o.briefings),
                  "url": absolute(config, urls.page("officials", o.slug)),
                  "feed": absolute(config, urls.page("officials", o.slug) + "feed.xml"),
                  "roles": [{"title": t, "first_seen": first, "last_seen": last} for t, first, last in o.roles],
                  "aliases": sorted(o.aliases)}
                 for o in site.officials.values()]
    pages.append(_page("api/officials.json", {"count": len(officials), "officials": officials}))
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
    pages.append(_page("api/countries.json", {"count": len(countries), "countries": countries}))
    return pages
