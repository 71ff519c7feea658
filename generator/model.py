"""The briefing and its parts: frozen dataclasses, no I/O, and their plain-data (JSON) form."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

class _Compact:
    """Pickle as a plain tuple of field values: slotted dataclasses otherwise pickle through slow
    Python-level getstate/setstate, which dominated loading a 10,000-briefing cache."""

    __slots__ = ()

    def __reduce__(self):
        return (type(self), tuple(getattr(self, name) for name in self.__dataclass_fields__))


# An official's part in the reported event: took part in it, or is only named (extract/roles.py).
ROLES = ("participant", "mentioned")

EVENT_TYPES = (
    "meeting", "phone_call", "visit", "talks", "summit",
    "joint_statement", "press_conference", "statement", "other",
)


@dataclass(frozen=True, slots=True)
class Location(_Compact):
    """Where the event took place: a city (may be unknown) in a country (ISO code)."""

    city: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Person(_Compact):
    """An official as one briefing presents them."""

    name: str
    title: str | None = None
    country: str | None = None
    former: bool = False
    aliases: tuple[str, ...] = ()
    confidence: float = 1.0
    role: str = "participant"  # one of ROLES


@dataclass(frozen=True, slots=True)
class Mention(_Compact):
    """A span of one body paragraph that names an official (by their full name)."""

    paragraph: int
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Statement(_Compact):
    """Something a speaker said: a direct quote or reported speech (`text`: what was said, without
    its "X said"), and where its sentence stands in the body (paragraph, start, end)."""

    speaker: str
    text: str
    quote: bool = False
    paragraph: int = -1
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class Briefing(_Compact):
    """Everything the archive knows about one article."""

    source: str
    sha256: str
    title: str
    date: dt.date
    location: Location | None
    officials: tuple[Person, ...]
    countries: tuple[str, ...]
    event_type: str
    topics: tuple[str, ...]
    summary: str
    statements: tuple[Statement, ...]
    body: tuple[str, ...]
    mentions: tuple[Mention, ...]
    original: str
    slug: str | None = None
    headline_in_text: bool = False
    confidence: tuple[tuple[str, float], ...] = field(default=())
    note: str | None = None  # an analyst's note (front matter `note:`), in Markdown (markup.py)

    def confidence_of(self, name: str) -> float:
        """The extractor's confidence in one field (1.0 when it was set by hand)."""
        return dict(self.confidence).get(name, 1.0)


# -- plain data ---------------------------------------------------------------------------
# A briefing is kept in the build store as two JSON arrays: its metadata (what every list and
# index shows) and its texts (needed only for its own page). Reading them back checks every
# value's type: a store is data that anybody could have written, never code, and a value of the
# wrong shape makes the entry unusable (DataError), never a wrong page.

# the seed's hash goes with the texts: an edit to a body changes no list that shows the briefing
TEXT_FIELDS = ("statements", "body", "mentions", "original", "sha256", "note")


class DataError(ValueError):
    """Plain data that is not a briefing of this shape."""


def _check(ok: bool) -> None:
    if not ok:
        raise DataError("not a briefing")


def _str(v) -> str:
    _check(type(v) is str)
    return v


def _opt(v) -> str | None:
    _check(v is None or type(v) is str)
    return v


def _strs(v) -> tuple[str, ...]:
    _check(type(v) is list and all(type(x) is str for x in v))
    return tuple(v)


def _num(v) -> float:
    _check(type(v) in (int, float))
    return v


def meta_data(b: Briefing) -> list:
    """A briefing's metadata (everything but its texts) as a JSON-ready list."""
    loc = b.location
    return [b.source, b.title, b.date.isoformat(), [loc.city, loc.country] if loc else None,
            [[p.name, p.title, p.country, p.former, list(p.aliases), p.confidence, p.role]
             for p in b.officials],
            list(b.countries), b.event_type, list(b.topics), b.summary, b.slug, b.headline_in_text,
            [[k, v] for k, v in b.confidence]]


