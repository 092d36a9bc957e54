"""Shard writing, shared by every engine (Beam runners, PySpark); the plan is in plan.py.

Conventions are enforced here and nowhere else:
- keys: ``{index:09d}`` by default, or the user's key made safe by ``keys.safe_key``;
- members: ``{key}.sg.json`` (the sample record, ``schemas.layout``) in
  ``{shard:05d}.tar`` (img2dataset inputs keep their shard names and member order),
  sorted by key, with fixed mtimes and owners, so the same input and options
  give byte-identical shards;
- a shard is written under a temporary name and committed by rename (one
  whole-object upload on object stores);
- rejected records go to ``dead_letters/{shard:05d}.jsonl`` with their reason;
- ``{shard:05d}_index.parquet`` has one row per input record (key, status,
  reason, counts), and ``{shard:05d}_stats.json``, written last, marks the
  shard as committed and records the size and sha256 of every file the shard
  wrote (``files``, relative to the output; ``export_files``, relative to the
  export directory), so a resumed run and ``validate`` can check every byte.
"""
from __future__ import annotations

import errno
import hashlib
import json
import shutil
import tarfile
import tempfile
import uuid
from collections import Counter
from typing import IO, Iterable, NamedTuple, Optional, Union

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq

from ...schemas.export import EXPORT_SCHEMA, INDEX_SCHEMA
from ...schemas.layout import RECORD_MEMBER
from ...schemas.outcomes import DeadLetter, IndexRow, Outcome
from ...schemas.record import dumps, dumps_bytes
from ..errors import RunError, UsageError
from ..inputs.sources import visible_controls

DEAD_LETTER_DIR = "dead_letters"
STATS_FILE = "stats.json"
SHARD_STATS_SUFFIX = "_stats.json"
SHARD_INDEX_SUFFIX = "_index.parquet"
SIZES_FILE = "sizes.json"
MANIFEST_FILE = "manifest.json"
VOCAB_FILE = "vocab.json"
COOCCUR_FILE = "cooccur.npz"          # beside it: the co-occurrences counted from the same graphs
# --selection plausible: the corpus n-gram model and the blind models fitted on the balancing sample
NGRAM_FILE, BLIND_FILE = "ngram.npz", "blind_models.bin"
# Fields of a shard's _stats.json that record its files' checksums, not counts: never merged.
CHECKSUM_FIELDS = ("files", "export_files")


def _tar_info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = 0
    info.mode = 0o644
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


# A member header differs from member to member only in name, size and checksum, so headers
# are made from this Python's own tarfile header for a template member; names tarfile would
# give a pax extended header (non-ASCII, over 100 bytes) still go through tarfile.
_TEMPLATE = _tar_info("x", 0).tobuf(tarfile.PAX_FORMAT, tarfile.ENCODING, "surrogateescape")
_HEAD, _MIDDLE, _TAIL = _TEMPLATE[100:124], _TEMPLATE[136:148], _TEMPLATE[156:]
_FIXED_SUM = sum(_HEAD) + sum(_MIDDLE) + sum(_TAIL) + 8 * 32     # the checksum field counts as spaces
_MAX_SIZE = 8 ** 11


def _member_header(name: str, size: int) -> bytes:
    """The header block(s) ``tarfile.addfile`` writes for ``_tar_info(name, size)`` in PAX format."""
    raw = name.encode("ascii") if name.isascii() else None
    if raw is None or len(raw) > tarfile.LENGTH_NAME or size >= _MAX_SIZE:
        return _tar_info(name, size).tobuf(tarfile.PAX_FORMAT, tarfile.ENCODING, "surrogateescape")
    name_field = raw.ljust(tarfile.LENGTH_NAME, b"\0")
    size_field = b"%011o\0" % size
    checksum = _FIXED_SUM + sum(name_field) + sum(size_field)
    return b"".join((name_field, _HEAD, size_field, _MIDDLE, b"%06o\0 " % checksum, _TAIL))


class TarStream:
    """Writes the bytes ``tarfile.open(fileobj=f, mode="w", format=PAX_FORMAT)`` writes for
    members added with ``_tar_info`` (fixed mtime, mode and owners), without tarfile's
    per-member TarInfo copy and header build (two members per record).  Hashes what it
    writes, so a multi-GB spool is never read back to checksum it."""

    def __init__(self, fileobj):
        self.f, self.offset, self.sha = fileobj, 0, hashlib.sha256()

    def _write(self, data: bytes) -> None:
        self.f.write(data)
        self.sha.update(data)

    def add(self, name: str, data: bytes) -> None:
        header = _member_header(name, len(data))
        pad = -len(data) % tarfile.BLOCKSIZE
        self._write(header)
        self._write(data)
        if pad:
            self._write(b"\0" * pad)
        self.offset += len(header) + len(data) + pad

    def close(self) -> dict:
        """End the archive; return its size and sha256 (``file_digest`` of all bytes written)."""
        end = self.offset + 2 * tarfile.BLOCKSIZE           # two zero blocks, then a whole record
        trailer = b"\0" * (2 * tarfile.BLOCKSIZE + (-end % tarfile.RECORDSIZE))
        self._write(trailer)
        self.offset += len(trailer)
        return {"size": self.offset, "sha256": self.sha.hexdigest()}


