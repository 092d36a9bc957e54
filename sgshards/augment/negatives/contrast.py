"""Does an edit contrast? Word-level guards every negative type asks before it edits.

A negative must state something false of the image, so a replacement or a swap must put in a word
that cannot describe what was there: never a synonym, hypernym, hyponym or part ("roofs" for
"ceilings", "skiers" for "people", "finger" for "hand": ``distinct_things``, from the WordNet
taxonomy in ``lexicon.taxonomy`` and the curated sibling groups of ``vocab``), never a person noun
for one that may name the same person ("girl" for "young woman", "student" for "boy"), never a
neighbouring shade ("yellow" for "cream"), and only a word that fits where it goes (an attribute
of people on people, a preposition of place before a thing one can be on or in).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ...lexicon.adjective_compounds import adjective_compound
from ...lexicon.lemmas import noun_lemma
from ...lexicon.words import CALENDAR_NAMES
from ...lexicon.taxonomy import (ANIMATE_CLASSES, CONCRETE_CLASSES, is_a, mainly_a, noun_class, noun_classes,
                                  part_of)
from ..vocab import (ATTRIBUTE_CATEGORIES, ATTRIBUTE_NEAR, CATEGORY_GENERIC, COLOUR_NEIGHBOURS, NATURAL_COLOURS,
                     OBJECT_NEAR, attribute_category, attribute_groups, object_category, object_groups)

# Person nouns are cross-classified (by sex, age, role, origin...): two of them name different
# people only when they differ in sex or in age, each as WordNet says ("man"/"woman",
# "girl"/"boy", "man"/"boy" are told apart; "boy"/"student", "girl"/"star" are not).
_SEXES = ("male", "female")
_AGES = ("child", "adult")


@lru_cache(maxsize=1 << 12)
def _axis(word: str, poles: tuple[str, str]) -> Optional[int]:
    """0 or 1 when the noun is a kind of exactly one pole ("boy": male), else None."""
    hits = [k for k, p in enumerate(poles) if is_a(word, p)]
    return hits[0] if len(hits) == 1 else None


@lru_cache(maxsize=1 << 16)
def is_person(word: str) -> bool:
    """A noun for people, by its curated category or its most frequent sense ("head" is not)."""
    cat = object_category(word)
    return (cat is not None and cat[0] in ("people", "profession")) or mainly_a(word, "person")


# The curated people nouns by sex and age: "a man" is no "boy" to a reader, but "a baby" may be one.
_PEOPLE = {"man": ("m", "adult"), "gentleman": ("m", "adult"), "guy": ("m", "adult"), "woman": ("f", "adult"),
           "lady": ("f", "adult"), "boy": ("m", "child"), "girl": ("f", "child"), "baby": ("", "baby"),
           "infant": ("", "baby"), "newborn": ("", "baby")}


# "girl" is said of young women too (WordNet's first sense of "girl" is a young woman).
_SAID_OF_EACH_OTHER = frozenset({frozenset(("girl", "woman")), frozenset(("girl", "lady"))})


def _different_people(a: str, b: str) -> bool:
    if frozenset((a, b)) in _SAID_OF_EACH_OTHER:
        return False
    if a in _PEOPLE and b in _PEOPLE:
        (sa, aa), (sb, ab) = _PEOPLE[a], _PEOPLE[b]
        return bool(sa and sb and sa != sb) or (aa != ab and {aa, ab} != {"child", "baby"})
    ca, cb = object_category(a), object_category(b)
    if ca and cb and ca[0] == cb[0] == "profession" and ca[1] != cb[1]:
        return True                               # "chef" / "doctor": curated as distinct
    for poles in (_SEXES, _AGES):
        x, y = _axis(a, poles), _axis(b, poles)
        if x is not None and y is not None and x != y:
            return True
    return False


# OBJECT_NEAR by word: the indices of the near groups each word is in.
_NEAR_GROUPS: dict[str, frozenset[int]] = {
    w: frozenset(k for k, other in enumerate(OBJECT_NEAR) if w in other) for near in OBJECT_NEAR for w in near}
_NO_GROUPS: frozenset[int] = frozenset()


@lru_cache(maxsize=1 << 15)
def _thing(word: str) -> tuple[str, frozenset, frozenset[int], Optional[tuple[str, int]], bool, bool, bool]:
    """What ``distinct_things`` asks of one noun, once per noun rather than per pair: (its lemma,
    its curated groups, its near groups, its curated category, whether it is a generic category
    word, a curated people noun, a person)."""
    w = noun_lemma(word.lower())
    return (w, object_groups(w), _NEAR_GROUPS.get(w, _NO_GROUPS), object_category(w), w in CATEGORY_GENERIC,
            w in _PEOPLE, is_person(w))


class PairMemo:
    """A memo of a pure test of two nouns, as one dict of answers per first noun: about a sixth of
    ``functools.lru_cache``'s memory per pair (227,000 pairs: 5 MiB, not 34), so a worker's memory
    stops growing sooner.  Emptied whole at ``limit`` pairs: the test is pure, so what the memo
    holds never changes an answer, only how often it is computed."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self.rows: dict[str, dict[str, bool]] = {}

    def get(self, a: str, b: str) -> Optional[bool]:
        row = self.rows.get(a)
        return None if row is None else row.get(b)

    def put(self, a: str, b: str, answer: bool) -> bool:
        row = self.rows.get(a)
        if row is None or b not in row:
            if self.size >= self.limit:
                self.rows.clear()
                self.size = 0
                row = None
            if row is None:
                row = self.rows[a] = {}
            self.size += 1
        row[b] = answer
        return answer


