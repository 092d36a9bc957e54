"""A learned estimate that a caption describes a visible scene, for what the suitability rules keep.

The rules of ``text.suitability`` catch the clear shapes of text that describes no scene (listings,
titles, keyword strings, ...).  What they keep is still often no description (half the web alt-text
they keep, to hand readers): a shop's noun pile, a headline, a name.  A logistic regression over
general signals of the caption's words and parse, fitted on hand-judged captions
(``bench/train_scene_model.py``: the suitability samples and a validity sample's captions; its
weights in ``data/scene_model.json``), scores P(scene); the gate skips a caption below
``AugmentOptions.min_scene_score`` (``--min-scene-score``, 0 turns it off) as ``unlikely_scene``.

The fitted P expects the fitting captions' share of scenes (``FIT_PRIOR``); a run's own share differs
(most of what the rules keep of web alt-text is no scene, nearly all of CC3M is one).  The balancing
pass measures it on its sample (``corpus_prior``) and the gate reads P shifted to it (``shifted``),
so one threshold skips more of a noisy corpus and less of a curated one; without that pass the share
is ``DEFAULT_PRIOR``.

Signals: the lower-cased words the fitting data saw in several captions; Universal POS tags alone
(their share) and in pairs; the root's part of speech; the share of capitalised, function and
unknown words; length; digits, a finite verb, a determiner.  Pure arithmetic in a fixed order: the
same caption always gets the same score.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from typing import Optional, Sequence

from ..lexicon.languages import ENGLISH_FUNCTION_WORDS
from ..schemas.depview import FINITE_TAGS, DepToken
from .keywords import is_english_word

MODEL_FILE = "scene_model.json"


def _edges(*labels: str) -> tuple[tuple[float, str], ...]:
    """Bucket upper bounds with their labels as the weights file spells them.  Never ``str()`` of
    the bound: compiled (mypyc) code holds a float-typed 9 as 9.0, and "n=9.0" is no feature."""
    return tuple((float(label), label) for label in labels)


_SHARE_EDGES = _edges("0.0", "0.2", "0.4", "0.6", "0.8", "1.0")
_FUNCTION_EDGES = _edges("0.0", "0.1", "0.2", "0.3", "0.5", "1.0")
_UNKNOWN_EDGES = _edges("0.0", "0.1", "0.2", "0.4", "1.0")
_LENGTH_EDGES = _edges("2", "4", "6", "9", "13", "20", "30")


def _bucket(x: float, edges: Sequence[tuple[float, str]]) -> str:
    for bound, label in edges:
        if x <= bound:
            return label
    return "more"


def features(tokens: Sequence[DepToken]) -> dict[str, float]:
    """The signals of a caption's tokens (the parse of its description, site labels cut)."""
    out: dict[str, float] = {"bias": 1.0}
    words = [t for t in tokens if any(ch.isalpha() for ch in t.text)]
    n = max(1, len(words))
    for t in words:
        out["w=" + t.text.lower()] = 1.0
    tags = ["^", *(t.upos for t in tokens), "$"]
    for a, b in zip(tags, tags[1:]):
        out[f"pp={a}_{b}"] = 1.0
    for t in tokens:
        key = "p=" + t.upos
        out[key] = out.get(key, 0.0) + 1.0 / n
    for t in tokens:
        if t.dep == "ROOT":
            out["root=" + t.upos] = 1.0
            out["roottag=" + t.tag] = 1.0
    capital = sum(t.text[:1].isupper() for t in words) / n
    function = sum(t.text.lower() in ENGLISH_FUNCTION_WORDS for t in words) / n
    unknown = sum(not is_english_word(t.text.lower()) for t in words) / n
    out["cap=" + _bucket(capital, _SHARE_EDGES)] = 1.0
    out["fn=" + _bucket(function, _FUNCTION_EDGES)] = 1.0
    out["unk=" + _bucket(unknown, _UNKNOWN_EDGES)] = 1.0
    out["n=" + _bucket(len(words), _LENGTH_EDGES)] = 1.0
    if any(ch.isdigit() for t in tokens for ch in t.text):
        out["digit"] = 1.0
    if any(t.tag in FINITE_TAGS for t in tokens):
        out["finite"] = 1.0
    if any(t.upos == "DET" for t in tokens):
        out["det"] = 1.0
    return out


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The fitted weights (feature -> weight; "bias" is the intercept), loaded once per process."""
    text = resources.files("sgshards.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return dict(json.loads(text)["weights"])


def scene_probability(tokens: Sequence[DepToken]) -> float:
    """P(the caption describes a visible scene), from its tokens."""
    return probability(weights(), features(tokens))


# The share of scenes the fitted weights expect: their mean P(scene) over the fitting captions the rules keep
# (1,496; 57.6% judged scenes).  A corpus whose share differs gets every P shifted (``shifted``).
FIT_PRIOR = 0.55
# The share assumed where a run has not measured its own (``corpus_prior``; no balancing pass): curated
# captions, as CC3M's (0.76 measured).  The gate then skips about what the fitted P below 0.12 would.
DEFAULT_PRIOR = 0.75
# A run's measured share counts once this many of its sampled captions had a score; it is held to these bounds.
MIN_PRIOR_CAPTIONS = 30
PRIOR_BOUNDS = (0.05, 0.95)


def shifted(p: float, prior: float, from_prior: float = FIT_PRIOR) -> float:
    """P(scene) for a corpus whose share of scenes is ``prior``, from a P for one whose share is
    ``from_prior``: the odds scaled by the ratio of the priors' odds (Saerens, Latinne and Decaestecker,
    2002: a classifier's outputs adjusted to new a-priori probabilities).  Web alt-text, where most of
    what the rules keep is still no scene, gets lower scores; curated captions higher ones."""
    if p <= 0.0 or p >= 1.0 or prior == from_prior:
        return p
    a = prior / from_prior * p
    b = (1.0 - prior) / (1.0 - from_prior) * (1.0 - p)
    return a / (a + b)


def corpus_prior(total_milli: int, count: int) -> Optional[float]:
    """A run's share of scenes among the captions the rules keep, from the fitted P of a sample of them
    (``total_milli``: their sum in thousandths, an integer so that any merge order gives the same): the
    mean P, the probabilistic classify-and-count estimate, within ``PRIOR_BOUNDS``; None for fewer than
    ``MIN_PRIOR_CAPTIONS`` captions."""
    if count < MIN_PRIOR_CAPTIONS:
        return None
    low, high = PRIOR_BOUNDS
    return round(min(high, max(low, total_milli / count / 1000.0)), 3)


def probability(w: dict[str, float], feats: dict[str, float]) -> float:
    """The logistic model's P for these signals (summed in the order ``features`` built them)."""
    z = sum(value * w.get(name, 0.0) for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0
