"""relation_swap on real spaCy parses: whole noun phrases move, verbs re-agree, and symmetric
relations (as stated or as written) never swap."""
import random

import pytest

from sgshards.augment.negatives.object_swap import object_swap
from sgshards.augment.negatives.relation_swap import relation_swap, relation_swaps, stated_symmetrically
from sgshards.augment.positives import Context, realise_relation
from sgshards.graph import build_graph
from sgshards.augment.vocab import is_symmetric
from tests.augment.negatives.common import every, record_negatives, run, texts, whole


def test_relation_swap_whole_output(surface):
    assert whole(run(relation_swap, surface("Two dogs are chasing a cat."))) == [
        ("A cat is chasing two dogs.", "relation_swap",
         [((0, 2), "Two dogs", "A cat"), ((2, 3), "are", "is"), ((4, 6), "a cat", "two dogs")])]


def test_relation_swap_moves_whole_noun_phrases_with_articles(surface):
    [neg] = run(relation_swap, surface("a man riding an elephant"))
    assert neg.text == "an elephant riding a man"
    assert [(e.span, e.before, e.after) for e in neg.edits] == [((0, 2), "a man", "an elephant"),
                                                               ((3, 5), "an elephant", "a man")]


@pytest.mark.parametrize("caption", [
    "a red car next to a blue house", "two sinks next to two mirrors", "a dog sitting beside a cat",
    "a man with a beard", "a woman hugging a man",
    "the second floor opens into the foyer", "a hallway leading into the kitchen",       # CC3M heldout10
])
def test_no_relation_swap_for_symmetric_relations(surface, caption):
    s = surface(caption)
    assert s.graph.relations, "the graph must state the relation for this test to mean anything"
    assert all(stated_symmetrically(s, k) for k in s.relations)
    assert run(relation_swap, s) == []


# Real CC3M rows where the symmetric relation's pair has another relation too, so neither the
# graph-change guard nor ``checks.symmetric_relation_swapped`` stops the paraphrase.
@pytest.mark.parametrize("caption, paraphrase", [
    ("hands hugging a tree in a forest", "a tree hugging hands in a forest"),
    ("statue of a sailor kissing a girl", "statue of a girl kissing a sailor"),
    ("man meeting an author in a library", "an author meeting man in a library"),
    ("comic book character fighting a giant octopus with a guitar .",
     "a giant octopus fighting comic book character with a guitar ."),
])
def test_relation_swap_never_exchanges_the_pair_of_a_symmetric_relation(surface, caption, paraphrase):
    s = surface(caption)
    assert any(is_symmetric(r.predicate) for r in s.graph.relations)
    swaps = {c.text for seed in range(5) for c in relation_swaps(s, random.Random(seed))}
    assert paraphrase not in swaps


@pytest.mark.parametrize("caption", ["a man has a beard", "a dog has a red collar", "man sitting outside having a tea"])
def test_relation_swap_skips_a_predicate_written_symmetrically(parse, caption):
    """A sub-graph positive writes "have" as "with": "a beard with a man" would be a paraphrase."""
    doc = parse(caption)
    graph = build_graph(doc)
    [have] = [k for k, r in enumerate(graph.relations) if r.predicate == "have"]
    positive = realise_relation(Context.of(doc, graph), have, 0)
    assert " with " in positive.text
    assert not is_symmetric("have") and stated_symmetrically(positive, have)
    assert [c.text for seed in range(5) for c in relation_swaps(positive, random.Random(seed))] == []


def test_relation_swap_repairs_the_article_of_a_moved_phrase(surface):
    """Real CC3M row: the phrase "an unit" moves to where the caption read "the living room"."""
    swaps = texts(run(relation_swap, surface("the living room at an unit that is on the market .")))
    assert "a unit at the living room that is on the market ." in swaps
    assert not any(" an unit" in t or t.startswith("an unit") for t in swaps)


def test_relation_swap_keeps_casing_and_period(surface):
    assert texts(run(relation_swap, surface("A cat sitting on a wooden table."))) == [
        "A wooden table sitting on a cat."]