def texts_data(b: Briefing) -> list:
    """A briefing's texts as a JSON-ready list."""
    return [[[s.speaker, s.text, s.quote, s.paragraph, s.start, s.end] for s in b.statements], list(b.body),
            [[m.paragraph, m.start, m.end, m.name] for m in b.mentions], b.original, b.sha256, b.note]


class Interned:
    """Equal parts of many briefings read back as one object each (people, topic lists, dates):
    fewer objects to make, and one value met on many pages is walked once by the digest."""

    def __init__(self):
        self.parts: dict = {}


_NUMBER = (int, float)


def _person(p, interned: dict) -> Person:
    _check(type(p) is list and len(p) == 7)
    name, title, country, former, aliases, conf, role = p
    _check(type(name) is str and (title is None or type(title) is str) and (country is None or type(country) is str)
           and type(former) is bool and type(aliases) is list and type(conf) in _NUMBER and role in ROLES)
    aliases = _strs(aliases) if aliases else ()
    key = ("p", name, title, country, former, aliases, conf, type(conf), role)
    found = interned.get(key)
    if found is None:
        found = interned[key] = Person(name, title, country, former, aliases, conf, role)
    return found


def briefing_from_meta(data, interned: Interned | None = None) -> Briefing:
    """The briefing `meta_data` gave, without its texts; DataError if `data` is not of that shape.
    Briefings read with one `interned` share their equal parts."""
    parts = interned.parts if interned is not None else {}
    try:
        (source, title, date, loc, officials, countries, kind, topics, summary, slug, in_text,
         confidence) = data
        if loc is not None:
            _check(type(loc) is list and len(loc) == 2)
            loc = Location(_opt(loc[0]), _opt(loc[1]))
        _check(type(officials) is list and type(confidence) is list and type(in_text) is bool
               and type(date) is str and kind in EVENT_TYPES)
        day = parts.get(date)
        if day is None:
            day = parts[date] = dt.date.fromisoformat(date)
        people = tuple([_person(p, parts) for p in officials])
        conf = []
        for pair in confidence:
            _check(type(pair) is list and len(pair) == 2 and type(pair[0]) is str and type(pair[1]) in _NUMBER)
            conf.append((pair[0], pair[1], type(pair[1])))
        conf = tuple(conf)
        shared = parts.get(conf)
        if shared is None:
            shared = parts[conf] = tuple([(name, value) for name, value, _ in conf])
        countries, topics = _strs(countries), _strs(topics)
        countries = parts.setdefault(("c", countries), countries)
        topics = parts.setdefault(("t", topics), topics)
        return Briefing(source=_str(source), sha256="", title=_str(title), date=day, location=loc,
                        officials=people, countries=countries, event_type=kind, topics=topics,
                        summary=_str(summary), statements=(), body=(), mentions=(), original="", slug=_opt(slug),
                        headline_in_text=in_text, confidence=shared)
    except (TypeError, ValueError) as exc:  # a list of the wrong length, a date that is no date
        raise DataError(f"not a briefing: {exc}") from None


def texts_from_data(data) -> dict:
    """The fields `texts_data` gave, as keyword arguments for dataclasses.replace."""
    try:
        statements, body, mentions, original, sha256, note = data
        _check(type(statements) is list and type(mentions) is list)
        said = []
        for s in statements:
            _check(type(s) is list and len(s) == 6 and type(s[2]) is bool and all(type(x) is int for x in s[3:]))
            said.append(Statement(_str(s[0]), _str(s[1]), s[2], s[3], s[4], s[5]))
        spans = []
        for m in mentions:
            _check(type(m) is list and len(m) == 4 and all(type(x) is int for x in m[:3]))
            spans.append(Mention(m[0], m[1], m[2], _str(m[3])))
        return {"statements": tuple(said), "body": _strs(body), "mentions": tuple(spans), "original": _str(original),
                "sha256": _str(sha256), "note": _opt(note)}
    except (TypeError, ValueError) as exc:
        raise DataError(f"not a briefing's texts: {exc}") from None
