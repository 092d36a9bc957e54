"""The Beam pipeline: shard tasks -> annotated, written shards -> run stats.

    tasks | AnnotateShards (Bundles: a table task cut into bundles of ~1,024 records |
    Reshuffle | Annotate: read, normalise, parse in batches, graph, positives/negatives,
    digested records | GroupByKey(shard) | Write: tar + index + dead letters + marker)
    | CombineStats | WriteStats

Side inputs of AnnotateShards, each computed over all tasks first: DuplicateKeys (keyed
inputs), CorpusVocab (--corpus-vocab) and, for --selection plausible, BlindModels (the
balancing pass of ``engines.blind``: n-gram counts and a hash sample's pairs, merged by a
CombineFn, fitted once).

Bundles let several workers share one shard (the unit of commit and resume stays the
shard); the records cross the shuffle as serialised bytes and the shard is sorted by key
when written, so its bytes depend only on its input range, whoever annotated which bundle.
An img2dataset task is annotated and written whole, in its image shard's order.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator, Optional

import apache_beam as beam
from apache_beam.metrics import Metrics

from . import blind
from . import plan as planning
from ...schemas.outcomes import counter_name
from ..outputs.shards import committed_stats, finish_stats, merge_stats, write_run_summary
from .warm import without_modules
from .work import RunConfig, bundles, count_task, do_unit, finish_unit, merge_corpus, save_corpus, worker_parser

log = logging.getLogger(__name__)
NAMESPACE = "sgshards"


class AnnotateUnitFn(beam.DoFn):
    """Annotates one bundle of a table shard, or reads, annotates and writes an img2dataset
    task whole (``work.bundles``); the parser is loaded once per worker.  (shard stem, unit)
    -> (shard stem, (task, digests or stats))."""

    def __init__(self, config: RunConfig):
        self.config = config
        self.parser = None

    def setup(self):
        self.parser = worker_parser(self.config.parser_backend, self.config.model)

    def process(self, element, duplicates=(), vocab=None, models=None):
        stem, unit = element
        config = self.config.with_frequencies(vocab).with_blind(models)
        yield stem, do_unit(self.parser, unit, config, frozenset(duplicates))


class WriteShardFn(beam.DoFn):
    """All the units of one shard -> the shard written (``work.finish_unit``) -> its stats."""

    def __init__(self, config: RunConfig):
        self.config = config
        self.input_records = Metrics.counter(NAMESPACE, "input_records")
        self.written = Metrics.counter(NAMESPACE, "written")
        self.shards = Metrics.counter(NAMESPACE, "shards_written")
        self.rejected = {}

    def process(self, element):
        stats = finish_unit(element[1], self.config)
        self._count(stats)
        yield stats

    def _count(self, stats: dict) -> None:
        self.input_records.inc(stats["input_records"])
        self.written.inc(stats["written"])
        self.shards.inc()
        for reason, n in stats["rejected"].items():
            if reason not in self.rejected:
                self.rejected[reason] = Metrics.counter(NAMESPACE, counter_name(reason))
            self.rejected[reason].inc(n)


class DuplicateKeys(beam.PTransform):
    """Indices of records whose user key an earlier record already took."""

    def expand(self, tasks):
        return (tasks
                | "KeyedIndices" >> beam.FlatMap(
                    lambda t: ((it["key"], it["index"]) for it in planning.task_items(t)))
                | "GroupByKey" >> beam.GroupByKey()
                | "AllButFirst" >> beam.FlatMap(lambda kv: sorted(kv[1])[1:]))


class CountVocabFn(beam.DoFn):
    """The corpus vocabulary pass: object/attribute/relation counts per shard."""

    def __init__(self, config: RunConfig):
        self.config = config

    def setup(self):
        self.parser = worker_parser(self.config.parser_backend, self.config.model)

    def process(self, task: planning.ShardTask):
        yield count_task(self.parser, task, self.config)


class CorpusVocab(beam.PTransform):
    """Tasks -> the merged corpus counts and co-occurrences (a side input of AnnotateShards),
    also saved as vocab.json and cooccur.npz."""

    def __init__(self, config: RunConfig):
        super().__init__()
        self.config = config

    def expand(self, tasks):
        return (tasks
                | "Distribute" >> beam.Reshuffle()
                | "Count" >> beam.ParDo(CountVocabFn(self.config))
                | "Merge" >> beam.CombineGlobally(merge_corpus)
                | "Save" >> beam.Map(self._save))

    def _save(self, corpus):
        save_corpus(self.config.output, corpus)
        return corpus


class SampleUnitFn(beam.DoFn):
    """The balancing pass over one task or block of one (``blind.sample_unit``)."""

    def __init__(self, config: RunConfig, rate: float):
        self.config, self.rate = config, rate
        self.parser = None
        self.sampled = Metrics.counter(NAMESPACE, "balancing_pairs")

    def setup(self):
        self.parser = worker_parser(self.config.parser_backend, self.config.model)

    def process(self, unit, vocab=None, up_to=None):
        """``up_to``: the top-up stage's rate (``blind.top_up_rate``); None in the first stage."""
        config = self.config.with_frequencies(vocab)
        if up_to is None:
            sample = blind.sample_unit(self.parser, unit, config, self.rate)
        else:
            sample = blind.sample_unit(self.parser, unit, config, up_to, above=self.rate)
        self.sampled.inc(len(sample.pairs))
        yield sample


