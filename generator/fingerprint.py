"""What a page depends on, as one digest: a page whose digest is unchanged need not be rendered again."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from generator.model import Briefing
from generator.site import CountryEntry, OfficialEntry, Site, TopicEntry

VERSION = "5"  # bump when what a digest covers changes: every page is then rendered again
ENTRIES = (OfficialEntry, CountryEntry, TopicEntry)
PLAIN = frozenset({str, int, float, bool, type(None)})
SKIP = frozenset({"slugs", "country_slug", "topic_slug", "content", "speakers", "officials_of"})


def files_digest(*folders: Path) -> str:
    """Digest of every file (name and bytes) under the given folders: the theme, the archive's overrides."""
    h = hashlib.sha256()
    for folder in folders:
        if folder.is_dir():
            for f in sorted(folder.rglob("*")):
                if f.is_file():
                    h.update(str(f.relative_to(folder)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


class _Walker:
    def __init__(self, site: Site):
        self.slugs = site.slugs
        self.memo: dict[tuple[int, int], object] = {}  # an entity's pages (page 1, 2, ...) share one walk
        self.refs: dict[int, tuple] = {}
        self.briefs: dict[int, str] = {}  # a briefing is in many lists: its list digest is made once

    def ref(self, entry) -> tuple:
        """An entry as a list shows it: a link, a name and counts."""
        found = self.refs.get(id(entry))
        if found is None:
            found = self.refs[id(entry)] = (type(entry).__name__, entry.slug, entry.name,
                                            getattr(entry, "country", None), len(entry.briefings),
                                            len(getattr(entry, "officials", ())))
        return found

    def walk(self, obj, depth: int = 0):
        kind = type(obj)
        if kind in PLAIN:
            return obj
        if kind is list or kind is tuple:
            # lists of briefings and rows of plain values are most of what pages show: no call per item
            if obj and type(obj[0]) is Briefing:
                briefs = self.briefs
                return [briefs.get(id(x)) or self.walk(x) for x in obj]
            if all(type(x) in PLAIN for x in obj):
                return obj
            if type(obj[0]) is tuple and len(obj[0]) == 2 and type(obj[0][0]) in ENTRIES:
                # (entry, count) rows: who met whom, a country's partners
                return [(self.ref(e), n) for e, n in obj]
        if kind is Briefing:
            # lists show a briefing's metadata, never its body: an edit deep in one text changes
            # that briefing's own page (see render.briefing_deps) and not every list it is in
            found = self.briefs.get(id(obj))
            if found is None:
                loc = obj.location
                found = self.briefs[id(obj)] = hashlib.sha1(repr((
                    obj.source, self.slugs.get(obj.source), obj.title, obj.date.isoformat(), obj.event_type,
                    loc.city if loc else None, loc.country if loc else None, obj.countries, obj.summary,
                )).encode()).hexdigest()
            return found
        if isinstance(obj, ENTRIES):
            if depth > 0:
                return self.ref(obj)
            key = (id(obj), depth)
            if key not in self.memo:
                whole = {f.name: self.walk(getattr(obj, f.name), depth + 1) for f in dataclasses.fields(obj)}
                self.memo[key] = hashlib.sha256(repr(whole).encode()).hexdigest()
            return self.memo[key]
        if isinstance(obj, dict):
            return [[self.walk(k, depth + 1), self.walk(v, depth + 1)] for k, v in obj.items() if k not in SKIP]
        if isinstance(obj, (list, tuple, set, frozenset)):
            items = sorted(obj) if isinstance(obj, (set, frozenset)) else obj
            return [self.walk(x, depth + 1) for x in items]
        if dataclasses.is_dataclass(obj):
            return {f.name: self.walk(getattr(obj, f.name), depth) for f in dataclasses.fields(obj)}
        if isinstance(obj, (dt.date, Path)):
            return str(obj)
        return obj


def page_digests(plans, site: Site, global_digest: str) -> list[str]:
    """One digest per plan, from the page's own context and what every page depends on."""
    walker = _Walker(site)
    out = []
    for plan in plans:
        context = [[k, walker.walk(v)] for k, v in plan.context.items() if k not in SKIP]
        if plan.deps is not None:
            context.append(["deps", plan.deps])
        # repr of lists, tuples, dicts, strings and numbers is exact and much faster than JSON
        payload = repr([plan.rel, plan.template, context])
        out.append(hashlib.sha256((global_digest + payload).encode("utf-8")).hexdigest())
    return out
