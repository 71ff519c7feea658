"""The closed word lists of generator/data/words.yaml: one definition per concept, read once,
shared by extraction and the archive's name matching, and covered by the extraction key."""
import shutil

import yaml

from generator import identity, registry, words
from generator.extract import lexicon


class _Strict(yaml.SafeLoader):
    """A loader that refuses a key written twice (plain YAML keeps the last silently)."""


def _no_repeats(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_repeats)


def test_every_list_is_defined_once_and_is_not_empty():
    raw = yaml.load(words.FILE.read_text(encoding="utf-8"), Loader=_Strict)
    assert raw and all(isinstance(v, str) and v.split() for v in raw.values())


def test_extraction_and_the_archive_match_names_with_the_same_particles():
    assert identity.PARTICLES is lexicon.PARTICLES is words.NAME_PARTICLES
    assert {"bin", "al", "van", "der", "ould"} <= words.NAME_PARTICLES
    assert identity.name_tokens("Mohamed ould Ahmed") == ("mohamed", "ahmed")


def test_an_honorific_added_to_the_data_file_is_read_as_one(monkeypatch, tmp_path):
    copy = tmp_path / "words.yaml"
    copy.write_text(words.FILE.read_text(encoding="utf-8").replace(
        "honorifics: >-\n", "honorifics: >-\n  Excellentissimo,\n"), encoding="utf-8")
    monkeypatch.setattr(words, "FILE", copy)
    monkeypatch.setattr(words, "_RAW", words._read())
    table, _ = words.phrases("honorifics")
    assert ("excellentissimo",) in table


def test_the_extraction_key_covers_the_word_lists(monkeypatch, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(registry.DATA, data)
    monkeypatch.setattr(registry, "DATA", data)
    before = registry.registry_fingerprint()
    path = data / "words.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert registry.registry_fingerprint() != before


def test_the_verbs_of_saying_and_the_words_of_events_are_read_from_the_data_file():
    from generator.extract import roles, speech
    for name, group in (("speech_verbs", "verb"), ("speech_participles", "part")):
        for phrase in words.phrase_list(name):
            m = speech.SPEECH_RE.match(phrase + " that")
            assert m and m.group(group) == phrase, (name, phrase)
            assert phrase.split()[0] in speech.HINTS
    assert speech.SPEECH_RE.match("announced that").group("that") and not speech.SPEECH_RE.match("announced plans")
    for phrase in words.phrase_list("event_words"):
        assert roles.EVENT_RE.fullmatch(phrase), phrase
        assert roles.EVENT_RE.search(f"x {phrase} reporters") is None  # no event with the press
    assert roles.ABSENT_NOUNS == words.words("absent_nouns") and "invitation" in roles.ABSENT_NOUNS


def test_a_name_is_matched_with_the_same_particles_and_suffixes_everywhere():
    from generator.extract import resolve
    assert words.NAME_SUFFIXES <= resolve.NAME_SUFFIXES and {"ii", "iii"} <= resolve.NAME_SUFFIXES
    assert lexicon.AL_PREFIX_RE.match("al-Assad") and lexicon.AL_PREFIX_IN_RE.search("President Bashar al-Assad")
