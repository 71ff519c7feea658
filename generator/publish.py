"""GitHub Pages: commit the built site to a branch (gh-pages) and push it.

Plain git plumbing with a private index, so the user's working tree, index and current branch
are never touched: the site folder becomes one commit on top of the branch's history, with
.nojekyll (GitHub Pages would otherwise hide folders starting with '_') and an optional CNAME.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError


class PublishError(BriefingError):
    """Publishing failed; nothing was pushed."""


@dataclass(frozen=True)
class Published:
    """What publish did."""

    branch: str
    commit: str | None  # None when the branch already held this site
    pushed: bool


def _git(args: list[str], repo: Path, env: dict | None = None, stdin: bytes | None = None) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, env={**os.environ, **(env or {})}, input=stdin,
                          capture_output=True)
    if proc.returncode != 0:
        raise PublishError(f"git {args[0]} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc.stdout.decode().strip()


def publish(site: Path, repo: Path, branch: str = "gh-pages", remote: str | None = "origin",
            cname: str | None = None, message: str = "Publish the briefing archive") -> Published:
    """Commit `site` as the whole content of `branch` in the git repository at `repo`, and push it."""
    if not (site / "index.html").is_file():
        raise PublishError(f"{site} holds no built site; run 'briefings build' first")
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], repo))
    except (PublishError, FileNotFoundError):
        raise PublishError(f"{repo} is not inside a git repository (git init, and add a remote)") from None
    for key in ("user.name", "user.email"):
        if not os.environ.get("GIT_AUTHOR_NAME" if key == "user.name" else "GIT_AUTHOR_EMAIL"):
            if subprocess.run(["git", "config", key], cwd=top, capture_output=True).returncode != 0:
                raise PublishError(f"git has no {key}: set it with 'git config {key} ...' so the commit is yours")
    with tempfile.TemporaryDirectory() as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        _git(["read-tree", "--empty"], top, env)
        _git(["--work-tree", str(site.resolve()), "add", "--all", "--force", "."], top, env)
        extras = {".nojekyll": b""} | ({"CNAME": cname.strip().encode() + b"\n"} if cname else {})
        for name, data in extras.items():
            blob = _git(["hash-object", "-w", "--stdin"], top, stdin=data)
            _git(["update-index", "--add", "--cacheinfo", f"100644,{blob},{name}"], top, env)
        tree = _git(["write-tree"], top, env)
    ref = f"refs/heads/{branch}"
    parent = subprocess.run(["git", "rev-parse", "--verify", "-q", ref], cwd=top, capture_output=True,
                            text=True).stdout.strip() or None
    commit = None
    if parent is None or _git(["rev-parse", f"{parent}^{{tree}}"], top) != tree:
        commit = _git(["commit-tree", tree, *(["-p", parent] if parent else []), "-m", message], top)
        _git(["update-ref", ref, commit, *([parent] if parent else [])], top)
    pushed = False
    if remote:
        _git(["push", "--quiet", remote, f"{ref}:{ref}"], top)
        pushed = True
    return Published(branch=branch, commit=commit, pushed=pushed)
