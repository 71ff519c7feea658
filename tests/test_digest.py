"""A page's digest covers its whole context; the extractor's digest covers its whole source."""
import dataclasses
import datetime as dt

import pytest

from generator import codehash
from generator.digest import UnknownValue, page_digests
from generator.gather import extractor_digest
from generator.model import Briefing, Location, Person
from generator.render import PagePlan
from generator.site import OfficialEntry, Ref


def briefing(**changes):
    b = Briefing(source="a.txt", sha256="", title="T", date=dt.date(2020, 1, 2), location=Location("Oslo", "NO"),
                 officials=(Person("Ana Ruiz", "Minister", "ES"),), countries=("ES", "NO"), event_type="meeting",
                 topics=("Trade",), summary="S", statements=(), body=(), mentions=(), original="", slug="t")
    return dataclasses.replace(b, **changes)


def digest(context, known=None):
    return page_digests([PagePlan("x/", "x.html", context)], "shared", known)[0]


def entry(**changes):
    e = OfficialEntry(slug="ana-ruiz", name="Ana Ruiz", country="ES", briefings=[briefing()],
                      met=[(Ref("bo-lin", "Bo Lin", "CN", 3), 2)])
    return dataclasses.replace(e, **changes)


@pytest.mark.parametrize("change", [
    {"met": [(Ref("bo-lin", "Bo Lin", "CN", 4), 2)]},        # a co-participant's count, two levels down
    {"met": [(Ref("bo-lin", "Bo Lin", "TW", 3), 2)]},        # a co-participant's country
    {"briefings": [briefing(officials=(Person("Ana Ruiz", "Prime Minister", "ES"),))]},  # a title in a list
    {"briefings": [briefing(location=Location("Bergen", "NO"))]},
    {"roles": [("Minister", "ES", "2020-01-02", "2020-01-02")]},
    {"aliases": {"A. Ruiz"}},
])
def test_any_value_a_template_can_reach_changes_the_digest(change):
    assert digest({"o": entry(**change)}) != digest({"o": entry()})


def test_equal_contexts_give_equal_digests_and_a_briefing_stands_for_its_stored_metadata():
    assert digest({"o": entry(), "n": 1}) == digest({"o": entry(), "n": 1})
    # a briefing the store gave is walked as the digest of its metadata and its slug
    assert digest({"b": briefing()}, {"a.txt": "m1"}) != digest({"b": briefing()}, {"a.txt": "m2"})
    assert digest({"b": briefing()}, {"a.txt": "m1"}) != digest({"b": briefing(slug="t-2")}, {"a.txt": "m1"})


def test_a_value_the_digest_cannot_read_is_an_error_not_a_skip():
    class Opaque:
        pass

    with pytest.raises(UnknownValue, match="Opaque"):
        digest({"x": [Opaque()]})


def test_the_extractor_digest_covers_every_module_extraction_runs():
    seen, todo = {}, ["generator.gather"]
    while todo:
        name = todo.pop()
        path = codehash._file_of(name)
        if path and name not in seen:
            seen[name] = path
            todo += codehash._imports(path.read_text(encoding="utf-8"))
    extract_modules = {f"generator.extract.{p.stem}" for p in (codehash.PACKAGE / "extract").glob("*.py")
                       if p.stem != "__init__"}
    assert extract_modules | {"generator.extract", "generator.registry", "generator.sources", "generator.model",
                              "generator.gather"} <= set(seen)
    assert len(extractor_digest()) == 64


def test_an_edit_to_a_rule_changes_the_module_digest(tmp_path, monkeypatch):
    pkg = tmp_path / "generator"
    (pkg / "extract").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "extract" / "__init__.py").write_text("from generator.extract.rules import rule\n")
    (pkg / "extract" / "rules.py").write_text("from generator import words\nrule = 1\n")
    (pkg / "words.py").write_text("WORDS = ['a']\n")
    monkeypatch.setattr(codehash, "PACKAGE", pkg)
    codehash.module_digest.cache_clear()
    first = codehash.module_digest("generator.extract")
    (pkg / "words.py").write_text("WORDS = ['a', 'b']\n")  # a word list two imports away
    codehash.module_digest.cache_clear()
    assert codehash.module_digest("generator.extract") != first
    codehash.module_digest.cache_clear()
