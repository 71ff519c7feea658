"""Layer 6: event type, place of the event, topics, headline and summary."""
from __future__ import annotations

import re
from collections import Counter
from itertools import compress, count

from generator.extract.lexicon import STOP_NAME_WORDS, longest_match
from generator.extract.people import Paragraph
from generator.model import Location, Person
from generator.registry import Registry

# Specific kinds win wherever they appear in the lead; the rest go by first appearance.
SPECIFIC = (
    ("phone_call", r"(?:tele)?phone (?:call|conversation|talks?)|(?:by|over the|on the) (?:tele)?phone|"
                   r"(?:tele)?phoned|called (?:his|her) \w+ counterpart"),
    ("joint_statement", r"joint (?:statement|declaration|communiqu[eé])"),
    ("visit", r"(?:state|official) visit"),
    ("press_conference", r"(?:using|held|holding|hold|gave|give) a joint (?:press|news) conference"),
)
GENERAL = (
    ("press_conference", r"(?:joint )?(?:press|news) conference|joint (?:address|appearance|briefing)"),
    ("summit", r"summit"),
    ("talks", r"(?:held|hold|holds|holding|opened|resumed?|began|begin) (?:\w+ ){0,3}talks|talks (?:with|between|on|in)|"
              r"negotiations?|(?:the|trade|peace) talks|(?:in|for) talks"),
    ("meeting", r"met(?: with)?|meets(?: with)?|meeting(?: with)?|sat down (?:\w+ )?with|received|hosted|"
                r"(?:over|at a|during a|a working) (?:dinner|lunch)|(?:dinner|lunch) (?:with|meeting)|working lunch|"
                r"leaders['’] retreat"),
    ("visit", r"(?<!^)(?<!\. )visit(?:s|ed|ing)?(?: to)?|trip to|state visit|arrived (?:in|here)|tour of|"
              r"set foot in|travel(?:l?ed|s)? to|landed in"),
    ("statement", r"(?:said|says) in an? (?:statement|commentary|comment|press release)|issued a statement|"
                  r"statement (?:said|released|issued)|"
                  r"announced|declared|warned|called on|condemned|accused"),
)
SPECIFIC_RE = tuple((kind, re.compile(r"\b(?:" + pattern + r")\b", re.I)) for kind, pattern in SPECIFIC)
GENERAL_RE = tuple((kind, re.compile(r"\b(?:" + pattern + r")\b", re.I)) for kind, pattern in GENERAL)


def _any_of(kinds, flags=0) -> re.Pattern:
    """One pattern for several kinds: a search finds the leftmost place where any of them matches,
    and its group names the first kind that matches there (as trying them one by one would)."""
    return re.compile(r"\b(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in kinds) + r")\b", flags)


# The patterns hold no upper-case letter (nor \W, \B ...): on ASCII text, which lower() maps
# character for character, searching the lowered text finds what re.I finds, at the same
# offsets, faster; and on ASCII text, re.ASCII's \w and \b are Unicode's (its \s is not: the
# patterns use none), only faster. (And no named group: _any_of names them.)
assert all(pattern == pattern.lower() and "\\s" not in pattern and "(?P" not in pattern
           for _, pattern in SPECIFIC + GENERAL)
SPECIFIC_ANY, SPECIFIC_ANY_LOWER = _any_of(SPECIFIC, re.I), _any_of(SPECIFIC, re.ASCII)
GENERAL_ANY, GENERAL_ANY_LOWER = _any_of(GENERAL, re.I), _any_of(GENERAL, re.ASCII)
VISITOR_RE = re.compile(r"[Vv]isiting [A-Z]")
HERE_RE = re.compile(r"\b(?:arrived|held|met|meeting|talks|summit|conference|visit) here\b")
SIDELINES_RE = re.compile(r"\bsidelines of\b[^.]*$")
PREPOSITIONS = frozenset({"in", "at", "to", "here"})  # not "from": where someone comes from
PLACE_NOUNS = frozenset({"capital", "city", "town", "port", "resort", "village"})
DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                        "southeastern", "southwestern", "north", "south", "east", "west"})
NO_PLACE = frozenset({"phone_call", "statement", "joint_statement"})
# Words that report two parties coming together (a call, talks, a meeting, a visit, a summit).
ENCOUNTER_RE = re.compile(r"\b(?:" + "|".join(pattern for kind, pattern in SPECIFIC + GENERAL
                                               if kind in ("phone_call", "talks", "meeting", "visit", "summit"))
                          + r")\b", re.I)


