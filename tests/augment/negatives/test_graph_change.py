"""The shared paraphrase guard: an edit counts only if the scene graph it states differs."""
from sgshards.augment.negatives.graph_change import changes_graph


def desc(o, name=None, attributes=None):
    return (name or o.name, frozenset(o.attributes if attributes is None else attributes), o.quantity, o.plural)


def test_changes_graph_symmetric_relation_and_attributes(surface):
    s = surface("a red car next to a blue house")
    car, house = s.graph.objects
    assert not changes_graph(s, {0: desc(car)})                              # nothing changed
    assert not changes_graph(s, {0: desc(house), 1: desc(car)})              # "next to" is symmetric
    assert changes_graph(s, {0: desc(car, attributes=["blue"]), 1: desc(house, attributes=["red"])})


def test_changes_graph_never_puts_a_colour_on_a_person(surface):
    s = surface("a tall man next to a black car")
    man, car = s.graph.objects
    assert not changes_graph(s, {0: desc(man, attributes=["black"]), 1: desc(car, attributes=["tall"])})
    assert changes_graph(s, {0: desc(man, attributes=["short"])})
