"""Relations whose subject is a noun: its prepositional phrases ("a cat on a bed"), "of" parts
and containers, possessives, and "side by side"."""
from __future__ import annotations

from typing import Optional

from ..augment.vocab import MASS_NOUNS, object_category
from ..lexicon.lemmas import noun_lemma, verb_lemma
from ..lexicon.taxonomy import CONCRETE_CLASSES, LIFELESS_CLASSES, is_a, noun_class
from ..lexicon.of_heads import (
    BELONGING_CATEGORIES, GEAR, OF_MATERIALS, PART_NOUNS, REPRESENTATION_HEADS, UNOWNED_CATEGORIES,
)
from ..lexicon.words import (
    BODY_PARTS, CLOTHING, CONTAINER_NOUNS, DISPLAY_PLACES, ENCLOSING_CONTAINERS, NON_PLACE_PREPS, REGION_NOUNS,
    SUBORDINATORS, SURFACE_CONTAINERS,
)
from ..schemas.depview import FINITE_TAGS
from .clauses import verb_subjects
from .nominals import is_nominal, is_prep_noun, is_reciprocal
from .objects import is_animate
from .phrases import clothing_predicate, head_prep_phrases, owner_above, relate, relate_mutually
from .pronouns import phrase_antecedent, resolve
from .state import GraphState, NOUN_POS, add_relation, conj_group, conj_group_up, kids_of, kids_with


def noun_relations(st: GraphState, i: int) -> None:
    """Relations whose subject is the noun i: prepositions and possessives."""
    doc = st.doc
    s = resolve(st, i)
    if s is None:
        return
    phrases = head_prep_phrases(st, i)
    # "a woman with her hands on the table": a place after a "with" phrase is the
    # place of the "with" noun (hands on table), not of the woman
    with_objs = [(ts[0], k) for ws, ts, objs in phrases if ws == ["with"] for k in objs]
    for words, toks, objs in phrases:
        if words == ["of"]:
            of_relations(st, i, s, toks, objs)
            continue
        pred = " ".join(words)
        if pred == "for":
            continue   # purpose, not a relation between things ("a platform for a monitor")
        if pred in SUBORDINATORS:
            # "visitors crowd the square as person arrives": a clause, not a relation
            objs = [k for k in objs if not opens_clause(st, k)]
        if pred == "with":
            # "a table with laptops on it": FACTUAL keeps only (laptop, on, table)
            objs = [k for k in objs if not described_by_back_reference(st, k, s)]
        # "toast with jam and coffee with milk": a "with" hung on the last conjunct is its own
        owners = [s] if pred == "with" and doc[i].dep == "conj" else shared_subjects(st, i, s, toks[0])
        with_owners = owners
        shape = "noun/prep_after_verb" if verb_object(st, i) else "noun/prep"
        if words in (["on"], ["in"]) and with_objs and with_objs[0][0] < toks[0]:
            with_owners = [h for h in (resolve(st, k) for _, k in with_objs) if h is not None] or owners
            shape = "noun/with_place"
        moved = place_owner(st, i, s, pred, toks[0], objs, phrases)
        if moved is not None:
            owners, with_owners, shape = moved
        for k in objs:
            p2 = clothing_predicate(st, pred, k)
            rule = shape if p2 == pred else "noun/" + p2     # noun/wear, noun/have: clothing, held parts
            if is_reciprocal(st, k):
                relate(st, owners, p2, k, toks, rule)
                continue
            for subj in owners if p2 == "wear" else with_owners:
                if p2 == "wear" and doc[i].dep == "pobj" and doc[doc[i].head].head != i:
                    # "man sitting on carriage in blue jeans": the verb's subject wears them
                    verb = doc[doc[i].head].head
                    if doc[verb].upos == "VERB":
                        subs = [resolve(st, x) for x in verb_subjects(st, verb)[0]]
                        subj = next((x for x in subs if x is not None), subj)
                if p2 == "wear" and pred == "in" and subj is not None and not can_wear(st.objects[subj].name):
                    add_relation(st, subj, pred, resolve(st, k), toks, rule=shape)   # "gears in an old wrist watch"
                    continue
                add_relation(st, subj, p2, resolve(st, k), toks, rule=rule)
    for k in kids_of(st, i, "poss"):
        if doc[k].tag == "PRP$":
            continue   # "holding a phone to her ear": FACTUAL leaves the pronoun's "have" out
        o = resolve(st, k)
        if o is not None and not any(r.subject == o and r.object == s or r.subject == s and r.object == o
                                     for r in st.relations):
            add_relation(st, o, "have", s, [k], rule="noun/possessive")


