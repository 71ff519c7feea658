"""`briefings publish` against a real git repository: a bare remote, and a clone of it as the archive."""
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator import guard
from generator.cli import main
from generator.publish import pages_url, publish, repository

from articles import DATELINE_HEADLINE, PHONE_CALL, SEED_LIKE

IDENTITY = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.test",
            "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.test"}


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def repo(tmp_path, monkeypatch, capsys):
    """A bare remote, and a clone of it made into an archive with `briefings new`, committed and pushed."""
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", "-b", "main", str(remote), cwd=tmp_path)
    git("clone", "-q", str(remote), "archive", cwd=tmp_path)
    root = tmp_path / "archive"
    assert main(["new", str(root)]) == 0
    for name, text in (("a.txt", SEED_LIKE), ("b.txt", PHONE_CALL), ("c.txt", DATELINE_HEADLINE)):
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "archive", cwd=root)
    git("push", "-q", "origin", "main", cwd=root)
    monkeypatch.chdir(root)
    capsys.readouterr()
    return root, remote


def files_on(remote, branch="gh-pages"):
    return set(git("ls-tree", "-r", "--name-only", branch, cwd=remote).splitlines())


def built(root):
    """The files of the site publish built (in its own folder), as the branch names them."""
    site = root / ".briefings-cache" / "publish" / "site"
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {".briefings-output"}


def test_publish_pushes_the_whole_site_as_the_branch_and_leaves_the_work_tree_alone(repo, capsys):
    root, remote = repo
    head = git("rev-parse", "HEAD", cwd=root)
    assert main(["publish", "--cname", "briefings.example.org"]) == 0
    files = files_on(remote)
    assert files == built(root) | {".nojekyll", "CNAME"}
    assert {"index.html", "officials/klaus-becker/index.html", "feed.xml", "sitemap.xml"} <= files
    assert len([f for f in files if f.endswith(".html")]) > 10
    assert git("show", "gh-pages:CNAME", cwd=remote) == "briefings.example.org"
    assert git("rev-parse", "HEAD", cwd=root) == head and git("branch", "--show-current", cwd=root) == "main"
    assert git("status", "--porcelain", "--ignored", "--", "site", cwd=root) == ""  # the preview's site/ not made
    assert git("status", "--porcelain", cwd=root) == ""
    assert f"Source: {head}\n" in git("log", "-1", "--format=%B", "gh-pages", cwd=remote)
    # the custom domain is the URL the site was built for
    assert "https://briefings.example.org/" in git("show", "gh-pages:robots.txt", cwd=remote)
    assert "pushed to origin" in capsys.readouterr().out


def test_publishing_again_keeps_history_removes_gone_pages_and_skips_empty_commits(repo, capsys):
    root, remote = repo
    assert main(["publish"]) == 0
    first = git("rev-parse", "gh-pages", cwd=remote)
    assert main(["publish"]) == 0
    assert "unchanged" in capsys.readouterr().out
    assert git("rev-parse", "gh-pages", cwd=remote) == first
    git("rm", "-q", "seeds/b.txt", cwd=root)
    git("commit", "-q", "-m", "drop b", cwd=root)
    assert main(["publish"]) == 0
    files = files_on(remote)
    assert "officials/klaus-becker/index.html" not in files and "index.html" in files
    assert files == built(root) | {".nojekyll"}
    assert git("rev-parse", "gh-pages^", cwd=remote) == first  # history kept, one commit per publish


def test_publishing_from_two_clones_continues_the_remote_branch(repo, tmp_path, monkeypatch):
    root, remote = repo
    assert main(["publish"]) == 0
    first = git("rev-parse", "gh-pages", cwd=remote)
    git("clone", "-q", str(remote), "second", cwd=tmp_path)
    monkeypatch.chdir(tmp_path / "second")  # a clone that never published
    (tmp_path / "second" / "seeds" / "a.txt").unlink()
    assert main(["publish"]) == 0
    second = git("rev-parse", "gh-pages", cwd=remote)
    assert git("rev-parse", "gh-pages^", cwd=remote) == first
    monkeypatch.chdir(root)  # the first clone, whose gh-pages is now behind
    (root / "seeds" / "b.txt").unlink()
    assert main(["publish"]) == 0
    assert git("rev-parse", "gh-pages^", cwd=remote) == second


