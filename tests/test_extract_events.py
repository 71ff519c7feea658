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


def test_a_nationality_word_names_a_party_only_for_people_acting_for_the_state(registry):
    text = (" date 2021-03-04 Chilean and Peruvian negotiators met in Lima on Thursday to discuss aid for "
            "Venezuelan migrants and the route of an Ecuadorian cargo ship, and the Bolivians sent observers.\n\n"
            "The talks will resume next month, a spokesman said.")
    assert set(brief(text, registry).countries) == {"CL", "PE", "BO"}


def test_the_target_of_a_judgement_is_not_a_party(registry):
    text = (" date 2020-06-11 The foreign ministers of Canada and Australia issued a joint statement on "
            "Thursday condemning Belarus for its treatment of protesters.\n\nThe statement was short.")
    assert set(brief(text, registry).countries) == {"CA", "AU"}
    text = (" date 2020-06-11 Austrian Chancellor Karl Huber met Czech Prime Minister Jan Novak in Vienna "
            "on Monday.\n\nHuber also praised Slovak President Eva Kral for her reform plans.\n\nNo more.")
    assert set(brief(text, registry).countries) == {"AT", "CZ"}
    # praise exchanged at the encounter itself: the one praised takes part
    text = text.replace("for her reform plans", "as the two leaders met in Bratislava")
    assert set(brief(text, registry).countries) == {"AT", "CZ", "SK"}


def test_a_wished_for_partner_is_not_a_party(registry):
    text = (" date 2019-09-02 Chilean President Ana Soto met Argentine President Luis Vera in Santiago on "
            "Monday and said she hopes to meet with Brazilian President Joao Ferreira later this year.\n\nNo more.")
    assert set(brief(text, registry).countries) == {"CL", "AR"}


def test_an_official_in_a_scene_setting_clause_is_not_a_party(registry):
    text = (" date 2020-02-05 Tunisian Foreign Minister Sami Ben Ali held talks with Italian Foreign Minister "
            "Paolo Conte in Rome on Wednesday.\n\nMigration led their discussion. As Libyan Prime Minister "
            "Omar Haddad struggles to keep his cabinet together, crossings have risen, Conte said.\n\nNo more.")
    assert set(brief(text, registry).countries) == {"TN", "IT"}
    text = text.replace("struggles to keep his cabinet together", "met Conte on Tuesday")
    assert set(brief(text, registry).countries) == {"TN", "IT", "LY"}


def test_an_agenda_item_is_not_a_party(registry):
    text = (" date 2022-02-01 Venezuela leads the agenda as the foreign ministers of Colombia and Ecuador "
            "meet in Quito on Tuesday.\n\nThe meeting will last two days.")
    assert set(brief(text, registry).countries) == {"CO", "EC"}


def test_a_group_of_states_acting_together_brings_its_members(registry):
    g7 = {"CA", "FR", "DE", "IT", "JP", "GB", "US"}
    text = (" date 2021-06-12 Finance ministers from the Group of Seven met in Naples on Saturday and agreed "
            "on a minimum tax for large companies.\n\nThe deal needs wider support.")
    assert set(brief(text, registry).countries) == g7
    text = " date 2021-06-12 G-20 leaders agreed on Saturday to share vaccines.\n\nNo more."
    assert len(brief(text, registry).countries) == 19 and "EU" not in brief(text, registry).countries
    # the group as the setting of a bilateral meeting brings no one
    text = (" date 2021-06-12 Japanese Prime Minister Ken Mori met Canadian Prime Minister Paul Gagnon on "
            "Saturday at a meeting of the G7 leaders in Cornwall.\n\nNo more.")
    assert set(brief(text, registry).countries) == {"JP", "CA"}


@pytest.mark.parametrize("words", ["video talks", "a video conversation", "a video call"])
def test_a_remote_conversation_is_one_kind_whatever_else_the_lead_says(words, registry):
    """The event of a lead does not hang on a word elsewhere in it: talks held by video are a
    call (as a videoconference is), with or without a visit or a curly quote beside them."""
    plain = (f" date 2025-03-04 \n\nHANOI, March 4 -- President Tran Van Hoa held {words} with Prime "
             f"Minister Amina Sow of Senegal on Tuesday, discussing trade and fisheries.\n\n"
             f"The two leaders agreed to keep in touch.\n")
    visit = plain.replace("discussing trade", "discussing a planned visit, trade")
    curly = plain.replace("fisheries.", "fisheries, the “two pillars” of their ties.")
    assert {brief(text, registry).event_type for text in (plain, visit, curly)} == {"phone_call"}


def _branches(pattern: str) -> list[str]:
    """Every way through a pattern's alternatives, groups expanded (an optional group also left
    out, a look-around left out; character classes kept as written): "(?:a|b)? c" -> ["a c", "b c", " c"]."""
    def seq(i):  # the branches of the sequence from i, up to its ")" or the end
        ways, cur = [], [""]
        while i < len(pattern) and pattern[i] != ")":
            c = pattern[i]
            if c == "|":
                ways += cur
                cur, i = [""], i + 1
            elif c == "(":
                around = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i)
                inner, i = seq(i + 3 if pattern.startswith("(?:", i) else (i + 1 if not around else pattern.index(")", i)))
                i += 1  # past the group's ")"
                optional = i < len(pattern) and (pattern[i] in "?*" or pattern.startswith("{0", i))
                if i < len(pattern) and pattern[i] == "{":
                    i = pattern.index("}", i) + 1
                elif i < len(pattern) and pattern[i] in "?*+":
                    i += 1
                if i < len(pattern) and pattern[i] == "?":
                    i += 1  # (lazy)
                options = [""] if around else inner + ([""] if optional else [])
                cur = [a + b for a in cur for b in options]
            elif c == "\\":
                cur, i = [a + pattern[i:i + 2] for a in cur], i + 2
            elif c == "[":
                j = pattern.index("]", i + 2)
                cur, i = [a + pattern[i:j + 1] for a in cur], j + 1
            else:
                cur, i = [a + c for a in cur], i + 1
        return ways + cur, i
    return seq(0)[0]


def test_every_branch_of_a_specific_kind_holds_one_of_the_words_looked_for_first():
    """events.SPECIFIC_WORDS spare the specific patterns' search in most leads; a branch without
    any of them ("video talks" once) would be found only when another word of the lead let
    the search run."""
    from generator.extract import events

    assert sorted(_branches("(?:(?:tele)?phone|video) (?:call|talks?)(?! for)")) == [
        "phone call", "phone talks?", "telephone call", "telephone talks?", "video call", "video talks?"]
    for kind, pattern in events.SPECIFIC:
        for branch in _branches(pattern):
            assert any(word in branch for word in events.SPECIFIC_WORDS), (kind, branch)
