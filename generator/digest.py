"""What a page is made of, as one digest: a page whose digest is unchanged need not be rendered again.

A page's digest covers everything its template can print: the whole context, walked value by
value (no list of fields: a theme override that prints any value in the context is covered),
plus what every page shares (`site_digest`: the program's source, the settings, the templates,
the static files and the data). The context holds plain data only: the site graph's entries
name each other through `site.Ref` values, never through links a template could follow across
the archive, so what a page can reach is what is walked.

A briefing is walked as the digest of its metadata (given by the store) and its slug: that is
all a briefing without its texts is made of. A briefing page's texts are found by the store
key in its context, the digest of everything the extraction was made of.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

from generator.codehash import files_digest, package_digest
from generator.model import Briefing

PLAIN = frozenset({str, int, float, bool, type(None)})


class UnknownValue(TypeError):
    """A page context holds a value the digest cannot read (and so could not tell fresh from stale)."""


def _fields(kind) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type)."""
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
        # a frozen value whose generated repr shows every field is its own exact record
        _VALUES[kind] = (kind.__dataclass_params__.frozen and kind.__dataclass_params__.repr
                         and all(f.repr for f in dataclasses.fields(kind)) and kind is not Briefing)
    return names


_FIELDS: dict[type, tuple[str, ...]] = {}
_VALUES: dict[type, bool] = {}


class Walker:
    """Turns contexts into plain, comparable data. Frozen dataclasses (a person, a place, a Ref)
    are values and are walked where they stand; the site graph's entries (mutable dataclasses,
    met on many pages) are walked once and stand for their digest."""

    def __init__(self, briefings: dict[str, str] | None = None):
        self.briefings = briefings or {}  # source -> digest of a briefing's metadata
        self.memo: dict[int, str] = {}
        self._keep: list = []  # the objects memo names, alive while their ids are keys

    def walk(self, obj):
        kind = type(obj)
        if kind in PLAIN:
            return obj
        if kind is list or kind is tuple:
            known, out = self.briefings, []
            for x in obj:  # lists of briefings are most of what pages hold: no call per briefing
                t = type(x)
                if t in PLAIN or _VALUES.get(t):
                    out.append(x)
                elif t is Briefing and not x.body and x.source in known:
                    out.append(("B", known[x.source], x.slug))
                else:
                    out.append(self.walk(x))
            return out
        if kind is Briefing:
            known = self.briefings.get(obj.source)
            if known is not None and not obj.body:  # without its texts, as the store gave it
                return ("B", known, obj.slug)
        names = _fields(kind)
        if names is not None:
            if _VALUES[kind]:
                # a person, a place, a Ref: its repr, which the page's digest is made of, names
                # every field (a value without an exact repr can only make the page look changed)
                return obj
            found = self.memo.get(id(obj))
            if found is None:
                whole = (kind.__qualname__, self.walk([getattr(obj, n) for n in names]))
                found = self.memo[id(obj)] = hashlib.sha1(repr(whole).encode("utf-8", "surrogatepass")).hexdigest()
                self._keep.append(obj)
            return found
        if isinstance(obj, str):  # Markup and other str subclasses print as their text
            return str(obj)
        if isinstance(obj, dict):
            return ["{", *[(k if type(k) in PLAIN else self.walk(k), v if type(v) in PLAIN else self.walk(v))
                           for k, v in obj.items()]]
        if kind is dt.date or kind is dt.datetime:
            return ("D", obj.isoformat())
        if kind is set or kind is frozenset:
            return ["S", *sorted(repr(self.walk(x)) for x in obj)]
        if isinstance(obj, (int, float)):
            return obj
        raise UnknownValue(f"a page's context holds a {kind.__qualname__}, which the page digest cannot read")


def page_digests(plans, shared: str, briefings: dict[str, str] | None = None) -> list[str]:
    """One digest per plan: its path, template and whole context, and what every page shares
    (`briefings`: source -> digest of the metadata of a briefing the store gave)."""
    walker = Walker(briefings)
    out = []
    for plan in plans:
        payload = repr((plan.rel, plan.template, plan.expand.__qualname__ if plan.expand else None,
                        walker.walk(plan.context)))
        out.append(hashlib.sha256((shared + payload).encode("utf-8", "surrogatepass")).hexdigest())
    return out


def site_digest(config, registry_fp: str, template_dirs, static_dirs) -> str:
    """Digest of what every page is made of besides its context: the program, the settings
    (base URL included), the templates, the static files and the data files."""
    settings = json.dumps([[f.name, str(getattr(config, f.name))] for f in dataclasses.fields(config)
                           if f.name != "notices"])
    return hashlib.sha256("\0".join([package_digest(), settings, registry_fp, files_digest(*template_dirs),
                                     files_digest(*static_dirs)]).encode()).hexdigest()