def test_relation_swap_fixes_verb_agreement(surface):
    assert texts(run(relation_swap, surface("Two dogs are chasing a cat."))) == ["A cat is chasing two dogs."]
    assert texts(run(relation_swap, surface("A dog chases two cats."))) == ["Two cats chase a dog."]


def test_relation_swap_never_moves_a_possessed_phrase(surface):
    negs = run(relation_swap, surface("the man's dog is sleeping on a green sofa"))
    assert negs == []


# --------------------------------------------------------------------------- issue 15: real captions

def test_relation_swap_not_of_pictures_parts_or_times(surface):
    """CC3M "happy man of portrait talking on cell phone", "moving a vintage racing car of red wheel"
    is not; "festival attends the premiere during fashion model", "sunday dives back"."""
    assert not any("man of portrait" in t for t in every(relation_swap, surface("portrait of happy man talking on cell phone.")))
    assert not any("during fashion model" in t for t in every(relation_swap, surface(
        "fashion model attends the premiere during festival")))
    assert not any(t.startswith("sunday") for t in every(relation_swap, surface(
        "person dives back to first base during the third inning of their regional game on sunday.")))


def test_relation_swap_symmetric_by_an_adverb(surface):
    """CC3M "look how close the house is built to the wall!" says what the caption says."""
    assert every(relation_swap, surface("look how close the wall is built to the house!")) == set()


def test_relation_swap_not_across_a_list_or_in_an_idiom(surface):
    """Web "House for Middleton in Parkfield Drive, sale"; CC3M "hard at a calculator using work"."""
    assert not any("sale," in t for t in every(relation_swap, surface(
        "3 Bedrooms Semi Detached House for sale in Parkfield Drive, Middleton, Manchester")))
    assert not any("using work" in t for t in every(relation_swap, surface(
        "close up of a man's hand, hard at work using a calculator")))


def test_relation_swap_never_strands_the_rest_of_a_noun_phrase(surface):
    """Web (heldout10/11/16): the word after a phrase that modifies it or names it in apposition
    stays behind when the phrase moves: "Household in change spending", "the 500 victory Emma",
    "talkie logo before coffee black square"."""
    assert not any(t.startswith("Household") for t in every(relation_swap, surface(
        "Change in household spending, investment in energy and in sectoral value-added")))
    assert not any("victory Emma" in t for t in every(relation_swap, surface(
        "Scott Dixon and his wife Emma celebrate the 500 victory with a kiss")))
    assert every(relation_swap, surface("coffee before talkie logo black square")) == set()
    # a phrase that ends where its noun phrase ends still moves
    assert "a cat chasing a dog in the park" in every(relation_swap, surface("a dog chasing a cat in the park"))


# Real CC3M captions whose subject is a bare singular: moved after the verb it read as the head of
# a compound ("a bath taking stag" ~ a bath-taking stag, i.e. still true).
@pytest.mark.parametrize("caption, swapped", [
    ("stag taking a bath in the rut", "a bath taking a stag in the rut"),
    ("man playing the saxophone to women", "the saxophone playing a man to women"),
    ("horse pulls a buggy along on a country road", "a buggy pulls a horse along on a country road"),
])
def test_relation_swap_gives_a_moved_bare_singular_its_article(surface, caption, swapped):
    assert swapped in every(relation_swap, surface(caption))


# Real CC3M captions: swaps out of an "of" phrase, out of a compound chain, or of a bare singular
# that is no thing into argument position read as garble or paraphrase.
@pytest.mark.parametrize("caption, garbled", [
    ("clumps of snow weigh down branches of a tree", "clumps of snow weigh down a tree of branches"),
    ("moving red wheel of a vintage racing car", "moving a vintage racing car of red wheel"),
    ("actor at the premiere of woman in gold", "actor at gold of woman in the premiere"),
    ("private keep out sign nailed to a tree", "private keep out a tree nailed to sign"),
    ("life saving ring or buoy with a bundle of rope isolated against white background.",
     "ring saving life or buoy with a bundle of rope isolated against white background."),
    ("running path along this beautiful stretch of coast.", "this beautiful stretch along running path of coast."),
])
def test_no_relation_swap_out_of_of_phrases_chains_or_bare_abstracts(surface, caption, garbled):
    got = every(relation_swap, surface(caption))
    assert garbled not in got
    assert not any(" of " in t and t.split(" of ")[0].endswith(("tree", "car")) for t in got)


