"""Words the parse makes objects of that name no depicted thing give no positive and no negative
(``augment.depicted``; issue 15, precision of positives): one test per class, each on a real caption
of the class (CC3M validation, web alt-text and VG rows of the validity benchmark's samples)."""
from sgshards.augment.core import AugmentOptions, augment
from sgshards.augment.guards import excluded
from sgshards.graph import build_graph

from .test_mentions import mentions, positives


def negatives(parse, caption):
    doc = parse(caption)
    return [n.text for n in augment("k", doc, build_graph(doc), AugmentOptions())[1]]


# --------------------------------------------------------------------------- fixed expressions

def test_the_noun_of_a_complex_preposition_is_no_object(parse):
    got = positives(parse, "this is how far seas could rise thanks to climate change")   # CC3M heldout3
    assert not mentions(got, "thanks") and "seas" in got
    got = positives(parse, "everywhere in the name of industry")                          # CC3M heldout3
    assert not mentions(got, "name") and "industry" in got


def test_a_state_in_full_is_no_object_and_gets_no_negative(parse):
    caption = "biological species in full flower"                                        # CC3M heldout3
    assert not mentions(positives(parse, caption), "flower")
    assert not [n for n in negatives(parse, caption) if "flower" not in n]               # no "in full grass"


def test_the_noun_of_a_figurative_phrase_or_of_the_world_as_a_domain_is_no_object(parse):
    got = positives(parse, "person reached for the bottle of hair color to play the object of desire in the movies.")
    assert not mentions(got, "object") and "the bottle" in got                           # CC3M heldout3
    got = positives(parse, "trip around the world on person s")                          # CC3M heldout2
    assert not mentions(got, "world")


# --------------------------------------------------------------------------- pronouns and times

def test_a_possessive_pronoun_is_no_object(parse):
    got = positives(parse, "an old drawing of mine")                                     # CC3M heldout3
    assert not mentions(got, "mine") and "a drawing that is old" in got
    got = positives(parse, "an abandoned underground mine which was once used to mine white limestone.")
    assert mentions(got, "mine")                                                         # a mine is a thing


def test_a_month_or_a_frequency_is_no_object(parse):
    got = positives(parse, "person, also admitted his role in the final attack in march where this photo was "
                           "used to lure a man to a park")                               # CC3M heldout3
    assert not mentions(got, "march") and "person" in got
    assert positives(parse, "S&P 500 Monthly") == set()                                  # web heldout3
    doc = parse("a model walks the runway at the fashion show during fashion week")     # CC3M
    graph = build_graph(doc)
    assert "fashion week" not in {graph.objects[i].name for i in excluded(doc, graph).objects}   # an event


# --------------------------------------------------------------------------- possessors

def test_the_possessor_in_an_occasions_name_is_no_one_there(parse):
    got = positives(parse, "Soldiers at Trooping the Colour 2012, The Queen's Birthday Parade, Horse Guards, "
                           "Whitehall, London, England, United - Stock Photo")           # web heldout3
    assert not mentions(got, "Queen") and "soldiers" in got


def test_the_domain_of_a_superlative_is_no_object(parse):
    got = positives(parse, "the world's thinnest wallet designed for front pocket")     # CC3M heldout2
    # the wallet stays; its superlative goes with the possessor it is relative to (augment.nounphrase)
    assert not mentions(got, "world") and got & {"the thinnest wallet", "the wallet"}
    got = positives(parse, "a mind - bending 3d tattoo by actor appears to turn this man's arm into a machine.")
    assert mentions(got, "man")                                          # the owner of a body part is there


def test_a_classifying_possessor_or_an_owner_of_premises_is_no_one_there(parse):
    got = positives(parse, "a men's pair of khaki shorts")                               # VG heldout2
    assert not mentions(got, "men") and got & {"pair of khaki shorts", "the pair of khaki shorts"}
    got = positives(parse, "orange wall of a man's bedroom.")                            # VG heldout2
    assert not mentions(got, "man") and "orange wall" in got
    assert not [n for n in negatives(parse, "orange wall of a man's bedroom.") if "woman" in n.split()]
    got = positives(parse, "hut of the beggar isolated.")                                 # CC3M heldout9
    assert not mentions(got, "beggar") and "hut" in got
    assert mentions(positives(parse, "the hands of a man"), "man")                       # a body part's owner is


