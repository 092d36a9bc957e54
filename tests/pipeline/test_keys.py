"""Keys and member names: safe, bounded, injective, from every source; no sample lost."""
import io
import json
import random
import re
import tarfile
from collections import Counter

import pyarrow.parquet as pq
import pytest

from sgshards.pipeline.commands import cli
from sgshards.schemas.keys import MAX_KEY, default_key, reserved_key, safe_key, source_with_key
from sgshards.schemas.graph import SceneGraph
from sgshards.schemas.jsonschema import record_errors
from sgshards.schemas.record import SampleRecord, dumps_bytes

SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
TAR_NAME_FIELD = 100
CAPTION = "a red car next to a blue house"


def assert_safe(key):
    assert SAFE.fullmatch(key) and len(key) <= MAX_KEY, key


# -- the key function ----------------------------------------------------------------

def test_ordinary_keys_are_kept():
    for key in ["000000123", default_key(42), "img_7", "a-b", "A9", "x" * MAX_KEY]:
        assert safe_key(key) == key


@pytest.mark.parametrize("original", ["猫", "a.b", "a/b", "../../etc/evil", "/abs/path", "__hidden", "_x",
                                      "-x", "a--b", " a", "", "x" * (MAX_KEY + 1), "x" * 5000, "\x00", "\ud800"])
def test_unsafe_keys_are_encoded_safe_and_bounded(original):
    key = safe_key(original)
    assert_safe(key)
    assert key != original and "--" in key


def test_distinct_lookalikes_stay_distinct():
    originals = ["猫", "犬", "a.b", "a/b", "a_b", "a b", "a\tb", "a-b", "a--b", "a__b", "_a_b", "a_b_", "A_B",
                 "x" * 5000, "x" * 5001, "x" * 4999 + "y"]
    keys = [safe_key(k) for k in originals]
    assert len(set(keys)) == len(originals)


def test_random_strings_give_distinct_safe_keys():
    """Property: over strings built to look alike (shared prefixes, the same letters with
    different separators, long runs), distinct originals give distinct safe keys."""
    rng = random.Random(13)
    alphabet = "ab0_-./ \t\\:猫é\x00"
    originals = {"".join(rng.choice(alphabet) for _ in range(rng.choice([1, 2, 3, 5, 70, 300])))
                 for _ in range(20000)}
    keys = {}
    for original in originals:
        key = safe_key(original)
        assert_safe(key)
        assert keys.setdefault(key, original) == original, (key, original)


@pytest.fixture()
def sample_record():
    return SampleRecord(key="k", caption="a car", scene_graph=SceneGraph()).to_json()


def test_original_key_is_recorded_as_utf8_text():
    source = source_with_key({"file": "f", "row": 0}, "a\udc80b", safe_key("a\udc80b"))
    assert dumps_bytes({"source": source}).decode("utf-8") == '{"source":{"file":"f","key":"a\ufffdb","row":0}}'
    assert source_with_key({"row": 0}, "k1", "k1") == {"row": 0}


def test_record_schema_takes_safe_keys_only(sample_record):
    for key in [safe_key(k) for k in ["000000001", "猫", "x" * 5000, "a/b", "__x"]]:
        assert record_errors({**sample_record, "key": key}) == []
    for key in ["a.b", "a/b", "__x", "-x", "x" * (MAX_KEY + 1), ""]:
        assert record_errors({**sample_record, "key": key}), key


def test_reserved_keys_are_no_user_key():
    key = reserved_key(4, "nokey")
    assert_safe(key)
    assert key != safe_key(key) and key != default_key(4)       # a user key equal to it is encoded
    with pytest.raises(ValueError):
        reserved_key(4, "0123456789abcdef")


# -- caption tables with --key-column -------------------------------------------------

def written_records(out, member="json"):
    records = []
    for path in sorted(out.glob("*.tar")):
        with tarfile.open(path) as tar:
            records += [json.loads(tar.extractfile(m).read()) for m in tar if m.name.endswith(f".{member}")]
    return records


def dead_letters(out):
    return [json.loads(line) for p in sorted((out / "dead_letters").glob("*.jsonl"))
            for line in p.read_text().splitlines()]


def index_rows(out):
    return [r for p in sorted(out.glob("*_index.parquet")) for r in pq.read_table(p).to_pylist()]


def assert_member_names_safe(out, tmp_path):
    """Every member name is one safe key plus an extension, fits tar's name field, and
    extracts inside the target directory."""
    for path in sorted(out.glob("*.tar")):
        with tarfile.open(path) as tar:
            for member in tar:
                stem = member.name.split(".", 1)[0]
                assert "/" not in member.name and not member.name.startswith(("__", "-", "."))
                assert SAFE.fullmatch(stem) and len(member.name.encode()) <= TAR_NAME_FIELD, member.name
                assert member.isreg()
            target = tmp_path / "extract" / path.stem
            tar.extractall(target, filter="data")        # raises for a name outside target
        assert all(p.resolve().is_relative_to(target.resolve()) for p in target.rglob("*"))


