"""Layer 6: event type, place of the event, topics, headline and summary."""
from __future__ import annotations

import re
import re._constants as C
from functools import lru_cache
import re._parser
from collections import Counter
from itertools import compress, count

from generator.extract.lexicon import HONORIFICS, STOP_NAME_WORDS, longest_match
from generator.extract.people import Paragraph
from generator.extract.venues import MENTION_NOUNS, inline_dateline, place_line, seat_place, states_in
from generator.words import words
from generator.model import Location, Person
from generator.registry import Registry
from generator.text import ascii_but_punctuation, fold

# Specific kinds win wherever they appear in the lead; the rest go by first appearance. Forms of
# protocol name the event more precisely than the verbs around them: a courtesy call is a
# meeting, not a telephone call; the presentation of credentials is a ceremony of its own
# ("other": the kinds have none for it); a strategic, political or security dialogue is a round of talks; a leader who
# "called" an office holder telephoned.
SPECIFIC = (
    # (a call of protocol on taking up or leaving a post is made in person: "paid a farewell call")
    ("meeting", r"(?:courtesy|farewell|introductory|protocol|valedictory) (?:call|visit)s?"),
    ("other", r"(?:receiv|present|accept)\w* (?:\w+ ){0,4}?(?:credentials|letters? of (?:credence|accreditation))|"
              r"letters? of (?:credence|accreditation)"),
    ("talks", r"(?:strategic|political|security|policy|high-level|ministerial|intergovernmental)"
              r"(?: and (?:economic|security|defen[cs]e))? dialogue"),
    ("phone_call", r"(?:(?:tele)?phone|video) (?:call|conversation|talks?)|(?:by|over the|on the) (?:tele)?phone|"
                   r"(?:tele)?phoned|dial(?:l)?ed|via (?:tele)?phone|called (?!for\b|on\b|upon\b)(?:his |her |their |the )?(?:[a-z]+ )?"
                   r"(?:counterpart|president|prime minister|premier|chancellor|king|emir|minister|secretary)|"
                   r"(?:had|held|have|hold|holds|having|in|during|on) an? (?:[\w-]+ ){0,2}?call(?! for)|"
                   r"an? (?:[\w-]+ ){0,2}?call (?:from|with|between)"),
    ("joint_statement", r"joint (?:statement|declaration|communiqu[eé])|"
                        r"sign(?:ed|ing|s)? (?:an? |the )?(?:[\w-]+ ){0,2}?communiqu[eé]"),
    ("visit", r"(?:state|official|unofficial|working|private) visit"),
    ("press_conference", r"(?:using|held|holding|hold|gave|give) a joint (?:press|news|media) conference"),
)
GENERAL = (
    ("press_conference", r"(?:joint )?(?:press|news|media) conference|joint (?:press |news |media )?(?:address|appearance|"
                         r"briefing)|briefing (?:the )?(?:media|press|reporters|journalists)|"
                         # statements to the press made together: "a press statement she gave with her counterpart"
                         r"press statements? (?:[a-z]+ ){0,2}?(?:gave|made|delivered) (?:jointly |together )?with"),
    ("summit", r"summits?"),
    ("talks", r"(?:held|hold|holds|holding|opened|resumed?|began|begin) (?:[\w+'’-]+ ){0,3}"
              r"(?:talks|negotiations|discussions|consultations)|talks (?:with|between|on|in)|"
              r"(?:the|trade|peace|in|for) talks|(?:round of|political|bilateral) (?:consultations|negotiations)|"
              r"for (?:their |the )?(?:[\w+-]+ ){0,2}?(?:consultations|negotiations)|"
              # "Russian-Kyrgyz talks were held", "negotiations in a narrow format took place"
              r"(?:talks|negotiations|consultations)(?: [\w-]+){0,5}? (?:were held|was held|took place)|"
              r"-[a-z]+ (?:talks|negotiations)"),  # (from the hyphen: a match that may start at any letter slows all)
    ("meeting", r"met(?: with)?|meets?(?: with)?|meeting(?: with)?|sat down (?:\w+ )?with|conversed with|t[eê]te-[aà]-t[eê]te|"
                r"received|receives|hosted|hosts|play(?:ed|s)? host to|"
                # an audience, as a head of state grants one ("granted an audience to the envoy"; told
                # from the guest's side, the audience may be one stop of a visit)
                r"(?:granted|gave|grants|gives|granting|giving) (?:an )?audience to|"
                r"(?:over|at a|during a|after a|working) (?:breakfast|lunch|dinner)|(?:breakfast|lunch|dinner) (?:with|meeting)|"
                r"leaders['’] retreat|exchanged views|working session|"
                # "had a brief informal interaction": an encounter, in the usage of South Asian copy
                r"(?:had|held|have|hold|has) (?:an? )?(?:[\w-]+ ){0,3}?interactions?\b|"
                # "called on the President at State House": a courtesy call (but "called on
                # them to act" is a statement); "welcomed her to the Presidential Palace"
                r"call(?:ed|s)? (?:on|upon)(?![^.;]{0,80}?\bto (?!discuss|review|exchange|deliver|convey|brief|bid)[a-z])|"
                r"welcom(?:ed|es|ing) (?:[\w.'’-]+ ){1,8}?(?:to|at) the (?:[\w'’-]+ ){0,2}?"
                r"(?:palace|house|ministry|office|residence|chancellery|hall|kremlin)|"
                # "welcomed the Australian Foreign Minister to Dili" (a place follows: _not_the_event)
                r"welcom(?:ed|es|ing) (?:[\w.'’-]+ ){0,4}?(?:president|minister|secretary|premier|king|queen|emir|"
                r"prince|chancellor|counterpart|ambassador|envoy|delegation|guest)(?: [\w.'’-]+){0,4}? (?:to|in)(?= [\w])"),
    # "spoke with the president": a conversation, by telephone when it is placed nowhere
    ("phone_call", r"(?:spoke|speaks|talked)(?: (?:today|yesterday|tonight|again|separately|briefly|"
                   r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)))? "
                   r"(?:by (?:tele)?phone )?(?:with|to)|"
                   # "held a videoconference" (but "a joint statement issued after a videoconference")
                   r"(?:via|by|over) (?:an? )?video(?: ?link| ?conference)?|(?:video|tele)-? ?conferenc(?:e|ing)"),
    # (leaving for a place, "left for Seoul", tells of the next stop, not of the visit reported)
    ("visit", r"visit(?:s|ed|ing)?(?: to)?|trip to|arrived (?:in|here)|tour of|toured|set foot in|"
              r"travel(?:l?ed|s)? to"),
    # the signing of an agreement is a ceremony of its own ("other")
    ("other", r"(?:signed|inked|signing of) (?:an? |the |two |three |several |\w+ )?(?:[\w-]+ ){0,3}?(?:agreements?|"
              r"memorand(?:um|a)|mous?|treaty|treaties|accords?|deals?|protocols?|conventions?|contracts?|declarations?)"),
    ("statement", r"(?:(?:said|says) in|according to) an? (?:\w+ )?(?:statement|commentary|comment|press release)|"
                  # "the Foreign Office in a statement on Friday rejected ...": the statement is the event
                  r"in an? (?:\w+ )?(?:statement|press release)|"
                  # a government's stance, as its ministry words it: "expresses deep concern", "calls on"
                  r"express(?:es|ed) (?:its |their |his |her )?(?:deep |grave |serious |strong )?(?:concern|regret|"
                  r"indignation|condolences|solidarity)|calls (?:on|upon)|condemns|denounces|"
                  r"(?:issued|delivered|made|released) (?:a |the following |an? [\w-]+ )?statement|"
                  r"statement (?:said|released|issued)|"
                  r"announced|warned|called (?:on|upon)|condemned|accused"),
)
# Words that report two parties coming together (a call, talks, a meeting, a visit, a summit).
ENCOUNTER_RE = re.compile(r"\b(?:" + "|".join(pattern for kind, pattern in SPECIFIC + GENERAL
                                               if kind in ("phone_call", "talks", "meeting", "visit", "summit"))
                          + r")\b", re.I)
# every match of a specific pattern holds one of these words (a cheap test before the search;
# a word missing here would make a kind hang on another word of the text: see _branches)
SPECIFIC_WORDS = ("courtesy", "credential", "credence", "accreditation", "dialogue", "phone", "call", "dial", "joint",
                  "visit", "communiqu", "video")
