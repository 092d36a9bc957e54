"""Corpus statistics that judge how plausible a text is without its picture.

``ngram.NgramModel`` is a blind language model of captions (any object with
``.logprob(text, exclude=None)`` serves as one); ``cooccur.Cooccurrence`` counts
what goes with what in scene graphs; ``tables`` holds the hashed,
saturating count tables and the deterministic file format they share.
"""
from .cooccur import Cooccurrence
from .ngram import NgramModel, words
from .tables import FormatError

__all__ = ["Cooccurrence", "FormatError", "NgramModel", "words"]
