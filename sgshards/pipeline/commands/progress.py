"""Live progress of ``sgshards run``, watched from the launcher.

Every shard writes its ``{stem}_stats.json`` last, as its commit marker (``outputs.shards``).
The launcher lists those markers every few seconds and reads each new one once, so progress
works alike for the DirectRunner with any number of workers, the Spark engine and remote
runners, on a local disk or an object store, and costs the workers nothing.  On a terminal it
is one updating tqdm line (captions done of the planned total, rate, elapsed, ETA, shards
done, written, rejected); otherwise a log line every ``interval`` seconds and, if any was printed, one at the end
(a run shorter than one interval prints its summary line only).
Progress moves a shard at a time: that is the unit the workers commit.
"""
from __future__ import annotations

import json
import shutil
import sys
import threading
import time
from typing import Optional, TextIO

import fsspec

from ..outputs.shards import SHARD_STATS_SUFFIX

TERMINAL_INTERVAL = 1.0
LOG_INTERVAL = 30.0


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Watches ``output`` for the commit markers of ``stems``; ``committed``: stems a resumed
    run already had (counted as done from the start, not in the rate)."""

    def __init__(self, output: str, stems: list, committed=frozenset(), total_records: Optional[int] = None,
                 stream: Optional[TextIO] = None, interactive: Optional[bool] = None,
                 interval: Optional[float] = None):
        self.fs, root = fsspec.core.url_to_fs(output)
        self.root = root.rstrip("/")
        self.planned = set(stems)
        self.total_records, self.stream = total_records, stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.interval = interval or (TERMINAL_INTERVAL if self.interactive else LOG_INTERVAL)
        self.seen: set = set()
        self.records = self.written = self.rejected = 0
        self.start_records = self.start_shards = 0
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self._bar = None
        self._logged = False
        self.poll()                                   # what a resumed run already holds
        self.seen |= set(committed) & self.planned
        self.start_records, self.start_shards = self.records, len(self.seen)

    # -- reading markers -------------------------------------------------------------------

    def poll(self) -> int:
        """Read the markers that appeared since the last poll; returns the records they add."""
        try:
            names = [p.rsplit("/", 1)[-1] for p in self.fs.ls(self.root, detail=False)]
        except (FileNotFoundError, OSError):
            return 0
        added = 0
        for name in names:
            stem = name[: -len(SHARD_STATS_SUFFIX)] if name.endswith(SHARD_STATS_SUFFIX) else None
            if stem is None or stem in self.seen or stem not in self.planned:
                continue
            try:
                with self.fs.open(f"{self.root}/{name}", "rb") as f:
                    marker = json.load(f)
            except (OSError, ValueError):
                continue                               # being written: read on the next poll
            self.seen.add(stem)
            rejected = sum(marker.get("rejected", {}).values())
            self.written += marker.get("written", 0)
            self.rejected += rejected
            records = marker.get("input_records", marker.get("written", 0) + rejected)
            self.records += records
            added += records
        return added

    # -- showing it -----------------------------------------------------------------------

    def line(self) -> str:
        """The log line: shards, captions, rate, elapsed, ETA."""
        elapsed = time.monotonic() - self.started
        rate = (self.records - self.start_records) / elapsed if elapsed > 0 else 0.0
        done = f"{self.records:,}" + (f"/{self.total_records:,}" if self.total_records is not None else "")
        text = (f"sgshards: progress: {len(self.seen)}/{len(self.planned)} shards, {done} captions "
                f"(written {self.written:,}, rejected {self.rejected:,}), {rate:,.0f} captions/s, "
                f"elapsed {_clock(elapsed)}")
        eta = self.eta(rate)
        return text + (f", ETA {_clock(eta)}" if eta is not None else "")

    def eta(self, rate: float) -> Optional[float]:
        """Seconds left: by captions when the plan counted them, else by shards."""
        if self.total_records is not None and rate > 0:
            return max(0.0, (self.total_records - self.records) / rate)
        done = len(self.seen) - self.start_shards
        if done:
            return (time.monotonic() - self.started) / done * (len(self.planned) - len(self.seen))
        return None

    def _show(self, added: int) -> None:
        if not self.interactive:
            print(self.line(), file=self.stream, flush=True)
            self._logged = True
            return
        if self._bar is None:
            from tqdm import tqdm
            # a terminal that reports no size (an unsized pseudo-terminal) gets 100 x 20, where
            # tqdm's own sizing would hide the bar (0 rows)
            width, height = shutil.get_terminal_size((100, 20))
            self._bar = tqdm(total=self.total_records, initial=self.start_records, unit=" captions",
                             ncols=width, nrows=height, file=self.stream, desc="sgshards run",
                             mininterval=0)
        self._bar.set_postfix_str(f"shards {len(self.seen)}/{len(self.planned)}, written {self.written:,}, "
                                  f"rejected {self.rejected:,}", refresh=False)
        self._bar.update(added)
        self._bar.refresh()

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            self._show(self.poll())

    def __enter__(self) -> "Progress":
        if self.interactive:
            self._show(0)
        self._thread = threading.Thread(target=self._watch, name="sgshards-progress", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if exc[0] is None and (self.interactive or self._logged):
            self._show(self.poll())        # a log ends at 100%; a run shorter than one interval has the summary only
        if self._bar is not None:
            self._bar.close()
