"""Checks on the hand-written data files the extractor relies on.

generator/data/countries.yaml: one entry per state/entity with a fixed schema.
generator/data/topics.yaml: diplomatic topics with the keywords that signal them.
generator/data/groups.yaml: groupings of states (G7 ...) with their member states.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "generator" / "data"

COUNTRY_KEYS = ["code", "name", "aliases", "demonyms", "capital", "cities", "regions", "venues", "metonyms"]
TOPIC_KEYS = ["name", "keywords"]
BANNED_KEYWORDS = {"relations", "cooperation", "talks", "meeting", "visit", "said"}

# The 193 member states of the United Nations, by ISO 3166-1 alpha-2 code.
UN_MEMBERS = frozenset("""
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI
CV KH CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER
EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT
JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM
MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA
KR RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH
SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW
""".split())
EXTRAS = frozenset({"VA", "PS", "TW", "HK", "MO", "XK", "EU"})
NON_ISO_CODES = frozenset({"EU", "XK"})

# Demonyms that really are shared by two states; the extractor disambiguates them.
SHARED_DEMONYMS = {"congolese": {"CD", "CG"}}
# Capitals that may appear under two entries.
SHARED_CAPITALS = {"brussels": {"BE", "EU"}}


def fold(text: str) -> str:
    """Case- and accent-insensitive form: 'Bogotá' and 'BOGOTA' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def load(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def countries():
    return load("countries.yaml")


@pytest.fixture(scope="module")
def by_code(countries):
    return {c["code"]: c for c in countries}


@pytest.fixture(scope="module")
def topics():
    return load("topics.yaml")


def owners(countries, fields):
    """folded string -> set of codes, over the given list fields (and 'name'/'capital' scalars)."""
    seen = defaultdict(set)
    for c in countries:
        for field in fields:
            values = c[field] if isinstance(c[field], list) else [c[field]]
            for v in values:
                seen[fold(v)].add(c["code"])
    return seen


# ---------------------------------------------------------------- countries: shape


def test_countries_file_is_utf8_yaml_list(countries):
    raw = (DATA / "countries.yaml").read_bytes()
    raw.decode("utf-8")  # raises if not UTF-8
    assert isinstance(countries, list) and len(countries) >= 200


def test_every_country_entry_has_exact_schema_in_order(countries):
    for c in countries:
        assert isinstance(c, dict), c
        assert list(c) == COUNTRY_KEYS, (c.get("code"), list(c))
        code = c["code"]
        for key in ("code", "name", "capital"):
            assert isinstance(c[key], str) and c[key].strip() == c[key] and c[key], (code, key, c[key])
        for key in ("aliases", "demonyms", "cities", "regions", "metonyms"):
            assert isinstance(c[key], list), (code, key)
            for v in c[key]:
                assert isinstance(v, str) and v and v.strip() == v, (code, key, v)
                assert "  " not in v, (code, key, v)
            lowered = [v.casefold() for v in c[key]]
            assert len(lowered) == len(set(lowered)), (code, key, "duplicate in list")
        assert isinstance(c["venues"], dict), code
        for k, v in c["venues"].items():
            assert isinstance(k, str) and k and k.strip() == k, (code, k)
            assert isinstance(v, str) and v and v.strip() == v, (code, k, v)


def test_codes_are_unique_two_upper_case_letters(countries):
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes)), sorted(x for x in codes if codes.count(x) > 1)
    for code in codes:
        assert re.fullmatch(r"[A-Z]{2}", code), code


def test_norway_code_survived_yaml(by_code):
    # An unquoted NO would load as the boolean False.
    assert by_code["NO"]["name"] == "Norway"


def test_all_un_members_and_extras_present(by_code):
    assert len(UN_MEMBERS) == 193
    missing = UN_MEMBERS - set(by_code)
    assert not missing, sorted(missing)
    assert EXTRAS <= set(by_code), sorted(EXTRAS - set(by_code))
    unexpected = set(by_code) - UN_MEMBERS - EXTRAS
    assert not unexpected, sorted(unexpected)


