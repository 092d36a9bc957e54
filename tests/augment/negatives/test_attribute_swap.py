"""attribute_swap on real spaCy parses: whole candidates, articles, casing and the guards."""
from sgshards.augment.negatives.attribute_swap import attribute_swap
from tests.augment.negatives.common import run, texts, whole


def test_attribute_swap_whole_output(surface):
    """Four pairs could swap; same-category pairs (size, colour) come first and the limit (2)
    keeps exactly those, not a cross-category one ("a blue red car next to a small big house")."""
    assert whole(run(attribute_swap, surface("a big red car next to a small blue house"))) == [
        ("a big blue car next to a small red house", "attribute_swap", [((2, 3), "red", "blue"), ((8, 9), "blue", "red")]),
        ("a small red car next to a big blue house", "attribute_swap", [((1, 2), "big", "small"), ((7, 8), "small", "big")]),
    ]


def test_attribute_swap_on_caption_tokens(surface):
    [neg] = run(attribute_swap, surface("a red car next to a blue house"))
    assert neg.text == "a blue car next to a red house"
    assert [(e.span, e.before, e.after) for e in neg.edits] == [((1, 2), "red", "blue"), ((6, 7), "blue", "red")]


def test_attribute_swap_fixes_articles_and_keeps_casing(surface):
    assert texts(run(attribute_swap, surface("An old car parked next to a red house."))) == [
        "A red car parked next to an old house."]


def test_attribute_swap_of_predicative_attributes(surface):
    assert texts(run(attribute_swap, surface("the car is red and the house is blue"))) == [
        "the car is blue and the house is red"]


def test_attribute_swap_skips_equal_attributes(surface):
    assert run(attribute_swap, surface("a red car next to a red house")) == []


def test_attribute_swap_never_puts_a_colour_on_a_person(surface):
    assert run(attribute_swap, surface("a tall man wearing a black hat")) == []
