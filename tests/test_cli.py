"""The command line: extract (YAML and JSON), build summary and exit codes, new, help."""
import json
import subprocess
import sys

import yaml

from generator.cli import main

from conftest import ROOT, SEEDS


def test_extract_json_has_the_scorer_schema(capsys):
    assert main(["extract", "--json", str(SEEDS)]) == 0
    (rec,) = json.loads(capsys.readouterr().out)
    assert rec["source"].endswith("000_fda28446c68d6c02.txt")
    assert rec["date"] == "2020-11-25" and rec["event_type"] == "meeting"
    assert rec["location"] == {"city": "Tokyo", "country": "JP"}
    assert rec["countries"] == ["CN", "JP"]
    assert {o["name"]: o["country"] for o in rec["officials"]} == {
        "Wang Yi": "CN", "Katsunobu Kato": "JP", "Yoshihide Suga": "JP"}


def test_extract_yaml_is_front_matter_an_editor_can_paste(capsys):
    assert main(["extract", str(next(SEEDS.glob("*.txt")))]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\n") and out.rstrip().endswith("---")
    data = yaml.safe_load(out.strip().strip("-"))
    assert data["title"] == "Wang Yi meets Katsunobu Kato in Tokyo"
    assert data["officials"][0]["title"] == "State Councilor and Foreign Minister"


def test_build_prints_one_summary_line_and_exit_1_when_a_seed_is_refused(archive, capsys, monkeypatch):
    archive.seed("good.txt", next(SEEDS.glob("*.txt")).read_bytes())
    archive.seed("bad.txt", "no date line at all\n\nsecond paragraph")
    monkeypatch.chdir(archive.root)
    assert main(["build"]) == 1
    out, err = capsys.readouterr()
    assert "seeds/bad.txt:1: no date" in err
    assert out.count("\n") == 1 and out.startswith("built 1 briefings,") and "1 errors" in out
    assert (archive.root / "site" / "index.html").exists()


def test_config_errors_exit_2_without_traceback(archive, capsys, monkeypatch):
    (archive.root / "site.yaml").write_text("title: [broken\n", encoding="utf-8")
    monkeypatch.chdir(archive.root)
    assert main(["build"]) == 2
    err = capsys.readouterr().err
    assert "site.yaml" in err and "Traceback" not in err


def test_new_scaffolds_an_archive_that_builds_anywhere(tmp_path, monkeypatch):
    target = tmp_path / "my-archive"
    assert main(["new", str(target)]) == 0
    for part in ("site.yaml", "seeds", "templates", "static", "data/officials.yaml"):
        assert (target / part).exists(), part
    (target / "seeds" / "a.txt").write_bytes(next(SEEDS.glob("*.txt")).read_bytes())
    monkeypatch.chdir(target)
    assert main(["build"]) == 0
    assert (target / "site" / "officials" / "wang-yi" / "index.html").exists()
    assert main(["new", str(target)]) == 2  # never overwrites


def test_help_everywhere_and_python_dash_m():
    for args in ([], ["build"], ["extract"], ["new"], ["serve"]):
        proc = subprocess.run([sys.executable, "-m", "generator", *args, "--help"], capture_output=True,
                              text=True, cwd=ROOT)
        assert proc.returncode == 0 and "usage: briefings" in proc.stdout, args


def test_an_output_folder_that_would_replace_or_feed_the_archive_is_refused(archive, capsys, monkeypatch):
    archive.seed("a.txt", next(SEEDS.glob("*.txt")).read_bytes())
    monkeypatch.chdir(archive.root)
    for out in (".", "seeds", "seeds/site"):
        assert main(["build", "--out", out]) == 2
        assert "choose another --out" in capsys.readouterr().err
    assert sorted(p.name for p in (archive.root / "seeds").iterdir()) == ["a.txt"]
