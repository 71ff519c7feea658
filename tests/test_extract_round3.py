"""Patterns of the genre that issue 11's third round covers: forms of protocol, names and titles
as agencies of every region write them. Every sentence here is written for this project; the
people and events are invented."""
from generator.extract import extract
from generator.sources import RawArticle


def brief(text, registry):
    return extract(RawArticle(path="t.txt", text=" date 2021-03-04 " + text, sha256="x"), registry)[0]


def people(text, registry):
    return {p.name: (p.title, p.country) for p in brief(text, registry).officials}


# -- the event ---------------------------------------------------------------------------------

def test_a_call_of_protocol_on_arriving_or_leaving_is_a_meeting_where_it_is_made(registry):
    b = brief("TBILISI, May 3 -- Deputy Foreign Minister Nino Kapanadze received the outgoing ambassador "
              "of Latvia, Andris Ozols, on a farewell call on Tuesday.\n\nThey spoke of trade.", registry)
    assert b.event_type == "meeting" and b.location.city == "Tbilisi"
    b = brief("LUSAKA, June 1 - The new High Commissioner of Malawi, Grace Banda, paid an introductory call "
              "on Foreign Minister Peter Mwale at his office on Friday.", registry)
    assert b.event_type == "meeting"


def test_playing_host_to_a_guest_is_a_meeting(registry):
    b = brief("LOME, Jan 4 - President Kossi Agbeko on Monday played host to the Prime Minister of Niger, "
              "Ali Garba, at the presidential palace.\n\nThey discussed the Sahel.", registry)
    assert b.event_type == "meeting"


def test_a_visit_told_in_apposition_or_a_relative_clause_is_the_setting_of_the_meeting(registry):
    b = brief("Foreign Minister Anna Kask, on an official visit to Riga, met with Prime Minister Juris Ozols "
              "on Tuesday.\n\nThey discussed energy links.", registry)
    assert b.event_type == "meeting"
    b = brief("TASHKENT - The President received the Minister of Foreign Affairs of Estonia, Anna Kask, who is "
              "in our country on an official visit.\n\nThey discussed transport.", registry)
    assert b.event_type == "meeting"
    # (a visit on which someone arrives is still the visit)
    b = brief("RIGA - Foreign Minister Anna Kask arrived in Riga on an official visit on Tuesday.", registry)
    assert b.event_type == "visit"


# -- names --------------------------------------------------------------------------------------

def test_a_short_month_that_ends_a_name_after_a_title(registry):
    found = people("Vice Minister of Commerce Wei Jun met Trade Minister Sara Holm in Beijing on Monday.", registry)
    assert "Wei Jun" in found


def test_a_place_of_two_words_before_a_name_in_apposition_is_no_part_of_it(registry):
    found = people("Minister of State Omar Rahimi received in Kuala Lumpur Hana Sato, Ambassador of Japan to "
                   "Malaysia, on Monday.", registry)
    assert "Hana Sato" in found
    found = people("The minister met in Addis Ababa Tomas Berg, Ambassador of Sweden to Ethiopia.", registry)
    assert "Tomas Berg" in found


# -- titles -------------------------------------------------------------------------------------

def test_the_body_written_before_an_office_is_part_of_the_title(registry):
    found = people("Lok Sabha Speaker Meera Rao received a parliamentary delegation from Chile on Monday.", registry)
    assert found["Meera Rao"][0] == "Lok Sabha Speaker"
    found = people("Armenia's Security Council Secretary Hovik Sargsyan met French envoy Luc Martin in Yerevan.",
                   registry)
    assert found["Hovik Sargsyan"] == ("Security Council Secretary", "AM")
    # a state's name that ends in such a word is the state's, and a world body's office is not a state's
    found = people("Central African Republic President Jean Mbeki met Chadian leaders.", registry)
    assert found["Jean Mbeki"][0] == "President"


def test_a_possessive_inside_the_name_of_a_body_after_an_office(registry):
    found = people("Zhao Min, vice chairman of the Standing Committee of the National People's Congress, met "
                   "a visiting delegation from Laos.", registry)
    assert found["Zhao Min"][0] == "vice chairman of the Standing Committee of the National People's Congress"


