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

from sgshards.pipeline.commands import cli

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


def digest(directory: Path, skip: tuple = ()) -> dict:
    """sha256 of every file except leftovers of killed writes (and files named in ``skip``)."""
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file() and p.suffix != ".tmp" and p.name not in skip}


def run_and_kill(src: Path, out: Path) -> bool:
    """Start the run, SIGKILL its process group after the first commit.
    False when the run finished before it could be killed."""
    log = out.with_name(out.name + ".log")          # a file, not a pipe nobody drains while it runs
    with open(log, "wb") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "sgshards.pipeline.commands.cli", *run_args(src, out)],
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
        assert len(members) == stats["written"] == SAMPLES_PER_SHARD       # one .sg.json per sample
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
            assert sum(1 for _ in tar) == SAMPLES_PER_SHARD

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


# -- what --resume keeps: every recorded file checked, the rest redone ------------------------

SMALL_SHARDS = 4


@pytest.fixture(scope="module")
def small_job(tmp_path_factory):
    """Captions (one blank, so a shard has dead letters) and an uninterrupted run's output."""
    root = tmp_path_factory.mktemp("small")
    src = write_captions(root / "captions.tsv", 2 * SMALL_SHARDS - 1)
    src.write_text(src.read_text() + "\thttp://example.com/blank.jpg\n")
    reference = root / "reference"
    assert cli.main(small_args(src, reference)) == 0
    assert (reference / "dead_letters" / f"{SMALL_SHARDS - 1:05d}.jsonl").exists()
    return src, reference


def small_args(src: Path, out: Path) -> list[str]:
    return ["run", "--input", str(src), "--caption-column", "0", "--url-column", "1", "--output", str(out),
            "--samples-per-shard", "2", "--export-parquet", str(out / "export")]


def flip_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


DAMAGE = {
    "tar deleted": lambda out: (out / "00001.tar").unlink(),
    "tar truncated": lambda out: (out / "00001.tar").write_bytes((out / "00001.tar").read_bytes()[:1500]),
    "one byte of the tar flipped": lambda out: flip_byte(out / "00001.tar"),
    "index flipped": lambda out: flip_byte(out / "00001_index.parquet"),
    "dead letters deleted": lambda out: (out / "dead_letters" / "00003.jsonl").unlink(),
    "dead letters flipped": lambda out: flip_byte(out / "dead_letters" / "00003.jsonl"),
    "unrecorded dead letters": lambda out: (out / "dead_letters" / "00001.jsonl").write_text("{}\n"),
    "export part flipped": lambda out: flip_byte(out / "export" / "part-00001.parquet"),
    "marker without checksums": lambda out: (out / "00001_stats.json").write_text(
        json.dumps({k: v for k, v in json.loads((out / "00001_stats.json").read_text()).items() if k != "files"})),
    "marker not JSON": lambda out: (out / "00001_stats.json").write_text('{"files": '),
    "marker vouching for no file, files gone": lambda out: [(out / "00001_stats.json").write_text("{}"),
                                                             (out / "00001.tar").unlink(),
                                                             (out / "00001_index.parquet").unlink(),
                                                             (out / "export" / "part-00001.parquet").unlink()],
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_resume_redoes_a_shard_whose_files_differ_from_their_checksums(small_job, tmp_path, damage):
    src, reference = small_job
    out = tmp_path / "out"
    assert cli.main(small_args(src, out)) == 0
    expected = digest(reference, skip=("manifest.json",))        # the manifest names the export dir
    (out / "stats.json").unlink()                     # as if interrupted before the end
    DAMAGE[damage](out)
    stale = [out / "00002.tar.0123456789ab.tmp", out / "dead_letters" / "00002.jsonl.abcdefabcdef.tmp",
             out / "export" / "part-00002.parquet.00000000000f.tmp"]
    for path in stale:
        path.write_bytes(b"partial")
    kept = {p.name: p.stat().st_mtime_ns for p in out.glob("0000[02].tar")}
    assert cli.main(small_args(src, out) + ["--resume"]) == 0
    assert not [p for p in out.rglob("*") if p.suffix == ".tmp"]
    assert digest(out, skip=("manifest.json",)) == expected
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("0000[02].tar")} == kept     # intact: not redone
    assert cli.main(["validate", str(out)]) == 0


