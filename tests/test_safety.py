"""The build never destroys what it did not make, runs one at a time, and leaves nothing behind.

- the output folder is the build's own: absent, empty, or marked by an earlier build; anything
  else is refused unless `--force`; never one of the archive's input folders or its cache;
- two builds of one archive take turns (a lock in the cache folder);
- a killed build leaves no worker process, and the next build removes its staging folders and
  temporary files, and equals a clean build;
- messages say what really happened (interrupted after the swap, a full disk, a bug in rendering).

Processes are real: builds run as `python -m generator` and are killed with os.kill.
"""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main

from articles import JOINT_STATEMENT, PHONE_CALL, SEED_LIKE

MARKER = ".briefings-output"  # guard.MARKER (spelled out: the tests must also run against the code before it)
LINUX = sys.platform.startswith("linux")
PARALLEL = (os.cpu_count() or 1) > 1  # a build renders in worker processes


def briefing_pages(site):
    """The briefings' own pages, not the redirects at the addresses earlier versions gave them."""
    return [p for p in (site / "briefings").glob("*/index.html")
            if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]


def run(argv, capsys):
    """Run the CLI in this process; returns (exit status, stdout, stderr)."""
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(folder: Path, skip: str | None = None) -> dict[str, bytes]:
    """Every file below `folder` with its bytes (symlinks as their target's name)."""
    if not folder.exists():
        return {}
    files = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if skip and rel.startswith(skip):
            continue
        if p.is_symlink():
            files[rel] = os.readlink(p).encode()
        elif p.is_file():
            files[rel] = p.read_bytes()
    return files


def cli(root: Path, *args: str, **kwargs) -> subprocess.Popen:
    """`briefings ARGS` as a process of its own, in the archive."""
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


# ---------------------------------------------------------------- 1. the output folder is the build's own

@pytest.fixture
def small(archive, monkeypatch):
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("b.txt", PHONE_CALL)
    monkeypatch.chdir(archive.root)
    return archive


def test_a_folder_of_other_files_is_refused_until_forced(small, capsys):
    docs = small.root / "docs"
    docs.mkdir()
    (docs / "notes.md").write_text("my notes\n")
    code, out, err = run(["build", "--out", "docs"], capsys)
    assert code == 2, err
    assert str(docs) in err and "--force" in err and "Traceback" not in err
    assert snapshot(docs) == {"notes.md": b"my notes\n"}
    assert not [p for p in small.root.iterdir() if p.name.startswith(".docs.")]
    # taken over on request: the folder becomes the build's own, and later builds need no --force
    code, out, err = run(["build", "--out", "docs", "--force"], capsys)
    assert code == 0, err
    assert (docs / MARKER).is_file() and (docs / "index.html").is_file() and not (docs / "notes.md").exists()
    small.seed("c.txt", JOINT_STATEMENT)
    assert run(["build", "--out", "docs"], capsys)[0] == 0
    assert (docs / MARKER).is_file() and len(briefing_pages(docs)) == 3


def test_absent_or_empty_folders_are_built_and_marked(small, capsys):
    (small.root / "empty").mkdir()
    for out in ("site", "empty", "deep/er/site"):
        code, _, err = run(["build", "--out", out], capsys)
        assert code == 0, err
        marker = small.root / out / MARKER
        assert marker.is_file() and "briefings" in marker.read_text()
    assert run(["build"], capsys)[0] == 0  # marked: built again without --force


def test_a_git_worktree_keeps_its_git(small, capsys):
    work = small.root / "pages"
    work.mkdir()
    (work / ".git").write_text("gitdir: /somewhere/.git/worktrees/pages\n")
    code, _, err = run(["build", "--out", "pages"], capsys)
    assert code == 2 and str(work) in err
    assert snapshot(work) == {".git": b"gitdir: /somewhere/.git/worktrees/pages\n"}


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "forced"])
def test_out_naming_a_file_is_refused(small, capsys, force):
    (small.root / "afile").write_text("data\n")
    code, _, err = run(["build", "--out", "afile", *force], capsys)
    assert code == 2 and "afile" in err and "file" in err
    assert (small.root / "afile").read_text() == "data\n"


