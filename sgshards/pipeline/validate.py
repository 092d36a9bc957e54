"""``sgshards validate DIR``: check an output directory against its own bookkeeping.

Reads every shard with webdataset's tar iterator (through fsspec, so gs:// and
s3:// work too) and checks: each sample has .json and .txt, the JSON matches
the record schema and its key, keys are unique across the dataset, per-shard
counts equal sizes.json and the shard's Parquet index, dead letters equal the
index's rejections, and stats.json conserves records.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

import fsspec
import pyarrow.parquet as pq
from webdataset.tariterators import group_by_keys, tar_file_iterator

from ..schemas.jsonschema import record_errors
from .shards import DEAD_LETTER_DIR, MANIFEST_FILE, SHARD_INDEX_SUFFIX, SIZES_FILE, STATS_FILE

MAX_LISTED = 20


@dataclass
class Report:
    shards: int = 0
    samples: int = 0
    problems: list[str] = field(default_factory=list)
    problem_count: int = 0

    def problem(self, text: str) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_LISTED:
            self.problems.append(text)

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def format(self) -> str:
        head = f"{self.shards} shard(s), {self.samples} sample(s): "
        if self.ok:
            return head + "OK"
        lines = [head + f"{self.problem_count} problem(s)"] + [f"  - {p}" for p in self.problems]
        if self.problem_count > len(self.problems):
            lines.append(f"  ... and {self.problem_count - len(self.problems)} more")
        return "\n".join(lines)


def _read_json(fs, path: str):
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as f:
        return json.loads(f.read())


def iter_samples(fs, path: str):
    """Samples of one shard as webdataset groups them: {"__key__", "json", "txt", ...} (bytes)."""
    with fs.open(path, "rb") as stream:
        files = ({**f, "__url__": path} for f in tar_file_iterator(stream))
        yield from group_by_keys(files)


def validate(output_dir: str) -> Report:
    fs, root = fsspec.core.url_to_fs(output_dir)
    root = root.rstrip("/")
    report = Report()
    if not fs.exists(root):
        report.problem(f"{output_dir} does not exist")
        return report
    names = sorted(p.rsplit("/", 1)[-1] for p in fs.ls(root, detail=False))
    shard_files = [n for n in names if n.endswith(".tar")]
    sizes = _read_json(fs, f"{root}/{SIZES_FILE}")
    augment = (_read_json(fs, f"{root}/{MANIFEST_FILE}") or {}).get("mode") == "augment"
    stats = _read_json(fs, f"{root}/{STATS_FILE}")
    if sizes is None or stats is None:
        report.problem(f"missing {SIZES_FILE} or {STATS_FILE}: the run did not finish")
        sizes, stats = sizes or {}, stats or {}
    seen: set[str] = set()
    for name in shard_files:
        report.shards += 1
        count = _check_shard(fs, root, name, seen, report, augment)
        report.samples += count
        if sizes.get(name) != count:
            report.problem(f"{name}: {count} samples, sizes.json says {sizes.get(name)}")
        _check_index(fs, root, name, count, report)
    for name in set(sizes) - set(shard_files):
        report.problem(f"sizes.json lists {name}, which is missing")
    if stats:
        if stats.get("written") != report.samples:
            report.problem(f"stats.json says {stats.get('written')} written, shards hold {report.samples}")
        if stats.get("input_records") != stats.get("written", 0) + sum(stats.get("rejected", {}).values()):
            report.problem("stats.json: input_records != written + rejected")
    return report


def _check_shard(fs, root: str, name: str, seen: set, report: Report, augment: bool = False) -> int:
    """Samples written to the shard (augment mode: those carrying .sg.json)."""
    count = 0
    record_member = "sg.json" if augment else "json"
    try:
        for sample in iter_samples(fs, f"{root}/{name}"):
            key = sample["__key__"]
            if key in seen:
                report.problem(f"{name}: duplicate key {key}")
            seen.add(key)
            if augment and record_member not in sample:
                continue                    # an input sample kept as it was, rejected in the index
            count += 1
            if record_member not in sample or (not augment and "txt" not in sample):
                report.problem(f"{name}: {key} lacks .{record_member} or .txt")
                continue
            try:
                record = json.loads(sample[record_member])
            except ValueError as exc:
                report.problem(f"{name}: {key}.json is not JSON ({exc})")
                continue
            for error in record_errors(record):
                report.problem(f"{name}: {key}.json {error}")
            if record.get("key") != key:
                report.problem(f"{name}: {key}.json has key {record.get('key')!r}")
            if not augment and sample["txt"].decode("utf-8") != record.get("caption"):
                report.problem(f"{name}: {key}.txt differs from the record's caption")
    except Exception as exc:  # noqa: BLE001 - a corrupt tar is a finding, not a crash
        report.problem(f"{name}: unreadable after {count} samples ({type(exc).__name__}: {exc})")
    return count


def _check_index(fs, root: str, name: str, count: int, report: Report) -> None:
    stem = name[: -len(".tar")]
    index_path = f"{root}/{stem}{SHARD_INDEX_SUFFIX}"
    if not fs.exists(index_path):
        report.problem(f"{name}: no {stem}{SHARD_INDEX_SUFFIX}")
        return
    with fs.open(index_path, "rb") as f:
        statuses = Counter(pq.read_table(f, columns=["status"]).column("status").to_pylist())
    if statuses.get("written", 0) != count:
        report.problem(f"{name}: index has {statuses.get('written', 0)} written, shard holds {count}")
    letters_path = f"{root}/{DEAD_LETTER_DIR}/{stem}.jsonl"
    letters = 0
    if fs.exists(letters_path):
        with fs.open(letters_path, "rb") as f:
            letters = sum(1 for line in f if line.strip())
    if statuses.get("rejected", 0) != letters:
        report.problem(f"{name}: index has {statuses.get('rejected', 0)} rejected, dead letters hold {letters}")
