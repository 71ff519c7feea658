"""What a page is made of, as one digest: a page whose digest is unchanged need not be rendered again.

A page's digest covers everything its template can print: the whole context, walked value by
value (no list of fields: a theme override that prints any value in the context is covered),
plus what every page shares (`site_digest`: the program's source, the settings, the templates,
the static files and the data). The context holds plain data only: the site graph's entries
name each other through `site.Ref` values, never through links a template could follow across
the archive, so what a page can reach is what is walked.

A briefing is walked as the digest of its metadata (given by the store) and its slug: that is
all a briefing without its texts is made of. A briefing page's texts are found by its plan's
store key (`PagePlan.texts`), the digest of everything the extraction was made of; the page's
digest is its context's digest with that key (`page_digest`). So a build that knows a page's
context is unchanged (build.py: the frame) has its new digest from the old context digest
and the new key, without planning or walking the page again.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json

from generator.codehash import files_digest, package_digest
from generator.model import Briefing
from generator.parallel import Background

class UnknownValue(TypeError):
    """A page context holds a value the digest cannot read (and so could not tell fresh from stale)."""


def _fields(kind) -> tuple[str, ...] | None:
    """A dataclass's field names (None for any other type)."""
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
        # a small frozen value (a person, a place, a Ref) is written out where it stands; an
        # entry of the site graph (met on many pages) or a briefing with its texts stands for
        # the digest of its fields
        _VALUES[kind] = kind.__dataclass_params__.frozen and kind is not Briefing
    return names


_FIELDS: dict[type, tuple[str, ...]] = {}
_VALUES: dict[type, bool] = {}


class Walker:
    """Turns contexts into one string each, walked value by value: lists, dicts and plain values
    by the C JSON encoder, every other value through `_value`, once per object in a build (its
    form is kept by identity: a briefing or an official met on a thousand pages is read once).
    Each kind of value is written with a tag no plain value starts with."""

    def __init__(self, briefings: dict[str, str] | None = None):
        self.briefings = briefings or {}  # source -> digest of a briefing's metadata
        self.memo: dict[int, list] = {}
        self._keep: list = []  # the objects memo names, alive while their ids are keys
        self._json = json.JSONEncoder(default=self._value, check_circular=False, separators=(",", ":")).encode

    def encode(self, obj) -> str:
        """`obj` as one string: equal strings, equal values."""
        try:
            return self._json(obj)
        except UnknownValue:
            raise
        except TypeError:  # a dict keyed by something JSON cannot key by (a tuple)
            return self._json(_keyed(obj))

    def _value(self, obj) -> list:
        found = self.memo.get(id(obj))
        if found is not None:
            return found
        kind = type(obj)
        if kind is Briefing and not obj.body and obj.source in self.briefings:
            found = ["\0B", self.briefings[obj.source], obj.slug]  # as the store gave it, without its texts
        elif _fields(kind) is not None:
            fields = [getattr(obj, name) for name in _FIELDS[kind]]
            if _VALUES[kind]:
                found = ["\0" + kind.__qualname__, *fields]
            else:
                whole = self.encode([kind.__qualname__, fields])
                found = ["\0E", hashlib.sha1(whole.encode("utf-8", "surrogatepass")).hexdigest()]
        elif isinstance(obj, dt.date):  # a datetime too: its ISO form has a time
            found = ["\0D", obj.isoformat()]
        elif kind is set or kind is frozenset:
            found = ["\0S", *sorted(self.encode(x) for x in obj)]
        else:
            raise UnknownValue(f"a page's context holds a {kind.__qualname__}, which the page digest cannot read")
        self.memo[id(obj)] = found
        self._keep.append(obj)
        return found


def _keyed(obj):
    """`obj` with every dict whose keys are not all strings written as a tagged list of pairs."""
    kind = type(obj)
    if kind is list or kind is tuple:
        return [_keyed(x) for x in obj]
    if isinstance(obj, dict):
        if all(type(k) is str for k in obj):
            return {k: _keyed(v) for k, v in obj.items()}
        return {"\0{": [[_keyed(k), _keyed(v)] for k, v in obj.items()]}
    return obj


SPLIT_FROM = 4000  # fewer pages are digested faster than a process is forked


def page_digests(plans, shared: str, briefings: dict[str, str] | None = None, walker: Walker | None = None,
                 workers: int = 1) -> list[str]:
    """One digest per plan of its path, template and whole context, and what every page shares:
    all a page is made of but the texts it fetches (see `page_digest`). `briefings`: source ->
    digest of the metadata of a briefing the store gave; or a `walker` made with them, which
    keeps what it read for the next call."""
    walker = walker or Walker(briefings)
    if workers > 1 and len(plans) >= SPLIT_FROM:  # half of them in a worker, which has what the walker read
        half = len(plans) // 2
        first = Background(lambda plans: page_digests(plans, shared, walker=walker), plans[:half])
        try:
            rest = page_digests(plans[half:], shared, walker=walker)
            return first.result() + rest
        finally:
            first.close()
    out = []
    for plan in plans:
        payload = walker.encode([plan.rel, plan.template, plan.expand.__qualname__ if plan.expand else None,
                                 plan.context])
        out.append(hashlib.sha256((shared + payload).encode("utf-8", "surrogatepass")).hexdigest())
    return out


def page_digest(context_digest: str, texts: str | None) -> str:
    """A page's digest: its context's (`page_digests`) and, for a page that shows texts from the
    store, their key."""
    if texts is None:
        return context_digest
    return hashlib.sha256(f"{context_digest}\0{texts}".encode()).hexdigest()


def site_digest(config, registry_fp: str, template_dirs, static_dirs) -> str:
    """Digest of what every page is made of besides its context: the program, the settings
    (base URL included), the templates, the static files and the data files."""
    settings = json.dumps([[f.name, str(getattr(config, f.name))] for f in dataclasses.fields(config)
                           if f.name != "notices"])
    return hashlib.sha256("\0".join([package_digest(), settings, registry_fp, files_digest(*template_dirs),
                                     files_digest(*static_dirs)]).encode()).hexdigest()
