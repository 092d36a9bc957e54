"""relation_replace: replace a predicate word by a contrasting one
("a cat on a table" -> "a cat under a table", "holding" -> "dropping"), only where the contrast
states something false: a preposition of place after a verb of being somewhere and before a thing
("focusing on", "named after", "in the summer" keep theirs; "up"/"down" only of stairs and hills),
"during" an event rather than a time, in the caption itself ("testifies during a hearing" ->
"after a hearing"; not "during the day"),
a verb without particle, done by someone to a thing ("pick up", "a hat lying", "threw a concert"
keep theirs)."""
from __future__ import annotations

import random
from typing import Optional

from ...schemas.graph import Span
from ...lexicon.lemmas import verb_lemma
from ..realise import Replacement, Surface, fresh, verb_form
from ..nounphrase import NEGATING_DETERMINERS
from ..sampling import Frequencies, choose_many, in_context, shuffle
from ...lexicon.taxonomy import CONCRETE_CLASSES, is_a, mainly_a, noun_class, noun_classes, part_of
from ...lexicon.words import PREP_HEADS
from ..vocab import (DITRANSITIVE_VERBS, FRAME_VERBS, VERB_PREPS, IDIOMS, POSTURE_VERBS, PREP_CONTRAST_MAX, PREP_CONTRASTS, PREP_INNER_OK, VERB_CONTRASTS,
                     VERTICAL_NOUNS, attribute_category, object_category)
from .contrast import can_act, thing_class
from .shared import PER_TYPE, Candidate, denied, glued, make_candidate


def relation_replace(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                     limit: int = PER_TYPE, draws: int = 1) -> list[Candidate]:
    """Up to ``limit`` replacements, predicate words in random order, each by ``draws`` distinct
    contrasts, drawn uniformly or, when ``counts`` carry the corpus's co-occurrences, by how
    often each went with the relation's subject and object. Eager: it draws while it searches."""
    g = surface.graph
    options = [(k, span, alts) for k in surface.relations
               if g.objects[g.relations[k].subject].name != g.objects[g.relations[k].object].name  # "denim on denim"
               for span, alts in _relation_options(surface, k)]
    # a predicate of a thing said absent, its own or shared: "with no cars" -/-> "without no cars"
    toks = surface.tokens
    denials = {span for k, span, _ in options
               if denied(surface, g.relations[k].subject) or denied(surface, g.relations[k].object)
               or span[1] < len(toks) and toks[span[1]].text.lower() in NEGATING_DETERMINERS}
    options = [o for o in options if o[1] not in denials]
    shuffle(rng, options)
    out = []
    seen: set[Span] = set()
    for k, span, alts in options:
        if span in seen:                           # relations sharing a predicate ("sit on" twice)
            continue
        seen.add(span)
        r = g.relations[k]             # the corpus's co-occurrences, when counted; else uniform
        fitting = in_context(counts, "predicate", (g.objects[r.subject].name, g.objects[r.object].name))
        for new in choose_many(alts, rng, "predicate", fitting, draws):
            cand = make_candidate(surface, "relation_replace", [Replacement(span, fresh(surface, new, span))])
            if cand:
                out.append(cand)
        if len(out) >= limit:
            break
    return out[:limit]


# --------------------------------------------------------------------------- guards

_PARTICLES = frozenset({"up", "down", "off", "out", "away", "back", "over", "around", "on", "in", "about"})


def _frame_verb(surface: Surface, k: int) -> str:
    """The lemma of the verb a relation's preposition follows ("focus" in "focus on"), "be" when
    the predicate is a bare preposition of a noun ("a cat on a table")."""
    r = surface.graph.relations[k]
    words = r.predicate.lower().split()
    if len(words) > 1 and words[0] not in PREP_HEADS and words[0] not in _PREP_WORDS:
        return words[0]
    span = surface.preds.get(k)
    if span is not None:
        t = surface.tokens[span[0]]
        head = surface.tokens[t.head] if 0 <= t.head < len(surface.tokens) else t
        if head.i != t.i and head.upos in ("VERB", "AUX"):
            return verb_lemma(head.text.lower())
    return "be"


_PREP_WORDS = frozenset(w for key in PREP_CONTRASTS for w in key)


