"""Readers: caption tables (TSV/CSV, Parquet, JSONL) from local paths, globs or fsspec URLs.

Reading is split in two so that shard N always holds the same records:
``plan`` (in ``plan.py``) walks each file once, counting records and noting
where every shard's first record starts (a byte offset for text formats, a row
number for Parquet); ``read_rows`` then reads one such range.  A record that
cannot be read is not dropped: it comes out with ``reject`` set to a reason and
``raw`` holding what was read.

Text records: TSV and JSONL are one record per line; CSV follows RFC 4180, so
a quoted field may span lines (a record ends at a newline outside quotes).
Every line is a record; a blank one is rejected as ``blank_row``.
"""
from __future__ import annotations

import csv
import io
import json
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional, Union

import fsspec

from ..transforms.yfcc import choose_caption, yfcc_fields, yfcc_from_mapping

FORMATS = ("tsv", "csv", "parquet", "jsonl", "wds", "yfcc")
Column = Union[int, str]


class InputError(ValueError):
    """Bad input specification: missing files, unknown column, unknown format."""


@dataclass(frozen=True)
class InputSpec:
    format: str
    caption_column: Column = 0
    url_column: Optional[Column] = None
    key_column: Optional[Column] = None
    header: Optional[bool] = None      # tsv/csv: None = header iff a column is given by name
    status_column: Optional[Column] = None   # img2dataset: rows whose status is not "success" are rejected

    @property
    def columns(self) -> tuple:
        return (self.caption_column, self.url_column, self.key_column, self.status_column)

    @property
    def has_header(self) -> bool:
        if self.format not in ("tsv", "csv", "yfcc"):
            return False
        if self.header is not None or self.format == "yfcc":
            return bool(self.header)
        return any(isinstance(c, str) for c in self.columns)


@dataclass
class RawRow:
    row: int                           # 0-based record number within the file
    caption: Optional[str] = None
    url: Optional[str] = None
    user_key: Optional[str] = None
    reject: Optional[str] = None       # reason when the record could not be read
    raw: Optional[str] = None          # the record as read, for the dead-letter output


def parse_column(value: Optional[str]) -> Optional[Column]:
    """CLI column argument: digits are a 0-based index, anything else a header name."""
    if value is None:
        return None
    return int(value) if value.isdigit() else value


def guess_format(path: str) -> str:
    name = path.lower()
    for suffix in (".gz", ".zst", ".bz2", ".xz"):
        name = name.removesuffix(suffix)
    for fmt, exts in (("parquet", (".parquet",)), ("jsonl", (".jsonl", ".json")), ("wds", (".tar",)),
                      ("csv", (".csv",)), ("tsv", (".tsv", ".txt"))):
        if name.endswith(exts):
            return fmt
    raise InputError(f"cannot tell the format of {path!r}: pass --input-format ({'|'.join(FORMATS)})")


def expand_inputs(patterns: list[str]) -> list[str]:
    """Paths, globs and fsspec URLs -> a sorted, de-duplicated list of file URLs."""
    files: list[str] = []
    for pattern in patterns:
        fs, _, paths = fsspec.get_fs_token_paths(pattern)
        protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
        matched = [p for p in paths if fs.isfile(p)]
        if not matched:
            raise InputError(f"input not found: {pattern}")
        files.extend(p if protocol == "file" else f"{protocol}://{p}" for p in matched)
    return sorted(set(files))


@contextmanager
def open_input(path: str) -> Iterator:
    """The file's bytes, decompressed by extension, as a binary stream that iterates lines."""
    with fsspec.open(path, "rb", compression="infer") as stream:
        # zstandard's reader has read/readinto but no line iteration: buffer it
        yield stream if isinstance(stream, io.IOBase) else io.BufferedReader(stream)


def is_seekable(path: str) -> bool:
    """Compressed streams cannot start mid-file; their ranges are reached by skipping."""
    return fsspec.utils.infer_compression(path) is None


# -- text formats ----------------------------------------------------------