def test_the_buyers_of_a_listing_are_no_one_there(parse):
    got = positives(parse, "shop online in china tote premium handbags women")           # CC3M heldout2
    assert not mentions(got, "women")
    assert not mentions(positives(parse, "a watch gift for men"), "men")


# --------------------------------------------------------------------------- statements and addressees

def test_what_a_generic_or_past_statement_relates_is_not_shown(parse):
    got = positives(parse, "old rustic horseshoe often hung on doors and said to bring good luck when hung "
                           "the right way round")                                        # CC3M heldout2
    assert not mentions(got, "doors") and "old rustic horseshoe" in got
    assert not mentions(positives(parse, "where the kings were once crowned"), "kings")  # CC3M heldout2
    # a habit is no act going on (frames.HABIT_ADVERBS; the rubric: aspect changed): "fleas riding pets" of
    # "fleas often ride pets" was once taken as shown, "worms are mating at night" of "worms usually mate"
    # was judged not true (heldout11); the doer stays
    got = positives(parse, "fleas often ride pets into a home.")
    assert "fleas" in got and not any("riding" in t for t in got), got


def test_an_addressee_and_the_readers_hypothetical_things_are_not_shown(parse):
    got = positives(parse, "a call to all good men: man standing on rock in front of ocean")   # CC3M heldout3
    assert "the men are good" not in got and "man is standing on a rock" in got
    got = positives(parse, "if you are looking for a venue that will make your events memorable for the rest "
                           "of your life -- then look no further.")                      # CC3M heldout3
    assert not mentions(got, "events")


# --------------------------------------------------------------------------- web furniture

def test_stock_labels_page_phrases_and_web_addresses_are_no_objects(parse):
    got = positives(parse, "Luminous light bulb \u2014 Stockfoto")                       # web heldout3
    assert not mentions(got, "stockfoto") and "luminous light bulb" in got
    got = positives(parse, "Load image into Gallery viewer, Boys Baptismal Romper")      # web fresh
    assert not mentions(got, "viewer")
    got = positives(parse, "Summary Description Gustav Klimt's painting www.ya Postcard")   # web heldout3
    assert not mentions(got, "www.ya") and "Postcard" in got
    assert positives(parse, "The Buddha- 200g") == set()                                 # web heldout3


def test_an_instruction_verb_is_no_object(parse):
    got = positives(parse, "Install Window XP. Begin the Installation 1. Insert the Windows XP CD and restart "
                           "your computer. 2. If prompted to start from the CD, press SPACEBAR.")   # web heldout3
    assert not mentions(got, "Insert") and "the Windows XP CD" in got


def test_an_opening_verb_of_shopping_is_no_object(parse):
    got = positives(parse, "shop online in china tote premium handbags women")           # CC3M heldout2
    assert not mentions(got, "shop") and "tote" in got
    assert mentions(positives(parse, "ship a city travels through fog down river on its way ."), "ship")   # CC3M


def test_a_sign_before_a_date_or_a_number_and_a_credit_name_are_no_objects(parse):
    got = positives(parse, "Evening coat Attributed to Charles Frederick Worth Attributed to Jean-Philippe Worth "
                           "ca. 1890")                                                   # web heldout2
    assert not mentions(got, "ca")
    assert not mentions(positives(parse, "T-shirt kids Have You Met (Saviour No 1)"), "No")   # web heldout2
    got = positives(parse, "Destination wedding in Scotland | Lisa Dawn Photography (1)")   # web heldout2
    assert not [t for t in got if "Photography" in t]
    # a stock site's label after a name stays the object it was
    assert mentions(positives(parse, "Potatoes Stock Photography"), "Potatoes") or \
        mentions(positives(parse, "Potatoes Stock Photography"), "potatoes")


def test_the_maker_after_a_pictures_last_by_is_no_object(parse):
    got = positives(parse, "Royalty Free Photo of a Person Holding a Globe by Fire")      # web heldout5
    assert not mentions(got, "Fire") and "Person is holding Globe" in got
    # a place by a thing, with its determiner, stays one
    assert mentions(positives(parse, "a cat sleeping by the Fire"), "Fire")


def test_an_adverb_read_as_a_noun_is_no_object(parse):
    got = positives(parse, "Bunch of slides in white framed rotates clockwise — Stock Video #28793439")  # web heldout5
    assert not mentions(got, "clockwise") and "bunch of slides" in got
    # a word with a noun's sense too stays an object
    assert mentions(positives(parse, "a man jogging outdoors in the park"), "park")
    # the dictionary reads "tin" as an adverb: WordNet's noun keeps it              # CC3M
    assert mentions(positives(parse, "a spoon leans against an open tin of baked beans"), "tin")


