"""Inputs fail loudly and text stays text (issue 13, items 3 and 5).

A truncated or corrupt compressed or Parquet input never gives a run that exits 0 with
fewer rows: planning fails with one line naming the file, reading raises
``CorruptInputError``.  UTF-16/32 files (with a BOM) are read as text; captions and URLs
that are not strings are rejected, never stringified; no control character reaches an
output field."""
import bz2
import gzip
import io
import json
import lzma
import struct
import tarfile
import unicodedata

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from sgshards.pipeline.commands import cli
from sgshards.pipeline.inputs import sources
from sgshards.pipeline.errors import CorruptInputError
from sgshards.pipeline.engines.plan import plan, read_task
from sgshards.pipeline.inputs.wds import read_wds

TSV = sources.InputSpec("tsv", caption_column=0, url_column=1)
COLOURS = ["red", "brown", "black", "white", "small"]
CAPTIONS = [f"a {COLOURS[i % 5]} dog number {i} runs on the beach" for i in range(3000)]


def corpus(n=3000) -> bytes:
    return "".join(f"{CAPTIONS[i]}\thttp://x/{i}.jpg\n" for i in range(n)).encode()


CODECS = {
    "gz": lambda data: gzip.compress(data, mtime=0),
    "bz2": bz2.compress,
    "xz": lzma.compress,
    "zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


def truncated(data: bytes) -> bytes:
    return data[: len(data) * 6 // 10]


def flipped(data: bytes) -> bytes:
    i = len(data) // 2
    return data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:]


def rows_of(path, spec=TSV, per_shard=1000):
    return [r for t in plan([str(path)], spec, per_shard) for r in read_task(t)]


def run(src, out, *options):
    return cli.main(["run", "--input", str(src), "--output", str(out), "--samples-per-shard", "7", *options])


def assert_one_line_error(code, capsys, out, *names):
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("sgshards: error:")]
    assert code == 1, err
    assert len(lines) == 1 and all(name in lines[0] for name in names), err
    assert "Traceback" not in err
    assert not (out / "stats.json").exists()


# -- compressed inputs ----------------------------------------------------------------

@pytest.mark.parametrize("damage", [truncated, flipped], ids=["truncated", "corrupt"])
@pytest.mark.parametrize("codec", sorted(CODECS))
def test_damaged_compressed_input_fails_at_planning(tmp_path, capsys, codec, damage):
    src = tmp_path / f"captions.tsv.{codec}"
    src.write_bytes(damage(CODECS[codec](corpus())))
    code = run(src, tmp_path / "out")
    assert_one_line_error(code, capsys, tmp_path / "out", str(src), "record")


@pytest.mark.parametrize("codec", sorted(CODECS))
def test_damaged_compressed_input_fails_at_reading(tmp_path, codec):
    """The file is cut after planning (or a worker reads another copy): the read raises."""
    src = tmp_path / f"captions.tsv.{codec}"
    packed = CODECS[codec](corpus())
    src.write_bytes(packed)
    tasks = plan([str(src)], TSV, 500)
    src.write_bytes(truncated(packed))
    with pytest.raises(CorruptInputError, match=f"{src}.*record"):
        for task in tasks:
            list(read_task(task))


def test_plain_text_cut_after_planning_fails_at_reading(tmp_path):
    src = tmp_path / "captions.tsv"
    src.write_bytes(corpus(100))
    tasks = plan([str(src)], TSV, 40)
    src.write_bytes(corpus(90))            # cut at a record boundary: nothing a codec could notice
    assert [r.caption for r in read_task(tasks[0])] == CAPTIONS[:40]
    with pytest.raises(CorruptInputError, match=f"{src} ends before record 99"):
        list(read_task(tasks[2]))


