"""Readers: caption tables (TSV/CSV, Parquet, JSONL) from local paths, globs or fsspec URLs.

Reading is split in two so that shard N always holds the same records:
``plan`` (in ``plan.py``) walks each file once, counting records and noting
where every shard's first record starts (a byte offset for text formats, a row
number for Parquet); ``read_rows`` then reads one such range.  A record that
cannot be read is not dropped: it comes out with ``reject`` set to a reason and
``raw`` holding what was read.

Text records: TSV and JSONL are one record per line; CSV follows RFC 4180, so
a quoted field may span lines (a record ends at a newline outside quotes).
Every line is a record; a blank one is rejected as ``blank_row``.  Text is
UTF-8, or UTF-16/32 opening with its BOM (read through a transcoding stream).

A file that cannot be read to its end (cut or corrupt compressed stream,
unreadable Parquet) raises ``CorruptInputError``: a run never ends quietly with
fewer records than the file holds.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import lzma
import re
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Optional, Union

import fsspec

from ...schemas.outcomes import (
    BLANK_ROW, CAPTION_NOT_TEXT, DOWNLOAD_FAILED, INVALID_UTF8, MALFORMED_ROW, MISSING_CAPTION, URL_NOT_TEXT)
from ...text.yfcc import choose_caption, yfcc_fields, yfcc_from_mapping
from ..errors import CorruptInputError

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


# What a cut or damaged compressed stream raises while it is read: gzip, bz2 and
# lzma raise EOFError at a cut stream and OSError / LZMAError / zlib.error on bad
# data; zstd is read by ``_ZstdFrames``, which raises the same.
CODEC_ERRORS = (EOFError, OSError, lzma.LZMAError, zlib.error)


@contextmanager
def open_input(path: str) -> Iterator:
    """The file's bytes, decompressed by extension, as a binary stream that iterates lines.
    A stream that cannot be read to its end raises ``CorruptInputError`` naming the file."""
    zstd = fsspec.utils.infer_compression(path) == "zstd"
    with fsspec.open(path, "rb", compression=None if zstd else "infer") as stream:
        if zstd or not isinstance(stream, io.IOBase):     # readinto only: buffer for line iteration
            stream = io.BufferedReader(_ZstdFrames(stream) if zstd else stream)
        try:
            yield stream
        except CODEC_ERRORS as exc:
            raise CorruptInputError(f"{path} is truncated or corrupt ({type(exc).__name__}: {exc})") from None


class _ZstdFrames(io.RawIOBase):
    """zstd frames one after another, decompressed.  zstandard's own reader ends
    quietly at a cut frame (a file cut at 60% reads as a shorter valid file); this
    one raises EOFError when the input ends inside a frame."""

    def __init__(self, raw, chunk_size: int = 1 << 13):     # small reads: little output per call
        import zstandard

        self._zstd, self._raw, self._chunk_size = zstandard, raw, chunk_size
        self._frame, self._in_frame = None, False
        self._pending, self._start, self._decompressed = b"", 0, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._start == len(self._pending):
            data = self._raw.read(self._chunk_size)
            if not data:
                if self._in_frame:
                    raise EOFError("zstd stream ends inside a frame")
                return 0
            self._pending, self._start = self._decompress(data), 0
        n = min(len(buffer), len(self._pending) - self._start)
        buffer[:n] = memoryview(self._pending)[self._start:self._start + n]
        self._start += n
        self._decompressed += n
        return n

    def tell(self) -> int:
        return self._decompressed

    def _decompress(self, data: bytes) -> bytes:
        out = []
        while data:
            if self._frame is None:
                self._frame = self._zstd.ZstdDecompressor().decompressobj()
            try:
                out.append(self._frame.decompress(data))
            except self._zstd.ZstdError as exc:
                raise OSError(f"zstd: {exc}") from None
            self._in_frame = not self._frame.eof
            data = self._frame.unused_data if self._frame.eof else b""
            if self._frame.eof:
                self._frame = None
        return b"".join(out)


def is_seekable(path: str) -> bool:
    """Compressed streams cannot start mid-file; their ranges are reached by skipping."""
    return fsspec.utils.infer_compression(path) is None


# -- text encodings ----------------------------------------------------------------

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_UNDECODABLE = "sgshards-undecodable"


def _undecodable_as_surrogates(exc: UnicodeError) -> tuple[str, int]:
    """Undecodable UTF-16/32 bytes become lone surrogates, which are not valid
    UTF-8 after transcoding: the record holding them is an ``invalid_utf8`` row."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(0xDC00 + b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(_UNDECODABLE, _undecodable_as_surrogates)


def wide_encoding(head: bytes) -> Optional[str]:
    """"utf-16" or "utf-32" when the bytes open with that encoding's BOM, else None."""
    return next((enc for bom, enc in _WIDE_BOMS if head.startswith(bom)), None)