def test_resume_refuses_a_same_size_input_edit_with_the_mtime_set_back(small_job, tmp_path, capsys):
    src, reference = small_job
    edited = tmp_path / "captions.tsv"
    edited.write_bytes(src.read_bytes())
    out = tmp_path / "out"
    assert cli.main(small_args(edited, out)) == 0
    stat = edited.stat()
    text = edited.read_text()
    edited.write_text(text.replace("a red", "a rod", 1))     # same size, one shard's caption changed
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert edited.stat().st_size == stat.st_size and edited.stat().st_mtime_ns == stat.st_mtime_ns
    capsys.readouterr()
    assert cli.main(small_args(edited, out) + ["--resume"]) == 2
    assert "inputs changed" in capsys.readouterr().err


def test_content_fingerprint_reads_what_the_readme_says(tmp_path):
    """Mode "sample" hashes the size, the first and last MiB and 16 evenly spaced 64 KiB blocks
    (whole files up to 3 MiB); mode "full" every byte."""
    import fsspec

    from sgshards.pipeline.outputs import manifest

    assert manifest.sample_ranges(100) == [(0, 100)]
    size = 64 << 20
    ranges = manifest.sample_ranges(size)
    assert ranges[0] == (0, 1 << 20) and ranges[-1] == (size - (1 << 20), size) and len(ranges) == 18
    assert all(end - start == 64 << 10 for start, end in ranges[1:-1])
    gaps = [b[0] - a[0] for a, b in zip(ranges[1:-1], ranges[2:-1])]
    assert max(gaps) - min(gaps) <= 1                              # evenly spaced
    path = tmp_path / "big.bin"
    path.write_bytes(bytes(size))
    fs = fsspec.filesystem("file")

    def fingerprints():
        return {mode: manifest.content_sha256(fs, str(path), size, mode) for mode in manifest.FINGERPRINT_MODES}

    before = fingerprints()
    assert before["full"] == hashlib.sha256(b"%d\n" % size + path.read_bytes()).hexdigest()

    def poke(offset: int) -> dict:
        with open(path, "r+b") as f:
            f.seek(offset)
            f.write(b"\1")
        after = fingerprints()
        with open(path, "r+b") as f:
            f.seek(offset)
            f.write(b"\0")
        return {mode: after[mode] != before[mode] for mode in after}

    unsampled = ranges[1][1] + 1000                                # between two sampled blocks
    assert poke(unsampled) == {"sample": False, "full": True}
    for offset in (10, ranges[5][0] + 7, size - 1):
        assert poke(offset) == {"sample": True, "full": True}


def test_resume_refuses_another_fingerprint_mode_or_a_manifest_without_content_hashes(small_job, tmp_path, capsys):
    src, _ = small_job
    out = tmp_path / "out"
    assert cli.main(small_args(src, out) + ["--fingerprint", "full"]) == 0
    recorded = json.loads((out / "manifest.json").read_text())
    assert recorded["fingerprint"] == "full"
    assert recorded["inputs"][0]["sha256"] == hashlib.sha256(b"%d\n" % src.stat().st_size
                                                             + src.read_bytes()).hexdigest()
    capsys.readouterr()
    assert cli.main(small_args(src, out) + ["--resume"]) == 2
    assert "used --fingerprint full" in capsys.readouterr().err
    assert cli.main(small_args(src, out) + ["--resume", "--fingerprint", "full"]) == 0
    del recorded["fingerprint"]
    (out / "manifest.json").write_text(json.dumps(recorded))
    assert cli.main(small_args(src, out) + ["--resume", "--fingerprint", "full"]) == 2
    assert "no content fingerprint" in capsys.readouterr().err
