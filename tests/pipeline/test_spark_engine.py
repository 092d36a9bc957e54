"""The PySpark engine writes the DirectRunner's shards, byte for byte, and resumes."""
import hashlib
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import apache_beam as beam
import pytest

from sgshards.pipeline.inputs import sources
from sgshards.pipeline.engines.beam import build
from sgshards.pipeline.engines.work import RunConfig
from sgshards.pipeline.outputs.manifest import committed_shards
from sgshards.pipeline.engines.plan import plan

pyspark = pytest.importorskip("pyspark")
from sgshards.pipeline.engines.spark import run_spark  # noqa: E402

CAPTIONS = [
    "a red car next to a blue house", "a man riding a brown horse", "",
    "a cat sitting on a wooden table", "two dogs playing in the snow",
    "a woman holding an umbrella in the rain", "very nice", "a little girl eating an ice cream cone",
    "a red car next to a blue house", "three people walking on the beach at sunset",
    "an old wooden boat on a lake", "a plate of food with a fork and a knife",
    "a man in a black suit standing near a white wall", "<PERSON> attends the premiere of the film",
    "a bird perched on a branch of a tree", "a young boy kicking a soccer ball",
    "a bowl of fresh fruit on the kitchen counter", "the view of the city from the mountain",
    "a yellow bus parked on the street", "a dog with a frisbee in its mouth",
]
# k1 first at 0, again at 7 and 13; k2 first at 1, again at 9 (shards of 5: 0 | 1 | 1 | 2)
KEYS = ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k1", "k8", "k2",
        "k9", "k10", "k11", "k1", "k12", "k13", "k14", "k15", "k16", "k17"]


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)     # workers run this interpreter
    conf = (pyspark.SparkConf().setMaster("local[2]").setAppName("sgshards-tests")
            .set("spark.ui.enabled", "false").set("spark.driver.memory", "512m")
            .set("spark.pyspark.python", sys.executable).set("spark.python.worker.memory", "2g")
            .set("spark.ui.showConsoleProgress", "false"))
    sc = pyspark.SparkContext.getOrCreate(conf)
    sc.setLogLevel("ERROR")
    yield sc
    sc.stop()


def digests(root: Path) -> dict:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def plain_tasks(tmp_path: Path):
    src = tmp_path / "captions.tsv"
    src.write_text("".join(f"{c}\thttp://img/{i}.jpg\n" for i, c in enumerate(CAPTIONS)))
    return plan([str(src)], sources.InputSpec("tsv", 0, 1), 5)


def keyed_tasks(tmp_path: Path):
    src = tmp_path / "keyed.tsv"
    src.write_text("".join(f"{k}\t{c}\n" for k, c in zip(KEYS, CAPTIONS)))
    return plan([str(src)], sources.InputSpec("tsv", 1, None, 0), 5)


def config(out: Path, samples_per_shard: int) -> RunConfig:
    # bundles of 4: a shard of 5 is annotated as two bundles, apart, and written as one
    return RunConfig(output=str(out), samples_per_shard=samples_per_shard, batch_size=4, bundle_size=4)


def run_direct(tasks, cfg: RunConfig, **options) -> None:
    with beam.Pipeline(runner="DirectRunner") as p:
        build(p, tasks, cfg, **options)


def test_shards_are_byte_identical_to_the_direct_runner(spark, tmp_path):
    tasks = keyed_tasks(tmp_path)
    run_direct(tasks, config(tmp_path / "beam", 5), check_duplicate_keys=True, corpus_vocab=True)
    stats = run_spark(tasks, config(tmp_path / "spark", 5), frozenset(), check_duplicate_keys=True,
                      corpus_vocab=True)

    assert (stats["input_records"], stats["shards"], stats["conserved"]) == (20, 4, True)
    assert stats["rejected"] == {"duplicate_key": 3, "empty_caption": 1, "no_object": 1}
    letters = [json.loads(line) for p in sorted((tmp_path / "spark" / "dead_letters").glob("*.jsonl"))
               for line in p.read_text().splitlines()]
    assert sorted((d["key"], d["index"]) for d in letters if d["reason"] == "duplicate_key") == [
        ("k1", 7), ("k1", 13), ("k2", 9)]
    spark_files = digests(tmp_path / "spark")
    assert {n for n in spark_files if n.endswith(".tar")} == {f"0000{i}.tar" for i in range(4)}
    assert "vocab.json" in spark_files and "cooccur.npz" in spark_files
    assert spark_files == digests(tmp_path / "beam")


def test_resume_keeps_committed_shards_and_redoes_the_rest(spark, tmp_path):
    tasks = plain_tasks(tmp_path)
    out = tmp_path / "out"
    run_spark(tasks, config(out, 5), frozenset())
    complete = digests(out)
    # Interrupted run: shard 1 never started, shard 3 was written but not committed.
    for name in ("00001.tar", "00001_index.parquet", "00001_stats.json", "00003_stats.json",
                 "stats.json", "sizes.json"):
        (out / name).unlink()
    (out / "00003.tar").write_bytes(b"truncated")
    kept = {name: (out / name).stat().st_ino for name in ("00000.tar", "00002.tar")}

    committed = frozenset(committed_shards(str(out)) & {t.stem for t in tasks})
    assert committed == {"00000", "00002"}
    stats = run_spark(tasks, config(out, 5), committed)

    assert (stats["input_records"], stats["shards"], stats["conserved"]) == (20, 4, True)
    assert {name: (out / name).stat().st_ino for name in kept} == kept
    assert digests(out) == complete


def test_resume_rejects_duplicates_of_keys_first_seen_in_committed_shards(spark, tmp_path):
    tasks = keyed_tasks(tmp_path)
    out = tmp_path / "out"
    run_spark(tasks, config(out, 5), frozenset(), check_duplicate_keys=True)
    complete = digests(out)
    for shard in (1, 2):                          # the shards holding the repeats of k1 and k2
        (out / f"{shard:05d}_stats.json").unlink()
        (out / "dead_letters" / f"{shard:05d}.jsonl").unlink()

    run_spark(tasks, config(out, 5), frozenset({"00000", "00003"}), check_duplicate_keys=True)

    assert digests(out) == complete
    letters = [json.loads(line) for line in (out / "dead_letters" / "00001.jsonl").read_text().splitlines()]
    assert [(d["key"], d["index"], d["reason"]) for d in letters] == [
        ("k7", 6, "no_object"), ("k1", 7, "duplicate_key"), ("k2", 9, "duplicate_key")]


@pytest.mark.parametrize("share", [1.0, None])
def test_the_balancing_pass_fits_the_models_the_direct_runner_fits(spark, tmp_path, share, caplog):
    """--selection plausible (the default) with every record in the balancing sample, and at the
    default share (a few records, topped up: blind.top_up_rate): blind models, n-gram counts and
    shards byte-identical across engines."""
    tasks = keyed_tasks(tmp_path)
    run_direct(tasks, replace(config(tmp_path / "beam", 5), balance_share=share), check_duplicate_keys=True)
    with caplog.at_level("INFO", logger="sgshards.pipeline.engines.blind"):
        run_spark(tasks, replace(config(tmp_path / "spark", 5), balance_share=share), frozenset(),
                  check_duplicate_keys=True)
    assert ("topped up" in caplog.text) == (share is None)
    spark_files = digests(tmp_path / "spark")
    assert {"blind_models.bin", "ngram.npz"} <= set(spark_files)
    assert spark_files == digests(tmp_path / "beam")
