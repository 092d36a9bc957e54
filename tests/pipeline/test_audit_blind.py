"""`sgshards audit --blind`: both blind models on a run's shards and on hand-written records,
the --json keys, sampling options, determinism and usage errors."""
import json
import random

import pytest

from sgshards.pipeline.commands import cli

CAPTIONS = ["a red car next to a blue house", "a man riding an elephant", "A cat sitting on a wooden table.",
            "two dogs lying on a green couch", "a woman holding a yellow umbrella on the street",
            "a boy throwing a ball to a brown dog", "very nice"]
WORDS = ["dog", "cat", "red", "blue", "table", "man", "woman", "car", "house", "tree", "green", "ball"]


def blind_json(capsys, *argv):
    capsys.readouterr()
    assert cli.main(["audit", *argv, "--blind", "--json"]) == 0
    return json.loads(capsys.readouterr().out)["blind"]


@pytest.fixture(scope="module")
def shards(tmp_path_factory):
    d = tmp_path_factory.mktemp("blind")
    src = d / "c.tsv"
    src.write_text("".join(f"{c}\thttp://x\n" for c in CAPTIONS))
    assert cli.main(["run", "--input", str(src), "--output", str(d / "out"), "--samples-per-shard", "3"]) == 0
    return d / "out"


def test_blind_audit_of_a_runs_shards(shards, capsys):
    report = blind_json(capsys, str(shards))
    assert set(report) == {"captions", "pairs", "language_model", "classifier"}
    assert report["captions"] == 6
    pairs = report["pairs"]
    assert pairs["total"] == pairs["scored"] == sum(pairs["per_type"].values()) > 0
    for model in ("language_model", "classifier"):
        assert 0.0 <= report[model]["overall"] <= 1.0
        assert set(report[model]["per_type"]) == set(pairs["per_type"])
    assert blind_json(capsys, str(shards)) == report                  # deterministic
    assert blind_json(capsys, str(shards), "--blind-pairs", "3")["pairs"]["scored"] == 3
    assert cli.main(["audit", str(shards), "--blind"]) == 0
    out = capsys.readouterr().out
    assert "defects: none" in out and "| type | pairs | language model | classifier |" in out


def test_blind_audit_of_handwritten_records_with_a_giveaway_word(tmp_path, capsys):
    rng = random.Random(5)
    lines = []
    for i in range(150):
        caption = " ".join(rng.choice(WORDS) for _ in range(6))
        negative = caption.split()
        negative[rng.randrange(6)] = "zz"
        lines.append(json.dumps({
            "key": f"{i:06d}", "caption": caption, "scene_graph": {"objects": [], "relations": []},
            "positives": [{"text": caption, "kind": "caption", "objects": [], "relations": []}],
            "negatives": [{"text": " ".join(negative), "type": "object_replace", "positive": 0, "edits": []}]}))
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = blind_json(capsys, str(path), "--blind-pairs", "100")
    assert report["pairs"] == {"total": 150, "scored": 100, "per_type": {"object_replace": 100}}
    # "zz" is in no caption: the caption n-gram model prefers every positive; the classifier learns it
    assert report["language_model"]["overall"] == 1.0
    assert report["classifier"]["overall"] > 0.95 and report["classifier"]["folds"] == 5
    assert blind_json(capsys, str(path), "--blind-all")["pairs"]["scored"] == 150


@pytest.mark.parametrize("argv", [["--blind-pairs", "5"], ["--blind-all"], ["--blind", "--blind-pairs", "0"]])
def test_blind_options_need_blind_and_a_positive_count(shards, argv, capsys):
    assert cli.main(["audit", str(shards), *argv]) == 2
    assert "sgshards: error: --blind" in capsys.readouterr().err
