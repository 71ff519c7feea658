"""The Jinja2 environment (the archive's templates/ first, the built-in theme second) and page plans."""
from __future__ import annotations

import datetime as dt
import traceback
from dataclasses import dataclass
from typing import Callable
from pathlib import Path

import jinja2

from generator import urls
from generator.config import SiteConfig
from generator.errors import TemplateProblem
from generator.model import Briefing
from generator.registry import Registry
from generator.site import Site
from generator.text import printable

EVENT_LABELS = {"meeting": "Meeting", "phone_call": "Phone call", "visit": "Visit", "talks": "Talks",
                "summit": "Summit", "joint_statement": "Joint statement",
                "press_conference": "Press conference", "statement": "Statement", "other": "Other"}


def theme_dir() -> Path:
    """The built-in theme: packaged inside the wheel, or the repository's top level in a checkout."""
    packaged = Path(__file__).parent / "theme"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PagePlan:
    """One page to write: its site-relative path, template and context.

    A briefing page's context is made only when the page is rendered (`lazy`); what it depends
    on is then given as `deps`, so that an unchanged page costs a digest, not a context.
    """

    rel: str
    template: str
    context: dict
    lazy: Callable[[], dict] | None = None
    deps: tuple | None = None

    def full_context(self) -> dict:
        """The context the template sees."""
        return {**self.context, **self.lazy()} if self.lazy else self.context


def make_env(config: SiteConfig, reg: Registry, cache_dir: Path | None = None) -> jinja2.Environment:
    """A strict, autoescaping environment; a user template overrides the theme's file of the same name.

    With a cache folder, compiled templates are kept there (Jinja2's bytecode cache, checked
    against each template's source): a build that renders one page need not compile them all."""
    search = [str(config.templates)] if config.templates.is_dir() else []
    search.append(str(theme_dir() / "templates"))
    compiled = None
    if cache_dir is not None:
        (cache_dir / "templates").mkdir(parents=True, exist_ok=True)
        compiled = jinja2.FileSystemBytecodeCache(str(cache_dir / "templates"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(search), autoescape=True, bytecode_cache=compiled,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True,
                             # control characters from a seed never reach a page (Markup, such as a
                             # macro's output, was made of values that passed through here already)
                             finalize=lambda v: printable(v) if type(v) is str else v)
    base = config.base_path
    env.globals.update(
        site=config, country_name=reg.country_name, event_label=lambda k: EVENT_LABELS.get(k, k),
        url=lambda rel: urls.href(base, rel), page=urls.page, static=lambda p: urls.href(base, "static/" + p))
    env.filters["longdate"] = lambda d: f"{d.day} {d:%B %Y}" if isinstance(d, dt.date) else str(d)
    env.filters["monthname"] = lambda m: dt.date(2000, m, 1).strftime("%B")
    return env


def render_page(env: jinja2.Environment, plan: PagePlan) -> str:
    """Render one plan, turning any template failure into a TemplateProblem naming file and line."""
    try:
        return env.get_template(plan.template).render(**plan.full_context())
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno) from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError, KeyError) as exc:
        where, line = _template_frame(exc, plan.template)
        raise TemplateProblem(f"while rendering {plan.rel or '/'}: {exc.__class__.__name__}: {exc}",
                              where, line) from None


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The template file and line where rendering failed (Jinja2 puts template lines in the traceback)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt", ".j2")):
            return frame.filename, frame.lineno
    return fallback, None


def body_segments(b: Briefing, site: Site) -> list[list[tuple[str, str | None]]]:
    """Paragraphs as (text, official URL or None) runs, so that every mention is a link."""
    by_para: dict[int, list] = {}
    for m in b.mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    out = []
    for i, text in enumerate(b.body):
        runs, pos = [], 0
        for m in sorted(by_para.get(i, []), key=lambda m: m.start):
            slug = site.official_of.get((b.source, m.name))
            if slug is None or m.start < pos:
                continue
            runs += [(text[pos:m.start], None), (text[m.start:m.end], urls.page("officials", slug))]
            pos = m.end
        runs.append((text[pos:], None))
        out.append([r for r in runs if r[0]])
    return out


