"""JSON Schema (draft 2020-12) of the sample record, for validators outside Python too.

``python -m sgshards.schemas.jsonschema`` prints it.
"""
from __future__ import annotations

import json
from functools import lru_cache

from .outcomes import SKIP_REASONS
from .record import NEGATIVE_TYPES, POSITIVE_KINDS, READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION

# sgshards.schemas.keys.safe_key's keys: a letter or digit, then [A-Za-z0-9_-], 64 at most
# "(?![\s\S])" ends the key in Python and ECMA-262 alike; Python's "$" also matches before a final "\n"
KEY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,63}(?![\s\S])"

_SPAN = {"type": ["array", "null"], "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2}
_INDICES = {"type": "array", "items": {"type": "integer", "minimum": 0}}
# calibrated confidence of a graph element (schemas/graph.py); absent in graphs made by hand
_CONFIDENCE = {"type": "number", "minimum": 0, "maximum": 1}

RECORD_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": f"https://sgshards/schemas/sample-record-{SCHEMA_VERSION}.json",
    "title": "sgshards sample record",
    "type": "object",
    "required": ["schema_version", "key", "caption", "scene_graph", "positives", "negatives"],
    "properties": {
        "schema_version": {"enum": list(READABLE_SCHEMA_VERSIONS)},
        "key": {"type": "string", "pattern": KEY_PATTERN},
        "caption": {"type": "string", "minLength": 1},
        "url": {"type": ["string", "null"]},
        "source": {"type": ["object", "null"], "properties": {"key": {"type": "string"}}},
        "tokens": {"type": "array", "items": {"type": "string"}},
        "scene_graph": {
            "type": "object",
            "required": ["objects", "relations"],
            "properties": {
                "objects": {"type": "array", "items": {
                    "type": "object",
                    "required": ["name", "attributes", "quantity", "span"],
                    "properties": {
                        "name": {"type": "string", "minLength": 1},
                        "attributes": {"type": "array", "items": {"type": "string", "minLength": 1}},
                        "quantity": {"type": ["string", "null"]},
                        "span": _SPAN,
                        "attribute_spans": {"type": "array", "items": _SPAN},
                        "plural": {"type": "boolean"},
                        "confidence": _CONFIDENCE,
                        "attribute_confidences": {"type": "array", "items": _CONFIDENCE},
                    },
                }},
                "relations": {"type": "array", "items": {
                    "type": "object",
                    "required": ["subject", "predicate", "object"],
                    "properties": {
                        "subject": {"type": "integer", "minimum": 0},
                        "predicate": {"type": "string", "minLength": 1},
                        "object": {"type": "integer", "minimum": 0},
                        "span": _SPAN,
                        "confidence": _CONFIDENCE,
                    },
                }},
            },
        },
        "positives": {"type": "array", "items": {
            "type": "object",
            "required": ["text", "kind"],
            "properties": {"text": {"type": "string", "minLength": 1}, "kind": {"enum": list(POSITIVE_KINDS)},
                           "objects": _INDICES, "relations": _INDICES},
        }},
        "negatives": {"type": "array", "items": {
            "type": "object",
            "required": ["text", "type", "positive"],
            "properties": {
                "text": {"type": "string", "minLength": 1},
                "type": {"enum": list(NEGATIVE_TYPES)},
                "positive": {"type": "integer", "minimum": 0},
                "edits": {"type": "array", "items": {
                    "type": "object", "required": ["span", "from", "to"],
                    "properties": {"span": _SPAN, "from": {"type": "string"}, "to": {"type": "string"}},
                }},
                "plausibility": {"type": "object", "required": ["positive", "negative"],
                                 "properties": {"positive": {"type": "number"}, "negative": {"type": "number"}}},
            },
        }},
        # a caption that describes no visible scene: the reason, and no sub-graph positive or negative
        "skipped": {"enum": [*SKIP_REASONS, None]},
        # P(scene) of a caption every suitability rule keeps (text.scene_model); null otherwise
        "scene_score": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
    },
}


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(RECORD_SCHEMA)


@lru_cache(maxsize=1)
def _fast_check():
    """The schema compiled to Python (fastjsonschema): ~100x faster than
    jsonschema's interpreter, which only explains records that fail."""
    import fastjsonschema

    return fastjsonschema.compile(RECORD_SCHEMA)


def record_errors(record: dict) -> list[str]:
    """Schema violations plus the cross-field rules a schema cannot say
    (indices must point inside their lists)."""
    import fastjsonschema

    try:
        _fast_check()(record)
        errors = []
    except fastjsonschema.JsonSchemaException:
        errors = [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}"
                  for e in _validator().iter_errors(record)]
    if errors:
        return errors
    n_objects = len(record["scene_graph"]["objects"])
    for i, o in enumerate(record["scene_graph"]["objects"]):
        if "attribute_confidences" in o and len(o["attribute_confidences"]) != len(o["attributes"]):
            errors.append(f"scene_graph/objects/{i}: attribute_confidences not parallel to attributes")
    for i, r in enumerate(record["scene_graph"]["relations"]):
        if r["subject"] >= n_objects or r["object"] >= n_objects:
            errors.append(f"scene_graph/relations/{i}: points outside objects")
    for i, n in enumerate(record["negatives"]):
        if n["positive"] >= len(record["positives"]):
            errors.append(f"negatives/{i}/positive: no positive {n['positive']}")
    if record.get("skipped") and (record["negatives"] or len(record["positives"]) > 1):
        errors.append("skipped: a skipped caption has sub-graph positives or negatives")
    return errors


if __name__ == "__main__":
    print(json.dumps(RECORD_SCHEMA, indent=2))
