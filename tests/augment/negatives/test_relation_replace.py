"""relation_replace on real spaCy parses: contrasting prepositions and verbs, in the verb's form,
whole compound prepositions only."""
from sgshards.augment.negatives.relation_replace import relation_replace
from tests.augment.negatives.common import run, texts, whole


def test_relation_replace_whole_output(surface):
    assert whole(run(relation_replace, surface("A cat sitting on a wooden table."))) == [
        ("A cat sitting under a wooden table.", "relation_replace", [((3, 4), "on", "under")]),
        ("A cat standing on a wooden table.", "relation_replace", [((2, 3), "sitting", "standing")])]


def test_relation_replace_contrasts(surface):
    s = surface("A cat sitting on a wooden table.")
    assert texts(run(relation_replace, s)) == ["A cat sitting under a wooden table.",
                                                "A cat standing on a wooden table."]
    assert texts(run(relation_replace, surface("a man in front of a car"))) == ["a man behind a car"]
    assert texts(run(relation_replace, surface("a woman standing to the left of a tree")))[-1] == \
        "a woman standing to the right of a tree"


def test_relation_replace_keeps_verb_form(surface):
    assert texts(run(relation_replace, surface("A man holds an umbrella."))) in (
        ["A man drops an umbrella."], ["A man throws an umbrella."])


def test_relation_replace_whole_compound_prepositions_only(surface):
    assert texts(run(relation_replace, surface("a sign on the side of a building"))) == [
        "a sign on top of a building"]
    assert texts(run(relation_replace, surface("a cat in the middle of a road"))) == [
        "a cat at the edge of a road"]
    negs = {t for seed in range(5) for t in texts(run(
        relation_replace, surface("a dog running from left to right across a field"), seed))}
    assert negs and not any("left to left" in t or "right to right" in t for t in negs)
