"""Layer 4-5: merge mentions into officials, resolve short forms, attribute countries."""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from generator.extract.lexicon import (AL_PREFIX_IN_RE, HONORIFICS, PARTICLES, RANKS, ROMAN, STOP_NAME_WORDS,
                                       longest_match, longest_match_ending)
from generator.extract.types import Found, Paragraph, Ref
from generator.model import Mention, Person
from generator.registry import Registry
from generator.text import Phrases, fold, tokenize
from generator.words import (EMBASSY_RANKS, POSSESSIVES, SUCCESSION_NOUNS, HEAD_OFFICES, MONARCHIES, MONARCH_OFFICES, TOPIC_PREPOSITIONS, phrase_keys,
                             phrase_set, words)
from generator.words import NAME_SUFFIXES as GENERATIONAL

NEAR_TOKENS = 12
TOPIC_NOUNS = words("topic_nouns")
UNMARKED_HOME = "US"  # see home_country: wire copy in English writes American offices bare


@dataclass
class Official:
    """An official being assembled from several mentions."""

    name: str
    forms: list[str]
    title: str | None = None
    country: str | None = None
    former: bool = False
    counterpart: bool = False
    partner: "Official | None" = None  # for a counterpart: the official whose counterpart they are
    first: Found | None = None
    mentions: list[Found] = field(default_factory=list)
    confidence: float = 0.9


@lru_cache(maxsize=4096)  # merging compares every mention's name with every official's, again and again
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in name.replace("-", " ").split() if fold(t) not in PARTICLES)


def _compatible(a: str, b: str) -> bool:
    """One name is the other, or a first/last word of it ("Wang" ~ "Wang Yi", "Kato" ~ "Katsunobu Kato")."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return (len(short) == 1 and (short[0] in (long_[0], long_[-1]) or _first_surname(short[0], long_, b if long_ is tb else a))
            or long_[-len(short):] == short
            or _first_word(a, b) or _initials_added(ta, tb))


def _initials_added(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """One name is the other with middle initials ("Donald J. Trump" of "Donald Trump")."""
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return len(short) >= 2 and tuple(t for t in long_[1:-1] if len(t.rstrip(".")) > 1) == short[1:-1] \
        and (long_[0], long_[-1]) == (short[0], short[-1])


def _first_word(a: str, b: str) -> bool:
    """One name is a single hyphenated word that begins the other: a compound given name
    written alone ("Sahle-Work" of "Sahle-Work Zewde")."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return "-" in short and " " not in short.strip() and fold(long_).split()[:1] == [fold(short)]


LINEAGE = words("lineage_particles")


def _first_surname(word: str, long_: tuple[str, ...], name: str) -> bool:
    """The first of two surnames, written alone ("Quintana" of "Jorge Luis Quintana Salcedo", "Lula"
    of "Luiz Inacio Lula da Silva"); not in a chain of fathers' names ("bin", "ould"), where the
    word before the last is the father's, another person's name."""
    return len(long_) >= 3 and word == long_[-2] and LINEAGE.isdisjoint(fold(w) for w in name.split())


def _same_office(x: str | None, y: str | None) -> bool:
    """The same office, or one a short form of the other ("Secretary" of "Secretary of State",
    "Minister" of "Foreign Minister"): its words begin or end the other's."""
    if x is None or y is None or fold(x) == fold(y):
        return True
    a, b = _title_key(x), _title_key(y)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_[:len(short)] == short or long_[-len(short):] == short


def _same_person(o: Official, f: Found) -> bool:
    """A later mention is the same person when the names fit and the offices do not clash.

    A short form ("Tusk") refers back to a full name seen earlier whatever office it carries;
    a new full name that merely contains an earlier short one ("Mohammed bin Salman" after
    "King Salman") is someone else when the offices differ.
    """
    if not _compatible(o.name, f.name):
        return False
    if f.weak or o.title is None or f.title is None or _same_office(o.title, f.title):
        return True
    return len(_tokens(f.name)) < len(_tokens(o.name)) or fold(f.name) == fold(o.name)


# Titles that are a rank more than an office ("Ambassador X, Permanent Representative to ..."):
# an office given in the same paragraph is the title.
RANK_TITLES = frozenset((w,) for w in words("envoy_words")) | frozenset(
    tuple(r.split()) for r in phrase_set("military_ranks") | phrase_set("address_ranks"))


