"""`sgshards validate` finds what is wrong with an output directory."""
import io
import json
import tarfile

import pytest

from sgshards.pipeline.commands import cli
from sgshards.pipeline.commands.validate import validate


@pytest.fixture(scope="module")
def good_run(tmp_path_factory):
    src = tmp_path_factory.mktemp("in") / "c.tsv"
    src.write_text("a red car next to a blue house\nthe dog on a sofa\n\nan old man holding a cup\n")
    out = tmp_path_factory.mktemp("out")
    assert cli.main(["run", "--input", str(src), "--output", str(out), "--samples-per-shard", "2",
                     "--overwrite"]) == 0
    return out


def copy(src, dst):
    for p in src.rglob("*"):
        if p.is_file():
            target = dst / p.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(p.read_bytes())
    return dst


def test_a_fresh_run_validates(good_run, capsys):
    report = validate(str(good_run))
    assert report.ok and (report.shards, report.samples) == (2, 3)
    assert cli.main(["validate", str(good_run)]) == 0
    assert "2 shard(s), 3 sample(s): OK" in capsys.readouterr().out


def test_sizes_mismatch_and_bad_record_are_reported(good_run, tmp_path, capsys):
    out = copy(good_run, tmp_path / "bad")
    sizes = json.loads((out / "sizes.json").read_text())
    sizes["00000.tar"] += 1
    (out / "sizes.json").write_text(json.dumps(sizes))
    buf = io.BytesIO()                                 # a shard whose record breaks the schema
    with tarfile.open(out / "00001.tar") as tar, tarfile.open(fileobj=buf, mode="w") as new:
        for m in tar.getmembers():
            data = tar.extractfile(m).read()
            if m.name.endswith(".json"):
                record = json.loads(data)
                record["negatives"] = [{"text": "x", "type": "made_up", "positive": 0}]
                data = json.dumps(record).encode()
                m.size = len(data)
            new.addfile(m, io.BytesIO(data))
    (out / "00001.tar").write_bytes(buf.getvalue())
    report = validate(str(out))
    text = report.format()
    assert not report.ok
    assert "00000.tar: 2 samples, sizes.json says 3" in text
    assert "negatives/0/type" in text
    assert cli.main(["validate", str(out)]) == 1


