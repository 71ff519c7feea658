"""Digests of what the program's output is made from besides the user's inputs: its own code and files.

A cached extraction or page is reused only while the code that made it is the same: the key
of an extraction holds the digest of the extractor's source (the `generator.extract` package
and every module of this package it imports, found by reading their import lines), so an edit
to any rule or word list makes every seed be extracted again, with no version number to bump.
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_IMPORT = re.compile(r"^[ \t]*from[ \t]+(generator(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)"
                     r"|^[ \t]*import[ \t]+(generator(?:\.\w+)*)", re.M)


def _file_of(module: str) -> Path | None:
    """The source file of a module of this package, or None for a name that is not one."""
    parts = module.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    if base.is_dir() and (base / "__init__.py").is_file():
        return base / "__init__.py"
    candidate = base.with_suffix(".py")
    return candidate if candidate.is_file() else None


def _imports(source: str) -> set[str]:
    """The modules of this package a source file imports (`from generator import a, b` may name modules)."""
    found = set()
    for module, names, plain in _IMPORT.findall(source):
        module = module or plain
        found.add(module)
        for name in re.split(r"[\s,()]+", names or ""):
            if name and _file_of(f"{module}.{name}"):
                found.add(f"{module}.{name}")
    # importing a.b.c runs a/__init__ and a/b/__init__ first
    for module in list(found):
        parts = module.split(".")
        found.update(".".join(parts[:i]) for i in range(1, len(parts)))
    return found


@lru_cache(maxsize=None)
def module_digest(module: str) -> str:
    """Digest of the source of `module` and every module of this package it imports, transitively."""
    seen: dict[str, Path] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _file_of(name)
        if path is None:
            continue
        seen[name] = path
        todo += _imports(path.read_text(encoding="utf-8"))
    h = hashlib.sha256()
    for name in sorted(seen):
        h.update(name.encode() + b"\0" + seen[name].read_bytes() + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=None)
def package_digest() -> str:
    """Digest of every source file of this package (what renders and writes pages included)."""
    return files_digest(PACKAGE, suffix=".py")


def files_digest(*folders: Path, suffix: str = "", skip_hidden: bool = False) -> str:
    """Digest of every file (name and bytes) under the given folders, in order of folder then name."""
    h = hashlib.sha256()
    for n, folder in enumerate(folders):
        h.update(f"{n}\0".encode())
        for rel, path in sorted(walk_files(folder, skip_hidden)):
            if rel.endswith(suffix):
                with open(path, "rb") as fh:
                    h.update(rel.encode("utf-8", "surrogateescape") + b"\0" + fh.read() + b"\0")
    return h.hexdigest()


def walk_files(folder: Path, skip_hidden: bool = False) -> list[tuple[str, str]]:
    """(path relative to `folder` with '/', path) of every regular file below it, links not followed."""
    out = []
    if not folder.is_dir():
        return out
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not (skip_hidden and d.startswith(".")))
        for f in files:
            path = os.path.join(top, f)
            if (skip_hidden and f.startswith(".")) or os.path.islink(path) or not os.path.isfile(path):
                continue
            out.append((os.path.relpath(path, folder).replace(os.sep, "/"), path))
    return out
