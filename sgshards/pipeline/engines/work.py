"""The work of a shard task: read, annotate in batches, write, return stats.

A table task is cut into bundles (``bundles``) that workers annotate apart
(``annotate_bundle``: digested samples, packed) and one worker then writes as the shard
(``write_bundles``), so parallelism goes below the shard while the shard stays the
unit of commit and resume; an img2dataset task is done whole (``process_task``).
Engine-neutral (no Beam, no Spark imports): the Beam DoFns and the PySpark
functions call these, which is why their shards are byte-identical.
"""
from __future__ import annotations

import pickle
import zlib
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Iterable, Iterator, Optional

from ... import defaults
from ...annotate import AnnotateOptions, annotate_batch, item, parse_graphs, with_blind
from ...schemas.outcomes import DUPLICATE_KEY, InputItem, Outcome
from ...text.normalize import normalize_caption
from ...augment.plausibility.cooccur import Cooccurrence, CorpusCounts
from ...augment.vocab import count_graph, empty_counts, merge_counts
from . import plan as planning
from ...schemas.keys import source_with_key
from ...schemas.record import dumps
from ...parse import load_parser
from ..outputs.shards import (COOCCUR_FILE, VOCAB_FILE, ShardWriter, digest, write_atomic, write_digests,
                              write_shard)
from ..inputs.wds import read_wds

MODES = ("shards", "sidecar", "augment")


@dataclass(frozen=True)
class RunConfig:
    output: str
    samples_per_shard: int = defaults.SAMPLES_PER_SHARD
    parser_backend: str = defaults.PARSER_BACKEND
    model: Optional[str] = None
    batch_size: int = defaults.BATCH_SIZE
    bundle_size: int = defaults.BUNDLE_SIZE   # 0: whole tasks (choose_bundle_size)
    annotate: AnnotateOptions = field(default_factory=AnnotateOptions)
    mode: str = "shards"                 # img2dataset inputs: "sidecar" or "augment"
    export_dir: Optional[str] = None     # --export-parquet
    vocab_sample: Optional[int] = None   # corpus vocabulary pass: records per shard (None = all)
    balance_share: Optional[float] = None  # share of records the balancing pass samples (None: blind.sample_rate)
    balance_block: int = defaults.BALANCE_BLOCK  # records per block of the balancing pass (blind.units)
    corpus_lm: Optional[object] = None   # an earlier run's n-gram model (--vocab DIR/vocab.json + ngram.npz)

    def with_frequencies(self, counts) -> "RunConfig":
        """This config with corpus frequencies for sampling replacements."""
        if not counts:
            return self
        return replace(self, annotate=replace(self.annotate, augment=replace(self.annotate.augment,
                                                                             frequencies=counts)))

    def with_blind(self, models) -> "RunConfig":
        """This config choosing negatives against the run's blind models (``engines.blind``), its
        suitability gate reading the run's share of scenes they measured (``annotate.with_blind``)."""
        return self if models is None else replace(self, annotate=with_blind(self.annotate, models))


def annotate_items(parser, items: Iterable[InputItem], options: AnnotateOptions, batch_size: int,
                   duplicate_indices: frozenset = frozenset()) -> Iterable[Outcome]:
    """Annotate items in parser-sized batches, read as they are needed (records marked as
    duplicate keys are rejected without parsing)."""
    for batch in batches(items, batch_size):
        for it in batch:
            if it["index"] in duplicate_indices:
                it["reject"], it["raw"] = DUPLICATE_KEY, it["raw"] or it["caption"]
        yield from annotate_batch(parser, batch, options)


def process_task(parser, task: planning.ShardTask, config: RunConfig,
                 duplicates: frozenset = frozenset()) -> dict:
    """Read, annotate and write one shard; return its stats."""
    if task.format == "wds":
        return _process_wds(parser, task, config)
    outcomes = annotate_items(parser, planning.task_items(task), config.annotate, config.batch_size, duplicates)
    return write_shard(config.output, task.stem, outcomes, config.export_dir)


@dataclass(frozen=True)
class Bundle:
    """Records [start, stop) of a table task, annotated apart from the rest of its shard."""
    task: planning.ShardTask
    start: int
    stop: int

    def items(self) -> Iterator[InputItem]:
        return planning.task_items(self.task, self.start, self.stop)


