"""``sgshards validate DIR``: check an output directory against its own bookkeeping.

Reads every shard once, through fsspec (so gs:// and s3:// work too), grouping
its members into samples as webdataset does, and checks: every file a shard
wrote has the size and sha256 its ``_stats.json`` recorded at write time (so
any changed byte is found; a shard without ``_stats.json``, or one written
before checksums were recorded, is a problem), the tar ends with its
end-of-archive blocks and nothing follows them, each written sample has its
record (``{key}.sg.json``; a sidecar sample nothing else, so no member clashes with
an img2dataset image shard zipped beside it; schema 1.0 sidecar shards: ``.json``
and ``.txt``), the record matches the record schema and its key, keys are unique across
the dataset, per-shard counts equal sizes.json and the shard's Parquet index,
dead letters equal the index's rejections, and stats.json conserves records.
"""
from __future__ import annotations

import hashlib
import json
import re
import tarfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import fsspec
import pyarrow.parquet as pq

from ...schemas.jsonschema import record_errors
from ...schemas.layout import LEGACY_CAPTION_MEMBER, LEGACY_RECORD_MEMBER, RECORD_MEMBER
from ...schemas.outcomes import STATUS_REJECTED, STATUS_WRITTEN
from ..outputs.shards import (DEAD_LETTER_DIR, MANIFEST_FILE, SHARD_INDEX_SUFFIX, SHARD_STATS_SUFFIX, SIZES_FILE,
                              STATS_FILE, read_json_if_exists)

MAX_LISTED = 20
_READ_CHUNK = 1 << 20
_SKIP_META = re.compile(r"__[^/]*__($|/)")        # webdataset's tar_file_iterator default
LEGACY_SCHEMA_VERSION = "1.0"                        # sidecar shards of .json + .txt


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


def _read_json(fs, path: str, report: Optional[Report] = None):
    """A JSON object file, or None when it is missing (or, reported, not a JSON object)."""
    missing = object()
    try:
        value = read_json_if_exists(fs, path, missing)
    except ValueError:
        value = None
    if value is missing:
        return None
    if not isinstance(value, dict):
        if report is not None:
            report.problem(f"{path.rsplit('/', 1)[-1]}: not a JSON object")
        return None
    return value


def iter_samples(fs, path: str):
    """Samples of one shard as webdataset groups them: {"__key__", "sg.json", ...} (bytes)."""
    from webdataset.tariterators import group_by_keys, tar_file_iterator    # webdataset imports torch

    with fs.open(path, "rb") as stream:
        files = ({**f, "__url__": path} for f in tar_file_iterator(stream))
        yield from group_by_keys(files)


class _Scan:
    """A shard's bytes as the tar reader pulls them, read once: their size, their sha256 and
    where the last non-zero byte ends (past the last member there may be only zeros)."""

    def __init__(self, f):
        self.f, self.sha, self.size, self.nonzero_end = f, hashlib.sha256(), 0, 0
        self.members_end: Optional[int] = None          # set once the reader reached the archive's end

    def read(self, n: int = -1) -> bytes:
        chunk = self.f.read(n)
        if chunk:
            self.sha.update(chunk)
            kept = len(chunk) if chunk[-1] else len(chunk.rstrip(b"\0"))
            if kept:
                self.nonzero_end = self.size + kept
            self.size += len(chunk)
        return chunk

    def drain(self) -> None:
        while self.read(_READ_CHUNK):
            pass

    def digest(self) -> dict:
        return {"size": self.size, "sha256": self.sha.hexdigest()}


def _scanned_files(scan: _Scan, url: str):
    """webdataset's ``tar_file_iterator`` over an uncompressed tar, also noting where the last
    member ends (``scan.members_end``)."""
    from webdataset.tariterators import meta_prefix, meta_suffix

    tar = tarfile.open(fileobj=scan, mode="r|")
    for info in tar:
        name = info.name
        if info.isreg() and not ("/" not in name and name.startswith(meta_prefix) and name.endswith(meta_suffix)) \
                and not _SKIP_META.match(name):
            yield {"fname": name, "data": tar.extractfile(info).read(), "__url__": url}
        tar.members = []
    scan.members_end = tar.offset


