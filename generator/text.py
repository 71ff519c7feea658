"""Small text helpers shared by the registry and the extractor (pure, no I/O)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Abbreviations that keep their full stop as part of the word.
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Maj", "Adm", "Col",
                 "Capt", "Sgt", "Pres", "Amb", "St", "Jr", "Sr", "Prof", "Rev", "Mt", "Ft", "No", "Vol")
ABBREVIATION_SET = frozenset(a + "." for a in ABBREVIATIONS)
# A word may take its full stop along; tokenize() gives the stop back unless the word is an
# abbreviation or an initial. One cheap pattern is much faster than trying the abbreviations
# at every position.
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’]\w+)*\.?|[^\w\s]")
POSSESSIVE_RE = re.compile(r"^(.*\w)['’]s$|^(.*s)['’]$")


class Phrases(dict):
    """Phrases keyed by their folded tokens, with what a fast longest-match scan needs."""

    def __init__(self, items=()):
        super().__init__(items)
        self.longest = max((len(k) for k in self), default=1)
        self.firsts = frozenset(k[0] for k in self if k)
        self.lasts = frozenset(k[-1] for k in self if k)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive key for look-ups."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").casefold()


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split text into (token, start, end); a possessive 's becomes its own token."""
    words, spans = split_tokens(text)
    return [(w, s, e) for w, (s, e) in zip(words, spans)]


def split_tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """tokenize() as two lists, tokens and their (start, end): what a scan needs, built directly."""
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    add_word, add_span = words.append, spans.append
    for m in TOKEN_RE.finditer(text):
        word = m.group()
        if word[-1] == "." and len(word) > 1:
            start, end = m.span()
            if not (word in ABBREVIATION_SET or (len(word) == 2 and word[0].isupper()) or word.count(".") > 1):
                add_word(word[:-1])
                add_span((start, end - 1))
                add_word(".")
                add_span((end - 1, end))
                continue
        elif "'" in word or "’" in word:
            pm = POSSESSIVE_RE.match(word)
            if pm and (pm.group(1) or pm.group(2)):
                start, end = m.span()
                stem = pm.group(1) or pm.group(2)
                add_word(stem)
                add_span((start, start + len(stem)))
                add_word("'s")
                add_span((start + len(stem), end))
                continue
        add_word(word)
        add_span(m.span())
    return words, spans


def is_capitalised(word: str) -> bool:
    """True for words that start with a capital letter (any script with case)."""
    return bool(word) and word[0].isupper()



# Characters XML 1.0 forbids (and HTML calls parse errors): control characters but tab and newlines.
XML_UNSAFE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def printable(text: str) -> str:
    """Text with characters no XML or HTML page may hold replaced by U+FFFD."""
    if text.isascii() and text.isprintable():  # most values: two C-level checks, no regex
        return text
    return XML_UNSAFE.sub("\ufffd", text)


# The bytes of XML_UNSAFE's characters in UTF-8: ASCII controls (an encoded page is searched for
# them in one C-level pass) and U+FFFE, U+FFFF; lone surrogates cannot be encoded at all.
CONTROL_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))


def page_bytes(html: str) -> bytes:
    """A rendered page as UTF-8, with any character no page may hold replaced by U+FFFD.

    Checked once on the whole page rather than on every value a template prints: a seed's
    control characters reach a page only through values, so the result is the same, at the cost
    of one pass over the encoded bytes."""
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return printable(html).encode("utf-8")
    if (len(data.translate(None, CONTROL_BYTES)) != len(data)
            or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data):
        return printable(html).encode("utf-8")
    return data
