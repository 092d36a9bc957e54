"""object_swap on real spaCy parses: whole candidates and its guards (same group, number, mass
nouns, a swap that relation_swap already writes, paraphrases)."""
import random

import pytest

from sgshards.augment.negatives.object_swap import abstractions, loose_compound, object_swap, same_group
from sgshards.augment.negatives.shared import number_class
from tests.augment.negatives.common import every, run, texts, whole


def test_object_swap_whole_output(surface):
    assert whole(run(object_swap, surface("a red car next to a blue house"))) == [
        ("a red house next to a blue car", "object_swap", [((2, 3), "car", "house"), ((7, 8), "house", "car")])]


def test_object_swap_keeps_attributes_and_numbers_in_place(surface):
    assert texts(run(object_swap, surface("a red car next to a blue house"))) == ["a red house next to a blue car"]
    assert texts(run(object_swap, surface("Two dogs are chasing a cat."))) == ["Two cats are chasing a dog."]


def test_object_swap_skipped_when_a_paraphrase(surface):
    # symmetric relation, nothing distinguishes the two objects
    assert run(object_swap, surface("two sinks next to two mirrors")) == []
    # both only sit on the bench: swapping man and woman changes nothing; the bench may swap
    assert texts(run(object_swap, surface("a man and the woman sitting on a bench"))) == [
        "a man and the bench sitting on a woman"]
    # equal modifiers: the noun swap is the phrase swap, left to relation_swap
    assert run(object_swap, surface("a man riding an elephant")) == []


def test_object_swap_skips_mass_nouns_against_counted_ones(surface):
    assert run(object_swap, surface("a cup of coffee")) == []


def test_object_swap_skips_nouns_of_one_group(surface):
    assert run(object_swap, surface("a dog chasing a puppy")) == []


def test_same_group():
    assert same_group("dog", "puppy") and same_group("Dog", "dog") and same_group("lamp", "lamp")
    assert not same_group("dog", "cat") and not same_group("man", "woman")
    # hypernyms, hyponyms and people who may be one another (WordNet, issue 15); a part and its
    # whole are two things (a lizard may crawl across a hand, not a hand across a lizard), and are
    # not swapped where the caption says the whole has the part (``whole_with_part``)
    assert same_group("dog", "animal") and same_group("rake", "tool") and not same_group("finger", "hand")
    assert same_group("boy", "student") and same_group("baby", "boy") and same_group("skier", "people")
    assert not same_group("man", "boy") and same_group("girl", "woman")   # "girl" is said of young women


# --------------------------------------------------------------------------- issue 15: real captions

def test_object_swap_never_a_hypernym_or_possibly_the_same_person(surface):
    """CC3M: "hang rakes off an old tool" (a rake is a tool) and "young student ... with boys in
    background" (a boy may be a student) were not false."""
    assert not any("old tool" in t for t in every(object_swap, surface("wanting to hang tools off an old rake in the coop.")))
    s = surface("woman and young boy pushing a stroller outside school with students in background")
    assert not any("young student" in t for t in every(object_swap, s))


def test_object_swap_never_reorders_a_list(surface):
    """CC3M "christmas tree and candles" -> "christmas candle and trees" (conjuncts, no attribute moves)
    and web alt-text titles and keyword strings swapped across commas and colons."""
    assert not any("candle and trees" in t for t in every(object_swap, surface(
        "christmas tree and candles - focusing on the candles")))
    assert every(object_swap, surface("Expert Secrets: The Underground Playbook for Finding Your Message, "
                                      "Building a Tribe, and Changing the World")) == set()
    assert every(object_swap, surface("jacquard sweater woman autumn winter fashion 2013 vintage knitted heart "
                                      "print patchwork cute pink long sleeve pullover")) == set()


def test_object_swap_invents_no_word_forms(surface):
    """CC3M: "abundant resident available for parkings", "football medium addresses the coaches"."""
    assert not any("parkings" in t for t in every(object_swap, surface("abundant parking available for residents")))
    assert not any("medium" in t for t in every(object_swap, surface("football coach addresses the media on day")))


def test_object_swap_never_moves_an_unseen_noun(surface):
    """CC3M: "depressed teenage autumn afternoon walking in a park on a boy" (a time of day)."""
    s = surface("depressed teenage boy walking in a park on an autumn afternoon")
    assert not any("teenage autumn" in t for t in every(object_swap, s))


# Real CC3M captions: a noun bound by "of" (a partitive, an example, a stretch) or the complement
# of "be" does not move ("endless amounts of child", "the city is an incredible capital!").
@pytest.mark.parametrize("caption, bad", [
    ("endless amounts of fun for the children", "endless amounts of child for the fun"),
    ("scroll: sheet of ancient parchment with the image of dragon",
     "scroll: sheet of ancient image with the parchment of dragon"),
    ("this doll is an excellent example of what my dolls look like",
     "this example is an excellent doll of what my dolls look like"),
    ("running path along this beautiful stretch of coast.", "running stretch along this beautiful path of coast."),
    ("the capital is an incredible city!", "the city is an incredible capital!"),
])
def test_no_object_swap_out_of_of_phrases_or_copulas(surface, caption, bad):
    assert bad not in every(object_swap, surface(caption))


