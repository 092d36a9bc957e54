"""Scene graph of one caption: objects, their attributes and relations.

Field names here are a public contract (outside tools read the JSON form);
add fields freely, never rename or repurpose one without bumping
``SCHEMA_VERSION`` in ``sgshards.schemas.record``.

Spans are token offsets ``[start, end)`` into the caption as tokenised by
the parser (``tokens`` of the sample record), so edits can be made on the
caption's own tokens instead of by substring replacement.

Confidence (fields added without a ``SCHEMA_VERSION`` bump, as above): ``build_graph`` gives every object
(``confidence``), every attribute (``attribute_confidences``, parallel to ``attributes``) and
every relation (``confidence``) the precision its rule family reached on FACTUAL train
(``sgshards/data/confidence.json``, written by ``bench/calibrate_confidence.py``), rounded to
2 decimals.  ``--min-confidence`` builds positives and negatives only from elements at or above
it.  Graphs made by hand, or read from records written before, have none (``None`` / an empty
list: never filtered), and ``to_json`` leaves the keys out.  ``rule`` / ``attribute_rules``
say which rule family (and shape) made an element ("relation:verb/dobj+repaired"); they are
kept in memory for calibration and debugging, not written to records.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

Span = tuple[int, int]


@dataclass
class SGObject:
    name: str                                   # lemmatised head, compounds kept: "train track"
    attributes: list[str] = field(default_factory=list)   # lemmas: "red", "wooden"
    quantity: Optional[str] = None              # "two", "many", "some"; never an attribute
    span: Optional[Span] = None                 # tokens of the name (compound + head)
    attribute_spans: list[Optional[Span]] = field(default_factory=list)  # parallel to attributes
    plural: bool = False                        # surface number of the mention
    confidence: Optional[float] = None          # calibrated precision of the rule that made it
    attribute_confidences: list[float] = field(default_factory=list)   # parallel to attributes
    rule: str = field(default="", compare=False)                       # provenance key, not written
    attribute_rules: list[str] = field(default_factory=list, compare=False)  # parallel to attributes

    def to_json(self) -> dict:
        d: dict[str, Any] = {
            "name": self.name,
            "attributes": list(self.attributes),
            "quantity": self.quantity,
            "span": list(self.span) if self.span is not None else None,
            "attribute_spans": [list(s) if s is not None else None for s in self.attribute_spans],
            "plural": self.plural,
        }
        if self.confidence is not None:
            d["confidence"] = self.confidence
        if self.attribute_confidences:
            d["attribute_confidences"] = list(self.attribute_confidences)
        return d

    @classmethod
    def from_json(cls, d: dict) -> "SGObject":
        attrs = list(d.get("attributes", []))
        spans = d.get("attribute_spans") or [None] * len(attrs)
        return cls(
            name=d["name"],
            attributes=attrs,
            quantity=d.get("quantity"),
            span=tuple(d["span"]) if d.get("span") is not None else None,
            attribute_spans=[tuple(s) if s is not None else None for s in spans],
            plural=bool(d.get("plural", False)),
            confidence=float(d["confidence"]) if d.get("confidence") is not None else None,
            attribute_confidences=[float(c) for c in d.get("attribute_confidences") or []],
        )


@dataclass
class SGRelation:
    subject: int                                # index into SceneGraph.objects
    predicate: str                              # lemmatised: "sit on", "next to"
    object: int                                 # index into SceneGraph.objects
    span: Optional[Span] = None                 # tokens of the predicate (first to last)
    confidence: Optional[float] = None          # calibrated precision of the rule that made it
    rule: str = field(default="", compare=False)   # provenance key, not written

    def to_json(self) -> dict:
        d: dict[str, Any] = {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "span": list(self.span) if self.span is not None else None,
        }
        if self.confidence is not None:
            d["confidence"] = self.confidence
        return d

    @classmethod
    def from_json(cls, d: dict) -> "SGRelation":
        return cls(
            subject=int(d["subject"]),
            predicate=d["predicate"],
            object=int(d["object"]),
            span=tuple(d["span"]) if d.get("span") is not None else None,
            confidence=float(d["confidence"]) if d.get("confidence") is not None else None,
        )


@dataclass
class SceneGraph:
    objects: list[SGObject] = field(default_factory=list)
    relations: list[SGRelation] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "objects": [o.to_json() for o in self.objects],
            "relations": [r.to_json() for r in self.relations],
        }

    @classmethod
    def from_json(cls, d: dict) -> "SceneGraph":
        return cls(
            objects=[SGObject.from_json(o) for o in d.get("objects", [])],
            relations=[SGRelation.from_json(r) for r in d.get("relations", [])],
        )

    def tuples(self) -> set[tuple]:
        """Graph as a set of tuples, the unit of tuple-F1 scoring:
        (name,), (name, attribute), (subject, predicate, object)."""
        out: set[tuple] = set()
        for o in self.objects:
            out.add((o.name,))
            for a in o.attributes:
                out.add((o.name, a))
        for r in self.relations:
            out.add((self.objects[r.subject].name, r.predicate, self.objects[r.object].name))
        return out

    def to_networkx(self):
        """The graph as a ``networkx.MultiDiGraph`` for analysis or drawing: node ``i`` is
        ``objects[i]`` (``name``, ``attributes``, ``quantity``, ``plural``, and the confidences when
        the graph has them), each relation an edge subject -> object with its ``predicate`` (and
        ``confidence``) (two relations between one pair are two
        edges).  networkx is imported here, never on the annotation path."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for i, o in enumerate(self.objects):
            g.add_node(i, name=o.name, attributes=list(o.attributes), quantity=o.quantity, plural=o.plural)
            if o.confidence is not None:
                g.nodes[i].update(confidence=o.confidence, attribute_confidences=list(o.attribute_confidences))
        for r in self.relations:
            if r.confidence is None:
                g.add_edge(r.subject, r.object, predicate=r.predicate)
            else:
                g.add_edge(r.subject, r.object, predicate=r.predicate, confidence=r.confidence)
        return g

    def validate(self) -> None:
        """Raise ValueError when indices or spans are inconsistent."""
        n = len(self.objects)
        for o in self.objects:
            if not o.name:
                raise ValueError("object with empty name")
            if len(o.attribute_spans) not in (0, len(o.attributes)):
                raise ValueError(f"object {o.name!r}: attribute_spans not parallel to attributes")
            if len(o.attribute_confidences) not in (0, len(o.attributes)):
                raise ValueError(f"object {o.name!r}: attribute_confidences not parallel to attributes")
            if any(not 0.0 <= c <= 1.0 for c in o.attribute_confidences + (
                    [o.confidence] if o.confidence is not None else [])):
                raise ValueError(f"object {o.name!r}: a confidence outside [0, 1]")
        for r in self.relations:
            if not (0 <= r.subject < n and 0 <= r.object < n):
                raise ValueError(f"relation {r.predicate!r} points outside objects")
            if r.confidence is not None and not 0.0 <= r.confidence <= 1.0:
                raise ValueError(f"relation {r.predicate!r}: confidence outside [0, 1]")
