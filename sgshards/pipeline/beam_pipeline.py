"""The Beam pipeline: shard tasks -> annotated, written shards -> run stats.

    tasks | Reshuffle | AnnotateShards (read, normalise, parse in batches, graph,
    positives/negatives, write tar + dead letters) | CombineStats | WriteStats

A shard is produced by one DoFn call with no shuffle of records, so memory
stays at one shard and a shard's bytes depend only on its input range.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Optional

import apache_beam as beam
from apache_beam.metrics import Metrics

from ..transforms.annotate import AnnotateOptions, annotate_batch
from ..transforms.nlp import load_parser
from . import plan as planning
from .shards import committed_stats, finish_stats, merge_stats, write_run_summary, write_shard

log = logging.getLogger(__name__)
NAMESPACE = "sgshards"


@dataclass(frozen=True)
class RunConfig:
    output: str
    samples_per_shard: int
    parser_backend: str = "spacy"
    model: Optional[str] = None
    batch_size: int = 256
    annotate: AnnotateOptions = AnnotateOptions()


def annotate_items(parser, items: list[dict], options: AnnotateOptions, batch_size: int,
                   duplicate_indices: frozenset = frozenset()) -> Iterable[dict]:
    """Annotate a shard's items in parser-sized batches (records marked as
    duplicate keys are rejected without parsing)."""
    for start in range(0, len(items), batch_size):
        batch = items[start:start + batch_size]
        for it in batch:
            if it["index"] in duplicate_indices:
                it["reject"], it["raw"] = "duplicate_key", it["raw"] or it["caption"]
        yield from annotate_batch(parser, batch, options)


class AnnotateShardFn(beam.DoFn):
    """Reads, annotates and writes one shard; the parser is loaded once per worker."""

    def __init__(self, config: RunConfig):
        self.config = config
        self.parser = None
        self.input_records = Metrics.counter(NAMESPACE, "input_records")
        self.written = Metrics.counter(NAMESPACE, "written")
        self.shards = Metrics.counter(NAMESPACE, "shards_written")
        self.rejected = {}

    def setup(self):
        self.parser = load_parser(self.config.parser_backend, self.config.model)

    def process(self, task: planning.ShardTask, duplicates=()):
        items = list(planning.task_items(task))
        outcomes = annotate_items(self.parser, items, self.config.annotate, self.config.batch_size,
                                  frozenset(duplicates))
        stats = write_shard(self.config.output, task.shard, outcomes)
        self._count(stats)
        yield stats

    def _count(self, stats: dict) -> None:
        self.input_records.inc(stats["input_records"])
        self.written.inc(stats["written"])
        self.shards.inc()
        for reason, n in stats["rejected"].items():
            if reason not in self.rejected:
                self.rejected[reason] = Metrics.counter(NAMESPACE, f"rejected_{reason}")
            self.rejected[reason].inc(n)


class DuplicateKeys(beam.PTransform):
    """Indices of records whose user key an earlier record already took."""

    def expand(self, tasks):
        return (tasks
                | "KeyedIndices" >> beam.FlatMap(
                    lambda t: ((it["key"], it["index"]) for it in planning.task_items(t)))
                | "GroupByKey" >> beam.GroupByKey()
                | "AllButFirst" >> beam.FlatMap(lambda kv: sorted(kv[1])[1:]))


class AnnotateShards(beam.PTransform):
    def __init__(self, config: RunConfig, check_duplicate_keys: bool = False):
        super().__init__()
        self.config = config
        self.check_duplicate_keys = check_duplicate_keys

    def expand(self, tasks):
        tasks = tasks | "Distribute" >> beam.Reshuffle()
        if self.check_duplicate_keys:
            duplicates = tasks | "DuplicateKeys" >> DuplicateKeys()
            return tasks | "AnnotateAndWrite" >> beam.ParDo(
                AnnotateShardFn(self.config), duplicates=beam.pvalue.AsList(duplicates))
        return tasks | "AnnotateAndWrite" >> beam.ParDo(AnnotateShardFn(self.config))


class WriteRunStats(beam.PTransform):
    """Merge shard stats into stats.json and sizes.json, with the conservation check."""

    def __init__(self, output: str, input_records: int, samples_per_shard: int):
        super().__init__()
        self.output, self.input_records, self.samples_per_shard = output, input_records, samples_per_shard

    def expand(self, shard_stats):
        return (shard_stats
                | "Merge" >> beam.CombineGlobally(merge_stats)
                | "Finish" >> beam.Map(self._write))

    def _write(self, merged: dict) -> dict:
        stats, sizes = finish_stats([merged], self.input_records, self.samples_per_shard)
        write_run_summary(self.output, stats, sizes)
        return stats


def build(p: beam.Pipeline, tasks: list[planning.ShardTask], config: RunConfig,
          check_duplicate_keys: bool = False, committed: frozenset = frozenset()):
    """Add the job to pipeline ``p``; returns the PCollection of the final stats.
    Shards in ``committed`` (a resumed run) are not redone: their stats are read back."""
    todo = [t for t in tasks if t.shard not in committed]
    new_stats = (p
                 | "ShardTasks" >> beam.Create(todo)
                 | "AnnotateShards" >> AnnotateShards(config, check_duplicate_keys))
    old_stats = (p
                 | "CommittedShards" >> beam.Create(sorted(committed))
                 | "ReadCommittedStats" >> beam.Map(lambda shard: committed_stats(config.output, shard)))
    return ((new_stats, old_stats)
            | "AllShardStats" >> beam.Flatten()
            | "WriteRunStats" >> WriteRunStats(config.output, planning.total_records(tasks),
                                               config.samples_per_shard))
