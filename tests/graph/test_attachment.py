"""Issue 15: relations attached to the wrong noun, on real CC3M captions (heldout sample)."""
from sgshards.graph import build_graph
from sgshards.parse.spacy_backend import parse_batch


def relations(nlp, caption):
    g = build_graph(parse_batch(nlp, [caption])[0])
    return {(g.objects[r.subject].name, r.predicate, g.objects[r.object].name) for r in g.relations}


def test_a_time_clause_on_a_noun_has_not_the_noun_for_subject(nlp):
    rels = relations(nlp, "a view of a tunnel while riding a train")
    assert not any(p == "ride" for _, p, _ in rels), rels          # not "a tunnel riding a train"
    rels = relations(nlp, "person for athlete after his side win the semi final match.")
    assert not any(p == "win" for _, p, _ in rels), rels           # not "person is winning the match"


def test_a_participle_after_the_object_describes_the_object(nlp):
    rels = relations(nlp, "the mayor of politician works the crowds of people lined up along the streets watching")
    assert ("people", "line along", "street") in rels, rels
    assert not any(s == "mayor" and p == "line along" for s, p, _ in rels), rels


def test_a_place_after_a_picture_of_something_places_what_it_shows(nlp):
    rels = relations(nlp, "logo or illustration of spanish style house on a hill.")
    assert not {("illustration", "on", "hill"), ("logo", "on", "hill")} & rels, rels
    assert any(p == "on" and o == "hill" and "house" in s for s, p, o in rels), rels


def test_a_place_after_a_picture_on_a_display_stays_with_the_picture(nlp):
    assert ("painting", "on", "wall") in relations(nlp, "painting of sun on wall")


def test_a_place_after_a_worn_garment_places_the_wearer(nlp):
    rels = relations(nlp, "glamour: star stunned in a little black dress at conference series last year")
    assert ("star", "at", "conference series") in rels, rels
    assert not any(s == "dress" and p == "at" for s, p, _ in rels), rels


def test_a_looked_through_picture_keeps_its_place_on_what_it_shows(nlp):
    rels = relations(nlp, "a close - up image of diced potatoes and vegetables in a white bowl on a wood table .")
    assert ("potato", "in", "bowl") in rels, rels


def test_a_past_participle_on_a_with_thing_describes_the_thing(nlp):
    rels = relations(nlp, "abstract dark room with a luminous pattern made of stars on the wall.")
    assert ("pattern", "make of", "star") in rels and not any(s == "room" and p == "make of" for s, p, _ in rels)
    assert ("boy", "sit on", "bench") in relations(nlp, "boy with red hair sitting on a bench")


def test_a_place_after_a_with_body_part_places_the_part(nlp):
    rels = relations(nlp, "portrait of a young man sitting with his hand on his knee")
    assert ("hand", "on", "knee") in rels and ("man", "sit on", "knee") not in rels, rels
    assert ("man", "sit on", "bench") in relations(nlp, "a man sitting with a dog on a bench")


def test_a_picture_does_not_do_what_the_one_it_shows_does(nlp):
    rels = relations(nlp, "portrait of beautiful caucasian blonde woman smiling in soft natural light on face .")
    assert ("woman", "smile in", "light") in rels and not any(s == "portrait" and p.startswith("smile")
                                                              for s, p, _ in rels), rels


def test_a_place_after_a_picture_of_someone_with_something_places_the_thing(nlp):
    rels = relations(nlp, "portrait of a young woman with wrinkles on his forehead on white background")
    assert ("wrinkle", "on", "forehead") in rels and ("woman", "on", "forehead") not in rels, rels


def test_a_participle_on_a_lifeless_thing_in_a_phrase_is_its_owners_doing(nlp):
    """heldout8 CC3M row 2703 ("the bridal gown putting on earrings") and CC3M validation captions
    of the same shape: the person or animal the phrases hang from does it, or the living subject of
    the verb they hang from."""
    rels = relations(nlp, "a smiling bride in her bridal gown in a bedroom putting on her earrings")
    assert ("bride", "put on", "earring") in rels and not any(s == "gown" and p == "put on" for s, p, _ in rels), rels
    rels = relations(nlp, "young woman with a suitcase walking down an empty road")
    assert ("woman", "walk down", "road") in rels and not any(s == "suitcase" for s, _, _ in rels), rels
    rels = relations(nlp, "a blonde woman in a blue dress stands on a cliff staring at the viewer over her shoulder")
    assert ("woman", "stare at", "viewer") in rels and not any(s == "cliff" for s, _, _ in rels), rels


