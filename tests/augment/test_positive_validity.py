"""Positives must be true of the caption and fluent (issue 15): one test per class of invalid
positive found by hand-labelling CC3M and web alt-text, each on a real caption of the class
(bench/validity/labels.jsonl, ../shared/data)."""
from sgshards.augment.core import AugmentOptions, augment
from sgshards.augment.positives import Context, bare_objects, enumerate_subgraphs
from sgshards.graph import build_graph


def candidates(parse, caption):
    """Every text any sub-graph positive of the caption could be, by kind."""
    doc = parse(caption)
    ctx = Context.of(doc, build_graph(doc))
    out = {kind: {sg.realise(t).text for sg in sgs for t in range(sg.templates)}
           for kind, sgs in enumerate_subgraphs(ctx).items()}
    out["bare"] = {sg.realise(0).text for sg in bare_objects(ctx)}
    out["all"] = set().union(*out.values())
    return out


# --------------------------------------------------------------------------- chains

def test_chain_joins_a_place_phrase_without_and(parse):
    # was "stag taking a bath and in the rut" (CC3M 15116)
    got = candidates(parse, "stag taking a bath in the rut")
    assert got["chain"] == {"stag taking a bath in the rut"}
    got = candidates(parse, "a girl sits on the rail waiting for the train")
    assert "a girl sitting on the rail waiting for the train" in got["chain"]
    assert not any(" and " in t for t in got["chain"])


def test_chain_says_a_shared_verb_once(parse):
    # was "snow blowing across a lighted path and blowing at night" (CC3M 8541)
    assert candidates(parse, "snow blows across a lighted path at night")["chain"] == {
        "snow blowing across a lighted path at night"}
    # two objects of one verb: "and" joins the objects, not two copies of the verb
    got = candidates(parse, "costume includes a wide belted mini dress with asymmetrical layered hem, "
                            "and matching wings.")
    assert "costume including a belted mini dress and matching wings" in got["chain"]
    assert not any("and including" in t for t in got["chain"])


def test_no_chain_when_the_phrases_are_apart_in_the_caption(parse):
    # was "woman pushing a stroller and with students" (CC3M 13829)
    got = candidates(parse, "woman and young boy pushing a stroller outside school with students in background")
    assert not any(" and with" in t or "stroller with students" in t for t in got["chain"])


# --------------------------------------------------------------------------- verb frames

def test_verb_keeps_the_preposition_to_its_object(parse):
    # was "glasses waiting service" (CC3M 8021), "the girl posing a picture" (issue)
    got = candidates(parse, "glasses wait for service behind the vacant bar inside")
    assert "glasses waiting for service" in got["relation"] and "glasses waiting service" not in got["all"]
    assert "person posing for an article" in candidates(parse, "person posing for an article")["relation"]
    # a preposition the predicate cannot keep: nothing rather than "looking a special wedding"
    got = candidates(parse, "this pretty white bridal bouquet looks fabulous for a special wedding .")
    assert not got["relation"]


def test_multiword_preposition_kept_whole(parse):
    # the graph's predicate is "stand to": the caption's "next to" is realised
    got = candidates(parse, "a pink piggy bank standing next to a large hammer , front view .")
    assert "pink piggy bank standing next to a large hammer" in got["relation"]
    # "close" away from the verb cannot be kept: no "the wall built to the house" (CC3M 15097)
    assert not candidates(parse, "look how close the wall is built to the house!")["relation"]


# --------------------------------------------------------------------------- tense and aspect

def test_past_and_perfect_kept_as_the_caption_has_them(parse):
    # were "the lorry sticking under ...", "football player is signed a contract", "the witness
    # is driving along route", "an explosion tearing through the building" (CC3M)
    assert candidates(parse, "the lorry stuck under the railway bridge")["relation"] == {
        "the lorry stuck under the railway bridge"}
    assert candidates(parse, "all smiles : football player has signed a contract")["relation"] == {
        "football player has signed a contract"}
    got = candidates(parse, "the witness was driving northbound along route when the object was first seen.")
    assert got["relation"] == {"the witness was driving northbound along a route"}
    assert "the object that is seen" not in got["all"] and "the object is seen" not in got["all"]
    got = candidates(parse, "teams are combing the development after an explosion tore through the building "
                            "this morning.")
    assert "an explosion tore through the building" in got["relation"]
    assert not any("tearing" in t for t in got["all"])


