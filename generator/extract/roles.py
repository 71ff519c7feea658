"""Each official's role in the reported event: a participant, or only mentioned.

An official takes part when some sentence puts them in a slot of the event: the subject or the
object of a verb of meeting, receiving, calling, visiting, signing or attending ("X met Y",
"Y was received by X", "talks with Y", "the meeting was attended by Z"). A sentence gives no
such evidence when

- the event is not this one: planned ("is scheduled to meet", "will visit", "invited X to
  visit") or long past (a year before the article's, "last month");
- the official only stands in a genitive of something else: "the greetings of President X",
  "the invitation of X", "statements by X", "X's policy" (a possessive is never a slot);
- the verb belongs to a clause the official reports ("X said the two leaders met ...",
  "according to X"), or stands inside a quotation.

Officials named only in a caption are pictured, so they take part. When no sentence gives
evidence for anyone, the first official the text names is taken as taking part: a readout
leads with its protagonist.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from generator.extract.people import Paragraph
from generator.extract.speech import sentences
from generator.model import ROLES, Mention

PARTICIPANT, MENTIONED = ROLES

# Verbs (and a few fixed phrases) that report taking part in an event, as a regular expression
# over a sentence's words.
EVENT_RE = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|talked|talk|received|receives|receiving|hosted|hosts|hosting|welcomed|welcomes|"
    r"greeted|greets|greeting|visited|visiting|visits|arrived|arrives|called|phoned|spoke|speaks|"
    r"conversation|discussed|discusses|discussion|discussions|exchanged|signed|signs|inked|attended|"
    r"attending|attend|accompanied|accompanying|participated|participating|presence|co-chaired|chaired|"
    r"visit|trip|tour|press conference|news conference|conference|negotiations|"
    r"briefed|informed|told|conveyed|assured|congratulated|thanked|presented|in the meeting|"
    r"at the meeting|during the meeting|interlocutors?|counterparts?|delegation|summit|audience|courtesy call)\b",
    re.I)
# Words before a verb that make its event one that has not happened yet.
FUTURE_RE = re.compile(r"\b(?:will|would|shall|to|scheduled|expected|plans?|planned|invited|invites|invite|"
                       r"upcoming|next|forthcoming)\s+(?:\w+\s+){0,2}$", re.I)
# Time phrases that put a sentence's event in the past, before this one.
PAST_RE = re.compile(r"\b(?:last (?:year|month|week)|previously|in the past|years? ago|months? ago|"
                     r"(?:in|since) (?:1[89]|20)\d\d)\b", re.I)
# Nouns whose "of" or "by" complement names someone who is not there: their greetings, their
# invitation, statements by them.
ABSENT_NOUNS = frozenset("""greetings greeting invitation message messages letter letters commitment
policy policies statement statements remarks words government administration behalf wishes regards
congratulations condolences instructions instruction directive directives decision decisions plan
plans proposal initiative initiatives leadership vision agenda legacy tenure era death funeral
successor predecessor resignation election re-election spokesman spokeswoman spokesperson office
envoy representative call calls request support stance position views view""".split())
# Words that can stand in an official's noun phrase before the name: "the President of the
# Republic of X", "his Chilean counterpart Y".
NP_GLUE = frozenset("of the and for to on in former his her its their counterpart visiting new then "
                    "s ' ’ , mr. mrs. ms. dr. h.e. hon. he hh".split())
# A clause reporting on the event: what follows is what someone said happened.
REPORT_RE = re.compile(r"\b(?:said|says|told journalists|noted|stated|added|explained|according to|"
                       r"quoted|quotes|tweeted|wrote|reported|announced|confirmed|specified)\b", re.I)
QUOTED_RE = re.compile(r"[\"“][^\"”]*[\"”]")


def _blank_quotes(text: str) -> str:
    """The text with every quotation blanked out (same length, so offsets hold)."""
    return QUOTED_RE.sub(lambda m: " " * len(m.group()), text)


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    k = bisect_right([s for s, _ in spans], pos) - 1
    return spans[max(k, 0)]


def _absent_slot(text: str, start: int) -> bool:
    """Whether the noun phrase ending in the name at `start` is the complement of a noun of absence
    ("the greetings of the President of X, Y"), walking back over its title."""
    words = re.findall(r"[\w.'’-]+|,", text[:start])
    k = len(words) - 1
    while k >= 0:
        w = words[k].lower()
        if words[k][:1].isupper() or w in (",", "'", "’", "s"):
            k -= 1
            continue
        if w in ("of", "by", "from") and k > 0:
            if words[k - 1][:1].isupper():  # "the President of the Republic of X": still the title
                k -= 1
                continue
            prev = words[k - 1].lower() if words[k - 1].lower() != "the" or k < 2 else words[k - 2].lower()
            if prev in ABSENT_NOUNS:
                return True
            if prev in NP_GLUE:
                k -= 1
                continue
            return False
        if w in NP_GLUE:
            k -= 1
            continue
        return False
    return False


def _takes_part(plain: str, s: int, e: int, m: Mention, year: int | None) -> bool:
    """Whether the sentence plain[s:e] (a paragraph with its quotations blanked) puts the official
    named at m in a slot of the event."""
    if not plain[m.start:m.end].strip():
        return False  # named inside a quotation: what someone says, not what happened
    plain = plain[s:e]
    start, end = m.start - s, m.end - s
    if plain[end:end + 2] in ("'s", "’s") or plain[end:end + 2] in ("' ", "’ "):
        return False  # a possessive: "X's policy", "Karamanlis' uncle"
    if _absent_slot(plain, start):
        return False
    if PAST_RE.search(plain) and not re.search(r"\b(?:today|yesterday|this)\b", plain, re.I):
        if year is None or any(int(y) < year for y in re.findall(r"\b(?:1[89]|20)\d\d\b", plain)) \
                or not re.search(r"\b(?:1[89]|20)\d\d\b", plain):
            return False
    report = REPORT_RE.search(plain)
    if report and report.start() < start and "according to" in report.group().lower():
        return False  # "according to X": X tells of the event
    # the verb that governs the name: the event word nearest to it
    near = min(EVENT_RE.finditer(plain), default=None,
               key=lambda ev: ev.start() - end if ev.start() >= end else start - ev.end())
    if near is None or FUTURE_RE.search(plain[max(0, near.start() - 40):near.start()]):
        return False
    if report and report.start() >= end and near.start() > report.start():
        return False  # "X said the two leaders met": the event is in what X reports
    return True


def assign_roles(names: list[str], paras: list[Paragraph], mentions: list[Mention],
                 year: int | None = None) -> dict[str, str]:
    """name -> role for each official named in `names` (in the order of first mention)."""
    by_para: dict[int, list[Mention]] = {}
    for m in mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    roles = {n: MENTIONED for n in names}
    seen = set()
    for pi, p in enumerate(paras):
        ms = by_para.get(pi)
        if not ms:
            continue
        spans = sentences(p) or [(0, len(p.text))]
        plain = _blank_quotes(p.text)
        for m in ms:
            if m.name not in roles:
                continue
            seen.add(m.name)
            if roles[m.name] == PARTICIPANT:
                continue
            s, e = _sentence_of(spans, m.start)
            if _takes_part(plain, s, e, m, year):
                roles[m.name] = PARTICIPANT
    for n in names:
        if n not in seen:
            roles[n] = PARTICIPANT  # named only in a caption, or in a form the body never repeats
    if names and PARTICIPANT not in {roles[n] for n in names if n in seen}:
        roles[names[0]] = PARTICIPANT
    return roles
