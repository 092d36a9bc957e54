"""The WordNet noun taxonomy shipped as data (sgshards/data/wordnet_nouns.tsv)."""
from sgshards.augment.realise import noun_form
from sgshards.lexicon.taxonomy import is_a, noun_class, overlapping, part_of, senses


def test_hypernyms_hyponyms_and_parts_overlap():
    """The near-synonym negatives of issue 15: "skiers" for "people", "rake"/"tool", "finger" for
    "hand", "eyes"/"heads"; disjoint kinds do not overlap."""
    assert is_a("skier", "people") and is_a("rake", "tool") and is_a("girl", "woman")
    assert part_of("finger", "hand") and part_of("eye", "head")
    assert overlapping("tool", "rake") and overlapping("hand", "finger")
    assert not overlapping("ceiling", "roof") and not overlapping("dog", "cat") and not overlapping("man", "horse")


def test_parts_of_a_kind_are_parts_of_its_kinds():
    """Issue 15 round 4: "a vintage car with red wheel" -> "a vintage wheel with red car" and
    "coconut tree and fruits" -> "coconut tree and leaves" were not false: WordNet files a wheel
    as part of a wheeled vehicle, a leaf of a plant, a hand of a human being; a car, a tree and a
    man are kinds of those.  Its over-broad links are not inherited: every body part is part of
    an "organism" (plants too), and a "part, piece" of any "whole"."""
    assert part_of("wheel", "car") and part_of("leaf", "coconut tree") and part_of("window", "house")
    assert part_of("hand", "man") and part_of("eye", "woman") and part_of("paw", "dog")
    assert not part_of("hand", "lily") and not part_of("tail", "man") and not part_of("towel", "person")
    assert not part_of("car", "wheel") and not part_of("tree", "forest") and not part_of("hat", "man")


def test_lookup_by_plural_and_head_word():
    assert senses("sidewalks") == senses("sidewalk") and senses("diesel engine") == senses("engine")
    assert senses("qwertyzzz") == () and noun_class("qwertyzzz") is None


def test_classes_tell_people_things_and_abstractions():
    assert noun_class("man") == "person" and noun_class("dog") == "animal" and noun_class("summer") == "time"
    assert noun_class("hate") == "feeling"


def test_noun_form_never_pluralises_a_plural():
    """CC3M "love the sunglasseses", issue 15 "shortses"."""
    assert noun_form("sunglasses", True) == "sunglasses" and noun_form("shorts", True) == "shorts"
    assert noun_form("hot dog", True) == "hot dogs"


def test_kinship_is_the_depth_of_the_nearest_shared_kind():
    """The nearer the shared kind, the deeper it is: "goose" and "duck" are waterfowl, "goose" and
    "dog" vertebrates, "rope" and "lamp" only artefacts; a class begins above its words."""
    from sgshards.lexicon.taxonomy import class_depth, kinship
    assert kinship("goose", "duck") > kinship("goose", "dog") > kinship("rope", "lamp") >= 0
    assert kinship("qwertyzzz", "dog") == -1
    assert class_depth("goose") < kinship("goose", "dog") and class_depth("rope") > kinship("rope", "lamp")


def test_listed_and_first_senses():
    from sgshards.lexicon.taxonomy import listed, noun_classes
    assert listed("dog") and listed("Ice-Cream") and not listed("teddy bear") and not listed("sailing boat")
    assert noun_classes("fan", 1) < noun_classes("fan") and "person" in noun_classes("fan")
