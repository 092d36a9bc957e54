"""The run manifest: what a run read and how, so a resumed run can refuse a changed job.

No timestamps are recorded: the same input and options give a byte-identical
output directory, manifest included.
"""
from __future__ import annotations

import json
import platform
from dataclasses import asdict
from importlib import metadata
from typing import Optional

import fsspec

from .. import __version__
from ..schemas.record import SCHEMA_VERSION
from .shards import (DEAD_LETTER_DIR, MANIFEST_FILE, SHARD_INDEX_SUFFIX, SHARD_STATS_SUFFIX, SIZES_FILE,
                     STATS_FILE, VOCAB_FILE, write_atomic)

# Changing any of these changes what shard N holds or contains.
COMPARED = ("inputs", "input_spec", "samples_per_shard", "annotate", "parser", "mode", "export_parquet", "vocab")
_CHANGE_MARKERS = ("md5Hash", "ETag", "etag", "crc32c", "mtime", "LastModified", "last_modified")


class ResumeError(RuntimeError):
    """The output directory belongs to a different job."""


def fingerprint(path: str) -> dict:
    """Size plus the store's content or change marker (md5/etag for object stores, mtime locally)."""
    fs, fs_path = fsspec.core.url_to_fs(path)
    info = fs.info(fs_path)
    marker = next((str(info[k]) for k in _CHANGE_MARKERS if info.get(k) is not None), None)
    return {"path": path, "size": info.get("size"), "marker": marker}


def _version(dist: str) -> Optional[str]:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def build_manifest(files: list[str], spec, samples_per_shard: int, annotate, parser_backend: str,
                   model: Optional[str], shards: int, records: Optional[int], mode: str = "shards",
                   export_dir: Optional[str] = None, vocab: Optional[dict] = None,
                   stems: Optional[list[str]] = None) -> dict:
    annotate_options = asdict(annotate)
    annotate_options["augment"].pop("frequencies", None)    # recorded as "vocab" (path + digest)
    return {
        "vocab": vocab,
        "mode": mode,
        "export_parquet": export_dir,
        "sgshards": __version__,
        "schema_version": SCHEMA_VERSION,
        "inputs": [fingerprint(f) for f in files],
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
    fs, path = fsspec.core.url_to_fs(_path(output_dir))
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as f:
        return json.loads(f.read())


def write_manifest(output_dir: str, manifest: dict) -> None:
    write_atomic(_path(output_dir), (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())


def check_resumable(previous: Optional[dict], current: dict) -> None:
    """Raise ResumeError naming what changed since the interrupted run."""
    if previous is None:
        raise ResumeError("nothing to resume: the output directory has no manifest.json")
    # JSON round trip so tuples and lists compare equal
    now = json.loads(json.dumps(current))
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
        names.add(VOCAB_FILE)
    for stem in planned_stems(manifest):
        names.update({f"{stem}.tar", f"{stem}{SHARD_STATS_SUFFIX}", f"{stem}{SHARD_INDEX_SUFFIX}",
                      f"{DEAD_LETTER_DIR}/{stem}.jsonl"})
    return names


def valid_manifest(output_dir: str) -> Optional[dict]:
    """The output's manifest when it is one sgshards wrote, else None (nothing there is ours)."""
    try:
        found = read_manifest(output_dir)
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or not isinstance(found.get("planned"), dict) or "sgshards" not in found:
        return None
    return found


def committed_shards(output_dir: str) -> set[str]:
    """Shards whose commit marker exists, from one listing of the directory."""
    fs, path = fsspec.core.url_to_fs(output_dir)
    if not fs.exists(path):
        return set()
    names = (p.rsplit("/", 1)[-1] for p in fs.ls(path, detail=False))
    return {n[: -len(SHARD_STATS_SUFFIX)] for n in names if n.endswith(SHARD_STATS_SUFFIX)}
