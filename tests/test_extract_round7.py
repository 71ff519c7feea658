"""Families of the genre that round 7 found in new real copy: 48 reports gathered from the stored
web pages and labelled blind, half of each region tuned on and half held back (see bench/README.md).
Every sentence here is written for this project; the people are invented."""
import pytest

from extracted import brief, people


# -- "a joint media conference": the Australasian name of a press conference ------------------

@pytest.mark.parametrize("text", [
    "WELLINGTON -- Prime Minister Ana Lind and her visiting counterpart Tom Berg have held a joint media "
    "conference at Parliament House.",
    "Prime Minister Ana Lind told a media conference in Wellington that the two leaders agreed on trade.",
])
def test_a_media_conference_is_a_press_conference(text, registry):
    assert brief(text, registry).event_type == "press_conference"


# -- a state's usual abbreviation before an office ---------------------------------------------

def test_nz_before_an_office_is_new_zealand_and_no_part_of_the_title(registry):
    found = people("NZ Prime Minister Ana Lind met Fijian Prime Minister Tom Vula in Suva.", registry)
    assert found["Ana Lind"] == ("Prime Minister", "NZ")


# -- a chamber of the legislature in small letters after an office's "of" ----------------------

@pytest.mark.parametrize("text, name, title", [
    ("JAKARTA -- The speaker of the lower house, Budi Santoso, said parties would ask for an "
     "explanation.", "Budi Santoso", "speaker of the lower house"),
    ("The chairman of the upper chamber, Ana Lind, welcomed the delegation.", "Ana Lind",
     "chairman of the upper chamber"),
    ("Estonia's speaker of parliament, Ana Lind, welcomed the delegation.", "Ana Lind", "speaker of parliament"),
])
def test_a_chamber_in_small_letters_is_part_of_the_office(text, name, title, registry):
    assert people(text, registry)[name][0] == title


def test_a_house_without_a_chamber_modifier_is_no_body_of_the_state(registry):
    # ("the minister of the house" is no office; "house" and "chamber" need "lower" or "upper")
    assert "Budi Santoso" not in people("The minister of the house, Budi Santoso, said it.", registry)


# -- a credentials ceremony written as a Governor-General's programme ---------------------------

CEREMONY = ("On Tuesday, at Government House, the Governor-General, General the Honourable Sir Peter Roe AK MC "
            "(Retd) received from His Excellency Mr Tomas Varga, Letters of Credence accrediting him as the "
            "Ambassador of Hungary. The Ambassador was accompanied by Mr Imre Kis (Minister) and Sr Col Bela "
            "Nagy (Defence Attaché).\n\nAfterwards, the Governor-General received from Her Excellency Ms Ana "
            "Lind, Letters of Credence accrediting her as the Ambassador of Estonia.")


def test_post_nominal_letters_are_no_part_of_a_name(registry):
    found = people(CEREMONY, registry)
    assert "Peter Roe" in found and not any("AK" in name for name in found)
    assert "John Roe" in people("Foreign Secretary John Roe MP met Kenyan Foreign Minister Ann Wambui.", registry)


def test_accrediting_him_as_gives_the_office_to_the_name_before(registry):
    found = people(CEREMONY, registry)
    assert found["Tomas Varga"] == ("Ambassador", "HU")
    assert found["Ana Lind"] == ("Ambassador", "EE")


def test_an_abbreviated_rank_is_no_part_of_the_name_and_the_escort_serves_the_envoys_state(registry):
    found = people(CEREMONY, registry)
    assert "Bela Nagy" in found and found["Bela Nagy"][1] == "HU"
    assert found["Imre Kis"][1] == "HU"


def test_a_sentence_adverb_before_a_comma_is_no_name(registry):
    assert "Afterwards" not in people(CEREMONY, registry)


# -- a bilateral "summit" that one leader met another for; a dateline's town the registry lacks --

RANCH = ("SAN ISIDRO, Uruguay, Feb. 16 -- President Lind, on her first trip abroad, met Uruguayan President "
         "Tomas Varga today for a ranch-house summit that both new leaders called a good start.\n\n"
         "About a million people from Uruguay work in the United States, and trade with the United States "
         "keeps growing.")


def test_a_summit_one_leader_met_another_for_is_their_meeting(registry):
    assert brief(RANCH, registry).event_type == "meeting"
    # (a summit that leaders met for, with nobody met, stays a summit)
    assert brief("TOKYO -- The leaders of Japan, Korea and China met for a trilateral summit on Monday.",
                 registry).event_type == "summit"


def test_a_lead_that_reports_an_encounter_and_names_no_place_is_placed_by_its_dateline(registry):
    where = brief(RANCH, registry).location
    assert (where.city, where.country) == ("San Isidro", "UY")


# -- a visit reported through the visitor's words, which the lead then places in talks ---------

