"""One official, many spellings: the archive joins variants and keeps different people apart."""
from collections import Counter

from generator.identity import canonical_names, name_tokens


def test_tokens_drop_particles_and_initials():
    assert name_tokens("Bashar al-Assad") == ("bashar", "assad")
    assert name_tokens("Petro O. Poroshenko") == ("petro", "poroshenko")
    assert name_tokens("Kim Jong-un") == ("kim", "jong", "un")


def test_variants_join_under_the_most_used_full_name():
    uses = Counter({("Lena Okafor", "NG"): 3, ("Lena A. Okafor", "NG"): 1, ("Okafor", "NG"): 2,
                    ("Omar al-Rashid", "JO"): 1, ("Omar Rashid", "JO"): 2,
                    ("Mohammed Morsi", "EG"): 2, ("Mohamed Mursi", "EG"): 1})
    names = canonical_names(uses)
    assert {names[k] for k in uses if "Okafor" in k[0]} == {"Lena Okafor"}
    assert {names[k] for k in uses if "Rashid" in k[0]} == {"Omar Rashid"}
    assert {names[k] for k in uses if k[1] == "EG"} == {"Mohammed Morsi"}


def test_a_country_slip_does_not_split_a_full_name():
    names = canonical_names(Counter({("Lena Okafor", "NG"): 3, ("Lena Okafor", "GH"): 1}))
    assert names[("Lena Okafor", "GH")] == "Lena Okafor"


def test_different_people_stay_apart():
    uses = Counter({("Kim Jong Un", "KP"): 2, ("Kim Jong Il", "KP"): 1, ("Kim Hyung-suk", "KR"): 1,
                    ("Kim", "KR"): 1, ("Salman", "SA"): 1, ("Mohammed bin Salman", "SA"): 1,
                    ("John Smith", "GB"): 1, ("Jane Smith", "GB"): 1})
    names = canonical_names(uses)
    assert names[("Kim Jong Un", "KP")] != names[("Kim Jong Il", "KP")]
    assert names[("John Smith", "GB")] != names[("Jane Smith", "GB")]
    # a bare "Kim" is not joined to a full name that does not end with it
    assert names[("Kim", "KR")] == "Kim"


def test_two_people_one_briefing_names_side_by_side_never_join():
    from generator.identity import side_by_side
    uses = Counter({("Salman", "SA"): 1, ("Mohammed bin Salman", "SA"): 2})
    together = side_by_side([[("Salman", "SA"), ("Mohammed bin Salman", "SA")]])
    assert canonical_names(uses, together)[("Salman", "SA")] == "Salman"
    assert canonical_names(uses)[("Salman", "SA")] == "Mohammed bin Salman"  # without the evidence
