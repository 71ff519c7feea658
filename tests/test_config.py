"""site.yaml: defaults, every problem in one message, unknown keys warned with the nearest one."""
import pytest

from generator.config import load_config
from generator.errors import ConfigError


def test_defaults_without_a_file(tmp_path):
    c = load_config(None, root=tmp_path)
    assert c.seeds == tmp_path.resolve() / "seeds" and c.base_path == "/"


def test_base_path_comes_from_base_url(tmp_path):
    f = tmp_path / "site.yaml"
    f.write_text("base_url: https://example.org/archive\n")
    c = load_config(f)
    assert c.base_url == "https://example.org/archive/" and c.base_path == "/archive/"


def test_all_problems_reported_at_once(tmp_path):
    f = tmp_path / "site.yaml"
    f.write_text("title: ''\nbase_url: ftp://x\nper_page: 0\n")
    with pytest.raises(ConfigError) as err:
        load_config(f)
    text = str(err.value)
    assert "title" in text and "base_url" in text and "per_page" in text and "site.yaml" in text


def test_unknown_keys_are_warnings_with_a_suggestion(tmp_path):
    f = tmp_path / "site.yaml"
    f.write_text("titel: X\npaths: {seds: s}\n")
    c = load_config(f)
    messages = [str(n) for n in c.notices]
    assert any("'titel'" in m and "'title'" in m for m in messages)
    assert any("paths.seds" in m and "'seeds'" in m for m in messages)