def test_the_archives_own_folders_and_its_cache_are_refused_even_forced(small, capsys):
    for name in ("static", "templates", "data"):
        (small.root / name).mkdir()
        (small.root / name / "keep.txt").write_text(name)
    assert run(["build"], capsys)[0] == 0  # a cache folder exists
    before = snapshot(small.root.parent, skip=f"{small.root.name}/site")
    for out in ["static", "static/site", "templates", "data", "data/x", "seeds", "seeds/site", ".briefings-cache",
                ".briefings-cache/site", ".", ".."]:
        code, _, err = run(["build", "--out", out, "--force"], capsys)
        assert code == 2 and "choose another --out" in err, (out, err)
        assert snapshot(small.root.parent, skip=f"{small.root.name}/site") == before, out


def test_a_settings_file_cannot_send_the_output_outside_the_archive(small, capsys):
    victim = small.root.parent / "victim"
    victim.mkdir()
    (victim / "important.txt").write_text("keep me\n")
    (small.root / "site.yaml").write_text("title: T\npaths: {output: ../victim}\n")
    code, _, err = run(["build", "--force"], capsys)
    assert code == 2 and str(victim) in err and "--out" in err, err
    assert snapshot(victim) == {"important.txt": b"keep me\n"}
    # named on the command line it is the user's choice (an absent folder: built)
    code, _, err = run(["build", "--out", str(small.root.parent / "elsewhere")], capsys)
    assert code == 0, err
    assert (small.root.parent / "elsewhere" / MARKER).is_file()


def test_the_marker_is_a_dotfile_constant_others_can_leave_out():
    from generator import guard
    assert guard.MARKER == MARKER and MARKER.startswith(".")


# ---------------------------------------------------------------- 2. one build at a time