def briefing_context(b: Briefing, site: Site) -> dict:
    """What a briefing page shows."""
    speakers: dict[str, list] = {}
    for s in b.statements:
        speakers.setdefault(s.speaker, []).append(s)
    lead = b.summary.rstrip("…")
    return {"b": b, "slug": site.slugs[b.source], "segments": body_segments(b, site),
            "show_summary": bool(b.summary) and not (b.body and b.body[0].startswith(lead)),
            "officials": [(p, site.official_of[(b.source, p.name)],
                           site.officials[site.official_of[(b.source, p.name)]].country) for p in b.officials],
            "speakers": [(name, site.official_of.get((b.source, name)), items) for name, items in speakers.items()],
            "related": [(r, site.slugs[r.source]) for r in site.related.get(b.source, [])],
            "country_slug": {code: site.countries[code].slug for code in site.countries},
            "topic_slug": site.topic_slugs}


def briefing_deps(b: Briefing, site: Site) -> tuple:
    """Everything a briefing page shows besides the briefing itself: its officials' pages and
    countries, and its related briefings."""
    people = tuple((p.name, site.official_of[(b.source, p.name)],
                    site.officials[site.official_of[(b.source, p.name)]].country) for p in b.officials)
    related = tuple((r.source, site.slugs[r.source], r.title, r.date.isoformat())
                    for r in site.related.get(b.source, []))
    return (b.source, b.sha256, site.slugs[b.source], people, related)


def common_context(site: Site) -> dict:
    """What every page's context holds: the slugs links are made from."""
    return {"country_slug": {code: c.slug for code, c in site.countries.items()},
            "topic_slug": site.topic_slugs, "slugs": site.slugs}


def briefing_plan(b: Briefing, site: Site, common: dict, texts=None) -> PagePlan:
    """A briefing's page; its texts are fetched only if it is rendered."""
    rel = urls.page("briefings", site.slugs[b.source])
    return PagePlan(rel, "briefing.html", {**common, "rel": rel},
                    lazy=lambda: briefing_context(texts.full(b) if texts else b, site),
                    deps=briefing_deps(b, site))


def plan_pages(site: Site, config: SiteConfig, texts=None) -> list[PagePlan]:
    """Every HTML page of the site, decided before any is written."""
    common = common_context(site)
    plans = [PagePlan("", "index.html", {**common, "latest": site.briefings[:config.per_page],
                                         "total": len(site.briefings), "officials": site.officials,
                                         "countries": site.countries, "topics": site.topics,
                                         "top_officials": sorted(site.officials.values(),
                                                                 key=lambda o: (-len(o.briefings), o.name))[:12],
                                         "rel": ""})]
    plans += [briefing_plan(b, site, common, texts) for b in site.briefings]
    sections = (("officials", site.officials, "official.html", "o"),
                ("countries", site.countries, "country.html", "c"),
                ("topics", site.topics, "topic.html", "t"))
    for section, entries, template, var in sections:
        plans.append(PagePlan(urls.page(section), f"{section}.html",
                              {**common, "entries": list(entries.values()), "rel": urls.page(section)}))
        for entry in entries.values():
            # long lists are split into pages: an official with 2,000 briefings gets 40 pages of 50
            chunks = [entry.briefings[i:i + config.per_page]
                      for i in range(0, len(entry.briefings), config.per_page)] or [[]]
            for n, items in enumerate(chunks, 1):
                rel = urls.page(section, entry.slug, n)
                pager = {"page": n, "pages": len(chunks), "count": len(entry.briefings),
                         "prev": urls.page(section, entry.slug, n - 1) if n > 1 else None,
                         "next": urls.page(section, entry.slug, n + 1) if n < len(chunks) else None}
                plans.append(PagePlan(rel, template, {**common, var: entry, "items": items, "pager": pager,
                                                      "rel": rel}))
    years: dict[int, dict] = {}
    for (year, month), items in site.months.items():
        years.setdefault(year, {})[month] = items
    counts = {year: [(month, len(items)) for month, items in months.items()] for year, months in years.items()}
    plans.append(PagePlan(urls.page("archive"), "archive.html", {**common, "years": counts,
                                                                 "rel": urls.page("archive")}))
    for year, months in years.items():
        rel = urls.page("archive", str(year))
        plans.append(PagePlan(rel, "year.html", {**common, "year": year, "months": months, "rel": rel}))
    plans.append(PagePlan(urls.page("search"), "search.html", {**common, "rel": urls.page("search")}))
    plans.append(PagePlan("404.html", "404.html", {**common, "rel": "404.html"}))
    return plans
