"""Event type, place and composed headline on the language of agency copy and government
readouts (issue 11). Every article here is invented."""
import pytest

from generator.extract import extract
from generator.extract.events import event_type
from generator.sources import RawArticle


def brief(text, registry):
    return extract(RawArticle(path="t.txt", text=text, sha256="x"), registry)[0]


def kind(*paras):
    return event_type(None, list(paras))[0]


# ---- event type ------------------------------------------------------------------------------

def test_the_presentation_of_credentials_is_a_ceremony_of_its_own():
    assert kind("Three newly appointed heads of mission handed their letters of credence to the Governor-"
                "General of Tuvalu in a ceremony on Thursday.") == "other"
    assert kind("The King of Lesotho accepted the credentials of Ambassador Maria Lund of Denmark.") == "other"
    # credentials in another sense are no ceremony
    assert kind("President Lin Wei met the visiting minister and praised her democratic credentials.") == "meeting"


def test_a_courtesy_call_is_a_meeting_not_a_telephone_call():
    assert kind("Governor Tamar Levi paid a courtesy call on Prime Minister Ivo Rask and the two held "
                "talks on port fees.") == "meeting"


def test_a_strategic_dialogue_is_a_round_of_talks():
    assert kind("Fisheries quotas topped the agenda of the second Norway-Iceland Strategic Dialogue, which "
                "brought both foreign ministers to a meeting in Bergen.") == "talks"


def test_calling_an_office_holder_or_having_a_call_is_a_telephone_call():
    assert kind("Chancellor Petra Vogt called President Luc Martin on Sunday evening; a meeting of the "
                "two cabinets is planned.") == "phone_call"
    assert kind("Foreign Minister Ana Ruiz held a video call with her counterpart Ken Sato.") == "phone_call"
    assert kind("Premier Joan Ellis spoke with Governor Rui Sato about the storm damage on Saturday.",
                "Both officials had a brief call again on Sunday.") == "phone_call"
    assert kind("Premier Joan Ellis spoke with Governor Rui Sato about the storm damage on Saturday.") == "phone_call"
    # a conversation placed somewhere, or with reporters, is no call
    assert kind("The president spoke with reporters in Lima after the summit of Andean leaders.") == "summit"
    assert kind("President Ruiz spoke with visiting Minister Hale about fisheries.") != "phone_call"


def test_an_encounter_still_to_come_is_not_the_one_reported():
    assert kind("Before the planned negotiations on water rights begin, Minister Olga Berg and her "
                "neighbours' envoys met in Vaduz.") == "meeting"
    assert kind("Mayor Ines Roth met Governor Abel Kim on Friday. Roth invited the governor to make an "
                "official visit in the spring.") == "meeting"
    # an invitation to visit, then the meeting told further down
    assert kind("Tonga's king wants Prime Minister Sione Vea to visit Samoa soon.",
                "A state visit in 2027 would mark fifty years of ties, officials noted.",
                "The request was made at a meeting on the sidelines of a forum of island leaders.") == "meeting"


def test_a_visit_that_is_the_setting_or_the_purpose_of_a_meeting():
    assert kind("Trade envoy Lena Dahl sat down with the Maldivian president on Wednesday during an "
                "official visit of three days.") == "meeting"
    assert kind("Both governors travelled to Arica to hold a joint cabinet meeting on water sharing.") \
        == "meeting"
    # a visit that is reported as such stays one
    assert kind("President Lema is paying Peru a first state visit. He met President Rojas today.") == "visit"


def test_a_visit_told_through_what_the_visitor_said_is_a_visit():
    assert kind("Visiting Japanese Foreign Minister Ken Sato said in a statement on Monday that ties with "
                "Peru would deepen.") == "visit"
    # the visitor named, then an encounter: that encounter
    assert kind("Visiting Japanese Foreign Minister Ken Sato held talks with President Luis Perez.") == "talks"
    # no visitor: the statement
    assert kind("Foreign Minister Ken Sato said in a statement on Monday that ties would deepen.") == "statement"