def test_a_dirty_work_tree_is_recorded_in_the_commit_message(repo):
    root, remote = repo
    (root / "seeds" / "d.txt").write_text(PHONE_CALL.replace("2019-02-03", "2019-03-04"), encoding="utf-8")
    assert main(["publish"]) == 0
    head = git("rev-parse", "HEAD", cwd=root)
    assert f"Source: {head}+dirty\n" in git("log", "-1", "--format=%B", "gh-pages", cwd=remote)
    (root / ".gitignore").write_text("")  # the program's own folders do not count as changes even so
    git("add", "-A", cwd=root)
    git("rm", "-q", "seeds/b.txt", cwd=root)
    git("commit", "-q", "-m", "d in, b out, no ignores", cwd=root)
    assert main(["build"]) == 0 and main(["publish"]) == 0
    head = git("rev-parse", "HEAD", cwd=root)
    assert f"Source: {head}\n" in git("log", "-1", "--format=%B", "gh-pages", cwd=remote)


def internal_links(site: Path):
    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if name in ("href", "src") and value is not None:
                    found.append((page, value))
    found = []
    for page in sorted(site.rglob("*.html")):
        Links().feed(page.read_text(encoding="utf-8"))
    return found


def assert_links_under(site: Path, host: str, path: str):
    """Every href and src of every page is under the site's path (or absolute to its host), and
    every link into the site finds its file."""
    links = internal_links(site)
    assert len(links) > 100
    for page, link in links:
        parts = urlsplit(link)
        if parts.scheme or parts.netloc:
            assert parts.netloc == host and parts.path.startswith(path), (page, link)
        elif not link.startswith("#"):
            assert link.startswith(path), (page, link)
            target = parts.path[len(path):]
            assert (site / target).is_file() or (site / target / "index.html").is_file(), (page, link)


def test_a_project_site_links_every_page_under_its_sub_path(repo):
    root, remote = repo
    assert main(["publish", "--base-url", "https://user.github.io/repo/"]) == 0
    assert_links_under(root / ".briefings-cache" / "publish" / "site", "user.github.io", "/repo/")
    assert "Sitemap: https://user.github.io/repo/sitemap.xml" in git("show", "gh-pages:robots.txt", cwd=remote)


def test_publishing_under_another_url_changes_every_link(repo):
    root, remote = repo
    assert main(["publish", "--no-push"]) == 0  # first for '/', as site.yaml says
    assert main(["publish", "--no-push", "--base-url", "https://user.github.io/repo/"]) == 0
    assert_links_under(root / ".briefings-cache" / "publish" / "site", "user.github.io", "/repo/")


def test_the_output_folder_s_ownership_mark_is_not_published(repo, tmp_path):
    root, _ = repo
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    for name in ("index.html", "a/index.html"):
        (site / name).write_text("x")
    done = publish(site, root, remote=None)
    assert done.commit and not done.pushed
    assert files_on(root) == {"index.html", "a/index.html", ".nojekyll"}


def test_the_pages_url_comes_from_a_github_remote(repo):
    root, _ = repo
    top = repository(root)
    git("remote", "add", "gh", "git@github.com:Some-User/the.archive.git", cwd=root)
    git("remote", "add", "home", "https://github.com/Some-User/some-user.github.io", cwd=root)
    assert pages_url(top, "gh", None) == "https://some-user.github.io/the.archive/"
    assert pages_url(top, "home", None) == "https://some-user.github.io/"
    assert pages_url(top, "origin", None) is None  # a path, not GitHub
    assert pages_url(top, "gh", "news.example.org") == "https://news.example.org/"


def test_without_a_base_url_publish_builds_for_the_github_pages_url_of_the_remote(repo, capsys):
    root, remote = repo
    git("remote", "add", "gh", "https://github.com/some-user/archive.git", cwd=root)
    assert main(["publish", "--remote", "gh", "--no-push"]) == 0
    assert "for https://some-user.github.io/archive/" in capsys.readouterr().out
    assert "Sitemap: https://some-user.github.io/archive/sitemap.xml" in git("show", "gh-pages:robots.txt", cwd=root)
    assert git("ls-remote", "--heads", str(remote), "gh-pages", cwd=root) == ""  # --no-push