HOLD = """import sys, time
from pathlib import Path
from generator import guard
with guard.build_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_build_is_refused_while_another_holds_the_archive(small, capsys, monkeypatch):
    from generator import guard
    assert run(["build"], capsys)[0] == 0
    before = snapshot(small.root / "site")
    small.seed("c.txt", JOINT_STATEMENT)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(small.root / ".briefings-cache"), "30"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        monkeypatch.setattr(guard, "LOCK_WAIT", 0.5)
        start = time.monotonic()
        code, out, err = run(["build"], capsys)
        assert 0.4 < time.monotonic() - start < 10
    finally:
        holder.kill()
        holder.wait()
    assert code == 2, err
    assert f"waiting for another build of this archive (pid {holder.pid})" in err
    assert f"(pid {holder.pid}) is still running" in err and "nothing was changed" in err
    assert snapshot(small.root / "site") == before
    assert (small.root / ".briefings-cache" / "build.lock").is_file()  # a file that stays, not the lock itself
    code, out, err = run(["build"], capsys)  # the holder is gone (killed): its lock went with it
    assert code == 0 and "waiting" not in err, err


# ---------------------------------------------------------------- 3. killed builds: no orphans, no stale files

NATIONS = [("Norwegian", "Norway", "Oslo"), ("Kenyan", "Kenya", "Nairobi"), ("Brazilian", "Brazil", "Brasilia"),
           ("Japanese", "Japan", "Tokyo"), ("Canadian", "Canada", "Ottawa"), ("Mexican", "Mexico", "Mexico City"),
           ("German", "Germany", "Berlin"), ("French", "France", "Paris"), ("Indian", "India", "New Delhi"),
           ("Italian", "Italy", "Rome"), ("Chilean", "Chile", "Santiago"), ("Ghanaian", "Ghana", "Accra")]
FIRST = ["Ingrid", "Peter", "Lucas", "Haruto", "Emily", "Javier", "Klaus", "Claire", "Rahul", "Marco", "Ana",
         "Kofi", "Sofia", "Tomas", "Amina", "Yuki", "Daniel", "Leila"]
LAST = ["Solberg", "Kamau", "Almeida", "Sato", "Roy", "Ortiz", "Becker", "Dubois", "Mehta", "Bellini", "Rojas",
        "Mensah", "Varga", "Lindqvist", "Okafor", "Tanaka", "Moreau", "Haddad", "Novak"]
TITLES = ["Foreign Minister", "Prime Minister", "Defence Minister", "Trade Minister"]
TOPICS = ["trade ties", "climate change", "maritime security", "renewable energy", "university exchanges"]


def invented_article(i: int) -> str:
    """An invented wire story, a different one for every i: two ministers of two states meet."""
    a, b = NATIONS[i % len(NATIONS)], NATIONS[(i * 5 + 3) % len(NATIONS)]
    if a == b:
        b = NATIONS[(i + 1) % len(NATIONS)]
    host = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
    guest = f"{FIRST[(i * 3 + 1) % len(FIRST)]} {LAST[(i * 11 + 2) % len(LAST)]}"
    topic = TOPICS[i % len(TOPICS)]
    return (f" date {2000 + i % 24}-{1 + i % 12:02d}-{1 + i % 28:02d} Visiting {a[0]} {TITLES[i % 4]} {host} "
            f"on Tuesday met with {b[0]} {TITLES[(i // 3) % 4]} {guest} here in {b[2]}, and the two sides agreed "
            f"to deepen cooperation on {topic}.\n\n"
            f"During the meeting, {host.split()[1]} said the partnership between {a[1]} and {b[1]} had grown "
            f"steadily over the past decade.\n\n"
            f"{guest.split()[1]} said {b[1]} valued the support of {a[1]} for projects on {topic}.")


def write_articles(root: Path, count: int, first: int = 0) -> None:
    for i in range(count):
        (root / "seeds" / f"a{i:04d}.txt").write_text(invented_article(first + i), encoding="utf-8")


def descendants(pid: int) -> set[int]:
    """The live processes below `pid` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[0] != "Z":
                children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of `pids` that are still running (a zombie waiting for its reaper is not)."""
    left = set()
    for pid in pids:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        if stat[stat.rindex(")") + 2] != "Z":
            left.add(pid)
    return left


def kill_mid_build(proc: subprocess.Popen, root: Path, sig: int) -> set[int]:
    """Send `sig` once the build's workers are rendering into its staging folder; returns the workers."""
    stage = root / f".site.new-{proc.pid}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = descendants(proc.pid)
        if workers and stage.is_dir() and len(list(stage.glob("briefings/*/index.html"))) >= 20:
            os.kill(proc.pid, sig)
            return workers
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.005)
    raise AssertionError("the build never rendered in parallel")


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """An archive of 400 invented articles, built once (the site every test starts from)."""
    root = tmp_path_factory.mktemp("big")
    (root / "seeds").mkdir()
    (root / "site.yaml").write_text("title: Kill Test\nbase_url: /\n")
    write_articles(root, 400)
    proc = cli(root, "build")
    assert proc.wait(120) == 0, proc.communicate()
    return root


@pytest.fixture(scope="module")
def reference(big, tmp_path_factory):
    """What a clean build makes of the archive's seeds once they are all changed (first=1000)."""
    root = tmp_path_factory.mktemp("reference")
    (root / "seeds").mkdir()
    (root / "site.yaml").write_bytes((big / "site.yaml").read_bytes())
    write_articles(root, 400, first=1000)
    proc = cli(root, "build", "--clean")
    assert proc.wait(120) == 0, proc.communicate()
    return snapshot(root / "site")


