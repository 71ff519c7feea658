"""Token-level look-ups against the registry's tables (pure helpers)."""
from __future__ import annotations

import re

from generator.text import Phrases, fold
from generator.words import (EXACT_HONORIFICS, MONTH_SURNAMES, NAME_PARTICLES, NAME_SUFFIXES, POST_NOMINALS,
                             PRONOUN_SURNAMES, phrase_set, words)
from generator.words import HONORIFICS as HONORIFIC_PHRASES

STOP_NAME_WORDS = words("stop_name_words")
LOWER_HONORIFICS = words("lower_honorifics")
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
        if folded[n] == "the" and n + 1 < end:  # ", the Honourable X", "Her Excellency the Right Honourable X"
            size = honorifics_at(folded, words, n + 1)
            size = size + 1 if size else 0
        elif folded[n] in LOWER_HONORIFICS and words[n].islower() and n + 1 < end and words[n + 1][:1].isupper():
            size = 1  # "don X Y"
        elif words[n][:1].isupper():
            size, _ = longest_match(folded, n, HONORIFIC_PHRASES)
            if not size and words[n] in EXACT_HONORIFICS.firsts:
                size, _ = longest_match(words, n, EXACT_HONORIFICS)
        if not size:
            break
        n += size
    return n - k


TRANSPARENT = words("transparent_words")
CONTRACTION_RE = re.compile(r"['’](?:ve|ll|re|d|m|t)$", re.I)
_AL = "|".join(sorted(words("al_prefixes"), key=len, reverse=True))
AL_PREFIX_RE = re.compile(rf"^(?:{_AL})-[A-Z]")        # a token that is such a name
# A text with such a name in it: the same, searched from its hyphen (the engine then skips from
# one hyphen to the next instead of trying every position), the prefix looked for behind it
# (a look-behind has one width: one per length of prefix).
_AL_BEHIND = "|".join(rf"(?<=\b(?:{'|'.join(w for w in _AL.split('|') if len(w) == n)})-)"
                      for n in sorted({len(w) for w in _AL.split("|")}, reverse=True))
AL_PREFIX_IN_RE = re.compile(rf"-(?:{_AL_BEHIND})[A-Z]")
ROMAN = frozenset("II III IV V VI VII VIII IX X XI XII".split())
RANKS = phrase_set("military_ranks")


def longest_match(folded: list[str], i: int, table: Phrases, maxlen: int | None = None) -> tuple[int, object]:
    """Length and value of the longest key of `table` (at most `maxlen` tokens) starting at token
    i >= 0 (0 when none)."""
    n = len(folded)
    node = table.trie.get(folded[i]) if i < n else None
    if node is None:
        return 0, None
    stop = i + (maxlen or table.longest)  # the walk ends before token `stop` or the last token
    if stop > n:
        stop = n
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