def test_names_are_unique_and_slug_distinct(countries):
    slugs = [re.sub(r"[^a-z0-9]+", "-", fold(c["name"])).strip("-") for c in countries]
    assert len(slugs) == len(set(slugs))


# ---------------------------------------------------------------- countries: content


def test_no_name_or_alias_denotes_two_countries(countries):
    seen = owners(countries, ["name", "aliases"])
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes, clashes


def test_demonyms_only_shared_where_allowed(countries):
    seen = owners(countries, ["demonyms"])
    for word, codes in seen.items():
        if len(codes) > 1:
            assert SHARED_DEMONYMS.get(word) == codes, (word, codes)
    for word, codes in SHARED_DEMONYMS.items():
        assert seen[word] == codes, word


def test_demonyms_do_not_name_another_country(countries):
    names = owners(countries, ["name", "aliases"])
    for c in countries:
        for d in c["demonyms"]:
            other = names.get(fold(d), set()) - {c["code"]}
            assert not other, (c["code"], d, other)


def test_no_city_listed_under_two_countries(countries):
    seen = owners(countries, ["cities"])
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes, clashes


def test_capitals_are_not_cities_of_another_country_nor_repeated(countries):
    cities = owners(countries, ["cities"])
    capitals = owners(countries, ["capital"])
    for c in countries:
        cap = fold(c["capital"])
        assert cap not in {fold(x) for x in c["cities"]}, (c["code"], "capital repeated in cities")
        assert not (cities.get(cap, set()) - {c["code"]}), (c["code"], c["capital"], cities[cap])
    for cap, codes in capitals.items():
        if len(codes) > 1:
            assert SHARED_CAPITALS.get(cap) == codes, (cap, codes)


def test_cities_are_not_country_names(countries):
    names = owners(countries, ["name", "aliases"])
    for c in countries:
        for place in c["cities"] + [c["capital"]]:
            other = names.get(fold(place), set()) - {c["code"]}
            assert not other, (c["code"], place, other)


def test_venues_point_at_the_capital_or_a_listed_city(countries):
    for c in countries:
        places = {fold(c["capital"])} | {fold(x) for x in c["cities"]}
        for venue, city in c["venues"].items():
            assert fold(city) in places, (c["code"], venue, city)
            if fold(venue) == fold(city):
                assert fold(venue) in {fold(x) for x in c["cities"]}, (c["code"], venue)


def test_venue_names_belong_to_one_country(countries):
    seen = defaultdict(set)
    for c in countries:
        for venue in c["venues"]:
            seen[venue.casefold()].add(c["code"])
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes, clashes


def test_metonyms_belong_to_one_country_and_name_no_other_place(countries):
    seen = owners(countries, ["metonyms"])
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes, clashes
    places = owners(countries, ["name", "aliases", "capital", "cities"])
    for c in countries:
        for m in c["metonyms"]:
            other = places.get(fold(m), set()) - {c["code"]}
            if SHARED_CAPITALS.get(fold(m), set()) >= other | {c["code"]}:
                continue  # "Brussels": Belgium's capital, the EU's metonym
            assert not other, (c["code"], m, other)


def test_most_entries_have_a_demonym_and_a_metonym(countries):
    no_demonym = [c["code"] for c in countries if not c["demonyms"]]
    no_metonym = [c["code"] for c in countries if not c["metonyms"]]
    assert no_demonym == []
    assert no_metonym == ["BE"]  # "Brussels" stands for the EU in news copy


