"""seeds/ -> RawArticle: decoding, BOMs, line endings and the front-matter split."""
from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator import yamlio
from generator.errors import SourceError

SEED_SUFFIXES = (".txt",)


@dataclass(frozen=True)
class RawArticle:
    """One seed as read: decoded text (LF line endings), its hash, and its front matter."""

    path: str
    text: str
    sha256: str
    front_matter: dict = field(default_factory=dict)
    body_line: int = 1  # the line of the file where `text` starts
    front_lines: dict = field(default_factory=dict)  # front-matter key -> its line in the file


def find_seed_files(folder: Path) -> list[str]:
    """Every seed file below `folder`, in a stable order, as strings (10,000 Path objects cost a
    tenth of a second)."""
    if folder.is_file():
        return [str(folder)]
    if not folder.is_dir():
        raise SourceError("seeds folder not found", folder)
    found = []
    for top, dirs, files in os.walk(folder):  # strings, not Paths: 10,000 seeds are listed in ms
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        top = os.path.join(top, "")
        found += [top + f for f in files if f[:1] != "." and f[f.rfind("."):].lower() in SEED_SUFFIXES]
    found.sort()
    return found


def decode(data: bytes, name: str) -> str:
    """Bytes -> text: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    elif b"\x00" in data[:4096]:
        raise SourceError("looks like a binary file (NUL bytes), not a text article", name)
    else:
        encodings = ("utf-8", "cp1252")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            last_error = exc
            continue
        if "\x00" in text:
            raise SourceError("contains NUL characters; is it a binary file?", name)
        return text.replace("\r\n", "\n").replace("\r", "\n")
    line = data[: last_error.start].count(b"\n") + 1
    raise SourceError(f"cannot be decoded as UTF-8, UTF-16 or cp1252 (byte {last_error.start}); "
                      "save it as UTF-8", name, line)


def split_front_matter(text: str, name: str) -> tuple[dict, str, int, dict]:
    """Separate a leading `---` YAML block from the wire text: (fields, text, its first line, key lines)."""
    stripped = text.lstrip("\ufeff")
    if not stripped.startswith("---\n"):
        return {}, stripped, 1, {}
    end = stripped.find("\n---", 3)
    while end != -1 and stripped[end + 4: end + 5] not in ("\n", ""):
        end = stripped.find("\n---", end + 4)
    if end == -1:
        raise SourceError("front matter starts with '---' but has no closing '---' line", name, 1)
    try:
        data, lines = yamlio.load(stripped[4:end + 1])
    except yamlio.YAMLProblem as exc:
        raise SourceError(f"front matter {exc.message}", name, exc.line + 1 if exc.line else 1) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourceError("front matter must be a mapping of fields (key: value)", name, 2)
    rest = stripped[end + 4:]
    body_line = stripped[: end + 4].count("\n") + 2
    return data, rest.lstrip("\n"), body_line, {str(k): v + 1 for k, v in lines.items()}


def read_bytes(path: Path | str, name: str) -> bytes:
    """A seed's bytes, or a SourceError naming it (plain os calls: a build reads 10,000 seeds)."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror}", name) from None


def read_seed(path: Path, name: str | None = None) -> RawArticle:
    """Read one seed file into a RawArticle, or raise SourceError naming it."""
    name = name or str(path)
    return parse_seed(read_bytes(path, name), name)


def parse_seed(data: bytes, name: str) -> RawArticle:
    """A seed's bytes -> RawArticle, or a SourceError naming it."""
    if not data.strip():
        raise SourceError("is empty; a seed needs a ' date YYYY-MM-DD ' line and the article text", name)
    text = decode(data, name)
    front, rest, body_line, lines = split_front_matter(text, name)
    return RawArticle(path=name, text=rest, sha256=hashlib.sha256(data).hexdigest(),
                      front_matter=front, body_line=body_line, front_lines=lines)