# 1 << 15 thrashed: a run over the 15,833 CC3M captions missed 303k times (49% hits) with it full.
_THINGS = PairMemo(1 << 18)
_KINDS = PairMemo(1 << 17)


def distinct_things(a: str, b: str, parts: bool = True) -> bool:
    """Nouns ``a`` and ``b`` name things that cannot be one another or (unless ``parts`` is
    False) one part of the other, so putting one where the other was states something new."""
    if not parts:
        return distinct_kinds(a, b)
    known = _THINGS.get(a, b)
    if known is not None:
        return known
    ta, tb = _thing(a)[0], _thing(b)[0]
    return _THINGS.put(a, b, not (part_of(ta, tb) or part_of(tb, ta)) and distinct_kinds(ta, tb))


def distinct_kinds(a: str, b: str) -> bool:
    """``distinct_things`` with parts left aside: neither noun may name the other's thing."""
    known = _KINDS.get(a, b)
    return known if known is not None else _KINDS.put(a, b, _distinct_kinds(a, b))


def _distinct_kinds(a: str, b: str) -> bool:
    ta, tb = _thing(a), _thing(b)
    a, b = ta[0], tb[0]
    if a == b or not ta[1].isdisjoint(tb[1]) or not ta[2].isdisjoint(tb[2]):
        return False
    ca, cb = ta[3], tb[3]
    if (ta[4] or tb[4]) and ca is not None and cb is not None and ca[0] == cb[0]:
        return False
    if ta[5] and tb[5]:
        return _different_people(a, b)
    if ca is None or cb is None:
        # both curated: their groups already hold their synonyms and kinds ("van" is a "car"
        # only in a rare WordNet sense)
        if is_a(a, b) or is_a(b, a):
            return False
    elif mainly_a(a, b) or mainly_a(b, a):
        return False                              # across groups, by the first sense: a rose is a bush
    if ta[6] and tb[6]:
        return _different_people(a, b)
    return True


def same_age(a: str, b: str) -> bool:
    """Curated people nouns of one age ("man"/"woman"), or nouns that say no age."""
    return _PEOPLE.get(a.lower(), ("", ""))[1] == _PEOPLE.get(b.lower(), ("", ""))[1]


def sexless_child(word: str) -> bool:
    """A child or baby of unknown sex ("child", "kid", "toddler", "baby"): no boy or girl stands for
    it (either may be right) and no adult (babies and children come with one: "exploring with baby"
    -/-> "exploring with woman")."""
    w = word.lower()
    if _PEOPLE.get(w, ("", ""))[1] == "baby":
        return True
    return is_person(w) and _axis(w, _AGES) == 0 and gender(w) is None


