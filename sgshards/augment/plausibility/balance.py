"""The run's blind models: what ``--selection plausible`` balances its negatives against.

A first pass annotates a hash-drawn sample of the run's records the uniform way and keeps their
(positive, negative) pairs; ``fit`` trains the pairwise classifier on them, cross-fitted by
record (``pairwise.cross_fit``: a record's pairs are scored only by the model of its fold, which
never saw them), and measures each type's typical plausibility difference and classifier gap,
the units ``select.cost`` compares candidates in.  With the corpus n-gram model (which scores a
caption's texts with the caption's own counts left out) that is ``BlindModels``, a side input
of the second pass, saved beside vocab.json for reuse.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import struct
from dataclasses import dataclass, field, replace
from typing import Iterable, NamedTuple, Optional, Sequence

import numpy as np

from . import pairwise
from .ngram import NgramModel, batch_words
from . import select
from .select import Scorers
from .tables import FormatError

MAGIC = b"SGBLIND1"
MIN_UNIT = 1e-3              # a type whose typical gap is 0 must not divide by 0
# the largest share of chosen negatives the blind models may prefer the positive over, per
# score and type: 0.5 is full symmetry; a little above keeps more of the types that rarely
# have a candidate reading better than their positive (swaps)
TARGET = 0.55
# ... and with the negatives of records whose every candidate is out of bounds (the least spottable
# one is still taken, so that the record is not left without a negative): a looser share, since a
# record that would lose its only negative pays for it in coverage
FALLBACK_TARGET = 0.70
INFINITE = 1e30              # no bound (JSON has no infinity)
ROUNDS = 3                   # passes over the two scores when solving a type's bounds


class Pair(NamedTuple):
    key: str                 # the record's key: the cross-fitting group
    type: str                # negative type
    positive: str
    negative: str
    caption: str             # the record's caption, left out of the n-gram model when scoring


class Pool(NamedTuple):
    """A sampled record's candidates of one type, in generation order."""
    key: str
    type: str
    caption: str
    pairs: tuple             # ((positive, candidate), ...)


def sampled(key: str, rate: float, seed: int) -> bool:
    """Whether a record is in the balancing sample: a hash draw, the same on every worker."""
    if rate >= 1.0:
        return True
    digest = hashlib.sha256(f"balance\x1f{seed}\x1f{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") < rate * 2.0 ** 64


class Recorder:
    """Blind models that score nothing, for the first pass: every candidate ties, so each type
    takes its first valid draw (the uniform choice), and each type's pool is kept (``pools``)."""

    def __init__(self):
        self.pools: list[Pool] = []

    def scorers(self, key: str, caption: str) -> Scorers:
        def observe(kind: str, scored: list) -> None:
            self.pools.append(Pool(key, kind, caption, tuple(s.pair for s in scored)))
        return Scorers(lambda texts: [0.0] * len(texts), None, {}, observe=observe)


def record_pairs(key: str, caption: str, positives: Sequence[str], negatives: Iterable) -> list[Pair]:
    """The (positive, negative) pairs of one annotated record (``negatives``: schemas Negatives)."""
    return [Pair(key, n.type, positives[n.positive], n.text, caption) for n in negatives]


