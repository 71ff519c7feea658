"""Patterns of the genre that issue 11's fifth round covers, as families rather than cases: the
department an office serves in written after it, the name of an undertaking before ", the <title>".
Every sentence here is written for this project; the people and events are invented."""
import pytest

from extracted import brief, people


# -- the department an office serves in, written after the holder's name -----------------------

@pytest.mark.parametrize("text, name, title, country", [
    # without capitals, after the state's possessive (the state is the holder's, not the title's)
    ('ACCRA, Jan 5 -- "We agreed on trade," said Kofi Boateng, spokesperson of Ghana\'s foreign ministry.',
     "Kofi Boateng", "spokesperson of foreign ministry", "GH"),
    ('SUVA, Jan 5 -- Fijian officials met the delegation. Mere Tora, a spokeswoman of the foreign affairs '
     'ministry, said the visit went well.', "Mere Tora", "spokeswoman of foreign affairs ministry", "FJ"),
    # a designation in brackets between the office and its department
    ('ACCRA, Jan 5 -- "We agreed on trade," said Kofi Boateng, Director (Africa) in Foreign Affairs Ministry.',
     "Kofi Boateng", "Director (Africa) in Foreign Affairs Ministry", "GH"),
    ('ACCRA, Jan 5 -- "We agreed on trade," said Kofi Boateng, Secretary (West) in the Ministry of Foreign Affairs.',
     "Kofi Boateng", "Secretary (West) in the Ministry of Foreign Affairs", "GH"),
])
def test_the_department_an_office_serves_in_is_part_of_the_title(text, name, title, country, registry):
    assert people(text, registry)[name] == (title, country)


def test_a_ministry_named_by_no_field_stays_out_of_the_title(registry):
    text = 'ACCRA, Jan 5 -- "We agreed on trade," said Kofi Boateng, spokesperson of the ministry.'
    assert people(text, registry)["Kofi Boateng"][0] == "spokesperson"


# -- the name of an undertaking is no person's -------------------------------------------------

@pytest.mark.parametrize("text", [
    "KINGSTON, Jan 5 -- Prime Minister Ian Brown met British Foreign Secretary Jane Cole. On the subject "
    "of Operation Safeguard, the Prime Minister said it worked.",
    "KINGSTON, Jan 5 -- Prime Minister Ian Brown met British Foreign Secretary Jane Cole. Turning to "
    "Project Bluewater, the Foreign Secretary said funds were ready.",
    "KINGSTON, Jan 5 -- Prime Minister Ian Brown met British Foreign Secretary Jane Cole. Of Programme "
    "Horizon, the Prime Minister said it was late.",
])
def test_a_capitalised_undertaking_before_a_comma_and_a_title_is_no_official(text, registry):
    assert set(people(text, registry)) == {"Ian Brown", "Jane Cole"}


# -- a series of offices each set off from its holder by commas --------------------------------

@pytest.mark.parametrize("text, found", [
    ("OSLO, Jan 5 -- Norway's Trade Minister, Kari Lund, and Finance Minister, Per Holm, arrived in "
     "Stockholm on Monday.", {"Kari Lund": ("Trade Minister", "NO"), "Per Holm": ("Finance Minister", "NO")}),
    ("LIMA, Jan 5 -- The talks brought together the Peruvian Foreign Minister, Ana Soto, and Defence "
     "Minister, Luis Vega.", {"Ana Soto": ("Foreign Minister", "PE"), "Luis Vega": ("Defence Minister", "PE")}),
    ("LIMA, Jan 5 -- Chile's Interior Minister Ana Soto, and Defence Minister, Luis Vega, flew to Lima on "
     "Monday.", {"Ana Soto": ("Interior Minister", "CL"), "Luis Vega": ("Defence Minister", "CL")}),
])
def test_a_later_member_of_a_series_takes_its_holder_and_the_state_of_the_first(text, found, registry):
    assert people(text, registry) == found


# -- the embassy a diplomat serves in --------------------------------------------------------------