def gender(word: str) -> Optional[int]:
    """0 male, 1 female, None when the noun does not say."""
    return _axis(word.lower(), _SEXES)


@lru_cache(maxsize=1 << 14)
def thing_class(word: str) -> str:
    """"animate" (by its most frequent sense, and no sense a thing: "rake" is a man and a tool),
    "concrete" (some common sense is a thing or a place), "time", "abstract" or "" (unknown)."""
    w = word.lower()
    cat = object_category(w)
    if cat is not None:
        return "animate" if cat[0] in _ANIMATE_CATEGORIES else "concrete"
    if (w.split() or [""])[-1] in CALENDAR_NAMES:
        return "time"
    first = noun_class(w)
    if first is None:
        return ""
    classes = noun_classes(w)
    if first in ANIMATE_CLASSES or (first == "Tops" and (mainly_a(w, "person") or mainly_a(w, "animal"))):
        return "concrete" if classes & _THING_SENSE_CLASSES else "animate"
    if classes & (CONCRETE_CLASSES | {"location"}):
        return "concrete"             # in any common sense ("table" is first a table of data)
    if first == "time":
        return "time"
    return "abstract"


def can_act(word: str) -> bool:
    """A person or an animal by the word's most frequent sense ("collector", though one sense is a
    device): a subject that can hold, throw or sit."""
    w = word.lower()
    cat = object_category(w)
    if cat is not None:
        return cat[0] in _ANIMATE_CATEGORIES
    return noun_class(w) in ANIMATE_CLASSES or mainly_a(w, "person") or mainly_a(w, "animal")


_ANIMATE_CATEGORIES = frozenset({"people", "profession", "mammal", "bird", "sea_animal", "insect"})
# A sense in one of these makes a word for a person or an animal a thing too ("rake", "chicken").
_THING_SENSE_CLASSES = frozenset({"artifact", "food", "plant", "object", "substance"})


# --------------------------------------------------------------------------- attributes


def named_by(category: str, attribute: str, object_name: str) -> bool:
    """The attribute is part of the thing's name ("giant panda", "high tide", "hot spring", "red
    panda"; ``lexicon.adjective_compounds``), not said of it: the age or mood of a person ("young
    woman" is a WordNet noun and a woman who is young) and the colour or material of a thing
    ("white wine", "red carpet") and the heat of a stuff ("cold water") are said of it still."""
    if not adjective_compound(attribute, object_name):
        return False
    if category in ANIMATE_ONLY:
        return not is_person(object_name)
    if category in ("colour", "material"):
        return noun_class(object_name) in ("animal", "plant")
    if category == "temperature":                   # "cold water", "hot coffee"; not "hot spring", "hot tub"
        return noun_class(object_name) not in ("substance", "food")
    return True


# Categories of attributes that describe only living things, and only things.
ANIMATE_ONLY = frozenset({"person_age", "mood", "hair", "posture", "motion", "sex", "wildness", "life"})
THING_ONLY = frozenset({"thing_age", "material", "openness", "fullness", "shape", "pattern", "ripeness",
                        "freshness", "multiplicity", "crowd", "weather"})


# Categories of a measure only a body has, in its first sense ("a high wall", "long hair"; not
# "high traffic", "high blood pressure", "a long time", "low angle": another scale, or none).
DIMENSIONS = frozenset({"height", "length", "width", "thickness"})
_BODY_CLASSES = CONCRETE_CLASSES | {"location"}
# Categories said of some kinds only, by WordNet kind or curated category: "full" of a container
# or a vehicle ("full speed", "full bloom", "full sail", "full kitchen" are other senses), "fresh"
# of food ("fresh snowfall"), "double" of what comes single or double ("single file"), "digital"
# of a picture ("digital camera", "digital marketing").
KIND_ONLY: dict[str, tuple[frozenset, frozenset]] = {
    "fullness": (frozenset({"container", "vessel", "vehicle", "glass", "cup", "bottle", "box", "bag", "basket",
                            "plate", "bowl", "jar", "parking lot", "stadium", "theater", "theatre"}),
                 frozenset({"vehicle", "tableware"})),
    "freshness": (frozenset({"food", "fruit", "vegetable", "fish", "flower", "bread", "meat"}), frozenset({"food"})),
    "multiplicity": (frozenset({"bed", "room", "door", "garage", "bunk", "stroller", "sink", "decker", "bus"}),
                     frozenset()),
    # "digital" of a picture made on a computer, not of a camera, a clock or marketing
    "medium": (frozenset({"art", "artwork", "painting", "illustration", "drawing", "portrait", "graphic",
                          "graphics"}), frozenset()),
}