def test_a_past_tense_read_as_a_participle_stays_past(parse):
    # were "the El Buen Tono newspaper is suffered from arsonists" (web, heldout5 6059), "sports
    # team is practiced at the training facility" (CC3M, heldout2 12698): VBN with an active subject
    got = candidates(parse, "Previously the El Buen Tono newspaper (pictured here) suffered from arsonists.")
    assert any(t.endswith("El Buen Tono newspaper suffered from arsonists") for t in got["relation"])
    assert not any("is suffered" in t for t in got["all"])
    got = candidates(parse, "sports team practiced at the training facility on monday.")
    assert "sports team practiced at the training facility" in got["relation"]
    assert not any("is practiced" in t for t in got["all"])
    # a participle without subject of its own is still a state
    assert "a cake topped with cream" in candidates(parse, "a cake topped with cream on a plate")["all"]


def test_no_agreement_with_a_name_of_unknown_number(parse):
    # was "hyrule Stationery Cards features hyrule airlines" (web heldout4 6366): "Cards" tagged NNP
    got = candidates(parse, "hyrule Stationery Cards featuring hyrule airlines by Louis Roskosch")
    assert "hyrule Stationery Cards featuring hyrule airlines" in got["relation"]
    assert not any("features" in t or " is featuring" in t for t in got["all"])


def test_a_bare_conjunct_shares_the_first_conjuncts_article(parse):
    # was "invitation is shaped like boot" (CC3M fresh 10603)
    got = candidates(parse, "invitation shaped like a cowboy hat and boot.")
    assert "invitation is shaped like a boot" in got["relation"]
    assert not any(t.endswith("like boot") for t in got["all"])


def test_a_participle_tagged_past_is_no_past_tense(parse):
    # was "afternoon street scene torn the northernmost city" (CC3M heldout5 5439): "war torn"
    got = candidates(parse, "afternoon street scene in former war torn the northernmost city")
    assert not any("torn" in t for t in got["relation"] | got["chain"])


def test_an_act_had_is_no_thing_held(parse):
    # was "boy with bath" (CC3M heldout3 2890): "having a refreshing jump and bath"
    got = candidates(parse, "boy having a refreshing jump and bath in a pond")
    assert not any("with" in t for t in got["all"])
    assert any(t.startswith("boy") and "having" in t and "bath" in t for t in got["relation"] | got["chain"])
    assert "a man with a beard" in candidates(parse, "a man has a beard and a hat")["relation"]


def test_unasserted_verbs_are_not_realised(parse):
    # "to rise" -> "rising", "will look" -> "looking", "ready to kick" -> "kicking" (CC3M, issue)
    assert not candidates(parse, "tiny city to rise at exhibition subject... will")["relation"]
    assert not candidates(parse, "how a city will look during sports league championship")["relation"]
    got = candidates(parse, "person in her airplane which she uses to fly around the state setting up "
                            "medical libraries.")
    assert not any("flying" in t for t in got["all"])
    got = candidates(parse, "country artist had been chosen to belt out the anthem at thursday night 's game")
    # the place phrase hangs on "to belt out" too: no "country artist is at the game"
    assert not any(t.startswith("country artist") for t in got["relation"] | got["chain"])
    assert not candidates(parse, "the property would have ample room for actor")["relation"]

    # heldout13 CC3M 11877: "man is breaking out of the water" of a clause that has not happened yet
    got = candidates(parse, "swimmer just before he breaks out of the water.")
    assert not any("breaking" in t or "breaks" in t for t in got["all"]), got["all"]
    # heldout11 CC3M 12679: "worms are mating at night" of what worms usually do
    got = candidates(parse, "mating in terrestrial worms: worms usually mate at night in late summer, but will "
                            "mate other times if the conditions are right")
    assert not any("mating" in t or "mate" in t for t in got["all"]), got["all"]
    assert "a man running on the beach" in candidates(parse, "a man runs on the beach")["all"]


def test_a_gaze_with_its_target_is_not_placed_without_it(parse):
    # heldout10 CC3M 7707: "a man looking in front of the skyline" of "looking at each other in front of ..."
    got = candidates(parse, "a man and woman embrace while looking at each other in front of the skyline during "
                            "their engagement session.")
    assert not any("looking in front" in t for t in got["all"]), got["all"]
    got = candidates(parse, "researchers look at image on a computer screen")                     # CC3M
    assert not any("looking on" in t for t in got["all"]), got["all"]
    assert "fat girl looking in the mirror" in candidates(parse, "fat girl looking at herself in the mirror.")["all"]


