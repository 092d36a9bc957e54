"""object_replace on real spaCy parses: another group of the same category, in the slot's number
and article, never a synonym, hyponym or hypernym."""
import random

import pytest

from sgshards.augment.negatives.object_replace import object_replace
from sgshards.augment.negatives.object_swap import same_group
from tests.augment.negatives.common import every, record_negatives, run, whole


def test_object_replace_whole_output(surface):
    """Frequencies weighting "cat" and "kite" a billion to one make the draws certain."""
    counts = {"object": {"cat": 10 ** 9, "kite": 10 ** 9}}
    assert whole(run(object_replace, surface("A dog chasing a ball."), counts=counts)) == [
        ("A cat chasing a ball.", "object_replace", [((1, 2), "dog", "cat")]),
        ("A dog chasing a kite.", "object_replace", [((4, 5), "ball", "kite")])]


def test_object_replace_same_category_number_and_article(surface):
    s = surface("An owl sitting on two branches.")
    negs = [n for seed in range(10) for n in run(object_replace, s, seed)]
    owl = {n.text for n in negs if n.edits[0].before.endswith("owl")}
    assert owl and all(t.endswith(" sitting on two branches.") for t in owl)
    assert all(t.split()[0] == ("An" if t.split()[1][0] in "aeiou" else "A") for t in owl)
    branches = {n.text.split()[-1] for n in negs if n.edits[0].before == "branches"}
    assert branches and branches <= {"leaves.", "trunks.", "roots."}
    s = surface("two dogs on a sofa")
    plural = {n.text.split()[1] for seed in range(10) for n in run(object_replace, s, seed) if n.text.endswith("sofa")}
    assert plural and all(w.endswith("s") or w in ("mice", "sheep", "deer") for w in plural)


def test_object_replace_never_synonym_or_hyponym(surface):
    s = surface("a dog chasing a cat")
    for seed in range(20):
        for neg in run(object_replace, s, seed):
            [edit] = neg.edits
            new = edit.after.split()[-1]
            assert not same_group(new, "dog") and not same_group(new, "cat")
            assert new not in ("puppy", "kitten", "animal", "pet")


# --------------------------------------------------------------------------- issue 15: real captions

def test_object_replace_never_a_near_synonym_or_part(surface):
    """CC3M: "girls" for "women", "teenage man" for "teenage boy", "sidewalks" for "streets",
    "finger" for "hand", "pot" for "vase" were not false."""
    assert not any("for girls" in t for t in every(object_replace, surface(
        "old men looking for women : how to pick up venture funded company")))
    texts = every(object_replace, surface("depressed teenage boy walking in a park on an autumn afternoon"))
    assert "depressed teenage girl walking in a park on an autumn afternoon" in texts
    assert not any("teenage man" in t for t in texts)
    assert not any("sidewalk" in t for t in every(object_replace, surface("actor seen on the streets.")))
    assert not any("finger" in t for t in every(object_replace, surface(
        "close up of a man's hand, hard at work using a calculator")))
    assert not any("sculptural pot" in t for t in every(object_replace, surface(
        "the large sculptural vase has an unique glaze that settles naturally on the ceramics.")))


def test_object_replace_never_names_a_kind_that_is_no_thing(surface):
    """heldout14 VG: "a dirt tractor" of "a dirt bike"; CC3M: "peregrine penguin", "car surfboard", "pine
    flower": the head of a named kind ("peregrine falcon", a WordNet unit) keeps its modifier only for
    another such kind."""
    for caption, kind in (("a peregrine falcon perched on a rock", "peregrine"), ("the car tire in the mud", "car"),
                          ("a man sitting on a dirt bike who has a helmet on and black boots.", "dirt")):
        texts = every(object_replace, surface(caption))
        assert not any(kind in t.split() and not any(f"{kind} {w}" in t for w in caption.split())
                       for t in texts), texts
    assert every(object_replace, surface("a peregrine falcon perched on a rock"))     # the rock is still replaced


