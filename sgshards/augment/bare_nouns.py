"""Which article a relation's object takes in a phrase of ours when the caption writes it bare.

Headlines and CC3M's stand-ins for names write singular count nouns bare ("a tiny car parked beside
automobile make", "snow is covering car", "a girl at tree", "arriving to the show during event");
readers find the same words in a short positive broken ("a tiny car is parked beside automobile").
A positive is ours, not the caption's, so such an object takes "a" ("the" for what a picture has
one of: "looking at the camera", "out to the sea").  A noun keeps no article where English writes
none: idioms ("at home", "by car", "in flight", "take place"), activities, games and instruments
("playing football", "playing guitar"), times, meals, media, stuff ("made of bamboo", "topped with
cream", "soup with salmon"), directions and names; and when the verb right before it is a past
form, which reads as a compound adjective ("python skin studded shoulder bag").
"""
from __future__ import annotations

from typing import Final, Optional, Sequence

from ..lexicon.depicted import OCCASION_HEADS
from ..lexicon.taxonomy import noun_class, noun_classes
from ..lexicon.visibility import PLACEHOLDERS
from ..lexicon.mentions import IDIOM_PPS
from ..lexicon.words import BARE_NOUNS, TIME_NOUNS, VIEWER_NOUNS
from ..schemas.depview import DepToken
from ..schemas.graph import SceneGraph, SGObject, SGRelation, Span
from .negatives.kin import uncountable_visual_nouns
from .vocab import IDIOMS, MASS_NOUNS, VERB_IDIOMS, attribute_category

# WordNet classes of things one counts by their most frequent sense: "a car", "a tree", "a team";
# "Tops": CC3M's stand-ins "event" and "informal biological grouping".  Occasions ("a concert", "a
# game") and CC3M's stand-ins for names ("award") count whatever their class.
_COUNTED_CLASSES: Final = frozenset({"artifact", "animal", "person", "plant", "object", "location", "group", "Tops"})
_OCCASIONS: Final = OCCASION_HEADS | frozenset({"wedding", "funeral", "game", "match", "competition", "tournament",
                                                "meeting", "conference", "rally", "protest", "performance",
                                                "premiere", "exhibition"})
# What a scene has one of: "the world", "the sky", "the camera" (the one taking the picture).
UNIQUE_NOUNS: Final = VIEWER_NOUNS | frozenset({"world", "sky", "sun", "moon", "earth", "horizon", "ground", "floor",
                                                "sea", "ocean", "wind", "weather", "home plate", "red carpet",
                                                "finish line"})
# Preposition idioms of a bare noun beyond ``vocab.IDIOMS`` and ``lexicon.mentions.IDIOM_PPS`` (those also
# keep their nouns unreplaced or unshown).
_IDIOMS: Final = frozenset({("in", "formation"), ("in", "uniform"), ("in", "silhouette"), ("in", "costume"),
                            ("on", "stage"), ("on", "camera"), ("on", "screen"), ("in", "print")})
# Verbs whose bare object is an activity, a game or an instrument ("playing guitar", "playing catch").
_BARE_OBJECT_VERBS: Final = frozenset({"play", "practice", "practise", "learn", "study", "teach"})
# What a thing is made of is stuff: "made of bamboo", "built from stone".
_MATERIAL_VERBS: Final = frozenset({"make", "build", "carve", "craft", "construct", "form"})


def bare_article(doc: Sequence[DepToken], graph: SceneGraph, r: SGRelation, name: Optional[Span],
                 predicate: Sequence[tuple]) -> str:
    """"a", "the" or "" (none) for relation r's object (``name``: the caption tokens its phrase
    names it with) after ``predicate`` (its words: text, space, lemma, upos, tag), when the caption
    writes the object as a bare singular count noun."""
    o = graph.objects[r.object]
    if o.plural or o.quantity or o.span is None or name is None or not 0 < o.span[1] <= len(doc) or not predicate:
        return ""
    head = doc[o.span[1] - 1]
    word = o.name.split()[-1].lower()
    if head.upos != "NOUN" or head.tag != "NN" or head.text.lower() != word or _plural_form(word) \
            or any(t.tag in ("NNS", "NNPS", "NNP", "POS", "PRP$") or t.upos == "PROPN" or t.text[:1].isupper()
                   for t in doc[min(name[0], o.span[0]):o.span[1] - 1]):
        return ""                    # a name, a plural ("silos" read as NN), a noun the graph renamed, a
        #                              name's ("Dubai desert", "Airbus A380 aircraft"), "carrying in hands globe"
    last, verb = predicate[-1][0].lower(), next((w[2].lower() for w in predicate if w[3] in ("VERB", "AUX")), "")
    if predicate[-1][3] == "VERB" and predicate[-1][4] in ("VBN", "VBD"):
        return ""                    # "python skin studded shoulder bag", "snow covered car": a compound adjective
    if (last, word) in IDIOMS or (last, word) in _IDIOMS or f"{last} {word}" in IDIOM_PPS or last == "per" \
            or (verb, word) in VERB_IDIOMS \
            or verb in _BARE_OBJECT_VERBS or word in BARE_NOUNS \
            or verb in _MATERIAL_VERBS and last in ("of", "from", "out"):
        return ""
    if o.name.lower() in UNIQUE_NOUNS or word in UNIQUE_NOUNS:
        return "the" if word not in VIEWER_NOUNS or predicate[-1][3] == "ADP" else ""   # "drawing camera": a drawn one
    classes = noun_classes(word)
    if o.name in MASS_NOUNS or word in MASS_NOUNS or TIME_NOUNS.intersection(o.name.lower().split()) \
            or word in uncountable_visual_nouns() or "food" in classes or _kind(word) == "colour" \
            or last in ("in", "of", "with", "from") and ("substance" in classes or _kind(word) == "material") \
            or last == "with" and _after_food(doc, graph, r):
        return ""                    # stuff, colours, times: "topped with cream", "soup with salmon", "a desk in
        #                              rosewood", "a boot in nude", "at midnight eve"
    if noun_class(word) not in _COUNTED_CLASSES and word not in _OCCASIONS and word not in PLACEHOLDERS:
        return ""
    return "a"


def bare_count(doc: Sequence[DepToken], o: SGObject) -> bool:
    """A singular count noun the caption writes bare, no name: "head" of "head of lettuce"."""
    return not (o.plural or o.quantity or o.name in MASS_NOUNS or o.name.split()[-1] in MASS_NOUNS or o.span is None) \
        and o.span[1] <= len(doc) and doc[o.span[1] - 1].upos == "NOUN"


def _plural_form(word: str) -> bool:
    """A noun tagged singular that reads as a plural ("an old silos"): precision before recall."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def _after_food(doc: Sequence[DepToken], graph: SceneGraph, r: SGRelation) -> bool:
    """A "with" after a food or its dish: what comes with it is food too ("a bowl of creamy soup with salmon")."""
    subject = graph.objects[r.subject].name.split()[-1]
    before = doc[r.span[0] - 1].text.lower() if r.span is not None and 0 < r.span[0] <= len(doc) else ""
    return "food" in noun_classes(subject) or bool(before) and "food" in noun_classes(before)


def _kind(word: str) -> str:
    """The attribute category a noun also names ("colour" for "nude", "material" for "leather")."""
    found = attribute_category(word)
    return found[0] if found else ""