def test_zstd_multi_frame_and_skippable_frames_read_whole(tmp_path):
    data = corpus(500)
    cut = data.index(b"\n", len(data) // 3) + 1
    skippable = struct.pack("<II", 0x184D2A50, 4) + b"meta"
    compressor = zstandard.ZstdCompressor()
    src = tmp_path / "captions.tsv.zst"
    src.write_bytes(compressor.compress(data[:cut]) + skippable + compressor.compress(data[cut:]))
    assert [r.caption for r in rows_of(src, per_shard=120)] == CAPTIONS[:500]


def test_zstd_cut_at_a_frame_boundary_inside_a_tar_is_a_corrupt_tar(tmp_path):
    """A .tar.zst cut inside its last frame decompresses to a tar cut at a member
    boundary, which tarfile takes for a complete archive: the zstd frame check catches it."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for i in range(4):
            for ext, data in (("txt", f"a red car number {i}".encode()), ("json", b'{"url": "http://x"}')):
                info = tarfile.TarInfo(f"{i:09d}.{ext}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    data = buf.getvalue()
    boundary = 2 * 2 * tarfile.BLOCKSIZE * 2          # two samples: two members, each header + one block
    compressor = zstandard.ZstdCompressor()
    last = compressor.compress(data[boundary:])
    src = tmp_path / "00000.tar.zst"
    src.write_bytes(compressor.compress(data[:boundary]) + last[: len(last) // 2])
    samples = list(read_wds(str(src)))       # tarfile reads ahead: the error may come before sample 0
    assert samples[-1].reject == "corrupt_tar" and "zstd stream ends inside a frame" in samples[-1].raw
    assert all(s.reject is None for s in samples[:-1])


# -- Parquet ------------------------------------------------------------------------------

def parquet_bytes(n=3000, **options) -> bytes:
    table = pa.table({"caption": CAPTIONS[:n], "url": [f"http://x/{i}.jpg" for i in range(n)]})
    buf = io.BytesIO()
    pq.write_table(table, buf, row_group_size=1000, **options)
    return buf.getvalue()


def test_truncated_parquet_fails_at_planning(tmp_path, capsys):
    src = tmp_path / "captions.parquet"
    src.write_bytes(truncated(parquet_bytes()))
    assert_one_line_error(run(src, tmp_path / "out"), capsys, tmp_path / "out", str(src))


@pytest.mark.parametrize("options, nbytes", [({"compression": "snappy"}, 64), ({"compression": "zstd"}, 1),
                                             ({"compression": "none", "write_page_checksum": True}, 1)],
                         ids=["snappy_page", "zstd_page", "checksummed_page"])
def test_corrupt_parquet_page_fails_at_reading(tmp_path, options, nbytes):
    src = tmp_path / "captions.parquet"
    data = parquet_bytes(**options)
    page = pq.ParquetFile(io.BytesIO(data)).metadata.row_group(1).column(0).dictionary_page_offset + 40
    src.write_bytes(data[:page] + bytes(b ^ 0xFF for b in data[page:page + nbytes]) + data[page + nbytes:])
    spec = sources.InputSpec("parquet", caption_column="caption", url_column="url")
    tasks = plan([str(src)], spec, 1000)
    assert len(list(read_task(tasks[0]))) == 1000
    with pytest.raises(CorruptInputError, match=f"{src}.*row 1000"):
        list(read_task(tasks[1]))


def test_parquet_with_fewer_rows_than_planned_fails_at_reading(tmp_path):
    src = tmp_path / "captions.parquet"
    src.write_bytes(parquet_bytes(3000))
    spec = sources.InputSpec("parquet", caption_column="caption")
    tasks = plan([str(src)], spec, 1000)
    src.write_bytes(parquet_bytes(2500))
    with pytest.raises(CorruptInputError, match=f"{src} ends at row 2500"):
        list(read_task(tasks[2]))


def test_parquet_string_with_invalid_utf8_rejects_that_row_only(tmp_path):
    values = pa.array([b"a red car", b"a caf\xe9 on a street", b"a blue bus"], pa.binary()).view(pa.string())
    src = tmp_path / "t.parquet"
    pq.write_table(pa.table({"caption": values}), src)
    rows = rows_of(src, sources.InputSpec("parquet", caption_column="caption"))
    assert [(r.caption, r.reject) for r in rows] == [("a red car", None), (None, "invalid_utf8"),
                                                     ("a blue bus", None)]


# -- captions and URLs that are not text -------------------------------------------------------

NOT_TEXT = {
    "list": pa.array([["a red car", "x"]]),
    "struct": pa.array([{"text": "a red car"}]),
    "int": pa.array([42]),
    "float": pa.array([1.5]),
    "bool": pa.array([True]),
}


@pytest.mark.parametrize("kind", sorted(NOT_TEXT))
def test_parquet_caption_that_is_not_text_is_rejected(tmp_path, kind):
    src = tmp_path / "t.parquet"
    pq.write_table(pa.table({"caption": NOT_TEXT[kind], "url": ["http://x/1.jpg"]}), src)
    [row] = rows_of(src, sources.InputSpec("parquet", caption_column="caption", url_column="url"))
    assert (row.reject, row.caption) == ("caption_not_text", None)
    assert json.loads(row.raw)["caption"] == NOT_TEXT[kind].to_pylist()[0]


def test_parquet_url_that_is_not_text_is_rejected(tmp_path):
    src = tmp_path / "t.parquet"
    pq.write_table(pa.table({"caption": ["a red car"], "url": [7]}), src)
    [row] = rows_of(src, sources.InputSpec("parquet", caption_column="caption", url_column="url"))
    assert (row.reject, row.url) == ("url_not_text", None)


@pytest.mark.parametrize("value", [["a red car", "x"], {"text": "a red car"}, 42, 4.5, True])
def test_jsonl_caption_that_is_not_text_is_rejected(tmp_path, value):
    src = tmp_path / "t.jsonl"
    src.write_text(json.dumps({"caption": value, "url": "http://x/1.jpg"}) + "\n")
    [row] = rows_of(src, sources.InputSpec("jsonl", caption_column="caption", url_column="url"))
    assert (row.reject, row.caption) == ("caption_not_text", None)


def test_list_captions_never_reach_the_shards(tmp_path):
    src = tmp_path / "t.parquet"
    pq.write_table(pa.table({"caption": pa.array([["a red car", "x"], ["a cat on a mat"]])}), src)
    out = tmp_path / "out"
    assert run(src, out) == 0
    stats = json.loads((out / "stats.json").read_text())
    assert (stats["written"], stats["rejected"]) == (0, {"caption_not_text": 2})
    letters = [json.loads(line) for p in (out / "dead_letters").glob("*.jsonl") for line in p.read_text().splitlines()]
    assert sorted(json.loads(d["raw"])["caption"] for d in letters) == [["a cat on a mat"], ["a red car", "x"]]


def wds_sample_tar(path, meta: dict, txt=None):
    with tarfile.open(path, "w") as tar:
        members = {"json": json.dumps(meta).encode(), **({"txt": txt.encode()} if txt is not None else {})}
        for ext, data in members.items():
            info = tarfile.TarInfo(f"000000001.{ext}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return str(path)


@pytest.mark.parametrize("caption", [["a red car"], {"text": "a red car"}, 3])
def test_img2dataset_json_caption_that_is_not_text_is_rejected(tmp_path, caption):
    [sample] = read_wds(wds_sample_tar(tmp_path / "0.tar", {"url": "http://x/1.jpg", "caption": caption}))
    assert (sample.reject, sample.caption) == ("caption_not_text", None)


def test_img2dataset_url_is_text_without_control_characters(tmp_path):
    [sample] = read_wds(wds_sample_tar(tmp_path / "0.tar", {"url": "http://x/\x001.jpg\n"}, "a red car"))
    assert (sample.reject, sample.url) == (None, "http://x/1.jpg")
    [sample] = read_wds(wds_sample_tar(tmp_path / "1.tar", {"url": ["http://x/1.jpg"]}, "a red car"))
    assert (sample.reject, sample.url) == ("url_not_text", None)


# -- UTF-16 / UTF-32 ----------------------------------------------------------------------------

ENCODINGS = {   # name -> (BOM + encoded text)
    "utf-16-le": lambda text: "\ufeff".encode("utf-16-le") + text.encode("utf-16-le"),
    "utf-16-be": lambda text: "\ufeff".encode("utf-16-be") + text.encode("utf-16-be"),
    "utf-32-le": lambda text: "\ufeff".encode("utf-32-le") + text.encode("utf-32-le"),
    "utf-32-be": lambda text: "\ufeff".encode("utf-32-be") + text.encode("utf-32-be"),
}
BOM_UTF16_LE = "\ufeff".encode("utf-16-le")
WIDE_ROWS = [("a red car parked next to a blue house", "http://x/0.jpg"), ("一只狗在海滩上奔跑", "http://x/1.jpg"),
             ("a dog \U0001F436 on a beach", "http://x/2.jpg"), ("a cat on a sofa", "http://x/3.jpg")] * 5


def control_characters(value, path="") -> list:
    """(where, character) for every control character in a JSON-like value's strings."""
    if isinstance(value, dict):
        return [c for k, v in value.items() for c in control_characters(v, f"{path}.{k}")]
    if isinstance(value, list):
        return [c for i, v in enumerate(value) for c in control_characters(v, f"{path}[{i}]")]
    if isinstance(value, str):
        return [(path, ch) for ch in value if unicodedata.category(ch) == "Cc"]
    return []


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_utf16_and_utf32_tsv_end_to_end(tmp_path, encoding):
    src = tmp_path / "captions.tsv"
    src.write_bytes(ENCODINGS[encoding]("".join(f"{c}\t{u}\r\n" for c, u in WIDE_ROWS)))
    out = tmp_path / "out"
    assert run(src, out, "--caption-column", "0", "--url-column", "1") == 0
    records = []
    for tar_path in sorted(out.glob("*.tar")):
        with tarfile.open(tar_path) as tar:
            for member in tar:
                data = tar.extractfile(member).read()
                assert b"\x00" not in data, member.name
                if member.name.endswith(".json"):
                    records.append(json.loads(data))
    assert [(r["caption"], r["url"]) for r in records] == WIDE_ROWS
    assert [control_characters(r) for r in records] == [[]] * len(WIDE_ROWS)


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_utf16_and_utf32_csv_and_jsonl(tmp_path, encoding, fmt):
    if fmt == "csv":
        text = "caption,url\n" + "".join(f'"{c}",{u}\n' for c, u in WIDE_ROWS)
        spec = sources.InputSpec("csv", caption_column="caption", url_column="url")
    else:
        text = "".join(json.dumps({"caption": c, "url": u}, ensure_ascii=False) + "\n" for c, u in WIDE_ROWS)
        spec = sources.InputSpec("jsonl", caption_column="caption", url_column="url")
    src = tmp_path / f"t.{fmt}.gz"
    src.write_bytes(gzip.compress(ENCODINGS[encoding](text)))
    assert [(r.caption, r.url) for r in rows_of(src, spec, per_shard=3)] == WIDE_ROWS


def test_wide_text_shards_are_reached_by_skipping(tmp_path):
    """Byte offsets of a transcoded file are not offsets in the file: no task may seek."""
    src = tmp_path / "captions.tsv"
    src.write_bytes(ENCODINGS["utf-16-le"]("".join(f"{c}\t{u}\n" for c, u in WIDE_ROWS)))
    tasks = plan([str(src)], TSV, 3)
    assert len(tasks) == 7 and all(t.offset is None for t in tasks)
    assert [(r.caption, r.url) for t in tasks for r in read_task(t)] == WIDE_ROWS


def test_undecodable_utf16_row_is_invalid_utf8_and_the_rest_is_read(tmp_path):
    src = tmp_path / "captions.tsv"
    good = [f"{c}\t{u}\n".encode("utf-16-le") for c, u in WIDE_ROWS[:3]]
    lone_surrogate = "a dog".encode("utf-16-le") + b"\x00\xd8" + "\thttp://x/9.jpg\n".encode("utf-16-le")
    src.write_bytes(BOM_UTF16_LE + good[0] + lone_surrogate + good[1] + good[2])
    rows = rows_of(src)
    assert [r.reject for r in rows] == [None, "invalid_utf8", None, None]
    assert [(r.caption, r.url) for r in rows if not r.reject] == WIDE_ROWS[:3]


# -- control characters in URLs and dead letters ---------------------------------------------------

def test_urls_lose_control_characters_and_dead_letters_escape_them(tmp_path):
    src = tmp_path / "captions.tsv"
    src.write_bytes(b"a red car on a road\thttp://x/\x001.jpg\x07\n"
                    b"\x01\x02\x03\thttp://x/2.jpg\n")
    out = tmp_path / "out"
    assert run(src, out, "--caption-column", "0", "--url-column", "1") == 0
    with tarfile.open(out / "00000.tar") as tar:
        [record] = [json.loads(tar.extractfile(m).read()) for m in tar if m.name.endswith(".json")]
    assert record["url"] == "http://x/1.jpg"
    [letter] = [json.loads(line) for line in (out / "dead_letters" / "00000.jsonl").read_text().splitlines()]
    assert letter["reason"] == "control_characters_only"
    assert letter["raw"] == "\\x01\\x02\\x03\thttp://x/2.jpg"


def test_yfcc_url_loses_control_characters(tmp_path):
    from tests.pipeline.test_presets import YFCC_ROW

    row = [field.replace("http://farm.example/", "http://farm.example/\x00\x07") for field in YFCC_ROW]
    src = tmp_path / "yfcc.tsv"
    src.write_text("\t".join(row) + "\n")
    [raw] = rows_of(src, sources.InputSpec("yfcc"))
    assert raw.url == "http://farm.example/12345.jpg"
