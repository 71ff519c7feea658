"""The bundled seed's extraction is exactly right (the issue's acceptance figures)."""
import datetime as dt

from generator.extract import extract
from generator.model import Location, Person
from generator.sources import read_seed

from conftest import SEEDS


def seed_briefing(registry):
    (path,) = sorted(SEEDS.glob("*.txt"))
    briefing, notices = extract(read_seed(path, path.name), registry)
    assert notices == []
    return briefing


def test_seed_front_matter_is_exact(registry):
    b = seed_briefing(registry)
    assert b.date == dt.date(2020, 11, 25)
    assert b.location == Location(city="Tokyo", country="JP")
    assert b.countries == ("CN", "JP")
    assert b.event_type == "meeting"
    assert [(p.name, p.country, p.title, p.former) for p in b.officials] == [
        ("Wang Yi", "CN", "State Councilor and Foreign Minister", False),
        ("Katsunobu Kato", "JP", "Chief Cabinet Secretary", False),
        ("Yoshihide Suga", "JP", "Prime Minister", False),
    ]


def test_seed_headline_is_composed_and_text_kept_verbatim(registry):
    b = seed_briefing(registry)
    assert not b.headline_in_text
    assert b.title == "Wang Yi meets Katsunobu Kato in Tokyo"
    assert "tow countries" in b.original and "transiton" in b.original  # typos stay
    assert b.summary.startswith("Visiting Chinese State Councilor")


def test_seed_short_forms_resolve_to_full_names(registry):
    b = seed_briefing(registry)
    linked = {(b.body[m.paragraph][m.start:m.end], m.name) for m in b.mentions}
    assert ("Wang", "Wang Yi") in linked
    assert ("Kato", "Katsunobu Kato") in linked
    speakers = {s.speaker for s in b.statements}
    assert speakers == {"Wang Yi", "Katsunobu Kato"}
    # "he said" after a paragraph of Wang's words is still Wang's
    (para,) = [i for i, t in enumerate(b.body) if t.startswith("The two sides should further")]
    assert [s.speaker for s in b.statements if s.paragraph == para] == ["Wang Yi"]
    # what is kept is what was said, without its "he said"
    assert all("he said" not in s.text and "Wang said" not in s.text for s in b.statements)