def test_headline_verbs_consultations_departures_and_calls():
    assert kind("President Ana Ruiz receives Japanese Foreign Minister Ken Sato") == "meeting"
    assert kind("The foreign ministries of Peru and Chile held a round of political consultations in Lima.") \
        == "talks"
    assert kind("President Ana Ruiz left for Tokyo on Monday for a four-day visit to Japan.") == "visit"
    assert kind("President Ana Ruiz left for Brussels on Monday to attend the summit of NATO leaders.") == "summit"
    assert kind("In a call with his counterpart on Monday, Minister Ken Sato discussed trade.") == "phone_call"
    assert kind("The two states will cooperate, according to a joint press release.") == "statement"


def test_exchanging_views_is_meeting():
    assert kind("President Tan and Prime Minister Lim exchanged views on regional issues on Monday.") == "meeting"


def test_two_parties_summit_is_their_talks():
    assert kind("Herders' grazing rights were on the table at the Mali-Niger summit.",
                "For six hours the two heads of state held discussions behind closed doors.") == "talks"
    assert kind("The leaders of ten states opened the regional summit in Niamey.") == "summit"


def test_a_summit_of_two_leaders_is_their_meeting():
    assert kind("Prime Minister Aki Sato held a summit meeting with President Ana Ruiz in Tokyo.") == "meeting"
    assert kind("Prime Minister Aki Sato held a summit with his Chilean counterpart on Monday.") == "meeting"
    assert kind("The two leaders' summit in Tokyo focused on trade.") == "meeting"
    assert kind("On the sidelines of the G20 summit, the two leaders agreed to cut tariffs.") == "meeting"
    # the summit of many stays one
    assert kind("Leaders of the G20 opened their summit in Osaka.") == "summit"


def test_a_summit_to_come_is_not_the_event():
    assert kind("The two leaders reviewed preparations for the regional summit slated for January.",
                "They held talks for two hours.") == "talks"


def test_the_signing_of_an_agreement_is_a_ceremony_of_its_own():
    assert kind("The energy ministers of Estonia and Latvia signed a memorandum of understanding on power "
                "links in Riga on Friday.") == "other"
    # signed during a meeting reported first: the meeting
    assert kind("The two presidents met in Quito and signed eight cooperation agreements.") == "meeting"
    # an agreement someone demands be signed is not the event
    assert kind("Work on the canal goes on, the minister said in a statement, rejecting calls that the "
                "government first sign a treaty with its neighbours.") == "statement"
    # an agreement to come is not the event
    assert kind("The two sides agreed to sign a trade deal next year, the ministers said after talks "
                "in Riga.") == "talks"


def test_a_summit_that_only_dates_the_meeting_is_not_the_event():
    assert kind("Before the summit of Pacific leaders opened, Prime Minister Tui Maka met with President "
                "Anote Kiri.") == "meeting"
    assert kind("On the eve of the regional summit, the two foreign ministers held talks.") == "talks"


# ---- place of the event ----------------------------------------------------------------------

def place(text, registry):
    b = brief(text, registry)
    return (b.location.city, b.location.country) if b.location else None


def test_the_sentence_that_reports_the_event_places_it(registry):
    # filed from one capital, a second one named in passing, the meeting held in a third city
    text = (" date 2023-11-18 MANILA — Fiji and the Philippines agreed to open a joint shipping line, "
            "officials in Manila said on Saturday.\n\n"
            "Fiji keeps a consulate in Manila and wants an embassy there.\n\n"
            "The two foreign ministers, Sela Tora and Ramon Cruz, agreed on the line at a meeting in "
            "San Francisco on Friday.")
    assert place(text, registry) == ("San Francisco", "US")


def test_a_venue_named_further_down_places_a_meeting_the_lead_does_not(registry):
    text = (" date 2023-03-01 Cocoa prices dominated the agenda when Ghana's president hosted two envoys.\n\n"
            "Both diplomats are new to Ghana.\n\n"
            "One of them, Ana Rojas of Chile, arrived in Ghana in May.\n\n"
            "Their talks at the Jubilee House lasted an hour.")
    assert place(text, registry) == ("Accra", "GH")


