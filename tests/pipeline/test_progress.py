"""Progress of `sgshards run`, read from the commit markers by the launcher: log lines when
stderr is not a terminal, one updating line on a real terminal, nothing with --quiet.  Workers in
other processes: test_cli (two Beam worker processes), test_spark_cluster (a Spark cluster)."""
import io
import json
import os
import pty
import select
import subprocess
import sys

import fsspec
import pytest

from sgshards.pipeline.commands import cli
from sgshards.pipeline.commands.progress import Progress


def marker(fs, root, stem, written, rejected):
    with fs.open(f"{root}/{stem}_stats.json", "w") as f:
        json.dump({"input_records": written + sum(rejected.values()), "written": written, "rejected": rejected}, f)


@pytest.mark.parametrize("url", ["local", "memory://progress-test"])
def test_markers_are_counted_once_as_they_appear(tmp_path, url):
    url = str(tmp_path) if url == "local" else url
    fs, root = fsspec.core.url_to_fs(url)
    fs.makedirs(root, exist_ok=True)
    marker(fs, root, "00000", 9, {"empty_caption": 1})                  # committed by an earlier run
    progress = Progress(url, ["00000", "00001", "00002"], committed={"00000"}, total_records=30,
                        stream=io.StringIO(), interactive=False)
    assert progress.line().startswith("sgshards: progress: 1/3 shards, 10/30 captions (written 9, rejected 1)")
    marker(fs, root, "00001", 10, {})
    marker(fs, root, "99999", 5, {})                                     # not a shard of this run
    with fs.open(f"{root}/00002_stats.json", "w") as f:                  # being written
        f.write('{"written": ')
    assert progress.poll() == 10 and progress.poll() == 0
    assert "2/3 shards, 20/30 captions (written 19, rejected 1)" in progress.line()
    marker(fs, root, "00002", 8, {"no_object": 2})
    assert progress.poll() == 10
    assert "3/3 shards, 30/30 captions (written 27, rejected 3)" in progress.line()
    assert progress.line().endswith("ETA 0:00:00")


def write_captions(path, n=24):
    path.write_text("".join(f"a red car number {i} next to a blue house\n" for i in range(n)))
    return path


def test_log_lines_when_not_a_terminal_and_none_when_quiet(tmp_path, capsys):
    src = write_captions(tmp_path / "c.txt")
    assert cli.main(["run", "--input", str(src), "--output", str(tmp_path / "a"), "--samples-per-shard", "8",
                     "--progress-every", "0.2"]) == 0
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("sgshards: progress: ")]
    assert lines and lines[-1].startswith("sgshards: progress: 3/3 shards, 24/24 captions (written 24, rejected 0)")
    assert "input 24 = written 24 + rejected 0" in err                   # the final summary stays
    assert cli.main(["run", "--input", str(src), "--output", str(tmp_path / "b"), "--samples-per-shard", "8",
                     "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "progress" not in err and "input 24 = written 24" in err


def test_one_updating_line_on_a_terminal(tmp_path):
    """A real pseudo-terminal: tqdm rewrites one line (carriage returns), ending at 100%."""
    src = write_captions(tmp_path / "c.txt")
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "sgshards", "run", "--input", str(src), "--output",
                             str(tmp_path / "out"), "--samples-per-shard", "8"],
                            stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, close_fds=True,
                            env={**os.environ, "COLUMNS": "160"})
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(leader, 4096)
        except OSError:                                 # the terminal closed: the process ended
            break
        if not data:
            break
        chunks.append(data)
    assert proc.wait(timeout=120) == 0
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "\r" in screen and "sgshards run" in screen
    assert "shards 3/3, written 24, rejected 0" in screen and "24/24" in screen
    assert "sgshards: progress:" not in screen                         # no log lines on a terminal
    assert "input 24 = written 24 + rejected 0" in screen