assert all(any(word in pattern for word in SPECIFIC_WORDS) for _, pattern in SPECIFIC)
SPECIFIC_RE = tuple((kind, re.compile(r"\b(?:" + pattern + r")\b", re.I)) for kind, pattern in SPECIFIC)
GENERAL_RE = tuple((kind, re.compile(r"\b(?:" + pattern + r")\b", re.I)) for kind, pattern in GENERAL)
SUMMIT_RE = dict(GENERAL_RE)["summit"]
SPECIFIC_LOW = tuple((kind, re.compile(r"\b(?:" + pattern + r")\b", re.ASCII)) for kind, pattern in SPECIFIC)
GENERAL_LOW = tuple((kind, re.compile(r"\b(?:" + pattern + r")\b", re.ASCII)) for kind, pattern in GENERAL)
# Between an encounter and a place, words that move to another place or time: "met the envoy,
# who studied in Paris", "its embassy in Manila", "before flying on to Seoul".
PASSING_RE = re.compile(r"\b(?:who|whom|which|whose|embassy|consulate|based|born|studied|lives|living|"
                        r"headquartered|stationed|exiled|before|after|then|from|last|next|earlier|previous)\b"
                        r"|[;:(]", re.I)
# "played tennis at the lakeside retreat earlier this year": an encounter of another time
PAST_AFTER_RE = re.compile(r"[^.;]{0,25}?\b(?:earlier|last (?:week|month|year)|ago|previously|in (?:19|20)\d\d)\b",
                           re.I)
# A visit put in the past by a word before its verb: "last visited Tokyo", "had been to Oslo".
PAST_BEFORE_RE = re.compile(r"\b(?:last|previously|earlier|once|already|had)\s+(?:visited|toured|been (?:to|in)|"
                            r"travell?ed to|went to|was in)\s+(?:the\s+)?$", re.I)
# A stop before the event: "came back from Kabul, where he ...", "arrived from Riyadh"
# (the verbs that bring a traveller, data/words.yaml arrival_verbs)
CAME_FROM_RE = re.compile(r"\b(?:" + "|".join(sorted(words("arrival_verbs"))) + r"|back)(?: in)? from (?:the )?$", re.I)
# "its embassy in Manila", "born in Kandy": where someone or something stays (but "heads of mission
# at Rideau Hall" are envoys at a ceremony)
RESIDENT_RE = re.compile(r"\b(?:embassy|embassies|consulate|(?<!\bof )mission|born|studied|based|lives|exiled|stationed|"
                         r"resides?|resident|residing)\b"
                         r"(?: [\w-]+){0,2} (?:in|at)(?: the)?(?: [\w-]+)? $", re.I)
# "a week after both attended the summit in Rome", "days after an attack in Amman": a clause of
# another time
TIMED_CLAUSE_RE = re.compile(r"\b(?:(?:days?|weeks?|months?|hours?|years?|a day|a week|a month|shortly|soon|just|"
                             r"two|three|four|five|several|a few) (?:after|before)|ever since)\b[^.;,]{0,50}$", re.I)
# "Following his part in the summit in New York last week, X was invited ...": a sentence's opening
# clause that tells of another time (its words up to the comma that closes it)
EARLIER_CLAUSE_RE = re.compile(r"\s*(?:Following|After|Since)\b,?[^,;]*$")
# "Earlier in the day, the presidents talked on the phone": a sentence of another, earlier time
EARLIER_SENTENCE_RE = re.compile(r"\s*(?:Earlier|Previously)\b")
EARLIER_TIME_RE = re.compile(r"\b(?:(?:last|previous|the previous) (?:week|weekend|month|year)|earlier this (?:week|month|year))\b",
                             re.I)
# "with whom he met": a relative clause tells of another encounter
RELATIVE_RE = re.compile(r"\b(?:who|whom|whose|which|where)\b[^,]*$", re.I)


def _any_of(kinds, flags=0) -> re.Pattern:
    """One pattern for several kinds: a search finds the leftmost place where any of them matches,
    and its group names the first kind that matches there (as trying them one by one would).
    A look-ahead for the letters a match can begin with lets most places fail at once (the
    search runs about three times faster)."""
    alternatives = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in kinds)
    starts = _first_chars(re._parser.parse(alternatives))[0]
    ahead = f"(?=[{re.escape(''.join(sorted(starts)))}])" if starts else ""
    return re.compile(r"\b" + ahead + "(?:" + alternatives + r")\b", flags)


def _first_chars(items) -> tuple[set | None, bool]:
    """The characters a match of the parsed pattern `items` can begin with (None: any), and
    whether it can match the empty string."""
    out: set = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width
        if op is C.LITERAL:
            return out | {chr(av)}, False
        if op is C.IN and all(o in (C.LITERAL, C.RANGE) for o, _ in av):
            return out | {chr(c) for o, a in av for c in ([a] if o is C.LITERAL else range(a[0], a[1] + 1))}, False
        if op is C.BRANCH:
            parts = [_first_chars(alt) for alt in av[1]]
            nullable = any(n for _, n in parts)
        elif op is C.SUBPATTERN:
            parts = [_first_chars(av[-1])]
            nullable = parts[0][1]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            parts = [_first_chars(av[2])]
            nullable = av[0] == 0 or parts[0][1]
        else:
            return None, False
        if any(c is None for c, _ in parts):
            return None, False
        out = out.union(*(c for c, _ in parts))
        if not nullable:
            return out, False
    return out, True


# The patterns hold no upper-case letter (nor \W, \B ...): on ASCII text, which lower() maps
# character for character, searching the lowered text finds what re.I finds, at the same
# offsets, faster; and on ASCII text, re.ASCII's \w and \b are Unicode's (its \s is not: the
# patterns use none), only faster. So they are on text that is ASCII but for typeset punctuation
# (text.ascii_but_punctuation). (And no named group: _any_of names them.)
assert all(pattern == pattern.lower() and "\\s" not in pattern and "(?P" not in pattern
           for _, pattern in SPECIFIC + GENERAL)
SPECIFIC_ANY, SPECIFIC_ANY_LOWER = _any_of(SPECIFIC, re.I), _any_of(SPECIFIC, re.ASCII)
GENERAL_ANY, GENERAL_ANY_LOWER = _any_of(GENERAL, re.I), _any_of(GENERAL, re.ASCII)
# The words of an encounter that has a place (not a call, not a statement), each kind a group.
ENCOUNTER_ANY = _any_of([(kind, pattern) for kind, pattern in GENERAL
                         if kind in ("press_conference", "summit", "talks", "meeting", "visit")], re.I)
# where a statement was given: "issued in Suva", "said in Geneva", "signed in Beijing" (not "a
# student held in Tehran")
ISSUED_RE = re.compile(r"\b(?:said|says|issued|released|published|announced|declared|signed|adopted|agreed|done|"
                       r"told (?:reporters|journalists|a)|statement|communiqu[eé]|declaration|remarks)\b[^.;:]{0,40}$",
                       re.I)
# a visit that is what a statement is about: "condemned the minister's visit to the compound",
# "calls for a meeting over X's visit", "says visit by X is a provocation"
TALKED_ABOUT_RE = re.compile(r"\b(?:over|against|condemn\w*|denounc\w*|critici[sz]\w*|protest\w*|"
                             r"(?:says|said) (?:the |that (?:the )?)?)\s*(?:[\w'’.-]+ ){0,4}$", re.I)
# "briefed the President on the peace talks", "updating them about the negotiations": talks that a
# party is told about are the subject of the encounter, not the encounter
BRIEFED_ON_RE = re.compile(r"\b(?:brief|briefs|briefed|briefing|update|updates|updated|updating|inform|informs|"
                           r"informed|informing)\b[^.;]{0,40}?\b(?:on|about) (?:the |their |its )?(?:[\w-]+ ){0,3}$",
                           re.I)
# two parties who discussed or conferred met, when the lead names no other encounter
DISCUSSED_RE = re.compile(r"\b(?:discussed|conferred (?:on|with|about))\b")
# a minister's visit, and the reception that is the event of it (_minister_received)
MINISTER_RE = re.compile(r"\b(?:[Mm]inisters?|[Ss]ecretary|[Ee]nvoy|[Dd]elegation)\b")
# the offices of heads of state and government (one list for both patterns below)
HEADS = (r"[Pp]rime [Mm]inister|[Pp]resident|[Pp]remier|[Cc]hancellor|King|Queen|Emir|Amir|Sultan|Emperor|"
         r"Crown Prince|Grand Duke|Supreme Leader|Governor-General|Taoiseach")
