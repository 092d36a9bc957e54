"""Shard planning and writing, shared by every engine (Beam runners, PySpark).

Conventions are enforced here and nowhere else:
- the plan: input record number ``index`` (file order, then row order) goes to
  shard ``index // samples_per_shard``, so shard N always holds the same records;
- keys: ``{index:09d}`` by default, or the user's key column made safe (no dots);
- members: ``{key}.json`` (sample record) and ``{key}.txt`` (caption) in
  ``{shard:05d}.tar``, sorted by key, with fixed mtimes and owners, so the
  same input and options give byte-identical shards;
- a shard is written under a temporary name and committed by rename;
- rejected records go to ``dead_letters/{shard:05d}.jsonl`` with their reason;
- ``{shard:05d}_index.parquet`` has one row per input record (key, status,
  reason, counts), and ``{shard:05d}_stats.json``, written last, marks the
  shard as committed (a resumed run skips committed shards).
"""
from __future__ import annotations

import io
import json
import re
import tarfile
from collections import Counter
from typing import Iterable

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from ..schemas.record import dumps

SHARD_PATTERN = "{shard:05d}.tar"
DEAD_LETTER_DIR = "dead_letters"
STATS_FILE = "stats.json"
SHARD_STATS_SUFFIX = "_stats.json"
SHARD_INDEX_SUFFIX = "_index.parquet"
SIZES_FILE = "sizes.json"
MANIFEST_FILE = "manifest.json"
RUN_FILES = (STATS_FILE, SIZES_FILE, MANIFEST_FILE, DEAD_LETTER_DIR)
_UNSAFE_KEY = re.compile(r"[^A-Za-z0-9_\-]")


def shard_of(index: int, samples_per_shard: int) -> int:
    return index // samples_per_shard


def default_key(index: int) -> str:
    return f"{index:09d}"


def safe_key(user_key: str) -> str:
    """A user key as a tar member stem: webdataset splits keys at the first dot,
    so dots (and path separators, spaces) become underscores."""
    return _UNSAFE_KEY.sub("_", user_key.strip()) or "_"


def shard_name(shard: int) -> str:
    return SHARD_PATTERN.format(shard=shard)


