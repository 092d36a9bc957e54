"""Local worker processes warmed while the launcher builds the job (engines.warm, engines.attach)."""
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sgshards.pipeline.engines import attach, warm

REPO = Path(__file__).resolve().parents[2]
CAPTIONS = ["A red car parked next to a blue house.", "a man riding an elephant", "   ",
            "two dogs lying on a green couch", "a woman holding a black umbrella in the rain"]


@pytest.mark.parametrize("argv, processes", [
    (["--direct_num_workers=2", "--direct_running_mode=multi_processing"], 2),
    (["--direct_num_workers", "3", "--direct_running_mode", "multi_processing", "--runner", "DirectRunner"], 3),
    (["--direct_num_workers=0", "--direct_running_mode=multi_processing"], os.cpu_count() or 1),
    (["--direct_running_mode=multi_processing"], 1),
    (["--direct_num_workers=2"], 0),                                       # in_memory: no processes
    (["--direct_num_workers=2", "--direct_running_mode=multi_threading"], 0),
    (["--direct_num_workers=2", "--direct_running_mode=multi_processing", "--runner=DataflowRunner"], 0),
    (["--direct_num_workers=2", "--direct_running_mode=multi_processing", "--dry_run"], 0),
    (["--direct_num_workers=2", "--direct_running_mode=multi_processing", "--dry_run=false"], 2),
    (["--direct_num_workers=2", "--direct_running_mode=multi_processing", "--template_location=gs://b/t"], 0),
    (["--direct_num_workers=two", "--direct_running_mode=multi_processing"], 0),  # Beam's parser reports it
    # a misspelt sgshards flag stops the run at its flag check: no worker starts for it
    (["--direct_num_workers=2", "--direct_running_mode=multi_processing", "--min-confidnce", "0.9"], 0),
    (["--direct_num_workers=2", "--direct_running_mode=multi_processing", "--max-negatvies=3"], 0),
])
def test_the_pool_is_sized_from_beams_flags_without_importing_beam(argv, processes, capsys):
    assert warm.planned_processes(argv) == processes
    assert capsys.readouterr().err == ""                                   # Beam's parser speaks, once


def test_no_pool_without_unix_sockets(monkeypatch):
    monkeypatch.delattr(socket, "AF_UNIX")
    assert warm.planned_processes(["--direct_num_workers=2", "--direct_running_mode=multi_processing"]) == 0


def test_a_two_process_run_takes_its_workers_from_the_pool(tmp_path):
    """Workers Beam starts itself print Beam's import-time warnings and harness start-up lines
    ("apitools not found", "Logging handler created") on the launcher's terminal: pool workers
    print none, and the run writes the bytes of a one-worker run."""
    src = tmp_path / "captions.txt"
    src.write_text("".join(c + "\n" for c in CAPTIONS))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("SGSHARDS_DEBUG", None)
    outs = {}
    for name, flags in (("one", []), ("two", ["--direct_num_workers=2", "--direct_running_mode=multi_processing"])):
        outs[name] = tmp_path / name
        done = subprocess.run([sys.executable, "-m", "sgshards", "run", "--input", str(src), "--output",
                               str(outs[name]), "--quiet", *flags], cwd=str(REPO), env=env,
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        assert done.stderr.count("\n") == 1, done.stderr[-3000:]              # the summary line only
    digests = [{p.name: p.read_bytes() for p in sorted(outs[n].rglob("*")) if p.is_file() and p.name != "manifest.json"}
               for n in ("one", "two")]
    assert digests[0] == digests[1]
    assert not [p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("sgshards-workers-*")
                if p.stat().st_mtime > time.time() - 60]                  # the pool cleaned up


def test_an_attach_claims_a_worker_no_other_attach_has(tmp_path):
    assert attach.claim(str(tmp_path)) is None                             # no worker: Beam's own
    assert attach.claim(str(tmp_path / "gone")) is None
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(tmp_path / "w0.sock"))
    listener.listen(2)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(tmp_path / "w1.sock"))
    stale.close()                                                          # a worker whose load failed
    first = attach.claim(str(tmp_path))
    assert first is not None and first.getpeername() == str(tmp_path / "w0.sock")
    assert attach.claim(str(tmp_path)) is None                             # w0 taken, w1 refuses
    first.close()
    listener.close()


