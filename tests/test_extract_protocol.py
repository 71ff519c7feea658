"""Protocol forms of readouts and agency copy: forms of address, generational suffixes, names
after a comma and "the Honourable", surnames that are also common words. Every sentence here is
invented for the test."""
import pytest

from generator.extract import extract
from generator.extract.lexicon import honorifics_at
from generator.extract.types import Paragraph
from generator.sources import RawArticle


def officials(text, registry):
    b, _ = extract(RawArticle(path="t.txt", text=" date 2021-03-04 " + text, sha256="x"), registry)
    return {p.name: (p.title, p.country) for p in b.officials}, b


def test_forms_of_address_are_counted_as_phrases_and_capitals_only_forms_as_written():
    p = Paragraph.of("H.E. Mr. Tomas Varga and His Excellency Dr. Ana Lind, He Wei and HE Bo Li")
    assert honorifics_at(p.folded, p.words, 0) == 2          # H.E. Mr.
    assert honorifics_at(p.folded, p.words, 5) == 3          # His Excellency Dr.
    assert honorifics_at(p.folded, p.words, 11) == 0         # "He" as a surname
    assert honorifics_at(p.folded, p.words, 14) == 1         # "HE" as written


def test_no_form_of_address_is_part_of_a_name_or_a_person(registry):
    found, _ = officials("Foreign Minister HE Tomas Varga of Hungary received the Honourable Ana Lind, "
                         "Minister of Trade of Ireland.\n\nHon. Lind thanked her host.", registry)
    assert found["Tomas Varga"] == ("Foreign Minister", "HU")
    assert found["Ana Lind"] == ("Minister of Trade", "IE")
    assert not any(w in name for name in found for w in ("HE", "Hon", "Honourable"))


def test_a_generational_suffix_is_no_part_of_the_name(registry):
    found, _ = officials("Mr. Ramon Dizon Jr., Secretary of Foreign Affairs of the Philippines, spoke by "
                         "telephone with Mr. SATO Kenji, Minister for Foreign Affairs of Japan.\n\n"
                         "Secretary Dizon and Minister Sato agreed to meet soon.", registry)
    assert found == {"Ramon Dizon": ("Secretary of Foreign Affairs", "PH"),
                     "SATO Kenji": ("Minister for Foreign Affairs", "JP")}


def test_a_title_then_a_comma_then_the_honourable_and_a_name(registry):
    found, _ = officials("Canadian Foreign Minister, the Honourable Paul Tremblay, will attend the meeting.",
                         registry)
    assert found == {"Paul Tremblay": ("Foreign Minister", "CA")}


def test_a_pronoun_that_is_a_surname_after_a_title(registry):
    found, _ = officials("Prime Minister Lan Thi met Chinese Ambassador to Vietnam He Ming in Hanoi. "
                         "He said ties were strong.", registry)
    assert found["He Ming"] == ("Ambassador to Vietnam", "CN")
    assert "He" not in found


def test_an_envoy_of_one_state_to_another_keeps_only_the_destination_in_the_title(registry):
    found, b = officials("Among them were the Ambassador Extraordinary and Plenipotentiary of the Republic of Peru "
                         "to Kenya, Rosa Pino, High Commissioner of Canadian to Kenya, Mark Dunn, and the "
                         "Ambassador of Norway to Kenya, Eva Berg.", registry)
    assert found == {"Rosa Pino": ("Ambassador Extraordinary and Plenipotentiary to Kenya", "PE"),
                     "Mark Dunn": ("High Commissioner to Kenya", "CA"),
                     "Eva Berg": ("Ambassador to Kenya", "NO")}


def test_a_portfolio_after_for_the_is_part_of_an_envoys_title(registry):
    found, _ = officials("Special Envoy for the Andean Peace Process Tom Reyes will travel to Lima.", registry)
    assert found["Tom Reyes"][0] == "Special Envoy for the Andean Peace Process"