def file_digest(data: bytes) -> dict:
    """What a shard's _stats.json records of each file it wrote."""
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _sample_members(tar: TarStream, key: str, members: dict) -> None:
    for ext in sorted(members):
        tar.add(f"{key}.{ext}", members[ext])


def _join(root: str, *parts: str) -> str:
    return "/".join([root.rstrip("/"), *parts])


# An object store shows an object only once its upload completes, and its
# "rename" is copy + delete (tens of seconds of retries on some emulators):
# there, one whole-object put is the atomic write.
OBJECT_STORES = frozenset({"gs", "gcs", "s3", "s3a", "az", "abfs", "abfss"})


def write_atomic(path: str, data: Union[bytes, IO[bytes]]) -> None:
    """Write ``data`` (bytes, or a file object too large to hold as bytes, streamed from its
    position) so a killed job never leaves a truncated file: to a temporary name then renamed
    on file systems; one put or upload on object stores, visible only once complete.  A failed
    write (disk full, read-only) removes its temporary file and raises a one-line RunError
    naming the path, so nothing is left under a final or temporary name."""
    def write(f) -> None:
        if isinstance(data, bytes):
            f.write(data)
        else:
            shutil.copyfileobj(data, f, 1 << 20)

    fs, fs_path = fsspec.core.url_to_fs(path)
    protocols = {fs.protocol} if isinstance(fs.protocol, str) else set(fs.protocol)
    try:
        if protocols & OBJECT_STORES:
            if isinstance(data, bytes):
                fs.pipe_file(fs_path, data)
            else:
                with fs.open(fs_path, "wb") as f:
                    write(f)
            return
        fs.makedirs(fs_path.rsplit("/", 1)[0], exist_ok=True)
        tmp = _tmp_name(fs_path)
        try:
            with fs.open(tmp, "wb") as f:
                write(f)
            fs.mv(tmp, fs_path)
        except BaseException:
            _remove_quietly(fs, tmp)
            raise
    except OSError as exc:
        raise RunError(f"cannot write {path}: {os_reason(exc)}") from exc


def _remove_quietly(fs, path: str) -> None:
    try:
        fs.rm_file(path)
    except OSError:
        pass


def os_reason(exc: OSError) -> str:
    """An OSError as words: "no space left on device", "permission denied", ..."""
    if exc.errno == errno.ENOSPC:
        return "no space left on device"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def _tmp_name(path: str) -> str:
    """A temporary name of this attempt's own: two attempts at one shard (a retry
    racing a straggler, speculative execution) must not write the same file."""
    return f"{path}.{uuid.uuid4().hex[:12]}.tmp"


def stem_of(shard) -> str:
    """Shard number or name -> the stem of its files ("00042")."""
    return f"{shard:05d}" if isinstance(shard, int) else shard


class Digest(NamedTuple):
    """One outcome reduced to what the shard's files take from it."""
    key: str
    index: int
    index_row: IndexRow
    dead_letter: Optional[DeadLetter]    # rejected outcomes
    members: dict                        # written: tar member extension -> bytes
    negative_types: tuple
    positive_kinds: tuple
    export_rows: tuple                   # --export-parquet rows, else ()
    skipped: Optional[str] = None        # written without sub-graph positives and negatives: why


def digest(outcome: Outcome, export: bool = False) -> Digest:
    """The outcome as a shard's files need it: a written record is serialised here, so a
    shard's worth of pending samples is held (or sent between workers) as bytes, not as record
    dicts the cyclic garbage collector would walk again and again (~0.1-0.2 ms per caption at
    1,000-10,000 samples per shard).  ``export``: with the --export-parquet rows."""
    record = outcome["record"]
    if record is None:
        return Digest(outcome["key"], outcome["index"], index_row(outcome), dead_letter(outcome), {}, (), (), ())
    members = {RECORD_MEMBER: dumps_bytes(record)}
    return Digest(outcome["key"], outcome["index"], index_row(outcome), None, members,
                  tuple(n["type"] for n in record["negatives"]), tuple(p["kind"] for p in record["positives"]),
                  tuple(export_rows(record)) if export else (), record.get("skipped"))


