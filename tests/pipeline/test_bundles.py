"""Parallelism below the shard: a table task is cut into bundles of whole parser batches that
workers annotate apart; one worker writes the shard from all of them, with the bytes of a
one-pass run, whichever worker did which bundle and in whatever order they arrive."""
import hashlib
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from sgshards.parse import load_parser
from sgshards.pipeline.engines import plan as planning
from sgshards.pipeline.engines import work
from sgshards.pipeline.engines.work import (Bundle, RunConfig, annotate_bundle, bundles, finish_unit,
                                            process_task)
from sgshards.pipeline.inputs import sources

CAPTIONS = ["a red car parked next to a blue house", "a brown dog sitting on a wooden bench", "",
            "two children playing with a ball on the grass", "a black cat sleeping on a white sofa",
            "a man riding a horse on the beach", "a small boat floating on a calm lake",
            "a girl in a red dress standing near a tree", "an old bridge over a narrow river",
            "a bowl of green apples on a kitchen table", "a cyclist riding past a tall building"]


def digests(root: Path) -> dict:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != "manifest.json"}


@pytest.fixture()
def task(tmp_path):
    src = tmp_path / "captions.tsv"
    src.write_text("".join(f"{c}\thttp://img/{i}.jpg\n" for i, c in enumerate(CAPTIONS)))
    (only,) = planning.plan([str(src)], sources.InputSpec("tsv", 0, 1), 100)
    return only


def test_a_task_is_cut_into_whole_parser_batches(task):
    config = RunConfig(output="/unused", batch_size=4, bundle_size=5)         # rounded to one batch of 4
    assert [(b.start, b.stop) for b in bundles(task, config)] == [(0, 4), (4, 8), (8, 11)]
    config = replace(config, bundle_size=7)                                    # rounded to two batches
    assert [(b.start, b.stop) for b in bundles(task, config)] == [(0, 8), (8, 11)]
    assert [(b.start, b.stop) for b in bundles(replace(task, rows=0), config)] == [(0, 0)]   # still a shard
    wds = replace(task, format="wds", rows=None)
    assert bundles(wds, config) == [wds]                          # img2dataset shards stay whole


def test_bundles_annotated_apart_write_the_one_pass_shard(task, tmp_path):
    parser = load_parser("spacy", None)
    whole = RunConfig(output=str(tmp_path / "whole"), batch_size=4, export_dir=str(tmp_path / "whole_export"))
    parts = replace(whole, output=str(tmp_path / "parts"), export_dir=str(tmp_path / "parts_export"), bundle_size=4)
    expected = process_task(parser, task, whole)
    units = bundles(task, parts)
    assert len(units) == 3 and all(isinstance(u, Bundle) for u in units)
    results = [(task, annotate_bundle(parser, u, parts)) for u in reversed(units)]   # arriving in any order
    assert sum(len(r) for _, r in results) == len(CAPTIONS)
    assert finish_unit(results, parts) == expected
    assert digests(tmp_path / "parts") == digests(tmp_path / "whole")
    assert digests(tmp_path / "parts_export") == digests(tmp_path / "whole_export")


@pytest.mark.parametrize("engine", [["--direct_num_workers=2", "--direct_running_mode=multi_processing"],
                                    ["--engine", "spark", "--spark-master", "local[2]"]],
                         ids=["beam-2-processes", "spark-local-2"])
