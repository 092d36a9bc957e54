"""Scene-graph co-occurrence: ranking, merging and files."""
import math

import numpy as np
import pytest

from sgshards.augment.plausibility import Cooccurrence
from sgshards.augment.plausibility.tables import FormatError, pack_arrays, slot_of, tuple_slots, token_hashes
from sgshards.schemas.graph import SceneGraph, SGObject, SGRelation


def graph(objects, relations=()):
    return SceneGraph(objects=[SGObject(name=n, attributes=list(a)) for n, a in objects],
                      relations=[SGRelation(subject=s, predicate=p, object=o) for s, p, o in relations])


GRAPHS = [
    graph([("cat", ["black"]), ("sofa", ["red"])], [(0, "sit on", 1)]),
    graph([("cat", ["black", "small"]), ("sofa", [])], [(0, "sleep on", 1)]),
    graph([("dog", ["brown"]), ("beach", ["sandy"])], [(0, "run on", 1)]),
    graph([("man", ["old"]), ("bike", ["red"]), ("road", [])], [(0, "ride", 1), (1, "on", 2)]),
    graph([("dog", ["black"]), ("grass", ["green"])], [(0, "run on", 1)]),
] * 2


def stats(graphs, bits=12):
    c = Cooccurrence(bits=bits)
    for g in graphs:
        c.add_graph(g)
    return c


def test_seen_pairings_beat_unseen_ones():
    c = stats(GRAPHS)
    assert c.attribute_logprob("black", "cat") > c.attribute_logprob("sandy", "cat") + 1
    assert c.attribute_logprob("sandy", "cat") > c.attribute_logprob("plaid", "cat")   # known word beats unknown
    assert c.predicate_logprob("sit on", "cat", "sofa") > c.predicate_logprob("ride", "cat", "sofa") + 1
    assert c.context_logprob("sofa", ["cat"]) > c.context_logprob("beach", ["cat"]) + 1
    assert c.context_logprob("sofa", ["cat", "bike"]) == pytest.approx(
        (c.context_logprob("sofa", ["cat"]) + c.context_logprob("sofa", ["bike"])) / 2)
    assert math.isfinite(c.context_logprob("sofa", [])) and c.context_logprob("sofa", []) < 0
    assert all(v < 0 for v in (c.attribute_logprob("x", "y"), c.predicate_logprob("x", "y", "z")))


def test_counts_what_the_graph_holds():
    c = stats(GRAPHS[:1], bits=10)
    assert c.graphs == 1 and c.totals == {"attribute": 2, "predicate": 1, "context": 2}


def test_single_slots_match_batched_slots():
    hashes = [token_hashes(["cat"]), token_hashes(["black"])]
    assert slot_of(("cat", "black"), "cooccur:attribute:pair", 12) == tuple_slots(hashes, "cooccur:attribute:pair", 12)[0]


def test_merge_equals_adding_both_in_any_order():
    a, b = GRAPHS[:4], GRAPHS[4:]
    for bits in (12, 8):
        both = stats(a + b, bits).to_bytes()
        assert stats(a, bits).merge(stats(b, bits)).to_bytes() == both
        assert stats(b, bits).merge(stats(a, bits)).to_bytes() == both
    with pytest.raises(ValueError):
        stats(a, 12).merge(stats(b, 10))


def test_merge_refreshes_scores():
    c = stats(GRAPHS[:1])
    before = c.attribute_logprob("brown", "dog")
    c.merge(stats(GRAPHS[2:3]))
    assert c.attribute_logprob("brown", "dog") > before + 1


def test_bytes_round_trip_and_determinism():
    c = stats(GRAPHS)
    data = c.to_bytes()
    assert data == stats(GRAPHS).to_bytes()
    back = Cooccurrence.from_bytes(data, source="p.npz")
    assert back.to_bytes() == data and back.totals == c.totals and back.graphs == c.graphs
    assert back.predicate_logprob("ride", "man", "bike") == c.predicate_logprob("ride", "man", "bike")