def test_no_relation_swap_of_a_whole_having_its_part(surface):
    """CC3M "a supporter has his face painted" -> "his face has a supporter painted": a whole and
    its part (a face of any person) swapped around "have"; a place phrase ending in "of" is no
    having, its swap stays ("an old yellow house is on the side of a window")."""
    assert not any(t.startswith("his face has") for t in every(relation_swap, surface(
        "a supporter has his face painted with the logo")))
    assert "an old yellow house is on the side of a window" in every(relation_swap, surface(
        "window is on the side of an old yellow house"))


def test_no_relation_swap_of_a_conjunct_away_from_its_preposition(surface):
    """CC3M "seamless pattern of pink flowers with green leaves and ribbons on a light background"
    -> "with a light background and ribbons on green leaves": "on" is written once after the
    coordination (the leaves, the ribbons or the pattern may be on it); the conjunct next to it
    may swap, and a verb's subjects stay ("a bench and a woman sitting on a man")."""
    got = every(relation_swap, surface("seamless pattern of pink flowers with green leaves and ribbons on a light background"))
    assert not any("ribbons on green leaves" in t for t in got)
    assert "a bench and a woman sitting on a man" in every(relation_swap, surface("a man and a woman sitting on a bench"))


def test_no_swap_in_a_caption_cut_off(surface):
    """CC3M "tiny city to rise at exhibition subject... will" -> "exhibition subject to rise at a
    tiny city... will": a caption ending on "will", "of", "at" lost its last words (a name)."""
    assert not every(relation_swap, surface("tiny city to rise at exhibition subject... will"))
    assert not every(object_swap, surface("new romantic artist and family attend the performance at ."))
    assert every(relation_swap, surface("tiny city to rise at exhibition subject"))


def test_relation_swap_agrees_with_a_written_quantity_and_keeps_place_phrases_in_order(surface, parse):
    """VG: "slices of pizza on the table" -> "the table are on slices of pizza" (the verb agrees
    with "slices", not "table"); CC3M: "disabled person on a mobility scooter on the pavement" ->
    "... on the pavement on a mobility scooter" says the same of the person."""
    from sgshards.augment.core import AugmentOptions, augment
    from sgshards.graph import build_graph
    doc = parse("slices of pizza on the table")
    texts = {n.text for seed in range(4)
             for n in augment("k", doc, build_graph(doc), AugmentOptions(seed=seed, max_negatives=20))[1]}
    assert "the table is on slices of pizza" in texts and "the table are on slices of pizza" not in texts
    caption = "disabled person on a mobility scooter on the pavement"
    assert not any("on the pavement on a mobility scooter" in t for t in every(relation_swap, surface(caption)))


def test_relation_swap_no_plural_moved_after_in(surface):
    """CC3M: "diamonds in a delicately thin band" -> "a delicately thin band in diamonds" (a band
    set with diamonds: a paraphrase); "red and pink flowers in a green vase" -> "a green vase in
    red and pink flowers" (a vase covered in them); a singular keeps its swap."""
    assert not any("band in diamonds" in t for t in every(relation_swap, surface("diamonds in a delicately thin band.")))
    assert not any("vase in red" in t for t in every(relation_swap, surface("red and pink flowers in a green vase")))
    assert any("a box in a cat" in t for t in every(relation_swap, surface("a cat in a box")))


