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
from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, Sequence

# weight of distance from zero against being on the drawn side (1 per unit on the wrong side)
NEARNESS = 0.25


@dataclass(frozen=True)
class Scorers:
    """Blind scores for one record, each a batch function of texts: ``plausibility`` (log-
    probability, from a model that did not count this record's caption) and ``classifier`` (a
    pairwise classifier's score of a text, from one that did not see this record's pairs:
    the gap of a pair is score(positive) - score(negative)); per type the typical size of each
    (plausibility difference, gap), a type missing from ``scale`` using (1, 1).  ``bounds``:
    per type, the largest (difference, gap), in those units, a candidate may have
    (balance.calibrate: what keeps the signs symmetric); ``observe(kind, scored)``: called with
    each type's scored pool; ``fallback``: per type, the share of records whose every candidate
    is out of bounds that may still take one of the type's (``falls_back``; 1 when missing)."""
    plausibility: Callable[[Sequence[str]], Sequence[float]]
    classifier: Optional[Callable[[Sequence[str]], Sequence[float]]]
    scale: Mapping[str, tuple[float, float]]
    bounds: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    observe: Optional[Callable[[str, list], None]] = None
    fallback: Mapping[str, float] = field(default_factory=dict)
    # (models, key, caption): the same scores asked of ``models.score_many`` with other
    # records' (``ask_many``), one batch per model instead of one per record
    batch: Optional[tuple] = None


@dataclass(frozen=True)
class Scored:
    order: int                  # position in the generated pool: ties keep generation order
    item: object                # what the pool yielded, returned as is
    pair: tuple[str, str]       # (positive, candidate) texts
    positive: float             # plausibility of the positive it perturbs
    negative: float             # plausibility of the candidate
    gap: float                  # classifier gap, 0 without a classifier


def side(key: str, kind: str, seed: int) -> int:
    """+1 or -1, the side of zero this record prefers for this type (stable across processes)."""
    digest = hashlib.sha256(f"{seed}\x1f{kind}\x1f{key}".encode("utf-8")).digest()
    return 1 if digest[0] & 1 else -1


def falls_back(key: str, kind: str, seed: int, rate: float) -> bool:
    """Whether this record, all of whose candidates are out of bounds, may take one of this
    type's anyway: a hash draw under the type's calibrated rate (``balance.fallback_rates``)."""
    if rate >= 1.0:
        return True
    digest = hashlib.sha256(f"fallback\x1f{seed}\x1f{kind}\x1f{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") < rate * 2.0 ** 64


def units(s: Scored, kind: str, scorers: Scorers) -> tuple[float, float]:
    """(plausibility difference, gap) in units of the type's typical size; > 0: the blind
    models prefer the positive."""
    unit_p, unit_g = scorers.scale.get(kind, (1.0, 1.0))
    return (s.positive - s.negative) / unit_p, s.gap / unit_g


def cost(s: Scored, kind: str, sign: int, scorers: Scorers) -> float:
    """Distance on the wrong side of zero plus ``NEARNESS`` times distance from zero, in units
    of the type's typical size, summed over the two blind scores."""
    return cost_of(units(s, kind, scorers), sign)


def cost_of(zs: Sequence[float], sign: int) -> float:
    """``cost`` of a candidate's units."""
    total = 0.0
    for z in zs:
        total += max(0.0, -sign * z) + NEARNESS * abs(z)
    return total


def admissible(s: Scored, kind: str, scorers: Scorers) -> bool:
    """Within the type's bounds: not a negative the blind models would spot too easily."""
    bound = scorers.bounds.get(kind)
    if bound is None:
        return True
    zp, zg = units(s, kind, scorers)
    return zp <= bound[0] and zg <= bound[1]


Answer = tuple[list[float], list[float]]      # per text: plausibility, classifier score (0 without)


def score(pools: Mapping[str, Sequence[tuple[int, str, object]]], positives: Sequence[str],
          scorers: Scorers) -> dict[str, list[Scored]]:
    """``pools``: per type, (positive index, candidate text, item) in generation order.  Every
    distinct text of the record is scored once, in one batch per model."""
    texts = texts_of(pools, positives)
    return scored(pools, positives, texts, ask(scorers, texts))


def texts_of(pools: Mapping[str, Sequence[tuple[int, str, object]]], positives: Sequence[str]) -> list[str]:
    """The distinct texts ``scored`` needs the scores of: the positives perturbed, the candidates."""
    return list(dict.fromkeys([positives[i] for pool in pools.values() for i, _, _ in pool]
                              + [t for pool in pools.values() for _, t, _ in pool]))


def ask(scorers: Scorers, texts: Sequence[str]) -> Answer:
    """The blind scores of ``texts`` (one record's), one call per model."""
    plausible = [float(x) for x in scorers.plausibility(texts)] if texts else []
    classified = ([float(x) for x in scorers.classifier(texts)] if texts and scorers.classifier is not None
                  else [0.0] * len(texts))
    return plausible, classified


def ask_many(requests: Sequence[tuple[Scorers, Sequence[str]]]) -> list[Answer]:
    """``ask`` for several records: those whose scorers share batch models in one call of
    ``models.score_many`` (lists of floats per request), the others one by one.  The answers
    are the same as ``ask``'s."""
    answers: list = [None] * len(requests)
    groups: dict[int, list[int]] = {}
    for n, (scorers, texts) in enumerate(requests):
        if scorers.batch is None or not texts:
            answers[n] = ask(scorers, texts)
        else:
            groups.setdefault(id(scorers.batch[0]), []).append(n)
    for at in groups.values():
        models = requests[at[0]][0].batch[0]
        found = models.score_many([(*requests[n][0].batch[1:], requests[n][1]) for n in at])
        for n, (plausible, classified) in zip(at, found):
            answers[n] = (plausible, classified if classified is not None else [0.0] * len(requests[n][1]))
    return answers


def scored(pools: Mapping[str, Sequence[tuple[int, str, object]]], positives: Sequence[str],
           texts: Sequence[str], answer: Answer) -> dict[str, list[Scored]]:
    """Each pool's candidates with their scores (``answer``: of ``texts``, see ``texts_of``)."""
    plausible, classified = answer
    at = {t: k for k, t in enumerate(texts)}
    out = {}
    for kind, pool in pools.items():
        out[kind] = [Scored(order, item, (positives[i], text), plausible[at[positives[i]]], plausible[at[text]],
                            classified[at[positives[i]]] - classified[at[text]])
                     for order, (i, text, item) in enumerate(pool)]
    return out


def rank(scored: Sequence[Scored], kind: str, sign: int, scorers: Scorers,
         costs: Optional[Sequence[float]] = None) -> list[Scored]:
    """The admissible candidates, cheapest first; equal costs keep generation order.
    ``costs``: each candidate's ``cost``, when the caller has them already."""
    if scorers.observe is not None:
        scorers.observe(kind, list(scored))
    if costs is None:
        costs = [cost(s, kind, sign, scorers) for s in scored]
    kept = [(c, s.order, s) for s, c in zip(scored, costs) if admissible(s, kind, scorers)]
    kept.sort(key=lambda x: x[:2])
    return [s for _, _, s in kept]