HEAD_RE = re.compile(r"\b(?:" + HEADS + r"|[Hh]ead of (?:[Ss]tate|[Gg]overnment))\b")
# the reception, told of the guest: "was received by the President", "was granted an audience by
# the King", "was hosted by the Prime Minister", "later called on the Emir"
RECEIVED_RE = re.compile(r"\b(?:(?:was|were) (?:\w+ )?(?:received|welcomed|hosted|granted an audience) "
                         r"(?:in audience )?by|called on|paid a (?:courtesy )?call on) (?:the )?(?:[A-Z]\w+ ){0,2}(?:the )?"
                         r"(?:" + HEADS + r")\b")
DATELINE_END_RE = re.compile(r"(?:--|—|–|:| - )\s*$")  # "HANOI, May 2 (VNA) -- "
VISITOR_RE = re.compile(r"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbeen )[Vv]isiting [A-Z]")  # not "who is visiting China" (but "his visiting")
HERE_RE = re.compile(r"\b(?:arrived|held|met|meeting|talks|summit|conference|visit) here\b")
# "on the sidelines of the G20 summit", "before the summit opened": the summit is the setting
SIDELINES_RE = re.compile(r"\b(?:(?:sidelines|margins|fringes|eve) of\b[^.]*|(?:before|after|following|prior to)\b"
                          r"[^.,;]{0,25})$", re.I)
MARGINS_RE = re.compile(r"\b(?:sidelines|margins|fringes) of\b[^.]*$", re.I)
# An encounter still to come is not the one reported: "ahead of possible talks", "invited him to
# make an official visit", "would host him on a state visit", "the summit slated for January".
FUTURE_WORDS = (r"\b(?:ahead of|possible|upcoming|planned|proposed|forthcoming|future|next|"
                r"prospective|expected|would|will|shall|invit\w*|plans? to|intends? to|hopes? to|"
                r"forward to|to (?:make|pay|visit)|to be (?:held|hosted|organi[sz]ed|convened)|to take place|agreed? to|agreeing to|"
                r"call(?:s|ed|ing)? for)\b(?:(?!\b(?:during|following)\b)[^.;:,]){0,30}$")
FUTURE_BEFORE_RE = re.compile(FUTURE_WORDS + r"|\bto $", re.I)  # "invited him to visit"
FUTURE_PLACE_RE = re.compile(FUTURE_WORDS, re.I)  # "will travel on to Seoul" (but "a visit to Seoul")
FUTURE_AFTER_RE = re.compile(r"^[^.;]{0,30}?\b(?:next (?:week|month|year)|later this|scheduled|slated|planned|"
                             r"in 20\d\d)\b", re.I)
# "met ... during his official visit": the visit is the setting of the meeting reported
# (or "held talks with X, who is on an official visit to China", "within the framework of her
# state visit", a sentence opening "On an official visit to Kenya, X met Y"; but "arrived on a state
# visit" is the visit; nor is "who is in our country on an official visit")
DURING_RE = re.compile(r"(?:(?:\b(?:during|in the course of|as part of|(?:with)?in the framework of|on the occasion of|in conjunction with)|"
                       r"^on)"
                       r" (?:his|her|their|the|a|an|its|this|the latter['’]s|[\w.-]+['’]s?) |"
                       r"\b(?:who|which) (?:is|was|are|were) (?:currently |now )?"
                       r"(?:on|paying|making|in (?:\w+ ){1,3}?on) (?:an? |his |her |their )?|"
                       r"\b(?:who|which) (?:(?:is|was|are|were) (?:currently |now )?|has |had )?$)"
                       r"(?:[\w-]+ ){0,4}$", re.I)
# "X, on an official visit to Chisinau, met Y": a visit told between the subject and its verb is
# the setting of the encounter after it (but "held talks with Y, on a state visit." is the visit)
APPOSED_VISIT_RE = re.compile(r", on (?:an? |his |her |their )(?:[\w-]+ ){0,4}$", re.I)
# "arrived in Puno to hold a presidential meeting": the purpose names the event
PURPOSE_RE = re.compile(r"^[^.;]*?\bto (?:hold|attend|chair|co-chair|take part in|participate in|join) "
                        r"(?:[\w-]+ ){0,4}?(?:meeting|talks|summit|conference)\b", re.I)
# What makes a summit a gathering of many, named in its paragraph: a body or a bloc ("the SAARC
# Summit", "the G20", "E.U."; a state's initials are no body), leaders or states in the plural, a
# three-way meeting
MANY_WORDS_RE = re.compile(r"\b(?:leaders|heads of|members?|-(?:way|nation|party)|regional|annual|bloc|"
                           r"countries|union|community|council|organi[sz]ation|group|multilateral|international|"
                           r"global|world|conference|forum)\b")  # on lowered text
MANY_CASED_RE = re.compile(r"(?<![\w.])[A-Z](?:[A-Z]|\.[A-Z])+\.?(?!\w)|\bG\d+\b|\bSummit\b|\b(?:states|nations)\b")
NOT_A_BODY = frozenset("PM FM MP AP AFP UPI PTI US UK U.S U.S. U.K U.K. USA UAE PRC ROK DPRK".split())
# "the Sudan-Nigeria summit", "the India-Australia Virtual Summit": two parties' summit is their meeting (summit is kept for many states)
BILATERAL_RE = re.compile(r"(?:\bbilateral|\b[A-Z][\w.]+-[A-Z][\w.]+(?: [Vv]irtual| [Aa]nnual| [Ll]eaders['’]?)?|"
                          r"\btwo (?:leaders|presidents|prime ministers)['’]?) $")
# "At the G20 summit in Osaka, X met Y", "during the summit, the two held a bilateral meeting":
# the summit is the setting of a meeting of two that the sentence reports
SETTING_RE = re.compile(r"\b(?:at|during|in the course of|on the occasion of)(?: [\w'’-]+){0,5} $", re.I)
OF_TWO_IN_SENTENCE_RE = re.compile(r"\bbilateral\b|\b(?:met|meets|meeting|talks|discussions)(?: with)? "
                                   r"(?:(?:his|her|their|the) )?(?:[a-z]+ )?[A-Z]")
# "left the summit without a joint communique": what did not happen is not the event
NEGATION_WORDS = ("without", "no", "No", "not", "never", "unable", "failed", "refused", "cannot")  # a cheap test first
NEGATED_RE = re.compile(r"\b(?:without|no)(?: an?| the| any)? $|"
                        r"\b(?:not|never|unable to|failed to|refused to|cannot)\b[^.;,]{0,40}$", re.I)
# "East African leaders meeting in Arusha": a gathering of many, a summit when the lead calls it one
# ("leaders of the Mekong countries gathered", "heads of state and government convened": the
# leaders may be named by what they lead, and they may meet, gather, convene or assemble)
GATHERING_RE = re.compile(r"\b(?:leaders|heads of (?:state|government)(?: and government)?)"
                          r"(?: of (?:the )?[\w-]+(?: [\w-]+){0,3}?)? "
                          r"(?:meeting|met|gathered|gathering|convened|convening|assembled)\b", re.I)
# a meeting of heads of state or government is a summit, whatever the word: "the Regular Meeting of
# the Conference of Heads of Government", "a conference of heads of state"
HEADS_MEETING_RE = re.compile(r"\b(?:meeting|conference|session|gathering)s? of (?:the )?(?:[\w-]+ ){0,4}?"
                              r"heads of (?:state|government)", re.I)
# ... and with the heads before the word ("as the 40th Heads of Government Meeting opened", "the
# Heads of State and Government Conference ended"): in the lead's next sentence too, when the first
# reports no encounter in person (what was said or proposed there)
HEADS_BEFORE_RE = re.compile(r"\bheads of (?:state|government)(?: and government)? (?:meeting|conference|summit)\b",
                             re.I)
# "X and Y told a joint press conference", "announced at a news conference": the conference is
# where the first sentence's news was given
CONFERENCE_FRAME_RE = re.compile(r"\b(?:told|announced at|said at|at) an? (?:joint )?(?:press|news|media) conference\b",
                                 re.I)
# "X said during talks with Y", "... at a meeting with": where the visitor's words were said
SAID_DURING_RE = re.compile(r"\b(?:said|says|stressed|noted|told \w+) (?:during|at|in) (?:the |their |his |her |an? )?"
                            r"(?:[\w-]+ )?(talks|meeting) with\b", re.I)
# "their first virtual summit", "held talks via video link": an encounter with no place
VIRTUAL_RE = re.compile(r"\bvirtual (?:summit|meeting|talks|conference|bilateral)|\b(?:via|by|over) video ?(?:link|conference)"
                        r"|\bvideo-?conferenc", re.I)
