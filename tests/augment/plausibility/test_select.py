"""Plausibility-matched choice of negatives: the cost, the ranking, and augment's use of them."""
from dataclasses import replace

import pytest

from sgshards.augment.core import CAPTION_CANDIDATES, PLAUSIBLE_CANDIDATES, AugmentOptions, augment
from sgshards.augment.plausibility import select
from sgshards.augment.plausibility.select import Scored, Scorers
from sgshards.augment.realise import text_key
from sgshards.graph import build_graph
from sgshards.schemas.record import NEGATIVE_TYPES

CAPTION = "a red car parked next to a blue house under a tall tree"


def flat(pos, neg, gap=0.0, order=0):
    return Scored(order, None, ("p", "n"), pos, neg, gap)


def scorers(plausibility=lambda texts: [0.0] * len(texts), classifier=None, scale=None):
    return Scorers(plausibility, classifier, scale or {})


def test_side_is_stable_and_takes_both_values():
    sides = [select.side(f"k{i}", "object_replace", 0) for i in range(200)]
    assert sides == [select.side(f"k{i}", "object_replace", 0) for i in range(200)]
    assert 70 < sides.count(1) < 130
    assert sides != [select.side(f"k{i}", "object_replace", 1) for i in range(200)]


def test_cost_prefers_zero_then_the_drawn_side():
    s = scorers()
    at_zero, above, below = flat(-2.0, -2.0), flat(-2.0, -2.5), flat(-2.0, -1.5)
    assert select.cost(at_zero, "t", 1, s) == 0.0
    assert select.cost(above, "t", 1, s) < select.cost(below, "t", 1, s)     # positive preferred: side +1
    assert select.cost(below, "t", -1, s) < select.cost(above, "t", -1, s)
    # a far candidate on the drawn side loses to a near one on it
    assert select.cost(flat(-2.0, -6.0), "t", 1, s) > select.cost(above, "t", 1, s)


def test_cost_counts_the_classifier_gap_in_type_units():
    s = scorers(scale={"t": (1.0, 4.0)})
    assert select.cost(flat(0, 0, gap=2.0), "t", 1, s) == pytest.approx(select.NEARNESS * 0.5)
    assert select.cost(flat(0, 0, gap=2.0), "t", -1, s) == pytest.approx(0.5 + select.NEARNESS * 0.5)
    assert select.cost(flat(0, 0, gap=2.0), "other", -1, s) == pytest.approx(2.0 + select.NEARNESS * 2.0)


def test_rank_orders_by_cost_and_keeps_generation_order_on_ties():
    s = scorers()
    pool = [flat(0, -1, order=0), flat(0, 0, order=1), flat(0, -1, order=2), flat(0, 1, order=3)]
    assert [x.order for x in select.rank(pool, "t", 1, s)] == [1, 0, 2, 3]
    assert [x.order for x in select.rank(pool, "t", -1, s)] == [1, 3, 0, 2]


def test_score_batches_each_distinct_text_once_and_reads_the_right_positive():
    calls = []

    def plaus(texts):
        calls.append(list(texts))
        return [-float(len(t)) for t in texts]

    out = select.score({"a": [(0, "ab", "x"), (1, "abcd", "y")], "b": [(0, "ab", "z")]}, ["p", "pos1"],
                       scorers(plaus, classifier=lambda texts: [len(t) for t in texts]))
    assert [(s.positive, s.negative, s.gap, s.item, s.pair) for s in out["a"] + out["b"]] == [
        (-1.0, -2.0, -1, "x", ("p", "ab")), (-4.0, -4.0, 0, "y", ("pos1", "abcd")), (-1.0, -2.0, -1, "z", ("p", "ab"))]
    assert len(calls) == 1 and sorted(calls[0]) == ["ab", "abcd", "p", "pos1"]


class StubBlind:
    """Plausibility: minus the distance of a text's length from its positive's, so the best
    candidate is computable here; records the keys it was asked about."""

    def __init__(self):
        self.asked = []

    def scorers(self, key, caption):
        self.asked.append((key, caption))
        return Scorers(lambda texts: [-abs(len(t) - len(caption)) / 10.0 for t in texts], None, {})


def augment_caption(parse, key="k1", **opts):
    doc = parse(CAPTION)
    return augment(key, doc, build_graph(doc), AugmentOptions(max_negatives=12, **opts))