def attribute_fits(category: str, object_name: str) -> bool:
    """An attribute of ``category`` can describe the object ("elderly" a man, "wooden" a table,
    not "glass" an artist nor "wild" a score), in the sense it has with it (``DIMENSIONS``,
    ``KIND_ONLY``: no "short traffic", "empty sail", "rotten snowfall")."""
    kind = "animate" if can_act(object_name) else thing_class(object_name)
    if category == "hair":                          # "bald eagle" -/-> "brunette eagle"
        return is_person(object_name)
    if category in ANIMATE_ONLY:
        return kind == "animate"
    if category == "material":
        return kind in ("concrete", "")
    if category in DIMENSIONS:
        return object_category(object_name) is not None or noun_class(object_name) in _BODY_CLASSES
    if category in KIND_ONLY:
        return kind != "animate" and _of_kind(object_name, *KIND_ONLY[category])
    if category in THING_ONLY:
        return kind != "animate"
    return True


@lru_cache(maxsize=1 << 12)
def _of_kind(name: str, kinds: frozenset, categories: frozenset) -> bool:
    """The name (or its last word) is one of ``kinds`` or a WordNet kind of one, or in one of the
    curated ``categories``."""
    words = name.lower().split()
    cat = object_category(name) or (object_category(words[-1]) if words else None)
    if cat is not None and cat[0] in categories:
        return True
    return any(w in kinds or any(mainly_a(w, k) for k in kinds) for w in {name.lower(), words[-1] if words else ""})


def _child(noun: str) -> bool:
    """A noun for a child or a baby (curated, or by WordNet's age axis)."""
    return _PEOPLE.get(noun, ("", ""))[1] in ("child", "baby") or _axis(noun, _AGES) == 0


# Ages a child has not reached: said of a child noun they read as "older" or as a name ("old boy").
OLD_AGE_WORDS = frozenset({"old", "older", "elderly", "senior", "aged", "adult", "middle-aged", "grown"})


def attribute_contrasts(old: str, new: str, object_name: str = "") -> bool:
    """``new`` in place of ``old`` is not a shade or consequence of it ("cream" -/-> "yellow",
    "square" -/-> "rectangular"), nor another colour the object naturally takes ("black" -/->
    "brown" coffee, "white" -/-> "red" oak leaf), nor an age a child noun cannot have ("young
    boy" -/-> "old boy")."""
    o, n = old.lower(), new.lower()
    if n in OLD_AGE_WORDS and object_name and _child(noun_lemma(object_name.lower())):
        return False              # "young boy" -/-> "old boy": an older boy, an alumnus or any man
    natural = NATURAL_COLOURS.get(noun_lemma((object_name.lower().split() or [""])[-1]), frozenset())
    if o in natural and n in natural:
        return False
    if n in COLOUR_NEIGHBOURS.get(o, ()) or n in ATTRIBUTE_NEAR.get(o, ()):
        return False
    # the heads of the groups o's neighbours fall in
    cat = attribute_category(o)
    if cat and cat[0] == "colour":
        near = {h for w in COLOUR_NEIGHBOURS.get(o, ()) for h in _group_heads(w)}
        return n not in near
    return True


@lru_cache(maxsize=1 << 12)
def _group_heads(word: str) -> frozenset[str]:
    return frozenset(ATTRIBUTE_CATEGORIES[c][g][0] for c, g in attribute_groups(word))
