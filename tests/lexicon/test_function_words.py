"""The one English function-word list and the sets derived from it."""
from sgshards.lexicon import function_words as fw
from sgshards.lexicon.hyphens import FUNCTION_WORDS as PHRASE_EDGES
from sgshards.lexicon.languages import ENGLISH_FUNCTION_WORDS
from sgshards.text.pretokenised import repair_pretokenised


def test_derived_sets_are_the_shared_list_less_their_named_difference():
    assert ENGLISH_FUNCTION_WORDS == fw.FUNCTION_WORDS - fw.NOT_LANGUAGE_EVIDENCE
    assert PHRASE_EDGES == fw.FUNCTION_WORDS - fw.NOT_PHRASE_EDGES
    assert {"the", "of", "and", "is", "she"} <= ENGLISH_FUNCTION_WORDS & PHRASE_EDGES
    # a quantifier begins a compound, so it is no phrase edge; a reflexive is no language evidence
    assert "all" in ENGLISH_FUNCTION_WORDS and "all" not in PHRASE_EDGES
    assert "himself" in PHRASE_EDGES and "himself" not in ENGLISH_FUNCTION_WORDS


def test_phrase_edges_still_split_dashes_and_quantifiers_still_join():
    # real CC3M shapes: a dash next to a function word is a phrase dash, "all - around" a compound
    assert repair_pretokenised("puppy - in love") == "puppy - in love"
    assert "close-up" in repair_pretokenised("close - up of a cat")
