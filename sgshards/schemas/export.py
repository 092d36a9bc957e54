"""Arrow schemas of the Parquet files a run publishes.

``INDEX_SCHEMA``: ``{stem}_index.parquet``, one row per input record (``outcomes.IndexRow``).
``EXPORT_SCHEMA``: ``--export-parquet`` parts, the reusable negative-caption dataset: one row per
positive and per negative of every written record.
"""
from __future__ import annotations

import pyarrow as pa

INDEX_SCHEMA = pa.schema([
    ("key", pa.string()), ("index", pa.int64()), ("status", pa.string()), ("stage", pa.string()),
    ("reason", pa.string()), ("positives", pa.int32()), ("negatives", pa.int32()),
])

EDITS_TYPE = pa.list_(pa.struct([("span", pa.list_(pa.int32())), ("from", pa.string()), ("to", pa.string())]))
EXPORT_SCHEMA = pa.schema([
    ("key", pa.string()), ("caption", pa.string()), ("text", pa.string()),
    ("role", pa.string()),            # "positive" | "negative"
    ("type", pa.string()),            # positive kind or negative type
    ("positive", pa.int32()),         # negatives: index of the positive perturbed
    ("positive_text", pa.string()),
    ("edits", EDITS_TYPE),
    # negatives chosen by plausibility: mean log-probability per word of positive and negative
    ("plausibility", pa.struct([("positive", pa.float32()), ("negative", pa.float32())])),
    # the record's P(scene) (text.scene_model), on each of its rows: null when a rule skipped it
    ("scene_score", pa.float32()),
])
