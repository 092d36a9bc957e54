"""object_replace: replace an object noun by one of another group of its category
("a dog" -> "a cat"; never a synonym, hyponym or hypernym: "puppy", "animal")."""
from __future__ import annotations

import random
from functools import lru_cache
from typing import Optional

from ..realise import Replacement, Surface, fresh, noun_form
from ..sampling import Frequencies, choose, shuffle
from ..vocab import object_alternatives, object_groups
from .shared import PER_TYPE, Candidate, fits_number, make_candidate, noun_slots, number_class


@lru_cache(maxsize=1 << 14)
def _replacement_nouns(name: str) -> tuple[tuple[str, frozenset, str], ...]:
    """The name's alternatives with their groups and number class (``fits_number`` only restricts
    "plural"/"mass" nouns): constant tables, so once per name rather than per object."""
    return tuple((w, object_groups(w), number_class(w)) for w in object_alternatives(name))


def object_replace(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                   limit: int = PER_TYPE) -> list[Candidate]:
    """Up to ``limit`` replacements, objects in random order, the new noun unlike every object of
    the graph and drawn by corpus frequency when ``counts`` are given. Eager: it draws while it
    searches."""
    g = surface.graph
    present = {grp for o in g.objects for grp in object_groups(o.name)} | {o.name for o in g.objects}
    objs = noun_slots(surface)
    shuffle(rng, objs)
    out = []
    for a in objs:
        slot = surface.slots[a]
        o = g.objects[a]
        alts = [w for w, groups, number in _replacement_nouns(o.name)
                if w not in present and present.isdisjoint(groups)
                and (not number or fits_number(surface, slot, w))]
        if not alts:
            continue
        new = choose(alts, rng, "object", counts)
        cand = make_candidate(surface, "object_replace",
                              [Replacement(slot.name, fresh(surface, noun_form(new, slot.plural), slot.name))])
        if cand:
            out.append(cand)
        if len(out) >= limit:
            break
    return out