@dataclass
class BlindModels:
    lm: NgramModel
    classifiers: list            # pairwise.PairwiseModel per fold
    scale: dict                  # type -> (typical |plausibility difference|, typical |gap|)
    bounds: dict = field(default_factory=dict)   # type -> largest admissible (difference, gap)
    seed: int = 0
    fallback: dict = field(default_factory=dict)  # type -> share of out-of-bounds records it may serve
    scene_prior: Optional[float] = None          # the run's share of scenes (text.scene_model.corpus_prior)
    _weights: Optional[np.ndarray] = field(default=None, init=False, repr=False, compare=False)

    def scorers(self, key: str, caption: str) -> Scorers:
        lm = self.lm
        model = self.classifiers[pairwise.fold_of(key, len(self.classifiers))] if self.classifiers else None
        return Scorers(lambda texts: lm.logprobs(texts, exclude=caption),
                       model.scores if model is not None else None, self.scale, self.bounds,
                       batch=(self, key, caption), fallback=self.fallback)

    def score_many(self, queries: Sequence[tuple[str, str, Sequence[str]]]) -> list[tuple]:
        """Per (key, caption, texts): what ``scorers(key, caption)`` gives the texts, (n-gram
        log-probabilities, classifier scores or None) as lists of floats, for a batch of
        records in one pass per model, the texts' words hashed once for both."""
        texts = [t for _, _, ts in queries for t in ts]
        words = batch_words(texts)
        counts = [len(ts) for _, _, ts in queries]
        logp = self.lm.logprobs_many([(texts, caption) for _, caption, texts in queries], words)
        logp = [lp.tolist() for lp in logp]
        if not self.classifiers:
            return [(lp, None) for lp in logp]
        if self._weights is None:          # every fold's weights, one row each
            self._weights = np.stack([m.weights for m in self.classifiers])
        folds = [pairwise.fold_of(key, len(self.classifiers)) for key, _, _ in queries]
        scores = pairwise.scores_by(self._weights, texts, np.repeat(folds, counts), words).tolist()
        ends = np.cumsum(counts).tolist()
        return [(lp, scores[e - c:e]) for lp, e, c in zip(logp, ends, counts)]

    def __reduce__(self):
        """Pickled as one blob and its digest: a Beam side input is decoded again for every
        bundle, so a process keeps the models it decoded last (``_restore``) and reuses them,
        derived tables included, instead of rebuilding them per shard."""
        blob = pickle.dumps((self.lm, self.classifiers, self.scale, self.bounds, self.seed, self.fallback,
                             self.scene_prior),
                            protocol=pickle.HIGHEST_PROTOCOL)
        return _restore, (hashlib.sha256(blob).hexdigest(), blob)

    def to_bytes(self) -> bytes:
        """Classifiers, scale and bounds (the n-gram model is saved on its own: ngram.npz)."""
        head = json.dumps({"scale": {t: list(v) for t, v in sorted(self.scale.items())},
                           "bounds": {t: list(v) for t, v in sorted(self.bounds.items())},
                           "fallback": dict(sorted(self.fallback.items())),
                           "seed": self.seed, "folds": len(self.classifiers), "scene_prior": self.scene_prior},
                          sort_keys=True).encode("utf-8")
        parts = [MAGIC, struct.pack("<I", len(head)), head]
        for model in self.classifiers:
            blob = model.to_bytes()
            parts += [struct.pack("<Q", len(blob)), blob]
        return b"".join(parts)

    @classmethod
    def from_bytes(cls, data: bytes, lm: NgramModel, source: str = "") -> "BlindModels":
        try:
            if data[:len(MAGIC)] != MAGIC:
                raise ValueError("not a blind-models file")
            at = len(MAGIC)
            (size,) = struct.unpack_from("<I", data, at)
            head = json.loads(data[at + 4:at + 4 + size])
            at += 4 + size
            classifiers = []
            for _ in range(int(head["folds"])):
                (size,) = struct.unpack_from("<Q", data, at)
                classifiers.append(pairwise.PairwiseModel.from_bytes(data[at + 8:at + 8 + size]))
                at += 8 + size
            if at != len(data):
                raise ValueError("trailing bytes")
            scale = {t: (float(v[0]), float(v[1])) for t, v in head["scale"].items()}
            bounds = {t: (float(v[0]), float(v[1])) for t, v in head["bounds"].items()}
            fallback = {t: float(v) for t, v in head.get("fallback", {}).items()}   # older files: none
            seed = int(head["seed"])
            prior = head.get("scene_prior")                                      # older files: none
            scene_prior = None if prior is None else float(prior)
        except (ValueError, KeyError, TypeError, struct.error) as exc:
            raise FormatError(f"{source or 'blind models'}: unreadable ({exc})") from None
        return cls(lm, classifiers, scale, bounds, seed, fallback, scene_prior)


_DECODED: dict[str, BlindModels] = {}


def _restore(digest: str, blob: bytes) -> BlindModels:
    models = _DECODED.get(digest)
    if models is None:
        models = BlindModels(*pickle.loads(blob))
        _DECODED.clear()                   # one run's models per process
        _DECODED[digest] = models
    return models


