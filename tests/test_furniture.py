"""Web-page furniture as data (generator/data/boilerplate.yaml, read by extract/furniture.py): the
loader, what each kind of phrase matches, and the errors of a bad file."""
import pytest

from generator.errors import ConfigError
from generator.extract import clean, furniture


def write(tmp_path, text):
    path = tmp_path / "boilerplate.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_file_loads_with_every_kind():
    f = furniture.load()
    kinds = {kind for kind, _, _ in f.phrases}
    assert kinds == {"start", "line", "anywhere"}
    assert len(f.phrases) == len({(k, p) for k, p, _ in f.phrases})  # no phrase twice in one kind
    assert clean.FURNITURE.phrases == f.phrases  # clean.py compiles the same file once, at import


def test_kinds_match_where_they_say(tmp_path):
    f = furniture.load(write(tmp_path, "start:\n  - read more\nline:\n  - share\nanywhere:\n  - t.example/\n"))
    assert f.start.match("Read more: the talks in Oslo")
    assert not f.start.match("Ministers said they read more reports")  # a start only
    assert f.line.match("Share ")
    assert not f.line.match("Share prices rose after the talks.")  # the whole line only
    assert f.anywhere.search("A post on https://t.example/abc by the ministry")
    assert f.keys == ("t.example/",)


def test_phrases_are_words_with_placeholders(tmp_path):
    f = furniture.load(write(tmp_path, 'start:\n  - related\n  - "slideshow ({n} images)"\n  - "text by:"\n'
                                      'line:\n  - "{n} min read"\n  - "follow {w} on"\n'))
    assert f.start.match("Related: more on the summit")
    assert not f.start.match("Relatedly, the ministers agreed")  # a phrase ends at a word's end
    assert f.start.match("Slideshow (12 images)")
    assert not f.start.match("Slideshow (many images)")  # {n} is a number
    assert f.start.match("Text by : Jane Roe")  # a colon may follow spaces
    assert f.line.match("4 min read") and not f.line.match("4 min read the text")
    assert f.line.match("Follow Roe on") and not f.line.match("Follow Jane Roe on")  # {w} is one word


def test_a_long_paragraph_that_names_anywhere_furniture_is_the_article():
    short = "Footage of the signing, all rights reserved."
    long = ("The two foreign ministers signed the accord in Lima on Monday and said that every state keeps "
            "all rights reserved to it under the 1982 convention. ") * 4
    assert clean.is_boilerplate(short)
    assert len(long) >= clean.ANYWHERE_MAX and not clean.is_boilerplate(long)


@pytest.mark.parametrize("text,message,line", [
    ("start:\n  - read more\nfooter:\n  - x\n", "unknown kind 'footer'", 3),
    ("start:\n  - read more\n  - \"read {count} more\"\n", "unknown placeholder {count}", 3),
    ("line: share\n", "'line' must be a list of phrases", 1),
    ("anywhere:\n  - read more\n  - {n}\n", "an entry of 'anywhere' must be a phrase", 3),
    ("start:\n  - \"{n}\"\n", "has no text of its own", 2),
    ("- read more\n", "must be a mapping", None),
    ("start: [read more\n", "cannot be read", None),
])
def test_a_bad_file_is_an_error_naming_file_and_line(tmp_path, text, message, line):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        furniture.load(path)
    assert message in err.value.message
    assert err.value.path == str(path) and err.value.line == line