def test_state_verbs_are_not_progressive(parse):
    # was "costume is including matching wings" (CC3M 13187)
    got = candidates(parse, "costume includes a wide belted mini dress with asymmetrical layered hem, "
                            "and matching wings.")
    assert "costume includes matching wings" in got["relation"]
    assert not any("is including" in t for t in got["all"])


def test_completed_passive_is_not_an_ongoing_act(parse):
    # "a portrait painted by an artist" is no "an artist painting a portrait"
    got = candidates(parse, "the solar - powered house designed by electrical engineering students .")
    assert not any("designing" in t for t in got["all"])


# --------------------------------------------------------------------------- names and compounds

def test_compound_modifier_is_no_object_and_the_name_is_whole(parse):
    # were "life" and "the saving award" (CC3M 252), "cuff" (CC3M 5796)
    got = candidates(parse, "the life saving award recently awarded to police officers.")
    assert "the life saving award" in got["bare"] and "life" not in got["all"]
    assert "the saving award" not in got["all"]
    assert "cuff" not in candidates(parse, "a stock photograph of a tie and cuff links")["all"]


def test_attribute_inside_a_capitalised_name_is_part_of_the_name(parse):
    # were "diamond bd trucker hat that is Black", "Ship Parade that is Tall" (web 8915, 8844)
    got = candidates(parse, "Black Diamond BD Trucker Hat")
    assert got["all"] == {"Black Diamond BD Trucker Hat"}
    got = candidates(parse, "Le Havre: Tall Ship Parade for 500 Years Celebration – 3 September")
    assert "Tall Ship Parade" in got["bare"] and not any("is Tall" in t or "that is" in t for t in got["all"])


def test_a_name_is_not_cut(parse):
    # was "Tinker Bell Topiary at Festival" (web 5703), "BUDDIE that are PLASTIC" (web 6364)
    got = candidates(parse, "Tinker Bell Topiary at Epcot's International Flower and Garden Festival")
    assert not any("Festival" in t for t in got["all"])
    got = candidates(parse, '"LONG ISLAND CRUISER - 22"" - PLASTIC BUDDIE WITH GRIPTAPE - SKATEBOARD - CANDY"')
    assert "PLASTIC BUDDIE" in got["bare"] and not any("that are" in t or " is " in t for t in got["all"])


def test_number_after_a_name_stays_after_it(parse):
    # was "4 lego city undercover - playstation" (web 9584)
    assert candidates(parse, "LEGO City Undercover - PlayStation 4")["all"] == {"LEGO City Undercover - PlayStation 4"}


def test_nouns_and_classifiers_are_not_said_after_is(parse):
    # were "the park is amusement", "the coach is football", "the side is south" (CC3M)
    for caption, good in (("roller coaster at the amusement park.", "the amusement park"),
                          ("football coach addresses the media on day", "football coach"),
                          ("person throws snowballs for her dog as she pulls her daughter in a sled in the south "
                           "side.", "the south side")):
        got = candidates(parse, caption)
        assert good in got["object"], (caption, got["object"])
        assert not any(" is " in t or " that is " in t for t in got["object"]), got["object"]


def test_attributes_in_the_captions_order(parse):
    # were "stone small house", "adult young book", "rock indie artist" (CC3M 10258, 276, 14646)
    assert "small stone house" in candidates(parse, "property image # small stone house with fireplace")["object"]
    assert candidates(parse, "young adult book by novelist.")["object"] == {"young adult book"}


def test_adjective_with_a_complement_is_no_attribute(parse):
    # was "the pool table is ready" (CC3M 11904)
    got = candidates(parse, "a player's arm with a cue on a pool table ready to stroke a ball")
    assert not any("ready" in t for t in got["all"])


def test_absent_things_are_no_positives(parse):
    # "with no shirt" must never give "a man wearing the shirt"
    got = candidates(parse, "a man with no shirt on the beach")
    assert not any("shirt" in t for t in got["all"])
    got = candidates(parse, "a man without a shirt on the beach")
    assert "a man without a shirt" in got["relation"] and "a shirt" not in got["bare"]