def merge(found: list[Found], reg: Registry) -> list[Official]:
    """Group mentions of the same person; the longest name written first is the name."""
    people: list[Official] = []
    for f in found:
        match = next((o for o in people if _same_person(o, f)), None)
        if match is None:
            match = Official(name=f.name, forms=[f.name], first=f)
            people.append(match)
        elif len(_tokens(f.name)) > len(_tokens(match.name)) and not _initials_added(_tokens(f.name),
                                                                                      _tokens(match.name)):
            match.name = f.name  # (a middle initial added later leaves the name as first written)
        if f.name not in match.forms:
            match.forms.append(f.name)
        match.mentions.append(f)
        if f.title and not f.weak and (match.title is None or _title_key(match.title) in RANK_TITLES
                                          and _title_key(f.title) not in RANK_TITLES and match.first.para == f.para):
            # (a rank, "Ambassador X", gives way to the office the next words give: ", Director of ...")
            match.title, match.former = f.title, f.former
        if match.country is None and f.country:
            match.country = f.country
        match.counterpart = match.counterpart or f.counterpart
    for o in people:
        if o.title is None:
            weak = next((m for m in o.mentions if m.title), None)
            if weak:
                o.title, o.former = weak.title, weak.former
                o.confidence = 0.7
    return people


@lru_cache(maxsize=4096)
def _title_key(title: str) -> tuple[str, ...]:
    return tuple(fold(t) for t, _, _ in tokenize(title))


# Prepositions before a name that make it no subject of its clause ("greeted by X", "talks with X").
OBJECT_PREPOSITIONS = frozenset({"by", "with", "to", "from", "of", "for", "at", "on"})


def _counterpart_title(o: Official, people: list[Official], paras: list[Paragraph]) -> str | None:
    """The office of the official `o` is the counterpart of (see `_partner`)."""
    near = _partner(o, people, paras)
    o.partner = near
    return near.title if near is not None else None


def _predecessor_of(o: Official, people: list[Official], paras: list[Paragraph]) -> Official | None:
    """"Lula's predecessor, Jair Bolsonaro", "his far-right predecessor X", "her successor, Y": one
    named as another official's predecessor or successor held (or will hold) that official's office
    (a predecessor held it: `o` is made former)."""
    f = o.first
    p = paras[f.para]
    k = f.at - 1 - (f.at > 0 and p.words[f.at - 1] == ",")
    if k < 1 or p.folded[k] not in SUCCESSION_NOUNS:
        return None
    o.former = o.former or p.folded[k].startswith("pre")
    k -= 1
    while k > 0 and k > f.at - 6 and p.words[k][:1].islower() and p.folded[k] not in POSSESSIVES:
        k -= 1  # ("far-right", "immediate", "long-time": words that describe the predecessor)
    if p.folded[k] in POSSESSIVES:
        q = _partner(o, people, paras)
        return q if q is not None and q is not o and q.title else None
    if p.folded[k] == "'s" and k > 0:
        owner = p.folded[k - 1]
        return next((q for q in people if q is not o and q.title and
                     owner in {fold(w) for form in (q.name, *q.forms) for w in form.split()}), None)
    return None


def _partner(o: Official, people: list[Official], paras: list[Paragraph]) -> Official | None:
    """A counterpart holds the office of the official they are the counterpart of: the one the
    sentence names last before "his counterpart" ("With President X, Y held talks with his
    counterpart Z": Y's office), else the last one named before in the article."""
    f = o.first
    p = paras[f.para]
    text = p.text
    stop = max(text.rfind(c, 0, f.start) for c in ".!?")  # the sentence's start
    near, at, subject, subject_at = None, stop, None, stop
    starts = [a for a, _ in p.spans]
    for q in people:
        if q is o or not q.title:
            continue
        titled = [(m.start, m.end, m.at) for m in q.mentions if m.para == f.para]
        for form in {q.name, *q.forms, q.name.split()[-1]}:  # (the surname alone: "Pino held talks")
            k = text.rfind(form, stop + 1, f.start)
            if k > at:
                near, at = q, k
            if k > subject_at:
                # where the mention starts, its title included ("Ali Babacan" of "... Minister Ali Babacan")
                t = next((a for s, e, a in titled if s <= k < e), None)
                t = bisect_left(starts, k) if t is None else t
                if t == 0 or p.folded[t - 1] not in OBJECT_PREPOSITIONS:
                    subject, subject_at = q, k
    # "X was greeted by Y ... for talks with his counterpart Z": "his" is the subject's (X), not
    # the last one named after a preposition (Y)
    if f.nth is not None:  # "X and Y met their counterparts, Z and W": Z is X's, W is Y's
        k, size = f.nth
        named = sorted(((m.start, q) for q in people if q is not o and q.title and not q.counterpart
                        for m in q.mentions if m.para == f.para and stop < m.start < f.start
                        and (m.at == 0 or p.folded[m.at - 1] not in OBJECT_PREPOSITIONS)), key=lambda x: x[0])
        order: list[Official] = []
        for _, q in named:
            if not any(q is x for x in order):
                order.append(q)
        if len(order) == size:
            return order[k]
    near = subject or near
    if near is not None:
        return near
    before = [p for p in people if p is not o and p.title and p.first and
              (p.first.para, p.first.start) <= (f.para, f.start)]
    return before[-1] if before else None


