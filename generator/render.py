"""The Jinja2 environment (the archive's templates/ first, the built-in theme second) and page plans."""
from __future__ import annotations

import datetime as dt
import os
import traceback
from dataclasses import dataclass
from typing import Callable
from pathlib import Path

import jinja2
import jinja2.meta
from markupsafe import Markup, escape

from generator import markup, urls, webfilters
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

    The context is plain data and is all a page is made of (see digest.py). A briefing page
    also needs its texts, which are fetched only when the page is rendered: `expand(context,
    store, texts)` adds them, from the context and `texts`, the store key they are kept under
    (the digest of everything they are made of); a page's digest covers both (digest.page_digest).
    """

    rel: str
    template: str
    context: dict
    expand: Callable[[dict, object, str | None], dict] | None = None
    texts: str | None = None

    def full_context(self, store=None) -> dict:
        """The context the template sees."""
        if self.expand is None:
            return dict(self.context)
        return {**self.context, **self.expand(self.context, store, self.texts)}


def make_env(config: SiteConfig, reg: Registry) -> jinja2.Environment:
    """A strict, autoescaping environment; a user template overrides the theme's file of the same name.

    Templates are compiled afresh by every build that renders: compiled code is never loaded
    from a file (a cache folder is no place to take code from, and Jinja folds filters of
    constants such as the base URL into what it compiles)."""
    search = [str(config.templates)] if config.templates.is_dir() else []
    search.append(str(theme_dir() / "templates"))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(search), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    base = config.base_path
    url = lambda rel: urls.href(base, rel)  # noqa: E731
    static = lambda p: urls.href(base, "static/" + p)  # noqa: E731
    event_label = lambda k: EVENT_LABELS.get(k, k)  # noqa: E731
    country_slug = lambda code: urls.slugify(reg.country_name(code))  # noqa: E731 - as site.build_site
    env.globals.update(site=config, country_name=reg.country_name, event_label=event_label,
                       url=url, page=urls.page, static=static, own_pages=())
    # The same helpers as filters, which the theme uses: Jinja calls a filter directly, a global
    # function through Context.call (some 2 microseconds each, and a page makes a hundred calls).
    env.filters.update(
        url=url, static=static, country_name=reg.country_name, event_label=event_label,
        country_slug=country_slug, topic_slug=urls.slugify,
        page_url=lambda section, slug=None, n=1: base + urls.page(section, slug, n),
        iso=lambda d: d.isoformat(),
        # a seed outside the archive is known by its absolute path, which a published page must
        # not show: from the seeds folder's parent on ("raw/01732.txt")
        source_name=lambda path: os.path.relpath(path, config.seeds.parent) if os.path.isabs(path) else path,
        longdate=_longdate,
        monthname=lambda m: dt.date(2000, m, 1).strftime("%B"),
        markdown=markup.markdown_filter)  # an analyst's note: Markdown made safe HTML (markup.py)
    env.filters.update(webfilters.filters(config, reg.country_name))  # absolute URLs, Atom, BibTeX, JSON (webfilters.py)
    return env


def _longdate(d) -> str:
    """The one date format of every page: 25 November 2020 (a date, or an ISO date string)."""
    if isinstance(d, str):
        try:
            d = dt.date.fromisoformat(d)
        except ValueError:
            return d
    return f"{d.day} {d:%B %Y}" if isinstance(d, dt.date) else str(d)


def warm(env: jinja2.Environment, names) -> None:
    """Compile the templates named, and those they extend, include or import, ahead of rendering
    (a build does it while it waits for a worker). A template that fails is left for
    render_page to report."""
    todo, seen = list(names), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            template = env.get_template(name)
            source = env.loader.get_source(env, template.name)[0]
            todo += [n for n in jinja2.meta.find_referenced_templates(env.parse(source)) if n]
        except jinja2.TemplateError:
            pass


def render_page(env: jinja2.Environment, plan: PagePlan, store=None) -> bytes:
    """One plan rendered, as the bytes to write (control characters from a seed never reach a
    page: see page_bytes). A template's failure (jinja2.TemplateError) becomes a TemplateProblem naming
    file and line; anything else is a bug, raised as it is with a note naming the page."""
    try:
        context = plan.full_context(store)
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


def body_html(b: Briefing, links: dict[str, str], base_path: str) -> Markup:
    """The text as HTML paragraphs, the first mention of each official in a paragraph a link to
    their page (`links`: name in the briefing -> official's slug); later mentions stay text.

    Made here rather than in the template, as Hugo's templates print `.Content`: a page's text
    is a hundred short runs, which a template loop would escape and join one by one. Here a
    paragraph's runs are escaped in one call, joined by a character no run holds, and split
    again (escaping never touches that character)."""
    by_para: dict[int, list] = {}
    for m in b.mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    base = str(escape(base_path))  # slugs: letters, digits, hyphens (urls.slugify); nothing to escape
    out = []
    for i, text in enumerate(b.body):
        pieces, hrefs, pos = [], [], 0  # pieces: text, name, text, name, ..., text
        linked = set()  # a name is linked once per paragraph
        for m in sorted(by_para.get(i, ()), key=lambda m: m.start):
            slug = links.get(m.name)
            if slug is None or m.start < pos or slug in linked:
                continue
            linked.add(slug)
            pieces += [text[pos:m.start], text[m.start:m.end]]
            hrefs.append(base + urls.page("officials", slug))
            pos = m.end
        pieces.append(text[pos:])
        if "\0" in text:
            escaped = [str(escape(piece)) for piece in pieces]
        else:
            escaped = str(escape("\0".join(pieces))).split("\0")
        html = [escaped[0]]
        for k, href in enumerate(hrefs):
            html += ['<a href="', href, '">', escaped[2 * k + 1], "</a>", escaped[2 * k + 2]]
        out.append("<p>" + "".join(html) + "</p>")
    return Markup("\n".join(out))


def briefing_texts(context: dict, store, key: str | None) -> dict:
    """What a briefing page shows of its texts, made from its context and the store alone (`key`:
    where the store keeps them; None: the briefing has its texts)."""
    b = store.full(context["b"], key) if key is not None else context["b"]
    links = context["links"]
    speakers: dict[str, list] = {}
    for s in b.statements:
        speakers.setdefault(s.speaker, []).append(s)
    lead = b.summary.rstrip("…")
    return {"b": b, "content": body_html(b, links, context["base_path"]),
            "show_summary": bool(b.summary) and not (b.body and b.body[0].startswith(lead)),
            "speakers": [(name, links.get(name), items) for name, items in speakers.items()]}


def briefing_rel(b: Briefing) -> str:
    """A briefing's page (its slug is the site's: see permalinks)."""
    return urls.page("briefings", b.slug)


def briefing_plan(b: Briefing, site: Site, base_path: str, key: str | None) -> PagePlan:
    """A briefing's page; its texts are fetched only if it is rendered, from the store's `key`
    (None: the briefing has its texts)."""
    rel = briefing_rel(b)
    links = {p.name: site.official_of[(b.source, p.name)] for p in b.officials}
    officials = [(p, links[p.name], site.officials[links[p.name]].country) for p in b.officials]
    return briefing_page({"base_path": base_path, "rel": rel, "b": b, "slug": b.slug,
                          "links": links, "officials": officials,
                          # each official's name across the archive, for search
                          "names": sorted({site.officials[slug].name for slug in links.values()}),
                          "related": [(r, r.slug) for r in site.related.get(b.source, [])]}, key)


def briefing_page(context: dict, key: str | None) -> PagePlan:
    """A briefing's page from its context (briefing_plan's, or one the store kept)."""
    return PagePlan(context["rel"], "briefing.html", context, expand=briefing_texts, texts=key)


def plan_pages(site: Site, config: SiteConfig, keys: dict[str, str] | None = None) -> list[PagePlan]:
    """Every HTML page of the site, decided before any is written (`keys`: briefing source ->
    the store key of its texts, for briefings kept without them)."""
    return in_order(list_plans(site, config), briefing_plans(site, config, keys))


def in_order(lists: list[PagePlan], briefings: list[PagePlan]) -> list[PagePlan]:
    """The site's pages in their order: the home page, the briefings, then every list."""
    return [*lists[:1], *briefings, *lists[1:]]


def briefing_plans(site: Site, config: SiteConfig, keys: dict[str, str] | None = None) -> list[PagePlan]:
    """Every briefing's page (they need site.related)."""
    keys = keys or {}
    return [briefing_plan(b, site, config.base_path, keys.get(b.source)) for b in site.briefings]


def list_plans(site: Site, config: SiteConfig) -> list[PagePlan]:
    """Every page but the briefings' own: the home page, then the pages of officials,
    countries, topics and months (they do not need site.related)."""
    common = {"base_path": config.base_path}
    plans = [PagePlan("", "index.html", {**common, "latest": site.briefings[:config.per_page],
                                         "total": len(site.briefings), "officials": site.officials,
                                         "countries": site.countries, "topics": site.topics,
                                         "top_officials": sorted(site.officials.values(),
                                                                 key=lambda o: (-len(o.briefings), o.name))[:12],
                                         "rel": ""})]
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