def test_units_are_no_objects(parse):
    # was "the property is at square feet" (CC3M 2821)
    got = candidates(parse, "plenty of space : at square feet the property would have ample room")
    assert not any("feet" in t for t in got["all"])


# --------------------------------------------------------------------------- "is" templates

def test_between_needs_both_parties(parse):
    # was "a regular season match between the Detroit Lions" (web, heldout5 5548): one conjunct of
    # the pair, and a plural name (one team)
    got = candidates(parse, "Robert Griffin III awaits the snap during a regular season match between the "
                            "Detroit Lions and Washington Redskins at FedEx Field")
    assert not any("between" in t for t in got["all"])
    assert "a path between trees" in candidates(parse, "a path between the trees in a park")["all"]


def test_no_is_before_a_preposition_of_time_or_role(parse):
    # were "person is during the international friendly" (CC3M 12142), "a hat is by ..." (issue)
    assert candidates(parse, "person during the international friendly")["relation"] == {
        "person during the international friendly"}
    assert candidates(parse, "crosses on a sand dune at sunset")["relation"] >= {"a sand dune at sunset"}
    assert "a sand dune is at sunset" not in candidates(parse, "crosses on a sand dune at sunset")["all"]
    # nor a past copula turned present: "a traditional carousel that was at festival"
    got = candidates(parse, "this beautiful carousel is a replica of a traditional carousel that was at festival .")
    assert "a traditional carousel is at festival" not in got["all"]


def test_objects_of_unasserted_verbs_are_no_positives(parse):
    # was "the breakfast is good" (CC3M 13770): the caption gives advice, no breakfast is seen
    got = candidates(parse, "mornings are busy but it's important to eat a good breakfast.")
    assert not any("breakfast" in t for t in got["all"])
    got = candidates(parse, "plenty of space : at square feet the property would have ample room for actor and "
                            "her daughter")
    assert not any("room" in t for t in got["all"])
    got = candidates(parse, "use a large mirror to make a small bedroom look and feel more spacious .")
    assert not any("mirror" in t for t in got["all"])
    # a definite one is there all the same (CC3M 12406, 9251); a day is no thing in the picture
    got = candidates(parse, "a wee day trip yesterday to deliver this wedding cake")
    assert "the wedding cake" in got["bare"] and "yesterday" not in got["all"]
    assert "custom rims" in candidates(parse, "check out the custom rims")["all"]


# --------------------------------------------------------------------------- things no picture shows

def test_no_positive_of_a_time_act_idea_or_direction(parse):
    # round-1 labels (CC3M): "the week", "the handful"/"shells by the handful", "win", "left"/"person
    # from left", "a detailed look on gown", "light offroad use with enough clearance"
    assert "the week" not in candidates(parse, "funny animals of the week, funny animal photos, animal pictures")["all"]
    got = candidates(parse, "you can scoop up shells by the handful.")
    assert not any("handful" in t for t in got["all"])
    assert "win" not in candidates(parse, "this car is so full of win")["all"]
    got = candidates(parse, "teams are combing the development after an explosion tore through the building this morning.")
    assert "the morning" not in got["all"]                            # "morning" is also a greeting
    got = candidates(parse, "from left, person person of a city and person are organizing another event.")
    assert "left" not in got["all"] and not any("from left" in t for t in got["all"])
    assert "person organizing the event" in got["relation"]          # a verb's object may be an event
    got = candidates(parse, "a detailed look on gown.")
    assert not any("look" in t for t in got["all"])
    got = candidates(parse, "off the pavement, automobile model does well in light offroad use with enough clearance")
    assert not any("use" in t for t in got["all"])
    # a time where the picture is set stays: "houses in winter"
    assert "houses on the hill in winter" in candidates(parse, "aerial shot of houses on the hill in winter")["chain"]


def test_not_a_x_is_absent(parse):
    # was "a fan on denim", "a fan" (CC3M): "not a fan of" says nothing is there
    got = candidates(parse, "not a fan of denim on denim but love the jeans")
    assert not any("fan" in t for t in got["all"])


# --------------------------------------------------------------------------- compounds and hyphenated names

