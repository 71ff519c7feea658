"""`briefings publish` against a real git repository and a real (bare) remote."""
import os
import subprocess

import pytest

from generator.cli import main

from articles import PHONE_CALL, SEED_LIKE

IDENTITY = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.test",
            "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.test"}


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(archive, tmp_path_factory, monkeypatch):
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    remote = tmp_path_factory.mktemp("remote") / "remote.git"  # outside the archive's work tree
    git("init", "--bare", "-q", str(remote), cwd=remote.parent)
    git("init", "-q", "-b", "main", cwd=archive.root)
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("b.txt", PHONE_CALL)
    (archive.root / ".gitignore").write_text("site/\n.briefings-cache/\n")
    git("add", "-A", cwd=archive.root)
    git("commit", "-q", "-m", "archive", cwd=archive.root)
    git("remote", "add", "origin", str(remote), cwd=archive.root)
    monkeypatch.chdir(archive.root)
    return archive, remote


def files_on(remote, branch="gh-pages"):
    return set(git("ls-tree", "-r", "--name-only", branch, cwd=remote).splitlines())


def test_publish_pushes_the_site_as_the_branch_and_leaves_the_work_tree_alone(repo, capsys):
    archive, remote = repo
    head, status = git("rev-parse", "HEAD", cwd=archive.root), git("status", "--porcelain", cwd=archive.root)
    assert main(["publish", "--cname", "briefings.example.org"]) == 0
    files = files_on(remote)
    assert {"index.html", ".nojekyll", "CNAME", "officials/klaus-becker/index.html", "feed.xml"} <= files
    assert git("show", "gh-pages:CNAME", cwd=remote) == "briefings.example.org"
    assert git("rev-parse", "HEAD", cwd=archive.root) == head and git("branch", "--show-current",
                                                                       cwd=archive.root) == "main"
    assert git("status", "--porcelain", cwd=archive.root) == status
    assert "pushed to origin" in capsys.readouterr().out


def test_publishing_again_keeps_history_removes_gone_pages_and_skips_empty_commits(repo, capsys):
    archive, remote = repo
    assert main(["publish"]) == 0
    assert main(["publish"]) == 0
    assert "unchanged" in capsys.readouterr().out
    assert git("rev-list", "--count", "gh-pages", cwd=remote) == "1"
    (archive.root / "seeds" / "b.txt").unlink()
    assert main(["publish"]) == 0
    assert "officials/klaus-becker/index.html" not in files_on(remote)
    assert git("rev-list", "--count", "gh-pages", cwd=remote) == "2"


def test_publish_without_a_repository_or_identity_is_a_clear_error(archive, capsys, monkeypatch):
    archive.seed("a.txt", SEED_LIKE)
    monkeypatch.chdir(archive.root)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(archive.root.parent))
    assert main(["publish"]) == 2
    err = capsys.readouterr().err
    assert "not inside a git repository" in err and "Traceback" not in err
    git("init", "-q", cwd=archive.root)
    for key in IDENTITY:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(archive.root))  # no global git identity either
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert main(["publish", "--no-push"]) == 2
    assert "user.name" in capsys.readouterr().err


@pytest.mark.parametrize("worktree", [False, True])
def test_the_branch_checked_out_here_or_in_a_worktree_is_refused(repo, capsys, worktree, tmp_path_factory):
    archive, remote = repo
    branch = "main"
    if worktree:
        git("branch", "drafts", cwd=archive.root)
        git("worktree", "add", "-q", str(tmp_path_factory.mktemp("wt") / "drafts"), "drafts", cwd=archive.root)
        branch = "drafts"
    before = {b: git("rev-parse", b, cwd=archive.root) for b in ("main", branch)}
    assert main(["publish", "--branch", branch]) == 2
    err = capsys.readouterr().err
    assert f"branch '{branch}' is checked out" in err and "--branch" in err
    assert {b: git("rev-parse", b, cwd=archive.root) for b in ("main", branch)} == before
    assert git("ls-remote", "--heads", str(remote), cwd=archive.root) == ""
