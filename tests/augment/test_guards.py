"""Labels, metadata fields, glued words, placeholders and possession are no scene content
(issue 15, round 2 readers' notes); real CC3M and web alt-text captions."""
from sgshards.augment.core import AugmentOptions, augment
from sgshards.augment.guards import label_tokens, repeated_tokens, run_together

from .test_mentions import positives
from sgshards.graph import build_graph


def run(parse, caption):
    doc = parse(caption)
    pos, neg = augment("k", doc, build_graph(doc), AugmentOptions(max_negatives=12, keep_unsuitable=True))
    return [p.text for p in pos[1:]], [n.text for n in neg]


def words(texts):
    return {w for t in texts for w in t.lower().replace(":", " ").split()}


def test_a_leading_label_is_no_object(parse):
    pos, neg = run(parse, "wood: statue overlooking the fountain")
    assert pos and "wood" not in words(pos)
    assert all(n.startswith("wood:") or "wood" not in n for n in neg)   # the label is never edited
    pos, _ = run(parse, "a city: interior of the historic railway station.")
    assert "city" not in words(pos)
    pos, _ = run(parse, "property image # discover the beauty")
    assert not any("image" in p or "#" in p for p in pos)


def test_a_headline_label_is_not_edited(parse):
    _, neg = run(parse, "girls allowed: theborn star sported a pair of binoculars as an unusual accessory "
                        "but failed to impress")
    assert not any(n.startswith("boys") for n in neg)


def test_a_metadata_field_is_no_content_and_not_glued_to_an_object(parse):
    pos, _ = run(parse, "chestnut terrine with caramelized walnuts topic: christmas cooking")
    assert not any("topic" in p or "christmas" in p for p in pos)
    caption = ("Eco wedding shabby chic style: table, paper flowers (Alessandra Fabre Repetto) "
               "Tags: flowers, tavolaing, shabbychic, allestimenti, alessandrafabrerepetto")
    pos, neg = run(parse, caption)
    assert not words(pos) & {"tags", "tavolaing", "shabbychic", "allestimenti", "alessandrafabrerepetto"}
    tail = caption[caption.index("Tags:"):]
    assert all(n.endswith(tail) for n in neg if n.startswith("Eco"))


def test_label_shapes(parse):
    assert label_tokens(parse("a man holding a sign: stop")) == set()        # a verb phrase, not a label
    assert label_tokens(parse("room # 5")) == set()                          # nothing longer follows


def test_glued_words_are_not_realised_or_edited(parse):
    assert run_together("patternspiders") and run_together("betweenarea") and run_together("theborn")
    assert not any(map(run_together, ("skateboarder", "smartphone", "sunglasses", "hispanic", "underway", "fountain")))
    pos, neg = run(parse, "the scheme of a shawl with a patternspiders figure")
    assert not any("patternspider" in t for t in pos)
    # a caption-level negative may edit other words ("a jacket with a patternspiders figure"), never it
    assert all("with a patternspiders figure" in t for t in neg if "patternspider" in t)
    pos, neg = run(parse, "a firefighter looks for tools betweenarea homes on the block as clean up "
                          "continues after fire")
    assert not any("betweenarea" in p for p in pos)
    assert not any("betweenarea home " in n or "betweenarea homes" not in n for n in neg if "betweenarea" in n)


def test_a_verb_no_dictionary_knows_gets_no_invented_form(parse):
    pos, neg = run(parse, "jacquard sweater woman autumn winter fashion 2013 vintage knitted heart print "
                          "patchwork cute pink long sleeve pullover")
    assert not any("patchworking" in t for t in pos + neg)


def test_possession_is_not_presence(parse):
    pos, neg = run(parse, "Bajau fisherman's wooden hut on sea water with blue sky")
    assert not any("fisherman with" in p for p in pos) and not any("fisherman without" in n for n in neg)
    pos, neg = run(parse, "athlete celebrates with person after scoring his side's first goal of the game")
    assert "the side with the first goal" not in pos and "the side without the first goal" not in neg
    # a body part is had; with nothing said of it, "a man with the hand" says nothing (judged not
    # fluent on the tuning sample: augment.mentions), with something it does
    pos, _ = run(parse, "the bird's long tail")
    assert "the bird with the long tail" in pos


def test_repeated_placeholder_is_never_realised(parse):
    caption = "from left, person person of a city and person are organizing another event."
    assert repeated_tokens(parse(caption)) == {3, 4}
    pos, neg = run(parse, caption)
    assert not any("person person" in p for p in pos)
    # the caption's repeated placeholder stays as written ("a city" itself may become "a village")
    assert all("person person of a " in n for n in neg if n.startswith("from left"))


def test_a_compound_part_and_a_written_participle_stay(parse):
    _, neg = run(parse, "owl sitting upon a tree branch")
    # the compound's head is replaced alone, by another part of a tree (the draw decides which)
    assert any(f"owl sitting upon a tree {part}" in neg for part in ("leaf", "root", "trunk"))
    pos, _ = run(parse, "autumn themed quilt made with a lot of flannel .")
    # the written participle stays ("autumn themed quilt"), and the quantity keeps its article
    assert "autumn themed quilt" in pos and "quilt is made with a lot of flannel" in pos
    pos, _ = run(parse, "artist , tattooing through a hole in the wall .")
    assert any("tattooing through a hole" in p for p in pos)


def test_a_description_before_a_colon_is_no_label(parse):
    doc = parse("long hair with a fringe: all things hair - image - blonde hair brown brows")
    assert label_tokens(doc) == set()


