"""Event type and place from the sentence that reports the event: patterns of the genre (verbs of
meeting, receiving, calling and visiting; the in/at phrase after them; seats of government;
datelines), each on a short article of our own."""
import pytest

from generator.errors import ConfigError
from generator.extract import extract, venues
from generator.extract.events import compose_headline
from generator.extract.types import Paragraph
from generator.model import Location, Person
from generator.sources import RawArticle


def brief(text, registry):
    return extract(RawArticle(path="t.txt", text=" date 2022-05-02 " + text, sha256="x"), registry)[0]


CASES = [
    # (article, event type, city)
    ("Kenyan Foreign Minister Amos Wekesa, on a three-day official visit to Ghana, said on Monday that the two "
     "countries would open direct flights.\n\nWekesa said trade between Kenya and Ghana had doubled.", "visit", None),
    ("Visiting Chilean Foreign Minister Ana Rojas said on Tuesday that Chile wants closer ties with Egypt.\n\n"
     "Rojas spoke after laying a wreath in Cairo.", "visit", "Cairo"),
    ("At the G20 summit in Osaka, French President Luc Marchand met Indian Prime Minister Arjun Mehta on Friday."
     "\n\nThey discussed climate finance.", "meeting", "Osaka"),
    ("On the sidelines of the ASEAN summit in Jakarta, Thai Prime Minister Somchai Rattana held a bilateral "
     "meeting with Malaysian Prime Minister Azman Yusof.\n\nThe two leaders discussed border trade.", "meeting",
     "Jakarta"),
    ("Brazilian President Marta Souza took a call from Argentine President Diego Ruiz on Monday to discuss the "
     "trade bloc.\n\nThe two agreed to meet soon.", "phone_call", None),
    ("Canadian Prime Minister Paul Girard received a phone call from Japanese Prime Minister Kenji Sato on "
     "Monday.\n\nThe leaders discussed trade.", "phone_call", None),
    ("Greek Foreign Minister Nikos Pappas told a news conference in Hanoi on Tuesday that Greece would open an "
     "embassy in Vietnam.\n\nPappas said the decision followed talks with his Vietnamese counterpart.",
     "press_conference", "Hanoi"),
    ("India and Norway agreed on Tuesday to widen their trade negotiations, Indian Foreign Minister Ravi Kumar and "
     "Norwegian Foreign Minister Ola Berg told a joint press conference in Oslo.\n\nKumar said the talks had been "
     "useful.", "press_conference", "Oslo"),
    ("US Secretary of State Mark Hollis met Palestinian President Omar Khalil in Washington on Monday to discuss "
     "the situation in Gaza.\n\nHollis said aid to Gaza would rise.", "meeting", "Washington"),
    ("Egyptian President Karim Nassar met Jordanian King Faisal Hamdan at the White House on Monday.\n\n"
     "The two discussed the situation in Gaza.", "meeting", "Washington"),
    ("Vietnamese President Tran Van Long received visiting Laotian Foreign Minister Bounmy Sisoulath at the "
     "Presidential Palace on Tuesday.\n\nThe two sides discussed cooperation.", "meeting", "Hanoi"),
    ("Ghanaian Foreign Minister Ama Owusu paid a courtesy call on Kenyan President David Otieno at State House "
     "on Tuesday.\n\nThey discussed trade.", "meeting", "Nairobi"),
    ("Spanish Foreign Minister Elena Ruiz was received at the Royal Palace by Moroccan Foreign Minister Youssef "
     "Amrani on Monday.\n\nThey discussed migration.", "meeting", "Rabat"),
    # a ministry is no seat that places an encounter (the labelled corpora leave it without a city)
    ("Spanish Foreign Minister Elena Ruiz was received at the Ministry of Defence by Moroccan Foreign Minister "
     "Youssef Amrani on Monday.\n\nThey discussed migration.", "meeting", None),
    ("Chilean President Ana Rojas met Argentine President Diego Ruiz in Puerto Natales, Chile, on Monday.\n\n"
     "They discussed the border.", "meeting", "Puerto Natales"),
    ("Kenyan Foreign Minister Amos Wekesa called on Tanzanian President Halima Said at State House in Dodoma on "
     "Tuesday.\n\nThey discussed the border.", "meeting", "Dodoma"),
    ("Finnish President Mikko Laine welcomed Estonian Prime Minister Kadri Tamm to the Presidential Palace on "
     "Tuesday.\n\nThe two discussed energy.", "meeting", "Helsinki"),
    ("Vietnamese Deputy Prime Minister Le Van Thanh had a working session with Cambodian Deputy Prime Minister "
     "Sok Chenda in Phnom Penh on Monday.\n\nThey discussed trade.", "meeting", "Phnom Penh"),
    ("Brazilian President Marta Souza hosted Argentine President Diego Ruiz for talks in Brasília on Monday.\n\n"
     "They discussed the trade bloc.", "talks", "Brasília"),
    ("On May 2, Chinese Foreign Minister Zhou Ming held talks with Cuban Foreign Minister Raul Diaz, who is on an "
     "official visit to China, in Beijing.\n\nZhou said the two countries are good friends.", "talks", "Beijing"),
    ("Vietnamese President Tran Van Long held talks with Cuban President Raul Diaz in Hanoi on Monday within the "
     "framework of the latter's state visit to Vietnam.\n\nThe two leaders discussed trade.", "talks", "Hanoi"),
    ("Kazakh President Nurlan Abenov, who is paying a state visit to Uzbekistan, met Uzbek Prime Minister Akmal "
     "Rustamov in Tashkent on Tuesday.\n\nThey discussed water.", "meeting", "Tashkent"),
    ("Cuban President Raul Diaz arrived in Hanoi on Monday for a state visit at the invitation of Vietnamese "
     "President Tran Van Long.\n\nDiaz was welcomed at the airport.", "visit", "Hanoi"),
    ("Turkish President Emre Kaya said on Friday in Istanbul that he would visit Russia next month.\n\n"
     "Kaya said he would meet Russian President Ivan Petrov in Sochi.", "other", "Istanbul"),
    ("West African leaders meeting in Abuja on Friday agreed to set up a joint fund.\n\nNigerian President Bola "
     "Adeyemi hosted the one-day summit of the regional bloc.", "summit", "Abuja"),
    ("Indian External Affairs Minister Ravi Kumar on Monday said India and Japan would expand defence ties, after "
     "talks with his Japanese counterpart Kenji Sato in New Delhi.\n\nKumar said the two sides agreed on a new "
     "framework.", "talks", "New Delhi"),
    ("Dec 3, 2021 (LIMA) - Peruvian President Rosa Quispe received Bolivian Foreign Minister Juan Mamani on "
     "Monday.\n\nThey discussed the lake.", "meeting", "Lima"),
    ("Russian President Ivan Petrov met Turkish President Emre Kaya in the Black Sea resort of Sochi on Friday.\n\n"
     "They discussed grain.", "meeting", "Sochi"),
    ("Barbadian Prime Minister Ann Clarke said Canadian Prime Minister Paul Girard would be unable to attend the "
     "annual conference of heads of government, after he phoned her on Monday.\n\nGirard sent his regrets.",
     "phone_call", None),
    ("Chinese Premier Li Wen met Pakistani Prime Minister Imran Qadir in Beijing on Monday. The meeting came "
     "during Qadir's official visit to China.\n\nLi said China values the partnership.", "meeting", "Beijing"),
    ("On an official visit to Kenya, Ghanaian President Kofi Mensah met Kenyan President David Otieno in Nairobi "
     "on Monday.\n\nThey discussed trade.", "meeting", "Nairobi"),
    ("Argentine President Diego Ruiz is in Brazil for a first state visit. He met Brazilian President Marta "
     "Souza in Brasília on Monday.\n\nThey signed agreements.", "visit", "Brasília"),
    ("Prime Minister Paul Girard spoke with President Oleh Marchenko of Ukraine today about the war in Ukraine."
     "\n\nThe leaders discussed support for Ukraine.", "phone_call", None),
    ("Today, the Prime Minister, Paul Girard, spoke with the Prime Minister of Jamaica, Andrew Holness, to discuss "
     "the situation in Haiti.\n\nThe leaders agreed to stay in touch.", "phone_call", None),
    ("President John Cole spoke today with Prime Minister Kenji Sato of Japan. The two leaders discussed the "
     "upcoming summit in Tokyo.\n\nThey reaffirmed the alliance.", "phone_call", None),
    ("Indian Prime Minister Ravi Kumar dialled Sri Lankan President Nimal Perera on Monday.\n\nThey discussed "
     "fisheries.", "phone_call", None),
    ("French President Luc Marchand spoke with Italian Prime Minister Marco Conti in Rome on Monday.\n\nThey "
     "discussed migration.", "meeting", "Rome"),
    ("Ghanaian President Kofi Mensah accepted the letters of credence of the ambassadors of Chile, Peru and Japan "
     "at the Jubilee House on Tuesday.\n\nMensah welcomed the envoys.", "other", "Accra"),
    ("The Prime Minister of Canada, Paul Girard, issued the following statement on the elections in Mexico:\n\n"
     "\"Canada congratulates the people of Mexico.\"", "statement", None),
    ("Chinese Foreign Minister Zhou Ming held talks with Cuban Foreign Minister Raul Diaz, who is visiting China, "
     "in Beijing on Monday.\n\nThey discussed trade.", "talks", "Beijing"),
    ("Cuban Foreign Minister Raul Diaz, who is visiting China, said on Monday that Cuba values its ties with "
     "Beijing.\n\nDiaz spoke to reporters.", "visit", None),
    ("Vietnamese Prime Minister Nguyen Van Hai received Laotian Foreign Minister Bounmy Sisoulath in the capital "
     "on Tuesday.\n\nHai said the two countries were close.", "meeting", "Hanoi"),
    ("The foreign and defence ministers of Japan and Australia held their 2+2 ministerial consultations in Tokyo "
     "on Monday.\n\nThey agreed to deepen defence ties.", "talks", "Tokyo"),
    ("Kathmandu: Nepali Prime Minister Hari Thapa received Bhutanese Prime Minister Tshering Dorji on Monday.\n\n"
     "They discussed hydropower.", "meeting", "Kathmandu"),
    # "in conjunction with his state visit": the visit is the setting of the talks reported
    ("Peruvian President Rosa Quispe held talks with Bolivian President Evo Mamani in La Paz on Monday in "
     "conjunction with her two-day state visit to Bolivia.\n\nThey discussed the lake.", "talks", "La Paz"),
    # "his visiting counterpart" names the guest; what they did is the event (signing a declaration)
    ("Czech President Jan Novak and his visiting Austrian counterpart Karl Huber signed a declaration on "
     "cross-border cooperation.\n\nThe two presidents praised the ties.", "other", None),
    # an event to be held later somewhere else does not place this one
    ("Chilean President Ana Rojas met the Canadian trade envoy Paul Girard, who invited Chile to a mining fair to "
     "be held next spring in Toronto.\n\nRojas accepted.", "meeting", None),
    # "on his return from Bhutan": the visit was there
    ("Kathmandu: Nepali Prime Minister Hari Thapa praised the ties with Bhutan on his return from the Kingdom of Bhutan "
     "on Sunday.\n\nThapa said his visit had strengthened trust.", "visit", None),
    # "the Quebec City meeting": a city that names the encounter
    ("Canadian Foreign Minister Paul Girard said he and his Mexican counterpart discussed trade at their meeting "
     "on Friday.\n\nThe Quebec City meeting prepares a summit of the three leaders.", "meeting", "Quebec City"),
    # a seat followed by its city: that city, not the capital
    ("Ugandan President Joseph Okello received Kenyan President Daniel Mwangi at State House, Entebbe, on "
     "Saturday.\n\nThe two leaders discussed the oil pipeline.", "meeting", "Entebbe"),
    # "met for their 2+2 consultations": the purpose names the event
    ("The foreign and defence ministers of Norway and Sweden met for their 2+2 consultations in Bergen on "
     "Friday.\n\nThey agreed on Arctic security.", "talks", "Bergen"),
    # two leaders' summit is their meeting; a summit of a bloc or of leaders stays a summit
    ("Indian Prime Minister Raj Mehta and Australian Prime Minister Scott Moss held a virtual summit on "
     "Thursday.\n\nThey signed a strategic partnership.", "meeting", None),
    ("Pacific leaders opened their annual summit in Suva on Tuesday.\n\nThe leaders discussed fisheries.",
     "summit", "Suva"),
    # a visit reported through what the visitor said
    ("Visiting Cambodian Prime Minister Hun Vanna said on Tuesday that Cambodia wants more trade with New "
     "Zealand.\n\nHun Vanna made the remarks after meeting Prime Minister John Kerr in Wellington.", "visit",
     "Wellington"),
    # a minister's visit whose reception by the head of state is reported: the reception is the event
    ("On May 1 the Foreign Minister of Latvia, Ilze Berzina, paid a one-day visit to Vilnius.\n\nThe same day "
     "Berzina was received by the President of Lithuania, Jonas Petraitis.", "meeting", "Vilnius"),
    # "welcomed X to Dili": a reception in the city named; "welcomed the release of a student held in
    # Tehran" is no encounter
    ("SUVA, May 2 - Fijian Prime Minister Sitiveni Rabuka welcomed Tongan Foreign Minister Fekitamoeloa Utoikamanu "
     "to Suva on Tuesday.\n\nThe two discussed fisheries.", "meeting", "Suva"),
    ("Canadian Foreign Minister Paul Girard welcomed the release of a Canadian engineer held in Tehran.\n\n"
     "Girard said in a statement that he was relieved.", "statement", None),
    # "met for a trilateral summit": the purpose names the event; "at 10 Downing Street"
    ("The leaders of Japan, South Korea and Canada met at Camp David on Friday for a trilateral summit.\n\n"
     "They agreed to meet every year.", "summit", "Camp David"),
    ("British Prime Minister Tom Blake met Jamaican Prime Minister Percy Grant at 10 Downing Street on "
     "Tuesday.\n\nThey discussed debt relief.", "meeting", "London"),
    # the host receives; the state named after the verb is the guest's, the dateline the host's
    ("DILI, May 2 - The President of the Republic, His Excellency Mr. Jose Ramos, received at the Presidential "
     "Palace the Minister of Foreign Affairs of Portugal, Joao Cravo.\n\nThe two discussed cooperation.",
     "meeting", "Dili"),
    # a venue's name that another state's venue shares is the filing state's own when the text names
    # nothing else of that state; "visiting New Zealand Prime Minister" names the guest's state
    ("PHNOM PENH, May 2 (Xinhua) -- Cambodian Prime Minister Hun Vanna on Monday met with visiting New Zealand "
     "Prime Minister John Kerr at the Peace Palace.\n\nThe two leaders agreed to boost trade.", "meeting",
     "Phnom Penh"),
    # ... but a venue of a state the text names stays that state's
    ("WASHINGTON — Canadian envoy Paul Girard met Russian President Ivan Orlov at the Kremlin on Thursday.\n\n"
     "They discussed the Arctic.", "meeting", "Moscow"),
    # a seat followed by "in" a town the registry does not know stands in that town
    ("Polish President Adam Kwas met his Ukrainian counterpart Viktor Yusko on Saturday, in a meeting that took "
     "place at the presidential residence in Wisla.\n\nThey discussed energy.", "meeting", "Wisla"),
    # a palace a leader receives in stands in the host's capital
    ("Belarusian President Alexander Lukas met with Chinese Foreign Minister Wang Li at the Palace of "
     "Independence on Tuesday.\n\nLukas said Belarus values its ties with China.", "meeting", "Minsk"),
    # two leaders' summit, where they also signed agreements, is their meeting
    ("Indian Prime Minister Raj Mehta and his Australian counterpart Scott Moss held a virtual summit on Thursday, "
     "elevating ties to a strategic partnership.\n\nThe two leaders also signed agreements on defence logistics.",
     "meeting", None),
    ("The Prime Minister of India and the Prime Minister of Australia held the first India-Australia Virtual "
     "Summit on Thursday.\n\nThe two leaders signed a strategic partnership.", "meeting", None),
    # people somewhere are talked about: "civilians in Gaza" does not place the meeting
    ("TEL AVIV, Israel (AP) — Canadian Foreign Minister Paul Girard pressed Israeli Prime Minister Dan Levi on "
     "Friday to do more to protect civilians in Gaza.\n\nGirard spoke to reporters after the meeting.", "meeting",
     "Tel Aviv"),
    # a tete-a-tete is a meeting; delegation-level talks are talks
    ("President Kofi Mensah held a tete-a-tete with his Togolese counterpart Faure Gbedo at Jubilee House "
     "on Monday.\n\nThe two leaders discussed security.", "meeting", "Accra"),
    ("Ghanaian and Togolese officials concluded two days of delegation-level talks.\n\nThey discussed the "
     "border.", "talks", None),
    # a signed communique is a joint statement; a label in capitals opening the text names its kind, and
    # the closing formula ("Done at ...") where it was signed
    ("The Government of Tonga and the Government of Chile signed a communique establishing diplomatic relations "
     "in New York on Tuesday.\n\nThe two ministers praised the step.", "joint_statement", "New York"),
    ("JOINT COMMUNIQUE\n\nThe Government of Tonga and the Government of Chile, desiring to promote friendly "
     "relations, have decided to establish diplomatic relations.\n\nDone at New York on 2 May in two originals.",
     "joint_statement", "New York"),
    # "heads of mission at Rideau Hall" are envoys at a ceremony, not staff who reside there
    ("Governor General Mary Simmons received six new heads of mission at Rideau Hall on Tuesday.\n\nThe "
     "ambassadors presented their credentials.", "other", "Ottawa"),
    # a visit that a statement is about is no visit reported
    ("Jordan condemns minister's visit to holy site\n\nJordan's foreign ministry on Tuesday condemned the visit of "
     "a Norland minister to the compound as a provocation, a spokesman said.\n\nThe ministry called on the "
     "international community to act.", "statement", None),
    # a videoconference is a call (placed nowhere), but a joint statement issued after one is the statement
    ("Chilean President Ana Rojas and Peruvian President Diego Ruiz held a video conference on Monday.\n\nThey "
     "discussed the border.", "phone_call", None),
    ("The foreign ministers of Chile and Peru issued a joint statement after a videoconference on Monday.\n\n"
     "They discussed the border.", "joint_statement", None),
    # talks told in the passive, or named by their two sides
    ("On May 2, negotiations in a narrow format took place between the President of Tajikistan Emomali Rahimov "
     "and the President of Uzbekistan Shavkat Mirzoev in Dushanbe.\n\nThey continued in an expanded format.",
     "talks", "Dushanbe"),
    ("Russian-Kyrgyz talks were held in the Kremlin on Tuesday.\n\nThe presidents reviewed energy projects.",
     "talks", "Moscow"),
    # a meeting of heads of government is a summit, whatever its word; its sidelines are a setting
    ("Montego Bay, Jamaica - The 40th Regular Meeting of the Conference of Heads of Government of the "
     "Caribbean Community opened on Wednesday.\n\nThe chairman said the region must unite.", "summit",
     "Montego Bay"),
    ("The two presidents met on the sidelines of the meeting of the Council of Heads of State of the SCO in "
     "Astana.\n\nThey discussed trade.", "meeting", "Astana"),
    # "who arrived in Dushanbe": a visit told in a relative clause is the setting of the talks reported
    ("Uzbek President Shavkat Mirzoev, who arrived in Dushanbe on Wednesday, held talks with Tajik President "
     "Emomali Rahimov on Thursday.\n\nThey signed agreements.", "talks", "Dushanbe"),
    # two parties who discussed something somewhere met, when the lead names no other encounter
    ("Iranian Foreign Minister Javad Zarin and his Chilean counterpart Ana Rojas discussed refugees and trade in "
     "Tehran on Saturday.\n\nZarin said the two countries could cooperate.", "meeting", "Tehran"),
    # a head of government's visit stays a visit
    ("Latvian Prime Minister Ilze Berzina paid a one-day visit to Vilnius on May 1.\n\nThe same day Berzina "
     "was received by the President of Lithuania, Jonas Petraitis.", "visit", "Vilnius"),
]