HELD_RE = re.compile(r"\b(?:was|were) held\b|\btook place\b", re.I)
ARRIVED_IN_RE = re.compile(r"\b(?:arrived|arrives|arriving|arrival) in (?:the )?$", re.I)
IN_PERSON_RE = re.compile(r"\b(?:met|meets|held talks|hosted|received|visited|arrived)\b", re.I)
# "hosted him for talks", "met her for talks", "met for a trilateral summit": the purpose names the event
FOR_TALKS_RE = re.compile(r"^[^.;]{0,60}?\bfor (?:[\w+-]+ ){0,2}?(?:talks|consultations|negotiations|summit)\b", re.I)
# "hosted a mini-summit", "hosted the talks": what was hosted names the event
HOSTED_RE = re.compile(r"^ (?:an?|the|this|their|its) (?:[\w-]+ ){0,3}?(?:summit|talks|conference|consultations|"
                       r"negotiations)\b", re.I)
# "a summit meeting", "summit talks", "a summit with his counterpart": two leaders' meeting
SUMMIT_OF_TWO_RE = re.compile(r"(?: (?:meeting|talks)\b| with (?:his|her) (?:[\w-]+ )?counterpart)", re.I)
SPOKE_PLACED_RE = re.compile(r"\b(?:in|at) (?:the )?[A-Z]|"
                             r"\b(?:reporters|journalists|press|media|sidelines|visiting|here)\b")
# what a conversation was about: a place or an encounter after it is its subject
TOPIC_RE = re.compile(r"\b(?:about|regarding|concerning|to discuss|discussed|discussing|to review|on the)\b", re.I)
PREPOSITIONS = frozenset({"in", "at", "to", "here"})  # not "from": where someone comes from
VISIT_VERBS = frozenset({"visited", "visits", "visiting", "toured", "tours"})  # "visited Hanoi": a place too
PLACE_NOUNS = frozenset({"capital", "city", "town", "port", "resort", "village"})
# "on his return from Thimphu", "back from Hanoi": where the visit reported took place
RETURN_WORDS = frozenset({"return", "returning", "returned", "back"})
# "the Quebec City meeting", "Monday's Geneva talks": a city before the noun of an encounter
ATTRIBUTIVE_BEFORE = frozenset({"the", "this", "'s"})
ENCOUNTER_NOUNS = frozenset({"meeting", "meetings", "talks", "summit", "conference", "consultations", "negotiations"})
DIRECTIONS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                        "southeastern", "southwestern", "north", "south", "east", "west"})
ENVOY_WORDS = words("envoy_words")  # "ambassador", "envoy", ...: "to X" after them is a title's
NO_PLACE = frozenset({"phone_call", "statement", "joint_statement"})
# A place that qualifies the people of an office is not where anything happened ("the White House
# press secretary", "a Kremlin spokesman")
STAFF_NOUNS = frozenset({"press", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official",
                         "officials", "aide", "aides", "source", "sources", "correspondent", "correspondents"})
# ... nor is one that names a newspaper ("in the Washington Post", "the Jerusalem Post reported")
MEDIA_NOUNS = words("media_nouns")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around text[start:end]."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = min((k for k in (text.find(". ", end), text.find("\n", end)) if k >= 0), default=len(text))
    return left + 1, right


def event_type(headline: str | None, paras: list[str]) -> tuple[str, float]:
    """The kind of event the lead reports, and a confidence.

    A specific form of protocol wins wherever it appears in the lead; otherwise the kind named
    first. An encounter still to come, a visit that is only the setting of a meeting (or whose
    purpose names the meeting), a summit that is a side-show or two parties' own, a conversation
    placed somewhere do not count; when they are all the lead has, the next paragraphs are read,
    and only then does what was set aside count.
    """
    lead = "\n".join(([headline] if headline else []) + paras[:2])
    found = _gathering(lead, paras[0]) if paras else None
    if found:
        return found
    aside: list[str] = []  # the kinds the lead names but that do not count, specific ones first
    for text, conf in ((lead, 0.8), ("\n".join(paras[2:5]), 0.5)):
        if ascii_but_punctuation(text):  # (curly quotes and dashes: the faster patterns too)
            low, specific, general = text.lower(), SPECIFIC_ANY_LOWER, GENERAL_ANY_LOWER
            specifics, generals = SPECIFIC_LOW, GENERAL_LOW
        else:
            low, specific, general = text, SPECIFIC_ANY, GENERAL_ANY
            specifics, generals = SPECIFIC_RE, GENERAL_RE
        # one pass says whether the text holds any specific kind (most do not; and lowered ASCII
        # text without any of their words holds none); the loop says which
        if (not text.isascii() or any(word in low for word in SPECIFIC_WORDS)) and specific.search(low):
            kind = _specific_kind(text, low, specifics, aside if conf == 0.8 else None)
            if kind:
                return kind, conf
        found, hidden = _general_kind(text, low, general, generals, conf)
        if found:
            return found
        if conf == 0.8:
            # set aside, but all there is: a talk in person is no call but a meeting; a summit set aside as the
            # setting or the two parties of a meeting gives the meeting
            kinds = {h.lastgroup for h in hidden if not _to_come(text, h)}
            of_two = any(h.lastgroup == "summit" and _summit_is_meeting(text, h) for h in hidden)
            aside += ["meeting" if kind == "summit" and of_two or kind == "phone_call" else kind
                      for kind, _ in GENERAL if kind in kinds]
            if not aside and paras:
                # no word of an encounter, but "A and B discussed trade in Tehran": they met
                d = DISCUSSED_RE.search(paras[0])
                if d and not _not_the_event("meeting", paras[0], d):
                    return "meeting", 0.5
    return (aside[0], 0.4) if aside else ("other", 0.3)


def _gathering(lead: str, para: str) -> tuple[str, float] | None:
    """A press conference framing the lead, or a summit: leaders or heads of state or government
    gathered, a "Meeting of Heads of Government", read in the first sentence."""
    first = para[:_sentence(para, 0, 0)[1]]
    low = first.lower()  # (cheap tests first: most first sentences hold none of these words)
    frame = CONFERENCE_FRAME_RE.search(first) if "conference" in low else None
    if frame and not IN_PERSON_RE.search(first) and not _to_come(first, frame):
        return "press_conference", 0.7
    gathering = GATHERING_RE.search(first) if ("leaders" in low or "heads of" in low) else None
    if gathering and (gathering.group().lower().startswith("heads of")  # (heads of state met: a summit)
                      or any(not _not_the_event("summit", lead, m) for m in SUMMIT_RE.finditer(lead))):
        return "summit", 0.7
    if "heads of" in low:
        heads = HEADS_MEETING_RE.search(first)  # "the Meeting of the Conference of Heads of Government"
        if heads and not _not_the_event("summit", first, heads):
            return "summit", 0.7
    # ("heads of" in any case, without lowering the paragraph)
    if ("eads of" in para or "EADS OF" in para) and not IN_PERSON_RE.search(first):
        heads = HEADS_BEFORE_RE.search(para)
        if heads and not _not_the_event("summit", para, heads):
            return "summit", 0.6
    return None


def _specific_kind(text: str, low: str, specifics, aside: list | None) -> str | None:
    """The first specific kind (SPECIFIC's order) the text names in a way that counts; the kinds
    it names only in ways that do not, and not as still to come, are added to `aside` (the
    lead's; None for the paragraphs after it)."""
    for kind, pattern in specifics:
        matches = list(pattern.finditer(low))
        counted = next((m for m in matches if not _not_the_event(kind, text, m)), None)
        if counted is not None:
            if kind == "joint_statement" and _visit_before(text, low, specifics, counted.start()):
                return "visit"  # "X made an official visit to Y.\n\nX and Z issued a joint statement"
            return kind
        if aside is not None and any(not _to_come(text, m) for m in matches):
            aside.append(kind)  # (one still to come is no fallback either)
    return None


def _visit_before(text: str, low: str, specifics, at: int) -> bool:
    """Whether a state or official visit that counts is reported in a sentence before the one at
    `at`: a joint statement signed in a later sentence is an outcome of that visit ("X arrived for a
    three-day visit. ... where they signed a joint declaration")."""
    s0, _ = _sentence(text, at, at)
    if s0 <= 0:
        return False
    visit = dict(specifics)["visit"]
    return any(not _not_the_event("visit", text, m) for m in visit.finditer(low, 0, s0))


