"""`briefings check`: validates everything, writes nothing, reports what an editor should correct."""
from generator.cli import main

from articles import PHONE_CALL, SEED_LIKE


def test_check_reports_duplicates_spellings_and_gaps_and_writes_nothing(archive, capsys, monkeypatch):
    archive.seed("a.txt", SEED_LIKE)
    archive.seed("b.txt", SEED_LIKE.replace("Tuesday", "Wednesday").replace("decade", "ten years"))
    archive.seed("c.txt", PHONE_CALL.replace("Klaus Becker", "Klaus-Peter Becker"))
    archive.seed("d.txt", PHONE_CALL)
    archive.seed("e.txt", " date 2020-01-01 Ambassador Lee Harper spoke.\n\nHarper said little.")
    archive.seed("bad.txt", "no date here")
    monkeypatch.chdir(archive.root)
    before = sorted(p.name for p in archive.root.rglob("*"))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "seeds/bad.txt:1: no date" in out
    assert "seeds/a.txt: looks like the same article as seeds/b.txt" in out
    assert "Lee Harper: no country" in out
    assert "Klaus Becker" in out and "Klaus-Peter Becker" in out
    assert out.rstrip().splitlines()[-1].startswith("checked 6 seeds: 1 refused")
    assert sorted(p.name for p in archive.root.rglob("*")) == before


def test_check_exit_0_when_every_seed_is_usable(archive, capsys, monkeypatch):
    archive.seed("a.txt", SEED_LIKE)
    monkeypatch.chdir(archive.root)
    assert main(["check"]) == 0
    assert not (archive.root / "site").exists()


def test_check_prints_a_seed_name_with_control_characters_escaped(archive, capsys, monkeypatch):
    archive.seed("a\x1b[2Jb.txt", SEED_LIKE)
    archive.seed("c.txt", SEED_LIKE.replace("Tuesday", "Wednesday"))
    monkeypatch.chdir(archive.root)
    main(["check"])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "seeds/a\\x1b[2Jb.txt: looks like the same article as seeds/c.txt" in out