def test_object_replace_keeps_the_preposition_idiom_and_pronoun_fitting(surface):
    """CC3M "water lily in beach", "on foot" -> "on tail"; web "The woman himself"."""
    assert not any(w in t for t in every(object_replace, surface("water lily in pond"))
                   for w in ("in beach", "in island", "in shore"))
    assert all("on foot" in t for t in every(object_replace, surface("exploring with baby on bike and on foot.")))
    assert not any("woman" in t for t in every(object_replace, surface("The man himself, Aaron James Draplin.")))


def test_object_replace_invents_no_word_forms(surface):
    """CC3M "love the sunglasseses", web "Pengey-E-doll-cover" and "girls's"."""
    assert not any("seses" in t for t in every(object_replace, surface(
        "not a fan of denim on denim but love the jeans")))
    assert every(object_replace, surface("Pengey-E-book-cover_Low res")) == set()
    assert not any("s's" in t for t in every(object_replace, surface(
        "captain america, cap's shield, ring, mens ring, stainless steel, signet ring, enamel, men's, chevalière")))


# Real CC3M captions: a child of unknown sex is no boy (either may be right) and a baby's place no
# adult's (one is with it); a replacement is unlike every object of the caption ("boot" is there).
def test_object_replace_no_person_for_a_sexless_child(surface):
    for caption, child in (("exploring with baby on bike and on foot.", "baby"),
                           ("a woman and child walking in front of a mural", "child")):
        s = surface(caption)
        got = {n.edits[0].after for seed in range(30) for n in object_replace(s, random.Random(seed), None, 10)
               if n.edits[0].before == child}
        assert not got & {"man", "woman", "boy", "girl", "lady", "guy"}, got


def test_object_replace_unlike_every_caption_object(surface):
    got = every(object_replace, surface("invitation shaped like a cowboy hat and boot."))
    assert not any("shoe" in t or "sneaker" in t for t in got), got


# --------------------------------------------------------------------------- coverage: nouns outside the groups

def _animal(text):
    from sgshards.augment.vocab import OBJECT_CATEGORIES
    animals = {w for cat in ("mammal", "bird") for g in OBJECT_CATEGORIES[cat] for w in g}
    return any(w.strip(".,:!?").rstrip("s") in animals or w.strip(".,:!?") in animals for w in text.lower().split())


def test_object_replace_takes_the_wordnet_kin_of_a_thing_outside_the_groups(surface):
    """CC3M "the flock of geese", "a kettle" got no object_replace (no curated group): their nearest
    WordNet kin among the nouns of things seen, never their kind ("bird"), a synonym or a word of
    the curated group of their kind ("pan": a kettle is a pot)."""
    geese = every(object_replace, surface("the flock of geese on the water"))
    assert "the flock of ducks on the water" in geese
    assert not any(w in t for t in geese for w in ("birds", "waterfowl", "geese on the sea"))
    assert "a woman holding a blender" in every(object_replace, surface("a woman holding a kettle"))


def test_object_replace_reads_an_unlisted_compound_by_its_curated_head(surface):
    """CC3M "humpback whale seen from a sailing boat" -> "... from a sailboat" was a synonym:
    WordNet does not list "sailing boat", its head "boat" is curated with "sailboat", "ship"."""
    texts = every(object_replace, surface("humpback whale seen from a sailing boat"))
    assert "humpback whale seen from a car" in texts
    assert not any(w in t for t in texts for w in ("sailboat", "ship", "yacht", "canoe", "kayak", "ferry"))


def test_object_replace_kin_only_in_the_caption_itself(surface):
    """A realised sub-graph may misread the caption: WordNet kin replace nouns of the caption only."""
    from dataclasses import replace
    s = replace(surface("the flock of geese on the water"), caption=False)
    assert not any("ducks" in t for t in every(object_replace, s))


