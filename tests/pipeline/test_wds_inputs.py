"""img2dataset WebDataset shards in: sidecar and augment modes, bad samples kept with reasons."""
import io
import json
import tarfile

import pytest
import webdataset as wds

from sgshards.pipeline.commands import cli
from sgshards.pipeline.inputs.wds import read_wds

SAMPLES = [("000000010", "a red car next to a blue house"), ("000000011", None),
           ("000000012", "a man riding an elephant"), ("000000013", "")]


def make_shard(path, samples=SAMPLES, truncate=False):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for key, caption in samples:
            members = {"jpg": b"\xff\xd8fake-jpeg-" + key.encode(),
                       "json": json.dumps({"key": key, "url": f"http://x/{key}.jpg", "status": "success"}).encode()}
            if caption is not None:
                members["txt"] = caption.encode()
            for ext, data in members.items():
                info = tarfile.TarInfo(f"{key}.{ext}")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    data = buf.getvalue()
    path.write_bytes(data[: len(data) // 2] if truncate else data)
    return path


def test_reader_groups_by_key_and_keeps_bad_samples(tmp_path):
    samples = list(read_wds(str(make_shard(tmp_path / "00000.tar"))))
    assert [(s.key, s.caption, s.reject) for s in samples] == [
        ("000000010", "a red car next to a blue house", None), ("000000011", None, "missing_caption"),
        ("000000012", "a man riding an elephant", None), ("000000013", "", None)]
    assert samples[0].url == "http://x/000000010.jpg" and sorted(samples[0].members) == ["jpg", "json", "txt"]


def test_reader_keeps_links_hidden_and_repeated_samples_with_reasons(tmp_path):
    """No member is skipped: a ``__`` name is a sample, a link-only sample is rejected for
    its link (not for a missing caption), a repeat takes a key of its own."""
    path = tmp_path / "00000.tar"
    with tarfile.open(path, "w") as tar:
        for name, kind in [("__hidden.txt", tarfile.REGTYPE), ("__hidden.jpg", tarfile.LNKTYPE),
                           ("lonely.jpg", tarfile.SYMTYPE), ("dir", tarfile.DIRTYPE), ("x.txt", tarfile.REGTYPE),
                           ("__hidden.txt", tarfile.REGTYPE), ("__hidden.png", tarfile.SYMTYPE),
                           ("bad\udcff.jpg", tarfile.SYMTYPE)]:
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "../../etc/passwd" if kind != tarfile.REGTYPE else ""
            data = b"a cat on a mat" if kind == tarfile.REGTYPE else b""
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    samples = list(read_wds(str(path)))
    assert [(s.original, s.reject) for s in samples] == [
        ("__hidden", "unsupported_member"), ("lonely", "unsupported_member"), ("x", None),
        ("__hidden", "duplicate_key"), ("bad\udcff", "unsupported_member")]       # the first reason found stands
    assert samples[0].raw == "__hidden.jpg: hard link to ../../etc/passwd"
    assert samples[-1].raw == "bad\ufffd.jpg: symlink to ../../etc/passwd"           # UTF-8 output can hold it
    assert len({s.key for s in samples}) == len(samples) and not samples[0].key.startswith("_")


def test_truncated_tar_ends_with_a_corrupt_tar_record(tmp_path):
    samples = list(read_wds(str(make_shard(tmp_path / "00000.tar", truncate=True))))
    assert samples[-1].reject == "corrupt_tar" and len(samples) <= len(SAMPLES) + 1


@pytest.fixture()
def image_shards(tmp_path):
    d = tmp_path / "images"
    d.mkdir()
    make_shard(d / "00000.tar")
    make_shard(d / "00001.tar", [("000000020", "two dogs lying on a green couch")])
    return d


def test_sidecar_shards_line_up_with_image_shards(image_shards, tmp_path):
    out = tmp_path / "side"
    assert cli.main(["run", "--input", str(image_shards / "*.tar"), "--output", str(out)]) == 0
    assert sorted(p.name for p in out.glob("*.tar")) == ["00000.tar", "00001.tar"]
    samples = list(wds.WebDataset(str(out / "00000.tar"), shardshuffle=False).decode())
    assert [s["__key__"] for s in samples] == ["000000010", "000000012"]
    assert {k for k in samples[0] if not k.startswith("__")} == {"sg.json"}     # no image shard's member name
    stats = json.loads((out / "stats.json").read_text())
    assert (stats["input_records"], stats["written"], stats["rejected"]) == (
        5, 3, {"empty_caption": 1, "missing_caption": 1})
    assert cli.main(["validate", str(out)]) == 0


def test_augment_mode_carries_image_bytes_and_adds_records(image_shards, tmp_path):
    out = tmp_path / "aug"
    assert cli.main(["run", "--preset", "img2dataset", "--mode", "augment",
                     "--input", str(image_shards / "*.tar"), "--output", str(out)]) == 0
    samples = list(wds.WebDataset(str(out / "00000.tar"), shardshuffle=False))
    assert [s["__key__"] for s in samples] == [k for k, _ in SAMPLES]
    assert samples[0]["jpg"] == b"\xff\xd8fake-jpeg-000000010"
    assert json.loads(samples[0]["sg.json"])["caption"] == "a red car next to a blue house"
    assert "sg.json" not in samples[1]                      # rejected: kept as it was
    assert cli.main(["validate", str(out)]) == 0


def test_mode_needs_matching_input(tmp_path, capsys):
    src = tmp_path / "c.tsv"
    src.write_text("a cat\n")
    assert cli.main(["run", "--input", str(src), "--mode", "sidecar", "--output", str(tmp_path / "o")]) == 2
    assert "img2dataset" in capsys.readouterr().err
