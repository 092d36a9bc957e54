"""The errors a run reports as one line (``sgshards: error: ...``), not as a traceback.

``UsageError`` is something the user can fix in the command (exit status 2);
``RunError`` is a failure of the data or the environment met while running
(exit status 1): a corrupt input, a full disk, an output held by another run.
Messages are one line and name the file (and, where known, where in it).
"""
from __future__ import annotations


class UsageError(Exception):
    """A problem the user can fix in the command line; exit status 2."""


class RunError(Exception):
    """A run-time failure of the input or the environment; exit status 1."""


class CorruptInputError(RunError):
    """An input file that cannot be read to its end (truncated or corrupt archive,
    compressed stream or Parquet file).  Rows already read stay accounted; the run
    is not marked conserved."""