def test_object_replace_a_person_outside_the_groups_becomes_an_animal_as_a_last_resort(surface):
    """CC3M "actor arrives at the premiere" (a person no curated group holds: an actor may be a
    woman, a child or a politician) had no negative: a person is never an animal."""
    texts = every(object_replace, surface("actor arrives at the screening"))   # ("the premiere": "the funeral")
    assert texts and all(t.startswith(("a ", "an ")) and t.endswith(" arrives at the screening") and _animal(t)
                         for t in texts)
    # only when no other object of the caption can be replaced
    assert not any(_animal(t) for t in every(object_replace, surface("actor holding a kettle")))
    # no animal after a modifier of people, nor an article glued after a noun: "christian dog",
    # "tennis a pigeon" (the whole phrase is replaced: "a camel blocking during football competition")
    texts = every(object_replace, surface("contemporary christian artist blocking during football competition"))
    assert texts and not any("christian" in t for t in texts)
    assert not any("tennis a" in t for t in every(object_replace, surface(
        "person returns to tennis player during the first round of the tennis tournament.")))
    # "diesel" (a brand) is maybe no person at all
    assert not any(t.startswith(("a ", "an ")) for t in every(object_replace, surface(
        "diesel: for once it's not the people or what they're doing that is shocking")))


def test_object_replace_kin_needs_a_thing_the_picture_shows(surface):
    """CC3M: "a lizard perches" (a verb read as a plural noun) -> "a bookshelves"; "make room for"
    (room as space) -> "make patio for"; "apples for lunch" -> "for dinner" (a meal is an occasion)."""
    assert not any("bookshelves" in t or "shelves" in t for t in every(object_replace, surface(
        "a lizard perches on a wall")))
    assert not any("room" not in t for t in every(object_replace, surface(
        "sometimes people have to cry out their tears to make room for a heart full of smiles")))
    assert not any("lunch" not in t for t in every(object_replace, surface(
        "a cook prepares apples for lunch at the program.")))


def test_object_replace_kin_never_a_near_platform_or_what_beads_make(surface):
    """CC3M "speaks from a podium" -> "from a deck", "view from your deck" -> "from your pier",
    "decorated with beads" -> "with necklaces", "set on a mountainside" -> "on a hillside": the
    same sort of thing, not clearly false."""
    assert not any(w in t for t in every(object_replace, surface(
        "a man in a striped sweater speaks from a podium at the 25th anniversary event."))
        for w in ("from a deck", "from a stage", "from a platform"))
    assert not any("pier" in t for t in every(object_replace, surface(
        "view from your deck of a local sailing vessel taken by a customer.")))
    assert not any("necklaces" in t for t in every(object_replace, surface(
        "praying winged angel carved from stone decorated with beads and other items")))
    assert not any("hillside" in t for t in every(object_replace, surface(
        "property image # set on a mountainside, person has levels of living space")))


def test_object_replace_never_a_part_any_picture_of_a_present_whole_shows(surface):
    """CC3M "coconut tree and fruits at the plantation" -> "coconut tree and leaves" was not false:
    a tree has leaves (WordNet: a leaf is part of any plant) and both are said to be at the
    plantation. A part with a claim of its own stays false ("the girl's arms in the river")."""
    got = every(object_replace, surface("coconut tree and fruits at the plantation"))
    assert not any(w in t for t in got for w in ("leaves", "leaf", "trunk", "twig"))
    got = every(object_replace, surface("the girl's legs in the mountain river"))
    assert "the girl's arms in the mountain river" in got


def test_object_replace_no_furnishing_for_another_only_said_to_be_in_a_room(surface):
    """CC3M "the fireplace in the drawing room" -> "the mirror", "the window", "the lamp in the
    drawing room": a drawing room has them too. Done something with, it stays ("a cat sleeping by
    the fireplace" -> "by the clock")."""
    got = every(object_replace, surface("the fireplace in the drawing room."))
    assert not any(w in t for t in got for w in ("mirror", "window", "lamp", "door", "clock"))
    got = every(object_replace, surface("a cat sleeping by the fireplace in the living room"))
    assert any(t.startswith("a cat sleeping by the ") and "fireplace" not in t for t in got)


