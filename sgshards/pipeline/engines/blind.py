"""The balancing pass of ``--selection plausible``: what the run's blind models learn from.

    tasks -> units (``units``: a task's blocks where workers share shards, else the task)
          -> per unit (``sample_unit``): the n-gram counts of all its captions, and the
             hash-sampled records annotated the uniform way, with their (positive, negative)
             pairs and every type's candidate pool (BlindSample)
          -> merged (``merge_samples``, in any order) -> balance.fit -> BlindModels
          -> a side input of the annotation pass, saved as ngram.npz + blind_models.bin

Engine-neutral (no Beam, no Spark imports), like ``work``: the Beam DoFn, the PySpark
partition function and ``sgshards augment`` call the same functions, so every engine fits
the same models.  The sample is drawn by record key (``balance.sampled``) and parsed in
batches cut within blocks of consecutive records (``RunConfig.balance_block``), so neither
depends on how tasks are split or scheduled: one worker reading whole tasks and many
sharing their blocks parse the same batches and fit the same models.
"""
from __future__ import annotations

import logging
import time

from dataclasses import dataclass, field, replace
from typing import Iterable, Optional, Union

from ... import defaults
from ...annotate import AnnotateOptions, annotate_batch, with_blind  # noqa: F401  (engines.blind.with_blind)
from ...augment.plausibility import balance
from ...augment.plausibility.ngram import NgramModel, SparseNgrams
from ...schemas.outcomes import InputItem
from ...schemas.record import Negative
from ...text.normalize import normalize_caption
from ...text.scene_model import DEFAULT_PRIOR, FIT_PRIOR, corpus_prior, shifted
from ..outputs.shards import BLIND_FILE, NGRAM_FILE, write_atomic
from . import plan as planning
from .work import Bundle, RunConfig, batches, map_large_blocks, release_memory, task_items

log = logging.getLogger(__name__)
# records the balancing sample aims at, and the largest share of a run it may take (it is
# parsed twice): 1,000 records give ~3,000 pairs of clean captions.  A smaller share would cost
# less on small runs: on CC3M 2% (317 records) balanced as well as 5% (790), but on web alt-text,
# where few records get a negative, 2% left relation_replace at 0.87 for the classifier (5%: 0.81)
SAMPLE_RECORDS, SAMPLE_SHARE = 1000, 0.05
# ... but the classifier learns from records that yield pairs: where few do (web alt-text: ~12%;
# 61 of a 5% sample of 10,000 rows), a second stage tops the sample up towards PAIRED_RECORDS of
# them at the first stage's yield, to at most TOP_UP_SHARE of the run (a 20% sample took web
# alt-text's relation replacements from 0.81 to 0.77 for the classifier, 0.69 -> 0.63 overall)
PAIRED_RECORDS, TOP_UP_SHARE = 500, 0.2


@dataclass
class BlindSample:
    pairs: list = field(default_factory=list)     # balance.Pair
    pools: list = field(default_factory=list)     # balance.Pool
    lm: Optional[SparseNgrams] = None             # counts of every caption read (not only sampled)
    records: int = 0                              # records sampled (annotated)
    scenes: tuple = (0, 0)                        # (sum of fitted P(scene) in thousandths, captions scored)

    @property
    def scene_prior(self) -> Optional[float]:
        """The run's share of scenes among what the suitability rules keep (scene_model.corpus_prior)."""
        return corpus_prior(*self.scenes)


def sample_rate(total_records: Optional[int], share: Optional[float] = None) -> float:
    """The share of records sampled: ``share`` if given, else ``SAMPLE_RECORDS`` of the run,
    at most ``SAMPLE_SHARE`` (the whole share when the run's size is only known while reading)."""
    if share is not None:
        return share
    if not total_records:
        return SAMPLE_SHARE
    return min(SAMPLE_SHARE, SAMPLE_RECORDS / total_records)


def top_up_rate(first: BlindSample, rate: float, share: Optional[float] = None) -> float:
    """The rate the second stage samples up to (keys drawn at ``rate`` or above, below this), from
    the first stage's ``first`` at ``rate``: ``rate`` itself (no second stage) when the first
    yielded ``PAIRED_RECORDS`` records with pairs or ``share`` fixed the rate; ``TOP_UP_SHARE``
    when none yielded any (a small run may sample no record at all)."""
    paired = len({p.key for p in first.pairs})
    if share is not None or paired >= PAIRED_RECORDS or rate >= TOP_UP_SHARE:
        return rate
    return min(TOP_UP_SHARE, rate * PAIRED_RECORDS / paired) if paired else TOP_UP_SHARE


