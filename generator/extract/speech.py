"""Who said what: sentences with a speech verb, attributed to the official who speaks."""
from __future__ import annotations

import re

from generator.model import Mention, Statement

SPEECH_RE = re.compile(r"\b(?:said|says|told|added|stressed|noted|urged|warned|insisted|"
                       r"emphasi[sz]ed|stated|declared|explained|argued|called for)\b")
PRONOUN_RE = re.compile(r"\b(?:he|she)\s+(?:said|says|told|added|stressed|noted|urged|warned|insisted|"
                        r"emphasi[sz]ed|vowed|pledged|stated|declared|explained|argued)\b", re.I)
SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’]*|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, good enough for attribution (abbreviations stay whole)."""
    spans, start = [], 0
    for m in re.finditer(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Lt|Co))(?<!\bMrs|\bSen|\bRep|\bGov|\bGen)"
                         r"(?<!\bU\.S)[.!?][\"”’]?(?=\s+[\"“‘A-Z])", text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()]


def statements(paras: list[str], mentions: list[Mention]) -> tuple[Statement, ...]:
    """Statements in reading order; "he said" goes to the official who spoke last."""
    by_para: dict[int, list[Mention]] = {}
    for m in mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    out, last = [], None
    for pi, text in enumerate(paras):
        for s, e in sentences(text):
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
