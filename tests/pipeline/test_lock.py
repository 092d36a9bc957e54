"""The output lock: one run at a time per --output, stale locks broken only on request,
the lock released however the run ends; atomic creation on local disk, GCS and S3."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sgshards.pipeline.commands import cli
from sgshards.pipeline.outputs import lock
from sgshards.pipeline.outputs.lock import LOCK_FILE, STALE_AFTER_SECONDS
from tests.pipeline.servers import gcs_endpoint, gs_store, s3_endpoint, s3_store  # noqa: F401 (fixtures)

REPO = Path(__file__).resolve().parents[2]
CAPTIONS = ["a red car parked next to a blue house", "a man riding an elephant",
            "two dogs lying on a green couch", "a woman holding a black umbrella in the rain"]


@pytest.fixture()
def tsv(tmp_path):
    path = tmp_path / "captions.tsv"
    path.write_text("".join(f"http://x/{i}.jpg\t{CAPTIONS[i % 4]} {i}\n" for i in range(400)))
    return path


def run_args(tsv, out, *extra):
    return ["run", "--input", str(tsv), "--caption-column", "1", "--output", str(out),
            "--samples-per-shard", "50", *extra]


def start(argv):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "sgshards.pipeline.commands.cli", *argv], cwd=str(REPO), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(path: Path, proc, seconds=60.0):
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.02)


def write_lock(out: Path, **fields):
    out.mkdir(parents=True, exist_ok=True)
    record = {"host": socket.gethostname(), "pid": os.getpid(), "start": time.time(),
              "heartbeat": time.time(), "token": "someone-else", **fields}
    (out / LOCK_FILE).write_text(json.dumps(record))
    return record


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.parametrize("extra", [[], ["--overwrite"]], ids=["plain", "overwrite"])
def test_a_second_process_is_refused_while_the_first_runs(tsv, tmp_path, extra):
    out = tmp_path / "out"
    if extra:                                    # --overwrite over an earlier run's output
        assert cli.main(run_args(tsv, out)) == 0
    first = start(run_args(tsv, out, *extra))
    wait_for(out / LOCK_FILE, first)
    second = start(run_args(tsv, out, *extra))
    _, second_err = second.communicate(timeout=300)
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    assert second.returncode == 1
    lines = [line for line in second_err.splitlines() if line.strip()]
    assert len(lines) == 1 and f"locked by pid {first.pid} on {socket.gethostname()}" in lines[0]
    assert not (out / LOCK_FILE).exists()
    # the output is the first run's alone: what one undisturbed run writes
    solo = tmp_path / "solo"
    assert cli.main(run_args(tsv, solo)) == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {p.name: p.read_bytes() for p in solo.iterdir()}


def test_a_stale_lock_of_a_dead_process_is_broken_only_with_break_lock(tsv, tmp_path, capsys):
    out = tmp_path / "out"
    write_lock(out, pid=dead_pid())
    assert cli.main(run_args(tsv, out)) == 1
    err = capsys.readouterr().err
    assert "stale lock" in err and "--break-lock" in err and "no longer running" in err
    assert cli.main(run_args(tsv, out, "--break-lock")) == 0
    assert (out / "00000.tar").exists() and not (out / LOCK_FILE).exists()


def test_a_lock_without_heartbeat_past_the_timeout_is_stale_even_from_another_host(tmp_path, capsys):
    out = tmp_path / "out"
    old = time.time() - STALE_AFTER_SECONDS - 5
    write_lock(out, host="elsewhere", pid=1, start=old, heartbeat=old)
    with pytest.raises(lock.LockHeld, match="stale lock.*no heartbeat"):
        lock.acquire(str(out))
    held = lock.acquire(str(out), break_stale=True)
    assert json.loads((out / LOCK_FILE).read_text())["token"] == held.record["token"]
    held.release()


def test_a_live_lock_is_never_broken(tmp_path):
    out = tmp_path / "out"
    write_lock(out, host="elsewhere", pid=1)          # fresh heartbeat from another host
    with pytest.raises(lock.LockHeld, match="locked by pid 1 on elsewhere"):
        lock.acquire(str(out), break_stale=True)
    write_lock(out)                                   # this live process, this host
    with pytest.raises(lock.LockHeld, match=f"locked by pid {os.getpid()}"):
        lock.acquire(str(out), break_stale=True)
    assert json.loads((out / LOCK_FILE).read_text())["token"] == "someone-else"


def test_heartbeat_refreshes_the_lock_and_release_removes_it(tmp_path):
    out = tmp_path / "out"
    held = lock.acquire(str(out), heartbeat_seconds=0.05)
    first = json.loads((out / LOCK_FILE).read_text())["heartbeat"]
    deadline = time.monotonic() + 10
    while json.loads((out / LOCK_FILE).read_text())["heartbeat"] == first:
        assert time.monotonic() < deadline, "heartbeat never refreshed"
        time.sleep(0.02)
    held.release()
    assert not (out / LOCK_FILE).exists()
    assert not out.exists()                        # created for the lock, empty: removed


def test_the_lock_is_released_when_the_run_fails(tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["run", "--input", str(tmp_path / "missing.tsv"), "--output", str(out)]) == 2
    assert not out.exists()                        # created for the lock, removed again since empty
    out.mkdir()
    (out / "keep.txt").write_text("x")
    assert cli.main(["run", "--input", str(tmp_path / "missing.tsv"), "--output", str(out),
                     "--allow-other-files"]) == 2
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_ctrl_c_releases_the_lock_and_leaves_no_temporary_file(tmp_path):
    # long enough that the interrupt lands mid-run even on a loaded machine: one landing while the
    # interpreter shuts down after a finished run ends it by the signal (-2), which is not this test's case
    tsv = tmp_path / "captions.tsv"
    tsv.write_text("".join(f"http://x/{i}.jpg\t{CAPTIONS[i % 4]} {i}\n" for i in range(8000)))
    out = tmp_path / "out"
    proc = start(run_args(tsv, out))
    wait_for(out / LOCK_FILE, proc)
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the run finished before the interrupt arrived")
    assert proc.returncode == 130, err
    assert not (out / LOCK_FILE).exists()
    assert not list(out.rglob("*.tmp"))


# -- object stores -----------------------------------------------------------------------

def test_s3_lock_is_a_conditional_put_that_moto_refuses_twice(s3_store):
    first = lock.OutputLock(s3_store.url("out"))
    second = lock.OutputLock(s3_store.url("out"))
    assert first._create() is True
    assert second._create() is False              # IfNoneMatch="*": no check-then-write gap
    assert json.loads(s3_store.fs.cat_file(f"{s3_store.bucket}/out/{LOCK_FILE}"))["token"] == first.record["token"]


def test_gcs_lock_is_created_with_if_generation_match_zero(gs_store, monkeypatch):
    """gcp-storage-emulator ignores ifGenerationMatch, so the request itself is checked."""
    from gcsfs.core import GCSFileSystem
    calls = []
    real_call = GCSFileSystem._call

    async def spy(self, method, path, *args, **kwargs):
        calls.append((method, path, kwargs))
        return await real_call(self, method, path, *args, **kwargs)

    monkeypatch.setattr(GCSFileSystem, "_call", spy)
    held = lock.acquire(gs_store.url("out"))
    uploads = [kw for method, path, kw in calls if method == "POST" and "/upload/" in path]
    assert uploads and uploads[0].get("ifGenerationMatch") == "0"
    held.release()


@pytest.mark.parametrize("store_fixture", ["gs_store", "s3_store"])
def test_a_run_into_a_locked_bucket_is_refused_and_a_finished_one_unlocks(store_fixture, request, capsys):
    store = request.getfixturevalue(store_fixture)
    store.put("captions.tsv", "".join(f"http://x/{i}.jpg\t{c}\n" for i, c in enumerate(CAPTIONS)).encode())
    held = lock.acquire(store.url("out"))
    argv = ["run", "--input", store.url("captions.tsv"), "--caption-column", "1", "--output", store.url("out")]
    assert cli.main(argv) == 1
    assert f"locked by pid {os.getpid()}" in capsys.readouterr().err
    held.release()
    assert cli.main(argv) == 0
    assert LOCK_FILE not in store.files("out") and "00000.tar" in store.files("out")


def test_stale_reason_rules():
    now = time.time()
    here = socket.gethostname()
    assert lock.stale_reason({"host": here, "pid": os.getpid(), "heartbeat": now}, None, now) is None
    assert "no longer running" in lock.stale_reason({"host": here, "pid": dead_pid(), "heartbeat": now}, None, now)
    assert lock.stale_reason({"host": "x", "pid": 1, "heartbeat": now - STALE_AFTER_SECONDS + 1}, None, now) is None
    assert "no heartbeat" in lock.stale_reason({"host": "x", "pid": 1, "heartbeat": now - STALE_AFTER_SECONDS - 1},
                                               None, now)
    assert lock.stale_reason(None, now - 1, now) is None
    assert lock.stale_reason(None, now - STALE_AFTER_SECONDS - 1, now) is not None


def test_a_detached_lock_stays_after_its_launcher_and_is_released_only_by_its_token(tmp_path):
    out = tmp_path / "out"
    held = lock.acquire(str(out), heartbeat_seconds=0.05)
    assert held.detach("template gs://b/t.json")
    held.release()                                         # the launcher ends: the job holds on
    holder = json.loads((out / LOCK_FILE).read_text())
    assert holder["detached"] == "template gs://b/t.json" and holder["token"] == held.record["token"]
    time.sleep(0.2)
    assert json.loads((out / LOCK_FILE).read_text())["heartbeat"] == holder["heartbeat"]   # no heartbeat
    with pytest.raises(lock.LockHeld, match=r"detached job \(template gs://b/t.json\).*--break-lock"):
        lock.acquire(str(out))                             # this host, the launcher's pid gone or not
    assert not lock.release_token(str(out), "someone-else") and (out / LOCK_FILE).exists()
    assert lock.release_token(str(out), held.record["token"]) and not (out / LOCK_FILE).exists()
    assert not lock.release_token(str(out), held.record["token"])             # gone already


def test_detach_after_the_job_released_the_lock_leaves_nothing(tmp_path):
    out = tmp_path / "out"
    held = lock.acquire(str(out))
    assert lock.release_token(str(out), held.record["token"])    # a local runner ran the job to its end
    assert not held.detach("template /x") and not (out / LOCK_FILE).exists()
    held.release()
