"""How hackable are the negatives without the image?  Two blind (text-only) models judge every
(positive, negative) pair of the audited records; 0.5 means they cannot tell, 1.0 that the
wording alone gives the negative away (SugarCrepe, Hsieh et al. 2023).

- language model: a word-trigram model (``plausibility.ngram.NgramModel``) of ALL the audited
  captions (``positives[0]``); each pair is scored with ``exclude=`` its record's caption, so the
  model never saw the image's own caption.  Preference = share of pairs where
  logprob(positive) > logprob(negative), ties counting 0.5.
- classifier: the pairwise logistic regression of ``plausibility.pairwise``, cross-fitted by
  record key over ``FOLDS`` folds on the sampled pairs: share with gap > 0, ties 0.5.

Both score the same pairs: a deterministic bottom-k sample of ``pairs`` (the smallest sha256 of
key and negative text, so the sample does not depend on record order or sharding), or every
pair with ``all_pairs``.
"""
from __future__ import annotations

import hashlib
import heapq
from collections import Counter, defaultdict
from typing import Iterable, Mapping, Optional, Sequence

from .. import defaults
from ..augment.plausibility.pairwise import FOLDS, cross_fitted_gaps
from ..schemas.record import NEGATIVE_TYPES

# (record key, negative type, positive text, negative text)
Pair = tuple[str, str, str, str]


def record_pairs(record: dict) -> list[Pair]:
    """Every negative of a sample record with the positive it perturbs."""
    positives = record["positives"]
    return [(record["key"], n["type"], positives[n["positive"]]["text"], n["text"])
            for n in record["negatives"]]


def _sample_rank(pair: Pair) -> tuple[bytes, Pair]:
    key, _, _, negative = pair
    return hashlib.sha256(f"{key}\t{negative}".encode("utf-8")).digest(), pair


def sample_pairs(pairs: Iterable[Pair], n: Optional[int]) -> list[Pair]:
    """The n pairs with the smallest sha256 of key and negative (all when n is None), in that
    order: bottom-k, so the same pairs whatever order the records come in."""
    if n is None:
        return [p for _, p in sorted(_sample_rank(p) for p in pairs)]
    return [p for _, p in heapq.nsmallest(n, (_sample_rank(p) for p in pairs))]


def _vote(difference: float) -> float:
    return 1.0 if difference > 0 else 0.5 if difference == 0 else 0.0


def _shares(pairs: Sequence[Pair], votes: Sequence[float]) -> dict:
    """Overall and per-type mean vote (rounded to 4 places; types in the catalogue's order)."""
    per_type: dict[str, list[float]] = defaultdict(list)
    for (_, kind, _, _), vote in zip(pairs, votes):
        per_type[kind].append(vote)
    mean = lambda xs: round(sum(xs) / len(xs), 4) if xs else None  # noqa: E731
    return {"overall": mean(list(votes)), "per_type": {t: mean(per_type[t]) for t in _in_order(per_type)}}


def _in_order(kinds) -> list[str]:
    """The catalogue's order, then any type a record of another version wrote."""
    return [t for t in NEGATIVE_TYPES if t in kinds] + sorted(set(kinds) - set(NEGATIVE_TYPES))


def language_model_preference(pairs: Sequence[Pair], model, captions: Mapping[str, str]) -> dict:
    """Share of pairs whose positive the language model finds likelier, each pair scored
    without its own record's caption (``captions``: record key -> the text the model counted)."""
    if hasattr(model, "logprobs_many"):          # the n-gram model: 4,096 pairs per pass
        votes = []
        for at in range(0, len(pairs), 4096):
            chunk = pairs[at:at + 4096]
            scored = model.logprobs_many([([p, n], captions.get(k)) for k, _, p, n in chunk])
            votes += [_vote(float(logp[0] - logp[1])) for logp in scored]
        return _shares(pairs, votes)
    votes = [_vote(model.logprob(p, exclude=captions.get(k)) - model.logprob(n, exclude=captions.get(k)))
             for k, _, p, n in pairs]
    return _shares(pairs, votes)


def classifier_preference(pairs: Sequence[Pair], folds: int = FOLDS) -> dict:
    """Share of pairs the cross-fitted classifier orders right (grouped by record key)."""
    gaps = cross_fitted_gaps([(p, n) for _, _, p, n in pairs], [k for k, _, _, _ in pairs], folds)
    return _shares(pairs, [_vote(g) for g in gaps])


def caption_model(captions: Iterable[str]):
    """The corpus n-gram model of the audited captions."""
    from ..augment.plausibility.ngram import NgramModel
    model = NgramModel()
    model.add_many(captions)
    return model


def blind_audit(records: Iterable[dict], pairs: Optional[int] = defaults.BLIND_PAIRS, all_pairs: bool = False,
                folds: int = FOLDS, language_model=None) -> dict:
    """Both blind models on a sample of the records' pairs (every pair with ``all_pairs``).
    ``language_model`` replaces the n-gram model of the captions (any ``.logprob(text, exclude)``)."""
    captions: dict[str, str] = {}
    every: list[Pair] = []
    for record in records:
        if record["positives"]:
            captions[record["key"]] = record["positives"][0]["text"]
        every.extend(record_pairs(record))
    scored = sample_pairs(every, None if all_pairs else pairs)
    model = language_model if language_model is not None else caption_model(captions.values())
    counts = Counter(kind for _, kind, _, _ in scored)
    return {
        "captions": len(captions),
        "pairs": {"total": len(every), "scored": len(scored),
                  "per_type": {t: counts[t] for t in _in_order(counts)}},
        "language_model": language_model_preference(scored, model, captions),
        "classifier": {**classifier_preference(scored, folds), "folds": folds},
    }


def format_blind(result: dict) -> str:
    """A small table: per type, pairs scored and how often each blind model prefers the positive."""
    lm, clf = result["language_model"], result["classifier"]
    pairs = result["pairs"]
    show = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
    lines = [f"blind models (0.5 = cannot tell the negative from the text; 1.0 = always can): "
             f"{pairs['scored']} of {pairs['total']} pairs from {result['captions']} captions, "
             f"classifier cross-fitted over {clf['folds']} folds by caption", "",
             "| type | pairs | language model | classifier |", "| --- | --- | --- | --- |",
             f"| overall | {pairs['scored']} | {show(lm['overall'])} | {show(clf['overall'])} |"]
    for kind, n in pairs["per_type"].items():
        lines.append(f"| {kind} | {n} | {show(lm['per_type'].get(kind))} | {show(clf['per_type'].get(kind))} |")
    return "\n".join(lines)
