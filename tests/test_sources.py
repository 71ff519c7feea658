"""Reading seeds: encodings, BOMs, line endings, front matter, unreadable files."""
import codecs

import pytest

from generator.errors import SourceError
from generator.sources import decode, read_seed, split_front_matter

ARTICLE = " date 2021-03-04 Finnish Foreign Minister Aino Virtanen met her Estonian counterpart in Tallinn.\n\nShe said the talks went well."


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", codecs.BOM_UTF8),
                                          ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_decodes_unicode_with_and_without_bom(tmp_path, encoding, bom):
    text = ARTICLE.replace("Finnish", "Finnish «Ålands»")
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert read_seed(path).text == text


def test_cp1252_fallback_and_crlf(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").replace("talks", "\u201ctalks\u201d").encode("cp1252"))
    raw = read_seed(path)
    assert "\r" not in raw.text
    assert "\u201ctalks\u201d" in raw.text


def test_sha256_is_of_the_raw_bytes(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(ARTICLE.encode())
    b.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    assert read_seed(a).text == read_seed(b).text
    assert read_seed(a).sha256 != read_seed(b).sha256


def test_front_matter_is_split_and_line_numbers_kept():
    data, rest, line, keys = split_front_matter("---\ntitle: A\nslug: b\n---\n" + ARTICLE, "x.txt")
    assert data == {"title": "A", "slug": "b"}
    assert rest.startswith(" date 2021-03-04")
    assert line == 5 and keys == {"title": 2, "slug": 3}


@pytest.mark.parametrize("text,message", [
    ("---\ntitle: [unclosed\n---\nbody", "not valid YAML"),
    ("---\ntitle: A\nbody without end", "no closing"),
    ("---\n- a list\n---\nbody", "mapping"),
])
def test_bad_front_matter_is_a_named_error(text, message):
    with pytest.raises(SourceError) as err:
        split_front_matter(text, "seeds/bad.txt")
    assert message in str(err.value) and "seeds/bad.txt" in str(err.value)


def test_empty_and_binary_files_are_refused(tmp_path):
    empty, binary = tmp_path / "e.txt", tmp_path / "b.txt"
    empty.write_bytes(b"  \n")
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(SourceError, match="empty"):
        read_seed(empty)
    with pytest.raises(SourceError, match="binary"):
        read_seed(binary)


def test_undecodable_bytes_name_the_line():
    data = b" date 2020-01-01 ok\n\nline two \x81\x8d\x8f\x90\x9d"
    with pytest.raises(SourceError) as err:
        decode(data, "seeds/x.txt")
    assert err.value.line == 3