# --------------------------------------------------------------------------- idioms, genres, similes, purposes

def test_the_object_of_a_light_verb_idiom_is_no_object(parse):
    got = positives(parse, "police officers stand guard near a house, where the standoff took place.")  # CC3M heldout4
    assert not mentions(got, "guard") and not mentions(got, "place") and "a house" in got


def test_a_noun_cut_from_its_particle_is_no_object(parse):
    got = positives(parse, "a group of friends enjoying a sit down")                    # CC3M heldout4
    assert not mentions(got, "sit") and "a group of friends" in got


def test_a_split_genre_modifier_is_no_object(parse):
    got = positives(parse, "blues artists perform during a concert")                    # CC3M heldout4
    assert "blues" not in got and "artists performing during a concert" in got
    got = positives(parse, "organization and human resource management icons, business icons - stock vector")
    assert "organization" not in got and "human resource management icons" in got     # web heldout4
    assert "gospel" not in positives(parse, "gospel of christ quiz graphic")            # web heldout4


def test_what_a_thing_is_likened_to_is_not_shown(parse):
    got = positives(parse, "cute black and white cat, cartoon flat icon design, like a logo")   # CC3M heldout4
    assert not mentions(got, "logo") and "flat icon design" in got


def test_a_name_given_and_what_a_thing_resembles_are_not_shown(parse):
    got = positives(parse, "wallpaper with a dinner dress called actor")                    # CC3M heldout13
    assert not mentions(got, "actor") and "a dinner dress" in got
    assert "tiles" in positives(parse, "so-called tiles on the floor of a parish church")   # CC3M
    got = positives(parse, "a boat named after the queen")
    assert not mentions(got, "queen") and "a boat" in got
    got = positives(parse, "she reminds me of an anime character i created")               # CC3M heldout13
    assert not mentions(got, "character")
    got = positives(parse, "a rock that resembles a face")
    assert not mentions(got, "face") and "a rock" in got
    got = positives(parse, "vector illustration of a banner for festival of person.")       # CC3M heldout13
    assert not mentions(got, "person") and "a banner" in got


def test_what_is_said_missing_a_measure_of_degree_and_a_topic_are_not_shown(parse):
    got = positives(parse, "a lack of rainfall has led to a drought affecting people and hectares of land")
    assert not mentions(got, "rainfall") and "people" in got                              # CC3M heldout13
    got = positives(parse, "the absence of trees on the hill")
    assert not mentions(got, "trees") and "the hill" in got
    got = positives(parse, "these carrots looked a lot less orange without the flash.")     # CC3M heldout13
    assert not mentions(got, "lot") and "carrots" in got
    assert not mentions(positives(parse, "mountains: learning about the earth"), "earth")     # CC3M heldout12
    got = positives(parse, "a blog about a full day kindergarten classroom that is italian comune inspired.")
    assert not mentions(got, "classroom")                                                 # CC3M heldout13
    assert "the garden" in positives(parse, "children running about the garden")


def test_the_things_of_a_purpose_clause_are_not_shown(parse):
    got = positives(parse, "Oddly shaped teaspoons that are perfect for hanging on the rim of your coffee-cups")
    assert not mentions(got, "rim") and "teaspoons" in got                             # web heldout4


def test_image_detail_boilerplate_is_no_object(parse):
    got = positives(parse, "image detail for - all items home where every little girl is a princess")
    assert not mentions(got, "detail")                                                  # CC3M heldout4


def test_a_verb_read_as_a_plural_noun_is_no_object(parse):
    assert positives(parse, "fiber withstands just about anything winter throws at it.") == set()   # CC3M heldout4
    got = positives(parse, "a male patient opens wide as a female dentist examines and scrapes his teeth with "
                           "her tools.")                                                        # CC3M
    assert not mentions(got, "examines") and not mentions(got, "dentist"), got
    got = positives(parse, "layer pajama style pants with a sweater and an oversized coat .")       # CC3M
    assert mentions(got, "pants")
    got = positives(parse, "+ of the best affordable baskets, bins and crates for organizing your entire house! "
                           "# storage # organizing # organize")                                   # web heldout4
    assert "organize" not in got and "bins" in got and not mentions(got, "house")               # purpose clause


