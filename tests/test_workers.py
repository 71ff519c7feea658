"""The work a build hands to forked workers (related briefings, extraction beside reading the
store) gives the same site as the same work done in one process."""
import filecmp
import os

import pytest

from generator import gather, site
from generator.build import build
from generator.parallel import Background

from articles import APPOSITIVE, COUNTERPART, DATELINE_HEADLINE, JOINT_STATEMENT, PHONE_CALL, SEED_LIKE

ARTICLES = {"a.txt": SEED_LIKE, "b.txt": DATELINE_HEADLINE, "c.txt": PHONE_CALL, "d.txt": APPOSITIVE,
            "e.txt": COUNTERPART, "f.txt": JOINT_STATEMENT}


def files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_workers_and_one_process_make_the_same_site(archive, tmp_path, monkeypatch):
    for name, text in ARTICLES.items():
        archive.seed(name, text)
    config, cache = archive.config(), archive.root / "cache"
    one = config.with_overrides(output=tmp_path / "one")
    build(one, cache_dir=tmp_path / "cache1", workers=1)
    build(config, cache_dir=cache)
    monkeypatch.setattr(site, "RELATED_IN_WORKER_FROM", 0)
    monkeypatch.setattr(gather, "KEPT_ALONGSIDE_FROM", 0)
    for name, text in (("b.txt", DATELINE_HEADLINE.replace("on Monday", "on Tuesday")),
                       ("e.txt", COUNTERPART + "\nA closing line was added.\n")):
        archive.seed(name, text)
        build(one, cache_dir=tmp_path / "cache1", workers=1)
        result = build(config, cache_dir=cache, workers=2)  # the edit is extracted in a worker
        assert 0 < result.rendered < result.pages and not result.errors
        names = files(config.output)
        assert names == files(one.output)
        match, mismatch, errors = filecmp.cmpfiles(config.output, one.output, names, shallow=False)
        assert mismatch == [] and errors == []


def test_a_failure_in_a_worker_is_raised_in_the_caller_and_the_worker_is_reaped():
    def fail(state):
        raise ValueError(f"bad {state}")

    job = Background(fail, 7)
    with pytest.raises(ValueError, match="bad 7"):
        job.result()
    assert Background(lambda n: n * 2, 21).result() == 42
    stopped = Background(lambda _: __import__("time").sleep(60), None)
    pid = stopped._pid
    stopped.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no process left behind
