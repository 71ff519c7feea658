"""Families of the genre that round 6 found by changing what a rule must not depend on: the tuned
wire files and the dev corpus with their states and officials' names swapped for others
(bench/perturb.py). Every sentence here is written for this project; the people are invented."""
import pytest

from extracted import people


# -- a surname that opens with a lower-case particle, after a title or a form of address -------

@pytest.mark.parametrize("text, name, title", [
    ("LIMA, Jan 5 -- President de la Rosa said on Monday that trade with Chile would grow.",
     "de la Rosa", "President"),
    ("THE HAGUE, Jan 5 -- Foreign Minister van den Broek met Chilean Foreign Minister Ana Soto.",
     "van den Broek", "Foreign Minister"),
    ("BRUSSELS, Jan 5 -- Belgian Foreign Minister Luc de Witte met Chilean Foreign Minister Ana Soto. "
     "Minister de Witte said the talks went well.", "Luc de Witte", "Foreign Minister"),
])
def test_a_surname_opening_with_a_particle_is_read_after_a_title(text, name, title, registry):
    assert people(text, registry)[name][0] == title


def test_a_form_of_address_before_a_particle_opens_the_name_too(registry):
    text = ("QUITO, Jan 5 -- Ecuadorian President Ana Maria de la Torre received Chilean Foreign Minister "
            "Pablo Soto. Mrs. de la Torre said the visit was welcome.")
    assert set(people(text, registry)) == {"Ana Maria de la Torre", "Pablo Soto"}


def test_a_particle_before_a_lower_case_word_opens_no_name(registry):
    text = ("PARIS, Jan 5 -- French Foreign Minister Anne Morel met Chilean Foreign Minister Ana Soto. "
            "The Minister de facto agreed to the plan.")
    assert set(people(text, registry)) == {"Anne Morel", "Ana Soto"}


# -- the first of two surnames, written alone --------------------------------------------------

@pytest.mark.parametrize("text, full", [
    ("LIMA, Jan 5 -- Peruvian President Jorge Luis Arana Vidal received Chilean Foreign Minister Ana Soto. "
     "President Arana said the talks went well.", "Jorge Luis Arana Vidal"),
    ("BOGOTA, Jan 5 -- Colombian Foreign Minister Marta Lucia Pineda Rojas met Chilean Foreign Minister "
     "Ana Soto. Later Minister Pineda thanked her guest.", "Marta Lucia Pineda Rojas"),
    ("BRASILIA, Jan 5 -- Brazilian President Paulo Roberto Tavares da Cunha met Chilean Foreign Minister "
     "Ana Soto. President Tavares welcomed the visit.", "Paulo Roberto Tavares da Cunha"),
])
def test_the_first_of_two_surnames_refers_to_the_full_name(text, full, registry):
    assert set(people(text, registry)) == {full, "Ana Soto"}


def test_a_fathers_name_in_a_chain_is_no_surname_of_the_bearer(registry):
    from generator.extract.resolve import _compatible
    assert _compatible("Hamad", "Faisal bin Hamad Al Marri") is False
    assert _compatible("Arana", "Jorge Luis Arana Vidal") is True


# -- a one-word name in a roster of holders ----------------------------------------------------

@pytest.mark.parametrize("text, name, country", [
    ("BEIJING -- Three new ambassadors to China handed their letters of credence over on Tuesday. "
     "The ambassadors are Ana Rojas from Peru, Sukarniwati from Indonesia, and Jan van den Broek from "
     "the Netherlands.", "Sukarniwati", "ID"),
    ("BEIJING -- Three new ambassadors to China handed their letters of credence over on Tuesday. "
     "The ambassadors are Tun Lwin from Myanmar, Ana Rojas from Peru and Paulo Reis from Portugal.",
     "Tun Lwin", "MM"),
])
def test_a_one_word_name_in_a_roster_is_a_holder(text, name, country, registry):
    found = people(text, registry)
    assert found[name][1] == country and "Ana Rojas" in found


# -- a form of address written without its full stop, before a well-known holder's name -------

@pytest.mark.parametrize("text, name", [
    ("MOSCOW, Jan 5 -- Aides said Mr Putin would call the Ukrainian president, Petro Ivanenko, on Friday.",
     "Putin"),
    ("LONDON, Jan 5 -- British Foreign Secretary Ann Lee said Dr Merkel would visit in May.", "Merkel"),
    ("MOSCOW, Jan 5 -- Aides said Mr. Putin would call the Ukrainian president, Petro Ivanenko, on Friday.",
     "Putin"),
])
def test_a_notable_after_an_address_with_or_without_its_stop_is_found(text, name, registry):
    assert name in people(text, registry)


# -- "became the first <state> <office>" after the holder's name --------------------------------

@pytest.mark.parametrize("text, name, country", [
    ("President Ana Varela landed in Ulaanbaatar on Monday and became the first sitting Chilean president "
     "on Mongolian soil. Mongolia's leaders welcomed her at the airport.", "Ana Varela", "CL"),
    ("ULAANBAATAR, Jan 5 -- Prime Minister Ian Brown became the first Jamaican prime minister to visit "
     "Mongolia, meeting Mongolian President Bat Erdene.", "Ian Brown", "JM"),
    ("ULAANBAATAR, Jan 5 -- Prime Minister Ian Brown, who met Mongolian President Bat Erdene, is the first "
     "Jamaican prime minister to visit.", "Ian Brown", "JM"),
])
def test_the_first_holder_of_a_states_office_is_that_states(text, name, country, registry):
    assert people(text, registry)[name][1] == country


def test_the_first_holder_of_another_office_says_nothing(registry):
    # (the office after the nationality word is not the holder's: no state from it)
    from generator.extract.people import _first_of_state, _office_at
    from generator.extract.types import Paragraph
    p = Paragraph.of("Prime Minister Ian Brown became the first Jamaican president of the club.")
    o = _office_at(p, 0, registry)
    assert o is not None and _first_of_state(p, 4, o, registry) is None


# -- the state an official represents, in so many words ----------------------------------------

@pytest.mark.parametrize("text, name, country", [
    ("SEOUL, Jan 5 -- Prime Minister Ali Karim and US President Tom Reed shook hands before the opening "
     "session. At the dinner Nepal was represented by Karim, who sat beside the host.", "Ali Karim", "NP"),
    ("SEOUL, Jan 5 -- Prime Minister Ali Karim and US President Tom Reed shook hands before the opening "
     "session. Karim represented Nepal in the closing debate.", "Ali Karim", "NP"),
    ("SEOUL, Jan 5 -- Foreign Minister Ana Rojas and US President Tom Reed shook hands before the opening "
     "session. Peru will be represented by Ana Rojas in the working groups.", "Ana Rojas", "PE"),
])
def test_the_state_an_official_represents_is_theirs(text, name, country, registry):
    assert people(text, registry)[name][1] == country


def test_representing_another_person_says_nothing(registry):
    text = ("SEOUL, Jan 5 -- Prime Minister Ali Karim and US President Tom Reed shook hands before the "
            "opening session. Karim represented his party in the closing debate.")
    assert people(text, registry)["Ali Karim"][1] == "KR"