def event_type(headline: str | None, paras: list[str]) -> tuple[str, float]:
    """The kind of event the lead reports, and a confidence."""
    lead = " ".join(([headline] if headline else []) + paras[:2])
    if lead.isascii():
        text, specific, general = lead.lower(), SPECIFIC_ANY_LOWER, GENERAL_ANY_LOWER
    else:
        text, specific, general = lead, SPECIFIC_ANY, GENERAL_ANY
    # one pass says whether the lead holds any specific kind (most do not); the loop says which
    if specific.search(text):
        for kind, pattern in SPECIFIC_RE:
            if pattern.search(lead):
                return kind, 0.8
    # the general kind that appears first wins: the leftmost match of any of them, unless that
    # one does not count (then each kind is looked for on its own)
    first = general.search(text)
    if first is None:
        return "other", 0.3
    if not _not_the_event(first.lastgroup, lead, first.start()):
        return first.lastgroup, 0.6
    best = None
    for kind, pattern in GENERAL_RE:
        for m in pattern.finditer(lead):
            if _not_the_event(kind, lead, m.start()):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), kind)
            break
    return (best[1], 0.6) if best else ("other", 0.3)


def _not_the_event(kind: str, lead: str, start: int) -> bool:
    """A match that does not report the event: "Visiting Chinese Foreign Minister X" names a
    visitor; "on the sidelines of the G20 summit": the summit is the setting."""
    return (kind == "visit" and VISITOR_RE.match(lead, start) is not None
            or kind == "summit" and SIDELINES_RE.search(lead, max(0, start - 60), start) is not None)


def _locative_places(p: Paragraph, reg: Registry):
    """(kind, token, value) for every city/venue or country named after "in", "to", "at" ...."""
    for i in p.caps:
        if i == 0:
            continue
        prev = p.folded[i - 1]
        if not (prev in PREPOSITIONS or prev == "the" and i > 1 and p.folded[i - 2] in PREPOSITIONS
                or prev in DIRECTIONS and i > 2 and p.folded[i - 2] == "the" and p.folded[i - 3] in PREPOSITIONS):
            continue
        n, place = longest_match(p.folded, i, reg.places)
        if n and i + n < len(p.words) and p.words[i + n][:1].isupper() and p.words[i + n][0].isalpha() \
                and p.folded[i + n] not in STOP_NAME_WORDS:
            continue  # "at Tel Aviv University", "in the Washington Post": a longer name
        if n:
            yield "city", i, place
            continue
        n, code = longest_match(p.folded, i, reg.country_names)
        if n and i + n < len(p.folded) and p.folded[i + n] == "'s":
            # "in Myanmar's capital, Naypyitaw", "to Kenya's port city of Mombasa"
            city = _place_noun_city(p, i + n + 1, code, reg)
            if city:
                yield "city", i, city
                continue
        if not n:
            n, code = longest_match(p.folded, i, reg.regions)  # "in Sicily": the country, no city
        if n and prev in ("in", "to"):
            yield "country", i, code
            continue
        # "in the Tanzanian city of Arusha", "in the Omani capital (Muscat)", "in the eastern
        # German city of Weimar"
        n, codes = longest_match(p.folded, i, reg.demonyms)
        if n and (prev == "the" or prev in DIRECTIONS and i > 1 and p.folded[i - 2] == "the"):
            city = _place_noun_city(p, i + n, codes[0], reg)
            if city:
                yield "city", i, city


def _place_noun_city(p: Paragraph, k: int, code: str, reg: Registry) -> tuple[str, str] | None:
    """At token k a place noun ("capital", "port city of"): the city named after it, else, for
    "capital", the capital of the state `code`."""
    f, n = p.folded, len(p.folded)
    if k < n and f[k] in ("port", "border", "coastal", "northern", "southern", "eastern", "western"):
        k += 1
    if k >= n or f[k] not in PLACE_NOUNS:
        return None
    after = k + 1
    while after < n and f[after] in (",", "of"):
        after += 1
    m, place = longest_match(f, after, reg.places) if after < n else (0, None)
    if m:
        return place
    if f[k] == "capital" and code in reg.countries and reg.countries[code].capital:
        return reg.countries[code].capital, code
    if f[k] != "capital" and after == k + 2 and f[k + 1] == "of":
        # "the German city of Weimar": a town the registry does not know is named by the text
        end = after
        while end < n and end - after < 3 and p.words[end][:1].isupper() and p.words[end][0].isalpha():
            end += 1
        if end > after and not longest_match(f, after, reg.country_names)[0]:
            return p.text[p.spans[after][0]:p.spans[end - 1][1]], code
    return None


def dateline_place(dateline: str | None, reg: Registry) -> tuple[str, str] | None:
    """The (city, country) a dateline is filed from ("SEOUL", "LILONGWE, Malawi"), if known."""
    return reg.places.get(tuple(Paragraph.of(dateline.split(",")[0]).folded)) if dateline else None


