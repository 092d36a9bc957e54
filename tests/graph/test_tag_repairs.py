"""Words the tagger gave the wrong part of speech, on real captions (CC3M validation, FACTUAL):
repaired before the graph takes them at face value."""
from sgshards.graph import build_graph
from sgshards.parse.spacy_backend import parse_batch


def tuples(nlp, caption):
    g = build_graph(parse_batch(nlp, [caption])[0])
    g.validate()
    return g.tuples()


def predicates(t):
    return {x[1] for x in t if len(x) == 3}


def test_verb_read_as_a_plural_noun_is_the_subjects_verb(nlp):
    t = tuples(nlp, "a person stares directly at the camera while perched on a green branch")
    assert ("person", "stare at", "camera") in t and ("stare",) not in t
    assert ("eagle", "perch in", "tree") in tuples(nlp, "a bald eagle perches in a pine tree.")


def test_verb_only_word_read_as_a_noun_is_its_subjects_verb(nlp):
    # heldout13 CC3M: "arrive" was an object, positives "arrive" and no one arriving
    t = tuples(nlp, "actor and screenwriter arrive at the premiere.")
    assert ("actor", "arrive at", "premiere") in t and ("arrive",) not in t
    # a caption that starts with its verb (the subject left out) names no thing "arrive"
    t = tuples(nlp, "arrives at the premiere of the film")
    assert ("arrive",) not in t and ("premiere",) in t
    # a word that can be a noun still starts a fragment: "kites in the air"
    assert ("kite", "in", "air") in tuples(nlp, "kites in the air")


def test_clause_after_as_is_no_relation(nlp):
    t = tuples(nlp, "a woman stares as a bird flies")
    assert ("stare",) not in t and "as" not in predicates(t)


def test_noun_coordinated_with_a_verb_of_another_form(nlp):
    t = tuples(nlp, "a van of a company specialising in signs at marina and harbour on the west coast")
    assert ("harbour", "on", "west coast") in t and "harbour on" not in predicates(t)
    assert ("person", "wear", "tie") in tuples(nlp, "person wearing suit and tie")


def test_name_after_a_classifier_is_no_verb(nlp):
    t = tuples(nlp, "3d render the planet mars with stars , high resolution .")
    assert ("planet mars", "with", "star") in t and "mar with" not in predicates(t)
    # a verb with a phrase of its own stays a verb
    t = tuples(nlp, "the future of our technology and our planet depends on thing : the battery")
    assert any(p.startswith("depend") for p in predicates(t))


def test_noun_read_as_a_verb_with_a_compound_or_as_an_object(nlp):
    t = tuples(nlp, "bus stop on a roof")   # CC3M: "stop" a verb carrying the compound "bus"
    assert ("bus stop", "on", "roof") in t and ("bus",) not in t
    t = tuples(nlp, "Caramelized onion and goats cheese on toast.")   # web: "cheese" a verb as object
    assert ("goats cheese",) in t or ("cheese",) in t
    # a coordinated or determined subject keeps its verb
    assert ("groom", "walk to", "garden") in tuples(nlp, "the bride and groom walk to the garden for pictures at wedding")
    assert ("bike", "lean near", "fence") in tuples(nlp, "an old bike leans near a fence")


def test_verb_read_as_part_of_a_noun_compound(nlp):
    # CC3M: "angler fishes river" and "bridge spans river" parsed as one noun compound
    assert ("angler", "fish", "river") in tuples(nlp, "an angler fishes river on a snowy day.")
    t = tuples(nlp, "the historic bridge spans river.")
    assert ("bridge", "span", "river") in t and ("bridge", "historic") in t
    # no article of the noun's own: a compound of nouns ("christmas carols singer"), left as it is
    assert "carol" not in predicates(tuples(nlp, "christmas carols singer on the blue background"))


def test_gerund_read_as_part_of_a_noun_compound(nlp):
    # CC3M: "woman opening curtains", "horse drinking water" parsed as noun compounds after "of"
    assert ("woman", "open", "curtain") in tuples(nlp, "an image of a woman opening curtains")
    t = tuples(nlp, "portrait of a horse drinking water")
    assert ("horse", "drink", "water") in t and ("drinking water",) not in t
    # "go horse riding" is an activity, no horse doing the riding
    assert ("horse", "ride") not in {x[:2] for x in tuples(nlp, "woman climbing up into the saddle to go horse riding")}
    # a verb that takes no object in its first sense has none: an infant and a smiling girl (web 7773)
    assert "smile" not in predicates(tuples(nlp, "Portrait of adorable infant smiling girl in summer outdoor"))
    # not a person or an animal before it: a kind of thing ("drinking water"), left as it is
    assert ("drinking water",) in tuples(nlp, "drinking water from a spring")


def test_a_colour_read_as_the_head_noun_modifies_the_noun_after_it(nlp):
    """heldout11, heldout10 and heldout8 CC3M: the positives "a metallic gold", "a multicolor",
    "the grey" named a colour as a thing."""
    t = tuples(nlp, "dazzling: environmentalist, wore a metallic gold and black dress as she attended the 31st "
                    "festival red carpet on saturday")
    assert ("gold",) not in t and ("dress", "gold") in t and ("dress", "black") in t
    t = tuples(nlp, "politician wearing a multicolor knit dress! <3")
    assert ("multicolor",) not in t and ("politician", "wear", "dress") in t
    t = tuples(nlp, "these grey and sand coloured boots are a modern nod to dedication to the lift - offering "
                    "possibilities of the original boots")
    assert ("grey",) not in t and ("boot", "grey") in t
    # a colour and a noun phrase of its own joined by "and": two things, the boy is no red one
    assert ("boy", "red") not in tuples(nlp, "a girl wearing red and a boy wearing blue")
    # with no modifier of the noun between, the colour word is a thing of its own
    assert ("orange",) in tuples(nlp, "Roast turkey with orange and herbs for Christmas dinner")   # web
