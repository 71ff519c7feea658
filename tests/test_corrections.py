"""How editors correct briefings: front matter per seed, data/officials.yaml for the whole archive."""
import datetime as dt

import pytest
import yaml

from generator.errors import SourceError
from generator.extract import extract
from generator.registry import load_registry
from generator.sources import RawArticle

from articles import SEED_LIKE

FRONT = {"title": "Oslo and Nairobi agree on trade", "location": {"city": "Nairobi", "country": "ke"},
         "topics": ["Trade"], "officials": [{"name": "Ingrid Solberg", "title": "Minister of Foreign Affairs",
                                            "country": "NO"}]}


def test_front_matter_overrides_field_by_field(registry):
    b, notices = extract(RawArticle(path="a.txt", text=SEED_LIKE, sha256="x", front_matter=FRONT), registry)
    assert notices == []
    assert b.title == "Oslo and Nairobi agree on trade"
    assert b.location.country == "KE" and b.topics == ("Trade",)
    assert [(p.name, p.title) for p in b.officials] == [("Ingrid Solberg", "Minister of Foreign Affairs")]
    assert b.event_type == "meeting" and b.countries == ("NO", "KE")  # not given: still extracted
    assert b.confidence_of("title") == 1.0


def test_front_matter_date_replaces_a_missing_date_line(registry):
    text = SEED_LIKE.replace(" date 2022-05-10 ", "")
    b, _ = extract(RawArticle(path="a.txt", text=text, sha256="x", front_matter={"date": dt.date(2022, 1, 2)}),
                   registry)
    assert b.date == dt.date(2022, 1, 2)


def test_unknown_front_matter_key_is_a_warning_with_the_nearest_key(registry):
    _, notices = extract(RawArticle(path="a.txt", text=SEED_LIKE, sha256="x", front_matter={"titel": "X"}),
                         registry)
    assert len(notices) == 1 and "'titel'" in str(notices[0]) and "'title'" in str(notices[0])


@pytest.mark.parametrize("front,message", [({"countries": ["XX"]}, "country code"),
                                           ({"event_type": "party"}, "event_type"),
                                           ({"date": "yesterday"}, "date"),
                                           ({"officials": "Solberg"}, "officials")])
def test_bad_front_matter_values_are_named_errors(registry, front, message):
    with pytest.raises(SourceError, match=message):
        extract(RawArticle(path="a.txt", text=SEED_LIKE, sha256="x", front_matter=front), registry)


def test_officials_yaml_corrects_every_briefing(tmp_path):
    (tmp_path / "officials.yaml").write_text(yaml.safe_dump([
        {"name": "Peter Kamau", "aliases": ["P. Kamau"], "country": "KE",
         "title": "Cabinet Secretary for Foreign Affairs"}]), encoding="utf-8")
    reg = load_registry(tmp_path)
    text = SEED_LIKE.replace("Kenyan Cabinet Secretary for Foreign Affairs Peter Kamau", "Peter Kamau")
    b, _ = extract(RawArticle(path="a.txt", text=text, sha256="x"), reg)
    assert ("Peter Kamau", "KE") in {(p.name, p.country) for p in b.officials}
