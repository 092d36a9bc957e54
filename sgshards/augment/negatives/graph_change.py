"""The paraphrase guard every negative type shares: does an edit change the scene graph?

A swap can leave the graph as it was (a symmetric relation, or two objects with
the same attributes), and a converse ("a lamp below a table" / "a table above a
lamp") states the same fact: such candidates are paraphrases, not negatives.
Graphs are compared as multisets of object descriptions and canonical relations.
"""
from __future__ import annotations

from collections import Counter
from typing import Mapping

from ..realise import Surface
from ..vocab import canonical_relation, is_symmetric, sensitive_pair

Desc = tuple            # (name, frozenset(attributes), quantity, plural)


def _descs(surface: Surface) -> dict[int, Desc]:
    objects = surface.graph.objects
    descs = {}
    for i in surface.objects:
        o = objects[i]
        descs[i] = (o.name, frozenset(o.attributes), o.quantity, o.plural)
    return descs


def _signature(surface: Surface, descs: Mapping[int, Desc]) -> Counter:
    """The surface's graph as a multiset; symmetric relations are unordered."""
    g = surface.graph
    sig: Counter = Counter(("obj", d) for d in descs.values())
    for k in surface.relations:
        r = g.relations[k]
        if r.subject not in descs or r.object not in descs:
            continue
        s, o = descs[r.subject], descs[r.object]
        if is_symmetric(r.predicate):
            sig[("sym", r.predicate, frozenset((s, o)), s == o)] += 1
        else:
            cs, cp, co = canonical_relation(s, r.predicate, o)
            sig[("rel", cp, cs, co)] += 1
    return sig


def _graph_facts(surface: Surface) -> tuple[dict[int, Desc], list[tuple[int, str, int, bool, tuple]]]:
    """Object descriptions and (subject, predicate, object, symmetric, signature entry) relations,
    once per surface."""
    facts = surface.memo.get("graph_facts")
    if facts is None:
        descs = _descs(surface)
        g = surface.graph
        rels = []
        for r in (g.relations[k] for k in surface.relations):
            if r.subject in descs and r.object in descs:
                symmetric = is_symmetric(r.predicate)
                entry = _relation_entry(descs[r.subject], r.predicate, descs[r.object], symmetric)
                rels.append((r.subject, r.predicate, r.object, symmetric, entry))
        facts = surface.memo["graph_facts"] = (descs, rels)
    return facts


def _relation_entry(s: Desc, predicate: str, o: Desc, symmetric: bool) -> tuple:
    if symmetric:
        return ("sym", predicate, frozenset((s, o)), s == o)
    cs, cp, co = canonical_relation(s, predicate, o)
    return ("rel", cp, cs, co)


def changes_graph(surface: Surface, new_descs: Mapping[int, Desc]) -> bool:
    """The edited graph differs from the original (no paraphrase) and puts no colour on a person."""
    if any(sensitive_pair(d[0], d[1]) for d in new_descs.values()):
        return False
    old, rels = _graph_facts(surface)
    merged = {**old, **new_descs}
    if not new_descs.keys() <= old.keys():
        return _signature(surface, old) != _signature(surface, merged)
    # The signatures differ exactly when the entries of the edited objects and their
    # relations differ (everything else is shared): compare only those, as multisets
    # (plain dicts of positive counts: equal exactly when the Counters would be).
    before: dict = {}
    after: dict = {}
    e: tuple
    for i, d in new_descs.items():
        e = ("obj", old[i])
        before[e] = before.get(e, 0) + 1
        e = ("obj", d)
        after[e] = after.get(e, 0) + 1
    for s, p, o, symmetric, e in rels:
        if s in new_descs or o in new_descs:
            before[e] = before.get(e, 0) + 1
            e = _relation_entry(merged[s], p, merged[o], symmetric)
            after[e] = after.get(e, 0) + 1
    return before != after