@pytest.mark.parametrize("caption, swapped", [
    ("Ken Wolf has been photographing old silos", "Old silos have been photographing Ken Wolf"),
])
def test_relation_swap_keeps_the_capitals_of_a_moved_name(surface, caption, swapped):
    """A sentence-initial name the tagger did not read as one keeps its capital when it moves
    ("a rebound grabbing auburn Hills" was the output before)."""
    assert swapped in {c.text for seed in range(4) for c in relation_swaps(surface(caption), random.Random(seed))}


@pytest.mark.parametrize("caption, broken", [
    # CC3M: one item of a list moved out of it
    ("sharing some fun and colorful spring touches recently added to our breakfast room, foyer and dining room.",
     "sharing our breakfast room recently added to some fun and colorful spring touches, foyer and dining room."),
    ("Line up: Timberlake, Wilson, Snoop and Pharrell posed on the red carpet with Wilson's lifetime achievement award",
     "Line up: Timberlake, Wilson, the red carpet and Pharrell posed on Snoop with Wilson's lifetime achievement award"),
])
def test_relation_swap_never_moves_one_item_of_a_list(surface, caption, broken):
    got = every(relation_swap, surface(caption))
    assert broken not in got
    # an item of two still moves (readers judge "nuts chewing on seeds and an infant chimpanzee" false)
    assert "a bench and a woman sitting on a man" in every(relation_swap, surface("a man and a woman sitting on a bench"))
    assert "nuts chewing on seeds and an infant chimpanzee" in every(
        relation_swap, surface("an infant chimpanzee chewing on seeds and nuts"))


def test_relation_swap_of_a_positive_agrees_the_first_auxiliary(parse):
    """Web alt-text "Ken Wolf has been photographing old silos": the relation positive keeps the
    tense, and its swap re-agrees "has", not "been" ("Old silos has been photographing" before)."""
    doc = parse("Ken Wolf has been photographing old silos")
    graph = build_graph(doc)
    [k] = [k for k, r in enumerate(graph.relations) if "photograph" in r.predicate]
    positive = realise_relation(Context.of(doc, graph), k, 0)
    assert positive.text == "Ken Wolf has been photographing old silos"
    assert [c.text for c in relation_swaps(positive, random.Random(0))] == ["Old silos have been photographing Ken Wolf"]


def test_relation_swap_lowers_a_moved_article_before_a_name(surface):
    """Web "A Victorian silver pierced oval swing handle bread basket" -> "... pierced A Victorian
    silver": a moved article before a capitalised word is no name and loses its capital."""
    got = every(relation_swap, surface("A Victorian lady holding an old lamp"))
    assert "An old lamp holding a Victorian lady" in got


@pytest.mark.parametrize("caption, swapped", [
    # CC3M: an inverted copula and a relative clause agree with the phrase that moves in
    ("at the back is the high street which contains the first buildings my husband made",
     "at the back are the first buildings which contain the high street my husband made"),
    ("in this book is single challenging maze that stretches pages.",
     "in this book are pages that stretch a single challenging maze."),
])
def test_relation_swap_agrees_inverted_copulas_and_relative_clauses(surface, caption, swapped):
    assert swapped in every(relation_swap, surface(caption))


def test_relation_swap_moves_a_cereal_without_article(surface):
    """Web alt-text "sorghum being carried after harvest" -> "... after a sorghum" before."""
    assert every(relation_swap, surface("sorghum being carried after harvest")) == {
        "harvest being carried after sorghum"}


@pytest.mark.parametrize("caption", [
    "a boat tied to a dock",                        # near-symmetric binds: "a dock tied to a boat"
    "a woman is talking to a man",                  # who talks is not shown
    "a house across the street",                    # "across" alone: opposite
])
def test_no_swap_of_a_near_symmetric_relation(surface, caption):
    assert not every(relation_swap, surface(caption))
    assert not every(object_swap, surface(caption))


@pytest.mark.parametrize("caption", ["a thicket of trees off the runway", "the island of island, just off the coast"])
def test_no_swap_of_a_place_off_another(parse, caption):
    """heldout19 VG and CC3M: "a thicket of trees is off the runway" -> "the runway is off a thicket of
    trees": "off" alone is beside, either way round, in the realised positives too."""
    assert not {t for t in record_negatives(parse, caption) if t[0] in ("relation_swap", "object_swap")}


