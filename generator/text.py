"""Small text helpers shared by the registry and the extractor (pure, no I/O)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

# Abbreviations that keep their full stop as part of the word.
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Maj", "Adm", "Col",
                 "Capt", "Sgt", "Pres", "Amb", "St", "Jr", "Sr", "Prof", "Rev", "Mt", "Ft", "No", "Vol")
ABBREVIATION_SET = frozenset(a + "." for a in ABBREVIATIONS)
# A word may take its full stop along; tokenize() gives the stop back unless the word is an
# abbreviation or an initial. One cheap pattern is much faster than trying the abbreviations
# at every position. (_split_tokens_reference() works so; split_tokens() finds the same tokens
# with SPLIT_RE, faster.)
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:[-'’]\w+)*\.?|[^\w\s]")
POSSESSIVE_RE = re.compile(r"^(.*\w)['’]s$|^(.*s)['’]$")
# TOKEN_RE and what _split_tokens_reference() does after it, as one pattern (a group: re.split()
# keeps the tokens). Upper-case ASCII letters followed by stops ("U.S.", "J.") keep them, as do
# abbreviations; every other full stop is a token of its own. A word ends before its last part
# when that part is a possessive 's, unless a full stop follows (TOKEN_RE's word takes that stop
# along, and such a word has always kept its 's). Possessive quantifiers (++, *+) only spare the
# engine backtracking: each alternative ends after them, so the first way it matches is kept.
# Every alternative starts with a character that is no space: the leading look-ahead lets the
# engine pass over the spaces between tokens without trying each alternative there.
assert all(re.fullmatch("[A-Z][a-z]{1,3}", a) for a in ABBREVIATIONS)  # the look-ahead below
SPLIT_RE = re.compile(
    r"(?=\S)((?:[A-Z]\.)++"
    r"|(?=[A-Z][a-z]{1,3}\.)(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")\."
    r"|\w++(?:[-'’](?!(?<=['’])s\b(?!\.|[-'’]\w))\w++)*+"
    r"|['’](?<=\w['’])s"
    r"|[^\w\s])")
# A non-ASCII letter before a stop may be an initial ("Ö."): str.isupper() decides, SPLIT_RE cannot.
# (The pattern starts with the stop, so that the engine can skip from one stop to the next.)
NON_ASCII_INITIAL_RE = re.compile(r"\.(?<=[^\W\x00-\x7f]\.)")
CURLY_POSSESSIVE = {"’s": "'s"}


class Phrases(dict):
    """Phrases keyed by their folded tokens, with what a fast longest-match scan needs.

    `trie` holds the keys token by token (`rtrie` from their last token back): a node maps a
    token to the next node, and None (no token is None) to the value of the key that ends there.
    Walking it from a token stops at the first token no key continues with, so a look-up tries
    only as many tokens as some key shares with the text, not every length up to `longest`.
    """

    def __init__(self, items=()):
        super().__init__(items)
        self.longest = max((len(k) for k in self), default=1)
        self.firsts = frozenset(k[0] for k in self if k)
        self.trie: dict = {}
        self.rtrie: dict = {}
        for key, value in self.items():
            if key and value is not None:  # a look-up takes neither an empty key nor a None value
                for trie, tokens in ((self.trie, key), (self.rtrie, reversed(key))):
                    node = trie
                    for token in tokens:
                        node = node.setdefault(token, {})
                    node[None] = value
        # A node no key continues from holds only its value: nodes with the same value are one
        # dict, shared (a table's many keys end in a handful of values: its tries shrink by half)
        _share_leaves(self.trie, self.rtrie)


def _nodes(*tries: dict):
    """Every node of the tries once, though nodes be shared (a node's children are read after
    the caller has had it, so a caller may replace them)."""
    seen: set[int] = set()
    stack = list(tries)
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(child for token, child in node.items() if token is not None)


def _share_leaves(*tries: dict) -> None:
    """Make every node that holds only a value (no key goes on from it) one dict per value."""
    leaves: dict[int, dict] = {}
    for node in _nodes(*tries):
        for token, child in node.items():
            if token is not None and len(child) == 1 and None in child:
                node[token] = leaves.setdefault(id(child[None]), child)


def _merge_nodes(a: dict | None, b: dict | None, pick) -> dict | None:
    """The keys under node `a` and under node `b`, as one node (`pick(a's, b's)` of a value both
    have); a subtree only one of them has is shared, not copied."""
    if a is None or a is b:
        return b
    if b is None:
        return a
    out = {}
    for token in a.keys() | b.keys():
        if token is None:
            out[None] = pick(a[None], b[None]) if None in a and None in b else a.get(None, b.get(None))
        else:
            out[token] = _merge_nodes(a.get(token), b.get(token), pick)
    return out


class TrieTable:
    """A large table of phrases as Phrases' tries alone, without a dict of every key: it answers
    what the extractor asks of a Phrases (`in`, `get`, `trie`, `rtrie`, `firsts`, `longest`).

    `compose` puts every key of a plain table after each of a few prefixes by sharing the plain
    table's nodes, not by listing each prefixed key: the titles (22 modifiers before 7,500
    offices, 170,000 keys) are then a fifth of the size to keep, and far faster to read back."""

    def __init__(self, trie: dict, rtrie: dict, longest: int):
        self.trie, self.rtrie, self.longest = trie, rtrie, longest
        self.firsts = frozenset(trie)

    @classmethod
    def compose(cls, plain: dict, prefixes, pick) -> "TrieTable":
        """The keys of `plain`, and each of them after each key of `prefixes`; a key made both ways
        (or by two prefixes) takes `pick(value, value)`. Keys and prefixes: tuples of folded tokens."""
        plain_trie: dict = {}
        rtrie: dict = {}
        ends = []  # (the rtrie node where a key of `plain` ends, its value)
        for key, value in plain.items():
            if key and value is not None:
                for tree, tokens in ((plain_trie, key), (rtrie, reversed(key))):
                    node = tree
                    for token in tokens:
                        node = node.setdefault(token, {})
                    node[None] = value
                ends.append((node, value))
        trie = dict(plain_trie)  # nodes below the root stay shared: a prefix's path is copied
        prefixes = [tuple(p) for p in dict.fromkeys(prefixes) if p]
        for prefix in prefixes:
            node = trie
            for token in prefix[:-1]:
                node[token] = dict(node.get(token) or {})
                node = node[token]
            node[prefix[-1]] = _merge_nodes(node.get(prefix[-1]), plain_trie, pick)
        for end, value in ends:
            for prefix in prefixes:
                node = end
                for token in reversed(prefix):
                    node = node.setdefault(token, {})
                node[None] = pick(node[None], value) if None in node else value
        _share_leaves(trie, rtrie)
        return cls(trie, rtrie, max((len(k) for k in plain if k), default=1) + max(map(len, prefixes), default=0))

    def get(self, key, default=None):
        node = self.trie
        for token in key:
            node = node.get(token)
            if node is None:
                return default
        return node.get(None, default)

    def __contains__(self, key) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def items(self):
        """Every (key, value), walking the trie (170,000 for the titles: for tests, not look-ups)."""
        stack = [((), self.trie)]
        while stack:
            path, node = stack.pop()
            for token, child in node.items():
                if token is None:
                    yield path, child
                else:
                    stack.append((path + (token,), child))

    def __iter__(self):
        return (key for key, _ in self.items())

    def words(self) -> frozenset:
        """Every token of every key, from each node once."""
        return frozenset(token for node in _nodes(self.trie) for token in node if token is not None)


# Punctuation of typeset text: curly quotes, dashes, the ellipsis, guillemets, bullets. None is a
# letter, a digit or a space, nor has a case: in a text that is ASCII but for these, re.ASCII's \w,
# \d and \b are Unicode's, and lower() maps it character for character, as it does ASCII text.
TYPESET_PUNCTUATION = "‘’“”–—…«»•·"
_WITHOUT_TYPESET = dict.fromkeys(map(ord, TYPESET_PUNCTUATION))
assert not any(c.isalnum() or c.isspace() or c.lower() != c or c.upper() != c for c in TYPESET_PUNCTUATION)


def ascii_but_punctuation(text: str) -> bool:
    """Whether the text is ASCII but for TYPESET_PUNCTUATION (most news copy)."""
    return text.isascii() or text.translate(_WITHOUT_TYPESET).isascii()


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
    """tokenize() as two lists, tokens and their (start, end): what a scan needs, built directly.

    SPLIT_RE finds the very tokens _split_tokens_reference() makes (it splits off full stops and
    possessives as that one does), so no Python code runs per token: re.split() gives the tokens
    and the whitespace between them, and the running sum of their lengths gives the offsets.
    """
    if not text.isascii() and NON_ASCII_INITIAL_RE.search(text):
        return _split_tokens_reference(text)  # "Ö. Yılmaz": whether the stop stays takes str.isupper()
    parts = SPLIT_RE.split(text)  # [space, token, space, token, ..., space]
    words = parts[1::2]
    if "’s" in text:
        words = list(map(CURLY_POSSESSIVE.get, words, words))  # a possessive token is always "'s"
    ends = list(accumulate(map(len, parts)))
    return words, list(zip(ends[0:-1:2], ends[1::2]))


def _split_tokens_reference(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """split_tokens() written out token by token: TOKEN_RE, then the stop and the possessive split off."""
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



# Characters no page should hold: those XML 1.0 forbids (and HTML calls parse errors), control
# characters but tab and newlines, and DEL and the C1 controls (U+007F-U+009F), which HTML also
# calls errors and which are only ever mojibake or terminal escapes in a seed.
XML_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def printable(text: str) -> str:
    """Text with characters no XML or HTML page may hold replaced by U+FFFD."""
    if text.isascii() and text.isprintable():  # most values: two C-level checks, no regex
        return text
    return XML_UNSAFE.sub("\ufffd", text)


# Characters a terminal would act on rather than show: C0 and C1 controls, DEL, and the bidi
# controls that reorder what follows ("Trojan Source" file names).
TERMINAL_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def shown(text: str) -> str:
    """Text safe to print on a terminal: control characters written as escapes (ESC -> \\x1b)."""
    if text.isascii() and text.isprintable():
        return text
    return TERMINAL_UNSAFE.sub(_escape, text)


# The bytes of XML_UNSAFE's characters in UTF-8: ASCII controls and DEL (an encoded page is
# searched for them in one C-level pass), the C1 controls (0xC2 then 0x80-0x9F; 0xC2 also leads
# common characters such as « and °, so only a page holding it is searched again) and U+FFFE,
# U+FFFF; lone surrogates cannot be encoded at all.
CONTROL_BYTES = bytes([*(c for c in range(32) if c not in (9, 10, 13)), 0x7F])
C1_BYTES = re.compile(b"\xc2[\x80-\x9f]")


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
            or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data
            or (b"\xc2" in data and C1_BYTES.search(data))):
        return printable(html).encode("utf-8")
    return data
