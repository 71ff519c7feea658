"""Property-based tests: whatever bytes, text or front matter come in, the reader and the extractor
return a result or raise a BriefingError -- never another exception, never a hang."""
from __future__ import annotations

import codecs
import datetime as dt
import re

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.errors import BriefingError
from generator.extract import extract
from generator.extract.clean import parse_wire
from generator.extract.overrides import KNOWN
from generator.registry import load_registry
from generator.sources import parse_seed, RawArticle, decode, read_seed, split_front_matter

# module level rather than the session fixture: a falsifying example then does not print the whole registry
REGISTRY = load_registry(None)
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# ---------------------------------------------------------------- strategies

BOMS = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
ENCODINGS = st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])

# Words and furniture of wire copy, so that generated text reaches the extractor's rules
WORDS = [
    "Foreign", "Minister", "President", "Prime", "Secretary", "of", "State", "Chancellor", "spokesman",
    "Wang", "Yi", "Katsunobu", "Kato", "Ingrid", "Solberg", "Mr.", "Ms.", "al-Sabah", "bin", "de", "van",
    "Jae-in", "Chinese", "Japanese", "Norwegian", "U.S.", "Russia's", "China", "Tokyo", "Beijing", "Nairobi",
    "met", "held", "talks", "with", "his", "her", "counterpart,", "said", "told", "a", "press", "conference",
    "phone", "call", "visit", "summit", "joint", "statement", "in", "on", "Tuesday", "the", "and", "\"We",
    "agree,\"", "'", "“", "”", "—", "--", "-", "(AP)", "(Reuters)", "(AFP", "Photo)", "|", "Getty", "Images",
    "MORE", "Read", "more:", "Enlarge", "this", "image", "By", "Copyright", "©", "All", "rights", "reserved",
    "TOKYO,", "Nov.", "25", "(Xinhua)", "WASHINGTON", ":", ".", ",", "Olympics", "trade", "climate",
    "pic.twitter.com/x", "https://t.co/x", "•", "date", "2020-11-25", "Ä", "ß", "王毅", "\u200b", "\t",
]
SEPARATORS = [" ", " ", " ", " ", "\n", "\n\n", "\n \n", "\r\n", ". ", ", "]


@st.composite
def wire_text(draw, max_words: int = 80) -> str:
    words = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=max_words))
    out = []
    for w in words:
        out += [w, draw(st.sampled_from(SEPARATORS))]
    return "".join(out)


def dated(text: str) -> str:
    return " date 2020-11-25 " + text


TEXTS = st.one_of(st.text(max_size=400), wire_text(), wire_text().map(dated))

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                    st.dates(), st.sampled_from(["", " ", "CN", "jp", "XX", "meeting", "2021-02-30", "2020-01-01",
                                                 "../../x", "/etc/passwd", "<script>alert(1)</script>"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=8), st.sampled_from(
        ["name", "title", "country", "former", "city"])), inner, max_size=4)), max_leaves=12)
FRONT_MATTER = st.dictionaries(st.one_of(st.sampled_from(KNOWN), st.text(max_size=10)), VALUES, max_size=6)

YAMLISH = st.lists(st.sampled_from(list("abc: -[]{}#&*!|>'\"%@`,?\n\t 01.~=") + ["---", "...", "\n---\n",
                                                                               "date: ", "title: "]),
                   max_size=120).map("".join)


# ---------------------------------------------------------------- the reader

@SETTINGS
@given(data=st.one_of(st.binary(max_size=3000), st.tuples(BOMS, st.binary(max_size=500)).map(b"".join),
                      st.tuples(BOMS, st.text(max_size=300), ENCODINGS).map(
                          lambda t: t[0] + t[1].encode(t[2], errors="replace"))))
def test_decode_returns_text_or_a_briefing_error(data):
    try:
        text = decode(data, "seeds/x.txt")
    except BriefingError as exc:
        assert exc.path == "seeds/x.txt"
        return
    assert isinstance(text, str) and "\r" not in text and "\x00" not in text


@SETTINGS
@given(text=st.one_of(st.text(max_size=400), YAMLISH.map(lambda t: "---\n" + t),
                      st.tuples(YAMLISH, st.text(max_size=50)).map(lambda t: f"---\n{t[0]}\n---\n{t[1]}")))
def test_split_front_matter_returns_or_raises_a_briefing_error(text):
    try:
        front, rest, line, keys = split_front_matter(text, "seeds/x.txt")
    except BriefingError as exc:
        assert exc.path == "seeds/x.txt"
        return
    assert isinstance(front, dict) and isinstance(rest, str) and line >= 1 and isinstance(keys, dict)


# YAML that PyYAML itself turns into a ValueError or RecursionError rather than a YAMLError.
# (Dates in front matter are read as text and checked where they are used: an impossible
# 'date:' is refused by the extractor, see test_front_matter_dates_are_text_checked_where_used.)
YAML_CORNERS = {
    "deep-nesting": "---\ntitle: " + "[" * 600 + "]" * 600 + "\n---\n date 2020-01-01 x",
    "deep-nesting-block": "---\n" + "".join(" " * i + "a:\n" for i in range(600)) + "---\n date 2020-01-01 x",
    "huge-int": "---\ntitle: " + "1" * 5000 + "\n---\n date 2020-01-01 x",
}


@pytest.mark.parametrize("text", YAML_CORNERS.values(), ids=YAML_CORNERS.keys())
def test_yaml_corners_are_briefing_errors(tmp_path, text):
    with pytest.raises(BriefingError) as exc:
        split_front_matter(text, "seeds/x.txt")
    assert exc.value.path == "seeds/x.txt"
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError):
        read_seed(path, "seeds/x.txt")