def test_a_known_field_and_a_last_word_of_a_portfolio_after_it(registry):
    found = people("MANAMA - Minister of State for Defence Affairs Salman Al Dosari met a Greek naval delegation.",
                   registry)
    assert found["Salman Al Dosari"][0] == "Minister of State for Defence Affairs"
    found = people("Deputy Prime Minister and Minister of Defence Affairs Rashid Al Kaabi received the "
                   "Egyptian chief of staff.", registry)
    assert found["Rashid Al Kaabi"][0] == "Deputy Prime Minister and Minister of Defence Affairs"


def test_chiefly_forms_of_address_of_the_pacific_are_no_part_of_a_name(registry):
    found = people("Fiji's Deputy Prime Minister Ratu Epeli Tora met Australian Foreign Minister Kate Lowe.",
                   registry)
    assert "Epeli Tora" in found


def test_offices_of_the_staff_of_the_armed_forces(registry):
    found = people("Chief of the Defence Staff Anil Sharma met the visiting Chief of Naval Staff of Oman, "
                   "Rear Admiral Saif Al Rahbi.", registry)
    assert found["Anil Sharma"][0] == "Chief of the Defence Staff"


def test_the_field_an_adviser_serves_in_is_part_of_the_title(registry):
    found = people("The embassy's political adviser Hanna Berg and defence attache Col. Ian Moss met Interior "
                   "Minister Luis Paz.", registry)
    assert found["Hanna Berg"][0] == "political adviser"
    found = people("Julia Ramos, Mendes's chief foreign policy adviser, met Chinese Foreign Minister "
                   "Wang Yi in Beijing.", registry)
    assert found["Julia Ramos"][0] == "chief foreign policy adviser"


def test_whose_adviser_between_the_comma_and_the_title(registry):
    found = people("The talks were attended by Tomas Ruiz, Herrera's national security adviser, and two aides.",
                   registry)
    assert found["Tomas Ruiz"][0] == "national security adviser"


def test_a_body_after_an_office_and_a_rank_before_the_name(registry):
    found = people("Chairman of the Military Council General Omar Haddad received the Libyan envoy on Sunday.",
                   registry)
    assert found["Omar Haddad"][0] == "Chairman of the Military Council"


def test_a_long_form_of_address_before_a_name_in_apposition(registry):
    found = people("Samdech Moha Borvor Thipadei Sok Rith, Prime Minister of Cambodia, received the Thai envoy "
                   "Anan Wong on Monday.", registry)
    assert found["Sok Rith"][0] == "Prime Minister"
    found = people("Also present were Ambassador Shaikh Ali bin Khalid Al Mannai, Director of Protocol at the "
                   "Ministry of Foreign Affairs, and other officials.", registry)
    assert "Ali bin Khalid Al Mannai" in found


def test_a_body_whose_name_holds_of_before_an_office(registry):
    found = people("Chinese Premier Wu Lin met Chamber of Deputies President Rosa Aguilar of Chile.", registry)
    assert found["Rosa Aguilar"][0] == "Chamber of Deputies President"
    found = people("Speaker of the House of Representatives Dan Ortiz met Polish President Jan Nowak.", registry)
    assert found["Dan Ortiz"][0] == "Speaker of the House of Representatives"


def test_holders_of_one_plural_office_of_one_state(registry):
    found = people("Prime Minister Tran Minh received Lao Deputy Prime Ministers Bounmy Keo and Phet Sanya on "
                   "Tuesday.", registry)
    assert found["Bounmy Keo"] == ("Deputy Prime Minister", "LA")
    assert found["Phet Sanya"] == ("Deputy Prime Minister", "LA")


def test_offices_of_a_presidential_administration_and_of_a_chief_of_staff_to_a_head(registry):
    found = people("MINSK - Head of the Presidential Administration Igor Sokol met with the Chief of Staff to "
                   "the President of Armenia Arman Petrosyan.", registry)
    assert found["Igor Sokol"][0] == "Head of the Presidential Administration"
    assert found["Arman Petrosyan"][0] == "Chief of Staff to the President"


