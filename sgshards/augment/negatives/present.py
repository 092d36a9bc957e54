"""What a picture of the caption's scene may show anyway, so that naming it in an object's place
makes no false text (``object_replace``'s guards): a part of a whole the graph names ("leaves"
beside a "coconut tree"), a garment worn besides another, a furnishing of the room the caption is
in, and a noun like one of the things the caption names ("a cup" where a mug is named)."""
from __future__ import annotations

from functools import lru_cache

from ...lexicon.lemmas import noun_lemma
from ...lexicon.taxonomy import is_a, mainly_a, part_of
from ...schemas.graph import SceneGraph, SGRelation
from ..realise import Surface, noun_form
from ..vocab import EXCLUSIVE_GARMENTS, FURNISHING_CATEGORIES, INTERIOR_CATEGORIES, object_category
from .contrast import distinct_things, is_person


def part_shown_anyway(surface: Surface, obj: int, noun: str) -> bool:
    """``noun`` names a part of another object of the graph, a whole (WordNet's part meronymy,
    inherited by kinds: "leaves" of any plant and so of a "coconut tree"), and the surface says
    nothing of object ``obj`` that it does not say of that whole ("coconut tree and fruits at the
    plantation": both are at the plantation): put in ``obj``'s place, the part states what any
    picture of the whole shows ("coconut tree and leaves at the plantation").  A claim of its own
    keeps the replacement false ("the girl's legs in the river" -> "the girl's arms", "person
    keeps her eyes on the ball" -> "her ears")."""
    if surface.caption and _an_argument(surface, obj):
        return False
    named = surface.memo.get("named_objects")
    if named is None:
        named = surface.memo["named_objects"] = [(x, whole.name) for x, whole in enumerate(surface.graph.objects)
                                                 if whole.name]
    wholes = [x for x, name in named if x != obj and part_of(noun, name)]
    if not wholes:
        return False
    g = surface.graph
    mine = [g.relations[k] for k in surface.relations if obj in (g.relations[k].subject, g.relations[k].object)]
    return any(all(_said_of_whole(g, r, obj, x) for r in mine) for x in wholes)


@lru_cache(maxsize=1 << 15)
def garment(noun: str) -> bool:
    cat = object_category(noun)
    return cat[0] == "clothing" if cat is not None else is_a(noun, "clothing")


def is_worn(surface: Surface, obj: int) -> bool:
    """The object is a garment some person of the graph wears, has on or is in ("the hitter has a
    helmet on", "seen wearing a veil")."""
    g = surface.graph
    return garment(g.objects[obj].name) and any(
        r.object == obj and is_person(g.objects[r.subject].name) for r in g.relations)


def one_of_them(old: str, new: str) -> bool:
    """Both are garments one wears only one of (``vocab.EXCLUSIVE_GARMENTS``): the new one in the
    old one's place is false of the wearer; any other garment may be worn besides."""
    return all(noun_form(w, False) in EXCLUSIVE_GARMENTS or w in EXCLUSIVE_GARMENTS for w in (old, new))


@lru_cache(maxsize=1 << 15)
def furnishing(noun: str) -> bool:
    cat = object_category(noun)
    return cat is not None and cat[0] in FURNISHING_CATEGORIES


def furnishes(surface: Surface, obj: int) -> bool:
    """The object furnishes a room (``vocab.FURNISHING_CATEGORIES``) and the surface says only
    that it is in a room or a building, or that one has it ("the fireplace in the drawing room",
    "small stone house with fireplace"; a sub-graph of the object alone, as the caption says):
    another furnishing put in its place is most likely there too ("the mirror in the drawing
    room"). Something else done on or with it keeps the contrast ("a cat sleeping by the
    fireplace" -> "by the sink")."""
    g = surface.graph
    if not furnishing(g.objects[obj].name):
        return False
    mine = [g.relations[k] for k in surface.relations if obj in (g.relations[k].subject, g.relations[k].object)]
    if not mine and not surface.caption and surface.objects == (obj,):
        mine = [r for r in g.relations if obj in (r.subject, r.object)]
    return bool(mine) and all(_in_interior(g, r, obj) for r in mine)


def _in_interior(graph: SceneGraph, r: SGRelation, obj: int) -> bool:
    """Relation ``r`` puts ``obj`` in a room or a building, or gives it to one."""
    if r.subject == obj:
        return r.predicate in _INSIDE and _interior(graph.objects[r.object].name)
    return r.predicate in _HAVING and _interior(graph.objects[r.subject].name)


_INSIDE = frozenset({"in", "at", "inside", "within", "throughout"})


@lru_cache(maxsize=1 << 15)
def _interior(noun: str) -> bool:
    """A room or a building, curated or by WordNet ("drawing room", "cottage")."""
    cat = object_category(noun)
    if cat is not None:
        return cat[0] in INTERIOR_CATEGORIES
    return mainly_a(noun, "room") or mainly_a(noun, "building")