def test_swap_of_a_path_across(surface):
    """After a verb, "across" is a path, not a place opposite: the swap stays."""
    assert "the street walking across a man" in every(relation_swap, surface("a man walking across the street"))
    assert "the boat jumping off a man" in every(relation_swap, surface("a man jumping off the boat"))


@pytest.mark.parametrize("caption", ["Golf ball on white", "necklace set in grey"])
def test_no_swap_of_an_object_named_by_a_colour(surface, caption):
    """Web alt-text: "Golf ball on white" -> "White on a golf ball"; "necklace set in grey" ->
    "grey set in a necklace": a colour read as a thing is a background or a finish."""
    assert not every(relation_swap, surface(caption))
    assert not every(object_swap, surface(caption))
    # a colour that is first a fruit or a plant is a thing (CC3M "the bartender adding slice of lime")
    assert every(relation_swap, surface("the bartender adding slice of lime in a cocktail"))


def test_no_swap_around_a_noun_read_as_a_verb_in_a_title(surface):
    """Web alt-text "Lobster felt red decoration" -> "Red decoration felt lobster": "felt" is the
    stuff; a verb that agrees as one stays ("dog chases cat", "cowboys drive cattle down the road")."""
    assert not every(relation_swap, surface("Lobster felt red decoration"))
    assert every(relation_swap, surface("cowboys drive cattle down the road."))
    assert "Exeter beat Sale Sharks" in every(relation_swap, surface("Sale Sharks beat Exeter"))


def test_relation_swap_article_for_a_capitalised_bare_singular(surface):
    """heldout3 web "Woman exercising on a fitness ball in a gym" -> "A gym exercising on a fitness
    ball in woman": the sentence-initial capital hid a bare singular, which moves with "a"."""
    got = every(relation_swap, surface("Woman exercising on a fitness ball in a gym"))
    assert got and not any(t.endswith(" in woman") or " on woman" in t for t in got)
    assert "A gym exercising on a fitness ball in a woman" in got


def test_relation_swap_no_second_article_before_a_phrase_cut_off_its_determiner(surface):
    """heldout3 CC3M "lonely senior man sitting at a window turning ..." -> "at an a lonely senior
    man": the parse left "a" outside the phrase of "window"; nothing moves into it."""
    got = every(relation_swap, surface(
        "lonely senior man sitting at a window turning to look at the camera with a serious thoughtful expression"))
    assert not any(" a a " in t or " an a " in t for t in got)


def test_relation_swap_no_swap_of_a_place_and_its_occasion(surface):
    """heldout3 CC3M "a model walks the runway at the fashion show" -> "walks the fashion show at the
    runway"; heldout2 web "Bixby Bridge in morning light" -> "Morning light in Bixby Bridge": the
    runway is where the show is, the light on the bridge; either way round says the same."""
    got = every(relation_swap, surface("a model walks the runway at the fashion show during paris menswear fashion week"))
    assert not any("the fashion show at the runway" in t for t in got)
    assert not any("in Bixby Bridge" in t for t in every(relation_swap, surface("Bixby Bridge in morning light with fog")))
    assert "the park walks in a dog" in every(relation_swap, surface("a dog walks in the park"))


def test_relation_swap_no_bare_noun_after_a_participle(surface, parse):
    """heldout3 CC3M "ladies enjoying the food while doing some great networking" -> "the food
    enjoying ladies": read as "the food-enjoying ladies", a paraphrase."""
    got = every(relation_swap, surface("ladies enjoying the food while doing some great networking"))
    assert not any(t.startswith("the food enjoying ladies") for t in got)
    assert "a television standing in front of the boy" not in got
    assert "an elephant riding a man" in every(relation_swap, surface("a man riding an elephant"))
    # heldout9 CC3M row 3058: a bare noun moved first reads the same way ("a toast-making group")
    got = {t for _, _, t in record_negatives(parse, "group of a young friends making toast around table")}
    assert not any(t.startswith("toast making") for t in got), got



