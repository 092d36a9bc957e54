"""SceneGraph.to_networkx: the whole graph, multi-edges kept, networkx off the annotation path."""
import subprocess
import sys

from sgshards.schemas.graph import SceneGraph, SGObject, SGRelation


def test_to_networkx_holds_every_object_and_relation():
    graph = SceneGraph(
        objects=[SGObject("man", ["young"], span=(1, 2), attribute_spans=[(0, 1)]),
                 SGObject("horse", ["brown", "tall"], quantity="two", plural=True),
                 SGObject("field")],
        relations=[SGRelation(0, "ride", 1), SGRelation(0, "next to", 1), SGRelation(1, "in", 2)])
    g = graph.to_networkx()
    assert g.is_directed() and g.is_multigraph()
    assert list(g.nodes(data=True)) == [
        (0, {"name": "man", "attributes": ["young"], "quantity": None, "plural": False}),
        (1, {"name": "horse", "attributes": ["brown", "tall"], "quantity": "two", "plural": True}),
        (2, {"name": "field", "attributes": [], "quantity": None, "plural": False}),
    ]
    assert list(g.edges(data=True)) == [
        (0, 1, {"predicate": "ride"}), (0, 1, {"predicate": "next to"}), (1, 2, {"predicate": "in"})]


def test_empty_graph_gives_an_empty_networkx_graph():
    g = SceneGraph().to_networkx()
    assert (g.number_of_nodes(), g.number_of_edges()) == (0, 0)


def test_annotation_does_not_import_networkx():
    code = "import sys, sgshards.annotate, sgshards.pipeline.engines.work; print('networkx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
