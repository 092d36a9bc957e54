"""The glue: deterministic positives + negatives per caption, on real parses and CC3M captions."""
from collections import Counter

import pytest

from sgshards.schemas.depview import text_of
from sgshards.schemas.record import SampleRecord, dumps
from sgshards.augment.core import AugmentOptions, augment
from sgshards.quality.checks import check_record, is_word_permutation, normalise
from sgshards.graph import build_graph
from sgshards.parse.spacy_backend import parse_batch
from tests.conftest import shared_file


def run(parse, caption, key="k", **opts):
    doc = parse(caption)
    graph = build_graph(doc)
    pos, neg = augment(key, doc, graph, AugmentOptions(**opts))
    return doc, graph, pos, neg


def by_type(negs, kind):
    return [n.text for n in negs if n.type == kind]


def test_red_car_blue_house(parse):
    _, _, pos, neg = run(parse, "a red car next to a blue house", max_negatives=12)
    assert pos[0].text == "a red car next to a blue house" and pos[0].kind == "caption"
    assert "a blue car next to a red house" in by_type(neg, "attribute_swap")
    assert by_type(neg, "relation_swap") == []                 # "next to" is symmetric


def test_man_riding_elephant(parse):
    _, _, pos, neg = run(parse, "a man riding an elephant", max_negatives=12)
    assert "an elephant riding a man" in by_type(neg, "relation_swap")


def test_two_sinks_next_to_two_mirrors(parse):
    _, _, pos, neg = run(parse, "two sinks next to two mirrors", max_negatives=12)
    assert neg and by_type(neg, "relation_swap") == [] and by_type(neg, "object_swap") == []
    assert not any(is_word_permutation(n.text, pos[n.positive].text) for n in neg)


def test_caption_level_negatives_keep_casing_and_period(parse):
    _, _, pos, neg = run(parse, "A cat sitting on a wooden table.", max_negatives=12)
    own = [n.text for n in neg if n.positive == 0]
    assert "A wooden table sitting on a cat." in own
    assert own and all(t[0].isupper() and t.endswith(".") and not t.endswith(" .") for t in own)


def test_plural_agreement_in_swaps(parse):
    _, _, _, neg = run(parse, "Two dogs are chasing a cat.", max_negatives=12)
    assert "A cat is chasing two dogs." in by_type(neg, "relation_swap")
    assert "Two cats are chasing a dog." in by_type(neg, "object_swap")


def test_provenance_edits_point_at_the_positive_tokens(parse):
    doc, _, pos, neg = run(parse, "A brown dog is chasing a small white cat on the grass.", max_negatives=12)
    assert neg
    for n in neg:
        assert 0 <= n.positive < len(pos) and n.edits
        if n.positive == 0:
            for e in n.edits:
                assert text_of(doc[e.span[0]:e.span[1]]).rstrip() == e.before


def test_no_negative_equals_a_positive_or_another(parse):
    _, _, pos, neg = run(parse, "an old man and a young woman sitting on a bench", max_negatives=20)
    keys = [normalise(n.text) for n in neg]
    assert len(keys) == len(set(keys))
    assert not set(keys) & {normalise(p.text) for p in pos}


def test_deterministic_per_key_and_seed(parse):
    caption = "a woman in a red dress standing to the left of a tall tree"
    doc = parse(caption)
    graph = build_graph(doc)

    def record(key, seed):
        pos, neg = augment(key, doc, graph, AugmentOptions(seed=seed))
        return dumps(SampleRecord(key, caption, graph, pos, neg).to_json())

    def drawn(key, seed):                       # what sampling chose, without the key itself
        pos, neg = augment(key, doc, graph, AugmentOptions(seed=seed))
        return tuple(p.text for p in pos), tuple(n.text for n in neg)

    assert record("a", 0) == record("a", 0)
    # both the key and the seed steer the draws: eight pairs, eight different samples
    assert len({drawn(k, s) for k in ("a", "b", "c", "d") for s in (0, 1)}) == 8


