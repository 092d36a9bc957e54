"""`sgshards audit` over augment output and shards: counts, coverage, defects, exit status."""
import json

import pytest

from sgshards.pipeline.commands import cli
from sgshards.pipeline.commands.audit import audit_records, iter_records

CAPTIONS = ["a red car next to a blue house", "a man riding an elephant",
            "A cat sitting on a wooden table.", "two dogs lying on a green couch", "very nice"]


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    d = tmp_path_factory.mktemp("audit")
    src = d / "captions.txt"
    src.write_text("\n".join(CAPTIONS) + "\n")
    out = d / "records.jsonl"
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert cli.main(["augment", "--input", str(src)]) == 0
    out.write_text(buf.getvalue())
    return out


def test_clean_output_has_no_defects_and_full_coverage(records, capsys):
    report = audit_records(iter_records(str(records)))
    assert report["captions"] == 4                     # "very nice" has no object: a rejection line, skipped
    assert report["defect_total"] == 0
    assert report["coverage"]["with_attribute_or_relation"] == 100.0
    assert report["per_type"]["attribute_swap"] >= 1 and report["per_type"]["relation_swap"] >= 1
    assert report["word_permutation_share"]["attribute_swap"] == 100.0
    assert cli.main(["audit", str(records)]) == 0
    assert "defects: none" in capsys.readouterr().out


def test_injected_defects_are_found_and_fail_the_audit(records, tmp_path, capsys):
    lines = [json.loads(l) for l in records.read_text().splitlines()]
    first = next(l for l in lines if l.get("negatives"))
    first["negatives"].append({"text": first["caption"].upper(), "type": "object_replace", "positive": 0})
    first["negatives"].append({"text": "an red car next to a blue house .", "type": "attribute_replace",
                               "positive": 0})
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(json.dumps(l) for l in lines) + "\n")
    report = audit_records(iter_records(str(bad)))
    # the upper-cased caption equals the caption and positive 0; "an red ... ." has two defects
    assert report["defects"] == {"negative_equals_caption": 1, "negative_equals_positive": 1,
                                 "article_mismatch": 1, "space_before_punctuation": 1}
    assert cli.main(["audit", str(bad)]) == 1
    assert "DEFECTS" in capsys.readouterr().out


def test_audit_reads_shards(tmp_path):
    src = tmp_path / "c.tsv"
    src.write_text("".join(f"{c}\thttp://x\n" for c in CAPTIONS))
    out = tmp_path / "out"
    assert cli.main(["run", "--input", str(src), "--output", str(out), "--samples-per-shard", "2"]) == 0
    assert audit_records(iter_records(str(out)))["captions"] == 4


def test_audit_reports_the_confidence_distribution(records, capsys):
    report = audit_records(iter_records(str(records)))
    conf = report["confidence"]
    assert conf["objects"]["elements"] == 8 and conf["relations"]["elements"] >= 3
    assert conf["attributes"]["elements"] >= 4 and conf["objects"]["without_confidence"] == 0
    for element in ("objects", "attributes", "relations"):
        q = conf[element]["quantiles"]
        assert 0.0 <= q["p10"] <= q["p25"] <= q["p50"] <= q["p75"] <= q["p90"] <= 1.0
        assert sum(conf[element]["histogram"].values()) == conf[element]["elements"]
        assert list(conf[element]["share_below"]) == ["0.5", "0.6", "0.7", "0.8", "0.9"]
    assert conf["objects"]["share_below"]["0.5"] == 0.0       # plain nouns: FACTUAL train's 0.95
    assert cli.main(["audit", str(records)]) == 0
    out = capsys.readouterr().out
    assert "confidence of the scene-graph elements" in out and "| objects | 8 | 0.95 |" in out


def test_confidence_quantiles_are_exact_and_merge_by_addition():
    from sgshards.pipeline.commands.audit import confidence_summary

    summary = confidence_summary({"0.50": 1, "0.80": 2, "0.95": 7, "none": 2})
    assert summary["elements"] == 12 and summary["without_confidence"] == 2
    assert summary["quantiles"] == {"p10": 0.5, "p25": 0.8, "p50": 0.95, "p75": 0.95, "p90": 0.95}
    assert summary["share_below"]["0.6"] == 10.0 and summary["share_below"]["0.9"] == 30.0
    assert confidence_summary({"none": 3}) == {"elements": 3, "without_confidence": 3}


def test_audit_tabulates_the_scene_scores_against_a_stricter_gate(records, capsys):
    """Per --min-scene-score threshold: the captions below it and the coverage left if they were skipped."""
    lines = [json.loads(l) for l in records.read_text().splitlines()]
    recs = [l for l in lines if "scene_graph" in l]
    assert all(0.5 < r["scene_score"] <= 1.0 for r in recs)               # four plain descriptions
    recs[0] = {**recs[0], "scene_score": 0.25}                            # as if one scored low
    report = audit_records(recs)["scene_score"]
    assert report["captions_scored"] == 4 and sum(report["histogram"].values()) == 4
    assert report["share_below"] == {"0.1": 0.0, "0.2": 0.0, "0.3": 25.0, "0.4": 25.0, "0.5": 25.0}
    covered = 100.0 * sum(bool(r["negatives"]) for r in recs) / 4
    assert report["coverage_at"]["0.2"] == covered and report["coverage_at"]["0.3"] == covered - 25.0
    records_low = records.parent / "low.jsonl"
    records_low.write_text("\n".join(json.dumps(r) for r in recs) + "\n")
    assert cli.main(["audit", str(records_low)]) == 0
    out = capsys.readouterr().out
    assert "| captions below it | 0.0% | 0.0% | 25.0% | 25.0% | 25.0% |" in out
    unscored = audit_records([{k: v for k, v in r.items() if k != "scene_score"} for r in recs])["scene_score"]
    assert unscored["captions_scored"] == 0 and "coverage_at" not in unscored   # records written before it