def test_a_plural_office_before_its_holders_gives_each_the_office(registry):
    found, _ = officials("Presidents Tomas Varga and Austria's Eva Gruber held talks in Vienna.\n\n"
                         "The meeting was attended by Cabinet Secretaries Ana Lind and Paul Okoth.", registry)
    assert found["Tomas Varga"][0] == found["Eva Gruber"][0] == "President"
    assert found["Eva Gruber"][1] == "AT"
    assert found["Ana Lind"][0] == found["Paul Okoth"][0] == "Cabinet Secretary"


def test_states_listed_with_a_plural_office_pair_with_the_names_in_order(registry):
    found, b = officials("The Peruvian and Chilean presidents, Rosa Pino and Marco Vidal, respectively, met "
                         "at the border.\n\nThe foreign ministers of Bolivia and Paraguay, Luis Roca and Ana "
                         "Benitez, also attended.", registry)
    assert found["Rosa Pino"] == ("president", "PE") and found["Marco Vidal"] == ("president", "CL")
    assert found["Luis Roca"] == ("foreign minister", "BO") and found["Ana Benitez"] == ("foreign minister", "PY")
    assert {"PE", "CL"} <= set(b.countries)


@pytest.mark.parametrize("text, expected", [
    ("President Lin Tao received the credentials of three new ambassadors to China in Beijing on Monday.\n\n"
     "The ambassadors are Eva Berg from Norway, Kofi Mensah from Ghana, and Rosa Pino from Chile.",
     {"Eva Berg": "NO", "Kofi Mensah": "GH", "Rosa Pino": "CL"}),
    # The states before the plural office are read first as the states of names written before
    # it ("X and Y, the ... ambassadors"); when none are, the roster's office is still looked up
    # in the earlier paragraphs (the reader of the names before once hid those paragraphs).
    ("President Lin Tao received the credentials of new ambassadors to China in Beijing on Monday.\n\n"
     "In a short ceremony, Chilean and Peruvian ambassadors are Ana Rojas from Chile and Luis Soto from Peru.",
     {"Ana Rojas": "CL", "Luis Soto": "PE"}),
])
def test_a_roster_of_envoys_takes_the_office_of_its_earlier_mention(text, expected, registry):
    found, _ = officials(text, registry)
    assert {name: found.get(name) for name in expected} == {
        name: ("ambassador to China", code) for name, code in expected.items()}


def test_a_plural_office_in_apposition_without_states_names_nobody(registry):
    found, _ = officials("The presidents, Tomas Varga and Eva Gruber, met in Vienna.", registry)
    assert "Tomas Varga" not in found or found["Tomas Varga"][0] != "president"


def test_a_dateline_on_a_line_of_its_own_opens_the_text():
    from generator.extract.clean import parse_wire
    w = parse_wire(" date 2024-05-02 LUSAKA, Zambia, May 2, 2024/Wire Service/ --\n\nThe Minister of Foreign "
                   "Affairs, Dr Ana Lind, met her guest.", "t.txt")
    assert (w.dateline, w.agency, w.headline) == ("LUSAKA, Zambia", "Wire Service", None)
    assert w.paragraphs[0].startswith("The Minister of Foreign Affairs")


def test_a_bare_monarchs_office_in_a_republic_is_that_of_the_monarchy_named(registry):
    found, _ = officials("The Amir Sheikh Hamad bin Nasser met President Ana Lind of Iceland on the sidelines "
                         "of a forum held in Kazakhstan's capital Astana.\n\nThe Amir thanked her for "
                         "Kuwait's ties with Iceland.", registry)
    assert found["Hamad bin Nasser"] == ("Amir", "KW")
    assert found["Ana Lind"] == ("President", "IS")


