"""The PySpark engine: the Beam job's shards, for Spark platforms without a Beam runner.

    tasks -> bundles, one partition each -> work.do_unit -> groupByKey(shard)
          -> work.finish_unit (the shard written) -> shard stats
          -> merged on the driver -> stats.json, sizes.json

Nothing is re-implemented: the plan, the per-task work, the shard writer and
the stats are the modules the Beam pipeline uses, so both engines write
byte-identical shards for the same input and options.  Duplicate keys, the
corpus vocabulary and the blind models of --selection plausible are computed over
all tasks (committed ones included), as
engines.beam.build does, so a resumed run decides as an uninterrupted one.
PySpark is an optional extra (``pip install 'sgshards[spark]'``), imported
only when a job runs; no Beam import happens on the driver or the workers.
Each Python worker process loads one parser (``work.worker_parser``, kept by ``load_parser``):
Spark reuses workers across tasks (spark.python.worker.reuse, on by default), so the model
loads once, not per shard.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Iterable, Iterator, Optional

from . import blind
from . import plan as planning
from ..outputs.shards import committed_stats, finish_stats, write_run_summary
from .work import RunConfig, bundles, count_task, do_unit, finish_unit, merge_corpus, save_corpus, worker_parser

log = logging.getLogger(__name__)
APP_NAME = "sgshards"
DEFAULT_MASTER = "local[2]"


def keyed_indices(task: planning.ShardTask) -> Iterator[tuple[str, int]]:
    return ((it["key"], it["index"]) for it in planning.task_items(task))


def all_but_first(key_indices: tuple[str, Iterable[int]]) -> list[int]:
    return sorted(key_indices[1])[1:]


def duplicate_indices(sc, tasks: list[planning.ShardTask]) -> frozenset:
    """Indices of records whose user key an earlier record already took
    (engines.beam.DuplicateKeys)."""
    return frozenset(sc.parallelize(tasks, len(tasks))
                     .flatMap(keyed_indices)
                     .groupByKey()
                     .flatMap(all_but_first)
                     .collect())


def corpus_counts(sc, tasks: list[planning.ShardTask], config: RunConfig) -> dict:
    """The corpus vocabulary pass (engines.beam.CorpusVocab), saved as vocab.json and cooccur.npz."""
    def count(part: Iterator[planning.ShardTask]) -> Iterator[dict]:
        parser = worker_parser(config.parser_backend, config.model)
        for task in part:
            yield count_task(parser, task, config)

    corpus = merge_corpus(sc.parallelize(tasks, len(tasks)).mapPartitions(count).collect())
    save_corpus(config.output, corpus)
    return corpus


def blind_models(sc, tasks: list[planning.ShardTask], config: RunConfig):
    """The balancing pass (engines.beam.BlindModels): per-unit samples (tasks or their blocks,
    ``blind.units``) merged by a tree reduce, fitted on the driver, saved beside vocab.json."""
    rate = blind.sample_rate(planning.total_records(tasks), config.balance_share)
    units = [u for task in tasks for u in blind.units(task, config)]

    def sample(part: Iterator) -> Iterator[blind.BlindSample]:
        parser = worker_parser(config.parser_backend, config.model)
        for unit in part:
            yield blind.sample_unit(parser, unit, config, rate)

    merged = (sc.parallelize(units, len(units))
              .mapPartitions(sample)
              .treeReduce(lambda a, b: blind.merge_samples([a, b])))
    up_to, more = blind.top_up_rate(merged, rate, config.balance_share), None
    if up_to > rate:                                 # few records yielded pairs: the top-up stage

        def top_up(part: Iterator) -> Iterator[blind.BlindSample]:
            parser = worker_parser(config.parser_backend, config.model)
            for unit in part:
                yield blind.sample_unit(parser, unit, config, up_to, above=rate)

        more = (sc.parallelize(units, len(units))
                .mapPartitions(top_up)
                .treeReduce(lambda a, b: blind.merge_samples([a, b])))
    return blind.fit_and_save(merged, config.output, config.annotate.augment.seed, config.corpus_lm, more)


def _annotate_partition(config: RunConfig, duplicates, models):
    """(shard's place, unit) -> (shard's place, (task, digests or stats))."""
    def run(units: Iterator[tuple]) -> Iterator[tuple]:
        parser = worker_parser(config.parser_backend, config.model)
        dups = duplicates.value if duplicates is not None else frozenset()
        chosen = config.with_blind(models.value) if models is not None else config
        for place, unit in units:
            yield place, do_unit(parser, unit, chosen, dups)
    return run


def spark_context(master: Optional[str] = DEFAULT_MASTER):
    """The active SparkContext, or a new one.  ``master=None`` keeps the master set
    by spark-submit or spark-defaults (falling back to local[2])."""
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError as exc:
        raise ImportError("the spark engine needs PySpark: pip install 'sgshards[spark]'") from exc
    # SparkConf reads spark-submit's settings (spark.master among them) from the JVM, and only
    # when the gateway to it is up: start or join it first
    SparkContext._ensure_initialized()
    conf = SparkConf().setAppName(APP_NAME)
    if master or not conf.contains("spark.master"):
        conf.setMaster(master or DEFAULT_MASTER)
    if conf.get("spark.master", "").startswith("local") and not conf.contains("spark.pyspark.python"):
        # local workers: this interpreter, not PATH's python3 (a SparkContext started
        # from Python reads PYSPARK_PYTHON, spark-submit reads the conf)
        conf.set("spark.pyspark.python", sys.executable)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    conf.setIfMissing("spark.ui.enabled", "false")
    conf.setIfMissing("spark.ui.showConsoleProgress", "false")     # sgshards' own progress line instead
    # PySpark spills a shuffle (the duplicate-key check) once the worker's RSS passes this;
    # the parser model alone takes ~0.5 GB, so the 512m default spills on every batch.
    conf.setIfMissing("spark.python.worker.memory", "2g")
    # Two attempts of one shard would race on the same temporary file name.
    conf.setIfMissing("spark.speculation", "false")
    return SparkContext.getOrCreate(conf)


def run_spark(tasks: list[planning.ShardTask], config: RunConfig, committed: frozenset = frozenset(),
              spark_master: Optional[str] = DEFAULT_MASTER, check_duplicate_keys: bool = False,
              corpus_vocab: bool = False) -> dict:
    """Run the job on Spark; shards whose stem is in ``committed`` (a resumed run)
    are kept and their stats read back.  Writes stats.json and sizes.json (and
    vocab.json with ``corpus_vocab``); returns the stats.  An already active
    SparkContext is used and left running; one created here is stopped."""
    from pyspark import SparkContext

    owned = SparkContext._active_spark_context is None
    sc = spark_context(spark_master)
    todo = [t for t in tasks if t.stem not in committed]
    try:
        duplicates = None
        if todo and check_duplicate_keys:
            duplicates = sc.broadcast(duplicate_indices(sc, tasks))
        if todo and corpus_vocab:
            config = config.with_frequencies(corpus_counts(sc, tasks, config))
        models = None
        if todo and blind.wants_blind(config.annotate):
            models = sc.broadcast(blind_models(sc, tasks, config))
        # the shard's place in the plan keys the shuffle (ints: no string hashing across workers)
        units = [(place, unit) for place, task in enumerate(todo) for unit in bundles(task, config)]
        new_stats = (sc.parallelize(units, len(units))
                     .mapPartitions(_annotate_partition(config, duplicates, models))
                     .groupByKey(len(todo), partitionFunc=lambda place: place)
                     .map(lambda shard: finish_unit(shard[1], config))
                     .collect()) if todo else []
        for shared in (duplicates, models):
            if shared is not None:
                shared.destroy()
    finally:
        if owned:
            sc.stop()
    old_stats = [committed_stats(config.output, stem) for stem in sorted(committed)]
    stats, sizes = finish_stats(new_stats + old_stats, planning.total_records(tasks), config.samples_per_shard)
    write_run_summary(config.output, stats, sizes)
    log.info("spark: wrote %d shard(s), kept %d committed", len(new_stats), len(old_stats))
    return stats
