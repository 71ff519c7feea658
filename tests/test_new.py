"""`briefings new`: a scaffold that never overwrites a file, and feeds valid without an absolute URL."""
import xml.etree.ElementTree as ET

from generator.cli import main

from articles import PHONE_CALL, SEED_LIKE

ATOM = "{http://www.w3.org/2005/Atom}"


def test_new_never_overwrites_a_file_and_says_what_it_kept(tmp_path, capsys):
    target = tmp_path / "mine"
    (target / "data").mkdir(parents=True)
    (target / "data" / "officials.yaml").write_text("- name: Ingrid Solberg\n  country: NO\n")
    (target / ".gitignore").write_text("notes/\n")
    assert main(["new", str(target)]) == 0
    out = capsys.readouterr().out
    assert (target / "data" / "officials.yaml").read_text() == "- name: Ingrid Solberg\n  country: NO\n"
    assert (target / ".gitignore").read_text() == "notes/\n"
    assert "kept" in out and "data/officials.yaml" in out and ".gitignore" in out
    assert (target / "site.yaml").is_file() and "site.yaml" in out.split("kept")[0]


def test_new_writes_a_gitignore_for_the_output_and_the_cache(tmp_path):
    assert main(["new", str(tmp_path / "a")]) == 0
    assert set((tmp_path / "a" / ".gitignore").read_text().split()) >= {"site/", ".briefings-cache/"}


def test_new_takes_a_base_url_and_warns_that_feeds_need_one(tmp_path, capsys):
    assert main(["new", str(tmp_path / "a")]) == 0
    assert "absolute base URL" in capsys.readouterr().out
    assert main(["new", str(tmp_path / "b"), "--base-url", "https://user.github.io/b"]) == 0
    assert "base_url: https://user.github.io/b/\n" in (tmp_path / "b" / "site.yaml").read_text()
    assert "absolute base URL" not in capsys.readouterr().out


def test_without_an_absolute_base_url_feeds_stay_valid_and_the_build_warns_once(tmp_path, capsys, monkeypatch):
    target = tmp_path / "a"
    assert main(["new", str(target)]) == 0
    (target / "seeds" / "a.txt").write_text(SEED_LIKE)
    (target / "seeds" / "b.txt").write_text(PHONE_CALL)
    monkeypatch.chdir(target)
    capsys.readouterr()
    assert main(["build"]) == 0
    out, err = capsys.readouterr()
    assert err.count("warning:") == 1 and "base_url is not an absolute URL" in err and "1 warnings" in out
    feed = ET.parse(target / "site" / "feed.xml").getroot()
    ids = [e.text for e in feed.iter(f"{ATOM}id")]
    assert len(ids) == 3 and all(i.startswith("tag:") for i in ids) and len(set(ids)) == 3
    robots = (target / "site" / "robots.txt").read_text()
    assert "User-agent: *" in robots and "Sitemap:" not in robots
    assert main(["build", "--base-url", "https://example.test/x/"]) == 0
    out, err = capsys.readouterr()
    assert "base_url" not in err and "0 warnings" in out
    assert "Sitemap: https://example.test/x/sitemap.xml" in (target / "site" / "robots.txt").read_text()
    feed = ET.parse(target / "site" / "feed.xml").getroot()
    assert all(e.text.startswith("https://example.test/x/") for e in feed.iter(f"{ATOM}id"))