def test_object_replace_no_noun_read_as_stuff_or_a_unit(surface):
    """CC3M "the property would have ample room for actor" -> "ample fireplace" (room is space)
    and "at square feet" -> "square heads" (a unit)."""
    got = every(object_replace, surface(
        "plenty of space: at square feet the property would have ample room for actor and her daughter"))
    assert got and all("ample room" in t and "square feet" in t for t in got)


def test_object_replace_no_furnishing_for_one_a_house_has(surface):
    """CC3M "small stone house with fireplace" -> "small stone house with mirror": a house has one."""
    got = every(object_replace, surface("property image # small stone house with fireplace, km from the sea"))
    assert got and not any("house with" in t and "fireplace" not in t for t in got)


def test_a_person_named_with_modifiers_takes_an_animal_or_the_other_sex(surface):
    """CC3M names people by what they do ("indie rock artist", "a homeless person"): when nothing
    else is replaced, the whole phrase after its determiner takes an animal; a curated person after
    nouns ("business man") takes the other sex, the pronouns agreeing."""
    texts = every(object_replace, surface("indie rock artist performs on stage"))
    assert texts and all(t.endswith(" performs on stage") and t.startswith(("a ", "an ")) for t in texts)
    assert any(t.startswith("shelter a ") and t.endswith(" for a week") and "homeless" not in t
               for t in every(object_replace, surface("shelter a homeless person for a week")))
    assert "portrait of a thoughtful business woman" in every(
        object_replace, surface("portrait of a thoughtful business man"))
    assert not any("business woman" in t for t in every(
        object_replace, surface("a business man raises his hand to hail a cab in the city .")))
    # a modifier that needs its noun, a hyphenated or "of" phrase, a possessor: no animal
    assert all("first black woman" in t for t in every(object_replace, surface(
        "the first black woman to win award was actor .")))
    assert all("proud mom" in t for t in every(object_replace, surface(            # a predicate, no one
        "so much in common : person is a proud mom to people")))
    for caption in ("he became the youngest player to play",
                    "a confident and attractive middle - aged woman in white , smiling",
                    "church of the good shepherd",
                    "cool : a vocal critic of opera character has sensationally claimed",
                    "anonymous painting women during the long march",             # a participle: a misparse
                    "garment features unique hand crafted leather women 's sandals"):
        assert not any(w in t.split() for t in every(object_replace, surface(caption))
                       for w in ("dog", "cat", "horse", "owl", "goat", "bear", "pig", "deer", "sheep", "cow")), caption


# --------------------------------------------------------------------------- scene parts (issue 15c)

def _negatives_of_alone(parse, caption, seeds=6):
    """{positive: {negative texts}} of augment's object_replace negatives of one-object positives."""
    from sgshards.augment.core import AugmentOptions, augment
    from sgshards.graph import build_graph
    doc = parse(caption)
    out = {}
    for seed in range(seeds):
        pos, negs = augment("k", doc, build_graph(doc), AugmentOptions(seed=seed, max_negatives=20))
        for n in negs:
            if n.type == "object_replace" and n.positive:
                out.setdefault(pos[n.positive].text, set()).add(n.text)
    return out


def test_object_replace_no_scene_part_for_an_object_said_alone(parse):
    """VG and CC3M: "the ceiling" -> "the floor", "a wall" -> "a ceiling", "a lake" -> "an island",
    "her hands" -> "her heads" were not false: a picture of almost anything shows a floor, a
    hill, a hand. A water or a forest said alone takes the desert."""
    from sgshards.augment.negatives.object_replace import scene_part
    for caption in ("replace the new lamp on the ceiling", "a sample of the decorated ceiling",
                    "view from atop the wall .", "walking up the hill to home"):
        for pos, texts in _negatives_of_alone(parse, caption).items():
            if len(pos.split()) <= 2:
                assert not any(scene_part(t.split()[-1].rstrip("s")) for t in texts), (caption, pos, texts)
    negs = _negatives_of_alone(parse, "ready for tubing down the river")
    assert negs.get("the river", {"the desert"}) <= {"the desert"}
    negs = _negatives_of_alone(parse, "friends having fun on the beach")
    assert negs["the beach"] == {"the snow"}


