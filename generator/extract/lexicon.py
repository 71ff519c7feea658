"""Token-level look-ups against the registry's tables (pure helpers)."""
from __future__ import annotations

import re

from generator.text import Phrases, fold
from generator.words import EXACT_HONORIFICS, MONTH_SURNAMES, NAME_PARTICLES, NAME_SUFFIXES, PRONOUN_SURNAMES
from generator.words import HONORIFICS as HONORIFIC_PHRASES

STOP_NAME_WORDS = frozenset(fold(w) for w in (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
    "July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "The A An In On At And But Or Of For To From With By As He She It They We I His Her Their Its "
    "This That These Those There Here When While After Before During Since If Also However Meanwhile "
    "Earlier Later Last Next Mr. Mrs. Ms. Dr. Sir Madam Both Each Today Yesterday Tomorrow Tonight "
    "Morning Afternoon Evening Night Week Year Day Government Ministry Office Parliament Congress "
    "Senate House Party Council Committee Cabinet Administration Republic Kingdom Union State States "
    "Palace Summit Forum Agency News Times Post Journal Press Associated Reuters Twitter Facebook "
    "Says Said Told Asked Met Meets Visits Visited Called Calls Urged Warned Added Noted Hailed "
    "Who What Where Why How Which Whose Not No Yes All Some Many Most Other Such "
    "Assembly Court Bank Fund Organization Organisation Nations Commission Corps Staff Command Guard "
    "Army Navy Forces Department Service Affairs Bureau Institute Forum Foundation").split())
PARTICLES = NAME_PARTICLES
# Single words of address ("Dr", "Sheikh", "H.E."), for rules that test one token; a name's
# start is read with `honorifics_at`, which also knows the phrases ("His Excellency").
HONORIFICS = frozenset(k[0] for k in HONORIFIC_PHRASES if len(k) == 1) | frozenset(
    fold(k[0]) for k in EXACT_HONORIFICS if len(k) == 1 and "." in k[0])


def honorifics_at(folded: list[str], words: list[str], k: int) -> int:
    """How many tokens of forms of address ("Dr", "Datuk Seri", "H.E. Mr.", "His Excellency")
    start at token k: they are no part of a name. A form written in capitals only ("HE") counts
    only as written, and the others only capitalised, so "he" and the surname "He" stay words."""
    n, end = k, len(folded)
    while n < end and n - k < 6:
        size = 0
        if n == k and folded[n] == "the" and n + 1 < end:  # ", the Honourable X"
            size = honorifics_at(folded, words, n + 1)
            size = size + 1 if size else 0
        elif words[n][:1].isupper():
            size, _ = longest_match(folded, n, HONORIFIC_PHRASES)
            if not size and words[n] in EXACT_HONORIFICS.firsts:
                size, _ = longest_match(words, n, EXACT_HONORIFICS)
        if not size:
            break
        n += size
    return n - k


TRANSPARENT = frozenset({"new", "newly", "elected", "newly-elected", "then", "current", "incumbent",
                         "powerful", "veteran", "longtime", "long-time"})
CONTRACTION_RE = re.compile(r"['’](?:ve|ll|re|d|m|t)$", re.I)
AL_PREFIX_RE = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd)-[A-Z]")
ROMAN = frozenset("II III IV V VI VII VIII IX X XI XII".split())
RANKS = frozenset(fold(w) for w in ("Gen.", "General", "Adm.", "Admiral", "Col.", "Colonel", "Lt. Gen.",
                                    "Maj. Gen.", "Field Marshal", "Marshal", "Commander"))


def longest_match(folded: list[str], i: int, table: Phrases, maxlen: int | None = None) -> tuple[int, object]:
    """Length and value of the longest key of `table` (at most `maxlen` tokens) starting at token
    i >= 0 (0 when none)."""
    node = table.trie.get(folded[i]) if i < len(folded) else None
    if node is None:
        return 0, None
    stop = i + (maxlen or table.longest)  # the walk ends before token `stop` or the last token
    if stop > len(folded):
        stop = len(folded)
    found, j = (0, None), i + 1
    while True:  # node: the keys that start with the tokens i to j - 1
        if None in node:
            found = j - i, node[None]
        if j == stop:
            return found
        node = node.get(folded[j])
        if node is None:
            return found
        j += 1


def longest_match_ending(folded: list[str], end: int, table: Phrases, maxlen: int | None = None
                         ) -> tuple[int, object]:
    """Length and value of the longest key of `table` (at most `maxlen` tokens) ending just before
    token `end` (0 when none)."""
    node = table.rtrie.get(folded[end - 1]) if end >= 1 else None
    if node is None:
        return 0, None
    limit = min(maxlen or table.longest, end)
    found, n = (0, None), 1
    while True:  # node: the keys that end with the n tokens before `end`
        if None in node:
            found = n, node[None]
        if n == limit:
            return found
        node = node.get(folded[end - n - 1])
        if node is None:
            return found
        n += 1