def test_embassy_staff_in_quotes_serve_the_envoys_state(registry):
    found, _ = officials("Prime Minister Tomas Varga met in Budapest the Kenyan ambassador to Hungary, \"Kofi "
                         "Otieno\".\n\nThe meeting was attended by the embassy's first secretary, \"Ruth Wanjiku,\" "
                         "and the military attaché, \"Paul Kimani\".", registry)
    assert found["Kofi Otieno"] == ("ambassador to Hungary", "KE")
    assert found["Ruth Wanjiku"] == ("first secretary", "KE")
    assert found["Paul Kimani"] == ("military attaché", "KE")


def test_a_place_or_a_verb_opening_the_sentence_is_no_part_of_a_name_before_its_title(registry):
    found, _ = officials("On May 3, in Vienna Tomas Varga, Foreign Minister of Hungary, met his guest.\n\n"
                         "Greeting Tomas Varga, the host said the talks were useful.", registry)
    assert found == {"Tomas Varga": ("Foreign Minister", "HU")}


def test_a_pair_talked_about_gives_no_state_to_the_official_after_it(registry):
    found, _ = officials("Ahead of talks between Chile and Peru, Foreign Minister Ana Roca met her Bolivian "
                         "counterpart Luis Vera in La Paz.\n\nThe United States welcomed the meeting. Roca "
                         "said Argentina supported it and Argentina's envoy agreed.", registry)
    assert found["Ana Roca"][1] not in ("CL", "PE")


def test_another_states_office_held_by_its_subject_is_no_state_for_the_next_official(registry):
    found, _ = officials("Norway's Foreign Minister Eva Berg met Prime Minister Tomas Varga in Budapest.\n\n"
                         "Norway's minister is also due to meet Trade Minister Ana Lind of Hungary, while "
                         "Norway's minister is to see Interior Minister Paul Kiss.", registry)
    assert found["Paul Kiss"][1] != "NO"


def test_an_office_of_a_states_body_is_an_office_and_the_body_is_in_the_title(registry):
    found, _ = officials("President Ana Lind of Iceland received the Speaker of the National Assembly of Kenya, "
                         "Paul Otieno, and Chief of the Royal Court Hamad Saleh of Oman.\n\nThe chairwoman of the "
                         "AU Commission, Rose Banda, also attended.", registry)
    assert found["Paul Otieno"] == ("Speaker of the National Assembly", "KE")
    assert found["Hamad Saleh"] == ("Chief of the Royal Court", "OM")
    assert "Rose Banda" not in found


def test_officials_after_a_sides_nationality_word_serve_that_side(registry):
    found, _ = officials("Prime Minister Tomas Varga of Hungary met President Ana Lind of Iceland in Budapest.\n\n"
                         "On the Icelandic side, the talks were attended by Trade Minister Eva Berg and "
                         "Interior Minister Jon Olafsson.", registry)
    assert found["Eva Berg"][1] == found["Jon Olafsson"][1] == "IS"


def test_secretary_before_a_name_is_an_office_and_an_adverb_is_no_name(registry):
    found, _ = officials("Secretary Jane Carter spoke with Prime Minister Tomas Varga of Hungary yesterday.\n\n"
                         "Finally, the Secretary thanked the Prime Minister.", registry)
    assert found["Jane Carter"][0] == "Secretary"
    assert "Finally" not in found


def test_protocol_orders_of_office_state_honorifics_and_name(registry):
    found, _ = officials("The President of the Republic of Ghana, His Excellency Mr. Kofi Mensah, received "
                         "Morocco's Minister of Foreign Affairs and International Cooperation Samir Alaoui and "
                         "Ana Lind, Prime Minister of Iceland.", registry)
    assert found == {"Kofi Mensah": ("President", "GH"),
                     "Samir Alaoui": ("Minister of Foreign Affairs and International Cooperation", "MA"),
                     "Ana Lind": ("Prime Minister", "IS")}


def test_a_name_known_whole_keeps_a_first_word_that_is_also_a_form_of_address(registry):
    found, _ = officials("Bangladesh Prime Minister Sheikh Hasina met Indian Prime Minister Narendra Modi.",
                         registry)
    assert "Sheikh Hasina" in found and "Hasina" not in found