def test_a_special_envoy_for_negotiations(registry):
    found = people("Foreign Minister Ana Lind met the Special Envoy for Balkan Negotiations Tom Hart in Vienna.",
                   registry)
    assert found["Tom Hart"][0] == "Special Envoy for Balkan Negotiations"


def test_a_named_dialogue_of_ministers_is_a_round_of_talks(registry):
    from generator.extract.events import event_type
    assert event_type(None, ["The foreign ministers of Peru and Chile held the fifth political dialogue in "
                             "Lima on Monday."])[0] == "talks"
    assert event_type(None, ["Officials of the two states met in Oslo for the annual security and defence "
                             "dialogue on Friday."])[0] == "talks"


def test_a_second_office_after_and_with_its_field_before_it(registry):
    found = people("Minister of State for Foreign Affairs and Climate Envoy Omar Nasser met the Danish "
                   "ambassador.", registry)
    assert found["Omar Nasser"][0] == "Minister of State for Foreign Affairs and Climate Envoy"
    found = people("Coordinating Minister for Political and Security Affairs Agus Salim received the "
                   "Dutch envoy.", registry)
    assert found["Agus Salim"][0] == "Coordinating Minister for Political and Security Affairs"


def test_the_governor_of_a_unit_of_a_states_territory(registry):
    found = people("President Ilya Orlov met with Governor of the Tver Region Pavel Zimin on Monday.", registry)
    assert found["Pavel Zimin"][0] == "Governor of the Tver Region"


def test_a_short_surname_after_a_title_and_an_envoy_at_large(registry):
    found = people("General Secretary To Van Hai received the Cuban envoy on Monday.", registry)
    assert "To Van Hai" in found
    found = people("Foreign Minister Dana Sarsen met the Ambassador-at-Large of Chile, Rosa Mena.", registry)
    assert found["Rosa Mena"][0] == "Ambassador-at-Large"


def test_a_plural_possessive_inside_the_name_of_a_body(registry):
    found = people("Pak Sung Il, secretary of the Central Committee of the Farmers' Union of Laos, met the "
                   "Cuban envoy.", registry)
    assert found["Pak Sung Il"][0] == "secretary of the Central Committee of the Farmers' Union of Laos"


def test_a_list_of_fields_before_an_office_whose_own_field_holds_the_and(registry):
    found = people("Also present was Tourism, Trade and Industry Minister Lim Wei at the talks.", registry)
    assert found["Lim Wei"][0] == "Tourism, Trade and Industry Minister"


def test_a_state_named_by_its_form_of_state_and_of(registry):
    found = people("Prime Minister Dawit Alemu met President of the Republic of Mali Amadou Keita today.", registry)
    assert found["Amadou Keita"] == ("President", "ML")


def test_an_office_of_a_city_or_a_province_and_a_second_office_after_it(registry):
    found = people("The talks were attended by Sheikh Saeed bin Khalid Al Qasimi, Deputy Ruler of Sharjah and "
                   "Chairman of the Executive Council, and other officials.", registry)
    assert found["Saeed bin Khalid Al Qasimi"] == ("Deputy Ruler of Sharjah and Chairman of the Executive Council",
                                                   "AE")
    found = people("The First Secretary of the Central Committee of the Socialist Party and President of the "
                   "Republic, Ramon Vidal, received the Lao envoy.", registry)
    assert found["Ramon Vidal"][0] == ("First Secretary of the Central Committee of the Socialist Party and "
                                       "President of the Republic")
    # (a de facto ruler is still no office)
    found = people("The kingdom's de facto ruler, Crown Prince Faisal bin Saad, met the envoy.", registry)
    assert found["Faisal bin Saad"][0] == "Crown Prince"


