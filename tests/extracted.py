"""What the extractor makes of a short invented text, for the tests of its rules (one dated seed)."""
from generator.extract import extract
from generator.sources import RawArticle


def brief(text, registry):
    """The briefing of `text` given as a seed dated 2021-03-04."""
    return extract(RawArticle(path="t.txt", text=" date 2021-03-04 " + text, sha256="x"), registry)[0]


def people(text, registry):
    """Each official found in `text`: name -> (title, country)."""
    return {p.name: (p.title, p.country) for p in brief(text, registry).officials}
