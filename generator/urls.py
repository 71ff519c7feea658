"""The only place where an object becomes a URL or an output path."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
APOSTROPHES = re.compile(r"['’]")
NOT_SLUG = re.compile(r"[^a-z0-9]+")
SECTIONS = ("briefings", "officials", "countries", "topics", "archive", "search")


@lru_cache(maxsize=1 << 15)
def slugify(text: str, max_length: int = 80) -> str:
    """ASCII, lower-case, hyphen-separated; never empty, never a path trick."""
    text = str(text)
    if not text.isascii():  # accents fall away: "Sánchez" -> "sanchez"
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = APOSTROPHES.sub("", text.lower())
    text = NOT_SLUG.sub("-", text).strip("-")
    if len(text) > max_length:
        text = text[:max_length].rsplit("-", 1)[0] or text[:max_length]
    return text or "untitled"


@lru_cache(maxsize=1 << 16)  # a page links to the same few dozen pages every other page links to
def page(section: str, slug: str | None = None, page_no: int = 1) -> str:
    """Site-relative path of a page ('' for home), always ending in '/' (clean URLs)."""
    if section not in SECTIONS and section != "home":
        raise ValueError(f"unknown section {section!r}")
    parts = [] if section == "home" else [section]
    if slug is not None:
        parts.append(slug if SAFE_SLUG.fullmatch(slug) else slugify(slug))
    if page_no > 1:
        parts += ["page", str(page_no)]
    return "/".join(parts) + "/" if parts else ""


def href(base_path: str, rel: str) -> str:
    """A URL path under the site's base path for a site-relative path."""
    return base_path + rel


def absolute(base_url: str, rel: str) -> str:
    """An absolute URL (for feeds and the sitemap) for a site-relative path."""
    return base_url + rel if base_url.endswith("/") else base_url + "/" + rel


def output_file(rel: str) -> str:
    """The file a site-relative path is written to; refuses anything that could leave the site."""
    path = rel + "index.html" if rel == "" or rel.endswith("/") else rel
    if path.startswith("/") or "\\" in path or any(part in ("..", ".", "") for part in path.split("/")):
        raise ValueError(f"unsafe output path {rel!r}")
    return path
