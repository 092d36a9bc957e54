"""Verbs whose most frequent sense takes a direct object, from WordNet 3.0's sentence frames
(``sgshards/data/transitive_verbs.txt``, built by ``bench/build_transitive_verbs.py``): a noun
after such a verb can be its object ("a woman opening curtains"); after one that takes none it is
not ("an infant smiling girl")."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "transitive_verbs.txt"


@lru_cache(maxsize=1)
def _transitive() -> frozenset[str]:
    with open(DATA, encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


def takes_object(lemma: str) -> bool:
    """The verb's first WordNet sense has a frame with a direct object."""
    return lemma.lower() in _transitive()