def test_truncated_shard_is_a_problem_not_a_crash(good_run, tmp_path):
    out = copy(good_run, tmp_path / "cut")
    with tarfile.open(out / "00000.tar") as tar:         # cut inside a member's data, whatever the content
        member = [m for m in tar.getmembers() if m.size > 2][1]
    data = (out / "00000.tar").read_bytes()
    (out / "00000.tar").write_bytes(data[: member.offset_data + member.size // 2])
    report = validate(str(out))
    assert not report.ok and "00000.tar: unreadable after" in report.format()


# -- every check of validate, each by a damage only it reports -----------------------------------

def members(path):
    with tarfile.open(path) as tar:
        return [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]


def write_tar(path, items):
    """A tar as sgshards writes it (end-of-archive included), so only the intended damage shows."""
    from sgshards.pipeline.outputs.shards import TarStream

    with open(path, "wb") as f:
        stream = TarStream(f)
        for name, data in items:
            stream.add(name, data)
        stream.close()


def edit_members(path, edit):
    write_tar(path, [item for name, data in members(path) if (item := edit(name, data)) is not None])


def edit_json(path, edit):
    def apply(p):
        value = json.loads(p.read_text())
        edit(value)
        p.write_text(json.dumps(value))
    return apply(path)


def members_end(path) -> int:
    *_, (name, data) = members(path)
    with tarfile.open(path) as tar:
        last = tar.getmembers()[-1]
    return last.offset_data + len(data) + (-len(data) % 512)


def flip_negative_text(out):
    """One changed byte inside a negative's text: valid JSON, valid record, same size."""
    def edit(name, data):
        record = json.loads(data)
        if name.endswith(".json") and record["negatives"]:
            text = record["negatives"][0]["text"]
            changed = text[:-1] + ("X" if text[-1] != "X" else "Y")
            return name, data.replace(json.dumps(text).encode(), json.dumps(changed).encode(), 1)
        return name, data
    edit_members(out / "00000.tar", lambda name, data: edit(name, data) if name.endswith(".json") else (name, data))


def index_status_changed(out):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sgshards.schemas.export import INDEX_SCHEMA

    rows = pq.read_table(out / "00000_index.parquet").to_pylist()
    rows[0]["status"] = "lost"
    pq.write_table(pa.Table.from_pylist(rows, schema=INDEX_SCHEMA), out / "00000_index.parquet")


def rewrite_member(wanted, new):
    return lambda name, data: (name, new(data)) if name == wanted else (name, data)


DAMAGE = {   # name: (damage to a copy of good_run, the problem validate must report)
    "run not finished": (lambda out: (out / "stats.json").unlink(), "missing sizes.json or stats.json"),
    "duplicate key": (lambda out: write_tar(out / "00001.tar", members(out / "00000.tar") + members(out / "00001.tar")),
                      "00001.tar: duplicate key 000000000"),
    "member missing": (lambda out: edit_members(out / "00000.tar", lambda n, d: ("000000001.jpg", d)
                                                if n == "000000001.sg.json" else (n, d)),
                       "00000.tar: 000000001 lacks .sg.json (has ['jpg'])"),
    "member beside the record": (lambda out: write_tar(out / "00000.tar", members(out / "00000.tar")
                                                       + [("000000001.txt", b"x")]),
        "00000.tar: 000000001 has members ['sg.json', 'txt'], a sidecar sample only .sg.json"),
    "record not JSON": (lambda out: edit_members(out / "00000.tar", rewrite_member("000000001.sg.json", lambda d: b"{nope")),
                        "00000.tar: 000000001.sg.json is not JSON"),
    "record key differs": (lambda out: edit_members(out / "00000.tar", rewrite_member(
        "000000001.sg.json", lambda d: d.replace(b'"key":"000000001"', b'"key":"000000009"'))),
        "00000.tar: 000000001.sg.json has key '000000009'"),
    "sizes.json lists a missing shard": (lambda out: edit_json(out / "sizes.json", lambda v: v.update({"00007.tar": 1})),
                                         "sizes.json lists 00007.tar, which is missing"),
    "stats written": (lambda out: edit_json(out / "stats.json", lambda v: v.update(
        written=v["written"] + 1, input_records=v["input_records"] + 1)), "stats.json says 4 written, shards hold 3"),
    "stats not conserved": (lambda out: edit_json(out / "stats.json", lambda v: v.update(input_records=9)),
                            "stats.json: input_records != written + rejected"),
    "index missing": (lambda out: (out / "00000_index.parquet").unlink(), "00000.tar: no 00000_index.parquet"),
    "index written": (index_status_changed, "00000.tar: index has 1 written, shard holds 2"),
    "dead letters deleted": (lambda out: (out / "dead_letters" / "00001.jsonl").unlink(),
                             "00001.tar: index has 1 rejected, dead letters hold 0"),
    "recorded file missing": (lambda out: (out / "dead_letters" / "00001.jsonl").unlink(),
                              "dead_letters/00001.jsonl: missing or unreadable, 00001_stats.json records it"),
    "unrecorded file": (lambda out: (out / "dead_letters" / "00000.jsonl").write_text(""),
                        "dead_letters/00000.jsonl: not recorded in 00000_stats.json"),
    "marker records a foreign path": (lambda out: edit_json(out / "00000_stats.json", lambda v: v["files"].update(
        {"../../etc/passwd": {"size": 1, "sha256": "0"}})), "00000_stats.json records '../../etc/passwd'"),
    "marker not JSON": (lambda out: (out / "00000_stats.json").write_text("{"), "00000_stats.json: not a JSON object"),
    "sizes.json not JSON": (lambda out: (out / "sizes.json").write_text("[]"), "sizes.json: not a JSON object"),
    "marker counts": (lambda out: edit_json(out / "00000_stats.json", lambda v: v.update(written=5)),
                      "00000_stats.json says 5 written, 00000.tar holds 2"),
    "marker missing": (lambda out: (out / "00000_stats.json").unlink(), "00000.tar: no 00000_stats.json"),
    "marker without checksums": (lambda out: edit_json(out / "00000_stats.json", lambda v: v.pop("files")),
                                 "00000_stats.json records no checksums"),
    "tar missing": (lambda out: (out / "00000.tar").unlink(), "00000_stats.json: 00000.tar is missing"),
    "one byte of a negative's text": (flip_negative_text,
                                      "00000.tar: sha256 differs from the one 00000_stats.json recorded"),
    "zeros appended": (lambda out: (out / "00000.tar").write_bytes((out / "00000.tar").read_bytes() + bytes(512)),
                       "00000.tar: 10752 bytes, 00000_stats.json records 10240"),
    "no end-of-archive": (lambda out: (out / "00000.tar").write_bytes(
        (out / "00000.tar").read_bytes()[:members_end(out / "00000.tar")]), "00000.tar: does not end with the end-of-archive"),
    "shard that cannot be opened": (lambda out: (out / "00002.tar").mkdir(), "00002.tar: unreadable (IsADirectoryError"),
    "data after end-of-archive": (lambda out: (out / "00000.tar").write_bytes(
        (out / "00000.tar").read_bytes() + b"appended"), "00000.tar: does not end with the end-of-archive"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_each_check_reports_its_damage(good_run, tmp_path, damage):
    out = copy(good_run, tmp_path / "out")
    spoil, problem = DAMAGE[damage]
    spoil(out)
    report = validate(str(out))
    assert problem in report.format(), report.format()
    assert not report.ok
    if damage == "one byte of a negative's text":           # only the checksum sees it
        assert report.problem_count == 1, report.format()


def test_a_missing_output_is_reported(tmp_path):
    report = validate(str(tmp_path / "nowhere"))
    assert not report.ok and "does not exist" in report.format()


def test_export_parts_are_checked_against_their_checksums(tmp_path):
    src = tmp_path / "c.tsv"
    src.write_text("a red car next to a blue house\nthe dog on a sofa\n")
    out, export = tmp_path / "out", tmp_path / "export"
    assert cli.main(["run", "--input", str(src), "--output", str(out), "--export-parquet", str(export)]) == 0
    assert validate(str(out)).ok
    part = export / "part-00000.parquet"
    data = bytearray(part.read_bytes())
    data[len(data) // 2] ^= 1
    part.write_bytes(bytes(data))
    assert f"{export}/part-00000.parquet: sha256 differs" in validate(str(out)).format()
    edit_json(out / "00000_stats.json", lambda v: v.pop("export_files"))
    assert f"{export}/part-00000.parquet: not recorded in 00000_stats.json" in validate(str(out)).format()


def to_schema_1_layout(out):
    """An output as sgshards wrote it before schema 2.0: {key}.json + {key}.txt per sample."""
    import hashlib

    for tar in sorted(out.glob("*.tar")):
        items = []
        for name, data in members(tar):
            record = json.loads(data)
            record["schema_version"] = "1.0"
            key = name.split(".")[0]
            items += [(f"{key}.json", json.dumps(record).encode()), (f"{key}.txt", record["caption"].encode())]
        write_tar(tar, items)
        data = tar.read_bytes()
        edit_json(out / f"{tar.stem}_stats.json", lambda v: v["files"].update(
            {tar.name: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}}))
    edit_json(out / "manifest.json", lambda v: v.update(schema_version="1.0"))


def test_schema_1_outputs_still_validate_and_audit(good_run, tmp_path, capsys):
    out = copy(good_run, tmp_path / "old")
    to_schema_1_layout(out)
    assert validate(str(out)).ok, validate(str(out)).format()
    assert cli.main(["audit", str(out)]) == 0
    from sgshards.pipeline.commands.audit import iter_records
    assert len(list(iter_records(str(out)))) == 3
    edit_members(out / "00000.tar", rewrite_member("000000001.txt", lambda d: d + b"!"))
    assert "00000.tar: 000000001.txt differs from the record's caption" in validate(str(out)).format()
    edit_members(out / "00000.tar", lambda n, d: None if n == "000000001.txt" else (n, d))
    assert "00000.tar: 000000001 lacks .json or .txt" in validate(str(out)).format()
