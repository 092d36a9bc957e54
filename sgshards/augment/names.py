"""Names written as several words, and the mentions that keep only part of one.

A positive that says part of a name says something else: "Britain Scott MH300 machin stamp" of
"Great Britain Scott MH300 machin stamp", "Apocalypse" of "a minor role in Apocalypse Now",
"Transliving Issue" and "29 magazine" of "Transliving Issue 29 magazine".  Capitals mark a name
only where the text is not Title Case throughout, and not on the word that opens a sentence or a
segment (unless the parser reads it as a name); a number right after a singular noun names it
("Issue 29", "route 66", "Scream 2").
"""
from __future__ import annotations

from typing import Iterable, Sequence

from ..lexicon.languages import ENGLISH_FUNCTION_WORDS
from ..schemas.depview import DepToken

# A capital after these marks opens a segment and says nothing of a name.
SEGMENT_MARKS = frozenset({".", "!", "?", ":", ";", "|", "-", "\u2013", "\u2014", '"', "(", "[", "\u201c"})
TITLE_CASE_SHARE = 0.8       # with this share of content words capitalised, capitals mark no name
# Words that never start or continue a name by their capital alone (a verb's capital is a title's).
NOT_NAME_UPOS = frozenset({"VERB", "AUX", "DET", "ADP", "CCONJ", "SCONJ", "PART"})


def _capital(t: DepToken) -> bool:
    return t.text[:1].isupper() and any(ch.isalpha() for ch in t.text)


def name_units(doc: Sequence[DepToken]) -> list[tuple[int, int]]:
    """(start, end) token spans of the names of several words: runs of capitalised words, with the
    number that names the last ("Transliving Issue 29"), and a noun with its number ("route 66")."""
    content = [t for t in doc if t.text.isalpha() and t.text.lower() not in ENGLISH_FUNCTION_WORDS]
    out: list[tuple[int, int]] = []
    if not (len(content) >= 2 and sum(map(_capital, content)) >= TITLE_CASE_SHARE * len(content)):
        start = None
        for t in list(doc) + [None]:
            if t is not None and _named(doc, t, start is not None):
                start = t.i if start is None else start
                continue
            if start is not None and t is not None and _designation(doc, t.i):
                out.append((start, t.i + 1))
            elif start is not None and (len(doc) if t is None else t.i) - start >= 2:
                out.append((start, len(doc) if t is None else t.i))
            start = None
    out += [(k - 1, k + 1) for k in range(1, len(doc)) if _designation(doc, k)
            and not any(s <= k - 1 < e for s, e in out)]
    return out


def _named(doc: Sequence[DepToken], t: DepToken, inside: bool) -> bool:
    """A word of a name: capitalised where capitals mean something, or a hyphen inside one ("Taylor-Smith")."""
    if inside and t.text == "-" and not t.ws and t.i + 1 < len(doc) and _capital(doc[t.i + 1]):
        return True
    if not _capital(t) or t.upos in NOT_NAME_UPOS or t.upos == "PRON" and t.tag != "PRP$":
        return False                                 # "His Holiness", not "The Balmoral Hotel"'s "The"
    return t.upos == "PROPN" or not (t.i == 0 or doc[t.i - 1].text in SEGMENT_MARKS)


def _designation(doc: Sequence[DepToken], k: int) -> bool:
    """A number written right after the singular noun it names ("Issue 29", "route 66"); not a
    count after a plural ("children 3 and 5"), nor a year ("1 penny 1837")."""
    t, before = doc[k], doc[k - 1]
    return t.text.isdigit() and not (len(t.text) == 4 and t.text[:2] in ("18", "19", "20")) \
        and before.text.isalpha() and (before.upos == "PROPN" or before.tag == "NN")


def cuts_name(doc: Sequence[DepToken], words: Iterable[int]) -> bool:
    """The tokens a mention realises hold part of a name and not all of it."""
    held = set(words)
    return any(held.intersection(range(a, b)) and not held.issuperset(range(a, b)) for a, b in name_units(doc))