def test_relation_swaps_readers_judged_valid_stay(surface):
    """Swaps judged valid that the occasion and participle guards must leave.  (heldout3's "the sand dune on
    the walk" and "roses and the water in their reflection", judged valid too, are gone: a walk is an act and
    WordNet's first "reflection" a thought, see test_relation_swaps_need_things_at_both_ends.)"""
    # a sentence-initial name unknown as a noun is no bare singular (web heldout2, judged valid)
    assert any(t.startswith("The 134th Belmont Stakes") for t in every(relation_swap, surface(
        "Sarava with jockey Edgar Prado up wins the 134th Belmont Stakes at Belmont Race Park")))


def test_relation_swap_no_modifier_stranded_before_a_moved_phrase(surface):
    """heldout4 CC3M "salted fish at a market" -> "salted a market at a fish", "pirates baseball player
    standing on the field" -> "pirates the field standing on ...": a word before the phrase stays."""
    assert not any(t.startswith("salted a market") for t in every(relation_swap, surface("salted fish at a market")))
    assert not any("pirates the field" in t for t in every(relation_swap, surface(
        "pirates baseball player standing on the field")))
    assert "an elephant riding a man" in every(relation_swap, surface("a man riding an elephant"))


def test_relation_swap_no_subject_its_clause_cannot_take(surface):
    """heldout4 CC3M: an activity after an infinitive ("to go horseback riding" -/-> "to go a woman"),
    a subject of coordinated verbs that would not agree ("the parking lot leaves ... and walk"), a
    bare participle between bare nouns ("people playing chess" -/-> "a chess playing people")."""
    got = every(relation_swap, surface("woman climbing up into the saddle to go horseback riding"))
    assert not any("to go a woman" in t for t in got)
    got = every(relation_swap, surface("employees leave the premises of the company and walk across the parking lot"))
    assert not any(t.startswith("the parking lot leaves") for t in got)
    got = every(relation_swap, surface("a room lined with tables filled with people playing chess"))
    assert not any("chess playing people" in t for t in got)


def test_relation_swap_not_of_one_noun_a_light_verb_idiom_or_a_material(surface):
    """heldout4 CC3M: "some students teaching our students" (one noun both ends), "police officers stand
    guard" (an idiom's object), "desk in rosewood" and "goes up in flames" (what it is made of or
    undergoes: "rosewood in a desk", "flames go up in the pub" say the same)."""
    got = every(relation_swap, surface("here are some students teaching our students how to tie ties"))
    assert not any("students teaching some students" in t for t in got)
    assert not any(t.startswith("guard") for t in every(relation_swap, surface("police officers stand guard near a house")))
    assert not any(t.startswith("rosewood") for t in every(relation_swap, surface("beautiful desk in rosewood at 1stdibs")))
    assert not any("flames go up" in t for t in every(relation_swap, surface("Corrie: The Rovers Return goes up in flames")))
    assert "a large brown cat behind a white cat" in every(relation_swap, surface("white cat behind a large brown cat"))


def test_relation_swap_not_of_the_noun_of_a_compound_adjective(parse):
    """heldout4 CC3M: "hand drawn illustration" -/-> "illustration drawn a hand" ("hand" is half of
    "hand drawn"), nor of a positive."""
    got = record_negatives(parse, "hand drawn illustration of a hamburger.")
    assert got and not any("drawn a hand" in t for _, _, t in got)


def test_no_swap_of_two_place_phrases_chained_in_a_positive(parse):
    """heldout5 CC3M: the positive "warning sign next to cliffs on the beach" -/-> "warning sign next to
    the beach on cliffs" (the sign is near both either way), as in a caption."""
    got = record_negatives(parse, "warning sign next to cliffs on the beach where coastal erosion creates")
    assert got and not any("next to the beach on cliffs" in t for _, _, t in got)


