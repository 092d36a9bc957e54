"""A deterministic hostile caption corpus in TSV, CSV, JSONL and Parquet.

Each ``write_*`` function writes one file and returns its rows in record
order, each with the outcome the pipeline owes it: a rejection reason, or
``WRITTEN`` with what the cleaned caption must be.  Text-level cases
(``CAPTION_CASES``) go into every format; each format adds its own malformed
records.  Everything here is hand-written; nothing comes from real datasets.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

WRITTEN = "written"
BOM = b"\xef\xbb\xbf"
MAX_CHARS = 512                  # the CLI's default --max-chars


@dataclass(frozen=True)
class Exactly:
    text: str

    def __call__(self, caption: str) -> bool:
        return caption == self.text


@dataclass(frozen=True)
class CutAtWord:
    """A long caption cut at a word boundary in the second half of the window."""
    original: str
    max_chars: int = MAX_CHARS

    def __call__(self, caption: str) -> bool:
        return (self.max_chars // 2 < len(caption) <= self.max_chars and self.original.startswith(caption)
                and self.original[len(caption)] == " ")


@dataclass(frozen=True)
class Row:
    kind: str
    expect: str                                  # rejection reason, or WRITTEN
    caption: Optional[str] = None                # text cases: the caption to encode
    record: Optional[bytes] = None               # format-specific raw record (no line end)
    check: Optional[object] = None               # WRITTEN rows: predicate on the written caption
    key: Optional[str] = None                    # JSONL: the id column


def written(kind: str, caption: str, cleaned: Optional[str] = None) -> Row:
    return Row(kind, WRITTEN, caption, check=Exactly(caption if cleaned is None else cleaned))


_LONG_UNIT = "a brown dog runs along the sandy beach near the blue sea and "
LONG_600 = (_LONG_UNIT * 10)[:600].rstrip()
LONG_100KB = (_LONG_UNIT * 1700)[:102_400]      # > 100,000 characters: a scraped page, not a caption

CAPTION_CASES = [
    written("plain", "a red car parked next to a blue house"),
    Row("empty", "empty_caption", ""),
    Row("whitespace", "empty_caption", "    "),
    Row("unicode_whitespace", "empty_caption", " \u00a0\u3000 "),
    Row("100kb", "caption_too_long", LONG_100KB),
    Row("600_chars", WRITTEN, LONG_600, check=CutAtWord(LONG_600)),
    written("chinese", "一只狗在海滩上奔跑"),
    written("arabic", "كلب يجري على الشاطئ"),
    written("russian", "собака бежит по пляжу"),
    written("html", "<p>a dog on a <b>sandy</b> beach</p>", "a dog on a sandy beach"),
    Row("html_only", "empty_caption", "<br/><p></p>"),
    written("entities", "a dog &amp; a cat on a rug", "a dog & a cat on a rug"),
    Row("emoji_only", "no_letters", "\U0001F600\U0001F389\U0001F436"),
    written("emoji_in_text", "a dog \U0001F436 on a beach \U0001F3D6\ufe0f"),
    written("control_characters", "a dog\x07 on\x1b a beach", "a dog on a beach"),
    Row("control_characters_only", "control_characters_only", "\x01\x02\x03"),
    written("nul_byte", "a cat\x00 on a sofa", "a cat on a sofa"),
    Row("punctuation_only", "no_letters", "!!!"),
    Row("no_object_very_nice", "no_object", "very nice"),
    Row("no_object_wow", "no_object", "wow"),
    Row("too_short", "caption_too_short", "x"),
]


def _url(i: int) -> str:
    return f"http://example.com/{i}.jpg"


def _line_end(i: int) -> bytes:
    """Mixed line ends: every third record ends in CRLF."""
    return b"\r\n" if i % 3 == 2 else b"\n"


# -- TSV: caption<TAB>url, no header (CC3M's layout) ----------------------------

TSV_MALFORMED = [
    Row("too_many_columns", "malformed_row", record=b"a dog on a beach\thttp://x/1.jpg\textra"),
    Row("too_few_columns", "malformed_row", record=b"a dog on a beach"),
    Row("invalid_utf8", "invalid_utf8", record=b"a caf\xe9 on a street\thttp://x/2.jpg"),
    Row("truncated_utf8_sequence", "invalid_utf8", record=b"a dog \xe2\x82\thttp://x/3.jpg"),
    Row("stray_quote", WRITTEN, record=b'"a dog on a beach\thttp://x/4.jpg', check=Exactly('"a dog on a beach')),
    Row("blank_row", "blank_row", record=b""),
    Row("control_characters_in_url", WRITTEN, record=b"a dog on a beach\thttp://x/\x005.jpg\x07",
        check=Exactly("a dog on a beach")),
]


def tsv_rows() -> list[Row]:
    first = written("bom_at_file_start", "a green bus on a city street")
    return [first, *_interleave(CAPTION_CASES, TSV_MALFORMED), Row("blank_last_line", "blank_row", record=b"")]


def write_tsv(path: Path) -> list[Row]:
    rows = tsv_rows()
    out = bytearray(BOM)
    for i, row in enumerate(rows):
        out += row.record if row.record is not None else f"{row.caption}\t{_url(i)}".encode()
        out += _line_end(i)
    path.write_bytes(bytes(out))
    return rows



def write_bad_first_row_tsv(path: Path) -> list[Row]:
    """A headerless table whose first record has an extra column: only that record is malformed."""
    rows = [Row("too_many_columns_first", "malformed_row", record=b"a dog on a beach\thttp://x/0.jpg\textra"),
            written("plain", "a red car parked next to a blue house"),
            written("plain_2", "a cat on a mat")]
    path.write_bytes(b"".join((r.record if r.record is not None else f"{r.caption}\t{_url(i)}".encode()) + b"\n"
                              for i, r in enumerate(rows)))
    return rows

# -- CSV: header caption,url; RFC 4180 quoting -----------------------------------

def csv_field(text: str) -> str:
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


CSV_MALFORMED = [
    Row("too_many_columns", "malformed_row", record=b"a dog on a beach,http://x/1.jpg,extra"),
    Row("too_few_columns", "malformed_row", record=b"a dog on a beach"),
    Row("bad_quoting", "malformed_row", record=b'"a dog" on a beach,http://x/2.jpg'),
    Row("invalid_utf8", "invalid_utf8", record=b"a caf\xe9 on a street,http://x/3.jpg"),
    Row("embedded_newlines", WRITTEN, record=b'"a dog\non a\r\nbeach",http://x/4.jpg',
        check=Exactly("a dog on a beach")),
    Row("escaped_quotes", WRITTEN, record=b'"a ""red"" car on a road",http://x/5.jpg',
        check=Exactly('a "red" car on a road')),
    Row("comma_in_quotes", WRITTEN, record=b'"a dog, a cat and a bird",http://x/6.jpg',
        check=Exactly("a dog, a cat and a bird")),
    Row("blank_row", "blank_row", record=b""),
]
# Must be last: everything after an unterminated quote belongs to it.
CSV_UNTERMINATED = Row("unterminated_quote_at_eof", "malformed_row", record=b'"a dog on a beach,http://x/9.jpg')


def csv_rows() -> list[Row]:
    return [*_interleave(CAPTION_CASES, CSV_MALFORMED), CSV_UNTERMINATED]


def write_csv(path: Path) -> list[Row]:
    """BOM, then a header, then records, all CRLF-terminated (Excel's dialect)."""
    rows = csv_rows()
    out = bytearray(BOM + b"caption,url\r\n")
    for i, row in enumerate(rows):
        out += row.record if row.record is not None else f"{csv_field(row.caption)},{_url(i)}".encode()
        out += b"\r\n"
    path.write_bytes(bytes(out))
    return rows


def write_stray_quote_csv(path: Path) -> list[Row]:
    """A ``"`` inside an unquoted field is literal to Python's csv module;
    the following rows must stay rows of their own."""
    rows = [written("plain", "a red car parked next to a blue house"),
            Row("stray_quote_in_unquoted_field", WRITTEN, record=b'a 5" screen on a desk,http://x/1.jpg',
                check=Exactly('a 5" screen on a desk')),
            written("after_stray_quote", "a dog on a beach"),
            written("after_stray_quote_2", "a cat on a mat")]
    out = bytearray(b"caption,url\n")
    for i, row in enumerate(rows):
        out += (row.record if row.record is not None else f"{row.caption},{_url(i)}".encode()) + b"\n"
    path.write_bytes(bytes(out))
    return rows


# -- JSONL: {"id", "caption", "url"}, ids used as keys -----------------------------

JSONL_MALFORMED = [
    Row("truncated_json", "malformed_row", record=b'{"id": "t1", "caption": "a dog on'),
    Row("json_array", "malformed_row", record=b'["a dog on a beach"]'),
    Row("json_string", "malformed_row", record=b'"a dog on a beach"'),
    Row("missing_caption", "missing_caption", record=b'{"id": "m1", "url": "http://x/1.jpg"}'),
    Row("null_caption", "missing_caption", record=b'{"id": "m2", "caption": null}'),
    Row("numeric_caption", "caption_not_text", record=b'{"id": "m3", "caption": 42}'),
    Row("list_caption", "caption_not_text", record=b'{"id": "m6", "caption": ["a red car", "x"]}'),
    Row("dict_caption", "caption_not_text", record=b'{"id": "m7", "caption": {"text": "a red car"}}'),
    Row("bool_caption", "caption_not_text", record=b'{"id": "m8", "caption": true}'),
    Row("list_url", "url_not_text", record=b'{"id": "m9", "caption": "a red car", "url": ["http://x/1.jpg"]}'),
    Row("raw_tab_in_string", "malformed_row", record=b'{"id": "m4", "caption": "a dog\ton a beach"}'),
    Row("invalid_utf8", "invalid_utf8", record=b'{"id": "m5", "caption": "a caf\xe9 on a street"}'),
    Row("blank_row", "blank_row", record=b""),
    Row("dotted_key", WRITTEN, "a boat on a lake", check=Exactly("a boat on a lake"), key="img.7"),
    Row("key_like_another_but_distinct", WRITTEN, "a horse in a field", check=Exactly("a horse in a field"),
        key="img_7"),
    Row("non_latin_key", WRITTEN, "a cat on a sofa", check=Exactly("a cat on a sofa"), key="猫"),
    Row("other_non_latin_key", WRITTEN, "a dog on a sofa", check=Exactly("a dog on a sofa"), key="犬"),
    Row("slash_key", WRITTEN, "a fox in the snow", check=Exactly("a fox in the snow"), key="img/7"),
    Row("long_key", WRITTEN, "a frog on a leaf", check=Exactly("a frog on a leaf"), key="k" * 5000),
    Row("blank_key", "missing_key", "a duck in a pond", key="   "),
    Row("null_key", "missing_key", record=b'{"id": null, "caption": "a goat on a rock"}'),
    Row("path_like_key", WRITTEN, "a bird on a wire", check=Exactly("a bird on a wire"), key="../etc/passwd"),
    Row("repeated_key", "duplicate_key", "a kite in the sky", key="k000"),   # row 0's id
]


def jsonl_rows() -> list[Row]:
    rows = _interleave(CAPTION_CASES, JSONL_MALFORMED)
    keyless = next(i for i, r in enumerate(rows) if r.kind == "truncated_json")   # gets the default key
    return [*rows,
            Row("empty_key", "missing_key", "a cow in a barn", key=""),
            # a keyless row takes a reserved key, never the default key a user key may hold
            Row("key_equal_to_a_default_key", WRITTEN, "a sheep on a hill", check=Exactly("a sheep on a hill"),
                key=f"{keyless:09d}"),
            Row("blank_last_line", "blank_row", record=b"")]


def jsonl_record(i: int, row: Row) -> bytes:
    key = row.key if row.key is not None else f"k{i:03d}"
    return json.dumps({"id": key, "caption": row.caption, "url": _url(i)}, ensure_ascii=False).encode()


def write_jsonl(path: Path, bom: bool = False) -> list[Row]:
    rows = jsonl_rows()
    out = bytearray(BOM if bom else b"")
    for i, row in enumerate(rows):
        out += (row.record if row.record is not None else jsonl_record(i, row)) + _line_end(i)
    path.write_bytes(bytes(out))
    return rows


def write_bom_jsonl(path: Path) -> list[Row]:
    rows = [written("bom_at_file_start", "a green bus on a city street"), written("plain", "a dog on a beach")]
    path.write_bytes(BOM + b"".join(jsonl_record(i, r) + b"\n" for i, r in enumerate(rows)))
    return rows


# -- Parquet: caption, url; small row groups so shards straddle them ------------------

PARQUET_EXTRA = [Row("null_caption", "missing_caption", caption=None)]


def parquet_rows() -> list[Row]:
    return _interleave(CAPTION_CASES, PARQUET_EXTRA)


def write_parquet(path: Path, row_group_size: int = 4) -> list[Row]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = parquet_rows()
    table = pa.table({"caption": pa.array([r.caption for r in rows], type=pa.string()),
                      "url": [_url(i) for i in range(len(rows))]})
    pq.write_table(table, path, row_group_size=row_group_size)
    return rows


def write_binary_parquet(path: Path) -> list[Row]:
    """Captions in a binary column (as some scrapes store them): UTF-8 bytes are text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [written("binary_utf8", "a red car parked next to a blue house"),
            Row("binary_invalid_utf8", "invalid_utf8")]
    values = [rows[0].caption.encode(), b"a caf\xe9 on a street"]
    pq.write_table(pa.table({"caption": pa.array(values, type=pa.binary())}), path)
    return rows


# -- plain caption lines for `sgshards augment` -----------------------------------

def augment_lines() -> list[tuple[bytes, Row]]:
    """One caption per line: every text case without a line break, plus raw byte lines.
    Invalid UTF-8 is read with replacement characters there, so it is written."""
    lines = [(BOM + b"a green bus on a city street", written("bom_at_file_start", "a green bus on a city street"))]
    lines += [(r.caption.encode(), r) for r in CAPTION_CASES]
    lines.append((b"a caf\xe9 on a street", Row("invalid_utf8", WRITTEN, check=Exactly("a caf\ufffd on a street"))))
    lines.append((b"", Row("blank_last_line", "empty_caption")))
    return lines


def write_augment_input(path: Path) -> list[Row]:
    lines = augment_lines()
    path.write_bytes(b"".join(data + _line_end(i) for i, (data, _) in enumerate(lines)))
    return [row for _, row in lines]


def gzipped(write):
    """A writer of the same corpus, gzip-compressed (read by skipping, not seeking)."""
    import gzip

    def write_gz(path: Path) -> list[Row]:
        plain = path.with_name(path.name.removesuffix(".gz"))
        rows = write(plain)
        path.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
        plain.unlink()
        return rows
    return write_gz


def _interleave(common: list[Row], special: list[Row]) -> list[Row]:
    """Spread the special rows through the common ones, deterministically."""
    out, step = [], max(1, len(common) // max(1, len(special)))
    specials = iter(special)
    for i, row in enumerate(common):
        out.append(row)
        if i % step == step - 1:
            out.extend(s for s in [next(specials, None)] if s is not None)
    out.extend(specials)
    return out
