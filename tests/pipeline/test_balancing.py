"""The balancing pass of --selection plausible in the engines: the blind models are fitted over
all tasks, written beside the shards, and every engine, worker count and resumed run writes the
same bytes; a run's records are the ones ``sgshards augment`` chooses for the same captions."""
import hashlib
import json
import tarfile
from dataclasses import replace
from pathlib import Path

import apache_beam as beam
import pytest
from apache_beam.options.pipeline_options import PipelineOptions

from sgshards.annotate import AnnotateOptions, annotate_batch, item
from sgshards.augment.core import AugmentOptions
from sgshards.augment.plausibility.balance import BlindModels
from sgshards.augment.plausibility.ngram import NgramModel
from sgshards.parse import load_parser
from sgshards.pipeline.engines import blind
from sgshards.pipeline.engines.beam import build
from sgshards.pipeline.engines.plan import plan
from sgshards.pipeline.engines.work import RunConfig, batches
from sgshards.pipeline.inputs import sources
from sgshards.pipeline.outputs.manifest import owned_names
from sgshards.pipeline.outputs.shards import BLIND_FILE, NGRAM_FILE
from sgshards.schemas.record import dumps

SUBJECTS = ["a man", "a woman", "a young girl", "an old dog", "a black cat", "a little boy"]
ACTIONS = ["sitting on a wooden bench", "standing next to a red car", "walking along a sandy beach",
           "holding a blue umbrella", "riding a brown horse", "lying on a green couch"]
CAPTIONS = [f"{s} {a}" for s in SUBJECTS for a in ACTIONS][:30]


def digests(root: Path) -> dict:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def tasks_of(tmp_path: Path):
    src = tmp_path / "captions.tsv"
    if not src.exists():
        src.write_text("".join(f"{c}\thttp://img/{i}.jpg\n" for i, c in enumerate(CAPTIONS)))
    return plan([str(src)], sources.InputSpec("tsv", 0, 1), 8)


def config(out: Path, **changes) -> RunConfig:
    # every record sampled: 30 captions give the classifiers something to fit
    return RunConfig(output=str(out), **{"samples_per_shard": 8, "batch_size": 4, "balance_share": 1.0, **changes})


def run_direct(tasks, cfg: RunConfig, *flags: str, **options) -> None:
    with beam.Pipeline(options=PipelineOptions(["--runner", "DirectRunner", *flags])) as p:
        build(p, tasks, cfg, **options)


def records(out: Path) -> list[dict]:
    found = []
    for shard in sorted(out.glob("*.tar")):
        with tarfile.open(shard) as tar:
            found += [json.loads(tar.extractfile(m).read()) for m in tar.getmembers() if m.name.endswith(".json")]
    return found


@pytest.fixture(scope="module")
def beam_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("balancing") / "beam"
    run_direct(tasks_of(out.parent), config(out))
    return out


def test_the_run_saves_its_blind_models_and_chooses_with_them(beam_run):
    lm = NgramModel.from_bytes((beam_run / NGRAM_FILE).read_bytes())
    assert lm.captions == len(CAPTIONS)                     # every caption of every task, not the sample
    models = BlindModels.from_bytes((beam_run / BLIND_FILE).read_bytes(), lm)
    assert len(models.classifiers) == 5 and models.scale
    negatives = [n for r in records(beam_run) for n in r["negatives"]]
    assert negatives and all(set(n["plausibility"]) == {"positive", "negative"} for n in negatives)


def test_run_records_are_the_records_augment_writes(beam_run):
    options = AnnotateOptions()
    items = [item(i, f"{i:09d}", c) for i, c in enumerate(CAPTIONS)]
    parser = load_parser("spacy", None)
    models = blind.fit_in_process(parser, items, options, 4, share=1.0)
    assert models.to_bytes() == (beam_run / BLIND_FILE).read_bytes()
    chosen = blind.with_blind(options, models)
    expected = [o["record"] for o in annotate_batch(parser, items, chosen)]
    got = {r["key"]: r for r in records(beam_run)}
    assert len(got) == len(expected)
    for record in expected:
        assert dumps(record["negatives"]) == dumps(got[record["key"]]["negatives"])


def test_two_worker_processes_write_the_bytes_of_one(beam_run, tmp_path):
    out = tmp_path / "two"
    run_direct(tasks_of(beam_run.parent), config(out), "--direct_num_workers", "2",
               "--direct_running_mode", "multi_processing")
    assert digests(out) == digests(beam_run)


