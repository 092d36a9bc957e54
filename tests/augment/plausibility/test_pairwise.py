"""The blind pairwise classifier: deterministic bits, exact antisymmetry, cross-fitting that never
scores a pair with a model that saw its group, and a planted text shortcut it must learn."""
import hashlib
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sgshards.augment.plausibility import pairwise as pw

REPO = Path(__file__).resolve().parents[3]
VOCAB = ["dog", "cat", "red", "blue", "table", "sits", "runs", "on", "under", "near", "big", "small",
         "man", "woman", "car", "house", "tree", "green", "old", "young", "ball", "grass", "road", "sky"]


def accuracy(gaps) -> float:
    return sum(1.0 if g > 0 else 0.5 if g == 0 else 0.0 for g in gaps) / len(gaps)


def shortcut_pairs(n: int, seed: int = 1):
    """Negatives are positives with one word replaced by "zz": a text-only giveaway."""
    rng = random.Random(seed)
    pairs, groups = [], []
    for i in range(n):
        pos = [rng.choice(VOCAB) for _ in range(8)]
        neg = list(pos)
        neg[rng.randrange(8)] = "zz"
        pairs.append((" ".join(pos), " ".join(neg)))
        groups.append(f"g{i // 2}")
    return pairs, groups


def memorisable_pairs(groups_n: int = 60, per_group: int = 3, seed: int = 2):
    """Each group's pairs differ by two words of its own; nothing carries over between groups."""
    rng = random.Random(seed)
    pairs, groups = [], []
    for g in range(groups_n):
        good, bad = f"good{g}x", f"bad{g}y"
        for _ in range(per_group):
            tail = " ".join(rng.choice(VOCAB) for _ in range(4))
            pairs.append((f"a photo of {good} and {tail}", f"a photo of {bad} and {tail}"))
            groups.append(f"record-{g}")
    return pairs, groups


def test_difference_is_sparse_and_cancels_shared_ngrams():
    ids, values = pw.difference("a red car", "a blue car")
    # unigrams red/blue, bigrams "a red"/"a blue", "red car"/"blue car", trigrams: 8 buckets, +-1
    assert len(ids) == 8 and sorted(values.tolist()) == [-1.0] * 4 + [1.0] * 4
    assert list(ids) == sorted(ids)
    assert len(pw.difference("A red car!", "a red car")[0]) == 0
    assert pw.feature_ids("the dog the dog").tolist().count(pw.feature_ids("the")[0]) == 2


def test_fit_is_deterministic_across_runs_and_processes():
    pairs, _ = shortcut_pairs(300)
    first, second = pw.fit(pairs).to_bytes(), pw.fit(list(pairs)).to_bytes()
    assert first == second
    script = (f"import hashlib, sys; sys.path.insert(0, {str(REPO)!r}); "
              "from tests.augment.plausibility.test_pairwise import shortcut_pairs; "
              "from sgshards.augment.plausibility import pairwise as pw; "
              "print(hashlib.sha256(pw.fit(shortcut_pairs(300)[0]).to_bytes()).hexdigest())")
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={"PYTHONPATH": str(REPO), "PYTHONHASHSEED": "123", "PATH": ""})
    assert other.stdout.strip() == hashlib.sha256(first).hexdigest()


def test_gap_is_exactly_antisymmetric_and_round_trips():
    pairs, _ = shortcut_pairs(200)
    model = pw.fit(pairs)
    again = pw.PairwiseModel.from_bytes(model.to_bytes())
    for p, n in pairs[:50]:
        assert pw.gap(model, p, n) == -pw.gap(model, n, p)
        assert again.score(p) == model.score(p)
    with pytest.raises(ValueError):
        pw.PairwiseModel.from_bytes(model.to_bytes()[:-3])
    with pytest.raises(ValueError):
        pw.PairwiseModel.from_bytes(b"nonsense" * 4)


def test_learns_a_planted_shortcut():
    pairs, groups = shortcut_pairs(400)
    assert accuracy(pw.cross_fitted_gaps(pairs, groups)) > 0.97


def test_cross_fitting_never_scores_a_pair_with_a_model_that_saw_its_group():
    pairs, groups = memorisable_pairs()
    in_sample = pw.fit(pairs)
    assert accuracy([pw.gap(in_sample, p, n) for p, n in pairs]) > 0.97
    assert 0.4 <= accuracy(pw.cross_fitted_gaps(pairs, groups)) <= 0.6
    models = pw.cross_fit(pairs, groups)
    for k, model in enumerate(models):
        own = [pw.gap(model, p, n) for (p, n), g in zip(pairs, groups) if pw.fold_of(g, pw.FOLDS) == k]
        seen = [pw.gap(model, p, n) for (p, n), g in zip(pairs, groups) if pw.fold_of(g, pw.FOLDS) != k]
        assert own and 0.3 <= accuracy(own) <= 0.7 and accuracy(seen) > 0.97


def test_fold_of_is_sha256_and_in_range():
    key = "000000042"
    expected = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") % 5
    assert pw.fold_of(key, 5) == expected
    assert {pw.fold_of(f"k{i}", 5) for i in range(200)} == set(range(5))


def test_empty_training_fold_gives_a_zero_model():
    model = pw.fit([])
    assert model.score("a dog") == 0.0 and not np.any(model.weights)
