"""Front matter: an editor's corrections, applied field by field over what was extracted."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import replace

from generator.errors import Notice, SourceError
from generator.model import EVENT_TYPES, Briefing, Location, Person

KNOWN = ("title", "date", "location", "countries", "event_type", "topics", "summary", "officials", "slug")
CODE_RE = re.compile(r"[A-Z]{2}\Z")


def _text(value, key: str, name: str, limit: int = 2000) -> str:
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
        raise SourceError(f"front matter '{key}' must be non-empty text", name)
    text = " ".join(str(value).split())
    if len(text) > limit:
        raise SourceError(f"front matter '{key}' is longer than {limit} characters", name)
    return text


def _code(value, key: str, name: str, known) -> str:
    code = str(value).strip().upper()
    if not CODE_RE.match(code) or code not in known:
        raise SourceError(f"front matter '{key}': {value!r} is not a known two-letter country code", name)
    return code


def _officials(value, name: str, known) -> tuple[Person, ...]:
    if not isinstance(value, list):
        raise SourceError("front matter 'officials' must be a list of {name, title, country, former}", name)
    people = []
    for i, item in enumerate(value, 1):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or "name" not in item:
            raise SourceError(f"front matter 'officials' entry {i} needs a 'name'", name)
        people.append(Person(
            name=_text(item["name"], f"officials[{i}].name", name, 200),
            title=_text(item["title"], f"officials[{i}].title", name, 200) if item.get("title") else None,
            country=_code(item["country"], f"officials[{i}].country", name, known) if item.get("country") else None,
            former=bool(item.get("former", False))))
    return tuple(people)


def apply(b: Briefing, front: dict, name: str, countries) -> tuple[Briefing, list[Notice]]:
    """The briefing with front-matter fields put in place of extracted ones."""
    notices, changes = [], {}
    for key, value in front.items():
        if key not in KNOWN:
            near = difflib.get_close_matches(str(key), KNOWN, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else f"; known fields: {', '.join(KNOWN)}"
            notices.append(Notice(f"unknown front-matter field '{key}' ignored{hint}", name))
            continue
        if value is None:
            continue
        if key in ("title", "summary"):
            changes[key] = _text(value, key, name)
        elif key == "slug":
            changes["slug"] = _text(value, key, name, 200)
        elif key == "date":
            if isinstance(value, dt.datetime):
                value = value.date()
            if not isinstance(value, dt.date):
                try:
                    value = dt.date.fromisoformat(str(value))
                except ValueError:
                    raise SourceError(f"front matter 'date': {value!r} is not a date (YYYY-MM-DD)", name) from None
            changes["date"] = value
        elif key == "event_type":
            if value not in EVENT_TYPES:
                raise SourceError(f"front matter 'event_type' must be one of {', '.join(EVENT_TYPES)}", name)
            changes[key] = value
        elif key == "countries":
            if not isinstance(value, list):
                raise SourceError("front matter 'countries' must be a list of country codes", name)
            changes[key] = tuple(dict.fromkeys(_code(v, key, name, countries) for v in value))
        elif key == "topics":
            if not isinstance(value, list):
                raise SourceError("front matter 'topics' must be a list", name)
            changes[key] = tuple(dict.fromkeys(_text(v, key, name, 100) for v in value))
        elif key == "location":
            if not isinstance(value, dict):
                raise SourceError("front matter 'location' must be {city: ..., country: XX}", name)
            city = _text(value["city"], "location.city", name, 100) if value.get("city") else None
            code = _code(value["country"], "location.country", name, countries) if value.get("country") else None
            changes[key] = Location(city=city, country=code)
        elif key == "officials":
            changes[key] = _officials(value, name, countries)
    fixed = tuple((k, 1.0 if k in changes else v) for k, v in b.confidence)
    return replace(b, **changes, confidence=fixed), notices