def test_ministers_of_listed_portfolios_pair_with_the_names_in_order(registry):
    found, _ = officials("President Ana Lind of Iceland was accompanied by the Ministers of Finance, Health and "
                         "Energy: Jon Olafsson, Eva Berg and Paul Kari, respectively.", registry)
    assert found["Jon Olafsson"][0] == "Minister of Finance"
    assert found["Eva Berg"][0] == "Minister of Health"
    assert found["Paul Kari"][0] == "Minister of Energy"


def test_a_counterpart_holds_the_office_of_the_official_named_before_in_the_sentence(registry):
    found, _ = officials("Chilean Foreign Minister Rosa Pino arrived in Lima on Monday.\n\nAfter meeting "
                         "President Luis Vera, Pino held talks with her Peruvian counterpart, Ana Roca.", registry)
    assert found["Ana Roca"] == ("Foreign Minister", "PE")


def test_a_field_before_a_ranked_office_is_part_of_the_title(registry):
    found, _ = officials("The talks were attended by Foreign Affairs Principal Secretary Paul Otieno of Kenya.",
                         registry)
    assert found["Paul Otieno"][0] == "Foreign Affairs Principal Secretary"


def test_name_particles_in_a_run_and_an_office_only_one_body_has(registry):
    found, _ = officials("Georgian President Levan Beridze and President of the European Commission Ursula "
                         "von der Leyen signed the memorandum in Tbilisi.", registry)
    assert found["Ursula von der Leyen"] == ("President of the European Commission", "EU")


def test_an_international_bodys_official_in_apposition_is_no_official_of_a_state(registry):
    found, _ = officials("Prime Minister Ana Lind of Iceland called CARICOM'S Secretary-General, Ambassador Tom "
                         "Reyes, and the Palestine Liberation Organization's envoy.\n\nShe also met Secretary of "
                         "the Executive Committee of the Liberation Front (LF) HE Sami Haddad of Lebanon.",
                         registry)
    assert "Tom Reyes" not in found
    assert found["Sami Haddad"][0] == "Secretary of the Executive Committee of the Liberation Front (LF)"


def test_two_offices_joined_by_a_comma_before_one_name_are_one_title(registry):
    found, _ = officials("Deputy Prime Minister, Foreign and Expatriates Minister Sami Haddad of Lebanon met "
                         "President Ana Lind of Iceland, Prime Minister Tomas Varga of Hungary.", registry)
    assert found["Sami Haddad"] == ("Deputy Prime Minister, Foreign and Expatriates Minister", "LB")
    assert found["Ana Lind"][0] == "President" and found["Tomas Varga"][0] == "Prime Minister"


def test_a_ministry_and_a_state_body_are_part_of_the_title_and_a_name_may_follow_the_state(registry):
    found, _ = officials("The Permanent Secretary of the Ministry of Foreign Affairs of Ghana, Kofi Asante, "
                         "opened the session.\n\nChairman of the Senate of Kazakhstan Bolat Nur received "
                         "the visiting speaker.", registry)
    assert found == {"Kofi Asante": ("Permanent Secretary of the Ministry of Foreign Affairs", "GH"),
                     "Bolat Nur": ("Chairman of the Senate", "KZ")}


def test_fields_of_ministries_as_states_name_them(registry):
    found, _ = officials("South Africa's Minister of International Relations and Cooperation, Sipho Dlamini, "
                         "met Minister of Foreign Relations Juan Ortiz of Cuba and Moldovan Minister of Foreign "
                         "Affairs and European Integration Elena Popa.", registry)
    assert found == {"Sipho Dlamini": ("Minister of International Relations and Cooperation", "ZA"),
                     "Juan Ortiz": ("Minister of Foreign Relations", "CU"),
                     "Elena Popa": ("Minister of Foreign Affairs and European Integration", "MD")}


