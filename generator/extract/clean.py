"""Layer 1: wire text -> date, headline, dateline and the article's own paragraphs."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.errors import SourceError
from generator.extract import furniture
from generator.extract.types import WRITTEN_DATE

DATE_LINE_RE = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\S+)[ \t]*")
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")

# Lines that are not the article: furniture of the page it was copied from. Its phrases are
# data (data/boilerplate.yaml: a line start, a whole line, or anywhere in a short paragraph),
# compiled once here; bench/boilerplate_counts.py reports how often each fires.
FURNITURE = furniture.load()
# Forms that are no phrase: a line that is a time stamp or a date with a little after it
# ("10:42 a.m. ET", "12/05/2023 14:00")
STAMP_RE = re.compile(r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\b.{0,30}|\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,20})$", re.I)
# an embedded tweet's signature: "— Jane Doe (@janedoe) May 2, 2024"
TWEET_SIGNATURE_RE = re.compile(r"— .{1,60}\(@\w+\) \w+ \d{1,2}, \d{4}$")
ANYWHERE_MAX = 400  # furniture inside a paragraph counts only in a short one (a long one is the article)
# A credit line ("Jane Doe contributed to this report."): kept apart because trying its 60
# starting points costs more than all the rest, and only a short line can match (60
# characters, the 26 of the phrase, a stop and a line end).
CONTRIBUTED_RE = re.compile(r".{0,60}\bcontributed to this report\.?$", re.I)
CONTRIBUTED_MAX = 60 + len("contributed to this report") + 2
CAPTION_END_RE = re.compile(
    r"(?:\((?:AP|AFP|Reuters|Getty)[^)]*(?:Photo|Images?)[^)]*\)|\((?:Photo|Picture|Image)s?:[^()]{2,80}\)|"
    r"\b(?:Photo|Picture|Image)s?: [^.]{2,80}|"
    r"\|\s*(?:[A-Z][\w.]*\s*){1,4}\|\s*(?:Getty Images|AFP|Reuters|Bloomberg)[^|]*)\s*$")
CREDIT_SPLIT_RE = re.compile(r"^(?P<caption>.+?[.)])\s*\|\s*(?:AP|AFP|Reuters|Getty Images|EPA|Xinhua)"
                             r"(?: Photo)?\s+(?P<headline>\S.{8,200})$")
LINK_CLUTTER_RE = re.compile(
    r"\b(?P<shown>(?:[A-Z][\w'-]+ ){0,2}(?P<short>[A-Z][\w'-]+)) "
    r"(?P<full>(?:[A-Z][\w.'-]* ){1,4}(?P=short))(?=[A-Z\d'‘“\"])"
    r".{0,600}? MORE\b")
BYLINE_RE = re.compile(r"^(?:[Bb]y\s+)?[A-Z][\w'-]*\.?(?:\s+[A-Z][\w'-]*\.?){0,3}(?<!\.)$|^(?i:special to\b|by\s)")
# A line that is only a date (and time): "Tuesday March 8, 2005", "Fri 6 Oct 2023 18.05 BST",
# "Published On 4 Jan 2023"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_ONLY_RE = re.compile(
    r"^(?:(?:published|updated|posted)(?: on)?:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}),?\s+\d{4}"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?$", re.I)
# "Jane Doe in Tokyo", "Jane Doe in Paris and John Roe in Brussels": bylines with the place of filing
BYLINE_PLACE_RE = re.compile(r"^(?:By )?(?:[A-Z][\w'’.-]+ ){1,3}in (?P<place>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?)"
                             r"(?: and (?:[A-Z][\w'’.-]+ ){1,3}in [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?)?$")
# "By Jane Doe, BBC News, Istanbul": a byline with the outlet and the place of filing
BYLINE_OUTLET_RE = re.compile(r"^By (?:[A-Z][\w'’.-]* ){0,3}[A-Z][\w'’-]+, [A-Z][\w '’&.,-]{0,60}(?<!\.)$")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATELINE_RE = re.compile(
    # (a city's name may hold a lower-case particle: "Rio de Janeiro", "Dar es Salaam")
    r"^(?P<city>[A-Z][A-Za-z.'’-]*(?:[ -](?:(?:de|da|do|dos|das|del|di|la|le|es|al|el|am|an|upon|sur)[ -])?"
    r"[A-Z][A-Za-z.'’-]*){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?)"
    r"(?:\s*\[[A-Z][A-Za-z. ]{1,30}\])?"  # "Lima [Peru], Aug 25 (ANI):": the state in square brackets
    r"(?P<dated>,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,\s*\d{4})?"
    # (or with no comma, a month's name and the year after a slash: "Addis Ababa November 30/2020 (ENA)")
    r"|\s+(?:" + MONTHS + r")\s+\d{1,2}/\d{4})?"
    # the agency in brackets, "(Reuters) -", or between slashes, "May 22. /TASS/.", "2025/APO Group/ --"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\)\s*(?:--|—|–|-|:)?"
    r"|\.?\s*/\s?(?P<slashed>[A-Za-z][\w .&-]{0,20}?)\s?/\.?(?:\s*(?:--|—|–))?"
    # or its acronym after a comma and before a dash: "RIYADH, May 2, 2021, SPA --"
    r"|,\s*(?P<acronym>[A-Z]{2,10})\s*(?:--|—|–)"
    # or, after a day's date, a full stop: "BAKU, Azerbaijan, May 3. The President ..."
    r"|\s*(?:--|—|–|:|\s-)|(?<=\d)\.)\s+(?=\S)")


# Two more forms of agencies' datelines: "MOSCOW. May 2. INTERFAX -" (full stops after the place and
# the date, the agency in capitals) and "Abu Dhabi-WAM:" (the agency joined by a hyphen)
DATELINE_STOPS_RE = re.compile(r"^(?P<city>[A-Z][A-Za-z'’-]*(?: [A-Z][A-Za-z'’-]*){0,2})"
                               r"(?:\.\s*[A-Z][a-z]{2,8}\.? \d{1,2}\.\s*|-)(?P<agency>[A-Z]{3,12})\s*(?:--|—|–|-|:)\s+(?=\S)")


DATE_PLACE_RE = re.compile(r"^" + WRITTEN_DATE + r",\s*"
                           r"(?P<place>[A-Z][\w'’ .-]{1,30}(?:,\s*[A-Z][\w'’ .-]{1,30}){0,2})$")


@dataclass(frozen=True)
class Wire:
    """The parts of a wire article that the later layers work on."""

    date: dt.date | None
    headline: str | None
    dateline: str | None
    agency: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...] = ()  # photo captions: not the article's text, but they name who is pictured
    label: str | None = None  # a line in capitals that opens the text, naming its kind ("JOINT COMMUNIQUE")


def parse_date(value: str, name: str, line: int) -> dt.date:
    """An ISO date, or a SourceError naming the file and line."""
    if not ISO_DATE_RE.match(value):
        raise SourceError(f"date {value!r} is not in the form YYYY-MM-DD", name, line)
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise SourceError(f"date {value!r} is impossible ({exc})", name, line) from None


def is_boilerplate(para: str) -> bool:
    """True for page furniture: captions, read-more lines, footers, embedded tweets."""
    # footers and embedded tweets are short: a long paragraph that mentions "all rights
    # reserved" is the article itself (a one-line article with its footer glued on)
    return bool(FURNITURE.start.match(para) or FURNITURE.line.match(para) or STAMP_RE.match(para)
                or BYLINE_PLACE_RE.match(para) or DATE_ONLY_RE.match(para)
                or (len(para) <= CONTRIBUTED_MAX and CONTRIBUTED_RE.match(para))
                or (len(para) < ANYWHERE_MAX and _furniture_inside(para)) or _caption(para) or para.isupper())


def _furniture_inside(para: str) -> bool:
    # every phrase of the kind "anywhere" holds one of its keys: look for them first
    low = para.lower()
    return (any(map(low.__contains__, FURNITURE.keys)) and FURNITURE.anywhere.search(para) is not None
            or "(@" in para and TWEET_SIGNATURE_RE.search(para) is not None)


def _caption(para: str) -> bool:
    # cheap test first: a caption ends with a photo credit in brackets or after a bar
    return ((para.endswith(")") or "|" in para or "Photo" in para or "Picture" in para or "Image" in para)
            and CAPTION_END_RE.search(para) is not None)


def looks_like_headline(para: str) -> bool:
    """A short line that does not end like a sentence and is not a byline."""
    words = para.split()
    if not 4 <= len(words) <= 25 or len(para) > 220:
        return False
    return not para.rstrip("\"”’'").endswith((".", ":", ",", ";")) and not BYLINE_RE.match(para)


def split_paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, inner line breaks folded to spaces."""
    blocks = re.split(r"\n[ \t]*\n", text)
    return [" ".join(filter(None, map(str.strip, b.split("\n")))) for b in blocks if b.strip()]