def test_uniform_selection_has_no_balancing_pass(beam_run, tmp_path):
    out = tmp_path / "uniform"
    cfg = config(out, annotate=AnnotateOptions(augment=AugmentOptions(selection="uniform")))
    run_direct(tasks_of(beam_run.parent), cfg)
    assert not (out / NGRAM_FILE).exists() and not (out / BLIND_FILE).exists()
    plain = records(out)
    assert all("plausibility" not in n for r in plain for n in r["negatives"])
    assert [r["negatives"] for r in plain] != [r["negatives"] for r in records(beam_run)]


def test_a_resumed_run_refits_over_all_tasks(beam_run, tmp_path):
    out = tmp_path / "resumed"
    tasks = tasks_of(beam_run.parent)
    run_direct(tasks, config(out))
    for name in ("00001.tar", "00001_index.parquet", "00001_stats.json", "stats.json", "sizes.json",
                 NGRAM_FILE, BLIND_FILE):
        (out / name).unlink()
    run_direct(tasks, config(out), committed=frozenset({"00000", "00002", "00003"}))
    assert digests(out) == digests(beam_run)


def test_overwrite_may_delete_the_blind_model_files():
    plausible = {"annotate": {"augment": {"selection": "plausible"}}}
    uniform = {"annotate": {"augment": {"selection": "uniform"}}}
    assert {NGRAM_FILE, BLIND_FILE} <= owned_names(plausible)
    assert not {NGRAM_FILE, BLIND_FILE} & owned_names(uniform)


def test_samples_merge_in_any_order():
    def sample(key, caption):
        lm = NgramModel(12)
        lm.add(caption)
        pair = blind.balance.Pair(key, "object_replace", caption, caption.replace("dog", "cat"), caption)
        return blind.BlindSample([pair], [], lm.sparse())

    captions = ["a dog on a bench", "a dog in the park", "two dogs", "a dog on a bench"]
    parts = [sample(k, c) for k, c in zip("abcd", captions)]
    forward, backward = blind.merge_samples(parts), blind.merge_samples(parts[::-1])
    assert forward.lm.dense().to_bytes() == backward.lm.dense().to_bytes() and forward.lm.captions == 4
    whole = NgramModel(12)
    whole.add_many(captions)
    assert forward.lm.dense().to_bytes() == whole.to_bytes()   # the sparse sum is the model of all captions
    assert sorted(forward.pairs) == sorted(backward.pairs)
    assert [p.lm.captions for p in parts] == [1, 1, 1, 1]       # inputs left as they were


def test_compact_pickle_keeps_every_count():
    import pickle

    lm = NgramModel()
    lm.add_many(CAPTIONS)
    data = pickle.dumps(lm)
    assert len(data) < 1_000_000 < lm.counts.nbytes
    assert pickle.loads(data).to_bytes() == lm.to_bytes()


def test_a_worker_decodes_the_side_input_once(beam_run):
    """Beam decodes a side input again for every bundle: the models (and their derived
    tables) are rebuilt once per process, not once per shard."""
    import pickle

    lm = NgramModel.from_bytes((beam_run / NGRAM_FILE).read_bytes())
    models = BlindModels.from_bytes((beam_run / BLIND_FILE).read_bytes(), lm)
    data = pickle.dumps(models)
    first, again = pickle.loads(data), pickle.loads(data)
    assert first is again and first.to_bytes() == models.to_bytes()
    assert first.lm.to_bytes() == lm.to_bytes()


def test_top_up_rate_follows_the_first_stages_yield():
    def first(records, paired):
        pairs = [blind.balance.Pair(f"k{i}", "object_replace", "a dog", "a cat", "a dog") for i in range(paired)]
        return blind.BlindSample(pairs=pairs, records=records)

    assert blind.top_up_rate(first(1000, 600), 0.05) == 0.05            # enough records yield pairs
    assert blind.top_up_rate(first(500, 100), 0.01) == pytest.approx(0.01 * blind.PAIRED_RECORDS / 100)
    assert blind.top_up_rate(first(500, 61), 0.05) == blind.TOP_UP_SHARE  # web alt-text: capped
    assert blind.top_up_rate(first(500, 0), 0.05) == blind.TOP_UP_SHARE
    assert blind.top_up_rate(first(0, 0), 0.05) == blind.TOP_UP_SHARE    # a small run sampled no record
    assert blind.top_up_rate(first(500, 61), 0.05, share=0.05) == 0.05   # a fixed share stays fixed