def test_options_limit_types_and_counts(parse):
    _, _, pos, neg = run(parse, "a red car next to a blue house", max_positives=1, max_negatives=2,
                         negative_types=("attribute_swap", "attribute_replace"))
    assert len(pos) == 2 and len(neg) == 2
    assert {n.type for n in neg} <= {"attribute_swap", "attribute_replace"}
    with pytest.raises(ValueError):
        AugmentOptions(negative_types=("colour_flip",))


def test_graph_without_objects_gives_only_the_caption(parse):
    _, _, pos, neg = run(parse, "wow !")
    assert [p.kind for p in pos] == ["caption"] and neg == []


# Every check finds nothing on all of CC3M validation; it gave 74,276 negatives (4.69 a caption)
# before issue 15 (precision before recall).  Since then: graph elements below --min-confidence 0.7
# are left out; positives that are not true and fluent are not realised (chains glued with "and",
# verbs without their preposition or tense, split compounds, unasserted verbs); negatives that are
# not false or not fluent are refused (near-synonyms, hypernyms and parts, list reorderings, swaps
# of pictures, parts and times, prepositions owned by their verb, invented word forms); "X of Y" is
# no longer read as possession for heads that are no parts ("the importance of social media", "a
# statue of person"), abstract heads are no objects: 59,575 (83.7% of captions with a negative).
# Then swaps no longer move a noun out of an "of" phrase, a compound chain or a copula, nor a bare
# singular that is no thing into argument position ("a calculator is using work"); replacements are
# unlike every object of the caption, no person for a child of unknown sex, no natural colour variant;
# no positive (and so no negative of one) of a thing no picture shows (times, acts, ideas,
# directions: "the week", "by the handful", "from left"), of a name cut inside a hyphenated word
# or a broken compound ("off-the-grid", "cuff links", "world championships"): 54,395 (80.2%).
# Coverage back above the target with negatives that are still false: a caption's noun outside the
# curated groups takes its nearest WordNet kin among the nouns of things seen ("a flock of geese" ->
# "ducks"), an unlisted compound its curated head's groups ("a sailing boat" -> "a car"), a person
# no group holds an animal when nothing else can be replaced ("actor arrives" -> "a duck arrives"),
# "during" an event "after" ("testifies after a hearing"): 58,290 (87.4% of captions).
# Then no positive or negative from a leading label or a metadata field ("wood: ...", "topic: ...",
# "tags: ..."), a glued word ("betweenarea"), a repeated placeholder ("person person"), a verb no
# dictionary knows, or a possessive realised as presence ("the fisherman with the hut"): 57,934 (87.2%).
# No replacement by a near thing readers cannot tell apart ("ceilings" for "roofs", "sweater" for
# "shirt"), quantities agreeing as their head: 57,914.
# Then negatives that were not false or not fluent are refused (issue 15, validity round 4): swaps of
# a whole and the part it has, of two abstractions, of a participle read into a name, of stuff out of
# its measure, of a conjunct away from its preposition, in a caption cut off; replacements by a part
# of a present whole, a category word, another furnishing of the same room, an old age for a child, a
# size for a type word ("mini dress"); verb-idiom nouns, stuff and units are no objects: 57,615 (87.0%).
# Then nothing built on what a caption mentions but does not show (augment.mentions: fragments
# "private", idioms "under construction", titles "image titled ...", the group of a role, what is
# waited for, what a witness saw) nor on relations the parse misattaches, quoted names, an abstract
# verb object's phrase ("service behind the bar"): 57,253 (86.8%; of the 66 captions left without a
# negative, read by hand, nearly all had only negatives that were no valid contrast).
# Coverage raised with negatives still false (read on a sample of 60: 59 valid): the setting of a
# scene takes its far contrast - a time of day or season the other end of the day or year ("at
# night" -> "at noon", "sunset" -> "sunrise", "winter sun" -> "summer sun"), an element one that
# cannot be there ("enters the water" -> "the sand", "sky" -> "sea", "rain" -> "snow"), an occasion
# one it cannot be ("at the festival" -> "at the funeral"), a city the forest, a side of a thing the
# other ("interior of the cathedral" -> "exterior") -; a person named with modifiers an animal as a
# last resort ("indie rock artist performs" -> "a horse performs"), "business man" a "business
# woman", CC3M's "animal" a person: 59,893 (89.1% of captions).
# All of the above together (validity round 4 with the setting contrasts): 58,866 (88.6%).
# Objects nothing else replaced take a contrast of another kind (negatives/kinds.py: "a view of the
# building" -> "of the bridge", "girls basketball game" -> "girls baseball game", "on a summer day"
# -> "on a winter day" where the graph keeps no time object, CC3M's "automobile model" -> "a
# motorcycle"; read on 120 added negatives: 116 valid): 59,509 (89.22%).
# Multiword units never cut (lexicon.units: "date of birth" is no "date", "high street" no "short
# street", "giant sized" no "giant and sized") and figurative frames no objects ("fit for a princess",
# "on your doorstep", "not a day at the beach"): 58,280 (88.23%); of a random 40 texts no longer
# written, 24 were invalid, the rest other draws of captions whose sampling changed.
# Both together: 58,921 (88.90%).
# Issue 15, relations on the wrong noun or without a word they need (augment/attachment.py, the
# graph's clause and place-phrase attachment; -ing nouns heading a clause): 58,549 (88.40%); of
# 40 relation positives the change removed or altered, read by hand, 30 were invalid ("a tunnel riding a train", "wine from over
# country", "the event to the actual song"); the 26 captions that lost all negatives are mostly
# non-scenes ("ticket for entrance to the special event", "tribute to a legendary racer").
# With the attachment fixes too: 58,605 (88.75%).
# Then objects a caption mentions without showing them (augment/mentions.py, issue 15 round 5): what
# the reader owns ("for your design"), events before or after the picture ("after harvest", "ahead of
# the game"), a gerund after "for" ("for carving"), credited names ("photo ... by person", "© name"),
# what a question asks about, the idioms "in case", "on earth": their negatives are not false of the
# picture (the harvest is not in it): 58,415 (88.20%).
# With the gate and mentions of round 5 too: 58,191 (88.41%).
# Issue 15c (negatives that were not false or not fluent): no scene part for an object said alone
# or a landmark one is near ("the ceiling" -> "the floor"), no preposition idiom with a bare noun
# ("on display" -> "under display"), attributes only in the sense and scale the noun takes ("high
# traffic", "giant panda", "classic" -> "new"), no worn garment for another worn besides, swaps that
# agree with a written quantity and keep place phrases in order, no plural after "in": 56,257
# (87.81%; 56,251 with no vertical contrast between a part and its whole); of random samples of 40 of the negatives each change removed, 29-36 were invalid.
# With the negatives guards of round 5 too: 55,710 (87.65%).
# motorcycle"; read on 120 added negatives: 116 valid): 59,509 (89.22%); then the graph repairs
# verb_read_as_compound ("an angler fishes river") and gerund_in_compound ("an image of a woman
# opening curtains"; 15 added negatives read, all valid): 59,514 (89.23%).
# With the two compound repairs of round 5 too: 55,715 (87.67%).
# Issue 15c swaps: no swap of one item of a list of three or more, of a point of view ("aerial
# beach over the view"), of CC3M's "person" placeholder by object_swap, of conjuncts under a shared
# modifier, of near-symmetric relations ("tied to", "talking to", "across" alone), of an object
# named by a colour ("golf ball on white"), around a noun read as a verb in a title ("Lobster felt
# red decoration"): 55,451 (87.53%); of a random 40 of the swaps these removed on 3,000 random
# CC3M and web rows (outside the labelled samples), read by hand, 35 were invalid.
# With the swap guards of round 5 too: 55,456 (87.54%).
# 55,816 (87.97%) since a day's weather outside the graph, a valley said alone, "digital" art and
# animals no group or kin replaces take contrasts (issue 15c coverage; of 60 random added negatives read, 60 valid).
# With the weather, valley, digital-art and animal contrasts of round 5 too: 55,562 (87.85%).
# 55,414 (87.80%) since relations the parse hung on the wrong word are left out (issue 15d attachment:
# "military person without the historic home", "a private tour taken on the interior"); of the 9
# captions that lost their only negatives, 4 were invalid, the others caption-level "without" edits.
# 55,366 since realised noun phrases keep whole modifiers and heads (issue 15d: no "slow ornamental
# tree", "small water is forming", "men" of "men's", "a 3d by actor", "the world" of "the world's
# largest"): the negatives built on the positives left out go with them.
# 55,218 with both (attachment guards and whole noun phrases) and the web site labels.
# 55,285 (87.57%) since objects that name no depicted thing leave the view (issue 15d, augment.depicted:
# "in the world", "for women", "the men's race", "thanks to", "in full bloom"...): the 46 captions that lost
# every negative, all read, had only negatives on such words ("most beautiful pools outside the world",
# "clothes for boys", "start of the women's race", "biological species in full grass").
# 54,955 (87.50%) with the not-depicted filters merged on top.
# Issue 15d negatives (no near names: tree/bush, gate/door, a compound's head; verb contrasts in
# their frame; no swap of a place and its occasion; articles and mass agreement): 55,234 (87.73%);
# the 20 captions left with none read by hand: of their 27 lost negatives at most 6 arguably valid
# ("latin pop artist leaves at award", "beach outside front", "cabin on the hillsides").
# 54,607 (87.37%) with the negative validity guards of issue 15d merged on top.
# 55,708 (88.66%) since a caption no type gives a negative takes a last resort (issue 15 coverage,
# negatives/last_resort.py: the picture's other medium, the person it shows as an animal, a thing as
# a horse; of the 146 new negatives of the 128 captions it newly covers, read by hand, 144 valid).
# 54,764 (88.24%) with the last-resort contrasts (augment/negatives/last_resort.py) merged on top.
# 54,499 (87.94%) since light-verb idiom objects, verbs read as nouns, split genre modifiers, similes and
# "for"-gerund purposes name no depicted object (augment/depicted.py, issue 15e): the captions lost had only
# negatives on such words ("helicopter hovers are below structure", "nothing like a romantic morning ...").
# 54,529 (88.19%) after the 15e swap guards (relation_swap/object_swap: stranded modifiers, clauses
# a moved subject cannot head, one noun both ends, 'in' + material, likened or listed pairs; heldout4:
# 25 invalid swaps gone, 3 valid).
# 54,281 (87.89%) with the swap guards and the positives of round 8 together.
# 54,810 (88.42%) since places take "of"/"from"/"over" their whole, a city a village, a figure, a side
# or a bare material its contrast, "home" a bridge and a person after a possessive a pet (round 9 coverage).
# 54,179 (87.84%) since round 9's invalid positive classes are left out (verbs and idiom nouns read as
# objects, "arm in arm", "in front", the heart of, contrary-to-fact clauses, "vs", split particles, credits): the
# negatives lost were built on those elements; the 8 captions left with none read by hand ("learn how to
# add snow", "the speaks are triathlete", "every little girl is a princess", "if person were ... champions").
# 54,706 (88.36%) with both together.
# 54,273 (87.89%) since an adverb read as a noun is no object (augment/depicted.py, round 9 web): the lost
# negatives edit "the far", "the before", "cat indoors" ("the far seen from inside the car ...", "groups of
# befores are playing ..."; two of "tabby cat indoors" arguably valid), and "between" needs all its parties.
# 54,698 (88.36%) with round 9 web merged on top.
# 54,149 (87.87%) since wrong relations are left out of texts (round 9, r9-relations: imperatives given a
# subject, a body part of a verb's object, "between" one party, "X vs Y" sides, cut-off "in front (of)"
# objects, "-ing" compounds, "X-like" halves): the 3 captions lost had only negatives on such relations
# ("a beer bottle is posing a family", "a full breakfast does no one like island").
# 54,597 (88.34%) with round 9 relations merged on top.
# 54,544 (88.28%) after the round 9 negative guards (nouns bound in compound words, rooms not "at",
# "outside" of arrangements, near-synonym attribute swaps, approval "cool", compounds before a name,
# chained place phrases in positives, "vs" sides, style names, flagpole pairs, adverbs read as things):
# heldout2-5 lost 34 still-invalid negatives and 20 labelled-valid ones, most redrawn as valid ones.
# 54,447 (88.27%) with all of round 9 merged (coverage, positives, web, relations, negatives).
# 54,429 since "take" has no contrast verb (vocab.VERB_CONTRASTS): the lost negatives were take -> give
# ("players are giving the field", "man gives his dog for a walk", "is being given to the ambulance").
# 54,419 since participles hung on a lifeless noun are their owner's (graph repair participle_to_doer:
# "the camera lens eating cookies", "a suitcase walking down an empty road" and their negatives are gone,
# the boy's and the woman's redrawn) and 3 CC3M ads that say four words again are keyword lists.
# 54,405 since no bare singular count noun replaces a bare mass noun ("making toast" -/-> "making
# strawberry"), gerunds after "celebrate", "stop", "love" ... state nothing and lifeless things "in" a
# watch wear nothing (heldout9 classes).
# 54,233 since premises' owners after "of" and what a print is made for name no one shown, swaps keep
# off "in" the mist or the light and bare nouns before a participle, a wood keeps its trees and a cloudy
# sky its rain (heldout9 classes; augment/depicted.py, negatives/relation_swap.py, vocab.py).
# 54,180 since a name is never swapped away from a modifier of its first word ("latin pop artist" -/->
# "latin concert ... his pop artist", "military fighter aircraft" -/-> "military exhibition at the
# international fighter aircraft") and question-titles are skipped ("what makeup to wear to ...").
# 54,172 since a likeness keeps its word ("stuffed polar bear", "toy", "inflatable"): no swap moves the
# noun away from it ("a little bear holding a stuffed girl").
# 54,015 since nothing said absent is edited ("no tv" -/-> "no phone", "a quiet car with no streets",
# "holding no shirt", "without no red cars"), alternatives joined by "or" are neither stated nor edited
# ("birds or planes", "antique or distressed"), a "FILE -" mark is a label and what is seen in a view is
# not had ("living room with views of the harbor"): heldout10 classes.
# 53,931 since a number CC3M deleted leaves its noun alone ("the - meter springboard"), a verb's phrase right
# after its "with" object is the object's, sports positions are units, idioms of earth, contact and stops
# name nothing, and what one fishes or shops for is not shown (heldout10 classes).
# 53,897 since a part the caption writes "X of Y" is realised in its words ("the tip of a canoe", not "a
# canoe with the tip"): its "without" negations ("detail without coat of arms", "corn without the trailer")
# and swaps ("the canoe of a tip") went with the "with" (heldout13: "with the" positives were 45% valid).
# 53,811 since the heldout13 classes: names given ("a dress called actor"), likenesses, things said missing,
# habits and clauses not yet true ("just before he breaks out") give no positive to perturb, and
# imperatives are skipped; 53,784 since topics ("learning about the earth"), alternatives of an "or" list
# ("sea, lake or river") and gazes placed without their target give none either; 53,681 since the head of a
# named kind keeps its modifier only for another kind ("peregrine falcon" -/-> "peregrine penguin",
# "car tire" -/-> "car surfboard", "pine tree" -/-> "pine flower"); 53,680 since a negated adjective is no
# attribute ("inside finish not good door" gave an edit of "good"); 53,496 since the heldout15 classes: what a
# statue shows, CC3M's closing "by person", "as part", compound modifiers read as subject and verb, positions
# set off by commas, superlatives without their scope and past participles read as nouns give no positive to
# perturb, and modifiers side by side are not swapped; 53,454 since seasons after "this", places "near you", what
# one is ready for and fronted phrases give none either; 53,452 since the heldout16 classes ("on the eve", verbs
# the tagger read as nouns get no copula, a group's "of" takes plurals); 53,450 since "amid" is symmetric; 53,397 since the 2026-12-07 classes: a phrase whose
# noun phrase goes on past it ("household | spending", "his wife | Emma") is not moved alone by a relation
# swap, a mention that keeps part of a name ("Transliving Issue" of "Transliving Issue 29") and "one",
# "ones", "-ing" verbs after a person word ("female walking") give no positive to perturb (53,401 later);
# 53,397 again since a word of the caption never replaces an object, in a realised positive neither ("toast"
# -/-> "salad" of "toast, avocado and salad"), and "by the side of" is symmetric; 53,396 since a noun phrase
# run across a spaced dash of a caption not in CC3M's tokenised shape is no thing (a title's segments glued);
# 53,378 since the heldout19 classes: no half or compound of a caption noun replaces it ("lighthouse" -/->
# "house", "boat" -/-> "sailboat"), "off" alone is symmetric, no "out of" for a voice or a look ("shouting
# into a megaphone"), and "stop at" takes no other preposition ("crossing through" -/-> "stopping at through");
# 53,359 since a noun written bare ("watching tv", "at camera") or after a number of another word ("two story
# house") is not replaced ("watch keyboard", "two skyscraper"); 53,348 since what one is "on" ("on holiday",
# "on patrol", "on an eco tour") is no object; 53,255 since what a thing or an act is "for" has no positive of its
# own ("original art for the movie poster": 11 of 33 such positives were valid), so none of its negatives;
# 53,233 since WordNet's possessive nouns are units ("new year's eve", "mother's day", "farmers market"): no
# "people under the eve", "a seagull's day", "a snowman in new year's jacket", "at a farmers hospital"; 53,208
# since where a view is taken from has no positive of its own ("view from the front door") and a bare singular
# person after a closing "by" is a credit ("christmas in the woods by lawyer": no "... by a wolf"); 51,762 since
# a relation swap needs a thing at both ends (relation_swap.physical_ends: "the island is on a calm bay",
# "american style is in a dream catcher"; 60% of such swaps were valid, 80% of those between things).
CC3M_NEGATIVES_BASELINE = 51_762
# The share of CC3M captions with at least one negative must stay >= 85% (issue 15), and not below
# the measured share (raise it when it rises; lowering it needs a reason): 89.09% since the setting
# contrasts and modified people above (87.2% before).
CC3M_COVERAGE_TARGET = 0.85
# 88.56% with the validity guards of round 4 merged; 88.20% since objects not depicted (the reader's,
# events before or after, purposes, credits, what a question asks) are left out (see above)
                                    # lost were captions whose only negatives were invalid, see above)
                                    # 87.53% since swaps of list items, points of view, colours and near-symmetric
                                    # relations are refused (issue 15c swaps, above)
                                    # 87.97% with the coverage contrasts of issue 15c (weather, valley, digital, animals)
                                    # 87.85% with all of round 5
                                    # captions whose only negatives were built on them have none
                                    # augment.depicted; the 46 captions lost had only negatives on such words)
                                    # 87.85% with all of round 5; 87.73% after the 15d negative guards
                                    # 88.24% with the last-resort contrasts on top of the above
                                    # 88.19% after the 15e swap guards (invalid swaps removed)
                                    # 87.89% with the swap guards and the positives of round 8 together
                                    # 88.36% with round 9 coverage contrasts and positive guards together
                                    # lost had only "cool"->"hot", "hand drawn"->"sketch drawn a hand",
                                    # "war torn", "snow covered", "royal blue"->"royal pink", "left"->"right"
