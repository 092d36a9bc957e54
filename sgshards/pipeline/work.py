"""One shard task, start to end: read, annotate in batches, write, return stats.

Engine-neutral (no Beam, no Spark imports): the Beam DoFn and the PySpark
partition function both call ``process_task``, which is why their shards are
byte-identical.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from ..transforms.annotate import AnnotateOptions, annotate_batch, item
from . import plan as planning
from .shards import ShardWriter, write_shard
from .wds_source import read_wds

MODES = ("shards", "sidecar", "augment")


@dataclass(frozen=True)
class RunConfig:
    output: str
    samples_per_shard: int
    parser_backend: str = "spacy"
    model: Optional[str] = None
    batch_size: int = 256
    annotate: AnnotateOptions = field(default_factory=AnnotateOptions)
    mode: str = "shards"                 # img2dataset inputs: "sidecar" or "augment"
    export_dir: Optional[str] = None     # --export-parquet


def annotate_items(parser, items: list[dict], options: AnnotateOptions, batch_size: int,
                   duplicate_indices: frozenset = frozenset()) -> Iterable[dict]:
    """Annotate items in parser-sized batches (records marked as duplicate
    keys are rejected without parsing)."""
    for start in range(0, len(items), batch_size):
        batch = items[start:start + batch_size]
        for it in batch:
            if it["index"] in duplicate_indices:
                it["reject"], it["raw"] = "duplicate_key", it["raw"] or it["caption"]
        yield from annotate_batch(parser, batch, options)


def process_task(parser, task: planning.ShardTask, config: RunConfig,
                 duplicates: frozenset = frozenset()) -> dict:
    """Read, annotate and write one shard; return its stats."""
    if task.format == "wds":
        return _process_wds(parser, task, config)
    items = list(planning.task_items(task))
    outcomes = annotate_items(parser, items, config.annotate, config.batch_size, duplicates)
    return write_shard(config.output, task.stem, outcomes, config.export_dir)


def _batches(samples: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for s in samples:
        batch.append(s)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _process_wds(parser, task: planning.ShardTask, config: RunConfig) -> dict:
    """img2dataset shard in, same-named shard out, streamed batch by batch in
    input order, so keys line up with the image shard and memory stays flat."""
    writer = ShardWriter(config.output, task.stem, config.export_dir, augment=config.mode == "augment")
    for batch in _batches(read_wds(task.path), config.batch_size):
        items = [item(s.row, s.key, s.caption, s.url, {"file": task.path, "row": s.row}, s.reject, s.raw)
                 for s in batch]
        for sample, outcome in zip(batch, annotate_batch(parser, items, config.annotate)):
            writer.add(outcome, sample.members)
    return writer.close()
