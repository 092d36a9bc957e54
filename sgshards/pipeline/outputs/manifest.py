"""The run manifest: what a run read and how, so a resumed run can refuse a changed job;
and the check of what a resumed run keeps (``verified_shards``).

No timestamps are recorded: the same input and options give a byte-identical
output directory, manifest included.
"""
from __future__ import annotations

import hashlib
import json
import platform
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from importlib import metadata
from typing import Iterable, Optional

import fsspec

from ... import __version__
from ...schemas.record import SCHEMA_VERSION
from .shards import (DEAD_LETTER_DIR, MANIFEST_FILE, SHARD_INDEX_SUFFIX, SHARD_STATS_SUFFIX, SIZES_FILE,
                     STATS_FILE, VOCAB_FILE, COOCCUR_FILE, NGRAM_FILE, BLIND_FILE, read_json_if_exists, write_atomic)

# Changing any of these changes what shard N holds or contains.
COMPARED = ("inputs", "input_spec", "samples_per_shard", "annotate", "parser", "mode", "export_parquet", "vocab")
_CHANGE_MARKERS = ("md5Hash", "ETag", "etag", "crc32c", "mtime", "LastModified", "last_modified")

# Input content fingerprint, mode "sample": sha256 over the size, the first and last MiB and
# SPACED_BLOCKS blocks of SPACED_BLOCK bytes at evenly spaced offsets (ranged reads, so a
# bucket object is not downloaded); files up to WHOLE_FILE_LIMIT are hashed whole.
# Mode "full" hashes every byte.
FINGERPRINT_MODES = ("sample", "full")
END_BLOCK = 1 << 20
SPACED_BLOCKS, SPACED_BLOCK = 16, 64 << 10
WHOLE_FILE_LIMIT = 2 * END_BLOCK + SPACED_BLOCKS * SPACED_BLOCK
_READ_CHUNK = 1 << 20
_THREADS = 8                                # object-store round trips and hashing overlap
_STALE_TMP = re.compile(r"\.[0-9a-f]{12}\.tmp$")      # shards._tmp_name


class ResumeError(RuntimeError):
    """The output directory belongs to a different job."""


def sample_ranges(size: int) -> list[tuple[int, int]]:
    """The [start, end) byte ranges mode "sample" hashes, in order."""
    if size <= WHOLE_FILE_LIMIT:
        return [(0, size)]
    step = (size - SPACED_BLOCK) // (SPACED_BLOCKS + 1)
    spaced = [(k * step, k * step + SPACED_BLOCK) for k in range(1, SPACED_BLOCKS + 1)]
    return [(0, END_BLOCK), *spaced, (size - END_BLOCK, size)]


def content_sha256(fs, fs_path: str, size: Optional[int], mode: str = "sample") -> str:
    """sha256 of the size (decimal, newline) then the bytes ``mode`` reads (see FINGERPRINT_MODES)."""
    sha = hashlib.sha256(f"{size}\n".encode())
    if mode == "full" or size is None:
        _hash_stream(fs, fs_path, sha)
    else:
        for start, end in sample_ranges(size):
            sha.update(fs.cat_file(fs_path, start=start, end=end))
    return sha.hexdigest()