def test_object_replace_no_scene_part_for_a_landmark_one_is_near(surface):
    """VG: "people standing by the tree" -> "by the bush", "hills behind the water" -> "behind
    the sand": what is near a tree is mostly near a bush too."""
    texts = every(object_replace, surface("people standing by the tree."))
    assert texts and not any("by the" in t and "by the tree" not in t for t in texts)
    texts = every(object_replace, surface("hills behind the water."))
    assert not any("sand" in t for t in texts)


def test_object_replace_a_worn_garment_takes_only_one_worn_instead(surface):
    """VG/CC3M: "the hitter has a helmet on" -> "a shoe on", "the teenager is seen wearing a veil"
    -> "a shirt" were not false (a person wears many things); jeans and a skirt, a dress and a
    suit are worn one at a time. Web/CC3M: "quilt" -> "blanket", "bike" -> "motorcycle" are
    near-synonyms."""
    texts = every(object_replace, surface("the hitter has a helmet on"))
    assert not any(t.startswith("the hitter has") for t in texts)
    texts = every(object_replace, surface(
        "so brave: the teenager is seen wearing a veil and covered with faux cuts and bruises in her music video"))
    assert not any("wearing a veil" not in t for t in texts if "teenager" in t)
    assert "a girl in a red suit" in every(object_replace, surface("a girl in a red dress"))
    assert not any("blanket" in t for t in every(object_replace, surface('"U of Florida ""Gator"" quilt"')))
    assert not any("motorcycle" in t for t in every(object_replace, surface("exploring with baby on bike and on foot.")))


def test_object_replace_a_valley_said_alone_takes_its_far_setting(parse):
    """CC3M (issue 15c coverage): "the valley" -> "the desert" was lost with the scene-part rule; a
    valley's floor is no desert. The ceiling, the hill, the wall still take nothing (the test
    above), nor does CC3M's "a city", which stands for any named place ("a city for sale property"
    -/-> "a forest": the woods may be in the picture)."""
    negs = _negatives_of_alone(parse, "the track took us along the side of the valley")
    assert negs["the valley"] == {"the desert"}
    assert "a forest" not in _negatives_of_alone(parse, "a city for sale property .").get("a city", set())


def test_object_replace_no_modifier_of_a_compound_read_as_a_verb(surface):
    """heldout3 web 'Harper - Set "Garderobe klein • coat rack small"' -> "dress rack small": the
    tagger read "rack" as a verb of "coat"; a singular noun before a verb that does not agree with
    it and is a noun too heads no phrase of its own ("a dress rack" may be the coat rack)."""
    got = every(object_replace, surface('"Harper - Set ""Garderobe klein • coat rack small"""'))
    assert not any("rack" in t and "coat" not in t for t in got)
    assert "a cat walks in the park" in every(object_replace, surface("a dog walks in the park"))
    # a "verb" with an object or particle is a verb (CC3M "person love the car ride")
    assert every(object_replace, surface("person love the car ride"))


def test_object_replace_no_piece_of_a_table_setting_near_or_alone(surface, parse):
    """heldout2 VG "the napkins beside the plate" -> "beside the spoon", "a plate of food" -> "a
    spoon" (said alone): a table is set with both."""
    assert not any("spoon" in t or "fork" in t or "knife" in t
                   for t in every(object_replace, surface("the napkins beside the plate")))
    assert not any("napkin" in t for t in every(object_replace, surface("white tablecloth on top of table.")))
    # a vessel still takes a vessel ("a bottle of food", VG heldout2, judged valid)
    assert any(t.startswith(("a bottle of", "a cup of", "a bowl of")) for t in every(object_replace, surface("a plate of food")))


def test_object_replace_a_container_of_contents_takes_a_container(surface):
    """"a man holding a cup of coffee" -> "a knife of coffee"; heldout2 "a bowl of vegetables,
    citrus fruits and spices" -> "a spoon": only a container holds the contents."""
    got = every(object_replace, surface("a man holding a cup of coffee"))
    assert got and not any(w in t for t in got for w in ("knife of", "fork of", "spoon of"))
    assert not any("spoon of" in t for t in every(object_replace, surface("a bowl of vegetables, citrus fruits and spices")))


