"""The closed word lists of generator/data/words.yaml, loaded once: one definition per concept,
shared by the extraction rules (`extract.lexicon`) and the archive's name matching (`identity`)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.errors import ConfigError
from generator.text import Phrases, fold, tokenize

FILE = Path(__file__).resolve().parent / "data" / "words.yaml"
_EXACT = re.compile(r"^[A-Z][A-Z. ]*$")  # "HE", "H.E.": written in capitals and stops only


def _read() -> dict[str, str]:
    try:
        raw = yaml.load(FILE.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot be read: {exc}", FILE) from None
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ConfigError("each list must be one string of words", FILE)
    return raw


_RAW = _read()


def words(name: str) -> frozenset[str]:
    """The folded words of one list."""
    return frozenset(fold(w) for w in _RAW[name].split())


def phrase_set(name: str) -> frozenset[str]:
    """A comma-separated list of phrases, each folded whole ("lt. gen.")."""
    return frozenset(fold(x.strip()) for x in _RAW[name].split(",") if x.strip())


def phrase_keys(name: str) -> frozenset[tuple[str, ...]]:
    """A comma-separated list of phrases as tuples of folded words (("prime", "minister"),)."""
    return frozenset(tuple(map(fold, x.split())) for x in _RAW[name].split(",") if x.strip())


def phrases(name: str) -> tuple[Phrases, Phrases]:
    """A comma-separated list of phrases as two tables: those matched ignoring case (folded
    tokens) and those matched exactly as written (tokens as they are)."""
    folded, exact = {}, {}
    for phrase in (x.strip() for x in _RAW[name].split(",")):
        if not phrase:
            continue
        tokens = tuple(t for t, _, _ in tokenize(phrase))
        if _EXACT.match(phrase):
            exact[tokens] = phrase
        else:
            folded[tuple(map(fold, tokens))] = phrase
    return Phrases(folded), Phrases(exact)


def alternation(name: str) -> str:
    """A comma-separated list of phrases as a regular expression's alternation (longest first,
    each escaped, a space matching any run of spaces): "called for|said|...". """
    items = sorted({" ".join(x.split()) for x in _RAW[name].split(",") if x.strip()}, key=lambda x: (-len(x), x))
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in items)


def phrase_list(name: str) -> tuple[str, ...]:
    """A comma-separated list of phrases, each folded, its words separated by one space."""
    return tuple(" ".join(fold(w) for w in x.split()) for x in _RAW[name].split(",") if x.strip())


def first_words(name: str) -> frozenset[str]:
    """The folded first word of each phrase of a comma-separated list."""
    return frozenset(fold(x.split()[0]) for x in _RAW[name].split(",") if x.strip())


NAME_PARTICLES = words("name_particles")
HONORIFICS, EXACT_HONORIFICS = phrases("honorifics")
NAME_SUFFIXES = words("name_suffixes")
POST_NOMINALS = frozenset(_RAW["post_nominals"].split())  # as written, in capitals
ARTICLES = words("articles")
POSSESSIVES = words("possessives")
SETTING_PREPOSITIONS = words("setting_prepositions")
TOPIC_PREPOSITIONS = words("topic_prepositions")
MONTH_SURNAMES = words("month_surnames")
PRONOUN_SURNAMES = words("pronoun_surnames")
MONARCH_OFFICES = phrase_keys("monarch_offices")
# Offices news refers back to with "the <office>" alone ("The president told reporters").
HEAD_OFFICES = phrase_keys("head_offices")
MONARCHIES = frozenset(_RAW["monarchies"].split())
NOT_NAME_NOUNS = words("not_name_nouns")
# "Lula's predecessor, X": one official named by another's office (a finder and a resolver read it)
SUCCESSION_NOUNS = words("succession_nouns")
SUCCESSION_VERBS = words("succession_verbs")
# the last words of the name of a state's body, or of a unit of its territory ("the Leningrad
# Region": its governor is an official of the state)
STATE_BODIES = words("state_bodies") | words("state_units")
COURTESY_EPITHETS = words("courtesy_epithets")
EMBASSY_RANKS = phrase_keys("embassy_ranks")
