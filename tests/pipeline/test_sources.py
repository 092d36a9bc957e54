"""Readers: formats, columns, bad rows kept with reasons."""
import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sgshards.pipeline.inputs import sources
from sgshards.pipeline.engines.plan import plan, read_task


def rows_of(path, spec, per_shard=1000):
    return [r for t in plan([str(path)], spec, per_shard) for r in read_task(t)]


def test_tsv_headerless_reads_columns_by_index(tmp_path):
    path = tmp_path / "cc3m.tsv"
    path.write_text("a dog on a couch\thttp://x/1.jpg\nTwo cats\thttp://x/2.jpg\n")
    rows = rows_of(path, sources.InputSpec("tsv", caption_column=0, url_column=1))
    assert [(r.row, r.caption, r.url, r.reject) for r in rows] == [
        (0, "a dog on a couch", "http://x/1.jpg", None), (1, "Two cats", "http://x/2.jpg", None)]


def test_tsv_bad_rows_are_kept_with_reasons(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_bytes(b"a dog\thttp://x/1\nno tab here\n\n\xff\xfe bad bytes\thttp://x/3\n"
                     b"too\tmany\tfields\n")
    rows = rows_of(path, sources.InputSpec("tsv", caption_column=0, url_column=1))
    assert [r.reject for r in rows] == [None, "malformed_row", "blank_row", "invalid_utf8", "malformed_row"]
    assert rows[1].raw == "no tab here"


def test_header_names_resolve_and_unknown_column_is_an_error(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("url\tcaption\nhttp://x/1\ta red car\n")
    rows = rows_of(path, sources.InputSpec("tsv", caption_column="caption", url_column="url"))
    assert [(r.caption, r.url) for r in rows] == [("a red car", "http://x/1")]
    with pytest.raises(sources.InputError, match="unknown column 'text'.*header: url, caption"):
        rows_of(path, sources.InputSpec("tsv", caption_column="text"))


def test_csv_quoted_fields_span_lines(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('caption,url\n"a dog, brown\nand small",http://x/1\n"plain",http://x/2\n')
    spec = sources.InputSpec("csv", caption_column="caption", url_column="url")
    rows = rows_of(path, spec, per_shard=1)
    assert [(r.caption, r.url) for r in rows] == [("a dog, brown\nand small", "http://x/1"), ("plain", "http://x/2")]


def test_jsonl_and_missing_fields(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"caption": "a cat", "url": "u"}) + "\n{not json\n" + json.dumps({"url": "v"}) + "\n")
    rows = rows_of(path, sources.InputSpec("jsonl", caption_column="caption", url_column="url"))
    assert [(r.caption, r.reject) for r in rows] == [("a cat", None), (None, "malformed_row"), (None, "missing_caption")]


def test_parquet_ranges_cross_row_groups(tmp_path):
    path = tmp_path / "t.parquet"
    table = pa.table({"URL": [f"u{i}" for i in range(10)], "TEXT": [f"caption {i}" if i != 4 else None for i in range(10)]})
    pq.write_table(table, path, row_group_size=3)
    spec = sources.InputSpec("parquet", caption_column="TEXT", url_column="URL")
    tasks = plan([str(path)], spec, 4)
    assert [(t.first_row, t.rows) for t in tasks] == [(0, 4), (4, 4), (8, 2)]
    rows = [r for t in tasks for r in read_task(t)]
    assert [r.row for r in rows] == list(range(10))
    assert rows[4].reject == "missing_caption" and rows[9].caption == "caption 9"


def test_gzip_input_reads_the_same(tmp_path):
    lines = "".join(f"caption number {i}\thttp://x/{i}\n" for i in range(7))
    plain, packed = tmp_path / "a.tsv", tmp_path / "b.tsv.gz"
    plain.write_text(lines)
    packed.write_bytes(gzip.compress(lines.encode()))
    spec = sources.InputSpec("tsv", caption_column=0, url_column=1)
    assert [r.caption for r in rows_of(packed, spec, 3)] == [r.caption for r in rows_of(plain, spec, 3)]


def test_expand_inputs_globs_sorted_and_missing(tmp_path):
    for name in ("b.tsv", "a.tsv"):
        (tmp_path / name).write_text("x\n")
    assert [p.rsplit("/", 1)[1] for p in sources.expand_inputs([str(tmp_path / "*.tsv")])] == ["a.tsv", "b.tsv"]
    with pytest.raises(sources.InputError, match="input not found"):
        sources.expand_inputs([str(tmp_path / "nope.tsv")])


def test_guess_format():
    assert sources.guess_format("gs://b/x.tsv.gz") == "tsv"
    assert sources.guess_format("part-0.parquet") == "parquet"
    with pytest.raises(sources.InputError):
        sources.guess_format("data.bin")


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_input_with_header(tmp_path, suffix):
    import zstandard

    text = b"url\tcaption\nhttp://x/1\ta red car\nhttp://x/2\ta blue bus\n"
    path = tmp_path / f"t.tsv{suffix}"
    path.write_bytes(gzip.compress(text) if suffix == ".gz" else zstandard.ZstdCompressor().compress(text))
    spec = sources.InputSpec("tsv", caption_column="caption", url_column="url")
    assert [(r.caption, r.url) for r in rows_of(path, spec, 1)] == [("a red car", "http://x/1"),
                                                                     ("a blue bus", "http://x/2")]


def test_header_only_file_has_no_records(tmp_path):
    for name, data in (("h.tsv", b"url\tcaption\n"), ("h.tsv.gz", gzip.compress(b"url\tcaption\r\n"))):
        path = tmp_path / name
        path.write_bytes(data)
        assert rows_of(path, sources.InputSpec("tsv", caption_column="caption")) == []
