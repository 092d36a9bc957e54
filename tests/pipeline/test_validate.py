"""`sgshards validate` finds what is wrong with an output directory."""
import io
import json
import tarfile

import pytest

from sgshards.pipeline import cli
from sgshards.pipeline.validate import validate


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
    data = (out / "00000.tar").read_bytes()
    (out / "00000.tar").write_bytes(data[: len(data) // 3])
    report = validate(str(out))
    assert not report.ok and "00000.tar" in report.format()
