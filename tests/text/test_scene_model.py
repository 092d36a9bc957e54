"""The learned scene score (text.scene_model) on real captions: what every suitability rule keeps is
skipped as ``unlikely_scene`` when its P(scene) is below the run's threshold; descriptions stay."""
import json
from importlib import resources

import pytest

from sgshards.augment.core import AugmentOptions, skip_reason
from sgshards.graph import build_graph
from sgshards.schemas.outcomes import REASONS, SKIP_REASONS, STAGE_SUITABILITY, UNLIKELY_SCENE
from sgshards.text.scene_model import features, scene_probability
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