def place_contrast_fits(surface: Surface, k: int):
    """A test of preposition keys for relation k: another preposition states something false only
    about a thing (not "outside the summer", "under sunday", "without homework"), and one of place
    only where the verb does not own its preposition ("focusing under", "named before"); "with"
    glued to a chain by "and" is not negated."""
    g = surface.graph
    r = g.relations[k]
    name = g.objects[r.object].name
    kind = thing_class(name)
    thing = (kind in ("concrete", "animate", "") or noun_class(name) == "event") \
        and attribute_category((name.split() or [""])[-1]) is None                      # "in Solid Red"
    verb = _frame_verb(surface, k)
    free = verb not in FRAME_VERBS
    fits = thing and free
    with_ok = thing and not _glued_chain(surface, k) and not _participle_with(surface, k)

    shaped = configuration(name)

    def test(key: tuple) -> bool:
        if key in _IN_KEYS and shaped:             # "arranged in a row" -/-> "outside a row"
            return False
        if key in _INTO_KEYS and verb in _VOICE_AND_GAZE:
            return False                            # "shouting into a megaphone" -/-> "out of"
        if key in (("with",), ("without",)):
            return with_ok
        if key in (("before",), ("after",)):
            return free                             # "touches before the wedding"; not "named after"
        if key == ("during",):                      # "during a hearing" -> "after"; not "during the day",
            return free and kind != "time" and surface.caption    # nor of a positive that may misread it
        return fits
    return test


_IN_KEYS = frozenset({("in",), ("inside",), ("inside", "of"), ("into",)})
# Verbs that send a voice, a look or a smile "into" something: nothing moves in or out of it, so
# "out of" states no other place ("smiling into camera", "shouting into a megaphone").
_INTO_KEYS = frozenset({("into",), ("out", "of")})
_VOICE_AND_GAZE = frozenset({
    "shout", "yell", "scream", "speak", "talk", "sing", "whisper", "call", "cry", "laugh", "smile",
    "grin", "look", "stare", "gaze", "peer", "glance", "squint", "breathe", "blow", "sneeze", "cough",
    "bark", "roar", "growl", "howl", "say", "announce", "rap", "hum", "whistle",
})
# WordNet kinds of what things are arranged in or a body is held in, no container: "bags arranged
# in a row", "standing in line", "continue in an uncomfortable position".
_CONFIGURATIONS = ("arrangement", "position", "posture")


def configuration(name: str) -> bool:
    """The noun names, by its most frequent sense, a configuration that things are "in" without
    being inside it: "outside a row", "outside an uncomfortable position" are no English."""
    word = (name.split() or [""])[-1].lower()
    return any(mainly_a(word, k) for k in _CONFIGURATIONS)


def _participle_with(surface: Surface, k: int) -> bool:
    """The preposition completes a past participle ("a sky covered with clouds", "filled with",
    "topped with"): "covered without clouds" is no English."""
    span = surface.preds.get(k)
    if span is None:
        return False
    toks = surface.tokens
    return any(t.tag == "VBN" or 0 <= t.head < len(toks) and t.head != t.i and toks[t.head].tag == "VBN"
               for t in toks[span[0]:span[1]])


def _glued_chain(surface: Surface, k: int) -> bool:
    """The preposition follows "and" ("talking on the phone and with portrait"): a chain glued by
    "and", whose negation reads worse still."""
    span = surface.preds.get(k)
    return span is not None and span[0] > 0 and surface.tokens[span[0] - 1].text.lower() == "and"


def verb_contrast_fits(surface: Surface, k: int, i: int, lemma: str) -> bool:
    """Replacing verb token i by its contrast states something false: the verb has no particle
    ("pick up", "taking off", "throws her arms around"), its subject can act (a person or an
    animal; a posture said of a thing is one fact: "a hat lying"/"sitting on the beach"), and its
    object is a thing, not a body part or an abstraction ("threw a concert", "given colouring")."""
    toks = surface.tokens
    g = surface.graph
    r = g.relations[k]
    if i + 1 < len(toks) and (toks[i + 1].dep == "prt" or toks[i + 1].tag == "RP"):
        return False
    nxt = [t for t in toks[i + 1:i + 4] if t.upos not in ("DET", "PRON", "ADJ", "NOUN", "PROPN", "NUM")]
    if nxt and nxt[0].text.lower() in _PARTICLES and nxt[0].dep in ("prt", "advmod"):
        return False
    subject = g.objects[r.subject].name
    if not (can_act(subject) or _vehicle(subject)):
        return False
    if lemma in POSTURE_VERBS:                     # "a plane sitting on a runway" is not standing
        return can_act(subject) and not _postureless(subject)
    if lemma in _TO_VERBS and any(t.head == i and t.text.lower() in ("to", "toward", "towards") for t in toks[i + 1:]):
        return False                               # "throwing the ball to the batter" -/-> "catching ... to"
    obj = g.objects[r.object].name
    if lemma in _LIGHT_VERBS and noun_classes(obj, 2) & _HAPPENINGS:
        return False                               # "dog takes a nap" -/-> "gives a nap": a light verb's act
    return thing_class(obj) in ("concrete", "animate") and noun_class(obj) != "body"


