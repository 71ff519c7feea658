"""Who said what: sentences that report speech, attributed to the official who speaks, or left out.

A sentence is a statement when a verb of saying in it (outside its quotations) has an official
for its subject:

- the name before the verb, alone or with an appositive ("Kato said", "Wu, chairman of the
  committee, said", "Minister Motegi then explained");
- the name after the verb in the inverted order of a quotation's tail ('..." said Kato',
  '..., explained the undersecretary, Ana Ruiz');
- "saying", "adding" and the like: the subject of the sentence's clause;
- "he said", "she added": the official who spoke last, in this paragraph or the one before.

Left out: a verb whose subject is not an official ("the ministry said", "Kato's office said",
a name inside a quotation), a sentence where two speakers are found (whose words would be
unclear), a link line ("More: ...").

What is kept of a statement is what was said: the quotation, or the reported clause without
its "X said", at most MAX_CHARS long.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress, count, repeat

from generator.extract.people import Paragraph
from generator.model import Mention, Statement
from generator.text import fold
from generator.extract.lexicon import HONORIFICS, STOP_NAME_WORDS
from generator.words import HONORIFICS as ADDRESS_PHRASES
from generator.words import NOT_NAME_NOUNS, alternation, first_words, phrase_list, words

# The verbs of saying, those that need a "that", and the participles: data/words.yaml.
VERBS = alternation("speech_verbs")
THAT_VERBS = alternation("speech_that_verbs")
PARTICIPLES = alternation("speech_participles")
# the first word of every form above: a paragraph with none of them reports no speech
HINTS = first_words("speech_verbs") | first_words("speech_that_verbs") | first_words("speech_participles") | {
    "according"}
SPEECH_RE = re.compile(rf"\b(?:(?P<acc>(?<![a-z] )[Aa]ccording to)|(?P<verb>{VERBS})|(?P<that>(?:{THAT_VERBS})(?=[^.;:\"“”]{{0,60}}?\bthat\b|\s*:|[^.;:\"“”]{{0,80}}?\bas\s+[\"“]))|(?P<part>{PARTICIPLES}))\b")
# On ASCII text re.ASCII's \b is Unicode's, and much faster to test at every position.
SPEECH_ASCII_RE = re.compile(SPEECH_RE.pattern, re.ASCII)
# What may stand between a subject and its verb: an appositive between commas, adverbs.
GAP_RE = re.compile(r"\s*(?:,[^\"“”,]{1,150}(?:,[^\"“”,]{1,80})?,)?\s*"
                    r"(?:(?:also|then|further|again|once again|later|has|had|have|in turn|repeatedly|"
                    r"previously|for (?:his|her) part,?|on (?:his|her) part,?)\s+)*")
FINITE_RE = re.compile(r"(?:[a-z]+ed|[a-z]+s|has|had|was|is|will|would)\b")
# "according to" and the speaker: a title, an appositive comma ("According to the Press Secretary, Ana Ruiz")
ACCORDING_GAP_RE = re.compile(r"\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of|for|and)(?:\s*,)?\s+)*")
# where a pronoun may stand as a clause's subject ("something he said" is another clause's object)
CLAUSE_START_RE = re.compile(r"(?:^|[,;:\"“”—–]|\b(?:and|but|then|as|while|where|when|that|because|so))\s*$")
# the subject that opens a sentence or its first clause: "While President Ruiz ...", "Ruiz ..."
LEADING_SUBJECT_RE = re.compile(r"\W*(?:[^,\"“”]{1,80},\s*)?(?:(?:While|After|As|When|Although|Though|Since|Before|If|Once)\s+)?"
                                r"(?:[A-Z][\w.'’-]*\s+){0,4}")
WORD_RE = re.compile(r"\w")
QUOTE_CHAR_RE = re.compile(r"[\"“”]")
AS_RE = re.compile(r"\s*as\s*$")  # "quotes Ruiz as saying"
COORDINATED_RE = re.compile(r"\s*(?:,|and|&)\s*(?:(?:[A-Z][\w.'’-]*)\s+){0,4}")
# a sentence that hands the word to the other side: its "he" is not who spoke last
OTHER_SIDE_RE = re.compile(r"^\W*(?:for (?:his|her) part|on (?:his|her) part|in response|in turn|for their part)\b",
                           re.I)
# (It opens with the class of its first letters, so that the engine skips from one H or S to the
# next: the word boundary before the letter is the look-behind after it, and each alternative looks
# behind at the letter read. It finds what r"\b(?:[Hh]e|[Ss]he|(?:His|Her) (?:Excellency|...))\b"
# finds, in half the time, as an opening \b makes the engine try every position.)
PRONOUN_RE = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])e|(?<=[Ss])he|(?<=H)(?:is|er) (?:Excellency|Highness|Majesty))\b")
# A sentence that opens with a personal name of two words or more, after a word of description
# ("Analyst Tom Becker ...", "Sarah Mills, a trade expert, ..."), up to its verb.
STRANGER_RE = re.compile(r"\W*(?:[A-Z][a-z]+\s+)?[A-Z][\w'’-]+\s+[A-Z][\w'’-]+\b")
# A person named by no name right before the verb ("Szabo's spokesman", "an aide"), adverbs between.
PERSON_NOUN_RE = re.compile(rf"\b(?:{'|'.join(sorted(words('person_nouns')))})\s+(?:(?:also|later|then)\s+)?$")
INVERTED_BEFORE_RE = re.compile(r"[,\"”]\s*$")
# The tail of an inverted attribution: the words that may stand between the verb and the name.
INVERTED_GAP_RE = re.compile(r"(?:[^\"“”.;:!?]|(?<![a-z])[A-Z][a-z]{0,3}\.){0,160}")
# "said the president." / "said the Chinese foreign minister,": a description after an inverted verb, to the sentence's end
INVERTED_DESCRIPTION_RE = re.compile(r"\s+([Tt]he\s+[A-Za-z-]+(?:\s+[A-Za-z-]+){0,3}(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?)"
                                     r"\s*[.,!?;\"”]*\s*$")
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:of|with|to|by|from|for|on|upon|at|in|and|about|told|met|received)\s*$",
                                   re.I)
LINK_LINE_RE = re.compile(r"^\s*(?:more|read more|see also|related|also read)\s*:", re.I)
QUOTED_RE = re.compile(r"[\"“][^\"“”]*[\"”]")
STOPS = frozenset({".", "?", "!"})
# Forms of address written with a full stop ("Hon.", "Prof."): the stop after one ends no sentence.
ADDRESS_STOPS = frozenset(k[0] for k in ADDRESS_PHRASES if len(k) == 2 and k[1] == ".") | frozenset(
    h[:-1] for h in HONORIFICS if h.endswith(".") and "." not in h[:-1])
QUOTES = frozenset('"“‘')
CLOSING = frozenset('"”’')
MAX_CHARS = 240
# "the Vietnamese prime minister", "the President of Belarus" right before a verb (adverbs between)
DESCRIPTION_RE = re.compile(r"(?:^|[.,;\"”]\s+|\A)[Tt]he\s+(?P<np>(?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+)"
                            r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))?"
                            r"\s+(?:(?:also|then|further|again|once again|later|has|had|in turn)\s+)*$")
# Nouns that name an official by no office ("the French leader"): with a nationality word, the
# one official of that state.
GENERIC_OFFICES = words("generic_office_nouns")
# Verbs of saying whose hearer stands before "that" ("told reporters that", "assured him that").
HEARER_VERBS = frozenset(phrase_list("speech_hearer_verbs"))
THAT_RE = re.compile(r"^(?:(?:on|in|at|during|after|earlier|later|last|this)\s+[\w,]+(?:\s+[\w,]+)?\s+)?"
                     r"(?:that|on|about)\s+")
TOLD_THAT_RE = re.compile(r"^(?:\S+\s+){0,4}?that\s+")
QUOTE_SPAN_RE = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")


def sentences(p: Paragraph) -> list[tuple[int, int]]:
    """Sentence spans from the paragraph's tokens: a lone full stop, ? or ! (and a closing quote) ends one.

    Abbreviations and initials keep their stop inside the token, so "Mr. Wang" or "U.S. aid"
    does not end a sentence.
    """
    words, spans, n = p.words, p.spans, len(p.words)
    out, start = [], 0  # start: the token the current sentence starts with
    for i in compress(count(), map(STOPS.__contains__, words)):  # only the stops can end one
        if i and words[i - 1].lower() in ADDRESS_STOPS and i + 1 < n and words[i + 1][:1].isupper():
            continue  # "with Hon. Teodoro Locsin": a form of address keeps its stop
        if i + 1 == n or words[i + 1][:1].isupper() or words[i + 1] in QUOTES:
            end = spans[i][1]
            if i + 1 < n and words[i + 1] in CLOSING and (i + 2 == n or words[i + 2][:1].isupper()):
                end = spans[i + 1][1]
            out.append((spans[start][0], end))
            start = i + 1  # (a closing quote ends this sentence and starts the next, as it always has)
    if start < n:
        out.append((spans[start][0], len(p.text)))
    return out


class SentenceSpans:
    """Each paragraph's sentences (see sentences()), found when first asked for and kept."""

    def __init__(self, paras: list[Paragraph]):
        self.paras, self.found = paras, {}

    def __getitem__(self, i: int) -> list[tuple[int, int]]:
        spans = self.found.get(i)
        if spans is None:
            spans = self.found[i] = sentences(self.paras[i])
        return spans


