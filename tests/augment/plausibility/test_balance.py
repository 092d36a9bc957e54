"""The run's blind models: sampling, cross-fitting, calibration of the bounds, files."""
import json
import struct

import pytest

from sgshards.augment.core import AugmentOptions, augment
from sgshards.augment.plausibility import balance, pairwise, select
from sgshards.augment.plausibility.ngram import NgramModel
from sgshards.augment.plausibility.tables import FormatError
from sgshards.graph import build_graph

NOUNS = ["dog", "cat", "horse", "bird", "cow", "boy", "girl", "man", "woman", "child"]
PLACES = ["beach", "park", "street", "field", "garden", "room", "road", "lake"]


def corpus():
    return [f"a {n} in the {p}" for n in NOUNS for p in PLACES]


def shortcut_pairs(n=200):
    """Negatives that always say "under": a classifier learns it; the LM sees no such caption."""
    out = []
    for k in range(n):
        noun, place = NOUNS[k % len(NOUNS)], PLACES[(k // len(NOUNS)) % len(PLACES)]
        pos = f"a {noun} in the {place}"
        out.append(balance.Pair(f"r{k}", "relation_replace", pos, f"a {noun} under the {place}", pos))
    return out


def lm():
    model = NgramModel(bits=12)
    model.add_many(corpus())
    return model


def test_sampled_is_a_stable_hash_draw_at_the_rate():
    keys = [f"k{i}" for i in range(4000)]
    drawn = [k for k in keys if balance.sampled(k, 0.1, 0)]
    assert 300 < len(drawn) < 500
    assert drawn == [k for k in keys if balance.sampled(k, 0.1, 0)]
    assert drawn != [k for k in keys if balance.sampled(k, 0.1, 1)]
    assert all(balance.sampled(k, 1.0, 0) for k in keys[:10])


def test_fit_is_deterministic_and_order_free():
    pairs = shortcut_pairs()
    a, b = balance.fit(lm(), pairs), balance.fit(lm(), list(reversed(pairs)) + pairs[:5])
    assert a.to_bytes() == b.to_bytes()


def test_a_sampled_record_is_scored_by_the_model_of_its_fold_which_never_saw_it():
    pairs = shortcut_pairs()
    models = balance.fit(lm(), pairs)
    assert len(models.classifiers) == pairwise.FOLDS
    for p in pairs[:20]:
        fold = pairwise.fold_of(p.key, pairwise.FOLDS)
        trained_on = sorted(q for q in pairs if pairwise.fold_of(q.key, pairwise.FOLDS) != fold)
        expected = pairwise.fit([(q.positive, q.negative) for q in trained_on])
        scorer = models.scorers(p.key, p.caption)
        assert list(scorer.classifier([p.positive, p.negative])) == list(expected.scores([p.positive, p.negative]))
    # and it learnt the shortcut from the other folds: the positive is recognised
    gap = models.scorers("new", "").classifier(["a cat in the park", "a cat under the park"])
    assert gap[0] > gap[1]


def test_scorers_leave_the_records_caption_out_of_the_language_model():
    model, caption = lm(), "a dog in the beach"
    scorer = balance.fit(model, shortcut_pairs()).scorers("k", caption)
    assert scorer.plausibility([caption])[0] == pytest.approx(model.logprob(caption, exclude=caption))
    assert scorer.plausibility([caption])[0] < model.logprob(caption)


def test_calibrated_bounds_make_the_chosen_signs_symmetric():
    # every pool: one candidate the classifier spots ("under") and one it cannot ("near")
    pairs = shortcut_pairs()
    models = balance.fit(lm(), pairs)
    pools = [balance.Pool(p.key, p.type, p.caption, ((p.positive, p.negative),
                                                      (p.positive, p.negative.replace("under", "near"))))
             for p in pairs]
    bounds = balance.calibrate(models, pools, target=0.5)
    assert set(bounds) == {"relation_replace"}
    models.bounds = bounds
    above = below = 0
    for pool in pools:
        scorers = models.scorers(pool.key, pool.caption)
        scored = select.score({pool.type: [(i, c, None) for i, (_, c) in enumerate(pool.pairs)]},
                              [pos for pos, _ in pool.pairs], scorers)[pool.type]
        chosen = select.rank(scored, pool.type, select.side(pool.key, pool.type, 0), scorers)
        if chosen:
            above += chosen[0].gap > 0
            below += chosen[0].gap < 0
    assert above <= below + 2
    # without bounds, the classifier prefers the positive far more often
    assert balance.calibrate(models, pools, target=1.0)["relation_replace"][1] >= balance.INFINITE


def test_fallback_rates_hold_back_a_type_whose_fallback_picks_are_spotted():
    """A record whose every candidate is out of bounds takes its cheapest one (of any type); a
    type whose such picks the blind models prefer as positive keeps only the share of them that
    holds its chosen negatives at the target; a type with room for its few keeps them all."""
    models = balance.BlindModels(lm(), [], {}, {"spotted": (1.0, 1.0), "fine": (1.0, 1.0)}, 0)
    records, units = [], []

    def record(key, *pools):
        records.append([balance.Pool(key, kind, "", (("p", "n"),)) for kind, _ in pools])
        units.append([[z] for _, z in pools])

    for k in range(20):                    # in bounds, balanced on both scores
        record(f"a{k}", ("spotted", (0.5, 0.5) if k % 2 else (-0.5, -0.5)))
    for k in range(10):                    # out of bounds: fallback picks, preferred as positive
        record(f"b{k}", ("spotted", (3.0, 3.0)))
    for k in range(40):
        record(f"c{k}", ("fine", (0.5, 0.5) if k % 2 else (-0.5, -0.5)))
    for k in range(7):                     # the cheaper of two out-of-bounds pools is the pick: "fine"
        record(f"d{k}", ("fine", (1.2, 0.0)), *([("spotted", (4.0, 4.0))] if k < 5 else []))
    rates = balance.fallback_rates(models, records, units, target=0.65)
    assert rates["fine"] == 1.0
    # spotted: 10 of 20 in bounds and r * 10 fallback picks preferred as positive, at most 65%
    r = rates["spotted"]
    assert r == pytest.approx((0.65 * 20 - 10) / (10 - 0.65 * 10))
    assert (10 + r * 10) / (20 + r * 10) == pytest.approx(0.65)
    assert balance.fallback_rates(models, records, units, target=0.9) == {"fine": 1.0, "spotted": 1.0}


def test_files_round_trip_and_bad_bytes_are_one_line_errors():
    model = lm()
    models = balance.fit(model, shortcut_pairs())
    models.bounds = {"relation_replace": (0.5, balance.INFINITE)}
    models.fallback = {"relation_replace": 0.25}
    again = balance.BlindModels.from_bytes(models.to_bytes(), model, "blind.bin")
    assert again.to_bytes() == models.to_bytes() and again.lm is model
    assert again.fallback == {"relation_replace": 0.25}
    assert again.scorers("k", "c").fallback == {"relation_replace": 0.25}
    data, at = models.to_bytes(), len(balance.MAGIC)      # a file written before fallback rates
    (size,) = struct.unpack_from("<I", data, at)
    head = json.loads(data[at + 4:at + 4 + size])
    del head["fallback"]
    head = json.dumps(head, sort_keys=True).encode()
    older = balance.MAGIC + struct.pack("<I", len(head)) + head + data[at + 4 + size:]
    assert balance.BlindModels.from_bytes(older, model, "blind.bin").fallback == {}
    with pytest.raises(FormatError, match="blind.bin"):
        balance.BlindModels.from_bytes(models.to_bytes()[:-3], model, "blind.bin")
    with pytest.raises(FormatError, match="blind.bin"):
        balance.BlindModels.from_bytes(b"nonsense", model, "blind.bin")


def test_the_recorder_keeps_every_types_pool_and_the_uniform_choice(parse):
    caption = "a red car parked next to a blue house under a tall tree"
    doc = parse(caption)
    recorder = balance.Recorder()
    _, neg = augment("k", doc, build_graph(doc), AugmentOptions(blind=recorder), original=caption)
    kinds = {p.type for p in recorder.pools}
    assert {n.type for n in neg} <= kinds and all(p.key == "k" and p.caption == caption for p in recorder.pools)
    for n in neg:                                  # the first valid candidate of its pool
        pool = next(p for p in recorder.pools if p.type == n.type)
        assert n.text in [c for _, c in pool.pairs]


def test_a_batch_of_records_is_scored_as_each_record_alone():
    """``score_many`` (one pass per model for a batch of records, each with its own caption
    left out and its own fold's classifier) gives each text exactly what its record's
    ``scorers`` give it alone: batching cannot change a record."""
    models = balance.fit(lm(), shortcut_pairs())
    queries = [(f"r{k}", corpus()[k], [corpus()[k], f"a cat under the {PLACES[k % 8]}", "a a a"][:1 + k % 3])
               for k in range(0, 60, 3)] + [("none", "", []), ("other", "a dog on the moon", ["a dog on the moon"])]
    batched = models.score_many(queries)
    folds = {pairwise.fold_of(key, pairwise.FOLDS) for key, _, _ in queries}
    assert len(folds) > 1                               # several folds' classifiers in one pass
    for (key, caption, texts), (logp, scores) in zip(queries, batched):
        alone = models.scorers(key, caption)
        assert list(logp) == list(alone.plausibility(texts))
        assert list(scores) == list(alone.classifier(texts))
    requests = [(models.scorers(key, caption), texts) for key, caption, texts in queries]
    assert select.ask_many(requests) == [select.ask(s, t) for s, t in requests]


def test_records_augmented_in_one_batch_are_those_augmented_alone(parse):
    """``finish_all`` answers a batch's blind-score requests together; each record is
    byte-for-byte the one ``augment`` makes alone (plausibility values included)."""
    from sgshards.augment.core import augment_steps, finish_all
    from sgshards.schemas.record import Negative

    captions = ["a dog in the park", "a red car next to a blue house", "a man riding a horse on the beach",
                "two cats sleeping on a wooden table", "a girl holding a yellow umbrella in the rain"]
    models = balance.fit(lm(), shortcut_pairs())
    options = AugmentOptions(blind=models, max_negatives=6)
    parsed = [(f"k{i}", c, parse(c)) for i, c in enumerate(captions)]
    alone = [augment(k, d, build_graph(d), options, original=c) for k, c, d in parsed]
    batched = finish_all([augment_steps(k, d, build_graph(d), options, original=c) for k, c, d in parsed])
    assert batched == alone
    negatives = [n for _, negs in alone for n in negs]
    assert len(negatives) > 10 and all(isinstance(n, Negative) and n.plausibility for n in negatives)