def parse_wire(text: str, name: str, first_line: int = 1, need_date: bool = True) -> Wire:
    """Split the wire text into date, headline, dateline and clean paragraphs."""
    date = None
    m = DATE_LINE_RE.match(text)
    if m:
        date = parse_date(m.group(1), name, first_line)
        text = text[m.end():]
    elif need_date:
        raise SourceError("no date: the article must start with ' date YYYY-MM-DD ' "
                          "(or give 'date:' in front matter)", name, first_line)
    paragraphs = [LINK_CLUTTER_RE.sub(_unclutter, p) if " MORE" in p else p for p in split_paragraphs(text)]
    headline, captions = None, []
    # "JOINT COMMUNIQUE", "PRESS RELEASE": a label in capitals that opens the text says what kind
    # of text it is (it is no paragraph of the article: is_boilerplate drops it)
    label = next((p for p in paragraphs[:1] if p.isupper() and len(p.split()) <= 12 and not _dateline_only(p)
                  and not FURNITURE.start.match(p) and not FURNITURE.line.match(p)), None)
    for k in (0, 1):  # a dateline on a line of its own ("CITY, Country, May 2, 2025/Agency/ --") opens the text
        if k + 1 < len(paragraphs) and _dateline_only(paragraphs[k]):
            paragraphs[k:k + 2] = [paragraphs[k] + " " + paragraphs[k + 1]]
            break
    dated_place = None
    if paragraphs and len(paragraphs[0]) <= 80 and (dp := DATE_PLACE_RE.match(paragraphs[0])):
        # "May 29, 2000, The Kremlin, Moscow": a release's date and place on a line of their own
        # (the city is named last, after its venue)
        parts = [x.strip() for x in dp.group("place").split(",")]
        dated_place = next((x for x in reversed(parts) if len(x) > 4 or "." not in x), parts[0])
        paragraphs = paragraphs[1:]
    if paragraphs:
        credit = CREDIT_SPLIT_RE.match(paragraphs[0])
        if credit:
            headline = credit.group("headline").strip()
            captions.append(credit.group("caption"))
            paragraphs = paragraphs[1:]
        elif len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
            headline = paragraphs.pop(0)
    seen: dict[str, int] = {}
    for p in paragraphs:
        seen[p] = seen.get(p, 0) + 1
    # a page that prints its headline again with its player or share bar ("... Listen · 3:41")
    repeat = headline and len(headline) > 20
    kept = [p for p in paragraphs if seen[p] == 1 and not is_boilerplate(p)
            and not (repeat and p.startswith(headline))]
    kept_set = set(kept)  # a kept paragraph is no caption: is_boilerplate() said so
    captions += [p for p in dict.fromkeys(paragraphs) if seen[p] > 1 or (p not in kept_set and _caption(p))]
    while kept and (BYLINE_RE.match(kept[0]) and len(kept[0].split()) <= 5 or BYLINE_OUTLET_RE.match(kept[0])):
        kept.pop(0)
    dateline = agency = None
    if kept:
        d = DATELINE_RE.match(kept[0])
        tag = d and (d.group("agency") or d.group("slashed") or d.group("acronym"))
        if d and _plausible_dateline(d.group("city"), tag, d.group("dated")):
            dateline, agency = d.group("city").strip(" ,"), tag
            kept[0] = kept[0][d.end():]
        elif d2 := DATELINE_STOPS_RE.match(kept[0]):
            dateline, agency = d2.group("city"), d2.group("agency")
            kept[0] = kept[0][d2.end():]
    if dateline is None:
        dateline = dated_place
    if dateline is None:
        # "Jane Doe in Tokyo": a byline's place of filing stands in for a dateline
        byline = next((m for m in map(BYLINE_PLACE_RE.match, paragraphs[:6]) if m), None)
        if byline:
            dateline = byline.group("place")
    return Wire(date=date, headline=headline, dateline=dateline, agency=agency, paragraphs=tuple(kept),
                captions=tuple(captions), label=label)


