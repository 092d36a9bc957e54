"""Word-level contrast guards (negatives/contrast.py) on pairs readers judged."""


def test_near_things_a_reader_cannot_tell_apart_are_not_contrasts():
    """Readers called these replacements not false (CC3M "roofs against a cloudy blue sky" ->
    "ceilings ...", Visual Genome "shirt" -> "sweater", "helmet" -> "hat", "oven" -> "stove")."""
    from sgshards.augment.negatives.contrast import distinct_things
    for a, b in (("roofs", "ceilings"), ("shirt", "sweater"), ("helmet", "hat"), ("oven", "stove"), ("pipe", "tunnel")):
        assert not distinct_things(a, b) and not distinct_things(b, a)
    assert distinct_things("roof", "floor") and distinct_things("shirt", "shoe")


def test_curated_nouns_of_two_groups_one_a_kind_of_the_other_are_not_contrasts():
    """heldout3 CC3M "roses and their reflection in the water" -> "bushes and their reflection":
    curated in two groups, a rose is a bush by its first sense."""
    from sgshards.augment.negatives.contrast import distinct_things
    assert not distinct_things("rose", "bush") and not distinct_things("bush", "rose")
    assert distinct_things("rose", "tree") and distinct_things("dog", "cat")


def test_the_pair_memo_answers_as_the_test_does_and_stays_bounded():
    """``distinct_things`` is asked about hundreds of thousands of noun pairs a run: its memo keeps
    them as dicts by the first noun, emptied whole at its limit, and never changes an answer."""
    from sgshards.augment.negatives import contrast
    nouns = ["man", "woman", "dog", "puppy", "car", "van", "roof", "ceiling", "shirt", "sweater", "rose", "bush",
             "hand", "finger", "tree", "oak", "girl", "lady", "boy", "student"]
    pairs = [(a, b, parts) for a in nouns for b in nouns for parts in (True, False)]

    def uncached(a, b, parts):
        if not parts:
            return contrast._distinct_kinds(a, b)
        ta, tb = contrast._thing(a)[0], contrast._thing(b)[0]
        return not (contrast.part_of(ta, tb) or contrast.part_of(tb, ta)) and contrast._distinct_kinds(ta, tb)

    expected = [uncached(*p) for p in pairs]
    assert [contrast.distinct_things(*p) for p in pairs] == expected
    assert [contrast.distinct_things(*p) for p in pairs] == expected        # from the memo
    assert not contrast.distinct_things("hand", "finger") and not contrast.distinct_things("girl", "lady")
    memo = contrast.PairMemo(50)
    for k in range(120):
        memo.put(f"a{k % 7}", f"b{k}", k % 2 == 0)
        memo.put(f"a{k % 7}", f"b{k}", k % 2 == 0)             # asked again: one pair
        assert memo.size <= 50
    assert memo.get("a1", "b99") is None and memo.get("a1", "b113") is False and memo.get("a2", "b114") is True


def test_the_pair_memo_keeps_a_pair_in_a_fraction_of_lru_caches_memory():
    """227,000 pairs of a CC3M run took 34 MiB in ``functools.lru_cache``; a worker's memory grew
    with them until they filled it.  As dicts by the first noun: about 30 bytes a pair."""
    import tracemalloc

    from sgshards.augment.negatives.contrast import PairMemo
    firsts, seconds = [f"noun{k}" for k in range(400)], [f"other{k}" for k in range(250)]
    memo = PairMemo(1 << 18)
    tracemalloc.start()
    try:
        for a in firsts:
            for k, b in enumerate(seconds):
                memo.put(a, b, k % 3 == 0)
        used = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert memo.size == 100_000 and used < 100_000 * 60            # functools.lru_cache: ~150 bytes a pair
