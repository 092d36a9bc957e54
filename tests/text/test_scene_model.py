"""The learned scene score (text.scene_model) on real captions: what every suitability rule keeps is
skipped as ``unlikely_scene`` when its P(scene) is below the run's threshold; descriptions stay."""
import json
from importlib import resources

import pytest

from sgshards.augment.core import AugmentOptions, skip_reason
from sgshards.graph import build_graph
from sgshards.schemas.outcomes import REASONS, SKIP_REASONS, STAGE_SUITABILITY, UNLIKELY_SCENE
from sgshards.text.scene_model import DEFAULT_PRIOR, features, scene_probability, shifted
from sgshards.text.suitability import caption_view, unsuitable_reason

# web alt-text rows the rules keep, which a reader calls no scene (a shop title, a quote on a shirt)
NOT_SCENES = ["Chanel Duvet cover Blanket Quilt coverlet Pillow shams 4 PC Bedding SET",
              "Please, don't be dead. #2 T-Shirt"]
# descriptions: CC3M, a web sentence, a stock title
SCENES = ["man in bathrobe lying on a lounge next to pool", "a dog chasing a cat in the park",
          "Young woman feeding sheep", "person walking on the plateau surrounded by smoke due to volcano."]


def _view(parse, caption):
    doc = parse(caption)
    return doc, build_graph(doc)


@pytest.mark.parametrize("caption", NOT_SCENES)
def test_what_the_rules_keep_is_skipped_when_unlikely_a_scene(parse, caption):
    doc, graph = _view(parse, caption)
    assert unsuitable_reason(caption, doc, graph) is None                   # every rule keeps it
    assert unsuitable_reason(caption, doc, graph, min_scene=0.1) == UNLIKELY_SCENE
    assert skip_reason(doc, graph, AugmentOptions(), caption) == UNLIKELY_SCENE      # the default asks
    assert skip_reason(doc, graph, AugmentOptions(min_scene_score=0.0), caption) is None
    assert skip_reason(doc, graph, AugmentOptions(keep_unsuitable=True), caption) is None


@pytest.mark.parametrize("caption", SCENES)
def test_descriptions_stay(parse, caption):
    doc, graph = _view(parse, caption)
    assert scene_probability(caption_view(caption, doc, graph).tokens) > 0.5
    assert skip_reason(doc, graph, AugmentOptions(), caption) is None


def test_the_score_is_a_pure_function_of_the_tokens(parse):
    doc, graph = _view(parse, NOT_SCENES[0])
    tokens = caption_view(NOT_SCENES[0], doc, graph).tokens
    assert features(tokens) == features(list(tokens))
    assert scene_probability(tokens) == scene_probability(tokens) < 0.1
    assert 0.0 < scene_probability(tokens) < 1.0


def test_the_reason_is_in_the_catalogue_and_the_weights_ship_with_the_package():
    assert UNLIKELY_SCENE in SKIP_REASONS and REASONS[UNLIKELY_SCENE].stage == STAGE_SUITABILITY
    model = json.loads(resources.files("sgshards.data").joinpath("scene_model.json").read_text(encoding="utf-8"))
    assert "bias" in model["weights"] and len(model["weights"]) > 100


def test_the_threshold_is_checked():
    with pytest.raises(ValueError):
        AugmentOptions(min_scene_score=1.0)
    with pytest.raises(ValueError):
        AugmentOptions(min_scene_score=-0.1)


def test_the_verdict_keeps_the_rounded_score_it_decided_on(parse):
    from sgshards.augment.core import suitability
    from sgshards.text.suitability import verdict

    doc, graph = _view(parse, NOT_SCENES[0])
    v = verdict(NOT_SCENES[0], doc, graph, 0.1)
    assert v.reason == UNLIKELY_SCENE and v.scene_score == round(shifted(scene_probability(
        caption_view(NOT_SCENES[0], doc, graph).tokens), DEFAULT_PRIOR), 2) < 0.1
    assert verdict(NOT_SCENES[0], doc, graph, 0.0) == (None, v.scene_score)     # 0: scored, never skipped
    # the decision compares the score the record keeps: at the score itself, the caption stays
    assert verdict(NOT_SCENES[0], doc, graph, v.scene_score).reason is None
    assert suitability(doc, graph, AugmentOptions(keep_unsuitable=True), NOT_SCENES[0]) == (None, None)
    listing = "Yuan Tai 1075L-BLK Kaden Black Bonded Leather Loveseat"            # a rule skips it: no score
    doc, graph = _view(parse, listing)
    skipped = verdict(listing, doc, graph, 0.1)
    assert skipped.reason not in (None, UNLIKELY_SCENE) and skipped.scene_score is None


def test_records_carry_the_score_and_a_stricter_filter_later_agrees_with_the_gate(parser):
    from sgshards.annotate import annotate_batch, item
    from sgshards.train.data import below_scene_score

    captions = [*NOT_SCENES, *SCENES, "Yuan Tai 1075L-BLK Kaden Black Bonded Leather Loveseat"]
    loose = [o["record"] for o in annotate_batch(parser, [item(i, f"{i:03d}", c) for i, c in enumerate(captions)],
                                                 _options(0.0))]
    strict = [o["record"] for o in annotate_batch(parser, [item(i, f"{i:03d}", c) for i, c in enumerate(captions)],
                                                  _options(0.5))]
    scores = [r["scene_score"] for r in loose]
    assert all(s is None or 0.0 <= s <= 1.0 for s in scores) and scores[-1] is None     # a rule skipped the listing
    assert all(s < 0.1 for s in scores[:2]) and all(s > 0.5 for s in scores[2:-1])
    for a, b in zip(loose, strict):
        assert a["scene_score"] == b["scene_score"]
        assert (b["skipped"] == UNLIKELY_SCENE) == (a["scene_score"] is not None and a["scene_score"] < 0.5)
        filtered = below_scene_score(a, 0.5)             # the loader's filter on the loose run's record
        assert filtered["positives"] == (b["positives"] if b["skipped"] == UNLIKELY_SCENE else a["positives"])
        assert filtered["negatives"] == (b["negatives"] if b["skipped"] == UNLIKELY_SCENE else a["negatives"])


def _options(min_scene):
    from sgshards.annotate import AnnotateOptions

    return AnnotateOptions(augment=AugmentOptions(min_scene_score=min_scene))