def _stranger(plain: str, s: int, v: int) -> bool:
    """Whether the sentence at s opens with a personal name ("Analyst Tom Becker", "Sarah Mills, a
    trade expert,") before the verb at v: not "The Foreign Ministry", "The United States"."""
    if PERSON_NOUN_RE.search(plain, s, v):
        return True  # "Szabo's spokesman said", "a senior official said": a person, no official named
    m = STRANGER_RE.match(plain, s, v)
    return m is not None and not any(fold(w) in STOP_NAME_WORDS or fold(w) in NOT_NAME_NOUNS
                                     for w in m.group().split()[-2:])


def _blank_quotes(text: str) -> str:
    """The text with each quotation's inside blanked (same length: offsets hold)."""
    return QUOTED_RE.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 2) + m.group()[-1], text)


def _possessive(text: str, end: int) -> bool:
    return text[end:end + 2] in ("'s", "’s") or text[end:end + 2] in ("' ", "’ ")


def _subject_before(plain: str, v: int, named: list[Mention], s: int) -> Mention | None:
    """The official named right before the verb at v (an appositive or an adverb between), if any:
    the nearest name that is so placed, a name inside the appositive passed over."""
    # (named is in the order of the text: it is read backwards from the verb, nothing copied)
    tried = 0
    for m in reversed(named):
        if not (s <= m.start and m.end <= v):
            continue
        if tried == 3:
            break
        tried += 1
        if _possessive(plain, m.end):
            return None  # "Kato's office said": the office speaks
        if not plain[m.start:m.end].strip():
            continue  # a name inside a quotation
        if GAP_RE.fullmatch(plain, m.end, v):
            prev = next((o for o in reversed(named) if o.end <= m.start), None)  # the name before it
            if prev and COORDINATED_RE.fullmatch(plain, prev.end, m.start) \
                    and not PREPOSITION_BEFORE_RE.search(plain, s, prev.start):
                return None  # "X and Y said": a joint statement (not "At talks with X, Y said")
            return m
    return None


