"""The archive's own pages: `pages/<name>.md`, written in Markdown, published at `/<name>/`.

`read_pages` reads the folder (an input of the build, as the seeds are): each page's title
(its first `# heading`, else its name) and its text made safe HTML (markup.py), with a digest
of every file in the folder for the build's inputs. A file that cannot be used (a name that is
not a plain page name or that a section of the site already has, a link out of the archive,
not a regular file, too large, not text) is an error naming it, and the other pages are built.

Each page is a `PagePlan` (template `page.html`) whose context holds its HTML, so its digest
covers its text; every page of the site links to the pages in its footer, so their names and
titles are part of what every page shares (`nav_digest`, folded into the shared digest).
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from generator import markup, urls
from generator.config import SiteConfig
from generator.errors import Notice, SourceError
from generator.render import PagePlan
from generator.sources import NOT_FILES, decode, read_bytes, trusted_folders, within

PAGE_SUFFIX = ".md"
MAX_PAGE_BYTES = 500_000
MAX_PAGES = 100  # pages of an archive's own: an about page, a methodology, a few more
# top-level names the site already uses: a page may not take their place
RESERVED = frozenset(urls.SECTIONS) | {"static", "pagefind", "page", "feed", "sitemap", "robots", "index",
                                       "404", "home", "preview", "__preview"}
_HEADING = re.compile(r"\A\s*#[ \t]+(.+?)[ \t]*#*[ \t]*(?:\n|\Z)")


@dataclass(frozen=True)
class OwnPage:
    """One page of the archive's own."""

    name: str     # its file's name without .md: its address is /<name>/
    title: str
    html: str     # its text as safe HTML (the title heading taken out)
    source: str   # the file as the user knows it: pages/about.md


@dataclass
class OwnPages:
    """Every page of the folder, the files refused, notices, and digests."""

    pages: list[OwnPage] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    digest: str = ""      # of every file's name and bytes: an input of the build

    @property
    def nav(self) -> list[tuple[str, str]]:
        """(address, title) of each page, as the footer of every page lists them."""
        return [(p.name + "/", p.title) for p in self.pages]

    @property
    def nav_digest(self) -> str:
        """Digest of what every page shows of these pages (the footer's links)."""
        return hashlib.sha256(json.dumps(self.nav).encode("utf-8", "surrogatepass")).hexdigest()


def check_name(file_name: str, shown: str) -> str:
    """A page's name from its file's, or a SourceError naming the file: lower-case letters,
    digits and hyphens only (no dot, slash or other path trick), and no name the site uses."""
    name = file_name[:-len(PAGE_SUFFIX)]
    if not urls.SAFE_SLUG.fullmatch(name) or len(name) > 80:
        raise SourceError("a page's file name must be lower-case letters, digits and hyphens, ending in .md "
                          "(about.md, methodology.md)", shown)
    if name in RESERVED:
        raise SourceError(f"'{name}' is a name the site already uses for its own pages; choose another", shown)
    return name


def title_and_text(text: str, name: str) -> tuple[str, str, int]:
    """(the title, the rest of the text, the line where the rest starts): the first line's
    `# heading` is the title, else the name ("methodology-notes" -> "Methodology notes")."""
    found = _HEADING.match(text)
    if found:
        title = " ".join(found.group(1).split())
        rest = text[found.end():]
        return title, rest, 1 + text.count("\n", 0, found.end())
    return name.replace("-", " ").capitalize(), text, 1


def read_page(path: str, shown: str, name: str) -> tuple[OwnPage, list[Notice], bytes]:
    """One page file -> OwnPage, or a SourceError naming it (and the line, when known)."""
    data = read_bytes(path, shown, MAX_PAGE_BYTES)
    text = decode(data, shown)
    if not text.strip():
        raise SourceError("is empty; write the page in Markdown, starting with '# Its title'", shown)
    title, rest, first = title_and_text(text, name)
    try:
        html, dropped = markup.to_html(rest)
    except RecursionError:
        raise SourceError("is too deeply nested to read as Markdown", shown) from None
    return (OwnPage(name, title, str(html), shown), markup.dropped_notices(rest, dropped, shown, first), data)


def read_pages(config: SiteConfig) -> OwnPages:
    """Every page of the archive's pages folder (none when there is no such folder)."""
    out = OwnPages()
    folder = config.pages
    digest = hashlib.sha256(b"pages\0")
    if not folder.is_dir():
        if folder.exists():
            out.errors.append(SourceError("is not a folder; the archive's own pages are the .md files of a "
                                          "folder", _shown(config, str(folder))))
        out.digest = digest.hexdigest()
        return out
    trusted, every = trusted_folders(folder, config.root)
    names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(PAGE_SUFFIX) and not e.name.startswith("."))
    for file_name in names:
        path = os.path.join(folder, file_name)
        shown = _shown(config, path)
        try:
            if len(out.pages) >= MAX_PAGES:
                raise SourceError(f"more than {MAX_PAGES} pages in {_shown(config, str(folder))}; "
                                  "this one is left out", shown)
            name = check_name(file_name, shown)
            _check_file(path, shown, trusted, every)
            page, notices, data = read_page(path, shown, name)
        except SourceError as exc:
            out.errors.append(exc)
            digest.update(f"{file_name}\0error\0{exc.message}\0".encode("utf-8", "surrogateescape"))
            continue
        out.pages.append(page)
        out.notices += notices
        digest.update(f"{file_name}\0".encode("utf-8", "surrogateescape") + hashlib.sha256(data).digest())
    out.digest = digest.hexdigest()
    return out


def _check_file(path: str, shown: str, trusted: tuple[str, ...], every: bool) -> None:
    """A page file may be read: a regular file of at most MAX_PAGE_BYTES, not a link out of the
    archive (as a seed: see sources.seed_stat); else a SourceError naming it."""
    st = os.lstat(path)
    if every or stat.S_ISLNK(st.st_mode):
        real = os.path.realpath(path)
        if not any(within(real, t) for t in trusted):
            raise SourceError(f"leads to {real} through a link, outside the archive; pages are read only from "
                              "inside it (copy the file in)", shown)
        st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        kind = next((kind for test, kind in NOT_FILES if test(st.st_mode)), "not a file")
        raise SourceError(f"is {kind}, not a regular file; a page is a Markdown file", shown)
    if st.st_size > MAX_PAGE_BYTES:
        raise SourceError(f"is {math.ceil(st.st_size / 100_000) / 10} MB; a page is limited to "
                          f"{MAX_PAGE_BYTES / 1_000_000} MB", shown)


def _shown(config: SiteConfig, path: str) -> str:
    """A path as the user knows it: relative to the archive when inside it."""
    rel = os.path.relpath(path, config.root)
    return path if rel.startswith("..") else rel


def page_plans(own: OwnPages, config: SiteConfig) -> list[PagePlan]:
    """A plan for each page, at /<name>/."""
    return [PagePlan(p.name + "/", "page.html", {"base_path": config.base_path, "rel": p.name + "/",
                                                 "page_title": p.title, "page_html": Markup(p.html),
                                                 "page_source": p.source})
            for p in own.pages]