def _tar_member(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    info.mode = 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    tar.addfile(info, io.BytesIO(data))


def shard_bytes(samples: Iterable[tuple[str, str, dict]]) -> bytes:
    """(key, caption, record) triples -> tar bytes, members sorted by key."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for key, caption, record in sorted(samples, key=lambda s: s[0]):
            _tar_member(tar, f"{key}.json", dumps(record).encode("utf-8"))
            _tar_member(tar, f"{key}.txt", caption.encode("utf-8"))
    return buf.getvalue()


def _join(root: str, *parts: str) -> str:
    return "/".join([root.rstrip("/"), *parts])


# An object store shows an object only once its upload completes, and its
# "rename" is copy + delete (tens of seconds of retries on some emulators):
# there, one whole-object put is the atomic write.
OBJECT_STORES = frozenset({"gs", "gcs", "s3", "s3a", "az", "abfs", "abfss"})


def write_atomic(path: str, data: bytes) -> None:
    """Write so a killed job never leaves a truncated file: ``path.tmp`` then
    rename on file systems, a single put on object stores."""
    fs, fs_path = fsspec.core.url_to_fs(path)
    protocols = {fs.protocol} if isinstance(fs.protocol, str) else set(fs.protocol)
    if protocols & OBJECT_STORES:
        fs.pipe_file(fs_path, data)
        return
    tmp = fs_path + ".tmp"
    parent = fs_path.rsplit("/", 1)[0]
    fs.makedirs(parent, exist_ok=True)
    with fs.open(tmp, "wb") as f:
        f.write(data)
    fs.mv(tmp, fs_path)


def write_shard(output_dir: str, shard: int, outcomes: Iterable[dict]) -> dict:
    """Write one shard and its dead letters; return the shard's stats.

    ``outcomes`` are dicts from ``sgshards.transforms.annotate``: status
    "written" (with ``record``) or "rejected" (with ``reason``, ``stage``, ``raw``).
    """
    written, rejected = [], []
    for o in outcomes:
        (written if o["status"] == "written" else rejected).append(o)

    write_atomic(_join(output_dir, shard_name(shard)),
                 shard_bytes((o["key"], o["record"]["caption"], o["record"]) for o in written))
    if rejected:
        lines = "".join(dumps(dead_letter(o)) + "\n" for o in sorted(rejected, key=lambda o: o["key"]))
        write_atomic(_join(output_dir, DEAD_LETTER_DIR, f"{shard:05d}.jsonl"), lines.encode("utf-8"))
    write_atomic(_join(output_dir, f"{shard:05d}{SHARD_INDEX_SUFFIX}"), index_bytes(written + rejected))
    stats = shard_stats(shard, written, rejected)
    write_atomic(_join(output_dir, f"{shard:05d}{SHARD_STATS_SUFFIX}"), dumps(stats).encode("utf-8"))
    return stats


def committed_stats(output_dir: str, shard: int):
    """The stats of a committed shard, or None when the shard is missing or partial."""
    fs, path = fsspec.core.url_to_fs(_join(output_dir, f"{shard:05d}{SHARD_STATS_SUFFIX}"))
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as f:
        return json.loads(f.read())


INDEX_SCHEMA = pa.schema([
    ("key", pa.string()), ("index", pa.int64()), ("status", pa.string()), ("stage", pa.string()),
    ("reason", pa.string()), ("positives", pa.int32()), ("negatives", pa.int32()),
])


def index_bytes(outcomes: list[dict]) -> bytes:
    """One row per input record of the shard, in input order."""
    rows = [{"key": o["key"], "index": o["index"], "status": o["status"], "stage": o["stage"],
             "reason": o["reason"],
             "positives": len(o["record"]["positives"]) if o["record"] else 0,
             "negatives": len(o["record"]["negatives"]) if o["record"] else 0}
            for o in sorted(outcomes, key=lambda o: o["index"])]
    buf = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=INDEX_SCHEMA), buf)
    return buf.getvalue().to_pybytes()


def dead_letter(outcome: dict) -> dict:
    return {"key": outcome["key"], "index": outcome["index"], "source": outcome.get("source"),
            "stage": outcome["stage"], "reason": outcome["reason"], "raw": outcome.get("raw")}


def shard_stats(shard: int, written: list[dict], rejected: list[dict]) -> dict:
    negatives = Counter(n["type"] for o in written for n in o["record"]["negatives"])
    positives = Counter(p["kind"] for o in written for p in o["record"]["positives"])
    return {
        "shards": {shard_name(shard): len(written)},
        "input_records": len(written) + len(rejected),
        "written": len(written),
        "rejected": dict(Counter(o["reason"] for o in rejected)),
        "with_negative": sum(1 for o in written if o["record"]["negatives"]),
        "negatives": dict(negatives),
        "positives": dict(positives),
    }


def merge_stats(parts: Iterable[dict]) -> dict:
    """Sum stats dicts field by field (nested dicts merged); order-independent."""
    out: dict = {}
    for part in parts:
        for k, v in part.items():
            if isinstance(v, dict):
                out[k] = merge_stats([out.get(k, {}), v])
            else:
                out[k] = out.get(k, 0) + v
    return out


def finish_stats(shard_parts: Iterable[dict], input_records: int, samples_per_shard: int) -> tuple[dict, dict]:
    """The run's stats.json and sizes.json: merged shard stats plus the conservation check."""
    merged = merge_stats(shard_parts)
    rejected = merged.get("rejected", {})
    written = merged.get("written", 0)
    stats = {
        "input_records": input_records,
        "written": written,
        "rejected": dict(sorted(rejected.items())),
        "rejected_total": sum(rejected.values()),
        "with_negative": merged.get("with_negative", 0),
        "negatives": dict(sorted(merged.get("negatives", {}).items())),
        "positives": dict(sorted(merged.get("positives", {}).items())),
        "shards": len(merged.get("shards", {})),
        "samples_per_shard": samples_per_shard,
    }
    stats["conserved"] = input_records == written + stats["rejected_total"]
    return stats, dict(sorted(merged.get("shards", {}).items()))


def write_run_summary(output_dir: str, stats: dict, sizes: dict) -> None:
    write_atomic(_join(output_dir, STATS_FILE), (json.dumps(stats, indent=2, sort_keys=True) + "\n").encode())
    write_atomic(_join(output_dir, SIZES_FILE), (json.dumps(sizes, indent=2, sort_keys=True) + "\n").encode())


def existing_outputs(output_dir: str) -> list[str]:
    """Shards or run files already in ``output_dir`` (to refuse clobbering them)."""
    fs, path = fsspec.core.url_to_fs(output_dir)
    if not fs.exists(path):
        return []
    names = [p.rsplit("/", 1)[-1] for p in fs.ls(path, detail=False)]
    return sorted(n for n in names if n.endswith((".tar", SHARD_STATS_SUFFIX, SHARD_INDEX_SUFFIX))
                  or n in RUN_FILES)


def clear_outputs(output_dir: str) -> None:
    fs, path = fsspec.core.url_to_fs(output_dir)
    for name in existing_outputs(output_dir):
        fs.rm(f"{path.rstrip('/')}/{name}", recursive=True)