def attribute(people: list[Official], paras: list[Paragraph], refs: list[list[Ref]],
              reg: Registry, home: str | None) -> None:
    """Give each official a country: their own words, the office, the registry, the context;
    then correct the guesses that put two sides in one state."""
    named = {r.code for para in refs for r in para}
    for o in people:
        _borrow_title(o, people, paras, reg)
        known = reg.officials.get(fold(o.name))
        if known:  # the archive's own data/officials.yaml
            o.name, o.country = known.name, o.country or known.country
            o.title = o.title or known.title
        if not o.country:
            _find_country(o, people, paras, refs, reg, home, named)
    _envoys_are_not_of_their_host(people, refs)
    _one_holder_of_a_sole_office_per_state(people, refs)
    _partners_are_of_other_states(people, refs)


def _borrow_title(o: Official, people: list[Official], paras: list[Paragraph], reg: Registry) -> None:
    """The office of an official named by another's: "Lula's predecessor" holds Lula's office (of
    Lula's state), "his counterpart" the portfolio of the official whose counterpart they are."""
    if o.title is None and not o.counterpart and o.first is not None:
        held = _predecessor_of(o, people, paras)
        if held is not None:  # (the same office of the same state; no surer than what it is taken from)
            o.title = held.title
            if o.country is None:
                o.country, o.confidence = held.country, min(o.confidence, held.confidence)
    if o.counterpart and o.title is None:
        o.title = _counterpart_title(o, people, paras)
        if o.title and ", " in o.title:  # "Minister of Foreign Affairs, African Cooperation and ...":
            o.title = o.title.split(", ")[0]  # the counterpart holds the office, not its other fields
        if o.title and " and " in o.title:  # "Deputy Prime Minister and Foreign Minister X ... his counterpart":
            rank, last = o.title.rsplit(" and ", 1)  # the counterpart's office is the portfolio, the last
            if tuple(fold(last).split()) in reg.titles and tuple(fold(rank).split()) in reg.titles:
                o.title = last
        if o.title and o.first.dest and " to " in o.title:  # "her counterpart to Kenya": "Ambassador to Kenya"
            o.title = o.title[:o.title.index(" to ")] + " " + o.first.dest


def _find_country(o: Official, people: list[Official], paras: list[Paragraph], refs: list[list[Ref]],
                  reg: Registry, home: str | None, named: set[str]) -> None:
    """The country of an official whose own words give none: from the surest source to the least."""
    # an office only one state (or the EU) has gives the country, also for a well-known
    # person who held another state's office before ("President of the European Commission")
    only = next(filter(None, (reg.title_only.get(_office_key(m.title, reg)) for m in o.mentions if m.title)), None)
    if only:
        o.country, o.confidence = only, 0.8
        return
    # a well-known office holder's country is known, whatever the context suggests
    # (a surname alone only for one the text never names in full: "Miguel Correa" is not "Rafael Correa")
    notable = next(filter(None, (_notable(form, reg, surname=len(_title_key(o.name)) == 1)
                                 for form in (o.name, *o.forms))), None)
    if notable:
        o.country, o.confidence = notable, 0.8
        return
    for m in o.mentions:
        if m.title:
            # an office that others have too ("Attorney General", "Foreign Secretary") gives
            # the country only in an article naming that country
            key = _office_key(m.title, reg)
            code = reg.title_home[key] if reg.title_home.get(key) in named else None
            if code:
                o.country, o.confidence = code, 0.8
                return
    if o.first is not None:  # the context: a guess
        o.country = (_represented_state(o, paras, reg) or _embassy_state(o, people, paras) or _escort_state(o, people, paras)
                     or _nearby_country(o.first, paras, refs) or _visitor_state(o, home, paras, refs, reg)
                     or _home_for(o, home, paras, refs, reg))
        o.confidence = 0.5


def _others_named(refs: list[list[Ref]], but: set) -> str | None:
    """The state the article names most, but those of `but` and the EU (places and regions aside)."""
    named = Counter(r.code for para in refs for r in para
                    if r.code not in but and r.code != "EU" and r.kind not in ("place", "region"))
    return named.most_common(1)[0][0] if named else None


def _envoys_are_not_of_their_host(people: list[Official], refs: list[list[Ref]]) -> None:
    """"Ambassador of the Sultanate to the United Kingdom" is not British: a guessed envoy of the
    state they are sent to is of the other side's officials' state, else the state named most."""
    for o in people:
        sent_to = {m.to for m in o.mentions if m.to}
        if o.country in sent_to and o.confidence <= 0.5:
            named = Counter(q.country for q in people if q.country not in sent_to and q.country not in (None, "EU"))
            o.country = named.most_common(1)[0][0] if named else (_others_named(refs, sent_to) or o.country)