@pytest.mark.parametrize("code,minimum", [
    ("US", 30), ("CN", 25), ("RU", 15), ("IN", 15), ("BR", 10), ("JP", 10), ("DE", 10),
    ("FR", 10), ("GB", 15), ("TR", 10), ("IR", 10), ("PK", 10), ("NG", 10), ("EG", 10),
    ("SA", 10), ("UA", 15), ("IT", 10), ("ES", 10), ("MX", 10), ("ID", 10),
])
def test_big_countries_have_many_cities(by_code, code, minimum):
    assert len(by_code[code]["cities"]) >= minimum, (code, len(by_code[code]["cities"]))


def test_non_microstates_list_some_cities(countries):
    tiny = {"VA", "EU"}
    for c in countries:
        if c["code"] not in tiny:
            assert len(c["cities"]) >= 3, c["code"]
    assert all(len(c["cities"]) <= 80 for c in countries)


@pytest.mark.parametrize("code,field,expected", [
    ("US", "aliases", ["United States of America", "U.S.", "US", "USA", "U.S.A.", "America"]),
    ("US", "demonyms", ["American", "U.S.", "US"]),
    ("US", "metonyms", ["Washington", "White House"]),
    ("GB", "aliases", ["UK", "U.K.", "Britain", "Great Britain"]),
    ("GB", "demonyms", ["British", "UK", "U.K."]),
    ("GB", "metonyms", ["Downing Street", "Whitehall"]),
    ("CN", "aliases", ["People's Republic of China", "PRC"]),
    ("CN", "metonyms", ["Beijing", "Zhongnanhai"]),
    ("RU", "aliases", ["Russian Federation"]),
    ("RU", "metonyms", ["Moscow", "Kremlin"]),
    ("KR", "aliases", ["Republic of Korea", "ROK"]),
    ("KR", "demonyms", ["South Korean"]),
    ("KP", "aliases", ["Democratic People's Republic of Korea", "DPRK"]),
    ("KP", "demonyms", ["North Korean"]),
    ("AE", "aliases", ["UAE"]),
    ("AE", "demonyms", ["Emirati"]),
    ("SA", "demonyms", ["Saudi", "Saudi Arabian"]),
    ("NL", "demonyms", ["Dutch"]),
    ("PH", "demonyms", ["Philippine", "Filipino"]),
    ("MM", "aliases", ["Burma"]),
    ("CI", "aliases", ["Côte d'Ivoire"]),
    ("CZ", "aliases", ["Czechia"]),
    ("TR", "aliases", ["Türkiye"]),
    ("SZ", "aliases", ["Swaziland"]),
    ("TW", "aliases", ["Republic of China", "Chinese Taipei"]),
    ("TW", "demonyms", ["Taiwanese"]),
    ("VA", "aliases", ["Holy See", "Vatican City"]),
    ("PS", "aliases", ["Palestinian territories", "State of Palestine"]),
    ("XK", "demonyms", ["Kosovar", "Kosovan"]),
    ("HK", "demonyms", ["Hong Kong"]),
    ("CD", "demonyms", ["Congolese"]),
    ("CG", "demonyms", ["Congolese"]),
    ("PS", "cities", ["Gaza City", "Hebron", "Nablus", "Bethlehem", "Jericho", "Khan Younis", "Rafah"]),
    ("NL", "cities", ["The Hague"]),
    ("CI", "cities", ["Abidjan"]),
])
def test_expected_values_present(by_code, code, field, expected):
    for value in expected:
        assert value in by_code[code][field], (code, field, value)