CC3M_COVERAGE_BASELINE = 0.8652     # 88.27% with all of round 9 merged (see the negatives baseline);
#                                      87.99% since a likeness keeps its word (one caption: only a garbled swap);
#                                      88.00% since question-titles are skipped and names keep the modifiers
#                                      of their first word (4 captions: their only negatives were such swaps);
#                                      88.03% since the heldout9 classes: the 31 CC3M captions (pipeline run) that
#                                      lost their only negatives had edits of what a print is made for ("cover art
#                                      for the horse", "another idea for my cats"), of a tomb's or a grave's owner
#                                      ("the tomb of the zebra") or swaps around the wind ("winds in the flag wave");
#                                      87.78% since the heldout10 classes (see the negatives baseline): about 34 captions
#                                      lost had only edits of things said absent ("tattoo with no black ink"),
#                                      of alternatives ("a tray or a table top"), of nouns after a deleted number
#                                      ("the - square - foot home"), of idioms ("down to earth") or sought things
#                                      87.71% since "X of Y" parts keep the caption's words: the 10 captions lost had
#                                      only "without" edits of them ("detail without coat of arms", "corn without
#                                      the trailer"; two good ones: "a magnolia tree without branches").
#                                      87.67% since imperatives are skipped (text/reader_text.py): the 18 captions lost
#                                      were instructions ("put a sweater over your maxi dress", "ask owner for photos
#                                      of the car"; one false skip: "tote bag designed by person for museum").
#                                      87.62% since topics are no things (3 captions had only swaps of a topic:
#                                      "things the urbanism taught us about modern video game") and the rest of
#                                      the session's imperatives.
#                                      87.57% since named kinds keep their modifier only for another kind: the 8
#                                      captions lost had only "mule sheep", "a pine flower", "the corn lake",
#                                      "amusement station", "pedestrian house", "national painting" and the like.
#                                      87.28% since the heldout15 classes: of the 49 captions lost, 28 had only
#                                      edits of CC3M's closing credit ("original art by a flamingo", "designed by a
#                                      bear"), 12 only edits of what a statue, a model, a map or a figure shows
#                                      ("bronze sculpture of a reclining lion": valid, lost with the positives that
#                                      said the cat was there), 3 of "on the market", the rest of compound modifiers
#                                      read as subjects ("red carpet pictured tv host" -> "brown carpet").
#                                      87.24% since seasons after "this" are times ("this fall" -/-> "this spring",
#                                      2 captions), what one is ready for is not there ("ready for our dogs") and
#                                      "X of Y" parts keep their words past a modifier ("without paws": 6 in all).
#                                      87.22% since the 2026-12-07 classes (see the negatives baseline; 3 captions).
#                                      87.24% since the heldout19 classes (3 captions more in all); 87.21% since
#                                      bare nouns and numbered compounds keep theirs: the 5 captions lost had only
#                                      "looking directly at remote", "go to the gym or watch keyboard", "5 - masted
#                                      motorcycle", "fifty finest island", "3 cactus"; 87.18% since what one is
#                                      "on" is no object: the 4 captions lost had only "the tour is covered on
#                                      things", "an eco tour on the area" and two "summer" -> "winter vacation";
#                                      87.17% since what a thing or an act is "for" has no positive of its own: the
#                                      3 captions lost had only negatives of such positives ("the sea" -> "the
#                                      desert" of "a passion for the sea", "parties" -> "funerals"); 87.16% since
#                                      possessive nouns are units (one caption lost its only negative, "a seagull's
#                                      day this meal was fit for a queen"); 87.13% since a bare singular person after
#                                      a closing "by" is a credit: the 5 captions lost had only its edits ("a poem
#                                      written by a penguin", "the monument was designed by a parrot"); 86.52%
#                                      since a relation swap needs a thing at both ends: the 97 captions lost had
#                                      only swaps of a place's, a style's or an idea's role.