def iter_text_records(stream, csv_quoting: bool) -> Iterator[tuple[int, bytes]]:
    """(byte offset, record bytes without the line end) for every record from the stream's position."""
    offset = stream.tell() if stream.seekable() else 0
    pending, start, in_quotes = b"", offset, False
    for line in stream:
        if csv_quoting:
            if in_quotes or b'"' in line:
                in_quotes = _ends_in_quotes(line, in_quotes)
            pending += line
            offset += len(line)
            if in_quotes:
                continue
            record, pending = pending, b""
        else:
            record = line
            offset += len(line)
        yield start, record.rstrip(b"\r\n")
        start = offset
    if pending:                        # unterminated quote at end of file
        yield start, pending.rstrip(b"\r\n")


_QUOTE, _COMMA = ord('"'), ord(",")


def _ends_in_quotes(line: bytes, in_quotes: bool) -> bool:
    """RFC 4180 quote state after ``line``: a quote opens a quoted field only at
    the start of a field (``a 5" screen`` is plain text); inside one, ``""`` is
    an escaped quote and a lone ``"`` closes it."""
    at_field_start = not in_quotes
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if in_quotes:
            if c == _QUOTE:
                if i + 1 < n and line[i + 1] == _QUOTE:
                    i += 1
                else:
                    in_quotes = False
        elif c == _QUOTE and at_field_start:
            in_quotes = True
        at_field_start = c == _COMMA and not in_quotes
        i += 1
    return in_quotes


def split_record(fmt: str, record: str) -> list[str]:
    if fmt in ("tsv", "yfcc"):
        return record.split("\t")
    return next(csv.reader([record], strict=True))


def resolve_columns(header: Optional[list[str]], spec: InputSpec, path: str) -> tuple:
    """Column names -> indices (tsv/csv) using the file's header."""
    def index(col):
        if col is None or isinstance(col, int):
            return col
        if header is None:
            raise InputError(f"column {col!r} given by name, but {path} is read without a header")
        try:
            return header.index(col)
        except ValueError:
            raise InputError(f"unknown column {col!r} in {path} (header: {', '.join(header)})") from None
    return tuple(index(c) for c in spec.columns)


def read_header(path: str, spec: InputSpec) -> tuple[Optional[list[str]], int]:
    """The header fields and the byte offset of the first data record (found by
    reading on, never by seeking back: compressed streams cannot seek)."""
    if not spec.has_header:
        return None, 0
    with open_input(path) as stream:
        records = iter_text_records(stream, spec.format == "csv")
        try:
            _, record = next(records)
        except StopIteration:
            raise InputError(f"{path} is empty: no header") from None
        try:
            header = [f.strip() for f in split_record(spec.format, record.decode("utf-8-sig"))]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise InputError(f"unreadable header in {path}: {exc}") from None
        data_offset = next(records, (None, None))[0]
        if data_offset is None:                       # header only: point past its line end
            data_offset = stream.tell() if stream.seekable() else len(record) + 2
        return header, data_offset


def parse_text_record(fmt: str, record: bytes, columns: tuple, width: Optional[int], row: int) -> RawRow:
    out = RawRow(row)
    try:
        text = record.decode("utf-8-sig" if row == 0 else "utf-8")    # a BOM may open the file
    except UnicodeDecodeError:
        out.reject, out.raw = "invalid_utf8", record.decode("utf-8", "replace")
        return out
    out.raw = text
    if not text.strip():
        out.reject = "blank_row"
        return out
    if fmt == "jsonl":
        return _jsonl_fields(out, text, columns)
    if fmt == "yfcc":
        return _yfcc_fields(out, text, columns)
    try:
        fields = split_record(fmt, text)
    except csv.Error:
        out.reject = "malformed_row"
        return out
    if (width is not None and len(fields) != width) or columns[0] >= len(fields):
        out.reject = "malformed_row"
        return out
    caption, out.url, out.user_key, status = (
        fields[c] if c is not None and c < len(fields) else None for c in columns)
    return _with_status(out, caption, status)