def place_owner(st: GraphState, i: int, s: int, pred: str, at: int, objs: list[int],
                phrases: list) -> Optional[tuple[list[int], list[int], str]]:
    """(owners, owners, shape) of a place phrase the parser hung on the wrong noun i, or None:
    - a flat picture with an "of" phrase before it shows what stands there ("illustration of
      spanish style house on a hill" -> house on hill), unless the place displays pictures
      ("a painting of a horse on the wall");
    - a worn garment ("star stunned in a little black dress at conference series") is where
      its wearer is (the star is at the conference series, not the dress)."""
    doc = st.doc
    if pred in NON_PLACE_PREPS or not objs:
        return None
    lemma = noun_lemma(st.low[i])
    if REPRESENTATION_HEADS.get(lemma) == "in" and not any(
            noun_lemma(st.low[k]) in DISPLAY_PLACES or noun_lemma(st.low[k]) in BODY_PARTS for k in objs):
        shown_toks = [k for ws, ts, os in phrases if ws == ["of"] and ts and ts[0] < at for k in os]
        # "portrait of a young woman with wrinkles on his forehead": the "with" thing's place
        held = [k for y in shown_toks for ws, ts, os in head_prep_phrases(st, y)
                if ws == ["with"] and ts and ts[0] < at for k in os]
        shown = [o for o in (resolve(st, k) for k in held or shown_toks) if o is not None]
        if shown and s not in shown:          # not looked through ("an image of potatoes in a bowl")
            return shown, shown, "noun/picture_place"
    p = doc[i].head
    if (doc[i].dep == "pobj" and st.low[p] == "in" and p != doc[p].head
            and (st.low[i] in CLOTHING or lemma in CLOTHING)):
        h = doc[p].head
        toks = verb_subjects(st, h)[0] if doc[h].upos in ("VERB", "AUX") else [h] if is_nominal(st, h) else []
        wearers = [w for w in (resolve(st, k) for k in toks) if w is not None and w != s]
        if wearers:
            return wearers, wearers, "noun/wearer_place"
    return None


def verb_object(st: GraphState, i: int) -> bool:
    """Noun i names no thing and is the object of a verb's preposition ("glasses wait for
    service behind the bar"): a phrase after it is more likely the verb's (the glasses are behind
    the bar), a shape of its own (FACTUAL train: 26% of its relations match, 45% for a thing
    like "a cushion on the floor", 84% for nouns elsewhere)."""
    doc = st.doc
    p = doc[i].head
    return (doc[i].dep == "pobj" and p != i and doc[p].head != p and doc[doc[p].head].upos == "VERB"
            and noun_class(noun_lemma(st.low[i])) not in CONCRETE_CLASSES)


def of_relations(st: GraphState, i: int, s: int, toks: list[int], objs: list[int]) -> None:
    """"X of Y" by X's class (lexicon/of_heads.py): "the leg of the man" -> (man, have, leg);
    "a bowl of fruit" -> (bowl, have, fruit); "a plate of food" -> (food, on, plate); "a
    painting of a horse" -> (horse, in, painting); "a statue of a man" -> (statue, depict, man);
    "the premiere of the film", "walls of glass": no relation."""
    lemma = noun_lemma(st.low[i])
    span = st.objects[s].span
    if span is None or span[1] != i + 1 or lemma in REGION_NOUNS:
        return   # looked through ("a photo of a man and a woman"); "the side of the road"
    compound = " " in st.objects[s].name   # "license plate of a car" is a part, not a plate of food
    for k in objs:
        o = resolve(st, k)
        if o is None or o == s or is_material(st, k):
            continue   # "walls of clear glass": what they are made of, not their owner
        if st.doc[k].dep == "conj" and kids_with(st, k, "acl", "relcl"):
            continue   # "a drawing of a heart and a crayon laid next to it": the crayon is no part of it
        if lemma in REPRESENTATION_HEADS:
            if REPRESENTATION_HEADS[lemma] == "in":
                add_relation(st, o, "in", s, toks, rule="noun/of_picture")
            else:
                add_relation(st, s, "depict", o, toks, rule="noun/of_depict")   # never "a man with a statue"
        elif not compound and lemma in SURFACE_CONTAINERS:
            add_relation(st, o, "on", s, toks, rule="noun/of_surface")
        elif not compound and lemma in ENCLOSING_CONTAINERS:
            add_relation(st, o, "in", s, toks, rule="noun/of_enclosing")
        elif not compound and lemma in CONTAINER_NOUNS:
            add_relation(st, s, "have", o, toks, rule="noun/of_container")
        elif is_part_of(st, lemma, s, o, i, k):
            add_relation(st, o, "have", s, toks, rule="noun/of_part")


