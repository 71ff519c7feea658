"""Patterns of the genre that issue 11's third round covers: forms of protocol, names and titles
as agencies of every region write them. Every sentence here is written for this project; the
people and events are invented.

Most cases share one of a few shapes (the title found for a name, the name found at all, the kind
of event of a lead), so they stand in tables, one row a case, named after the pattern they show."""
import pytest

from generator.extract.events import event_type

from extracted import brief, people


# -- the event ---------------------------------------------------------------------------------

# (pattern, text of a seed, event type, city or None when the case does not check the place)
BRIEF_EVENTS = [
    ("a call of protocol on arriving is a meeting where it is made",
     "TBILISI, May 3 -- Deputy Foreign Minister Nino Kapanadze received the outgoing ambassador "
     "of Latvia, Andris Ozols, on a farewell call on Tuesday.\n\nThey spoke of trade.", "meeting", "Tbilisi"),
    ("a call of protocol on leaving is a meeting",
     "LUSAKA, June 1 - The new High Commissioner of Malawi, Grace Banda, paid an introductory call "
     "on Foreign Minister Peter Mwale at his office on Friday.", "meeting", None),
    ("playing host to a guest is a meeting",
     "LOME, Jan 4 - President Kossi Agbeko on Monday played host to the Prime Minister of Niger, "
     "Ali Garba, at the presidential palace.\n\nThey discussed the Sahel.", "meeting", None),
    ("a visit told in apposition is the setting of the meeting",
     "Foreign Minister Anna Kask, on an official visit to Riga, met with Prime Minister Juris Ozols "
     "on Tuesday.\n\nThey discussed energy links.", "meeting", None),
    ("a visit told in a relative clause is the setting of the meeting",
     "TASHKENT - The President received the Minister of Foreign Affairs of Estonia, Anna Kask, who is "
     "in our country on an official visit.\n\nThey discussed transport.", "meeting", None),
    ("a visit on which someone arrives is still the visit",
     "RIGA - Foreign Minister Anna Kask arrived in Riga on an official visit on Tuesday.", "visit", None),
]


@pytest.mark.parametrize("text, kind, city", [row[1:] for row in BRIEF_EVENTS], ids=[row[0] for row in BRIEF_EVENTS])
def test_the_event_of_a_seed(text, kind, city, registry):
    b = brief(text, registry)
    assert b.event_type == kind
    if city:
        assert b.location.city == city


# (pattern, paragraphs of a lead, event type)
LEAD_EVENTS = [
    ("a named dialogue of ministers is a round of talks",
     ["The foreign ministers of Peru and Chile held the fifth political dialogue in Lima on Monday."], "talks"),
    ("an annual dialogue of security and defence is a round of talks",
     ["Officials of the two states met in Oslo for the annual security and defence dialogue on Friday."], "talks"),
    ("what was agreed during talks is agreed at the talks reported",
     ["Chile and Peru agreed to reopen two border posts during talks between their presidents in Arica on "
      "Monday."], "talks"),
    ("talks agreed to are still to come",
     ["Chile and Peru agreed to hold talks on the border next month.",
      "Officials met in Lima on Monday to prepare them."], "meeting"),
    ("a ministry's stance in the present is a statement",
     ["The Ministry of Foreign Affairs of Mongolia expresses deep concern over the fighting on the border.",
      "Mongolia calls on both sides to show restraint."], "statement"),
    ("what was hosted names the event",
     ["Norway hosted the talks between the two delegations in Oslo on Monday."], "talks"),
    ("a statement delivered is a statement",
     ["Foreign Minister Rosa Mena delivered a statement at the open debate of the Security Council on Monday."],
     "statement"),
    ("agreements inked are a ceremony of their own",
     ["Chile and Korea inked three cooperation agreements in Santiago on Monday."], "other"),
    ("summits in the plural are summits",
     ["The 12th and 13th Mekong Summits opened in Hanoi on Monday with the leaders of five member states."],
     "summit"),
    ("heads of government who met hold a summit",
     ["Pacific heads of government met in Tonga on Tuesday for their annual meeting."], "summit"),
]


