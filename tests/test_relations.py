"""/relations/<a>-<b>/: every briefing between two states, linked from both countries and from home."""
from __future__ import annotations

import re

from articles import COUNTERPART, JOINT_STATEMENT, PHONE_CALL


def read(site, rel):
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_a_pair_of_states_gets_a_timeline_linked_from_both_countries_and_home(archive):
    archive.seed("a.txt", PHONE_CALL)
    archive.seed("b.txt", PHONE_CALL.replace("2019-02-03", "2021-06-07").replace("migration crisis", "energy prices"))
    archive.seed("c.txt", COUNTERPART)
    archive.build()
    site = archive.config().output
    page = read(site, "relations/france-germany")
    # both briefings, newest first, under their years; nothing of the other pair
    assert page.index('id="y2021"') < page.index('id="y2019"')
    assert page.index('href="/briefings/b/"') < page.index('href="/briefings/a/"')
    assert 'href="/briefings/c/"' not in page
    for country in ("france", "germany"):
        assert 'href="/relations/france-germany/"' in read(site, f"countries/{country}")
        assert 'href="/relations/japan-south-korea/"' not in read(site, f"countries/{country}")
    home = read(site, "")
    assert 'href="/relations/france-germany/"' in home and 'href="/relations/"' in home
    index = read(site, "relations")
    assert 'href="/relations/france-germany/"' in index and 'href="/relations/japan-south-korea/"' in index
    # only pairs that share a briefing
    assert sorted(p.name for p in (site / "relations").iterdir() if p.is_dir()) == ["france-germany",
                                                                                      "japan-south-korea"]


def test_a_long_relation_is_paged_and_a_pair_that_stops_sharing_goes(archive):
    (archive.root / "site.yaml").write_text("title: T\nbase_url: https://example.test/sub/\nper_page: 2\n",
                                            encoding="utf-8")
    for n in range(5):
        archive.seed(f"s{n}.txt", JOINT_STATEMENT.replace("2020-10-02", f"2020-10-0{n + 2}"))
    archive.build()
    site = archive.config().output
    first = read(site, "relations/canada-mexico")
    assert len(re.findall(r'href="/sub/briefings/s\d/"', first)) == 2 and 'href="/sub/relations/canada-mexico/page/2/"' in first
    assert (site / "relations/canada-mexico/page/3/index.html").is_file()
    assert not (site / "relations/canada-mexico/page/4").exists()
    for n in range(5):
        (archive.root / "seeds" / f"s{n}.txt").write_text(PHONE_CALL if n == 0 else COUNTERPART, encoding="utf-8")
    archive.build()
    assert not (site / "relations" / "canada-mexico").exists()
    assert (site / "relations" / "france-germany" / "index.html").is_file()


def test_hostile_titles_are_escaped_on_relation_pages(archive):
    archive.seed("a.txt", '---\ntitle: "<script>alert(1)</script> & call"\n---\n' + PHONE_CALL)
    result = archive.build()
    assert not result.errors, result.errors
    text = read(archive.config().output, "relations/france-germany")
    assert "<script>alert" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; call" in text
