"""Layer 1: date line, headline, dateline, boilerplate and link clutter."""
import datetime as dt

import pytest

from generator.errors import SourceError
from generator.extract.clean import parse_wire

from articles import DATELINE_HEADLINE, SEED_LIKE


def test_date_line_shares_the_line_with_the_first_paragraph():
    w = parse_wire(SEED_LIKE, "a.txt")
    assert w.date == dt.date(2022, 5, 10)
    assert w.paragraphs[0].startswith("Visiting Norwegian Foreign Minister")
    assert w.headline is None and len(w.paragraphs) == 4


def test_date_line_alone_on_its_line():
    w = parse_wire(" date 2022-05-10 \nFirst paragraph of the text.\n\nSecond one.", "a.txt")
    assert w.date == dt.date(2022, 5, 10) and w.paragraphs == ("First paragraph of the text.", "Second one.")


@pytest.mark.parametrize("text,message", [
    ("No date here.\n\nMore text.", "no date"),
    (" date 2021-02-30 Text.", "impossible"),
    (" date 21-2-3 Text.", "YYYY-MM-DD"),
])
def test_missing_or_bad_dates_are_named_errors_with_a_line(text, message):
    with pytest.raises(SourceError) as err:
        parse_wire(text, "seeds/x.txt", first_line=4)
    assert message in str(err.value) and err.value.line == 4 and "seeds/x.txt" in str(err.value)


def test_headline_dateline_and_boilerplate():
    w = parse_wire(DATELINE_HEADLINE, "a.txt")
    assert w.headline == "Brazil And Argentina Agree To Revive Trade Talks"
    assert w.dateline == "BUENOS AIRES" and w.agency == "Reuters"
    assert w.paragraphs[0].startswith("Brazilian President Lucas Almeida")
    joined = " ".join(w.paragraphs)
    for junk in ("Enlarge this image", "Read more", "Copyright"):
        assert junk not in joined


def test_repeated_captions_and_bylines_are_dropped():
    caption = "A minister speaks to reporters in a hall, Monday, Jan. 4, 2021. (AP Photo/Some One)"
    text = (" date 2021-01-04 Ana Lopes\n\nSpecial to Some Paper\n\n" + caption + "\n\n" + caption +
            "\n\nLISBON — Portuguese Prime Minister Rui Costa said on Monday that talks would continue.")
    w = parse_wire(text, "a.txt")
    assert w.paragraphs == ("Portuguese Prime Minister Rui Costa said on Monday that talks would continue.",)
    assert w.dateline == "LISBON"


def test_link_clutter_glued_into_a_name_is_replaced_by_the_full_name():
    text = (" date 2019-01-01 Senator Smith John Robert SmithSmith says budget is late Other story here MORE "
            "met the ambassador on Tuesday.\n\nHe said little.")
    w = parse_wire(text, "a.txt")
    assert w.paragraphs[0] == "Senator John Robert Smith met the ambassador on Tuesday."


def test_embedded_tweets_are_dropped():
    text = (" date 2019-01-01 The president arrived on Monday.\n\n"
            "Welcome to the capital! pic.twitter.com/abc123 — Some Outlet (@someoutlet) January 1, 2019\n\n"
            "He left on Tuesday.")
    assert parse_wire(text, "a.txt").paragraphs == ("The president arrived on Monday.", "He left on Tuesday.")


def test_a_long_paragraph_that_ends_with_a_footer_is_kept():
    body = ("Chilean Foreign Minister Ana Soto met her Peruvian counterpart in Lima on Monday to discuss "
            "water rights along the border, and both said a joint commission would report within a year. ") * 3
    w = parse_wire(" date 2021-01-01 " + body + "Copyright 2021 Some Agency. All rights reserved.", "a.txt")
    assert w.paragraphs and w.paragraphs[0].startswith("Chilean Foreign Minister")


def test_a_label_in_capitals_opening_the_text_is_kept_apart():
    w = parse_wire(" date 2022-05-02 JOINT PRESS RELEASE\n\nThe two governments agreed to open embassies.\n", "t.txt")
    assert w.label == "JOINT PRESS RELEASE"
    assert w.paragraphs == ("The two governments agreed to open embassies.",)
    assert parse_wire(" date 2022-05-02 ADVERTISEMENT\n\nThe two governments agreed.\n", "t.txt").label is None
    assert parse_wire(" date 2022-05-02 The two governments agreed.\n\nJOINT PRESS RELEASE\n", "t.txt").label is None