def test_no_positive_cut_inside_a_hyphenated_word(parse):
    # was "the grid" (off-the-grid), "Z Travel Lap Tray" (E-Z), "regis Mba Program", "baby free girl"
    assert not any("grid" in t for t in candidates(parse, "property image # isolated off-the-grid eco chalet")["all"])
    got = candidates(parse, "Kids E-Z Travel Lap Tray, provides organized access to drawing")
    assert "E-Z Travel Lap Tray" in got["bare"] and not any(t.startswith("Z ") for t in got["all"])
    assert candidates(parse, "Ateneo-regis Mba Program 2010updated")["bare"] == {"Ateneo-regis Mba Program"}
    got = candidates(parse, "baby girl sitting in the bath royalty-free")
    assert "baby free girl" not in got["all"] and not any("royalty" in t for t in got["all"])


def test_no_positive_of_a_broken_compound(parse):
    # was "links" (cuff links), "the world" / "trophy awarded for the world" (world championships)
    assert "links" not in candidates(parse, "a stock photograph of a tie and cuff links")["all"]
    got = candidates(parse, "trophy awarded for the world championships")
    assert not any("world" in t for t in got["all"])


def test_classifier_of_an_agent_noun_not_said_after_is(parse):
    # was "the collector is antique", "the artist is mixed and martial"
    got = candidates(parse, "antique collector holding an iron dating to ca.")
    assert "antique collector" in got["object"] and "the collector is antique" not in got["all"]
    got = candidates(parse, "video thumbnail for mixed martial artist --")
    assert "mixed martial artist" in got["object"] and not any(" is mixed" in t for t in got["all"])
    got = candidates(parse, "illustration of a young female doctor with stethoscope")
    assert "the doctor is young and female" in got["object"]


def test_or_between_objects_kept(parse):
    # was "life saving ring and buoy" (CC3M): one thing named two ways
    got = candidates(parse, "life saving ring or buoy with a bundle of rope isolated against white background.")
    assert "life saving ring or buoy" in got["chain"] and "life saving ring and buoy" not in got["all"]


def test_between_names_all_its_parties_or_nothing(parse):
    # was "a regular season match between the Detroit Lions" (web 5548, heldout5): a team's plural name is
    # one party, and the conjunct the relation leaves out is the other
    got = candidates(parse, "September 22, 2013: Washington Redskins Quarterback Robert Griffin III (10) awaits the "
                            "snap during a regular season match between the Detroit Lions and the Washington "
                            "Redskins at FedEx Field in Landover, Maryland.")
    assert not any("between" in t for t in got["all"])
    assert "a narrow path between trees" in candidates(parse, "a narrow path between the trees")["all"]



def test_a_superlative_after_a_possessive_pronoun_is_left_out(parse):
    """heldout9 CC3M row 11378: "his best game" is no "the best game" (best of all); "the game" is true."""
    got = candidates(parse, "athlete played his best game for the season against american football team.")
    assert not any("best" in t for t in got["all"]), got["all"]
    assert "athlete played the game" in got["all"], got["all"]


def test_a_part_the_caption_writes_with_of_keeps_the_captions_words(parse):
    """heldout9 CC3M row 12068 and web row 7469: "head of lettuce" -> "lettuce with head", "branch of
    olive tree" -> "olive tree with branch" were broken English; heldout12 CC3M row 5987 "the trailer of
    corn" -> "corn with the trailer" reversed roles; heldout13 CC3M row 14639 "a boat with the deck" read
    oddly: "X of Y" stays as written.  The caption's own "with" stays as written too."""
    for caption, kept, never in (("head of lettuce in the ground", "head of lettuce", "lettuce with"),
                                 ("Black olives on branch of olive tree", "branch of olive tree", "olive tree with"),
                                 ("the trailer of corn at the side", "the trailer of corn", "corn with"),
                                 ("portrait of rhythm and blues artist lying on the deck of a boat", "the deck of a boat",
                                  "boat with")):
        got = candidates(parse, caption)["all"]
        assert kept in got and not any(never in t for t in got), got
    assert "man with beard" in candidates(parse, "man with beard and hat")["all"]


def test_a_part_written_with_of_is_never_swapped(parse):
    """"the tip of a canoe" -/-> "the canoe of a tip", "a canoe of the tip": garbled, not false."""
    doc = parse("the tip of a canoe on the lake")
    _, neg = augment("k", doc, build_graph(doc), AugmentOptions(max_positives=20, max_negatives=40,
                                                                keep_unsuitable=True))
    texts = [n.text for n in neg]
    assert not any("canoe of" in t for t in texts) and any("the tip of a" in t for t in texts), texts


