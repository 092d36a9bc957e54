"""Multiword units: fixed expressions no positive may cut and no negative may edit inside (issue 15).

"next of kin details" is no "kin details", "date of birth" no "date", "still life with white
flowers" no "life", "nc car bill of sale" no "nc car bill", "semi final match" no "final match",
"giant sized board" no "board that is giant and sized".  A unit is

- a multiword noun of WordNet 3.0, or of ``EXTRA_UNITS`` (``sgshards/data/wordnet_mwe.tsv``,
  written by ``bench/build_wordnet_mwe.py``, which says what is left out: compositional
  "red wine", "old man", partitive "cup of tea", literal "man in the street");
- a word and "sized", "themed", "shaped" ("giant sized", "bite-sized", "life size" before its
  noun, "princess themed");
- a capitalised name with "of" inside ("Pride of Britain", "Statue of Liberty").

``unit_spans(words, lemmas)`` finds them in a caption (lower-case words and lemmas, any may
match); the table is read once per process, on first use.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Final, Optional, Sequence

DATA = Path(__file__).resolve().parents[1] / "data" / "wordnet_mwe.tsv"

# Fixed nouns WordNet lacks, written the way captions write them (a class each: forms, sports,
# art, prefixes written apart).
EXTRA_UNITS: Final = frozenset("""
date of birth|place of birth|date of death|place of death|country of origin|proof of purchase
cover art|album art|box art|concept art|fan art|clip art|line art|pixel art|word art|street art
semi final|quarter final|semi finals|quarter finals|semi finalist|quarter finalist
shot put|hammer throw|high jump|long jump|triple jump|pole vault
coloring page|colouring page|coloring sheet|colouring sheet|coloring picture|colouring picture
defensive tackle|defensive end|defensive back|defensive lineman|offensive tackle|offensive guard|offensive lineman
wide receiver|point guard|shooting guard|small forward|power forward|center back|centre back|nose tackle
center forward|centre forward|free safety|strong safety|outside linebacker|inside linebacker|middle linebacker
center fielder|centre fielder|left fielder|right fielder|designated hitter
after party|after parties|day of the dead|mother of the bride|mother of the groom
""".replace("\n", "|").strip("|").split("|"))
# Second words of adjective compounds: "giant sized", "princess themed", "heart shaped",
# "retro inspired" (a "princess themed" party shows no princess).
SIZED: Final = frozenset({"sized", "size", "themed", "shaped", "inspired"})
_END = ""                         # key of the trie node that ends a unit
# Units of the captions asked about lately: the graph asks when it is built and the guards when the
# caption is augmented, and a batch builds every graph before it augments any.
_RECENT: dict = {}
RECENT_CAPTIONS: Final = 1024


@lru_cache(maxsize=1)
def _trie() -> dict:
    root: dict = {}
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            phrase, kind = line.rstrip("\n").split("\t")
            node = root
            for w in phrase.split():
                node = node.setdefault(w, {})
            node[_END] = kind
    return root


@lru_cache(maxsize=1 << 14)
def named_together(old: str, new: str) -> bool:
    """English names the new thing with the old as one word ("flag" and "pole": a flagpole, "bath"
    and "tub", "sheep" and "dog"; WordNet): a picture of the one most often shows the other, so
    replacing the one by the other is no contradiction."""
    from .lemmas import noun_lemma
    from .taxonomy import listed
    a, b = old.lower().split()[-1:], new.lower().split()[-1:]
    return bool(a and b) and listed(noun_lemma(a[0]) + b[0])


def is_unit(phrase: str) -> bool:
    """The lower-case phrase is a unit of the table ("still life")."""
    node: Optional[dict] = _trie()
    for w in phrase.lower().split():
        node = node.get(w) if node is not None else None
    return node is not None and _END in node


def unit_spans(words: Sequence[str], lemmas: Sequence[str], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, kind) token spans of the units in a caption: ``words`` as written, ``lemmas``
    lower case, ``tags`` Penn tags.  Kind ``h``: the last word is the head, and a sense of the
    unit a kind of it ("bus stop", "tourist attraction"); ``u``: only the whole is true ("still
    life", "bill of sale", "Pride of Britain"); ``a``: an adjective compound, only the whole is
    true, and no noun ("giant sized", "princess themed").  A WordNet unit counts when the
    parser tagged its head a noun (its last word, or its first before "of": not "flag waving",
    "dark blue").  The longest unit from each start; none inside another."""
    key = (tuple(words), tuple(lemmas), tuple(tags))
    known = _RECENT.get(key)
    if known is not None:
        return list(known)
    root = _trie()
    low = [w.lower() for w in words]
    n = len(low)
    out: list[tuple[int, int, str]] = []
    covered = 0
    for i in range(n):
        found = None
        if low[i] in root or lemmas[i] in root:
            found = _longest(root, low, lemmas, tags, i)
        if found is None and i + 1 < n:
            after = low[i + 1]
            if after in SIZED or after == "-":
                end = _sized(low, tags, i)
                found = (end, "a") if end else None
            elif after == "of":
                end = _name_of(words, low, i)
                found = (end, "u") if end else None
        if found is not None and found[0] > covered:
            out.append((i, found[0], found[1]))
            covered = found[0]
    if len(_RECENT) >= RECENT_CAPTIONS:
        del _RECENT[next(iter(_RECENT))]               # the oldest
    _RECENT[key] = tuple(out)
    return out


def _longest(root: dict, low: Sequence[str], lemmas: Sequence[str], tags: Sequence[str], i: int):
    node = root.get(low[i]) or root.get(lemmas[i])
    if node is None:
        return None
    best, k = None, i + 1
    while node is not None:
        kind = node.get(_END)
        if kind and k - i > 1 and (kind == "x" or _noun_headed(low, tags, i, k)):
            best = (k, "u" if kind == "x" else kind)
        if k >= len(low):
            break
        node = node.get(low[k]) or node.get(lemmas[k])
        k += 1
    return best


def _noun_headed(low: Sequence[str], tags: Sequence[str], i: int, end: int) -> bool:
    head = i if "of" in low[i + 1:end - 1] else end - 1
    return tags[head].startswith("NN")


def _sized(low: Sequence[str], tags: Sequence[str], i: int):
    """"giant sized", "bite - sized", "life size" before a noun, "princess themed": one word."""
    k = i + 1
    if k < len(low) and low[k] == "-":
        k += 1
    if k >= len(low) or low[k] not in SIZED or not low[i].isalpha():
        return None
    if low[k] == "size" and (k + 1 >= len(low) or not low[k + 1].isalpha()
                             or not tags[k + 1].startswith("NN")):
        return None                                    # "shoe size", "the size of"
    return k + 1


def _name_of(words: Sequence[str], low: Sequence[str], i: int):
    """A capitalised name with "of" inside: "Pride of Britain", "Bank of England", "Valley of the Fallen"."""
    if not (i + 2 < len(words) and words[i + 1] == "of" and words[i][:1].isupper() and words[i].isalpha()):
        return None
    j = i + 3 if words[i + 2] == "the" else i + 2            # "of the" before a capital: still the name
    if j < len(words) and words[j][:1].isupper() and words[j].isalpha():
        return j + 1
    return None