def recording(options: AnnotateOptions, recorder: balance.Recorder) -> AnnotateOptions:
    """The run's options choosing as the uniform selection does, with every pool recorded."""
    return replace(options, augment=replace(options.augment, selection="plausible", blind=recorder))


def sample_items(items: Iterable[InputItem], rate: float, seed: int, above: float = 0.0) -> Iterable[InputItem]:
    """The items drawn at ``rate`` and not at ``above`` (a top-up: the records the first stage,
    drawn at ``above``, did not take)."""
    return (it for it in items if not it.get("reject") and balance.sampled(it["key"], rate, seed)
            and not (above > 0.0 and balance.sampled(it["key"], above, seed)))


def blind_sample(outcomes: Iterable[dict], recorder: balance.Recorder,
                 prior: Optional[float] = None) -> BlindSample:
    """The pairs of the written records among ``outcomes`` (annotated with ``recording``
    options) and the pools ``recorder`` kept while they were annotated; and the records' scene
    scores (read under ``prior``, the options' ``scene_prior``) taken back to the fitted P."""
    pairs = []
    total = scored = 0
    prior = DEFAULT_PRIOR if prior is None else prior
    for outcome in outcomes:
        record = outcome.get("record")
        if record and record.get("scene_score") is not None:
            total += round(1000 * shifted(record["scene_score"], FIT_PRIOR, from_prior=prior))
            scored += 1
        if record and record["negatives"]:
            positives = [p["text"] for p in record["positives"]]
            pairs += balance.record_pairs(record["key"], record["caption"], positives,
                                          [Negative.from_json(n) for n in record["negatives"]])
    return BlindSample(pairs, list(recorder.pools), scenes=(total, scored))


def merge_samples(samples: Iterable[BlindSample]) -> BlindSample:
    """One sample from the tasks' (order-free: n-gram counts add up in any order, and
    ``balance.fit`` sorts the pairs and pools)."""
    out, counts = BlindSample(), []
    for s in samples:
        out.pairs += s.pairs
        out.pools += s.pools
        out.records += s.records
        out.scenes = (out.scenes[0] + s.scenes[0], out.scenes[1] + s.scenes[1])
        if s.lm is not None:
            counts.append(s.lm)
    out.lm = SparseNgrams.total(counts) if len(counts) > 1 else (counts[0] if counts else None)
    return out


def fit_blind(lm: NgramModel, sample: BlindSample, seed: int = defaults.SEED) -> balance.BlindModels:
    return balance.fit(lm, sample.pairs, sample.pools, seed=seed, scene_prior=sample.scene_prior)


def units(task: planning.ShardTask, config: RunConfig) -> list:
    """The balancing pass's units of ``task``: its blocks where workers share shards (the run
    bundles, ``work.choose_bundle_size``) and the task can be read in parts, else the task whole
    (one worker reads each task once; an img2dataset shard is never read in parts)."""
    size = config.balance_block
    if config.bundle_size <= 0 or task.format == "wds" or task.rows is None or task.rows <= size:
        return [task]
    return [Bundle(task, start, min(start + size, task.rows)) for start in range(0, task.rows, size)]


def sample_unit(parser, unit: Union[planning.ShardTask, Bundle], config: RunConfig, rate: float,
                above: float = 0.0) -> BlindSample:
    """One unit's share of the balancing pass (a task, or a block of one: ``units``): the n-gram
    counts of its readable captions and its sampled records annotated with ``recording``
    options (the run's own, corpus frequencies included).  With ``above`` (the top-up stage):
    only the records drawn at ``rate`` and not at ``above``, no n-gram counts, and nothing read
    when there are none."""
    if above and rate <= above:
        return BlindSample()
    try:
        return _sample_unit(parser, unit, config, rate, above)
    finally:
        release_memory()


