"""Web-page furniture as data: the phrases of `data/boilerplate.yaml` (a line start, a whole line,
or anywhere in a short paragraph), compiled once into three regular expressions.

A phrase is plain text matched ignoring case, as words; placeholders stand for what varies
({n} a number, {w} a word, {any} up to 40 characters, {short} up to 12). A bad file is a
ConfigError naming the file and the line of the entry."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import ConfigError

FILE = Path(__file__).resolve().parents[1] / "data" / "boilerplate.yaml"
KINDS = ("start", "line", "anywhere")
PLACEHOLDERS = {"n": r"\d+", "w": r"[\w'’.-]+", "any": r".{0,40}", "short": r".{0,12}"}
_PIECE_RE = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Furniture:
    """The compiled phrases: `start` and `line` are matched at a paragraph's start (`line` to its
    end), `anywhere` searched in it; `keys`: a literal piece of every `anywhere` phrase, lower
    case (a paragraph with none of them holds none of the phrases); `phrases`: (kind, phrase,
    pattern) for each entry, for reports."""

    start: re.Pattern
    line: re.Pattern
    anywhere: re.Pattern
    keys: tuple[str, ...]
    phrases: tuple[tuple[str, str, str], ...]


def phrase_pattern(phrase: str) -> str:
    """The regular expression of one phrase: literal text (spaces match runs of spaces, a colon
    may follow spaces), placeholders as PLACEHOLDERS says, a word boundary after a final letter
    or digit and before {any}/{short}."""
    out, at = [], 0
    for m in _PIECE_RE.finditer(phrase):
        out.append(_literal(phrase[at:m.start()], m.group(1) in ("any", "short")))
        out.append(PLACEHOLDERS[m.group(1)])
        at = m.end()
    out.append(_literal(phrase[at:], True))
    return "".join(out)


def _literal(text: str, boundary: bool) -> str:
    pattern = re.escape(text).replace(r"\ ", r"\s+").replace(":", r"\s*:").replace(r"\s+\s*:", r"\s*:")
    return pattern + (r"\b" if boundary and text[-1:].isalnum() else "")


def _key(phrase: str) -> str:
    """The longest literal piece of a phrase, lower case."""
    return max(_PIECE_RE.split(phrase)[::2], key=len).strip().lower()


def load(path: Path = FILE) -> Furniture:
    """Read and compile the furniture file; a ConfigError naming the file (and line) if it is bad."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot be read: {exc}", path) from None
    if not isinstance(root, yaml.MappingNode):
        raise ConfigError("must be a mapping of the kinds start, line and anywhere to lists of phrases", path)
    found: dict[str, list[tuple[str, str]]] = {kind: [] for kind in KINDS}
    for key, value in root.value:
        if key.value not in KINDS:
            raise ConfigError(f"unknown kind {key.value!r} (the kinds are {', '.join(KINDS)})", path,
                              key.start_mark.line + 1)
        if not isinstance(value, yaml.SequenceNode):
            raise ConfigError(f"'{key.value}' must be a list of phrases", path, key.start_mark.line + 1)
        for item in value.value:
            line = item.start_mark.line + 1
            if not isinstance(item, yaml.ScalarNode) or not item.value.strip():
                raise ConfigError(f"an entry of '{key.value}' must be a phrase", path, line)
            phrase = item.value.strip()
            unknown = [p for p in _PIECE_RE.findall(phrase) if p not in PLACEHOLDERS]
            if unknown:
                raise ConfigError(f"unknown placeholder {{{unknown[0]}}} in {phrase!r} "
                                  f"(known: {', '.join('{' + p + '}' for p in PLACEHOLDERS)})", path, line)
            if not _key(phrase):
                raise ConfigError(f"{phrase!r} has no text of its own, only placeholders", path, line)
            found[key.value].append((phrase, phrase_pattern(phrase)))

    def alternation(kind: str, end: str = "") -> re.Pattern:
        items = found[kind] or [("", r"(?!x)x")]
        return re.compile("^(?:" + "|".join(p for _, p in items) + ")" + end, re.I)

    anywhere = re.compile("|".join(p for _, p in found["anywhere"]) or r"(?!x)x", re.I)
    return Furniture(start=alternation("start"), line=alternation("line", r"\s*$"), anywhere=anywhere,
                     keys=tuple(dict.fromkeys(_key(ph) for ph, _ in found["anywhere"])),
                     phrases=tuple((kind, ph, p) for kind in KINDS for ph, p in found[kind]))
