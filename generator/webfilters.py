"""Template filters for the machine-readable pages (JSON API, per-entry Atom feeds, citations):
absolute URLs, Atom ids and stamps, BibTeX strings. Pure functions of their arguments and the
settings, so a page's digest (its context, the settings, the program's source) covers them."""
from __future__ import annotations

import datetime as dt
import json
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from generator import api, feeds, urls
from generator.api import absolute
from generator.config import SiteConfig

BIBTEX_SPECIAL = str.maketrans({"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                                "^": r"\textasciicircum{}"})


def bibtex(value) -> str:
    """A value inside a BibTeX field's braces: TeX's special characters escaped, one line."""
    return " ".join(str(value).translate(BIBTEX_SPECIAL).split())


_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027"),
                 ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_text(value) -> Markup:
    """Compact JSON whose text is safe inside HTML and XML (<, >, & and ' as \\u escapes).
    (One replacement at a time, each dropping the text before it: the API's list of every
    briefing is megabytes of text, and a chain of replacements held three copies at once.)"""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES:
        text = text.replace(raw, escaped)
    return Markup(text)


def pretty_json(value) -> str:
    """Indented JSON to show on a page (as text: the page escapes it)."""
    return json.dumps(value, ensure_ascii=False, indent=2)


def csl(config: SiteConfig, b) -> list[dict]:
    """A briefing as CSL-JSON (the citation format Zotero, Pandoc and citeproc read)."""
    url = absolute(config, urls.page("briefings", b.slug))
    item = {"id": b.slug, "type": "article-newspaper", "title": b.title, "container-title": config.title,
            "publisher": config.title, "URL": url, "language": config.language,
            "issued": {"date-parts": [[b.date.year, b.date.month, b.date.day]]}}
    if b.summary:
        item["abstract"] = b.summary
    return [item]


def bibtex_entry(config: SiteConfig, b) -> str:
    """A briefing as a BibTeX @misc entry (biblatex reads `date` and `url`; BibTeX `howpublished`)."""
    # a URL is verbatim in BibTeX: only what could close the field or the line is encoded
    url = quote(absolute(config, urls.page("briefings", b.slug)), safe=":/?#[]@!$&'()*+,;=-._~%")
    fields = [("title", "{" + bibtex(b.title) + "}"), ("howpublished", "\\url{" + url + "}"), ("url", url), ("date", b.date.isoformat()), ("year", str(b.date.year)),
              ("month", b.date.strftime("%b").lower()), ("organization", bibtex(config.title)),
              ("note", "Briefing " + bibtex(b.slug))]
    key = "".join(c if c.isalnum() else "-" for c in b.slug)
    return "@misc{" + key + ",\n" + ",\n".join(f"  {k} = {{{v}}}" for k, v in fields) + "\n}"


def _person(config: SiteConfig, country_name, name: str, slug: str | None, title: str | None,
            code: str | None) -> dict:
    person = {"@type": "Person", "name": name}
    if slug:
        person["url"] = absolute(config, urls.page("officials", slug))
    if title:
        person["jobTitle"] = title
    if code:
        person["nationality"] = {"@type": "Country", "name": country_name(code)}
    return person


def linked_data(config: SiteConfig, country_name, rel: str, context) -> dict:
    """The schema.org description of a page (JSON-LD): a NewsArticle for a briefing, a Person for
    an official, a Country, else a WebPage; made from the page's context alone."""
    url = absolute(config, rel)
    publisher = {"@type": "Organization", "name": config.title, "url": absolute(config, "")}
    b = context.get("b")
    if b is not None and "officials" in context:
        data = {"@type": "NewsArticle", "headline": b.title[:110], "name": b.title, "url": url,
                "mainEntityOfPage": url, "identifier": b.slug, "datePublished": b.date.isoformat(),
                "inLanguage": config.language, "publisher": publisher, "isAccessibleForFree": True,
                "mentions": [_person(config, country_name, p.name, slug, p.title, code)
                             for p, slug, code in context["officials"]]}
        if b.summary:
            data["description"] = b.summary
        if b.location and (b.location.city or b.location.country):
            data["contentLocation"] = {"@type": "Place", "name": ", ".join(
                x for x in (b.location.city, b.location.country and country_name(b.location.country)) if x)}
        if b.topics:
            data["keywords"] = ", ".join(b.topics)
    elif "o" in context:
        o = context["o"]
        data = _person(config, country_name, o.name, o.slug, o.roles[-1][0] if o.roles else None, o.country)
        data["mainEntityOfPage"] = url
    elif "c" in context:
        data = {"@type": "Country", "name": context["c"].name, "url": url}
    else:
        data = {"@type": "WebPage", "url": url, "name": config.title, "isPartOf": {
            "@type": "WebSite", "name": config.title, "url": absolute(config, "")}}
    return {"@context": "https://schema.org", **data}


def filters(config: SiteConfig, country_name) -> dict:
    return {"absolute": lambda rel: absolute(config, rel),
            "atom_id": lambda rel: feeds.atom_id(config, rel),
            "stamp": lambda d: f"{d.isoformat()}T00:00:00Z" if isinstance(d, dt.date) else str(d),
            "bibtex": bibtex, "json_text": json_text, "pretty_json": pretty_json,
            "csl": lambda b: csl(config, b), "bibtex_entry": lambda b: bibtex_entry(config, b),
            # the page's own variables, read from the template's context (b, officials, o, c)
            "api_briefings": lambda items: api.briefing_data(config, items),
            "api_briefing": lambda b, slugs, related, pairs: api.one_briefing_data(config, b, slugs, related, pairs),
            "linked_data": jinja2.pass_context(lambda ctx, rel: linked_data(config, country_name, rel, ctx))}
