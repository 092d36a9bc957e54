"""FACTUAL gold parsing, normalisation and scoring."""
from sgshards.schemas.graph import SceneGraph, SGObject, SGRelation
from sgshards.quality.factual import (
    evaluate, evaluate_csv, format_report, gold_tuples, norm_predicate, parse_gold, predicted_tuples,
)
from tests.conftest import shared_file


def test_parse_gold_edges_attributes_and_lone_nodes():
    assert parse_gold("( boys , is , 2 ) , ( boys , ride , skateboards )") == [
        ("boys", "is", "2"), ("boys", "ride", "skateboards")]
    assert parse_gold("( urban park )") == [("urban park",)]


def test_normalisation_matches_plurals_counts_and_case():
    gold = gold_tuples("( Boys , is , 2 ) , ( boys , ride  , skateboards ) , ( desk , is , wooden )")
    assert gold == {("boy",), ("skateboard",), ("desk",), ("boy", "2"), ("desk", "wooden"),
                    ("boy", "ride", "skateboard")}
    graph = SceneGraph(
        objects=[SGObject("boy", quantity="two", plural=True), SGObject("skateboard", plural=True),
                 SGObject("desk", attributes=["wood"], attribute_spans=[(0, 1)])],
        relations=[SGRelation(0, "ride", 1)],
    )
    assert predicted_tuples(graph) == gold


def test_compound_spellings_and_guy_compare_equal():
    gold = gold_tuples("( person , hold , cellphone ) , ( surfboard , is , white )")
    graph = SceneGraph(
        objects=[SGObject("guy"), SGObject("cell phone"),
                 SGObject("surf board", attributes=["white"], attribute_spans=[(0, 1)])],
        relations=[SGRelation(0, "hold", 1)],
    )
    assert predicted_tuples(graph) == gold
    # different words stay different
    assert gold_tuples("( man , hold , phone )") != gold_tuples("( person , hold , phone )")
    assert gold_tuples("( t-shirts )") == gold_tuples("( t shirt )") == gold_tuples("( tee shirt )")


def test_position_phrases_take_factual_canonical_form():
    assert norm_predicate("at the top of") == "on top of"
    assert norm_predicate("sit at the top of") == "sit on top of"
    assert norm_predicate("in the middle of") == norm_predicate("on middle of") == "on middle of"
    assert norm_predicate("to the left of") == "at the left of"
    assert norm_predicate("to right of") == "on the right side of"
    assert norm_predicate("stand inside of") == "stand inside"
    assert norm_predicate("in between") == "between"
    # different meanings are left alone
    assert norm_predicate("on far side of") == "on far side of"
    assert norm_predicate("in front of") == "in front of"


def test_non_numeric_quantities_are_not_scored_but_group_of_is():
    graph = SceneGraph(objects=[SGObject("man", quantity="group of"), SGObject("tree", quantity="many")])
    assert predicted_tuples(graph) == {("man",), ("tree",), ("man", "groupof")}


def test_count_of_an_object_related_to_itself_is_not_scored():
    # "two giraffes next to each other": FACTUAL writes the self-relation and no count
    graph = SceneGraph(objects=[SGObject("giraffe", quantity="two", plural=True)],
                       relations=[SGRelation(0, "next to", 0)])
    assert predicted_tuples(graph) == gold_tuples("( giraffe , next to , giraffes )")


def test_evaluate_counts_per_kind_and_set_match():
    rows = [{"caption": "a red car", "scene_graph": "( car , is , red )"},
            {"caption": "dog on bed", "scene_graph": "( dog , on , bed )"}]
    graphs = [SceneGraph(objects=[SGObject("car", attributes=["red"])]),
              SceneGraph(objects=[SGObject("dog"), SGObject("bed")], relations=[SGRelation(0, "under", 1)])]
    report = evaluate(rows, graphs)
    assert report["set_match"] == 50.0
    assert report["object"]["f1"] == 100.0
    assert report["attribute"]["f1"] == 100.0
    assert report["relation"]["tp"] == 0 and report["relation"]["gold"] == 1
    assert report["tuple"]["tp"] == 4 and report["tuple"]["gold"] == 5 and report["tuple"]["predicted"] == 5
    assert "| relation | 0.0 | 0.0 | 0.0 |" in format_report(report)


def test_evaluate_csv_on_dev_sample(nlp):
    dev = shared_file("factual/dev.csv")
    report = evaluate_csv(str(dev), nlp, limit=50, errors=3)
    assert report["n"] == 50
    assert len(report["errors"]) == 3
    assert report["tuple"]["f1"] >= 91.0          # the baseline on these 50 rows
    text = format_report(report)
    assert "missing:" in text and "captions: 50" in text