@pytest.mark.parametrize("code,name,capital", [
    ("JP", "Japan", "Tokyo"), ("KR", "South Korea", "Seoul"), ("RU", "Russia", "Moscow"),
    ("IR", "Iran", "Tehran"), ("SY", "Syria", "Damascus"), ("VN", "Vietnam", "Hanoi"),
    ("LA", "Laos", "Vientiane"), ("CZ", "Czech Republic", "Prague"), ("CI", "Ivory Coast", "Yamoussoukro"),
    ("MK", "North Macedonia", "Skopje"), ("MM", "Myanmar", "Naypyidaw"), ("TR", "Turkey", "Ankara"),
    ("PS", "Palestine", "Ramallah"), ("TW", "Taiwan", "Taipei"), ("VA", "Vatican", "Vatican City"),
    ("NL", "Netherlands", "Amsterdam"), ("BO", "Bolivia", "La Paz"), ("ZA", "South Africa", "Pretoria"),
    ("IL", "Israel", "Jerusalem"), ("BE", "Belgium", "Brussels"), ("EU", "European Union", "Brussels"),
    ("NO", "Norway", "Oslo"), ("CO", "Colombia", "Bogotá"), ("IS", "Iceland", "Reykjavík"),
])
def test_names_and_capitals(by_code, code, name, capital):
    assert by_code[code]["name"] == name
    assert by_code[code]["capital"] == capital


def test_european_union_entry(by_code):
    eu = by_code["EU"]
    assert set(eu["aliases"]) >= {"EU", "E.U."}
    assert set(eu["demonyms"]) >= {"EU", "E.U.", "European Union"}
    assert eu["cities"] == []
    assert eu["venues"].get("Berlaymont") == "Brussels"


def test_key_venues(by_code):
    expected = {
        "US": {"White House": "Washington", "Oval Office": "Washington", "Camp David": "Camp David",
               "Mar-a-Lago": "Palm Beach", "UN headquarters": "New York"},
        "RU": {"Kremlin": "Moscow"},
        "CN": {"Great Hall of the People": "Beijing", "Zhongnanhai": "Beijing",
               "Diaoyutai State Guesthouse": "Beijing"},
        "GB": {"Downing Street": "London"},
        "FR": {"Elysee Palace": "Paris", "Élysée Palace": "Paris", "Quai d'Orsay": "Paris"},
        "KR": {"Blue House": "Seoul", "Cheong Wa Dae": "Seoul"},
        "JP": {"Kantei": "Tokyo", "Akasaka Palace": "Tokyo"},
        "IN": {"Rashtrapati Bhavan": "New Delhi", "Hyderabad House": "New Delhi"},
        "IL": {"Knesset": "Jerusalem"},
        "PS": {"Mukataa": "Ramallah"},
        "SG": {"Istana": "Singapore"},
    }
    for code, venues in expected.items():
        for venue, city in venues.items():
            assert by_code[code]["venues"].get(venue) == city, (code, venue)


def test_accents_are_kept(by_code):
    assert "São Paulo" in by_code["BR"]["cities"]
    assert by_code["BR"]["capital"] == "Brasília"
    assert fold("São Paulo") == "sao paulo"


def test_ambiguous_words_are_not_aliases(countries):
    forbidden = {"holland", "chad", "jordan", "georgia", "turkey", "guinea"}
    for c in countries:
        for a in c["aliases"]:
            assert fold(a) not in forbidden, (c["code"], a)


# ---------------------------------------------------------------- topics


def test_topics_schema(topics):
    assert isinstance(topics, list)
    assert 45 <= len(topics) <= 70, len(topics)
    for t in topics:
        assert isinstance(t, dict) and list(t) == TOPIC_KEYS, t
        assert isinstance(t["name"], str) and t["name"].strip() == t["name"] and t["name"]
        assert t["name"][0].isupper() or t["name"][0].isdigit(), t["name"]
        assert isinstance(t["keywords"], list), t["name"]


def test_topic_names_unique(topics):
    names = [t["name"].casefold() for t in topics]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_topic_keywords_shape(topics):
    for t in topics:
        kws = t["keywords"]
        assert 4 <= len(kws) <= 15, (t["name"], len(kws))
        for k in kws:
            assert isinstance(k, str) and k, (t["name"], k)
            assert k == k.lower(), (t["name"], k)
            assert k == k.strip() and "  " not in k, (t["name"], k)
        assert len(kws) == len(set(kws)), (t["name"], "duplicate keyword")


def test_no_keyword_in_two_topics(topics):
    seen = defaultdict(list)
    for t in topics:
        for k in t["keywords"]:
            seen[k].append(t["name"])
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes, clashes