def test_an_attach_ends_after_its_worker_not_when_told_the_status(tmp_path):
    """Beam stops its servers once every attach has ended: a worker still connected then logs gRPC's
    "Got goaway" on the launcher's terminal.  So an attach relays the status only when the worker's
    connection closes (the worker ends at once after sending it)."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(tmp_path / "w0.sock"))
    listener.listen(1)

    def worker():
        conn, _ = listener.accept()
        conn.makefile("rb").readline()                                     # the environment
        conn.sendall(attach.READY + b"3\n")
        time.sleep(1.0)                                                    # still ending
        conn.close()

    thread = threading.Thread(target=worker)
    thread.start()
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-I", str(warm.ATTACH)], env={**os.environ, attach.POOL_ENV: str(tmp_path)},
                          capture_output=True, timeout=60)
    took = time.monotonic() - started
    thread.join()
    listener.close()
    assert done.returncode == 3 and took >= 1.0


def test_a_pool_worker_relays_the_harness_status_and_ends_with_the_launcher(tmp_path):
    """A pool worker takes the environment an attach sends, says so, runs Beam's harness and
    relays its exit status (here 1: the environment names no control service); a worker no
    attach claims ends when the launcher closes the pool."""
    pool = warm.WorkerPool(2, "spacy", None)
    try:
        deadline = time.time() + 120
        while len(list(Path(pool.directory).glob("*.sock"))) < 2 and time.time() < deadline:
            time.sleep(0.05)
        conn = attach.claim(pool.directory)
        assert conn is not None
        conn.sendall(b'{"PATH": "/usr/bin"}\n')
        replies = conn.makefile("rb")
        assert replies.readline() == attach.READY
        assert replies.readline().strip() == b"1"
        conn.close()
        unclaimed = pool.processes[1]                                      # the attach took w0
        unclaimed.send_signal(signal.SIGINT)                               # Ctrl-C is the launcher's
        time.sleep(0.5)
        assert unclaimed.poll() is None
    finally:
        started = time.time()
        pool.close()
    assert time.time() - started < 8                                       # the unclaimed one: at once
    assert all(p.returncode is not None for p in pool.processes)
    assert not Path(pool.directory).exists() and warm.POOL_ENV not in os.environ


def test_a_pool_worker_that_cannot_load_leaves_quietly(tmp_path):
    """A missing model: the worker removes its socket and exits 0 without a word (the launcher's
    own check, or Beam's worker started instead, reports it)."""
    worker = subprocess.Popen([sys.executable, "-m", "sgshards.pipeline.engines.warm", str(tmp_path), "0", "spacy",
                               '"en_no_such_model"'], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        status = worker.wait(timeout=300)              # stdin (the lifeline) still open
    finally:
        worker.stdin.close()
    assert (status, worker.stderr.read(), worker.stdout.read(), list(tmp_path.iterdir())) == (0, b"", b"", [])


def test_a_pool_worker_without_a_socket_leaves_quietly(tmp_path):
    """Unix socket paths hold ~107 bytes: under a deep TMPDIR the pool cannot listen, and Beam's own
    workers run instead, without a traceback from the pool."""
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    worker = subprocess.Popen([sys.executable, "-m", "sgshards.pipeline.engines.warm", str(deep), "0", "spacy",
                               "null"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        status = worker.wait(timeout=120)
    finally:
        worker.stdin.close()
    assert (status, worker.stderr.read(), list(deep.iterdir())) == (0, b"", [])


def test_modules_runs_never_use_are_left_out_of_beams_import():
    pytest.importorskip("pandas")
    code = ("import sys\n"
            "from sgshards.pipeline.engines.warm import without_modules\n"
            "with without_modules():\n"
            "    import apache_beam\n"
            "    try:\n"
            "        import pandas\n"
            "    except ImportError:\n"
            "        print('blocked')\n"
            "print('pandas' in sys.modules)\n"
            "import pandas\n"
            "print('pandas' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}).stdout
    assert out.split() == ["blocked", "False", "True"]


def test_a_beam_laid_out_otherwise_runs_its_own_workers(monkeypatch):
    """The pooled runner leans on Beam's FnApiRunner layout: where a Beam release changes it, the run
    goes on with the DirectRunner and Beam's own workers (the pool then ends unused)."""
    from apache_beam.options.pipeline_options import PipelineOptions
    from apache_beam.runners.portability.fn_api_runner import fn_runner

    from sgshards.pipeline.engines.beam import pooled_runner

    options = PipelineOptions(["--direct_num_workers=2", "--direct_running_mode=multi_processing"])
    assert isinstance(pooled_runner(options, warm.attach_command()), fn_runner.FnApiRunner)
    monkeypatch.delattr(fn_runner, "ExtendedProvisionInfo")
    assert pooled_runner(options, warm.attach_command()) is None