class _Utf8FromWide(io.RawIOBase):
    """A UTF-16/32 stream (BOM first) read as UTF-8 bytes, so records split on
    b"\n" as in any other text file.  Not seekable: ranges are reached by skipping."""

    def __init__(self, stream, encoding: str, chunk_size: int = 1 << 16):
        self._stream, self._chunk_size = stream, chunk_size
        self._decoder = codecs.getincrementaldecoder(encoding)(errors=_UNDECODABLE)
        self._pending, self._start, self._done = b"", 0, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._start == len(self._pending):
            if self._done:
                return 0
            data = self._stream.read(self._chunk_size)
            self._done = not data
            text = self._decoder.decode(data, final=self._done)
            self._pending, self._start = text.encode("utf-8", "surrogatepass"), 0
        n = min(len(buffer), len(self._pending) - self._start)
        buffer[:n] = memoryview(self._pending)[self._start:self._start + n]
        self._start += n
        return n


def _head(stream, n: int = 4) -> bytes:
    if hasattr(stream, "peek"):
        return stream.peek(n)[:n]
    head = stream.read(n)
    stream.seek(0)
    return head


@contextmanager
def open_text(path: str) -> Iterator:
    """``open_input`` for the text formats: UTF-8 bytes whatever the file's
    Unicode encoding (a UTF-16 or UTF-32 file must open with its BOM)."""
    with open_input(path) as stream:
        encoding = wide_encoding(_head(stream))
        yield io.BufferedReader(_Utf8FromWide(stream, encoding)) if encoding else stream


def text_is_seekable(path: str) -> bool:
    """A record's byte offset can be sought: an uncompressed file read as it is."""
    if not is_seekable(path):
        return False
    with open_text(path) as stream:
        return stream.seekable()


def skip_bytes(stream, nbytes: int) -> None:
    if nbytes:
        if stream.seekable():
            stream.seek(nbytes)
        else:
            stream.read(nbytes)


def text_records(path: str, start: int, first_row: int, csv_quoting: bool) -> Iterator[tuple[int, int, bytes]]:
    """(record number, byte offset, record) for every record from byte ``start``
    (where record ``first_row`` begins) to the end of the file.  A stream that
    breaks raises ``CorruptInputError`` naming the record it could not read."""
    row = first_row
    try:
        with open_text(path) as stream:
            skip_bytes(stream, start)
            for offset, record in iter_text_records(stream, csv_quoting):
                yield row, offset, record
                row += 1
    except CorruptInputError as exc:
        raise CorruptInputError(f"{exc}; it breaks at data record {row} (0-based)") from None


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
    try:
        with open_text(path) as stream:
            return _header_and_offset(path, spec, stream)
    except CorruptInputError as exc:
        raise CorruptInputError(f"{exc}; it breaks in the header or the first record") from None


def _header_and_offset(path: str, spec: InputSpec, stream) -> tuple[list[str], int]:
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
        out.reject, out.raw = INVALID_UTF8, record.decode("utf-8", "replace")
        return out
    out.raw = text
    if not text.strip():
        out.reject = BLANK_ROW
        return out
    if fmt == "jsonl":
        return _jsonl_fields(out, text, columns)
    if fmt == "yfcc":
        return _yfcc_fields(out, text, columns)
    try:
        fields = split_record(fmt, text)
    except csv.Error:
        out.reject = MALFORMED_ROW
        return out
    if (width is not None and len(fields) != width) or columns[0] >= len(fields):
        out.reject = MALFORMED_ROW
        return out
    caption, url, out.user_key, status = (
        fields[c] if c is not None and c < len(fields) else None for c in columns)
    return _with_status(out, caption, status, url)


def _with_status(out: RawRow, caption, status: Optional[str], url=None) -> RawRow:
    """Caption and URL as read (any JSON or Parquet value): only text goes on;
    a list, dict, number or bool is rejected, never turned into its repr."""
    out.caption = caption if isinstance(caption, str) else None
    out.url = clean_url(url) if isinstance(url, str) else None
    if status is not None and status != "success":
        out.reject = DOWNLOAD_FAILED
    elif caption is None:
        out.reject = MISSING_CAPTION
    elif not isinstance(caption, str):
        out.reject = CAPTION_NOT_TEXT
    elif url is not None and not isinstance(url, str):
        out.reject = URL_NOT_TEXT
    return out


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_url(url: str) -> str:
    """A URL without control characters (no URL holds one; a UTF-16 file read as
    bytes, or a scrape, puts NULs and line ends there)."""
    return _CONTROL.sub("", url)