def test_cc3m_captions_have_no_defects(nlp):
    """All 15,833 CC3M validation captions (~30 s): no check finds anything, none of the six
    types is missing, and no fewer negatives than the baseline (raise it when the generator gives
    more; lowering it needs a reason)."""
    path = shared_file("captions/cc3m_val.tsv")
    with open(path, encoding="utf-8") as f:
        captions = [line.split("\t")[0] for line in f]
    docs = parse_batch(nlp, captions)
    findings, n_neg, types, covered = Counter(), 0, Counter(), 0
    for i, (caption, doc) in enumerate(zip(captions, docs)):
        graph = build_graph(doc)
        pos, neg = augment(f"cc3m-{i}", doc, graph, AugmentOptions())
        assert pos[0].text == text_of(doc)
        n_neg += len(neg)
        covered += bool(neg)
        types.update(n.type for n in neg)
        record = SampleRecord(f"cc3m-{i}", caption, graph, pos, neg).to_json()
        findings.update(f"{name}: {caption!r} -> {record['negatives'][j]['text']!r}"
                        for name, j, _ in check_record(record))
    assert len(captions) > 15_000
    assert set(types) == {"attribute_swap", "relation_swap", "attribute_replace",
                          "relation_replace", "object_replace", "object_swap"}
    assert not findings, sorted(findings)[:20]
    assert n_neg >= CC3M_NEGATIVES_BASELINE, n_neg
    assert covered >= CC3M_COVERAGE_TARGET * len(captions), covered / len(captions)
    assert round(covered / len(captions), 4) >= CC3M_COVERAGE_BASELINE, covered / len(captions)