def _one_holder_of_a_sole_office_per_state(people: list[Official], refs: list[list[Ref]]) -> None:
    """"The Prime Minister, X, spoke with the Prime Minister of Barbados, Y": X is not Barbadian. A
    sole office has one holder per state: a guessed holder of a state that has a surer one, or
    one named before ("President X met ... President Y, whose government ..."), is another's."""
    for o in people:
        if o.confidence > 0.5 or not o.title or o.former or _title_key(o.title) not in SOLE_OFFICES:
            continue
        held = {q.country for q in people if q is not o and q.country and not q.former
                and q.title and _title_key(q.title) == _title_key(o.title)
                and (q.confidence > 0.5 or q.first is not None and o.first is not None
                     and (q.first.para, q.first.start) < (o.first.para, o.first.start))}
        if o.country in held:
            o.country = _others_named(refs, held) or o.country


def _partners_are_of_other_states(people: list[Official], refs: list[list[Ref]]) -> None:
    """"X held talks with his Japanese counterpart Y in Tokyo": X is not Japanese (a guessed
    partner of an official's own state is of the state named most but that one)."""
    for o in people:
        q = o.partner
        if q is not None and o.country and q.country == o.country and q.confidence <= 0.5:
            q.country = _others_named(refs, {o.country}) or q.country


def _notable(name: str, reg: Registry, surname: bool = True) -> str | None:
    """The state of a well-known office holder by the name as written: whole ("Tamim bin Hamad
    Al-Thani", a hyphen or not), or, for a titled surname alone ("President Santos"), the state
    every well-known holder of that surname serves (none when they serve different states)."""
    key = _title_key(name)
    code = reg.notables.get(key)
    if code is None and "-" in name:
        code = reg.notables.get(tuple(fold(t) for t in name.replace("-", " ").split()))
    if code is None and surname and len(key) == 1:
        codes = _surnames(reg.notables).get(key[0], ())
        code = next(iter(codes)) if len(codes) == 1 else None
    return code


_SURNAMES: list = [None, {}]  # the table they were made from, and surname -> the states of its holders


def _surnames(table: Phrases) -> dict[str, set[str]]:
    """Each well-known office holder's last name (of a name of two words or more) and the states
    of those who bear it, made once per table."""
    if _SURNAMES[0] is not table:
        out: dict[str, set[str]] = {}
        given = {key[0] for key in table}
        for key in table:
            # ("Tamim bin Hamad": no surname; "Ali", a given name of others, is no one's surname alone)
            if len(key) >= 2 and PARTICLES.isdisjoint(key) and key[-1] not in given:
                out.setdefault(key[-1], set()).add(table[key])
        _SURNAMES[:] = [table, out]
    return _SURNAMES[1]


def _office_key(title: str, reg: Registry) -> tuple[str, ...]:
    """A title's folded words without rank prefixes an office only one state has keeps its
    owner under ("deputy trade representative" is still the United States')."""
    key = _title_key(title)
    while len(key) > 1 and key[0] in RANK_PREFIXES and key not in reg.title_only:
        key = key[1:]
    return key


ENVOY_WORDS = words("envoy_words")


REPRESENTING = words("representing_verbs")
AUXILIARIES = words("auxiliary_verbs")


def _represented_state(o: Official, paras: list[Paragraph], reg: Registry) -> str | None:
    """"Ruritania is represented by X at the summit", "X represented Ruritania": the state the
    official stands for, in so many words."""
    said = [p for p in paras if not REPRESENTING.isdisjoint(p.vocab)]
    if not said:
        return None
    forms = {tuple(fold(t) for t in f.split()) for f in (o.name, *o.forms)}
    forms |= {(k[-1],) for k in forms if len(k) > 1}  # (the surname alone)
    for p in said:
        for i, w in enumerate(p.folded):
            if w not in REPRESENTING:
                continue
            if i + 1 < len(p.folded) and p.folded[i + 1] == "by":  # "<state> is represented by X"
                if any(tuple(p.folded[i + 2:i + 2 + len(k)]) == k for k in forms):
                    b = i
                    while b > 0 and p.folded[b - 1] in AUXILIARIES:
                        b -= 1
                    size, code = longest_match_ending(p.folded, b, reg.country_names)
                    if size:
                        return code
            else:  # "X represented <state>", "X will represent <state>"
                b = i
                while b > 0 and p.folded[b - 1] in AUXILIARIES:
                    b -= 1
                if any(tuple(p.folded[b - len(k):b]) == k for k in forms if len(k) <= b):
                    size, code = longest_match(p.folded, i + 1, reg.country_names)
                    if size:
                        return code
    return None


