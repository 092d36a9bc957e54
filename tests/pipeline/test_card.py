"""The --export-parquet folder's dataset card: Hugging Face's loader reads the folder with the
card's features; a README.md that is not sgshards' is never replaced."""
import pytest

from sgshards.pipeline.commands import cli
from sgshards.pipeline.outputs.card import CARD_FILE, features, yaml
from sgshards.schemas.export import EXPORT_SCHEMA

datasets = pytest.importorskip("datasets")


def run(tmp_path, *extra):
    src = tmp_path / "c.txt"
    src.write_text("a red car next to a blue house\na brown dog sitting on a wooden bench\n\n")
    return cli.main(["run", "--input", str(src), "--output", str(tmp_path / "out"), "--export-parquet",
                     str(tmp_path / "export"), "--quiet", *extra])


def test_the_export_loads_with_the_cards_features_and_counts(tmp_path):
    from huggingface_hub import DatasetCard

    assert run(tmp_path) == 0
    card = DatasetCard.load(tmp_path / "export" / CARD_FILE)
    declared = datasets.Features._from_yaml_list(card.data.dataset_info["features"])
    assert declared == datasets.Features.from_arrow_schema(EXPORT_SCHEMA)
    assert card.data.configs[0]["data_files"][0]["path"] == "part-*.parquet"
    assert card.data.license == "other"
    loaded = datasets.load_dataset(str(tmp_path / "export"))["train"]
    assert loaded.features == declared
    text = (tmp_path / "export" / CARD_FILE).read_text()
    assert f"{len(loaded):,} rows from 2 captions" in text
    negatives = sum(r == "negative" for r in loaded["role"])
    counted = sum(int(line.split("|")[2].replace(",", "")) for line in text.splitlines()
                  if line.startswith("| ") and line.split("|")[1].strip() in
                  ("attribute_swap", "relation_swap", "attribute_replace", "relation_replace",
                   "object_replace", "object_swap"))
    assert counted == negatives > 0
    assert "1 rejected with a reason" in text and "min confidence 0.7" in text


def test_a_readme_that_is_not_sgshards_is_kept(tmp_path, capsys):
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / CARD_FILE).write_text("my notes\n")
    for extra, refusal in (((), "holds files no sgshards manifest lists (README.md)"),
                           (("--overwrite",), "holds files no sgshards manifest lists (README.md)"),
                           (("--allow-other-files",), "already holds README.md, not written by sgshards")):
        assert run(tmp_path, *extra) == 2
        assert refusal in capsys.readouterr().err
    assert (tmp_path / "export" / CARD_FILE).read_text() == "my notes\n"


def test_a_rerun_replaces_its_own_card(tmp_path):
    assert run(tmp_path) == 0
    (tmp_path / "export" / CARD_FILE).write_text("stale\n")
    assert run(tmp_path, "--overwrite") == 0
    assert (tmp_path / "export" / CARD_FILE).read_text().startswith("---\nlicense:")


def test_yaml_of_nested_features_reads_back():
    yaml_lib = pytest.importorskip("yaml")
    assert yaml_lib.safe_load(yaml({"features": features()})) == {"features": features()}
    assert yaml_lib.safe_load(yaml({"a": [], "b": {}, "c": "x: y", "d": [1, "two"]})) == \
        {"a": [], "b": {}, "c": "x: y", "d": [1, "two"]}
