"""--export-parquet: the reusable negative-caption dataset, read by pyarrow, pandas and HF datasets."""
import json

import pyarrow.dataset as ds
import pytest

from sgshards.pipeline.commands import cli

CAPTIONS = ["a red car next to a blue house", "a man riding an elephant", "",
            "A cat sitting on a wooden table.", "two dogs lying on a green couch"]


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    d = tmp_path_factory.mktemp("export")
    src = d / "c.tsv"
    src.write_text("".join(f"{c}\thttp://x/{i}\n" for i, c in enumerate(CAPTIONS)))
    out, parquet = d / "out", d / "negatives"
    assert cli.main(["run", "--input", str(src), "--output", str(out), "--samples-per-shard", "2",
                     "--export-parquet", str(parquet)]) == 0
    return out, parquet


def records(out):
    from sgshards.pipeline.commands.audit import iter_records
    return list(iter_records(str(out)))


def test_one_row_per_positive_and_negative_with_provenance(export):
    out, parquet = export
    table = ds.dataset(str(parquet), format="parquet", exclude_invalid_files=True).to_table()   # not the card
    assert sorted(p.name for p in parquet.iterdir()) == ["README.md", "part-00000.parquet", "part-00001.parquet",
                                                        "part-00002.parquet"]
    recs = records(out)
    assert table.num_rows == sum(len(r["positives"]) + len(r["negatives"]) for r in recs)
    rows = table.to_pylist()
    neg = next(r for r in rows if r["role"] == "negative" and r["type"] == "attribute_swap")
    assert (neg["caption"], neg["text"]) == ("a red car next to a blue house", "a blue car next to a red house")
    assert neg["positive_text"] == "a red car next to a blue house" and neg["edits"]
    assert {r["role"] for r in rows} == {"positive", "negative"}
    score = {r["key"]: r["scene_score"] for r in recs}           # each row carries its record's score
    assert all(score[r["key"]] is not None for r in rows)
    assert all(abs(r["scene_score"] - score[r["key"]]) < 1e-6 for r in rows)      # float32 in Parquet


def test_pandas_and_hf_datasets_read_it(export):
    pd = pytest.importorskip("pandas")
    _, parquet = export
    frame = pd.read_parquet(sorted(parquet.glob("part-*.parquet")))          # as the README shows
    assert set(frame.columns) >= {"key", "text", "role", "type", "positive", "positive_text", "edits"}
    datasets = pytest.importorskip("datasets")
    hf = datasets.load_dataset("parquet", data_files=str(parquet / "*.parquet"), split="train")
    assert hf.num_rows == len(frame)
    assert set(hf.unique("role")) == {"positive", "negative"}


def test_export_is_part_of_the_resume_contract(export, capsys):
    out, parquet = export
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["export_parquet"] == str(parquet)