def test_the_office_of_a_head_and_an_authority_are_bodies_of_the_state(registry):
    found = people("KYIV - Head of the Office of the President Oleh Danyliuk took part in the meeting.", registry)
    assert found["Oleh Danyliuk"][0] == "Head of the Office of the President"
    found = people("Also present was Salem Al Rumaithi, Chairman of the Executive Affairs Authority.", registry)
    assert found["Salem Al Rumaithi"][0] == "Chairman of the Executive Affairs Authority"


def test_an_envoy_in_the_city_where_they_serve(registry):
    found = people("The meeting was attended by the Bolivian ambassador in Havana, Luis Quiroga.", registry)
    assert found["Luis Quiroga"] == ("ambassador in Havana", "BO")


def test_counterparts_in_apposition_each_with_the_state_after_the_name(registry):
    found = people("Foreign Minister Ana Lind hosted her counterparts from the Nordic group, Jens Holm of "
                   "Denmark and Kari Dahl of Norway, in Stockholm.", registry)
    assert found["Jens Holm"] == ("Foreign Minister", "DK") and found["Kari Dahl"] == ("Foreign Minister", "NO")
    assert "Nordic" not in " ".join(found)


def test_a_dateline_closed_by_a_full_stop_after_its_date(registry):
    from generator.extract.clean import parse_wire
    wire = parse_wire(" date 2021-05-03 TBILISI, Georgia, May 3. President Ana Beridze received the Latvian envoy "
                      "on Monday.\n\nThey discussed trade.", "t.txt", 1, need_date=False)
    assert wire.dateline == "TBILISI, Georgia" and wire.paragraphs[0].startswith("President Ana Beridze")
    wire = parse_wire(" date 2021-05-03 Quito, Mar. 4. Ecuador's president met the Peruvian envoy.\n\nMore.",
                      "t.txt", 1, need_date=False)
    assert wire.dateline == "Quito"
    # (a sentence that opens with a place and a number is no dateline)
    wire = parse_wire(" date 2021-05-03 In Quito, 40 people met the envoy. More followed.", "t.txt", 1,
                      need_date=False)
    assert wire.dateline is None


def test_descriptive_offices_of_envoys_negotiators_aides_and_chiefs(registry):
    found = people("Seoul's chief nuclear envoy Park Min-ho held talks with his Japanese counterpart Sato Ken.",
                   registry)
    assert found["Park Min-ho"][0] == "chief nuclear envoy"
    found = people("Iran's top nuclear negotiator Reza Tabrizi met EU coordinator Luis Ortega in Vienna.", registry)
    assert found["Reza Tabrizi"][0] == "top nuclear negotiator" and "Luis Ortega" in found
    found = people("Navy chief Admiral Omar Siddiq called on Prime Minister Ali Raza at his office.", registry)
    assert found["Omar Siddiq"][0] == "Navy chief"


def test_a_portfolio_in_small_letters_before_the_name(registry):
    found = people("The minister met the U.S. special envoy for Arctic fisheries issues Dana Holt in Oslo.", registry)
    assert found["Dana Holt"][0] == "special envoy for Arctic fisheries issues"


def test_what_was_agreed_during_talks_is_agreed_at_the_talks_reported(registry):
    from generator.extract.events import event_type
    assert event_type(None, ["Chile and Peru agreed to reopen two border posts during talks between their "
                             "presidents in Arica on Monday."])[0] == "talks"
    # (but talks agreed to are still to come)
    assert event_type(None, ["Chile and Peru agreed to hold talks on the border next month.",
                             "Officials met in Lima on Monday to prepare them."])[0] == "meeting"


def test_a_ministrys_stance_in_the_present_is_a_statement_and_what_was_hosted_names_the_event(registry):
    from generator.extract.events import event_type
    assert event_type(None, ["The Ministry of Foreign Affairs of Mongolia expresses deep concern over the "
                             "fighting on the border.", "Mongolia calls on both sides to show restraint."]
                      )[0] == "statement"
    assert event_type(None, ["Norway hosted the talks between the two delegations in Oslo on Monday."])[0] == "talks"