def test_without_blind_models_or_with_uniform_selection_output_is_unchanged(parse):
    base = augment_caption(parse)
    blind = StubBlind()
    uniform = augment_caption(parse, selection="uniform", blind=blind)
    assert [n.to_json() for n in uniform[1]] == [n.to_json() for n in base[1]]
    assert blind.asked == [] and all(n.plausibility is None for n in base[1])


def test_plausible_selection_takes_each_types_cheapest_candidate(parse, monkeypatch):
    blind = StubBlind()
    pos, neg = augment_caption(parse, blind=blind)
    assert blind.asked == [("k1", CAPTION)]
    assert neg and all(n.plausibility is not None for n in neg)
    scorer = blind.scorers("k1", CAPTION)
    for n in neg:                                  # the recorded scores are the scorer's
        assert n.plausibility == tuple(scorer.plausibility([pos[n.positive].text, n.text]))
    # the pool is wider than uniform's, and what was chosen is the cheapest of it
    seen = {}
    original_rank = select.rank

    def spy(scored, kind, sign, s, costs=None):
        seen[kind] = (scored, sign)
        return original_rank(scored, kind, sign, s, costs)

    monkeypatch.setattr(select, "rank", spy)
    pos, neg = augment_caption(parse, blind=StubBlind())
    taken = {text_key(t) for t in [p.text for p in pos] + [n.text for n in neg]}

    def slot(index, cand):
        return index, tuple(tuple(e.span) for e in cand.edits)

    chosen_slots = {(n.type, slot(n.positive, n)) for n in neg}
    for n in neg:            # cheaper candidates were taken texts or alternatives in a chosen slot
        scored, sign = seen[n.type]
        order = original_rank(scored, n.type, sign, scorer)
        chosen = next(k for k, s in enumerate(order) if s.item[1].text == n.text)
        assert all(text_key(s.item[1].text) in taken or (n.type, slot(*s.item)) in chosen_slots
                   or sum(m.type == n.type and m.positive == s.item[0] for m in neg) >= CAPTION_CANDIDATES
                   for s in order[:chosen])
    # one negative per slot: the words drawn for a slot are alternatives
    assert len(chosen_slots) == len(neg)
    assert max(len(s) for s, _ in seen.values()) > 2 and PLAUSIBLE_CANDIDATES[0] > 2


class OutOfBounds(StubBlind):
    """Every candidate out of its type's bounds, and per type the share of such records that may
    still take one of the type's (``fallback``)."""

    def __init__(self, fallback):
        super().__init__()
        self.fallback = fallback

    def scorers(self, key, caption):
        bounds = {t: (-1.0, -1.0) for t in NEGATIVE_TYPES}       # no gap is below -1: none admissible
        return replace(super().scorers(key, caption), bounds=bounds, fallback=self.fallback)


def test_a_record_with_every_candidate_out_of_bounds_falls_back_only_on_types_allowed(parse):
    """Such a record takes its least spottable candidate, of a type whose fallback rate lets
    this record have one (a hash draw); with none allowed it gets no negative, and no last resort."""
    _, anything = augment_caption(parse, blind=OutOfBounds({}))
    assert len(anything) == 1
    kind = anything[0].type
    _, other = augment_caption(parse, blind=OutOfBounds({kind: 0.0}))
    assert len(other) == 1 and other[0].type != kind
    _, none = augment_caption(parse, blind=OutOfBounds({t: 0.0 for t in NEGATIVE_TYPES}))
    assert none == []
    _, again = augment_caption(parse, blind=OutOfBounds({t: 0.999999 for t in NEGATIVE_TYPES}))
    assert [n.to_json() for n in again] == [n.to_json() for n in anything]
    draws = [select.falls_back(f"k{i}", "object_replace", 0, 0.3) for i in range(400)]
    assert 80 < sum(draws) < 160 and draws == [select.falls_back(f"k{i}", "object_replace", 0, 0.3)
                                               for i in range(400)]


def test_unknown_selection_is_an_error():
    with pytest.raises(ValueError, match="selection"):
        AugmentOptions(selection="best")


def test_uniform_selection_keeps_aro_style_role_swaps(parse):
    """ARO's VG-Relation negatives exchange subject and object ("a horse riding a man"):
    --selection uniform must still write them even when blind models are at hand."""
    doc = parse("a man riding a brown horse")
    options = AugmentOptions(max_negatives=12, selection="uniform", blind=StubBlind())
    _, negatives = augment("k1", doc, build_graph(doc), options)
    swaps = {n.text for n in negatives if n.type == "relation_swap"}
    assert "a brown horse riding a man" in swaps
