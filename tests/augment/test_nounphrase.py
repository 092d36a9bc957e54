"""A realised noun phrase keeps the words the caption's meaning needs (issue 15, positives that
drop words): whole modifiers, the count with its multiplier, the article of a quantity, the head
noun.  One test per class, each on a real caption (CC3M validation, web alt-text; the validity
benchmark's heldout samples)."""
from .test_mentions import positives


def test_a_modifier_of_a_left_out_participle_goes_with_it(parse):
    # was "the slow ornamental tree", "the tree is slow and ornamental" (CC3M heldout3 537):
    # "growing" is below the confidence threshold, and "slow" modifies it, not the tree
    got = positives(parse, "golden foliage of the slow growing ornamental tree")
    assert not any("slow" in t.split() and "growing" not in t.split() for t in got)
    assert "the ornamental tree with golden foliage" in got
    # an adjective before a noun modifier is still the head's: "adorable girl" (web 7773)
    assert "girl that is adorable" in positives(parse, "Portrait of adorable infant smiling girl in summer outdoor")


def test_coordinated_modifiers_are_not_split(parse):
    # was "black white easter eggs" (CC3M heldout3 8419)
    got = positives(parse, "set of black and white easter eggs on a white background.")
    assert not any("black white" in t or t.startswith("white easter") for t in got)
    assert "easter eggs" in got


def test_a_count_is_not_cut_from_its_multiplier(parse):
    # was "8 people", "8 people in 21 districts" (web heldout3 7906): "lakh" left out
    got = positives(parse, "Over 8 lakh people in 21 districts in Assam affected by floods")
    assert not any(t.startswith("8 people") for t in got)
    assert "people in 21 districts" in got


def test_a_quantity_keeps_its_article(parse):
    # was "quilt is made with lot of flannel" (CC3M heldout3 14613), "few pointers" (CC3M
    # heldout2 10539), "person is on set of music video" (CC3M heldout3 8084)
    got = positives(parse, "autumn themed quilt made with a lot of flannel.")
    assert "quilt is made with a lot of flannel" in got and not any(" with lot of" in t for t in got)
    got = positives(parse, "person gives person a few pointers about photography.")
    assert "person is giving a few pointers" in got and "few pointers" not in got
    got = positives(parse, "person on the set of his music video")
    assert "person is on the set of the music video" in got and not any("on set of" in t for t in got)


def test_a_modifier_cut_from_its_phrase_is_no_bare_positive(parse):
    # "Top" modifies the count: "5 things" is not what the caption says (web heldout 2043)
    assert "5 things" not in positives(parse, "Top 5 things to do in Gran Canaria")


def test_a_classifying_possessor_is_no_thing(parse):
    # was "men" (CC3M heldout3 1341), "the Day Teddy Bear card" (web heldout3 3836)
    got = positives(parse, "tennis tournament champion leaps for a ball in the men's semifinal he went on "
                           "to win the title")
    assert "men" not in got
    got = positives(parse, "Mother-to-Be on Mother's Day Teddy Bear card")
    assert not any(t.startswith(("the Day", "Day")) for t in got) and "Mother" not in got
    # a possessor that is a thing stays: "the man"
    assert "the man" in positives(parse, "a 3d tattoo appears to turn this man's arm into a machine.")


def test_the_head_noun_is_never_dropped(parse):
    # was "a 3d by actor" (CC3M heldout3 14093: "tattoo" tagged an adverb), "18k" (web fresh 5577)
    got = positives(parse, "a mind-bending 3d tattoo by actor appears to turn this man's arm into a machine.")
    assert not any("3d" in t.split() for t in got)
    assert "18k" not in positives(parse, "thumbnail image of 18k Gold Lapis Cufflinks")
    # was "small water is forming a circle" (CC3M heldout3 3022: "drops" read as the verb)
    got = positives(parse, "small water drops forming a circle on white background.")
    assert not any("water" in t.split() for t in got)
    assert "a circle on white background" in got
    # a verb that takes an "-ing" complement is a verb
    assert "the dog is running in the park" in positives(parse, "the dog keeps running in the park")