def test_a_title_right_after_a_title_presents_the_name(registry):
    found, _ = officials("Myanmar's military leader Senior General Aung Min met Polish State Secretary "
                         "Marek Zelinski.", registry)
    assert found == {"Aung Min": ("Senior General", "MM"), "Marek Zelinski": ("State Secretary", "PL")}


def test_plural_offices_with_fields_and_states_pair_with_their_names_in_order(registry):
    found, _ = officials("Estonian Foreign Minister Arno Tamm met his Latvian counterpart. Accompanying him "
                         "were the Ministers of Defence and of Economy, Kalle Rist and Mari Kask respectively.\n\n"
                         "Foreign Ministers Tomasz Nowak of Poland and Ivan Horvat of Croatia signed the memorandum.",
                         registry)
    assert found == {"Arno Tamm": ("Foreign Minister", "EE"), "Kalle Rist": ("Minister of Defence", "EE"),
                     "Mari Kask": ("Minister of Economy", "EE"),
                     "Tomasz Nowak": ("Foreign Minister", "PL"), "Ivan Horvat": ("Foreign Minister", "HR")}


def test_names_in_apposition_to_a_plural_office_need_their_states(registry):
    found, _ = officials("The presidents, Ana Rojas and Luis Soto, met in Lima.", registry)
    assert found == {}


def test_a_capitalised_article_or_a_month_inside_a_name_is_a_name_word(registry):
    found, _ = officials("Foreign Minister Nguyen Van An of Vietnam met Dutch Minister of Foreign Affairs "
                         "Jan de Vries on Jan. 5.", registry)
    assert found == {"Nguyen Van An": ("Foreign Minister", "VN"), "Jan de Vries": ("Minister of Foreign Affairs", "NL")}


def test_ranks_stack_and_a_states_body_after_its_possessive_is_part_of_the_title_not_the_state(registry):
    found, _ = officials("MOSCOW - First Deputy Foreign Minister Sergei Orlov met the President of Cuba's Councils "
                         "of State and Ministers, Raul Fuentes, and Minister of Foreign Affairs and Emigrants "
                         "Karim Aziz of Lebanon.", registry)
    assert found == {"Sergei Orlov": ("First Deputy Foreign Minister", "RU"),
                     "Raul Fuentes": ("President of Councils of State and Ministers", "CU"),
                     "Karim Aziz": ("Minister of Foreign Affairs and Emigrants", "LB")}


def test_a_field_before_any_office_and_a_diplomats_rank_as_a_form_of_address(registry):
    found, _ = officials("The Minister of Foreign Affairs, Ambassador Carlos Lima, received the Foreign Minister "
                         "of Chile, Antonia Vergara.\n\nAlso present was Foreign Affairs Cabinet Secretary Ruth "
                         "Achieng of Kenya.", registry)
    assert found["Carlos Lima"][0] == "Minister of Foreign Affairs"
    assert found["Antonia Vergara"] == ("Foreign Minister", "CL")
    assert found["Ruth Achieng"] == ("Foreign Affairs Cabinet Secretary", "KE")


def test_a_counterpart_from_a_state_after_a_comma(registry):
    found, _ = officials("The Minister of International Relations and Cooperation of South Africa, Thandi Nkosi, will "
                         "host her counterpart from the Republic of Botswana, Lemogang Kgosi.", registry)
    assert found["Lemogang Kgosi"] == ("Minister of International Relations and Cooperation", "BW")


def test_an_agencys_copy_filed_abroad_writes_the_host_states_offices_bare(registry):
    found, _ = officials("NAIROBI, March 4 (Xinhua) -- President Daniel Kiprop on Thursday met visiting Chinese "
                         "Foreign Minister Qin Lei in Nairobi.", registry)
    assert found == {"Daniel Kiprop": ("President", "KE"), "Qin Lei": ("Foreign Minister", "CN")}
    found, _ = officials("BEIJING, March 4 (Xinhua) -- Premier Li Wen met Kenyan President Daniel Kiprop.", registry)
    assert found == {"Li Wen": ("Premier", "CN"), "Daniel Kiprop": ("President", "KE")}


