"""Officials' roles (took part, or only mentioned), what the pages make of them, and the body's
links to officials. Every article here is invented for the test."""
import dataclasses
import json

import pytest

from generator.cli import briefing_record
from generator.errors import SourceError
from generator.extract import extract
from generator.model import DataError, briefing_from_meta, meta_data
from generator.registry import load_registry
from generator.render import body_html
from generator.site import build_site
from generator.sources import RawArticle

VISIT = (" date 2021-06-14 Foreign Minister Anna Lindqvist of Sweden met Chilean Foreign Minister Tomás "
         "Herrera Pinto in Santiago on Monday.\n\n"
         "Lindqvist conveyed to Herrera the greetings of Swedish Prime Minister Olof Berglund and the "
         "invitation of King Gustaf to visit Stockholm.\n\n"
         "The meeting was attended by Chilean Deputy Foreign Minister Rosa Quispe Mamani.\n\n"
         "According to Chilean Interior Minister Pablo Soto Reyes, the two discussed trade.\n\n"
         "Lindqvist is scheduled to meet Chilean President Mateo Andrade Ruiz on Tuesday.")


def brief(text, registry, path="t.txt"):
    return extract(RawArticle(path=path, text=text, sha256="x"), registry)[0]


def roles(b):
    return {p.name: p.role for p in b.officials}


def test_the_sides_and_attendees_take_part_and_the_rest_are_mentioned(registry):
    got = roles(brief(VISIT, registry))
    assert got["Anna Lindqvist"] == got["Tomás Herrera Pinto"] == "participant"
    assert got["Rosa Quispe Mamani"] == "participant"          # "attended by"
    assert got["Olof Berglund"] == "mentioned"                 # "the greetings of"
    assert got["Pablo Soto Reyes"] == "mentioned"              # "according to"
    assert got["Mateo Andrade Ruiz"] == "mentioned"            # "is scheduled to meet"


def test_a_side_listed_after_taking_part_took_part(registry):
    text = (" date 2019-05-06 President Lena Dahl of Norway met Irish Prime Minister Seán Moran in Oslo on Monday.\n\n"
            "Taking part on the Irish side were Foreign Minister Ciara Walsh and Finance Minister Pól Byrne.\n\n"
            "Walsh later praised Prime Minister Kjell Strand's reforms.")
    got = roles(brief(text, registry))
    assert got["Ciara Walsh"] == got["Pól Byrne"] == "participant"
    assert got["Kjell Strand"] == "mentioned"


def test_a_past_event_and_a_possessive_are_no_part_in_this_one(registry):
    text = (" date 2019-03-04 Prime Minister Lena Dahl of Norway held talks with Irish Prime Minister Seán Moran "
            "in Dublin on Monday.\n\n"
            "The last Norwegian leader to visit Ireland was Ola Brekke, prime minister in 1998.\n\n"
            "Moran praised Prime Minister Kjell Strand's reforms.")
    got = roles(brief(text, registry))
    assert got["Lena Dahl"] == got["Seán Moran"] == "participant"
    assert got["Ola Brekke"] == "mentioned"
    assert got["Kjell Strand"] == "mentioned"
    # and a sentence that reports who met, said by a spokesperson, makes the speaker no side of it
    said = (" date 2019-03-04 Prime Minister Lena Dahl of Norway held talks with Irish Prime Minister Seán Moran "
            "in Dublin on Monday.\n\n"
            "Government spokesperson Nils Aas said the two leaders met for an hour.")
    assert roles(brief(said, registry))["Nils Aas"] == "mentioned"


def test_a_name_only_in_a_quotation_is_not_taken_part(registry):
    text = (" date 2020-02-02 President Carla Mendes of Portugal received Spanish Prime Minister Luis "
            "Ortega in Lisbon on Sunday.\n\n"
            "\"We met Chancellor Ingrid Vogt in Berlin and she agreed,\" Mendes said.")
    got = roles(brief(text, registry))
    assert got["Carla Mendes"] == got["Luis Ortega"] == "participant"
    assert got["Ingrid Vogt"] == "mentioned"


