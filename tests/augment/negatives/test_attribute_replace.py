"""attribute_replace on real spaCy parses: another group of the same category, in the sense the
object prefers, articles repaired."""
import random

import pytest

from sgshards.augment.negatives.attribute_replace import attribute_replace
from tests.augment.negatives.common import every, run, texts, whole


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


# --------------------------------------------------------------------------- issue 15: real captions

def test_attribute_replace_no_neighbouring_shade_or_implied_attribute(surface):
    """Web alt-text: "Yellow wedding table card" for "Cream", "Rectangular" for "Square"."""
    texts = every(attribute_replace, surface("Cream wedding table card"))
    assert texts and not any(t.split()[0] in ("Yellow", "White", "Brown") for t in texts)
    texts = every(attribute_replace, surface("Square Christmas mistletoe frame"))
    assert texts and not any(t.startswith("Rectangular") for t in texts)


def test_attribute_replace_only_where_the_object_can_have_it(surface):
    """CC3M "glass indie artist" (a material on a person), web "76th wild score" (wildness of a
    score), "new collector" (the age of a thing on a person)."""
    assert every(attribute_replace, surface("rock indie artist")) == set()
    assert not any("wild" in t for t in every(attribute_replace, surface(
        "Mark Cueto touched down for his 76th domestic score as Sale Sharks beat Exeter")))
    assert not any("new collector" in t for t in every(attribute_replace, surface(
        "antique collector holding an iron dating to ca.")))


def test_attribute_replace_leaves_measures_and_comparatives(surface):
    """Web: "34 years new", "a few years old than the singer"."""
    assert not any("years new" in t for t in every(attribute_replace, surface(
        "promoting its goods and services to Hispanic females who are 18 to 34 years old.")))
    assert not any("old than" in t for t in every(attribute_replace, surface(
        "Tulisa throws her arms around her 'little muffins' - who are only a few years younger than the singer")))


# Real CC3M captions: colours a natural thing takes anyway ("black coffee" looks brown, an autumn
# oak leaf may be red) are no contrast.
@pytest.mark.parametrize("caption, old, variants", [
    ("colorful and sunny video of fresh black coffee with croissant on the background", "black", {"brown", "dark"}),
    # (was "a fallen white oak leaf": "white oak" is a kind of oak, whose colour is no longer replaced)
    ("colorful image of an engaged couple embracing underneath a tree covered in orange leaves .", "orange",
     {"red", "brown", "yellow", "green", "purple"}),
])
def test_no_natural_colour_variant(surface, caption, old, variants):
    got = {n.edits[0].after for n in [c for seed in range(40) for c in attribute_replace(
        surface(caption), random.Random(seed), None, 10)] if n.edits[0].before == old}
    assert got and not got & variants, got


def test_no_attribute_replace_into_or_out_of_a_lexicalised_phrase(surface):
    """CC3M "woman and young boy pushing a stroller" -> "old boy" (WordNet: an alumnus, any man)
    and "a belted mini dress" -> "big dress" (a mini is a short skirt: a type, not a size) were
    not clearly false; colours of a mini dress and an "old man" stay."""
    assert not any("old boy" in t for t in every(attribute_replace, surface(
        "woman and young boy pushing a stroller outside school with students in background")))
    assert not any("big dress" in t for t in every(attribute_replace, surface("a woman in a mini dress")))
    assert any("mini dress" in t for t in every(attribute_replace, surface("a model in a red mini dress on the runway")))
    assert "an old man walking a dog" in every(attribute_replace, surface("a young man walking a dog"))