def _subject_after(plain: str, v_end: int, v: int, named: list[Mention], s: int, e: int) -> Mention | None:
    """'..." said Kato': the official named after a verb that follows a quotation or a comma."""
    if not INVERTED_BEFORE_RE.search(plain[s:v]):
        return None
    after = [m for m in named if v_end <= m.start < e]
    if not after:
        return None
    m = after[0]
    if not INVERTED_GAP_RE.fullmatch(plain, v_end, m.start) or _possessive(plain, m.end):
        return None
    return m


def _described(plain: str, s: int, v: int, persons, reg, last: str | None) -> str | None:
    """The official a definite description before the verb names: "the Vietnamese prime minister",
    "the President of Belarus", "the Secretary", by their title and country; when several hold
    that title, the one who spoke last, if among them."""
    m = DESCRIPTION_RE.search(plain[s:v])
    if not m or not persons:
        return None
    words = [fold(w) for w in m.group("np").split()]
    code, wanted = None, []
    for w in words:
        found = reg.demonyms.get((w,)) if reg is not None else None
        if found:
            code = found[0]
        elif w not in ("visiting", "new"):
            wanted.append(w)
    if m.group("of") and reg is not None:
        code = reg.country_names.get(tuple(fold(w) for w in m.group("of").split())) or code
    if not wanted:
        return None
    if code is not None and len(wanted) == 1 and wanted[0] in GENERIC_OFFICES:
        # "the French leader", "the Nigerian official": the one official of that state, if one
        ours = [p.name for p in persons if p.country == code]
        return ours[0] if len(ours) == 1 else None
    fits = [p.name for p in persons if p.title and set(wanted) <= set(fold(t) for t in p.title.split())
            and (code is None or p.country == code)]
    if len(fits) == 1:
        return fits[0]
    return last if last in fits else None


