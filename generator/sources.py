"""seeds/ -> RawArticle: decoding, BOMs, line endings and the front-matter split."""
from __future__ import annotations

import codecs
import hashlib
import math
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator import yamlio
from generator.errors import SourceError

SEED_SUFFIXES = (".txt",)
MAX_SEED_BYTES = 2_000_000  # a wire article is a few KB; a larger file is a mistake or an attack


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
    if folder.exists() and not folder.is_dir():  # a file named on purpose; not a regular one is refused later
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


def read_bytes(path: Path | str, name: str, limit: int = MAX_SEED_BYTES) -> bytes:
    """A seed's bytes, or a SourceError naming it: only a regular file of at most `limit` bytes is
    read. It is opened without blocking and checked once open, so that a FIFO, a device or a
    socket named like a seed cannot hang the build, and read no further than the limit, so that
    a file growing meanwhile cannot exhaust memory."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror}", name) from None
    try:
        st = os.fstat(fd)
        check_seed_stat(st, name, limit)
        chunks, left = [], limit + 1  # plain reads: a file object per seed costs more than the read
        while left > 0:
            chunk = os.read(fd, min(left, st.st_size + 1 if st.st_size else 65536))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror}", name) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise SourceError(f"grew past the limit of {_mb(limit)} MB for a seed while being read", name)
    return data


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0")


NOT_FILES = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def check_seed_stat(st: os.stat_result, name: str, limit: int = MAX_SEED_BYTES) -> None:
    """Refuse, naming the seed, what is not a regular file or is larger than `limit`."""
    if not stat.S_ISREG(st.st_mode):
        kind = next((kind for test, kind in NOT_FILES if test(st.st_mode)), "not a file")
        raise SourceError(f"is {kind}, not a regular file; only regular files are read as seeds", name)
    if st.st_size > limit:
        size = math.ceil(st.st_size / 100_000) / 10  # rounded up: 2,000,001 bytes is not "2.0 MB"
        raise SourceError(f"is {size} MB; seeds are limited to {_mb(limit)} MB", name)


def within(path: str, folder: str) -> bool:
    """`path` is `folder` or below it (both absolute and normalised)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def trusted_folders(seeds: Path, root: Path) -> tuple[tuple[str, ...], bool]:
    """Where seeds may really be, and whether every seed must be checked (not only links).

    A seed may be a link to another file of the archive, but not to a file outside it: a cloned
    archive could otherwise publish ~/.ssh/id_rsa through `seeds/x.txt`. The same holds for a
    seeds folder inside the archive that is itself a link (or inside one). A seeds folder named
    outside the archive (`--seeds /data/wire`) was chosen by the user: its own files are trusted.
    """
    real_root = os.path.realpath(root)
    folder = seeds if seeds.is_dir() else seeds.parent
    logical, real = os.path.abspath(folder), os.path.realpath(folder)
    if within(logical, os.path.abspath(root)) or within(logical, real_root):
        return (real_root,), not within(real, real_root)
    return (real_root, real), False


def seed_stat(path: str, name: str, trusted: tuple[str, ...], every: bool = False) -> os.stat_result:
    """A seed's stat (of the file a link points to), or a SourceError naming it: a link that leads
    out of `trusted` (every seed's real path when `every`), not a regular file, too large."""
    st = os.lstat(path)
    if every or stat.S_ISLNK(st.st_mode):
        real = os.path.realpath(path)
        if not any(within(real, t) for t in trusted):
            raise SourceError(f"leads to {real} through a link, outside the archive; seeds are read only "
                              "from inside it (copy the file in, or name its folder with --seeds)", name)
        st = os.stat(path)
    check_seed_stat(st, name)
    return st


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
