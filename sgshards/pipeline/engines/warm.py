"""Local worker processes warmed while the launcher builds the job (``--direct_running_mode=multi_processing``).

Beam's local runner starts its worker processes once the job runs: each imports Beam, then loads
spaCy and the model at its first DoFn setup (~2.8 s), after the launcher has spent ~2.5 s importing
Beam and building the job.  A ``WorkerPool`` starts them as the command begins, so both happen at
once: each pool worker imports Beam's harness and loads the run's parser, then waits on a Unix socket
for the environment Beam gives a worker.  Beam is told to start ``attach.py`` (``pooled_runner``),
which hands that environment to a waiting worker and relays its exit status, or becomes Beam's own
worker when none is left.  Pool workers end with the launcher (their stdin is its pipe) and print
nothing of their own start.

    sgshards run --direct_num_workers=2 --direct_running_mode=multi_processing
      launcher: worker_pool (2 processes) -> import Beam, plan, build -> Beam starts attach.py x2
      pool worker k: bind w<k>.sock -> import harness, load parser -> accept -> run Beam's harness
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from .attach import POOL_ENV, READY

ATTACH = Path(__file__).with_name("attach.py")
# Modules Beam imports when present and sgshards never uses: pandas costs ~0.3 s of each import
# of Beam (launcher and workers); Beam then runs without its pandas type conversions.
UNUSED_BY_RUNS = ("pandas",)
_DIRECT = ("directrunner", "direct", "switchingdirectrunner")


def planned_processes(beam_argv: list[str]) -> int:
    """How many worker processes Beam's local runner will start for ``beam_argv`` (read without
    importing Beam): direct_num_workers under ``--direct_running_mode=multi_processing`` (0: one per
    core) on the DirectRunner; 0 for any other runner or mode, a dry run, a template, or a system
    without Unix sockets (Beam's own workers then), and 0 when a flag no Beam option spells is given
    (a hyphen inside its name: sgshards's own, misspelt): the run stops at its flag check, for
    which no worker need start."""
    if any(a.startswith("--") and "-" in a[2:].split("=")[0] for a in beam_argv):
        return 0
    p = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    p.add_argument("--runner")
    p.add_argument("--direct_running_mode")
    p.add_argument("--direct_num_workers", type=int, default=1)
    p.add_argument("--dry_run", nargs="?", const="True")
    p.add_argument("--template_location")
    try:
        opts = p.parse_known_args(beam_argv)[0]
    except (argparse.ArgumentError, SystemExit):   # malformed: Beam's own parser reports it
        return 0
    direct = opts.runner is None or opts.runner.lower() in _DIRECT
    if not hasattr(socket, "AF_UNIX") or not direct or opts.direct_running_mode != "multi_processing" \
            or opts.template_location or (opts.dry_run or "false").lower() != "false":
        return 0
    return (os.cpu_count() or 1) if opts.direct_num_workers == 0 else max(opts.direct_num_workers, 0)


class WorkerPool:
    """``size`` warm worker processes for one run; ``close`` ends those Beam did not take."""

    def __init__(self, size: int, backend: str, model: Optional[str]):
        self.directory = tempfile.mkdtemp(prefix="sgshards-workers-")
        self.processes: list[subprocess.Popen] = []
        try:
            for k in range(size):
                self.processes.append(subprocess.Popen(
                    [sys.executable, "-m", __name__, self.directory, str(k), backend, json.dumps(model)],
                    stdin=subprocess.PIPE))
        except BaseException:
            self.close()
            raise
        os.environ[POOL_ENV] = self.directory          # Beam starts workers with this environment

    def close(self) -> None:
        if os.environ.get(POOL_ENV) == self.directory:
            del os.environ[POOL_ENV]
        for p in self.processes:                        # the lifeline: an unclaimed worker exits
            if p.stdin:
                p.stdin.close()
        for p in self.processes:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        shutil.rmtree(self.directory, ignore_errors=True)


@contextmanager
def worker_pool(beam_argv: list[str], backend: str, model: Optional[str]) -> Iterator[Optional[WorkerPool]]:
    """A pool for the workers ``beam_argv`` makes Beam start, or None when it starts none."""
    size = planned_processes(beam_argv)
    pool = WorkerPool(size, backend, model) if size else None
    try:
        yield pool
    finally:
        if pool is not None:
            pool.close()


def attach_command() -> str:
    """The command Beam runs for a worker of a pooled run."""
    return f"{shlex.quote(sys.executable)} -I {shlex.quote(str(ATTACH))}"


@contextmanager
def without_modules(names=UNUSED_BY_RUNS) -> Iterator[None]:
    """Imports of ``names`` fail within the block (unless already imported): libraries that import
    them when present take them as absent for good."""
    blocked = [n for n in names if n not in sys.modules]
    for n in blocked:
        sys.modules[n] = None                           # type: ignore[assignment]  (import fails)
    try:
        yield
    finally:
        for n in blocked:
            if n in sys.modules and sys.modules[n] is None:
                del sys.modules[n]


def serve(directory: str, index: int, backend: str, model: Optional[str]) -> int:
    """One pool worker: listen, warm up, take a Beam worker's environment, run Beam's harness.  Ctrl-C
    is the launcher's to handle: the worker ends when the launcher closes the pool, or goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_at_eof, args=(sys.stdin.fileno(),), daemon=True).start()
    path = os.path.join(directory, f"w{index}.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(path)              # first: an attach arriving early waits in the backlog
        listener.listen(1)
    except OSError:                      # a path too long for a socket (TMPDIR deep): Beam's own workers
        return 0
    logging.getLogger().addHandler(logging.NullHandler())   # Beam's import-time warnings: not on stderr
    try:
        with without_modules():
            from apache_beam.runners.worker import sdk_worker_main
        from .work import worker_parser
        worker_parser(backend, model)
    except Exception:                     # noqa: BLE001  (Beam's own worker, started instead, reports it)
        listener.close()
        os.unlink(path)
        return 0
    conn, _ = listener.accept()
    listener.close()
    os.unlink(path)
    line = conn.makefile("rb").readline()
    if not line:                          # the attach died before it spoke: Beam has failed the run
        return 1
    env = json.loads(line)
    os.environ.clear()
    os.environ.update(env)
    conn.sendall(READY)
    threading.Thread(target=_exit_at_eof, args=(conn.fileno(),), daemon=True).start()
    status = 1
    try:
        sdk_worker_main.main([])
        status = 0
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    except BaseException:                # noqa: BLE001  (as Beam's own worker shows it, then ends)
        traceback.print_exc()
    sys.stdout.flush()
    sys.stderr.flush()
    conn.sendall(b"%d\n" % status)
    # Ended at once: the harness's connections close with the process, before the attach (which
    # waits for this end) tells Beam the worker is done and Beam stops its servers; a worker still
    # connected then logs gRPC's "Got goaway" on the launcher's terminal.
    os._exit(status)


def _exit_at_eof(fd: int) -> None:
    """The launcher (or the attach that claimed this worker) is gone: so is this worker.  Raw reads
    of the descriptor: a buffered reader's lock would stop the interpreter's own exit."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass
    os._exit(1)


if __name__ == "__main__":
    sys.exit(serve(sys.argv[1], int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4])))
