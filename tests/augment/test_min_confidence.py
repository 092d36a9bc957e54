"""--min-confidence: positives and negatives are built only from trusted graph elements."""
import pyarrow.parquet as pq
import pytest

from sgshards import defaults
from sgshards.augment.core import AugmentOptions, augment, trusted_view
from sgshards.graph import build_graph
from sgshards.parse.spacy_backend import parse_batch
from sgshards.schemas.graph import SceneGraph
from tests.conftest import shared_file

# Real CC3M validation captions with a relation whose rule shape FACTUAL train finds imprecise
# (rows 215, 205): "heap of apples" read as a container the truck has (noun/of_container, 0.52),
# "in his arms" read as the groom's place (verb/place, 0.37); both realise wrong positives.
LOW_CAPTIONS = ["truck and heap of apples on the ground", "the groom lifted the bride in his arms ."]
CAPTIONS = LOW_CAPTIONS + ["a drawing of a heart and a crayon laid next to it",
    "portrait of happy man talking on cell phone .", "sunset in a drop of ocean",
    "smiling woman dressed in purple sari sitting beside a pink wall outside rural home",
    "Kali 62MM Cuff in Silver", "Payday: The Heist", "Alabama Crimson Tide flag by NCAA",
    "boys flying a kite on a beach", "the family being given their keys by comic book character",
    "a red haired man riding a horse on the beach", "Black Diamond hat with a snow covered mountain",
    "faucet and white basin in a bathroom", "tattooed female barber working on a client in barber shop",
]
SWAPS = ("object_swap", "relation_swap")


def texts(parse, caption, threshold):
    doc = parse(caption)
    pos, neg = augment("k", doc, build_graph(doc), AugmentOptions(min_confidence=threshold, max_negatives=20))
    return {p.text for p in pos[1:]}, {n.text for n in neg}


def test_relations_below_the_threshold_are_neither_stated_nor_negated(parse):
    assert defaults.MIN_CONFIDENCE == 0.7
    everything = [texts(parse, c, 0.0) for c in LOW_CAPTIONS]
    trusted = [texts(parse, c, defaults.MIN_CONFIDENCE) for c in LOW_CAPTIONS]
    # (a body part is realised with its owner's pronoun: "his arms")
    wrong_positives = {"truck with apples", "the groom in his arms"}
    negations = {"truck without apples", "the groom outside his arms"}
    assert wrong_positives <= set().union(*(p for p, _ in everything))
    assert negations <= set().union(*(n for _, n in everything))
    assert not wrong_positives & set().union(*(p for p, _ in trusted))
    assert not negations & set().union(*(n for _, n in trusted))
    assert all(n for _, n in trusted)                      # the trusted rest still gives negatives


def low_elements(graph, threshold):
    """(objects, relations, attributes as (object, index)) below threshold; a relation to a low object too."""
    objects = {i for i, o in enumerate(graph.objects) if o.confidence < threshold}
    relations = {k for k, r in enumerate(graph.relations)
                 if r.confidence < threshold or r.subject in objects or r.object in objects}
    attributes = {(i, a) for i, o in enumerate(graph.objects) for a, c in enumerate(o.attribute_confidences)
                  if c < threshold}
    return objects, relations, attributes


def doubtful_tokens(graph, threshold, names_only=False):
    """Caption tokens that belong only to elements below threshold (an object's name, an
    attribute, a predicate; only names with names_only), not also to a trusted element."""
    objects, relations, attributes = low_elements(graph, threshold)
    low, sure = set(), set()
    for i, o in enumerate(graph.objects):
        if o.span:
            (low if i in objects else sure).update(range(*o.span))
        if names_only:
            continue
        for a, s in enumerate(o.attribute_spans):
            if s:
                (low if i in objects or (i, a) in attributes else sure).update(range(*s))
    for k, r in enumerate(graph.relations):
        if r.span and not names_only:
            (low if k in relations else sure).update(range(*r.span))
    return low - sure


