"""Shared fixtures: the registry, article writers, and a built copy of the bundled seed site."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.config import load_config
from generator.registry import load_registry

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
IN_CI = os.environ.get("CI") == "true"


def unavailable(reason: str, what: str = "the browser tests"):
    """A tool a test needs is missing: skipped here; in CI (CI=true) a failure, since `what` must run there."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: {what} must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per test module (see unavailable() when missing)."""
    if not chromium_available():
        unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - part of the [test] extra
        unavailable("playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def registry():
    return load_registry(None)


@pytest.fixture
def archive(tmp_path):
    """A fresh archive folder with site.yaml and an empty seeds/; returns a writer for seeds."""
    (tmp_path / "seeds").mkdir()
    (tmp_path / "site.yaml").write_text("title: Test Archive\nbase_url: https://example.test/\n", encoding="utf-8")

    class Archive:
        root = tmp_path

        def seed(self, name: str, text: str | bytes) -> Path:
            path = tmp_path / "seeds" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
            return path

        def config(self):
            return load_config(tmp_path / "site.yaml")

        def build(self):
            return build(self.config())

    return Archive()


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The bundled seeds built once into a temporary folder (the repository's own site.yaml)."""
    out = tmp_path_factory.mktemp("seed-site") / "site"
    config = load_config(ROOT / "site.yaml").with_overrides(output=out)
    result = build(config)
    assert not result.errors, result.errors
    return out


def chromium_available() -> bool:
    return shutil.which(CHROMIUM) is not None or Path(CHROMIUM).exists()


def pagefind_pages(site: Path) -> list[dict]:
    """What the search bundle holds of each indexed page (url, meta, filters, content): Pagefind's
    fragments, gzip-compressed JSON after a fixed signature, in every shard of the bundle."""
    import gzip
    import json
    pages = []
    for fragment in sorted((site / "pagefind").rglob("fragment/*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        pages.append(json.loads(data[len(b"pagefind_dcd"):]))
    return pages


def store_sql(cache: Path, sql: str) -> None:
    """Run one statement on the build store in `cache` (a test damaging or emptying part of it)."""
    from generator.store import Store
    store = Store(cache)
    try:
        store._db().execute(sql)
        store.commit()
    finally:
        store.close()
