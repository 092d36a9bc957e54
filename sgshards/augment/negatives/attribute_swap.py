"""attribute_swap: exchange one attribute of each of two objects ("a red car next to a blue house"
-> "a blue car next to a red house"), on the surface's own tokens."""
from __future__ import annotations

import random
from itertools import islice
from typing import Iterator, Optional

from ...schemas.graph import Span
from ..realise import Replacement, Surface, moved
from ..sampling import Frequencies
from ..vocab import attribute_category
from .graph_change import changes_graph
from .contrast import attribute_fits, named_by
from .shared import PER_TYPE, Candidate, across_separator, glued, keyword_string, make_candidate, overlap


def attribute_swap(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                   limit: int = PER_TYPE, draws: int = 1) -> Iterator[Candidate]:
    """Up to ``limit`` swaps, lazily: all random draws happen before the first, and the search
    goes only as far as the caller consumes (``counts``, ``draws``: unused, swaps draw no words)."""
    return islice(attribute_swaps(surface, rng), limit)


def _adjectival(surface: Surface, span: Span, attr: str) -> bool:
    return attribute_category(attr) is not None or all(t.upos == "ADJ" for t in surface.tokens[span[0]:span[1]])


def stacked(surface: Surface, sa: Span, sb: Span) -> bool:
    """The two attributes stand side by side, or with only "and" or a comma between them ("texture:
    blue golden tiles background", heldout15): whatever the parse gave each, swapping them reorders
    the caption's modifiers and says the same."""
    (s1, e1), (s2, e2) = sorted([sa, sb])
    return all(t.text.lower() in ("and", ",", "&", "/", "-") for t in surface.tokens[e1:s2])


def attribute_swaps(surface: Surface, rng: random.Random) -> Iterator[Candidate]:
    """Every attribute swap of two attributes of one category that fits both objects ("red"/"blue",
    "big"/"small"; not "red"/"wooden", nor "young" onto a table), of two of its groups ("frozen"/"cold"
    are one: "cold pipes of extremely frozen liquid nitrogen" says the same), in random order."""
    g = surface.graph
    pairs = []
    objs = [i for i in surface.objects if surface.attrs.get(i)]
    for x, a in enumerate(objs):
        for b in objs[x + 1:]:
            oa, ob = g.objects[a], g.objects[b]
            for ka, sa in surface.attrs[a]:
                for kb, sb in surface.attrs[b]:
                    va, vb = oa.attributes[ka], ob.attributes[kb]
                    if va == vb or va in ob.attributes or vb in oa.attributes or overlap(sa, sb):
                        continue
                    if surface.span_text(sa).lower() == surface.span_text(sb).lower() or stacked(surface, sa, sb):
                        continue                   # "blue golden tiles background": a reordered list
                    if not (_adjectival(surface, sa, va) and _adjectival(surface, sb, vb)):
                        continue                   # "holding", "only": parser slips, not properties
                    ca, cb = attribute_category(va, oa.name), attribute_category(vb, ob.name)
                    if ca is None or cb is None or ca[0] != cb[0] or ca[1] == cb[1] or not (
                            attribute_fits(ca[0], ob.name) and attribute_fits(cb[0], oa.name)):
                        continue                   # "barren flags in the buddhist region", "frozen"/"cold": no contrast
                    if glued(surface, sa) or glued(surface, sb) or across_separator(surface, sa, sb) \
                            or keyword_string(surface) or named_by(ca[0], va, oa.name) \
                            or named_by(cb[0], vb, ob.name):      # "giant panda", "high tide"
                        continue                   # "e-essential", keyword lists
                    pairs.append((rng.random(), a, ka, sa, b, kb, sb))
    pairs.sort()                                   # random order
    for _, a, ka, sa, b, kb, sb in pairs:
        oa, ob = g.objects[a], g.objects[b]
        va, vb = oa.attributes[ka], ob.attributes[kb]
        new_a = (oa.name, (frozenset(oa.attributes) - {va}) | {vb}, oa.quantity, oa.plural)
        new_b = (ob.name, (frozenset(ob.attributes) - {vb}) | {va}, ob.quantity, ob.plural)
        if not changes_graph(surface, {a: new_a, b: new_b}):
            continue
        cand = make_candidate(surface, "attribute_swap", [Replacement(sa, moved(surface, sb)),
                                                          Replacement(sb, moved(surface, sa))])
        if cand:
            yield cand
