"""Layers 3-5: officials by title, appositive and counterpart; short forms; countries; former."""
from generator.extract import extract
from generator.sources import RawArticle

from articles import APPOSITIVE, COUNTERPART, PHONE_CALL, SEED_LIKE


def officials(text, registry):
    b, _ = extract(RawArticle(path="t.txt", text=text, sha256="x"), registry)
    return {p.name: (p.title, p.country, p.former) for p in b.officials}, b


def test_title_before_name_with_nationality_word(registry):
    found, _ = officials(SEED_LIKE, registry)
    assert found["Ingrid Solberg"] == ("Foreign Minister", "NO", False)
    assert found["Grace Wanjiru"] == ("President", "KE", False)
    assert set(found) == {"Ingrid Solberg", "Peter Kamau", "Grace Wanjiru"}


def test_short_forms_resolve_and_are_linked(registry):
    _, b = officials(SEED_LIKE, registry)
    names = {(b.body[m.paragraph][m.start:m.end], m.name) for m in b.mentions}
    assert ("Solberg", "Ingrid Solberg") in names and ("Kamau", "Peter Kamau") in names
    assert {s.speaker for s in b.statements} == {"Ingrid Solberg", "Peter Kamau"}


def test_former_official_and_office_country(registry):
    found, _ = officials(PHONE_CALL, registry)
    assert found["Klaus Becker"] == ("Chancellor", "DE", False)
    assert found["Claire Dubois"] == ("President", "FR", False)
    assert found["Otto Lang"] == ("Foreign Minister", "DE", True)


def test_appositive_title_after_the_name_and_unmarked_offices(registry):
    found, _ = officials(APPOSITIVE, registry)
    assert found["Rahul Mehta"] == ("foreign minister", "IN", False)
    assert found["Jane Carter"] == ("Secretary of State", "US", False)
    assert found["Tom Ridley"] == ("Sen.", "US", False)
    assert "Mr. Mehta" not in found and "Mehta" not in found


def test_counterpart_takes_the_mirrored_office(registry):
    found, b = officials(COUNTERPART, registry)
    assert found["Haruto Sato"] == ("Foreign Minister", "JP", False)
    assert found["Park Min-jun"] == ("Foreign Minister", "KR", False)
    assert b.location is not None and b.location.city == "Seoul"


def test_a_leader_word_alone_is_not_an_official(registry):
    found, _ = officials(" date 2020-01-01 The leader of the delegation, Sam Hill, said the "
                         "president would travel soon.\n\nNo one else spoke.", registry)
    assert found == {}


def test_a_bare_president_in_a_kingdom_is_a_visitor(registry):
    text = (" date 2019-07-08 President Tom Ramos began a state visit to Denmark on Monday and was welcomed "
            "in Copenhagen by Queen Ingrid.\n\nRamos and the queen toured the harbour.")
    found, b = officials(text, registry)
    assert found["Tom Ramos"][1] == "US" and found["Ingrid"][1] == "DK"
    assert set(b.countries) == {"US", "DK"}


def test_a_state_possessive_before_a_full_name_presents_one_of_its_officials(registry):
    text = (" date 2021-04-12 Foreign ministers met in Vienna on Monday to discuss the grain corridor.\n\n"
            "The strongest warning came from Austria's Lena Hofer, who said talks could not wait.\n\n"
            "Norway's Central Bank and Poland's Marek were not mentioned in the final statement.")
    found, _ = officials(text, registry)
    assert found["Lena Hofer"] == (None, "AT", False)
    # an institution and a lone word are no personal names
    assert set(found) == {"Lena Hofer"}