@pytest.mark.parametrize("text, name, title, country", [
    ("OSLO, Jan 5 -- The envoy was joined by Counsellor of the Embassy of Norway in Sweden, Per Holm.",
     "Per Holm", "Counsellor of the Embassy in Sweden", "NO"),
    ('ROME, Jan 5 -- "The ties are strong," said the First Secretary at the Embassy of Chile in Italy, Pablo Ruiz.',
     "Pablo Ruiz", "First Secretary at the Embassy in Italy", "CL"),
    ("DUBLIN, Jan 5 -- Ambassador Ana Lopes was accompanied by her husband, Rui Lopes, and Minister "
     "Counsellor of the Embassy of Portugal in Ireland, Joana Reis.", "Joana Reis",
     "Minister Counsellor of the Embassy in Ireland", "PT"),
    # the embassy by its state's nationality word
    ("OSLO, Jan 5 -- The envoy was joined by the Counsellor of the Norwegian Embassy, Per Holm.",
     "Per Holm", "Counsellor of the Embassy", "NO"),
    # a spokesman for an embassy speaks for its state (the role stays the title)
    ('ROME, Jan 5 -- "The ties are strong," said Pablo Ruiz, a spokesman for the Chilean Embassy in Rome.',
     "Pablo Ruiz", "spokesman", "CL"),
])
def test_the_embassy_a_diplomat_serves_in_is_part_of_the_title_and_its_state_the_diplomats(
        text, name, title, country, registry):
    assert people(text, registry)[name] == (title, country)


# -- a staff office and the well-known holder it serves -------------------------------------------

@pytest.mark.parametrize("text, name, title, country", [
    ('PRETORIA, Jan 5 -- President Cyril Ramaphosa met Kenyan President William Ruto. "It was warm," said '
     'Tumi Dube, the chief press secretary to Ramaphosa.', "Tumi Dube", "chief press secretary to Ramaphosa", "ZA"),
    ('NAIROBI, Jan 5 -- Kenyan President William Ruto met Brazilian President Luiz Inacio Lula da Silva. "It was '
     'warm," said Ana Costa, a senior adviser to Lula.', "Ana Costa", "senior adviser to Lula", "BR"),
    # the holder by a surname the list of well-known holders knows only inside a full name
    ('NAIROBI, Jan 5 -- President William Ruto met Ugandan President Yoweri Museveni in Nairobi. "It was warm," '
     'said Tom Okello, the press secretary to Museveni.', "Tom Okello", "press secretary to Museveni", "UG"),
    # the holder with the office before the name
    ('NAIROBI, Jan 5 -- President William Ruto met Ugandan President Yoweri Museveni in Nairobi. "It was warm," '
     'said Tom Okello, the press secretary to President Museveni.', "Tom Okello",
     "press secretary to President Museveni", "UG"),
])
def test_a_staff_office_names_the_holder_it_serves_and_takes_the_holders_state(text, name, title, country, registry):
    found = people(text, registry)
    assert found[name] == (title, country)
    assert len(found) == 3  # (the holder named in the title is no further official)


# -- an envoy presenting credentials is sent to the state of the head who receives them -----------

@pytest.mark.parametrize("text, name, country", [
    ("Ambassador Extraordinary and Plenipotentiary, Maria Lopes, presented her credentials to the President "
     "of Finland, Alexander Stubb, in Helsinki on Monday. Ambassador Lopes said Portugal and Finland share "
     "many goals.", "Maria Lopes", "PT"),
    ("LIMA, Jan 5 -- Ambassador Ana Reis presented her letters of credence to the Peruvian President on "
     "Monday, the Brazilian embassy said.", "Ana Reis", "BR"),
])
def test_an_envoy_is_not_of_the_state_that_receives_the_credentials(text, name, country, registry):
    assert people(text, registry)[name][1] == country


# -- talks a party is briefed on are the subject, not the event -----------------------------------

@pytest.mark.parametrize("text, kind", [
    ("ACCRA, Jan 5 -- Former Nigerian President Olusegun Obasanjo was in Ghana on Tuesday to meet President "
     "John Mahama.\n\nThey spoke about security in the region.\n\nThe presidency said Obasanjo briefed Mahama "
     "on the peace talks in Mali.", "meeting"),
    ("LUSAKA, Jan 5 -- Former President Ali Musa was in Zambia on Friday to meet President Hakainde Hichilema."
     "\n\nThe two leaders spoke about trade.\n\nMusa informed his host about the ongoing ceasefire talks.", "meeting"),
    ("DAKAR, Jan 5 -- Senegal and Gambia held talks on fishing rights on Monday.", "talks"),
])
def test_talks_a_party_is_briefed_on_do_not_name_the_event(text, kind, registry):
    assert brief(text, registry).event_type == kind


