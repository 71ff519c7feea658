"""Putting a built site in place: never half a site for a failed build, never a rewrite of an unchanged file.

StagedWriter builds the whole site in a folder beside the output and swaps it in with renames
(unchanged pages are hard links to the old ones). InPlaceWriter, for a build that changes
few files of an intact previous site, writes each changed file as a temporary file next to
its target and renames them all only once every one is written; then removes what is no
longer produced. Either way a build that fails before `finish()` leaves the old site as it was.
Both mark the phase of the swap in `guard`, and every new site carries guard.MARKER.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator import guard
from generator.errors import BriefingError


def swap_in(stage: Path, out: Path) -> None:
    """Replace the old site by the new one with renames, so no reader sees half a site."""
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    had_old = out.exists()
    guard.phase(guard.SWAPPING)
    try:
        if had_old:
            os.replace(out, old)
        try:
            os.replace(stage, out)
        except BaseException:
            if had_old:
                os.replace(old, out)  # put the previous site back
            raise
    except BaseException:
        guard.phase(guard.BUILDING)  # (the previous site is back in place)
        raise
    guard.phase(guard.SWAPPED)
    shutil.rmtree(old, ignore_errors=True)


def write_file(path: str, data: bytes) -> None:
    """Write a new file's bytes (plain os calls: a build writes 10,000 files, and a buffered file
    object per file costs more than the write)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, path) from None  # (a failed write names no file)
    finally:
        os.close(fd)


def not_as_left(out: Path, files: dict[str, list], rels=None) -> set[str]:
    """Which of `rels` (default: all of `files`, rel -> [digest, size, mtime_ns] as a build
    recorded them) are no longer as that build left them in `out`: gone, not recorded, or of
    another size or time."""
    folder, changed = str(out) + os.sep, set()
    for rel in files if rels is None else rels:
        entry = files.get(rel)
        try:
            st = os.stat(folder + rel)
        except OSError:
            changed.add(rel)
            continue
        if entry is None or st.st_size != entry[1] or st.st_mtime_ns != entry[2]:
            changed.add(rel)
    return changed


class StagedWriter:
    """Write a complete new site beside the old one, then swap."""

    def __init__(self, out: Path):
        self.out = out
        self.stage = out.with_name(f".{out.name}.new-{os.getpid()}")
        self.files: set[str] = set()
        self._folders: set[str] = set()  # made already
        shutil.rmtree(self.stage, ignore_errors=True)
        self._root = str(self.stage) + os.sep
        self._folder_for(self._root + guard.MARKER)
        write_file(self._root + guard.MARKER, guard.MARKER_TEXT.encode())  # (not one of the site's files)

    def _claim(self, rel: str) -> str:
        if rel in self.files:
            raise BriefingError(f"two outputs claim one path: {rel}")
        self.files.add(rel)
        return self._root + rel

    def _folder_for(self, target: str) -> None:
        folder = os.path.dirname(target)
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)

    def add(self, rel: str, data: bytes) -> None:
        """A file of the new site."""
        target = self._claim(rel)
        self._folder_for(target)
        write_file(target, data)

    def reserve(self, rel: str) -> str:
        """Claim a path of the new site for a file another process will write there (that
        process makes its folder: see `write_reserved`)."""
        return self._claim(rel)

    def keep(self, rel: str) -> bool:
        """The old site's file, unchanged (a hard link, else a copy); False when there is none."""
        old = os.path.join(self.out, rel)
        if not os.path.isfile(old):
            return False
        target = self._claim(rel)
        self._folder_for(target)
        try:
            os.link(old, target)
        except OSError:
            shutil.copy2(old, target)
        return True

    def keep_all(self, rels) -> None:
        """Old files the caller found intact, each kept as `keep` keeps one (one gone since: an error)."""
        for rel in rels:
            if not self.keep(rel):
                raise BriefingError(f"{rel}: a file of the last build went away while this build ran",
                                    os.path.join(self.out, rel))

    def current(self, rel: str) -> str:
        """Where a file of the new site is now (another step reads it there: see search.py)."""
        return self._root + rel

    @property
    def scratch(self) -> Path:
        """A place inside what this writer owns for a step's temporary files (the staging folder)."""
        return self.stage

    def finish(self) -> None:
        """Swap the new site in."""
        swap_in(self.stage, self.out)

    def abort(self) -> None:
        """Forget the new site; the old one was never touched."""
        shutil.rmtree(self.stage, ignore_errors=True)


def write_reserved(target: str, data: bytes) -> None:
    """Write a file StagedWriter.reserve() claimed, making its folder (in any process)."""
    os.makedirs(os.path.dirname(target), exist_ok=True)
    write_file(target, data)


class InPlaceWriter:
    """Change only the files that changed, all at the end, and remove what is no longer produced."""

    def __init__(self, out: Path, previous: set[str]):
        self.out, self.previous = out, previous
        self.files: set[str] = set()
        self.pending: list[tuple[Path, Path]] = []
        self._pending: dict[str, str] | None = None  # target -> temporary file, for current()

    def _claim(self, rel: str) -> None:
        if rel in self.files:
            raise BriefingError(f"two outputs claim one path: {rel}")
        self.files.add(rel)

    def keep_all(self, rels) -> None:
        """The old site's files all stay, unless `update` replaces one."""
        for rel in rels:
            self._claim(rel)

    def add(self, rel: str, data: bytes) -> None:
        """A file of the new site, written beside its target unless the target already holds it."""
        self._claim(rel)
        self.update(rel, data)

    def update(self, rel: str, data: bytes) -> None:
        """New bytes for a file already claimed."""
        target = self.out / rel
        try:
            if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
                return
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.new-{os.getpid()}")
        self.pending.append((tmp, target))
        write_file(str(tmp), data)

    def current(self, rel: str) -> str:
        """Where a file of the new site is now: its temporary file, or the target it already is."""
        if self._pending is None or len(self._pending) != len(self.pending):
            self._pending = {str(target): str(tmp) for tmp, target in self.pending}
        target = os.path.join(self.out, rel)
        return self._pending.get(target, target)

    @property
    def scratch(self) -> Path:
        """A place inside what this writer owns for a step's temporary files (the output folder)."""
        return self.out

    def keep(self, rel: str) -> bool:
        """The old site's file stays as it is."""
        if not os.path.isfile(os.path.join(self.out, rel)):  # strings: 10,000 checks in a few ms
            return False
        self._claim(rel)
        return True

    def finish(self) -> None:
        """Move every changed file into place, then remove files and folders no longer produced."""
        guard.phase(guard.SWAPPING)
        for tmp, target in self.pending:
            os.replace(tmp, target)
        self.pending = []
        for rel in sorted(self.previous - self.files):
            (self.out / rel).unlink(missing_ok=True)
            parent = (self.out / rel).parent
            while parent != self.out and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        guard.phase(guard.SWAPPED)

    def abort(self) -> None:
        """Remove the temporary files; the old site was not changed."""
        for tmp, _ in self.pending:
            tmp.unlink(missing_ok=True)
