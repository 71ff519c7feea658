"""Atom feed, sitemap and robots.txt: machine-readable views of the Site (search: search.py)."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from generator import urls
from generator.config import SiteConfig
from generator.site import Site
from generator.text import printable

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def is_absolute(base_url: str) -> bool:
    """Whether the site's URL names a host (https://...): feeds and the sitemap need one."""
    return bool(urlsplit(base_url).scheme)


def atom_id(config: SiteConfig, rel: str) -> str:
    """A permanent id for the feed or an entry: its URL, or without an absolute base URL a tag: URI
    (RFC 4151), since an Atom id must be an absolute IRI. The tagging authority is the site's title
    under the reserved .invalid domain (no real domain is known); the date is fixed, as ids must not change."""
    if is_absolute(config.base_url):
        return urls.absolute(config.base_url, rel)
    name = urls.slugify(config.title, 63)
    return f"tag:{name if name.isascii() else 'briefings'}.invalid,2000:{config.base_path}{rel}"


def _stamp(d: dt.date) -> str:
    return f"{d.isoformat()}T00:00:00Z"


def atom_feed(site: Site, config: SiteConfig) -> bytes:
    """The newest briefings as an Atom 1.0 feed (RFC 4287)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": config.language})
    home = urls.absolute(config.base_url, "")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = atom_id(config, "")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = config.title
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = config.description
    newest = site.briefings[0].date if site.briefings else dt.date(1970, 1, 1)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest)
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": urls.absolute(config.base_url, "feed.xml")})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": home})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = config.title
    ET.SubElement(feed, f"{{{ATOM}}}generator").text = "briefings"
    for b in site.briefings[:config.feed_size]:
        rel = urls.page("briefings", site.slugs[b.source])
        link = urls.absolute(config.base_url, rel)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = atom_id(config, rel)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = b.title
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(b.date)
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(b.date)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": link})
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = b.summary or b.title
        for t in b.topics:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": urls.slugify(t), "label": t})
    for node in feed.iter():  # a seed may carry control characters, which XML cannot hold
        if node.text:
            node.text = printable(node.text)
        for key, value in node.attrib.items():
            node.set(key, printable(value))
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8") + b"\n"


def _xml_text(value: str) -> str:
    return printable(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sitemap(rels: list[str], site: Site, config: SiteConfig) -> bytes:
    """Every HTML page, with the briefing's date as lastmod where there is one.

    Written as text: 11,000 URLs through ElementTree cost a third of a second on every build."""
    dates = {urls.page("briefings", site.slugs[b.source]): b.date.isoformat() for b in site.briefings}
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAP}">']
    for rel in rels:
        if rel.endswith(".html"):
            continue
        lines += ["  <url>", f"    <loc>{_xml_text(urls.absolute(config.base_url, rel))}</loc>"]
        if rel in dates:
            lines.append(f"    <lastmod>{dates[rel]}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(config: SiteConfig) -> bytes:
    """Allow everything; point crawlers at the sitemap (only by an absolute URL, as robots.txt requires)."""
    text = "User-agent: *\nAllow: /\n"
    if is_absolute(config.base_url):
        text += f"\nSitemap: {urls.absolute(config.base_url, 'sitemap.xml')}\n"
    return text.encode()