def test_a_participle_lifeless_things_do_stays_with_the_thing(nlp):
    """Verbs FACTUAL's gold graphs give lifeless subjects (sit, come) stay on the noun they hang from."""
    rels = relations(nlp, "a nun stands in a pool of light coming from the window of a church.")
    assert ("light", "come from", "window") in rels, rels
    rels = relations(nlp, "a woman in a kitchen with a plate of food sitting on the counter")
    assert ("plate", "sit on", "counter") in rels, rels


def test_a_gerund_read_as_a_modifier_after_a_place_is_the_clause_of_the_subject(nlp):
    """heldout8 CC3M row 14937: "young woman sitting in grapes" - "a boat feeding grapes" read as one
    noun phrase (boat as the gerund's adverbial); the woman sits in the boat and feeds the grapes."""
    rels = relations(nlp, "young woman sitting in a boat feeding grapes to a young man resting on her lap")
    assert ("woman", "sit in", "boat") in rels and ("woman", "feed", "grape") in rels, rels
    assert ("woman", "sit in", "grape") not in rels, rels


def test_a_thing_worn_or_carried_shows_what_it_depicts_itself(nlp):
    """CC3M validation: the mask depicts the politician, not the demonstrator wearing it."""
    rels = relations(nlp, "a demonstrator with a mask depicting politician and others take part in a protest")
    assert ("mask", "depict", "politician") in rels and ("demonstrator", "depict", "politician") not in rels, rels


def test_a_lifeless_thing_in_a_garment_is_inside_it(nlp):
    """heldout9 CC3M row 5242: "gears in an old wrist watch" is no "gears wearing an old wrist watch";
    a figure of a person still wears what it is in."""
    rels = relations(nlp, "macro shot of gears in an old wrist watch")
    assert ("gear", "in", "wrist watch") in rels and not any(p == "wear" for _, p, _ in rels), rels
    assert ("statue", "wear", "hat") in relations(nlp, "a statue in a hat")
    assert ("man", "wear", "shirt") in relations(nlp, "man in a red shirt")


def test_a_passive_participle_after_a_body_part_of_someone_is_the_parts(nlp):
    """heldout9 CC3M row 9928: "painted hands of kids raised in the air" is no "kids raised in the air"."""
    rels = relations(nlp, "painted hands of kids raised in the air")
    assert ("hand", "raise in", "air") in rels and ("kid", "raise in", "air") not in rels, rels
    assert ("man", "hold", "cup") in relations(nlp, "hands of a man holding a cup")   # a gerund stays


def test_a_with_phrase_on_the_last_conjunct_is_its_own(nlp):
    # heldout13 CC3M row 15336: "jam with milk"; VG row 597: "street lamp with sign"
    rels = relations(nlp, "breakfast with soft boiled egg, orange juice, toast with jam and coffee with milk "
                          "on a wooden table")
    assert ("coffee", "with", "milk") in rels and ("jam", "with", "milk") not in rels, rels
    rels = relations(nlp, "street lamp and pole with sign attached")
    assert ("pole", "with", "sign") in rels and ("lamp", "with", "sign") not in rels, rels
    # a place phrase on the last conjunct still places them all
    assert ("cat", "on", "bed") in relations(nlp, "a cat and a dog on a bed")


def test_a_bare_place_noun_after_a_verb_is_where_it_happens(nlp):
    # heldout9 CC3M row 9902: "actor is posing a backstage"
    rels = relations(nlp, "actor poses backstage during all american concert series.")
    assert not any(o == "backstage" for _, _, o in rels), rels
    assert not any(o == "home" for _, _, o in relations(nlp, "family heading home after a day at the beach"))


def test_a_who_clause_hung_on_a_thing_belongs_to_the_person(nlp):
    # heldout14 VG row 664: "a dirt bike with boots"
    rels = relations(nlp, "a man sitting on a dirt bike who has a helmet on and black boots.")
    assert ("man", "have", "boot") in rels and not any(s == "bike" and p == "have" for s, p, _ in rels), rels
    assert ("judge", "touch", "sheep") in relations(nlp, "older judge with white hair who is touching the dark brown sheep")


def test_a_negated_adjective_is_no_attribute(nlp):
    # heldout14 web row 1637: "statutory DU screening body" of "DU screening body not statutory"
    g = build_graph(parse_batch(nlp, ["DU screening body not statutory, delaying recruitment: Teachers"])[0])
    assert not any("statutory" in o.attributes for o in g.objects), [(o.name, o.attributes) for o in g.objects]
    g = build_graph(parse_batch(nlp, ["a dog not happy about the rain"])[0])
    assert not any("happy" in o.attributes for o in g.objects)
