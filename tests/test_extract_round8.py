"""Families of the genre that round 8 found in new real copy: 16 reports gathered from the stored
web pages and labelled blind, the odd-numbered tuned on and the even-numbered held back (see
bench/README.md). Every sentence here is written for this project; the people are invented."""

import pytest

from extracted import brief, people


# -- a dateline with no comma and the year after a slash: "Addis Ababa November 30/2020 (ENA)" --

def test_a_dateline_with_a_slashed_year_is_taken_off_the_lead(registry):
    b = brief("Addis Ababa November 3/2021 (ENA) President Almaz Bekele said ties between Ethiopia and "
              "Kenya were a model for the region.", registry)
    assert b.body[0].startswith("President Almaz Bekele")
    assert [(o.name, o.title, o.country) for o in b.officials] == [("Almaz Bekele", "President", "ET")]


# -- an opening clause of another time: "Following ... last week, X was invited ..." -----------

@pytest.mark.parametrize("text, kind, city", [
    # an opening clause that tells of last week
    ("Following Jamaica's part in the General Assembly last week and its role at the Climate Summit in Geneva, "
     "Prime Minister Tom Reid was invited to meet Vice President Ana Cole in Washington.\n\nThe meeting took "
     "place on Monday at the White House.", "meeting", "Washington"),
    # a sentence of an earlier time
    ("RIGA, May 3 (LETA) -- The foreign ministers of Latvia and Estonia, Ana Ozola and Tom Tamm, signed an "
     "agreement on border crossings on Friday.\n\nEarlier in the day, the presidents of the two countries "
     "talked on the phone about the agreement.", "other", "Riga"),
    # "After talks in Hanoi, ..." reports the talks themselves: the clause names no other time
    ("After talks in Hanoi, Foreign Minister Lan Pham and her counterpart Tom Reid signed two agreements.",
     "talks", "Hanoi"),
])
def test_an_encounter_of_another_time_neither_names_nor_places_the_event(text, kind, city, registry):
    b = brief(text, registry)
    assert b.event_type == kind
    assert b.location is not None and b.location.city == city


# -- a compound given name written alone ---------------------------------------------------------

def test_a_hyphenated_given_name_alone_is_the_same_person(registry):
    found = people("President Mary-Anne Kessel met Prime Minister Tom Reid of Ghana.\n\n"
                   "President Mary-Anne made the remark at a dinner.", registry)
    assert "Mary-Anne Kessel" in found and not any(name.startswith("President") for name in found)


# -- remarks to the press given together ---------------------------------------------------------

def test_a_press_statement_given_with_a_counterpart_is_a_press_conference(registry):
    b = brief("President Almaz Bekele made the remark during a press statement she gave with her Kenyan "
              "counterpart, President John Otieno, on Sunday in Nairobi.", registry)
    assert b.event_type == "press_conference"


def test_a_press_statement_alone_is_no_press_conference(registry):
    b = brief("The foreign ministry issued a press statement on the elections in Kenya.", registry)
    assert b.event_type != "press_conference"


# -- "had an informal interaction": an encounter -------------------------------------------------

def test_an_interaction_during_a_summit_is_a_meeting_of_the_two(registry):
    b = brief("Indian Prime Minister Ravi Mehta and US President Tom Reid had a brief informal interaction "
              "during the G-20 Summit.", registry)
    assert b.event_type == "meeting"
    assert set(b.countries) == {"IN", "US"}  # (at a summit, the whole G20 would take part)


# -- a delegation that accompanies an official named by office alone -----------------------------

def test_a_delegation_serves_the_state_of_the_official_its_sentence_names_by_office(registry):
    b = brief("Prime Minister Tom Reid of Jamaica was invited to meet US Vice President Ana Cole in Washington."
              "\n\nThe Prime Minister was accompanied by the Minister of Finance, Paul Grant, and the "
              "Minister of Trade, Lisa Brown.", registry)
    states = {o.name: o.country for o in b.officials}
    assert states["Paul Grant"] == "JM" and states["Lisa Brown"] == "JM"


