"""A briefing's address is made of its seed's name (or front-matter slug), never of what is
extracted; the addresses earlier versions gave serve redirect pages (see generator/permalinks.py)."""
from __future__ import annotations

import re
from pathlib import Path

from articles import COUNTERPART, HOSTILE, PHONE_CALL
from generator import permalinks
from generator.model import Briefing
import datetime as dt


def pages(site: Path) -> dict[str, str]:
    """briefings/<slug>/ -> the page's text."""
    return {p.parent.name: p.read_text(encoding="utf-8") for p in sorted((site / "briefings").glob("*/index.html"))}


def is_redirect(text: str) -> bool:
    return 'http-equiv="refresh"' in text


def redirect_target(text: str) -> str:
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', text).group(1)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text).group(1)
    link = re.search(r'<a href="([^"]+)">', text).group(1)
    assert canonical.endswith(refresh) and link == refresh
    return refresh


def test_retitling_a_seed_keeps_its_address_and_its_old_address_works(archive):
    archive.seed("2019-02-03-berlin-paris-call.txt", "---\ntitle: Becker calls Dubois\n---\n" + PHONE_CALL)
    archive.build()
    site = archive.config().output
    first = pages(site)
    real = [s for s, t in first.items() if not is_redirect(t)]
    assert real == ["2019-02-03-berlin-paris-call"]
    assert "Becker calls Dubois" in first[real[0]]
    # the address an earlier version gave (date and title) redirects to the permanent one
    old = "2019-02-03-becker-calls-dubois"
    assert redirect_target(first[old]) == "/briefings/2019-02-03-berlin-paris-call/"

    archive.seed("2019-02-03-berlin-paris-call.txt", "---\ntitle: Becker and Dubois talk migration\n---\n" + PHONE_CALL)
    archive.build()
    second = pages(site)
    assert not is_redirect(second["2019-02-03-berlin-paris-call"])
    assert "Becker and Dubois talk migration" in second["2019-02-03-berlin-paris-call"]
    assert "Becker calls Dubois" not in second["2019-02-03-berlin-paris-call"]
    assert redirect_target(second["2019-02-03-becker-and-dubois-talk-migration"]) == "/briefings/2019-02-03-berlin-paris-call/"
    # links everywhere lead to the permanent address; redirects are not in the sitemap
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "briefings/2019-02-03-berlin-paris-call/" in sitemap and "becker-and-dubois-talk" not in sitemap
    official = (site / "officials" / "klaus-becker" / "index.html").read_text(encoding="utf-8")
    assert 'href="/briefings/2019-02-03-berlin-paris-call/"' in official


def test_front_matter_slug_wins_and_an_alias_never_shadows_a_page(archive):
    # b.txt's old address (its date and title) is the address a.txt asks for: the page wins
    archive.seed("a.txt", "---\nslug: 2017-03-08-sato-in-seoul\n---\n" + PHONE_CALL)
    archive.seed("b.txt", "---\ntitle: Sato in Seoul\n---\n" + COUNTERPART)
    archive.build()
    found = pages(archive.config().output)
    assert not is_redirect(found["2017-03-08-sato-in-seoul"]) and "Klaus Becker" in found["2017-03-08-sato-in-seoul"]
    assert not is_redirect(found["b"]) and "Haruto Sato" in found["b"]
    assert {s for s, t in found.items() if is_redirect(t)} == set()


def test_names_that_make_one_id_each_get_an_address_and_the_exact_name_keeps_it(archive):
    archive.seed("a-b.txt", PHONE_CALL)
    archive.build()
    site = archive.config().output
    assert "Klaus Becker" in pages(site)["a-b"]
    archive.seed("A B.txt", COUNTERPART)  # makes the same id, added later and sorting first
    archive.build()
    found = {s: t for s, t in pages(site).items() if not is_redirect(t)}
    assert "Klaus Becker" in found["a-b"] and len(found) == 2
    (other,) = set(found) - {"a-b"}
    assert other.startswith("a-b-") and "Haruto Sato" in found[other]


def test_hostile_titles_and_slugs_stay_escaped_and_inside(archive):
    archive.seed("x.txt", HOSTILE)
    archive.build()
    site = archive.config().output
    found = pages(site)
    assert len([t for t in found.values() if not is_redirect(t)]) == 1
    for text in found.values():
        assert "<script>alert" not in text
    assert not (site.parent / "etc").exists()


def test_redirects_are_under_a_sub_path_base_url(archive):
    (archive.root / "site.yaml").write_text("title: T\nbase_url: https://example.test/sub/\n", encoding="utf-8")
    archive.seed("call.txt", PHONE_CALL)
    archive.build()
    found = pages(archive.config().output)
    (old,) = [t for t in found.values() if is_redirect(t)]
    assert redirect_target(old) == "/sub/briefings/call/"
    assert '<link rel="canonical" href="https://example.test/sub/briefings/call/">' in old


def test_assign_is_the_same_whatever_the_order():
    def make(source, slug=None, title="T"):
        return Briefing(source=source, sha256="", title=title, date=dt.date(2020, 1, 1), location=None, officials=(),
                        countries=(), event_type="other", topics=(), summary="", statements=(), body=(), mentions=(),
                        original="", slug=slug)
    items = [make("seeds/x y.txt"), make("seeds/x-y.txt"), make("seeds/z.txt", slug="x-y"), make("seeds/w.txt", slug="X Y"), make("seeds/2/x-y.txt")]
    one = permalinks.assign(items)
    two = permalinks.assign(list(reversed(items)))
    assert one == two
    slugs = one[0]
    assert len(set(slugs.values())) == 5
    assert slugs["seeds/z.txt"] == "x-y"  # the editor's slug, written exactly, wins
    assert slugs["seeds/x-y.txt"].startswith("x-y-") and slugs["seeds/w.txt"].startswith("x-y-")
