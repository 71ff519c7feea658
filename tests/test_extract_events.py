"""Layer 6: event type, place, countries, topics, headline, summary, statements."""
import pytest

from generator.extract import extract
from generator.sources import RawArticle

from articles import APPOSITIVE, COUNTERPART, DATELINE_HEADLINE, JOINT_STATEMENT, PHONE_CALL, SEED_LIKE


def brief(text, registry):
    return extract(RawArticle(path="t.txt", text=text, sha256="x"), registry)[0]


@pytest.mark.parametrize("text,kind", [(SEED_LIKE, "meeting"), (PHONE_CALL, "phone_call"),
                                       (JOINT_STATEMENT, "joint_statement"), (DATELINE_HEADLINE, "talks"),
                                       (COUNTERPART, "meeting")])
def test_event_type(text, kind, registry):
    assert brief(text, registry).event_type == kind


def test_place_of_the_event(registry):
    assert (brief(SEED_LIKE, registry).location.city, brief(SEED_LIKE, registry).location.country) == ("Nairobi", "KE")
    b = brief(DATELINE_HEADLINE, registry)
    assert (b.location.city, b.location.country) == ("Buenos Aires", "AR")
    assert brief(PHONE_CALL, registry).location is None
    b = brief(APPOSITIVE, registry)  # a venue that fixes the city
    assert (b.location.city, b.location.country) == ("Washington", "US")


def test_countries_are_the_parties_not_every_mention(registry):
    assert brief(SEED_LIKE, registry).countries == ("NO", "KE")
    assert set(brief(PHONE_CALL, registry).countries) == {"DE", "FR"}
    assert set(brief(JOINT_STATEMENT, registry).countries) == {"CA", "MX"}


def test_headline_from_text_or_composed(registry):
    assert brief(DATELINE_HEADLINE, registry).title == "Brazil And Argentina Agree To Revive Trade Talks"
    assert brief(SEED_LIKE, registry).title == "Ingrid Solberg meets Peter Kamau in Nairobi"


def test_topics_come_from_the_vocabulary(registry):
    names = set(registry.topics)
    b = brief(DATELINE_HEADLINE, registry)
    assert b.topics and set(b.topics) <= names
    assert any("trade" in t.lower() for t in b.topics)


def test_summary_is_the_lead_and_statements_are_grouped(registry):
    b = brief(DATELINE_HEADLINE, registry)
    assert b.summary.startswith("Brazilian President Lucas Almeida")
    quotes = [s for s in b.statements if s.speaker == "Lucas Almeida"]
    assert quotes and quotes[0].quote
    assert any(s.speaker == "Sofia Herrera" for s in b.statements)


def test_a_region_places_the_event_in_its_country_without_a_city(registry):
    text = (" date 2019-07-01 Irish Prime Minister Sean Byrne held talks on Monday in Corsica with French "
            "Prime Minister Anne Leroy.\n\nByrne said the talks covered fisheries.")
    b = brief(text, registry)
    assert (b.location.city, b.location.country) == (None, "FR")


def test_a_city_named_in_passing_does_not_move_the_event(registry):
    text = (" date 2019-07-01 Canadian Prime Minister Paul Gagnon arrived in Italy on Friday, and was in "
            "Sardinia for talks with Italian Prime Minister Marco Rossi, whom he had met in Ottawa last year.\n\n"
            "Gagnon said the talks were useful.")
    b = brief(text, registry)
    assert (b.location.city, b.location.country) == (None, "IT")


def test_filed_from_elsewhere_the_event_city_named_later_wins(registry):
    text = (" date 2019-07-01 OTTAWA — Canadian Prime Minister Paul Gagnon began a trip to Japan on Sunday "
            "with a visit to a shipyard.\n\nHe is to meet Japanese Prime Minister Ken Mori.\n\n"
            "Trade was on the agenda.\n\nWhile in Osaka, Gagnon also spoke to students.")
    b = brief(text, registry)
    assert (b.location.city, b.location.country) == ("Osaka", "JP")
