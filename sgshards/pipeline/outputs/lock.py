"""An exclusive lock on a run's output directory, taken before anything there is read or deleted.

The lock is one object, ``{output}/.sgshards.lock``, created atomically so two runs can
never both believe they hold it (no check-then-write gap):

- local paths: ``open(O_CREAT | O_EXCL)``;
- ``gs://``: an upload with ``ifGenerationMatch=0`` (gcsfs ``pipe_file(mode="create")``);
- ``s3://``: a conditional put ``IfNoneMatch="*"`` (s3fs ``pipe_file(mode="create")``).

It holds JSON: host, pid, start time, a random token and a heartbeat (UNIX time) that a
thread refreshes every ``HEARTBEAT_SECONDS``.  A lock is *stale* when its pid is dead on
this host, or its heartbeat is older than ``STALE_AFTER_SECONDS``; only ``--break-lock``
breaks a stale lock, and a live one is never broken.  A job that outlives its launcher (a
Dataflow template launch) holds a *detached* lock: no heartbeat, released by the job's last
step (``release_token``), breakable only with ``--break-lock``.
"""
from __future__ import annotations

import json
import os
import socket
import threading
import time
import uuid
from datetime import datetime, timezone
from typing import Optional

import fsspec

from ..errors import RunError, UsageError
from .shards import os_reason

LOCK_FILE = ".sgshards.lock"
HEARTBEAT_SECONDS = 30.0
STALE_AFTER_SECONDS = 300.0      # ten missed heartbeats (allows for clock skew between hosts)
_OBJECT_STORES = frozenset({"gs", "gcs", "s3", "s3a"})


class LockHeld(RunError):
    """Another run holds the output (exit status 1)."""


def _now() -> float:
    return time.time()


