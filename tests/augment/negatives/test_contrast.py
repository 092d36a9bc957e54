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