def _clause_subject(plain: str, v: int, named: list[Mention], s: int) -> Mention | None:
    """The subject of the clause a participle ("saying") hangs on: its first official named as one."""
    for m in named:
        if not s <= m.start < v or not plain[m.start:m.end].strip() or _possessive(plain, m.end):
            continue
        if PREPOSITION_BEFORE_RE.search(plain[s:m.start]):
            continue
        return m
    return None


def _said(text: str, s: int, e: int, attributions: list[tuple[int, int]], quotes: list[tuple[int, int]],
          verb: str) -> str:
    """What was said: the quotations, when they make most of the sentence; else the sentence
    without its attribution ("X said that")."""
    inside = [(max(a, s), min(b, e)) for a, b in quotes if a < e and b > s] if quotes else ()
    if len(attributions) == 1:
        (a, b), = attributions
    else:
        a, b = min(x for x, _ in attributions), max(y for _, y in attributions)
    # the quotation is what was said when it makes most of the sentence, or stands before the
    # attribution ('"...," X told a news conference')
    if inside and (sum(y - x for x, y in inside) * 2 >= e - s or any(y - x > 40 for x, y in inside)
                   or inside[0][1] <= a + 1):
        return _short(" … ".join(q for q in (text[x:y].strip(" ,\"“”") for x, y in inside) if q))
    head, tail = text[s:a].strip(" ,\"“”"), text[b:e].strip(" ,\"“”")
    lead = (TOLD_THAT_RE if verb in HEARER_VERBS else THAT_RE).match(tail)  # "told reporters that"
    if lead:
        tail = tail[lead.end():]
    said = tail if len(tail) >= len(head) else head
    return _short(said[:1].upper() + said[1:] if said else text[s:e].strip())


def _short(text: str) -> str:
    text = text.strip()
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_CHARS - 1)
    return text[:cut if cut > 0 else MAX_CHARS - 1].rstrip(" ,;:") + "…"


def _finite_subject(plain: str, s: int, e: int, named: list[Mention]) -> str | None:
    """The official a sentence is about: the first one named as the subject of a verb ("Carter
    criticized him"), if any; what a later "he said" refers to."""
    for m in named:
        if s <= m.start < e and plain[m.start:m.end].strip() and not _possessive(plain, m.end):
            gap = GAP_RE.match(plain, m.end)
            if FINITE_RE.match(plain, gap.end() if gap else m.end):
                return m.name
    return None