def test_no_generic_keywords(topics):
    for t in topics:
        bad = BANNED_KEYWORDS & set(t["keywords"])
        assert not bad, (t["name"], bad)


def test_keywords_are_not_country_names(topics, countries):
    names = owners(countries, ["name", "aliases"])
    for t in topics:
        for k in t["keywords"]:
            assert fold(k) not in names, (t["name"], k)


def test_core_topics_present(topics):
    names = {t["name"] for t in topics}
    for expected in ("Trade", "Climate change", "Human rights", "Nuclear weapons", "Terrorism", "Sanctions"):
        assert expected in names, expected
    keyword_topic = {k: t["name"] for t in topics for k in t["keywords"]}
    for kw, topic in {"tariffs": "Trade", "covid-19": None, "south china sea": None,
                      "belt and road": None, "asean": None, "nato": None, "g20": None,
                      "olympics": None, "ceasefire": None, "refugees": None}.items():
        assert kw in keyword_topic, kw
        if topic:
            assert keyword_topic[kw] == topic, (kw, keyword_topic[kw])


def test_regions_are_places_but_not_cities():
    countries = load("countries.yaml")
    owner = {}
    for c in countries:
        cities = {fold(x) for x in c["cities"]} | {fold(c["capital"])}
        for region in c["regions"]:
            assert fold(region) not in cities, (c["code"], region)
            assert owner.setdefault(fold(region), c["code"]) == c["code"], (region, "in two countries")


# ---------------------------------------------------------------- groups


def test_groups_name_known_states_only(by_code):
    groups = load("groups.yaml")
    names = [fold(n) for g in groups for n in g["names"]]
    assert len(names) == len(set(names)), "a name denotes two groups"
    for g in groups:
        assert list(g) == ["names", "members"], g
        assert len(g["members"]) == len(set(g["members"])), g["names"]
        assert set(g["members"]) <= set(by_code) - {"EU"}, g["names"]  # the EU is not a state


def test_titles_made_of_parts_are_keyed_as_the_whole_title_would_be():
    """registry._titles keys "Minister of Foreign Affairs" as the keys of its parts joined, not by
    tokenizing each of 60,000 titles: that must give what tokenizing every whole title would, for
    every part titles.yaml has (a part whose tokens change beside another would break it)."""
    from generator import registry
    raw = yaml.safe_load((DATA / "titles.yaml").read_text(encoding="utf-8"))
    whole = set(raw.get("standalone") or ())
    for domain in raw["domains"]:
        whole.update(f"{domain} {core}" for core in raw["cores"])
        whole.update(f"{core} of {domain}" for core in raw["of_cores"])
    for inst in raw["institutions"]:
        whole.update(f"{inst} {role}" for role in raw["roles"])
    expected = {registry._key(p): "strong" for p in whole}
    for mod in raw["modifiers"]:
        for p in whole:
            expected.setdefault(registry._key(f"{mod} {p}"), "strong")
    for weak in raw.get("weak") or ():
        expected.setdefault(registry._key(weak), "weak")
        for mod in raw["modifiers"]:
            expected.setdefault(registry._key(f"{mod} {weak}"), "weak")
    titles, _, _ = registry._titles(raw)
    assert dict(titles.items()) == expected
    assert len(expected) > 50_000
    assert all(titles.get(key) == value for key, value in expected.items())  # look-ups, not only the walk
    assert titles.words() == {w for key in expected for w in key}
    assert titles.firsts == {key[0] for key in expected}
    ends, stack = {}, [((), titles.rtrie)]  # the reversed trie holds the same keys, read from the end
    while stack:
        path, node = stack.pop()
        for token, child in node.items():
            if token is None:
                ends[tuple(reversed(path))] = child
            else:
                stack.append((path + (token,), child))
    assert ends == expected
    assert titles.longest == max(map(len, expected))
