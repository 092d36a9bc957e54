"""The blind n-gram model: ranking, leave-one-out, merging and files."""
import math

import numpy as np
import pytest

from sgshards.augment.plausibility import NgramModel, words
from sgshards.augment.plausibility.tables import FormatError, pack_arrays

CORPUS = [
    "a dog runs on the beach .",
    "a dog runs on the grass",
    "the dog sleeps on a red sofa",
    "a man rides a bike on the road",
    "two cats sit on the sofa",
    "a woman walks a dog on the beach",
] * 3 + ["a cat runs on the beach", "a red car parked on the road"]


def model(texts, bits=14):
    m = NgramModel(bits=bits)
    m.add_many(texts)
    return m


def test_words():
    assert words("A Dog's 3 toys -- don't!") == ["a", "dog's", "3", "toys", "don't"]


def test_a_batch_of_texts_is_hashed_as_each_text_alone():
    """``batch_words``: one flat array for a batch (wordless texts included), the hashes and
    counts each text has alone; a text is scored the same with the batch's words given."""
    from sgshards.augment.plausibility import tables
    from sgshards.augment.plausibility.ngram import batch_words, pieces
    texts = ["A Dog's 3 toys", "", "-- !", "the dog the dog", "x"]
    batch = batch_words(texts)
    assert batch.counts.tolist() == [len(words(t)) for t in texts]
    alone = [tables.token_hashes(words(t)) for t in texts]
    assert [p.tolist() for p in pieces(batch.hashes, batch.counts.tolist())] == [a.tolist() for a in alone]
    assert batch_words([]).hashes.shape == (0,)
    m = model(CORPUS)
    queries = [(texts[:3], CORPUS[0]), (texts[3:], None)]
    given = m.logprobs_many(queries, batch)
    assert [g.tolist() for g in given] == [g.tolist() for g in m.logprobs_many(queries)]
    assert [v for g in given for v in g.tolist()] == [m.logprob(t, exclude=e) for ts, e in queries for t in ts]


def test_counts_and_totals():
    m = model(CORPUS)
    assert m.captions == len(CORPUS)
    assert m.total_words == sum(len(words(t)) for t in CORPUS)


def test_seen_sentence_beats_its_shuffle():
    m = model(CORPUS)
    assert m.logprob("a dog runs on the beach") > m.logprob("beach the on runs dog a") + 5
    assert m.logprob("a dog runs on the beach") < 0


def test_exclude_is_leave_one_out():
    once = "a blue kite flies over the sea"
    with_it, without = model(CORPUS + [once]), model(CORPUS)
    assert with_it.logprob(once) > without.logprob(once) + 5
    assert math.isclose(with_it.logprob(once, exclude=once), without.logprob(once), rel_tol=1e-12)
    seen = CORPUS[0]      # seen three times: leaving one out keeps it likely
    assert math.isclose(model(CORPUS).logprob(seen, exclude=seen), model(CORPUS[1:]).logprob(seen), rel_tol=1e-12)


def test_a_batch_leaves_each_querys_own_caption_out():
    """``logprobs_many``: each query is scored with its own caption left out, as a model counted
    without that caption scores it, whatever else shares the batch (other exclusions, none,
    repeated words, texts without a word)."""
    extra = ["a blue kite flies over the sea", "a kite a kite a kite", "the red sofa"]
    corpus = CORPUS + extra
    queries = [([extra[0], "a kite flies", ""], extra[0]), (["a kite a kite", "a kite"], extra[1]),
               (["a dog runs on the beach"], None), ([], extra[2]), (["the red sofa", "!!"], extra[2])]
    batch = model(corpus).logprobs_many(queries)
    assert [len(b) for b in batch] == [3, 2, 1, 0, 2]
    for (texts, caption), got in zip(queries, batch):
        rest = list(corpus)
        if caption is not None:
            rest.remove(caption)
        expected = [model(rest).logprob(t) for t in texts]
        assert np.allclose(got, expected, rtol=1e-12, atol=0)
        assert list(got) == list(model(corpus).logprobs(texts, exclude=caption))


def test_exclude_never_goes_below_zero():
    m = model(["a dog runs"])
    greedy = "a dog runs a dog runs a dog runs on and on"
    lp = m.logprob("a dog runs", exclude=greedy)
    assert math.isfinite(lp)
    assert math.isclose(lp, NgramModel(bits=14).logprob("a dog runs"), rel_tol=1e-12)


def test_merge_equals_adding_both_in_any_order():
    a, b = CORPUS[:7], CORPUS[7:]
    for bits in (14, 8):          # 8 bits: many collisions, still order-free
        both = model(a + b, bits).to_bytes()
        assert model(a, bits).merge(model(b, bits)).to_bytes() == both
        assert model(b, bits).merge(model(a, bits)).to_bytes() == both
    with pytest.raises(ValueError):
        model(a, 14).merge(model(b, 12))


def test_bytes_round_trip_and_determinism():
    m = model(CORPUS)
    data = m.to_bytes()
    assert data == model(CORPUS).to_bytes()
    back = NgramModel.from_bytes(data, source="x.npz")
    assert back.to_bytes() == data
    assert (back.captions, back.total_words, back.bits) == (m.captions, m.total_words, m.bits)
    assert back.logprob("a dog on a sofa") == m.logprob("a dog on a sofa")


def test_bad_bytes_raise_format_error_naming_source():
    good = model(CORPUS[:3], bits=10)
    with pytest.raises(FormatError, match="vocab/plausibility.npz"):
        NgramModel.from_bytes(b"garbage", source="vocab/plausibility.npz")
    with pytest.raises(FormatError, match="m.npz.*version"):
        arrays = good.to_arrays()
        arrays["meta"] = np.array([99, 10, 3, 10], dtype=np.int64)
        NgramModel.from_bytes(pack_arrays(arrays), source="m.npz")
    with pytest.raises(FormatError, match="m.npz.*'counts'"):
        arrays = good.to_arrays()
        arrays["counts"] = arrays["counts"][:, :5]
        NgramModel.from_bytes(pack_arrays(arrays), source="m.npz")
    with pytest.raises(FormatError, match="m.npz.*outside"):
        arrays = good.to_arrays()
        arrays["owners"] = arrays["owners"].copy()
        arrays["owners"][0, 0] = 1 << 10
        NgramModel.from_bytes(pack_arrays(arrays), source="m.npz")


def test_exclusion_cache_follows_new_counts():
    once = "a blue kite flies over the sea"
    m = model(CORPUS + [once])
    before = m.logprob(once, exclude=once)
    m.add(once)                   # now seen twice: leaving one out keeps it seen
    assert m.logprob(once, exclude=once) > before + 5
    assert math.isclose(m.logprob(once, exclude=once), model(CORPUS + [once]).logprob(once), rel_tol=1e-12)


def test_slots_are_the_tables_tuple_slots():
    from sgshards.augment.plausibility import ngram, tables
    slots = ngram._caption_slots("red car", 16)
    hashes = tables.token_hashes(["<s>", "<s>", "red", "car", "</s>"])
    prev2, prev, word = hashes[:-2], hashes[1:-1], hashes[2:]
    assert slots[ngram.TRI].tolist() == tables.tuple_slots([prev2, prev, word], "ngram:3", 16).tolist()
    assert slots[ngram.CTX1].tolist() == tables.tuple_slots([prev], "ngram:ctx1", 16).tolist()
    assert slots[ngram.UNI].tolist() == tables.tuple_slots([word], "ngram:1", 16).tolist()
