"""attribute_replace on real spaCy parses: another group of the same category, in the sense the
object prefers, articles repaired."""
from sgshards.augment.negatives.attribute_replace import attribute_replace
from tests.augment.negatives.common import run, texts, whole


def test_attribute_replace_whole_output(surface):
    """Each attribute has one alternative in its sense (size: small; wetness: dry)."""
    assert whole(run(attribute_replace, surface("a big dog on a wet road"))) == [
        ("a big dog on a dry road", "attribute_replace", [((5, 6), "wet", "dry")]),
        ("a small dog on a wet road", "attribute_replace", [((1, 2), "big", "small")])]


def test_attribute_replace_same_category_never_same_group(surface):
    s = surface("a red car next to a big house")
    for seed in range(10):
        for neg in run(attribute_replace, s, seed):
            [edit] = neg.edits
            if edit.before.endswith("red"):
                assert edit.after.split()[-1] in {"orange", "yellow", "green", "blue", "purple", "pink", "brown",
                                                  "black", "white", "gray"}
            else:
                assert edit.before == "big" and edit.after == "small"


def test_attribute_replace_fixes_article(surface):
    negs = [n for seed in range(20) for n in run(attribute_replace, surface("a red apple"), seed)]
    assert "an orange apple" in {n.text for n in negs}
    assert all(n.text.startswith("an ") == (n.text.split()[1][0] in "aeiou") for n in negs)


def test_attribute_replace_prefers_the_right_sense(surface):
    assert texts(run(attribute_replace, surface("an old man"))) == ["a young man"]
    assert texts(run(attribute_replace, surface("an old car"))) == ["a new car"]


def test_attribute_replace_follows_corpus_frequencies(surface):
    s = surface("a red car")
    picks = {n.text for seed in range(20) for n in run(attribute_replace, s, seed,
                                                       counts={"attribute": {"green": 10 ** 9}})}
    assert picks == {"a green car"}
