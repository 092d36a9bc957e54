"""Corpus statistics that judge how plausible a text is without its picture.

``ngram.NgramModel`` is a blind language model of captions (any object with
``.logprob(text, exclude=None)`` serves as one); ``tables`` holds the hashed,
saturating count tables and the deterministic file format they share.
"""
from .ngram import NgramModel, words
from .tables import FormatError

__all__ = ["FormatError", "NgramModel", "words"]
