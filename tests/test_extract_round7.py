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