def locate(paras: list[Paragraph], reg: Registry, filed: tuple[str, str] | None,
           kind: str) -> tuple[Location | None, float]:
    """Where the event happened.

    The lead (three paragraphs) votes: each "in/at/to PLACE" counts for that place's country.
    The first city the lead names wins when its country is among the most named (a city of
    another country mentioned in passing does not); else the leading country, with the
    dateline's city when that is in it; else the dateline; else a city the text places things
    in more than once. Filed from another country, the leading country's city named later wins.
    """
    if kind == "phone_call":
        return None, 0.6
    if kind in NO_PLACE:
        # a statement is placed only where the first paragraph says so ("issued in Suva");
        # otherwise it comes from wherever its authors are
        first = next((value for what, _, value in _locative_places(paras[0], reg) if what == "city"), None) \
            if paras else None
        return (Location(city=first[0], country=first[1]), 0.5) if first else (None, 0.6)
    if filed and any(HERE_RE.search(p.text) for p in paras[:2]):
        # "arrived here on Monday", "talks held here": the place the story is filed from
        return Location(city=filed[0], country=filed[1]), 0.8
    votes, lead_cities, cities = Counter(), [], Counter()
    for pi, p in enumerate(paras):
        for what, _, value in _locative_places(p, reg):
            code = value[1] if what == "city" else value
            if pi < 3:
                votes[code] += 1
                if what == "city":
                    lead_cities.append(value)
            if what == "city":
                cities[value] += 1
    if votes:
        top = max(votes.values())
        for city, code in lead_cities:
            if votes[code] == top:
                return Location(city=city, country=code), 0.8
    lead_country = max(votes, key=lambda c: (votes[c], -list(votes).index(c))) if votes else None
    if lead_country:
        if filed and filed[1] == lead_country:
            return Location(city=filed[0], country=lead_country), 0.6
        inside = [c for c in cities if c[1] == lead_country]
        if filed and inside:
            # filed from elsewhere ("WASHINGTON — ... a trip to Japan"): the city of that country
            # the text places things in is where it happened
            return Location(city=inside[0][0], country=lead_country), 0.5
        return Location(city=None, country=lead_country), 0.5
    if filed:
        return Location(city=filed[0], country=filed[1]), 0.6
    if cities and cities.most_common(1)[0][1] > 1:
        (city, code), _ = cities.most_common(1)[0]
        return Location(city=city, country=code), 0.4
    return None, 0.3


def topics(reg: Registry, paras: list[Paragraph], limit: int = 5) -> tuple[str, ...]:
    """Topics whose keywords the article uses most (at least twice, or once for the best)."""
    counts: Counter = Counter()
    table = reg.topic_keywords
    is_first = table.firsts.__contains__
    for p in paras:
        nxt = 0
        for i in list(compress(count(), map(is_first, p.folded))):  # where a keyword may start
            if i < nxt:
                continue
            n, name = longest_match(p.folded, i, table)
            if n:
                counts[name] += 1
                nxt = i + n
    ranked = [(name, c) for name, c in sorted(counts.items(), key=lambda kv: (-kv[1], reg.topics.index(kv[0])))]
    chosen = [name for name, c in ranked if c >= 2][:limit]
    return tuple(chosen or [name for name, _ in ranked[:1]])


VERBS = {"meeting": "meets", "talks": "holds talks with", "phone_call": "speaks by phone with",
         "visit": "visits", "summit": "at summit with", "joint_statement": "in joint statement with",
         "press_conference": "and", "statement": "on", "other": "and"}


def compose_headline(people: tuple[Person, ...], kind: str, where: Location | None, reg: Registry,
                     topics_: tuple[str, ...]) -> str:
    """A headline for an article that has none: "Wang Yi meets Katsunobu Kato in Tokyo"."""
    place = where.city or reg.country_name(where.country) if where else None
    if not people:
        return f"{topics_[0]} briefing" if topics_ else "Briefing"
    first = people[0]
    other = next((p for p in people[1:] if p.country != first.country), people[1] if len(people) > 1 else None)
    if kind == "visit" and place:
        head = f"{first.name} visits {place}"
        return head + (f", meets {other.name}" if other else "")
    if other is None:
        noun = {"press_conference": "holds press conference", "statement": "issues statement"}.get(kind, "speaks")
        head = f"{first.name} {noun}"
        return head + (f" on {topics_[0].lower()}" if topics_ and kind != "press_conference" else "")
    head = f"{first.name} {VERBS.get(kind, 'and')} {other.name}"
    if kind == "press_conference":
        head += " hold press conference"
    return head + (f" in {place}" if place and kind not in NO_PLACE else "")


def summarise(paras: list[str], limit: int = 400) -> str:
    """The lead: the first paragraph, cut after a sentence when it runs long."""
    if not paras:
        return ""
    lead = paras[0]
    if len(lead) <= limit:
        return lead
    cut = [m.end() for m in re.finditer(r"[.!?][\"”’]?(?=\s+[A-Z“\"])", lead) if m.end() <= limit]
    return lead[:cut[-1]] if cut else lead[:limit].rsplit(" ", 1)[0] + "…"