def test_the_noun_of_a_verb_idiom_is_no_object(parse):
    """CC3M "elephants marching ... during the annual roundup taken place every november" ->
    "places marching ... taken elephant"; "seniors took part" -> "part took seniors"."""
    pos, neg = run(parse, "elephants marching through the streets during the annual roundup taken place every november")
    assert neg and not any("elephant every" in n or "annual place" in n for n in neg + pos)
    pos, neg = run(parse, "seniors took part in the workshop , working in pairs to create their own magazine in days .")
    assert neg and not any(n.startswith("part") or " gave part" in n for n in neg)


def test_an_adjective_of_the_noun_inside_a_hyphenated_modifier_is_not_the_heads():
    from sgshards.augment.guards import excluded
    from sgshards.parse import load_parser
    doc = load_parser().parse(["the new, heavy metal - eating bacteria was found in the deep waters"])[0]
    g = build_graph(doc)                                                                 # CC3M heldout5
    bacteria = [i for i, o in enumerate(g.objects) if o.name == "bacterium"][0]
    dropped = {g.objects[i].attributes[a] for i, a in excluded(doc, g).attributes if i == bacteria}
    assert dropped == {"heavy"}


def test_a_modifier_with_a_subject_of_its_own_is_a_verb(parse):
    pos, _ = run(parse, "long day ahead: the reality star carefully unloaded person, from their vehicle")
    assert not [t for t in pos if "unloaded" in t]                                        # CC3M heldout5


def test_things_and_attributes_joined_by_or_are_neither_stated_nor_edited(parse):
    pos, neg = run(parse, "look up in the sky, is it birds or planes?")                   # CC3M heldout10
    assert "the sky" in pos and not words(pos) & {"bird", "birds", "plane", "planes"}
    assert all("birds or planes" in n for n in neg)
    pos, _ = run(parse, "t-shirt or poster design with illustration of a running skeleton.")   # web heldout10
    assert pos and not words(pos) & {"t-shirt", "poster", "design"}
    pos, neg = run(parse, "an antique or distressed flag on a wooden wall")
    assert "wooden" in words(pos) and not words(pos) & {"antique", "distressed"}
    assert neg and all("antique or distressed" in n for n in neg if " or " in n)
    # heldout11 CC3M row 12017: "water of sea" of "near water of sea , lake or river" (the "or" on "lake")
    pos, _ = run(parse, "silhouette of a man walking on the shore near water of sea , lake or river on background "
                        "of city lights far off")
    assert "water" in words(pos) and not words(pos) & {"sea", "lake", "river"}, pos
    # an "and" list ends with the alternatives: the first things are stated (CC3M)
    pos, _ = run(parse, "person showing art, interior views and a temple or place of worship")
    assert "art" in words(pos) and not words(pos) & {"temple", "place", "worship"}, pos


def test_a_news_agency_file_mark_is_a_label(parse):
    caption = ("FILE - King Faisal University Vice President for Development and Community Service "
               "Ahmed Al-Shoaibi gestures as he talks during a visit to GNTC.")             # web heldout10
    pos, neg = run(parse, caption)
    assert pos and "file" not in words(pos)
    assert neg and all(n.startswith("FILE - ") for n in neg if "Faisal" in n)
    assert label_tokens(parse("file cabinets in an office")) == set()


def test_a_phrase_whose_number_was_deleted_is_neither_stated_nor_edited(parse):
    caption = "person pierces the water 's surface while competing on the - meter springboard ."   # CC3M heldout10
    pos, neg = run(parse, caption)
    assert pos and not words(pos) & {"meter", "springboard"}
    assert neg and all("the - meter springboard" in n for n in neg if "competing" in n)
    pos, _ = run(parse, "promotional portrait of actor wearing a black off - the - shoulder gown with a brooch")
    assert "gown" in words(pos) and "brooch" in words(pos)              # a compound: only the shoulder


def test_a_superlative_is_not_said_without_its_scope(parse):
    """heldout15 web row 8238: "the largest ambulance operator" of "... in Stockholm"."""
    got = positives(parse, "Falck is now the largest ambulance operator in Stockholm")
    assert not [t for t in got if "largest" in t] and [t for t in got if "ambulance operator" in t]
    got = positives(parse, "the tallest building in the city at night")
    assert not [t for t in got if "tallest" in t]
    # a superlative with no scope after it stays ("the best" of its own picture)
    assert [t for t in positives(parse, "the smallest puppy sleeping on a blanket") if "smallest" in t]


def test_no_thing_is_glued_across_a_title_separator(parse):
    """Web alt-text "Lokottaravada - Bodhisattva statue", "Patagonia - Down and feather padding
    coat": a spaced dash parts a title's segments, and a noun phrase the parse ran across it is
    no thing (heldout16-18: 27 of 38 such web positives invalid)."""
    pos, neg = run(parse, "Lokottaravāda - Bodhisattva statue from a Buddhist monastery in Afghanistan")
    assert pos and not any(" - " in p for p in pos), pos
    assert not any("Lokottaravāda" in n and "statue" not in n for n in neg)
    pos, _ = run(parse, "Patagonia - Down and feather padding coat - 268369")
    assert pos and not any("Patagonia" in p or "Down" in p for p in pos), pos


def test_a_spaced_hyphen_of_a_cc3m_caption_is_no_separator(parse):
    """CC3M spaces its hyphens out ("bottle - nose dolphin"), and the normaliser joins only the
    spaced hyphens it knows: in a caption of that shape a spaced dash may still be a word's."""
    pos, _ = run(parse, "bottle - nose dolphin spinning out of the water")
    assert "bottle - nose dolphin" in " ".join(pos), pos