def check_trusted_only(doc, graph, threshold, key="k"):
    """No positive states, and no negative edits, an element below threshold: sub-graph positives
    mention trusted objects and relations only; a replacement never rewrites a token that only
    doubtful elements own; a swap moves noun phrases of trusted objects (a doubtful attribute inside
    one moves along, saying nothing new about it; the verbs agreeing with it follow)."""
    pos, neg = augment(key, doc, graph, AugmentOptions(min_confidence=threshold, max_negatives=20))
    objects, relations, attributes = low_elements(graph, threshold)
    assert pos[0].objects == list(range(len(graph.objects)))
    for p in pos[1:]:
        assert not set(p.objects) & objects and not set(p.relations) & relations, (doc, p)
    doubtful = doubtful_tokens(graph, threshold)
    doubtful_names = doubtful_tokens(graph, threshold, names_only=True)
    trusted_names = [o.span for i, o in enumerate(graph.objects) if o.span and i not in objects]
    for n in neg:
        if n.positive != 0:                          # sub-graph negatives edit realised trusted positives
            continue
        for e in n.edits:
            moved = n.type in SWAPS and any(e.span[0] <= s and t <= e.span[1] for s, t in trusted_names)
            assert moved or not doubtful & set(range(*e.span)), (n, e)
            # a moved phrase ends where a doubtful object's mention begins: "faucet and white basin"
            # never moves as one phrase when only the basin is trusted
            assert not doubtful_names & set(range(*e.span)), (n, e)
    return pos, neg


@pytest.mark.parametrize("caption", CAPTIONS)
def test_elements_below_the_threshold_never_reach_positives_or_edits(parse, caption):
    doc = parse(caption)
    graph = build_graph(doc)
    for threshold in (0.5, defaults.MIN_CONFIDENCE, 0.8, 0.9):
        check_trusted_only(doc, graph, threshold)


def test_trusted_only_on_real_captions(nlp):
    """600 CC3M and 600 web alt-text captions at the default threshold."""
    with open(shared_file("captions/cc3m_val.tsv"), encoding="utf-8") as f:
        captions = [line.split("\t")[0] for _, line in zip(range(600), f)]
    web = pq.read_table(shared_file("captions/web_alt_text_10k.parquet")).column("TEXT").to_pylist()[:600]
    captions += [c for c in web if c]
    dropped = 0
    for i, doc in enumerate(parse_batch(nlp, captions)):
        graph = build_graph(doc)
        check_trusted_only(doc, graph, defaults.MIN_CONFIDENCE, key=f"k{i}")
        dropped += trusted_view(graph, defaults.MIN_CONFIDENCE)[0] is not graph
    assert dropped > 100                             # the threshold does leave elements out


def test_positive_indices_point_into_the_records_graph(parse):
    doc = parse("portrait of happy man talking on cell phone .")
    graph = build_graph(doc)
    view, object_of, relation_of = trusted_view(graph, defaults.MIN_CONFIDENCE)
    assert view is not graph and len(view.objects) == len(graph.objects)       # only the "of" relation goes
    pos, _ = augment("k", doc, graph, AugmentOptions(max_positives=10))
    for p in pos[1:]:
        for k in p.relations:
            r = graph.relations[k]
            assert graph.objects[r.subject].name in p.text and r.confidence >= defaults.MIN_CONFIDENCE


def test_threshold_zero_and_graphs_without_confidence_keep_everything(parse):
    doc = parse("sunset in a drop of ocean")
    graph = build_graph(doc)
    assert trusted_view(graph, 0.0)[0] is graph
    bare = SceneGraph.from_json(graph.to_json())
    for o in bare.objects:
        o.confidence, o.attribute_confidences = None, []
    for r in bare.relations:
        r.confidence = None
    assert trusted_view(bare, 1.0)[0] is bare                  # a graph made by hand is trusted
    assert augment("k", doc, graph, AugmentOptions(min_confidence=0.0)) == augment("k", doc, bare)


def test_min_confidence_must_lie_in_0_1():
    for bad in (-0.1, 1.5, float("nan")):
        with pytest.raises(ValueError):
            AugmentOptions(min_confidence=bad)