def test_object_replace_the_object_of_play_takes_a_thing_one_plays(surface):
    """heldout2 VG "man playing frisbee with his dog" -> "man playing pillow", "man is playing towel":
    one plays a ball, a game or an instrument."""
    got = every(object_replace, surface("man playing frisbee with his dog"))
    assert not any(w in t for t in got for w in ("playing pillow", "playing towel", "playing kite", "playing box"))
    assert not any(w in t for t in every(object_replace, surface("man is playing frisbee"))
                   for w in ("playing pillow", "playing towel", "playing kite", "playing box"))
    assert "a man plays the drum on stage" in every(object_replace, surface("a man plays the guitar on stage"))


def test_a_place_after_a_preposition_of_the_whole_takes_any_place(surface):
    """CC3M captions with no negative (issue 15 coverage): "of", "from", "over" relate a thing to a
    place as a whole, so a place that takes none of them in its own list ("on|along|down|near" for a
    trail) takes them all; a room's surfaces keep their lists."""
    assert any(t.startswith("special tour of the ") and not t.endswith("island")
               for t in every(object_replace, surface("special tour of the island")))
    assert any(t.startswith("ufo taking off from a ") and not t.endswith(" field")
               for t in every(object_replace, surface("ufo taking off from a field")))
    assert "full moon over the lake" in every(object_replace, surface("full moon over the mountain"))
    assert not any(t.endswith("over the ceiling") for t in every(object_replace, surface("water spilled over the floor")))


def test_a_person_after_a_possessive_takes_a_pet(surface):
    """CC3M captions with no negative (issue 15 coverage): a person after "his", "my", "our" is
    someone's; an animal one says one has stands in ("pictured with his son" -> "with his dog"),
    never one nobody owns ("his penguin"); an animal's owner stays ("her leopard" -/-> "her man")."""
    got = every(object_replace, surface("this corporal meeting his nephew for the first time"))
    assert "this corporal meeting his dog for the first time" in got
    assert not any("penguin" in t or "horse" in t for t in got)
    assert "our cats never leave us ." in every(object_replace, surface("our brothers never leave us ."))
    assert not any("her man" in t or "her woman" in t for t in every(object_replace, surface("a woman walking her leopard")))


def test_no_place_for_a_noun_of_an_idea_after_of_nor_a_bare_one(surface):
    """"of" a noun with a sense of an idea or a state may name no place ("oath of office", "depth
    of field"); a bare noun ("over river") keeps its own places' prepositions."""
    assert not any("oath of office" not in t and "oath of" in t
                   for t in every(object_replace, surface("the oath of office on the inaugural stand")))
    assert not any(" of field" not in t for t in every(object_replace, surface("shallow depth of field"))
                   if "depth of" in t)
    assert not any("passes over mountain" in t for t in every(object_replace, surface("the motorway passes over river and the canal .")))


def test_object_replace_not_of_the_noun_of_a_compound_adjective(parse):
    """heldout4 CC3M: "hand drawn illustration" -/-> "face drawn illustration" (nor of a positive)."""
    got = record_negatives(parse, "hand drawn illustration of a hamburger.")
    assert got and not any(" drawn " in t and not t.startswith("hand") for _, _, t in got)


def test_object_replace_puts_no_room_after_at(surface):
    """heldout5 CC3M: a room of a house is not "at" ("styled at the salon" -/-> "at the living room");
    a shop or an eating place still is."""
    got = every(object_replace, surface("woman getting her hair styled at the salon."))
    assert not any("at the living room" in t or "at the kitchen" in t for t in got)
    assert any(t.endswith("at the salon.") is False and " at the " in t for t in got)


def test_object_replace_not_by_what_is_named_with_it(parse):
    """heldout5 CC3M: "the flag" -/-> "the pole" (a flagpole: a picture of a flag mostly shows it)."""
    got = record_negatives(parse, "the flag blows in the breeze.", seeds=40)
    assert got and not any(t.startswith("the pole") for _, _, t in got)