def is_part_of(st: GraphState, lemma: str, part: int, owner: int, i: int, k: int) -> bool:
    """Noun i is a part of things ("the roof of the house", "the bed of a truck") or a belonging
    of a person or animal ("the hat of the boy") of noun k: FACTUAL's (owner, have, part).  Not
    when an indefinite head takes bare stuff ("a wall of leaves", "a cloud of dust")."""
    dets = kids_with(st, i, "det")
    if (dets and st.low[dets[0]] in ("a", "an") and not kids_with(st, k, "det", "poss", "nummod")
            and (st.doc[k].tag == "NNS" or noun_lemma(st.low[k]) in MASS_NOUNS)):
        return False
    if lemma in PART_NOUNS or lemma in BODY_PARTS:
        return True
    category = object_category(st.objects[part].name) or object_category(lemma)
    if category is not None and category[0] == "people":
        return False   # "the mother of the bride", "the king of the cats"
    owner_name = st.objects[owner].name
    if is_animate(owner_name) or is_animate(owner_name.split()[-1]):
        return lemma in CLOTHING or lemma in GEAR or category is not None and category[0] in BELONGING_CATEGORIES
    # "the buildings of a city", "the bed of a truck": two known things
    return (category is not None and category[0] not in UNOWNED_CATEGORIES
            and object_category(owner_name) is not None)


def opens_clause(st: GraphState, k: int) -> bool:
    """The noun k after "as"/"while"/... is the subject of a verb right after it ("as a bird
    flies"), so the phrase is a clause."""
    doc = st.doc
    return k + 1 < len(doc) and doc[k + 1].tag in FINITE_TAGS and doc[k + 1].dep != "aux"


def is_material(st: GraphState, k: int) -> bool:
    """Noun k is a material without a determiner ("of clear glass", "of stone")."""
    return (st.low[k] in OF_MATERIALS and st.doc[k].tag == "NN"
            and not kids_with(st, k, "det", "poss", "nummod"))


def shared_subjects(st: GraphState, i: int, s: int, prep: int) -> list[int]:
    """"a cat and a dog on a bed": a phrase on the last conjunct belongs to all, also
    when the parser hung it on the first ("mouse and keyboard on a white surface")."""
    doc = st.doc
    t = doc[i]
    conjs = kids_of(st, i, "conj")
    if (conjs and t.dep != "conj" and all(c < prep and doc[c].upos in NOUN_POS for c in conjs)
            and not any(kids_with(st, c, "prep", "conj", "acl", "relcl") for c in conjs)):
        members = [resolve(st, k) for k in conj_group(st, i)]
        return [m for m in members if m is not None] or [s]
    if t.dep != "conj" or kids_of(st, i, "conj") or not is_nominal(st, t.head):
        return [s]
    members = [resolve(st, k) for k in conj_group_up(st, i)]
    return [m for m in members if m is not None] or [s]


def described_by_back_reference(st: GraphState, k: int, owner: int) -> bool:
    """True if noun k carries a phrase pointing back at its owner ("with stickers on it")."""
    doc = st.doc
    heads = [k] + [v for v in st.kids[k] if doc[v].dep in ("acl", "relcl")]
    for h in heads:
        for p in kids_of(st, h, "prep"):
            if any(st.low[o] == "top" and is_prep_noun(st, o) for o in kids_of(st, p, "pobj")):
                above = owner_above(st, p)
                return above is not None and resolve(st, above) == owner
            for o in kids_of(st, p, "pobj"):
                if phrase_antecedent(st, o) is not None and resolve(st, o) == owner:
                    return True
    return False


def side_by_side(st: GraphState, i: int) -> None:
    """"a cat and a dog side by side" -> (cat, side by side with, dog); "two giraffes
    standing side by side" -> (giraffe, stand side by side with, giraffe)."""
    doc = st.doc
    h = doc[i].head
    if doc[h].upos in ("VERB", "AUX") and h != i:
        toks = verb_subjects(st, h)[0]
        pred, rule = verb_lemma(st.low[h]) + " side by side with", "side_by_side/verb"
    else:
        toks, pred, rule = conj_group(st, h), "side by side with", "side_by_side/noun"
    relate_mutually(st, [s for s in (resolve(st, k) for k in toks) if s is not None], pred, [i, i + 1, i + 2],
                    rule)


# A lifeless thing "in" a garment or an accessory is inside it ("gears in an old wrist watch"); a
# figure of a person wears it ("a statue in a hat").  ("with" stays wearing: "a banana made to look
# like a construction worker with a hard hat" wears it in FACTUAL.)
_FIGURES = ("figure", "doll", "toy", "automaton", "representation")


def can_wear(name: str) -> bool:
    """A thing that can be dressed: anything but a lifeless thing that is no figure of a person."""
    head = name.split()[-1] if name else name
    return noun_class(head) not in LIFELESS_CLASSES or any(is_a(head, f) for f in _FIGURES)
