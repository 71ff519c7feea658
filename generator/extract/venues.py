"""Places the text gives without naming a city: a dateline opening the first paragraph
("Kathmandu: ...", "Damascus, AGENCY - ..."), and a seat of government ("received at the
Presidential Palace"), which stands in the capital of the state that hosts the encounter.

The seats are data (`data/venues.yaml`, with the nouns after which a place is only talked
about: "the situation in Gaza"); which state hosts is read from the sentence: the one
named after "received by", "called on", "a visit to" (the guest's words point at the host),
else the dateline's, else the first state the sentence names (the subject who receives)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.errors import ConfigError
from generator.extract.lexicon import longest_match
from generator.extract.types import WRITTEN_DATE, Paragraph
from generator.registry import Registry

FILE = Path(__file__).resolve().parents[1] / "data" / "venues.yaml"


def _read(key: str) -> tuple[str, ...]:
    """One list of phrases of the data file, in lower case."""
    try:
        raw = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot be read: {exc}", FILE) from None
    items = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(items, list) or not all(isinstance(s, str) and s.strip() for s in items):
        raise ConfigError(f"'{key}' must be a list of phrases", FILE)
    return tuple(s.strip().lower() for s in items)


SEATS = _read("seats")
# "the situation in Gaza": a place after one of these nouns is what is talked about
MENTION_NOUNS = frozenset(_read("mentions"))
_ALTERNATIVES = "|".join(re.escape(s).replace(r"\ ", " ?").replace("'", "['’]")
                         for s in sorted(SEATS, key=len, reverse=True))
SEAT_WORDS = frozenset(seat.split()[-1] for seat in SEATS)  # every seat ends with one of them
# "at the Presidential Palace", "in the State House", "at the Peace Palace" (up to two words
# before a seat's noun); not "the Presidential Palace said"
SEAT_RE = re.compile(r"\b(?:at|in|to|inside) (?:the )?(?:[\w'’-]+ ){0,2}?(?:" + _ALTERNATIVES + r")\b", re.I)
SEAT_RE_LOWER = re.compile(SEAT_RE.pattern, re.ASCII)  # on lowered ASCII text: the same matches, faster
# The guest's words that point at the host named after them
# ("visiting" before a name marks the guest, not the host: it is not one of them)
HOST_AFTER_RE = re.compile(r"\b(?:(?:received|welcomed|hosted|greeted)\b[^.;,]{0,60}?\bby|call(?:ed|s)? on|"
                           r"(?:visit|trip|journey) to|visited|audience with|"
                           r"(?:ambassador|envoy|high commissioner)s?\b[^.;]{0,40}?\bto)\b", re.I)
# The host's verbs (active): what follows them is the guest
RECEIVES_RE = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )"
                         r"\b(?:received|receives|receiving|welcomed|welcomes|hosted|hosts|greeted)\b(?! by\b)")
# "the Ambassador of Chile": the state an envoy comes from is the guest's, never the host's
GUEST_OF_RE = re.compile(r"\b(?:ambassadors?|envoys?|high commissioners?|delegations?|charg[ée]s? d['’]affaires)"
                         r"(?: [\w-]+){0,3}? (?:of|from)(?: the)? $", re.I)
# A dateline that opens the first paragraph: "Kathmandu: ...", "Damascus, AGENCY - ...",
# "LIMA, May 2 - ...", "Dec 19, 2005 (ABUJA) - ...". Only a place the registry knows counts.
INLINE_DATELINE_RE = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4},? )?\(?(?P<city>[^\W\d_][^\W\d_.'’ -]*(?:[ -][^\W\d_][^\W\d_.'’-]*){0,3})\)?"
    r"(?:,[^,:;—–()]{1,40}){0,2}?\s*(?:--|—|–|:| - |\()")


# A paragraph that is a place and nothing more: "Wellington, New Zealand", "Washington, D.C." (the
# dateline of a government's release, on a line of its own)
PLACE_LINE_RE = re.compile(r"^(?P<city>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?:, [A-Z][\w.'’ -]{0,30})?\.?$")


# ... and the date such a line may end with: "Santiago, Chile - April 16, 2012"
DATE_TAIL_RE = re.compile(r"\s*[-–—,]\s*" + WRITTEN_DATE + "$")


def place_line(p: Paragraph | None, reg: Registry) -> tuple[str, str] | None:
    """The (city, country) of a paragraph that is only a place the registry knows (and a date)."""
    if p is None or len(p.text) > 60:
        return None
    m = PLACE_LINE_RE.match(DATE_TAIL_RE.sub("", p.text.strip()))
    return reg.places.get(tuple(Paragraph.of(m.group("city")).folded)) if m else None


def inline_dateline(p: Paragraph | None, reg: Registry) -> tuple[str, str] | None:
    """The (city, country) of a dateline left at the start of the first paragraph, if the
    registry knows its city."""
    if p is None:
        return None
    m = INLINE_DATELINE_RE.match(p.text)
    if m is None:
        return None
    return reg.places.get(tuple(Paragraph.of(m.group("city")).folded))


def states_in(p: Paragraph, start: int, end: int, reg: Registry, guests: bool = True) -> list[str]:
    """The states named (by name or nationality word) between two offsets of the paragraph
    (without `guests`, not those an envoy comes from)."""
    found = []
    for k in p.caps:
        if not start <= p.spans[k][0] < end:
            continue
        if not guests and GUEST_OF_RE.search(p.text, max(0, p.spans[k][0] - 60), p.spans[k][0]):
            continue
        n, code = longest_match(p.folded, k, reg.country_names)
        if not n:
            n, codes = longest_match(p.folded, k, reg.demonyms)
            code = codes[0] if n else None
        if code:
            found.append(code)
    return found


def seat_place(paras: list[Paragraph], reg: Registry, code: str | None,
               filed: tuple[str, str] | None) -> tuple[str, str] | None:
    """The capital of the state whose seat of government the text names, or None.

    `code`: the state the text places the event in, when known; else the host is read from the
    sentence that names the seat."""
    for p in paras:
        low = p.text.lower()
        if not any(word in low for word in SEAT_WORDS):  # (a cheap test first: most texts name none)
            continue
        m = SEAT_RE_LOWER.search(low) if p.text.isascii() else SEAT_RE.search(p.text)
        if m is None:
            continue
        if p.text.startswith(", ", m.end()):
            # "at State House, Entebbe": the seat's own city, named after it
            k = next((k for k in p.caps if p.spans[k][0] == m.end() + 2), None)
            n, place = longest_match(p.folded, k, reg.places) if k is not None else (0, None)
            if n:
                return place
        if code is None:
            s0 = max(p.text.rfind(". ", 0, m.start()) + 1, 0)
            s1 = p.text.find(". ", m.end())
            s1 = len(p.text) if s1 < 0 else s1
            of = p.text.startswith(" of ", m.end())  # "the Ministry of Foreign Affairs of Peru"
            after = states_in(p, m.end(), min(s1, m.end() + 30), reg)[:1] if of else []
            guest = HOST_AFTER_RE.search(p.text, s0, s1)
            host = states_in(p, guest.end(), s1, reg) if guest else []
            # "The President received at the Palace the Minister of Foreign Affairs of Portugal":
            # the states named after the verb of receiving are the guest's
            verb = RECEIVES_RE.search(p.text, s0, s1)
            named = states_in(p, s0, verb.start() if verb else s1, reg, guests=False)
            code = next(iter(after or host or ([filed[1]] if filed else []) or named), None)
        info = reg.countries.get(code or "")
        if info and p.text.startswith(" in ", m.end()):
            # "at the presidential residence in Wisla": a town the registry does not know, named
            # after the seat, is where it stands
            town = _town_after(p, m.end() + 4, reg)
            if town:
                return town, info.code
        return (info.capital, info.code) if info and info.capital else None
    return None


def _town_after(p: Paragraph, at: int, reg: Registry) -> str | None:
    """The capitalised words (one to three) that start at offset `at`, when they name no state."""
    ks = [k for k in p.caps if p.spans[k][0] >= at]
    if not ks or p.spans[ks[0]][0] != at or longest_match(p.folded, ks[0], reg.country_names)[0]:
        return None
    end = ks[0]
    while end < len(p.words) and end - ks[0] < 3 and p.words[end][:1].isupper() and p.words[end].isalpha():
        end += 1
    return p.text[p.spans[ks[0]][0]:p.spans[end - 1][1]] if end > ks[0] else None

