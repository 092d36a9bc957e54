"""Relations whose realisation would say what the caption does not (issue 15, heldout readers'
notes on relation positives): real CC3M and web alt-text captions."""
from sgshards.augment.attachment import clause_objects, wrong_attachments
from sgshards.augment.core import AugmentOptions, augment
from sgshards.graph import build_graph
from sgshards.schemas.depview import children_index


def texts(parse, caption):
    doc = parse(caption)
    pos, neg = augment("k", doc, build_graph(doc), AugmentOptions(max_negatives=12, keep_unsuitable=True))
    return [p.text for p in pos[1:]], [n.text for n in neg]


def dropped(parse, caption):
    """(subject, predicate, object) of the relations left out."""
    doc = parse(caption)
    g = build_graph(doc)
    return {(g.objects[g.relations[k].subject].name, g.relations[k].predicate, g.objects[g.relations[k].object].name)
            for k in wrong_attachments(doc, children_index(doc), g)}


def test_a_definite_mention_of_the_subjects_own_name_is_the_subject(parse):
    caption = "view from a car of road with high traffic and young woman driving the car."
    assert ("car", "drive", "car") in dropped(parse, caption)
    pos, neg = texts(parse, caption)
    assert not any("car driving the car" in t for t in pos + neg)


def test_a_claim_under_a_clause_subject_is_not_stated(parse):
    caption = "smiling helps person relax at auditions"
    assert ("person", "relax at", "audition") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("relax" in p for p in pos)


def test_a_time_phrase_of_a_verb_with_its_own_complement_is_not_its_complement(parse):
    caption = "actor is seen going to a charity event during the presentation of movie at the cinema."
    drops = dropped(parse, caption)
    assert ("actor", "go during", "presentation") in drops and ("actor", "go to", "charity event") not in drops
    pos, _ = texts(parse, caption)
    assert not any("going during" in p for p in pos)


def test_a_word_the_predicate_needs_is_not_dropped(parse):
    pos, neg = texts(parse, "wine from all over country on a market")
    assert not any("from over" in t or "under country" in t for t in pos + neg)
    pos, neg = texts(parse, "person won king sweeping all nights of racing.")
    assert not any("sweeping nights" in t for t in pos + neg)


def test_to_without_a_verb_relates_only_a_way(parse):
    assert ("member", "to", "music") in dropped(parse, "members of dance to music played.")
    assert not dropped(parse, "the door to the room")


def test_a_shot_participle_tells_how_the_picture_was_taken(parse):
    pos, _ = texts(parse, "people enjoying the waves, shot through toys on the beach")
    assert not any("shot" in p for p in pos)


def test_a_verb_read_as_a_compound_names_no_thing(parse):
    caption = "security forces patrol jungle near the border, holding guns and looking into the trees."
    doc = parse(caption)
    g = build_graph(doc)
    assert {g.objects[i].name for i in clause_objects(doc, g)} == {"security forces patrol jungle"}
    pos, _ = texts(parse, caption)
    assert not any("patrol jungle" in p for p in pos)


def test_an_ongoing_passive_keeps_its_being(parse):
    pos, _ = texts(parse, "burgers being cooked on the barbecue")
    assert any("being cooked on the barbecue" in p for p in pos), pos
    assert not any(p.startswith("burgers are cooked") or p.startswith("burgers cooked") for p in pos)


def test_what_the_rules_keep(parse):
    # a verb that needs no complement keeps its time phrase; "all" without an "of" phrase weakens
    # nothing; two rooms of one name with different modifiers are two things
    assert not dropped(parse, "country artist performs on stage during festival in politician")
    assert not dropped(parse, "kitchen with all the usual facilities .")
    assert not dropped(parse, "the pretty twin bedroom is perfect for children and adjoins the double bedroom")


def test_a_negated_object_is_not_stated_without_its_negation(parse):
    assert ("street", "with", "car") in dropped(parse, "a street with no cars")


def test_a_possessed_or_plural_mention_is_another_thing(parse):
    assert not dropped(parse, "football player shouts to his players during the match .")