def test_object_swap_never_exchanges_a_whole_and_its_part(surface):
    """CC3M "moving red wheel of a vintage racing car" -> "a vintage wheel with red car" was not
    false (a vintage car's wheel is vintage): a wheel is a part of any wheeled vehicle, so of a
    car (WordNet meronymy inherited by kinds). Across another relation the swap stays."""
    assert not any("wheel with" in t or "vintage wheel" in t
                   for t in every(object_swap, surface("moving red wheel of a vintage racing car")))
    assert not every(object_swap, surface("a vintage car with red wheel"))
    assert "small yellow hand crawling across an outstretched lizard" in every(
        object_swap, surface("small yellow lizard crawling across an outstretched hand"))


def test_object_swap_never_exchanges_two_abstractions(surface):
    """CC3M "atmosphere at a reception for a new art exhibition" -> "at an art exhibition for a
    new reception": two events, no contradiction a picture could show. A crowd is seen."""
    assert not every(object_swap, surface("a general view of atmosphere at a reception for a new art exhibition by artist."))
    assert "a crowd is reacting to a solo" not in every(object_swap, surface("the solo is reacting to a crowd"))
    assert abstractions("reception", "exhibition") and not abstractions("crowd", "solo")


def test_object_swap_never_moves_a_participle_glued_into_a_name(surface):
    """CC3M "a belted mini dress and matching wings" -> "a belted mini matching wing and dresses":
    "matching" is a participle the tagger read into the name; "boxing ring" is a compound."""
    got = every(object_swap, surface("a woman in a red dress with matching shoes"))
    assert not any("matching shoe" in t for t in got)
    assert loose_compound("matching wing") and not loose_compound("boxing ring")
    assert not loose_compound("knitting needle") and not loose_compound("living room")


def test_object_swap_never_puts_a_gerund_after_an_article(surface):
    """CC3M "a coconut palm tree given blue colouring" -> "a colouring given blue coconut palm
    tree": an "-ing" noun that is no count noun takes no "a"."""
    assert not any(t.startswith("a colouring") for t in every(object_swap, surface("a coconut palm tree given blue colouring")))
    assert number_class("colouring") == "mass" and number_class("building") == ""


def test_object_swap_never_moves_stuff_out_of_its_measure(surface):
    """CC3M "sheet of ancient parchment with the image" -> "sheet of ancient image with the
    parchment", "piece of leather on the table" -> "piece of table is on the leather"."""
    assert not every(object_swap, surface("scroll: sheet of ancient parchment with the image of dragon"))
    assert not every(object_swap, surface("piece of leather on the table"))


def test_object_swap_no_verb_read_as_noun_no_participle_compound_no_quantity_of_one(surface, parse):
    """Web: "Benzema vies for the ball" -> "balls for the vie" ("vies" is only a verb); CC3M:
    "girl taking pictures" -> "picture taking girls" (a paraphrase); VG: "slices of pizza on the
    table" -> "slices of table"; "... on a pavement on the mobility scooter" (two place phrases of
    one head reordered)."""
    assert not any("vie " in t for t in every(object_swap, surface(
        "France's forward Karim Benzema (front R) vies for the ball with Switzerland's midfielder Gokhan Inler")))
    assert not any("picture taking girl" in t for t in every(object_swap, surface(
        "beautiful young girl taking pictures with an old vintage camera")))
    assert not any("on the mobility scooter" in t for t in every(object_swap, surface(
        "disabled person on a mobility scooter on the pavement")))
    from sgshards.augment.core import AugmentOptions, augment
    from sgshards.graph import build_graph
    doc = parse("slices of pizza on the table")
    assert not any("slices of table" in n.text for seed in range(4) for n in augment(
        "k", doc, build_graph(doc), AugmentOptions(seed=seed, max_negatives=20))[1])


@pytest.mark.parametrize("caption, bad", [
    ("aerial view over the beach at sunset", "aerial beach over the view at sunset"),        # CC3M
    ("after loading produce onto the train, this young girl enjoys the scenery",
     "after loading produce onto the train, this young scenery enjoys the girl"),
])
def test_object_swap_never_moves_a_point_of_view(surface, caption, bad):
    """A view or a scenery is no thing to put in a thing's place."""
    assert bad not in every(object_swap, surface(caption))


def test_object_swap_never_moves_cc3m_person_placeholder(surface):
    """CC3M writes "person" for a name: "noble person accompanied noble person to a concert" ->
    "noble concert accompanied noble person to a person"; "person are inclined ..." -> "factory are"."""
    assert not any("noble concert" in t for t in every(object_swap, surface(
        "noble person accompanied noble person to a concert given as a belated wedding gift by cellist.")))
    assert not any(t.startswith("factory") for t in every(object_swap, surface(
        "person are inclined to believe that all people work in factories.")))


