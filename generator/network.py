"""Who met whom: the network of co-participants, laid out at build time as plain data for an
inline SVG (templates/_network.svg.html), so that no script is needed to see it.

Two networks are drawn:
- on an official's page, the official in the middle and their `MAX_EGO` most frequent
  co-participants on a ring around them; an edge for each pair that took part in the same
  briefings, its width by how many;
- on `/network/`, the archive's `MAX_GLOBAL` most connected officials on one ring, grouped by
  country, with the edges between them.

Everything here is read from the site graph's `OfficialEntry.met` lists (each official's
`site.MAX_LISTED` strongest ties), so the cost is bounded by the number of officials, never by
the number of pairs in the archive. A layout is a pure function of those lists: positions are
rounded to one decimal and written as text, so that equal sites give equal bytes, and every
name is left for the template to escape.
"""
from __future__ import annotations

import math

from generator import urls
from generator.config import SiteConfig
from generator.render import PagePlan
from generator.site import MAX_LISTED, OfficialEntry, Site

MAX_EGO = 11      # co-participants around an official: 12 nodes in all
MAX_GLOBAL = 40   # officials on the archive's network page

# the official page's drawing (SVG user units): a ring of co-participants around the official
EGO_SIZE = (520, 370)
EGO_RING = 100
LINE = 18  # the height of a line of a label, at most (17px on a phone)
# the network page's drawing: one ring, names written outward along its radii; the ring is as
# large as the longest name drawn leaves room for (a name is cut at GLOBAL_LABEL characters)
GLOBAL_SIZE = 1000
GLOBAL_RING = (200, 300)
GLOBAL_LABEL = 28
CHAR_WIDTH = 8.4  # the width of a character of a label, at most, in user units (13px sans-serif; DejaVu is wide)


def _n(x: float) -> str:
    """A coordinate as SVG text: one decimal, no "-0.0", no trailing ".0"."""
    s = f"{x:.1f}"
    if s in ("-0.0", "0.0"):
        return "0"
    return s[:-2] if s.endswith(".0") else s


def _ties(site: Site, slugs: list[str]) -> list[tuple[str, str, int]]:
    """The pairs among `slugs` that took part in the same briefings, with how many: (a, b, n),
    a before b in the order of `slugs`. A pair is found on either one's list of strongest ties
    (the lists are cut at site.MAX_LISTED, so a weak tie may be on one list only)."""
    wanted = {s: i for i, s in enumerate(slugs)}
    found: dict[tuple[int, int], int] = {}
    for i, slug in enumerate(slugs):
        for ref, n in site.officials[slug].met:
            j = wanted.get(ref.slug)
            if j is not None and j != i:
                key = (min(i, j), max(i, j))
                found[key] = max(found.get(key, 0), n)
    return [(slugs[i], slugs[j], n) for (i, j), n in sorted(found.items())]


def _split_name(name: str) -> list[str]:
    """A name on at most two lines, broken at the space nearest its middle."""
    if len(name) <= 12 or " " not in name:
        return [name]
    spaces = [i for i, c in enumerate(name) if c == " "]
    cut = min(spaces, key=lambda i: (abs(len(name) / 2 - i), i))
    return [name[:cut], name[cut + 1:]]


