"""One-line errors: user errors exit 2, run-time failures exit 1, no traceback unless
--debug or SGSHARDS_DEBUG=1; a worker's error reaches the launcher as its own one line."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sgshards.pipeline.commands import cli
from sgshards.pipeline.commands import failures
from sgshards.pipeline.engines import plan as planning
from sgshards.pipeline.errors import CorruptInputError

REPO = Path(__file__).resolve().parents[2]
CAPTIONS = ["a red car parked next to a blue house", "a man riding an elephant",
            "two dogs lying on a green couch", "a woman holding a black umbrella in the rain"]


@pytest.fixture()
def tsv(tmp_path):
    path = tmp_path / "captions.tsv"
    path.write_text("".join(f"http://x/{i}.jpg\t{CAPTIONS[i % 4]} {i}\n" for i in range(40)))
    return path


def run_args(tsv, out, *extra):
    return ["run", "--input", str(tsv), "--caption-column", "1", "--output", str(out),
            "--samples-per-shard", "10", *extra]


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sgshards: error: "), err
    return err


@pytest.mark.parametrize("option, value", [
    ("--samples-per-shard", "0"), ("--max-chars", "0"), ("--batch-size", "0"), ("--vocab-sample", "0"),
    ("--max-positives", "-1"), ("--max-negatives", "-1"),
])
def test_invalid_option_values_are_one_line_usage_errors(tsv, tmp_path, capsys, option, value):
    out = tmp_path / "out"
    assert cli.main(run_args(tsv, out, option, value)) == 2
    assert f"{option} must be at least" in one_line(capsys)
    assert not out.exists()                        # refused before anything is written


def test_parse_options_are_checked_too(capsys):
    assert cli.main(["augment", "--max-negatives", "-1"]) == 2
    assert "--max-negatives must be at least 0" in one_line(capsys)


def test_a_misspelt_option_stops_the_run_instead_of_being_discarded_by_beam(tsv, tmp_path, capsys):
    """run passes the options it does not know to Beam, which would only log "Discarding
    unparseable args" and run without them; Beam's own options still reach Beam."""
    out = tmp_path / "out"
    assert cli.main(run_args(tsv, out, "--min-confidnce", "0.9")) == 2
    assert "unrecognized arguments: --min-confidnce 0.9" in one_line(capsys)
    assert not out.exists()
    assert cli.main(run_args(tsv, out, "--direct_num_workers", "1", "--runner", "DirectRunner")) == 0


def test_argparse_errors_are_one_line(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["run", "--output", "x", "--samples-per-shard", "many"])
    assert stop.value.code == 2
    assert "invalid int value" in one_line(capsys)


def test_output_that_is_a_file_is_one_line(tsv, tmp_path, capsys):
    target = tmp_path / "out.tar"
    target.write_bytes(b"x")
    assert cli.main(run_args(tsv, target)) == 2
    assert "is a file, not a directory" in one_line(capsys)
    assert target.read_bytes() == b"x"


def _mount_tmpfs(path: Path, options: str) -> None:
    path.mkdir(exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")


@pytest.fixture()
def small_disk(tmp_path):
    mount = tmp_path / "small"
    _mount_tmpfs(mount, "size=24k")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_disk_full_is_one_line_leaves_nothing_and_resumes(tsv, small_disk, tmp_path, capsys):
    out = small_disk / "out"
    assert cli.main(run_args(tsv, out)) == 1
    err = one_line(capsys)
    assert "no space left on device" in err and str(out) in err
    names = sorted(p.name for p in out.iterdir())
    assert not [n for n in names if n.endswith(".tmp")]          # the failed write removed its temporary
    assert all(n.endswith("_stats.json") or (out / n.replace(".tar", "_stats.json")).exists() or
               not n.endswith(".tar") for n in names)             # no tar without its commit marker
    subprocess.run(["mount", "-o", "remount,size=8m", str(small_disk)], check=True)
    assert cli.main(run_args(tsv, out, "--resume")) == 0
    reference = tmp_path / "reference"
    assert cli.main(run_args(tsv, reference)) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {p.name: p.read_bytes() for p in reference.iterdir()}


def test_read_only_output_is_one_line(tsv, tmp_path, capsys):
    mount = tmp_path / "ro"
    _mount_tmpfs(mount, "size=1m,ro")
    try:
        assert cli.main(run_args(tsv, mount / "out")) == 1
        assert "read-only file system" in one_line(capsys)
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_an_error_raised_in_a_worker_is_the_launchers_one_line(tsv, tmp_path, capsys, monkeypatch):
    """In-process DirectRunner: Beam re-raises the DoFn's error with a step note appended."""
    def corrupt(task, start=0, stop=None):
        raise CorruptInputError(f"{task.path}: truncated gzip stream at byte 1234")
        yield

    monkeypatch.setattr(planning, "read_task", corrupt)
    assert cli.main(run_args(tsv, tmp_path / "out")) == 1
    err = one_line(capsys)
    assert err == f"sgshards: error: {tsv}: truncated gzip stream at byte 1234\n"


def test_a_wrapped_worker_traceback_is_recognised_by_its_text():
    """multi_processing and Spark hand the launcher only the worker's traceback as text."""
    text = ("Pipeline failed: Traceback (most recent call last):\n  File \"work.py\", line 60\n"
            "OSError: [Errno 28] No space left on device\n\nThe above exception was the direct cause:\n"
            "sgshards.pipeline.errors.CorruptInputError: /data/x.gz: truncated at byte 9 "
            "[while running 'AnnotateShards/AnnotateAndWrite']\n")
    assert failures.explain(RuntimeError(text)) == (1, "/data/x.gz: truncated at byte 9")
    assert failures.explain(RuntimeError("sgshards.pipeline.errors.UsageError: bad\n")) == (2, "bad")
    assert failures.explain(RuntimeError("KeyError: 'x'")) is None        # a bug keeps its traceback


def test_debug_shows_the_traceback(tsv, tmp_path, capsys, monkeypatch):
    assert cli.main(run_args(tsv, tmp_path / "out", "--samples-per-shard", "0")) == 2
    capsys.readouterr()
    with pytest.raises(Exception, match="must be at least 1"):
        cli.main(["--debug", *run_args(tsv, tmp_path / "out", "--samples-per-shard", "0")])
    monkeypatch.setenv("SGSHARDS_DEBUG", "1")
    with pytest.raises(Exception, match="must be at least 1"):
        cli.main(run_args(tsv, tmp_path / "out", "--samples-per-shard", "0"))


def test_a_run_prints_no_apitools_warning(tsv, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("SGSHARDS_DEBUG", None)
    done = subprocess.run([sys.executable, "-m", "sgshards.pipeline.commands.cli", *run_args(tsv, tmp_path / "out")],
                          cwd=str(REPO), env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "apitools not found" not in done.stderr
    assert done.stderr.count("\n") == 1                         # the summary line only


def test_version_names_the_package_and_the_record_schema(capsys):
    from sgshards import __version__
    from sgshards.schemas.record import SCHEMA_VERSION

    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"sgshards {__version__} (record schema {SCHEMA_VERSION})\n"