@pytest.mark.parametrize("paras, kind", [row[1:] for row in LEAD_EVENTS], ids=[row[0] for row in LEAD_EVENTS])
def test_the_event_of_a_lead(paras, kind):
    assert event_type(None, paras)[0] == kind


def test_a_teleconference_is_a_call(registry):
    b = brief("SEOUL - President Lee Min-ho held a teleconference with the Prime Minister of Canada, Claire Roy.\n\n"
              "They discussed trade.", registry)
    assert b.event_type == "phone_call" and b.location is None


# -- names --------------------------------------------------------------------------------------

# (pattern, text, a name the extractor must find)
FOUND = [
    ("a short month that ends a name after a title",
     "Vice Minister of Commerce Wei Jun met Trade Minister Sara Holm in Beijing on Monday.", "Wei Jun"),
    ("a place of two words before a name in apposition is no part of it",
     "Minister of State Omar Rahimi received in Kuala Lumpur Hana Sato, Ambassador of Japan to Malaysia, on "
     "Monday.", "Hana Sato"),
    ("a place of two words before a name in apposition after 'met in'",
     "The minister met in Addis Ababa Tomas Berg, Ambassador of Sweden to Ethiopia.", "Tomas Berg"),
    ("chiefly forms of address of the Pacific are no part of a name",
     "Fiji's Deputy Prime Minister Ratu Epeli Tora met Australian Foreign Minister Kate Lowe.", "Epeli Tora"),
    ("a long form of address before a name in apposition",
     "Also present were Ambassador Shaikh Ali bin Khalid Al Mannai, Director of Protocol at the Ministry of "
     "Foreign Affairs, and other officials.", "Ali bin Khalid Al Mannai"),
    ("a short surname after a title",
     "General Secretary To Van Hai received the Cuban envoy on Monday.", "To Van Hai"),
    ("an office joined to a company's leaves the official of state",
     "The talks were attended by Omar Saleh, President and CEO of the national oil company, and Foreign "
     "Minister Ali Hamdan.", "Ali Hamdan"),
    ("forms of address of the clergy",
     "President Ana Ruiz received the Secretary of State of the Holy See, Cardinal Luigi Ferri, on Monday.",
     "Luigi Ferri"),
    ("an organisation's office after a title of the states",
     "Iran's top nuclear negotiator Reza Tabrizi met EU coordinator Luis Ortega in Vienna.", "Luis Ortega"),
]


@pytest.mark.parametrize("text, name", [row[1:] for row in FOUND], ids=[row[0] for row in FOUND])
def test_the_name_is_found(text, name, registry):
    assert name in people(text, registry)


# (pattern, text, a name that holds no office of a state)
NOT_FOUND = [
    ("an office joined to a company's is the company's",
     "The talks were attended by Omar Saleh, President and CEO of the national oil company, and Foreign "
     "Minister Ali Hamdan.", "Omar Saleh"),
    ("a university's office is no state's",
     "Sara Ortiz, director of the National Institute of Music, attended the ceremony with Foreign Minister "
     "Ana Ruiz.", "Sara Ortiz"),
]


@pytest.mark.parametrize("text, name", [row[1:] for row in NOT_FOUND], ids=[row[0] for row in NOT_FOUND])
def test_the_name_is_no_official(text, name, registry):
    assert name not in people(text, registry)


# -- titles -------------------------------------------------------------------------------------