def _with_status(out: RawRow, caption: Optional[str], status: Optional[str]) -> RawRow:
    out.caption = caption
    if status is not None and status != "success":
        out.reject = "download_failed"
    elif caption is None:
        out.reject = "missing_caption"
    return out


def _jsonl_fields(out: RawRow, text: str, columns: tuple) -> RawRow:
    try:
        obj = json.loads(text)
    except ValueError:
        obj = None
    if not isinstance(obj, dict):
        out.reject = "malformed_row"
        return out
    caption, out.url, out.user_key, status = (
        None if c is None or obj.get(c) is None else str(obj[c]) for c in columns)
    return _with_status(out, caption, status)


def _yfcc_fields(out: RawRow, text: str, header: tuple) -> RawRow:
    """YFCC100M/YFCC-15M metadata: the caption is chosen from title and description
    (rule in ``sgshards.transforms.yfcc.choose_caption``); the key is the photo id."""
    fields = text.split("\t")
    try:
        row = yfcc_from_mapping(dict(zip(header, fields))) if header else yfcc_fields(fields)
    except ValueError:
        out.reject = "malformed_row"
        return out
    out.url, out.user_key = row["url"] or None, row["key"] or None
    out.caption, out.reject = choose_caption(row["title"], row["description"])
    return out


# -- parquet -------------------------------------------------------------------

def parquet_columns(path: str, spec: InputSpec) -> tuple:
    import pyarrow.parquet as pq

    with open_input(path) as stream:
        names = pq.ParquetFile(stream).schema_arrow.names
    def name(col):
        if col is None:
            return None
        if isinstance(col, int):
            if col >= len(names):
                raise InputError(f"column {col} out of range in {path} (columns: {', '.join(names)})")
            return names[col]
        if col not in names:
            raise InputError(f"unknown column {col!r} in {path} (columns: {', '.join(names)})")
        return col
    return tuple(name(c) for c in spec.columns)


def parquet_row_count(path: str) -> int:
    import pyarrow.parquet as pq

    with open_input(path) as stream:
        return pq.ParquetFile(stream).metadata.num_rows


def read_parquet_range(path: str, columns: tuple, first_row: int, rows: int) -> Iterator[RawRow]:
    import pyarrow.parquet as pq

    wanted = [c for c in columns if c is not None]
    with open_input(path) as stream:
        pf = pq.ParquetFile(stream)
        groups, start, group_first = [], first_row, 0
        for g in range(pf.metadata.num_row_groups):
            n = pf.metadata.row_group(g).num_rows
            if group_first + n > first_row and group_first < first_row + rows:
                groups.append(g)
                start = min(start, group_first) if len(groups) > 1 else group_first
            group_first += n
        row = start
        for batch in pf.iter_batches(batch_size=8192, row_groups=groups, columns=sorted(set(wanted))):
            values = [batch.column(c).to_pylist() if c is not None else None for c in columns]
            for i in range(batch.num_rows):
                if first_row <= row < first_row + rows:
                    yield _parquet_row(row, values, i)
                row += 1


def _parquet_row(row: int, values: list, i: int) -> RawRow:
    fields = [None if v is None or v[i] is None else v[i] for v in values]
    if any(isinstance(f, bytes) for f in fields):         # binary columns hold UTF-8 text, or not
        try:
            fields = [f.decode("utf-8") if isinstance(f, bytes) else f for f in fields]
        except UnicodeDecodeError:
            raw = [f.decode("utf-8", "replace") if isinstance(f, bytes) else f for f in fields]
            return RawRow(row, reject="invalid_utf8", raw=json.dumps(raw, default=str))
    caption, url, key, status = (None if f is None else str(f) for f in fields)
    out = _with_status(RawRow(row, url=url, user_key=key), caption, status)
    if out.reject:
        out.raw = json.dumps({"caption": caption, "url": url, "key": key, "status": status})
    return out
