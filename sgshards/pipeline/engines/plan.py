"""The shard plan, fixed before any work: which input records each shard holds.

Shards never span files: file f's records ``[0, n_f)`` go to shards
``first_shard_f + row // samples_per_shard``.  Record indices (and default
keys) run over all files in sorted order.  A task is one shard's range, so an
engine can read, annotate and write a shard in one step with no shuffle, and
a resumed run knows which shards exist before reading anything.
"""
from __future__ import annotations

import csv
from collections import Counter
from contextlib import closing
from dataclasses import dataclass
from typing import Iterator, Optional

from ..inputs import sources
from ..errors import CorruptInputError
from ...schemas.keys import default_key, reserved_key, safe_key, source_with_key
from ...schemas.outcomes import MISSING_KEY, InputItem
from ...annotate import item


# A task's part (``work.Bundle``: whole parser batches) starts reading at the last mark before it,
# so a part of a seekable text file reads only its own records, not its task's before it (over an
# object store, a shard's bundles would otherwise download its first records again and again).
MARK_EVERY = 256


@dataclass(frozen=True)
class ShardTask:
    shard: int
    path: str
    file_index: int
    format: str
    columns: tuple              # caption, url, key: indices (text) or names (parquet)
    width: Optional[int]        # expected field count (tsv/csv), None = any
    first_row: int              # record number within the file
    rows: Optional[int]         # None: counted while reading (img2dataset shards)
    first_index: int            # dataset-wide index of the first record
    offset: Optional[int]       # byte offset of the first record (seekable text), else None
    data_offset: int = 0        # byte offset of the file's first data record (after a header)
    name: Optional[str] = None  # output stem when it is not the shard number (img2dataset inputs)
    marks: tuple = ()           # byte offsets of records first_row + k * MARK_EVERY, k >= 1 (seekable text)

    @property
    def stem(self) -> str:
        return self.name if self.name is not None else f"{self.shard:05d}"


def plan_file(path: str, file_index: int, spec: sources.InputSpec, samples_per_shard: int,
              first_shard: int, first_index: int) -> list[ShardTask]:
    if spec.format == "parquet":
        columns = sources.parquet_columns(path, spec)
        n = sources.parquet_row_count(path)
        starts = [(row, None) for row in range(0, n, samples_per_shard)]
        width, data_offset, marks = None, 0, {}
    else:
        header, data_offset = sources.read_header(path, spec)
        if spec.format == "jsonl":
            columns = spec.columns
        elif spec.format == "yfcc":          # fields are found by name (header) or by layout
            columns = tuple(header or ())
        else:
            columns = sources.resolve_columns(header, spec, path)
        starts, n, first_width, marks = _scan_text(path, spec, data_offset, samples_per_shard)
        width = (None if spec.format in ("jsonl", "yfcc")
                 else len(header) if header is not None else first_width)
        if not sources.text_is_seekable(path):
            starts, marks = [(row, None) for row, _ in starts], {}
    tasks = []
    for k, (row, offset) in enumerate(starts):
        rows = min(samples_per_shard, n - row)
        wanted = range(row + MARK_EVERY, row + rows, MARK_EVERY)
        inside = tuple(marks[m] for m in wanted) if all(m in marks for m in wanted) else ()
        tasks.append(ShardTask(first_shard + k, path, file_index, spec.format, columns, width,
                               row, rows, first_index + row, offset, data_offset, marks=inside))
    return tasks


WIDTH_PROBE = 100      # records looked at to find a headerless table's column count


def _scan_text(path: str, spec: sources.InputSpec, data_offset: int, samples_per_shard: int):
    """Count records; note the byte offset of every shard's first record (and of each
    ``MARK_EVERY``-th record from it) and the most common field count among the first records
    (the width of a headerless table, so one bad first row does not make every good row
    malformed)."""
    starts, n, widths, marks = [], 0, Counter(), {}
    for row, offset, record in sources.text_records(path, data_offset, 0, spec.format == "csv"):
        if row % samples_per_shard == 0:
            starts.append((row, offset))
        elif (row % samples_per_shard) % MARK_EVERY == 0:
            marks[row] = offset
        if row < WIDTH_PROBE and spec.format not in ("jsonl", "yfcc") and record.strip():
            try:
                widths[len(sources.split_record(spec.format, record.decode("utf-8")))] += 1
            except (UnicodeDecodeError, csv.Error):
                pass
        n = row + 1
    width = widths.most_common(1)[0][0] if widths else None     # ties: the earliest seen
    return starts, n, width, marks


