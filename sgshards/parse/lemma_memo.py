"""spaCy's rule lemmatizer with every lemma remembered: the same lemmas, a fifth of the time.

spaCy's rule lemmatizer keeps a cache keyed on (word, POS, morphology), but returns words
already in their base form (most nouns and adjectives of a caption) before storing them, so
it tests them again on every occurrence, through a Token and a morphology dict each time.
A lemma depends on nothing but that key once the lookup tables are loaded, so the
lemmatizer's ``pipe`` is replaced on the instance by one that reads the keys of a whole doc
as one array, asks the lemmatizer itself only for keys it has not seen, and writes the
lemmas back as one array.  ``nlp(text)`` still goes through spaCy's own ``__call__``.
"""
from __future__ import annotations

from typing import Iterable, Iterator

import numpy
from spacy.errors import Errors

# The ceiling keeps a worker's memory flat on web-scale inputs: an entry takes ~310 bytes, so
# 31 MB at most (15,833 CC3M captions need fewer than 10,000; the rest keep spaCy's own path).
MAX_REMEMBERED = 100_000
_KEY_ATTRS = ["ORTH", "POS", "MORPH", "LEMMA"]


def install(nlp) -> bool:
    """Give the pipeline's rule lemmatizer the remembering ``pipe``; False (left as it is) when
    there is no lemmatizer or it is not in rule mode."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or not hasattr(lemmatizer, "rule_lemmatize"):
        return False
    lemmatizer.pipe = RememberingLemmatizer(lemmatizer).pipe    # nlp.pipe looks ``pipe`` up on the instance
    return True


class RememberingLemmatizer:
    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        # (orth, pos, morph) -> the lemma's text, not its id: inside a memory zone
        # (``spacy_backend.SpacyParser``) a string added is freed when the zone ends, and an id kept
        # past it would name no string in the next zone (KeyError).  Ids are hashes of the text, so
        # a key seen in one zone means the same in the next.
        self.lemmas: dict[tuple[int, int, int], str] = {}

    def pipe(self, docs: Iterable, batch_size: int = 128) -> Iterator:
        handler = self.lemmatizer.get_error_handler()
        for doc in docs:
            try:
                self.annotate(doc)
            except Exception as exc:  # noqa: BLE001 - spaCy's own policy decides, as in __call__
                handler(self.lemmatizer.name, self.lemmatizer, [doc], exc)
            yield doc

    def annotate(self, doc) -> None:
        if not self.lemmatizer._validated:
            self.lemmatizer._validate_tables(Errors.E1004)
        if not len(doc):
            return
        rows = doc.to_array(_KEY_ATTRS)
        overwrite = self.lemmatizer.overwrite
        lemmas, add, changed = self.lemmas, self.strings.add, False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue                                 # set earlier (the attribute ruler's exceptions)
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = self.lemmatizer.lemmatize(doc[i])[0]
                if len(lemmas) < MAX_REMEMBERED:
                    lemmas[key] = found
            rows[i, 3] = add(found)
            changed = True
        if changed:
            doc.from_array(["LEMMA"], numpy.ascontiguousarray(rows[:, 3:4]))