def test_one_shard_shared_by_two_workers_has_the_one_worker_bytes(task, tmp_path, engine):
    if "spark" in engine:
        pytest.importorskip("pyspark")
    common = ["--input", task.path, "--samples-per-shard", "100", "--batch-size", "2", "--quiet"]
    for name, flags in (("one", []), ("two", ["--bundle-size", "2", *engine])):
        done = subprocess.run([sys.executable, "-m", "sgshards", "run", *common, "--output", str(tmp_path / name),
                               *flags], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
    assert digests(tmp_path / "two") == digests(tmp_path / "one")
    assert [p.name for p in (tmp_path / "two").glob("*.tar")] == ["00000.tar"]


def test_bundles_where_they_pay():
    from sgshards import defaults
    from sgshards.pipeline.engines.work import choose_bundle_size

    assert choose_bundle_size(64, 1, 100, 10**6) == 64                        # asked for
    assert choose_bundle_size(None, None, 100, 10**7) == defaults.BUNDLE_SIZE  # remote runner, Spark: always
    assert choose_bundle_size(None, 1, 1, 10_000) == 0                        # one local worker: never
    assert choose_bundle_size(None, 2, 6, 50_000) == defaults.BUNDLE_SIZE     # two workers, six shards
    assert choose_bundle_size(None, 2, 8, 80_000) == 0                        # enough shards to share
    # a local runner's shuffle holds every bundled record in memory: bounded
    assert choose_bundle_size(None, 8, 4, defaults.LOCAL_SPLIT_RECORDS + 1) == 0


def resident_mib() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 >> 20


@pytest.mark.skipif(not Path("/proc/self/statm").exists() or not hasattr(work._libc(), "malloc_trim"),
                    reason="needs Linux and glibc's malloc_trim")
def test_released_memory_goes_back_to_the_system():
    """200 MB of 2 kB blocks freed: glibc keeps the pages (a worker's resident size climbs with
    every unit) until ``release_memory`` trims the heap."""
    blocks = [bytes(2000) + bytes([i % 256]) for i in range(100_000)]
    pin = bytes(3000) + b"!"            # allocated above them: the heap's top cannot shrink by itself
    held = resident_mib()
    del blocks
    assert resident_mib() > held - 20
    work.release_memory()
    assert resident_mib() < held - 100 and pin


@pytest.mark.skipif(not Path("/proc/self/statm").exists() or not hasattr(work._libc(), "mallopt"),
                    reason="needs Linux and glibc's mallopt")
@pytest.mark.parametrize("mapped", [False, True])
def test_large_blocks_go_back_to_the_system_when_freed(mapped):
    """Once glibc has freed a large mapped block it serves the next ones from the heap, where a
    freed table stays resident below whatever was allocated after it; ``map_large_blocks`` keeps
    them mapped (in a fresh process: the allocator's state is per process)."""
    import subprocess
    import sys
    code = ("import numpy as np\n"
            "from pathlib import Path\n"
            "from sgshards.pipeline.engines import work\n"
            "def rss(): return int(Path('/proc/self/statm').read_text().split()[1]) * 4096 >> 20\n"
            "first = np.ones(24 << 20, np.uint8); del first\n"
            f"{'work.map_large_blocks()' if mapped else 'pass'}\n"
            "table = np.ones(16 << 20, np.uint8); pin = bytes(3000) + b'!'\n"
            "held = rss(); del table\n"
            "print(held - rss())")
    freed = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    assert (freed >= 12) == mapped


def test_workers_map_large_blocks(monkeypatch, tmp_path):
    """Every process that parses for a run, and the fit, map large blocks on their own."""
    from sgshards.pipeline.engines import blind

    calls = []
    monkeypatch.setattr(work, "map_large_blocks", lambda: calls.append("worker"))
    monkeypatch.setattr(blind, "map_large_blocks", lambda: calls.append("fit"))
    work.worker_parser("spacy", None)
    blind.fit_and_save(blind.BlindSample(), str(tmp_path / "out"), 1)
    assert calls == ["worker", "fit"]


def test_every_unit_of_work_releases_its_memory(task, tmp_path, monkeypatch):
    """Annotating a bundle, writing a shard, a balancing unit and the fit each end with a trim."""
    from sgshards.pipeline.engines import blind

    calls = []
    monkeypatch.setattr(work, "release_memory", lambda: calls.append("work"))
    monkeypatch.setattr(blind, "release_memory", lambda: calls.append("blind"))
    parser = load_parser("spacy", None)
    config = RunConfig(output=str(tmp_path / "out"), batch_size=4, bundle_size=4, balance_share=1.0)
    parts = [work.do_unit(parser, b, config) for b in bundles(task, config)]
    assert calls == ["work"] * 3
    finish_unit(parts, config)
    assert calls == ["work"] * 4
    sample = blind.sample_unit(parser, task, config, 1.0)
    assert calls[4:] == ["blind"]
    blind.fit_and_save(sample, str(tmp_path / "out"), 1)
    assert calls[4:] == ["blind", "blind"]


def test_a_bundle_crosses_the_shuffle_compressed(task, tmp_path):
    """What a local runner holds of every bundle until its shard is written: the digests packed,
    a fraction of their pickled size, unpacked as they were."""
    import pickle

    parser = load_parser("spacy", None)
    config = RunConfig(output=str(tmp_path / "out"), batch_size=4, bundle_size=8)
    packed = annotate_bundle(parser, bundles(task, config)[0], config)
    assert isinstance(packed, work.Packed) and len(packed) == 8
    plain = pickle.dumps(packed.unpack(), protocol=pickle.HIGHEST_PROTOCOL)
    assert len(packed.data) * 2 < len(plain)
    assert [d.key for d in packed.unpack()] == [f"{i:09d}" for i in range(8)]


def _table(tmp_path, fmt: str, gz: bool = False):
    rows = [(f'a "quoted"\nline {i} caption' if fmt == "csv" and i % 3 == 0 else f"caption {i}", f"k{i}")
            for i in range(23)]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        path = tmp_path / "t.parquet"
        pq.write_table(pa.table({"caption": [c for c, _ in rows], "key": [k for _, k in rows]}), path,
                       row_group_size=5)
        spec = sources.InputSpec("parquet", "caption", None, "key")
    else:
        import csv
        import gzip
        import io
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerows([list(r) for r in rows] if fmt == "csv" else [])
        text = buf.getvalue() if fmt == "csv" else "".join(f"{c}\t{k}\n" for c, k in rows)
        path = tmp_path / f"t.{fmt}{'.gz' if gz else ''}"
        path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
        spec = sources.InputSpec(fmt, 0, None, 1)
    return planning.plan([str(path)], spec, 10)


@pytest.mark.parametrize("fmt,gz", [("tsv", False), ("tsv", True), ("csv", False), ("parquet", False)])
def test_a_bundle_reads_its_own_records_and_parses_no_others(tmp_path, monkeypatch, fmt, gz):
    """A bundle's items are its slice of the task's, in every input layout (seekable text, gzip,
    quoted multi-line CSV, Parquet row groups); text records before it are split, never parsed."""
    tasks = _table(tmp_path, fmt, gz)
    assert [t.rows for t in tasks] == [10, 10, 3]
    task = tasks[1]
    whole = list(planning.task_items(task))
    parsed = []
    real = sources.parse_text_record
    monkeypatch.setattr(sources, "parse_text_record", lambda *a: parsed.append(a[-1]) or real(*a))
    for start, stop in [(0, 4), (4, 8), (8, 10), (7, 7)]:
        parsed.clear()
        assert list(Bundle(task, start, stop).items()) == whole[start:stop]
        if fmt != "parquet":
            assert parsed == list(range(task.first_row + start, task.first_row + stop))
    assert [it["key"] for it in whole] == [f"k{i}" for i in range(10, 20)]


def test_a_bundle_of_a_file_cut_after_planning_is_refused(tmp_path):
    (task,) = _table(tmp_path, "tsv")[:1]
    path = Path(task.path)
    path.write_text("".join(path.read_text().splitlines(keepends=True)[:6]))
    assert len(list(Bundle(task, 0, 4).items())) == 4
    with pytest.raises(sources.CorruptInputError, match="ends before record 7"):
        list(Bundle(task, 4, 8).items())


def test_a_bundle_of_seekable_text_starts_reading_at_its_own_records(tmp_path, monkeypatch):
    """Seekable text: a part of a task seeks to the last mark before it (``plan.MARK_EVERY``), so
    over an object store it does not download its task's earlier records again; a compressed
    file has no marks and reads from its start, with the same items."""
    monkeypatch.setattr(planning, "MARK_EVERY", 4)
    opened = []
    real = sources.text_records
    monkeypatch.setattr(sources, "text_records", lambda path, start, row, q: opened.append(row) or real(path, start, row, q))
    for fmt, gz in [("tsv", False), ("csv", False), ("tsv", True)]:
        tasks = _table(tmp_path, fmt, gz)
        task = tasks[1]
        assert len(task.marks) == (0 if gz else 2)               # rows 14 and 18 of the file
        whole = list(planning.task_items(task))
        for start, stop, first_read in [(0, 4, 10), (4, 8, 14), (9, 10, 18), (8, 10, 18)]:
            opened.clear()
            assert list(Bundle(task, start, stop).items()) == whole[start:stop]
            assert opened == [0 if gz else first_read]
