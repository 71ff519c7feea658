"""Layer 6: the states taking part in the event, as opposed to the states the article only talks about.

The lead names the parties, but it also names states as topics ("talks on Syria"), as targets of
what the parties say or do ("blaming Iran for"), as hoped-for partners of a later event ("hopes to
see the Japanese leader") and as background ("As the Iranian economy falters, ..."). Each test
below reads the words around one mention; none needs more than its sentence.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import compress, count

from generator.extract.events import ENCOUNTER_RE, MEDIA_NOUNS, PLACE_NOUNS
from generator.extract.lexicon import longest_match, longest_match_ending
from generator.extract.people import PARTY_NOUNS
from generator.extract.types import Paragraph, Ref
from generator.model import Mention, Person
from generator.registry import Registry
from generator.words import ARTICLES, POSSESSIVES, SETTING_PREPOSITIONS, TOPIC_PREPOSITIONS, phrase_keys, words

LEAD = 3  # paragraphs that make the lead: officials named there take part
DETERMINERS = ARTICLES | POSSESSIVES
# The object of a verb of judgement is what the parties judge, not one of them ("blaming Iran for",
# "praised the Iranian leader"); the object of a verb of encounter ("met", "hosted") is a party.
JUDGEMENT_VERBS = words("judgement_verbs")
# "criticism of China": the object of a noun of judgement is no party either.
JUDGEMENT_NOUNS = words("judgement_nouns")
# "wants to meet X", "is ready to visit X": the encounter is wished for, it is not the event reported.
WISH_WORDS = words("wish_words")
ENCOUNTER_VERBS = words("encounter_verbs")
# A sentence after the first paragraph that opens with one of these and a comma-closed clause
# states a circumstance. (In the first paragraph such a clause is part of the event itself.)
BACKGROUND_OPENERS = words("background_openers")
# Punctuation and conjunctions that bound a clause ("Iran tops the agenda | as ministers meet").
CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "as", "while", "when", "because",
                         "although", "though", "whereas", "which", "who"})
SENTENCE_ENDS = frozenset({".", "!", "?"})
OF_FROM = frozenset({"of", "from"})
# Verbs that open a roster of the states taking part ("Countries represented included A, B ...").
ROSTER_VERBS = words("roster_verbs")
LIST_OPENERS = OF_FROM | ROSTER_VERBS
# Nouns a group of states stands before or after when its members act together ("G7 leaders",
# "ministers from the Group of Eight").
MEMBER_NOUNS = PARTY_NOUNS | {"ministers", "heads", "nations", "countries", "members", "states", "partners"}
# "the Turkish capital" stands for Ankara, a metonym of the government as "Ankara said" is.
DEMONYM_HEADS = MEMBER_NOUNS | {"capital"}


def _token_at(p: Paragraph, char: int) -> int:
    """Index of the token that starts at (or covers) a character offset."""
    return max(bisect_right([s for s, _ in p.spans], char) - 1, 0)


def _around(tokens: list[str], i: int, stops: frozenset) -> tuple[int, int]:
    """Token span around token i bounded by the nearest stop tokens on each side."""
    a = i
    while a > 0 and tokens[a - 1] not in stops:
        a -= 1
    b = i
    while b < len(tokens) and tokens[b] not in stops:
        b += 1
    return a, b


def _sentence(p: Paragraph, i: int) -> tuple[int, int]:
    """Token span of the sentence around token i."""
    return _around(p.words, i, SENTENCE_ENDS)


def _judged(p: Paragraph, i: int) -> bool:
    """True when the phrase at token i is the object of a verb of judgement in a sentence that
    reports no encounter ("blaming Iran for", but not "praised his host as the two met")."""
    k = i
    while k > 0 and p.folded[k - 1] in DETERMINERS:
        k -= 1
    if k > 1 and p.folded[k - 1] == "of" and p.folded[k - 2] in JUDGEMENT_NOUNS:
        k -= 1  # "criticism of China"
    elif k > 0 and p.folded[k - 1] == "against":
        pass  # "sanctions against Iran", "action against President X": the target, not a party
    else:
        # "accused neighbouring Iran", "blamed the Iranian leadership": up to two lower-case words
        # may stand between the verb and its object
        skipped = 0
        while k > 0 and (p.folded[k - 1] in DETERMINERS or (skipped < 2 and p.words[k - 1].isalpha()
                                                            and p.words[k - 1].islower()
                                                            and p.folded[k - 1] not in JUDGEMENT_VERBS)):
            skipped += p.folded[k - 1] not in DETERMINERS
            k -= 1
        if not (k and p.folded[k - 1] in JUDGEMENT_VERBS):
            return False
    # unless what follows reports the encounter itself ("praised his host as the two met")
    _, b = _sentence(p, i)
    return not ENCOUNTER_RE.search(p.text, p.spans[k - 1][0], p.spans[b - 1][1])


def _wished(p: Paragraph, i: int) -> bool:
    """True when the phrase at token i is the partner of a wished-for encounter ("hopes to meet X")."""
    k = i
    while k > 0 and p.folded[k - 1] in DETERMINERS:
        k -= 1
    if k and p.folded[k - 1] in ("with", "to"):  # "meet with X", "talk to X"
        k -= 1
    return (k >= 3 and p.folded[k - 1] in ENCOUNTER_VERBS and p.folded[k - 2] == "to"
            and p.folded[k - 3] in WISH_WORDS)


def _aside(p: Paragraph, i: int) -> bool:
    """True when the phrase at token i is judged or wished for: not a party."""
    return _judged(p, i) or _wished(p, i)


def _itinerary(p: Paragraph, i: int) -> bool:
    """True when the list at token i gives the stops of a tour ("on a three-nation visit ..., which
    includes the countries of A, B and C"): each is the host of its own leg, not a party of the
    event reported."""
    a, _ = _sentence(p, i)
    return any(w.endswith("-nation") or w in TOUR_WORDS for w in p.folded[a:i])


TOUR_WORDS = frozenset({"tour", "itinerary", "legs"})


def _background(p: Paragraph, i: int) -> bool:
    """True when token i sits in a sentence-opening "As/While/Although ..., " clause that reports
    no encounter: such a clause sets the scene ("As the drought worsens, ...") for the main clause."""
    s = _sentence(p, i)[0]
    while s < i and not p.words[s][:1].isalpha():  # an opening quote
        s += 1
    if p.folded[s] not in BACKGROUND_OPENERS or any(w in (",", ";", ":") for w in p.words[s:i]):
        return False
    end = next((k for k in range(i, len(p.words)) if p.words[k] == ","), None)
    return end is not None and not ENCOUNTER_RE.search(p.text, p.spans[s][0], p.spans[end][0])


def _on_agenda(p: Paragraph, i: int) -> bool:
    """True when the clause around token i is about an agenda ("Iran tops the agenda"): a topic."""
    a, b = _around(p.folded, i, CLAUSE_ENDS)
    return "agenda" in p.folded[a:b]


def _names_party(p: Paragraph, r: Ref, reg: Registry) -> bool:
    """A nationality word names a party when it stands for the people of a state ("the Palestinians"),
    is one side of a pair ("U.S.-Saudi"), or describes people acting for the state ("Israeli and
    Palestinian teams", "the Chinese side"); "Syrian refugees" or "a Russian plane" name no party."""
    if r.kind != "demonym" or r.describes or r.after == "-":
        return True
    n, _ = longest_match(p.folded, r.at, reg.demonyms)
    if not n:
        return True  # a plural: the nationality word is a noun
    h = r.at + n
    while h + 1 < len(p.words) and p.folded[h] in ("and", "or", ","):
        m, _ = longest_match(p.folded, h + 1, reg.demonyms)
        if not m:
            break
        h += 1 + m
    if h >= len(p.words) or p.words[h] in (".", ",", ";", ":", "?", "!"):
        return True  # "talks with the Japanese."
    if p.folded[h] in PLACE_NOUNS:
        return False  # "in the Austrian capital": a place
    k = r.at - (r.at > 0 and p.folded[r.at - 1] == "the")
    if p.folded[h] == "capital" and k > 0 and p.folded[k - 1] in ("in", "at", "to"):
        return False  # "talks in the Norwegian capital Oslo": where, not who
    # the head noun, or the noun after one modifier ("the Japanese foreign ministers")
    return _people_follow(p, h, 2, DEMONYM_HEADS, reg)


def _party(p: Paragraph, r: Ref, reg: Registry) -> bool:
    """A country the first paragraph names as a party ("Israeli and Palestinian teams", "Russia said"),
    not as the owner of a topic ("North Korea's missiles", "talks on Syria"), a city ("in Tokyo"), an
    agenda item, the target of a judgement or a wished-for partner."""
    if r.kind in ("place", "region") or r.after in TOPIC_PREPOSITIONS or _listed_topic(p, r.at, reg):
        return False
    if r.after in ARTICLES and r.at > 1 and p.folded[r.at - 2] in TOPIC_PREPOSITIONS \
            and not (r.at + 1 < len(p.folded) and p.folded[r.at + 1] in SIDE_NOUNS):
        return False  # "developments on the Palestinian territories": a topic behind its article (but "on
        # the Russian side": a party)
    if r.after in ("in", "between", "of") and r.at > 1 and p.folded[r.at - 2] in TOPIC_NOUNS:
        return False  # "the war in Yemen", "the situation in Syria": where the topic is; "the conflict
        # between Armenia and Azerbaijan", "hostages between Israel and Hamas", "the issue of Taiwan":
        # whose the topic is
    if r.kind == "name" and not r.possessive:
        k = r.at + (longest_match(p.folded, r.at, reg.country_names)[0] or 1)
        if k < len(p.folded) and p.folded[k] in TOPIC_NOUNS:
            return False  # "the Qatar crisis", "the Korea issue": a state's name that names a topic
    if r.kind == "metonym" and r.after in PLACE_NOUNS:
        return False  # "the Minsk agreements", "the Norwegian capital Oslo"
    if _planned(p, r.at, reg) or _compared(p, r.at) or _other_stop(p, r.at) or _past_visit(p, r.at) \
            or _names_outlet(p, r, reg):
        return False
    if r.possessive and not _owns_party(p, r, reg):
        return False
    return _names_party(p, r, reg) and not _aside(p, r.at) and not _on_agenda(p, r.at)


def _listed_topic(p: Paragraph, i: int, reg: Registry) -> bool:
    """"concerns over North Korea and China's buildup": a state listed after another that a topic
    preposition governs is a topic too."""
    k, listed = i, False
    while k > 1 and p.folded[k - 1] in ("and", "or", ","):
        k -= 1
        n = longest_match_ending(p.folded, k, reg.country_names)[0] or longest_match_ending(p.folded, k, reg.demonyms)[0]
        if not n:
            return False
        k -= n
        while k > 0 and p.folded[k - 1] in ARTICLES:
            k -= 1
        listed = True
    return listed and k > 0 and (p.folded[k - 1] in TOPIC_PREPOSITIONS
                                 or k > 1 and p.folded[k - 1] == "between" and p.folded[k - 2] in TOPIC_NOUNS)


# Nouns of a state's affairs: a state after "<noun> in" is where the topic is ("the war in Yemen"), after
# "<noun> of" whose it is ("the issue of Taiwan").
TOPIC_NOUNS = words("topic_nouns")
# Prepositions after which a capital is the place where, not the government ("in Kyiv", "at Vienna").
PLACE_PREPOSITIONS = frozenset({"in", "at"})
# Words that make an encounter one still to come ("possible talks between A and B"), and the
# nouns of encounters they stand before.
PLANNED_WORDS = words("planned_words")
MEETING_NOUNS = words("meeting_nouns")


def _planned(p: Paragraph, i: int, reg: Registry) -> bool:
    """"ahead of possible talks between Ukraine and Russia", "the planned direct negotiations
    between A and B", "the upcoming summit of A and B": a state of an encounter still to come
    (up to two words may qualify the encounter between the word that plans it and its noun)."""
    k = i
    while k > 0 and (p.folded[k - 1] in ("and", ",", "the", "between", "with", "of")
                     or longest_match_ending(p.folded, k, reg.country_names)[0]):
        k -= longest_match_ending(p.folded, k, reg.country_names)[0] or 1
    if not (k > 1 and k < i and p.folded[k - 1] in MEETING_NOUNS):
        return False
    return any(p.folded[t] in PLANNED_WORDS for t in range(max(0, k - 4), k - 1))


COMPARISON_WORDS = words("comparison_words")
COMPARISON_PHRASES = phrase_keys("comparison_phrases")
ARRIVAL_VERBS = words("arrival_verbs")
ONWARD_PHRASES = phrase_keys("onward_phrases")
DEPARTURE_VERBS = words("departure_verbs")
SIDE_NOUNS = words("side_nouns")
PAST_VISIT_WORDS = words("past_visit_words")
PAST_VISIT_NOUNS = words("past_visit_nouns")
VISIT_VERBS = frozenset({"visited", "toured"})
PAST_TIME_WORDS = frozenset({"ago", "previously", "earlier"})


def _names_outlet(p: Paragraph, r: Ref, reg: Registry) -> bool:
    """"the Times of India reported", "the Korea Herald", "Voice of Vietnam": a state in the name
    of a newspaper or a broadcaster (capitalised) names no party."""
    k = r.at
    if k > 1 and p.folded[k - 1] == "of" and p.folded[k - 2] in MEDIA_NOUNS and p.words[k - 2][:1].isupper():
        return True
    n = longest_match(p.folded, k, reg.country_names)[0] or longest_match(p.folded, k, reg.demonyms)[0] or 1
    return k + n < len(p.words) and p.folded[k + n] in MEDIA_NOUNS and p.words[k + n][:1].isupper()


def _before(p: Paragraph, i: int) -> int:
    """The token before a state's mention at token i, over an article ("the Philippines")."""
    return i - 1 - (i > 1 and p.folded[i - 1] == "the")


def _ends_with(p: Paragraph, k: int, keys) -> bool:
    """Whether one of the phrases `keys` ends at token k."""
    return any(tuple(p.folded[k + 1 - len(key):k + 1]) == key for key in keys if k + 1 >= len(key))


def _compared(p: Paragraph, i: int) -> bool:
    """"like China", "more than Japan", "ahead of Indonesia and Malaysia": a state held up for
    comparison (the first of a list, or a state listed after it)."""
    k = _before(p, i)
    while k > 1 and p.folded[k] in ("and", ",", "or") and p.words[k - 1][:1].isupper():
        k -= 1  # ("ahead of Indonesia and Malaysia": back over the list to its first state)
        while k > 0 and p.words[k][:1].isupper():
            k -= 1
    if k > 1 and p.folded[k] in ("of", "with", "in") and p.folded[k - 1] in ("that", "those"):
        k -= 2  # "faster than those of India", "like that with China"
    return k >= 0 and (p.folded[k] in COMPARISON_WORDS or _ends_with(p, k, COMPARISON_PHRASES))


def _other_stop(p: Paragraph, i: int) -> bool:
    """"arrived from Cambodia", "will travel on to Laos", "left for Seoul": a traveller's stop
    before the event or after it."""
    k = _before(p, i)
    if k < 1:
        return False
    if p.folded[k] == "from":
        return any(p.folded[t] in ARRIVAL_VERBS for t in range(max(0, k - 3), k))  # ("flew in from")
    if p.folded[k] == "for" and any(p.folded[t] in DEPARTURE_VERBS for t in range(max(0, k - 8), k - 1)) \
            and not any(p.words[t] in SENTENCE_ENDS for t in range(max(0, k - 8), k)):
        return True  # "left Abuja on Monday morning for Namibia"
    return _ends_with(p, k, ONWARD_PHRASES)


def _past_visit(p: Paragraph, i: int) -> bool:
    """"last visited Japan", "visited Japan in 2019", "his previous visit to Japan": a state
    visited before the event."""
    k = _before(p, i)
    if k < 1:
        return False
    if p.folded[k] in VISIT_VERBS:
        if any(p.folded[t] in PAST_VISIT_WORDS for t in range(max(0, k - 2), k)):
            return True
        after = p.folded[i + 1:i + 5]
        return any(w in PAST_TIME_WORDS or w.isdigit() and len(w) == 4 for w in after) or "last" in after
    return (p.folded[k] == "to" and k > 1 and p.folded[k - 1] in ("visit", "trip", "visits", "trips")
            and any(p.folded[t] in PAST_VISIT_NOUNS for t in range(max(0, k - 4), k - 1)))


def _owns_party(p: Paragraph, r: Ref, reg: Registry) -> bool:
    """"Mali's government", "Russia's military-led administration", "China's foreign minister":
    a state's possessive before people or a body that act for it names a party."""
    k = next((j for j in range(r.at + 1, min(r.at + 5, len(p.folded))) if p.folded[j] == "'s"), None)
    return k is not None and _people_follow(p, k + 1, 3, MEMBER_NOUNS, reg)


def _people_follow(p: Paragraph, start: int, limit: int, nouns: frozenset, reg: Registry) -> bool:
    """One of the next `limit` words (before any punctuation) names people or a body acting for a
    state: one of `nouns`, or an office ("G7 leaders", "the Japanese foreign ministers")."""
    return any(p.folded[j] in nouns or longest_match(p.folded, j, reg.titles, 3)[0]
               or p.folded[j][-1:] == "s" and (p.folded[j][:-1],) in reg.titles  # ("the French presidents")
               for j in _plain_words(p, start, limit))


def _plain_words(p: Paragraph, start: int, limit: int) -> list[int]:
    """Up to `limit` token positions from `start` that are words, stopping at the first punctuation."""
    out = []
    for j in range(start, min(start + limit, len(p.words))):
        if not p.words[j][:1].isalnum():
            break
        out.append(j)
    return out


def group_members(p: Paragraph, reg: Registry) -> list[str]:
    """Members of a group of states whose people the paragraph names as acting together
    ("G7 leaders", "foreign ministers from the Group of Eight"): each member takes part."""
    codes: list[str] = []
    for i in list(compress(count(), map(reg.groups.firsts.__contains__, p.folded))):  # a group's first word
        if not p.words[i][:1].isupper():  # not "a group of eight"
            continue
        n, members = longest_match(p.folded, i, reg.groups)
        if not n:
            continue
        k = i - (1 if i and p.folded[i - 1] == "the" else 0)
        before = k >= 2 and p.folded[k - 1] in ("of", "from") and (
            p.folded[k - 2] in MEMBER_NOUNS or longest_match_ending(p.folded, k - 1, reg.titles, 3)[0])
        # "G7 leaders", "the G-20 finance ministers", but not "a meeting of the G7 leaders": a group
        # after a preposition is the setting of the event, not its subject
        after = not (k and p.folded[k - 1] in SETTING_PREPOSITIONS) and _people_follow(p, i + n, 3, MEMBER_NOUNS, reg)
        if before or after:
            codes += members
    return codes


def first_mentions(people, mentions: list[Mention], paras: list[Paragraph], offset: int) -> dict[str, tuple[int, int]]:
    """Each official's first mention in the body: (paragraph, token where the mention begins, its
    title and nationality word included). Title-anchored mentions count even when a short form
    shared by two officials left them unlinked."""
    titled = {(f.para - offset, f.start): f.at for o in people for f in o.mentions}
    out: dict[str, tuple[int, int]] = {}
    for m in mentions:  # in reading order: the first one of a name is its first mention
        if m.name not in out:
            at = _token_at(paras[m.paragraph], m.start)
            out[m.name] = (m.paragraph, min(at, titled.get((m.paragraph, m.start), at)))
    for o in people:
        for f in o.mentions:
            if f.para >= offset:
                out[o.name] = min(out.get(o.name, (f.para - offset, f.at)), (f.para - offset, f.at))
    return out


def involved_countries(persons: tuple[Person, ...], firsts: dict[str, tuple[int, int]],
                       paras: list[Paragraph], refs: list[list[Ref]], reg: Registry,
                       kind: str = "other") -> tuple[str, ...]:
    """States taking part: those of officials the lead introduces as actors (at a summit, where
    the report names its participants all through, those of every serving official named), the
    groups of states and the states the first paragraph names as parties."""
    codes = []
    reach = len(paras) if kind == "summit" else LEAD
    for person in persons:
        pi, at = firsts.get(person.name, (LEAD, 0))
        if kind == "summit" and person.former:
            continue
        if person.country and pi < reach and not _aside(paras[pi], at) and not (pi and _background(paras[pi], at)):
            codes.append(person.country)
    if paras:
        officials_of = {p.country for p in persons if p.country}
        # "X met his counterpart Y in Kyiv": where officials of other states meet, the city is where
        # (at a summit, the host takes part)
        lead_end = _lead_end(paras[0])
        codes += [r.code for r in refs[0] if r.at < lead_end and _party(paras[0], r, reg) and not (
            r.kind == "metonym" and r.after in PLACE_PREPOSITIONS and kind != "summit" and officials_of
            and r.code not in officials_of)]
        codes += group_members(paras[0], reg)
    for pi in range(1, min(LEAD, len(paras))):
        codes += listed_states(paras[pi], refs[pi], reg)
    codes = [c for c in dict.fromkeys(codes) if c != "EU"]
    if not codes:
        # the lead names no state as a party (a summit of an organisation, a feature's lead):
        # the states of the officials the article names take part
        codes = [c for c in dict.fromkeys(p.country for p in persons if p.country and not p.former) if c != "EU"]
    return tuple(codes)


LEAD_SENTENCES = 3  # a first paragraph that runs on (copy without paragraph breaks): its lead


def _lead_end(p: Paragraph) -> int:
    """The token where the first paragraph's lead ends: after its first LEAD_SENTENCES sentences
    (a report sent as one block of text names its parties there, and its background after)."""
    seen = 0
    for k, w in enumerate(p.words):
        if w in SENTENCE_ENDS and (k + 1 == len(p.words) or p.words[k + 1][:1].isupper()
                                   or p.words[k + 1][:1] in "\"“"):
            seen += 1
            if seen == LEAD_SENTENCES:
                return k + 1
    return len(p.words)


def listed_states(p: Paragraph, refs: list[Ref], reg: Registry) -> list[str]:
    """States listed after people who act for them: "the leaders of Serbia, Albania and
    Montenegro", "the foreign ministers of Chile and Peru", "officials from Qatar and Oman"."""
    names = {r.at: r for r in refs if r.kind == "name"}
    if not names:
        return []
    codes, n = [], len(p.folded)
    for k in list(compress(count(), map(LIST_OPENERS.__contains__, p.folded))):  # "of", "from", "included" ...
        if not 1 <= k < n - 1:
            continue
        if p.folded[k] in ROSTER_VERBS:
            # "Countries represented at the meeting included A, B and C": a roster of the states
            # that take part, after the noun of its members at the head of the clause
            t = k - 1
            while t >= 0 and k - t <= 8 and p.folded[t] not in MEMBER_NOUNS and p.words[t][:1].isalnum():
                t -= 1
            if t < 0 or k - t > 8 or p.folded[t] not in MEMBER_NOUNS or t and p.words[t - 1][:1].isalnum() \
                    and p.folded[t - 1] not in ARTICLES:
                continue
        elif not (p.folded[k - 1] in MEMBER_NOUNS or longest_match_ending(p.folded, k, reg.titles, 3)[0]):
            continue
        if _aside(p, k - 1) or _itinerary(p, k):
            continue
        j = k + 1 + (p.folded[k + 1] == "the")
        while j in names:
            codes.append(names[j].code)
            j += longest_match(p.folded, j, reg.country_names)[0] or 1
            while j < n and p.folded[j] in (",", "and", "the") and j not in names:  # ("The Bahamas")
                j += 1
    return codes
