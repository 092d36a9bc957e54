"""Plausibility: how a text-only model reads a caption, so negatives can be chosen that it
cannot tell from their positives.

``ngram.NgramModel`` is a blind language model of the corpus's captions (any object with
``.logprob(text, exclude=None)`` serves as one); ``cooccur.Cooccurrence`` counts what the
corpus's scene graphs put together; ``tables`` holds the hashed, saturating count tables and
the deterministic file format they share; ``pairwise`` is a blind classifier of (positive,
negative) pairs; ``balance`` fits the run's blind models and ``select`` ranks a negative type's
candidates by them.
"""
from .cooccur import Cooccurrence
from .ngram import NgramModel, words
from .pairwise import PairwiseModel
from .tables import FormatError

__all__ = ["Cooccurrence", "FormatError", "NgramModel", "PairwiseModel", "words"]
