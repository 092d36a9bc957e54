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
import struct
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

import numpy as np

from . import pairwise
from .ngram import NgramModel, words
from .select import Scorers
from .tables import FormatError

MAGIC = b"SGBLIND1"
MIN_UNIT = 1e-3              # a type whose typical gap is 0 must not divide by 0


class Pair(NamedTuple):
    key: str                 # the record's key: the cross-fitting group
    type: str                # negative type
    positive: str
    negative: str
    caption: str             # the record's caption, left out of the n-gram model when scoring


def sampled(key: str, rate: float, seed: int) -> bool:
    """Whether a record is in the balancing sample: a hash draw, the same on every worker."""
    if rate >= 1.0:
        return True
    digest = hashlib.sha256(f"balance\x1f{seed}\x1f{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") < rate * 2.0 ** 64


def record_pairs(key: str, caption: str, positives: Sequence[str], negatives: Iterable) -> list[Pair]:
    """The (positive, negative) pairs of one annotated record (``negatives``: schemas Negatives)."""
    return [Pair(key, n.type, positives[n.positive], n.text, caption) for n in negatives]


def per_word(lm: NgramModel, text: str, exclude: str | None) -> float:
    """Mean log-probability per word (the end of the caption counts as one)."""
    return lm.logprob(text, exclude=exclude) / (len(words(text)) + 1)


@dataclass
class BlindModels:
    lm: NgramModel
    classifiers: list            # pairwise.PairwiseModel per fold
    scale: dict                  # type -> (typical |plausibility difference|, typical |gap|)

    def scorers(self, key: str, caption: str) -> Scorers:
        lm = self.lm
        model = self.classifiers[pairwise.fold_of(key, len(self.classifiers))] if self.classifiers else None
        return Scorers(lambda text: per_word(lm, text, caption),
                       (lambda pos, neg: pairwise.gap(model, pos, neg)) if model is not None else None,
                       self.scale)

    def to_bytes(self) -> bytes:
        """Classifiers and scale (the n-gram model is saved on its own: plausibility.npz)."""
        head = json.dumps({"scale": {t: list(v) for t, v in sorted(self.scale.items())},
                           "folds": len(self.classifiers)}, sort_keys=True).encode("utf-8")
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
        except (ValueError, KeyError, TypeError, struct.error) as exc:
            raise FormatError(f"{source or 'blind models'}: unreadable ({exc})") from None
        return cls(lm, classifiers, scale)


def fit(lm: NgramModel, pairs: Sequence[Pair], folds: int = pairwise.FOLDS) -> BlindModels:
    """Blind models from the sample's pairs (in any order: they are sorted first, so the
    result depends only on the set).  Fewer than two records: no classifier."""
    pairs = sorted(set(pairs))
    if len({p.key for p in pairs}) < 2:
        return BlindModels(lm, [], _scale(lm, pairs, None))
    groups = [p.key for p in pairs]
    texts = [(p.positive, p.negative) for p in pairs]
    classifiers = pairwise.cross_fit(texts, groups, folds)
    gaps = [pairwise.gap(classifiers[pairwise.fold_of(p.key, folds)], p.positive, p.negative) for p in pairs]
    return BlindModels(lm, classifiers, _scale(lm, pairs, gaps))


def _scale(lm: NgramModel, pairs: Sequence[Pair], gaps) -> dict:
    by_type: dict = {}
    for i, p in enumerate(pairs):
        d = per_word(lm, p.positive, p.caption) - per_word(lm, p.negative, p.caption)
        by_type.setdefault(p.type, ([], []))[0].append(abs(d))
        by_type[p.type][1].append(abs(gaps[i]) if gaps is not None else 0.0)
    return {t: (max(MIN_UNIT, float(np.median(d))), max(MIN_UNIT, float(np.median(g))))
            for t, (d, g) in sorted(by_type.items())}
