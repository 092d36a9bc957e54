"""Fixed multiword expressions are never cut apart, and the nouns of figurative phrases are no
objects (issue 15, heldout readers' notes); real CC3M and web alt-text captions."""
from sgshards.augment.core import AugmentOptions, augment
from sgshards.graph import build_graph
from sgshards.lexicon.units import is_unit, unit_spans


def run(parse, caption):
    doc = parse(caption)
    graph = build_graph(doc)
    pos, neg = augment("k", doc, graph, AugmentOptions(max_positives=20, max_negatives=20, keep_unsuitable=True))
    return graph, [p.text.lower() for p in pos[1:]], [n.text.lower() for n in neg]


def spans(parse, caption):
    doc = parse(caption)
    return [(" ".join(t.text for t in doc[s:e]), k)
            for s, e, k in unit_spans([t.text for t in doc], [t.lemma.lower() for t in doc], [t.tag for t in doc])]


def test_the_unit_table():
    assert is_unit("still life") and is_unit("bill of sale") and is_unit("next of kin")
    assert is_unit("date of birth") and is_unit("cover art") and is_unit("semi final")
    # as written in captions far more often than as the fixed noun; phrases of the sentence
    assert not is_unit("white house") and not is_unit("old man") and not is_unit("red wine")
    assert not is_unit("the city") and not is_unit("looking at") and not is_unit("cup of tea")
    assert not is_unit("man in the street")


def test_unit_spans_need_a_noun_head(parse):
    assert ("next of kin", "u") in spans(parse, "make sure any application has, contains date of birth, "
                                                "national insurance number and next of kin details.")
    assert ("giant sized", "a") in spans(parse, "playing chess on a giant sized board")
    assert ("Pride of Britain", "u") in spans(parse, "Emmerdale stars join Pride of Britain bus tour")
    # heldout13 web: "Valley" and "the Fallen" were positives
    assert ("Valley of the Fallen", "u") in spans(parse, "world's most controversial monuments: Valley of the Fallen, Spain")
    assert spans(parse, "The view of the city from the hill") == []
    assert ("bus stop", "h") in spans(parse, "people waiting at the bus stop")
    assert spans(parse, "a man with a flag waving in the wind") == []


def test_a_noun_unit_is_one_object(parse):
    graph, pos, _ = run(parse, "still life with white flowers in person")
    assert "still life" in [o.name for o in graph.objects]
    assert "life" not in pos and "life with white flowers" not in pos
    graph, pos, neg = run(parse, "person for athlete after his side win the semi final match.")
    assert "semi final match" in [o.name for o in graph.objects]
    assert not any("final match" in t and "semi" not in t for t in pos + neg)
    # heldout13 CC3M: "the party is after" was a positive
    graph, pos, neg = run(parse, "author and actor pose at the after party for the premiere.")
    assert "after party" in [o.name for o in graph.objects]
    assert not any("party is after" in t or "after" not in t and "party" in t for t in pos + neg)
    # heldout13 CC3M: "mother" and "the bride dress" were positives of a dress's name
    _, pos, _ = run(parse, "mother of the bride dress")
    assert not any("mother" in t or "bride" in t for t in pos), pos
    _, pos, _ = run(parse, "day of the dead parade in the city")
    assert "the parade is dead" not in pos and "the day of the dead parade" in pos, pos


def test_no_positive_keeps_part_of_a_unit(parse):
    _, pos, _ = run(parse, "make sure any application has, contains date of birth, national insurance "
                           "number and next of kin details.")
    assert "date" not in pos and "kin details" not in pos and "birth" not in pos
    _, pos, _ = run(parse, "nc car bill of sale")
    assert "nc car bill" not in pos and "sale form" not in pos
    _, pos, neg = run(parse, "Variable Star cover art")
    assert not any("covering" in t or t == "art" for t in pos + neg)
    _, pos, _ = run(parse, "world's most controversial monuments: Valley of the Fallen, Spain")
    assert not any("valley" in t or "fallen" in t for t in pos), pos
    _, pos, _ = run(parse, "Emmerdale stars join Pride of Britain bus tour")
    assert not any("pride" in t and "britain" not in t for t in pos)
    _, pos, _ = run(parse, "LED Laser Pointer light Pen")
    assert "light" not in pos


def test_no_edit_inside_a_unit(parse):
    _, pos, neg = run(parse, "at the back is the high street which contains the first buildings my husband made")
    assert not any("street that is high" in t or "street is high" in t for t in pos)
    assert not any("short street" in t or "low street" in t for t in neg)
    _, pos, neg = run(parse, "playing chess on a giant sized board")
    assert not any("giant and sized" in t or "small sized" in t or "small and sized" in t for t in pos + neg)
    _, pos, neg = run(parse, "person was fourth in the shot put at the championship meet wednesday, "
                             "finishing with a throw of feet, inches.")
    assert "the shot" not in pos and not any("put at the shot" in t for t in neg)


