"""A text-only pairwise classifier: SugarCrepe's "blind model" that picks the true caption of a
(positive, negative) pair without the image.

Features are hashed word 1-3-grams counted per text (blake2b, ``DIM`` buckets); a pair is the
difference features(positive) - features(negative).  The model is an L2-regularised logistic
regression without bias, trained on every pair in both orientations (label 1 for
positive - negative, 0 for negative - positive).  Both orientations give the same loss,
log(1 + exp(-w.d)), so the objective is 2 * sum of it over the pairs + L2/2 * |w|^2; without
a bias the score gap is exactly antisymmetric and 0 means "cannot tell".

Fitting is a deterministic L-BFGS in numpy over the features that occur (the others stay 0:
their gradient is L2 * w = 0 from w = 0), with sparse products as ``np.bincount`` over index
arrays in a fixed order, so the weights are identical bit for bit across runs and processes.

Cross-fitting: ``fold_of`` puts each group (a record key) in one of ``folds`` folds by sha256;
model k is fitted on the pairs outside fold k and scores only fold k's pairs, so no pair is
scored by a model that saw its caption.
"""
from __future__ import annotations

import hashlib
import struct
from typing import Optional, Sequence

import numpy as np

from . import tables
from .ngram import Words, batch_words, words    # the language model's tokens

DIM = 2 ** 18          # hashed feature buckets
L2 = 1.0               # penalty on |w|^2 / 2
ITERATIONS = 200       # L-BFGS iterations at most
FOLDS = 5              # cross-fitting folds
MEMORY = 10            # L-BFGS correction pairs kept
ORDERS = (1, 2, 3)     # word n-gram lengths
MAGIC = b"SGPW1\n"
_MIXERS = [(tables.multipliers(f"pairwise:{n}", n), tables.salt(f"pairwise:{n}")) for n in ORDERS]


def _gram_hashes(tokens: list[str]) -> np.ndarray:
    """uint64 hash of every word 1-, 2- and 3-gram occurrence (repeats kept: counts), from the
    tokens' blake2b hashes combined linearly (``tables.tuple_slots``' scheme) in numpy."""
    h = tables.token_hashes(tokens)
    n = len(h)
    parts = []
    with np.errstate(over="ignore"):
        for order, (mult, offset) in zip(ORDERS, _MIXERS):
            if n >= order:
                acc = np.full(n - order + 1, offset, dtype=np.uint64)
                for i in range(order):
                    acc = acc + h[i:n - order + 1 + i] * mult[i]
                parts.append(acc)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)


def feature_ids(text: str, dim: int = DIM) -> np.ndarray:
    """The bucket of every word 1-, 2- and 3-gram occurrence of ``text`` (repeats kept: counts)."""
    return (_gram_hashes(words(text)) % np.uint64(dim)).astype(np.int64)