# Verbs that take an act as their object ("take a nap", "give a talk", "have a bath"), and the
# WordNet classes of such acts (a sense of the object's two first).
_LIGHT_VERBS = frozenset({"take", "give", "have", "make", "catch"})
_HAPPENINGS = frozenset({"act", "event", "time", "attribute", "state", "communication"})


def contrast_takes_frame(surface: Surface, i: int, new: str) -> bool:
    """The contrasting verb ``new`` takes what verb token i has after it: the preposition of its
    first prepositional phrase ("arrives at a party" -/-> "leaves at a party"; ``vocab.VERB_PREPS``)
    and a second object ("gives person a few pointers" -/-> "takes person a few pointers")."""
    toks = surface.tokens
    lemma = new.split()[0]
    kids = [t for t in toks[i + 1:] if t.head == i]
    if any(t.dep == "dative" for t in kids) and lemma not in DITRANSITIVE_VERBS:
        return False
    if any(t.dep in ("dobj", "obj") for t in kids):
        return True                                # "removing a shirt with a belt": the phrase is no frame
    preps = [t.text.lower() for t in kids if t.dep == "prep" and t.upos == "ADP"]
    if not preps and i + 1 < len(toks) and (toks[i + 1].upos == "ADP" or toks[i + 1].text.lower() in _PREP_WORDS):
        preps = [toks[i + 1].text.lower()]        # a realised positive ("is arriving at"): no parse
    frame = new if new in VERB_PREPS else lemma          # "stop at" takes no "through" after it
    return not preps or frame not in VERB_PREPS or preps[0] in VERB_PREPS[frame]


# Verbs of passing a thing on, whose "to" phrase their contrast does not take.
_TO_VERBS = frozenset({"throw", "give", "pass", "hand", "toss", "send", "sell", "take", "carry", "lead"})
# Animals whose sitting and lying are one posture ("penguins lie in the shade" ~ "sit").
_POSTURELESS = ("bird", "fish", "reptile", "amphibian", "insect", "arthropod", "mollusk")


def _postureless(name: str) -> bool:
    cat = object_category(name)
    if cat is not None:
        return cat[0] in ("bird", "sea_animal", "insect")
    return any(mainly_a(name, k) for k in _POSTURELESS)


def _vehicle(name: str) -> bool:
    cat = object_category(name)
    return cat is not None and cat[0] == "vehicle"


def _lowered(surface: Surface) -> list[str]:
    """The surface's token texts, lowercased (once per surface)."""
    lower = surface.memo.get("lower")
    if lower is None:
        lower = surface.memo["lower"] = [t.text.lower() for t in surface.tokens]
    return lower


# The ground itself: nothing seen is "under land" ("a slot canyon located on land" -/-> "under land",
# a canyon lies below the land's surface).
_GROUND = frozenset({"land", "ground", "earth", "soil", "terrain", "surface", "planet", "world", "dirt"})
_BELOW = frozenset({"under", "below", "beneath", "underneath"})


# Adjectives of degree that make a bare noun an idiom with its preposition ("in full sail", "in
# plain sight", "in broad daylight", "at full speed", "on high alert").
_DEGREE_WORDS = frozenset({"full", "plain", "broad", "open", "high", "close", "short", "great", "full-on"})
_BARE_OK = CONCRETE_CLASSES | {"location", "Tops"}
# Prepositions of company and time, which take a bare noun of a thing freely ("with remote control").
def _part_of_whole(part: str, whole: str) -> bool:
    """WordNet's part of the whole, but no curated thing that only stands on one ("cup" is part of
    a "table" service by WordNet; not of the table a cup stands on)."""
    cat = object_category(part)
    return part_of(part, whole) and (cat is None or cat[0] in ("plant_part", "body_part"))


_VERTICAL = frozenset({("on",), ("upon",), ("on", "top", "of"), ("under",), ("over",), ("above",), ("below",),
                       ("beneath",), ("underneath",)})
_NOT_PLACE = frozenset({("with",), ("without",), ("before",), ("after",), ("during",)})


def material(word: str) -> bool:
    """A noun a thing is made in ("in oak", "in leather", "in gold"): a material, a metal or a
    tree's wood by WordNet; not a liquid ("people kayaking in water" -> "outside water")."""
    if is_a(word, "liquid"):
        return False
    return is_a(word, "material") or is_a(word, "metal") or (word not in ("tree", "trees") and is_a(word, "tree"))