@pytest.mark.parametrize("text,kind,city", CASES, ids=[f"{k}-{c}-{i}" for i, (_, k, c) in enumerate(CASES)])
def test_event_and_place_from_the_reporting_sentence(text, kind, city, registry):
    b = brief(text, registry)
    assert (b.event_type, b.location.city if b.location else None) == (kind, city)


def test_a_joint_communique_that_was_not_issued_is_not_the_event(registry):
    b = brief("European and Chinese leaders left the Brussels summit on Tuesday without a joint communique.\n\n"
              "The summit ended late.", registry)
    assert b.event_type == "summit"


def test_talks_agreed_for_later_are_not_the_event(registry):
    b = brief("Chinese Foreign Minister Zhou Ming met Japanese Foreign Minister Taro Ueda in Beijing on Tuesday and "
              "agreed to resume talks on fisheries.\n\nThey spoke for three hours.", registry)
    assert b.event_type == "meeting"


def test_an_inline_dateline_needs_a_known_place(registry):
    assert venues.inline_dateline(Paragraph.of("Damascus, AGENCY – The president received ..."), registry) \
        == ("Damascus", "SY")
    assert venues.inline_dateline(Paragraph.of("Dec 19, 2005 (ABUJA) — The two presidents ..."), registry) \
        == ("Abuja", "NG")
    # an opening name that is no place, or a place not followed by a dateline's mark, is no dateline
    assert venues.inline_dateline(Paragraph.of("Nassar: the talks went well"), registry) is None
    assert venues.inline_dateline(Paragraph.of("Paris is where the talks began."), registry) is None


