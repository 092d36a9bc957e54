"""The word tables live once, in lexicon.words; the vocabularies read them from there."""
from sgshards.augment import vocab
from sgshards.lexicon import words


def test_vocab_uses_the_lexicon_tables_not_copies():
    assert vocab.ANIMATE_CATEGORIES is words.ANIMATE_CATEGORIES
    assert vocab.SKIN_BEARING_NOUNS is words.SKIN_BEARING_NOUNS
    assert not hasattr(vocab, "PERSON_NOUNS") and not hasattr(vocab, "_ANIMATE")


def test_skin_bearing_nouns_hold_the_people_category():
    people = {w for group in vocab.OBJECT_CATEGORIES["people"] for w in group}
    assert people <= words.SKIN_BEARING_NOUNS


def test_animate_categories_are_vocabulary_categories():
    assert words.ANIMATE_CATEGORIES - {"reptile"} <= set(vocab.OBJECT_CATEGORIES)


def test_colour_on_a_person_is_sensitive_and_on_a_thing_not():
    assert vocab.sensitive_pair("Woman", ["dark"]) and vocab.sensitive_pair("face", ["white"])
    assert not vocab.sensitive_pair("hat", ["black"]) and not vocab.sensitive_pair("man", ["tall"])