def test_a_visitors_words_said_during_talks_make_the_event_talks(registry):
    text = ("LIMA -- Visiting Estonian Foreign Minister Ana Lind on Thursday praised her country's ties with "
            "Peru.\n\nTrade has doubled in five years, Lind said during talks with Peruvian Foreign Minister "
            "Luis Soto.")
    assert brief(text, registry).event_type == "talks"
    alone = "LIMA -- Visiting Estonian Foreign Minister Ana Lind on Thursday praised her country's ties with Peru."
    assert brief(alone, registry).event_type == "visit"


# -- a government's page on a visit, with the joint statement and its own dateline line ---------

VISIT_PAGE = ("On May 3, the Right Honourable Prime Minister Ana Lind made her first official visit to Peru.\n\n"
              "Prime Minister Lind and President Soto issued a joint statement on the results of the visit, "
              "among them a new air services agreement.\n\n"
              "Lima, Peru - May 3, 2012\n\n"
              "At the invitation of the President of the Republic of Peru, don Luis Soto Ramos, the Prime "
              "Minister of Estonia, the Right Honourable Ana Lind, made an official visit to Peru.")


def test_a_joint_statement_issued_after_the_visit_the_lead_reports_is_its_outcome(registry):
    assert brief(VISIT_PAGE, registry).event_type == "visit"
    # (a joint statement that the lead itself reports stays the event)
    assert brief("Prime Minister Ana Lind and President Luis Soto issued a joint statement during her official "
                 "visit to Peru.", registry).event_type == "joint_statement"


def test_a_dateline_on_a_line_of_its_own_with_a_date_places_the_visit(registry):
    where = brief(VISIT_PAGE, registry).location
    assert (where.city, where.country) == ("Lima", "PE")


def test_don_before_a_name_is_a_form_of_address(registry):
    found = people(VISIT_PAGE, registry)
    assert found["Luis Soto Ramos"] == ("President", "PE")


# -- an agency's dateline with the state in square brackets; a tour's stops; a visit's host -----

TOUR = ("Quito [Ecuador], May 4 (ANI): Anil Rao, the Minister of State for External Affairs, laid a wreath at "
        "a memorial here on Saturday.\n\n"
        "The minister is on a three-nation visit to South America, which includes the countries of Ecuador, "
        "Bolivia and Paraguay.\n\n"
        "In Ecuador, Rao met Foreign Minister Ana Vera at the ministry.")


def test_a_state_in_square_brackets_after_the_dateline_city_is_part_of_the_dateline(registry):
    b = brief(TOUR, registry)
    assert (b.location.city, b.location.country) == ("Quito", "EC")
    assert people(TOUR, registry)["Anil Rao"][1] == "IN"  # (the agency's state, not the dateline's)


def test_the_stops_of_a_tour_are_no_parties_but_the_host_of_the_visit_is(registry):
    assert set(brief(TOUR, registry).countries) == {"IN", "EC"}


def test_an_encounter_held_by_video_has_no_place(registry):
    text = ("NEW DELHI, June 4 (PTI) -- Prime Minister Anil Rao and his Estonian counterpart Ana Lind held "
            "their first virtual summit on Thursday, an official told reporters here.")
    assert brief(text, registry).location is None


# -- where a ceremony was held, and where its guests reside -------------------------------------

def test_the_sentence_that_says_where_the_event_was_held_places_it(registry):
    text = ("Four ambassadors who reside in Caracas, Venezuela, presented their letters of credence to the "
            "Governor-General on Tuesday.\n\nIt was the first such ceremony this year. It was held at Government "
            "House in Bridgetown.")
    where = brief(text, registry).location
    assert (where.city, where.country) == ("Bridgetown", "BB")


def test_where_a_visitor_arrived_places_a_meeting_nothing_else_places(registry):
    text = ("Estonia and Peru vowed to work together against drug trafficking after a meeting between Prime "
            "Minister Ana Lind and President Luis Soto.\n\nAfter their meeting, both spoke of a new "
            "partnership.\n\nMs Lind said trade had doubled.\n\nShe also announced aid for flood relief.\n\n"
            "Parties in Congress had opposed Ms Lind's visit by the time she arrived in Arequipa "
            "last night.")
    where = brief(text, registry).location
    assert (where.city, where.country) == ("Arequipa", "PE")


# -- a credentials roster: an office with "-Designate", forms of address, semicolons, the state after a comma

@pytest.mark.parametrize("text", [
    "BRIDGETOWN -- The Ambassadors-Designate are Ana Lind from Estonia and Tom Berg from Norway.",
    "BRIDGETOWN -- The Ambassadors-Designate are Their Excellencies, Ana Lind, representing the Republic of "
    "Estonia; Tom Berg of the Kingdom of Norway; Jan Kos, the Republic of Poland; and Dr. Eva Horn from Austria.",
])
def test_a_roster_of_envoys_designate_with_its_protocol_forms(text, registry):
    found = people(text, registry)
    assert found["Ana Lind"] == ("Ambassador-Designate", "EE")
    assert found["Tom Berg"] == ("Ambassador-Designate", "NO")
    if "Poland" in text:
        assert found["Jan Kos"] == ("Ambassador-Designate", "PL")
        assert found["Eva Horn"] == ("Ambassador-Designate", "AT")