def test_a_noun_written_twice_around_a_preposition_is_an_adverb(parse):
    got = positives(parse, "a good looking pair: the dance partner's are arm in arm for another routine")
    assert not mentions(got, "arm") and "the dance partner" in got                     # CC3M heldout5
    from sgshards.augment.depicted import paired_noun
    from sgshards.schemas.depview import children_index
    doc = parse("person by person on 500px")                                             # CC3M: a name and a credit
    assert not paired_noun(doc, children_index(doc), 0)


def test_a_verb_the_parse_made_a_noun_is_no_object(parse):
    got = positives(parse, "Bunch of slides in white framed rotates clockwise — Stock Video #28793439")
    assert not mentions(got, "clockwise")                                               # web heldout5: no noun sense
    got = positives(parse, "a female reaches out her hand to the noses of donkeys")    # CC3M heldout5: a verb's object
    assert "reaches" not in got and "a female" in got
    got = positives(parse, "Show up, do the work, trust in the process")               # web heldout5: an instruction
    assert not mentions(got, "trust")
    got = positives(parse, "shop online in china tote premium handbags women")         # heldout2: a thing after all
    assert "tote" in got


def test_a_phrasal_noun_before_its_particle_is_no_object(parse):
    got = positives(parse, "heavy rain dampens the festive shopping in the run up")    # CC3M heldout5
    assert not mentions(got, "run") and "heavy rain" in got


def test_the_things_of_a_hypothetical_clause_are_not_shown(parse):
    got = positives(parse, "currently top, if person were to be crowned the champions they would break run of "
                           "consecutive titles.")                                         # CC3M heldout5
    assert "champions" not in got and "person" in got
    assert "the car" in positives(parse, "just imagine if you were inside the car")     # CC3M: a place
    got = positives(parse, "this mystical ring might just give you special powers .")  # CC3M: what may be
    assert "the ring is mystical" in got


def test_n_like_y_is_an_n_like_y_not_an_n(parse):
    got = positives(parse, "house with a pipe like decoration")                         # CC3M heldout5
    assert not mentions(got, "pipe") and "decoration" in got
    assert "animals" in positives(parse, "animals like dogs")                            # examples of a plural
    assert "a full breakfast" in positives(parse, "no one does a full breakfast like island")   # CC3M: a comparison


def test_the_heart_of_a_place_is_no_object(parse):
    got = positives(parse, "river running through the heart of the town")              # CC3M heldout5
    assert all("heart of the town" in t for t in mentions(got, "heart")) and "the town" in got


def test_the_noun_of_a_verb_idiom_is_no_object(parse):
    got = positives(parse, "featured image for teen takes the fashion world by storm with fabulous dresses")
    assert "storm" not in got and "teen" in got                                         # CC3M heldout5
    got = positives(parse, "playful nature: the stars, who are the glamorous captains to host person, got into "
                           "the spirit of things by rocking a cute pair of bunny ears")   # CC3M heldout5
    assert "things" not in got


def test_the_nouns_of_every_x_is_a_y_are_no_objects(parse):
    got = positives(parse, "image detail for - all items home where every little girl is a princess")
    assert not mentions(got, "girl") and not mentions(got, "princess")                 # CC3M heldout4
    assert mentions(positives(parse, "every room in home is part of his book store ."), "room")   # CC3M


def test_who_lent_the_picture_is_not_in_it(parse):
    got = positives(parse, "Frederick Nicholls Crouch (Photo courtesy of the Music Division, The New York Public "
                           "Library)")                                                    # web heldout5
    assert not mentions(got, "Division") and not mentions(got, "Library") and "Frederick Nicholls Crouch" in got
    # nor the source a caption cites (web heldout11 row 790: "CBS News" was a positive)
    got = positives(parse, "Moody's cut Bankia's rating to Ba2 from Baa3, putting it in junk territory, according to "
                           "CBS News. (Photo: AP)")
    assert not mentions(got, "CBS")
    assert mentions(positives(parse, "a man talking to the guide"), "guide")


def test_what_a_picture_or_a_print_is_made_for_is_no_object(parse):
    """heldout9 CC3M rows 9604, 4671: "poster for the international premiere", "an illustration for a story"."""
    got = positives(parse, "poster for the international premiere of bollywood film.")
    assert not mentions(got, "premiere") and "poster" in got
    assert not mentions(positives(parse, "an illustration for a story in her picture & word class."), "story")