def _embassy_state(o: Official, people: list[Official], paras: list[Paragraph]) -> str | None:
    """An embassy's staff ("the embassy's first secretary", "the military attaché") serve the
    state of the envoy named before them."""
    f = o.first
    p = paras[f.para]
    staff = (o.title is not None and _title_key(o.title) in EMBASSY_RANKS
             or f.at >= 2 and p.folded[f.at - 1] == "'s" and p.folded[f.at - 2] == "embassy")
    if not staff:
        return None
    envoys = [q for q in people if q is not o and q.country and q.title and q.first is not None
              and (q.first.para, q.first.start) < (f.para, f.start)
              and not ENVOY_WORDS.isdisjoint(_title_key(q.title))]
    return envoys[-1].country if envoys else None


ESCORT_WORDS = words("escort_words")
INCLUDING_WORDS = words("listing_verbs")  # ("consisted of", "included")
DELEGATION_NOUNS = words("side_nouns")


def _escort_state(o: Official, people: list[Official], paras: list[Paragraph]) -> str | None:
    """"Accompanying him were the ministers of A and B, X and Y", "Z was accompanied by W": a
    delegation serves the state of the official it accompanies, the one named last before it."""
    f = o.first
    p = paras[f.para]
    k = f.at
    while k > 0 and p.words[k - 1] not in (".", "!", "?", ";") and p.folded[k - 1] not in ESCORT_WORDS \
            and p.folded[k - 1] not in INCLUDING_WORDS:
        k -= 1
    if k == 0 or p.folded[k - 1] not in ESCORT_WORDS and p.folded[k - 1] not in INCLUDING_WORDS:
        return None
    if p.folded[k - 1] in INCLUDING_WORDS:  # "X headed the delegation, which included Y": Y is X's side
        s = k - 1
        while s > 0 and p.words[s - 1] not in (".", "!", "?", ";"):
            s -= 1
        if not DELEGATION_NOUNS.intersection(p.folded[s:k - 1]):
            return None
    named = _named_by_office(o, people, p, f.para, k - 1)
    if named is not None:
        return named
    near, at = None, (-1, -1)
    for q in people:
        if q is o or not q.country:
            continue
        for m in q.mentions:
            if (m.para, m.start) < (f.para, p.spans[k - 1][0]) and (m.para, m.start) > at:
                near, at = q, (m.para, m.start)
    return near.country if near else None


def _named_by_office(o: Official, people: list[Official], p: Paragraph, pi: int, k: int) -> str | None:
    """The state of the one official whose office alone the sentence names before token k ("The
    Prime Minister was accompanied by"), when it names no one there by name."""
    s = k
    while s > 0 and p.words[s - 1] not in (".", "!", "?", ";"):
        s -= 1
    lo, hi = p.spans[s][0], p.spans[k][0]
    if any(m.para == pi and lo <= m.start < hi for q in people for m in q.mentions):
        return None
    span = p.folded[s:k]
    held = [q for q in people if q is not o and q.country and q.title and _contains(span, _title_key(q.title))]
    return held[0].country if held and len({q.country for q in held}) == 1 else None


def _contains(words_: list[str], part: tuple[str, ...]) -> bool:
    n = len(part)
    return n > 0 and any(tuple(words_[i:i + n]) == part for i in range(len(words_) - n + 1))


RANK_PREFIXES = words("rank_prefixes")
# Offices one person holds in a state at a time: two holders named in one report serve two states.
SOLE_OFFICES = phrase_keys("sole_offices")
SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "“", ";"})


def anaphoric_titles(people: list[Official], paras: list[Paragraph], reg: Registry, home: str | None) -> None:
    """An official the text names without an office, then refers back to by it: "Kim Jong Un
    said ... the North Korean leader wants", "Mr. Obama met ... The president told reporters".

    An office with a nationality word that is the official's own is taken anywhere after the
    first mention; a bare one ("The president") only where it opens a sentence, for one of the
    heads of the country the story is told from, when no other official holds that office."""
    for o in people:
        if o.title or not o.country or o.first is None:
            continue
        found = None
        for pi in range(o.first.para, len(paras)):
            p, n = paras[pi], len(paras[pi].folded)
            for k in range(n - 1):
                if p.folded[k] != "the" or pi == o.first.para and p.spans[k][0] < o.first.end:
                    continue
                j, code = k + 1, None
                size, codes = longest_match(p.folded, j, reg.demonyms)
                if size:
                    j, code = j + size, codes[0]
                size, kind = longest_match(p.folded, j, reg.titles)
                if not size or kind == "counterpart":
                    continue
                end = j + size
                if end < n and (p.words[end][:1].isupper() or p.folded[end] in ("of", "for")
                                or p.folded[end] == "," and _named_after_comma(p, end, reg)
                                or p.folded[end] == "'s" and code is None):
                    continue  # "the president, X", "the president of ...": not a reference back
                    # (but "the Palestinian leader's compound" and "the prime minister, an aide said" are)
                key = tuple(p.folded[j:end])
                if code is not None:
                    if code != o.country:
                        continue
                elif not (o.country == home and key in HEAD_OFFICES and (k == 0 or p.words[k - 1] in SENTENCE_OPENERS)):
                    continue
                if any(q is not o and q.title and _title_key(q.title) == key for q in people):
                    continue
                found = p.text[p.spans[j][0]:p.spans[end - 1][1]]
                break
            if found:
                break
        if found:
            o.title, o.confidence = found, 0.6