def test_a_seat_belongs_to_the_host(registry):
    p = Paragraph.of("Syrian President Adel Haddad received Iranian Foreign Minister Reza Ahmadi at the "
                     "Presidential Palace on Sunday.")
    assert venues.seat_place([p], registry, None, None) == ("Damascus", "SY")
    p = Paragraph.of("Iranian Foreign Minister Reza Ahmadi was received at the Presidential Palace by Syrian "
                     "President Adel Haddad.")
    assert venues.seat_place([p], registry, None, None) == ("Damascus", "SY")
    # the state an envoy comes from is the guest's
    p = Paragraph.of("The President received the credentials of the Ambassador of Chile at the Presidential "
                     "Palace.")
    assert venues.seat_place([p], registry, None, None) is None
    p = Paragraph.of("The President received the credentials of the Ambassador of Chile to Peru at the "
                     "Presidential Palace.")
    assert venues.seat_place([p], registry, None, None) == ("Lima", "PE")
    p = Paragraph.of("The talks took place at the Government Palace of Peru.")
    assert venues.seat_place([p], registry, None, None) == ("Lima", "PE")
    # the state the text places the event in decides when known; no seat, no place
    assert venues.seat_place([p], registry, "CL", None) == ("Santiago", "CL")
    assert venues.seat_place([Paragraph.of("They met on Sunday.")], registry, None, None) is None