def test_a_verbs_frame_keeps_its_adverb_and_a_dedication_keeps_its_to(parse):
    caption = ("thousands of shimmering crystals , glittering glass beads , and tiny perfect pearls are "
               "hand - embroidered all along the edge of the whimsical veil")
    assert not any(p.startswith("embroider") for _, p, _ in dropped(parse, caption))
    assert not dropped(parse, "monument to politician , the first president .")


def test_a_phrase_past_another_phrase_or_on_a_purpose_or_a_verb_read_as_noun(parse):
    assert ("person", "in", "sail") in dropped(parse, "person of a ship at sea in full sail")
    assert ("rent", "in", "town house") in dropped(parse, "accommodation type for rent in a town house")
    caption = "proposals for the future released last week range from complete take-down to dressing up the aging highway."
    assert ("range", "from", "take-down") in dropped(parse, caption)
    assert not dropped(parse, "a cup of coffee on the table")


def test_an_ing_noun_heading_a_clause_is_no_thing(parse):
    caption = "seeds dried peas yellow lying in a wicker basket"
    doc = parse(caption)
    g = build_graph(doc)
    assert {g.objects[i].name for i in clause_objects(doc, g)} == {"lying"}
    pos, neg = texts(parse, caption)
    assert not any(t.startswith("lying") or "in lying" in t for t in pos + neg)


def test_a_phrase_of_a_things_own_image_is_not_shared_with_its_owner(parse):
    caption = "roses and their reflection in the water"
    drops = dropped(parse, caption)
    assert ("rose", "in", "water") in drops and ("reflection", "in", "water") not in drops
    pos, _ = texts(parse, caption)
    assert "roses are in the water" not in pos
    assert not dropped(parse, "actor and his wife at festival")     # both are there


def test_a_persons_home_is_not_shown_with_them(parse):
    caption = "the historic home of military person."
    assert ("person", "have", "home") in dropped(parse, caption)
    pos, neg = texts(parse, caption)
    assert not any("with the historic home" in t or "without the historic home" in t for t in pos + neg)


def test_a_with_phrase_past_an_of_noun_is_ambiguous(parse):
    assert ("display", "with", "caption") in dropped(parse, "display of box with the caption")
    pos, _ = texts(parse, "display of box with the caption")
    assert "display with the caption" not in pos
    # a container holds what it is of: its "with" thing is its own either way
    assert ("bottle", "with", "label") not in dropped(
        parse, "a bottle of white wine with blank labels lying on its side with its reflection below.")


def test_a_companion_after_a_verbs_place_phrase_is_the_verbs(parse):
    caption = "athlete plays around on the racetrack with a remote controlled car."
    drops = dropped(parse, caption)
    assert ("racetrack", "with", "car") in drops and ("athlete", "play on", "racetrack") not in drops
    pos, neg = texts(parse, caption)
    assert not any("racetrack with a car" in t or "racetrack without a car" in t for t in pos + neg)
    assert ("map", "among", "venue") in dropped(parse, "city pinned on a map among venues")
    assert not dropped(parse, "a girl walks past a wall with street art")   # the wall's own art


def test_photo_level_participles_relate_no_depicted_things(parse):
    assert ("woman", "view through", "window") in dropped(
        parse, "attractive young woman using smartphone in cafe, view through the window.")
    caption = "dark hotel lobby with rooms on both sides of the corridor taken in a 70's designed hotel."
    assert ("corridor", "take in", "hotel") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("taken in" in p for p in pos)
    pos, neg = texts(parse, "red carpet pictured pop artist arrive at the event")
    assert not any("carpet pictured" in t for t in pos) and not any("pictured a red carpet" in t for t in neg)


def test_a_person_is_no_place(parse):
    caption = "celebrity at person on the gala."
    drops = dropped(parse, caption)
    assert ("celebrity", "at", "person") in drops and ("person", "on", "gala") in drops
    pos, neg = texts(parse, caption)
    assert not any("at person" in t for t in pos) and not any("at a celebrity" in t for t in neg)


def test_a_companion_of_a_verbs_object_is_the_verbs(parse):
    caption = ("an antigovernment protesters sit in front an improvised barricade with an umbrella during a "
               "protests against president.")
    assert ("barricade", "with", "umbrella") in dropped(parse, caption)
    assert not dropped(parse, "noble person wearing a dress with a train for coronation")   # the dress's train