def _sample_unit(parser, unit: Union[planning.ShardTask, Bundle], config: RunConfig, rate: float,
                 above: float) -> BlindSample:
    if isinstance(unit, Bundle):
        parts = [list(unit.items())]
    else:
        parts = list(batches(task_items(unit), config.balance_block))
    sample = _annotated_sample(parser, parts, config.annotate, config.batch_size, rate, above)
    if config.corpus_lm is None and not above:
        sample.lm = caption_model((it["caption"] for part in parts for it in part if not it.get("reject")),
                                  config.annotate.max_chars).sparse()
    return sample


def _annotated_sample(parser, parts: Iterable[list[InputItem]], options: AnnotateOptions, batch_size: int,
                      rate: float, above: float = 0.0) -> BlindSample:
    """The pairs and pools of the hash-sampled items of ``parts``, blocks of a task's records
    (``RunConfig.balance_block``, readable or not), annotated with ``recording`` options in batches
    of at most ``batch_size`` cut within each block: a run that samples whole tasks (one worker) and
    one whose workers share their blocks parse the same batches (a one-shard run's sample took one
    core for 2.6 of its 26 s on two workers when a task was the unit)."""
    recorder = balance.Recorder()
    chunks = [chunk for part in parts
              for chunk in batches(sample_items(part, rate, options.augment.seed, above), batch_size)]
    outcomes = (o for chunk in chunks for o in annotate_batch(parser, chunk, recording(options, recorder)))
    sample = blind_sample(outcomes, recorder, options.augment.scene_prior)
    sample.records = sum(len(c) for c in chunks)
    return sample


def fit_and_save(sample: BlindSample, output: str, seed: int, lm: Optional[NgramModel] = None,
                 more: Optional[BlindSample] = None) -> balance.BlindModels:
    """The run's blind models from the merged sample (and ``more``, the top-up stage's), written
    beside vocab.json: ngram.npz (the corpus n-gram model: ``lm`` if given, else the sample's
    counts) and blind_models.bin (classifiers, scale, bounds)."""
    started = time.perf_counter()
    map_large_blocks()                # the dense tables: mapped on their own, given back when freed
    if more is not None and more.records:
        log.info("balancing pass: %d records topped up to %d sampled", more.records, sample.records + more.records)
        sample = merge_samples([sample, more])
    lm = lm if lm is not None else sample.lm.dense() if sample.lm is not None else NgramModel()
    models = fit_blind(lm, sample, seed)
    log.info("balancing pass: blind models fitted on %d pairs of %d records in %.1f s; scenes among what the "
             "rules keep: %s of %d sampled", len(sample.pairs), len({p.key for p in sample.pairs}),
             time.perf_counter() - started, models.scene_prior, sample.scenes[1])
    root = output.rstrip("/")
    write_atomic(f"{root}/{NGRAM_FILE}", lm.to_bytes())
    write_atomic(f"{root}/{BLIND_FILE}", models.to_bytes())
    release_memory()                  # the fit's temporaries: ~110 MiB of a worker's heap
    return models


def caption_model(captions: Iterable[Optional[str]], max_chars: int = defaults.MAX_CHARS) -> NgramModel:
    """The corpus n-gram model of captions as the run cleans them (``normalize_caption``)."""
    lm = NgramModel()
    lm.add_many(c for c, _ in (normalize_caption(c, max_chars=max_chars) for c in captions) if c)
    return lm


def fit_in_process(parser, items: list[InputItem], options: AnnotateOptions, batch_size: int,
                   lm: Optional[NgramModel] = None, share: Optional[float] = None,
                   block: int = defaults.BALANCE_BLOCK) -> balance.BlindModels:
    """Both steps in this process, for ``sgshards augment`` (a list of items: it is read twice)."""
    if lm is None:
        lm = caption_model((it["caption"] for it in items if not it.get("reject")), options.max_chars)
    rate = sample_rate(len(items), share)
    parts = list(batches(items, block))
    sample = _annotated_sample(parser, parts, options, batch_size, rate)
    up_to = top_up_rate(sample, rate, share)
    if up_to > rate:
        sample = merge_samples([sample, _annotated_sample(parser, parts, options, batch_size, up_to, rate)])
    return fit_blind(lm, sample, options.augment.seed)


def wants_blind(options: AnnotateOptions) -> bool:
    """Whether the run needs the balancing pass: plausible selection of some negatives."""
    aug = options.augment
    return aug.selection == "plausible" and aug.max_negatives > 0 and bool(aug.negative_types) and aug.blind is None