def test_the_top_up_draws_only_records_the_first_stage_did_not():
    items = [item(i, f"key{i}", "a dog") for i in range(4000)]
    first = {it["key"] for it in blind.sample_items(items, 0.05, 7)}
    more = {it["key"] for it in blind.sample_items(items, 0.2, 7, above=0.05)}
    assert first and more and not first & more
    assert first | more == {it["key"] for it in blind.sample_items(items, 0.2, 7)}


def test_a_default_share_run_tops_up_its_sample_the_same_on_every_worker_count(tmp_path):
    """30 captions at the default share: the first stage samples one or two records, fewer than
    PAIRED_RECORDS yield pairs, so the top-up stage samples up to TOP_UP_SHARE; one worker, two
    worker processes and ``sgshards augment``'s in-process fit agree byte for byte."""
    tasks = tasks_of(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    run_direct(tasks, config(one, balance_share=None))
    run_direct(tasks, config(two, balance_share=None), "--direct_num_workers", "2",
               "--direct_running_mode", "multi_processing")
    assert digests(one) == digests(two)
    items = [item(i, f"{i:09d}", c) for i, c in enumerate(CAPTIONS)]
    parser = load_parser("spacy", None)
    options = AnnotateOptions()
    rate = blind.sample_rate(len(items))
    parts = list(batches(items, 1024))
    first = blind._annotated_sample(parser, parts, options, 4, rate)
    topped = blind._annotated_sample(parser, parts, options, 4, blind.TOP_UP_SHARE, rate)
    assert topped.records > 0 and {p.key for p in topped.pairs}.isdisjoint({p.key for p in first.pairs})
    models = blind.fit_in_process(parser, items, options, 4)
    assert models.to_bytes() == (one / BLIND_FILE).read_bytes()
    assert models.to_bytes() != blind.fit_blind(models.lm, first).to_bytes()     # the top-up changed the fit


class BatchSpy:
    """A parser that records the captions of every batch it parses."""

    def __init__(self, parser):
        self.parser, self.batches = parser, []

    def __getattr__(self, name):
        return getattr(self.parser, name)

    def parse(self, captions):
        self.batches.append(list(captions))
        return self.parser.parse(captions)


def test_the_balancing_pass_parses_the_same_batches_whole_or_block_by_block(tmp_path):
    """Blocks of 6 records, batches of 4: a task sampled whole (one worker) and block by block
    (workers sharing it) parse the same batches, cut within each block, and fit the same sample."""
    task = plan([str(tasks_of(tmp_path)[0].path)], sources.InputSpec("tsv", 0, 1), 30)[0]
    parser = load_parser("spacy", None)
    whole_cfg = config(tmp_path / "whole", samples_per_shard=30, balance_block=6, bundle_size=0)
    split_cfg = replace(whole_cfg, bundle_size=8)
    assert blind.units(task, whole_cfg) == [task]
    parts = blind.units(task, split_cfg)
    assert [(u.start, u.stop) for u in parts] == [(0, 6), (6, 12), (12, 18), (18, 24), (24, 30)]
    whole, split = BatchSpy(parser), BatchSpy(parser)
    one = blind.sample_unit(whole, task, whole_cfg, 1.0)
    many = blind.merge_samples([blind.sample_unit(split, unit, split_cfg, 1.0) for unit in parts])
    assert whole.batches == split.batches
    assert [len(b) for b in whole.batches] == [4, 2] * 5
    assert one.records == many.records == 30
    lm = one.lm.dense()
    assert blind.fit_blind(lm, one).to_bytes() == blind.fit_blind(many.lm.dense(), many).to_bytes()


def test_workers_sharing_a_tasks_blocks_write_the_bytes_of_one_worker(beam_run, tmp_path):
    """One 30-record shard in blocks of 6 (bundled as two workers bundle it) against the whole
    task on one worker: the same shard, n-gram model and blind models."""
    src = tasks_of(beam_run.parent)[0].path
    tasks = plan([src], sources.InputSpec("tsv", 0, 1), 30)
    one, two = tmp_path / "one", tmp_path / "two"
    run_direct(tasks, config(one, samples_per_shard=30, balance_block=6, bundle_size=0))
    run_direct(tasks, config(two, samples_per_shard=30, balance_block=6, bundle_size=8),
               "--direct_num_workers", "2", "--direct_running_mode", "multi_processing")
    assert digests(one) == digests(two)