def test_what_a_thing_or_an_act_is_for_is_not_there(parse):
    """heldout15-20: objects of "for" were 11 of 33 valid positives ("the movie poster" of "original art for
    the movie poster", "locals", "a party" of "baking a ... cake for a party"), but what one reaches or poses
    for is at hand."""
    got = positives(parse, "original art for the movie poster")                    # CC3M
    assert not mentions(got, "poster") and mentions(got, "art")
    assert not mentions(positives(parse, "Mining giant creates job opportunities for locals"), "locals")   # web
    assert not mentions(positives(parse, "baking a homemade coffee and walnut cake for a party"), "party")  # CC3M
    assert not mentions(positives(parse, "person - perfect for toys and stuffed animals!"), "animals")  # conjuncts
    assert mentions(positives(parse, "person dives for a ball during tuesday's game"), "ball")           # CC3M
    assert mentions(positives(parse, "funk artist poses for a portrait"), "portrait")                    # CC3M


def test_where_a_view_is_taken_from_is_not_there(parse):
    """heldout15-20 CC3M: "the front door" of "here's the view from the front door.", "the terrace" of "picture of
    the house as seen from the terrace", "the air" of "slowly panning across wind turbines from the air"."""
    assert "the front door" not in positives(parse, "here's the view from the front door.")   # only its relation
    got = positives(parse, "picture of the house as seen from the terrace")
    assert not mentions(got, "terrace") and "the house" in got
    got = positives(parse, "slowly panning across wind turbines from the air at sunrise on a very still day")
    assert not mentions(got, "air") and "wind turbines" in got
    # one who looks from a place is there
    assert "a man looking out from the window" in positives(parse, "a man looking out from the window")


def test_a_bare_person_after_a_closing_by_is_a_credit(parse):
    """heldout15-20 CC3M: "lawyer" of "christmas in the woods by lawyer", "athlete" of "all down with soft curls hair
    by athlete": CC3M writes a name as a bare singular noun of its kind."""
    assert not mentions(positives(parse, "christmas in the woods by lawyer"), "lawyer")
    assert not mentions(positives(parse, "all down with soft curls hair by athlete"), "athlete")
    assert mentions(positives(parse, "a child hugged by athlete"), "athlete")          # the agent is there


def test_what_a_thing_is_shaped_as_is_not_there(parse):
    """heldout11 CC3M: "roosters" of "lanterns in the shape of roosters"."""
    got = positives(parse, "lanterns in the shape of roosters against a night sky")
    assert not mentions(got, "roosters") and "lanterns" in got
    assert mentions(positives(parse, "the shape of the roof"), "roof")


def test_what_a_statue_shows_is_not_there(parse):
    """heldout14 CC3M row 10886: "military commander" and "military commander outside a tourist
    attraction" from a statue of him."""
    got = positives(parse, "statue of military commander outside tourist attraction")
    assert not mentions(got, "commander") and "statue" in got
    assert not mentions(positives(parse, "a statue of a god"), "god")
    # a picture holds what it shows: the woman of a portrait stays
    assert mentions(positives(parse, "portrait of a woman smiling"), "woman")


def test_cc3m_closing_credit_is_no_one_there(parse):
    """heldout15 CC3M rows 1922, 6443: the closing "by person" names the photographer."""
    got = positives(parse, "a red blanket for fall engagement photos is so pretty! by person")
    assert not mentions(got, "person") and got
    got = positives(parse, "hidden temple illuminated by sunlight seeping into the cave by person")
    assert not mentions(got, "person") and got
    assert not mentions(positives(parse, "the cure photographed by person"), "person")
    # the agent of a passive verb is there; so is a thing by the fire
    assert mentions(positives(parse, "a child hugged by person"), "person")
    assert mentions(positives(parse, "a cat sleeping by the fire"), "fire")


def test_fixed_phrases_of_part_market_and_case_are_no_objects(parse):
    """heldout15 CC3M rows 172, 1284; heldout14 row 1430: CC3M's "as part" (the name after it
    deleted), "on the market", "in this case"."""
    got = positives(parse, "a model walks the runway during the show as part.")
    assert not mentions(got, "part") and mentions(got, "runway")
    assert not mentions(positives(parse, "on the market: modernist property"), "market")
    got = positives(parse, "the early bird gets the worm, or in this case the sparkling all natural purple sapphire.")
    assert not mentions(got, "case")
    assert mentions(positives(parse, "a box on the market stall"), "stall")


