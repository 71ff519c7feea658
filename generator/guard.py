"""What a build may touch: an output folder it owns, one build at a time, nothing left behind.

- The output folder is *owned*: every build writes MARKER into it, and a build replaces only a
  folder that is absent, empty or marked; `--force` takes another folder over (and marks it).
- It lies outside the archive's seeds, templates, static and data folders, the theme's and the
  cache (neither inside nor around them), and inside the archive unless it was given with --out.
- One build at a time per archive: an flock on LOCK in the cache folder, waited for a while.
- A build killed outright leaves staging folders `.OUT.new-PID` / `.OUT.old-PID` beside the
  output and temporary files `.NAME.new-PID` inside it: the next build removes those whose
  process is gone (only names of exactly these shapes).
- The phase a build has reached, so that an interruption is reported as what it left behind.
"""
from __future__ import annotations

import os
import re
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from generator.config import SiteConfig
from generator.errors import ConfigError

try:
    import fcntl
except ImportError:  # not POSIX: no lock, builds are trusted not to overlap
    fcntl = None

MARKER = ".briefings-output"  # in every output folder; a publisher may leave it out
MARKER_TEXT = ("This folder is the output of 'briefings build', which replaces everything in it at every\n"
               "build. Keep nothing else here. Without this file a build refuses to touch the folder.\n")
LOCK = "build.lock"  # in the cache folder: holds the pid of the build that has it, and whether it ended
LOCK_WAIT = 60.0  # seconds a build waits for another build of the same archive


class Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is (the build aborts cleanly), exit status 143."""


# ---------------------------------------------------------------- the output folder

def _within(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def check_output(config: SiteConfig, cache_dir: Path | None = None) -> Path:
    """The output folder (resolved), refused when a build there would replace or feed what it did not make."""
    out = config.output.resolve()
    if out.exists() and not out.is_dir():
        raise ConfigError(f"output folder {out} is a file, not a folder; choose another --out")
    if _within(config.root.resolve(), out):
        raise ConfigError(f"output folder {out} would replace the archive {config.root}; choose another --out")
    from generator.render import theme_dir  # (jinja2 is not needed to check paths otherwise)
    theme = theme_dir().resolve()
    guarded = [("seeds", config.seeds), ("templates", config.templates), ("static", config.static),
               ("data", config.data), ("pages", config.pages), ("cache", cache_dir), ("theme's templates", theme / "templates"),
               ("theme's static", theme / "static")]
    for what, folder in guarded:
        if folder is None:
            continue
        folder = folder.resolve()
        if _within(folder, out):
            raise ConfigError(f"output folder {out} would replace the {what} folder {folder}; choose another --out")
        if _within(out, folder):
            raise ConfigError(f"output folder {out} is inside the {what} folder {folder}; choose another --out")
    if not config.output_given and not _within(out, config.root.resolve()):
        raise ConfigError(f"output folder {out} (paths.output) lies outside the archive {config.root}; "
                          "name it with --out to build there")
    return out


def claim(out: Path, force: bool = False) -> None:
    """Refuse a folder the program did not make, unless forced: then mark it as the output."""
    try:
        with os.scandir(out) as entries:
            names = {e.name for e in entries}
    except FileNotFoundError:
        return
    if not names or (MARKER in names and (out / MARKER).is_file()):
        return
    if not force:
        raise ConfigError(f"output folder {out} holds files that briefings did not make (it has no {MARKER}), "
                          "and a build replaces everything in it; choose another --out, empty it, or use "
                          "--force to let the build take it over")
    (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


# ---------------------------------------------------------------- one build at a time

def _holder(fd: int) -> tuple[int | None, str]:
    """(pid, "running" | "done") as the lock file says, (None, "") when it says nothing."""
    try:
        words = os.pread(fd, 100, 0).decode("ascii", "replace").split()
        return int(words[0]), words[1]
    except (OSError, ValueError, IndexError):
        return None, ""


def _say_holder(fd: int, state: str) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()} {state}\n".encode(), 0)


@contextmanager
def build_lock(folder: Path | None, wait: float | None = None, say=None):
    """Hold the archive's build lock (flock on LOCK in the cache folder) while the block runs;
    another build holding it is waited for up to `wait` seconds, then refused. Yields whether
    the last build that held it was killed before it ended (None without a cache folder)."""
    if folder is None or fcntl is None:
        yield None
        return
    wait = LOCK_WAIT if wait is None else wait
    say = say or (lambda message: print(message, file=sys.stderr, flush=True))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as exc:
        if not path.is_symlink():
            raise
        # a link where the lock should be would have the build write through it: the link
        # goes (never what it points to), and the lock is made afresh
        path.unlink()
        fd = os.open(path, flags, 0o666)
    try:
        deadline = None
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                pid = _holder(fd)[0]
                if deadline is None:
                    deadline = time.monotonic() + wait
                    say(f"waiting for another build of this archive{f' (pid {pid})' if pid else ''}...")
                elif time.monotonic() >= deadline:
                    raise ConfigError(f"another build of this archive{f' (pid {pid})' if pid else ''} is still "
                                      f"running after {wait:g} s; nothing was changed: build again once it "
                                      "has finished", path) from None
                time.sleep(0.05)
        killed = _holder(fd)[1] == "running"
        try:
            _say_holder(fd, "running")
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        try:
            yield killed
        finally:
            try:
                _say_holder(fd, "done")
            except OSError:
                pass  # (the next build then looks for stale files inside the output too)
    finally:
        os.close(fd)  # releases the lock (as the kernel does for a killed build)


# ---------------------------------------------------------------- what killed builds leave

def _gone(pid: int) -> bool:
    """No live process has this pid (this process's own names are stale before its build starts)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


_TEMP = re.compile(r"\..+\.new-([1-9][0-9]*)")


def remove_stale(out: Path, inside: bool = True) -> list[str]:
    """Remove the staging folders beside `out`, and (when `inside`) the temporary files in it,
    that builds no longer running left; returns their paths."""
    stage = re.compile(rf"\.{re.escape(out.name)}\.(?:new|old)-([1-9][0-9]*)")
    removed = []
    try:
        with os.scandir(out.parent) as entries:
            stale = [e for e in entries if (m := stage.fullmatch(e.name)) and _gone(int(m[1]))]
    except FileNotFoundError:
        stale = []
    for entry in stale:
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
        removed.append(entry.path)
    if inside and out.is_dir():
        for folder, folders, files in os.walk(out):
            for name in list(folders):  # a step's scratch folder (search.py)
                if (m := _TEMP.fullmatch(name)) and _gone(int(m[1])):
                    shutil.rmtree(os.path.join(folder, name))
                    folders.remove(name)
                    removed.append(os.path.join(folder, name))
            for name in files:
                if (m := _TEMP.fullmatch(name)) and _gone(int(m[1])):
                    os.unlink(os.path.join(folder, name))
                    removed.append(os.path.join(folder, name))
    return removed


# ---------------------------------------------------------------- what an interruption left

BUILDING, SWAPPING, SWAPPED, DONE = "building", "swapping", "swapped", "done"
_now: dict = {"phase": None, "out": None, "cache": None}


def phase(name: str | None) -> None:
    """The build reached `name` (output.py marks the swap; None: no build under way)."""
    _now["phase"] = name


def interrupted(why: str = "interrupted") -> str:
    """One line saying what an interruption left in the output folder."""
    if _now["phase"] == BUILDING:
        return f"{why}; the previous site is left as it was"
    if _now["phase"] == DONE:
        return f"{why} after the build had finished; {_now['out']} holds the new site"
    return why + left()


def left() -> str:
    """What a build that failed while putting its site in place left there ('' when nothing)."""
    if _now["phase"] == SWAPPING:
        return f"; it stopped while the new site was being put in place: {_now['out']} may hold old and new pages"
    if _now["phase"] == SWAPPED:
        return (f"; the new site is in place in {_now['out']}, but the build's record was not saved: the next "
                "build redoes some work")
    return ""


def writing() -> str:
    """What the build under way writes (for an error that names no file)."""
    if _now["phase"] in (None, DONE):
        return ""
    return f"{_now['out']}" + (f" or the cache {_now['cache']}" if _now["cache"] else "")


@contextmanager
def session(config: SiteConfig, cache_dir: Path | None, force: bool = False):
    """Everything a build must check and hold before it writes, and release after: yields the output folder."""
    out = check_output(config, cache_dir)
    with build_lock(cache_dir) as killed:
        claim(out, force)
        remove_stale(out, inside=killed is not False)
        _now.update(phase=BUILDING, out=out, cache=cache_dir)
        yield out
        _now["phase"] = DONE