def _counts(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    unique, counts = np.unique(ids, return_counts=True)
    return unique, counts.astype(np.float64)


def difference(positive: str, negative: str, dim: int = DIM) -> tuple[np.ndarray, np.ndarray]:
    """features(positive) - features(negative) as sorted bucket ids and their nonzero values."""
    return _difference(feature_ids(positive, dim), feature_ids(negative, dim))


def _difference(pos_ids: np.ndarray, neg_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ids = np.concatenate([pos_ids, neg_ids])
    signs = np.concatenate([np.ones(len(pos_ids)), -np.ones(len(neg_ids))])
    unique, inverse = np.unique(ids, return_inverse=True)
    values = np.bincount(inverse, weights=signs, minlength=len(unique))
    keep = values != 0
    return unique[keep], values[keep]


class PairwiseModel:
    """Linear weights over the hashed n-gram buckets; ``score`` is the weight sum of a text."""

    def __init__(self, weights: np.ndarray):
        self.weights = np.asarray(weights, dtype=np.float64)
        self.dim = len(self.weights)

    def score(self, text: str) -> float:
        return float(self.scores([text])[0])

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """``score`` of each text, in one pass over all their tokens (a record's candidates)."""
        return scores_by(self.weights[None, :], texts, np.zeros(len(texts), dtype=np.int64))

    def to_bytes(self) -> bytes:
        """Magic, dim and the nonzero weights (little-endian uint32 ids, float64 values)."""
        ids = np.flatnonzero(self.weights).astype("<u4")
        return (MAGIC + struct.pack("<II", self.dim, len(ids)) + ids.tobytes()
                + self.weights[ids].astype("<f8").tobytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> "PairwiseModel":
        head = len(MAGIC) + 8
        if not data.startswith(MAGIC) or len(data) < head:
            raise ValueError("not a pairwise model (bad magic)")
        dim, n = struct.unpack("<II", data[len(MAGIC):head])
        if len(data) != head + 12 * n:
            raise ValueError(f"pairwise model truncated: {len(data)} bytes, expected {head + 12 * n}")
        ids = np.frombuffer(data, dtype="<u4", count=n, offset=head).astype(np.int64)
        if n and ids.max() >= dim:
            raise ValueError("pairwise model has a weight outside its dimension")
        weights = np.zeros(dim, dtype=np.float64)
        weights[ids] = np.frombuffer(data, dtype="<f8", count=n, offset=head + 4 * n)
        return cls(weights)


def scores_by(weights: np.ndarray, texts: Sequence[str], model: np.ndarray,
              words: Optional[Words] = None) -> np.ndarray:
    """Each text's score under its own model: ``weights`` (models, dim), ``model`` (texts,) the
    row of each text; in one pass over all the texts' tokens (a batch of records, each
    scored by its fold's model).  A text's n-gram weights are summed in the same order
    however many texts share the pass.  ``words``: ``batch_words(texts)``, when the caller
    has it already."""
    h, lengths = words if words is not None else batch_words(texts)
    owner = np.repeat(np.arange(len(lengths)), lengths)
    ends = np.cumsum(lengths)[owner] if len(owner) else owner    # end of each token's text
    row = np.asarray(model, dtype=np.int64)[owner]
    total = np.zeros(len(lengths))
    with np.errstate(over="ignore"):
        for order, (mult, offset) in zip(ORDERS, _MIXERS):
            start = np.flatnonzero(np.arange(len(h)) + order <= ends)    # n-grams inside a text
            acc = np.full(len(start), offset, dtype=np.uint64)
            for i in range(order):
                acc = acc + h[start + i] * mult[i]
            ids = (acc % np.uint64(weights.shape[1])).astype(np.int64)
            total += np.bincount(owner[start], weights=weights[row[start], ids], minlength=len(lengths))
    return total


def gap(model: PairwiseModel, positive: str, negative: str) -> float:
    """score(positive) - score(negative): > 0 when the model prefers the positive."""
    return model.score(positive) - model.score(negative)


# -- fitting ---------------------------------------------------------------------------

def _differences(pairs: Sequence[tuple[str, str]], dim: int) -> list[tuple[np.ndarray, np.ndarray]]:
    cache: dict[str, np.ndarray] = {}

    def ids(text: str) -> np.ndarray:
        if text not in cache:
            cache[text] = feature_ids(text, dim)
        return cache[text]
    return [_difference(ids(p), ids(n)) for p, n in pairs]


def _fit_differences(diffs: list[tuple[np.ndarray, np.ndarray]], l2: float, iterations: int,
                     dim: int) -> PairwiseModel:
    weights = np.zeros(dim, dtype=np.float64)
    if not diffs:
        return PairwiseModel(weights)
    rows = np.concatenate([np.full(len(ids), i, dtype=np.int64) for i, (ids, _) in enumerate(diffs)])
    ids = np.concatenate([ids for ids, _ in diffs])
    values = np.concatenate([values for _, values in diffs])
    active, cols = np.unique(ids, return_inverse=True)       # optimise only the buckets that occur
    weights[active] = _lbfgs(rows, cols, values, len(diffs), len(active), l2, iterations)
    return PairwiseModel(weights)


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.sum(a * b))        # numpy's pairwise sum, not BLAS: same bits on any thread count


def _lbfgs(rows, cols, values, n_rows: int, n_cols: int, l2: float, iterations: int) -> np.ndarray:
    """Minimise 2 * sum softplus(-X w) + l2/2 |w|^2 (X sparse: rows, cols, values)."""
    def objective(w: np.ndarray) -> tuple[float, np.ndarray]:
        margins = np.bincount(rows, weights=values * w[cols], minlength=n_rows)
        loss = 2.0 * float(np.sum(np.logaddexp(0.0, -margins))) + 0.5 * l2 * _dot(w, w)
        residual = np.exp(-np.logaddexp(0.0, margins))      # sigmoid(-margin), without overflow
        grad = -2.0 * np.bincount(cols, weights=values * residual[rows], minlength=n_cols) + l2 * w
        return loss, grad

    w = np.zeros(n_cols, dtype=np.float64)
    loss, grad = objective(w)
    history: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(iterations):
        grad_norm = np.sqrt(_dot(grad, grad))
        if grad_norm <= 1e-8:
            break
        direction = _two_loop(grad, history)
        slope = _dot(grad, direction)
        if slope >= 0:                                  # not a descent direction: restart
            history.clear()
            direction, slope = -grad, -grad_norm ** 2
        step = 1.0 if history else min(1.0, 1.0 / grad_norm)
        for _ in range(40):                             # Armijo backtracking
            candidate = w + step * direction
            new_loss, new_grad = objective(candidate)
            if new_loss <= loss + 1e-4 * step * slope:
                break
            step *= 0.5
        else:
            break
        s, y = candidate - w, new_grad - grad
        sy = _dot(s, y)
        if sy > 1e-12:                                  # keep the curvature pair only if positive
            history.append((s, y, 1.0 / sy))
            if len(history) > MEMORY:
                history.pop(0)
        converged = loss - new_loss <= 1e-12 * max(1.0, abs(loss))
        w, loss, grad = candidate, new_loss, new_grad
        if converged:
            break
    return w


def _two_loop(grad: np.ndarray, history: list) -> np.ndarray:
    q = grad.copy()
    alphas = []
    for s, y, rho in reversed(history):
        alpha = rho * _dot(s, q)
        q -= alpha * y
        alphas.append(alpha)
    if history:
        s, y, _ = history[-1]
        q *= _dot(s, y) / _dot(y, y)
    for (s, y, rho), alpha in zip(history, reversed(alphas)):
        beta = rho * _dot(y, q)
        q += (alpha - beta) * s
    return -q


def fit(pairs: Sequence[tuple[str, str]], l2: float = L2, iterations: int = ITERATIONS,
        dim: int = DIM) -> PairwiseModel:
    """Fit on (positive, negative) pairs."""
    return _fit_differences(_differences(pairs, dim), l2, iterations, dim)


def fold_of(key: str, folds: int) -> int:
    """The fold of a group key: sha256, so the same on every machine and run."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") % folds


def cross_fit(pairs: Sequence[tuple[str, str]], groups: Sequence[str], folds: int = FOLDS,
              l2: float = L2, iterations: int = ITERATIONS, dim: int = DIM) -> list[PairwiseModel]:
    """Model k is fitted on the pairs whose group is not in fold k."""
    if len(pairs) != len(groups):
        raise ValueError(f"{len(pairs)} pairs but {len(groups)} groups")
    diffs = _differences(pairs, dim)
    fold = [fold_of(g, folds) for g in groups]
    return [_fit_differences([d for d, f in zip(diffs, fold) if f != k], l2, iterations, dim)
            for k in range(folds)]


def cross_fitted_gaps(pairs: Sequence[tuple[str, str]], groups: Sequence[str], folds: int = FOLDS,
                      l2: float = L2, iterations: int = ITERATIONS, dim: int = DIM) -> list[float]:
    """Each pair's gap under the one model that did not see its group."""
    models = cross_fit(pairs, groups, folds, l2, iterations, dim)
    return [gap(models[fold_of(g, folds)], p, n) for (p, n), g in zip(pairs, groups)]