def _named_after_comma(p: Paragraph, comma: int, reg: Registry) -> bool:
    """Whether a name may follow the comma at token `comma` ("the president, X"): a capitalised
    word that is no agency's name ("the prime minister-elect, MENA quoted ..." refers back)."""
    k = comma + 1
    if k >= len(p.words):
        return True
    return p.words[k][:1].isupper() and not (p.words[k].isupper() and p.folded[k] in reg.agencies)


def _paired(refs: list[Ref]) -> set[int]:
    """Where "between A and B" names two states: the pair is what is talked about, not whose
    official follows ("talks between Ukraine and Russia, Foreign Minister X")."""
    out = set()
    for a, b in zip(refs, refs[1:]):
        if a.after == "between" and b.after == "and":
            out.update((a.at, b.at))
    return out


def _nearby_country(f: Found, paras: list[Paragraph], refs: list[list[Ref]]) -> str | None:
    """The country named shortly before the mention in its sentence ("in Cambodia ... Prime Minister X")."""
    p = paras[f.para]
    paired = _paired(refs[f.para])
    for r in reversed(refs[f.para]):
        if not r.describes and r.at not in paired and r.at < f.at and f.at - r.at <= NEAR_TOKENS \
                and not any(w in (".", "!", "?", ";") for w in p.words[r.at:f.at]) and not _topic(p, r):
            return r.code
    return None


def _topic(p: Paragraph, r: Ref) -> bool:
    """A state named as what is talked about ("talks on Syria", "the situation in Syria"): it
    says nothing of whose the official named after it is."""
    return r.after in TOPIC_PREPOSITIONS or r.after == "in" and r.at > 1 and p.folded[r.at - 2] in TOPIC_NOUNS




VISITING = words("visitor_words")
RECEPTION_VERBS = words("reception_verbs")
TRAVEL_VERBS = words("travel_verbs")


def _visitor_state(o: Official, home: str | None, paras: list[Paragraph], refs: list[list[Ref]],
                   reg: Registry) -> str | None:
    """"The President received the visiting Foreign Minister X": a visitor is not of the home
    state; of the other state the article names most, if there is one."""
    f = o.first
    p = paras[f.para]
    if home is None:
        return None
    named = Counter(r.code for para in refs for r in para if r.code not in (home, "EU") and r.kind != "region")
    before = f.at > 0 and p.folded[f.at - 1] in VISITING or f.at > 1 and p.folded[f.at - 1] == "the" \
        and p.folded[f.at - 2] in VISITING
    if not before:  # "X has received Brigadier General Y": the one received is a visitor when one
        k = f.at    # other state stands out (a president also receives his own ministers)
        while k > 0 and f.at - k < 3 and (p.folded[k - 1] in ("the", "a") or p.words[k - 1][:1].isupper()
                                           and p.words[k - 1][0].isalpha()):
            k -= 1
        top = named.most_common(2)
        before = k > 0 and p.folded[k - 1] in RECEPTION_VERBS and bool(top) and top[0][1] >= 2 \
            and (len(top) == 1 or top[0][1] > top[1][1])
    if not before:  # "X arrived in Hanoi", "X travelled to Vietnam": a visitor to the home state
        end = bisect_left([a for a, _ in p.spans], f.end)
        went = next((k for k in range(end, min(end + 4, len(p.words))) if p.folded[k] in TRAVEL_VERBS), None)
        if went is None or not any(went < r.at <= went + 3 and r.code == home for r in refs[f.para]):
            return None
    if named:
        return named.most_common(1)[0][0]
    # no other state named: the one whose offices English-language copy leaves unmarked, if not home
    title = _title_key(o.title) if o.title else ()
    return UNMARKED_HOME if home != UNMARKED_HOME and title not in reg.not_offices.get(UNMARKED_HOME, ()) else None