def test_a_minister_of_a_union_government(registry):
    found = people("Union Minister for Foreign Affairs Daw Khin Myo received the Thai ambassador on Monday.",
                   registry)
    assert found["Khin Myo"][0] == "Union Minister for Foreign Affairs"
    # (the European Union's offices are not a union government's)
    found = people("European Union foreign affairs chief Ana Lind met Serbian President Goran Ilic.", registry)
    assert found["Ana Lind"][0] == "foreign affairs chief"


def test_a_long_name_in_apposition_after_a_form_of_address_of_two_words(registry):
    found = people("SHARJAH - His Highness Sheikh Saud bin Saqr Al Nuaimi, Ruler of Sharjah, received "
                   "the Maltese envoy.", registry)
    assert found["Saud bin Saqr Al Nuaimi"][0] == "Ruler of Sharjah"


def test_a_statement_delivered_and_agreements_inked(registry):
    from generator.extract.events import event_type
    assert event_type(None, ["Foreign Minister Rosa Mena delivered a statement at the open debate of the "
                             "Security Council on Monday."])[0] == "statement"
    assert event_type(None, ["Chile and Korea inked three cooperation agreements in Santiago on Monday."]
                      )[0] == "other"


def test_a_minister_in_a_department_of_the_head_of_government_and_a_secretary_for_a_region(registry):
    found = people("PRETORIA - Minister in the Presidency Thabo Nkosi met the Chinese ambassador Li Wen.", registry)
    assert found["Thabo Nkosi"][0] == "Minister in the Presidency"
    found = people("Minister in the Prime Minister's Department Aziz Rahman received the Minister for Law of "
                   "Singapore Tan Wei Ming.", registry)
    assert found["Aziz Rahman"][0] == "Minister in the Prime Minister's Department"
    assert found["Tan Wei Ming"][0] == "Minister for Law"
    found = people("The Secretary of State for Latin America, Rosa Vidal, met the Peruvian vice minister Juan Soto.",
                   registry)
    assert found["Rosa Vidal"][0] == "Secretary of State for Latin America"
    found = people("The Minister of Popular Power for Foreign Affairs, Luis Mora, received the Cuban envoy.", registry)
    assert found["Luis Mora"][0] == "Minister of Popular Power for Foreign Affairs"


def test_offices_of_armed_forces_and_ranks_of_two_words_before_the_name(registry):
    found = people("Navy Commander Admiral Omar Siddiq met the Commander of U.S. Pacific Command Admiral John Reed.",
                   registry)
    assert found["John Reed"][0] == "Commander of U.S. Pacific Command"
    found = people("Armed Forces Commander General Budi Santoso met the Thai army chief.", registry)
    assert found["Budi Santoso"][0] == "Armed Forces Commander"
    found = people("Chief of General Staff General Ali Demir hosted his Georgian counterpart Colonel General "
                   "Levan Kapanadze.", registry)
    assert found["Levan Kapanadze"][0] == "Chief of General Staff"


def test_an_office_joined_to_a_companys_is_the_companys(registry):
    found = people("The talks were attended by Omar Saleh, President and CEO of the national oil company, "
                   "and Foreign Minister Ali Hamdan.", registry)
    assert "Omar Saleh" not in found and "Ali Hamdan" in found


def test_summits_in_the_plural_and_heads_of_government_met(registry):
    from generator.extract.events import event_type
    assert event_type(None, ["The 12th and 13th Mekong Summits opened in Hanoi on Monday with the leaders of "
                             "five member states."])[0] == "summit"
    assert event_type(None, ["Pacific heads of government met in Tonga on Tuesday for their annual meeting."]
                      )[0] == "summit"


def test_a_teleconference_is_a_call(registry):
    b = brief("SEOUL - President Lee Min-ho held a teleconference with the Prime Minister of Canada, Claire Roy.\n\n"
              "They discussed trade.", registry)
    assert b.event_type == "phone_call" and b.location is None


def test_the_office_a_person_was_named_or_elected_to(registry):
    found = people("PUTRAJAYA - Tan Sri Ahmad Zaki Hamid received messages of congratulations on his "
                   "appointment as the tenth prime minister of Malaysia.", registry)
    assert found["Ahmad Zaki Hamid"] == ("prime minister", "MY")
    found = people("The emir congratulated Aida Bekova on her election as President of Kyrgyzstan.", registry)
    assert found["Aida Bekova"][0] == "President"


