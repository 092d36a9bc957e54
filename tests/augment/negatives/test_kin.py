"""kin: replacement nouns for things outside the curated groups, by WordNet kinship among the
nouns of things seen (FACTUAL train), and animals for people."""
from sgshards.augment.negatives.contrast import distinct_things
from sgshards.augment.negatives.kin import kin_alternatives, other_organisms, plain_thing, visual_nouns
from sgshards.augment.negatives.object_replace import object_replace
from tests.augment.negatives.common import every


def test_visual_nouns_are_countable_things_people_name():
    nouns = dict(visual_nouns())
    assert nouns["dog"] > nouns["kite"] > 0 and "kettle" not in nouns     # kettle: too rare in FACTUAL
    assert "grass" not in nouns and "luggage" not in nouns and "water" not in nouns     # no "a grass"


def test_kin_are_the_nearest_other_things():
    assert "duck" in kin_alternatives("goose") and "bird" not in kin_alternatives("goose")
    # a kettle is a pot in WordNet: nothing of the curated "pot|pan" group replaces it
    assert kin_alternatives("kettle") and "pan" not in kin_alternatives("kettle")
    assert kin_alternatives("access road") == ()       # a road: "highway", "street" are roads too
    for name in ("goose", "kettle", "crocodile", "schooner", "avocado"):
        alts = kin_alternatives(name)
        assert alts and all(distinct_things(w, name) for w in alts), name


def test_kin_only_for_plain_things():
    """Curated nouns keep their groups; acts, times, pictures, abstractions, categories, meals and
    words that are also people or acts get no kin."""
    for name in ("dog", "game", "stage", "view", "portrait", "banner", "art", "vehicle", "lunch", "match", "fan",
                 "person", "grass", "stand", "bride dress"):
        assert kin_alternatives(name) == (), name
    assert plain_thing("kettle") and not plain_thing("dinner") and not plain_thing("bat")


def test_people_take_animals():
    assert "dog" in other_organisms("actor") and "horse" in other_organisms("people")
    assert other_organisms("dog") == () and other_organisms("diesel") == () and other_organisms("fan") == ()


def test_no_category_word_replaces_a_thing():
    """CC3M "pen in hand with cap on the back" -> "utensil in hand": many seen things are kinds
    of a utensil (pot, pan, blender), so a reader takes it for a hypernym of any tool of a kind."""
    assert "utensil" not in kin_alternatives("pen") and kin_alternatives("pen")
    assert "appliance" not in kin_alternatives("blender")


def test_an_animal_no_group_replaces_takes_a_person(surface):
    """CC3M writes "animal" for every species it names: no curated group or kin replaces it, a
    person does; never after "kind of"/"flock of" ("a flock of a woman") nor before a plural verb."""
    assert other_organisms("animal") and other_organisms("pet")
    assert other_organisms("dog") == () and other_organisms("creature") == ()    # "creature": maybe a person
    assert "a woman getting ready to pounce !" in every(object_replace, surface("animal getting ready to pounce !"))
    assert "a woman running in the jungle - photo #" in every(
        object_replace, surface("animal running in the jungle - photo #"))
    def people(caption):
        return {t for t in every(object_replace, surface(caption)) if "woman" in t or "man" in t.split()}
    assert not people("large flock of animal flying over water off the coast")
    assert not people("because animal are a major source of food in parts .")


def test_an_animal_no_group_or_kin_replaces_takes_a_person(surface):
    """CC3M "a leopard stops for a drink" had no negative (issue 15c coverage): WordNet's leopard
    is an animal (and its fur), no curated group or kin takes it; a man or a woman does.  Never
    with a person in the caption ("a man with his pet leopard" -/-> "his pet man"), never for an
    animal that may be a person ("fox", "bull")."""
    assert "a woman stops for a drink" in every(object_replace, surface("a leopard stops for a drink"))
    assert other_organisms("fox") == () and other_organisms("dog") == ()
    assert not any("pet man" in t or "pet woman" in t
                   for t in every(object_replace, surface("a man with his pet leopard")))
    # a compound ("bird feeder": WordNet's feeder is an animal fattened), a microorganism, modifiers
    assert not any("woman" in t or " man" in t for t in every(object_replace, surface("a pair of animal in a bird feeder")))
    assert other_organisms("bacteria") == ()
    assert not any(" man " in t or "woman" in t
                   for t in every(object_replace, surface("image cute raccoon on a white background .")))


def test_a_compound_takes_no_kin_its_head_may_name(surface):
    """heldout3 CC3M "fishing boat in the calm waters" -> "ship in the calm waters": WordNet files a
    fishing boat under vessel, not boat, so its kin were "boat", "canoe", "sailboat", "ship": all of
    them may be the fishing boat.  A compound is a kind of its head."""
    alts = kin_alternatives("fishing boat")
    assert not {"boat", "ship", "sailboat", "canoe"} & set(alts)
    got = every(object_replace, surface("fishing boat in the calm waters"))
    assert not any(t.startswith(("ship ", "sailboat ", "boat ", "canoe ")) for t in got)


def test_no_replacement_by_a_thing_called_either_name():
    """heldout3 real replacements judged not false: "tree" -> "bush" ("ornamental tree"), "gates" ->
    "doors" ("inside the gates of the forbidden city"), "meadow" -> "mountain" ("cows on a
    meadow"), "hotel" -> "skyscraper" ("a 70's designed hotel"), "banks" -> "hillsides"."""
    for a, b in (("tree", "bush"), ("gate", "door"), ("meadow", "mountain"), ("hotel", "skyscraper"),
                 ("bank", "hillside")):
        assert not distinct_things(a, b) and not distinct_things(b, a), (a, b)
    assert distinct_things("tree", "flower") and distinct_things("goose", "duck")
