"""Scene graph of one caption: objects, their attributes and relations.

Field names here are a public contract (outside tools read the JSON form);
add fields freely, never rename or repurpose one without bumping
``SCHEMA_VERSION`` in ``sgshards.schemas.record``.

Spans are token offsets ``[start, end)`` into the caption as tokenised by
the parser (``tokens`` of the sample record), so edits can be made on the
caption's own tokens instead of by substring replacement.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

Span = tuple[int, int]


@dataclass
class SGObject:
    name: str                                   # lemmatised head, compounds kept: "train track"
    attributes: list[str] = field(default_factory=list)   # lemmas: "red", "wooden"
    quantity: Optional[str] = None              # "two", "many", "some"; never an attribute
    span: Optional[Span] = None                 # tokens of the name (compound + head)
    attribute_spans: list[Optional[Span]] = field(default_factory=list)  # parallel to attributes
    plural: bool = False                        # surface number of the mention

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "attributes": list(self.attributes),
            "quantity": self.quantity,
            "span": list(self.span) if self.span is not None else None,
            "attribute_spans": [list(s) if s is not None else None for s in self.attribute_spans],
            "plural": self.plural,
        }

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
        )


@dataclass
class SGRelation:
    subject: int                                # index into SceneGraph.objects
    predicate: str                              # lemmatised: "sit on", "next to"
    object: int                                 # index into SceneGraph.objects
    span: Optional[Span] = None                 # tokens of the predicate (first to last)

    def to_json(self) -> dict:
        return {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "span": list(self.span) if self.span is not None else None,
        }

    @classmethod
    def from_json(cls, d: dict) -> "SGRelation":
        return cls(
            subject=int(d["subject"]),
            predicate=d["predicate"],
            object=int(d["object"]),
            span=tuple(d["span"]) if d.get("span") is not None else None,
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
        ``objects[i]`` (``name``, ``attributes``, ``quantity``, ``plural``), each relation an
        edge subject -> object with its ``predicate`` (two relations between one pair are two
        edges).  networkx is imported here, never on the annotation path."""
        import networkx as nx

        g = nx.MultiDiGraph()
        for i, o in enumerate(self.objects):
            g.add_node(i, name=o.name, attributes=list(o.attributes), quantity=o.quantity, plural=o.plural)
        for r in self.relations:
            g.add_edge(r.subject, r.object, predicate=r.predicate)
        return g

    def validate(self) -> None:
        """Raise ValueError when indices or spans are inconsistent."""
        n = len(self.objects)
        for o in self.objects:
            if not o.name:
                raise ValueError("object with empty name")
            if len(o.attribute_spans) not in (0, len(o.attributes)):
                raise ValueError(f"object {o.name!r}: attribute_spans not parallel to attributes")
        for r in self.relations:
            if not (0 <= r.subject < n and 0 <= r.object < n):
                raise ValueError(f"relation {r.predicate!r} points outside objects")