def plan_wds(files: list[str]) -> list[ShardTask]:
    """img2dataset shards: one task per input tar, output named like the input.
    Sample counts are not known before reading (that would read every image)."""
    stems = [path.rsplit("/", 1)[-1].split(".", 1)[0] for path in files]
    if len(set(stems)) != len(stems):
        raise sources.InputError("input shards must have distinct file names (they name the output shards)")
    return [ShardTask(i, path, i, "wds", (), None, 0, None, 0, None, 0, stem)
            for i, (path, stem) in enumerate(zip(files, stems))]


def plan(files: list[str], spec: sources.InputSpec, samples_per_shard: int) -> list[ShardTask]:
    """Tasks for all files, shards numbered consecutively in file order."""
    if samples_per_shard < 1:
        raise ValueError("samples per shard must be at least 1")
    if spec.format == "wds":
        return plan_wds(files)
    tasks: list[ShardTask] = []
    next_shard = next_index = 0
    for file_index, path in enumerate(files):
        file_tasks = plan_file(path, file_index, spec, samples_per_shard, next_shard, next_index)
        tasks.extend(file_tasks)
        if file_tasks:
            next_shard = file_tasks[-1].shard + 1
            next_index = file_tasks[-1].first_index + file_tasks[-1].rows
    return tasks


def read_task(task: ShardTask, start: int = 0, stop: Optional[int] = None) -> Iterator[sources.RawRow]:
    """The task's records ``[start, stop)`` (counted from its first; all of them by default), in
    file order; a file that ends before them (cut or changed since planning) raises
    ``CorruptInputError``.  A part of a task (``work.Bundle``) reads Parquet rows from its own
    first one, and text records before it are only split, not parsed."""
    stop = task.rows if stop is None else min(stop, task.rows)
    if stop <= start:
        return
    first, end = task.first_row + start, task.first_row + stop
    if task.format == "parquet":
        yield from sources.read_parquet_range(task.path, task.columns, first, end - first)
        return
    # seekable: start at the task's first record, or the last mark before the part; else read from
    # the first data record on
    offset, offset_row = (task.offset, task.first_row) if task.offset is not None else (task.data_offset, 0)
    if task.offset is not None and task.marks and start >= MARK_EVERY:
        k = min(start // MARK_EVERY, len(task.marks))
        offset, offset_row = task.marks[k - 1], task.first_row + k * MARK_EVERY
    records = sources.text_records(task.path, offset, offset_row, task.format == "csv")
    with closing(records):
        for row, _, record in records:
            if row >= first:
                yield sources.parse_text_record(task.format, record, task.columns, task.width, row)
                if row + 1 >= end:
                    return
    raise CorruptInputError(
        f"{task.path} ends before record {end - 1}, which the plan counted: it was cut or changed "
        "after planning")


def is_keyed(task: ShardTask) -> bool:
    """Records are keyed by the user's key column (or, for YFCC, the photo id)."""
    return task.format == "yfcc" or (task.format != "wds" and task.columns[2] is not None)


def task_items(task: ShardTask, start: int = 0, stop: Optional[int] = None) -> Iterator[InputItem]:
    """The task's records (``[start, stop)`` of them: ``read_task``) as annotate items: dataset
    index, key, source.  In a keyed run, a record without a key (blank, or unreadable) gets a
    reserved key that no user key can take, and an otherwise readable one is rejected as
    ``missing_key``."""
    keyed = is_keyed(task)
    for raw in read_task(task, start, stop):
        index = task.first_index + raw.row - task.first_row
        source = {"file": task.path, "row": raw.row}
        reject = raw.reject
        if not keyed:
            key = default_key(index)
        elif raw.user_key is None or not raw.user_key.strip():
            key, reject = reserved_key(index, "nokey"), reject or MISSING_KEY
        else:
            key = safe_key(raw.user_key)
            source = source_with_key(source, raw.user_key, key)
        yield item(index, key, raw.caption, raw.url, source, reject, raw.raw)


def total_records(tasks: list[ShardTask]) -> Optional[int]:
    """Records in the plan, or None when some are only counted while reading."""
    if any(t.rows is None for t in tasks):
        return None
    return sum(t.rows for t in tasks)
