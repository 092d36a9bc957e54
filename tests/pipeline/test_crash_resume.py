"""Kill -9 a running `sgshards run`, resume it, and get the bytes of an uninterrupted run.

The run is a real subprocess in its own process group; it is killed once a
shard has committed (its ``_stats.json`` marker exists) and before the run has
finished (no ``stats.json``).  A killed run may leave ``*.tmp`` files, but every
final-name shard with a marker must be a complete tar, and ``--resume`` must
keep those shards untouched and redo only the rest.
"""
import hashlib
import itertools
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from sgshards.pipeline import cli

SAMPLES_PER_SHARD = 50
FIRST_TRY_CAPTIONS = 300          # 6 shards of ~0.3-1 s each on a 2-core machine
STARTUP_TIMEOUT_S = 240           # imports + spaCy load under heavy load
REPO = Path(__file__).resolve().parents[2]

COLOURS = "red blue green black white yellow brown grey".split()
NOUNS = "dog cat car man woman horse bird boat table chair".split()
RELATIONS = ["sitting on", "next to", "in front of", "under", "near", "holding", "riding"]


def write_captions(path: Path, n: int) -> Path:
    """``n`` distinct captions (caption<TAB>url), so every record is parsed."""
    combos = itertools.product(COLOURS, NOUNS, RELATIONS, NOUNS)
    rows = (f"a {c} {s} {r} a {o}\thttp://example.com/{i}.jpg\n"
            for i, (c, s, r, o) in enumerate(itertools.islice(combos, n)))
    path.write_text("".join(rows), encoding="utf-8")
    return path


def run_args(src: Path, out: Path) -> list[str]:
    return ["run", "--input", str(src), "--caption-column", "0", "--url-column", "1",
            "--output", str(out), "--samples-per-shard", str(SAMPLES_PER_SHARD)]


def markers(out: Path) -> list[Path]:
    return sorted(out.glob("*_stats.json"))


def digest(directory: Path) -> dict:
    """sha256 of every file except leftovers of killed writes."""
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file() and p.suffix != ".tmp"}


def run_and_kill(src: Path, out: Path) -> bool:
    """Start the run, SIGKILL its process group after the first commit.
    False when the run finished before it could be killed."""
    log = out.with_name(out.name + ".log")          # a file, not a pipe nobody drains while it runs
    with open(log, "wb") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "sgshards.pipeline.cli", *run_args(src, out)],
                                cwd=REPO, start_new_session=True, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not markers(out):
            if proc.poll() is not None:
                pytest.fail(f"run exited ({proc.returncode}) before any shard committed: "
                            f"{log.read_text(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(f"no shard committed within {STARTUP_TIMEOUT_S} s")
            time.sleep(0.02)
        finished = (out / "stats.json").exists()
        if not finished:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        return not finished and not (out / "stats.json").exists()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)


def assert_committed_shards_complete(out: Path) -> dict:
    """Every shard with a marker is a whole tar holding the marker's count; returns their mtimes."""
    kept = {}
    for marker in markers(out):
        shard = marker.name[: -len("_stats.json")]
        stats = json.loads(marker.read_text())
        tar_path = out / f"{shard}.tar"
        with tarfile.open(tar_path) as tar:           # raises on a truncated archive
            members = [m for m in tar]
            for m in members:
                assert len(tar.extractfile(m).read()) == m.size
        assert len(members) == 2 * stats["written"] == 2 * SAMPLES_PER_SHARD
        assert (out / f"{shard}_index.parquet").exists()
        kept[tar_path.name] = tar_path.stat().st_mtime_ns
        kept[marker.name] = marker.stat().st_mtime_ns
    return kept


def test_killed_run_resumes_to_the_bytes_of_an_uninterrupted_run(tmp_path):
    n = FIRST_TRY_CAPTIONS
    for attempt in range(2):                       # a fast machine may finish first: double the input once
        src = write_captions(tmp_path / f"captions{attempt}.tsv", n)
        killed_out = tmp_path / f"killed{attempt}"
        if run_and_kill(src, killed_out) and len(markers(killed_out)) < n // SAMPLES_PER_SHARD:
            break
        n *= 2
    else:
        pytest.fail(f"the run finished before it could be killed, even with {n // 2} captions")

    assert not (killed_out / "stats.json").exists()
    committed = len(markers(killed_out))
    assert 1 <= committed < n // SAMPLES_PER_SHARD
    kept = assert_committed_shards_complete(killed_out)
    for tar_path in killed_out.glob("*.tar"):         # uncommitted final-name shards must be whole too
        with tarfile.open(tar_path) as tar:
            assert sum(1 for _ in tar) == 2 * SAMPLES_PER_SHARD

    # the killed run's lock names a dead process: stale, and broken only on request
    assert cli.main(run_args(src, killed_out) + ["--resume"]) == 1
    assert cli.main(run_args(src, killed_out) + ["--resume", "--break-lock"]) == 0
    assert {name: (killed_out / name).stat().st_mtime_ns for name in kept} == kept

    reference = tmp_path / "reference"
    assert cli.main(run_args(src, reference)) == 0
    resumed = digest(killed_out)
    assert resumed == digest(reference)
    assert sum(name.endswith(".tar") for name in resumed) == n // SAMPLES_PER_SHARD
    stats = json.loads((reference / "stats.json").read_text())
    assert (stats["input_records"], stats["written"], stats["conserved"]) == (n, n, True)
    assert cli.main(["validate", str(killed_out)]) == 0      # leftover *.tmp files do not disturb readers
