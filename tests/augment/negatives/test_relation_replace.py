"""relation_replace on real spaCy parses: contrasting prepositions and verbs, in the verb's form,
whole compound prepositions only."""
from sgshards.augment.negatives.relation_replace import relation_replace
from tests.augment.negatives.common import every, run, texts, whole


def test_relation_replace_whole_output(surface):
    assert whole(run(relation_replace, surface("A cat sitting on a wooden table."))) == [
        ("A cat sitting under a wooden table.", "relation_replace", [((3, 4), "on", "under")]),
        ("A cat standing on a wooden table.", "relation_replace", [((2, 3), "sitting", "standing")])]


def test_relation_replace_contrasts(surface):
    s = surface("A cat sitting on a wooden table.")
    assert texts(run(relation_replace, s)) == ["A cat sitting under a wooden table.",
                                                "A cat standing on a wooden table."]
    assert texts(run(relation_replace, surface("a man in front of a car"))) == ["a man behind a car"]
    assert texts(run(relation_replace, surface("a woman standing to the left of a tree")))[-1] == \
        "a woman standing to the right of a tree"


def test_relation_replace_keeps_verb_form(surface):
    assert texts(run(relation_replace, surface("A man holds an umbrella."))) in (
        ["A man drops an umbrella."], ["A man throws an umbrella."])


def test_relation_replace_whole_compound_prepositions_only(surface):
    assert texts(run(relation_replace, surface("a sign on the side of a building"))) == [
        "a sign on top of a building"]
    assert texts(run(relation_replace, surface("a cat in the middle of a road"))) == [
        "a cat at the edge of a road"]
    negs = {t for seed in range(5) for t in texts(run(
        relation_replace, surface("a dog running from left to right across a field"), seed))}
    assert negs and not any("left to left" in t or "right to right" in t for t in negs)


# --------------------------------------------------------------------------- issue 15: real captions

def test_relation_replace_keeps_prepositions_the_verb_owns(surface):
    """CC3M: "focusing under the candles", "named before a prominent family", "encased outside
    white stone"."""
    for caption, bad in (("christmas tree and candles - focusing on the candles", "focusing under"),
                         ("this room is named after a prominent family.", "named before"),
                         ("building was encased in white stone", "encased outside")):
        assert not any(bad in t for t in every(relation_replace, surface(caption))), caption


def test_relation_replace_places_only_things(surface):
    """CC3M "lotus flower outside the summer", "regional game under sunday"; web "Fabric outside
    Solid Red"; "up"/"down" a street say one thing."""
    assert not any("outside the summer" in t for t in every(relation_replace, surface(
        "water lily in pond, lotus flower in the summer")))
    assert not any("under sunday" in t for t in every(relation_replace, surface(
        "person dives back to first base during the third inning of their regional game on sunday.")))
    assert every(relation_replace, surface("Polar Fleece Fabric in Solid Red")) == set()
    assert not any("walking up" in t for t in every(relation_replace, surface("students walking down the sidewalk")))


def test_relation_replace_verbs_only_where_the_contrast_is_false(surface):
    """CC3M "pick down venture funded company" (a particle), "sandals sitting on the beach" (a
    posture of things), web "Tulisa catches her arms around" (a body part)."""
    assert not any("pick down" in t for t in every(relation_replace, surface(
        "old men looking for women : how to pick up venture funded company")))
    assert not any("sitting" in t or "standing" in t for t in every(relation_replace, surface(
        "summer hat and sandals lying on the beach")))
    assert not any("catch" in t for t in every(relation_replace, surface(
        "Group hug: Tulisa throws her arms around her 'little muffins'")))
    assert "a man drops an umbrella for actor outside the service." in every(relation_replace, surface(
        "a man holds an umbrella for actor outside the service."))


def test_relation_replace_without_only_of_things(surface):
    """CC3M "a man without homework" (no thing), "talking on cell phone and without portrait" (an
    "and" chain)."""
    assert not any("without homework" in t for t in every(relation_replace, surface(
        "image of a man helping his grandson with homework")))


def test_relation_replace_keeps_reduplication_idioms_and_the_ground(surface):
    """Real CC3M captions: "denim on denim" is an idiom; nothing is seen "under land"."""
    assert not any("denim under denim" in t or "denim in denim" in t
                   for t in every(relation_replace, surface("not a fan of denim on denim but love the jeans")))
    assert not any("under land" in t or "below land" in t or "beneath land" in t
                   for t in every(relation_replace, surface("tourist attraction is a slot canyon located on land")))


