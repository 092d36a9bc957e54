"""Replacement nouns for things outside the curated sibling groups, by their WordNet kin.

``vocab.OBJECT_CATEGORIES`` holds a few hundred nouns in sibling groups; a caption names many
more things ("a goose", "a kettle", "a schooner"), which got no object_replace.  For such a noun
the replacement is one of the nouns people use for things they see (``data/visual_nouns.tsv``, read
off FACTUAL train by ``bench/build_visual_nouns.py``) that WordNet files nearest it: of the same
lexicographer class in their most frequent senses (an animal for an animal, a food for a food),
sharing the most specific kind (``taxonomy.kinship``: "goose" -> "duck", "swan"; "kettle" ->
"pot", "pan"), and never the same thing, a kind or a part of it (``contrast.distinct_things``).

Only nouns that name a thing in their most frequent sense take part, and only plain ones: no
word whose first sense is an act, a person, a time or an abstraction ("game", "stage", "view"),
no word for any thing of a category ("vehicle", "food"), no picture or representation ("portrait",
"banner": what it shows is the caption's subject), no body part, mass or collection, and no meal
("apples for lunch" -/-> "for dinner": an occasion, not a thing the picture shows).

People are cross-classified (an actor may be a politician, a mother or a child), so a people noun
outside the curated groups takes none of them: it takes an animal, the other class of organism
(``other_organisms``: "actor arrives at the premiere" -> "a duck arrives at the premiere"); and an
animal no group or kin replaces ("animal", "pet") takes a man or a woman.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...lexicon.of_heads import ABSTRACT_HEADS, IMAGE_HEADS, REPRESENTATION_HEADS
from ...lexicon.taxonomy import above, class_depth, is_a, kinship, listed, noun_class, noun_classes, senses
from ...lexicon.words import BODY_PARTS, COLLECTIVE_NOUNS, CONTAINER_NOUNS
from ..vocab import (CATEGORY_GENERIC, MASS_NOUNS, OBJECT_CATEGORIES, PLURAL_ONLY, REPRESENTATION_NOUNS,
                     object_alternatives, object_category)
from .contrast import distinct_things, is_person

DATA = Path(__file__).resolve().parents[2] / "data" / "visual_nouns.tsv"

# WordNet classes of things one sees: a noun of these (by its most frequent sense) is replaced by
# a visual noun of the same class.
KIN_CLASSES = frozenset({"animal", "artifact", "food", "plant", "object"})
# How far below the nearest kin a replacement may be (0: only the nearest).
KIN_SLACK = 0
# Heads that are no thing of their own in a caption.
_NOT_THINGS = (CATEGORY_GENERIC | REPRESENTATION_NOUNS | IMAGE_HEADS | frozenset(REPRESENTATION_HEADS)
               | ABSTRACT_HEADS | BODY_PARTS | COLLECTIVE_NOUNS | MASS_NOUNS | PLURAL_ONLY)


@lru_cache(maxsize=1)
def _visual_table() -> tuple[tuple[str, int, bool], ...]:
    """(noun, count, countable) of ``data/visual_nouns.tsv``, most frequent first."""
    out = []
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                noun, count, countable = line.rstrip("\n").split("\t")
                out.append((noun, int(count), countable == "1"))
    return tuple(out)


@lru_cache(maxsize=1)
def visual_nouns() -> tuple[tuple[str, int], ...]:
    """(noun, count) of the countable nouns of ``data/visual_nouns.tsv``, most frequent first."""
    return tuple((noun, count) for noun, count, countable in _visual_table() if countable)


@lru_cache(maxsize=1)
def uncountable_visual_nouns() -> frozenset[str]:
    """The nouns of things seen that FACTUAL's graphs name as stuff ("grass", "cream", "hair")."""
    return frozenset(noun for noun, _, countable in _visual_table() if not countable)


def plain_thing(noun: str) -> bool:
    """The noun names a thing of its own in its most frequent sense, outside the curated groups,
    and is no category, picture, abstraction, part, collection, container or mass."""
    n = noun.lower()
    head = (n.split() or [""])[-1]
    if n in _NOT_THINGS or head in _NOT_THINGS or head in CONTAINER_NOUNS:
        return False
    return noun_class(n) in KIN_CLASSES and one_kind(n) and not is_a(n, "meal")