def test_an_offices_abbreviation_in_brackets_before_its_portfolio_is_part_of_the_title(registry):
    text = "QUITO, May 4 (PTI) -- Anil Rao, the Minister of State (MoS) for External Affairs, met Ana Vera."
    assert people(text, registry)["Anil Rao"][0] == "Minister of State (MoS) for External Affairs"


# -- a place before a comma, and lists of counterparts and presidents in mixed forms ------------

def test_a_place_before_a_comma_and_an_office_is_no_name(registry):
    text = ("LIMA -- Estonian Foreign Minister Ana Lind arrived on Saturday.\n\nWhile in Lima, the Estonian "
            "foreign minister is to meet senior Peruvian officials.")
    assert "Lima" not in people(text, registry)


def test_a_list_of_counterparts_may_end_with_a_titled_name(registry):
    text = ("ADDIS ABABA -- Likewise, Premier Tomas Varga met with Chilean and Peruvian counterparts Ana Rojas and "
            "Peruvian PM Luis Soto respectively.")
    found = people(text, registry)
    assert found["Ana Rojas"] == ("Prime Minister", "CL") or found["Ana Rojas"] == ("Premier", "CL")
    assert found["Luis Soto"][1] == "PE" and "Likewise" not in found


def test_states_before_a_mixed_list_go_to_the_names_that_name_none(registry):
    text = ("ADDIS ABABA -- The Prime Minister held talks with presidents of Chile, Ana Rojas, Luis Soto of Peru "
            "and Eva Horn of Austria.")
    found = people(text, registry)
    assert found["Ana Rojas"] == ("president", "CL")
    assert found["Luis Soto"] == ("president", "PE")
    assert found["Eva Horn"] == ("president", "AT")


def test_an_office_named_back_before_a_comma_and_an_agency_is_the_officials(registry):
    text = ("CAIRO -- President Ana Rojas met Tomas Varga to discuss the election that Peru's Luis Soto won.\n\n"
            "Varga would review his contacts with the Peruvian prime minister-elect, MENA quoted an aide as "
            "saying.")
    found = people(text, registry)
    assert found["Luis Soto"] == ("prime minister-elect", "PE")
    assert "MENA" not in found


# -- Europe and Eurasia: a presidency's date-and-place line, readouts' verbs, a list of envoys ---

def test_a_date_and_place_line_opening_a_release_is_its_dateline(registry):
    text = ("May 2, 2001, The Kremlin, Moscow\n\nPresident Tomas Varga opened the meeting by saying that Europe "
            "mattered.\n\nTaking part were Prime Minister Ana Lind and Foreign Minister Luis Soto.")
    b = brief(text, registry)
    assert (b.location.city, b.location.country) == ("Moscow", "RU")
    assert "Kremlin" not in b.title


def test_a_list_of_envoys_each_with_state_and_name_is_no_body(registry):
    text = ("KYIV -- President Ana Lind received credentials from US Ambassador Eva Horn, Ambassador of the "
            "Republic of Moldova Ion Rusu and Ambassador of the Republic of India Anil Rao.")
    found = people(text, registry)
    assert found["Eva Horn"] == ("Ambassador", "US")
    assert found["Ion Rusu"] == ("Ambassador", "MD")
    assert found["Anil Rao"] == ("Ambassador", "IN")


# -- readouts' ways of telling the event: the kind each names ----------------------------------

@pytest.mark.parametrize("text, kind", [
    # "briefing the media" after talks: a press conference
    ("Chile and Peru would keep working together on trade, Presidents Ana Rojas and Luis Soto said on "
     "Tuesday.\n\nBriefing the media in Lima after bilateral discussions, Soto said relations were excellent.",
     "press_conference"),
    # speaking after a dinner with a leader: the dinner was the meeting
    ("Relations should not be spoiled by old quarrels, Ana Lind said last night.\n\nThe prime minister was "
     "speaking after a dinner reception in Tallinn with Chancellor Tomas Varga.", "meeting"),
    # a declaration signed after the visit was reported: the visit's outcome
    ("Today President Ana Lind arrived in Peru for a three-day unofficial visit. President Luis Soto met her at "
     "the airport. The presidents then travelled to the coast, where they signed a joint declaration.", "visit"),
    # "conversed with": a meeting; the political dialogue they discussed is a topic
    ("Foreign Minister Tomas Varga conversed with Foreign Minister of Estonia Ana Lind on the sidelines of a "
     "ministerial meeting in Oslo.\n\nThey also discussed the deepening of political dialogue and trade.",
     "meeting"),
])
def test_the_kind_of_event_a_readout_names(text, kind, registry):
    assert brief(text, registry).event_type == kind
