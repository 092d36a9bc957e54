"""attribute_swap on real spaCy parses: whole candidates, articles, casing and the guards."""
from sgshards.augment.negatives.attribute_swap import attribute_swap
from tests.augment.negatives.common import every, run, texts, whole


def test_attribute_swap_whole_output(surface):
    """Four pairs could swap; only same-category pairs (size, colour) are swapped, never a
    cross-category one ("a blue red car next to a small big house")."""
    assert whole(run(attribute_swap, surface("a big red car next to a small blue house"))) == [
        ("a big blue car next to a small red house", "attribute_swap", [((2, 3), "red", "blue"), ((8, 9), "blue", "red")]),
        ("a small red car next to a big blue house", "attribute_swap", [((1, 2), "big", "small"), ((7, 8), "small", "big")]),
    ]


def test_attribute_swap_on_caption_tokens(surface):
    [neg] = run(attribute_swap, surface("a red car next to a blue house"))
    assert neg.text == "a blue car next to a red house"
    assert [(e.span, e.before, e.after) for e in neg.edits] == [((1, 2), "red", "blue"), ((6, 7), "blue", "red")]


def test_attribute_swap_fixes_articles_and_keeps_casing(surface):
    assert texts(run(attribute_swap, surface("An orange car parked next to a red house."))) == [
        "A red car parked next to an orange house."]


def test_attribute_swap_of_predicative_attributes(surface):
    assert texts(run(attribute_swap, surface("the car is red and the house is blue"))) == [
        "the car is blue and the house is red"]


def test_attribute_swap_skips_equal_attributes(surface):
    assert run(attribute_swap, surface("a red car next to a red house")) == []


def test_attribute_swap_never_puts_a_colour_on_a_person(surface):
    assert run(attribute_swap, surface("a tall man wearing a black hat")) == []


def test_attribute_swap_only_within_one_category_that_fits_both(surface):
    """CC3M: "buddhist prayer flags in the barren region" -> "barren prayer flags in the buddhist
    region" was no clear contrast; attributes of different categories ("young" cat, "leather"
    sofa) or uncurated ones are not swapped."""
    assert run(attribute_swap, surface("buddhist prayer flags in the barren region")) == []
    assert run(attribute_swap, surface("young cute cat resting on leather sofa.")) == []


def test_attribute_swap_not_across_a_keyword_list(surface):
    """Web alt-text: "Eco wedding shabby chic style: table, paper flowers" -> "Eco wedding paper chic
    style: table, shabby flowers"."""
    assert run(attribute_swap, surface("Eco wedding shabby chic style: red table, blue paper flowers")) == []


def test_attribute_swap_leaves_an_attribute_that_is_part_of_a_name(surface):
    """CC3M: "stuffed roasted red peppers with ... white beans" -> "roasted white peppers with red
    beans" ("red pepper" and "white pepper" are kinds of pepper, named so whatever their colour)."""
    assert not any("white peppers" in t for t in every(attribute_swap, surface(
        "stuffed roasted red peppers with cherry tomatoes , white beans and olives .")))


def test_no_attribute_swap_of_near_synonyms(surface):
    """heldout5 CC3M: "frozen" and "cold" are one group of their category: exchanging them says the same."""
    got = every(attribute_swap, surface("frozen pipes of extremely cold liquid nitrogen installation in dutch municipality"))
    assert not any(t.startswith("cold pipes") for t in got)
    assert "a blue car next to a red house" in every(attribute_swap, surface("a red car next to a blue house"))


def test_modifiers_side_by_side_are_not_swapped(surface):
    """heldout15 CC3M row 9471: "golden blue tiles background" reorders "blue golden tiles"."""
    assert not run(attribute_swap, surface("texture: blue golden tiles background that tiles seamless as a pattern"))
    assert texts(run(attribute_swap, surface("a red car next to a blue house"))) == ["a blue car next to a red house"]
