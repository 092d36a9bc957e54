"""object_swap: exchange two object nouns while their determiners, numbers and attributes stay
in place ("a red car next to a blue house" -> "a red house next to a blue car")."""
from __future__ import annotations

import random
from functools import lru_cache
from itertools import islice
from typing import Iterator, Optional

from ...schemas.graph import Span
from ..realise import Piece, Replacement, Slot, Surface, fresh, moved, noun_form
from ..sampling import Frequencies, shuffle
from ..vocab import object_category, object_groups
from .graph_change import changes_graph
from .shared import PER_TYPE, Candidate, fits_number, make_candidate, noun_slots, overlap


def object_swap(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                limit: int = PER_TYPE) -> Iterator[Candidate]:
    """Up to ``limit`` swaps, lazily: all random draws happen before the first, and the search
    goes only as far as the caller consumes (``counts``: unused, swaps draw no words)."""
    return islice(object_swaps(surface, rng), limit)


# --------------------------------------------------------------------------- guards

@lru_cache(maxsize=1 << 15)
def same_group(a: str, b: str) -> bool:
    """a and b are one word or in one sibling group (synonyms/hyponyms: "dog", "puppy"):
    exchanging them states nothing new."""
    return bool(object_groups(a) & object_groups(b)) or a.lower() == b.lower()


def bare_singular(surface: Surface, obj: int) -> bool:
    """A singular noun written without determiner or number: mass ("coffee") or headline style.
    Never swapped with a counted noun: "a cup of coffee" -/-> "a coffee of cup"."""
    slot = surface.slots[obj]
    return not slot.plural and slot.np[0] == slot.name[0] and not surface.graph.objects[obj].attributes \
        and not surface.graph.objects[obj].quantity


def _modifiers(surface: Surface, slot: Slot) -> tuple[str, ...]:
    """Words of the noun phrase before the name, articles normalised ("an old" ~ "a old")."""
    words = [t.text.lower() for t in surface.tokens[slot.np[0]:slot.name[0]]]
    return tuple("a" if w == "an" else w for w in words)


def same_as_phrase_swap(surface: Surface, a: Slot, b: Slot) -> bool:
    """Equal modifiers and number: swapping the nouns writes what swapping the whole noun
    phrases writes, which is relation_swap's negative."""
    return _modifiers(surface, a) == _modifiers(surface, b) and a.plural == b.plural


def _related_pairs(surface: Surface) -> set[frozenset]:
    """{subject, object} of each relation the surface states."""
    pairs = surface.memo.get("related")
    if pairs is None:
        g = surface.graph
        pairs = surface.memo["related"] = {frozenset((g.relations[k].subject, g.relations[k].object))
                                           for k in surface.relations}
    return pairs


# --------------------------------------------------------------------------- the swap

def _name_for(surface: Surface, frm: int, plural: bool, like: Span) -> list[Piece]:
    """Object ``frm``'s name for a slot of number ``plural``: its own tokens, re-inflected if needed."""
    slot = surface.slots[frm]
    if slot.plural == plural:
        return moved(surface, slot.name)
    return fresh(surface, noun_form(surface.graph.objects[frm].name, plural), like)


def object_swaps(surface: Surface, rng: random.Random) -> Iterator[Candidate]:
    """Every object swap; pairs linked by a relation or both in the curated vocabulary first
    (concrete, visual swaps), each group in random order."""
    g = surface.graph
    objs = noun_slots(surface)
    pairs = [(a, b) for x, a in enumerate(objs) for b in objs[x + 1:]]
    shuffle(rng, pairs)
    # (a stable partition: the sort on "not concrete" it replaces, without a key call per pair)
    curated = {i for i in objs if object_category(g.objects[i].name)}
    related = _related_pairs(surface)
    concrete: list[tuple[int, int]] = []
    rest: list[tuple[int, int]] = []
    for p in pairs:
        (concrete if frozenset(p) in related or (p[0] in curated and p[1] in curated) else rest).append(p)
    pairs = concrete + rest
    for a, b in pairs:
        sa, sb = surface.slots[a], surface.slots[b]
        oa, ob = g.objects[a], g.objects[b]
        if oa.name == ob.name or overlap(sa.name, sb.name) or same_group(oa.name, ob.name):
            continue
        if bare_singular(surface, a) != bare_singular(surface, b):
            continue
        if not (fits_number(surface, sa, ob.name) and fits_number(surface, sb, oa.name)):
            continue
        if same_as_phrase_swap(surface, sa, sb):
            continue
        new = {a: (ob.name, frozenset(oa.attributes), oa.quantity, oa.plural),
               b: (oa.name, frozenset(ob.attributes), ob.quantity, ob.plural)}
        if not changes_graph(surface, new):
            continue
        cand = make_candidate(surface, "object_swap",
                              [Replacement(sa.name, _name_for(surface, b, sa.plural, sa.name)),
                               Replacement(sb.name, _name_for(surface, a, sb.plural, sb.name))])
        if cand:
            yield cand
