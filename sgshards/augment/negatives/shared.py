"""What the negative types share: the Candidate they return, span tests, and noun-slot helpers.

A generator never edits strings: it lists ``Replacement``s of token spans and
``make_candidate`` rewrites the surface (articles, casing, spacing) through
``realise.rewrite``, which also records the provenance edits.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...schemas.graph import Span
from ...schemas.record import Edit
from ..realise import Replacement, Slot, Surface, rewrite
from ..vocab import MASS_NOUNS, PLURAL_ONLY

PER_TYPE = 2        # candidates kept per type and positive (augment passes fewer for sub-graphs)


@dataclass
class Candidate:
    text: str
    type: str
    edits: list[Edit]


def make_candidate(surface: Surface, kind: str, reps: list[Replacement]) -> Optional[Candidate]:
    """The rewritten surface as a candidate, or None when the rewrite fails or changes nothing."""
    out = rewrite(surface, reps)
    if out is None or out[0] == surface.text or not out[1]:
        return None
    return Candidate(out[0], kind, out[1])


def inside(span: Span, outer: Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def noun_slots(surface: Surface) -> list[int]:
    """Objects whose mention is a common noun (not a name, gerund or mis-tagged word)."""
    found = surface.memo.get("noun_slots")
    if found is None:
        found = surface.memo["noun_slots"] = [i for i in surface.objects if i in surface.slots
                                              and surface.tokens[surface.slots[i].name[1] - 1].upos == "NOUN"]
    return list(found)                  # callers shuffle it


@lru_cache(maxsize=1 << 14)
def number_class(name: str) -> str:
    """"plural" (only plural: "shorts"), "mass" ("snow") or "" for a noun or its head."""
    head = name.split()[-1]
    if name in PLURAL_ONLY or head in PLURAL_ONLY:
        return "plural"
    if name in MASS_NOUNS or head in MASS_NOUNS:
        return "mass"
    return ""


def fits_number(surface: Surface, slot: Slot, name: str) -> bool:
    """The noun can stand in the slot's number: no "a snow"/"red snows", no "a shorts"."""
    number = number_class(name)
    if number == "plural":
        return slot.plural
    if number == "mass":
        det = surface.tokens[slot.np[0]].text.lower() if slot.np[0] < slot.name[0] else ""
        return not slot.plural and det not in ("a", "an") and not surface.graph.objects[slot.obj].quantity
    return True