# -- a state after a topic preposition and its article ------------------------------------------

def test_a_state_after_on_the_is_a_topic_not_a_party(registry):
    b = brief("Jordan's King Omar held talks with the visiting Spanish Foreign Minister Ana Ruiz. The talks focused "
              "on bilateral relations and the latest developments on the Palestinian territories.", registry)
    assert set(b.countries) == {"JO", "ES"}


# -- "former-president X": the word of time joined by a hyphen --------------------------------------

def test_former_joined_to_an_office_by_a_hyphen_is_a_former_office(registry):
    b = brief("Foreign Minister Ana Ruiz of Spain visited Lima. Peru, under former-president Carlos Vega, "
              "had cut ties with Madrid.", registry)
    vega = next(o for o in b.officials if o.name == "Carlos Vega")
    assert (vega.title.lower(), vega.former) == ("president", True)


# -- a middle initial in a later mention -----------------------------------------------------------

def test_a_name_with_a_middle_initial_added_is_the_same_person_named_as_first_written(registry):
    found = people("President Tom Reid spoke by phone with Prime Minister Ana Lind of Norway.\n\n"
                   '"Today, President Tom K. Reid and Prime Minister Ana Lind discussed trade," a statement said.',
                   registry)
    assert "Tom Reid" in found and "Tom K. Reid" not in found


def test_different_middle_names_are_not_an_added_initial(registry):
    from generator.extract.resolve import _compatible
    assert not _compatible("George H. W. Bush", "George Walker Bush")
    assert _compatible("George W. Bush", "George Bush")


def test_a_state_after_a_topic_noun_and_of_is_a_topic_not_a_party(registry):
    b = brief("Chinese Foreign Minister Li Wen held a press conference in Beijing on Friday. The issue of "
              "Taiwan was the main topic.", registry)
    assert b.countries == ("CN",)


# -- the Westminster office of the leader of the opposition ----------------------------------------

def test_the_leader_of_the_opposition_is_an_office(registry):
    found = people("President Ana Ruiz of Chile met President Ali Rasheed of the Maldives and Hon Ahmed Nasir, "
                   "Leader of the Opposition.", registry)
    assert found["Ahmed Nasir"] == ("Leader of the Opposition", "MV")
    assert people("The leader of the opposition said nothing.", registry) == {}


# -- the next stop after a verb of leaving and "for" ---------------------------------------------------

def test_the_state_a_visitor_left_for_is_no_party(registry):
    b = brief("Chinese Foreign Minister Li Wen left Accra on Friday morning for Togo to continue his African tour."
              "\n\nDuring his visit to Ghana, President Kofi Mensah met the Chinese minister.", registry)
    assert "TG" not in b.countries and {"CN", "GH"} <= set(b.countries)


# -- a list's next item: an office, a comma, a rank and the holder ---------------------------------------

def test_an_office_between_two_list_items_presents_the_name_after_it(registry):
    found = people("Prime Minister Tom Reid of Jamaica was accompanied by the Minister of Finance, Honourable Paul "
                   "Grant MP, Chief of Defence Staff, Lt. Gen. Rocky Meade, and Senator Ann Cole.", registry)
    assert found["Paul Grant"][0] == "Minister of Finance"
    assert found["Rocky Meade"][0] == "Chief of Defence Staff"
    assert people("Paul Grant, Chief of Defence Staff, said the army was ready.", registry)["Paul Grant"][0] \
        == "Chief of Defence Staff"


def test_a_side_after_on_the_is_a_party(registry):
    b = brief("Talks were held in Minsk on Friday, with the foreign ministers taking part on the Russian side "
              "and on the Belarusian side.", registry)
    assert {"RU", "BY"} <= set(b.countries)
