"""Cheap lemma fixes for nouns and verbs.

The small spaCy model's lemmatizer has known slips on caption vocabulary
("riding" -> "rid", "leaves" -> "leave").  lemminflect's dictionary is more
reliable for these two classes; results are cached because captions reuse a
small vocabulary.
"""
from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas, getLemma

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
    forms = getLemma(word, upos="NOUN")
    return forms[0] if forms else word


@lru_cache(maxsize=1 << 16)
def verb_lemma(word: str) -> str:
    """Base form of a (lower-cased) verb: "riding" -> "ride", "leaves" -> "leave"."""
    forms = getLemma(word, upos="VERB")
    return forms[0] if forms else word


@lru_cache(maxsize=1 << 16)
def is_adjective_only(word: str) -> bool:
    """True for words lemminflect knows only as adjectives ("wispy", "striped",
    "wooden"): tagged as a compound noun, such a word still describes."""
    forms = getAllLemmas(word)
    return bool(forms) and set(forms) <= {"ADJ", "ADV"} and "ADJ" in forms


@lru_cache(maxsize=1 << 16)
def is_noun_only(word: str) -> bool:
    """True for words lemminflect knows only as nouns ("hydrant"): a tagger reading
    such a word as an adverb or adjective is wrong."""
    forms = getAllLemmas(word)
    return bool(forms) and set(forms) == {"NOUN"}
