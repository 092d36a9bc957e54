"""Seeded sampling helpers shared by positives, negatives and their selection.

Each draws exactly what the ``random.Random`` method it replaces draws, so a record's
sample depends only on its seed; they exist because the method's argument handling
costs more than the draw on the per-caption hot path.
"""
from __future__ import annotations

import random
from typing import Mapping, Optional, Sequence

# {"object"|"attribute"|"relation": {word: count}}: corpus frequencies (vocab.count_graph)
Frequencies = Mapping[str, Mapping[str, int]]


def below(rng: random.Random, n: int) -> int:
    """``rng.randrange(n)``: the same draw (CPython's ``_randbelow_with_getrandbits``) without
    randrange's argument handling, which costs more than the draw."""
    if n <= 0:
        raise ValueError("empty range for below()")
    getrandbits = rng.getrandbits
    k = n.bit_length()
    r = getrandbits(k)
    while r >= n:
        r = getrandbits(k)
    return r


def shuffle(rng: random.Random, x: list) -> None:
    """``rng.shuffle(x)``: the same swaps from the same draws, one Python call less per element
    (the sampling shuffles ~20 short lists per caption, many of one item or none: no draw)."""
    if len(x) < 2:
        return
    getrandbits = rng.getrandbits
    for i in reversed(range(1, len(x))):
        n = i + 1
        k = n.bit_length()
        j = getrandbits(k)
        while j >= n:
            j = getrandbits(k)
        x[i], x[j] = x[j], x[i]


def in_context(counts: Optional[Frequencies], kind: str, context: tuple[str, ...]) -> Optional[Frequencies]:
    """The counts a draw of ``kind`` in ``context`` follows: with the corpus's co-occurrences
    (``plausibility.cooccur.CorpusCounts``), how often each candidate went with that context
    ("blue" with "car": a replacement that fits the scene); else ``counts`` as they are."""
    method = getattr(counts, "in_context", None)
    return method(kind, context) if method is not None else counts


def choose_many(candidates: Sequence[str], rng: random.Random, kind: Optional[str],
                counts: Optional[Frequencies] = None, k: int = 1) -> list[str]:
    """Up to ``k`` distinct candidates, drawn one after another as ``choose`` draws (one draw:
    exactly ``choose``'s), for a plausibility-matched choice among them."""
    picked = [choose(candidates, rng, kind, counts)]
    rest = [c for c in candidates if c != picked[0]]
    while len(picked) < k and rest:
        picked.append(choose(rest, rng, kind, counts))
        rest.remove(picked[-1])
    return picked


def choose(candidates: Sequence[str], rng: random.Random, kind: Optional[str],
           counts: Optional[Frequencies] = None) -> str:
    """One candidate; weighted by corpus frequency (+1 smoothing) when counts are given."""
    if not counts or kind is None or kind not in counts:
        return candidates[below(rng, len(candidates))]
    table = counts[kind]
    weights = [table.get(c, 0) + 1 for c in candidates]
    return rng.choices(candidates, weights=weights, k=1)[0]
