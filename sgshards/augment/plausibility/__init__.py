"""Corpus statistics that judge how plausible a text is without its picture.

``ngram.NgramModel`` is a blind language model of captions (any object with
``.logprob(text, exclude=None)`` serves as one); ``tables`` holds the hashed,
saturating count tables and the deterministic file format they share; ``pairwise`` is the
blind pairwise classifier (SugarCrepe-style), cross-fitted by caption.
"""
from .ngram import NgramModel, words
from .pairwise import PairwiseModel, cross_fit, cross_fitted_gaps, fit, gap
from .tables import FormatError

__all__ = ["FormatError", "NgramModel", "PairwiseModel", "cross_fit", "cross_fitted_gaps", "fit", "gap",
           "words"]
