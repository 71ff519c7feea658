"""The Jinja2 environment (the archive's templates/ first, the built-in theme second) and page plans."""
from __future__ import annotations

import datetime as dt
import os
import traceback
from dataclasses import dataclass
from typing import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator import urls
from generator.config import SiteConfig
from generator.errors import TemplateProblem
from generator.model import Briefing
from generator.registry import Registry
from generator.site import Site
from generator.text import page_bytes

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
        return {**self.context, **self.lazy()} if self.lazy else dict(self.context)


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
                             keep_trailing_newline=True)
    base = config.base_path
    url = lambda rel: urls.href(base, rel)  # noqa: E731
    static = lambda p: urls.href(base, "static/" + p)  # noqa: E731
    event_label = lambda k: EVENT_LABELS.get(k, k)  # noqa: E731
    env.globals.update(site=config, country_name=reg.country_name, event_label=event_label,
                       url=url, page=urls.page, static=static)
    # The same helpers as filters, which the theme uses: Jinja calls a filter directly, a global
    # function through Context.call (some 2 microseconds each, and a page makes a hundred calls).
    env.filters.update(
        url=url, static=static, country_name=reg.country_name, event_label=event_label,
        page_url=lambda section, slug=None, n=1: base + urls.page(section, slug, n),
        iso=lambda d: d.isoformat(),
        # a seed outside the archive is known by its absolute path, which a published page must
        # not show: from the seeds folder's parent on ("raw/01732.txt")
        source_name=lambda path: os.path.relpath(path, config.seeds.parent) if os.path.isabs(path) else path,
        longdate=lambda d: f"{d.day} {d:%B %Y}" if isinstance(d, dt.date) else str(d),
        monthname=lambda m: dt.date(2000, m, 1).strftime("%B"))
    return env


def render_page(env: jinja2.Environment, plan: PagePlan) -> bytes:
    """One plan rendered, as the bytes to write (control characters from a seed never reach a
    page: see page_bytes). A template's failure (jinja2.TemplateError) becomes a TemplateProblem naming
    file and line; anything else is a bug, raised as it is with a note naming the page."""
    try:
        context = plan.full_context()
        # the section a page belongs to, for the navigation's aria-current
        context.setdefault("section", plan.rel.split("/", 1)[0] if "/" in plan.rel else "")
        return page_bytes(env.get_template(plan.template).render(**context))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"template syntax error: {exc.message}", exc.filename or exc.name, exc.lineno) from None
    except jinja2.TemplateError as exc:
        where, line = _template_frame(exc, plan.template)
        raise TemplateProblem(f"while rendering {plan.rel or '/'}: {exc.__class__.__name__}: {exc}",
                              where, line) from None
    except Exception as exc:
        where, line = _template_frame(exc, plan.template)
        exc.add_note(f"while rendering {plan.rel or '/'} with {where}{f':{line}' if line else ''}")
        raise


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The template file and line where rendering failed (Jinja2 puts template lines in the traceback)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt", ".j2")):
            return frame.filename, frame.lineno
    return fallback, None


def body_html(b: Briefing, site: Site, base_path: str) -> Markup:
    """The text as HTML paragraphs, every mention of an official a link to their page.

    Made here rather than in the template, as Hugo's templates print `.Content`: a page's text
    is a hundred short runs, which a template loop would escape and join one by one. Here a
    paragraph's runs are escaped in one call, joined by a character no run holds, and split
    again (escaping never touches that character)."""
    by_para: dict[int, list] = {}
    for m in b.mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    base = str(escape(base_path))  # slugs are [a-z0-9-]: nothing else in a link needs escaping
    out = []
    for i, text in enumerate(b.body):
        pieces, links, pos = [], [], 0  # pieces: text, name, text, name, ..., text
        for m in sorted(by_para.get(i, ()), key=lambda m: m.start):
            slug = site.official_of.get((b.source, m.name))
            if slug is None or m.start < pos:
                continue
            pieces += [text[pos:m.start], text[m.start:m.end]]
            links.append(base + urls.page("officials", slug))
            pos = m.end
        pieces.append(text[pos:])
        if "\0" in text:
            escaped = [str(escape(piece)) for piece in pieces]
        else:
            escaped = str(escape("\0".join(pieces))).split("\0")
        html = [escaped[0]]
        for k, href in enumerate(links):
            html += ['<a href="', href, '">', escaped[2 * k + 1], "</a>", escaped[2 * k + 2]]
        out.append("<p>" + "".join(html) + "</p>")
    return Markup("\n".join(out))


def briefing_context(b: Briefing, site: Site, base_path: str = "/") -> dict:
    """What a briefing page shows."""
    speakers: dict[str, list] = {}
    for s in b.statements:
        speakers.setdefault(s.speaker, []).append(s)
    lead = b.summary.rstrip("…")
    return {"b": b, "slug": site.slugs[b.source], "content": body_html(b, site, base_path),
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


def common_context(site: Site, base_path: str) -> dict:
    """What every page's context holds: the slugs links are made from, and the site's base path."""
    return {"country_slug": {code: c.slug for code, c in site.countries.items()},
            "topic_slug": site.topic_slugs, "slugs": site.slugs, "base_path": base_path}


def briefing_plan(b: Briefing, site: Site, common: dict, texts=None) -> PagePlan:
    """A briefing's page; its texts are fetched only if it is rendered."""
    rel = urls.page("briefings", site.slugs[b.source])
    return PagePlan(rel, "briefing.html", {**common, "rel": rel},
                    lazy=lambda: briefing_context(texts.full(b) if texts else b, site, common["base_path"]),
                    deps=briefing_deps(b, site))


def plan_pages(site: Site, config: SiteConfig, texts=None) -> list[PagePlan]:
    """Every HTML page of the site, decided before any is written."""
    common = common_context(site, config.base_path)
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
