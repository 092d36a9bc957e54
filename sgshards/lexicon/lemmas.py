"""Cheap lemma fixes for nouns and verbs, and the one door to lemminflect.

The small spaCy model's lemmatizer has known slips on caption vocabulary
("riding" -> "rid", "leaves" -> "leave").  lemminflect's dictionary is more
reliable for these two classes; results are cached because captions reuse a
small vocabulary.

lemminflect is imported on first use: it imports spaCy (and thinc, and torch where
installed), seconds that commands which never parse should not pay (``--help``,
``validate``, ``audit``, a launcher whose workers do the parsing).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

# Plural-only or invariant nouns lemminflect would singularise into another word.
_KEEP_NOUNS = frozenset({
    "glasses", "sunglasses", "eyeglasses", "goggles", "jeans", "pants", "shorts", "trousers",
    "scissors", "clothes", "people", "police", "headphones", "earphones", "tongs", "pajamas",
    "leggings", "overalls", "binoculars", "stairs", "sweatpants", "trunks", "news",
})


# Plurals whose first lemminflect reading is a verb-like noun ("leaves" -> "leave").
_NOUN_FIXES = {"leaves": "leaf", "knives": "knife", "wolves": "wolf", "scarves": "scarf",
               "shelves": "shelf", "halves": "half", "loaves": "loaf", "calves": "calf"}


@lru_cache(maxsize=1 << 16)
def noun_lemma(word: str) -> str:
    """Singular form of a (lower-cased) noun; invariant plurals are kept."""
    if word in _KEEP_NOUNS or not word.isalpha():
        return word
    if word in _NOUN_FIXES:
        return _NOUN_FIXES[word]
    forms = lemmas_of(word, "NOUN")
    return forms[0] if forms else word


@lru_cache(maxsize=1 << 16)
def verb_lemma(word: str) -> str:
    """Base form of a (lower-cased) verb: "riding" -> "ride", "leaves" -> "leave"."""
    forms = lemmas_of(word, "VERB")
    return forms[0] if forms else word


@lru_cache(maxsize=1 << 16)
def is_adjective_only(word: str) -> bool:
    """True for words lemminflect knows only as adjectives ("wispy", "striped",
    "wooden"): tagged as a compound noun, such a word still describes."""
    forms = all_lemmas(word)
    return bool(forms) and set(forms) <= {"ADJ", "ADV"} and "ADJ" in forms


@lru_cache(maxsize=1 << 16)
def is_noun_only(word: str) -> bool:
    """True for words lemminflect knows only as nouns ("hydrant"): a tagger reading
    such a word as an adverb or adjective is wrong."""
    forms = all_lemmas(word)
    return bool(forms) and set(forms) == {"NOUN"}


@lru_cache(maxsize=1 << 16)
def is_verb_only(word: str) -> bool:
    """True for words lemminflect knows only as verbs ("arrive", "examines"): tagged as a noun, such a
    word is still a verb."""
    return all_lemmas(word).keys() == {"VERB"}


def lemmas_of(word: str, upos: str) -> Any:
    """lemminflect's lemmas of ``word`` read as ``upos`` (a tuple, empty when unknown).  A reading
    in the dictionary comes from ``all_lemmas`` (remembered; ``getLemma`` would deep-copy the entry
    again); only a word the dictionary lacks for ``upos`` goes to lemminflect's rules."""
    forms = all_lemmas(word)
    if upos in forms:
        return forms[upos]
    from lemminflect import getLemma
    return getLemma(word, upos=upos)


@lru_cache(maxsize=1 << 16)
def all_lemmas(word: str) -> Any:
    """lemminflect's {upos: lemmas} for every reading of ``word`` (remembered: lemminflect deep-copies
    its entry on every call; callers only read the dict, never change it)."""
    from lemminflect import getAllLemmas
    return getAllLemmas(word)


def inflections(lemma: str, tag: str) -> Any:
    """lemminflect's forms of ``lemma`` for a Penn tag (a tuple, empty when unknown)."""
    from lemminflect import getInflection
    return getInflection(lemma, tag)
