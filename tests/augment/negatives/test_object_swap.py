"""object_swap on real spaCy parses: whole candidates and its guards (same group, number, mass
nouns, a swap that relation_swap already writes, paraphrases)."""
from sgshards.augment.negatives.object_swap import object_swap, same_group
from tests.augment.negatives.common import run, texts, whole


def test_object_swap_whole_output(surface):
    assert whole(run(object_swap, surface("a red car next to a blue house"))) == [
        ("a red house next to a blue car", "object_swap", [((2, 3), "car", "house"), ((7, 8), "house", "car")])]


def test_object_swap_keeps_attributes_and_numbers_in_place(surface):
    assert texts(run(object_swap, surface("a red car next to a blue house"))) == ["a red house next to a blue car"]
    assert texts(run(object_swap, surface("Two dogs are chasing a cat."))) == ["Two cats are chasing a dog."]


def test_object_swap_skipped_when_a_paraphrase(surface):
    # symmetric relation, nothing distinguishes the two objects
    assert run(object_swap, surface("two sinks next to two mirrors")) == []
    # both only sit on the bench: swapping man and woman changes nothing; the bench may swap
    assert texts(run(object_swap, surface("a man and the woman sitting on a bench"))) == [
        "a man and the bench sitting on a woman"]
    # equal modifiers: the noun swap is the phrase swap, left to relation_swap
    assert run(object_swap, surface("a man riding an elephant")) == []


def test_object_swap_skips_mass_nouns_against_counted_ones(surface):
    assert run(object_swap, surface("a cup of coffee")) == []


def test_object_swap_skips_nouns_of_one_group(surface):
    assert run(object_swap, surface("a dog chasing a puppy")) == []


def test_same_group():
    assert same_group("dog", "puppy") and same_group("Dog", "dog") and same_group("lamp", "lamp")
    assert not same_group("dog", "cat") and not same_group("man", "woman")
    # hypernyms, hyponyms, parts and people who may be one another (WordNet, issue 15)
    assert same_group("dog", "animal") and same_group("rake", "tool") and same_group("finger", "hand")
    assert same_group("boy", "student") and same_group("baby", "boy") and same_group("skier", "people")
    assert not same_group("girl", "woman") and not same_group("man", "boy")      # told apart by age