def test_object_swap_never_reorders_conjuncts_under_a_shared_modifier(surface):
    """CC3M "seamless pattern with white leaves and flowers on a blue background": "white" may
    qualify both, so "white flowers and leaves" says the same; a modifier of its own moves."""
    got = every(object_swap, surface("seamless pattern with white leaves and flowers on a blue background"))
    assert not any("white flowers and leaves" in t for t in got)
    assert "a red house and a blue car" in every(object_swap, surface("a red car and a blue house"))


def test_object_swap_never_moves_one_item_of_a_list(surface):
    """CC3M "a fashion look featuring gray dresses, short-sleeve cardigan and long skirts." ->
    "a dress featuring gray fashion looks, short-sleeve cardigan and long skirts."."""
    got = every(object_swap, surface("a fashion look featuring gray dresses, short-sleeve cardigan and long skirts."))
    assert "a dress featuring gray fashion looks, short-sleeve cardigan and long skirts." not in got


def test_object_swap_no_stuff_or_plural_after_a_singular_article(surface):
    """heldout2 CC3M "the debris after a fire broke out at a temple." -> "at a debris"; "... with an
    umbrella during a protests ..." -> "with a protest during an umbrellas": a stuff or a plural
    after "a"/"an" is no English."""
    from sgshards.augment.negatives.object_swap import object_swap
    assert not any("a debris" in t for t in every(object_swap, surface("the debris after a fire broke out at a temple.")))
    got = every(object_swap, surface("an antigovernment protesters sit in front an improvised barricade with an "
                                     "umbrella during a protests against president."))
    assert not any("an umbrellas" in t or "a barricades" in t for t in got)
    assert "a red house next to a blue car" in every(object_swap, surface("a red car next to a blue house"))


def test_object_swap_not_of_a_likened_or_listed_pair_a_noun_modifier_or_a_mass_noun(surface):
    """heldout4 CC3M: "cat ... like a logo" -/-> "logo like a cat" (likening), "money, a tip and receipt
    including the new pound coin" (a list: both items are there either way), "womens black shoes with
    pointed toe" -/-> "toes black shoes with pointed women" (a noun modifier), "new information on the
    bags" -/-> "new bag on the informations" (a mass noun takes no plural)."""
    got = every(object_swap, surface("cute black and white cat, cartoon flat icon design, like a logo"))
    assert not any("logo like a cat" in t for t in got)
    got = every(object_swap, surface("money, a tip and receipt including the new pound coin on a leather bound book"))
    assert not any("a pound coin and receipt" in t for t in got)
    assert not any(t.startswith("toes") for t in every(object_swap, surface(
        "womens black shoes with pointed toe on a white background.")))
    assert not any("informations" in t for t in every(object_swap, surface("new information on the bags!")))
    assert "a red house next to a blue car" in every(object_swap, surface("a red car next to a blue house"))


def test_object_swap_not_of_a_noun_bound_in_a_compound_word(surface):
    """heldout5 CC3M: a noun that is half of a compound adjective with the participle after it
    ("former war torn the northernmost city" -/-> "former city torn the northernmost war") or one
    noun with its particle ("in the run up" -/-> "heavy run dampens ... in the rain up") does not move."""
    got = every(object_swap, surface("afternoon street scene in former war torn the northernmost city"))
    assert not any("torn the northernmost war" in t for t in got)
    got = every(object_swap, surface("heavy rain dampens the festive shopping in the run up"))
    assert got and not any("rain up" in t for t in got)


def test_object_swap_not_of_a_style_name_nor_of_and_other(surface):
    """heldout4/heldout/heldout2 CC3M: "old vintage style headlights" -/-> "... for a style headlight",
    "spanish style house" -/-> "spanish hill is on a style house" (the style word belongs to the
    modifier before it), "corn and other produce" -/-> "corn and other supermarket"."""
    got = every(object_swap, surface("old vintage style headlights as an overhead light for a room."))
    assert got and not any("a style headlight" in t for t in got)
    assert not any("a style house" in t for t in every(object_swap, surface("spanish style house is on a hill")))
    assert not any("other supermarket" in t
                   for t in every(object_swap, surface("corn and other produce at the supermarket")))


def test_object_swap_never_leaves_a_modifier_of_the_names_first_word(surface):
    """heldout9 web row 20 and CC3M: "real estate agent" moved as "estate agent" leaves "real house"; the
    modifier belongs to the name's first word ("latin pop artist", "military fighter aircraft")."""
    got = every(object_swap, surface("latin pop artist performing on stage during his concert"))
    assert not any(t.startswith("latin concert") for t in got), got
    got = every(object_swap, surface("real estate agent showing a house to a couple"))
    assert not any(t.startswith("real house") or t.startswith("real couple") for t in got), got
    assert "a black cat chasing a white dog" in every(object_swap, surface("a black dog chasing a white cat"))


def test_object_swap_never_leaves_the_word_of_a_likeness(surface):
    got = every(object_swap, surface("a little girl holding a stuffed bear"))
    assert not any("stuffed girl" in t for t in got), got
