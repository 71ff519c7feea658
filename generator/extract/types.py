"""The values every rule module shares: a paragraph's tokens, a mention of an official, a
reference to a country. Rule modules import these from here, never from one another."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, count
from operator import itemgetter, not_

from generator.text import fold, split_tokens
from generator.words import words as word_list

# A day's date as copy writes it in a dateline or a release's place line: "April 16, 2012", "Apr. 16
# 2012", "16 April 2012" (a pattern to build others from)
WRITTEN_DATE = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})"
# "then-President X", "ex-Foreign Minister Y": the prefixes split off an office's first word
HYPHENED_PREFIXES = tuple(sorted(w + "-" for w in word_list("hyphened_time_words")))
_PREFIX_FORMS = tuple(f(w) for w in HYPHENED_PREFIXES for f in (str.lower, str.title, str.upper))  # a cheap test


@dataclass
class Found:
    """One title-anchored mention of an official in one paragraph."""

    name: str
    title: str | None
    country: str | None
    former: bool
    para: int
    start: int
    end: int
    weak: bool = False
    counterpart: bool = False
    at: int = 0  # token index where the mention (its country word or title) starts
    dest: str = ""  # a counterpart envoy's destination as written ("to Kenya")
    to: str | None = None  # the state an envoy is sent to ("Ambassador to Ghana"): not the envoy's own
    nth: tuple[int, int] | None = None  # of a list of counterparts: (place in it, its length)


@dataclass
class Paragraph:
    """A paragraph's tokens, ready for scanning.

    Besides the tokens, what every pass asks of the whole paragraph is kept: `caps`, the tokens
    a name may start at, and `vocab`, the set of its folded tokens. A pass looks for its words
    in a paragraph by one set test, `TRIGGERS.isdisjoint(p.vocab)`, which reads the smaller of
    the two sets (a paragraph's 40 tokens, not a table's thousands of first words), before it
    walks any token; most paragraphs hold none of a pass's words, and the walk is skipped."""

    text: str
    words: list[str]
    folded: list[str]
    spans: list[tuple[int, int]]
    caps: list[int] = field(default_factory=list)  # tokens that start with a capital: where names start
    vocab: frozenset[str] = field(init=False, repr=False, compare=False)  # every folded token, once

    def __post_init__(self) -> None:
        self.vocab = frozenset(self.folded)

    @classmethod
    def of(cls, text: str) -> "Paragraph":
        words, spans = split_tokens(text)
        if "-" in text and any(form in text for form in _PREFIX_FORMS):
            words, spans = _split_prefixes(words, spans)
        # an ASCII word folds to its lower case: lower all the words in one go (no token holds a
        # space, and lower() adds none: were one added, the count would show it)
        folded = " ".join(words).lower().split(" ") if words else []
        if not text.isascii():
            if len(folded) != len(words):
                folded = list(map(fold, words))
            else:
                for i in compress(count(), map(not_, map(str.isascii, words))):
                    folded[i] = fold(words[i])  # accents, curly apostrophes, case folding
        # the tokens whose first character is a capital, found without a Python loop
        caps = list(compress(count(), map(str.isupper, map(itemgetter(0), words))))
        return cls(text, words, folded, spans, caps)


def _split_prefixes(words: list[str], spans: list[tuple[int, int]]) -> tuple[list[str], list[tuple[int, int]]]:
    """"then-President" -> "then", "President": a word of time before a hyphen is a token of its own
    (the hyphen is dropped; the spans still point into the text)."""
    out_w, out_s = [], []
    for w, (s, e) in zip(words, spans):
        low = w.lower()
        for prefix in HYPHENED_PREFIXES:
            n = len(prefix)
            if low.startswith(prefix) and len(w) > n and w[n].isalpha():
                out_w += [w[:n - 1], w[n:]]
                out_s += [(s, s + n - 1), (s + n, e)]
                break
        else:
            out_w.append(w)
            out_s.append((s, e))
    return out_w, out_s


@dataclass(frozen=True)
class Ref:
    """A reference to a country in a paragraph: its token, the code, how it was named."""

    at: int
    code: str
    kind: str          # "name", "demonym", "metonym" or "place" (a city or venue)
    locative: bool     # after "in", "to", "from" ...: it says where, not who
    describes: bool = False  # "the North Korean leader", "the Japanese side": another party, not a place
    possessive: bool = False  # "North Korea's missiles"
    after: str = ""           # the word before it