def _general_kind(text: str, low: str, general, generals, conf: float) -> tuple[tuple[str, float] | None, list]:
    """The general kind that appears first and counts: the leftmost match of any of them; when
    one that does not count hides another at its place, each kind is looked for on its own.
    With the matches set aside (for the lead's fallback)."""
    hidden, two_summit = [], False
    for m in general.finditer(low):
        if conf < 0.8 and m.lastgroup == "statement":
            continue  # words said further down are said at the event the lead reports
        if not _not_the_event(m.lastgroup, text, m):
            if two_summit and m.lastgroup in ("other", "statement"):
                return ("meeting", conf - 0.2), hidden  # two leaders' summit, where they also signed or said things
            if m.lastgroup == "statement" and VISITOR_RE.search(text, 0, m.start()):
                return ("visit", conf - 0.2), hidden  # "Visiting Minister X said in a statement": a visit
            return (m.lastgroup, conf - 0.2), hidden
        if m.lastgroup == "summit" and _summit_of_two(text, m) and not _to_come(text, m):
            two_summit = True
        if conf == 0.8 and m.lastgroup == "visit" and _visitor_is_subject(text, m):
            # "Visiting Foreign Minister X said ...": a visit reported through what the visitor said,
            # unless the lead goes on to say where it was said ("X said during talks with Y")
            during = SAID_DURING_RE.search(text, m.end())
            if during:
                return ("talks" if during.group(1).lower() == "talks" else "meeting", 0.6), hidden
            return ("visit", 0.6), hidden
        hidden.append(m)
    for h in hidden:  # another kind that starts within a match set aside
        for kind, pattern in generals:
            m = pattern.search(low, h.start(), h.end() + 40)
            if m and m.start() < h.end() and kind != h.lastgroup and not (conf < 0.8 and kind == "statement") \
                    and not _not_the_event(kind, text, m):
                return (kind, conf - 0.2), hidden
    return None, hidden


def _minister_received(text: str, s0: int, start: int, s1: int) -> bool:
    """Whether a visit is a minister's (no head of state or government) who the text then has
    received by a head of state or government: "the Foreign Minister of A paid a visit to B. He
    was received by the President": the reception is the event, the visit its setting (received
    by a counterpart, the visit stays the event)."""
    before = text[s0:start]
    if "inister" not in before and "ecretary" not in before and "nvoy" not in before:
        return False  # (a cheap test first)
    return (MINISTER_RE.search(before) is not None and HEAD_RE.search(before) is None
            and RECEIVED_RE.search(text, s1) is not None)


def _visitor_is_subject(text: str, m: re.Match) -> bool:
    """Whether the match is "Visiting" opening a sentence (after a dateline) that reports no other
    encounter: the visitor is who the sentence is about."""
    s0, s1 = _sentence(text, m.start(), m.end())
    before = text[s0:m.start()]
    return VISITOR_RE.match(text, m.start()) is not None and (
        not before.strip() or len(before) < 60 and DATELINE_END_RE.search(before) is not None) and not any(
        e.lastgroup != "visit" and not _not_the_event(e.lastgroup, text, e) for e in ENCOUNTER_ANY.finditer(text, m.end(), s1))


def _to_come(text: str, m: re.Match, words: re.Pattern = FUTURE_PLACE_RE) -> bool:
    """Whether the match tells of an encounter still to come ("will visit", "the talks planned
    for next week"; with FUTURE_BEFORE_RE, "invited him to visit" too)."""
    s0, s1 = _sentence(text, m.start(), m.end())
    return (words.search(text, max(s0, m.start() - 60), m.start()) is not None
            or FUTURE_AFTER_RE.search(text[m.end():s1]) is not None)


def _not_the_event(kind: str, text: str, m: re.Match) -> bool:
    """A match that does not report the event: "Visiting Chinese Foreign Minister X" names a
    visitor; "on the sidelines of the G20 summit": the summit is the setting; and the cases of
    event_type's docstring."""
    start, end = m.start(), m.end()
    s0, s1 = _sentence(text, start, end)
    before, after = text[max(s0, start - 60):start], text[end:s1]
    if _to_come(text, m, FUTURE_BEFORE_RE) or any(w in before for w in NEGATION_WORDS) and NEGATED_RE.search(before):
        return True
    if before[:1] and _earlier_clause(text, start, end):
        return True  # "Following her part in the summit last week, ...": another, earlier encounter
    if kind == "visit":
        return (VISITOR_RE.match(text, start) is not None or PURPOSE_RE.search(after) is not None
                or TALKED_ABOUT_RE.search(before) is not None
                or _minister_received(text, s0, start, s1)
                or DURING_RE.search(before) is not None
                and any(e.lastgroup != "visit" for e in ENCOUNTER_ANY.finditer(text, s0, s1))
                or APPOSED_VISIT_RE.search(before) is not None and "," in after
                and any(e.lastgroup != "visit" for e in ENCOUNTER_ANY.finditer(text, end + after.index(","), s1)))
    if kind == "talks" and BRIEFED_ON_RE.search(before):
        return True
    if kind == "talks" and m.group().lower().endswith("dialogue") and TOPIC_RE.search(text, s0, start):
        return True  # "they discussed the deepening of political dialogue": a topic, not the event
    if kind == "summit":
        return (SIDELINES_RE.search(before) is not None or _summit_is_meeting(text, m)
                or SETTING_RE.search(before) is not None and OF_TWO_IN_SENTENCE_RE.search(text, end, s1) is not None)
    if kind == "meeting" and (_for_talks(after)
                              or m.group()[:4].lower() == "host" and HOSTED_RE.match(after)
                              or m.group()[-3:] in (" to", " in") and m.group()[:1] in "wW"
                              and not text[end + 1:end + 2].isupper()):
        return True  # (welcomed ... to a place: a capital follows)
    if kind == "phone_call" and m.group().lower().startswith(("spoke", "speaks", "talked")):
        # placed somewhere, or told with an encounter in person, it is no call; but what they
        # spoke about ("about the war in Ukraine", "the summit planned in Tokyo") places nothing
        topic = TOPIC_RE.search(text, end, s1)
        cut = topic.start() if topic else s1
        return (SPOKE_PLACED_RE.search(text, s0, cut) is not None
                or any(not _to_come(text, e) for e in ENCOUNTER_ANY.finditer(text, s0, cut)))
    return False


def _for_talks(after: str) -> bool:
    """Whether the words after a verb of meeting give its purpose, which names the event: "hosted
    him for talks", "met for a trilateral summit". A summit that one person was met for ("met
    Mexican President X for a ranch-house summit") is the meeting of the two: it names nothing else."""
    purpose = FOR_TALKS_RE.search(after)
    if purpose is None:
        return False
    return not (purpose.group().lower().endswith("summit") and after[1:2].isupper())


def _summit_is_meeting(text: str, m: re.Match) -> bool:
    """"on the sidelines of the summit", "the Chad-Niger summit", "a summit meeting", "a summit
    with his counterpart", "the two prime ministers held a virtual summit": the summit word names
    a meeting of two (a summit is a gathering of many: its sentence names a body, a bloc or leaders)."""
    s0, _ = _sentence(text, m.start(), m.end())
    return MARGINS_RE.search(text, max(s0, m.start() - 60), m.start()) is not None or _summit_of_two(text, m)


def _summit_of_two(text: str, m: re.Match) -> bool:
    """Whether the summit word names the meeting of two parties ("the Chad-Niger summit", "a
    summit meeting", a summit whose paragraph names no body, bloc or leaders)."""
    s0, _ = _sentence(text, m.start(), m.end())
    return (BILATERAL_RE.search(text, max(s0, m.start() - 40), m.start()) is not None
            or SUMMIT_OF_TWO_RE.match(text, m.end()) is not None
            or not _names_many(text[text.rfind("\n", 0, m.start()) + 1:
                                    len(text) if text.find("\n", m.end()) < 0 else text.find("\n", m.end())]))


@lru_cache(maxsize=64)
def _names_many(paragraph: str) -> bool:
    """Whether a paragraph names many parties: a body or a bloc ("the SAARC Summit", "the G20",
    "E.U."; a state's initials are no body), leaders or states in the plural ("States" with a
    capital is "the United States"), a three-way meeting."""
    return (MANY_WORDS_RE.search(paragraph.lower()) is not None
            or any(m.group().rstrip(".") not in NOT_A_BODY and m.group() not in NOT_A_BODY
                   for m in MANY_CASED_RE.finditer(paragraph)))


