"""The briefing and its parts: frozen dataclasses, no I/O."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

class _Compact:
    """Pickle as a plain tuple of field values: slotted dataclasses otherwise pickle through slow
    Python-level getstate/setstate, which dominated loading a 10,000-briefing cache."""

    __slots__ = ()

    def __reduce__(self):
        return (type(self), tuple(getattr(self, name) for name in self.__dataclass_fields__))


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


@dataclass(frozen=True, slots=True)
class Mention(_Compact):
    """A span of one body paragraph that names an official (by their full name)."""

    paragraph: int
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Statement(_Compact):
    """Something a speaker said: a direct quote or reported speech."""

    speaker: str
    text: str
    quote: bool = False


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
    text_key: str | None = None  # set while the texts are kept aside (see texts.TextStore)

    def confidence_of(self, name: str) -> float:
        """The extractor's confidence in one field (1.0 when it was set by hand)."""
        return dict(self.confidence).get(name, 1.0)