def concrete_thing(noun: str) -> bool:
    """``plain_thing`` without its limit on the noun's other senses: the first sense is an artefact,
    a natural object, a food or a plant ("engine", "glass", "tool"), no sense is a person or an
    animal ("fan", "crane"), and the noun is no category, picture, abstraction, part, collection,
    container, mass or meal.  For contrasts that hold whichever sense is meant (a horse is none)."""
    n = noun.lower()
    head = (n.split() or [""])[-1]
    if n in _NOT_THINGS or head in _NOT_THINGS or head in CONTAINER_NOUNS:
        return False
    return noun_class(n) in KIN_CLASSES - _ANIMATE and not noun_classes(n) & _ANIMATE and not is_a(n, "meal")


def one_kind(noun: str) -> bool:
    """The noun's two most frequent senses are things of one kind: neither an act, an event or an
    abstraction ("match", "bar"), nor animals or people and artefacts both ("fan", "bat", "pole"),
    and its senses span few classes: which one a caption means is otherwise anyone's guess."""
    classes = noun_classes(noun, 2)
    if not classes or not classes <= _SEEN_CLASSES or len(noun_classes(noun)) > _MAX_CLASSES:
        return False
    return not (noun_classes(noun) & _ANIMATE and classes & (KIN_CLASSES - _ANIMATE))


_ANIMATE = frozenset({"animal", "person"})
# A word with senses in more classes than this is too polysemous to read ("stand": a thing, a
# place, an act, an event, a view, a group; "a stand alone unisex skull" is no stand).
_MAX_CLASSES = 4
# Classes a sense of a plain thing may also be in ("glass": an artefact and a substance; "house":
# a building and a household; "park": a place).
_SEEN_CLASSES = KIN_CLASSES | frozenset({"substance", "body", "shape", "quantity", "group", "location"})


# A noun at least this many other seen things are kinds of is a category word.
CATEGORY_KINDS = 3


def _category_word(noun: str) -> bool:
    """At least ``CATEGORY_KINDS`` of the other visual nouns (not compounds of it) are mainly kinds
    of the noun ("utensil": pot, pan, blender; "appliance", "fixture", "decoration", "fruit"): a
    word for any thing of a category, which a reader takes for a hypernym of a thing of it even
    where WordNet files the thing elsewhere ("utensil" for "pen")."""
    below = _kinds_below()
    kinds = {k for s in senses(noun) for k in below.get(s, ())}
    return len({k for k in kinds if k != noun and not k.endswith(" " + noun)}) >= CATEGORY_KINDS


@lru_cache(maxsize=1)
def _kinds_below() -> dict[str, frozenset[str]]:
    """Synset -> the visual nouns whose most frequent sense is a kind of it."""
    out: dict[str, set[str]] = {}
    for noun, _ in visual_nouns():
        found = senses(noun)
        for s in above(found[0]) if found else ():
            out.setdefault(s, set()).add(noun)
    return {s: frozenset(v) for s, v in out.items()}


@lru_cache(maxsize=1)
def _pool() -> dict[str, tuple[str, ...]]:
    """The visual nouns that are plain things, by WordNet class."""
    out: dict[str, list[str]] = {}
    for noun, _ in visual_nouns():
        if noun in CATEGORY_GENERIC or (" " in noun and not listed(noun)):
            continue                            # "teddy bear" would be read as its last word
        if is_person(noun) or "person" in noun_classes(noun):
            continue                            # "human" is first an animal, but no replacement for one
        if object_category(noun) is None and _category_word(noun):
            continue                            # "utensil" for "pen"
        if plain_thing(noun) or (object_category(noun) is not None and noun_class(noun) in KIN_CLASSES
                                 and noun not in CATEGORY_GENERIC):
            out.setdefault(noun_class(noun) or "", []).append(noun)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1 << 14)
