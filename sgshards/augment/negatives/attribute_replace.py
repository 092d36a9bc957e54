"""attribute_replace: replace an attribute by one of another group of its category
("a red car" -> "a blue car", "a big house" -> "a small house")."""
from __future__ import annotations

import random
from typing import Optional

from ..realise import Replacement, Surface, fresh
from ..sampling import Frequencies, choose, shuffle
from ..vocab import attribute_alternatives, attribute_groups, sensitive_pair
from .shared import PER_TYPE, Candidate, make_candidate


def attribute_replace(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                      limit: int = PER_TYPE) -> list[Candidate]:
    """Up to ``limit`` replacements, attributes in random order, the new word drawn by corpus
    frequency when ``counts`` are given. Eager: it draws while it searches."""
    g = surface.graph
    items = [(a, k, s) for a in surface.objects for k, s in surface.attrs.get(a, [])]
    shuffle(rng, items)
    out = []
    for a, k, span in items:
        o = g.objects[a]
        if sensitive_pair(o.name, [o.attributes[k]]):
            continue
        # no alternative in a group of, or equal to, any of the object's attributes
        groups = frozenset().union(*map(attribute_groups, o.attributes))
        words = {x.lower() for x in o.attributes}
        alts = [w for w in attribute_alternatives(o.attributes[k], o.name)
                if w.lower() not in words and groups.isdisjoint(attribute_groups(w))]
        if not alts:
            continue
        new = choose(alts, rng, "attribute", counts)
        cand = make_candidate(surface, "attribute_replace", [Replacement(span, fresh(surface, new, span))])
        if cand:
            out.append(cand)
        if len(out) >= limit:
            break
    return out