@pytest.mark.skipif(not LINUX or not PARALLEL, reason="reads processes from /proc; needs worker processes")
def test_a_killed_build_leaves_no_process_and_the_next_build_cleans_up(big, reference):
    before = snapshot(big / "site")
    write_articles(big, 400, first=1000)  # every page changes: all rendered in parallel, staged
    proc = cli(big, "build")
    workers = kill_mid_build(proc, big, signal.SIGKILL)
    proc.wait(10)
    deadline = time.monotonic() + 5
    while alive(workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(workers), "workers outlived their killed build"
    assert snapshot(big / "site") == before  # killed before the swap
    assert (big / f".site.new-{proc.pid}").is_dir()  # what a killed build leaves
    # ... and what it could leave elsewhere (an in-place temporary file, a backup), with decoys
    # of other shapes or of a live process that must stay
    dead = proc.pid
    temp = big / "site" / "briefings" / f".index.html.new-{dead}"
    temp.write_text("half a page")
    (big / f".site.old-{dead}").mkdir()
    (big / f".site.old-{dead}" / "index.html").write_text("old")
    decoys = [big / f".site.new-{os.getpid()}", big / f".sitex.new-{dead}", big / f".site.new-{dead}x",
              big / f"site.new-{dead}", big / f".site.new-0"]
    for decoy in decoys:
        decoy.write_text("not the build's")
    proc = cli(big, "build")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "waiting" not in err  # the killed build's lock died with it
    assert not temp.exists() and not (big / f".site.new-{dead}").exists() and not (big / f".site.old-{dead}").exists()
    assert not list((big / "site").rglob(".*.new-*"))
    assert all(decoy.read_text() == "not the build's" for decoy in decoys)
    for decoy in decoys:
        decoy.unlink()
    assert snapshot(big / "site") == reference


@pytest.mark.skipif(not LINUX or not PARALLEL, reason="reads processes from /proc; needs worker processes")
def test_sigterm_aborts_like_ctrl_c(big):
    before = snapshot(big / "site")
    write_articles(big, 400, first=2000)
    proc = cli(big, "build")
    workers = kill_mid_build(proc, big, signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert "terminated; the previous site is left as it was" in err and "Traceback" not in err, err
    assert snapshot(big / "site") == before
    assert not [p.name for p in big.iterdir() if p.name.startswith(".site.")]
    assert not alive(workers)


@pytest.mark.skipif(not LINUX, reason="reads processes from /proc")
def test_two_builds_at_once_take_turns(big, reference):
    write_articles(big, 400, first=1000)
    first = cli(big, "build", "--clean")  # renders every page, in parallel
    stage = big / f".site.new-{first.pid}"
    deadline = time.monotonic() + 30
    while not stage.is_dir():  # the first build holds the lock now
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.005)
    second = cli(big, "build")
    out2, err2 = second.communicate(timeout=120)
    out1, err1 = first.communicate(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, (err1, err2)
    assert f"waiting for another build of this archive (pid {first.pid})" in err2
    assert "nothing changed" in out2  # it saw the first build's finished site and record
    assert snapshot(big / "site") == reference


# ---------------------------------------------------------------- 4. messages say what really happened

@pytest.fixture
def built(small, capsys):
    assert run(["build"], capsys)[0] == 0
    small.seed("c.txt", JOINT_STATEMENT)  # the next build has something to write
    return small


@pytest.mark.parametrize("exc,status,word", [(KeyboardInterrupt, 130, "interrupted"), (None, 143, "terminated")],
                         ids=["ctrl-c", "sigterm"])
def test_an_interruption_after_the_swap_says_the_new_site_is_in_place(built, capsys, monkeypatch, exc, status,
                                                                      word):
    import generator.build as build_module
    if exc is None:
        from generator.guard import Terminated as exc

    real = build_module.Store.save_record_part

    def save_pages(self, name, *args):
        if name == "tail":  # the record's last row: after the swap
            raise exc()
        return real(self, name, *args)

    monkeypatch.setattr(build_module.Store, "save_record_part", save_pages)
    code, out, err = run(["build"], capsys)
    assert code == status, err
    assert "left as it was" not in err and word in err and "new site is in place" in err, err
    assert len(briefing_pages(built.root / "site")) == 3  # it is


def test_an_interruption_while_files_move_in_says_so(built, capsys, monkeypatch):
    import generator.output as output_module
    assert run(["build"], capsys)[0] == 0
    # a typo fixed in one body: that page is written beside its target, then moved in place
    built.seed("a.txt", SEED_LIKE.replace("universities", "colleges"))
    real = os.replace

    def replace(src, dst, *args, **kwargs):
        if ".new-" in Path(src).name and Path(dst).name == "index.html":
            raise KeyboardInterrupt
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(output_module.os, "replace", replace)
    code, out, err = run(["build"], capsys)
    assert code == 130 and "left as it was" not in err and "may hold old and new pages" in err, err


OS_FAILURES = [  # (errno, the call that fails, in which module)
    (errno.ENOSPC, "write", "generator.output"),
    (errno.EROFS, "open", "generator.output"),
    (errno.EACCES, "makedirs", "generator.output"),
    (errno.EBUSY, "replace", "generator.output"),
]


@pytest.mark.skipif(not LINUX, reason="reads an open file's name from /proc")
@pytest.mark.parametrize("code_,call,module", OS_FAILURES, ids=[errno.errorcode[f[0]] for f in OS_FAILURES])
def test_an_os_failure_is_one_line_naming_the_path_and_the_cause(built, capsys, monkeypatch, code_, call, module):
    import importlib
    mod = importlib.import_module(module)
    real = getattr(mod.os, call)

    def failing(*args, **kwargs):
        # only for the new site's files (os is shared: the cache and the lock use it too)
        path = os.readlink(f"/proc/self/fd/{args[0]}") if call == "write" else str(args[0])
        if ".site.new-" not in path:
            return real(*args, **kwargs)
        if call == "write":  # as the kernel reports it: no file named
            raise OSError(code_, os.strerror(code_))
        if call == "replace":
            raise OSError(code_, os.strerror(code_), args[0], None, args[1])
        raise OSError(code_, os.strerror(code_), args[0])

    monkeypatch.setattr(mod.os, call, failing)
    code, out, err = run(["build", "--clean"], capsys)
    monkeypatch.setattr(mod.os, call, real)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1, err
    assert os.strerror(code_) in lines[0] and str(built.root) in lines[0], lines[0]
    assert "internal error" not in err and "Traceback" not in err


def test_an_os_failure_naming_no_file_names_the_folders_written(built, capsys, monkeypatch):
    import generator.build as build_module

    def robots(config):  # written while the new site is being made
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(build_module.feeds, "robots", robots)
    code, out, err = run(["build"], capsys)
    assert code == 2 and "No space left on device" in err and str(built.root / "site") in err, err
    assert "internal error" not in err


def test_a_bug_while_rendering_is_not_called_a_template_problem(built, capsys, monkeypatch):
    import generator.render as render_module

    def page_bytes(text):
        raise ZeroDivisionError("a bug in the program")

    monkeypatch.setattr(render_module, "page_bytes", page_bytes)
    code, out, err = run(["build"], capsys)
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and "Traceback" not in err, err
    assert "ZeroDivisionError: a bug in the program" in lines[0] and "while rendering" in lines[0]
    assert "template" not in lines[0].split("while rendering")[0].lower()  # not blamed on a template
    code, out, err = run(["build", "--debug"], capsys)
    assert code == 2 and "Traceback (most recent call last)" in err
    assert "in page_bytes" in err and "ZeroDivisionError: a bug in the program" in err  # its own traceback


def test_a_template_error_is_still_a_template_problem(built, capsys):
    (built.root / "templates").mkdir()
    (built.root / "templates" / "404.html").write_text("{{ no_such_thing }}")
    code, out, err = run(["build"], capsys)
    assert code == 2 and "404.html" in err and "no_such_thing" in err and "internal error" not in err