def bare_idiom(surface: Surface, k: int, i: int) -> bool:
    """The preposition at token i forms an idiom with relation k's object, which names no place:
    "all over", "all around" ("wine from all over country"), or a bare singular noun (no
    determiner, possessive or number) that names no thing by its first sense ("on display",
    "in shade", "under construction") or follows a degree adjective ("in full sail"). Another
    preposition there is no English ("under display", "outside full sail")."""
    toks = surface.tokens
    if i > 0 and (toks[i - 1].text.lower() == "all" or toks[i - 1].text.lower() == "from"
                  and toks[i].text.lower() in ("over", "around")):     # "from (all) over", as realised
        return True
    slot = surface.slots.get(surface.graph.relations[k].object)
    if slot is None or slot.plural:
        return False
    before = toks[slot.np[0]:slot.name[0]]
    head = toks[slot.name[1] - 1]                 # a realised name has no tag
    if head.tag not in ("NN", "") or head.upos != "NOUN" \
            or any(t.upos in ("DET", "NUM") or t.tag in ("PRP$", "POS") for t in before):
        return False
    if any(t.text.lower() in _DEGREE_WORDS for t in before):
        return True
    word = head.text.lower()
    if toks[i].text.lower() == "in" and (noun_class(word) in (None, "location") and object_category(word) is None
                                         or material(word)):
        return True                                # "furniture in oak", "a gavel in silhouette": what it is made or seen as
    return object_category(word) is None and noun_class(word) not in _BARE_OK and noun_class(word) is not None


def _relation_options(surface: Surface, k: int) -> list[tuple[Span, list[str]]]:
    """(token span, contrasting replacements) inside relation k's predicate span."""
    g = surface.graph
    span = surface.preds.get(k)
    if span is None:
        return []
    toks = surface.tokens
    lower = _lowered(surface)
    r = g.relations[k]
    obj_name = g.objects[r.object].name
    obj_cat = object_category(obj_name)
    prep_ok = place_contrast_fits(surface, k)
    opts = []
    i = span[0]
    while i < span[1]:
        hit = None
        for n in range(min(PREP_CONTRAST_MAX, span[1] - i), 0, -1):
            key = tuple(lower[i:i + n])
            if key in PREP_CONTRASTS:
                hit = (key, n)
                break
        t = toks[i]
        if hit:
            key, n = hit
            # "a woman in a dress" is wearing, not location; "on" alone in "on the side of" is not the relation
            if key in PREP_INNER_OK:                # never "from right to left" -> "from right to right"
                words = set(lower[span[0]:span[1]])
                inner = any(w in words for w in PREP_CONTRASTS[key])
            else:
                inner = i + n < span[1]
            clothing = key == ("in",) and obj_cat is not None and obj_cat[0] == "clothing"
            vertical = key not in (("up",), ("down",)) or obj_name.lower() in VERTICAL_NOUNS
            idiom = i + n < len(lower) and (" ".join(key), lower[i + n]) in IDIOMS     # "pen in hand"
            # "denim on denim", "face to face", "day after day": one noun either side, an idiom
            idiom = idiom or (0 < i and i + n < len(lower) and lower[i - 1] == lower[i + n])
            idiom = idiom or (key not in _NOT_PLACE and bare_idiom(surface, k, i))     # "on display"
            # a part where its whole is ("leaves on the trees" -/-> "under": fallen ones are, too)
            idiom = idiom or (key in _VERTICAL and _part_of_whole(g.objects[r.subject].name, obj_name))
            # "bits of ice left on the ground": "left" is the verb of what remains, not a side
            idiom = idiom or (key in PREP_INNER_OK and t.tag.startswith("VB"))
            # the side of a road is on it ("a van parked on the side of the road" -/-> "on top of")
            idiom = idiom or ("side" in key and obj_cat is not None and obj_cat[0] == "road")
            alts = [w for w in PREP_CONTRASTS[key] if not (w in _BELOW and obj_name.lower() in _GROUND)]
            if alts and not inner and not clothing and vertical and prep_ok(key) and not idiom \
                    and not glued(surface, (i, i + n)):
                opts.append(((i, i + n), alts))
            i += n
            continue
        lemma = verb_lemma(t.text.lower()) if t.tag.startswith("VB") else ""
        if t.upos in ("VERB", "ADP") and lemma in VERB_CONTRASTS and verb_contrast_fits(surface, k, i, lemma):
            alts = [verb_form(v, t.tag) for v in VERB_CONTRASTS[lemma] if contrast_takes_frame(surface, i, v)]
            if alts:
                opts.append(((i, i + 1), alts))
        i += 1
    return opts
