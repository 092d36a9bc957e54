"""Shard writing: deterministic tar bytes, dead letters, stats that merge."""
import json
import tarfile

from sgshards.pipeline.outputs import shards


def outcome(index, status="written", reason=None):
    key = f"{index:09d}"
    record = {"key": key, "caption": f"cap {index}", "negatives": [{"type": "attribute_swap"}],
              "positives": [{"kind": "caption"}]} if status == "written" else None
    return {"index": index, "key": key, "status": status, "record": record, "reason": reason,
            "stage": None if status == "written" else "normalize", "raw": "raw", "source": None}


def test_shard_members_are_sorted_and_fixed(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shards.write_shard(str(a), 0, [outcome(1), outcome(0)])
    shards.write_shard(str(b), 0, [outcome(0), outcome(1)])
    assert (a / "00000.tar").read_bytes() == (b / "00000.tar").read_bytes()
    with tarfile.open(a / "00000.tar") as tar:
        members = tar.getmembers()
        assert [m.name for m in members] == ["000000000.sg.json", "000000001.sg.json"]
        assert {m.mtime for m in members} == {0} and {m.uname for m in members} == {""}
        assert json.loads(tar.extractfile("000000000.sg.json").read())["caption"] == "cap 0"


def test_write_shard_with_dead_letters(tmp_path):
    out = str(tmp_path)
    stats = shards.write_shard(out, 3, [outcome(1), outcome(0, "rejected", "empty_caption")])
    assert stats["written"] == 1 and stats["rejected"] == {"empty_caption": 1}
    assert (tmp_path / "00003.tar").exists() and not list(tmp_path.glob("*.tmp"))
    letters = [json.loads(l) for l in (tmp_path / "dead_letters" / "00003.jsonl").read_text().splitlines()]
    assert letters == [{"key": "000000000", "index": 0, "source": None, "stage": "normalize",
                        "reason": "empty_caption", "raw": "raw"}]


def test_merge_and_finish_stats_check_conservation(tmp_path):
    a = shards.write_shard(str(tmp_path), 0, [outcome(0), outcome(1, "rejected", "blank_row")])
    b = shards.write_shard(str(tmp_path), 1, [outcome(2)])
    stats, sizes = shards.finish_stats([shards.merge_stats([a, b])], 3, 2)
    assert stats["conserved"] and stats["written"] == 2 and stats["rejected"] == {"blank_row": 1}
    assert stats["negatives"] == {"attribute_swap": 2} and stats["with_negative"] == 2
    assert sizes == {"00000.tar": 1, "00001.tar": 1}
    assert not shards.finish_stats([a, b], 4, 2)[0]["conserved"]
    assert shards.committed_stats(str(tmp_path), 1) == b
    assert shards.committed_stats(str(tmp_path), 2) is None


def test_export_rows_and_index(tmp_path):
    import pyarrow.parquet as pq

    record = {"key": "k", "caption": "a red car", "positives": [{"text": "a red car", "kind": "caption"}],
              "negatives": [{"text": "a blue car", "type": "attribute_replace", "positive": 0,
                             "edits": [{"span": [1, 2], "from": "red", "to": "blue"}]}]}
    o = {"index": 0, "key": "k", "status": "written", "record": record, "reason": None, "stage": None}
    shards.write_shard(str(tmp_path), 0, [o, outcome(1, "rejected", "no_object")], export_dir=str(tmp_path / "x"))
    rows = pq.read_table(tmp_path / "x" / "part-00000.parquet").to_pylist()
    assert [(r["role"], r["type"], r["text"], r["positive_text"]) for r in rows] == [
        ("positive", "caption", "a red car", None), ("negative", "attribute_replace", "a blue car", "a red car")]
    assert rows[1]["edits"] == [{"span": [1, 2], "from": "red", "to": "blue"}]
    index = pq.read_table(tmp_path / "00000_index.parquet").to_pylist()
    assert [(r["key"], r["status"], r["reason"], r["negatives"]) for r in index] == [
        ("k", "written", None, 1), ("000000001", "rejected", "no_object", 0)]


def _tarfile_bytes(members):
    import io

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            tar.addfile(shards._tar_info(name, len(data)), io.BytesIO(data))
    return buf.getvalue()


def test_tar_stream_writes_tarfiles_bytes():
    """The fast writer against tarfile itself: block-boundary sizes, empty data, and names that
    need a pax header (non-ASCII, longer than 100 bytes) or fill the name field exactly."""
    import io

    members = [("000000000.json", b'{"a":1}'), ("000000000.txt", b""), ("k.json", b"x" * 512),
               ("k.txt", b"y" * 513), ("caf\u00e9.txt", "caf\u00e9".encode()), ("n" * 100 + ".json", b"z"),
               ("m" * 95 + ".json", b"w" * 1023), ("\u732b.sg.json", b"{}")]
    for k in range(1, len(members) + 1):
        buf = io.BytesIO()
        stream = shards.TarStream(buf)
        for name, data in members[:k]:
            stream.add(name, data)
        stream.close()
        assert buf.getvalue() == _tarfile_bytes(members[:k])
    with tarfile.open(fileobj=io.BytesIO(buf.getvalue())) as tar:
        assert [m.name for m in tar.getmembers()] == [name for name, _ in members]
        assert tar.extractfile("k.txt").read() == b"y" * 513


def test_stats_marker_records_size_and_sha256_of_every_file_written(tmp_path):
    """The checksums are of the bytes on disk, computed while writing; the returned stats
    (what merges into stats.json) and committed_stats carry counts only."""
    import hashlib

    record = {"key": "k", "caption": "a red car", "positives": [{"text": "a red car", "kind": "caption"}],
              "negatives": []}
    o = {"index": 0, "key": "k", "status": "written", "record": record, "reason": None, "stage": None}
    stats = shards.write_shard(str(tmp_path / "out"), 2, [o, outcome(1, "rejected", "no_object")],
                               export_dir=str(tmp_path / "export"))
    marker = json.loads((tmp_path / "out" / "00002_stats.json").read_text())
    on_disk = {"files": tmp_path / "out", "export_files": tmp_path / "export"}
    expected = {field: {str(p.relative_to(root)): {"size": p.stat().st_size,
                                                    "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
                        for p in root.rglob("*") if p.is_file() and not p.name.endswith("_stats.json")}
                for field, root in on_disk.items()}
    assert {field: marker[field] for field in on_disk} == expected
    assert sorted(expected["files"]) == ["00002.tar", "00002_index.parquet", "dead_letters/00002.jsonl"]
    assert shards.CHECKSUM_FIELDS == ("files", "export_files") and not set(stats) & set(on_disk)
    assert shards.committed_stats(str(tmp_path / "out"), 2) == stats == shards.counts_of(marker)


def test_tar_stream_digest_is_the_sha256_of_the_archive():
    import hashlib
    import io

    buf = io.BytesIO()
    stream = shards.TarStream(buf)
    stream.add("a.txt", b"x" * 700)
    digest = stream.close()
    assert digest == {"size": len(buf.getvalue()), "sha256": hashlib.sha256(buf.getvalue()).hexdigest()}
