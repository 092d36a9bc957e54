"""Input presets: CC3M, CC-12M, LAION parquet with download status, YFCC metadata."""
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sgshards.pipeline.commands import cli
from sgshards.pipeline.inputs import presets
from sgshards.pipeline.inputs import sources
from sgshards.pipeline.engines.plan import plan, task_items


def items(path, spec, per_shard=100):
    return [it for t in plan([str(path)], spec, per_shard) for it in task_items(t)]


def test_cc_presets_pick_their_columns(tmp_path):
    cc12m, cc3m = tmp_path / "a.tsv", tmp_path / "b.tsv"
    cc12m.write_text("http://x/1.jpg\ta dog on a couch\n")
    cc3m.write_text("a dog on a couch\thttp://x/1.jpg\n")
    for path, name in ((cc12m, "cc12m"), (cc3m, "cc3m")):
        (it,) = items(path, presets.preset_spec(name, str(path)))
        assert (it["caption"], it["url"]) == ("a dog on a couch", "http://x/1.jpg")


def test_laion_parquet_rejects_failed_downloads_with_a_reason(tmp_path):
    path = tmp_path / "part.parquet"
    pq.write_table(pa.table({"key": ["000000001", "000000002"], "url": ["u1", "u2"],
                             "caption": ["a red bus", "a green tree"], "status": ["success", "failed_to_download"]}), path)
    spec = presets.preset_spec("laion", str(path))
    assert spec.columns == ("caption", "url", "key", "status")
    got = items(path, spec)
    assert [(it["key"], it["reject"]) for it in got] == [("000000001", None), ("000000002", "download_failed")]


def test_laion_preset_finds_uppercase_columns_or_explains(tmp_path):
    path = tmp_path / "laion.parquet"
    pq.write_table(pa.table({"URL": ["u"], "TEXT": ["a cat"]}), path)
    assert presets.preset_spec("laion", str(path)).columns == ("TEXT", "URL", None, None)
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"link": ["u"]}), bad)
    with pytest.raises(sources.InputError, match="none of the caption columns"):
        presets.preset_spec("laion", str(bad))


YFCC_ROW = ["12345", "1234@N00", "nick", "2009-05-12 10:00:00.0", "1242122400", "Canon",
            "IMG_1234", "A+red+tram+crossing+the+old+bridge+in+Lisbon", "tram,lisbon", "", "", "", "",
            "http://flickr.example/p/12345", "http://farm.example/12345.jpg", "Attribution", "", "1", "2",
            "abc", "def", "jpg", "0"]


def test_yfcc_metadata_chooses_the_caption_and_keys_by_photo_id(tmp_path, capsys):
    path = tmp_path / "yfcc.tsv"
    junk = list(YFCC_ROW)
    junk[0], junk[6], junk[7] = "777", "DSC_0042", ""
    path.write_text("\t".join(YFCC_ROW) + "\n" + "\t".join(junk) + "\nnot a yfcc row\n")
    got = items(path, presets.preset_spec("yfcc15m", str(path)))
    assert [(it["key"], it["caption"], it["reject"]) for it in got] == [
        ("12345", "A red tram crossing the old bridge in Lisbon", None),
        ("777", None, "file_name_or_date"), ("000000002--nokey", None, "malformed_row")]
    assert got[0]["url"] == "http://farm.example/12345.jpg"
    out = tmp_path / "out"
    assert cli.main(["run", "--preset", "yfcc15m", "--input", str(path), "--output", str(out)]) == 0
    stats = json.loads((out / "stats.json").read_text())
    assert (stats["written"], stats["rejected"]) == (1, {"file_name_or_date": 1, "malformed_row": 1})
