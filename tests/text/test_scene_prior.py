"""The scene score shifted to a run's own share of scenes (text.scene_model): the balancing pass measures
the share on its sample, the gate reads P(scene) for that share, so one threshold skips more of web
alt-text (most of what the rules keep is no scene) and less of curated captions."""
import pickle

import pytest

from sgshards.annotate import AnnotateOptions, annotate_batch, item
from sgshards.augment.core import AugmentOptions, skip_reason
from sgshards.augment.plausibility import NgramModel, balance
from sgshards.graph import build_graph
from sgshards.pipeline.engines import blind
from sgshards.pipeline.engines.work import RunConfig
from sgshards.schemas.outcomes import UNLIKELY_SCENE
from sgshards.text.scene_model import (DEFAULT_PRIOR, FIT_PRIOR, MIN_PRIOR_CAPTIONS, PRIOR_BOUNDS, corpus_prior,
                                       scene_probability, shifted)
from sgshards.text.suitability import caption_view, verdict

from tests.conftest import shared_file

# web alt-text a reader calls no scene, which every rule keeps and the fitted score puts near 0.3
BORDERLINE = "Dhanush speaks about his first Production Film"


def test_a_prior_shifts_the_odds_and_the_fitted_prior_leaves_p_alone():
    for p in (0.01, 0.2, 0.5, 0.9):
        assert shifted(p, FIT_PRIOR) == p
        assert shifted(p, 0.3) < p < shifted(p, 0.8)                       # fewer scenes: lower P
        assert shifted(shifted(p, 0.3), FIT_PRIOR, from_prior=0.3) == pytest.approx(p)
        odds = lambda q: q / (1 - q)                                        # noqa: E731
        assert odds(shifted(p, 0.3)) / odds(p) == pytest.approx(odds(0.3) / odds(FIT_PRIOR))
    assert shifted(0.0, 0.9) == 0.0 and shifted(1.0, 0.1) == 1.0


def test_the_corpus_prior_is_the_mean_p_of_enough_captions_within_bounds():
    assert corpus_prior(400 * (MIN_PRIOR_CAPTIONS - 1), MIN_PRIOR_CAPTIONS - 1) is None
    assert corpus_prior(400 * 50, 50) == 0.4
    assert corpus_prior(0, 50) == PRIOR_BOUNDS[0] and corpus_prior(1000 * 50, 50) == PRIOR_BOUNDS[1]


def test_the_gate_reads_p_for_the_runs_prior(parse):
    doc = parse(BORDERLINE)
    graph = build_graph(doc)
    fitted = scene_probability(caption_view(BORDERLINE, doc, graph).tokens)
    assert 0.2 < fitted < 0.4
    assert verdict(BORDERLINE, doc, graph, 0.25) == (None, round(shifted(fitted, DEFAULT_PRIOR), 2))
    web = verdict(BORDERLINE, doc, graph, 0.25, prior=0.4)
    assert web == (UNLIKELY_SCENE, round(shifted(fitted, 0.4), 2))
    assert skip_reason(doc, graph, AugmentOptions(), BORDERLINE) is None                 # the default prior
    assert skip_reason(doc, graph, AugmentOptions(scene_prior=0.4), BORDERLINE) == UNLIKELY_SCENE
    with pytest.raises(ValueError):
        AugmentOptions(scene_prior=1.0)


def _outcome(key, score):
    return {"record": {"key": key, "caption": "c", "scene_score": score, "positives": [], "negatives": []}}


def test_the_balancing_sample_measures_the_fitted_p_and_merges_in_any_order():
    recorder = balance.Recorder()
    scores = [0.9, 0.8, 0.3, 0.1, None] * 10                 # None: a rule skipped it, no score
    a = blind.blind_sample([_outcome(f"a{k}", s) for k, s in enumerate(scores[:25])], recorder, DEFAULT_PRIOR)
    b = blind.blind_sample([_outcome(f"b{k}", s) for k, s in enumerate(scores[25:])], recorder, DEFAULT_PRIOR)
    assert a.scenes[1] + b.scenes[1] == 40
    one, other = blind.merge_samples([a, b]), blind.merge_samples([b, a])
    assert one.scenes == other.scenes and one.scene_prior == other.scene_prior
    fitted = [shifted(s, FIT_PRIOR, from_prior=DEFAULT_PRIOR) for s in scores if s is not None]
    assert one.scene_prior == pytest.approx(sum(fitted) / len(fitted), abs=0.002)
    models = blind.fit_blind(NgramModel(bits=10), one)
    assert models.scene_prior == one.scene_prior
    assert blind.with_blind(AnnotateOptions(), models).augment.scene_prior == one.scene_prior
    # the engines' annotation pass reads it too (Beam, Spark: RunConfig.with_blind)
    run = RunConfig("out", annotate=AnnotateOptions()).with_blind(models)
    assert run.annotate.augment.scene_prior == one.scene_prior


def test_blind_models_keep_the_prior_in_their_file_and_pickle():
    lm = NgramModel(bits=10)
    models = balance.BlindModels(lm, [], {}, {}, 3, scene_prior=0.41)
    assert balance.BlindModels.from_bytes(models.to_bytes(), lm).scene_prior == 0.41
    assert pickle.loads(pickle.dumps(models)).scene_prior == 0.41
    older = balance.BlindModels(lm, [], {}, {}, 3)
    assert balance.BlindModels.from_bytes(older.to_bytes(), lm).scene_prior is None
    assert blind.with_blind(AnnotateOptions(), older).augment.scene_prior is None


def test_a_web_run_measures_fewer_scenes_than_a_curated_one_and_skips_more(parser):
    """1,500 rows of each file, the balancing pass as ``sgshards augment`` runs it."""
    import pyarrow.parquet as pq

    web = pq.read_table(shared_file("captions/web_alt_text_10k.parquet")).column("TEXT").to_pylist()[:1500]
    with open(shared_file("captions/cc3m_val.tsv"), encoding="utf-8") as f:
        cc3m = [line.split("\t")[0] for _, line in zip(range(1500), f)]
    priors = {}
    for name, captions in (("web", web), ("cc3m", cc3m)):
        items = [item(k, f"{k:06d}", c) for k, c in enumerate(captions)]
        models = blind.fit_in_process(parser, items, AnnotateOptions(), 256, share=0.1)
        priors[name] = models.scene_prior
    assert priors["web"] < 0.55 < DEFAULT_PRIOR - 0.05 < priors["cc3m"], priors
    options = blind.with_blind(AnnotateOptions(), balance.BlindModels(NgramModel(bits=10), [], {}, {}, 0,
                                                                      scene_prior=priors["web"]))
    items = [item(k, f"{k:06d}", c) for k, c in enumerate(web[:400])]
    run = [o["record"] for o in annotate_batch(parser, items, options) if o["record"]]
    alone = [o["record"] for o in annotate_batch(parser, items) if o["record"]]
    assert sum(r["skipped"] == UNLIKELY_SCENE for r in run) > sum(r["skipped"] == UNLIKELY_SCENE for r in alone)