def fit(lm: NgramModel, pairs: Sequence[Pair], pools: Sequence[Pool] = (), folds: int = pairwise.FOLDS,
        seed: int = 0, scene_prior: Optional[float] = None) -> BlindModels:
    """Blind models from the sample's uniform pairs and candidate pools (in any order: they are
    sorted first, so the result depends only on the sets).  Fewer than two records: no
    classifier, no bounds.  ``scene_prior``: the sample's share of scenes, kept with them."""
    pairs = sorted(set(pairs))
    if len({p.key for p in pairs}) < 2:
        return BlindModels(lm, [], _scale(lm, pairs, None), {}, seed, scene_prior=scene_prior)
    classifiers = pairwise.cross_fit([(p.positive, p.negative) for p in pairs], [p.key for p in pairs], folds)
    gaps = _gaps(classifiers, pairs)
    models = BlindModels(lm, classifiers, _scale(lm, pairs, gaps), {}, seed, scene_prior=scene_prior)
    records = _records(sorted(set(pools)))
    units = _ranked_units(models, records)
    models.bounds = _bounds(records, units, TARGET, ROUNDS)
    models.fallback = fallback_rates(models, records, units)
    return models


def _by(items: Sequence, field: str) -> dict:
    """Indices of ``items`` grouped by an attribute, in first-seen order."""
    groups: dict = {}
    for i, item in enumerate(items):
        groups.setdefault(getattr(item, field), []).append(i)
    return groups


def _gaps(classifiers: list, pairs: Sequence[Pair]) -> list[float]:
    """Each pair's gap under the model of its record's fold, all in one pass."""
    weights = np.stack([m.weights for m in classifiers])
    folds = np.array([pairwise.fold_of(p.key, len(classifiers)) for p in pairs] * 2, dtype=np.int64)
    scores = pairwise.scores_by(weights, [p.positive for p in pairs] + [p.negative for p in pairs], folds)
    return [float(scores[i] - scores[len(pairs) + i]) for i in range(len(pairs))]


def _scale(lm: NgramModel, pairs: Sequence[Pair], gaps) -> dict:
    groups = list(_by(pairs, "caption").items())           # scored with their caption left out
    logps = lm.logprobs_many([([pairs[i].positive for i in at] + [pairs[i].negative for i in at], caption)
                              for caption, at in groups])
    diffs = [0.0] * len(pairs)
    for (_, at), logp in zip(groups, logps):
        for k, i in enumerate(at):
            diffs[i] = float(logp[k] - logp[len(at) + k])
    by_type: dict = {}
    for i, p in enumerate(pairs):
        by_type.setdefault(p.type, ([], []))[0].append(abs(diffs[i]))
        by_type[p.type][1].append(abs(gaps[i]) if gaps is not None else 0.0)
    return {t: (max(MIN_UNIT, float(np.median(d))), max(MIN_UNIT, float(np.median(g))))
            for t, (d, g) in sorted(by_type.items())}


def calibrate(models: BlindModels, pools: Sequence[Pool], target: float = TARGET,
              rounds: int = ROUNDS) -> dict:
    """Per type, the bounds (largest plausibility difference, largest gap) that make the sampled
    records' choices symmetric: among the chosen candidates, the share the blind models prefer
    the positive over is at most ``target`` on each score.  The sample's choices are simulated
    as ``select.rank`` makes them (its order does not depend on the bounds, only the cut)."""
    records = _records(pools)
    return _bounds(records, _ranked_units(models, records), target, rounds)


def _records(pools: Sequence[Pool]) -> list[list[Pool]]:
    return [[pools[i] for i in at] for at in _by(pools, "key").values()]


def _bounds(records: list, units: list, target: float, rounds: int) -> dict:
    ranked: dict = {}
    for record, orders in zip(records, units):
        for pool, order in zip(record, orders):
            ranked.setdefault(pool.type, []).append(order)
    bounds = {}
    for kind, choices in sorted(ranked.items()):
        bound = [INFINITE, INFINITE]
        for _ in range(rounds):
            for dim in (0, 1):
                bound[dim] = _solve(choices, bound, dim, target)
        bounds[kind] = (bound[0], bound[1])
    return bounds