def test_the_venues_file_is_checked(tmp_path, monkeypatch):
    bad = tmp_path / "venues.yaml"
    bad.write_text("seats: [presidential palace, 3]\n", encoding="utf-8")
    monkeypatch.setattr(venues, "FILE", bad)
    with pytest.raises(ConfigError, match="seats"):
        venues._read("seats")
    bad.write_text("seats: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot be read"):
        venues._read("seats")


def person(name, country):
    return Person(name=name, country=country, title="President", confidence=0.9)


def test_titles_keep_a_surname_that_looks_like_an_honorific(registry):
    people = (person("Tran Van Long", "VN"), person("He Wei", "CN"))
    title = compose_headline(people, "meeting", Location(city="Hanoi", country="VN"), registry, ())
    assert title == "Tran Van Long meets He Wei in Hanoi"
    people = (person("H.E. Tran Van Long", "VN"), person("HE He Wei", "CN"))
    assert compose_headline(people, "meeting", Location(city="Hanoi", country="VN"), registry, ()) == title


def test_a_summit_title_has_both_at_it_and_nobody_visits_their_own_capital(registry):
    people = (person("Nurlan Abenov", "KZ"), person("Akmal Karimov", "UZ"))
    title = compose_headline(people, "summit", Location(city="Astana", country="KZ"), registry, ())
    assert title == "Nurlan Abenov and Akmal Karimov at summit in Astana"
    title = compose_headline(people, "visit", Location(city="Astana", country="KZ"), registry, ())
    assert title == "Akmal Karimov visits Astana, meets Nurlan Abenov"


