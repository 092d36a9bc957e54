"""A noun taxonomy from WordNet 3.0, for negatives that must state something new.

``sgshards/data/wordnet_nouns.tsv`` is derived at build time by ``bench/build_wordnet_lexicon.py``
from Debian's ``wordnet-base`` (format there); nothing here reads WordNet itself. It answers:

- ``overlapping(a, b)``: may one thing be called both ``a`` and ``b``, or is one part of the
  other? Synonyms, hypernyms and hyponyms in any common sense ("ceiling"/"roof" are not, "girl"
  is a "woman", a "skier" a "person", "finger" part of "hand", "rake" a "tool"). Replacing or
  swapping such nouns states nothing new. A part of a kind is a part of its kinds ("wheel" of a
  wheeled vehicle, so of a "car"; ``part_of``).
- ``noun_class(word)``: WordNet's lexicographer file of the word's first sense ("person",
  "animal", "artifact", "time", "feeling"...), to tell people and things from abstractions.
- ``kinship(a, b)``: how specific the nearest kind both words' first senses share is ("goose" and
  "duck" are both waterfowl, "goose" and "dog" only vertebrates), and ``class_depth(word)``, the
  depth where the word's class begins: how near a replacement is (``augment.negatives.kin``).

Words are looked up lowercased, then as a singular, then by their last word ("diesel engine" ->
"engine"). Unknown words are in no relation and have no class.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

DATA = Path(__file__).resolve().parents[1] / "data" / "wordnet_nouns.tsv"

# Lexicographer files of things one can see and point at.
CONCRETE_CLASSES = frozenset({"person", "animal", "artifact", "body", "food", "object", "plant", "substance"})
ANIMATE_CLASSES = frozenset({"person", "animal"})
# Things that do little of their own: a lifeless artefact, natural object, plant, food, substance or body part.
LIFELESS_CLASSES = CONCRETE_CLASSES - ANIMATE_CLASSES
# Lexicographer files of nothing one can point at: a noun all of whose common senses are here
# names a time, an act, an event, a feeling, a quality or an idea ("the week", "a win", "the
# handful", "a blaze" that is over), which a caption mentions but a picture does not show.
ABSTRACT_CLASSES = frozenset({"time", "act", "event", "feeling", "attribute", "cognition", "motive",
                              "state", "process", "relation", "quantity"})
_PHYSICAL_CLASSES = CONCRETE_CLASSES | {"location", "group", "phenomenon", "possession", "Tops"}
# Abstract by WordNet, yet what a picture shows ("on a white background", "a kiss").
VISIBLE_ABSTRACT = frozenset({
    "background", "backdrop", "foreground", "flame", "flames", "splash", "sparkle", "texture", "blur",
    "bokeh", "glow", "kiss", "hug", "dance", "jump", "smile", "gesture", "pose", "silhouette", "fire",
    "goods", "wares",          # plurals the lexicon files under their singular ("good")
})
# Directions and positions named as nouns ("from left", "the above"): no thing in the picture.
DIRECTION_NOUNS = frozenset({"left", "right", "above", "below", "far left", "far right"})

# Corrections to WordNet's part links for the inheritance by kinds (``part_of``): a whole's parts
# go to these wholes instead.  WordNet makes every body part a part of any "organism" (a "hand"
# of a "lily", a "tail" of a "man"), and files the parts of people ("hand", "face", "arm") under
# the species ("human being"), of which "person", "man" and "woman" are no kinds.
GENERIC_WHOLES = {"organism": (), "human being": ("human being", "person")}
# Wholes this near the root ("a whole", "an object") are no whole at all: a "part, piece" of one
# is a part of nothing in particular.
_GENERAL_DEPTH = 3

_Synset = tuple  # (lexname, hypernym ids, holonym ids)
# Plurals WordNet files under another sense: "people" is first a group, here the plural of person.
_COLLECTIVE_PLURALS = {"people": "person", "persons": "person", "men": "man", "women": "woman",
                       "children": "child", "folks": "person", "folk": "person"}


def lookup_form(word: str) -> str:
    """The key a word is looked up under: lower case, hyphens and runs of spaces as one space."""
    return " ".join(word.lower().replace("-", " ").split())


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, _Synset], dict[str, tuple[str, ...]]]:
    synsets: dict[str, _Synset] = {}
    lemmas: dict[str, tuple[str, ...]] = {}
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "S":
                synsets[fields[1]] = (fields[2], _ids(fields[3]), _ids(fields[4]))
            else:
                lemmas[fields[1]] = _ids(fields[2])
    for plural, singular in _COLLECTIVE_PLURALS.items():
        lemmas[plural] = lemmas[singular]
    return synsets, lemmas


def _ids(field: str) -> tuple[str, ...]:
    return tuple(field.split(",")) if field else ()


@lru_cache(maxsize=1 << 15)
def senses(word: str) -> tuple[str, ...]:
    """The word's common senses (synset ids), most frequent first; () when unknown."""
    from .lemmas import noun_lemma
    _, lemmas = _tables()
    w = lookup_form(word)
    if not w:
        return ()
    for cand in (w, noun_lemma(w) if w.isalpha() else w):
        if cand in lemmas:
            return lemmas[cand]
    if " " in w:
        return senses(w.rsplit(" ", 1)[1])
    return ()