def fallback_rates(models: BlindModels, records: list, units: list, target: float = FALLBACK_TARGET) -> dict:
    """Per type, the largest share r of the sample's fallback picks of that type (records whose
    every candidate is out of bounds take their cheapest one) such that, with r of them, the
    type's chosen negatives are preferred as positive at most ``target`` of the time on each
    score: a type whose only candidates are a fixed contrast ("with" -> "without") does not fill
    the records no other type could serve with negatives a text-only model spots every time."""
    counts: dict = {}                        # type -> [dim][in bounds / fallback] -> [above, below]

    def count(kind: str, z, where: int) -> None:
        per = counts.setdefault(kind, [[[0, 0], [0, 0]], [[0, 0], [0, 0]]])
        for dim in (0, 1):
            if z[dim] != 0:
                per[dim][where][z[dim] < 0] += 1

    for record, orders in zip(records, units):
        within = False
        for pool, order in zip(record, orders):
            bound = models.bounds.get(pool.type, (INFINITE, INFINITE))
            first = next((z for z in order if z[0] <= bound[0] and z[1] <= bound[1]), None)
            if first is not None:
                within = True
                count(pool.type, first, 0)
        cheapest = [(select.cost_of(order[0], select.side(pool.key, pool.type, models.seed)), n, pool.type, order[0])
                    for n, (pool, order) in enumerate(zip(record, orders)) if order]
        if not within and cheapest:
            _, _, kind, z = min(cheapest)
            count(kind, z, 1)
    rates = {}
    for kind, per in sorted(counts.items()):
        rate = 1.0
        for (above_in, below_in), (above_fb, below_fb) in per:
            excess = above_fb - target * (above_fb + below_fb)          # what each fallback pick adds
            room = target * (above_in + below_in) - above_in
            if excess > 0:
                rate = min(rate, max(0.0, room) / excess)
        rates[kind] = rate
    return rates


def _ranked_units(models: BlindModels, records: Sequence[Sequence[Pool]]) -> list[list[list[tuple[float, float]]]]:
    """Per record (its pools: one key and caption), each pool's (difference, gap) units in
    ``select.rank`` order, before bounds; all records scored in one batch per model."""
    requests, candidates = [], []
    for pools in records:
        positives = [pos for pool in pools for pos, _ in pool.pairs]
        found, start = {}, 0
        for n, pool in enumerate(pools):
            found[n] = [(start + i, cand, None) for i, (_, cand) in enumerate(pool.pairs)]
            start += len(pool.pairs)
        scorers = models.scorers(pools[0].key, pools[0].caption)
        requests.append((scorers, select.texts_of(found, positives)))
        candidates.append((found, positives))
    out = []
    for pools, (scorers, texts), (found, positives), answer in zip(
            records, requests, candidates, select.ask_many(requests)):
        scored = select.scored(found, positives, texts, answer)
        unbounded = replace(scorers, bounds={})
        out.append([[select.units(s, pool.type, scorers)
                     for s in select.rank(scored[n], pool.type, select.side(pool.key, pool.type, models.seed),
                                          unbounded)]
                    for n, pool in enumerate(pools)])
    return out


def _shares(choices: list, bound: Sequence[float], dim: int) -> tuple[int, int]:
    """(chosen preferred as positive, chosen preferred as negative) on score ``dim``."""
    above = below = 0
    for order in choices:
        for z in order:
            if z[0] <= bound[0] and z[1] <= bound[1]:
                above += z[dim] > 0
                below += z[dim] < 0
                break
    return above, below


def _solve(choices: list, bound: list, dim: int, target: float) -> float:
    """The largest bound on ``dim`` (others fixed) keeping the positive-preferred share at most
    ``target``: a bisection over the candidates' own values (0 always qualifies)."""
    grid = sorted({z[dim] for order in choices for z in order if z[dim] > 0})
    ok = lambda b: _fits(_shares(choices, [b if d == dim else bound[d] for d in (0, 1)], dim), target)
    if ok(INFINITE):
        return INFINITE
    lo, hi = -1, len(grid)                 # grid[lo] fits (-1: zero), grid[hi] does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(grid[mid]):
            lo = mid
        else:
            hi = mid
    return grid[lo] if lo >= 0 else 0.0


def _fits(shares: tuple[int, int], target: float) -> bool:
    above, below = shares
    return above <= target * (above + below)
