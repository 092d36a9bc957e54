"""The data contract: scene graphs, positives, negatives and the sample record."""
from .depview import DepToken, Doc, text_of
from .graph import SceneGraph, SGObject, SGRelation, Span
from .record import (
    ARROW_SCHEMA, NEGATIVE_TYPES, POSITIVE_KINDS, SCHEMA_VERSION,
    Edit, Negative, Positive, SampleRecord, dumps, to_arrow,
)