def test_attribute_replace_only_in_the_sense_and_scale_the_noun_takes(surface):
    """CC3M/web: "road with high traffic" -> "short traffic", "in full sail" -> "in empty sail",
    "a classic bathroom design" -> "a new bathroom design", "red shallot" -> "purple" (here "red cabbage"),
    "giant panda twins" -> "small panda", "low tide" -> "tall tide", "high school" -> "short
    school" are not false or not English; a thing's height takes its level ("high boots" -> "low
    boots"), a person's age and a thing's colour stay replaceable ("young woman", "white wine")."""
    for caption, bad in (
            ("view from a car of road with high traffic and young woman driving the car.", "short traffic"),
            ("person of a ship at sea in full sail", "empty sail"),
            ("example of a classic bathroom design", "new bathroom"),
            ("wallpaper probably with a red cabbage entitled my drawing of film character", "purple cabbage"),
            ("giant panda twins play in the snow", "small panda"),
            ("a young girl touches a beached humpback whale that died during low tide .", "tide"),
            ("head coach gives instructions during a timeout in a high school football game", "short school"),
            ("a snowfall that is fresh", "rotten")):
        assert not any(bad in t for t in every(attribute_replace, surface(caption))), caption
    assert "low boots by fashion business" in every(attribute_replace, surface("high boots by fashion business"))
    assert "old woman sitting in a window" in every(attribute_replace, surface("young woman sitting in a window"))
    assert any("red wine" in t for t in every(attribute_replace, surface("a glass of white wine on a table")))


def test_digital_art_takes_hand_painted_art(surface):
    """CC3M "digital art selected for the #" (40 captions with no negative, issue 15c coverage): a
    picture made on a computer is not hand-painted; "digital" of a camera is no medium."""
    assert "hand-painted art selected for the #" in every(attribute_replace, surface("digital art selected for the #"))
    assert not any("hand-painted" in t for t in every(attribute_replace, surface("a digital camera on the table")))


def test_attribute_replace_no_age_of_a_thing_where_the_text_says_another(surface):
    """heldout3 CC3M "we are adding new # antique pieces to our showroom regularly." -> "adding old #
    antique pieces" (new = newly added); heldout2 web "Vintage frame ... Classic baroque old style
    decoration" -> "New frame" (a style, drawn new)."""
    from sgshards.augment.negatives.attribute_replace import attribute_replace
    assert not any("old #" in t for t in every(
        attribute_replace, surface("we are adding new # antique pieces to our showroom regularly.")))
    assert not any(t.startswith("New frame") for t in every(attribute_replace, surface(
        "Vintage frame floral design elements abstract. Flourish decor border. Classic baroque old style decoration.")))
    assert "a new car parked on the street" in every(attribute_replace, surface("an old car parked on the street"))
    # "style" after the age is no second age (CC3M "new style blue mother of the bride dress")
    assert any(t.startswith("old style blue") for t in every(
        attribute_replace, surface("new style blue mother of the bride dress with long sleeves")))


def test_no_temperature_contrast_of_approval(surface):
    """heldout5 CC3M: "the wedding dress is cool" approves of it: "is hot" is no contradiction; the
    heat of a stuff is still replaced ("cold liquid nitrogen" -> "hot")."""
    got = every(attribute_replace, surface("sure the wedding dress is cool, but look at that purple dress."))
    assert got and not any("dress is hot" in t or "dress is warm" in t or "dress is cold" in t for t in got)
    assert any(" hot liquid" in t or " warm liquid" in t
               for t in every(attribute_replace, surface("frozen pipes of extremely cold liquid nitrogen installation")))


def test_no_replacement_inside_a_compound_before_the_name(surface):
    """heldout5/heldout4 CC3M: "knee high socks" -/-> "knee low socks" (a body part measures), "sour
    cream bundt cake" -/-> "sour gray bundt cake" (a multiword noun); the shoes' colour still changes."""
    got = every(attribute_replace, surface("a fashion look featuring vintage dresses, knee high socks and yellow shoes."))
    assert not any("knee low" in t or "knee short" in t for t in got)
    assert any("knee high socks and" in t and "yellow shoes" not in t for t in got)
    got = every(attribute_replace, surface("White chocolate sour cream bundt cake (Text in Bulgarian with translator)"))
    assert not any("sour cream" not in t for t in got)


def test_a_cloudy_sky_is_never_called_rainy(surface):
    """heldout9 CC3M row 2365: "cloudy" -> "rainy" (or snowy, foggy) may be the same sky."""
    got = every(attribute_replace, surface("colorful sunset on cloudy sky over the sea."), seeds=30, limit=20)
    assert got and not any(w in t for t in got for w in ("rainy", "snowy", "foggy", "misty")), got