def test_a_kind_complement_stays_with_its_head(parse):
    # was "fetus", "the branch with fetus" (CC3M heldout3 12461)
    got = positives(parse, "the branch with fetus of pear")
    assert "the branch with a fetus of pear" in got and "fetus" not in got
    # not a material the graph reads as an attribute, nor an owner related to the head
    got = positives(parse, "walls of glass in a modern building")
    assert not any("of glass" in t for t in got)
    got = positives(parse, "the historic home of military person.")
    assert not any("with the historic home" in t for t in got)     # never the possession reversed
    # attributes stay before the head: "a huge field of sunflowers", never "... sunflowers that is huge"
    got = positives(parse, "peace from a huge field of sunflowers.")
    assert "a huge field of sunflowers" in got and not any("that is" in t or " is huge" in t for t in got)
    assert not any("of feet" in t for t in positives(
        parse, "person was fourth in the shot put at the championship meet wednesday, finishing with a throw of feet, inches."))
    # a kind no picture shows (CC3M heldout3 8523: "the object" was already wrong)
    got = positives(parse, "person reached for the bottle of hair color to play the object of desire in the movies.")
    assert not any("object" in t.split() for t in got)
    assert "movies" not in got                  # "in the movies": in films, an idiom


def test_the_maker_of_a_lost_head_is_no_positive(parse):
    # "a 3d tattoo by actor": the actor made the tattoo (CC3M heldout3 14093)
    got = positives(parse, "a mind-bending 3d tattoo by actor appears to turn this man's arm into a machine.")
    assert "actor" not in got


def test_a_possessor_shown_only_through_what_it_owns_is_no_positive(parse):
    # was "a man" (VG heldout2 127), "the world" and "a man with largest biceps" (CC3M heldout2 12356)
    assert "a man" not in positives(parse, "orange wall of a man's bedroom.")
    got = positives(parse, "person, a man with the world's largest biceps")
    assert "the world" not in got and not any("largest" in t.split() for t in got)
    # the owner of a part of its body is there: "the man" of "this man's arm"
    assert "the man" in positives(parse, "a 3d tattoo appears to turn this man's arm into a machine.")


def test_an_adjective_of_what_may_be_is_not_said_after_is(parse):
    got = positives(parse, "a red, starry night sky with a possible sporadic meteor passing through it")
    assert not [t for t in got if "is possible" in t or "are possible" in t]           # CC3M heldout3


def test_a_time_or_an_occasion_before_a_noun_is_no_property(parse):
    """heldout10 web: "eggs that are easter" (the tagger read "easter" as an adjective)."""
    got = positives(parse, "Set of easter eggs on background3 vector image")
    assert "easter eggs" in got and not any("are easter" in t or "that are" in t for t in got)


def test_a_noun_of_a_compound_tagged_as_an_adjective_is_no_property(parse):
    """heldout11 CC3M: "the player is rugby" ("rugby" tagged JJ, a compound's noun no lexicon knows)."""
    got = positives(parse, "rugby player warms up during a training session.")
    assert "rugby player" in got and not any("is rugby" in t or "that is rugby" in t for t in got)


def test_the_camera_one_looks_at_is_not_in_the_picture(parse):
    """heldout12 CC3M 461 and heldout10 CC3M: "camera", "the camera" (the one that took the picture) were
    object positives; the relation stays true."""
    got = positives(parse, "boy looking at camera in the park")
    assert "camera" not in got and "the camera" not in got and "boy looking at the camera" in got
    assert "a camera" in positives(parse, "woman holding a camera")


def test_a_name_of_several_words_is_not_cut(parse):
    # heldout16 web 1471, 9695, 5922 and heldout14 web 3294: a mention that keeps part of a name
    # (capitalised words in lower-case text, a noun with the number that names it) says something else
    got = positives(parse, "Great Britain Scott MH300 machin stamp syncopated")
    assert not any(t.startswith("Britain") for t in got)
    got = positives(parse, "Front cover of Transliving Issue 29 magazine")
    assert "front cover" in got and not any("Transliving" in t or t.startswith("29") for t in got)
    assert not any(t.startswith("66") for t in positives(parse, "Historic route 66 stickers"))
    got = positives(parse, "Veteran actor: Scott Glenn, who had a minor role in Apocalypse Now, came out to "
                           "support the event as well")
    assert "Apocalypse" not in got and "the event" in got
    # whole names stay, and capitals that open a sentence or a Title Case text mark no name
    assert "US Bancorp Tower" in positives(parse, "Wide aerial shot flying by US Bancorp Tower and Downtown")
    assert "the Balmoral Hotel" in positives(parse, "The grand staircase at The Balmoral Hotel in Edinburgh.")
    assert "penny 1837" in positives(parse, "Canada, Bank of Montreal, 1 penny 1837")
    assert "two Girls" in positives(parse, "Two Girls Experimenting caught by Gym coach")