TABLE_KEYS = ["猫", "犬", "a.b", "a/b", "", "a_b", "000000004", "x" * 5000, "  ", "a.b"]


def test_key_column_keys_are_distinct_kept_and_extractable(tmp_path):
    src = tmp_path / "keys.tsv"
    src.write_text("".join(f"{k}\t{CAPTION}\n" for k in TABLE_KEYS), encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["run", "--input", str(src), "--input-format", "tsv", "--caption-column", "1",
                     "--key-column", "0", "--output", str(out), "--samples-per-shard", "4"]) == 0
    stats = json.loads((out / "stats.json").read_text())
    assert stats["conserved"] and stats["rejected"] == {"missing_key": 2, "duplicate_key": 1}
    records = written_records(out)
    originals = [r["source"].get("key", r["key"]) for r in records]
    assert sorted(originals) == sorted(k for k in dict.fromkeys(TABLE_KEYS) if k.strip())
    assert len({r["key"] for r in records}) == len(records)
    letters = {(d["index"], d["reason"]) for d in dead_letters(out)}
    assert letters == {(4, "missing_key"), (8, "missing_key"), (9, "duplicate_key")}
    assert len(index_rows(out)) == len(TABLE_KEYS)
    assert_member_names_safe(out, tmp_path)
    assert cli.main(["validate", str(out)]) == 0


# -- img2dataset shards with hostile member names --------------------------------------

def _add(tar, name, data=None, kind=tarfile.REGTYPE, link=""):
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    info.size = len(data) if data is not None else 0
    tar.addfile(info, io.BytesIO(data) if data is not None else None)


# (member stem, members, expected reason); the tar also holds a directory entry
HOSTILE = [("000000001", ["jpg", "txt"], None), ("../../etc/evil", ["jpg", "txt"], None),
           ("/abs/path", ["txt"], None), ("__hidden", ["jpg", "txt"], None), ("dir/x", ["jpg", "txt"], None),
           ("x", ["txt"], None), ("猫", ["jpg", "txt"], None), ("y" * 300, ["jpg", "txt"], None),
           ("link", ["txt", "jpg -> /etc/passwd"], "unsupported_member"), ("", ["txt"], "missing_key"),
           ("twice", ["txt", "txt"], "duplicate_member"), ("000000001", ["txt"], "duplicate_key"),
           ("", ["jpg", "txt"], "missing_key")]


def image_bytes(stem):
    return b"\xff\xd8fake-jpeg-" + stem.encode()


def hostile_shard(path):
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        _add(tar, "dir", kind=tarfile.DIRTYPE)
        for stem, exts, _ in HOSTILE:
            for ext in exts:
                if "->" in ext:
                    _add(tar, f"{stem}.jpg", kind=tarfile.SYMTYPE, link=ext.split("-> ")[1])
                else:
                    _add(tar, f"{stem}.{ext}", image_bytes(stem) if ext == "jpg" else CAPTION.encode())
    return path


@pytest.mark.parametrize("mode", ["sidecar", "augment"])
def test_hostile_member_names_are_safe_and_every_sample_is_accounted(tmp_path, mode):
    images = tmp_path / "images"
    images.mkdir()
    hostile_shard(images / "00000.tar")
    out = tmp_path / "out"
    assert cli.main(["run", "--preset", "img2dataset", "--mode", mode, "--input", str(images / "*.tar"),
                     "--output", str(out)]) == 0
    stats = json.loads((out / "stats.json").read_text())
    expected = Counter(reason for _, _, reason in HOSTILE if reason)
    assert stats["conserved"] and stats["input_records"] == len(HOSTILE)
    assert (stats["written"], stats["rejected"]) == (len(HOSTILE) - sum(expected.values()), dict(expected))

    records = written_records(out, "sg.json" if mode == "augment" else "json")
    letters = dead_letters(out)
    accounted = [r["source"].get("key", r["key"]) for r in records] + [d["source"].get("key", d["key"])
                                                                       for d in letters]
    assert sorted(accounted) == sorted(stem for stem, _, _ in HOSTILE)
    rows = index_rows(out)
    assert len(rows) == len(HOSTILE) and len({r["key"] for r in rows}) == len(rows)
    assert_member_names_safe(out, tmp_path)
    if mode == "augment":                                # the images travel under the safe key
        with tarfile.open(out / "00000.tar") as tar:
            for stem in ("../../etc/evil", "__hidden", "dir/x", "猫", "y" * 300):
                assert tar.extractfile(f"{safe_key(stem)}.jpg").read() == image_bytes(stem)
    assert cli.main(["validate", str(out)]) == 0
