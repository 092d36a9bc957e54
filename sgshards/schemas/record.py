"""The sample record: one caption with its scene graph, positives and negatives.

JSON is the form written into shards (``{key}.sg.json``, ``schemas.layout``);
``ARROW_SCHEMA`` is the same record as an Arrow struct for Parquet exports.
Every record carries ``schema_version``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

import pyarrow as pa

try:
    import orjson
except ImportError:                                      # optional speed-up; json gives the same bytes
    orjson = None

from .graph import SceneGraph, Span

SCHEMA_VERSION = "2.0"
# 2.0 moved the record to the {key}.sg.json member in both modes (schemas.layout); the record's
# fields are those of 1.0, so records of either version read the same
READABLE_SCHEMA_VERSIONS = ("1.0", "2.0")

POSITIVE_KINDS = ("caption", "object", "relation", "chain")
NEGATIVE_TYPES = (
    "attribute_swap", "relation_swap", "attribute_replace",
    "relation_replace", "object_replace", "object_swap",
)


@dataclass
class Edit:
    """One token-level change: tokens ``span`` of the perturbed positive, from -> to."""
    span: Span
    before: str
    after: str

    def to_json(self) -> dict:
        return {"span": list(self.span), "from": self.before, "to": self.after}

    @classmethod
    def from_json(cls, d: dict) -> "Edit":
        return cls(span=tuple(d["span"]), before=d["from"], after=d["to"])


@dataclass
class Positive:
    text: str
    kind: str                                       # one of POSITIVE_KINDS
    objects: list[int] = field(default_factory=list)     # graph objects it mentions
    relations: list[int] = field(default_factory=list)   # graph relations it mentions

    def to_json(self) -> dict:
        return {"text": self.text, "kind": self.kind,
                "objects": list(self.objects), "relations": list(self.relations)}

    @classmethod
    def from_json(cls, d: dict) -> "Positive":
        return cls(text=d["text"], kind=d["kind"],
                   objects=list(d.get("objects", [])), relations=list(d.get("relations", [])))


@dataclass
class Negative:
    text: str
    type: str                                       # one of NEGATIVE_TYPES
    positive: int                                   # index into positives it perturbs
    edits: list[Edit] = field(default_factory=list)
    # (positive, negative): mean log-probability per word under the corpus n-gram model, written
    # when --selection plausible chose the negative, so trainers can filter or weight pairs
    plausibility: Optional[tuple[float, float]] = None

    def to_json(self) -> dict:
        d = {"text": self.text, "type": self.type, "positive": self.positive,
             "edits": [e.to_json() for e in self.edits]}
        if self.plausibility is not None:
            d["plausibility"] = {"positive": round(self.plausibility[0], 3),
                                 "negative": round(self.plausibility[1], 3)}
        return d

    @classmethod
    def from_json(cls, d: dict) -> "Negative":
        p = d.get("plausibility")
        return cls(text=d["text"], type=d["type"], positive=int(d["positive"]),
                   edits=[Edit.from_json(e) for e in d.get("edits", [])],
                   plausibility=(float(p["positive"]), float(p["negative"])) if p else None)


@dataclass
class SampleRecord:
    key: str
    caption: str
    scene_graph: SceneGraph
    positives: list[Positive] = field(default_factory=list)
    negatives: list[Negative] = field(default_factory=list)
    url: Optional[str] = None
    source: Optional[dict] = None                   # {"file", "row"}, + "key": the user's key if changed
    tokens: list[str] = field(default_factory=list)  # caption tokens that spans index into
    # why the caption got no sub-graph positives and no negatives: it describes no visible scene
    # (a reason of schemas.outcomes.SKIP_REASONS: "product_listing", "title", ...), else None
    skipped: Optional[str] = None
    # P(the caption describes a visible scene) by the learned score (text.scene_model), 2 decimals, for a
    # caption every suitability rule keeps; None when a rule skipped it or the gate was off.  Added
    # without a schema version bump: records written before have none (read as None).
    scene_score: Optional[float] = None

    def to_json(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "key": self.key,
            "caption": self.caption,
            "url": self.url,
            "source": self.source,
            "tokens": list(self.tokens),
            "scene_graph": self.scene_graph.to_json(),
            "positives": [p.to_json() for p in self.positives],
            "negatives": [n.to_json() for n in self.negatives],
            "skipped": self.skipped,
            "scene_score": self.scene_score,
        }

    @classmethod
    def from_json(cls, d: dict) -> "SampleRecord":
        version = d.get("schema_version")
        if version not in READABLE_SCHEMA_VERSIONS:
            raise ValueError(f"unsupported schema_version {version!r} (expected one of "
                             f"{', '.join(READABLE_SCHEMA_VERSIONS)})")
        return cls(
            key=d["key"], caption=d["caption"],
            scene_graph=SceneGraph.from_json(d["scene_graph"]),
            positives=[Positive.from_json(p) for p in d.get("positives", [])],
            negatives=[Negative.from_json(n) for n in d.get("negatives", [])],
            url=d.get("url"), source=d.get("source"), tokens=list(d.get("tokens", [])),
            skipped=d.get("skipped"), scene_score=d.get("scene_score"),
        )


def dumps(record: Mapping[str, Any]) -> str:
    """The one serialisation used everywhere: sorted keys, compact, UTF-8 kept."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def dumps_bytes(record: Mapping[str, Any]) -> bytes:
    """``dumps(record).encode("utf-8")``, byte for byte, by orjson (a quarter of the time: a
    sample record is ~2 kB).  What orjson refuses (keys that are not strings, integers past
    64 bits, lone surrogates) takes the json path, so the outcome is the same either way.
    The only floats in a record are the scene graph's confidences and the scene score, rounded to
    2 decimals in [0, 1], which both libraries write as the shortest round-trip form ("0.87", "1.0")."""
    if orjson is not None:
        try:
            return orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
        except TypeError:                                # orjson.JSONEncodeError is a TypeError
            pass
    return dumps(record).encode("utf-8")