def test_a_place_or_building_word_alone_after_a_title_is_no_name(registry):
    found, _ = officials("The talks were held at the President Hotel in Accra with Ghanaian President Kofi Mensah.",
                         registry)
    assert found == {"Kofi Mensah": ("President", "GH")}


def test_a_state_listed_after_a_topic_is_a_topic_too(registry):
    _, b = officials("WASHINGTON - The United States and Japan agreed to deepen ties as Secretary of State Mark "
                     "Ellis hosted Japanese Foreign Minister Kenji Sato, amid concerns over North Korea and "
                     "China's military buildup.", registry)
    assert b.countries == ("US", "JP")


def test_forms_of_address_of_south_asia_west_africa_and_royal_houses(registry):
    found, _ = officials("NEW DELHI - External Affairs Minister Shri Rakesh Varma of India met Nigeria's Minister of "
                         "Foreign Affairs, Alhaji Musa Bello, and HRH Crown Prince Faisal bin Khalid of Saudi Arabia.",
                         registry)
    assert found == {"Rakesh Varma": ("External Affairs Minister", "IN"),
                     "Musa Bello": ("Minister of Foreign Affairs", "NG"),
                     "Faisal bin Khalid": ("Crown Prince", "SA")}


def test_a_report_filed_from_a_state_that_marks_only_the_other_sides_officials(registry):
    found, _ = officials("TOKYO - Foreign Minister KAWA Yoko held a telephone talk with Mr. Antony Blake, Secretary "
                         "of State of the United States.", registry)
    assert found == {"KAWA Yoko": ("Foreign Minister", "JP"), "Antony Blake": ("Secretary of State", "US")}


def test_a_rank_between_an_office_and_its_holder_is_a_form_of_address(registry):
    found, _ = officials("CANBERRA - Minister for Foreign Affairs Senator the Hon Mary Lowe of Australia met "
                         "Thai Prime Minister Gen Prayut Chanda and Samdech Techo Hun Vannak, Prime Minister of "
                         "the Kingdom of Cambodia.", registry)
    assert found == {"Mary Lowe": ("Minister for Foreign Affairs", "AU"), "Prayut Chanda": ("Prime Minister", "TH"),
                     "Hun Vannak": ("Prime Minister", "KH")}


def test_protocol_forms_of_north_and_east_africa_and_the_levant(registry):
    found, _ = officials("ALGIERS - President of the Republic, Mr. Abdelaziz Tebane, received his Tunisian "
                         "counterpart, Mr. Kais Said.\n\nThe Minister of Foreign Affairs, African Integration and "
                         "Chadians Abroad, Moussa Fadoul, and Deputy Prime Minister and Minister of Foreign and "
                         "Expatriates Affairs Ayman Sabri of Jordan attended.\n\nChairman of the Transitional "
                         "Sovereignty Council, General Abdel Fattah Nour, received Head of Government Aziz Hannouch "
                         "of Morocco.", registry)
    assert found["Abdelaziz Tebane"] == ("President of the Republic", "DZ")
    assert found["Kais Said"] == ("President of the Republic", "TN")
    assert found["Moussa Fadoul"][0] == "Minister of Foreign Affairs, African Integration and Chadians Abroad"
    assert found["Ayman Sabri"] == ("Deputy Prime Minister and Minister of Foreign and Expatriates Affairs", "JO")
    assert found["Abdel Fattah Nour"][0] == "Chairman of the Transitional Sovereignty Council"
    assert found["Aziz Hannouch"] == ("Head of Government", "MA")


def test_abbreviated_offices_of_asian_agency_copy(registry):
    found, _ = officials("HANOI (VNA) - Deputy PM Tran Luu Quang, FM Bui Thanh Son and NA Chairman Vuong Dinh Hoa met "
                         "Chinese Executive Vice Foreign Minister Ma Zhao at 5 PM Sunday. The FM Radio Station "
                         "broadcast the talks.", registry)
    assert found == {"Tran Luu Quang": ("Deputy PM", "VN"), "Bui Thanh Son": ("FM", "VN"),
                     "Vuong Dinh Hoa": ("NA Chairman", "VN"), "Ma Zhao": ("Executive Vice Foreign Minister", "CN")}