def test_objects_without_a_name_are_ignored(parse):
    from sgshards.schemas.graph import SceneGraph, SGObject, SGRelation
    doc = parse("'s enjoying the camels and the sea")
    graph = SceneGraph([SGObject("", span=(0, 1), plural=True), SGObject("camel", span=(3, 4), plural=True),
                        SGObject("sea", span=(7, 8))], [SGRelation(0, "enjoy", 1, (1, 2))])
    pos, neg = augment("k", doc, graph, AugmentOptions())
    assert all(p.text.strip() for p in pos) and all(0 not in p.objects for p in pos[1:])


def test_sub_graph_edits_index_words_of_the_positive(parse):
    _, _, pos, neg = run(parse, "Big old t-shirts on a wooden rack next to a small red bag.", max_negatives=30)
    sub = [n for n in neg if n.positive > 0]
    assert sub
    for n in sub:
        words = pos[n.positive].text.split(" ")
        for e in n.edits:
            assert " ".join(words[e.span[0]:e.span[1]]) == e.before


def test_replacements_follow_corpus_frequencies(parse):
    doc = parse("a red car parked on the street")
    graph = build_graph(doc)
    picks = Counter()
    for k in range(20):
        _, neg = augment(f"k{k}", doc, graph, AugmentOptions(
            negative_types=("object_replace",), max_positives=0, frequencies={"object": {"van": 10 ** 6}}))
        picks.update(e.after for n in neg for e in n.edits if e.before == "car")
    assert picks and set(picks) == {"van"}, picks      # a weight of a million wins every draw


