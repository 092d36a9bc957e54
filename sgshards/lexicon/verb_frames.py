"""Verbs by what they take.  Verbs whose most frequent sense takes a direct object, from WordNet 3.0's sentence frames
(``sgshards/data/transitive_verbs.txt``, built by ``bench/build_transitive_verbs.py``): a noun
after such a verb can be its object ("a woman opening curtains"); after one that takes none it is
not ("an infant smiling girl")."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "transitive_verbs.txt"


@lru_cache(maxsize=2)
def _verbs(path: Path) -> frozenset[str]:
    """The lemmas of a one-lemma-a-line list ("#" lines are comments)."""
    with open(path, encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


def takes_object(lemma: str) -> bool:
    """The verb's first WordNet sense has a frame with a direct object."""
    return lemma.lower() in _verbs(DATA)


LIFELESS_DATA = DATA.with_name("lifeless_subject_verbs.txt")


def lifeless_things_do(lemma: str) -> bool:
    """Lifeless things are this verb's subjects in FACTUAL's gold graphs ("a plate sitting on the
    counter", "light coming from the window"; ``bench/build_lifeless_verbs.py``), unlike "eat",
    "wear" or "put on"."""
    return lemma.lower() in _verbs(LIFELESS_DATA)
