"""The site graph: related briefings, reused from the last build only where nothing they depend on changed."""
import dataclasses
import datetime as dt

from generator.model import Briefing, Person
from generator.site import _related


def briefing(n, officials, countries, topics):
    return Briefing(source=f"{n:03d}.txt", sha256=str(n), title=f"B{n}", date=dt.date(2020, 1, 1) + dt.timedelta(n),
                    location=None, officials=tuple(Person(name=o) for o in officials), countries=tuple(countries),
                    event_type="meeting", topics=tuple(topics), summary="", statements=(), body=(), mentions=(),
                    original="")


def archive():
    people = ["Ana Ruiz", "Bo Lin", "Cy Ode", "Di Park", "Ed Moss", "Fa Noor"]
    out = [briefing(n, [people[n % 6], people[(n * 5 + 1) % 6]], [["FR", "DE", "JP", "KE"][n % 4]],
                    [["Trade", "Health", "Energy"][n % 3]]) for n in range(60)]
    return sorted(out, key=lambda b: (b.date, b.source), reverse=True)


def names(related):
    return {k: [b.source for b in v] for k, v in related.items()}


def test_related_reused_from_the_last_build_equals_a_fresh_computation():
    bs = archive()
    _, record = _related(bs)
    changed = list(bs)
    changed[7] = dataclasses.replace(changed[7], officials=(Person(name="Zed New"),), topics=("Energy",))
    del changed[20]
    fresh, _ = _related(changed)
    reused, _ = _related(changed, previous=record)
    assert names(reused) == names(fresh)
    assert any(names(fresh)[b.source] for b in changed)  # there is something to compare


def test_a_record_of_another_archive_size_is_not_trusted():
    bs = archive()
    _, record = _related(bs)
    record = {**record, "common": record["common"] + 1, "related": {k: [] for k in record["related"]}}
    assert names(_related(bs, previous=record)[0]) == names(_related(bs)[0])
