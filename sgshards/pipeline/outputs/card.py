"""The dataset card of the ``--export-parquet`` folder: ``README.md`` as the Hugging Face hub reads it.

A YAML header (``configs`` with the Parquet parts as ``data_files``, ``dataset_info`` with the
features of ``schemas.export.EXPORT_SCHEMA``, a ``license`` to fill in), then what the rows are,
the row count and counts per positive kind and negative type, and the source, options and
versions that produced them (from the run's ``stats.json`` and ``manifest.json``), so
``datasets.load_dataset(DIR)`` loads the folder with the card's features.
"""
from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from ...schemas.export import EXPORT_SCHEMA
from ...schemas.record import SCHEMA_VERSION
from .shards import write_atomic

CARD_FILE = "README.md"
LICENSE_TO_FILL = "other"          # the captions' licence is the user's to state
_DTYPES = {pa.string(): "string", pa.int32(): "int32", pa.int64(): "int64", pa.float32(): "float32",
           pa.float64(): "float64", pa.bool_(): "bool"}


def feature(arrow_type: pa.DataType) -> dict:
    """One Arrow type as a Hugging Face ``dataset_info`` feature (``dtype``, ``list``, ``struct``)."""
    if arrow_type in _DTYPES:
        return {"dtype": _DTYPES[arrow_type]}
    if pa.types.is_list(arrow_type):
        inner = arrow_type.value_type
        if pa.types.is_struct(inner):
            return {"list": [{"name": f.name, **feature(f.type)} for f in inner]}
        return {"list": feature(inner)}
    if pa.types.is_struct(arrow_type):
        return {"struct": [{"name": f.name, **feature(f.type)} for f in arrow_type]}
    raise TypeError(f"no dataset-card feature for Arrow type {arrow_type}")


def features(schema: pa.Schema = EXPORT_SCHEMA) -> list:
    return [{"name": f.name, **feature(f.type)} for f in schema]


def yaml(value: Any, indent: int = 0) -> str:
    """A small YAML emitter for the card's header: dicts, lists, and scalars written as JSON
    (which YAML reads as the same strings and numbers)."""
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{k}:\n{yaml(v, indent + 2)}")
            else:
                lines.append(f"{pad}{k}: {_scalar(v)}")
        return "\n".join(lines)
    if isinstance(value, list):
        lines = []
        for v in value:
            if isinstance(v, (dict, list)) and v:
                body = yaml(v, indent + 2)
                lines.append(f"{pad}- {body[indent + 2:]}")
            else:
                lines.append(f"{pad}- {_scalar(v)}")
        return "\n".join(lines)
    return pad + _scalar(value)


def _scalar(v: Any) -> str:
    if isinstance(v, (dict, list)):
        return "{}" if isinstance(v, dict) else "[]"
    return json.dumps(v, ensure_ascii=False)


def rows(stats: dict) -> int:
    """Export rows: one per positive and per negative of every written record."""
    return sum(stats.get("positives", {}).values()) + sum(stats.get("negatives", {}).values())


def card(stats: dict, manifest: dict) -> str:
    header = {
        "license": LICENSE_TO_FILL,
        "language": ["en"],
        "pretty_name": "sgshards negative captions",
        "tags": ["sgshards", "scene-graph", "hard-negatives", "compositionality"],
        "configs": [{"config_name": "default", "data_files": [{"split": "train", "path": "part-*.parquet"}]}],
        "dataset_info": {"features": features()},
    }
    annotate = manifest.get("annotate", {})
    augment = annotate.get("augment", {})
    inputs = [i.get("path") for i in manifest.get("inputs", [])]
    count_rows = lambda counts: "\n".join(f"| {k} | {v:,} |" for k, v in sorted(counts.items()))  # noqa: E731
    versions = {"sgshards": manifest.get("sgshards"), **manifest.get("versions", {})}
    return f"""---
{yaml(header)}
---

# sgshards negative captions

Captions with their scene-graph positives and minimally perturbed hard negatives, written by
sgshards (record schema {SCHEMA_VERSION}). One row per positive and per
negative of every written caption: {rows(stats):,} rows from {stats.get('written', 0):,} captions
({stats.get('with_negative', 0):,} with a hard negative; {stats.get('input_records', 0):,} read,
{stats.get('rejected_total', 0):,} rejected with a reason in the run's `dead_letters/`).

**Licence: fill in.** The `license` field above is `{LICENSE_TO_FILL}` until you state the licence of
the captions you ran sgshards on.

## Columns

| column | what |
| --- | --- |
| `key` | the sample's key (joins the image of the same key) |
| `caption` | the caption |
| `text` | a positive (true of the image) or a negative (false of it) |
| `role` | `positive` or `negative` |
| `type` | the positive's kind (`caption`, `object`, `relation`, `chain`) or the negative's type |
| `positive`, `positive_text` | a negative: the positive it perturbs (index among the record's positives, text) |
| `edits` | a negative: the token spans changed, from and to |
| `plausibility` | a negative chosen by `--selection plausible`: log-probabilities of positive and negative |
| `scene_score` | the record's P(the caption describes a visible scene), for the run's share of scenes (`--min-scene-score`); filter rows on it for a stricter gate; null when a rule skipped the caption |

## Counts

| positive kind | rows |
| --- | --- |
{count_rows(stats.get('positives', {}))}

| negative type | rows |
| --- | --- |
{count_rows(stats.get('negatives', {}))}

## How it was made

- source: {', '.join(f'`{p}`' for p in inputs) or 'the embedded sample'}
- parser: {manifest.get('parser', {}).get('backend')} `{manifest.get('parser', {}).get('model') or 'default model'}`
- options: max positives {augment.get('max_positives')}, max negatives {augment.get('max_negatives')},
  seed {augment.get('seed')}, min confidence {augment.get('min_confidence')}, selection
  {augment.get('selection')}
- versions: {', '.join(f'{k} {v}' for k, v in versions.items() if v)}

## Loading

```python
from datasets import load_dataset
ds = load_dataset("path/to/this/folder")["train"]
negatives = ds.filter(lambda r: r["role"] == "negative")
```
"""


def write_card(export_dir: str, stats: dict, manifest: dict) -> str:
    path = f"{export_dir.rstrip('/')}/{CARD_FILE}"
    write_atomic(path, card(stats, manifest).encode("utf-8"))
    return path