# (pattern, text, name, the title found for it)
TITLES = [
    ("the body written before an office is part of the title",
     "Lok Sabha Speaker Meera Rao received a parliamentary delegation from Chile on Monday.", "Meera Rao",
     "Lok Sabha Speaker"),
    ("a state's name that ends in a body's word is the state's",
     "Central African Republic President Jean Mbeki met Chadian leaders.", "Jean Mbeki", "President"),
    ("a possessive inside the name of a body after an office",
     "Zhao Min, vice chairman of the Standing Committee of the National People's Congress, met a visiting "
     "delegation from Laos.", "Zhao Min",
     "vice chairman of the Standing Committee of the National People's Congress"),
    ("a known field and a last word of a portfolio after it",
     "MANAMA - Minister of State for Defence Affairs Salman Al Dosari met a Greek naval delegation.",
     "Salman Al Dosari", "Minister of State for Defence Affairs"),
    ("a second office with a last word of a portfolio",
     "Deputy Prime Minister and Minister of Defence Affairs Rashid Al Kaabi received the Egyptian chief of staff.",
     "Rashid Al Kaabi", "Deputy Prime Minister and Minister of Defence Affairs"),
    ("offices of the staff of the armed forces",
     "Chief of the Defence Staff Anil Sharma met the visiting Chief of Naval Staff of Oman, Rear Admiral Saif "
     "Al Rahbi.", "Anil Sharma", "Chief of the Defence Staff"),
    ("the field an adviser serves in is part of the title",
     "The embassy's political adviser Hanna Berg and defence attache Col. Ian Moss met Interior Minister Luis "
     "Paz.", "Hanna Berg", "political adviser"),
    ("the fields of an adviser after whose adviser",
     "Julia Ramos, Mendes's chief foreign policy adviser, met Chinese Foreign Minister Wang Yi in Beijing.",
     "Julia Ramos", "chief foreign policy adviser"),
    ("whose adviser between the comma and the title",
     "The talks were attended by Tomas Ruiz, Herrera's national security adviser, and two aides.", "Tomas Ruiz",
     "national security adviser"),
    ("a body after an office and a rank before the name",
     "Chairman of the Military Council General Omar Haddad received the Libyan envoy on Sunday.", "Omar Haddad",
     "Chairman of the Military Council"),
    ("a long form of address before a name with its office in apposition",
     "Samdech Moha Borvor Thipadei Sok Rith, Prime Minister of Cambodia, received the Thai envoy Anan Wong on "
     "Monday.", "Sok Rith", "Prime Minister"),
    ("a body whose name holds 'of' before an office",
     "Chinese Premier Wu Lin met Chamber of Deputies President Rosa Aguilar of Chile.", "Rosa Aguilar",
     "Chamber of Deputies President"),
    ("a speaker of a body whose name holds 'of'",
     "Speaker of the House of Representatives Dan Ortiz met Polish President Jan Nowak.", "Dan Ortiz",
     "Speaker of the House of Representatives"),
    ("the head of a presidential administration",
     "MINSK - Head of the Presidential Administration Igor Sokol met with the Chief of Staff to the President of "
     "Armenia Arman Petrosyan.", "Igor Sokol", "Head of the Presidential Administration"),
    ("a chief of staff to a head",
     "MINSK - Head of the Presidential Administration Igor Sokol met with the Chief of Staff to the President of "
     "Armenia Arman Petrosyan.", "Arman Petrosyan", "Chief of Staff to the President"),
    ("a special envoy for negotiations",
     "Foreign Minister Ana Lind met the Special Envoy for Balkan Negotiations Tom Hart in Vienna.", "Tom Hart",
     "Special Envoy for Balkan Negotiations"),
    ("a second office after 'and' with its field before it",
     "Minister of State for Foreign Affairs and Climate Envoy Omar Nasser met the Danish ambassador.",
     "Omar Nasser", "Minister of State for Foreign Affairs and Climate Envoy"),
    ("fields joined by 'and' before a last word of a portfolio",
     "Coordinating Minister for Political and Security Affairs Agus Salim received the Dutch envoy.",
     "Agus Salim", "Coordinating Minister for Political and Security Affairs"),
    ("the governor of a unit of a state's territory",
     "President Ilya Orlov met with Governor of the Tver Region Pavel Zimin on Monday.", "Pavel Zimin",
     "Governor of the Tver Region"),
    ("an envoy at large",
     "Foreign Minister Dana Sarsen met the Ambassador-at-Large of Chile, Rosa Mena.", "Rosa Mena",
     "Ambassador-at-Large"),
    ("a plural possessive inside the name of a body",
     "Pak Sung Il, secretary of the Central Committee of the Farmers' Union of Laos, met the Cuban envoy.",
     "Pak Sung Il", "secretary of the Central Committee of the Farmers' Union of Laos"),
    ("a list of fields before an office whose own field holds the 'and'",
     "Also present was Tourism, Trade and Industry Minister Lim Wei at the talks.", "Lim Wei",
     "Tourism, Trade and Industry Minister"),
    ("the office of a ruler of a city and a second office after it",
     "The talks were attended by Sheikh Saeed bin Khalid Al Qasimi, Deputy Ruler of Sharjah and Chairman of the "
     "Executive Council, and other officials.", "Saeed bin Khalid Al Qasimi",
     "Deputy Ruler of Sharjah and Chairman of the Executive Council"),
    ("a party's office and a second office of the state after it",
     "The First Secretary of the Central Committee of the Socialist Party and President of the Republic, Ramon "
     "Vidal, received the Lao envoy.", "Ramon Vidal",
     "First Secretary of the Central Committee of the Socialist Party and President of the Republic"),
    ("a de facto ruler is still no office",
     "The kingdom's de facto ruler, Crown Prince Faisal bin Saad, met the envoy.", "Faisal bin Saad",
     "Crown Prince"),
    ("the office of a head is a body of the state",
     "KYIV - Head of the Office of the President Oleh Danyliuk took part in the meeting.", "Oleh Danyliuk",
     "Head of the Office of the President"),
    ("an authority is a body of the state",
     "Also present was Salem Al Rumaithi, Chairman of the Executive Affairs Authority.", "Salem Al Rumaithi",
     "Chairman of the Executive Affairs Authority"),
    ("a chief nuclear envoy",
     "Seoul's chief nuclear envoy Park Min-ho held talks with his Japanese counterpart Sato Ken.", "Park Min-ho",
     "chief nuclear envoy"),
    ("a top nuclear negotiator",
     "Iran's top nuclear negotiator Reza Tabrizi met EU coordinator Luis Ortega in Vienna.", "Reza Tabrizi",
     "top nuclear negotiator"),
    ("a chief of an armed service",
     "Navy chief Admiral Omar Siddiq called on Prime Minister Ali Raza at his office.", "Omar Siddiq",
     "Navy chief"),
    ("a portfolio in small letters before the name",
     "The minister met the U.S. special envoy for Arctic fisheries issues Dana Holt in Oslo.", "Dana Holt",
     "special envoy for Arctic fisheries issues"),
    ("a minister of a union government",
     "Union Minister for Foreign Affairs Daw Khin Myo received the Thai ambassador on Monday.", "Khin Myo",
     "Union Minister for Foreign Affairs"),
    ("the European Union's offices are not a union government's",
     "European Union foreign affairs chief Ana Lind met Serbian President Goran Ilic.", "Ana Lind",
     "foreign affairs chief"),
    ("a long name in apposition after a form of address of two words",
     "SHARJAH - His Highness Sheikh Saud bin Saqr Al Nuaimi, Ruler of Sharjah, received the Maltese envoy.",
     "Saud bin Saqr Al Nuaimi", "Ruler of Sharjah"),
    ("a minister in a department of the head of state",
     "PRETORIA - Minister in the Presidency Thabo Nkosi met the Chinese ambassador Li Wen.", "Thabo Nkosi",
     "Minister in the Presidency"),
    ("a minister in a department of the head of government",
     "Minister in the Prime Minister's Department Aziz Rahman received the Minister for Law of Singapore Tan "
     "Wei Ming.", "Aziz Rahman", "Minister in the Prime Minister's Department"),
    ("a minister for a field, the state after it",
     "Minister in the Prime Minister's Department Aziz Rahman received the Minister for Law of Singapore Tan "
     "Wei Ming.", "Tan Wei Ming", "Minister for Law"),
    ("a secretary of state for a region",
     "The Secretary of State for Latin America, Rosa Vidal, met the Peruvian vice minister Juan Soto.",
     "Rosa Vidal", "Secretary of State for Latin America"),
    ("a minister of popular power for a field",
     "The Minister of Popular Power for Foreign Affairs, Luis Mora, received the Cuban envoy.", "Luis Mora",
     "Minister of Popular Power for Foreign Affairs"),
    ("the commander of a command of another state",
     "Navy Commander Admiral Omar Siddiq met the Commander of U.S. Pacific Command Admiral John Reed.",
     "John Reed", "Commander of U.S. Pacific Command"),
    ("a commander of armed forces before a rank",
     "Armed Forces Commander General Budi Santoso met the Thai army chief.", "Budi Santoso",
     "Armed Forces Commander"),
    ("a rank of two words before a counterpart's name",
     "Chief of General Staff General Ali Demir hosted his Georgian counterpart Colonel General Levan Kapanadze.",
     "Levan Kapanadze", "Chief of General Staff"),
    ("the office a person was elected to",
     "The emir congratulated Aida Bekova on her election as President of Kyrgyzstan.", "Aida Bekova",
     "President"),
    ("an aide of a head of state on a field",
     "The envoy also held talks with Mr. Nimal Perera, the President's Senior Adviser on Trade and Chief of "
     "Presidential Staff.", "Nimal Perera", "President's Senior Adviser on Trade and Chief of Presidential Staff"),
    ("a name in apposition after a relative clause about the holder",
     "The presidential envoy who also leads the delegation to the border talks, Ali Musa Karim, said the leaders "
     "agreed.", "Ali Musa Karim", "presidential envoy"),
    ("a second office after 'also'",
     "President Ali Rahimov received Dr. Oleg Petrov, Chancellor of the Kazan State University of Economics also "
     "former Russian Ambassador to Tajikistan, on Monday.", "Oleg Petrov", "Ambassador to Tajikistan"),
    ("a second office in apposition with no name of its own",
     "The minister met Ana Lind, Commissioner for Trade and Economic Security, Vice-President of the Commission.",
     "Ana Lind", "Commissioner for Trade and Economic Security, Vice-President of the Commission"),
    ("a spokesman for the body of a state named with 'the'",
     "Jonas Berg, spokesman for the Defence Ministry, said the talks would go on.", "Jonas Berg",
     "spokesman for the Defence Ministry"),
    ("an undersecretary for a region in a ministry and an envoy's rank in small letters",
     "The talks went well, said the general undersecretary for Central America in the Ministry of Foreign "
     "Affairs, ambassador Rui Costa Lima.", "Rui Costa Lima",
     "general undersecretary for Central America in the Ministry of Foreign Affairs"),
    ("two offices introduced by 'the', then the name after a comma",
     "TUNIS - The Minister of State, Minister of Foreign Affairs and Tunisians Abroad, Nabil Ammar, received the "
     "Maltese ambassador.", "Nabil Ammar", "Minister of State, Minister of Foreign Affairs and Tunisians Abroad"),
    ("parliamentary vice ministers",
     "Parliamentary Vice-Minister for Foreign Affairs Sato Ken received the Chilean envoy.", "Sato Ken",
     "Parliamentary Vice-Minister for Foreign Affairs"),
]


