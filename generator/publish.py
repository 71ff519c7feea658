"""GitHub Pages: build the site for its public URL, commit it to a branch (gh-pages), push it.

`briefings publish` builds into a folder of its own under the cache (never the preview's `site/`),
with the URL the site is published under, then makes that folder the whole content of one new
commit on top of the branch's history. It uses git plumbing with a private index (read-tree,
add, write-tree, commit-tree, update-ref) rather than a checkout or a library: no extra dependency,
and the user's working tree, index and current branch are never touched. A branch that is
checked out (here or in another worktree) is refused, since moving it would replace the user's
files with the site.
"""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.config import SiteConfig
from generator import guard
from generator.errors import BriefingError

GITHUB_REMOTE = re.compile(r"github\.com[:/]+([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?$")


class PublishError(BriefingError):
    """Publishing failed; nothing was pushed."""


@dataclass(frozen=True)
class Published:
    """What publish did."""

    branch: str
    commit: str | None  # None when the branch already held this site
    pushed: bool


def _run(args: list[str], repo: Path, env: dict | None = None, stdin: bytes | None = None):
    return subprocess.run(["git", *args], cwd=repo, env={**os.environ, **(env or {})}, input=stdin,
                          capture_output=True)


def _git(args: list[str], repo: Path, env: dict | None = None, stdin: bytes | None = None) -> str:
    proc = _run(args, repo, env, stdin)
    if proc.returncode != 0:
        raise PublishError(f"git {args[0]} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout.decode().strip()


def repository(path: Path) -> Path:
    """The top folder of the git repository holding `path`."""
    try:
        return Path(_git(["rev-parse", "--show-toplevel"], path))
    except (PublishError, FileNotFoundError):
        raise PublishError(f"{path} is not inside a git repository: run 'git init', commit the archive "
                           "and add the GitHub repository with 'git remote add origin URL'") from None


def checked_out_branches(top: Path) -> dict[str, str]:
    """Branch name -> the worktree that has it checked out, for every worktree of the repository."""
    branches, where = {}, ""
    for line in _git(["worktree", "list", "--porcelain"], top).splitlines():
        if line.startswith("worktree "):
            where = line[len("worktree "):]
        elif line.startswith("branch refs/heads/"):
            branches[line[len("branch refs/heads/"):]] = where
    return branches


def preflight(top: Path, branch: str, remote: str | None) -> None:
    """Refuse before building: a bad or checked-out branch, a missing remote, no git identity."""
    if _run(["check-ref-format", "--branch", branch], top).returncode != 0:
        raise PublishError(f"'{branch}' is not a valid branch name")
    here = checked_out_branches(top).get(branch)
    if here is not None:
        raise PublishError(f"branch '{branch}' is checked out in {here}: publishing would replace its files "
                           "with the site; choose another --branch (e.g. gh-pages)")
    if remote and _run(["remote", "get-url", remote], top).returncode != 0:
        raise PublishError(f"this repository has no remote '{remote}': add the GitHub repository with "
                           f"'git remote add {remote} URL', or use --no-push to commit the branch only")
    for key, variable in (("user.name", "GIT_COMMITTER_NAME"), ("user.email", "GIT_COMMITTER_EMAIL")):
        if not os.environ.get(variable) and _run(["config", key], top).returncode != 0:
            raise PublishError(f"git has no {key}, so the commit would have no author: set it with "
                               f"'git config --global {key} \"...\"'")


def source_commit(top: Path, made: tuple[Path, ...] = ()) -> str:
    """The archive's commit, with '+dirty' when its working tree has changes (untracked files too),
    not counting the folders the program itself writes (`made`: the cache, the preview's output)."""
    head = _run(["rev-parse", "HEAD"], top)
    commit = head.stdout.decode().strip() if head.returncode == 0 else "no commit yet"
    skip = [f":(exclude){p.resolve().relative_to(top.resolve()).as_posix()}" for p in made
            if p.resolve().is_relative_to(top.resolve()) and p.resolve() != top.resolve()]
    changes = _git(["status", "--porcelain", "--", ".", *skip], top)
    return commit + ("+dirty" if changes else "")


def pages_url(top: Path, remote: str | None, cname: str | None) -> str | None:
    """The URL GitHub Pages serves this repository under: the custom domain, or USER.github.io[/REPO]."""
    if cname:
        return f"https://{cname.strip().strip('/')}/"
    url = _run(["remote", "get-url", remote], top).stdout.decode().strip() if remote else ""
    found = GITHUB_REMOTE.search(url)
    if not found:
        return None
    user, repo = found.groups()
    if repo.lower() == f"{user.lower()}.github.io":
        return f"https://{repo.lower()}/"
    return f"https://{user.lower()}.github.io/{repo}/"


def publish_config(config: SiteConfig, cache: Path, base_url: str | None) -> SiteConfig:
    """The settings of the publishing build: its own output folder, under the cache, and the public URL."""
    return config.with_overrides(output=cache / "publish" / "site", base_url=base_url)


def publish(site: Path, repo: Path, branch: str = "gh-pages", remote: str | None = "origin",
            cname: str | None = None, message: str = "Publish the briefing archive") -> Published:
    """Commit `site` as the whole content of `branch` in the git repository at `repo`, and push it."""
    if not (site / "index.html").is_file():
        raise PublishError(f"{site} holds no built site")
    top = repository(repo)
    preflight(top, branch, remote)
    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        _git(["read-tree", "--empty"], top, env)
        _git(["--work-tree", str(site.resolve()), "add", "--all", "--force", "."], top, env)
        _git(["rm", "--cached", "-q", "--ignore-unmatch", "--", guard.MARKER], top, env)
        extras = {".nojekyll": b""} | ({"CNAME": cname.strip().encode() + b"\n"} if cname else {})
        for name, data in extras.items():
            blob = _git(["hash-object", "-w", "--stdin"], top, stdin=data)
            _git(["update-index", "--add", "--cacheinfo", f"100644,{blob},{name}"], top, env)
        tree = _git(["write-tree"], top, env)
    ref = f"refs/heads/{branch}"
    local = _run(["rev-parse", "--verify", "-q", ref], top).stdout.decode().strip() or None
    parent = local
    if remote:
        # continue the remote branch's history where it is ahead (a fresh clone, another machine)
        tracking = f"refs/remotes/{remote}/{branch}"
        _run(["fetch", "--quiet", remote, f"+{ref}:{tracking}"], top)  # fails harmlessly when it has none
        theirs = _run(["rev-parse", "--verify", "-q", tracking], top).stdout.decode().strip() or None
        if theirs and (local is None or _run(["merge-base", "--is-ancestor", local, theirs], top).returncode == 0):
            parent = theirs
    commit = None
    if parent is None or _git(["rev-parse", f"{parent}^{{tree}}"], top) != tree:
        commit = _git(["commit-tree", tree, *(["-p", parent] if parent else []), "-m", message], top)
    if (commit or parent) != local:
        # the old value guards against a branch moved by someone else meanwhile
        _git(["update-ref", ref, commit or parent, local or ""], top)
    pushed = False
    if remote:
        _git(["push", "--quiet", remote, f"{ref}:{ref}"], top)
        pushed = True
    return Published(branch=branch, commit=commit, pushed=pushed)
