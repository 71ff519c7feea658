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
from bisect import bisect_left, bisect_right
from itertools import compress, count, repeat

from generator.extract.people import Paragraph
from generator.extract.speech import sentences
from generator.model import ROLES, Mention
from generator.words import alternation, phrase_list, words

PARTICIPANT, MENTIONED = ROLES

# The words of data/words.yaml this module reads, as regular expressions over a sentence's words
# in lower case (a sentence is lowered once).
PRESS = alternation("press_audiences")
# Words that report taking part in an event; one whose object is the press ("told reporters") does not.
EVENT_RE = re.compile(rf"\b(?=[a-z])(?:{alternation('event_words')})\b(?!\s+(?:{PRESS})\b)")
# the first word of each of them: a paragraph with no token among these holds none
EVENT_STARTS = frozenset(phrase.split()[0] for phrase in phrase_list("event_words"))
# Words before a verb that make its event one that has not happened yet.
FUTURE_RE = re.compile(rf"\b(?:{'|'.join(sorted(words('future_words'), key=len, reverse=True))})\s+(?:\w+\s+){{0,2}}$")
# Words that deny the event ("did not meet", "didn't meet", "never visited").
NEGATED_RE = re.compile(r"(?:\bnot|n[’']t|\bnever|\bno)\s+(?:\w+\s+)?$")
# A clause boundary: an event word beyond it is another clause's ("X has pledged ..., but talks ...").
CLAUSE_RE = re.compile(r";\s|\b(?:but|while|whereas|although|though)\b")
# The name as the speaker of a trailing or leading attribution ("..., Ruiz said"; "Ruiz told reporters ...").
SAYS_RE = re.compile(rf"\s*(?:,[^,;]{{1,120}},\s*)?(?:also\s+)?(?:{alternation('teller_verbs')}|told\s+(?:{PRESS}))\b")
# An event word in the setting of a speech verb ("said at a meeting with ..."): where it was said.
SETTING_RE = re.compile(r"\b(?:at|during|in|after|before)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+)?$")
# Time phrases that put a sentence's event in the past, before this one.
PAST_RE = re.compile(r"\b(?:last (?:year|month|week)|previously|in the past|years? ago|months? ago|"
                     r"(?:in|since) (?:1[89]|20)\d\d)\b")
# Nouns whose "of" or "by" complement names someone who is not there: their greetings, their
# invitation, statements by them.
ABSENT_NOUNS = words("absent_nouns")
# Words that can stand in an official's noun phrase before the name: "the President of the
# Republic of X", "his Chilean counterpart Y".
NP_GLUE = words("noun_phrase_glue")
# Past participles that do not end in -ed ("a message sent by X"): their agent did a deed apart
# from the event, unless the participle is one of the event's own ("attended by", "led by").
IRREGULAR_PARTICIPLES = words("irregular_participles")
# A clause reporting on the event: what follows is what someone said happened.
REPORT_RE = re.compile(rf"\b(?:{alternation('report_verbs')}|told\s+(?:{PRESS}))\b")
QUOTED_RE = re.compile(r"[\"“][^\"”]*[\"”]")
QUOTED_NAME_RE = re.compile(r"[\"“][A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4},?[\"”]")
# "They include X, Y and Z", "The ambassadors are X from A, ...": a roster of the event's people.
ROSTER = words("roster_verbs")
ROSTER_RE = re.compile(rf"\W*(?:they|the\s+[a-z-]+(?:\s+[a-z-]+)?)\s+(?:{'|'.join(sorted(ROSTER))})\b")


def _blank_quotes(text: str) -> str:
    """The text with every quotation blanked out (same length, so offsets hold), but for a name
    set in quotation marks ('the ambassador, "Nicholas Hobton",'): that is no one's words."""
    return QUOTED_RE.sub(lambda m: m.group() if QUOTED_NAME_RE.fullmatch(m.group()) else " " * len(m.group()), text)


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    k = bisect_right([s for s, _ in spans], pos) - 1
    return spans[max(k, 0)]


# "a phone call from X", "a video call with X": a call by a medium is the event, its caller in it
CALL_NOUNS = frozenset({"call", "calls"})
MEDIUM_WORDS = frozenset({"phone", "telephone", "video", "telephonic"})


def _absent_slot(text: str, start: int) -> bool:
    """Whether the noun phrase ending in the name at `start` is the complement of a noun of absence
    ("the greetings of the President of X, Y"), walking back over its title."""
    words = re.findall(r"[\w.'’-]+|,", text[:start])
    k = len(words) - 1
    while k >= 0:
        w = words[k].lower().replace("’", "'")
        if words[k][:1].isupper() or w in (",", "'", "’", "s"):
            k -= 1
            continue
        if w in ("of", "by", "from", "to") and k > 0:  # ("greetings to X": X is not there either)
            if words[k - 1][:1].isupper():  # "the President of the Republic of X": still the title
                k -= 1
                continue
            prev = words[k - 1].lower() if words[k - 1].lower() != "the" or k < 2 else words[k - 2].lower()
            if prev in ABSENT_NOUNS and not (prev in CALL_NOUNS and k > 1 and words[k - 2].lower() in MEDIUM_WORDS):
                return True  # (but "a phone call from X": the caller is on the call)
            if w == "by" and prev not in EVENT_STARTS and (prev.endswith("ed") or prev in IRREGULAR_PARTICIPLES):
                return True  # "the initiative proposed by X", "support offered by X": X's deed, not the event
            if prev in NP_GLUE:
                k -= 1
                continue
            return False
        if w in NP_GLUE:
            k -= 1
            continue
        return False
    return False


YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
NOW_RE = re.compile(r"\b(?:today|yesterday|this)\b")


def _facts(sentence: str, events: list[tuple[int, int]], year: int | None
           ) -> tuple[list[tuple[int, int]], bool, re.Match | None]:
    """What a sentence (quotations blanked, in lower case) says of every name in it: its event
    words (`events`, found beforehand), whether its event is past, and its first reporting verb."""
    if not events:
        return events, False, None  # (nobody takes part by this sentence: the rest does not matter)
    past = False
    if PAST_RE.search(sentence) and not NOW_RE.search(sentence):
        years = YEAR_RE.findall(sentence)
        past = year is None or not years or any(int(y) < year for y in years)
    return events, past, REPORT_RE.search(sentence)


def _lower(text: str) -> str:
    """The text in lower case, offsets kept (a character whose lower case is longer stays as it is)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _takes_part(plain: str, low: str, start: int, end: int, facts) -> bool:
    """Whether the sentence `plain` (quotations blanked; `low`: the same in lower case) puts the
    official named at plain[start:end] in a slot of the event."""
    if not plain[start:end].strip():
        return False  # named inside a quotation: what someone says, not what happened
    if plain[end:end + 2] in ("'s", "’s") or plain[end:end + 2] in ("' ", "’ "):
        return False  # a possessive: "X's policy", "Karamanlis' uncle"
    events, past, report = facts
    if past or not events or _absent_slot(plain[max(0, start - 160):start], min(start, 160)):
        return False
    if report and report.start() < start and report.group() == "according to":
        return False  # "according to X": X tells of the event
    # the verb that governs the name: the event word nearest to it, in the name's own clause
    near = min(events, key=lambda ev: ev[0] - end if ev[0] >= end else start - ev[1])
    if CLAUSE_RE.search(low, end, near[0]) if near[0] >= end else CLAUSE_RE.search(low, near[1], start):
        return False
    before = low[max(0, near[0] - 40):near[0]]
    if SAYS_RE.match(low, end) and not (near[0] > end and SETTING_RE.search(before)):
        return False  # the one who tells of the event, not one who takes part in it
    if FUTURE_RE.search(before) or NEGATED_RE.search(before):
        return False  # a planned, possible or denied event
    if report and report.start() >= end and near[0] > report.start() and not SETTING_RE.search(before):
        return False  # "X said the two leaders met": the event is in what X reports
    return True


def assign_roles(names: list[str], paras: list[Paragraph], mentions: list[Mention],
                 year: int | None = None, spans: list | None = None) -> dict[str, str]:
    """name -> role for each official named in `names` (in the order of first mention);
    `spans`: each paragraph's sentences, if already found (speech.sentences)."""
    by_para: dict[int, list[Mention]] = {}
    for m in mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    roles = {n: MENTIONED for n in names}
    seen = {m.name for m in mentions}
    for pi, ms in by_para.items():
        todo = [m for m in ms if roles.get(m.name) == MENTIONED]
        if not todo:
            continue
        para = paras[pi]
        if not ROSTER.isdisjoint(para.vocab):  # a roster names those who take part
            sents = (spans[pi] if spans is not None else sentences(para)) or [(0, len(para.text))]
            for m in todo:
                s, e = _sentence_of(sents, m.start)
                listed = ROSTER_RE.match(_lower(para.text[s:e]))
                if listed and m.start - s >= listed.end():
                    roles[m.name] = PARTICIPANT
        # the tokens an event word starts at, found without a Python loop; none: no name here takes part
        at = list(compress(count(), map(EVENT_STARTS.__contains__, para.folded)))
        if not at:
            continue
        text = para.text
        plain = _blank_quotes(text) if '"' in text or "“" in text else text
        low = _lower(plain)
        # the paragraph's event words, found once (a quotation's are blanked: they never match)
        events = [ev.span() for ev in map(EVENT_RE.match, repeat(low), (para.spans[i][0] for i in at)) if ev]
        if not events:
            continue
        starts = [a for a, _ in events]
        sents = (spans[pi] if spans is not None else sentences(paras[pi])) or [(0, len(text))]
        known: dict[int, tuple] = {}
        for m in todo:
            if roles[m.name] == PARTICIPANT:
                continue
            s, e = _sentence_of(sents, m.start)
            if s not in known:
                inside = events[bisect_left(starts, s):bisect_left(starts, e)]
                known[s] = _facts(low[s:e], [(a - s, b - s) for a, b in inside], year)
            if _takes_part(plain[s:e], low[s:e], m.start - s, m.end - s, known[s]):
                roles[m.name] = PARTICIPANT
    for n in names:
        if n not in seen:
            roles[n] = PARTICIPANT  # named only in a caption, or in a form the body never repeats
    if names and PARTICIPANT not in {roles[n] for n in names if n in seen}:
        roles[names[0]] = PARTICIPANT
    return roles