def test_a_dateline_state_whose_side_the_copy_leaves_unmarked_is_home(registry):
    found, _ = officials("MEXICO CITY - Foreign Relations Secretary Marcelo Ebra met the US delegation.", registry)
    assert found == {"Marcelo Ebra": ("Foreign Relations Secretary", "MX")}


def test_the_city_where_and_the_states_of_an_encounter_to_come_are_no_parties(registry):
    _, b = officials("Foreign Minister Eva Berg of Norway met her Swedish counterpart Lars Lund in Kyiv, ahead of "
                     "possible talks between Serbia and Kosovo.", registry)
    assert b.countries == ("NO", "SE")


def test_a_rank_gives_way_to_the_office_after_the_name_with_its_portfolio_and_ministry(registry):
    found, _ = officials("The meeting was attended by Ambassador Karim Haddad, Director General of Bilateral "
                         "Relations at the Ministry of Foreign Affairs of Bahrain, and Ambassador Sami Nasser, "
                         "Permanent Representative of Bahrain to the United Nations.", registry)
    assert found == {"Karim Haddad": ("Director General of Bilateral Relations at the Ministry of Foreign Affairs",
                                      "BH"),
                     "Sami Nasser": ("Permanent Representative to the United Nations", "BH")}


def test_a_bodys_acronym_before_an_office_is_part_of_it(registry):
    found, _ = officials("WASHINGTON - NSC Senior Director Juan Ortega met HE Ambassador Karim Haddad of Bahrain.",
                         registry)
    assert found["Juan Ortega"][0] == "NSC Senior Director"
    assert found["Karim Haddad"] == ("Ambassador", "BH")


def test_the_office_an_aide_serves_is_part_of_the_title(registry):
    found, _ = officials("National Security Advisor to the Vice President Nora Kent of the United States met "
                         "Special Assistant to the Prime Minister Omar Aziz of Pakistan.", registry)
    assert found == {"Nora Kent": ("National Security Advisor to the Vice President", "US"),
                     "Omar Aziz": ("Special Assistant to the Prime Minister", "PK")}


def test_a_list_of_fields_before_an_office(registry):
    found, _ = officials("South Korean Trade, Industry and Energy Minister Ahn Jae-min met the envoy.", registry)
    assert found == {"Ahn Jae-min": ("Trade, Industry and Energy Minister", "KR")}


def test_an_institutions_official_describes_the_holder_of_the_office_before_it(registry):
    found, _ = officials("RAMALLAH - Washington's envoy, State Department official William Barnes, saw the "
                         "Palestinian leader at his offices. A White House official said the talks went well.\n\n"
                         "Pentagon official Ruth Cole attended.", registry)
    assert found == {"William Barnes": ("envoy", "US"), "Ruth Cole": ("Pentagon official", "US")}


def test_a_paragraph_that_ends_with_an_office_or_its_comma_is_read_without_error(registry):
    for end in ("They met the Ministers of the", "They met the Ministers of", "She thanked the Foreign Minister,",
                "Accompanying him were the Ministers of Defence and of"):
        found, _ = officials(f"Foreign Minister Eva Berg of Norway arrived. {end}", registry)
        assert found == {"Eva Berg": ("Foreign Minister", "NO")}


def test_a_visitor_with_a_bare_office_is_of_the_other_state(registry):
    found, _ = officials("HANOI (VNA) - Prime Minister Pham Van Hung received visiting Foreign Minister Ana Lopez on "
                         "Monday. Lopez said Mexico valued the ties.", registry)
    assert found == {"Pham Van Hung": ("Prime Minister", "VN"), "Ana Lopez": ("Foreign Minister", "MX")}