def test_a_person_before_a_participle_is_still_replaced(surface):
    """CC3M validation: "business woman named entrepreneur of the year" is no compound adjective (a
    person acts): the woman is still replaced ("a dog named entrepreneur of the year")."""
    assert any(t.endswith("named entrepreneur of the year") and not t.startswith("business woman")
               for t in every(object_replace, surface("business woman named entrepreneur of the year")))


def test_a_bare_mass_noun_is_never_replaced_by_a_bare_singular_count_noun(surface):
    """heldout9 CC3M rows 3058 and 5861: "making toast" -> "making strawberry", "eating ice cream" ->
    "eating banana" need an article the edit would add; a mass noun or a plural is fine."""
    from sgshards.augment.negatives.shared import number_class
    for caption, before in (("group of a young friends making toast around table at dinner party", "toast"),
                            ("teenage girl in sunglasses eating ice cream at the pool.", "ice cream")):
        cands = [c for seed in range(30) for c in object_replace(surface(caption), random.Random(seed), None, 20)]
        words = [e.after for c in cands for e in c.edits if e.before == before]
        assert words, caption
        assert all(number_class(w) == "mass" or w.endswith("s") for w in words), words


def test_no_tree_where_a_wood_is_named(surface):
    """heldout9 CC3M row 3376: "the wind moves a grass in the wood" -> "a tree" may well be true."""
    got = every(object_replace, surface("the wind moves a grass in the wood"), seeds=30, limit=20)
    assert got and not any("tree" in t for t in got), got


def test_a_noun_after_a_groups_of_is_replaced_by_a_plural(surface):
    """heldout16 CC3M row 15067: "a group of goat greet us" of "a group of deer greet us"."""
    got = every(object_replace, surface("a group of deer greet us as we close in on the trailhead"))
    singular = {"goat", "dog", "cat", "horse", "wolf", "giraffe", "bear", "rabbit", "cow", "fox", "camel"}
    assert got and not [t for t in got if t.split()[3] in singular]
    assert "a herd of horses on a hill" in every(object_replace, surface("a herd of sheep on a hill"))


CAPTION_NOUNS_MISSED = "plate with toast topped with a soft-boiled egg, avocado and salad"


def _new_nouns(cands):
    return {e.after.lower() for c in cands for e in c.edits}


def test_object_replace_never_a_noun_the_caption_names_outside_its_graph(surface):
    """CC3M "plate with toast topped with a soft-boiled egg, avocado and salad": the parse makes no
    object of "avocado" and "salad", yet they are in the picture: "toast" -> "salad" is true."""
    s = surface(CAPTION_NOUNS_MISSED)
    got = _new_nouns(c for seed in range(40) for c in object_replace(s, random.Random(seed), None, 10))
    assert got and not got & {"salad", "avocado", "egg", "eggs", "toast", "plate"}, got


def test_sub_graph_negatives_never_name_a_noun_of_the_caption(parse):
    """A realised positive ("toast") names less than the caption: its replacements are checked
    against the caption's words too (heldout18: "toast" -> "salad")."""
    from sgshards.augment.core import AugmentOptions, augment
    from sgshards.graph import build_graph
    doc = parse(CAPTION_NOUNS_MISSED)
    caption_words = {t.text.lower() for t in doc}
    seen = 0
    for seed in range(30):
        pos, neg = augment("k", doc, build_graph(doc), AugmentOptions(seed=seed))
        for n in neg:
            if n.type == "object_replace" and n.positive > 0:
                seen += 1
                new = {w.strip(".,").lower() for w in n.text.split()} - {w.lower() for w in pos[n.positive].text.split()}
                assert not new & caption_words, (pos[n.positive].text, n.text)
    assert seen