def test_front_matter_dates_are_text_checked_where_used(registry):
    front, *_ = split_front_matter("---\ntopics: [2020-02-31]\nsummary: 0000-01-01\n---\nx", "seeds/x.txt")
    assert front == {"topics": ["2020-02-31"], "summary": "0000-01-01"}
    raw = parse_seed(b"---\ntitle: A\ndate: 2021-02-30\n---\n date 2020-01-01 Ministers met.", "seeds/x.txt")
    with pytest.raises(BriefingError) as exc:
        extract(raw, registry)
    assert (exc.value.path, exc.value.line) == ("seeds/x.txt", 3) and "impossible" in exc.value.message


def seed_bytes(front: dict, body: str, encoding: str) -> bytes:
    head = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n" if front else ""
    return (head + body).encode(encoding, errors="replace")


@SETTINGS
@given(data=st.one_of(
    st.binary(max_size=2000),
    st.tuples(FRONT_MATTER, TEXTS, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])).map(
        lambda t: seed_bytes(*t)),
    st.tuples(YAMLISH, TEXTS).map(lambda t: f"---\n{t[0]}\n---\n{t[1]}".encode())))
def test_read_seed_returns_a_raw_article_or_raises_a_briefing_error(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "property-seed.txt"
    path.write_bytes(data)
    try:
        raw = read_seed(path, "seeds/x.txt")
    except BriefingError as exc:
        assert exc.path == "seeds/x.txt"
        return
    assert isinstance(raw, RawArticle) and isinstance(raw.front_matter, dict) and raw.body_line >= 1


# ---------------------------------------------------------------- the extractor

@SETTINGS
@given(text=TEXTS, front=st.one_of(st.just({}), FRONT_MATTER))
@example(text=dated("Wang Yi met Kato."), front={"date": [[1]], "location": {"city": [], "country": 0}})
@example(text=dated("Wang Yi met Kato."), front={"officials": [{"name": "X", "former": "no", "country": "cn"}],
                                                 "topics": ["C++", "C#", "c"], 7: None, None: 1})
@example(text=dated("x"), front={"date": dt.datetime(2020, 1, 1, 12, 0), "title": float("nan"),
                                 "summary": 10 ** 100, "slug": "../../etc/passwd"})
def test_extract_returns_a_briefing_or_raises_a_briefing_error(text, front):
    raw = RawArticle(path="seeds/x.txt", text=text, sha256="0" * 64, front_matter=front)
    try:
        briefing, notices = extract(raw, REGISTRY)
    except BriefingError as exc:
        assert exc.path == "seeds/x.txt"
        return
    assert briefing.source == "seeds/x.txt" and isinstance(briefing.date, dt.date)
    assert isinstance(briefing.title, str) and briefing.title.strip()
    assert all(isinstance(p, str) for p in briefing.body)
    assert all(n.path == "seeds/x.txt" for n in notices)


@pytest.mark.parametrize("text,front", [
    ("Text without a date line.", {"date": None}),
    ("Text without a date line.", {"date": ""}),
    ("Text without a date line.", {"date": []}),
    ("", {"date": dt.date(2020, 1, 1)}),
    (dated(""), {}),
    (dated("x"), {"title": None, "officials": [], "countries": [], "topics": [], "location": {}}),
], ids=["empty-date", "blank-date", "list-date", "no-text", "date-only", "empty-values"])
def test_extract_corners(text, front):
    raw = RawArticle(path="seeds/x.txt", text=text, sha256="0" * 64, front_matter=front)
    try:
        briefing, _ = extract(raw, REGISTRY)
    except BriefingError as exc:
        assert exc.path == "seeds/x.txt"
        return
    assert isinstance(briefing.date, dt.date) and briefing.title.strip()


@SETTINGS
@given(data=st.tuples(FRONT_MATTER, TEXTS).map(lambda t: seed_bytes(t[0], t[1], "utf-8")))
def test_read_then_extract_never_crashes(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "property-seed-2.txt"
    path.write_bytes(data)
    try:
        extract(read_seed(path, "seeds/y.txt"), REGISTRY)
    except BriefingError as exc:
        assert exc.path == "seeds/y.txt"


TOKEN = re.compile(r"\w+")


@SETTINGS
@given(text=st.one_of(wire_text(120).map(dated), st.text(max_size=300).map(dated), wire_text(120)))
@example(text=dated("Foreign Minister Wang Yi Wang YiChina Foreign Minister MORE, said on Tuesday.\n\nHe met Kato."))
@example(text=dated("Leaders Agree To Meet Again Soon\n\nTOKYO, Nov. 25 (Xinhua) -- Wang met Kato.\n\n"
                    "Wang and Kato shake hands. (AP Photo/Someone)\n\nRead more: elsewhere"))
def test_parse_wire_invents_no_words(text):
    """Cleaning drops and splits, it never writes: every word token of the output is one of the input
    (link clutter 'Wang Yi Wang YiChina ... MORE' becomes 'Wang Yi', whose tokens are the input's)."""
    try:
        wire = parse_wire(text, "seeds/x.txt")
    except BriefingError as exc:
        assert exc.path == "seeds/x.txt"
        return
    known = set(TOKEN.findall(text))
    for part in (*wire.paragraphs, *wire.captions, wire.headline or "", wire.dateline or ""):
        invented = [w for w in TOKEN.findall(part) if w not in known]
        assert invented == [], (part, invented)
