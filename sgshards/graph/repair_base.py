"""What a parse repair reads and is: the unrepaired parse (tokens, children index, words) and
the registry entry (name, function, example caption).

Repairs change heads, labels and tags only (tokens and indices stay, so spans stay valid).
They all read one children index, built from the parse as the parser gave it, before any
repair ran: ``original.children``.  Heads already repaired are read from ``fixed``; a repair
that reads ``original.tokens`` sees the parser's labels even where an earlier repair changed
them.  Recomputing the index after each repair would give other graphs, so repairs are
ordered (see repairs.REPAIR_PASSES) and each says which view it reads.
"""
from __future__ import annotations

from typing import Callable, NamedTuple

from ..schemas.depview import DepToken, children_index


class OriginalParse:
    """The parse before any repair: read-only for the repairs."""

    def __init__(self, tokens: list[DepToken]) -> None:
        """Index tokens once, before any repair."""
        self.tokens = tokens
        self.children = children_index(tokens)            # the children index every repair reads
        self.words = [t.text.lower() for t in tokens]


class Repair(NamedTuple):
    """One registered repair: ``apply(fixed, original, i)`` repairs around token i in place."""
    name: str
    apply: Callable[[list[DepToken], OriginalParse, int], None]
    example: str                                          # a caption the repair changes the graph of