def bundles(task: planning.ShardTask, config: RunConfig) -> list:
    """A table task cut into bundles of about ``config.bundle_size`` records, a whole number of
    parser batches, so every batch, and with it every byte, is the one-pass run's; an
    img2dataset task stays whole (its samples are written in the image shard's order, beside
    their members in augment mode)."""
    if task.format == "wds" or task.rows is None or config.bundle_size <= 0:
        return [task]
    size = max(1, round(config.bundle_size / config.batch_size)) * config.batch_size
    return [Bundle(task, start, min(start + size, task.rows)) for start in range(0, task.rows, size)] \
        or [Bundle(task, 0, 0)]


def choose_bundle_size(requested: Optional[int], local_workers: Optional[int], shards: int,
                       records: Optional[int]) -> int:
    """Records per bundle, 0 for whole tasks.  Asked for: that.  A remote runner or the Spark
    engine (``local_workers`` None) shuffles through disk: always bundles.  A local runner keeps
    every bundled record in memory between annotating and writing, so it bundles only where it
    pays: several workers, fewer than four shards each, and a bounded number of records."""
    if requested is not None:
        return requested
    if local_workers is None:
        return defaults.BUNDLE_SIZE
    few_shards = shards < 4 * local_workers and (records or 0) <= defaults.LOCAL_SPLIT_RECORDS
    return defaults.BUNDLE_SIZE if local_workers > 1 and few_shards else 0


@dataclass(frozen=True)
class Packed:
    """A bundle's digests as one compressed pickle, what crosses the shuffle between annotating and
    writing: a local runner holds every bundle of the run in its own memory until the shards are
    written, and the writing worker a whole shard's (two workers over 50,000 captions: the launcher
    peaked at 1,044 MiB with the digests as objects)."""
    count: int
    data: bytes

    @classmethod
    def of(cls, digests: list) -> "Packed":
        return cls(len(digests), zlib.compress(pickle.dumps(digests, protocol=pickle.HIGHEST_PROTOCOL), 1))

    def unpack(self) -> list:
        return pickle.loads(zlib.decompress(self.data))

    def __len__(self) -> int:
        return self.count


def annotate_bundle(parser, bundle: Bundle, config: RunConfig, duplicates: frozenset = frozenset()) -> Packed:
    """A bundle's outcomes as digested samples (``outputs.shards.Digest``), ready to write, packed."""
    export = bool(config.export_dir)
    return Packed.of([digest(o, export) for o in annotate_items(parser, bundle.items(), config.annotate,
                                                                config.batch_size, duplicates)])


def write_bundles(task: planning.ShardTask, parts: Iterable[Packed], config: RunConfig) -> dict:
    """The shard of a table task from the digests of all its bundles, in any order."""
    return write_digests(config.output, task.stem, [sample for part in parts for sample in part.unpack()],
                         config.export_dir)


def do_unit(parser, unit, config: RunConfig, duplicates: frozenset = frozenset()) -> tuple:
    """(task, a bundle's packed digests), or (task, stats) of a whole task done here (img2dataset,
    or a run that does not bundle)."""
    try:
        if isinstance(unit, Bundle):
            return unit.task, annotate_bundle(parser, unit, config, duplicates)
        return unit, process_task(parser, unit, config, duplicates)
    finally:
        release_memory()