_SPAN = pa.list_(pa.int32())
ARROW_SCHEMA = pa.schema([
    ("schema_version", pa.string()),
    ("key", pa.string()),
    ("caption", pa.string()),
    ("url", pa.string()),
    ("source", pa.struct([("file", pa.string()), ("row", pa.int64()), ("key", pa.string())])),
    ("tokens", pa.list_(pa.string())),
    ("scene_graph", pa.struct([
        ("objects", pa.list_(pa.struct([
            ("name", pa.string()),
            ("attributes", pa.list_(pa.string())),
            ("quantity", pa.string()),
            ("span", _SPAN),
            ("attribute_spans", pa.list_(_SPAN)),
            ("plural", pa.bool_()),
            ("confidence", pa.float64()),                    # null in graphs made by hand
            ("attribute_confidences", pa.list_(pa.float64())),
        ]))),
        ("relations", pa.list_(pa.struct([
            ("subject", pa.int32()),
            ("predicate", pa.string()),
            ("object", pa.int32()),
            ("span", _SPAN),
            ("confidence", pa.float64()),
        ]))),
    ])),
    ("positives", pa.list_(pa.struct([
        ("text", pa.string()), ("kind", pa.string()),
        ("objects", pa.list_(pa.int32())), ("relations", pa.list_(pa.int32())),
    ]))),
    ("negatives", pa.list_(pa.struct([
        ("text", pa.string()), ("type", pa.string()), ("positive", pa.int32()),
        ("edits", pa.list_(pa.struct([("span", _SPAN), ("from", pa.string()), ("to", pa.string())]))),
        # null unless --selection plausible chose the negative
        ("plausibility", pa.struct([("positive", pa.float64()), ("negative", pa.float64())])),
    ]))),
    ("skipped", pa.string()),
    ("scene_score", pa.float64()),                       # null: a rule skipped it, or written before
])


def to_arrow(records: list[dict]) -> pa.Table:
    """JSON-form records -> an Arrow table with ``ARROW_SCHEMA``."""
    return pa.Table.from_pylist(records, schema=ARROW_SCHEMA)