def test_a_town_named_with_its_state(registry):
    text = (" date 2012-12-13 Customs chiefs of Brazil and Uruguay gathered on Tuesday in the small "
            "frontier town of Ipiranga (Brazil) for talks on smuggling.")
    assert place(text, registry) == ("Ipiranga", "BR")


def test_a_source_or_an_office_is_no_place(registry):
    text = (" date 2018-11-30 According to the White House, the trade deal is close.\n\n"
            "A White House spokesman said the two presidents had talks at the Casa Rosada over lunch.")
    assert place(text, registry) == ("Buenos Aires", "AR")


def test_talks_told_in_a_relative_clause_do_not_place_the_event(registry):
    text = (" date 2014-03-11 President Tom Baker hailed the visiting Colombian leader in the Oval Office on "
            "Tuesday.\n\nBaker met for an hour with President Luis Ortega, whose government has been holding "
            "peace talks in Havana since 2012.")
    assert place(text, registry) == ("Washington", "US")


def test_a_place_visited_or_toured_is_a_place(registry):
    text = (" date 2020-01-01 Japanese Prime Minister Ken Sato visited Hanoi on Monday and held talks with "
            "Vietnamese Prime Minister Tran Van Minh.")
    assert place(text, registry) == ("Hanoi", "VN")
    b = brief(" date 2020-01-01 Foreign Minister Ken Sato toured Kyiv on Monday with Foreign Minister Ivan "
              "Petrenko.", registry)
    assert (b.event_type, b.location.city) == ("visit", "Kyiv")


def test_an_encounter_told_in_a_quotation_does_not_place_the_event(registry):
    from generator.extract.events import _reported_there
    from generator.extract.people import Paragraph
    p = Paragraph.of('"This was a courtesy trip: we held long talks in Lisbon in May," the envoy said of the '
                     'visit. The two ministers then met in Madrid on Monday.')
    lisbon, madrid = p.words.index("Lisbon"), p.words.index("Madrid")
    assert not _reported_there(p, lisbon) and _reported_there(p, madrid)


def test_an_encounter_of_another_time_does_not_place_the_event(registry):
    text = (" date 2017-05-26 TAORMINA, Italy — The prime minister met with the president, with whom he "
            "played golf at Camp David earlier this year, before the summit of seven leaders opened.")
    assert place(text, registry) != ("Camp David", "US")


def test_a_seat_of_government_no_name_places_is_in_the_capital(registry):
    # the state from the sentence that names the seat
    text = (" date 2018-01-21 Syrian President Karim Haddad on Sunday received Iranian envoy Reza Amini at "
            "the Presidential Palace.\n\nThe two discussed the situation in the region.")
    assert place(text, registry) == ("Damascus", "SY")
    # the state the text places the event in
    text = (" date 2019-05-02 Foreign Minister Lena Varga arrived in Hungary for talks.\n\n"
            "She was received at the presidential palace by President Imre Kovacs.")
    assert place(text, registry) == ("Budapest", "HU")


def test_a_place_followed_by_a_person_set_off_by_a_comma(registry):
    text = (" date 2015-12-07 Yesterday in Vienna Karl Weber, the German envoy, and Austria's chancellor "
            "discussed rail links.")
    assert place(text, registry) == ("Vienna", "AT")
    # a longer name of an institution is no place of the event
    text = (" date 2015-12-07 The two ministers met on Monday, the foreign ministry said. The talks were first "
            "reported in the Washington Post, citing officials.")
    assert place(text, registry) != ("Washington", "US")


def test_a_city_s_airport_is_in_the_city(registry):
    text = (" date 2019-05-02 Prime Minister Lena Varga arrived at Beijing Capital International Airport on "
            "Monday for a three-day official visit to China.")
    assert place(text, registry) == ("Beijing", "CN")
    text = (" date 2019-05-02 Foreign Minister Lena Varga was welcomed at Kotoka International Airport by her "
            "Ghanaian counterpart on Monday at the start of an official visit.")
    assert place(text, registry) == ("Accra", "GH")


