"""How a failure reaches the user: one line and an exit status for what the user or the
environment caused (2: fix the command; 1: met while running), however deeply a runner wrapped
it; anything else is a bug and keeps its traceback.  Also the log filter that keeps the line
from being buried."""
from __future__ import annotations

import logging
import re
from typing import Optional

from ..errors import RunError, UsageError
from ..inputs import sources


# A worker's exception reaches the launcher wrapped by the runner, often only as the text
# of the worker's traceback: its last "module.Type: message" line of a known type.
_WORKER_ERROR = re.compile(r"^(?:[\w.]+\.)?(UsageError|RunError|CorruptInputError|LockHeld|InputError|"
                           r"[A-Za-z]*(?:OSError|IOError|FileNotFoundError|PermissionError|"
                           r"IsADirectoryError|NotADirectoryError|BadGzipFile))"
                           r": (.+?)(?: \[while running .*\])?$", re.M)
_USAGE_TYPES = ("UsageError", "InputError")


def user_error(exc: BaseException) -> Optional[tuple[int, str]]:
    """(exit status, one-line message) for an error the user or the environment caused,
    however deeply a runner wrapped it; None for anything else (a bug: keep the traceback)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (UsageError, sources.InputError)):
            return 2, _strip_runner_note(str(exc))
        if isinstance(exc, RunError):
            return 1, _strip_runner_note(str(exc))
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            from ..outputs.shards import os_reason
            where = f"{exc.filename}: " if exc.filename else ""
            return 1, f"{where}{os_reason(exc)}"
        exc = exc.__cause__ or exc.__context__
    return None


def worker_error(text: str) -> Optional[tuple[int, str]]:
    """The last known error named in a wrapped worker traceback's text."""
    found = _WORKER_ERROR.findall(text)
    if not found:
        return None
    kind, message = found[-1]
    return (2 if kind in _USAGE_TYPES else 1), message.strip()


def _strip_runner_note(message: str) -> str:
    """Beam appends " [while running 'Step']" to errors it re-raises; the step is noise here."""
    return re.sub(r" \[while running '.*'\]$", "", message.strip().splitlines()[0] if message.strip() else message)


def explain(exc: BaseException) -> Optional[tuple[int, str]]:
    return user_error(exc) or worker_error(str(exc))


class QuietLogs(logging.Filter):
    """Drops what would bury the one-line error: Beam's logged traceback of a worker error the
    launcher reports as one line, and its import-time warning that the GCP client libraries
    are missing (noise unless the runner is Dataflow)."""

    def __init__(self, dataflow: bool):
        super().__init__()
        self.dataflow = dataflow

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.dataflow and "apitools not found" in record.getMessage():
            return False
        return not (record.exc_info and record.exc_info[1] is not None and explain(record.exc_info[1]))


def quiet_logs(dataflow: bool) -> None:
    root = logging.getLogger()
    for target in (root, *root.handlers):
        for old in [f for f in target.filters if isinstance(f, QuietLogs)]:
            target.removeFilter(old)
        target.addFilter(QuietLogs(dataflow))


def on_dataflow(argv: list[str]) -> bool:
    return any("dataflow" in a.lower() for a in argv if "runner" in a.lower()) or \
        any(a.lower().startswith("dataflow") for a in argv)


# Local worker processes (--direct_running_mode=multi_processing) log to the terminal at INFO:
# Beam's harness start-up chatter, dozens of lines a run.  They log as the launcher does
# (warnings up), the harness's own start-up messages only when they are errors (its module is
# __main__ in a worker Beam starts, itself in a warm one: engines.warm).
WORKER_LOG_OPTIONS = ("--default_sdk_harness_log_level=WARNING",
                      '--sdk_harness_log_level_overrides={"__main__": "ERROR", '
                      '"apache_beam.runners.worker.sdk_worker_main": "ERROR", '
                      '"apache_beam.options.pipeline_options": "ERROR"}')


def quiet_worker_options(beam_argv: list[str]) -> list[str]:
    """Beam arguments with the workers' log levels added, unless the user set either."""
    given = any(a.lstrip("-").split("=")[0] in ("default_sdk_harness_log_level", "sdk_harness_log_level_overrides")
                for a in beam_argv)
    return list(beam_argv) if given else [*beam_argv, *WORKER_LOG_OPTIONS]
