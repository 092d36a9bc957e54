"""What Beam's local runner starts for each worker when sgshards keeps workers warm (``engines.warm``).

Beam runs this file, by path and with the standard library only (it starts in a few hundredths
of a second), in place of ``python -m apache_beam.runners.worker.sdk_worker_main``.  It hands its
environment (the control and logging endpoints, the pipeline options, the worker id) to a worker of
the pool that has imported Beam and loaded the parser already, then waits for that worker to end
and exits with its status.  With no worker of the pool left to claim, or one that died before it
took the environment, it becomes Beam's own worker: a run never depends on the pool.
"""
import json
import os
import socket
import sys

POOL_ENV = "SGSHARDS_WORKER_POOL"      # the pool's directory of sockets (engines.warm sets it)
READY = b"ready\n"                     # the worker took the environment and runs Beam's harness


def claim(pool: str):
    """A connection to a pool worker no other attach has claimed, or None.  A claim is a file
    created exclusively beside the worker's socket, so two attaches never share a worker."""
    try:
        names = sorted(n for n in os.listdir(pool) if n.endswith(".sock"))
    except OSError:
        return None
    for name in names:
        try:
            os.close(os.open(os.path.join(pool, name[:-5] + ".claimed"), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except OSError:
            continue
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            conn.connect(os.path.join(pool, name))
            return conn
        except OSError:                # the worker is gone (its load failed): try the next
            conn.close()
    return None


def main() -> None:
    pool = os.environ.get(POOL_ENV)
    conn = claim(pool) if pool else None
    if conn is not None:
        with conn:
            conn.sendall(json.dumps(dict(os.environ)).encode("utf-8") + b"\n")
            replies = conn.makefile("rb")
            if replies.readline() == READY:
                status = replies.readline().strip()        # empty: the worker died while running
                replies.read()                             # its end: its connections are closed
                sys.exit(int(status) if status.isdigit() else 1)
    sys.stdout.flush()
    os.execv(sys.executable, [sys.executable, "-m", "apache_beam.runners.worker.sdk_worker_main"])


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:          # Ctrl-C: the launcher reports it, once
        sys.exit(130)
