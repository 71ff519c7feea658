"""Who said what: each statement goes to its speaker only, or is left out. Every article here is
invented for the test."""
from generator.extract import extract
from generator.model import Statement, briefing_from_meta, meta_data, texts_data, texts_from_data
from generator.sources import RawArticle

LEAD = (" date 2022-03-08 Foreign Minister Lena Dahl of Norway held talks with Irish Foreign Minister "
        "Seán Moran in Oslo on Tuesday.\n\n")


def said(text, registry):
    b = extract(RawArticle(path="t.txt", text=LEAD + text, sha256="x"), registry)[0]
    return b, [(b.body[s.paragraph][s.start:s.end], s.speaker) for s in b.statements]


def speaker_of(pairs, start):
    got = [who for sentence, who in pairs if sentence.lstrip(' "“').startswith(start)]
    return got[0] if got else None


def test_the_subject_of_the_verb_speaks_and_the_addressee_does_not(registry):
    _, pairs = said('"The fisheries deal is close," Dahl told Moran.\n\n'
                    "Moran, who arrived on Monday, said the talks had been frank.", registry)
    assert speaker_of(pairs, "The fisheries") == "Lena Dahl"
    assert speaker_of(pairs, "Moran, who") == "Seán Moran"


def test_inverted_order_and_a_description_by_title(registry):
    _, pairs = said('"We will meet again in May," said Moran.\n\n'
                    "The Norwegian foreign minister stressed that quotas would be reviewed.", registry)
    assert speaker_of(pairs, "We will meet") == "Seán Moran"
    assert speaker_of(pairs, "The Norwegian foreign") == "Lena Dahl"


def test_institutions_joint_subjects_and_unclear_sentences_are_left_out(registry):
    b, pairs = said("Dahl's ministry said the meeting lasted two hours.\n\n"
                    "Dahl and Moran stressed the importance of the North Sea.\n\n"
                    "Dahl praised the talks while Moran warned of delays.\n\n"
                    "More: Dahl said earlier this year that quotas matter.\n\n"
                    "Analysts said the deal was unlikely.", registry)
    assert [who for _, who in pairs] == []
    assert b.statements == ()


def test_he_is_the_last_speaker_but_not_after_a_change_of_side(registry):
    _, pairs = said("Dahl said the quotas were fair.\n\n"
                    "She added that Norway would send experts.\n\n"
                    "For his part, he said Ireland wanted more time.", registry)
    assert speaker_of(pairs, "She added") == "Lena Dahl"
    assert speaker_of(pairs, "For his part") is None


def test_a_quotation_that_goes_on_keeps_its_speaker_and_text_is_what_was_said(registry):
    b, pairs = said('"We are close," Moran said. "The last points are technical."', registry)
    assert speaker_of(pairs, "We are close") == speaker_of(pairs, "The last points") == "Seán Moran"
    texts = [s.text for s in b.statements]
    assert "We are close" in texts and all("Moran said" not in t for t in texts)


def test_statements_keep_their_place_through_the_store(registry):
    b, _ = said("Dahl said the quotas were fair.", registry)
    assert b.statements and all(isinstance(s, Statement) and s.paragraph == 1 for s in b.statements)
    back = texts_from_data(texts_data(b))
    assert back["statements"] == b.statements
    assert briefing_from_meta(meta_data(b)).title == b.title


def test_the_page_shows_a_few_short_statements_per_speaker(archive):
    lines = "\n\n".join(f"Dahl said point number {n} mattered to Norway." for n in range(1, 8))
    archive.seed("talks.txt", LEAD + lines)
    assert not archive.build().errors
    html = (archive.root / "site" / "briefings" / "talks" / "index.html").read_text(encoding="utf-8")
    said = html.split('id="said-h"')[1].split("</section>")[0]
    assert said.count("<li") == 5 and "and 2 more in the report" in said
    assert "Point number 1 mattered to Norway." in said and "Dahl said" not in said


def test_thanks_are_said_and_a_description_after_an_inverted_verb_speaks(registry):
    _, pairs = said("Moran thanked his host for the warm welcome.\n\n"
                    "Quotas will be reviewed every year, said the Norwegian foreign minister.\n\n"
                    "Trade grew by a tenth last year, said the ministry.", registry)
    assert speaker_of(pairs, "Moran thanked") == "Seán Moran"
    assert speaker_of(pairs, "Quotas will") == "Lena Dahl"
    assert speaker_of(pairs, "Trade grew") is None  # an institution: left out


def test_a_name_after_a_preposition_is_no_joint_subject(registry):
    _, pairs = said("At a joint news conference with Moran, Dahl stressed that quotas would stay.\n\n"
                    "Dahl and Moran said the talks had gone well.", registry)
    assert speaker_of(pairs, "At a joint") == "Lena Dahl"
    assert speaker_of(pairs, "Dahl and Moran") is None  # two speakers at once: left out