def test_role_is_in_the_scorer_record_and_survives_the_store(registry):
    b = brief(VISIT, registry)
    record = briefing_record(b)
    assert {o["name"]: o["role"] for o in record["officials"]} == roles(b)
    json.dumps(record)
    back = briefing_from_meta(json.loads(json.dumps(meta_data(b))))
    assert roles(back) == roles(b)
    bad = json.loads(json.dumps(meta_data(b)))
    bad[4][0][6] = "spectator"
    with pytest.raises(DataError):
        briefing_from_meta(bad)


def test_front_matter_sets_a_role_and_refuses_an_unknown_one(registry):
    raw = RawArticle(path="t.txt", text=" date 2020-01-01 Ada Klein met Bo Lund.", sha256="x",
                     front_matter={"officials": [{"name": "Ada Klein", "role": "mentioned"}, "Bo Lund"]})
    b = extract(raw, registry)[0]
    assert roles(b) == {"Ada Klein": "mentioned", "Bo Lund": "participant"}
    wrong = dataclasses.replace(raw, front_matter={"officials": [{"name": "Ada Klein", "role": "host"}]})
    with pytest.raises(SourceError, match="role"):
        extract(wrong, registry)


def test_appears_with_counts_only_those_who_took_part_together(registry):
    b = brief(VISIT, registry, "a.txt")
    site = build_site([b], registry)
    by_name = {e.name: e for e in site.officials.values()}
    met = {ref.name for ref, _ in by_name["Anna Lindqvist"].met}
    assert {"Tomás Herrera Pinto", "Rosa Quispe Mamani"} <= met
    assert not met & {"Olof Berglund", "Pablo Soto Reyes", "Mateo Andrade Ruiz"}
    assert by_name["Olof Berglund"].met == []
    assert by_name["Olof Berglund"].mentioned == {"a.txt"}
    assert by_name["Anna Lindqvist"].mentioned == set()


def test_pages_show_participants_first_and_the_mentioned_apart(archive):
    archive.seed("visit.txt", VISIT)
    result = archive.build()
    assert not result.errors
    site = archive.root / "site"
    html = (site / "briefings" / "visit" / "index.html").read_text(encoding="utf-8")
    took, mentioned = html.index("<dt>Participants</dt>"), html.index("<dt>Also mentioned</dt>")
    assert took < html.index("Rosa Quispe Mamani", took) < mentioned < html.index("Olof Berglund</a>", took)
    guest = (site / "officials" / "olof-berglund" / "index.html").read_text(encoding="utf-8")
    assert "Mentioned in" in guest and "Took part" not in guest and "Appears with" not in guest
    host = (site / "officials" / "anna-lindqvist" / "index.html").read_text(encoding="utf-8")
    assert "Took part" in host and "Mentioned in" not in host


def test_a_name_is_linked_once_per_paragraph(registry):
    text = (" date 2021-05-05 President Erik Holm of Denmark met Finnish President Aino Virta in Helsinki.\n\n"
            "Holm thanked Virta, and Holm said Virta had been generous.\n\n"
            "Holm arrived with his wife Karin Holm.")
    b = brief(text, registry)
    links = {p.name: p.name.lower().replace(" ", "-") for p in b.officials}
    paras = body_html(b, links, "/").split("\n")
    assert paras[1].count('href="/officials/erik-holm/"') == 1 and paras[1].count('href="/officials/aino-virta/"') == 1
    assert paras[1].count(">Holm</a>") == 1 and paras[1].count("Holm") == 2
    # "Karin Holm" is someone else: her surname is no mention of Erik Holm
    assert paras[2].count('href="/officials/erik-holm/"') == 1
    assert "Karin Holm</p>" in paras[2] or "Karin Holm." in paras[2]
    assert not [m for m in b.mentions if b.body[m.paragraph][m.start - 6:m.start] == "Karin "]


def test_a_title_or_style_before_a_surname_keeps_the_link(registry):
    text = (" date 2021-05-05 Secretary of State Mark Ellison met Finnish President Aino Virta in Helsinki.\n\n"
            "Secretary Ellison thanked Virta, and Her Excellency Virta thanked Ellison.")
    b = brief(text, registry)
    linked = {(b.body[m.paragraph][m.start:m.end], m.name) for m in b.mentions if m.paragraph == 1}
    assert ("Ellison", "Mark Ellison") in linked and ("Virta", "Aino Virta") in linked