def _file_digest(fs, path: str) -> Optional[dict]:
    if not fs.exists(path):
        return None
    scan = _Scan(fs.open(path, "rb"))
    with scan.f:
        scan.drain()
    return scan.digest()


def validate(output_dir: str) -> Report:
    fs, root = fsspec.core.url_to_fs(output_dir)
    root = root.rstrip("/")
    report = Report()
    if not fs.exists(root):
        report.problem(f"{output_dir} does not exist")
        return report
    names = sorted(p.rsplit("/", 1)[-1] for p in fs.ls(root, detail=False))
    shard_files = [n for n in names if n.endswith(".tar")]
    sizes = _read_json(fs, f"{root}/{SIZES_FILE}", report)
    run_manifest = _read_json(fs, f"{root}/{MANIFEST_FILE}", report) or {}
    augment, export_dir = run_manifest.get("mode") == "augment", run_manifest.get("export_parquet")
    legacy = not augment and run_manifest.get("schema_version") == LEGACY_SCHEMA_VERSION
    stats = _read_json(fs, f"{root}/{STATS_FILE}", report)
    if sizes is None or stats is None:
        report.problem(f"missing {SIZES_FILE} or {STATS_FILE}: the run did not finish")
        sizes, stats = sizes or {}, stats or {}
    seen: set[str] = set()
    for name in shard_files:
        report.shards += 1
        count, tar_digest = _check_shard(fs, root, name, seen, report, augment, legacy)
        report.samples += count
        if sizes.get(name) != count:
            report.problem(f"{name}: {count} samples, sizes.json says {sizes.get(name)}")
        _check_index(fs, root, name, count, report)
        _check_recorded(fs, root, name[: -len(".tar")], count, tar_digest, export_dir, report)
    tars = set(shard_files)
    for marker in (n for n in names if n.endswith(SHARD_STATS_SUFFIX)):
        if f"{marker[: -len(SHARD_STATS_SUFFIX)]}.tar" not in tars:
            report.problem(f"{marker}: {marker[: -len(SHARD_STATS_SUFFIX)]}.tar is missing")
    for name in set(sizes) - set(shard_files):
        report.problem(f"sizes.json lists {name}, which is missing")
    if stats:
        if stats.get("written") != report.samples:
            report.problem(f"stats.json says {stats.get('written')} written, shards hold {report.samples}")
        if stats.get("input_records") != stats.get("written", 0) + sum(stats.get("rejected", {}).values()):
            report.problem("stats.json: input_records != written + rejected")
    return report


def _check_shard(fs, root: str, name: str, seen: set, report: Report,
                 augment: bool = False, legacy: bool = False) -> tuple[int, Optional[dict]]:
    """Samples written to the shard (augment mode: those carrying .sg.json), and the size
    and sha256 of the shard file, from one read."""
    try:
        with fs.open(f"{root}/{name}", "rb") as f:
            scan = _Scan(f)
            count = _check_samples(scan, f"{root}/{name}", name, seen, report, augment, legacy)
            scan.drain()
    except OSError as exc:
        report.problem(f"{name}: unreadable ({type(exc).__name__}: {exc})")
        return 0, None
    if scan.members_end is not None and (scan.size - scan.members_end < 2 * tarfile.BLOCKSIZE
                                         or scan.nonzero_end > scan.members_end):
        report.problem(f"{name}: does not end with the end-of-archive blocks (two zero blocks) "
                       f"after its last member at byte {scan.members_end}: truncated or appended to")
    return count, scan.digest()