# ---- composed headline -----------------------------------------------------------------------

from generator.extract.events import ADDRESS, compose_headline  # noqa: E402
from generator.extract.lexicon import HONORIFICS  # noqa: E402
from generator.model import Location, Person  # noqa: E402
from generator.text import fold  # noqa: E402

HOST = Person(name="Ana Rojas", title="President", country="UY")
GUEST = Person(name="Park Min-ho", title="Foreign Minister", country="KR")
MONTEVIDEO = Location(city="Montevideo", country="UY")


def test_nobody_visits_a_place_of_their_own_state(registry):
    # the host is named first: the visitor is still the one who comes from elsewhere
    assert compose_headline((HOST, GUEST), "visit", MONTEVIDEO, registry, ()) == "Park Min-ho visits Montevideo, meets Ana Rojas"
    # no one comes from elsewhere: a meeting, not a visit
    other = Person(name="Pablo Soto", title="Foreign Minister", country="UY")
    title = compose_headline((HOST, other), "visit", MONTEVIDEO, registry, ())
    assert "visits" not in title and title == "Ana Rojas meets Pablo Soto in Montevideo"
    # two guests in a third state: they meet there
    other = Person(name="Ken Sato", title="Foreign Minister", country="JP")
    assert compose_headline((GUEST, other), "visit", MONTEVIDEO, registry, ()) == "Park Min-ho meets Ken Sato in Montevideo"
    # a visit the text places nowhere is a visit to the host's state
    assert compose_headline((GUEST, HOST), "visit", None, registry, ()) == "Park Min-ho visits Uruguay, meets Ana Rojas"


def test_a_composed_headline_holds_no_form_of_address_nor_a_fragment_of_an_office(registry):
    people = (Person(name="H.E. Sheikh Tamim bin Hamad", title="Amir", country="QA"),
              Person(name="Foreign Relations Karim Nouri", title="Head", country="IR"))
    title = compose_headline(people, "meeting", Location(city="Doha", country="QA"), registry, ())
    assert title == "Tamim bin Hamad meets Karim Nouri in Doha"
    # a "person" that is only a place is left out
    people = (Person(name="Omar Haddad", title="Prime Minister", country="LY"), Person(name="Tripoli", country="LY"))
    assert compose_headline(people, "meeting", Location(city="Tripoli", country="LY"), registry, ()) \
        == "Omar Haddad holds meeting in Tripoli"


ARTICLES = [
    " date 2021-03-02 Uruguayan President Ana Rojas received South Korean Foreign Minister Park Min-ho, who is "
    "on a state visit to Uruguay, in Montevideo on Monday.",
    " date 2021-03-02 MONTEVIDEO — President Ana Rojas of Uruguay met Foreign Minister Pablo Soto of Uruguay in "
    "Montevideo on Monday to prepare a visit.",
    " date 2021-03-02 H.E. Sheikh Hamad bin Khalid, Minister of Foreign Affairs of Qatar, received the Hon. "
    "Mary Okafor, Foreign Minister of Nigeria, in Doha on Monday.",
    " date 2021-03-02 Mr. Karl Weber, Germany's Foreign Minister, paid an official visit to Vienna, where he "
    "met Austrian Chancellor Eva Gruber.",
]


@pytest.mark.parametrize("text", ARTICLES)
def test_composed_headlines_make_sense(text, registry):
    b = brief(text, registry)
    words = b.title.replace(",", " ").split()
    assert not any(fold(w) in HONORIFICS or fold(w) in ADDRESS for w in words), b.title
    assert all(p.name.split()[-1] in b.title for p in b.officials[:1]), b.title
    if " visits " in b.title:
        visitor = b.title.split(" visits ")[0]
        person = next(p for p in b.officials if visitor in p.name or p.name in visitor)
        assert person.country != b.location.country, b.title