def release_memory() -> None:
    """Give the heap's free pages back to the system after a unit of work (glibc's
    ``malloc_trim``; nothing elsewhere).  A batch's parses and candidates are freed, but glibc
    keeps the pages for reuse, and a worker's resident size climbs with every unit: of two workers
    over 50,000 captions, the one that fitted the blind models held ~110 MiB more than the other
    until the heap was trimmed after the fit and each unit; a trim takes a few milliseconds."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


# glibc's mallopt parameter and the size from which a block is mapped on its own
M_MMAP_THRESHOLD, LARGE_BLOCK = -3, 8 << 20


def map_large_blocks() -> None:
    """Blocks of 8 MiB and more (the n-gram tables and their derived counts, the fit's arrays) mapped
    on their own, so freeing one gives it back to the system (glibc's ``mallopt``; nothing
    elsewhere).  glibc raises its threshold to the size of each mapped block it frees, so the next
    tables came from the heap, whose pages a trim could not give back: the worker that fitted the
    blind models stayed ~90 MiB above the other for the whole run (10,000 captions on two workers:
    peak 759-770 MiB, 671-681 with the threshold fixed; wall clock unchanged).  Smaller blocks stay
    on the heap: mapping every 1 MiB batch array cost ~10% of the run in page faults."""
    libc = _libc()
    if libc is not None and hasattr(libc, "mallopt"):
        libc.mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK)


def worker_parser(backend: str, model: Optional[str]):
    """A worker's parser (Beam's DoFn setups, Spark's per-process cache), with large blocks mapped
    on their own."""
    map_large_blocks()
    return load_parser(backend, model)


_LIBC: list = []


def _libc():
    if not _LIBC:
        try:
            import ctypes
            import ctypes.util

            _LIBC.append(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6"))
        except OSError:
            _LIBC.append(None)
    return _LIBC[0]


def finish_unit(parts: Iterable[tuple], config: RunConfig) -> dict:
    """A shard's stats from the ``do_unit`` results of all its units: written here from
    bundles' digests, or already written (an img2dataset task's stats)."""
    parts = list(parts)
    task, results = parts[0][0], [result for _, result in parts]
    if len(results) == 1 and isinstance(results[0], dict):
        return results[0]
    try:
        return write_bundles(task, results, config)
    finally:
        release_memory()


def count_task(parser, task: planning.ShardTask, config: RunConfig) -> CorpusCounts:
    """Object, attribute and relation counts over (a sample of) one shard's captions, and
    their co-occurrences (attribute|object, predicate|(subject, object), object|other object):
    the corpus vocabulary pass that replacement sampling follows."""
    if task.format == "wds":
        captions = (s.caption for s in read_wds(task.path) if s.reject is None)
    else:
        captions = (it["caption"] for it in planning.task_items(task) if not it["reject"])
    counts, cooccurrence = empty_counts(), Cooccurrence()
    clean = (c for c, _ in (normalize_caption(c, max_chars=config.annotate.max_chars) for c in captions) if c)
    sample = list(islice(clean, config.vocab_sample)) if config.vocab_sample else list(clean)
    for start in range(0, len(sample), config.batch_size):
        graphs = [g for g in parse_graphs(parser, sample[start:start + config.batch_size]) if g is not None]
        for graph in graphs:
            count_graph(graph, counts)
        cooccurrence.add_graphs(graphs)
    return CorpusCounts(counts, cooccurrence)


def merge_corpus(parts: Iterable[CorpusCounts]) -> CorpusCounts:
    """Tasks' corpus counts added up (in any order: a combiner)."""
    parts = list(parts)
    cooccurrence = Cooccurrence()
    for part in parts:
        cooccurrence.merge(part.cooccurrence)
    return CorpusCounts(merge_counts(parts), cooccurrence)


def save_corpus(output: str, corpus: CorpusCounts) -> None:
    """vocab.json and, beside it, cooccur.npz."""
    root = output.rstrip("/")
    write_atomic(f"{root}/{VOCAB_FILE}", dumps(dict(corpus)).encode("utf-8"))
    write_atomic(f"{root}/{COOCCUR_FILE}", corpus.cooccurrence.to_bytes())


def wds_item(task: planning.ShardTask, s) -> InputItem:
    """The annotate item of one img2dataset sample (``inputs.wds.WdsSample``)."""
    return item(s.row, s.key, s.caption, s.url,
                source_with_key({"file": task.path, "row": s.row}, s.original, s.key), s.reject, s.raw)


def task_items(task: planning.ShardTask) -> Iterator[InputItem]:
    """A task's records as the annotation pass builds them, whatever the input format."""
    if task.format == "wds":
        return (wds_item(task, s) for s in read_wds(task.path))
    return planning.task_items(task)


def batches(samples: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` consecutive items."""
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
    for batch in batches(read_wds(task.path), config.batch_size):
        items = [wds_item(task, s) for s in batch]
        for sample, outcome in zip(batch, annotate_batch(parser, items, config.annotate)):
            writer.add(outcome, sample.members)
    return writer.close()
