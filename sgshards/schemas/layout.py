"""Where a sample record lives in a shard: the one place that names record members.

Since schema 2.0 a record is the member ``{key}.sg.json`` in both output modes.
img2dataset's image shards hold ``{key}.jpg|png|webp``, ``{key}.txt`` and
``{key}.json`` for every sample, so a sidecar shard zipped with them by key (the
column-store pattern) must use none of those extensions, and an augmented image
shard adds one member beside them.  A sidecar shard holds its samples in the
image shard's member order, minus the rejected ones (their dead letters say why).

Schema 1.0 sidecar shards held ``{key}.json`` (the record) and ``{key}.txt`` (its
caption); ``read_record`` still reads them.  The record itself did not change.
"""
from __future__ import annotations

import json
from typing import Mapping, Optional

from .record import READABLE_SCHEMA_VERSIONS

RECORD_MEMBER = "sg.json"
LEGACY_RECORD_MEMBER = "json"           # schema 1.0 sidecar shards
LEGACY_CAPTION_MEMBER = "txt"
# what img2dataset writes per sample (an image in one of its encode formats, caption, metadata)
IMG2DATASET_MEMBERS = frozenset({"jpg", "jpeg", "png", "webp", "txt", "json"})
IMAGE_MEMBERS = ("jpg", "jpeg", "png", "webp")


def record_bytes(sample: Mapping) -> Optional[bytes]:
    """The record member's bytes of a webdataset sample (extension -> bytes), or None:
    ``sg.json``, else a schema 1.0 ``json`` member that is a record (not img2dataset's
    metadata, which is a ``json`` member too)."""
    data = sample.get(RECORD_MEMBER)
    if data is not None:
        return data
    legacy = sample.get(LEGACY_RECORD_MEMBER)
    if legacy is not None and b'"scene_graph"' in legacy and _is_record(legacy):
        return legacy
    return None


def read_record(sample: Mapping) -> Optional[dict]:
    """The sample's record, decoded, or None when it carries none."""
    data = record_bytes(sample)
    return None if data is None else json.loads(data)


def _is_record(data: bytes) -> bool:
    try:
        value = json.loads(data)
    except ValueError:
        return False
    return isinstance(value, dict) and value.get("schema_version") in READABLE_SCHEMA_VERSIONS \
        and "scene_graph" in value
