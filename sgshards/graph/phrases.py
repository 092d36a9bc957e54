"""Prepositional phrases (multiword prepositions folded: "in front of", "on the left side of")
and the helpers that turn a predicate and its object tokens into relations."""
from __future__ import annotations

from typing import Optional

from ..lexicon.lemmas import noun_lemma
from ..lexicon.words import CLOTHING, HELD_BODY_PARTS, IN_GARMENTS, OF_PREP_NOUNS, PREP_HEADS, STRANDED_PREPS
from .nominals import is_nominal, is_prep_noun, is_reciprocal, of_left_out, side_modifiers
from .pronouns import resolve
from .state import GraphState, add_relation, conj_group, kids_of, kids_with


def prep_phrase(st: GraphState, p: int) -> tuple[list[str], list[int], list[int]]:
    """(predicate words, predicate tokens, object tokens) of preposition p,
    folding multiword prepositions: "in front of", "out of", "next to"."""
    doc = st.doc
    words, toks = [st.low[p]], [p]
    # "on building" with building tagged VBG/pcomp is still the object
    pobjs = [k for k in st.kids[p] if doc[k].dep == "pobj" or doc[k].dep == "pcomp" and is_nominal(st, k)]
    if not pobjs:
        inner = kids_of(st, p, "prep")  # "out of", "away from"
        if inner:
            w2, t2, o2 = prep_phrase(st, inner[0])
            return words + w2, toks + t2, o2
        return words, toks, []
    first = pobjs[0]
    if st.low[first] == "top" and is_prep_noun(st, first) and not kids_of(st, first, "prep"):
        owner = owner_above(st, p)
        # "a donut with chocolate on top" -> (chocolate, on top of, donut)
        return words + ["top", "of"], toks + [first], [owner] if owner is not None else []
    missing_of = of_left_out(st, first)
    if missing_of is not None:
        return words + [st.low[first], "of"], toks + [first], [missing_of]
    side = side_modifiers(st, first) if doc[first].dep == "pobj" else None
    if (st.low[first] in OF_PREP_NOUNS and not kids_with(st, first, "amod", "compound")
            or side is not None):
        ofs = [k for k in kids_of(st, first, "prep") if st.low[k] in ("of", "to")]
        if ofs:
            w2, t2, o2 = prep_phrase(st, ofs[0])
            return words + (side or []) + [st.low[first]] + w2, toks + [first] + t2, o2
    objs = []
    for k in pobjs:
        objs.extend(conj_group(st, k))
    return words, toks, objs


def head_prep_phrases(st: GraphState, i: int) -> list[tuple[list[str], list[int], list[int]]]:
    """Prepositional phrases hanging off token i, including "next to"-style heads."""
    doc = st.doc
    out = []
    for k in st.kids[i]:
        t = doc[k]
        if t.dep == "prep" or (t.dep == "prt" and kids_of(st, k, "pobj")):
            out.append(prep_phrase(st, k))
        elif t.dep == "advmod" and t.upos == "ADV" and st.low[k] in STRANDED_PREPS and not st.kids[k]:
            out.append(([st.low[k]], [k], []))   # "the dish the pizza is on": objects found later
        elif t.dep in ("advmod", "acomp", "amod") and st.low[k] in PREP_HEADS:
            for p in kids_of(st, k, "prep"):
                w, ts, objs = prep_phrase(st, p)
                out.append(([st.low[k]] + w, [k] + ts, objs))
    return out


def owner_above(st: GraphState, p: int) -> Optional[int]:
    """The noun a phrase's owner belongs to: "a donut with chocolate on top" (the
    noun above "chocolate"), "the bun has seeds on top" (the subject of "has")."""
    doc = st.doc
    n = doc[p].head
    if st.low[n] in ("has", "have", "had"):
        subj = kids_of(st, n, "nsubj")
        return subj[0] if subj else None
    if doc[n].dep == "dobj" and st.low[doc[n].head] in ("has", "have", "had"):
        subj = kids_of(st, doc[n].head, "nsubj")
        return subj[0] if subj else None
    if doc[n].dep == "pobj" and st.low[doc[n].head] == "with" and is_nominal(st, doc[doc[n].head].head):
        return doc[doc[n].head].head
    return None


def relate(st: GraphState, subjects: list[int], pred: str, k: int, toks: list[int], rule: str) -> None:
    """(subject, pred, object token k) for every subject; "each other" relates the
    subjects to one another ("a dog and a cat next to each other" -> dog next to cat,
    "two cars parked next to each other" -> car park next to car).  ``rule``: the
    provenance (see state.add_relation)."""
    if is_reciprocal(st, k):
        relate_mutually(st, subjects, pred, toks, rule + "_each_other")
        return
    o = resolve(st, k)
    for s in subjects:
        add_relation(st, s, pred, o, toks, rule=rule)


def relate_mutually(st: GraphState, subjects: list[int], pred: str, toks: list[int], rule: str) -> None:
    """Each subject with the next ("a dog and a cat next to each other"); one (plural)
    subject with itself ("two giraffes side by side"), as FACTUAL writes it."""
    if len(subjects) >= 2:
        for a, b in zip(subjects, subjects[1:]):
            add_relation(st, a, pred, b, toks, rule=rule)
    else:
        for s in subjects:
            add_relation(st, s, pred, s, toks, rule=rule, mutual=True)


def clothing_predicate(st: GraphState, pred: str, k: int) -> str:
    """"in"/"with"/"dressed in" a piece of clothing means wearing it."""
    if pred in ("in", "with", "dress in") and (st.low[k] in CLOTHING or noun_lemma(st.low[k]) in CLOTHING):
        return "in" if pred == "in" and noun_lemma(st.low[k]) in IN_GARMENTS else "wear"
    if pred == "with" and noun_lemma(st.low[k]) in HELD_BODY_PARTS and st.doc[k].head != k:
        return "have"      # "a man with his hands in his pockets"
    return pred


def stranded_object(st: GraphState, v: int, objs: list[int], subjects: list[int]) -> tuple[list[int], list[int]]:
    """(objects, subjects) of a preposition left without object at the clause end:
    "the sofa the man is sitting on" - the noun the clause describes is the object,
    also when the parser made it a second subject ("the table the plates are on")."""
    if objs:
        return objs, subjects
    t = st.doc[v]
    if t.dep == "relcl":
        return [t.head], subjects
    nsubjs = kids_of(st, v, "nsubj")
    if len(nsubjs) >= 2:
        head = resolve(st, nsubjs[0])
        return [nsubjs[0]], [s for s in subjects if s != head]
    return objs, subjects