# -- the counterpart of one who holds two offices ---------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("BEIJING, Jan 5 -- State Councilor and Foreign Minister Li Wei held talks with his Nepali counterpart Hari "
     "Koirala on Monday.", "Hari Koirala", "Foreign Minister"),
    ("CANBERRA, Jan 5 -- Deputy Prime Minister and Defence Minister Tom Grey met his Japanese counterpart Kenji "
     "Sato on Monday.", "Kenji Sato", "Defence Minister"),
    # one office whose field has two parts is no pair of offices
    ("ROME, Jan 5 -- Minister of Foreign Affairs and International Cooperation Marco Rossi met his Greek "
     "counterpart Nikos Pappas.", "Nikos Pappas", "Minister of Foreign Affairs and International Cooperation"),
])
def test_a_counterpart_holds_the_portfolio_of_one_who_holds_a_rank_and_a_portfolio(text, name, title, registry):
    assert people(text, registry)[name][0] == title


# -- a heads of government meeting, with the heads before the word, is a summit ----------------------

@pytest.mark.parametrize("text, kind", [
    ("SUVA, Jan 5 -- Prime Minister Ana Tora has asked her Pacific colleagues to fund a new ocean fund. She made "
     "the request as the 12th Forum Heads of Government Meeting in Apia began its retreat.", "summit"),
    ("ACCRA, Jan 5 -- President Kofi Mensah urged a single currency on Friday. He spoke as the ECOWAS Heads of "
     "State and Government Conference in Abuja closed.", "summit"),
    # two who met on its sidelines had a meeting
    ("ACCRA, Jan 5 -- President Kofi Mensah met Nigerian President Ali Musa on Friday. They met on the sidelines "
     "of the ECOWAS Heads of State Summit in Abuja.", "meeting"),
])
def test_a_heads_of_government_meeting_named_in_the_lead_is_a_summit(text, kind, registry):
    assert brief(text, registry).event_type == kind


# -- the caller of a phone call takes part --------------------------------------------------------

@pytest.mark.parametrize("text, roles", [
    ("AMMAN, Jan 5 -- King Abdullah on Monday received a phone call from Italian President Sergio Mattarella, "
     "and discussed regional developments.", {"Abdullah": "participant", "Sergio Mattarella": "participant"}),
    ("LIMA, Jan 5 -- President Ana Soto received a telephone call from Chilean President Luis Vega on Monday.",
     {"Ana Soto": "participant", "Luis Vega": "participant"}),
    # a call for something is an appeal: its author is not there
    ("LIMA, Jan 5 -- President Ana Soto met Chilean President Luis Vega on Monday. Soto welcomed the call from "
     "Brazilian President Rui Costa for a regional summit.",
     {"Ana Soto": "participant", "Luis Vega": "participant", "Rui Costa": "mentioned"}),
])
def test_the_caller_of_a_phone_call_takes_part(text, roles, registry):
    assert {p.name: p.role for p in brief(text, registry).officials} == roles


@pytest.mark.parametrize("text, title", [
    ('MANILA, Jan 5 -- "We welcome the visit," said Ana Cruz, spokesperson of the foreign affairs department.',
     "spokesperson of foreign affairs department"),
    ('MANILA, Jan 5 -- "We welcome the visit," said Ana Cruz, assistant secretary in the foreign affairs '
     'department.', "assistant secretary in foreign affairs department"),
])
def test_a_department_is_served_as_a_ministry_is(text, title, registry):
    assert people(text, registry)["Ana Cruz"] == (title, "PH")


@pytest.mark.parametrize("text", [
    "ACCRA, Jan 5 -- The delegation included Deputy Minister of Trade, Kwame Asante, and Deputy Minister of "
    "Finance, Ama Owusu.",
    "ACCRA, Jan 5 -- The Ghanaian delegation comprised Deputy Minister of Trade, Kwame Asante, and Deputy "
    "Minister of Finance, Ama Owusu.",
])
def test_a_roster_verb_introduces_a_series_of_offices_set_off_from_their_holders(text, registry):
    assert people(text, registry) == {"Kwame Asante": ("Deputy Minister of Trade", "GH"),
                                      "Ama Owusu": ("Deputy Minister of Finance", "GH")}


# -- a relative clause after the name gives the holder's state ------------------------------------

@pytest.mark.parametrize("text, name, country", [
    ("OSLO, Jan 5 -- Norway's Trade Minister, Kari Lund, and Finance Minister, Per Holm, met their Swedish "
     "counterparts today. It is the second meeting between Holm and his counterpart, Lars Ek, who is also the "
     "Swedish deputy prime minister.", "Lars Ek", "SE"),
    ("OSLO, Jan 5 -- Norwegian Finance Minister Per Holm held talks today. It is the second meeting between Holm "
     "and his counterpart, Lars Ek, who is the Swedish finance minister.", "Lars Ek", "SE"),
])
def test_a_relative_clause_naming_a_nationality_gives_the_holders_state(text, name, country, registry):
    assert people(text, registry)[name][1] == country