def _unclutter(m: re.Match) -> str:
    # keep the name as the author wrote it; a bare surname gives way to the link's full name
    shown, full = m.group("shown").split(), m.group("full").split()
    k = len(shown)
    while k > 0 and shown[k - 1] in full:
        k -= 1
    name = shown[k:] if len(shown) - k > 1 else full
    return " ".join(shown[:k] + name)


# What DATELINE_RE's last part ends with: an agency's bracket, a dash, a colon, a slash, or a
# full stop after a day's number or a slash ("May 22. /TASS/.")
DATELINE_CLOSERS = (")", "-", "—", "–", ":", "/")


def _dateline_only(para: str) -> bool:
    """A paragraph that is a whole dateline and nothing more, its dash or agency closing it."""
    end = para.rstrip()
    if not (end.endswith(DATELINE_CLOSERS) or end.endswith(".") and (end[-2:-1].isdecimal() or end[-2:-1] == "/")):
        return False  # (a cheap test first: a paragraph of text ends otherwise)
    d = DATELINE_RE.match(para + " x")
    return bool(d) and d.end() == len(para) + 1 and _plausible_dateline(d.group("city"),
                                                                          d.group("agency") or d.group("slashed")
                                                                          or d.group("acronym"),
                                                                          d.group("dated"))


def _plausible_dateline(city: str, agency: str | None, dated: str | None = None) -> bool:
    # "JERUSALEM —" or "Istanbul (CNN)": an upper-case place, or any place with an agency tag;
    # a place in capitals and small letters followed by a day's date and a full stop ("Lima, Mar.
    # 4. ...") is a dateline too
    head = city.split(",")[0]
    return bool(agency) or head.isupper() or bool(dated) and head[:1].isupper() and len(head.split()) <= 3