@pytest.mark.parametrize("text", [
    "Egyptian Foreign Minister Sameh Adel met US Secretary of State Mark Hollis on Monday.\n\n"
    "The two discussed the situation in Gaza and the war in Sudan.",
    "Jordanian King Faisal Hamdan met French President Luc Marchand on Tuesday, days after an attack in Amman."
    "\n\nThey discussed security in the region.",
    "Indian Prime Minister Ravi Kumar met Japanese Prime Minister Kenji Sato on Monday, a week after both "
    "attended the G20 summit in Rome.\n\nThe two discussed the Quad.",
])
def test_a_place_only_talked_about_is_not_the_venue(text, registry):
    b = brief(text, registry)
    assert b.event_type == "meeting" and (b.location.city if b.location else None) is None


def test_a_place_talked_about_does_not_outvote_the_dateline(registry):
    b = brief("WASHINGTON - Egyptian Foreign Minister Sameh Adel met US Secretary of State Mark Hollis on Monday."
              "\n\nThe two discussed the situation in Gaza and the war in Sudan.", registry)
    assert (b.location.city, b.location.country) == ("Washington", "US")


def test_a_statement_is_its_authors_and_other_events_have_no_verb(registry):
    people = (person("Ana Rojas", "CL"), person("Pedro Lima", "CL"))
    assert compose_headline(people, "statement", None, registry, ("Trade",)) == "Ana Rojas issues statement on trade"
    alone = (person("Ana Rojas", "CL"),)
    title = compose_headline(alone, "other", Location(city="Santiago", country="CL"), registry, ())
    assert title == "Ana Rojas in Santiago"


def test_a_surname_in_capitals_is_shown_as_a_name(registry):
    people = (person("SATO Kenji", "JP"), person("Ana Rojas", "CL"))
    assert compose_headline(people, "phone_call", None, registry, ()) == "Sato Kenji speaks by phone with Ana Rojas"


def test_the_state_an_envoy_is_sent_to_is_no_place(registry):
    b = brief("US Secretary of State Mark Hollis met the new US Ambassador to Vietnam, Jane Moss, on Monday.\n\n"
              "They discussed trade.", registry)
    assert b.location is None or b.location.country != "VN"