def test_relation_swap_moves_no_side_of_a_versus_pair(surface):
    """heldout4 CC3M: "dramatist attends sports team vs game" -/-> "sports team attends a dramatist vs
    game" (one side of a match name)."""
    assert not any("vs game" in t and t.startswith("sports team")
                   for t in every(relation_swap, surface("dramatist attends sports team vs game")))


def test_relation_swap_moves_no_adverb_read_as_a_thing(parse):
    """heldout5 web: "rotates clockwise" -/-> "clockwise are rotating bunch of slides" ("clockwise" is
    no noun: an adverb the tagger read as the verb's object)."""
    got = record_negatives(parse, "Bunch of slides in white framed rotates clockwise", seeds=20)
    assert got
    assert not any(t.lower().startswith("clockwise") for _, _, t in got)


def test_relation_swap_not_of_a_thing_before_its_participle(parse):
    """heldout2 web: "python skin studded shoulder bag" -/-> "shoulder bag studded python skin" (a
    compound adjective the tagger read as a past tense)."""
    got = record_negatives(parse, "Saint Laurent Betty python skin studded shoulder bag", seeds=20)
    assert not any("bag studded python" in t for _, _, t in got)


def test_no_swap_around_in_with_what_fills_the_air(parse):
    """heldout9 CC3M row 7937: "a highway is in the mist" -> "a mist is in the highway" (object swap)
    says the same; a thing in a place still swaps."""
    got = every(object_swap, surface_of(parse, "a highway is in the mist")) | every(
        relation_swap, surface_of(parse, "a highway is in the mist"))
    assert not any("mist is in" in t for t in got), got
    assert "an elephant riding a man" in every(relation_swap, surface_of(parse, "a man riding an elephant"))


def surface_of(parse, caption):
    from sgshards.augment.realise import caption_surface
    doc = parse(caption)
    return caption_surface(doc, build_graph(doc))


def test_a_noun_moved_into_a_coordinated_subject_leaves_the_verb_plural(surface):
    """heldout15 CC3M row 1124: "tourist attraction and visitors crowds shoppers"."""
    got = texts(run(relation_swap, surface("shoppers and visitors crowd tourist attraction as the holiday approaches.")))
    assert "tourist attraction and visitors crowd shoppers as the holiday approaches." in got
    assert not [t for t in got if " crowds " in t]
    # a noun moved out of the object's coordination to be the subject alone agrees with it
    assert "a plate holds a cup and two men" in texts(run(relation_swap, surface("two men hold a cup and a plate")))


def test_things_amid_each_other_are_not_swapped(surface):
    """heldout16 CC3M row 11340: "mountains amidst red sand dunes" of "red sand dunes amidst mountains"."""
    assert not run(relation_swap, surface("red sand dunes amidst mountains"))


def test_relation_swaps_need_things_at_both_ends(surface):
    """heldout15-20 (CC3M, web alt-text): swaps where an end is a place's, a style's or an idea's role were
    61% valid, 81% between things: "the island is on a calm bay", "american style is in a dream catcher",
    "surprises are based around the concept".  Names and CC3M's words for them are someone or somewhere."""
    assert not any("island is on" in t or "the island over" in t or "on a calm bay" in t
                   for t in every(relation_swap, surface("sunrise over a calm bay on the island")))
    assert not any("american style" in t and "in a dream catcher" in t
                   for t in every(relation_swap, surface("colorful pattern with a dream catcher in american style")))
    assert not every(relation_swap, surface("the concept is based around surprises"))
    assert not every(relation_swap, surface("the walk on the sand dune"))            # a walk is an act
    assert "an elephant riding a man" in every(relation_swap, surface("a man riding an elephant"))
    assert "Exeter beat Sale Sharks" in every(relation_swap, surface("Sale Sharks beat Exeter"))
    assert any(t.startswith("tourist attraction and visitors crowd shoppers") for t in every(
        relation_swap, surface("shoppers and visitors crowd tourist attraction as the holiday approaches.")))
