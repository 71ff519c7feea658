"""Who said what: sentences with a speech verb, attributed to the official who speaks."""
from __future__ import annotations

import re

from generator.extract.people import Paragraph
from generator.model import Mention, Statement

SPEECH_RE = re.compile(r"\b(?:said|says|told|added|stressed|noted|urged|warned|insisted|"
                       r"emphasi[sz]ed|stated|declared|explained|argued|called for)\b")
PRONOUN_RE = re.compile(r"\b(?:he|she)\s+(?:said|says|told|added|stressed|noted|urged|warned|insisted|"
                        r"emphasi[sz]ed|vowed|pledged|stated|declared|explained|argued)\b", re.I)
QUOTES = frozenset('"“‘')
CLOSING = frozenset('"”’')


def sentences(p: Paragraph) -> list[tuple[int, int]]:
    """Sentence spans from the paragraph's tokens: a lone full stop, ? or ! (and a closing quote) ends one.

    Abbreviations and initials keep their stop inside the token, so "Mr. Wang" or "U.S. aid"
    does not end a sentence.
    """
    spans, start, n = [], None, len(p.words)
    for i, w in enumerate(p.words):
        if start is None:
            start = p.spans[i][0]
        if w in (".", "?", "!") and (i + 1 == n or p.words[i + 1][:1].isupper() or p.words[i + 1] in QUOTES):
            end = p.spans[i][1]
            if i + 1 < n and p.words[i + 1] in CLOSING and (i + 2 == n or p.words[i + 2][:1].isupper()):
                end = p.spans[i + 1][1]
            spans.append((start, end))
            start = None
    if start is not None:
        spans.append((start, len(p.text)))
    return spans


def statements(paras: list[Paragraph], mentions: list[Mention]) -> tuple[Statement, ...]:
    """Statements in reading order; "he said" goes to the official who spoke last."""
    by_para: dict[int, list[Mention]] = {}
    for m in mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    out, last = [], None
    for pi, p in enumerate(paras):
        text = p.text
        if not SPEECH_RE.search(text):
            continue
        for s, e in sentences(p):
            sentence = text[s:e].strip()
            verb = SPEECH_RE.search(sentence)
            if not verb:
                continue
            inside = [m for m in by_para.get(pi, []) if s <= m.start < e]
            if inside:
                v = s + verb.start()
                before = [m for m in inside if m.start < v]
                speaker = (before[-1] if before else inside[0]).name
            elif PRONOUN_RE.search(sentence) and last:
                speaker = last
            else:
                continue
            last = speaker
            out.append(Statement(speaker=speaker, text=sentence,
                                 quote=any(q in sentence for q in "\"“”")))
    return tuple(out)