def _hash_stream(fs, fs_path: str, sha) -> int:
    """Feed every byte of a file to ``sha``; return how many there were."""
    size = 0
    with fs.open(fs_path, "rb", block_size=_READ_CHUNK) as f:
        while chunk := f.read(_READ_CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return size


def fingerprint(path: str, mode: str = "sample") -> dict:
    """Size, the store's change marker (md5/etag for object stores, mtime locally) and a
    sha256 of the content (``content_sha256``)."""
    fs, fs_path = fsspec.core.url_to_fs(path)
    info = fs.info(fs_path)
    marker = next((str(info[k]) for k in _CHANGE_MARKERS if info.get(k) is not None), None)
    return {"path": path, "size": info.get("size"), "marker": marker,
            "sha256": content_sha256(fs, fs_path, info.get("size"), mode)}


def _version(dist: str) -> Optional[str]:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def build_manifest(files: list[str], spec, samples_per_shard: int, annotate, parser_backend: str,
                   model: Optional[str], shards: int, records: Optional[int], mode: str = "shards",
                   export_dir: Optional[str] = None, vocab: Optional[dict] = None,
                   stems: Optional[list[str]] = None, fingerprint_mode: str = "sample") -> dict:
    annotate_options = asdict(annotate)
    annotate_options["augment"].pop("frequencies", None)    # recorded as "vocab" (path + digest)
    return {
        "vocab": vocab,
        "mode": mode,
        "export_parquet": export_dir,
        "sgshards": __version__,
        "schema_version": SCHEMA_VERSION,
        "fingerprint": fingerprint_mode,
        "inputs": _threaded(lambda f: fingerprint(f, fingerprint_mode), files),
        "input_spec": asdict(spec),
        "samples_per_shard": samples_per_shard,
        "annotate": annotate_options,
        "parser": {"backend": parser_backend, "model": model},
        "planned": {"shards": shards, "records": records, "stems": stems},
        "versions": {"python": platform.python_version(),
                     **{d: _version(d) for d in ("apache-beam", "spacy", "pyarrow", "webdataset")}},
    }


def _path(output_dir: str) -> str:
    return f"{output_dir.rstrip('/')}/{MANIFEST_FILE}"


def read_manifest(output_dir: str) -> Optional[dict]:
    return read_json_if_exists(*fsspec.core.url_to_fs(_path(output_dir)))


def write_manifest(output_dir: str, manifest: dict) -> None:
    write_atomic(_path(output_dir), (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())


def check_resumable(previous: Optional[dict], current: dict) -> None:
    """Raise ResumeError naming what changed since the interrupted run."""
    if previous is None:
        raise ResumeError("nothing to resume: the output directory has no manifest.json")
    # JSON round trip so tuples and lists compare equal
    now = json.loads(json.dumps(current))
    if "fingerprint" not in previous:
        raise ResumeError("cannot resume: the interrupted run's manifest.json has no content fingerprint "
                          "of its inputs (an older sgshards): use --overwrite to start again")
    if previous["fingerprint"] != now.get("fingerprint"):
        raise ResumeError(f"cannot resume: the interrupted run used --fingerprint {previous['fingerprint']}")
    changed = [k for k in COMPARED if previous.get(k) != now.get(k)]
    if changed:
        raise ResumeError(f"cannot resume: {', '.join(changed)} changed since the interrupted run "
                          "(use a new --output, or --overwrite to start again)")


def planned_stems(manifest: dict) -> list[str]:
    """The shard stems a run planned: recorded since the stem list was added, else derived
    as the plan derives them (numbered shards; img2dataset inputs keep their file names)."""
    planned = manifest.get("planned") or {}
    if isinstance(planned.get("stems"), list):
        return [s for s in planned["stems"] if isinstance(s, str)]
    if manifest.get("mode", "shards") == "shards":
        return [f"{i:05d}" for i in range(int(planned.get("shards") or 0))]
    return [str(f.get("path", "")).rsplit("/", 1)[-1].split(".", 1)[0] for f in manifest.get("inputs", [])]


def owned_names(manifest: dict) -> set[str]:
    """Paths, relative to the output directory, of every file the run of ``manifest`` writes
    there: what ``--overwrite`` may delete.  Only files found by listing the output match
    these names, so a hostile stem ("../x") can name nothing outside it."""
    names = {STATS_FILE, SIZES_FILE, MANIFEST_FILE}
    if (manifest.get("vocab") or {}).get("corpus_pass"):
        names.update({VOCAB_FILE, COOCCUR_FILE})
    if ((manifest.get("annotate") or {}).get("augment") or {}).get("selection") == "plausible":
        names.update({NGRAM_FILE, BLIND_FILE})
    for stem in planned_stems(manifest):
        names.update({f"{stem}.tar", f"{stem}{SHARD_STATS_SUFFIX}", f"{stem}{SHARD_INDEX_SUFFIX}",
                      f"{DEAD_LETTER_DIR}/{stem}.jsonl"})
    return names


def export_names(manifest: dict) -> set[str]:
    """Names, relative to the ``--export-parquet`` directory, of the files the run writes there:
    the parts and the dataset card."""
    if not manifest.get("export_parquet"):
        return set()
    return {f"part-{stem}.parquet" for stem in planned_stems(manifest)} | {"README.md"}


def valid_manifest(output_dir: str) -> Optional[dict]:
    """The output's manifest when it is one sgshards wrote, else None (nothing there is ours)."""
    try:
        found = read_manifest(output_dir)
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or not isinstance(found.get("planned"), dict) or "sgshards" not in found:
        return None
    return found


def _threaded(function, items: Iterable) -> list:
    """``[function(x) for x in items]``, in order, on a few threads."""
    items = list(items)
    if len(items) <= 1:
        return [function(x) for x in items]
    with ThreadPoolExecutor(min(_THREADS, len(items))) as pool:
        return list(pool.map(function, items))


class _Dir:
    """One listing of a directory: name -> size (empty when the directory is missing)."""

    def __init__(self, fs, path: Optional[str]):
        self.fs, self.path = fs, (path or "").rstrip("/")
        listing = fs.ls(self.path, detail=True) if path and fs.isdir(self.path) else []
        self.sizes = {e["name"].rstrip("/").rsplit("/", 1)[-1]: e.get("size")
                      for e in listing if e.get("type") != "directory"}

    def full(self, name: str) -> str:
        return f"{self.path}/{name}"

    def remove_stale_temporaries(self) -> None:
        """``*.<12 hex>.tmp`` files: writes of an attempt that died before its rename."""
        for name in [n for n in self.sizes if _STALE_TMP.search(n)]:
            self.fs.rm_file(self.full(name))
            del self.sizes[name]


def verified_shards(output_dir: str, stems: Iterable[str], export_dir: Optional[str] = None) -> set[str]:
    """The shards of ``stems`` a resumed run may keep: committed (``_stats.json`` exists) and
    every file the marker records has its recorded size and sha256, and the shard has no file
    the marker does not record.  The files of every other shard are deleted, marker first,
    so it is redone from scratch; stale temporary files are removed."""
    fs, root = fsspec.core.url_to_fs(output_dir)
    dirs = {"files": _Dir(fs, root), DEAD_LETTER_DIR: _Dir(fs, f"{root.rstrip('/')}/{DEAD_LETTER_DIR}")}
    if export_dir:
        export_fs, export_root = fsspec.core.url_to_fs(export_dir)
        dirs["export_files"] = _Dir(export_fs, export_root)
    for d in dirs.values():
        d.remove_stale_temporaries()
    stems = sorted(set(stems))
    intact = _threaded(lambda stem: _shard_intact(dirs, stem), stems)
    for stem, ok in zip(stems, intact):
        if not ok:
            _clear_shard(dirs, stem)
    return {stem for stem, ok in zip(stems, intact) if ok}


def _shard_files(dirs: dict, stem: str) -> dict:
    """(directory, name) of each file the writer may write for ``stem`` -> its recorded relative
    path and field; the marker comes first."""
    own = {(dirs["files"], f"{stem}{SHARD_STATS_SUFFIX}"): (None, None),
           (dirs["files"], f"{stem}.tar"): ("files", f"{stem}.tar"),
           (dirs["files"], f"{stem}{SHARD_INDEX_SUFFIX}"): ("files", f"{stem}{SHARD_INDEX_SUFFIX}"),
           (dirs[DEAD_LETTER_DIR], f"{stem}.jsonl"): ("files", f"{DEAD_LETTER_DIR}/{stem}.jsonl")}
    if "export_files" in dirs:
        own[(dirs["export_files"], f"part-{stem}.parquet")] = ("export_files", f"part-{stem}.parquet")
    return own


def _shard_intact(dirs: dict, stem: str) -> bool:
    top = dirs["files"]
    if f"{stem}{SHARD_STATS_SUFFIX}" not in top.sizes:
        return False
    try:
        with top.fs.open(top.full(f"{stem}{SHARD_STATS_SUFFIX}"), "rb") as f:
            marker = json.loads(f.read())
    except (OSError, ValueError):
        return False
    if not isinstance(marker, dict):
        return False
    for (directory, name), (field, relative) in _shard_files(dirs, stem).items():
        if field is None:
            continue
        entries = marker.get(field)
        recorded = entries.get(relative) if isinstance(entries, dict) else None
        if recorded is None:                 # only dead letters are optional; no unrecorded file
            if name in directory.sizes or not relative.startswith(f"{DEAD_LETTER_DIR}/"):
                return False
        elif not isinstance(recorded, dict) or directory.sizes.get(name) != recorded.get("size") or \
                _file_sha256(directory.fs, directory.full(name)) != recorded.get("sha256"):
            return False
    return True


def _file_sha256(fs, path: str) -> str:
    sha = hashlib.sha256()
    _hash_stream(fs, path, sha)
    return sha.hexdigest()


def _clear_shard(dirs: dict, stem: str) -> None:
    for directory, name in _shard_files(dirs, stem):
        if name in directory.sizes:
            directory.fs.rm_file(directory.full(name))


def committed_shards(output_dir: str) -> set[str]:
    """Shards whose commit marker exists, from one listing of the directory."""
    fs, path = fsspec.core.url_to_fs(output_dir)
    if not fs.exists(path):
        return set()
    names = (p.rsplit("/", 1)[-1] for p in fs.ls(path, detail=False))
    return {n[: -len(SHARD_STATS_SUFFIX)] for n in names if n.endswith(SHARD_STATS_SUFFIX)}
