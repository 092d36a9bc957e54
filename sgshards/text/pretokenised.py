"""Captions released pre-tokenised (CC3M): the tokeniser's spaces taken out again.

CC3M's captions are lower-cased and tokenised: ``close - up of a cat``, ``a gluten - free cake``,
``globes : the green 3d person``, ``a £ 6,000 operation``, ``issue # 4b``, ``where 's the best
place ? right in front``.  spaCy splits ``close-up``, ``£6,000`` or ``globes:`` into the same
tokens as the spaced forms, so the parse is the same either way; but positives and negatives are
realised from the caption's own spacing, and a reader marks ``a human head with close - up`` not
fluent.  ``repair_pretokenised`` writes these as running text would.

Only a caption that has the tokenised shape is touched (``looks_pretokenised``: no capital
letter and no unspaced hyphen), so web alt-text such as ``Men's Shirt - Navy``, French
``Titre : sous-titre`` or ``boots - t-shirt - scarf`` keeps its spacing.  The repairs, in one regex pass:

* spaced hyphens rejoined where they are word-internal (see ``hyphen_joins``);
* no space before a ``:`` or ``;`` that follows a word and precedes a space or the end
  (``:)`` and ``;)`` are emoticons and stay), nor before a ``?``/``!`` inside the caption (a final
  one is moved by ``normalize`` for every caption);
* ``$ 45`` -> ``$45`` (also ``£ € ¥``), ``45 %`` -> ``45%``, ``# 4`` -> ``#4``.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon.hyphens import (
    CLOSING_PARTICLES, COLOUR_WORDS, COMPOUND_FIRSTS, COMPOUND_SECONDS, FIXED_PAIRS, FUNCTION_WORDS,
    IRREGULAR_PARTICIPLES, NUMBER_FIRSTS, OPENING_PARTICLES, PARTICLE_VERBS)

# Substrings without which there is nothing to repair (cheap test before the regex).
MARKERS = (" - ", " :", " ;", " ?", " !", "$ ", "\u00a3 ", "\u20ac ", "\u00a5 ", " %", "# ")


# A hyphen between two words: the caption kept its hyphens, so it was not tokenised like CC3M.
# CC3M's own "a-story" ("a 3-story house" with the number dropped) does not count.
_JOINED_HYPHEN = re.compile(r"(?<![^\W_])(?!a-)[^\W_]+-[^\W_]")


def looks_pretokenised(s: str) -> bool:
    """Has ``s`` the shape of a CC3M caption: lower-cased, every hyphen spaced out?"""
    return s.lower() == s and not ("-" in s and _JOINED_HYPHEN.search(s))


def _is_participle(w: str) -> bool:
    # "-ing" forms are left out: "the week - wearing leather", "a casino - dealing cards" are
    # verbs after a noun as often as "a cloud - seeding plane" is a compound
    return (len(w) >= 5 and w.endswith("ed")) or w in IRREGULAR_PARTICIPLES


def _looks_plural(w: str) -> bool:
    return w.endswith("s") and not w.endswith(("ss", "us", "is"))


def _is_number(w: str) -> bool:
    return w.isdigit() or w in NUMBER_FIRSTS or (w[:1].isdigit() and w.endswith(("st", "nd", "rd", "th")))


def pair_joins(left: str, right: str, following: Optional[str]) -> bool:
    """Is the spaced hyphen in ``left - right`` word-internal?  ``following`` is the word after
    ``right``: ``""`` at the end of the caption, None before punctuation or another dash.

    A dash between phrases has a phrase edge next to it: a function word (``puppy - in love``,
    ``so rare - her work``) or a whole noun phrase on each side (``wall - rendering``).  A
    word-internal hyphen has a compound element next to it: a closed class (particles
    ``close - up``, prefixes ``self - portrait``, single letters ``t - shirt``), a productive
    compound head (``gluten - free``, ``award - winning``), or it builds a modifier in front of a
    noun: noun + participle (``snow - covered road``), number + noun (``second - floor landing``).
    Two content words with none of these shapes stay apart: a missed join leaves the caption as
    it was, a wrong one glues two phrases.
    """
    if not left or not right:
        return False
    if left[-1].isalpha() and right[0].isdigit():
        return False  # spaCy reads "covid-19" as one token: keep the parse's tokens unchanged
    if (left, right) in FIXED_PAIRS or (left.isdigit() and right.isdigit()):
        return True  # "how - to", scores and ranges "2 - 1", "2012 - 13"
    if right in CLOSING_PARTICLES:
        return left.isalpha() and left not in FUNCTION_WORDS and not (right == "up" and following == "to")
    if right in ("in", "on", "by"):
        return left in PARTICLE_VERBS or _is_participle(left)
    # before a noun ("an on - air reporter") or at the end ("the road was off - limits")
    prenominal = following == "" or (following is not None and following.isalpha()
                                     and following not in FUNCTION_WORDS)
    if left in OPENING_PARTICLES:
        return prenominal and right.isalpha() and len(right) >= 3 and right not in FUNCTION_WORDS
    if right in COMPOUND_SECONDS and left not in FUNCTION_WORDS:
        # a head that is also a preposition or a verb form must not take an object:
        # "actor - like the contrast", "to the airport - stopping to take a picture"
        return (right not in FUNCTION_WORDS and not right.endswith("ing")) or following not in FUNCTION_WORDS
    if left in FUNCTION_WORDS or right in FUNCTION_WORDS or not right.isalpha():
        return False
    if (len(left) == 1 and left not in "ai") or left in COMPOUND_FIRSTS:
        return True
    if left in COLOUR_WORDS and right in COLOUR_WORDS:
        return True
    if len(left) > 4 and left.endswith("ly") and _is_participle(right):
        return True
    if following in ("", None):
        return False
    if _is_number(left):
        return prenominal
    return prenominal and left.isalpha() and not _looks_plural(left) and _is_participle(right)


def _chain_is_one_word(parts: list[str]) -> bool:
    """``step - by - step``, ``off - the - shoulder``, ``36 - year - old``: three or more parts
    with a function word inside, or after a number, are one compound."""
    first, last, inner = parts[0], parts[-1], parts[1:-1]
    if (first in FUNCTION_WORDS and first not in OPENING_PARTICLES) or last in FUNCTION_WORDS:
        return False
    if any(a[-1].isalpha() and b[0].isdigit() for a, b in zip(parts, parts[1:])):
        return False
    return _is_number(first) or any(p in FUNCTION_WORDS for p in inner)


def hyphen_joins(parts: list[str], following: Optional[str]) -> list[bool]:
    """For ``parts[0] - parts[1] - ...``: which of the spaced hyphens are word-internal."""
    if len(parts) >= 3 and _chain_is_one_word(parts):
        return [True] * (len(parts) - 1)
    return [pair_joins(parts[i], parts[i + 1], following if i + 2 == len(parts) else None)
            for i in range(len(parts) - 1)]


def _join_chain(chain: str, following: Optional[str]) -> str:
    parts = chain.split(" - ")
    out = [parts[0]]
    for part, joined in zip(parts[1:], hyphen_joins(parts, following)):
        out.append("-" if joined else " - ")
        out.append(part)
    return "".join(out)


_REPAIR = re.compile(
    # a run of single words joined by spaced hyphens, and the word after it
    r"(?<![^\s(\"])(?P<chain>[^\W_]+(?: - [^\W_]+)+)(?![\w'-])(?:(?= (?P<next>[^\W_]+))|(?P<end>$))?"
    r"|(?<=[^\W_]) (?P<keep>[:;](?= |$)|[?!]+(?= ))|(?<=\d) (?P<percent>%)"
    r"|(?P<sign>[$#\u00a3\u20ac\u00a5]) (?=\d)")


def _repair(m: re.Match) -> str:
    chain = m.group("chain")
    if chain is not None:
        following = m.group("next") if m.group("end") is None else ""
        return _join_chain(chain, following)
    return m.group("keep") or m.group("percent") or m.group("sign")


def repair_pretokenised(s: str) -> str:
    """Undo CC3M's tokenisation spacing (see module doc); other captions are returned as given."""
    if not looks_pretokenised(s) or not any(marker in s for marker in MARKERS):
        return s
    return _REPAIR.sub(_repair, s)