class ShardWriter:
    """Streams one shard: samples are appended in the order given, the tar is
    spooled (to disk past 64 MB) and committed on ``close``, after which the
    dead letters, export rows, index and, last, the commit marker are written.

    A written sample's record is ``{key}.sg.json`` (``schemas.layout``). ``augment=True``
    (img2dataset inputs, ``--mode augment``): every input sample keeps its members as they
    were and a written one gains that member; otherwise it is the sample's only member.
    """

    def __init__(self, output_dir: str, shard, export_dir: Optional[str] = None, augment: bool = False):
        self.output_dir, self.stem, self.export_dir, self.augment = output_dir, stem_of(shard), export_dir, augment
        self.spool = tempfile.SpooledTemporaryFile(max_size=64 << 20)
        self.tar = TarStream(self.spool)
        self.index_rows: list[IndexRow] = []
        self.rejected: list[DeadLetter] = []
        self.export_rows: list[dict] = []
        self.counts = {"written": 0, "with_negative": 0}
        self.negatives: Counter = Counter()
        self.positives: Counter = Counter()
        self.skipped: Counter = Counter()

    def digest(self, outcome: Outcome) -> "Digest":
        return digest(outcome, bool(self.export_dir))

    def put(self, sample: "Digest", members: Optional[dict] = None) -> None:
        """Append a digested sample (``members``: an img2dataset sample's own files, augment mode)."""
        self.index_rows.append(sample.index_row)
        if sample.dead_letter is not None:
            self.rejected.append(sample.dead_letter)
        else:
            self.counts["written"] += 1
            self.counts["with_negative"] += bool(sample.negative_types)
            self.negatives.update(sample.negative_types)
            self.positives.update(sample.positive_kinds)
            self.export_rows.extend(sample.export_rows)
            if sample.skipped:
                self.skipped[sample.skipped] += 1
        if self.augment:
            _sample_members(self.tar, sample.key, {**(members or {}), **sample.members})
        elif sample.members:
            _sample_members(self.tar, sample.key, sample.members)

    def add(self, outcome: Outcome, members: Optional[dict] = None) -> None:
        self.put(self.digest(outcome), members)

    def close(self) -> dict:
        """Commit the shard; return its counts (the checksums are in the marker only)."""
        files = {f"{self.stem}.tar": self.tar.close()}
        self.spool.seek(0)
        write_atomic(_join(self.output_dir, f"{self.stem}.tar"), self.spool)
        self.spool.close()
        if self.rejected:
            lines = "".join(dumps(d) + "\n" for d in sorted(self.rejected, key=lambda d: d["index"]))
            _write_recorded(files, self.output_dir, f"{DEAD_LETTER_DIR}/{self.stem}.jsonl", lines.encode("utf-8"))
        export_files: dict = {}
        if self.export_dir:
            _write_recorded(export_files, self.export_dir, f"part-{self.stem}.parquet",
                            _parquet_bytes(self.export_rows, EXPORT_SCHEMA))
        _write_recorded(files, self.output_dir, f"{self.stem}{SHARD_INDEX_SUFFIX}",
                        _parquet_bytes(sorted(self.index_rows, key=lambda r: r["index"]), INDEX_SCHEMA))
        stats = {
            "shards": {f"{self.stem}.tar": self.counts["written"]},
            "input_records": len(self.index_rows),
            "written": self.counts["written"],
            "rejected": dict(Counter(d["reason"] for d in self.rejected)),
            "with_negative": self.counts["with_negative"],
            "negatives": dict(self.negatives),
            "positives": dict(self.positives),
            "skipped": dict(self.skipped),
        }
        marker = {**stats, "files": files, **({"export_files": export_files} if self.export_dir else {})}
        write_atomic(_join(self.output_dir, f"{self.stem}{SHARD_STATS_SUFFIX}"), dumps(marker).encode("utf-8"))
        return stats


def _write_recorded(files: dict, root: str, relative: str, data: bytes) -> None:
    write_atomic(_join(root, relative), data)
    files[relative] = file_digest(data)


def counts_of(shard_stats: dict) -> dict:
    """A shard's _stats.json without its checksums: the counts that merge into stats.json."""
    return {k: v for k, v in shard_stats.items() if k not in CHECKSUM_FIELDS}


def write_shard(output_dir: str, shard, outcomes: Iterable[Outcome], export_dir: Optional[str] = None) -> dict:
    """Write one table-input shard (samples sorted by key); return its stats."""
    export = bool(export_dir)
    return write_digests(output_dir, shard, [digest(o, export) for o in outcomes], export_dir)


def write_digests(output_dir: str, shard, samples: list, export_dir: Optional[str] = None) -> dict:
    """Write one table-input shard from its digested samples, in any order (the shard is sorted
    by key, so bundles annotated apart give the bytes of one pass); return its stats."""
    writer = ShardWriter(output_dir, shard, export_dir)
    for sample in sorted(samples, key=lambda d: (d.key, d.index)):
        writer.put(sample)
    return writer.close()


