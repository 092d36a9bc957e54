"""The end of a detached job (one that outlives its launcher, as a Dataflow template launch
does): its last step does what an attached launcher does after the run, the dataset card of
an ``--export-parquet`` folder, then releases the output locks the launcher handed it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .card import write_card
from .lock import release_token


@dataclass(frozen=True)
class DetachedFinish:
    export_dir: Optional[str]
    run_manifest: dict
    locks: tuple = ()                  # (directory, token) of each lock to release

    def __call__(self, stats: dict) -> None:
        if self.export_dir:
            write_card(self.export_dir, stats, self.run_manifest)
        for directory, token in self.locks:
            release_token(directory, token)
