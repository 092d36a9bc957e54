"""The shared state of one graph build: the repaired tokens, their children grouped by label,
and the objects and relations found so far, with the few helpers every rule family uses.

The rule families (objects, attributes, pronouns, phrases, clauses, verbs, prepositions) are
module-level functions over one ``GraphState``; build.py runs them in order."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Final, Optional

from ..lexicon.words import CANONICAL_PREDICATES
from ..schemas.depview import DepToken, first_conjunct
from ..schemas.graph import SGObject, SGRelation


NOUN_POS: Final = frozenset({"NOUN", "PROPN"})
# Labels that make a token a nominal argument even when mis-tagged ("side walk" -> walk/VB).
ARG_DEPS: Final = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "ROOT", "conj", "npadvmod"})
VERB_ARG_DEPS: Final = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})


def load_compound_names() -> dict:
    """FACTUAL's naming of noun compounds, learned by bench/learn_compound_names.py."""
    path = Path(__file__).resolve().parents[1] / "data" / "compound_names.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    return {"names": table["names"], "modifiers": table["modifiers"], "keep": frozenset(table["keep"])}


COMPOUND_NAMES: Final = load_compound_names()


class GraphState:
    """What the rule families read and write while one caption's graph is built."""

    def __init__(self, doc: list[DepToken], compound_names: Optional[dict] = None):
        """State for the repaired tokens doc; compound_names replaces the learned naming table."""
        self.doc = doc
        self.low = [t.text.lower() for t in doc]   # read by nearly every rule
        self.compound_names = COMPOUND_NAMES if compound_names is None else compound_names
        self.kids: list[list[int]] = [[] for _ in doc]
        # the same children grouped by label: rules ask for a few labels, mostly absent ones
        self.kids_by_dep: list[dict[str, list[int]]] = [{} for _ in doc]
        for t in doc:
            if t.head != t.i:
                self.kids[t.head].append(t.i)
                self.kids_by_dep[t.head].setdefault(t.dep, []).append(t.i)
        self.nominal: list[Optional[bool]] = [None] * len(doc)   # is_nominal's memo
        self.objects: list[SGObject] = []
        self.obj_of: dict[int, int] = {}       # head token -> object index
        self.relations: list[SGRelation] = []
        self.seen_rel: set[tuple] = set()
        self.pending: list[tuple[int, int]] = []   # (participle, noun) of "snow covered X"
        self.possessors: list[tuple[int, int]] = []  # (possessor, possessed) of "the birds wings"
        self.part_adjectives: list[tuple[int, int, list[int]]] = []  # ("haired", man, ["red"])
        self.units: Optional[list[tuple[int, int, str]]] = None     # lexicon.units spans, on first use


def kids_with(st: GraphState, i: int, *deps: str) -> list[int]:
    """Children of i with one of the labels, in surface order (a new list)."""
    by_dep = st.kids_by_dep[i]
    out: list[int] = []
    for dep in deps:
        if dep in by_dep:
            if out:
                out = sorted(out + by_dep[dep])
            else:
                out = list(by_dep[dep])
    return out


def kids_of(st: GraphState, i: int, dep: str) -> list[int]:
    """Children of i with the label dep, in surface order (a new list): kids_with for
    one label, without packing the labels into a tuple on every call."""
    found = st.kids_by_dep[i].get(dep)
    return [] if found is None else list(found)


def conj_group(st: GraphState, i: int) -> list[int]:
    """i and everything coordinated with it ("a cat and a dog")."""
    out, stack = [i], [i]
    while stack:
        for k in kids_of(st, stack.pop(), "conj"):
            out.append(k)
            stack.append(k)
    return out


def conj_group_up(st: GraphState, n: int) -> list[int]:
    """The noun n with its coordinated siblings, found from any member."""
    doc = st.doc
    return conj_group(st, first_conjunct(doc, n, head_pos=NOUN_POS, limit=len(doc)))


def add_attribute(st: GraphState, obj: SGObject, i: int, j: Optional[int] = None, *, rule: str) -> None:
    """Tokens i..j (default just i) as an attribute of obj, once; ``rule`` names the rule
    family and shape that found it ("amod/ADJ"), the key of its calibrated confidence."""
    j = i + 1 if j is None else j
    word = " ".join(st.low[k] for k in range(i, j))
    if word not in obj.attributes:
        obj.attributes.append(word)
        obj.attribute_spans.append((i, j))
        obj.attribute_rules.append(rule)


def add_relation(st: GraphState, s: Optional[int], pred: str, o: Optional[int], toks: list[int],
                 *, rule: str, mutual: bool = False) -> None:
    """(s, pred, o) with the span of toks, once; the predicate in its canonical form
    ("seated on" -> "sit on").  A missing end, or an object related to itself, is skipped
    unless mutual ("two giraffes side by side").  ``rule`` names the rule family and shape
    ("verb/dobj"), the key of its calibrated confidence (the first rule to find it keeps it)."""
    if s is None or o is None or s == o and st.objects[s].span == st.objects[o].span and not mutual:
        return
    pred = CANONICAL_PREDICATES.get(pred, pred)
    if "toward" in pred.split():
        pred = " ".join("towards" if w == "toward" else w for w in pred.split())
    key = (s, pred, o)
    if key in st.seen_rel:
        return
    st.seen_rel.add(key)
    st.relations.append(SGRelation(subject=s, predicate=pred, object=o, span=(min(toks), max(toks) + 1),
                                   rule=rule))


def side_by_side_at(doc: list[DepToken], i: int) -> bool:
    """Tokens i, i+1, i+2 read "side by side"."""
    return (i + 2 < len(doc) and doc[i].text.lower() == "side" and doc[i + 1].text.lower() == "by"
            and doc[i + 2].text.lower() == "side")