def _cut(name: str, limit: int) -> str:
    """A name as a label of at most `limit` characters (cut at a space when one is near)."""
    if len(name) <= limit:
        return name
    head = name[:limit - 1]
    space = head.rfind(" ")
    return (head[:space] if space >= limit // 2 else head).rstrip() + "…"


def _edges(ties, pos: dict[str, tuple[float, float]], names: dict[str, str]) -> list[dict]:
    heaviest = max((n for _, _, n in ties), default=1)
    return [{"x1": _n(pos[a][0]), "y1": _n(pos[a][1]), "x2": _n(pos[b][0]), "y2": _n(pos[b][1]),
             "width": _n(1 + 4 * (n - 1) / max(heaviest - 1, 1)), "n": n, "a": names[a], "b": names[b]}
            for a, b, n in ties]


def ego(site: Site, entry: OfficialEntry) -> dict | None:
    """The drawing of an official and their strongest co-participants (None without any)."""
    around = entry.met[:MAX_EGO]
    if not around:
        return None
    width, height = EGO_SIZE
    cx, cy = width / 2, height / 2
    pos = {entry.slug: (cx, cy)}
    names = {entry.slug: entry.name}
    heaviest = around[0][1]
    nodes = [{"slug": entry.slug, "name": entry.name, "x": _n(cx), "y": _n(cy), "r": "13", "centre": True,
              "lines": _split_name(entry.name), "lx": _n(cx), "ly": _n(cy + 28), "anchor": "middle", "n": None}]
    extent = [cy - 13, cy + 28 + LINE * (len(nodes[0]["lines"]) - 1) + 5]  # what is drawn, from top to bottom
    for k, (ref, n) in enumerate(around):
        # clockwise from the top, the strongest tie first
        angle = -math.pi / 2 + 2 * math.pi * k / len(around)
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = cx + EGO_RING * cos, cy + EGO_RING * sin
        pos[ref.slug], names[ref.slug] = (x, y), ref.name
        r = 5 + 4 * n / heaviest
        anchor = "start" if cos > 0.15 else "end" if cos < -0.15 else "middle"
        lines = _split_name(ref.name)
        gap = r + 6
        lx = x + gap * cos if anchor != "middle" else x
        # above a node at the top, below one at the bottom, centred on one at a side
        if anchor == "middle":
            ly = y - gap - 14 * (len(lines) - 1) - 2 if sin < 0 else y + gap + 11
        else:
            ly = y + 4 - 7 * (len(lines) - 1) + gap * sin * 0.6
        nodes.append({"slug": ref.slug, "name": ref.name, "x": _n(x), "y": _n(y), "r": _n(r), "centre": False,
                      "lines": lines, "lx": _n(lx), "ly": _n(ly), "anchor": anchor, "n": n})
        extent += [y - r, y + r, ly - LINE, ly + LINE * (len(lines) - 1) + 5]
    ties = _ties(site, [entry.slug] + [ref.slug for ref, _ in around])
    # the official's own ties first (drawn below the others), then those among the rest
    ties.sort(key=lambda t: (t[0] != entry.slug, ))
    # as tall as what is drawn: a ring of two leaves no empty band above and below
    top, bottom = max(min(extent) - 10, 0), min(max(extent) + 10, height)
    return {"width": width, "height": _n(bottom - top), "top": _n(top), "nodes": nodes,
            "edges": _edges(ties, pos, names), "listed": [(ref, n) for ref, n in around]}


def connectedness(entry: OfficialEntry) -> int:
    """How connected an official is: the briefings they shared with each of their strongest
    co-participants, summed."""
    return sum(n for _, n in entry.met)


def most_connected(site: Site, limit: int = MAX_GLOBAL) -> list[OfficialEntry]:
    """The `limit` most connected officials, most first, then by name and slug."""
    ranked = sorted((e for e in site.officials.values() if e.met),
                    key=lambda e: (-connectedness(e), e.name, e.slug))
    return ranked[:limit]


def overview(site: Site, limit: int = MAX_GLOBAL) -> dict | None:
    """The drawing of the archive's most connected officials (None when nobody met anybody)."""
    chosen = most_connected(site, limit)
    if not chosen:
        return None
    # round the ring by country (a country's officials side by side), then most connected first
    ring = sorted(chosen, key=lambda e: (e.country or "~", -connectedness(e), e.name, e.slug))
    size, c = GLOBAL_SIZE, GLOBAL_SIZE / 2
    labels = {e.slug: _cut(e.name, GLOBAL_LABEL) for e in ring}
    longest = max(len(label) for label in labels.values())
    ring_r = min(max(c - 24 - CHAR_WIDTH * longest, GLOBAL_RING[0]), GLOBAL_RING[1])
    ties = _ties(site, [e.slug for e in ring])
    degree: dict[str, int] = {}
    for a, b, n in ties:
        degree[a] = degree.get(a, 0) + n
        degree[b] = degree.get(b, 0) + n
    heaviest = max(degree.values(), default=1)
    pos, names, nodes = {}, {}, []
    for k, e in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * k / len(ring)
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = c + ring_r * cos, c + ring_r * sin
        pos[e.slug], names[e.slug] = (x, y), e.name
        r = 4 + 6 * degree.get(e.slug, 0) / heaviest
        # the name along the radius, outward; on the left half turned so it reads left to right
        degrees = math.degrees(angle)
        left = cos < -1e-9
        rotate = degrees + 180 if left else degrees
        lx, ly = c + (ring_r + r + 6) * cos, c + (ring_r + r + 6) * sin
        nodes.append({"slug": e.slug, "name": e.name, "label": labels[e.slug], "x": _n(x), "y": _n(y), "r": _n(r),
                      "country": e.country,
                      "lx": _n(lx), "ly": _n(ly), "rotate": _n(rotate), "anchor": "end" if left else "start",
                      "score": connectedness(e), "ties": len(e.met)})
    ranked = sorted(nodes, key=lambda n: (-n["score"], n["name"], n["slug"]))
    return {"size": size, "nodes": nodes, "edges": _edges(ties, pos, names), "ranked": ranked,
            "total": sum(1 for e in site.officials.values() if e.met), "max_listed": MAX_LISTED}


def add_to_pages(site: Site, plans: list[PagePlan]) -> None:
    """Each official's first page gets its drawing, added to its context before any digest is
    taken (a later page of their briefings shows none)."""
    for plan in plans:
        if plan.template == "official.html":
            plan.context["network"] = ego(site, plan.context["o"]) if plan.context["pager"]["page"] == 1 else None


def network_plans(site: Site, config: SiteConfig) -> list[PagePlan]:
    """The network page (`/network/`), linked from the home page; made even when nobody met
    anybody (it says so)."""
    rel = urls.page("network")
    return [PagePlan(rel, "network.html", {"base_path": config.base_path, "rel": rel,
                                           "network": overview(site)})]