def test_an_aide_of_a_head_of_state_on_a_field(registry):
    found = people("The envoy also held talks with Mr. Nimal Perera, the President's Senior Adviser on Trade and "
                   "Chief of Presidential Staff.", registry)
    assert found["Nimal Perera"][0] == "President's Senior Adviser on Trade and Chief of Presidential Staff"


def test_a_name_in_apposition_after_a_relative_clause_about_the_holder(registry):
    found = people("The presidential envoy who also leads the delegation to the border talks, Ali Musa Karim, "
                   "said the leaders agreed.", registry)
    assert found["Ali Musa Karim"][0] == "presidential envoy"


def test_a_universitys_office_is_no_states_and_a_second_office_after_also(registry):
    found = people("President Ali Rahimov received Dr. Oleg Petrov, Chancellor of the Kazan State University of "
                   "Economics also former Russian Ambassador to Tajikistan, on Monday.", registry)
    assert found["Oleg Petrov"][0] == "Ambassador to Tajikistan"
    found = people("Sara Ortiz, director of the National Institute of Music, attended the ceremony with "
                   "Foreign Minister Ana Ruiz.", registry)
    assert "Sara Ortiz" not in found


def test_a_second_office_in_apposition_with_no_name_of_its_own(registry):
    found = people("The minister met Ana Lind, Commissioner for Trade and Economic Security, Vice-President of the "
                   "Commission.", registry)
    assert found["Ana Lind"][0] == "Commissioner for Trade and Economic Security, Vice-President of the Commission"


def test_a_spokesperson_for_a_states_body(registry):
    found = people("The agreement is a milestone, Aylin Mammadova, spokesperson for Turkey's Foreign Ministry, "
                   "said on Monday.", registry)
    assert found["Aylin Mammadova"] == ("spokesperson for Foreign Ministry", "TR")
    found = people("Jonas Berg, spokesman for the Defence Ministry, said the talks would go on.", registry)
    assert found["Jonas Berg"][0] == "spokesman for the Defence Ministry"


def test_an_undersecretary_for_a_region_in_a_ministry_and_an_envoys_rank_in_small_letters(registry):
    found = people("The talks went well, said the general undersecretary for Central America in the Ministry of "
                   "Foreign Affairs, ambassador Rui Costa Lima.", registry)
    assert found["Rui Costa Lima"][0] == ("general undersecretary for Central America in the Ministry of "
                                          "Foreign Affairs")


def test_two_offices_introduced_by_the_then_the_name_after_a_comma(registry):
    found = people("TUNIS - The Minister of State, Minister of Foreign Affairs and Tunisians Abroad, Nabil Ammar, "
                   "received the Maltese ambassador.", registry)
    assert found["Nabil Ammar"][0] == "Minister of State, Minister of Foreign Affairs and Tunisians Abroad"


def test_forms_of_address_of_the_clergy(registry):
    found = people("President Ana Ruiz received the Secretary of State of the Holy See, Cardinal Luigi Ferri, "
                   "on Monday.", registry)
    assert "Luigi Ferri" in found


def test_parliamentary_vice_ministers(registry):
    found = people("Parliamentary Vice-Minister for Foreign Affairs Sato Ken received the Chilean envoy.", registry)
    assert found["Sato Ken"][0] == "Parliamentary Vice-Minister for Foreign Affairs"


def test_states_between_which_a_topic_lies_are_no_parties(registry):
    b = brief("CAIRO - President Omar Nabil received the Norwegian envoy Lars Dahl in Cairo to discuss the "
              "ceasefire between Ethiopia and Eritrea.\n\nThey also discussed trade.", registry)
    assert set(b.countries) == {"EG", "NO"}
    # (talks between two states name them as parties)
    b = brief("OSLO - Talks between Ethiopia and Eritrea opened in Oslo on Monday.", registry)
    assert {"ET", "ER"} <= set(b.countries)
