"""Front matter: an editor's corrections, applied field by field over what was extracted."""
from __future__ import annotations

import datetime as dt
import difflib
import re
import reprlib
from dataclasses import replace

from generator.errors import Notice, SourceError
from generator.model import EVENT_TYPES, ROLES, Briefing, Location, Person

KNOWN = ("title", "date", "location", "countries", "event_type", "topics", "summary", "officials", "slug")
CODE_RE = re.compile(r"[A-Z]{2}\Z")
SCALARS = (str, int, float)
_short = reprlib.Repr()
_short.maxstring, _short.maxother, _short.maxlist, _short.maxdict, _short.maxlevel = 60, 60, 4, 4, 2


class _Field:
    """Where a front-matter value stands, for messages that name the file and the line."""

    def __init__(self, seed: str, key: str, line: int | None, lines: dict | None = None):
        self.seed, self.key, self.line, self.lines = seed, key, line, lines or {}

    def item(self, i: int, key: str) -> "_Field":
        """The field of a list's i-th item (1-based), at its own line when known."""
        return _Field(self.seed, key, self.lines.get(f"{self.key}[{i}]", self.line), self.lines)

    def error(self, what: str, value=None) -> SourceError:
        shown = f" (got {_short.repr(value)})" if value is not None else ""
        return SourceError(f"front matter '{self.key}' {what}{shown}", self.seed, self.line)

    def text(self, value, limit: int = 2000, key: str | None = None) -> str:
        if not isinstance(value, SCALARS) or isinstance(value, bool) or not str(value).strip():
            raise _Field(self.seed, key or self.key, self.line).error("must be non-empty text", value)
        text = " ".join(str(value).split())
        if len(text) > limit:
            raise _Field(self.seed, key or self.key, self.line).error(f"is longer than {limit} characters")
        return text

    def code(self, value, known, key: str | None = None) -> str:
        code = value.strip().upper() if isinstance(value, str) else ""
        if not CODE_RE.match(code) or code not in known:
            raise _Field(self.seed, key or self.key, self.line).error("must be a known two-letter country code", value)
        return code

    def listing(self, value) -> list:
        if not isinstance(value, list):
            raise self.error("must be a list", value)
        return value


def _date(f: _Field, value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise f.error("is an impossible date", value) from None
    raise f.error("must be a date (YYYY-MM-DD)", value)


def _officials(f: _Field, value, known) -> tuple[Person, ...]:
    people = []
    for i, item in enumerate(f.listing(value), 1):
        at = f.item(i, f"officials[{i}]")
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or "name" not in item:
            raise at.error("needs a 'name'")
        people.append(Person(
            name=at.text(item["name"], 200, f"officials[{i}].name"),
            title=at.text(item["title"], 200, f"officials[{i}].title") if item.get("title") else None,
            country=at.code(item["country"], known, f"officials[{i}].country") if item.get("country") else None,
            former=item.get("former") is True, role=_role(at, item.get("role"), i)))
    return tuple(people)


def _role(at: _Field, value, i: int) -> str:
    """An official's role as the front matter gives it: participant (the default) or mentioned."""
    if value is None:
        return ROLES[0]
    if value not in ROLES:
        raise at.error(f"role must be one of {', '.join(ROLES)}", value)
    return value


def _location(f: _Field, value, known) -> Location:
    if not isinstance(value, dict):
        raise f.error("must be {city: ..., country: XX}", value)
    city = f.text(value["city"], 100, "location.city") if value.get("city") else None
    code = f.code(value["country"], known, "location.country") if value.get("country") else None
    return Location(city=city, country=code)


def apply(b: Briefing, front: dict, name: str, countries, lines: dict | None = None
          ) -> tuple[Briefing, list[Notice]]:
    """The briefing with front-matter fields put in place of extracted ones."""
    notices, changes, lines = [], {}, lines or {}
    for key, value in front.items():
        f = _Field(name, str(key), lines.get(str(key)), lines)
        if key not in KNOWN:
            near = difflib.get_close_matches(str(key), KNOWN, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else f"; known fields: {', '.join(KNOWN)}"
            notices.append(Notice(f"unknown front-matter field '{_short.repr(key)[1:-1]}' ignored{hint}", name,
                                  f.line))
            continue
        if value is None:
            continue
        if key in ("title", "summary"):
            changes[key] = f.text(value)
        elif key == "slug":
            changes["slug"] = f.text(value, 200)
        elif key == "date":
            changes["date"] = _date(f, value)
        elif key == "event_type":
            if not isinstance(value, str) or value not in EVENT_TYPES:
                raise f.error(f"must be one of {', '.join(EVENT_TYPES)}", value)
            changes[key] = value
        elif key == "countries":
            changes[key] = tuple(dict.fromkeys(f.item(i, key).code(v, countries)
                                               for i, v in enumerate(f.listing(value), 1)))
        elif key == "topics":
            changes[key] = tuple(dict.fromkeys(f.item(i, key).text(v, 100)
                                               for i, v in enumerate(f.listing(value), 1)))
        elif key == "location":
            changes[key] = _location(f, value, countries)
        elif key == "officials":
            changes[key] = _officials(f, value, countries)
    if not changes:
        return b, notices  # (most seeds: no front matter, and a briefing's replace() costs 13 us)
    fixed = tuple((k, 1.0 if k in changes else v) for k, v in b.confidence)
    return replace(b, **changes, confidence=fixed), notices