def test_a_compound_modifier_read_as_subject_and_verb_is_no_object(parse):
    """heldout15 web row 1726 ("TV" of "TV stand redo"), heldout15 web row 7214 ("a Victorian silver"
    of a silver pierced bread basket), CC3M "gold plated classic ceiling"."""
    assert not mentions(positives(parse, "Easy fixes TV stand redo"), "TV")
    got = positives(parse, "A Victorian silver pierced oval swing handle bread basket by Richard Martin")
    assert not [t for t in got if t.endswith("silver")] and [t for t in got if t.endswith("bread basket")]
    got = positives(parse, "gold plated classic ceiling in the interior of the house")
    assert not mentions(got, "gold") and mentions(got, "ceiling")
    # subjects that act: plural, a name's placeholder, or a bare object without a longer noun pile
    assert mentions(positives(parse, "members brought christmas cookies"), "members")
    assert mentions(positives(parse, "person clued fans in yesterday"), "person")


def test_where_a_named_one_stands_is_no_object(parse):
    """heldout14 CC3M row 8345: "center" of "person, center, in an undated photo"."""
    got = positives(parse, "person, center, in an undated photo with his foster family.")
    assert not mentions(got, "center") and "person" in got
    assert mentions(positives(parse, "a cake with cream in the center, and fruit"), "center")


def test_all_that_jazz_names_no_jazz(parse):
    """heldout15 web row 9091."""
    got = positives(parse, "small business matters and all that jazz")
    assert not mentions(got, "jazz")


def test_a_past_participle_read_as_a_noun_is_no_object(parse):
    """heldout15 web row 6706: "sliced" of "Sliced n diced short triple strand necklace set"."""
    got = positives(parse, "Sliced n diced short triple strand necklace set in grey or black")
    assert not mentions(got, "sliced") and not mentions(got, "Sliced") and mentions(got, "necklace")
    assert mentions(positives(parse, "a shed in the garden"), "shed")


def test_a_season_after_this_or_next_is_a_time(parse):
    """heldout15 CC3M row 8716: "the fall" of "stylish ways to wear trench coat this fall"."""
    assert not mentions(positives(parse, "stylish ways to wear trench coat this fall"), "fall")
    assert mentions(positives(parse, "a man jumps into the fall"), "fall")


def test_a_place_near_you_is_the_readers_somewhere(parse):
    """heldout15 CC3M row 12042: "a campus" of "coming soon to a campus near you"."""
    assert not mentions(positives(parse, "delicatessen: coming soon to a campus near you"), "campus")
    assert mentions(positives(parse, "a bench near the lake"), "bench")


def test_what_one_is_ready_for_is_not_there(parse):
    """heldout15 CC3M row 12993: "the pool" of "the girls are suited up for the pool!"."""
    got = positives(parse, "the girls are suited up for the pool!")
    assert not mentions(got, "pool") and mentions(got, "girls")
    assert not mentions(positives(parse, "a man getting ready for the wedding"), "wedding")
    assert mentions(positives(parse, "a gift for the teacher on a table"), "table")


def test_the_eve_cc3m_cut_from_its_day_is_no_object(parse):
    """heldout16 CC3M rows 6902, 7939: "cats on the eve" (the holiday's name deleted)."""
    got = positives(parse, "people celebrate on the eve")
    assert not mentions(got, "eve") and "people" in got


def test_a_verb_read_as_the_noun_a_person_word_modifies_is_no_object(parse):
    # heldout17 web 8736, CC3M 5052: "the posing is blond and female", "female walking is along a path"
    got = positives(parse, "Blond female posing behind a shopping cart")
    assert not mentions(got, "posing") and "a shopping cart" in got
    assert not mentions(positives(parse, "female walking along a wooded path"), "walking")
    # a compound after the activity keeps it ("professional boxing match"), and a colour is no person word
    assert "professional boxing match" in positives(parse, "professional boxing match in las vegas")
    assert any("in red" in t for t in positives(parse, "a woman in red walking on the beach"))


def test_the_pronoun_one_and_a_verb_no_dictionary_has_as_a_noun_are_no_objects(parse):
    # heldout17 CC3M 6984 ("the one"), 2384 ("get"); heldout11 web ("ones")
    got = positives(parse, "students sorted different vegetables into what part of the plant they thought each one was.")
    assert not mentions(got, "one") and "students sorted vegetables" in got
    assert not mentions(positives(parse, "we just use the same ones over and over"), "ones")
    got = positives(parse, "the baseball hat - get on the trend")
    assert not mentions(got, "get") and "the baseball hat" in got
    assert "one dog" in positives(parse, "one dog and one cat")                  # a count is no pronoun