def _home_for(o: Official, home: str | None, paras: list[Paragraph], refs: list[list[Ref]],
              reg: Registry) -> str | None:
    """The home country, unless it has no such office (the United States has no king):
    then the country named nearest to the mention. When the text names no other country (a
    bare "President X" in a report on a visit to a kingdom), the office is that of the country
    whose offices English-language copy leaves unmarked, the United States, if it has one."""
    title = _title_key(o.title) if o.title else ()
    monarch = title in MONARCH_OFFICES
    if home is None or not (title in reg.not_offices.get(home, ()) or monarch and home not in MONARCHIES):
        return home
    f = o.first

    def fits(r: Ref) -> bool:  # another state, and a monarchy for a monarch's office
        return r.code != home and (not monarch or r.code in MONARCHIES)
    # the state named nearest before the mention, not as one of a pair talked about; else the
    # state the article names most ("talks between A and B, Foreign Minister X met ...")
    paired = _paired(refs[f.para])
    before = [r for r in refs[f.para] if fits(r) and r.at not in paired and r.at < f.at]
    if before:
        return before[-1].code
    named = Counter(r.code for para in refs for r in para if fits(r))
    if named:
        return named.most_common(1)[0][0]
    return UNMARKED_HOME if title not in reg.not_offices.get(UNMARKED_HOME, ()) else home


def protagonist_state(found: list[Found], reg: Registry, offset: int = 0,
                      paras: list[Paragraph] = ()) -> str | None:
    """The state of the first official the body names by an office written bare ("The Amir
    Sheikh X met ...", "President X received ..."), when who they are is known (data/notables.yaml):
    the copy leaves its own side's offices unmarked, so that is the state it writes from (not
    a visitor's: "Visiting Foreign Minister X met ...")."""
    for f in found:
        if f.para < offset or f.weak or f.counterpart or not f.title:
            continue
        if paras and f.at > 0 and paras[f.para].folded[f.at - 1] in VISITING:
            return None
        if f.country is None:
            return _notable(f.name, reg)
        return None  # the first official is marked with a state: no evidence either way
    return None


def home_country(refs: list[list[Ref]], reg: Registry, agency: str | None = None,
                 where: str | None = None, filed: str | None = None, marked: set[str] = frozenset(),
                 lead: str | None = None) -> str | None:
    """The country whose offices the article leaves unmarked.

    Copy writes its own country's offices bare ("President Obama", "Foreign Minister X" in a
    Yonhap report). A dateline's agency says whose copy it is, unless it files from another state
    and marks its own state's officials but not the host's: then the host's are the bare ones. A report filed from another
    country writes that country's offices bare, unless it is about the United States more than
    about that country ("SEOUL — ... President Trump"). Otherwise, where the article refers to the
    United States at all, the United States (English-language copy is mostly American); else the
    country where the event took place, whose hosts are named bare; else the country named most.
    """
    counts = Counter(r.code for para in refs for r in para if r.code != "EU" and r.kind not in ("place", "region"))
    if agency and fold(agency.strip()) in reg.agencies:
        own = reg.agencies[fold(agency.strip())]
        if filed and filed != own:
            # filed from another state, the copy leaves bare the offices of the side it does not
            # mark: "President X met visiting Chinese Foreign Minister Y" (the host's bare), "Foreign
            # Minister X met her Peruvian counterpart" (the agency's own bare)
            # (`marked`: the states of officials the text names with their state)
            if own in marked and filed not in marked:
                return filed
        return own
    if filed and filed != "US" and counts.get(filed, 0) > counts.get("US", 0):
        return filed
    # the states the copy marks: of officials and of people acting for a state ("the US delegation")
    marked = set(marked) | {r.code for para in refs for r in para if r.describes}
    if filed and filed != "EU" and marked and filed not in marked:
        return filed  # "TOKYO - Foreign Minister X called Y, Secretary of State of the United States"
    if lead:
        return lead  # ("The Amir X met President Y of Z", filed from a summit abroad)
    if where and where != "US" and counts.get("US", 0) <= counts.get(where, 0):
        return where  # (a readout at the Akorda that mentions the United States once)
    if counts.get("US"):
        return "US"
    if where:
        return where
    return counts.most_common(1)[0][0] if counts else None


# a name's generational suffix or regnal number ("Jr.", "II") is no short form of it
NAME_SUFFIXES = GENERATIONAL | frozenset(fold(r) for r in ROMAN)


def _other_given_name(p: Paragraph, i: int, table, reg: Registry | None) -> bool:
    """Whether the capitalised word before token i is the given name of someone else: "Melania"
    before "Trump" when only Donald Trump is in the article. A title, an honorific, a country or
    demonym, a common capitalised word or a name of the article's own officials is not."""
    if i == 0 or not p.words[i - 1][:1].isupper():
        return False
    prev = p.folded[i - 1]
    if prev in HONORIFICS or prev + "." in HONORIFICS or prev in STOP_NAME_WORDS or prev in table.firsts or not p.words[i - 1].isalpha():
        return False
    if prev in STYLES or prev in RANKS:
        return False
    if reg is not None and ((prev,) in reg.country_names or (prev,) in reg.demonyms
                            or prev in _title_words(reg.titles)):
        return False
    return True