def test_a_failing_score_request_is_raised_in_its_own_record_only():
    """``finish_all``: when a batch's scoring fails, each request is asked alone and the one
    that fails is raised inside its own record's steps (which reject it); the others get
    their answers."""
    from sgshards.augment.core import finish_all
    from sgshards.augment.plausibility import select

    class BrokenBatch:
        def score_many(self, queries):
            raise RuntimeError("a bug in batched scoring")

    models = BrokenBatch()

    def record(key, bad=False):
        def plausibility(texts):
            if bad:
                raise ValueError(f"cannot score {key}")
            return [float(len(t)) for t in texts]
        try:
            answer = yield select.Scorers(plausibility, None, {}, batch=(models, key, "")), [key, key + "!"]
        except ValueError as exc:
            return "rejected", str(exc)
        return "written", answer

    assert finish_all([record("a"), record("bb", bad=True), record("c")]) == [
        ("written", ([1.0, 2.0], [0.0, 0.0])), ("rejected", "cannot score bb"),
        ("written", ([1.0, 2.0], [0.0, 0.0]))]

    def unguarded():                                      # a record that does not catch it
        def plausibility(texts):
            raise ValueError("cannot score x")
        yield select.Scorers(plausibility, None, {}), ["x"]

    with pytest.raises(ValueError, match="cannot score x"):
        finish_all([record("a"), unguarded()])


def test_a_batch_answered_short_is_asked_again_request_by_request(monkeypatch):
    """A batch scorer that answers fewer requests than it was asked must not leave a record
    unanswered (lost): ``finish_all`` asks each request alone instead."""
    from sgshards.augment.core import finish_all
    from sgshards.augment.plausibility import select

    monkeypatch.setattr(select, "ask_many", lambda requests: [select.ask(*requests[0])])

    def record(key):
        answer = yield select.Scorers(lambda texts: [float(len(t)) for t in texts], None, {}), [key]
        return key, answer

    assert finish_all([record("a"), record("bb")]) == [("a", ([1.0], [0.0])), ("bb", ([2.0], [0.0]))]
