"""Small text helpers shared by the registry and the extractor (pure, no I/O)."""
from __future__ import annotations

import re
import unicodedata

# Abbreviations that keep their full stop as part of the word.
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Maj", "Adm", "Col",
                 "Capt", "Sgt", "Pres", "Amb", "St", "Jr", "Sr", "Prof", "Rev", "Mt", "Ft", "No", "Vol")
TOKEN_RE = re.compile(
    r"(?:[A-Z]\.){2,}"                                   # U.S., U.K., U.N.
    r"|(?:" + "|".join(ABBREVIATIONS) + r")\.(?=\s|$)"      # Mr. Sen. Gen.
    r"|[A-Z]\.(?=\s+[A-Z])"                              # an initial: Petro O. Poroshenko
    r"|\w+(?:[-'’]\w+)*"                                  # words, Jae-in, Al-Jubeir, O'Brien
    r"|[^\w\s]"                                          # punctuation, one character a token
)
POSSESSIVE_RE = re.compile(r"^(.*\w)['’]s$|^(.*s)['’]$")


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive key for look-ups."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").casefold()


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split text into (token, start, end); a possessive 's becomes its own token."""
    tokens: list[tuple[str, int, int]] = []
    for m in TOKEN_RE.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        pm = POSSESSIVE_RE.match(word) if ("'" in word or "’" in word) else None
        if pm and (pm.group(1) or pm.group(2)):
            stem = pm.group(1) or pm.group(2)
            tokens.append((stem, start, start + len(stem)))
            tokens.append(("'s", start + len(stem), end))
        else:
            tokens.append((word, start, end))
    return tokens


def is_capitalised(word: str) -> bool:
    """True for words that start with a capital letter (any script with case)."""
    return bool(word) and word[0].isupper()