# forms of address that stand before a surname and are no one's given name
STYLES = words("address_styles")
_TITLE_WORDS: list = [None, frozenset()]  # the titles table last asked about, and its words


def _title_words(titles) -> frozenset:
    """Every word of every title ("secretary" of "Secretary of State"): a title word before a
    surname is a title, not a given name. (Kept for the one table in use, held so it is that one.)"""
    if _TITLE_WORDS[0] is not titles:
        _TITLE_WORDS[:] = [titles, titles.words()]
    return _TITLE_WORDS[1]


class _NameTable:
    """An article's few names as a table `longest_match` reads (`trie`, `longest`, `firsts`):
    built directly, without what a large shared table needs (Phrases' reversed trie, shared leaves)."""

    def __init__(self, items: dict):
        self.trie: dict = {}
        self.longest = max((len(k) for k in items), default=1)
        self.firsts = frozenset(k[0] for k in items)
        for key, value in items.items():
            node = self.trie
            for token in key:
                node = node.setdefault(token, {})
            node[None] = value


def link_mentions(people: list[Official], paras: list[Paragraph], reg: Registry | None = None) -> list[Mention]:
    """Every place a paragraph names an official, by full name or a short form of it.

    A one-word short form ("Trump") right after a given name that is not the official's
    ("Melania Trump") names someone else, and is no mention."""
    forms: dict[tuple[str, ...], str | None] = {}
    for o in people:
        for form in o.forms + [o.name]:
            forms[tuple(fold(t) for t in form.split())] = o.name
    full = set(forms)
    for o in people:
        # (a two-letter surname counts, "Hu" or "Wu", unless it is a common word: "He" stays a pronoun)
        words = [w for w in o.name.split() if fold(w) not in PARTICLES and fold(w) not in NAME_SUFFIXES
                 and (len(w) > 2 or len(w) == 2 and w[0].isupper() and w[1].islower()
                      and fold(w) not in STOP_NAME_WORDS)]
        for w in {words[0], words[-1]} if words else ():
            key = (fold(w),)
            if key[0] in STOP_NAME_WORDS or reg is not None and key[0] in reg.titles.firsts or key in full:
                continue  # "Foreign" or "Minister" alone names nobody; a full name stays its owner's
            forms[key] = o.name if forms.get(key, o.name) == o.name else None
    table = _NameTable({k: v for k, v in forms.items() if v})
    out = []
    firsts = table.firsts
    for pi, p in enumerate(paras):
        nxt = 0
        starts = [k for k in p.caps if p.folded[k] in firsts]
        if "-" in p.text and AL_PREFIX_IN_RE.search(p.text):  # "al-Assad" starts with a small letter
            starts = sorted(set(starts) | {k for k, w in enumerate(p.words)
                                           if w[:1].islower() and "-" in w and p.folded[k] in firsts})
        for i in starts:
            if i < nxt:
                continue
            n, name = longest_match(p.folded, i, table)
            if n == 1 and (p.folded[i],) not in full and _other_given_name(p, i, table, reg):
                continue
            if n:
                out.append(Mention(pi, p.spans[i][0], p.spans[i + n - 1][1], name))
                nxt = i + n
    return out


def fuller_names(people: list[Official], paras: list[Paragraph]) -> None:
    """"Obama" becomes "Barack Obama" when the text wrote the full name before any titled mention."""
    for o in people:
        if len(o.name.split()) != 1 or o.first is None:
            continue
        target = fold(o.name)
        for pi, p in enumerate(paras[:o.first.para + 1]):
            limit = o.first.at if pi == o.first.para else len(p.words)
            for i in range(1, min(limit, len(p.words))):
                if p.folded[i] != target:
                    continue
                b = i
                while (b > 0 and i - b < 3 and p.words[b - 1][:1].isupper() and p.words[b - 1].isalpha()
                       and p.folded[b - 1] not in STOP_NAME_WORDS and p.folded[b - 1] not in HONORIFICS):
                    b -= 1
                if b < i:
                    o.name = p.text[p.spans[b][0]:p.spans[i][1]]
                    o.forms.append(o.name)
                    break
            else:
                continue
            break


def to_persons(people: list[Official], roles: dict[str, str]) -> tuple[Person, ...]:
    """The finished officials, in order of first mention, each with their role (name -> role)."""
    return tuple(Person(name=o.name, title=o.title, country=o.country, former=o.former,
                        aliases=tuple(f for f in o.forms if f != o.name), confidence=o.confidence,
                        role=roles[o.name])
                 for o in people)