def listed(word: str) -> bool:
    """WordNet has the word itself (not only its last word: "teddy bear" is not a "bear")."""
    return lookup_form(word) in _tables()[1]


@lru_cache(maxsize=1 << 16)
def _above(sense: str) -> frozenset[str]:
    """The sense and all its hypernyms."""
    synsets, _ = _tables()
    out, stack = set(), [sense]
    while stack:
        s = stack.pop()
        if s not in out:
            out.add(s)
            stack.extend(synsets[s][1])
    return frozenset(out)


def above(sense: str) -> frozenset[str]:
    """The sense and all its hypernyms (synset ids)."""
    return _above(sense)


@lru_cache(maxsize=1 << 16)
def _wholes(sense: str) -> frozenset[str]:
    """Everything the sense is a part of or made of, directly or through its hypernyms and
    through wholes of wholes ("thumb" is a finger, part of a hand, part of an arm)."""
    synsets, _ = _tables()
    out: set[str] = set()
    seen, stack = set(), [sense]
    while stack:
        s = stack.pop()
        if s in seen:
            continue
        seen.add(s)
        for a in _above(s):
            for h in synsets[a][2]:
                out |= _above(h)
                stack.append(h)
    return frozenset(out)


@lru_cache(maxsize=1 << 15)
def _profile(word: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """What the pair tests below ask of one word, computed once per word rather than per pair
    (a corpus pairs each noun with hundreds of others): (its senses, every sense any of them is a
    kind of, every sense its most frequent one is a kind of, everything that one is part of, the
    wholes whose kinds have that one as a part (``_holonyms``))."""
    found = senses(word)
    if not found:
        return frozenset(), frozenset(), frozenset(), frozenset(), frozenset()
    return (frozenset(found), frozenset().union(*map(_above, found)), _above(found[0]), _wholes(found[0]),
            _holonyms(found[0]))


def is_a(a: str, b: str) -> bool:
    """Some common sense of ``a`` is a kind of some sense of ``b`` (or the same)."""
    return not _profile(b)[0].isdisjoint(_profile(a)[1])


def mainly_a(a: str, b: str) -> bool:
    """The most frequent sense of ``a`` is a kind of some sense of ``b`` ("head" is mainly a body
    part, though one sense is a person in charge)."""
    return not _profile(b)[0].isdisjoint(_profile(a)[2])


@lru_cache(maxsize=1 << 16)
def _depth(sense: str) -> int:
    """Hypernym steps from the sense up to its nearest root ("entity" is 0)."""
    hyper = _tables()[0][sense][1]
    return 1 + min(_depth(h) for h in hyper) if hyper else 0


@lru_cache(maxsize=1 << 15)
def _kinds_deepest_first(word: str) -> tuple[tuple[int, str], ...]:
    """(depth, sense) of every kind the word's most frequent sense is, deepest first."""
    found = senses(word)
    return tuple(sorted(((_depth(s), s) for s in _above(found[0])), reverse=True)) if found else ()


def kinship(a: str, b: str) -> int:
    """How specific the nearest kind is that the most frequent senses of ``a`` and ``b`` are both
    kinds of: the depth of their deepest shared hypernym, -1 when a word is unknown.  "goose" and
    "duck" share "waterfowl" (deep), "goose" and "dog" only "vertebrate", "rope" and "lamp" only
    "artifact" (4)."""
    above_b = _profile(b)[2]
    for depth, s in _kinds_deepest_first(a):
        if s in above_b:
            return depth
    return -1


@lru_cache(maxsize=1 << 16)
def _holonyms(sense: str) -> frozenset[str]:
    """The wholes the sense is a part of, directly, through its hypernyms ("thumb" is a finger,
    part of a hand) and through wholes of wholes, without the kinds of those wholes: what any
    kind of such a whole has as a part.  A whole of ``GENERIC_WHOLES`` hands its parts to its heirs."""
    synsets, _ = _tables()
    generic = _generic_wholes()
    out: set[str] = set()
    # a food is "part" of what it is cut from ("chicken" of a chicken, a "potato" of the plant):
    # no part of every bird or plant
    stack = [h for a in _above(sense) if synsets[a][0] != "food" for h in synsets[a][2]]
    while stack:
        h = stack.pop()
        if _depth(h) <= _GENERAL_DEPTH:
            continue
        for w in generic.get(h, (h,)):
            if w not in out:
                out.add(w)
                stack.extend(x for a in _above(w) for x in synsets[a][2])
    return frozenset(out)


@lru_cache(maxsize=1)
def _generic_wholes() -> dict[str, tuple[str, ...]]:
    """Synset -> the synsets its parts are inherited by instead (``GENERIC_WHOLES``)."""
    return {senses(whole)[0]: tuple(senses(h)[0] for h in heirs) for whole, heirs in GENERIC_WHOLES.items()}


def part_of(a: str, b: str) -> bool:
    """The most frequent sense of ``a`` is a part of (or made of) some sense of ``b`` ("finger" of
    "hand"; not "bridge", whose rarer sense is part of a nose and so of a "man"), or of a kind
    that ``b``'s most frequent sense is ("wheel" of a wheeled vehicle and so of a "car", "leaf" of
    a plant and so of a "tree", "window" of a building and so of a "house")."""
    pa, pb = _profile(a), _profile(b)
    return not pb[0].isdisjoint(pa[3]) or not pb[2].isdisjoint(pa[4])


def overlapping(a: str, b: str) -> bool:
    """``a`` and ``b`` may name the same thing, or one is a part of the other: a synonym,
    hypernym, hyponym or meronym in some common sense."""
    pa, pb = _profile(a), _profile(b)     # is_a both ways, part_of both ways
    return not (pb[0].isdisjoint(pa[1]) and pa[0].isdisjoint(pb[1]) and pb[0].isdisjoint(pa[3])
                and pb[2].isdisjoint(pa[4]) and pa[0].isdisjoint(pb[3]) and pa[2].isdisjoint(pb[4]))


@lru_cache(maxsize=1 << 15)
def class_depth(word: str) -> int:
    """The depth of the most general kind of the word's most frequent sense that is still of its
    lexicographer class ("artifact" for "rope", "animal" for "goose"); -1 when unknown."""
    s = senses(word)
    if not s:
        return -1
    synsets = _tables()[0]
    lexname = synsets[s[0]][0]
    return min(_depth(a) for a in _above(s[0]) if synsets[a][0] == lexname)


@lru_cache(maxsize=1 << 15)
def noun_class(word: str) -> Optional[str]:
    """WordNet's lexicographer file of the word's most frequent sense ("person", "artifact",
    "time"...), None when the word is unknown."""
    s = senses(word)
    return _tables()[0][s[0]][0] if s else None


@lru_cache(maxsize=1 << 15)
def depictable(word: str) -> bool:
    """A picture can show a thing called ``word``: some common sense is a person, animal, plant,
    artifact, body part, food, natural object, substance, place, group or representation; or the
    word is unknown.  False for times, acts, events, feelings, qualities and ideas ("the week",
    "a win", "the handful", "a detailed look") and for directions ("left" of "from left")."""
    w = lookup_form(word)
    if w in DIRECTION_NOUNS:
        return False
    if w in VISIBLE_ABSTRACT or w.rsplit(" ", 1)[-1] in VISIBLE_ABSTRACT:
        return True
    classes = noun_classes(w)
    if not classes or classes & _PHYSICAL_CLASSES:
        return True
    # a representation ("a sign", "a poster") only as the first sense: "morning" is also a greeting
    return noun_class(w) not in ABSTRACT_CLASSES


def happening(word: str) -> bool:
    """Some common sense of ``word`` is an event or a process ("an explosion", "a blaze", "a
    storm"): something that can do things in a picture's past, though it is no object."""
    return bool(noun_classes(word) & {"event", "process"})


@lru_cache(maxsize=1 << 15)
def noun_classes(word: str, first: int = 0) -> frozenset[str]:
    """The lexicographer files of all the word's common senses (of its ``first`` most frequent
    ones, when given)."""
    synsets, _ = _tables()
    found = senses(word)
    return frozenset(synsets[s][0] for s in (found[:first] if first else found))