def test_relation_replace_during_an_event_becomes_after(surface):
    """CC3M "person testifies during a hearing." had no negative; "during" a time ("during the
    day") and a realised sub-graph (which may misread the caption) keep it."""
    from dataclasses import replace
    assert "person testifies after a hearing." in every(relation_replace, surface("person testifies during a hearing."))
    assert every(relation_replace, surface("canadian census division: the outside during the day.")) == set()
    s = replace(surface("person testifies during a hearing."), caption=False)
    assert not any("after" in t for t in every(relation_replace, s))


def test_no_without_after_a_participle_and_no_posture_of_things(surface):
    """Visual Genome "sky covered with white clouds" gave "sky covered without white clouds" (no
    English) and "plane sitting on a runway" gave "plane standing on a runway" (one fact of a
    thing); people keep both contrasts."""
    for caption in ("sky covered with white clouds with grey highlights", "a sky filled with white clouds"):
        assert not any("without" in t for t in every(relation_replace, surface(caption)))
    assert not any("standing" in t for t in every(relation_replace, surface("plane sitting on a runway")))
    people = every(relation_replace, surface("a girl sitting on a bench with a dog"))
    assert "a girl standing on a bench with a dog" in people and "a girl sitting on a bench without a dog" in people


def test_relation_replace_keeps_a_preposition_idiom_with_a_bare_noun(surface, parse):
    """CC3M: "on display" -> "under display", "in full sail" -> "outside full sail", "from all
    over country" -> "from all under country", "on stage" -> "under stage" are no English; a bare
    thing keeps its contrast ("man on skateboard" -> "man under skateboard", "with remote control")."""
    from sgshards.augment.core import AugmentOptions, augment
    from sgshards.graph import build_graph
    for caption, bad in (("automobile model is among the cars is on display", "under display"),
                         ("person of a ship at sea in full sail", "outside full sail"),
                         ("wine from all over country on a market", "under country"),
                         ("pop artist performs on stage .", "under stage")):
        assert not any(bad in t for t in every(relation_replace, surface(caption))), caption
        doc = parse(caption)
        for seed in range(4):                       # the realised positives too ("wine from over country")
            _, negs = augment("k", doc, build_graph(doc), AugmentOptions(seed=seed, max_negatives=20))
            assert not any(bad in n.text for n in negs), (caption, seed)
    assert "man under skateboard" in every(relation_replace, surface("man on skateboard"))
    assert any("without remote control" in t for t in every(relation_replace, surface(
        "family of four sitting on sofa with remote control and watching television .")))


def test_relation_replace_no_posture_for_birds_no_contrast_without_its_to(surface):
    """CC3M/VG: "penguins lie in the shade" -> "penguins sit" (a bird's sitting is its lying),
    "pitcher throwing the ball to the batter" -> "catching the ball to the batter" (no English);
    a dog's postures differ."""
    assert not any("penguins sit" in t for t in every(relation_replace, surface(
        "penguins lie in the shade among the roots of gnarled trees")))
    assert not any("catching" in t for t in every(relation_replace, surface("pitcher throwing the ball to the batter.")))
    assert "a dog sitting on the couch" in every(relation_replace, surface("a dog lying on the couch"))


def test_relation_replace_no_place_contrast_between_a_part_and_its_whole(surface):
    """VG: "leaves on the trees are red, yellow and orange" -> "leaves under the trees" (fallen
    leaves lie under them too)."""
    assert not any("under the trees" in t for t in every(relation_replace, surface(
        "leaves on the trees are red, yellow and orange")))


def test_relation_replace_verb_contrast_takes_the_captions_preposition(surface):
    """heldout3 CC3M "dancer arrives at a pool party hosted by hip hop artist" -> "dancer leaves at a
    pool party": "leave" takes no "at"; "enters through the door" -> "leaves through" does."""
    got = every(relation_replace, surface("dancer arrives at a pool party hosted by hip hop artist"))
    assert not any("leaves at" in t or "leaving at" in t for t in got)
    assert "a man leaves through the door" in every(relation_replace, surface("a man enters through the door"))


def test_relation_replace_no_contrast_of_a_light_verb_or_a_second_object(surface):
    """heldout2 VG "dog takes a nap on a couch" -> "dog gives a nap"; CC3M "person gives person a few
    pointers about photography." -> "person takes person a few pointers"."""
    assert not any("gives a nap" in t or "giving a nap" in t
                   for t in every(relation_replace, surface("dog takes a nap on a couch")))
    assert not any("takes person" in t for t in every(
        relation_replace, surface("person gives person a few pointers about photography.")))
    assert "a woman dropping an umbrella in the rain" in every(
        relation_replace, surface("a woman holding an umbrella in the rain"))