class MergeSamplesFn(beam.CombineFn):
    """Tasks' balancing samples -> one (n-gram counts added, pairs and pools pooled).  The
    accumulator is a list merged every ``BATCH`` samples: one merge of many sparse count sets
    instead of one per task, each over the growing union."""
    BATCH = 64

    def create_accumulator(self):
        return []

    def add_input(self, accumulator, sample):
        accumulator.append(sample)
        return accumulator if len(accumulator) < self.BATCH else [blind.merge_samples(accumulator)]

    def merge_accumulators(self, accumulators):
        return [blind.merge_samples(s for acc in accumulators for s in acc)]

    def extract_output(self, accumulator):
        return blind.merge_samples(accumulator)


class BlindModels(beam.PTransform):
    """Tasks -> the run's blind models (a side input of AnnotateShards), saved beside
    vocab.json.  ``vocab``: the CorpusVocab singleton, so the sample draws replacements as
    the run does."""

    def __init__(self, config: RunConfig, rate: float, vocab=None):
        super().__init__()
        self.config, self.rate, self.vocab = config, rate, vocab

    def expand(self, tasks):
        side = {"vocab": beam.pvalue.AsSingleton(self.vocab)} if self.vocab is not None else {}
        config = self.config
        units = tasks | "Units" >> beam.FlatMap(lambda task: blind.units(task, config))
        first = (units
                 | "Distribute" >> beam.Reshuffle()
                 | "Sample" >> beam.ParDo(SampleUnitFn(self.config, self.rate), **side)
                 | "Merge" >> beam.CombineGlobally(MergeSamplesFn()))
        up_to = first | "TopUpRate" >> beam.Map(blind.top_up_rate, self.rate, self.config.balance_share)
        more = (units
                | "DistributeTopUp" >> beam.Reshuffle()
                | "TopUp" >> beam.ParDo(SampleUnitFn(self.config, self.rate), up_to=beam.pvalue.AsSingleton(up_to),
                                        **side)
                | "MergeTopUp" >> beam.CombineGlobally(MergeSamplesFn()))
        return first | "FitAndSave" >> beam.Map(blind.fit_and_save, self.config.output,
                                                self.config.annotate.augment.seed, self.config.corpus_lm,
                                                more=beam.pvalue.AsSingleton(more))


class AnnotateShards(beam.PTransform):
    """Shard tasks -> shard stats.  Optional side inputs: ``duplicates``, a
    PCollection of record indices to reject as duplicate keys (DuplicateKeys);
    ``vocab``, a single counts dict (CorpusVocab); ``models``, the run's blind models."""

    def __init__(self, config: RunConfig, duplicates=None, vocab=None, models=None):
        super().__init__()
        self.config = config
        self.duplicates, self.vocab, self.models = duplicates, vocab, models

    def expand(self, tasks):
        side = {}
        if self.duplicates is not None:
            side["duplicates"] = beam.pvalue.AsList(self.duplicates)
        if self.vocab is not None:
            side["vocab"] = beam.pvalue.AsSingleton(self.vocab)
        if self.models is not None:
            side["models"] = beam.pvalue.AsSingleton(self.models)
        config = self.config
        return (tasks
                | "Bundles" >> beam.FlatMap(lambda task: [(task.stem, unit) for unit in bundles(task, config)])
                | "Distribute" >> beam.Reshuffle()
                | "Annotate" >> beam.ParDo(AnnotateUnitFn(config), **side)
                | "ByShard" >> beam.GroupByKey()
                | "Write" >> beam.ParDo(WriteShardFn(config)))


class WriteRunStats(beam.PTransform):
    """Merge shard stats into stats.json and sizes.json, with the conservation check."""

    def __init__(self, output: str, input_records: Optional[int], samples_per_shard: int, finish=None):
        super().__init__()
        self.output, self.input_records, self.samples_per_shard = output, input_records, samples_per_shard
        self.finish = finish           # a detached job's last step (outputs.detached), else None

    def expand(self, shard_stats):
        return (shard_stats
                | "Merge" >> beam.CombineGlobally(merge_stats)
                | "Finish" >> beam.Map(self._write))

    def _write(self, merged: dict) -> dict:
        stats, sizes = finish_stats([merged], self.input_records, self.samples_per_shard)
        write_run_summary(self.output, stats, sizes)
        if self.finish is not None:
            self.finish(stats)
        return stats