def _describe(holder: Optional[dict]) -> str:
    if not holder:
        return "an unknown run (unreadable lock file)"
    start = datetime.fromtimestamp(holder.get("start", 0), timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    if holder.get("detached"):
        return f"a detached job ({holder['detached']}) launched from {holder.get('host')} at {start}"
    return f"pid {holder.get('pid')} on {holder.get('host')} since {start}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:          # exists, another user's
        return True
    return True


def stale_reason(holder: Optional[dict], modified: Optional[float], now: Optional[float] = None) -> Optional[str]:
    """Why a lock may be broken, or None while its holder may still be running."""
    now = _now() if now is None else now
    if holder is None:               # created but never written (killed between create and write)
        if modified is not None and now - modified > STALE_AFTER_SECONDS:
            return "unreadable and untouched for longer than the heartbeat timeout"
        return None
    if holder.get("detached"):
        # a job that outlives its launcher (a Dataflow template) beats no heart: its last step
        # releases the lock; if it failed or was cancelled only --break-lock frees the output
        return "the job that took it has no heartbeat: check that it has ended"
    if holder.get("host") == socket.gethostname() and isinstance(holder.get("pid"), int) \
            and not _pid_alive(holder["pid"]):
        return f"process {holder['pid']} is no longer running on this host"
    age = now - float(holder.get("heartbeat", 0))
    if age > STALE_AFTER_SECONDS:
        return f"no heartbeat for {age:.0f} s (timeout {STALE_AFTER_SECONDS:.0f} s)"
    return None


class OutputLock:
    """Held from ``acquire`` to ``release``; a daemon thread refreshes the heartbeat."""

    def __init__(self, output: str, heartbeat_seconds: float = HEARTBEAT_SECONDS):
        self.output = output.rstrip("/") or "/"
        self.fs, root = fsspec.core.url_to_fs(self.output)
        self.root = root.rstrip("/") or "/"
        self.path = f"{self.root.rstrip('/')}/{LOCK_FILE}"
        protocols = {self.fs.protocol} if isinstance(self.fs.protocol, str) else set(self.fs.protocol)
        self.object_store = bool(protocols & _OBJECT_STORES)
        self.heartbeat_seconds = heartbeat_seconds
        start = _now()
        self.record = {"host": socket.gethostname(), "pid": os.getpid(), "start": start,
                       "heartbeat": start, "token": uuid.uuid4().hex}
        self.created_dir = False
        self.detached = False
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self.lost: Optional[str] = None

    # -- the atomic create ---------------------------------------------------------

    def _payload(self) -> bytes:
        return (json.dumps(self.record, sort_keys=True) + "\n").encode()

    def _create(self) -> bool:
        """Create the lock object if none exists; False when one does."""
        if self.object_store:
            try:
                self.fs.pipe_file(self.path, self._payload(), mode="create")
            except FileExistsError:
                return False
            except OSError as exc:
                if "412" in str(exc) or "Precondition" in str(exc):
                    return False
                raise
            return True
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        try:
            os.write(fd, self._payload())
            os.fsync(fd)
        finally:
            os.close(fd)
        return True

    def _absent_or_unknown(self) -> bool:
        """False when an object store already shows a lock.  Not the guard (the conditional
        create is): a second line of defence for stores that ignore the precondition, such
        as the gcp-storage-emulator used in the tests."""
        if not self.object_store:
            return True
        self.fs.invalidate_cache(self.path)
        return not self.fs.exists(self.path)

    def _read(self) -> tuple[Optional[dict], Optional[float], bool]:
        """(holder, modified time, exists) of the lock object as it is now."""
        self.fs.invalidate_cache(self.path)
        try:
            info = self.fs.info(self.path)
            data = self.fs.cat_file(self.path)
        except FileNotFoundError:
            return None, None, False
        try:
            holder = json.loads(data)
            holder = holder if isinstance(holder, dict) else None
        except ValueError:
            holder = None
        return holder, _modified(info), True

    def _prepare_directory(self) -> None:
        if self.object_store:
            return
        if os.path.exists(self.root) and not os.path.isdir(self.root):
            raise UsageError(f"--output {self.output} is a file, not a directory")
        if not os.path.isdir(self.root):
            os.makedirs(self.root)
            self.created_dir = True

    def acquire(self, break_stale: bool = False) -> "OutputLock":
        try:
            self._prepare_directory()
            for _ in range(3):       # a broken lock may be taken by another breaker in between
                if self._absent_or_unknown() and self._create():
                    self._start_heartbeat()
                    return self
                holder, modified, exists = self._read()
                if not exists:
                    continue         # released between our create and read: try again
                reason = stale_reason(holder, modified)
                if reason is None:
                    raise LockHeld(f"{self.output} is locked by {_describe(holder)}: another run is writing "
                                   "there (wait for it to finish, or use another --output)")
                if not break_stale:
                    raise LockHeld(f"{self.output} has a stale lock from {_describe(holder)} ({reason}): "
                                   "pass --break-lock if no run is writing there")
                self._break(holder)
            raise LockHeld(f"{self.output}: could not take the lock (other runs are breaking it too)")
        except OSError as exc:
            raise RunError(f"cannot lock {self.output}: {os_reason(exc)}") from None

    def _break(self, stale: Optional[dict]) -> None:
        """Remove the stale lock judged above, and only that one: locally it is renamed aside
        first and put back if a new holder took the name in between."""
        if self.object_store:
            self.fs.rm_file(self.path)
            return
        aside = f"{self.path}.{uuid.uuid4().hex[:12]}.broken"
        try:
            os.rename(self.path, aside)
        except FileNotFoundError:
            return
        try:
            with open(aside, "rb") as f:
                moved = json.loads(f.read() or b"null")
        except ValueError:
            moved = None
        if stale is not None and (not isinstance(moved, dict) or moved.get("token") != stale.get("token")):
            try:
                os.link(aside, self.path)        # a live lock taken meanwhile: restore it
            except FileExistsError:
                pass
        os.unlink(aside)

    # -- heartbeat and release -----------------------------------------------------

    def _start_heartbeat(self) -> None:
        self._thread = threading.Thread(target=self._beat_forever, name="sgshards-lock-heartbeat", daemon=True)
        self._thread.start()

    def _beat_forever(self) -> None:
        while not self._stop.wait(self.heartbeat_seconds):
            try:
                self.beat()
            except OSError:
                pass                 # a missed beat; the next one tries again

    def beat(self) -> None:
        """Refresh the heartbeat, unless the lock is no longer ours (broken as stale)."""
        holder, _, _ = self._read()
        if not holder or holder.get("token") != self.record["token"]:
            self.lost = "the lock was broken by another run"
            self._stop.set()
            return
        self.record["heartbeat"] = _now()
        self._write()

    def _write(self) -> None:
        if self.object_store:
            self.fs.pipe_file(self.path, self._payload())
            return
        tmp = f"{self.path}.{uuid.uuid4().hex[:12]}.tmp"
        with open(tmp, "wb") as f:
            f.write(self._payload())
        os.replace(tmp, self.path)

    def detach(self, job: str) -> bool:
        """Hand the lock to a job that outlives this process: the heartbeat stops, the lock
        stays, marked with ``job``, until the job's last step calls ``release_token``. False
        when the lock is gone already (the job ended first, as on a local runner)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        holder, _, _ = self._read()
        if not holder or holder.get("token") != self.record["token"]:
            return False
        self.record.update(detached=job, heartbeat=_now())
        self._write()
        self.detached = True
        return True

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self.detached:
            return
        try:
            _remove_if_held(self.fs, self.path, self.record["token"])
            if self.created_dir and not os.listdir(self.root):
                os.rmdir(self.root)  # leave no empty directory behind a run that did nothing
        except OSError:
            pass

    def __enter__(self) -> "OutputLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _modified(info: dict) -> Optional[float]:
    for key in ("mtime", "updated", "LastModified", "last_modified"):
        value = info.get(key)
        if value is None:
            continue
        if isinstance(value, (int, float)):
            return float(value)
        if isinstance(value, datetime):
            return value.timestamp()
        try:
            return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
        except ValueError:
            continue
    return None


def acquire(output: str, break_stale: bool = False, heartbeat_seconds: float = HEARTBEAT_SECONDS) -> OutputLock:
    """Take the lock on ``output`` (creating a local directory), or raise LockHeld."""
    return OutputLock(output, heartbeat_seconds).acquire(break_stale)


def release_token(output: str, token: str) -> bool:
    """Remove ``output``'s lock if it is still the one with ``token`` (a detached job's last
    step); True when it was removed."""
    fs, root = fsspec.core.url_to_fs(output.rstrip("/") or "/")
    return _remove_if_held(fs, f"{root.rstrip('/')}/{LOCK_FILE}", token)


def _remove_if_held(fs, path: str, token: str) -> bool:
    """Remove the lock object at ``path`` if it is the one with ``token``; True when removed."""
    fs.invalidate_cache(path)
    try:
        holder = json.loads(fs.cat_file(path))
    except (FileNotFoundError, ValueError):
        return False
    if not isinstance(holder, dict) or holder.get("token") != token:
        return False
    fs.rm_file(path)
    return True