def test_a_for_phrase_before_its_subject_credits_a_source(parse):
    caption = "for newspaper this painting by philosopher is part of collection."
    drops = dropped(parse, caption)
    assert ("painting", "for", "newspaper") in drops and ("painting", "by", "philosopher") not in drops
    pos, _ = texts(parse, caption)
    assert "newspaper" not in pos and "the painting for newspaper" not in pos


def test_an_absolute_with_keeps_its_place_adverb(parse):
    caption = "checkered flag waving with the sun behind."
    assert ("flag", "wave with", "sun") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("waving with the sun" in p for p in pos)


def test_a_particle_after_the_object_is_not_dropped(parse):
    caption = ("portrait of a young smiling woman spinning her colorful umbrella and taking it away because "
               "it is not raining anymore looking in the camera")                        # CC3M heldout5
    pos, neg = texts(parse, caption)      # the graph reads "take away" (graph/verbs); the guard is the fallback
    assert not any("taking the colorful umbrella" in t and "away" not in t for t in pos + neg)
    assert not dropped(parse, "a man turning the lights off in the room")   # the predicate has its particle


def test_into_without_a_verb_relates_nothing(parse):
    assert ("hair", "into", "headband") in dropped(parse, "braided hair into a headband")  # CC3M heldout4
    assert not dropped(parse, "light shining into a dark room through an open door; north")


def test_the_sides_of_a_match_are_no_relation(parse):
    got = dropped(parse, "dramatist attends sports team vs game")                       # CC3M heldout4
    assert got == {("dramatist", "attend", "sports team"), ("sports team", "vs", "game")}


def test_the_body_part_of_a_verbs_living_object_is_where_the_verb_touches_it(parse):
    # was "pop artist in the face" (CC3M heldout5 11725)
    caption = "person clocks pop artist in the face!"
    assert ("pop artist", "in", "face") in dropped(parse, caption)
    pos, neg = texts(parse, caption)
    assert not any(t.startswith("pop artist") for t in pos + neg)
    # a thing held in its holder's arms stays
    assert not dropped(parse, "a woman holding a baby in her arms")


def test_a_region_noun_is_not_realised_without_its_of_phrase(parse):
    # was "river is running through the heart" (CC3M heldout5 14160); a region the parse does not
    # lift into the preposition (a modified "heart") is left out
    caption = "tourists walk through the historic heart of the old town"
    assert ("tourist", "walk through", "heart") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("through the historic heart" in t and "town" not in t for t in pos)


def test_one_bare_noun_around_a_preposition_is_an_idiom(parse):
    # was "arm is in arm" (CC3M heldout5 554)
    caption = "a good looking pair: the dance partner's are arm in arm for another routine"
    assert ("arm", "in", "arm") in dropped(parse, caption)
    pos, neg = texts(parse, caption)
    assert not any("arm in arm" in t for t in pos) and not any("arm is in" in t for t in neg)


def test_a_direct_object_after_a_phrase_of_its_verb_is_a_cut_off_noun(parse):
    # was "antigovernment protesters sitting a barricade" (CC3M heldout2 3309): "in front (of)"
    caption = ("an antigovernment protesters sit in front an improvised barricade with an umbrella during a "
               "protests against president.")
    assert ("antigovernment protester", "sit", "barricade") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("sitting a barricade" in t for t in pos)
    assert not dropped(parse, "a man walking the dog in the park")


def test_a_colour_owns_nothing(parse):
    # was "green with shades" (web heldout4 859)
    caption = "the rest of its plumage is similarly bold in shades of green and blue"
    assert ("green", "have", "shade") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("with shades" in t for t in pos)


def test_a_verbs_object_with_a_versus_phrase_is_one_side_of_a_match(parse):
    # was "dramatist is attending sports team" (CC3M heldout4 11351)
    caption = "dramatist attends sports team vs game"
    assert ("dramatist", "attend", "sports team") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("attending sports team" in t for t in pos)


