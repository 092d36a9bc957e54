"""``build_graph``: repair the parse, then run the rule families in their registered order.

Each rule is a function over one ``GraphState``; later rules read the objects earlier ones
made (objects come first, in surface order, so object indices are stable and readable).
``python -m sgshards.graph.catalogue`` writes this registry, with each example's graph, to
docs/RULES.md.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, NamedTuple, Optional

from ..lexicon.lemmas import verb_lemma
from ..lexicon.words import PLURAL_COMPOUNDS
from ..schemas.depview import DepToken, has_letter
from ..schemas.graph import SceneGraph
from .attributes import add_part
from .confidence import assign_confidence
from .nominals import is_fragment_noun, is_hidden_gerund, is_nominal
from .objects import add_object
from .prepositions import noun_relations, side_by_side
from .pronouns import resolve
from .repairs import repair_parse
from .state import NOUN_POS, GraphState, add_relation, kids_of, kids_with, side_by_side_at
from .verbs import verb_relations


class Rule(NamedTuple):
    """One registered rule family: ``apply(state)`` adds what it finds to the state."""
    name: str
    apply: Callable[[GraphState], None]
    example: str


def find_objects(st: GraphState) -> None:
    """Every noun (and mis-tagged noun) becomes an object with its attributes, in surface
    order: "a small white dog on a red sofa" -> dog (small, white), sofa (red)."""
    for t in st.doc:
        if is_nominal(st, t.i):
            resolve(st, t.i)


def find_plural_possessors(st: GraphState) -> None:
    """"the birds red feathers": a plural noun modifying a later noun (only adjectives
    between) is its owner, "'s" left out."""
    doc = st.doc
    for t in doc:
        if (t.dep == "nmod" and t.tag == "NNS" and t.head > t.i and doc[t.head].upos in NOUN_POS
                and st.low[t.i] not in PLURAL_COMPOUNDS
                and all(doc[k].upos == "ADJ" for k in range(t.i + 1, t.head))):
            st.possessors.append((t.i, t.head))


def possessor_relations(st: GraphState) -> None:
    """(owner, have, part) for the possessors found while naming objects ("the birds wings")
    and by find_plural_possessors."""
    for owner, part in st.possessors:
        o = add_object(st, owner)
        add_relation(st, o, "have", resolve(st, part), [owner], rule="possessor/plural")


def part_adjective_relations(st: GraphState) -> None:
    """"red haired man" -> (man, have, hair), (hair, red); "a snowy hill" -> (snow, on, hill)."""
    for k, i, mods in st.part_adjectives:
        add_part(st, k, i, mods)


def covering_participle_relations(st: GraphState) -> None:
    """"a snow covered mountain" -> (snow, cover, mountain): the participles collected while
    reading the mountain's modifiers, related once every object exists."""
    for v, n in st.pending:
        agent = kids_with(st, v, "npadvmod", "compound")[0]
        add_relation(st, resolve(st, agent), verb_lemma(st.low[v]), resolve(st, n), [v],
                     rule="participle/covering")


def verb_rules(st: GraphState) -> None:
    """Relations of every verb (and of gerunds hidden in noun compounds): "a man riding a
    horse on the beach" -> (man, ride, horse), (man, on, beach); copulas give attributes."""
    for t in st.doc:
        if is_fragment_noun(st, t.i):
            continue
        if (t.upos in ("VERB", "AUX") and (t.dep not in ("aux", "auxpass", "amod") or t.head == t.i)
                or t.upos == "NOUN" and is_hidden_gerund(st, t.i)):
            verb_relations(st, t.i)
        elif t.dep == "ROOT" and t.upos not in NOUN_POS and kids_of(st, t.i, "nsubj"):
            # verbless copula-like roots are rare; treat as verb
            verb_relations(st, t.i)


def noun_rules(st: GraphState) -> None:
    """Relations whose subject is a noun (or a pronoun with a phrase): "a cat on a bed",
    "a bowl of fruit", "the man's hat"."""
    for t in st.doc:
        if is_nominal(st, t.i) or t.upos == "PRON":
            if t.upos == "PRON" and not kids_of(st, t.i, "prep"):
                continue
            noun_relations(st, t.i)


def side_by_side_rules(st: GraphState) -> None:
    """"a cat and a dog side by side" -> (cat, side by side with, dog)."""
    for t in st.doc:
        if t.dep == "advmod" and st.low[t.i] == "side" and side_by_side_at(st.doc, t.i):
            side_by_side(st, t.i)


RULES: tuple[Rule, ...] = (
    Rule("objects", find_objects, "a red framed mirror"),
    Rule("plural_possessors", find_plural_possessors, "the birds red feathers"),
    Rule("possessor_relations", possessor_relations, "the birds wings"),
    Rule("part_adjectives", part_adjective_relations, "a red haired man on a snowy hill"),
    Rule("covering_participles", covering_participle_relations, "white whipped cream with two strawberries"),
    Rule("verbs", verb_rules, "a man riding a horse on the beach"),
    Rule("nouns", noun_rules, "a bowl of fruit on a table"),
    Rule("side_by_side", side_by_side_rules, "two wood framed windows side by side"),
)


def without_nameless(graph: SceneGraph) -> SceneGraph:
    """Drop objects whose name has no letter (a "." or "10.00" the parser took for a
    noun in product-title captions) and the relations touching them."""
    keep = [k for k, o in enumerate(graph.objects) if has_letter(o.name)]
    if len(keep) == len(graph.objects):
        return graph
    new_index = {old: new for new, old in enumerate(keep)}
    relations = [replace(r, subject=new_index[r.subject], object=new_index[r.object])
                 for r in graph.relations if r.subject in new_index and r.object in new_index]
    return SceneGraph(objects=[graph.objects[k] for k in keep], relations=relations)


def build_graph(doc: list[DepToken], compound_names: Optional[dict] = None,
                rules: Optional[tuple[Rule, ...]] = None) -> SceneGraph:
    """Scene graph of one parsed caption: objects are noun heads with their compounds,
    attributes adjectival modifiers and predicate adjectives, relations come from verbs,
    prepositions, "has"/possessive part-of links and multiword prepositions.  Only
    ``DepToken`` fields are read, so any backend that converts into the view gets the same
    rules.  ``compound_names`` replaces the learned compound naming table ({} switches it
    off); ``rules`` replaces the registry (the catalogue leaves one out to show what it does).
    Every element gets the provenance key of the rule that made it and that key's calibrated
    confidence (graph/confidence.py)."""
    fixed = repair_parse(doc)
    st = GraphState(fixed, compound_names)
    for rule in RULES if rules is None else rules:
        rule.apply(st)
    graph = without_nameless(SceneGraph(objects=st.objects, relations=st.relations))
    assign_confidence(graph, fixed, [a != b for a, b in zip(doc, fixed)])
    return graph
