"""Vocabularies: relation lookups, alternatives by sibling group, and corpus frequency counts."""
from sgshards.augment.vocab import (
    attribute_alternatives, canonical_relation, count_graph, empty_counts, is_symmetric, merge_counts,
    object_alternatives,
)
from sgshards.graph import build_graph


def test_vocab_relations():
    assert all(is_symmetric(p) for p in ("next to", "sit next to", "near", "with", "play with", "hug", "across from",
                                        "stand by the side of"))
    assert not any(is_symmetric(p) for p in ("ride", "sit on", "in front of", "hold", "under"))
    assert canonical_relation("lamp", "below", "table") == ("table", "above", "lamp")
    assert canonical_relation("man", "ride", "horse") == ("man", "ride", "horse")


def test_vocab_alternatives_exclude_own_group_and_generic_words():
    assert "cat" in object_alternatives("puppy") and "dog" not in object_alternatives("puppy")
    assert object_alternatives("animal") == () and "animal" not in object_alternatives("dog")
    assert attribute_alternatives("big") == ("small",)
    assert attribute_alternatives("short", "man") == ("tall",) and attribute_alternatives("short", "dress") == ("long",)
    assert "grey" not in attribute_alternatives("gray") and "gray" not in attribute_alternatives("silver")


def test_frequency_counts_merge(parse):
    graphs = [build_graph(parse(c)) for c in ["a red car", "a red car near a blue house"]]
    counts = merge_counts(count_graph(g) for g in graphs)
    assert counts == {"object": {"car": 2, "house": 1}, "attribute": {"red": 2, "blue": 1},
                      "relation": {"near": 1}}
    assert merge_counts([counts, empty_counts()]) == counts