def test_adjectives_of_kind_or_degree_are_never_predicated(parse):
    """heldout9 CC3M rows 7937, 12527: "the rider is lone", "the species are biological"."""
    for caption, word in (("lone rider on a highway in the mist", "lone"),
                          ("angler showing off a dry fly caught biological species", "biological"),
                          ("a true garden with a fence high enough to keep the moose out.", "true"),   # heldout13
                          ("football team will move from their current ground after soccer league", "current"),
                          ("brother and sister playing with a pet dog", "pet")):                      # heldout12
        got = candidates(parse, caption)["all"]
        assert not any(f"is {word}" in t or f"are {word}" in t or f"that is {word}" in t for t in got), got


def test_a_likeness_keeps_the_word_that_makes_it_one(parse):
    """heldout9 CC3M row 15467: "the paws of a stuffed polar bear" -/-> "a polar bear" (a toy)."""
    got = candidates(parse, "the paws of a stuffed polar bear")["all"]
    assert "a stuffed polar bear" in got and not any(t.startswith("a polar bear") for t in got), got


def test_a_verb_the_tagger_read_as_a_noun_is_realised_as_a_verb(parse):
    """heldout12 CC3M 8964: "a helicopter is flies over the desert" ("flies" tagged a plural noun,
    repaired to the verb in the graph)."""
    got = candidates(parse, "a helicopter flies over the desert")["relation"]
    assert "a helicopter is flying over the desert" in got and not any("is flies" in t for t in got)


def test_a_state_verb_keeps_its_simple_present(parse):
    """heldout15 CC3M row 5249: "stainless steel water features are connecting the house" (a state,
    not an act in progress)."""
    got = candidates(parse, "the stainless steel water features connect the house to the pool")["all"]
    assert not [t for t in got if "are connecting" in t] and [t for t in got if "connect the house" in t]
    got = candidates(parse, "the bag matches her shoes")["all"]
    assert "the bag matches shoes" in got and not [t for t in got if "is matching" in t]


def test_a_kinship_adjective_is_not_predicated(parse):
    """heldout14 CC3M row 8345: "the family is foster" of "his foster family"."""
    got = candidates(parse, "person, center, in an undated photo with his foster family.")["all"]
    assert not [t for t in got if "is foster" in t] and [t for t in got if "foster family" in t]


def test_a_part_written_x_of_y_keeps_its_words_past_modifiers_and_pairs(parse):
    """heldout15 CC3M rows 3088, 4834: "a pair of jeans with the pocket", "a building with the roof"."""
    got = candidates(parse, "young female emptying the pocket of a pair of jeans")["all"]
    assert "the pocket of a pair of jeans" in got and not [t for t in got if "with the pocket" in t]
    got = candidates(parse, "a crane lifts a small digger onto the roof of a partially demolished building")["all"]
    assert not [t for t in got if "with the roof" in t] and [t for t in got if t.startswith("the roof of")]


def test_a_fronted_phrase_is_not_glued_inside_the_verb_phrase(parse):
    """heldout15 CC3M row 5395: "men in sitting winter" of "men, in winter, sit at the tent"."""
    got = candidates(parse, "men, in winter, sit at the tent and show a finger: everything is fine")["all"]
    assert not [t for t in got if "in sitting" in t] and "men are sitting at the tent" in got


def test_a_little_before_a_mass_noun_is_an_amount(parse):
    """heldout16 CC3M row 10536: "a snow that is little" of "a little snow"."""
    got = candidates(parse, "a little snow on the ground")["all"]
    assert not [t for t in got if "is little" in t] and "a little snow" in got
    assert [t for t in candidates(parse, "a little girl on the beach")["all"] if "is little" in t]


def test_an_adjective_naming_a_kind_of_the_noun_is_not_predicated(parse):
    """heldout16 CC3M row 977: "the dog is funny and husky" (a husky is a dog)."""
    got = candidates(parse, "funny husky dog lying on the grass with the tongue hanging out")["all"]
    assert not [t for t in got if "husky" in t and " is " in f" {t} " and t.index("husky") > t.index(" is ")]
    assert [t for t in candidates(parse, "a red car")["all"] if "is red" in t]


def test_a_verb_the_tagger_read_as_a_noun_gets_no_copula(parse):
    """heldout16 CC3M row 2060: "person is rehearse on stage"."""
    got = candidates(parse, "entertainer and person rehearse on stage .")["all"]
    assert not [t for t in got if "is rehearse" in t] and "person" in got
