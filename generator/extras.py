"""The pages beyond the per-entry ones: redirects from old addresses, relations between two
states, the JSON API and the Atom feed of each official, country and topic.

Each is a `PagePlan` like any page (render.plan_pages), so it goes through the same digest and
reuse as every page of the site; `plan_extras` is called by the build: `prepare` on the
list pages, `extra_plans` once the related briefings are known."""
from __future__ import annotations

from generator import api
from generator import relations as rel_
from generator import urls
from generator.config import SiteConfig
from generator.render import PagePlan
from generator.site import Site

MAX_ENTRY_FEED = 20  # an official's, country's or topic's feed holds its newest 20 briefings (feed_size if fewer)

# templates of plans that are not pages of their own for the sitemap
UNLISTED = frozenset({"alias.html"})


def alias_plans(site: Site, config: SiteConfig) -> list[PagePlan]:
    """A redirect page at every old address of a briefing (see permalinks)."""
    plans = []
    titles = {b.slug: b.title for b in site.briefings}
    for old, slug in sorted(site.aliases.items()):
        rel = urls.page("briefings", old)
        plans.append(PagePlan(rel, "alias.html", {"base_path": config.base_path, "rel": rel,
                                                  "target": urls.page("briefings", slug), "title": titles[slug]}))
    return plans


def relation_plans(relations: dict, config: SiteConfig) -> list[PagePlan]:
    """The relations page (the pairs seen most) and each pair's timeline, in pages of per_page."""
    common = {"base_path": config.base_path}
    index = urls.page("relations")
    plans = [PagePlan(index, "relations.html", {**common, "rel": index, "entries": rel_.ranked(relations),
                                                "total": len(relations)})]
    for entry in relations.values():
        chunks = [entry.briefings[i:i + config.per_page] for i in range(0, len(entry.briefings), config.per_page)]
        for n, items in enumerate(chunks, 1):
            rel = urls.page("relations", entry.slug, n)
            pager = {"page": n, "pages": len(chunks), "count": len(entry.briefings),
                     "prev": urls.page("relations", entry.slug, n - 1) if n > 1 else None,
                     "next": urls.page("relations", entry.slug, n + 1) if n < len(chunks) else None}
            plans.append(PagePlan(rel, "relation.html", {**common, "relation": entry, "items": items,
                                                         "pager": pager, "rel": rel}))
    return plans


def api_plans(site: Site, config: SiteConfig, relations: dict) -> list[PagePlan]:
    """The JSON API's files (see api.py)."""
    return [PagePlan(rel, template, context) for rel, template, context in api.api_pages(site, config, relations)]


def feed_plans(site: Site, config: SiteConfig) -> list[PagePlan]:
    """An Atom feed of the newest briefings of each official, country and topic, beside its page
    (`/officials/<slug>/feed.xml`)."""
    plans = []
    # a country only hosts briefings (its list is empty): its feed has no entry yet
    newest = max((b.date for b in site.briefings), default=None)
    for section, entries in (("officials", site.officials), ("countries", site.countries),
                             ("topics", site.topics)):
        for entry in entries.values():
            page = urls.page(section, entry.slug)
            items = entry.briefings[:min(config.feed_size, MAX_ENTRY_FEED)]
            rel = page + "feed.xml"
            plans.append(PagePlan(rel, "entry_feed.xml", {"rel": rel, "page_rel": page, "name": entry.name,
                                                          "items": items, "updated": max((b.date for b in items), default=newest)}))
    return plans


def add_to_pages(plans: list[PagePlan], relations: dict) -> None:
    """What the pages plan_pages made show of these extras, added to their contexts (before any
    digest is taken, so a page's digest covers it): a country's relations, the home page's top pairs."""
    by_country = rel_.of_country(relations)
    top = rel_.ranked(relations)[:12]
    for plan in plans:
        if plan.template == "country.html":
            plan.context["relations"] = by_country.get(plan.context["c"].code, [])[:rel_.MAX_INDEXED]
        elif plan.template == "index.html":
            plan.context["top_relations"] = top


def prepare(site: Site, lists: list[PagePlan]) -> dict:
    """The relations between states, and what the list pages show of the extras added to their
    contexts (before any digest is taken); needs no `site.related`."""
    relations = rel_.build_relations(site)
    add_to_pages(lists, relations)
    return relations


def extra_plans(site: Site, config: SiteConfig, relations: dict) -> list[PagePlan]:
    """Every page this module adds, decided before any is written (the API needs `site.related`)."""
    return (alias_plans(site, config) + relation_plans(relations, config) + api_plans(site, config, relations)
            + feed_plans(site, config))


def plan_extras(site: Site, config: SiteConfig, plans: list[PagePlan]) -> list[PagePlan]:
    """`prepare` and `extra_plans` at once, for a site whose `related` is known."""
    return extra_plans(site, config, prepare(site, plans))


def listed(plan: PagePlan) -> bool:
    """Whether a page belongs in the sitemap: an HTML page of its own, not a redirect or data."""
    return plan.template not in UNLISTED and (plan.rel == "" or plan.rel.endswith("/"))
