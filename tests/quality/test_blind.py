"""Blind audit: pairs from records, an order-free bottom-k sample, the language model scored
without the record's own caption, the classifier cross-fitted by record, and the report."""
import random

import pytest

from sgshards.quality import blind

from .blind_lm import UnigramLM

WORDS = ["dog", "cat", "red", "blue", "table", "man", "woman", "car", "house", "tree", "green", "ball"]


def record(key, caption, negatives, extra_positives=()):
    positives = [{"text": caption, "kind": "caption", "objects": [], "relations": []}]
    positives += [{"text": t, "kind": "object", "objects": [], "relations": []} for t in extra_positives]
    return {"key": key, "caption": caption, "positives": positives,
            "negatives": [{"text": t, "type": kind, "positive": p, "edits": []} for t, kind, p in negatives]}


def shortcut_records(n=120, seed=3):
    """Every negative carries the word "zz", two negative types."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        caption = " ".join(rng.choice(WORDS) for _ in range(6))
        tokens = caption.split()
        a, b = list(tokens), list(tokens)
        a[1], b[4] = "zz", "zz"
        out.append(record(f"{i:06d}", caption, [(" ".join(a), "object_replace", 0),
                                                (" ".join(b), "attribute_replace", 0)]))
    return out


def test_record_pairs_take_the_positive_each_negative_perturbs():
    r = record("k1", "a red car near a house", [("a blue car near a house", "attribute_replace", 0),
                                                ("a green house", "attribute_replace", 1)], ["a red house"])
    assert blind.record_pairs(r) == [
        ("k1", "attribute_replace", "a red car near a house", "a blue car near a house"),
        ("k1", "attribute_replace", "a red house", "a green house")]


def test_sample_is_bottom_k_and_independent_of_order():
    pairs = [p for r in shortcut_records(60) for p in blind.record_pairs(r)]
    sample = blind.sample_pairs(pairs, 30)
    assert len(sample) == 30 and blind.sample_pairs(list(reversed(pairs)), 30) == sample
    assert blind.sample_pairs(pairs, 50)[:30] == sample          # a larger sample contains the smaller
    assert sorted(blind.sample_pairs(pairs, None)) == sorted(pairs)


def test_language_model_never_sees_the_records_own_caption():
    # "zebra" occurs only in the record's own caption, "dog" once in another caption
    records = [record("own", "zebra zebra zebra", [("dog dog dog", "object_replace", 0)]),
               record("other", "a dog", [])]
    result = blind.blind_audit(records, language_model=UnigramLM(r["caption"] for r in records))
    assert result["language_model"]["overall"] == 0.0
    # a model that had seen the caption prefers it: the guard is what makes the 0.0
    captions = {r["key"]: None for r in records}
    pairs = [p for r in records for p in blind.record_pairs(r)]
    lm = UnigramLM(r["caption"] for r in records)
    assert blind.language_model_preference(pairs, lm, captions)["overall"] == 1.0


def test_ties_count_half():
    records = [record("k", "A dog.", [("a DOG", "object_replace", 0)])]
    result = blind.blind_audit(records, language_model=UnigramLM(["A dog."]))
    assert result["language_model"]["overall"] == 0.5 and result["classifier"]["overall"] == 0.5


def test_classifier_learns_a_shortcut_and_report_counts():
    records = shortcut_records()
    result = blind.blind_audit(records, pairs=200, language_model=UnigramLM(r["caption"] for r in records))
    assert result["captions"] == 120
    assert result["pairs"]["total"] == 240 and result["pairs"]["scored"] == 200
    assert list(result["pairs"]["per_type"]) == ["attribute_replace", "object_replace"]   # catalogue order
    assert sum(result["pairs"]["per_type"].values()) == 200
    assert result["classifier"]["overall"] > 0.95 and result["classifier"]["folds"] == 5
    assert set(result["classifier"]["per_type"]) == set(result["language_model"]["per_type"])
    assert blind.blind_audit(records, all_pairs=True, language_model=UnigramLM([]))["pairs"]["scored"] == 240
    table = blind.format_blind(result)
    assert "| overall | 200 |" in table and "| object_replace |" in table


def test_classifier_is_cross_fitted_by_record():
    # each record's pairs are told apart only by words of its own: unseen by the model scoring it
    records = [record(f"r{i}", f"a photo of good{i}x", [(f"a photo of bad{i}y", "object_replace", 0)] * 2)
               for i in range(80)]
    pairs = [p for r in records for p in blind.record_pairs(r)]
    assert blind.classifier_preference(pairs)["overall"] == pytest.approx(0.5, abs=0.1)


def test_the_caption_ngram_model_is_scored_leave_one_out():
    records = [record("own", "zebra zebra zebra", [("dog dog dog", "object_replace", 0)]),
               record("other", "a dog", [])]
    assert blind.blind_audit(records)["language_model"]["overall"] == 0.0
    model = blind.caption_model(["zebra zebra zebra", "a dog"])
    assert model.logprob("zebra zebra zebra") > model.logprob("dog dog dog")   # had it seen the caption
