"""Markdown written by the archive's editors -> HTML that is safe to put in a page.

Used for the archive's own pages (`pages/*.md`, see pages.py) and an analyst's note on a
briefing (`note:` in a seed's front matter). The text is someone's writing, not the program's:

- raw HTML is never passed through: a tag, a comment or an entity-like run is shown as the text
  it is (`<script>` prints as "<script>");
- a link or an image keeps its address only when it is a web address (http, https), an email
  address (mailto) or an address inside the site; any other (`javascript:`, `data:`, `vbscript:`,
  however it is written) is dropped, the link's text kept, and a notice names the file and line;
- nothing in it is a template: `{{ ... }}` is text;
- only plain extensions are on (tables, fenced code, lists): `attr_list` would let a writer
  set any attribute (`onclick`).

`markdown` is imported on first use: a build with no page and no note never loads it.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
from dataclasses import replace

from markupsafe import Markup

from generator.errors import Notice, SourceError

MAX_NOTE = 20_000  # characters of a note in front matter
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]+")

_md = None
_dropped: list[str] = []  # the addresses the last conversion dropped
_top = [1]  # the highest heading level the conversion under way may give (below the page's own)
NOTE_TOP = 3  # a note stands under its own h2 ("Analyst's note")
PAGE_TOP = 2  # a page's text stands under its title, the page's h1


def library_version() -> str:
    """What identifies the `markdown` package in use, part of what every page is made of (a note
    is rendered with it when its page is): its version file's bytes, read without importing it
    (an import or importlib.metadata costs a no-change build tens of milliseconds)."""
    import importlib.util
    spec = importlib.util.find_spec("markdown")
    if spec is None or not spec.origin:  # pragma: no cover - a declared dependency
        return ""
    try:
        with open(os.path.join(os.path.dirname(spec.origin), "__meta__.py"), "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return spec.origin


def safe_address(url: str) -> bool:
    """Whether a link or image address may stay: no scheme (inside the site, a fragment), or
    http, https or mailto; decided on the address as a browser reads it (entities decoded,
    invisible and control characters removed, any case)."""
    import markdown.util
    bare = _INVISIBLE.sub("", html.unescape(url.replace(markdown.util.AMP_SUBSTITUTE, "&")))
    found = _SCHEME.match(bare)
    return found is None or found.group(1).lower() in SAFE_SCHEMES


def _converter():
    """One Markdown converter for the process, raw HTML off, with the address check."""
    global _md
    if _md is None:
        import markdown
        from markdown.treeprocessors import Treeprocessor

        class Addresses(Treeprocessor):
            """Drops every link and image address that is not safe (see safe_address)."""

            def run(self, root):
                for element in root.iter():
                    if element.tag in _HEADINGS and int(element.tag[1]) < _top[0]:
                        element.tag = f"h{_top[0]}"  # "# x" in a note is no title of the page
                    attr = "href" if element.tag == "a" else "src" if element.tag == "img" else None
                    url = element.get(attr) if attr else None
                    if url is not None and not safe_address(url):
                        _dropped.append(url)
                        # the link's text (or the image's description) stays, as plain text
                        alt = element.get("alt") if element.tag == "img" else None
                        element.attrib.clear()
                        element.tag = "span"
                        if alt:
                            element.text = alt
                return None

        md = markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists"], output_format="html")
        md.preprocessors.deregister("html_block")  # raw HTML blocks: text
        md.inlinePatterns.deregister("html")       # inline tags and comments: text
        md.treeprocessors.register(Addresses(md), "addresses", 1)  # after the inline patterns made the links
        _md = md
    return _md


def to_html(text: str, top: int = PAGE_TOP) -> tuple[Markup, list[str]]:
    """Markdown -> (safe HTML, the addresses that were dropped); no heading above level `top`."""
    md = _converter()
    _dropped.clear()
    _top[0] = top
    try:
        out = md.reset().convert(text)
    finally:
        dropped = list(_dropped)
        _dropped.clear()
    return Markup(out), dropped


def dropped_notices(text: str, dropped: list[str], name: str, first_line: int = 1) -> list[Notice]:
    """A notice naming the file and line for each address `to_html` dropped from `text` (whose
    first line is line `first_line` of the file)."""
    notices = []
    for url in dropped:
        at = text.find(url)
        line = first_line + (text.count("\n", 0, at) if at >= 0 else 0)
        shown = url if len(url) <= 60 else url[:57] + "..."
        notices.append(Notice(f"link to {shown!r} removed: only http, https, mailto and addresses inside the "
                              "site are kept", name, line))
    return notices


def markdown_filter(text: str | None) -> Markup:
    """The template filter `markdown`: a note's text as safe HTML ("" for none)."""
    return to_html(text, NOTE_TOP)[0] if text else Markup("")


def take_note(raw, limit: int = MAX_NOTE):
    """A seed's `note:` taken out of its front matter (the extractor knows no such field):
    (the seed without it, the note's Markdown or None, notices). A note that is not text, or
    longer than `limit`, is a SourceError naming the seed and line."""
    front = raw.front_matter
    if "note" not in front:
        return raw, None, []
    value = front["note"]
    line = raw.front_lines.get("note")
    raw = replace(raw, front_matter={k: v for k, v in front.items() if k != "note"})
    if value is None:
        return raw, None, []
    if not isinstance(value, str) or not value.strip():
        raise SourceError("front matter 'note' must be non-empty text (Markdown)", raw.path, line)
    if len(value) > limit:
        raise SourceError(f"front matter 'note' is longer than {limit} characters", raw.path, line)
    note = value.strip()
    # a block scalar (`note: |`) starts on the line after the key
    _, dropped = to_html(note, NOTE_TOP)
    return raw, note, dropped_notices(note, dropped, raw.path, (line or 1) + (1 if "\n" in value else 0))
