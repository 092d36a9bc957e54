"""The Beam composition on a TestPipeline (DirectRunner)."""
import json

import apache_beam as beam
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to
import pytest

from sgshards.pipeline.inputs import sources
from sgshards.pipeline.engines.beam import RunConfig, build
from sgshards.pipeline.engines.plan import plan

pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestCollectionWarning")
CAPTIONS = ["a red car next to a blue house", "a man riding a brown horse", "",
            "a cat sitting on a wooden table", "two dogs playing in the snow"]


def test_pipeline_writes_every_record_or_a_reason(tmp_path):
    src = tmp_path / "in.tsv"
    src.write_text("".join(f"{c}\thttp://x/{i}.jpg\n" for i, c in enumerate(CAPTIONS)))
    out = tmp_path / "out"
    tasks = plan([str(src)], sources.InputSpec("tsv", 0, 1), 2)
    with TestPipeline() as p:
        stats = build(p, tasks, RunConfig(output=str(out), samples_per_shard=2))
        assert_that(stats | beam.Map(lambda s: (s["input_records"], s["written"], s["rejected"], s["conserved"])),
                    equal_to([(5, 4, {"empty_caption": 1}, True)]))
    assert sorted(p.name for p in out.glob("*.tar")) == ["00000.tar", "00001.tar", "00002.tar"]
    assert json.loads((out / "sizes.json").read_text()) == {"00000.tar": 2, "00001.tar": 1, "00002.tar": 1}
    letter = json.loads((out / "dead_letters" / "00001.jsonl").read_text())
    assert (letter["key"], letter["reason"], letter["stage"]) == ("000000002", "empty_caption", "normalize")


def test_duplicate_user_keys_are_rejected_after_the_first(tmp_path):
    src = tmp_path / "keyed.tsv"
    src.write_text("k1\ta red car\nk2\ta blue bus\nk1\ta green tree\n")
    out = tmp_path / "out"
    tasks = plan([str(src)], sources.InputSpec("tsv", 1, None, 0), 2)
    with TestPipeline() as p:
        stats = build(p, tasks, RunConfig(output=str(out), samples_per_shard=2), check_duplicate_keys=True)
        assert_that(stats | beam.Map(lambda s: (s["written"], s["rejected"])),
                    equal_to([(2, {"duplicate_key": 1})]))
    letter = json.loads((out / "dead_letters" / "00001.jsonl").read_text())
    assert (letter["key"], letter["index"], letter["reason"]) == ("k1", 2, "duplicate_key")