class _Reader:
    """Reads an article's paragraphs in order, remembering who spoke or acted last."""

    def __init__(self, persons, reg):
        self.persons, self.reg = persons, reg
        self._last, self._last_para = None, -2  # the official who last spoke, or was last a subject
        self.unread: list[tuple] = []  # sentences since the last statement, not yet read for a subject
        self.previous = None                  # the speaker of the last sentence, when it was a quotation
        self.stranger = False                 # a person who is no official spoke in this sentence
        self.out: list[Statement] = []

    @property
    def last(self) -> str | None:
        self._read_subjects()
        return self._last

    @property
    def last_para(self) -> int:
        self._read_subjects()
        return self._last_para

    def _read_subjects(self) -> None:
        """The subject of the latest sentence that has one, read only when a pronoun asks for it."""
        while self.unread:
            plain, s, e, named, pi = self.unread.pop()
            who = _finite_subject(plain, s, e, named)
            if who:
                self._last, self._last_para = who, pi
                self.unread.clear()

    def speakers(self, pi: int, plain: str, s: int, e: int, verbs, named) -> list[tuple[str, int, int, str]]:
        """(speaker, attribution start, attribution end, verb) for each speech verb of plain[s:e]."""
        found: list[tuple[str, int, int, str]] = []
        unknown = False  # a verb whose subject is no official the article names
        for v in verbs:  # (the sentence's own)
            kind = v.lastgroup  # the group of SPEECH_RE that matched
            if kind == "part":
                if not re.search(r",\s*$", plain[s:v.start()]) and not AS_RE.search(plain[s:v.start()]):
                    continue  # "with the two sides expressing": a participle with a subject of its own
                as_ = [o for o in named if s <= o.start and AS_RE.fullmatch(plain, o.end, v.start())]
                m = as_[-1] if as_ else _clause_subject(plain, v.start(), named, s)
                if m:
                    found.append((m.name, v.start(), v.end(), v.group()))
                continue
            if kind == "acc":  # "According to Ruiz, the talks went well"
                m = next((o for o in named if v.end() <= o.start < e and ACCORDING_GAP_RE.fullmatch(
                    plain, v.end(), o.start)), None)
                if m and not _possessive(plain, m.end):
                    found.append((m.name, v.start(), m.end, v.group()))
                elif m is None:  # "According to the ambassador, ...": an official described by office
                    comma = plain.find(",", v.end(), min(e, v.end() + 80))
                    who = _described(plain[v.end():comma].strip() + " ", 0, comma - v.end(), self.persons,
                                     self.reg, found[0][0] if found else self.last) if comma > 0 else None
                    if who:
                        found.append((who, v.start(), comma, v.group()))
                continue
            m = _subject_before(plain, v.start(), named, s)
            if m:
                found.append((m.name, m.start, v.end(), v.group()))
                continue
            m = _subject_after(plain, v.end(), v.start(), named, s, e)
            if m:
                found.append((m.name, v.start(), m.end, v.group()))
                continue
            if INVERTED_BEFORE_RE.search(plain[s:v.start()]):  # '..., said the president.': described after
                tail = INVERTED_DESCRIPTION_RE.match(plain, v.end(), e)
                who = _described(tail.group(1) + " ", 0, len(tail.group(1)) + 1, self.persons, self.reg,
                                 found[0][0] if found else self.last) if tail else None
                if who:
                    found.append((who, v.start(), tail.end(1), v.group()))
                    continue
            who = _described(plain, s, v.start(), self.persons, self.reg, found[0][0] if found else self.last)
            if who:  # (the attribution: from the description's "the" on)
                at = plain.rfind("the ", s, v.start())
                at2 = plain.rfind("The ", s, v.start())
                found.append((who, max(at, at2, s), v.end(), v.group()))
                continue
            pron = ([None] + list(PRONOUN_RE.finditer(plain, s, v.start())))[-1]
            if pron and GAP_RE.fullmatch(plain, pron.end(), v.start()) and CLAUSE_START_RE.search(plain[s:pron.start()]):
                here = {m.name for m in named if s <= m.start < pron.start() and plain[m.start:m.end].strip()
                        and not _possessive(plain, m.end) and LEADING_SUBJECT_RE.fullmatch(plain, s, m.start)}
                if found:
                    who = found[0][0]
                elif len(here) == 1:  # "While Ruiz called it a success, he stressed ...": the one named before
                    who = here.pop()
                elif not unknown and not OTHER_SIDE_RE.match(plain, s) and self.last_para >= pi - 1:
                    who = self.last  # not after "Ruiz said" with Ruiz no official, nor "For his part, he"
                if who:
                    found.append((who, pron.start(), v.end(), v.group()))
                    continue
            unknown = True
            if not any(s <= m.start < v.start() and not _possessive(plain, m.end) for m in named) and \
                    _stranger(plain, s, v.start()):
                self.stranger = True  # "Analyst Tom Becker said", "X's spokesman said": a later "he" is theirs
        return found

    def paragraph(self, pi: int, p: Paragraph, named: list[Mention], spans: list[tuple[int, int]] | None) -> None:
        text = p.text
        if HINTS.isdisjoint(p.vocab) and '"' not in text and "“" not in text and "”" not in text:
            self.previous = None  # no word of speech, no quotation: nothing said here
            return
        if LINK_LINE_RE.match(text):
            return
        quoted = '"' in text or "“" in text
        plain = _blank_quotes(text) if quoted else text
        # the speech verbs: only where a token is the first word of one (a set look-up per token, in C)
        speech = SPEECH_ASCII_RE if text.isascii() else SPEECH_RE
        at = [p.spans[i][0] for i in compress(count(), map(HINTS.__contains__, p.folded))]
        verbs = list(filter(None, map(speech.match, repeat(plain), at)))
        quotes = [q.span() for q in QUOTE_SPAN_RE.finditer(text)] if quoted else []
        starts = [v.start() for v in verbs]
        if verbs:  # a paragraph wholly quoted goes on with the last quotation's speaker
            self.previous = None
        pending: list[tuple[int, int]] = []
        for s, e in spans if spans is not None else sentences(p):
            if not WORD_RE.search(text, s, e):
                continue  # a stray quotation mark
            k = bisect_left(starts, s)
            self.stranger = False  # (set by speakers() for this sentence only)
            found = self.speakers(pi, plain, s, e, verbs[k:bisect_left(starts, e, k)], named) \
                if k < len(starts) and starts[k] < e else []
            inside = bool(quotes) and any(a <= s and e <= b + 1 for a, b in quotes)
            if not found or len(found) > 1 and len({name for name, _, _, _ in found}) != 1:
                # nobody, or two: whose words are unclear
                if not found and inside and self.previous:  # '"...," she said. "And more."'
                    self.add(self.previous, _short(text[s:e].strip(" \"“”")), True, pi, s, e)
                elif not found and inside:
                    pending.append((s, e))  # its speaker may come later in the quotation
                else:
                    pending.clear()
                    self.previous = None
                    if self.stranger and not found:  # someone the article names, no official, spoke
                        self._last, self.stranger = None, False
                        self.unread.clear()
                    elif named:
                        self.unread.append((plain, s, e, named, pi))
                continue
            speaker = found[0][0]
            quote = bool(quotes) and QUOTE_CHAR_RE.search(text, s, e) is not None
            for ps, pe in pending:  # the quotation's earlier sentences are the speaker's too
                if any(a <= ps and pe <= b + 1 and a < e and b > s for a, b in quotes):
                    self.add(speaker, _short(text[ps:pe].strip(" \"“”")), True, pi, ps, pe)
            pending.clear()
            self.add(speaker, _said(text, s, e, [(a, b) for _, a, b, _ in found], quotes, found[0][3]), quote,
                     pi, s, e)
            self.previous = speaker if quote else None

    def add(self, speaker: str, said: str, quote: bool, pi: int, s: int, e: int) -> None:
        self.out.append(Statement(speaker=speaker, text=said, quote=quote, paragraph=pi, start=s, end=e))
        self._last, self._last_para = speaker, pi
        self.unread.clear()


def statements(paras: list[Paragraph], mentions: list[Mention], persons=(), reg=None,
               spans: list | None = None) -> tuple[Statement, ...]:
    """Statements in reading order, each with its paragraph and the span of its sentence
    (`spans`: each paragraph's sentences, if already found)."""
    by_para: dict[int, list[Mention]] = {}
    for m in mentions:
        by_para.setdefault(m.paragraph, []).append(m)
    reader = _Reader(persons, reg)
    for pi, p in enumerate(paras):
        reader.paragraph(pi, p, sorted(by_para.get(pi, []), key=lambda m: m.start),
                         spans[pi] if spans is not None else None)
    return tuple(reader.out)