def test_bad_bytes_raise_format_error_naming_source():
    with pytest.raises(FormatError, match="in/plausibility.npz"):
        Cooccurrence.from_bytes(b"\x00" * 40, source="in/plausibility.npz")
    arrays = stats(GRAPHS[:2], bits=9).to_arrays()
    arrays["predicate"] = arrays["predicate"].astype(np.int64)
    with pytest.raises(FormatError, match="p.npz.*'predicate'"):
        Cooccurrence.from_bytes(pack_arrays(arrays), source="p.npz")
    arrays = stats(GRAPHS[:2], bits=9).to_arrays()
    del arrays["meta"]
    with pytest.raises(FormatError, match="p.npz.*missing"):
        Cooccurrence.from_bytes(pack_arrays(arrays), source="p.npz")


def test_counts_travel_as_their_used_slots_and_come_back_the_same():
    import pickle

    c = Cooccurrence(bits=16)
    c.add_graphs([graph([("car", ["red"]), ("house", ["blue"])], [(0, "next to", 1)])] * 3)
    blob = pickle.dumps(c)
    assert len(blob) < 3 * 3 * 4 * (1 << 16) / 20          # a few used slots, not the dense tables
    back = pickle.loads(blob)
    assert back.to_bytes() == c.to_bytes()
    assert back.attribute_logprob("red", "car") == c.attribute_logprob("red", "car")


def test_a_draw_in_context_follows_what_went_with_that_context():
    """``sampling.in_context``: with the corpus's co-occurrences a replacement attribute is drawn
    by how often it went with the object ("blue" cars, never "green" ones); plain vocabulary
    counts are returned as they are (the draws stay exactly the uniform pass's)."""
    import random

    from sgshards.augment.plausibility.cooccur import CorpusCounts
    from sgshards.augment.sampling import choose, in_context

    stats = Cooccurrence(bits=16)
    stats.add_graphs([graph([("car", ["blue"]), ("house", ["green"])], [(0, "next to", 1)])] * 20)
    vocab = {"object": {"car": 20, "house": 20}, "attribute": {"blue": 20, "green": 20}, "relation": {}}
    counts = CorpusCounts(vocab, stats)
    assert in_context(vocab, "attribute", ("car",)) is vocab
    rng = random.Random(0)
    for_car = [choose(["blue", "green"], rng, "attribute", in_context(counts, "attribute", ("car",)))
               for _ in range(400)]
    for_house = [choose(["blue", "green"], rng, "attribute", in_context(counts, "attribute", ("house",)))
                 for _ in range(400)]
    assert for_car.count("blue") > 360 and for_house.count("green") > 360
    by_vocab = [choose(["blue", "green"], rng, "attribute", vocab) for _ in range(400)]
    assert 150 < by_vocab.count("blue") < 250                 # equal corpus counts: no preference
    assert in_context(counts, "predicate", ("car", "house"))["predicate"]["next to"] == 20


def test_relation_replacements_follow_their_context_when_co_occurrences_are_counted(parse):
    """relation_replace draws the man's new verb for the horse by what went with (man, horse) in
    the corpus's graphs; attribute_replace keeps drawing by corpus frequency (the object's usual
    attributes made replacements easier to spot)."""
    from collections import Counter

    from sgshards.augment.core import AugmentOptions, augment
    from sgshards.augment.plausibility.cooccur import CorpusCounts
    from sgshards.graph import build_graph

    seen = Cooccurrence()
    seen.add_graphs([graph([("car", ["white"]), ("man", []), ("horse", [])], [(1, "pushing", 2)])] * 30)
    vocab = {"object": {}, "attribute": {}, "relation": {}}

    def new_words(caption, kind, counts):
        doc = parse(caption)
        found = Counter()
        for k in range(40):
            _, negatives = augment(f"k{k}", doc, build_graph(doc), AugmentOptions(
                frequencies=counts, selection="uniform", negative_types=(kind,)))
            found.update(e.after for n in negatives for e in n.edits)
        return found

    rider = "a man riding a horse on the beach"
    plain, fitting = (new_words(rider, "relation_replace", c) for c in (vocab, CorpusCounts(vocab, seen)))
    assert plain["pushing"] < 0.6 * sum(plain.values()) and fitting["pushing"] > 0.85 * sum(fitting.values())
    car = "a red car parked on the street"
    assert new_words(car, "attribute_replace", vocab) == new_words(car, "attribute_replace", CorpusCounts(vocab, seen))
