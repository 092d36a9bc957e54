"""Hard negatives on real spaCy parses: exact texts, provenance edits and paraphrase guards."""
import random

import pytest

from sgshards.transforms.graph_rules import build_graph
from sgshards.transforms.negatives import (
    attribute_replace, attribute_swap, object_replace, object_swap, relation_replace, relation_swap,
)
from sgshards.transforms.realise import caption_surface
from sgshards.transforms.vocab import same_group


@pytest.fixture
def surface(parse):
    def make(caption):
        doc = parse(caption)
        return caption_surface(doc, build_graph(doc))
    return make


def texts(cands):
    return sorted(c.text for c in cands)


def run(gen, surf, seed=0):
    return gen(surf, random.Random(seed))


# --------------------------------------------------------------------------- attribute_swap

def test_attribute_swap_on_caption_tokens(surface):
    s = surface("a red car next to a blue house")
    [neg] = run(attribute_swap, s)
    assert neg.text == "a blue car next to a red house"
    assert [(e.span, e.before, e.after) for e in neg.edits] == [((1, 2), "red", "blue"), ((6, 7), "blue", "red")]


def test_attribute_swap_fixes_articles_and_keeps_casing(surface):
    assert texts(run(attribute_swap, surface("An old car parked next to a red house."))) == [
        "A red car parked next to an old house."]


def test_attribute_swap_of_predicative_attributes(surface):
    assert texts(run(attribute_swap, surface("the car is red and the house is blue"))) == [
        "the car is blue and the house is red"]


def test_attribute_swap_skips_equal_attributes(surface):
    assert run(attribute_swap, surface("a red car next to a red house")) == []


def test_attribute_swap_never_puts_a_colour_on_a_person(surface):
    assert run(attribute_swap, surface("a tall man wearing a black hat")) == []


# --------------------------------------------------------------------------- relation_swap

def test_relation_swap_moves_whole_noun_phrases_with_articles(surface):
    [neg] = run(relation_swap, surface("a man riding an elephant"))
    assert neg.text == "an elephant riding a man"
    assert [(e.span, e.before, e.after) for e in neg.edits] == [((0, 2), "a man", "an elephant"),
                                                               ((3, 5), "an elephant", "a man")]


@pytest.mark.parametrize("caption", [
    "a red car next to a blue house", "two sinks next to two mirrors", "a dog sitting beside a cat",
    "a man with a beard", "a woman hugging a man",
])
def test_no_relation_swap_for_symmetric_relations(surface, caption):
    s = surface(caption)
    assert s.graph.relations, "the graph must state the relation for this test to mean anything"
    assert run(relation_swap, s) == []


def test_relation_swap_keeps_casing_and_period(surface):
    assert texts(run(relation_swap, surface("A cat sitting on a wooden table."))) == [
        "A wooden table sitting on a cat."]


def test_relation_swap_fixes_verb_agreement(surface):
    assert texts(run(relation_swap, surface("Two dogs are chasing a cat."))) == ["A cat is chasing two dogs."]
    assert texts(run(relation_swap, surface("A dog chases two cats."))) == ["Two cats chase a dog."]


def test_relation_swap_never_moves_a_possessed_phrase(surface):
    negs = run(relation_swap, surface("the man's dog is sleeping on a green sofa"))
    assert negs == []
