"""Who said what: sentences with a speech verb, attributed to the official who speaks."""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress, count

from generator.extract.people import Paragraph
from generator.model import Mention, Statement

SPEECH_RE = re.compile(r"\b(?:said|says|told|added|stressed|noted|urged|warned|insisted|"
                       r"emphasi[sz]ed|stated|declared|explained|argued|called for)\b")
# On ASCII text re.ASCII's \b is Unicode's, and much faster to test at every position.
SPEECH_ASCII_RE = re.compile(SPEECH_RE.pattern, re.ASCII)
PRONOUN_RE = re.compile(r"\b(?:he|she)\s+(?:said|says|told|added|stressed|noted|urged|warned|insisted|"
                        r"emphasi[sz]ed|vowed|pledged|stated|declared|explained|argued)\b", re.I)
STOPS = frozenset({".", "?", "!"})
QUOTES = frozenset('"“‘')
CLOSING = frozenset('"”’')


def sentences(p: Paragraph) -> list[tuple[int, int]]:
    """Sentence spans from the paragraph's tokens: a lone full stop, ? or ! (and a closing quote) ends one.

    Abbreviations and initials keep their stop inside the token, so "Mr. Wang" or "U.S. aid"
    does not end a sentence.
    """
    words, spans, n = p.words, p.spans, len(p.words)
    out, start = [], 0  # start: the token the current sentence starts with
    for i in compress(count(), map(STOPS.__contains__, words)):  # only the stops can end one
        if i + 1 == n or words[i + 1][:1].isupper() or words[i + 1] in QUOTES:
            end = spans[i][1]
            if i + 1 < n and words[i + 1] in CLOSING and (i + 2 == n or words[i + 2][:1].isupper()):
                end = spans[i + 1][1]
            out.append((spans[start][0], end))
            start = i + 1  # (a closing quote ends this sentence and starts the next, as it always has)
    if start < n:
        out.append((spans[start][0], len(p.text)))
    return out


def statements(paras: list[Paragraph], mentions: list[Mention]) -> tuple[Statement, ...]:
    """Statements in reading order; "he said" goes to the official who spoke last."""
    by_para: dict[int, list[Mention]] = {}
    for m in mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    out, last = [], None
    for pi, p in enumerate(paras):
        text = p.text
        # The speech verbs of the whole paragraph at once: a verb is a word or two, so none
        # crosses a sentence's bounds (a stop, a quote, the text's end), and the first one in a
        # sentence is the first one the paragraph has at or after the sentence's start.
        verbs = [m.start() for m in (SPEECH_ASCII_RE if text.isascii() else SPEECH_RE).finditer(text)]
        if not verbs:
            continue
        named = by_para.get(pi, [])
        for s, e in sentences(p):
            k = bisect_left(verbs, s)
            if k == len(verbs) or verbs[k] >= e:
                continue
            v = verbs[k]
            sentence = text[s:e].strip()
            inside = [m for m in named if s <= m.start < e]
            if inside:
                before = [m for m in inside if m.start < v]
                speaker = (before[-1] if before else inside[0]).name
            elif PRONOUN_RE.search(sentence) and last:
                speaker = last
            else:
                continue
            last = speaker
            out.append(Statement(speaker=speaker, text=sentence,
                                 quote='"' in sentence or "“" in sentence or "”" in sentence))
    return tuple(out)
