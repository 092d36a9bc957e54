"""Word-level contrast guards (negatives/contrast.py) on pairs readers judged."""


def test_near_things_a_reader_cannot_tell_apart_are_not_contrasts():
    """Readers called these replacements not false (CC3M "roofs against a cloudy blue sky" ->
    "ceilings ...", Visual Genome "shirt" -> "sweater", "helmet" -> "hat", "oven" -> "stove")."""
    from sgshards.augment.negatives.contrast import distinct_things
    for a, b in (("roofs", "ceilings"), ("shirt", "sweater"), ("helmet", "hat"), ("oven", "stove"), ("pipe", "tunnel")):
        assert not distinct_things(a, b) and not distinct_things(b, a)
    assert distinct_things("roof", "floor") and distinct_things("shirt", "shoe")