def _locative_places(p: Paragraph, reg: Registry):
    """(kind, token, value) for every city/venue or country named after "in", "to", "at" ....:
    at each capitalised token, the word before it says whether a place may start there
    (`_locative_head`), the reading of a phrase that names no place is set aside
    (`_names_no_place`), and the place is read (`_place_after`); two forms need no preposition
    ("the border town of Borderby", "the Quebec City meeting")."""
    for i in p.caps:
        if i == 0:
            continue
        prev = p.folded[i - 1]
        if prev == "of" and i > 2 and p.folded[i - 2] in PLACE_NOUNS:
            town = _town_of(p, i, reg)  # "in the border town of Borderby (Norland)"
            if town:
                yield "city", i, town
            continue
        at = _locative_head(p, i)
        if at is None:
            if prev in ATTRIBUTIVE_BEFORE:
                city = _encounter_city(p, i, reg)
                if city:
                    yield "city", i, city
            continue
        if _names_no_place(p, at):
            continue
        found = _place_after(p, i, at, reg)
        if found:
            yield found[0], i, found[1]


def _locative_head(p: Paragraph, i: int) -> int | None:
    """The token of the preposition or verb that makes the capitalised token i the start of a
    place: "in Hanoi", "visited Hanoi", "on his return from Hanoi" (where he was), "at 10 Downing
    Street", "in the Hague", "in the north of ..."; None otherwise, and for a word that may name
    the encounter by its city ("today's Geneva talks": `_encounter_city`)."""
    f, prev = p.folded, p.folded[i - 1]
    if prev in PREPOSITIONS or prev in VISIT_VERBS or prev == "from" and i > 1 and f[i - 2] in RETURN_WORDS:
        return i - 1
    if prev.isdigit() and i > 1 and f[i - 2] in PREPOSITIONS:
        return i - 2
    if prev == "the" and i > 1 and (f[i - 2] in PREPOSITIONS or f[i - 2] == "from" and i > 2 and f[i - 3] in RETURN_WORDS):
        return i - 2
    if prev in ATTRIBUTIVE_BEFORE:
        return None
    if prev in DIRECTIONS and i > 2 and f[i - 2] == "the" and f[i - 3] in PREPOSITIONS:
        return i - 3
    return None


def _encounter_city(p: Paragraph, i: int, reg: Registry) -> tuple[str, str] | None:
    """"the Quebec City meeting", "today's Geneva talks": a city at token i that names the
    encounter after it."""
    if ENCOUNTER_NOUNS.isdisjoint(p.folded[i + 1:i + 5]):
        return None  # (a cheap test first)
    n, place = longest_match(p.folded, i, reg.places)
    return place if n and i + n < len(p.folded) and p.folded[i + n] in ENCOUNTER_NOUNS else None


def _names_no_place(p: Paragraph, at: int) -> bool:
    """Whether the preposition at token `at` opens a phrase that says no place of the event:
    a source ("according to the White House"), what is talked about ("discussed the situation in
    Gaza") or part of a title ("the Ambassador to Vietnam")."""
    if not at:
        return False
    f = p.folded
    return (f[at] == "to" and f[at - 1] == "according"
            or f[at] in ("in", "at") and f[at - 1] in MENTION_NOUNS
            or f[at] == "to" and any(w in ENVOY_WORDS for w in f[max(0, at - 3):at]))


def _place_after(p: Paragraph, i: int, at: int, reg: Registry) -> tuple[str, tuple[str, str] | str] | None:
    """The place named from token i, after the preposition or verb at `at`: ("city", a known
    place or venue), ("country", its code), or None when the words name something else."""
    f, prev = p.folded, p.folded[i - 1]
    n, place = longest_match(f, i, reg.places)
    if n and i + n < len(p.words) and (p.words[i + n][:1].isupper() and p.words[i + n][0].isalpha()
                                       and f[i + n] not in STOP_NAME_WORDS
                                       and not (at == i - 1 and _named_after(p, i + n))
                                       and not _airport(p, i + n)
                                       or f[i + n] in STAFF_NOUNS or f[i + n] in MEDIA_NOUNS):
        return None  # "at Tel Aviv University", "in the Washington Post", "to the White House press office"
    if n:
        return "city", place
    n, code = longest_match(f, i, reg.country_names)
    if n and i + n < len(f) and f[i + n] == "'s":
        # "in Myanmar's capital, Naypyitaw", "to Kenya's port city of Mombasa"
        city = _place_noun_city(p, i + n + 1, code, reg)
        if city:
            return "city", city
    if not n:
        n, code = longest_match(f, i, reg.regions)  # "in Sicily": the country, no city
    if n and prev == "visiting" and i + n < len(p.words) and p.words[i + n][:1].isupper():
        return None  # "visiting New Zealand Prime Minister X": the guest's state, not a place
    if n and (f[at] in ("in", "to", "from") or prev in VISIT_VERBS):
        return "country", code
    # "in the Tanzanian city of Arusha", "in the Omani capital (Muscat)", "in the eastern
    # German city of Weimar"
    n, codes = longest_match(f, i, reg.demonyms)
    if n and (prev == "the" or prev in DIRECTIONS and i > 1 and f[i - 2] == "the"):
        city = _place_noun_city(p, i + n, codes[0], reg)
        return ("city", city) if city else None
    if not n and prev == "in":
        town = _town_then_state(p, i, reg)  # "in Puerto Natales, Chile": a town the registry does not know
        if town:
            return "city", town
    return None


def _venue(p: Paragraph, k: int, place: tuple[str, str], reg: Registry) -> bool:
    """Whether the place found at token k is named by a venue ("the Peace Palace"), not by its
    city's own name (nor by "the Omani capital")."""
    n, _ = longest_match(p.folded, k, reg.places)
    return n > 0 and tuple(p.folded[k:k + n]) != _tokens(place[0])


@lru_cache(maxsize=256)
def _tokens(name: str) -> tuple[str, ...]:
    """A place's name as folded tokens."""
    return tuple(Paragraph.of(name).folded)


def _town_then_state(p: Paragraph, i: int, reg: Registry) -> tuple[str, str] | None:
    """At token i, after "in": capitalised words that the text itself places in a state by
    naming it after a comma ("in Puerto Natales, Chile"), when they name no state of their own."""
    f, end = p.folded, i
    while end < len(f) and end - i < 3 and p.words[end][:1].isupper() and p.words[end].isalpha():
        end += 1
    if end == i or end + 1 >= len(f) or f[end] != "," or longest_match(f, i, reg.country_names)[0]:
        return None
    n, code = longest_match(f, end + 1, reg.country_names)
    if not n or end + 1 + n < len(f) and p.words[end + 1 + n][:1].isupper():
        return None  # no state after the comma, or a longer name ("Chile Ventures")
    return p.text[p.spans[i][0]:p.spans[end - 1][1]], code


def _named_after(p: Paragraph, k: int) -> bool:
    """Whether the capitalised words from token k are a name set off by a comma ("in Brussels
    Anna Mirova, Foreign Minister of ..."): a person after the place, not a longer name
    of the place's institution ("in the Washington Post")."""
    end = k
    while end < len(p.words) and end - k < 4 and p.words[end][:1].isupper():
        end += 1
    return end - k >= 2 and end < len(p.words) and p.words[end] == ","


def _airport(p: Paragraph, k: int) -> bool:
    """Whether the capitalised words from token k end a city's airport ("at Beijing Capital
    International Airport"): the airport is the city's."""
    end = k
    while end < len(p.words) and end - k < 4 and p.words[end][:1].isupper():
        if p.folded[end] == "airport":
            return True
        end += 1
    return False


def _town_of(p: Paragraph, i: int, reg: Registry) -> tuple[str, str] | None:
    """At token i, after "in the (border) town of": the town, with the state a known town lies in
    or the text names right after it ("Borderby (Norland)", "Borderby, Norland")."""
    f, j = p.folded, i - 3  # the token before the place noun
    while j > 0 and f[j] != "the" and p.words[j].isalpha() and f[j] != "of" and i - j < 6:
        j -= 1  # "the border", "the small coastal", "the Black Sea"
    if j < 1 or f[j] != "the" or f[j - 1] not in PREPOSITIONS:
        return None
    n, place = longest_match(f, i, reg.places)
    if n:
        return place
    end = i
    while end < len(f) and end - i < 3 and p.words[end][:1].isupper() and p.words[end][0].isalpha():
        end += 1
    after = end + 1 if end < len(f) and f[end] in ("(", ",") else None
    n, code = longest_match(f, after, reg.country_names) if after else (0, None)
    if not n or longest_match(f, i, reg.country_names)[0]:
        return None
    return p.text[p.spans[i][0]:p.spans[end - 1][1]], code