def read_json_if_exists(fs, path: str, missing=None):
    """The JSON value of the file ``path`` on ``fs``, or ``missing`` when there is no such file
    (a file that is not JSON raises ValueError)."""
    if not fs.exists(path):
        return missing
    with fs.open(path, "rb") as f:
        return json.loads(f.read())


def committed_stats(output_dir: str, shard):
    """The stats of a committed shard, or None when the shard is missing or partial."""
    stats = read_json_if_exists(*fsspec.core.url_to_fs(_join(output_dir, f"{stem_of(shard)}{SHARD_STATS_SUFFIX}")))
    return None if stats is None else counts_of(stats)


def index_row(outcome: Outcome) -> IndexRow:
    record = outcome["record"]
    return {"key": outcome["key"], "index": outcome["index"], "status": outcome["status"],
            "stage": outcome["stage"], "reason": outcome["reason"],
            "positives": len(record["positives"]) if record else 0,
            "negatives": len(record["negatives"]) if record else 0}


def export_rows(record: dict) -> list[dict]:
    """The reusable negative-caption dataset: one row per positive and negative."""
    key, caption, positives = record["key"], record["caption"], record["positives"]
    score = record.get("scene_score")
    rows = [{"key": key, "caption": caption, "text": p["text"], "role": "positive", "type": p["kind"],
             "positive": None, "positive_text": None, "edits": None, "plausibility": None,
             "scene_score": score} for p in positives]
    rows += [{"key": key, "caption": caption, "text": n["text"], "role": "negative", "type": n["type"],
              "positive": n["positive"], "positive_text": positives[n["positive"]]["text"],
              "edits": n.get("edits"), "plausibility": n.get("plausibility"), "scene_score": score}
             for n in record["negatives"]]
    return rows


def _parquet_bytes(rows: list, schema: pa.Schema) -> bytes:
    buf = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), buf)
    return buf.getvalue().to_pybytes()


def dead_letter(outcome: Outcome) -> DeadLetter:
    return {"key": outcome["key"], "index": outcome["index"], "source": outcome.get("source"),
            "stage": outcome["stage"], "reason": outcome["reason"], "raw": visible_controls(outcome.get("raw"))}


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


def finish_stats(shard_parts: Iterable[dict], input_records: Optional[int],
                 samples_per_shard: int) -> tuple[dict, dict]:
    """The run's stats.json and sizes.json: merged shard stats plus the conservation
    check against the plan's record count (or, for inputs counted while reading,
    the records the shards saw)."""
    merged = merge_stats(shard_parts)
    if input_records is None:
        input_records = merged.get("input_records", 0)
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
        # written captions that describe no visible scene, by reason: the caption alone, no negative
        "skipped": dict(sorted(merged.get("skipped", {}).items())),
        "skipped_total": sum(merged.get("skipped", {}).values()),
        "shards": len(merged.get("shards", {})),
        "samples_per_shard": samples_per_shard,
    }
    stats["conserved"] = input_records == written + stats["rejected_total"]
    return stats, dict(sorted(merged.get("shards", {}).items()))


def write_run_summary(output_dir: str, stats: dict, sizes: dict) -> None:
    write_atomic(_join(output_dir, STATS_FILE), (json.dumps(stats, indent=2, sort_keys=True) + "\n").encode())
    write_atomic(_join(output_dir, SIZES_FILE), (json.dumps(sizes, indent=2, sort_keys=True) + "\n").encode())


def existing_outputs(output_dir: str) -> list[str]:
    """Every file under ``output_dir``, as a path relative to it, except the run lock."""
    fs, path = fsspec.core.url_to_fs(output_dir)
    root = path.rstrip("/")
    if not fs.exists(root):
        return []
    if not fs.isdir(root):
        raise UsageError(f"--output {output_dir} is a file, not a directory")
    names = (p[len(root) + 1:] for p in fs.find(root) if p.startswith(root + "/"))
    return sorted(n for n in names if not n.startswith(".sgshards.lock"))


def clear_outputs(output_dir: str, names: Iterable[str]) -> None:
    """Delete ``names`` (relative paths the previous run's manifest lists), the manifest last,
    so an interrupted clear still leaves the rest listed; then an emptied dead-letter folder."""
    fs, path = fsspec.core.url_to_fs(output_dir)
    root = path.rstrip("/")
    for name in sorted(names, key=lambda n: n == MANIFEST_FILE):
        fs.rm_file(f"{root}/{name}")
    dead = f"{root}/{DEAD_LETTER_DIR}"
    if fs.isdir(dead) and not fs.ls(dead, detail=False):
        fs.rmdir(dead)
