"""Raw article text -> Briefing. Pure functions; no file I/O, no templates."""
from __future__ import annotations

from generator.errors import Notice
from generator.extract.clean import parse_wire
from generator.extract.events import compose_headline, dateline_place, event_type, locate, summarise, topics
from generator.extract.overrides import apply
from generator.extract.parties import first_mentions, involved_countries
from generator.extract.people import (country_refs, delayed_official, known_officials, notable_officials,
                                      plural_officials, possessed_officials, scan, succession_officials, take_sides)
from generator.extract.resolve import (anaphoric_titles, attribute, fuller_names, home_country, link_mentions, merge,
                                       protagonist_state, to_persons)
from generator.extract.roles import assign_roles
from generator.extract.speech import SentenceSpans, statements
from generator.extract.types import Paragraph
from generator.model import Briefing
from generator.registry import Registry
from generator.sources import RawArticle

def _sentence_case(headline: str | None) -> bool:
    """A headline written as a sentence, whose capitals mark names ("Egyptian Foreign Minister X
    said ..."), not in Title Case ("Minister Arrives In Dhaka"), where every word has one."""
    longer = [w for w in (headline or "").split() if len(w) > 3 and w[0].isalpha()]
    return bool(longer) and sum(w[0].islower() for w in longer) * 3 >= len(longer)


def extract(raw: RawArticle, reg: Registry) -> tuple[Briefing, list[Notice]]:
    """Extract a briefing from one seed; raises SourceError when the seed cannot be used."""
    wire = parse_wire(raw.text, raw.path, raw.body_line, need_date=raw.front_matter.get("date") is None)
    # captions come first: they stand above the text and name who is pictured; so does a
    # headline, read as they are (officials and their titles, "Egyptian Foreign Minister X said")
    above = ((wire.headline,) if _sentence_case(wire.headline) else ()) + tuple(wire.captions)
    scanned = [Paragraph.of(t) for t in above + tuple(wire.paragraphs)]
    paras = scanned[len(above):]
    found, used = [], []
    for i, p in enumerate(scanned):
        f, u = scan(p, i, reg)
        f += plural_officials(p, i, reg, f, scanned[:i])
        f += known_officials(p, i, reg, f)
        f += possessed_officials(p, i, reg, f)
        f += notable_officials(p, i, reg, f)
        f += succession_officials(p, i, reg, f)
        take_sides(p, f, reg)
        found += sorted(f, key=lambda x: x.start)
        used.append(u)
    found += delayed_official(scanned, len(above), found, reg)
    found.sort(key=lambda x: (x.para, x.start))
    for f in found:  # a name is no place: "Sofia" in "Sofia Marangoni" is not Bulgaria's capital
        p = scanned[f.para]
        used[f.para].update(k for k in p.caps if f.start <= p.spans[k][0] < f.end)
    refs = [country_refs(p, reg, used[i]) for i, p in enumerate(scanned)]
    people = merge(found, reg)
    fuller_names(people, scanned)
    kind, kind_conf = event_type("\n".join(filter(None, (wire.label, wire.headline))) or None, list(wire.paragraphs))
    filed = dateline_place(wire.dateline, reg)
    where, where_conf = locate(paras, reg, filed, kind)
    home = home_country(refs, reg, wire.agency, where.country if where else None, filed[1] if filed else None,
                        {f.country for f in found if f.country and (f.title or f.counterpart)},
                        protagonist_state(found, reg, len(above), scanned))
    attribute(people, scanned, refs, reg, home)
    anaphoric_titles(people, scanned, reg, home)
    mentions = link_mentions(people, paras, reg)
    spans = SentenceSpans(paras)
    roles = assign_roles([o.name for o in people], paras, mentions, wire.date.year if wire.date else None, spans)
    persons = to_persons(people, roles)
    refs = refs[len(above):]
    topic_names = topics(reg, paras)
    firsts = first_mentions(people, mentions, paras, len(above))
    countries = involved_countries(persons, firsts, paras, refs, reg, kind)
    if kind == "visit" and where is not None and where.country and where.country not in countries \
            and where.country in reg.countries and countries:
        countries += (where.country,)  # the host of a visit is one of its parties
    title = wire.headline or compose_headline(persons, kind, where, reg, topic_names)
    confidence = (("title", 0.9 if wire.headline else 0.6), ("date", 1.0 if wire.date else 0.0),
                  ("location", where_conf), ("event_type", kind_conf),
                  ("officials", min((p.confidence for p in persons), default=0.3)),
                  ("countries", 0.7 if countries else 0.2), ("topics", 0.6 if topic_names else 0.2))
    briefing = Briefing(
        source=raw.path, sha256=raw.sha256, title=title, date=wire.date, location=where,
        officials=persons, countries=countries, event_type=kind, topics=topic_names,
        summary=summarise(list(wire.paragraphs)), statements=statements(paras, mentions, persons, reg, spans),
        body=wire.paragraphs, mentions=tuple(mentions), original=raw.text,
        headline_in_text=wire.headline is not None, confidence=confidence)
    return apply(briefing, raw.front_matter, raw.path, reg.countries, raw.front_lines)
