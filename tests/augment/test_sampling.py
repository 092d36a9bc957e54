"""Seeded sampling helpers: the same draws as the random.Random methods they stand for."""
import random
from collections import Counter

import pytest

from sgshards.augment.sampling import below, choose, shuffle


def test_shuffle_and_below_draw_like_random():
    """The sampling helpers must give exactly Random.shuffle's and Random.randrange's results
    (and leave the generator in the same state), or every shard would change."""
    for seed in range(200):
        a, b = random.Random(seed), random.Random(seed)
        for n in (0, 1, 2, 3, 5, 8, 17):
            xs, ys = list(range(n)), list(range(n))
            a.shuffle(xs)
            shuffle(b, ys)
            assert xs == ys
            if n:
                assert a.randrange(n) == below(b, n)
        assert a.getstate() == b.getstate()
    with pytest.raises(ValueError):
        below(random.Random(0), 0)


def test_choose_draws_like_randrange_without_counts():
    words = ["truck", "bus", "van"]
    for seed in range(50):
        a, b = random.Random(seed), random.Random(seed)
        assert choose(words, b, "object") == words[a.randrange(len(words))]
        assert choose(words, b, "object", {"attribute": {"bus": 5}}) == words[a.randrange(len(words))]
        assert a.getstate() == b.getstate()


def test_choose_weights_by_corpus_frequency():
    rng = random.Random(0)
    picks = Counter(choose(["truck", "bus"], rng, "object", {"object": {"truck": 999}}) for _ in range(200))
    assert picks["truck"] >= 198            # weight 999 to 1: 200 of 200 now; 198 leaves room for another draw order