def test_an_official_who_arrives_in_the_home_state_is_a_visitor(registry):
    found, _ = officials("CAIRO - Under Secretary of State for Political Affairs Victoria Nolan arrived in Cairo on "
                         "Monday for talks with Egyptian Foreign Minister Sameh Shukri.", registry)
    assert found == {"Victoria Nolan": ("Under Secretary of State for Political Affairs", "US"),
                     "Sameh Shukri": ("Foreign Minister", "EG")}


def test_european_ministries_names(registry):
    found, _ = officials("VIENNA - Federal Minister for European and International Affairs Alexander Schall met the "
                         "Foreign, Commonwealth and Development Secretary of the United Kingdom, David Lam, and the "
                         "Minister of Foreign Affairs, European Union and Cooperation of Spain, José Manuel Alba.",
                         registry)
    assert found == {"Alexander Schall": ("Federal Minister for European and International Affairs", "AT"),
                     "David Lam": ("Foreign, Commonwealth and Development Secretary", "GB"),
                     "José Manuel Alba": ("Minister of Foreign Affairs, European Union and Cooperation", "ES")}


def test_an_office_at_a_ministry_is_one_of_the_state(registry):
    found, _ = officials("WARSAW - Secretary of State at the Ministry of Foreign Affairs Pawel Jablon met the "
                         "Ukrainian delegation.", registry)
    assert found == {"Pawel Jablon": ("Secretary of State at the Ministry of Foreign Affairs", "PL")}


def test_a_delegations_leader_an_envoy_of_an_office_and_amb_as_a_form_of_address(registry):
    found, _ = officials("ADDIS ABABA - Prime Minister Abiy Ahmed of Ethiopia met the visiting Djiboutian delegation "
                         "led by Foreign Minister Mahmoud Ali Youssef, and the Special Envoy of the President of "
                         "Senegal, Mr. Cheikh Niane.\n\nThe Minister, Amb. Yusuf Tugga of Nigeria, joined them.",
                         registry)
    assert found["Mahmoud Ali Youssef"][0] == "Foreign Minister"  # (his state: no rule reads "led by" now)
    assert {k: v for k, v in found.items() if k != "Mahmoud Ali Youssef"} == {
        "Abiy Ahmed": ("Prime Minister", "ET"), "Cheikh Niane": ("Special Envoy of the President", "SN"),
        "Yusuf Tugga": ("Minister", "NG")}


def test_a_title_after_a_relative_clauses_as_or_in_brackets_after_the_name(registry):
    found, _ = officials("NAIROBI - President William Ruto received H.E. Mr. Karim Aziz, who presented his "
                         "credentials as Ambassador of Egypt to Kenya.\n\nThe talks were also attended by H.E. Dr. "
                         "Fatima Bello (Minister of State for Foreign Affairs of Nigeria).", registry)
    assert found == {"William Ruto": ("President", "KE"), "Karim Aziz": ("Ambassador to Kenya", "EG"),
                     "Fatima Bello": ("Minister of State for Foreign Affairs", "NG")}


def test_names_before_a_plural_office_and_states_in_brackets(registry):
    found, _ = officials("The talks ended on Monday.\n\nAna Rojas and Luis Soto, the foreign ministers of Peru and "
                         "Chile, signed the accord.\n\nLater, Prime Ministers Eva Berg (Norway) and Jon Dahl "
                         "(Iceland) met in Oslo.", registry)
    assert found == {"Ana Rojas": ("foreign minister", "PE"), "Luis Soto": ("foreign minister", "CL"),
                     "Eva Berg": ("Prime Minister", "NO"), "Jon Dahl": ("Prime Minister", "IS")}


def test_the_place_of_talks_and_of_a_topic_are_no_parties(registry):
    _, b = officials("JUBA - Sudan and South Sudan agreed on Thursday to reopen the border after talks in the "
                     "Norwegian capital Oslo that also touched on the war in Yemen.", registry)
    assert b.countries == ("SD", "SS")