_HAVING_PREPS = frozenset({"with", "of", "including", "featuring"})
# Graph predicates by which a whole has a part.
_HAVING = frozenset({"have", "with", "of", "include"})


def _an_argument(surface: Surface, obj: int) -> bool:
    """The caption makes the object the subject or object of a verb or of a preposition other
    than one of having ("eyes" in "keeps her eyes on the ball"), which its graph may miss."""
    toks = surface.tokens
    t = toks[surface.slots[obj].name[1] - 1]
    if t.dep in ("nsubj", "nsubjpass", "dobj", "dative", "agent"):
        return True
    return t.dep == "pobj" and 0 <= t.head < len(toks) and toks[t.head].text.lower() not in _HAVING_PREPS


def _said_of_whole(graph: SceneGraph, r: SGRelation, obj: int, whole: int) -> bool:
    """Relation ``r`` of ``obj`` says the whole has it ("a woman with hands"), or the whole has the
    relation too (same predicate, same other end, same side)."""
    other = r.object if r.subject == obj else r.subject
    if other == whole:
        return r.predicate in _HAVING                 # not "shaking hands": someone else's
    ends = (whole, other) if r.subject == obj else (other, whole)
    return any(s.predicate == r.predicate and (s.subject, s.object) == ends for s in graph.relations)


def surface_words(tokens) -> frozenset[str]:
    """The lower-cased words of a text and the lemmas of its nouns."""
    return frozenset(t.text.lower() for t in tokens) | frozenset(
        noun_lemma(t.text.lower()) for t in tokens if t.upos in ("NOUN", "PROPN"))


def share_caption_words(surfaces: list[Surface]) -> None:
    """Give every surface of a record (the caption's first) the caption's words besides its own:
    a realised positive names fewer things than the picture shows, and a noun the caption has
    outside the graph is in the picture too ("plate with toast, avocado and salad": the parse
    missed the salad, and "toast" -> "salad" would be true)."""
    caption = caption_words(surfaces[0])
    nouns = caption_nouns(surfaces[0])
    for s in surfaces[1:]:
        s.memo["words"] = caption | surface_words(s.tokens)
        s.memo["nouns"] = nouns | _noun_words(s.tokens)


def caption_words(surface: Surface) -> frozenset[str]:
    """The words of the caption the surface belongs to (``share_caption_words``), else its own."""
    words = surface.memo.get("words")
    if words is None:
        words = surface.memo["words"] = surface_words(surface.tokens)
    return words


def caption_nouns(surface: Surface) -> frozenset[str]:
    """The lower-cased nouns of the caption the surface belongs to (``share_caption_words``)."""
    nouns = surface.memo.get("nouns")
    if nouns is None:
        nouns = surface.memo["nouns"] = _noun_words(surface.tokens)
    return nouns


def _noun_words(tokens) -> frozenset[str]:
    return frozenset(w for t in tokens if t.upos in ("NOUN", "PROPN")
                     for w in (t.text.lower(), noun_lemma(t.text.lower())))


def in_caption(surface: Surface, noun: str) -> bool:
    """A word of the noun is a word of the caption (or the lemma of one of its nouns), or one half
    of a compound noun of it ("lighthouse" -/-> "house", "fireman" -/-> "man"), or a compound of
    one ("boat" -/-> "sailboat": a kind of it)."""
    words = caption_words(surface)
    return any(w in words or compound_kin(w, surface) for w in noun.split())


def compound_kin(word: str, surface: Surface) -> bool:
    """``word`` ends or begins a caption noun, or ends with one, the rest a word-sized part (three
    letters at least: "woman" holds no "man" this way)."""
    for n in caption_nouns(surface):
        short, long_ = (word, n) if len(word) < len(n) else (n, word)
        if len(short) < 3 or len(long_) - len(short) < 3:
            continue
        if n.endswith(word) or n.startswith(word) or word.endswith(n):
            return True
    return False


def unlike_the_caption(surface: Surface, noun: str) -> bool:
    """The noun is no word of the caption and names nothing any of its objects may be ("a cup"
    where a mug is named, "a duck" beside "birds")."""
    if in_caption(surface, noun):
        return False
    names = surface.memo.get("object_names")
    if names is None:
        names = surface.memo["object_names"] = tuple(dict.fromkeys(o.name for o in surface.graph.objects if o.name))
    return unlike_all(noun, names)


def unlike_all(noun: str, names: tuple[str, ...]) -> bool:
    """``noun`` names nothing any of ``names`` may be (the caption's surfaces share their names)."""
    return all(distinct_things(noun, name, False) for name in names)