def test_a_build_that_refused_seeds_is_not_published_unless_forced(repo, capsys):
    root, remote = repo
    (root / "seeds" / "bad.txt").write_text("no date line\n\nat all", encoding="utf-8")
    assert main(["publish"]) == 1
    err = capsys.readouterr().err
    assert "seeds/bad.txt:1" in err and "--force" in err
    assert git("ls-remote", "--heads", str(remote), "gh-pages", cwd=root) == ""
    assert main(["publish", "--force"]) == 0
    assert "index.html" in files_on(remote)


@pytest.mark.parametrize("worktree", [False, True])
def test_the_branch_checked_out_here_or_in_a_worktree_is_refused(repo, capsys, worktree, tmp_path):
    root, remote = repo
    branch = "main"
    if worktree:
        git("branch", "drafts", cwd=root)
        git("worktree", "add", "-q", str(tmp_path / "drafts"), "drafts", cwd=root)
        branch = "drafts"
    before = {b: git("rev-parse", b, cwd=root) for b in ("main", branch)}
    assert main(["publish", "--branch", branch]) == 2
    err = capsys.readouterr().err
    assert f"branch '{branch}' is checked out" in err and "--branch" in err
    assert {b: git("rev-parse", b, cwd=root) for b in ("main", branch)} == before
    assert git("ls-remote", "--heads", str(remote), cwd=root).count("refs/heads/") == 1  # main only
    assert not (root / ".briefings-cache" / "publish").exists()  # refused before building


def test_no_remote_says_how_to_add_one(repo, capsys):
    root, _ = repo
    git("remote", "remove", "origin", cwd=root)
    assert main(["publish"]) == 2
    err = capsys.readouterr().err
    assert "no remote 'origin'" in err and "git remote add origin" in err and "--no-push" in err
    assert main(["publish", "--no-push"]) == 0
    assert "index.html" in files_on(root)


def test_publish_without_a_repository_or_identity_is_a_clear_error(archive, capsys, monkeypatch):
    archive.seed("a.txt", SEED_LIKE)
    monkeypatch.chdir(archive.root)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(archive.root.parent))
    assert main(["publish"]) == 2
    err = capsys.readouterr().err
    assert "not inside a git repository" in err and "git init" in err and "Traceback" not in err
    git("init", "-q", cwd=archive.root)
    for key in IDENTITY:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(archive.root))  # no global git identity either
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert main(["publish", "--no-push"]) == 2
    assert "git config --global user.name" in capsys.readouterr().err


def test_a_sub_path_named_like_a_section_after_a_local_build_and_a_preview_still_links_right(repo, tmp_path):
    """A project called 'archive' (served under /archive/, the name of one of the site's own
    sections), published after a local build and a preview build with other base URLs: every link
    of the published branch is under /archive/ and finds its file; feed ids and sitemap
    locations are absolute."""
    root, remote = repo
    assert main(["build"]) == 0                                           # site.yaml's base URL
    assert main(["build", "--base-url", "http://127.0.0.1:8000/"]) == 0  # what serve builds
    assert main(["publish", "--base-url", "https://user.github.io/archive/"]) == 0
    clone = tmp_path / "published"
    git("clone", "-q", "-b", "gh-pages", str(remote), str(clone), cwd=tmp_path)
    assert_links_under(clone, "user.github.io", "/archive/")
    assert (clone / "archive" / "index.html").is_file() and (clone / "404.html").is_file()
    feed = (clone / "feed.xml").read_text(encoding="utf-8")
    ids = feed.split("<id>")[1:]
    assert ids and all(i.startswith("https://user.github.io/archive/") for i in ids), ids[:2]
    sitemap = (clone / "sitemap.xml").read_text(encoding="utf-8")
    locs = sitemap.split("<loc>")[1:]
    assert locs and all(loc.startswith("https://user.github.io/archive/") for loc in locs)
    # the local site/ is the preview's, untouched by publishing
    assert "127.0.0.1:8000" in (root / "site" / "index.html").read_text(encoding="utf-8")
