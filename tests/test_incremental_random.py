"""An incremental build equals a clean build, after any sequence of changes an editor makes.

One archive, one warm cache folder and one output folder are built again after every change; each
time a clean build of the same inputs (fresh cache and output folders) must give the same files
with the same bytes. Written against the public interface only (build(), load_config(), the
archive fixture), so it holds for any cache design. The kinds of change are in changes.py.
"""
import random
import shutil

import pytest

from generator.build import build

import changes


class Warm:
    """The archive built again and again with one cache and one output folder."""

    def __init__(self, archive, tmp_path, overrides=False):
        self.archive, self.tmp, self.cache, self.steps, self.history = archive, tmp_path, tmp_path / "warm-cache", 0, []
        changes.write_archive(archive.root)
        for name in changes.OVERRIDES if overrides else ():
            changes.CHANGES[f"{name} override"](archive.root, None)
        self.check("start" + (" with every template override" if overrides else ""))

    def check(self, change: str) -> None:
        self.history.append(change)
        config = self.archive.config()
        warm = build(config, cache_dir=self.cache)
        fresh = self.tmp / f"clean-{self.steps}"
        self.steps += 1
        clean = build(config.with_overrides(output=fresh / "site"), cache_dir=fresh / "cache", clean=True)
        steps = "\n".join(f"  {i}. {c}" for i, c in enumerate(self.history))
        difference = changes.tree_difference(config.output, fresh / "site")
        if difference:
            pytest.fail(f"after the changes\n{steps}\n{difference}")
        assert [str(e) for e in warm.errors] == [str(e) for e in clean.errors], steps
        assert not clean.errors, clean.errors  # every change leaves a buildable archive
        shutil.rmtree(fresh)


@pytest.mark.parametrize("overrides", [False, True], ids=["theme", "overrides"])
@pytest.mark.parametrize("kind", list(changes.CHANGES))
def test_each_kind_of_change_gives_the_clean_build(archive, tmp_path, kind, overrides):
    """Three changes of one kind, with the built-in theme or with templates that print more of
    each page's context (so that a page left stale by a change shows)."""
    rng = random.Random(kind)
    warm = Warm(archive, tmp_path, overrides)
    for _ in range(3):
        said = changes.CHANGES[kind](archive.root, rng)
        if said:
            warm.check(said)
    assert warm.steps > 1  # the change applied at least once


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_random_sequence_of_changes_gives_the_clean_build_after_each(archive, tmp_path, seed):
    rng = random.Random(seed)
    warm = Warm(archive, tmp_path)
    kinds = list(changes.CHANGES)
    while warm.steps < 14:
        said = changes.CHANGES[rng.choice(kinds)](archive.root, rng)
        if said:
            warm.check(f"{said} (seed {seed})")