def test_object_replace_never_a_half_or_a_compound_of_a_caption_noun(surface, parse):
    """heldout19 CC3M "i picture i took of the lighthouse" -> "the house": one half of a compound
    the caption writes (a lighthouse's house, a fireman's man), or a compound of its noun ("boat" ->
    "sailboat", a kind of boat), is no contrast; "woman" still becomes "man"."""
    from sgshards.augment.negatives.present import compound_kin
    caption = "i picture i took of the lighthouse"
    assert not any(w in ("house", "light") for _, _, t in record_negatives(parse, caption, seeds=20)
                   for w in t.split())
    assert compound_kin("house", surface(caption)) and compound_kin("light", surface(caption))
    assert compound_kin("sailboat", surface("a boat on the lake"))
    assert compound_kin("man", surface("a fireman next to a truck"))
    assert not compound_kin("man", surface("a woman holding a ball"))
    assert not compound_kin("balloon", surface("a woman holding a ball"))
    assert "a man holding a ball" in every(object_replace, surface("a woman holding a ball"))


def test_object_replace_in_the_number_of_the_verb(surface):
    """heldout19 CC3M "while the salmon are meant to be farmed ..." -> "the cow are": a noun of one
    form for both numbers is plural when its verb is, and so is the noun put in its place."""
    caption = "while the salmon are meant to be farmed if they do escape they could breed and wipe out wild fish"
    from sgshards.lexicon.lemmas import noun_lemma
    got = [t.split(" are meant")[0].split()[-1] for t in every(object_replace, surface(caption)) if " are meant" in t]
    assert len(got) > 3 and all(noun_lemma(w) != w for w in got if w != "salmon"), got
    got = [t.split(" is grazing")[0].split()[-1] for t in every(object_replace, surface("a sheep is grazing in the field"))
           if " is grazing" in t]
    assert got and all(noun_lemma(w) == w for w in got), got
    # heldout19 VG: "a salad and apple are on the table" -/-> "a strawberries and apple": the verb is
    # plural for two subjects
    got = [t.split(" and apple")[0] for t in every(object_replace, surface("a salad and apple are on the table"))
           if " and apple" in t]
    assert got and all(t.split()[0] in ("a", "an") and noun_lemma(t.split()[-1]) == t.split()[-1] for t in got), got


def test_object_replace_not_of_a_noun_written_bare(parse, surface):
    """heldout19 CC3M "a man watching tv alone in his living room" -> "a man watching keyboard", web
    "smiling into camera" -> "into keyboard": "tv" and "camera" go bare there, any other noun would
    need an article; "the tv" is still replaced."""
    for caption, bare in (("a man watching tv alone in his living room.", "watching tv"),
                          ("Portrait of Young happy african girl holding gift box and smiling into camera", "into camera")):
        verb_prep = bare.split()[0]
        assert not any(verb_prep in t and bare not in t for ty, _, t in record_negatives(parse, caption)
                       if ty == "object_replace"), caption
    assert any("watching the" in t and "the tv" not in t for t in every(object_replace, surface("a man watching the tv")))


def test_object_replace_not_after_a_number_of_another_word(parse):
    """heldout19 VG "two story house with black roof" -> "two skyscraper with black roof": the number
    counts the stories, and the noun put in its place reads as if it counted it."""
    got = {t for ty, _, t in record_negatives(parse, "two story house with black roof.") if ty == "object_replace"}
    assert not any(t.startswith("two ") and "house" not in t for t in got), got
    assert any(t.startswith("two ") for ty, _, t in record_negatives(parse, "two dogs and a cat") if ty == "object_replace")


def test_object_replace_keeps_the_attributes_written_in_the_name(parse):
    """heldout20 web "Sad Man At The Park - Stock Photo" -> "Woman", "Girl is at The Park"; "Villa
    Drupadi: Cozy Living room" -> "Hallway": the title keeps "Sad" and "Cozy" in the name and has
    them as attributes too, and a new noun for the whole name took them away (not minimal)."""
    for caption, kept in (("Sad Man At The Park - Stock Photo", "Sad "), ("Villa Drupadi: Cozy Living room", "Cozy ")):
        got = [(p, t) for ty, p, t in record_negatives(parse, caption) if ty == "object_replace"]
        edited = [t for p, t in got if p.startswith(kept) and not t.startswith(kept)]
        assert got and not edited, got
