"""Last-resort contrasts for CC3M captions no generator gave a negative (issue 15, coverage): the
medium of the picture, the person a picture shows, a plain thing as a large animal; asked only
when the caption has no negative at all."""
from sgshards.augment.core import AugmentOptions, augment
from sgshards.augment.negatives.last_resort import (last_resort, medium_replacements, shown_person_replacements,
                                                    stranger_replacements)
from sgshards.graph import build_graph


def texts(surface):
    return [c.text for c in last_resort(surface)]


def negatives(parse, caption):
    doc = parse(caption)
    return [n.text for n in augment("k", doc, build_graph(doc), AugmentOptions())[1]]


def test_medium_of_a_caption_headed_by_a_picture_word(surface):
    assert texts(surface("photo of an albino squirrel .")) == ["drawing of an albino squirrel ."]
    assert texts(surface("a drawing of sliced lime")) == ["a photo of sliced lime"]
    # the drawing's technique goes with it
    assert "photo of a banner for holiday ." in texts(surface("vector illustration of a banner for holiday ."))
    # a view and a close up are photographs
    assert texts(surface("a view of the skyline")) == ["a drawing of the skyline"]
    assert texts(surface("close - up of a dollar bill")) == ["drawing of a dollar bill"]
    # a view's modifiers go with it ("a distant drawing" says little)
    assert texts(surface("a distant view of the pyramids")) == ["a drawing of the pyramids"]


def test_no_medium_contrast_where_the_picture_is_no_head_or_its_medium_is_open(surface):
    assert medium_replacements(surface("a man holding a photo of his son")) == []       # an argument
    assert medium_replacements(surface("image of a door handle")) == []                 # either medium
    assert medium_replacements(surface("side view of a storeys house vector")) == []    # a vector
    assert medium_replacements(surface("the view from our deck")) == []                 # no "of"
    assert medium_replacements(surface("cartoon illustration of a pocket watch running stock vector")) == []
    assert medium_replacements(surface("the current view of worship")) == []            # no thing shown
    assert medium_replacements(surface("close up of a world map")) == []                # a flat graphic
    assert medium_replacements(surface("vector illustration of a hand drawn anchor .")) == []


def test_the_person_a_picture_shows_becomes_an_animal(surface):
    assert shown_person_replacements(surface("close up of olympic athlete")) == [((3, 5), "a dog")]
    assert "portrait of the dog 1960s" in texts(surface("portrait of the actress 1960s"))
    # a person the picture does not head, or one with a person word before it
    assert shown_person_replacements(surface("a man holding a photo of his son")) == []


def test_a_plain_thing_becomes_a_large_animal(surface):
    assert texts(surface("looking down on the fountains")) == ["looking down on the horses"]
    assert "image of a horse" in texts(surface("image of a door handle"))          # the whole compound
    assert texts(surface("roof tiles useful as a background")) == ["horses useful as a background"]
    # a thing in any of its senses ("tools": also an act of tooling)
    assert texts(surface("all of the tools in package !")) == ["all of the horses in package !"]
    # a caption of horses' places takes an elephant
    assert texts(surface("looking down on the fountains at the ranch")) == ["looking down on the elephants at the ranch"]


def test_no_stranger_for_a_mass_a_list_a_statement_a_place_or_a_person(surface):
    assert stranger_replacements(surface("where sediment comes from 6 .")) == []               # a mass
    # a list's members stay (the dough may go: "for a horse")
    assert [span for span, _ in stranger_replacements(
        surface("mixing the flour , sugar , salt and yeast for a pizza dough"))] == [(11, 13)]
    assert stranger_replacements(surface("the cure for anything is salt water")) == []          # a statement
    assert stranger_replacements(surface("i tend to play this album in my studio .")) == []     # a place
    assert stranger_replacements(surface("a woman looking at the fountains")) == []             # a person's
    assert stranger_replacements(surface("giant light up letters , hearts and venue decorations")) == []
    assert stranger_replacements(surface("the crammed marina at home .")) == []                 # a state of it
    assert stranger_replacements(surface("making a house a home")) == []                        # an idiom
    assert stranger_replacements(surface("vector illustration of a banner of deity for holiday .")) == []
    assert stranger_replacements(surface("close - up of a steam - powered train on its tracks")) == []     # its
    assert stranger_replacements(surface("use the empty spaces of your house with some home decoration")) == []
    assert stranger_replacements(surface("sling this drink is based on beverage , created .")) == []      # passive
    assert stranger_replacements(surface("the railway track to railway line")) == []                     # said again
    assert texts(surface("close up macro photograph of half a lemon .")) == [
        "close up macro photograph of half a horse ."]                                # the measure stays


def test_a_stranger_takes_the_whole_phrase_after_the_determiner(surface):
    """An adjective of the thing reads badly of the animal ("the solar horse", "a light horse")."""
    assert texts(surface("cartoon of the solar system")) == ["cartoon of the horse"]
    assert texts(surface("dolly shot of a beautiful chandelier")) == ["dolly shot of a horse"]


def test_last_resort_only_for_a_caption_without_negatives(parse):
    """A caption no generator gives a negative takes the last resort; one with negatives keeps
    exactly its own."""
    assert negatives(parse, "looking down on the fountains") == ["looking down on the horses"]
    assert negatives(parse, "a drawing of sliced lime") == ["a photo of sliced lime"]
    assert "close - up of a cat on the table" in negatives(parse, "close - up of a cat on the sofa")
    assert not any("drawing" in t for t in negatives(parse, "close - up of a cat on the sofa"))