def test_into_without_a_verb_relates_only_a_way(parse):
    # was "hair into a headband" (CC3M heldout4 7425)
    assert ("hair", "into", "headband") in dropped(parse, "braided hair into a headband")
    assert not dropped(parse, "the path into the woods")


def test_a_noun_in_ing_after_a_lifeless_subject_is_a_compound(parse):
    # were "coffee reflector epoxy is flooring in millburn", "... flooring in coating" (web heldout5 3126)
    caption = "coffee reflector epoxy flooring in millburn nj epoxy coating polished concrete self leveling"
    assert ("coffee reflector epoxy", "floor in", "millburn") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("flooring in" in t for t in pos)
    assert not dropped(parse, "a girl drawing on paper")


def test_a_compound_on_a_finite_verb_is_no_object(parse):
    # were "the children paint monster is facing on pumpkins", "... is talking about monsters" (CC3M fresh 8042)
    caption = "talking about monsters and such the children paint monster faces on their pumpkins"
    pos, _ = texts(parse, caption)
    assert not any("paint monster" in t for t in pos)
    # one noun on a verb is its subject
    pos, _ = texts(parse, "a train runs through box girder bridge .")
    assert any("train" in t and "running through" in t for t in pos)


def test_a_region_after_a_with_phrase_is_inside_the_bearer(parse):
    # was "bottles at the bottom" (CC3M heldout4 7519): the sand is at the bottom
    caption = "use bottles filled with water and sand at the bottom"
    assert ("bottle", "at", "bottom") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any(t.startswith("bottles are at") for t in pos)
    assert not dropped(parse, "shelf filled with books on the wall")


def test_a_gerund_after_a_bare_lifeless_conjunct_is_an_activity(parse):
    # was "young people enjoying dinner tasting in the vineyard" (CC3M heldout5 11538)
    caption = "young people enjoy dinner and wine tasting in the vineyard"
    assert ("dinner", "taste in", "vineyard") in dropped(parse, caption)
    pos, _ = texts(parse, caption)
    assert not any("tasting in" in t for t in pos)
    assert not dropped(parse, "a man and woman walking in the park")


def test_a_noun_before_like_and_a_bare_noun_is_half_of_x_like(parse):
    # was "house with a pipe" (CC3M heldout5 13558): "a pipe like decoration"
    assert ("house", "with", "pipe") in dropped(parse, "house with a pipe like decoration")
    assert not dropped(parse, "a dog like a wolf in the snow") - {("dog", "like", "wolf")}


def test_a_gerund_after_a_verb_that_looks_back_or_stops_is_not_going_on(parse):
    """heldout9 CC3M row 5063: "players celebrate winning the final" is no "players are winning the final"."""
    assert ("player", "win", "final") in dropped(parse, "players celebrate winning the final.")
    assert ("boy", "play", "football") in dropped(parse, "the boys stopped playing football")
    pos, _ = texts(parse, "players celebrate winning the final.")
    assert not any("winning" in p for p in pos), pos
    assert not dropped(parse, "kids enjoy playing in the snow")            # enjoyed while it goes on


def test_a_thing_seen_in_a_view_is_not_had(parse):
    pos, _ = texts(parse, "living room with views of the harbor")                            # web heldout10
    assert "the harbor" in pos and not [p for p in pos if "with" in p]
    assert dropped(parse, "a hotel room with a view of the sea") == {("hotel room", "with", "sea")}
    assert dropped(parse, "a living room with a fireplace") == set()


def test_a_phrase_right_after_a_with_object_is_the_objects(parse):
    assert ("man", "walk on", "leash") in dropped(parse, "a man walking with his dog on a leash")    # CC3M heldout10
    assert not dropped(parse, "a woman walking with her baby in the park")               # a place holds both


def test_a_body_part_does_not_smile(parse):
    """heldout12 CC3M 461: "hair smiling at the camera" (the parse gave the hair the girl's verb)."""
    caption = "portrait of the happy girl with blowing hair smiling at camera."
    assert ("hair", "smile at", "camera") in dropped(parse, caption)
    pos, _ = texts(parse, "portrait of the happy girl with blowing hair smiling at camera.")
    assert not any("hair smiling" in t for t in pos)
    assert not dropped(parse, "a girl smiling at the camera")