def test_a_predicated_rank_is_no_attribute(parse):
    _, pos, neg = run(parse, "person was fourth in the shot put at the championship meet wednesday, "
                             "finishing with a throw of feet, inches.")
    assert not any("fourth person" in t for t in pos + neg)
    _, pos, _ = run(parse, "the runner finished second in the race")
    assert not any("second runner" in t for t in pos)
    # written after its noun: a century cut short (heldout10 web: "a 19th vase")
    _, pos, neg = run(parse, "A Chinese blue and white vase, Qing Dynasty, 19th")
    assert not any("19th vase" in t or "vase is 19th" in t for t in pos + neg)


def test_figurative_phrases_name_no_object(parse):
    for caption, noun in (("organism the smartest bird on earth", "earth"),
                          ("launch pad: a watery world is on your doorstep", "doorstep"),
                          ("not a day at the beach", "beach"),
                          ("in case you're like me and missed an event, here are some awesome pics!", "case"),
                          ("a pink bedroom fit for a princess", "princess")):
        _, pos, neg = run(parse, caption)
        assert not any(noun in t.split() for t in pos), caption
    _, pos, _ = run(parse, "1st birthday was princess themed fit for a princess!")
    assert "a princess" not in pos


def test_literal_phrases_stay(parse):
    for caption, text in (("balloons floating in the air", "the air"),
                          ("a cat sitting on the doorstep", "the doorstep"),
                          ("a family enjoying a day at the beach", "the beach"),
                          ("a man playing a musical instrument", "a musical instrument"),
                          ("people waiting at the bus stop", "the bus stop")):
        _, pos, _ = run(parse, caption)
        assert text in pos, caption


def test_an_adjective_inside_a_unit_is_never_dropped(parse):
    graph, pos, _ = run(parse, "the hot air balloons soar above the clouds on a flight over a city")
    assert "hot air balloon" in [o.name for o in graph.objects]
    assert not any("air balloon" in t and "hot air balloon" not in t for t in pos)
    _, pos, neg = run(parse, "waves crash around the rocky shores at high tide .")
    assert not any(t.endswith("at tide") or "the tide" in t for t in pos)
    assert not any("low tide" in t for t in neg)


def test_a_colouring_page_is_one_thing(parse):
    assert is_unit("coloring page") and is_unit("colouring sheet")
    _, pos, _ = run(parse, "magic tree house coloring pages to download and print for free at")   # web heldout10
    assert not [p for p in pos if "is coloring" in p or p.endswith("pages") and "coloring" not in p]


def test_a_players_position_is_one_thing(parse):
    assert is_unit("defensive tackle") and is_unit("wide receiver") and is_unit("point guard")
    _, pos, _ = run(parse, "defensive tackle celebrates a sack during the second half")     # CC3M heldout10
    assert pos and not [p for p in pos if "is defensive" in p or "that is defensive" in p]


def test_social_media_is_one_unit(parse):
    """heldout11 CC3M: "the media are social"."""
    _, pos, _ = run(parse, "so in love: people were married seen here on their way to awards in a photo shared to "
                           "social media")
    assert not any("are social" in t or "that are social" in t for t in pos)


def test_a_possessive_noun_is_one_unit(parse):
    """heldout16-20 CC3M: "the eve" and "people are on the eve" of "people on new year's eve!", "cats on the
    eve"; and negatives "a seagull's day", "at a farmers hospital"."""
    assert is_unit("new year 's eve") and is_unit("mother 's day") and is_unit("farmers market")
    assert not is_unit("cat 's eye")               # a cat's eyes as often: not a unit
    assert ("new year 's eve", "u") in spans(parse, "people on new year's eve!")
    _, pos, neg = run(parse, "people on new year's eve!")
    assert not any("eve" in t for t in pos) and not any(t.endswith("the eve !") for t in neg), (pos, neg)
    _, pos, neg = run(parse, "mother's day this meal was fit for a queen")
    assert not any("'s day" in t and "mother" not in t for t in neg), neg
    # the possessor is a word of the name: its own article or none, never "the new year's eve"
    _, pos, _ = run(parse, "a girl with baby's breath in her hair")
    assert "a girl with baby's breath" in pos, pos
    _, pos, _ = run(parse, "the cat's eyes are open")
    assert "the eyes are open" in pos, pos
