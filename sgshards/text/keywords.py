"""Words a dictionary knows, and words said again: the signals of search keywords (``text.suitability``)."""
from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ..lexicon.languages import ENGLISH_FUNCTION_WORDS
from ..lexicon.lemmas import all_lemmas
from ..lexicon.visibility import PLACEHOLDERS
from ..schemas.depview import DepToken

COORDINATORS = frozenset({"vs", "vs.", "v", "v.", "versus", "&", "+", "and", "or"})


@lru_cache(maxsize=1 << 16)
def is_english_word(word: str) -> bool:
    """A lower-case word an English dictionary (lemminflect's) or the closed-class table knows."""
    return word in ENGLISH_FUNCTION_WORDS or bool(all_lemmas(word))


@lru_cache(maxsize=1 << 16)
def readings(word: str) -> frozenset[str]:
    """The parts of speech a (lower-case) word has in lemminflect's dictionary: {"NOUN", "VERB"} for
    "frames", {"NOUN"} for "jeans"."""
    return frozenset(all_lemmas(word))


def stuffed(doc: Sequence[DepToken], content: list[DepToken]) -> dict[str, int]:
    """Content lemmas said again with no coordination between two mentions: "cricket team vs cricket
    team" and "wall art, turquoise canvas art" name two things, "red kitchen pendant lights red" repeats."""
    seen: dict[str, list[int]] = {}
    for t in content:
        seen.setdefault(t.lemma.lower(), []).append(t.i)
    out = {}
    for lemma, at in seen.items():
        if len(at) > 1 and any(not any(doc[k].upos == "CCONJ" or doc[k].text.lower() in COORDINATORS
                                       for k in range(a + 1, b)) for a, b in zip(at, at[1:])):
            out[lemma] = len(at)
    return out


def stuffed_sentence(words: Sequence[DepToken], doc: Sequence[DepToken]) -> bool:
    """A sentence of ten content words or more that says four dictionary words again, whatever its
    grammar: search keywords around a title ("2018 Fashion Calendar Wristwatch Quartz Watches Men Top
    Brand Luxury Leather Wrist Watch for Man ... new 2018 men watches luxury top brand ...", taggers
    read "watches" as a verb).  A description names a thing twice at most ("american football player
    tackles american football player"); names and dates said again in a news caption's dateline are
    no dictionary words ("EAST LOS ANGELES, CA - MAY 23: ... in East Los Angeles")."""
    for sent in sorted({t.sent for t in words}):
        content = [t for t in words if t.sent == sent and t.upos in ("NOUN", "PROPN", "ADJ", "VERB", "NUM")
                   and t.lemma.lower() not in PLACEHOLDERS]
        if len(content) >= 10 and sum(is_english_word(lemma) for lemma in stuffed(doc, content)) >= 4:
            return True
    return False