def build(p: beam.Pipeline, tasks: list[planning.ShardTask], config: RunConfig,
          check_duplicate_keys: bool = False, committed: frozenset = frozenset(),
          corpus_vocab: bool = False, finish=None):
    """Add the job to pipeline ``p``; returns the PCollection of the final stats.
    Shards in ``committed`` (a resumed run) are not redone: their stats are read back.
    Duplicate keys, the corpus vocabulary and the blind models are computed over all tasks,
    so a resumed run makes the same decisions as an uninterrupted one.  ``finish(stats)`` runs
    after stats.json is written (a detached job's card and lock release)."""
    duplicates = vocab = models = None
    todo = [t for t in tasks if t.stem not in committed]
    balancing = bool(todo) and blind.wants_blind(config.annotate)
    if check_duplicate_keys or corpus_vocab or balancing:
        all_tasks = p | "AllTasks" >> beam.Create(tasks)
        if check_duplicate_keys:
            duplicates = all_tasks | "DuplicateKeys" >> DuplicateKeys()
        if corpus_vocab:
            vocab = all_tasks | "CorpusVocab" >> CorpusVocab(config)
        if balancing:
            rate = blind.sample_rate(planning.total_records(tasks), config.balance_share)
            models = all_tasks | "BlindModels" >> BlindModels(config, rate, vocab)
    new_stats = (p
                 | "ShardTasks" >> beam.Create(todo)
                 | "AnnotateShards" >> AnnotateShards(config, duplicates, vocab, models))
    old_stats = (p
                 | "CommittedShards" >> beam.Create(sorted(committed))
                 | "ReadCommittedStats" >> beam.Map(lambda shard: committed_stats(config.output, shard)))
    return ((new_stats, old_stats)
            | "AllShardStats" >> beam.Flatten()
            | "WriteRunStats" >> WriteRunStats(config.output, planning.total_records(tasks),
                                               config.samples_per_shard, finish))


def outside_ipython():
    """Beam asks whether it runs inside IPython for every transform applied and at run time
    (``apache_beam.utils.interactive_utils.is_in_ipython``), importing IPython to find out: 0.3 s
    of a command's start-up where IPython is installed.  A process that has not imported IPython
    is no IPython session, so within the block the import fails at once (Beam then answers no);
    a notebook, where IPython is loaded, is left alone (``warm.without_modules``)."""
    return without_modules(("IPython",))


@contextmanager
def run_context() -> Iterator[None]:
    """The launcher while a job is built and run: outside IPython (``outside_ipython``), and with the
    temporary directories Beam makes (its job server's, its staging's: three a run, left behind
    empty even when all goes well) inside one of the run's own, removed after it."""
    import shutil
    import tempfile

    private = tempfile.mkdtemp(prefix="sgshards-beam-")
    before = tempfile.tempdir
    tempfile.tempdir = private
    try:
        with outside_ipython():
            yield
    finally:
        tempfile.tempdir = before
        shutil.rmtree(private, ignore_errors=True)


def pooled_runner(options, command: str):
    """The runner the DirectRunner picks for this job (Beam's FnApiRunner, provisioned with the
    job's options as the DirectRunner does it), with ``command`` starting its worker processes
    instead of ``python -m apache_beam.runners.worker.sdk_worker_main`` (``warm.attach_command``);
    in-process modes start none and are unchanged.  None (the DirectRunner, Beam's own workers)
    where this Beam lays its runner out otherwise."""
    try:
        from apache_beam.portability import python_urns
        from apache_beam.portability.api import beam_provision_api_pb2
        from apache_beam.runners.portability.fn_api_runner import fn_runner
        from apache_beam.runners.portability.portable_runner import JobServiceHandle

        encoded = JobServiceHandle.encode_pipeline_options(options.get_all_options())
        info = fn_runner.ExtendedProvisionInfo(beam_provision_api_pb2.ProvisionInfo(pipeline_options=encoded))
        subprocess_urn = python_urns.SUBPROCESS_SDK
    except (ImportError, AttributeError, TypeError):
        log.debug("Beam's runner is not laid out as expected: its own workers start", exc_info=True)
        return None

    class PooledRunner(fn_runner.FnApiRunner):
        def run_via_runner_api(self, pipeline_proto, options):
            for environment in pipeline_proto.components.environments.values():
                if environment.urn == subprocess_urn:
                    environment.payload = command.encode("utf-8")
            return super().run_via_runner_api(pipeline_proto, options)

    return PooledRunner(provision_info=info)


def unknown_beam_options(beam_argv: list[str]) -> list[str]:
    """The arguments no Beam PipelineOptions class knows, parsed the way Beam's own
    ``get_all_options`` parses them: a misspelt flag ("--min-confidnce") must stop the run,
    not be discarded with a warning while the run goes on without it."""
    from apache_beam.options import pipeline_options as po

    parser = po._BeamArgumentParser(allow_abbrev=False)
    for cls in {str(c): c for c in po.PipelineOptions.__subclasses__()}.values():
        cls._add_argparse_args(parser)
    return parser.parse_known_args(beam_argv)[1]