@pytest.mark.parametrize("text, name, title", [row[1:] for row in TITLES], ids=[row[0] for row in TITLES])
def test_the_title_found_for_a_name(text, name, title, registry):
    assert people(text, registry)[name][0] == title


# (pattern, text, name, title, state)
TITLES_AND_STATES = [
    ("a state's body before an office, the state's possessive before it",
     "Armenia's Security Council Secretary Hovik Sargsyan met French envoy Luc Martin in Yerevan.",
     "Hovik Sargsyan", "Security Council Secretary", "AM"),
    ("holders of one plural office of one state (the first)",
     "Prime Minister Tran Minh received Lao Deputy Prime Ministers Bounmy Keo and Phet Sanya on Tuesday.",
     "Bounmy Keo", "Deputy Prime Minister", "LA"),
    ("holders of one plural office of one state (the second)",
     "Prime Minister Tran Minh received Lao Deputy Prime Ministers Bounmy Keo and Phet Sanya on Tuesday.",
     "Phet Sanya", "Deputy Prime Minister", "LA"),
    ("a state named by its form of state and 'of'",
     "Prime Minister Dawit Alemu met President of the Republic of Mali Amadou Keita today.", "Amadou Keita",
     "President", "ML"),
    ("an office of a city's ruler is of the state",
     "The talks were attended by Sheikh Saeed bin Khalid Al Qasimi, Deputy Ruler of Sharjah and Chairman of the "
     "Executive Council, and other officials.", "Saeed bin Khalid Al Qasimi",
     "Deputy Ruler of Sharjah and Chairman of the Executive Council", "AE"),
    ("an envoy in the city where they serve",
     "The meeting was attended by the Bolivian ambassador in Havana, Luis Quiroga.", "Luis Quiroga",
     "ambassador in Havana", "BO"),
    ("counterparts in apposition, the state after the first name",
     "Foreign Minister Ana Lind hosted her counterparts from the Nordic group, Jens Holm of Denmark and Kari "
     "Dahl of Norway, in Stockholm.", "Jens Holm", "Foreign Minister", "DK"),
    ("counterparts in apposition, the state after the second name",
     "Foreign Minister Ana Lind hosted her counterparts from the Nordic group, Jens Holm of Denmark and Kari "
     "Dahl of Norway, in Stockholm.", "Kari Dahl", "Foreign Minister", "NO"),
    ("the office a person was appointed to",
     "PUTRAJAYA - Tan Sri Ahmad Zaki Hamid received messages of congratulations on his appointment as the tenth "
     "prime minister of Malaysia.", "Ahmad Zaki Hamid", "prime minister", "MY"),
    ("a spokesperson for a state's body",
     "The agreement is a milestone, Aylin Mammadova, spokesperson for Turkey's Foreign Ministry, said on "
     "Monday.", "Aylin Mammadova", "spokesperson for Foreign Ministry", "TR"),
]


@pytest.mark.parametrize("text, name, title, state", [row[1:] for row in TITLES_AND_STATES],
                         ids=[row[0] for row in TITLES_AND_STATES])
def test_the_title_and_the_state_found_for_a_name(text, name, title, state, registry):
    assert people(text, registry)[name] == (title, state)


def test_a_group_of_states_is_no_name(registry):
    found = people("Foreign Minister Ana Lind hosted her counterparts from the Nordic group, Jens Holm of "
                   "Denmark and Kari Dahl of Norway, in Stockholm.", registry)
    assert "Nordic" not in " ".join(found)


# -- datelines and parties ------------------------------------------------------------------------

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


def test_states_between_which_a_topic_lies_are_no_parties(registry):
    b = brief("CAIRO - President Omar Nabil received the Norwegian envoy Lars Dahl in Cairo to discuss the "
              "ceasefire between Ethiopia and Eritrea.\n\nThey also discussed trade.", registry)
    assert set(b.countries) == {"EG", "NO"}
    # (talks between two states name them as parties)
    b = brief("OSLO - Talks between Ethiopia and Eritrea opened in Oslo on Monday.", registry)
    assert {"ET", "ER"} <= set(b.countries)
