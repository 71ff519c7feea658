"""The only place where an object becomes a URL or an output path."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

SAFE_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # an ASCII slug; page() passes any other through slugify
APOSTROPHES = re.compile(r"['’]")
NOT_SLUG = re.compile(r"[^a-z0-9]+")
SECTIONS = ("briefings", "officials", "countries", "topics", "archive", "search", "relations", "api", "network")
# Latin letters that no Unicode decomposition reduces to ASCII: "Støre" -> "store", "Łódź" -> "lodz"
LATIN = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ŧ": "t",
                       "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ĸ": "k", "ŉ": "n"})
MAX_SLUG_BYTES = 200  # a slug is a file name: most file systems allow 255 bytes


@lru_cache(maxsize=1 << 15)
def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case, hyphen-separated; never empty, never a path trick.

    Latin letters lose their accents ("Sánchez" -> "sanchez"); letters of scripts that do not
    reduce to ASCII are kept, with their combining marks, after NFKC normalisation ("王毅" ->
    "王毅", "Дмитрий Кулеба" -> "дмитрий-кулеба"), so that names in any script get distinct,
    readable slugs. Anything else (punctuation, symbols, "/", ".", "\\") separates words, and
    invisible format characters (bidi controls, joiners) are dropped. A slug of ASCII letters is
    at most `max_length` long, any other at most `max_length` characters and MAX_SLUG_BYTES bytes.
    """
    text = str(text)
    if text.isascii():
        text = NOT_SLUG.sub("-", APOSTROPHES.sub("", text.lower())).strip("-")
    else:  # character by character: a slug needs no more of the text than this
        text = _unicode_slug(text[: max_length * 4])
    if len(text) > max_length or len(text.encode()) > MAX_SLUG_BYTES:
        cut = text[:max_length].encode()[:MAX_SLUG_BYTES].decode("utf-8", "ignore")
        text = cut.rsplit("-", 1)[0] or cut
    return text or "untitled"


def _unicode_slug(text: str) -> str:
    parts: list[str] = []
    for c in unicodedata.normalize("NFKC", APOSTROPHES.sub("", text)).lower().translate(LATIN):
        kind = unicodedata.category(c)
        if c.isascii():
            parts.append(c if c.isalnum() else "-")
        elif kind[0] == "M":  # a combining mark stays with a letter kept in its own script
            if parts and not parts[-1].isascii():
                parts.append(c)
        elif kind == "Cf":  # invisible: bidi controls, zero-width joiners, soft hyphens
            continue
        elif c.isalnum():
            bare = "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))
            parts.append(bare if bare.isascii() and bare.isalnum() else c)  # "é" -> "e", "毅" stays
        else:
            parts.append("-")
    return unicodedata.normalize("NFC", HYPHENS.sub("-", "".join(parts)).strip("-"))


HYPHENS = re.compile("-{2,}")


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
    """An absolute URL (for feeds and the sitemap) for a site-relative path: ASCII, a slug in
    another script percent-encoded as UTF-8, as the sitemap protocol and feed readers expect."""
    if not rel.isascii():
        rel = quote(rel, safe="/")
    return base_url + rel if base_url.endswith("/") else base_url + "/" + rel


def output_file(rel: str) -> str:
    """The file a site-relative path is written to; refuses anything that could leave the site."""
    path = rel + "index.html" if rel == "" or rel.endswith("/") else rel
    if path.startswith("/") or "\\" in path or any(part in ("..", ".", "") for part in path.split("/")):
        raise ValueError(f"unsafe output path {rel!r}")
    return path
