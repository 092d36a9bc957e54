"""Nouns named by an attribute word and a noun ("giant panda", "high tide", "hot spring", "red
wine", "double bed"), from WordNet 3.0 (``sgshards/data/adjective_compounds.txt``, built by
``bench/build_adjective_compounds.py``): the attribute is part of the name, and another in its
place states nothing false of the thing ("small panda", "cold spring")."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "adjective_compounds.txt"


@lru_cache(maxsize=1)
def _compounds() -> frozenset[str]:
    with open(DATA, encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1 << 14)
def adjective_compound(attribute: str, name: str) -> bool:
    """``attribute`` and the object's name, or its first or last word ("giant panda twins",
    "hot air balloon"), make one WordNet noun."""
    a = attribute.lower().replace("-", " ")
    words = name.lower().replace("-", " ").split()
    if not words:
        return False
    table = _compounds()
    return any(f"{a} {' '.join(words[:n])}" in table for n in range(1, len(words) + 1)) \
        or f"{a} {words[-1]}" in table