def _place_noun_city(p: Paragraph, k: int, code: str, reg: Registry) -> tuple[str, str] | None:
    """At token k a place noun ("capital", "port city of"): the city named after it, else, for
    "capital", the capital of the state `code`."""
    f, n = p.folded, len(p.folded)
    if k < n and f[k] in ("port", "border", "coastal", "northern", "southern", "eastern", "western"):
        k += 1
    if k >= n or f[k] not in PLACE_NOUNS:
        return None
    after = k + 1
    while after < n and f[after] in (",", "of"):
        after += 1
    m, place = longest_match(f, after, reg.places) if after < n else (0, None)
    if m:
        return place
    if f[k] == "capital" and code in reg.countries and reg.countries[code].capital:
        return reg.countries[code].capital, code
    if f[k] != "capital" and after == k + 2 and f[k + 1] == "of":
        # "the German city of Weimar": a town the registry does not know is named by the text
        end = after
        while end < n and end - after < 3 and p.words[end][:1].isupper() and p.words[end][0].isalpha():
            end += 1
        if end > after and not longest_match(f, after, reg.country_names)[0]:
            return p.text[p.spans[after][0]:p.spans[end - 1][1]], code
    return None


def dateline_place(dateline: str | None, reg: Registry) -> tuple[str, str] | None:
    """The (city, country) a dateline is filed from ("SEOUL", "LILONGWE, Malawi"), if known; a
    state whose capital bears its name stands for the capital ("KUWAIT", "PANAMA", "GUATEMALA")."""
    if not dateline:
        return None
    parts = dateline.split(",")
    key = tuple(Paragraph.of(parts[0]).folded)
    place = reg.places.get(key)
    code = reg.country_names.get(key) if place is None else None
    capital = reg.countries[code].capital if code in reg.countries else None
    if capital and fold(capital).split()[:len(key)] == list(key):
        place = reg.places.get(tuple(Paragraph.of(capital).folded))
    if place is None and code is None and len(parts) > 1 and 0 < len(key) <= 4:
        # "SAN CRISTOBAL, Mexico": a town the registry does not know, in the state the dateline names
        state = tuple(Paragraph.of(parts[1]).folded)
        where = reg.country_names.get(state) or reg.regions.get(state)
        town = parts[0].strip()
        if where and all(w.isalpha() for w in town.replace("-", " ").replace("'", "").split()):
            place = (town.title() if town.isupper() else town, where)
    return place


def _in_passing(p: Paragraph, k: int) -> bool:
    """Whether the place at token k is named for another time or another purpose: "golfed at Camp
    David earlier this year", "will travel on to Seoul", "its embassy in Manila"."""
    start = p.spans[k][0]
    s0, _ = _sentence(p.text, start, start)
    return (PAST_AFTER_RE.match(p.text, p.spans[k][1]) is not None
            or PAST_BEFORE_RE.search(p.text, max(s0, start - 40), start) is not None
            or CAME_FROM_RE.search(p.text, max(s0, start - 30), start) is not None
            or FUTURE_PLACE_RE.search(p.text, max(s0, start - 60), start) is not None
            or _timed_clause(p.text[max(s0, start - 60):start])
            or _earlier_clause(p.text, start, p.spans[k][1])
            or RESIDENT_RE.search(p.text, max(s0, start - 40), start) is not None)


def _earlier_clause(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] lies in a sentence of another time ("Earlier in the day, ..."), or in
    the opening clause of its sentence, and that clause tells of another time: "Following the
    summit in New York last week, the Prime Minister was invited ..."."""
    s0, s1 = _sentence(text, start, end)
    if EARLIER_SENTENCE_RE.match(text, s0):
        return True
    if not EARLIER_CLAUSE_RE.match(text, s0, start):
        return False
    comma = text.find(",", end, s1)
    return EARLIER_TIME_RE.search(text, s0, comma if comma >= 0 else s1) is not None


def _timed_clause(before: str) -> bool:
    """Whether the text before a place opens a clause of another time ("days after ...")."""
    return ("after" in before or "before" in before or "since" in before) and TIMED_CLAUSE_RE.search(before) is not None


def _reported_there(p: Paragraph, k: int) -> bool:
    """Whether the place at token k is where the sentence that names it puts an encounter: after
    "met ... in", "talks in", "a meeting at", "arrived in" that report the event (not one to
    come), with no clause that moves elsewhere between them ("its embassy in", "who studied in").
    Words quoted are someone's account, often of another day: they do not place the event."""
    start = p.spans[k][0]
    s0, _ = _sentence(p.text, start, start)
    if _in_passing(p, k) or _quoted(p.text, start):
        return False
    for m in ENCOUNTER_ANY.finditer(p.text, max(s0, start - 160), start):
        if not PASSING_RE.search(p.text, m.end(), start) and not RELATIVE_RE.search(p.text, max(s0, m.start() - 40),
                                                                                    m.start()) \
                and not _not_the_event(m.lastgroup, p.text, m):
            return True
    # "It was held at Kings House in Kingston", "The ceremony took place in Y": the event's own sentence
    held = HELD_RE.search(p.text, max(s0, start - 80), start)
    return held is not None and not PASSING_RE.search(p.text, held.end(), start) and not _to_come(p.text, held)


def _quoted(text: str, at: int) -> bool:
    """Whether position `at` of the paragraph lies inside a quotation."""
    before = text[:at]
    return (before.count("\u201c") > before.count("\u201d")) or before.count('"') % 2 == 1


def locate(paras: list[Paragraph], reg: Registry, filed: tuple[str, str] | None,
           kind: str) -> tuple[Location | None, float]:
    """Where the event happened.

    A city that the sentence reporting the event puts it in (in the first four paragraphs)
    wins. Otherwise the lead (three paragraphs) votes: each "in/at/to PLACE" counts for that
    place's country. The first city the lead names wins when its country is among the most
    named (a city of another country mentioned in passing does not); else the leading country,
    with the dateline's city when that is in it, else a city of it the text names; else the
    dateline; else a city the text places things in more than once.
    """
    if kind == "phone_call" or paras and VIRTUAL_RE.search(paras[0].text):
        return None, 0.6  # (a call, or an encounter held by video: no place)
    if kind in NO_PLACE:
        # a statement is placed only where the first paragraph says so ("issued in Suva");
        # otherwise it comes from wherever its authors are
        # (or where the closing formula of a signed text says: "Done at Beijing on 2 May")
        issued = paras[:1] + [p for p in paras[1:] if p.text.startswith(("Done at ", "Done in "))]
        first = next((value for p in issued for what, k, value in _locative_places(p, reg) if what == "city"
                      and ISSUED_RE.search(p.text, max(0, p.spans[k][0] - 50), p.spans[k][0])
                      and not _in_passing(p, k)), None)
        # (or a release's own dateline, a place on a line of its own: "Pretoria, Gauteng")
        first = first or place_line(paras[0] if paras else None, reg)
        return (Location(city=first[0], country=first[1]), 0.5) if first else (None, 0.6)
    filed = filed or inline_dateline(paras[0] if paras else None, reg)
    if filed and any(HERE_RE.search(p.text) for p in paras[:2]):
        # "arrived here on Monday", "talks held here": the place the story is filed from
        return Location(city=filed[0], country=filed[1]), 0.8
    found = [(pi, what, k, value) for pi, p in enumerate(paras) for what, k, value in _locative_places(p, reg)]
    if filed:
        # "PHNOM PENH -- ... met at the Peace Palace": a venue's name that another state's venue
        # shares, in a text filed from elsewhere that names nothing else of that state, is the
        # filing state's own
        foreign = [f for f in found if f[1] == "city" and f[3][1] != filed[1] and _venue(paras[f[0]], f[2], f[3], reg)]
        if foreign:
            named = {value[1] if what == "city" else value for pi, what, k, value in found
                     if not (what == "city" and _venue(paras[pi], k, value, reg))}
            named.update(code for p in paras[:3] for code in states_in(p, 0, len(p.text), reg))  # "Russian President"
            found = [f for f in found if not (f in foreign and f[3][1] not in named)]
    for pi, what, k, value in found:
        if pi < 4 and what == "city" and _reported_there(paras[pi], k):
            return Location(city=value[0], country=value[1]), 0.8
    if filed and paras and not any(f[0] == 0 for f in found) and IN_PERSON_RE.search(paras[0].text):
        # "SAN CRISTOBAL, Mexico -- X met Y today ...": a lead that reports an encounter in
        # person and names no place of its own was filed from where it happened
        return Location(city=filed[0], country=filed[1]), 0.6
    votes, lead_cities, cities, early = Counter(), [], Counter(), []
    for pi, what, k, value in found:
        if _in_passing(paras[pi], k):
            continue
        code = value[1] if what == "city" else value
        if pi < 3:
            votes[code] += 1
            if what == "city":
                lead_cities.append(value)
        if what == "city":
            cities[value] += 1
            if pi < 4:
                early.append(value)
    if votes:
        top = max(votes.values())
        for city, code in lead_cities:
            if votes[code] == top:
                return Location(city=city, country=code), 0.8
    lead_country = max(votes, key=lambda c: (votes[c], -list(votes).index(c))) if votes else None
    if lead_country:
        if filed and filed[1] == lead_country:
            return Location(city=filed[0], country=lead_country), 0.6
        inside = [c for c in (cities if filed else early) if c[1] == lead_country]
        if inside:
            # filed from elsewhere ("WASHINGTON — ... a trip to Japan"): the city of that country
            # the text places things in is where it happened; filed from nowhere, one it names early
            return Location(city=inside[0][0], country=lead_country), 0.5
        line = next((place for p in paras[:6] if (place := place_line(p, reg)) and place[1] == lead_country), None)
        if line:  # a release's dateline on a line of its own: "Santiago, Chile - April 16, 2012"
            return Location(city=line[0], country=lead_country), 0.5
        seat = seat_place(paras[:4], reg, lead_country, filed)
        return Location(city=seat[0] if seat else None, country=lead_country), 0.5
    if filed:
        return Location(city=filed[0], country=filed[1]), 0.6
    arrived = next((value for pi, what, k, value in found if what == "city" and ARRIVED_IN_RE.search(
        paras[pi].text, max(0, paras[pi].spans[k][0] - 30), paras[pi].spans[k][0])), None)
    if arrived:  # nothing else places it: "... by the time he arrived in Jakarta last night"
        return Location(city=arrived[0], country=arrived[1]), 0.4
    seat = seat_place(paras[:4], reg, None, filed)
    if seat:
        return Location(city=seat[0], country=seat[1]), 0.4
    if cities and cities.most_common(1)[0][1] > 1:
        (city, code), _ = cities.most_common(1)[0]
        return Location(city=city, country=code), 0.4
    return None, 0.3


