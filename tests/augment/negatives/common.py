"""Helpers for the negative-type tests: a generator's candidates as plain, comparable values
(the ``surface`` fixture is in conftest.py)."""
import random


def run(gen, surf, seed=0, **kwargs):
    return list(gen(surf, random.Random(seed), **kwargs))


def texts(cands):
    return sorted(c.text for c in cands)


def whole(cands):
    """Each candidate as (text, type, [(span, before, after)]), sorted: compared whole."""
    return sorted((c.text, c.type, [(tuple(e.span), e.before, e.after) for e in c.edits]) for c in cands)


def every(gen, surf, seeds=40, limit=10):
    """Every candidate text the generator gives over many seeds (replacements draw their words)."""
    return {c.text for seed in range(seeds) for c in gen(surf, random.Random(seed), None, limit)}


def record_negatives(parse, caption, seeds=8):
    """Every (type, perturbed positive, negative) the whole augment step gives a caption over
    several seeds: negatives of sub-graph positives too."""
    from sgshards.augment.core import AugmentOptions, augment
    from sgshards.graph import build_graph
    doc = parse(caption)
    graph = build_graph(doc)
    out = set()
    for seed in range(seeds):
        pos, neg = augment("k", doc, graph, AugmentOptions(seed=seed))
        out |= {(n.type, pos[n.positive].text, n.text) for n in neg}
    return out
