"""Plausibility-matched choice among a negative type's candidates (``--selection plausible``).

A text-only model spots a negative when the negative reads worse than its positive ("hands
throwing poetry book") or when the edit itself gives it away (a fixed contrast, "on" -> "under").
Two blind scores measure both, per candidate: the corpus n-gram model's plausibility difference
(positive minus negative, mean log-probability per word) and a pairwise classifier's gap
(> 0: it recognises the positive), each divided by its type's typical size (``Scorers.scale``).

A candidate reading exactly as plausibly as its positive, with no classifier gap, is best. When
none does, which side of zero to prefer is drawn per (record, type) from the seed (``side``):
half the records take the nearest candidate the models would prefer the positive over, half the
nearest they would prefer over the positive, so over a dataset the gaps are symmetric around zero,
SugarCrepe's adversarial refinement applied at generation time.  Nearness keeps the choice
from an absurd candidate (far on one side) and a paraphrase (one the models score as the positive
because it says the same; the validity guards of the generators already exclude those).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Sequence

# weight of distance from zero against being on the drawn side (1 per unit on the wrong side)
NEARNESS = 0.25


@dataclass(frozen=True)
class Scorers:
    """Blind scores for one record: ``plausibility(text)`` (mean log-probability per word, from a
    model that did not count this record's caption), ``gap(positive, negative)`` (a classifier
    that did not see this record's pairs) and per type the typical size of each
    (plausibility difference, gap); a type missing from ``scale`` uses (1, 1)."""
    plausibility: Callable[[str], float]
    gap: Optional[Callable[[str, str], float]]
    scale: Mapping[str, tuple[float, float]]


@dataclass(frozen=True)
class Scored:
    order: int                  # position in the generated pool: ties keep generation order
    item: object                # what the pool yielded, returned as is
    positive: float             # plausibility of the positive it perturbs
    negative: float             # plausibility of the candidate
    gap: float                  # classifier gap, 0 without a classifier


def side(key: str, kind: str, seed: int) -> int:
    """+1 or -1, the side of zero this record prefers for this type (stable across processes)."""
    digest = hashlib.sha256(f"{seed}\x1f{kind}\x1f{key}".encode("utf-8")).digest()
    return 1 if digest[0] & 1 else -1


def cost(s: Scored, kind: str, sign: int, scorers: Scorers) -> float:
    """Distance on the wrong side of zero plus ``NEARNESS`` times distance from zero, in units
    of the type's typical size, summed over the two blind scores."""
    unit_p, unit_g = scorers.scale.get(kind, (1.0, 1.0))
    total = 0.0
    for z in ((s.positive - s.negative) / unit_p, s.gap / unit_g):
        total += max(0.0, -sign * z) + NEARNESS * abs(z)
    return total


def score(pool: Sequence[tuple[int, str, object]], positives: Sequence[str], scorers: Scorers,
          memo: dict) -> list[Scored]:
    """``pool``: (positive index, candidate text, item) in generation order.  ``memo`` caches
    plausibilities by text across the record's types (positives recur)."""
    def plausible(text: str) -> float:
        if text not in memo:
            memo[text] = scorers.plausibility(text)
        return memo[text]

    out = []
    for order, (index, text, item) in enumerate(pool):
        pos = positives[index]
        gap = scorers.gap(pos, text) if scorers.gap is not None else 0.0
        out.append(Scored(order, item, plausible(pos), plausible(text), gap))
    return out


def rank(scored: Sequence[Scored], kind: str, sign: int, scorers: Scorers) -> list[Scored]:
    """Cheapest first; equal costs keep generation order."""
    return sorted(scored, key=lambda s: (cost(s, kind, sign, scorers), s.order))