def visible_controls(text: Optional[str]) -> Optional[str]:
    """``text`` with control characters other than tab and line ends written as
    visible ``\\xNN`` escapes: a dead letter keeps what was read, but no control character."""
    if text is None or not _CONTROL_BUT_LAYOUT.search(text):
        return text
    return _CONTROL_BUT_LAYOUT.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _jsonl_fields(out: RawRow, text: str, columns: tuple) -> RawRow:
    try:
        obj = json.loads(text)
    except ValueError:
        obj = None
    if not isinstance(obj, dict):
        out.reject = MALFORMED_ROW
        return out
    caption, url, key, status = (None if c is None else obj.get(c) for c in columns)
    out.user_key = None if key is None else str(key)
    return _with_status(out, caption, None if status is None else str(status), url)


def _yfcc_fields(out: RawRow, text: str, header: tuple) -> RawRow:
    """YFCC100M/YFCC-15M metadata: the caption is chosen from title and description
    (rule in ``sgshards.text.yfcc.choose_caption``); the key is the photo id."""
    fields = text.split("\t")
    try:
        row = yfcc_from_mapping(dict(zip(header, fields))) if header else yfcc_fields(fields)
    except ValueError:
        out.reject = MALFORMED_ROW
        return out
    out.url, out.user_key = clean_url(row["url"]) or None, row["key"] or None
    out.caption, out.reject = choose_caption(row["title"], row["description"])
    return out


# -- parquet -------------------------------------------------------------------

@contextmanager
def parquet_file(path: str) -> Iterator:
    """The file as a ``pyarrow.parquet.ParquetFile`` that checks page checksums
    where the writer stored them; a file pyarrow cannot read raises ``CorruptInputError``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    with open_input(path) as stream:
        try:
            yield pq.ParquetFile(stream, page_checksum_verification=True)
        except (pa.ArrowException, OSError) as exc:
            raise CorruptInputError(f"{path} is not a readable Parquet file ({type(exc).__name__}: {exc})") from None


def parquet_names(path: str) -> list[str]:
    with parquet_file(path) as pf:
        return pf.schema_arrow.names


def parquet_columns(path: str, spec: InputSpec) -> tuple:
    names = parquet_names(path)
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
    with parquet_file(path) as pf:
        return pf.metadata.num_rows


def read_parquet_range(path: str, columns: tuple, first_row: int, rows: int) -> Iterator[RawRow]:
    """Rows ``[first_row, first_row + rows)``; a corrupt page, or a file with fewer
    rows, raises ``CorruptInputError`` naming the row."""
    import pyarrow as pa

    wanted = sorted({c for c in columns if c is not None})
    with parquet_file(path) as pf:
        groups, row = _row_groups_holding(pf.metadata, first_row, rows)
        batches = pf.iter_batches(batch_size=8192, row_groups=groups, columns=wanted)
        while True:
            try:
                batch = next(batches, None)
            except (pa.ArrowException, OSError) as exc:
                raise CorruptInputError(f"{path}: corrupt Parquet data at row {row} "
                                        f"({type(exc).__name__}: {exc})") from None
            if batch is None:
                break
            values = [_column_values(batch, c) if c is not None else None for c in columns]
            for i in range(batch.num_rows):
                if first_row <= row < first_row + rows:
                    yield _parquet_row(row, values, i)
                row += 1
    if row < first_row + rows:
        raise CorruptInputError(f"{path} ends at row {row}, before row {first_row + rows - 1}, which the plan counted")


def _row_groups_holding(metadata, first_row: int, rows: int) -> tuple[list[int], int]:
    """The row groups overlapping the range, and the file row number the first one starts at."""
    groups, start, group_first = [], first_row, 0
    for g in range(metadata.num_row_groups):
        n = metadata.row_group(g).num_rows
        if group_first + n > first_row and group_first < first_row + rows:
            groups.append(g)
            start = min(start, group_first) if len(groups) > 1 else group_first
        group_first += n
    return groups, start


def _column_values(batch, column: str) -> list:
    """A column's Python values; a string column holding bytes that are not UTF-8
    is read as bytes, so only the rows holding them become ``invalid_utf8``."""
    import pyarrow as pa

    array = batch.column(column)
    try:
        return array.to_pylist()
    except UnicodeDecodeError:
        return array.cast(pa.large_binary() if pa.types.is_large_string(array.type) else pa.binary()).to_pylist()


def _parquet_row(row: int, values: list, i: int) -> RawRow:
    fields = [None if v is None or v[i] is None else v[i] for v in values]
    if any(isinstance(f, bytes) for f in fields):         # binary columns hold UTF-8 text, or not
        try:
            fields = [f.decode("utf-8") if isinstance(f, bytes) else f for f in fields]
        except UnicodeDecodeError:
            raw = [f.decode("utf-8", "replace") if isinstance(f, bytes) else f for f in fields]
            return RawRow(row, reject=INVALID_UTF8, raw=json.dumps(raw, default=str))
    caption, url, key, status = fields
    key, status = (None if f is None else str(f) for f in (key, status))
    out = _with_status(RawRow(row, user_key=key), caption, status, url)
    if out.reject:
        out.raw = json.dumps({"caption": caption, "url": url, "key": key, "status": status}, default=str)
    return out