def test_relation_replace_no_place_contrast_of_what_a_thing_is_made_or_seen_in(surface):
    """heldout2 CC3M "the furniture is in oak." -> "outside oak"; "hand holding a gavel in
    silhouette ..." -> "outside silhouette": a bare "in" phrase of a material or a manner."""
    assert not any("outside" in t for t in every(relation_replace, surface("the furniture is in oak.")))
    assert not any("outside silhouette" in t for t in every(
        relation_replace, surface("hand holding a gavel in silhouette against a red grungy background.")))
    assert "a cat outside the box" in every(relation_replace, surface("a cat in the box"))
    # a tree is no material ("Kookaburra in tree" -> "outside tree", web heldout3, judged valid)
    assert any("outside tree" in t for t in every(relation_replace, surface("Kookaburra in tree — Stock Photo #1214233")))
    # a verb with its object: the phrase after it is no frame ("woman wearing a denim shirt with a belt")
    assert "woman removing a denim shirt with a belt." in every(relation_replace, surface("woman wearing a denim shirt with a belt."))
    # a liquid is no material ("people kayaking in water" -> "outside water", VG heldout2, judged valid)
    assert any("outside water" in t for t in every(relation_replace, surface("people kayaking in water")))
    # a curated place is no manner (CC3M "tourist attraction in city of art period .")
    assert "tourist attraction outside city of art period ." in every(
        relation_replace, surface("tourist attraction in city of art period ."))


def test_no_outside_of_an_arrangement_or_a_posture(surface):
    """heldout4 CC3M: "arranged in a row" -/-> "arranged outside a row", "continue in an
    uncomfortable position" -/-> "outside an uncomfortable position" (WordNet: an arrangement, a
    position); "in a box" still takes "outside"."""
    got = every(relation_replace, surface("view of colorful shopping bags arranged in a row."))
    assert not any("outside a row" in t for t in got)
    got = every(relation_replace, surface("we live in a world where people will continue in an uncomfortable "
                                          "position in order for the sleeping animal on them to remain sleeping."))
    assert not any("outside an uncomfortable position" in t for t in got)
    assert "a cat sleeping outside a box" in every(relation_replace, surface("a cat sleeping in a box"))


def test_no_side_contrast_of_a_verb_or_of_a_road(surface):
    """heldout2 CC3M: "bits of ice left on the ground" -/-> "right on the ground" ("left" is a verb),
    "the bus is sitting on the side of the road" -/-> "on top of the road" (the side of a road is on
    it); the side of a building still contrasts with its top."""
    assert not any(" right on" in t for t in every(relation_replace, surface("bits of ice left on the ground")))
    assert not any("on top of the road" in t
                   for t in every(relation_replace, surface("the bus is sitting on the side of the road.")))
    assert "a sign on top of the building" in every(relation_replace, surface("a sign on the side of the building"))


def test_relation_replace_take_is_no_hand_over(surface):
    """heldout8 CC3M "man takes his dog for a walk along the harbour wall" -> "gives his dog for a
    walk", "an injured person is being taken to the ambulance" -> "given to": "take" in captions is
    rarely the converse of "give"; "give" still becomes "take"."""
    for caption in ("man takes his dog for a walk along the harbour wall",
                    "an injured person is being taken to the ambulance", "players are taking the field"):
        assert not any("giv" in t or "gave" in t for t in every(relation_replace, surface(caption)))
    assert any("takes a ball" in t or "taking a ball" in t
               for t in every(relation_replace, surface("a boy gives a ball to his sister")) |
               every(relation_replace, surface("a boy gives a ball")))


def test_relation_replace_contrast_verb_keeps_its_own_preposition_only(surface):
    """heldout19 CC3M "football player is seen with teammates crossing through a fence" ->
    "stopping at through a fence": "stop at" brings its own "at" and takes no other preposition
    after it; a plain "cross" still becomes "stop at"."""
    caption = "football player is seen with teammates crossing through a fence during a training session."
    assert not any("stopping at through" in t for t in every(relation_replace, surface(caption)))
    assert "a man stopping at the road" in every(relation_replace, surface("a man crossing the road"))


def test_relation_replace_no_out_of_for_a_voice_or_a_look(surface):
    """heldout19 web "Woman shouting into megaphone", "smiling into camera" -> "out of": a voice or a
    smile sent into a thing states no place; a body moving into one still goes out of it."""
    for caption in ("Woman shouting into megaphone and glowing energy particles",
                    "Portrait of Young happy african girl holding gift box and smiling into camera"):
        assert not any("out of" in t for t in every(relation_replace, surface(caption)))
    assert "a cat jumping out of a box" in every(relation_replace, surface("a cat jumping into a box"))