def kin_alternatives(name: str) -> tuple[str, ...]:
    """Visual nouns nearest ``name`` in WordNet that name other things, nearest first; () for a
    curated noun or one that is no plain thing.  A compound WordNet does not list whose head is
    curated, and a thing of one kind, takes the other groups of its head ("a sailing boat" -> "a
    car", never "a sailboat"; not "roof top", whose head may be a shirt)."""
    n = name.lower()
    if object_category(n) is not None:
        return ()
    words = n.split()
    if len(words) > 1 and not listed(n) and is_person(words[0]):
        return ()                               # "mother of the bride dress": no dress of a bride
    if len(words) > 1 and not listed(n) and object_category(words[-1]) is not None and one_kind(words[-1]):
        head = words[-1]
        return tuple(w for w in object_alternatives(head) if distinct_things(w, head) and distinct_things(w, n)
                     and w not in CATEGORY_GENERIC)
    if not plain_thing(n):
        return ()
    kinds = _curated_kinds(n)
    if len(words) > 1:
        # a compound is a kind of its head, whatever WordNet files it under ("fishing boat" is a
        # vessel there, not a boat): no replacement that is, or may be, the head ("a boat", "a ship")
        kinds += (words[-1],)
    floor = class_depth(n) + 1                  # below the broad division its class starts at
    # nearest first; the (costlier) distinct_things tests only as deep as the answer goes.  Only
    # nouns as near as the floor can be taken: the rest of the class (most of it) is never sorted.
    ranked = sorted((-k, w) for w in _pool().get(noun_class(n) or "", ())
                    if w != n and (k := kinship(n, w)) >= floor)
    out: list[str] = []
    best = -1
    for negk, w in ranked:
        k = -negk
        if out and k < best - KIN_SLACK:
            break
        if distinct_things(w, n) and all(distinct_things(w, h) for h in kinds):
            if not out:
                best = k
            out.append(w)
    return tuple(out)


def _curated_kinds(name: str) -> tuple[str, ...]:
    """Curated nouns the name is a kind of ("road" for "access road"): a replacement of their
    group or kind would name the same sort of thing ("highway", "street" for "access road")."""
    return tuple(w for w in _curated_words() if is_a(name, w))


@lru_cache(maxsize=1)
def _curated_words() -> tuple[str, ...]:
    return tuple(w for cat in OBJECT_CATEGORIES.values() for g in cat for w in g if w not in CATEGORY_GENERIC)


@lru_cache(maxsize=1 << 14)
def other_organisms(name: str) -> tuple[str, ...]:
    """For a noun of people, animals: the other class of organism in WordNet, never one thing
    with a person ("person testifies during a hearing" -> "a dog testifies"; the curated people
    nouns take one another first, ``vocab.OBJECT_CATEGORIES``).  For a noun of animals that no
    curated group or kin replaces ("animal", "pet", "critter": CC3M's word for any animal; an
    animal of WordNet, ``plain_animal``: "a leopard stops for a drink" -> "a man stops ..."),
    people ("animal running in the jungle" -> "a man running in the jungle")."""
    if not is_person(name):
        if name.lower() in ANY_ANIMAL or plain_animal(name):
            return tuple(g[0] for g in OBJECT_CATEGORIES["people"][:2] if distinct_things(g[0], name))
        return ()
    if not noun_classes(name) <= _PEOPLE_SENSES:
        return ()                                # "diesel", "fan", "star": maybe no person at all
    return tuple(g[0] for cat in _ANIMAL_CATEGORIES for g in OBJECT_CATEGORIES[cat]
                 if distinct_things(g[0], name))


# Classes an animal noun's two first senses may have besides the animal ("leopard": its fur); never
# a person ("fox", "bull", "gull" may be people), a food ("lobster", "mussels": on a menu, a dish)
# or an artefact ("comb"); no microorganism ("bacteria": no thing one sees).
_ANIMAL_SENSES = frozenset({"animal", "substance"})


def plain_animal(name: str) -> bool:
    """One word outside the curated groups whose first two WordNet senses include an animal and
    no person ("leopard", "panther", "egret"): in a picture, an animal no kin replaces is no man."""
    n = name.lower()
    classes = noun_classes(n, 2)
    return n.isalpha() and object_category(n) is None and "animal" in classes and classes <= _ANIMAL_SENSES \
        and n not in _NOT_THINGS and n not in ANIMAL_KINDS and not is_a(n, "microorganism")


# Words for a kind of animal, not one animal ("bird" takes a butterfly, ``kinds``; a man is no
# contrast a reader would pick for "wildlife").
ANIMAL_KINDS = frozenset("""bird fish insect reptile mammal amphibian creature beast wildlife livestock cattle
poultry fowl game prey vermin herd flock pest""".split())


# Classes a people noun's senses may have besides people ("person" is filed under Tops and body,
# "member" is also a relation).
_PEOPLE_SENSES = frozenset({"person", "Tops", "body", "relation"})
# Nouns for any animal (CC3M writes "animal" for every species it names): a person is none of
# them ("creature", "beast" may be people; "insect", "dog" have kinds of their own).
ANY_ANIMAL = frozenset({"animal", "animals", "pet", "pets", "critter", "critters"})
# Curated categories whose group heads stand in for a person.
_ANIMAL_CATEGORIES = ("mammal", "bird")
