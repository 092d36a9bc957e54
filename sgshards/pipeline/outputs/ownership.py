"""What a run may delete and where it may write in its output directory.

A run owns only the files the previous run's manifest lists (``manifest.owned_names``)
and their temporary files.  Everything else in the output is someone else's: it is
never deleted or replaced, and a run writes beside it only with ``--allow-other-files``.
No output file may be an input, and ``--overwrite`` never deletes a file the run reads.
"""
from __future__ import annotations

import os
import re
from typing import Iterable, Optional

import fsspec

from . import manifest
from ..errors import UsageError

_TMP = re.compile(r"(?P<name>.+)\.[0-9a-f]{12}\.tmp")


def _owned(name: str, owned: frozenset) -> bool:
    tmp = _TMP.fullmatch(name)
    return name in owned or (tmp is not None and tmp["name"] in owned)


def location(path: str) -> tuple[str, str]:
    """(protocol, absolute path) to compare a file named two ways (relative path, file:// URL)."""
    fs, fs_path = fsspec.core.url_to_fs(path)
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    if protocol in ("file", "local"):
        return "file", os.path.realpath(fs_path)
    return protocol, fs_path.rstrip("/")


def _listing(output: str, existing: Iterable[str]) -> str:
    names = sorted(existing)
    return ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")


def below(directory: str, root: str) -> Optional[str]:
    """``directory`` relative to ``root`` ("" for root itself), or None when it lies elsewhere."""
    (protocol, path), (root_protocol, root_path) = location(directory), location(root)
    if protocol != root_protocol:
        return None
    if path == root_path:
        return ""
    return path[len(root_path) + 1:] if path.startswith(root_path.rstrip("/") + "/") else None


def owned_in(directory: str, output: str, run_manifest: Optional[dict]) -> frozenset:
    """Names, relative to ``directory``, of the files the run of ``run_manifest`` (whose output
    is ``output``) writes there: its shards and run files when ``directory`` is the output, and
    its ``--export-parquet`` parts when its export directory is ``directory`` or lies below it."""
    if not run_manifest:
        return frozenset()
    names = set(manifest.owned_names(run_manifest)) if below(directory, output) == "" else set()
    export_dir = run_manifest.get("export_parquet")
    prefix = below(export_dir, directory) if isinstance(export_dir, str) else None
    if prefix is not None:
        names.update(f"{prefix}/{n}" if prefix else n for n in manifest.export_names(run_manifest))
    return frozenset(names)


class OutputPlan:
    """A directory's files split into this tool's (``owned``: what the previous run's manifest
    lists there) and others'."""

    def __init__(self, output: str, existing: list[str], owned: frozenset):
        self.output = output
        self.owned = sorted(n for n in existing if _owned(n, owned))
        self.others = sorted(n for n in existing if not _owned(n, owned))

    def refuse_unasked(self, overwrite: bool, resume: bool, allow_other_files: bool) -> None:
        """Before reading the input: files of an earlier run need --overwrite or --resume,
        files no manifest lists need --allow-other-files."""
        if self.others and not allow_other_files:
            raise UsageError(f"{self.output} holds files no sgshards manifest lists ({_listing(self.output, self.others)}):"
                             " use an empty --output, or pass --allow-other-files to write beside them "
                             "(they are never deleted)")
        if self.owned and not (overwrite or resume):
            raise UsageError(f"{self.output} already holds shards or run files ({_listing(self.output, self.owned)}): "
                             "pass --overwrite to replace them or --resume to finish an interrupted run")

    def refuse_overlap(self, will_write: Iterable[str], reads: Iterable[str], overwrite: bool) -> None:
        """After planning: no output file is an input or another's file; --overwrite deletes no input."""
        root = location(self.output)
        read = {location(p) for p in reads}
        for name in will_write:
            if self._at(root, name) in read:
                raise UsageError(f"output file {name} in {self.output} would replace an input of this run: "
                                 "choose another --output")
        collisions = sorted(set(will_write) & set(self.others))
        if collisions:
            raise UsageError(f"{self.output} already holds {_listing(self.output, collisions)}, not written by "
                             "sgshards: this run would replace it; choose another --output")
        if overwrite:
            doomed = [n for n in self.owned if self._at(root, n) in read]
            if doomed:
                raise UsageError(f"--overwrite would delete {_listing(self.output, doomed)}, an input of this "
                                 "run: choose another --output")

    @staticmethod
    def _at(root: tuple[str, str], name: str) -> tuple[str, str]:
        protocol, path = root
        joined = f"{path.rstrip('/')}/{name}"
        return protocol, (os.path.realpath(joined) if protocol == "file" else joined)
