"""The site graph: related briefings."""
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


def test_related_briefings_share_officials_first_then_countries_and_topics():
    bs = archive()
    related = names(_related(bs))
    for b in bs:
        mine = {p.name for p in b.officials}
        by_source = {x.source: x for x in bs}
        picked = [by_source[s] for s in related[b.source]]  # best first
        assert b.source not in related[b.source] and len(picked) == 5
        # anyone sharing an official outranks anyone sharing only a country and a topic
        by_official = [x for x in picked if mine & {p.name for p in x.officials}]
        others = [x for x in picked if not mine & {p.name for p in x.officials}]
        assert not others or len(by_official) == len(picked) - len(others) and picked[:len(by_official)] == by_official