def topics(reg: Registry, paras: list[Paragraph], limit: int = 5) -> tuple[str, ...]:
    """Topics whose keywords the article uses most (at least twice, or once for the best)."""
    counts: Counter = Counter()
    table = reg.topic_keywords
    is_first = table.firsts.__contains__
    for p in paras:
        nxt = 0
        for i in list(compress(count(), map(is_first, p.folded))):  # where a keyword may start
            if i < nxt:
                continue
            n, name = longest_match(p.folded, i, table)
            if n:
                counts[name] += 1
                nxt = i + n
    ranked = [(name, c) for name, c in sorted(counts.items(), key=lambda kv: (-kv[1], reg.topics.index(kv[0])))]
    chosen = [name for name, c in ranked if c >= 2][:limit]
    return tuple(chosen or [name for name, _ in ranked[:1]])


VERBS = {"meeting": "meets", "talks": "holds talks with", "phone_call": "speaks by phone with",
         "visit": "visits", "summit": "and", "joint_statement": "in joint statement with",
         "press_conference": "and", "statement": "on", "other": "and"}
ALONE = {"press_conference": "holds press conference", "statement": "issues statement", "meeting": "holds meeting",
         "talks": "holds talks", "summit": "at summit", "joint_statement": "in joint statement",
         "phone_call": "in phone call"}
# Forms of address that stand before a name and are no part of it (besides lexicon.HONORIFICS)
# (those in capitals count only as written: "HE" is His Excellency, "He" a surname)
CAPITAL_ADDRESS = frozenset("H.E. H.H. HE HH H E H.E H.H".split())
ADDRESS = frozenset(fold(w) for w in ("Hon. Hon Honourable Honorable His Her Excellency "
                                      "Highness Majesty Royal The Amir Emir Sultan King Queen Pope Padre").split())
# Words of institutions, never of a person's name ("Council on Foreign Relations Omar Haddad")
INSTITUTION_WORDS = frozenset("relations affairs cooperation strategic council committee commission ministry "
                              "republic kingdom federation assembly agency institute centre center union "
                              "on and for".split())


def _headline_name(name: str, reg: Registry) -> str | None:
    """The name as a headline shows it: without forms of address ("H.E.", "Sheikh", "Hon.") or
    words of an office or a place taken in with it ("Foreign Relations Omar Haddad",
    "Brussels Anna Mirova"); None when nothing of a name is left (a capital taken for a person)."""
    # "MOTEGI Toshimitsu": a surname written in capitals, as some readouts do, is shown as a name
    words = [w.capitalize() if len(w) > 2 and w.isalpha() and w.isupper() else w
             for w in name.replace("\u00a0", " ").split()]
    name = " ".join(words)
    first = fold(words[0]) if words else ""
    if not (first in HONORIFICS or first in ADDRESS or words[:1] and words[0] in CAPITAL_ADDRESS or first in INSTITUTION_WORDS
            or first in reg.title_starts
            or first in reg.ref_firsts or first in reg.domains.firsts or first in reg.titles.firsts):
        return name  # the common case: the name starts with a name
    folded = [fold(w) for w in words]
    i = 0
    while i < len(words):
        if folded[i] in HONORIFICS or folded[i] in ADDRESS or words[i] in CAPITAL_ADDRESS:
            i += 1
            continue
        n = max(longest_match(folded, i, table)[0]
                for table in (reg.domains, reg.places, reg.country_names, reg.demonyms, reg.titles))
        if not n and (folded[i] in reg.title_starts or folded[i] in INSTITUTION_WORDS) and i + 1 < len(words):
            n = 1  # "Foreign" and "Relations" of "Foreign Relations ..."
        if not n:
            break
        i += n
    return " ".join(words[i:]) or None


def _topic_phrase(topic: str, reg: Registry) -> str:
    """"trade", but "Korean Peninsula", "Iran nuclear deal": a topic keeps the capital of a state's
    name or nationality word."""
    first = fold(topic.split()[0].split("-")[0])
    proper = (first,) in reg.demonyms or (first,) in reg.country_names
    return topic if proper else topic[:1].lower() + topic[1:]


def compose_headline(people: tuple[Person, ...], kind: str, where: Location | None, reg: Registry,
                     topics_: tuple[str, ...]) -> str:
    """A headline for an article that has none: "Wang Yi meets Katsunobu Kato in Tokyo".

    It never shows a form of address or a fragment of a name, and never has someone visit a
    place of their own state: the visitor is one whose state is not the place's, the host the
    one whose state is."""
    place = where.city or reg.country_name(where.country) if where else None
    named = [(p, name) for p in people for name in [_headline_name(p.name, reg)] if name]
    if not named:
        return f"{topics_[0]} briefing" if topics_ else "Briefing"
    first, first_name = named[0]
    other = next((x for x in named[1:] if x[0].country != first.country), named[1] if len(named) > 1 else None)
    if kind == "visit" and not place and other and other[0].country and other[0].country != first.country:
        where, place = Location(city=None, country=other[0].country), reg.country_name(other[0].country)
    if kind == "visit" and place:  # a visit places itself in the host's state when nothing else does
        visitor = next((x for x in named if x[0].country and x[0].country != where.country), None)
        host = next((x for x in named if x[0].country == where.country), None)
        if visitor and (host or other is None or other[0].country == visitor[0].country):
            return f"{visitor[1]} visits {place}" + (f", meets {host[1]}" if host else "")
        # no one comes from elsewhere (a visit of one's own capital is no visit), or two guests
        # meet in a third state: a meeting there
        kind = "meeting"
    if kind == "statement":
        other = None  # a statement is its author's: "X on Y" would read as a judgement of Y
    if other is None:
        head = f"{first_name} {ALONE[kind]}" if kind in ALONE else first_name
        if place and kind not in NO_PLACE:
            return head + f" in {place}"
        return head + (f" on {_topic_phrase(topics_[0], reg)}" if topics_ and kind in ("statement", "other") else "")
    head = f"{first_name} {VERBS.get(kind, 'and')} {other[1]}"
    if kind == "press_conference":
        head += " hold press conference"
    elif kind == "summit":
        head += " at summit"  # "X and Y at summit in Z": both attend it
    return head + (f" in {place}" if place and kind not in NO_PLACE else "")


def summarise(paras: list[str], limit: int = 400) -> str:
    """The lead: the first paragraph, cut after a sentence when it runs long."""
    if not paras:
        return ""
    lead = paras[0]
    if len(lead) <= limit:
        return lead
    cut = [m.end() for m in re.finditer(r"[.!?][\"”’]?(?=\s+[A-Z“\"])", lead) if m.end() <= limit]
    return lead[:cut[-1]] if cut else lead[:limit].rsplit(" ", 1)[0] + "…"