def _check_samples(scan: _Scan, url: str, name: str, seen: set, report: Report, augment: bool,
                   legacy: bool = False) -> int:
    """Written samples of one shard.  ``legacy``: a schema 1.0 sidecar shard (.json + .txt)."""
    count = 0
    from webdataset.tariterators import group_by_keys

    record_member = LEGACY_RECORD_MEMBER if legacy else RECORD_MEMBER
    try:
        for sample in group_by_keys(_scanned_files(scan, url)):
            key = sample["__key__"]
            if key in seen:
                report.problem(f"{name}: duplicate key {key}")
            seen.add(key)
            if augment and record_member not in sample:
                continue                    # an input sample kept as it was, rejected in the index
            count += 1
            members = sorted(m for m in sample if not m.startswith("__"))
            if record_member not in sample or (legacy and LEGACY_CAPTION_MEMBER not in sample):
                report.problem(f"{name}: {key} lacks .{record_member}"
                               + (f" or .{LEGACY_CAPTION_MEMBER}" if legacy else "") + f" (has {members})")
                continue
            if not augment and not legacy and members != [RECORD_MEMBER]:
                report.problem(f"{name}: {key} has members {members}, a sidecar sample only .{RECORD_MEMBER}")
            try:
                record = json.loads(sample[record_member])
            except ValueError as exc:
                report.problem(f"{name}: {key}.{record_member} is not JSON ({exc})")
                continue
            for error in record_errors(record):
                report.problem(f"{name}: {key}.{record_member} {error}")
            if record.get("key") != key:
                report.problem(f"{name}: {key}.{record_member} has key {record.get('key')!r}")
            if legacy and sample[LEGACY_CAPTION_MEMBER].decode("utf-8") != record.get("caption"):
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
    if statuses.get(STATUS_WRITTEN, 0) != count:
        report.problem(f"{name}: index has {statuses.get(STATUS_WRITTEN, 0)} written, shard holds {count}")
    letters_path = f"{root}/{DEAD_LETTER_DIR}/{stem}.jsonl"
    letters = 0
    if fs.exists(letters_path):
        with fs.open(letters_path, "rb") as f:
            letters = sum(1 for line in f if line.strip())
    if statuses.get(STATUS_REJECTED, 0) != letters:
        report.problem(f"{name}: index has {statuses.get(STATUS_REJECTED, 0)} rejected, dead letters hold {letters}")


def _check_recorded(fs, root: str, stem: str, count: int, tar_digest: Optional[dict],
                    export_dir: Optional[str], report: Report) -> None:
    """Every file the shard wrote against the size and sha256 its _stats.json recorded."""
    marker_name = f"{stem}{SHARD_STATS_SUFFIX}"
    if not fs.exists(f"{root}/{marker_name}"):
        report.problem(f"{stem}.tar: no {marker_name}: the shard was never committed")
        return
    marker = _read_json(fs, f"{root}/{marker_name}", report)
    if marker is None:
        return
    if marker.get("written") != count:
        report.problem(f"{marker_name} says {marker.get('written')} written, {stem}.tar holds {count}")
    if not isinstance(marker.get("files"), dict):
        report.problem(f"{marker_name} records no checksums (written by an older sgshards): bytes not verified")
        return
    own = {f"{stem}.tar", f"{stem}{SHARD_INDEX_SUFFIX}", f"{DEAD_LETTER_DIR}/{stem}.jsonl"}
    for relative in sorted(own - set(marker["files"])):
        if relative.startswith(DEAD_LETTER_DIR) and not fs.exists(f"{root}/{relative}"):
            continue                                    # no rejections, no dead letters
        report.problem(f"{relative}: not recorded in {marker_name}")
    for relative, recorded in sorted(marker["files"].items()):
        if relative not in own or not isinstance(recorded, dict):
            report.problem(f"{marker_name} records {relative!r}, not a file of this shard")
            continue
        actual = tar_digest if relative == f"{stem}.tar" else _file_digest(fs, f"{root}/{relative}")
        _compare(relative, actual, recorded, marker_name, report)
    if export_dir:
        export_fs, export_root = fsspec.core.url_to_fs(export_dir)
        part = f"part-{stem}.parquet"
        recorded = (marker.get("export_files") or {}).get(part)
        if not isinstance(recorded, dict):
            report.problem(f"{export_dir}/{part}: not recorded in {marker_name}")
        else:
            _compare(f"{export_dir}/{part}", _file_digest(export_fs, f"{export_root.rstrip('/')}/{part}"),
                     recorded, marker_name, report)


def _compare(label: str, actual: Optional[dict], recorded: dict, marker_name: str, report: Report) -> None:
    if actual is None:
        report.problem(f"{label}: missing or unreadable, {marker_name} records it")
    elif actual["size"] != recorded.get("size"):
        report.problem(f"{label}: {actual['size']} bytes, {marker_name} records {recorded.get('size')}")
    elif actual["sha256"] != recorded.get("sha256"):
        report.problem(f"{label}: sha256 differs from the one {marker_name} recorded at write time "
                       "(same size: bytes changed)")
