"""Confidence of every scene-graph element: the precision its rule family reached on FACTUAL train.

Every object, attribute and relation records the rule family and shape that made it (its
provenance, ``rule``): "noun", "amod/ADJ", "verb/dobj", ... (see the ``rule=`` of
``state.add_attribute`` / ``add_relation`` and ``objects.head_shape``).  ``provenance_keys``
turns that into a key with the element's kind and the shape of its tokens::

    object:noun+compound+modifier+repaired     multiword name, head in a modifier position,
                                               a parse repair touched the head
    attribute:amod/ADJ+repaired                a repair touched the attribute's tokens
    relation:verb/prep+repaired                ... the predicate's tokens or an end's head

``bench/calibrate_confidence.py`` parses FACTUAL train, matches each element's tuple against
the gold tuples as ``quality.factual`` scores them, and writes each key's smoothed precision
to ``sgshards/data/confidence.json``.  A key missing from the table backs off to its rule
("relation:verb/prep"), then to its family ("relation:verb"), then to its kind ("relation").
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Final, Mapping, Optional, Sequence

from ..schemas.depview import DepToken
from ..schemas.graph import SceneGraph

CONFIDENCE_FILE: Final = Path(__file__).resolve().parents[1] / "data" / "confidence.json"
# Labels of a noun that modifies another word rather than being an argument: "tourist" in
# "tourist attraction", "city" in "city bus" (objects found there are read with more doubt).
MODIFIER_DEPS: Final = frozenset({"compound", "nmod", "amod", "npadvmod", "advmod", "dep"})


def load_table(path: Path = CONFIDENCE_FILE) -> dict[str, float]:
    """{provenance key: confidence} of the calibration file ({} when it is absent)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: float(entry["confidence"]) for key, entry in data["keys"].items()}


TABLE: Final = load_table()


def backoff(key: str) -> list[str]:
    """The key, then its rule, its family and its kind: "relation:verb/prep+repaired" ->
    [itself, "relation:verb/prep", "relation:verb", "relation"]."""
    out = [key]
    rule = key.split("+", 1)[0]
    for shorter in (rule, rule.split("/", 1)[0], rule.split(":", 1)[0]):
        if shorter != out[-1]:
            out.append(shorter)
    return out


def confidence_of(key: str, table: Mapping[str, float]) -> float:
    """The table's confidence for key, backing off to shorter keys; 1.0 if the table is empty."""
    memo = _MEMO if table is TABLE else None
    if memo is not None and key in memo:
        return memo[key]
    value = 1.0
    for k in backoff(key):
        if k in table:
            value = table[k]
            break
    if memo is not None:
        memo[key] = value
    return value


_MEMO: dict[str, float] = {}        # key -> confidence in TABLE: a few hundred keys, looked up per element


def _flags(*on: tuple[str, bool]) -> str:
    return "".join("+" + name for name, flag in on if flag)


def provenance_keys(graph: SceneGraph, doc: Sequence[DepToken], repaired: Sequence[bool]) -> None:
    """Replace each element's rule (as the rule families wrote it) by its full provenance key.
    ``repaired[i]``: a parse repair changed token i's head, label or tag."""
    n = len(doc)

    def touched(span: Optional[tuple[int, int]]) -> bool:
        if span is None:
            return False
        for k in range(max(span[0], 0), min(span[1], n)):
            if repaired[k]:
                return True
        return False

    heads: list[Optional[int]] = []
    for o in graph.objects:
        head = o.span[1] - 1 if o.span is not None and 0 < o.span[1] <= n else None
        heads.append(head)
        o.rule = "object:" + (o.rule or "unknown") + _flags(
            ("compound", " " in o.name),
            ("modifier", head is not None and doc[head].dep in MODIFIER_DEPS),
            ("repaired", head is not None and repaired[head]))
        rules = o.attribute_rules + ["unknown"] * (len(o.attributes) - len(o.attribute_rules))
        spans = o.attribute_spans + [None] * (len(o.attributes) - len(o.attribute_spans))
        o.attribute_rules = ["attribute:" + r + _flags(("repaired", touched(s)))
                             for r, s in zip(rules[:len(o.attributes)], spans)]
    for r in graph.relations:
        ends = [h for h in (heads[r.subject], heads[r.object]) if h is not None]
        r.rule = "relation:" + (r.rule or "unknown") + _flags(
            ("repaired", touched(r.span) or any(repaired[h] for h in ends)))


def assign_confidence(graph: SceneGraph, doc: Sequence[DepToken], repaired: Sequence[bool],
                      table: Optional[Mapping[str, float]] = None) -> None:
    """Set every element's provenance key and confidence (in place; ``table``: the
    calibration's, by default)."""
    table = TABLE if table is None else table
    provenance_keys(graph, doc, repaired)
    for o in graph.objects:
        o.confidence = confidence_of(o.rule, table)
        o.attribute_confidences = [confidence_of(k, table) for k in o.attribute_rules]
    for r in graph.relations:
        r.confidence = confidence_of(r.rule, table)
