"""Relations of a verb: subject-verb-object, verb + preposition, passives with agents, tricks,
"has Y on it", and the copula ("the car is red", "there is a dog on the bed")."""
from __future__ import annotations

from typing import Optional

from ..lexicon.lemmas import is_noun_only, noun_lemma, verb_lemma
from ..lexicon.words import (
    AGENT_PREP_VERBS, BEARER_PLACE_PREPS, BEARING_VERBS, BODY_PARTS, COLOURS, OBJECT_PLACE_PREPS, PART_ADJECTIVES, PLACEMENT_VERBS, POSITIONAL_ADJS,
    TRICK_GEAR,
)
from .clauses import ends_clause, verb_subjects
from .nominals import is_nominal, is_trick
from .objects import add_object
from .phrases import clothing_predicate, head_prep_phrases, relate, stranded_object
from .pronouns import resolve
from .state import GraphState, NOUN_POS, add_attribute, add_relation, conj_group, kids_of, kids_with

# Adverbs that complete a verb as its particle when they follow its object ("taking it away").
ADVERB_PARTICLES = frozenset({"away", "back", "aside", "apart", "off", "out"})


def verb_relations(st: GraphState, v: int) -> None:
    """Relations of verb v: subject-verb-object, verb + preposition (or the object's place),
    agents, tricks, "has Y on it", object-gap clauses; a bare state ("a man standing",
    "the lid is closed") becomes an attribute.  Copulas go to copula()."""
    doc = st.doc
    t = doc[v]
    lemma = t.lemma.lower() if t.upos == "AUX" else verb_lemma(st.low[v])
    subj_toks, passive = verb_subjects(st, v)
    expl = bool(kids_of(st, v, "expl"))
    if lemma == "be" or expl:
        copula(st, v, subj_toks, expl)
        return
    subjects = [s for s in (resolve(st, k) for k in subj_toks) if s is not None]
    n_before = len(st.relations)
    prts = [k for k in kids_of(st, v, "prt") if not kids_of(st, k, "pobj")]
    dobj_end = max(kids_of(st, v, "dobj"), default=len(doc))
    # "taking it away", "putting the toys back": a particle the tagger read as an adverb after the
    # object is the verb's ("taking the umbrella" is not what the caption says)
    prts = sorted(prts + [k for k in kids_of(st, v, "advmod") if k > dobj_end and st.low[k] in ADVERB_PARTICLES
                          and not st.kids[k]])
    base_words = [lemma] + [st.low[k] for k in prts]
    base_toks = [v] + prts
    pred = " ".join(base_words)
    dobjs = []
    for k in kids_of(st, v, "dobj"):
        dobjs.extend(conj_group(st, k))
    tricks = [k for k in dobjs if is_trick(st, k)]
    if tricks:
        trick_relations(st, v, tricks[0], subjects)
        return
    if lemma == "have" and dobjs:
        placed = have_on_it(st, v, dobjs, prts)
        if placed is not None:
            # "the pole has a flag on it", "the man has a tux on": (flag, on, pole)
            word, tok = placed
            for s in subjects:
                for k in dobjs:
                    add_relation(st, resolve(st, k), word, s, [tok], rule="verb/have_on_it")
            return
    for k in dobjs:
        relate(st, subjects, pred, k, base_toks, "verb/have" if lemma == "have" else "verb/dobj")
    if not dobjs and not prts and not kids_with(st, v, "prep", "dative", "xcomp", "ccomp") and ends_clause(st, v):
        # object-gap clause: "the plaid shirt the man is wearing", also parsed as two subjects
        nsubjs = kids_of(st, v, "nsubj")
        if t.dep == "relcl" and nsubjs:
            for s in subjects:
                add_relation(st, s, pred, resolve(st, t.head), base_toks, rule="verb/gap")
        elif len(nsubjs) >= 2:
            for other in [resolve(st, k) for k in nsubjs[1:]]:
                add_relation(st, other, pred, resolve(st, nsubjs[0]), base_toks, rule="verb/gap")
    agents = []
    for a in kids_of(st, v, "agent"):
        for k in kids_of(st, a, "pobj"):
            agents.extend(conj_group(st, k))
    for k in agents:
        agent = resolve(st, k)
        for s in subjects:
            add_relation(st, agent, lemma, s, base_toks, rule="verb/agent")
    phrases = head_prep_phrases(st, v)
    # "a cake topped with strawberries on a plate", "shelf filled with books on the wall": a
    # participle completed by "with" says what the thing bears; a place phrase after it locates
    # the thing itself (FACTUAL: (shelf, on, wall), (plate, on, table)), not "topped on"; before
    # the "with" it may complete the verb ("covered in snow with ...", "decorated in style with")
    bearing = min((tk[0] for w, tk, _ in phrases if w == ["with"] and tk), default=None) \
        if t.tag == "VBN" and not dobjs and lemma in BEARING_VERBS else None
    # "a young man sitting with his hand on his knee": a place after a "with" body part is the
    # part's place (hand on knee), not the verb's (never "sitting on his knee")
    with_parts = [(tk[0], k) for w, tk, os in phrases if w == ["with"] and tk for k in os
                  if noun_lemma(st.low[k]) in BODY_PARTS and not dobjs]
    for words, toks, objs in phrases:
        if with_parts and toks and toks[0] > with_parts[0][0] and words in (["on"], ["in"], ["over"], ["under"],
                                                                            ["around"], ["behind"]):
            parts = [h for h in (resolve(st, k) for _, k in with_parts) if h is not None]
            for k in objs:
                relate(st, parts, " ".join(words), k, toks, "verb/with_place")
            continue
        if bearing is not None and toks and toks[0] > bearing and " ".join(words) in BEARER_PLACE_PREPS:
            objs, holders = stranded_object(st, v, objs, subjects)
            for k in objs:
                relate(st, holders, " ".join(words), k, toks, "verb/bearer_place")
            continue
        if passive and lemma in AGENT_PREP_VERBS and words in (["in"], ["with"], ["by"]):
            for k in objs:
                for s in subjects:
                    add_relation(st, resolve(st, k), lemma, s, [v], rule="verb/agent_prep")
            continue
        # with a direct object the prepositional phrase locates the subject
        # ("boys flying a kite on a beach" -> boy on beach); without one it
        # completes the verb ("sitting on a bench" -> sit on)
        if words == ["for"]:
            # purpose, not place: "waiting for the train" -> (person, wait, train);
            # "a platform for a monitor" / "hands out for balance" give no relation
            if dobjs:
                continue
            words, toks = [], []
        shape = "verb/place" if dobjs else "verb/prep" if words else "verb/for"
        p = " ".join(words if dobjs else [lemma] + words)
        toks_used = toks if dobjs else [v] + toks
        objs, subjects = stranded_object(st, v, objs, subjects)
        holders = subjects
        if dobjs and toks and toks[0] > dobjs[0] and locates_object(st, lemma, p):
            holders = [o for o in (resolve(st, k) for k in dobjs) if o is not None] or subjects
            shape = "verb/object_place"
        for k in objs:
            p2 = clothing_predicate(st, p, k)
            # "wearing a red shirt with ties" / "with blue jeans": the wearer wears both
            relate(st, subjects if p2 == "wear" and subjects else holders, p2, k, toks_used,
                   shape if p2 == p else "verb/" + p2)
    if prts and not dobjs:
        # stranded particle: "the sofa the man is sitting on" (relative clause), also
        # parsed as two subjects ("the chair the dogs are sitting on")
        nsubjs = kids_of(st, v, "nsubj")
        if t.dep == "relcl":
            for other in [resolve(st, k) for k in nsubjs]:
                add_relation(st, other, pred, resolve(st, t.head), base_toks, rule="verb/stranded_particle")
        elif len(nsubjs) >= 2 and doc[prts[-1]].tag == "IN" and prts[-1] == len(doc) - 1 - (doc[-1].upos == "PUNCT"):
            for other in [resolve(st, k) for k in nsubjs[1:]]:
                add_relation(st, other, pred, resolve(st, nsubjs[0]), base_toks, rule="verb/stranded_particle")
    made_relation = len(st.relations) > n_before
    if (not made_relation and t.tag == "VBG" and t.dep == "ROOT" and not dobjs
            and not kids_with(st, v, "xcomp", "ccomp", "advcl", "acomp", "oprd")
            and not any(is_nominal(st, k) for k in range(v + 1, len(doc)))):
        # "a man standing", "two people are sitting down": the state is an attribute
        # (not when a noun follows: "holding guitar" mis-parsed is no state)
        span = (v, max(base_toks) + 1)
        for s in subjects:
            add_attribute(st, st.objects[s], span[0], span[1], rule="state/ing")
    elif (not made_relation and passive and t.tag == "VBN" and not dobjs and not prts
          and st.low[v] not in PART_ADJECTIVES
          and not kids_with(st, v, "prep", "agent", "xcomp", "ccomp", "advcl", "acomp", "oprd", "dative")):
        # "the toilet lid is closed", "the hills are forested": a state, an attribute in FACTUAL
        for s in subjects:
            add_attribute(st, st.objects[s], v, rule="state/passive")


def copula(st: GraphState, v: int, subj_toks: list[int], expl: bool) -> None:
    """"the car is red" -> (car, red); "there is a dog on the bed" -> (dog, on, bed);
    "this is an urban park" makes the park an object."""
    doc = st.doc
    attrs = kids_of(st, v, "attr")
    if expl:
        subj_toks = []
        for k in attrs:
            subj_toks.extend(conj_group(st, k))
    subjects = [s for s in (resolve(st, k) for k in subj_toks) if s is not None]
    for a in kids_of(st, v, "acomp"):
        for k in conj_group(st, a):
            if st.low[k] == "full" and any(st.low[p] == "of" for p in kids_of(st, k, "prep")):
                continue
            if doc[k].upos == "ADJ" and st.low[k] not in POSITIONAL_ADJS:
                for s in subjects:
                    add_attribute(st, st.objects[s], k, rule="predicate/adj")
    if not expl:
        for k in attrs:
            if st.low[k] in ("color", "colour"):
                # "water is blue color": the colour describes the subject
                for a in kids_with(st, k, "amod", "compound"):
                    if st.low[a] in COLOURS:
                        for s in subjects:
                            add_attribute(st, st.objects[s], a, rule="predicate/colour")
                continue
            resolve(st, k)  # "this is an urban park": the noun is still an object
    for words, toks, objs in head_prep_phrases(st, v):
        pred = " ".join(words)
        objs, subjs = stranded_object(st, v, objs, subjects)
        for k in objs:
            relate(st, subjs, pred, k, toks, "copula/there" if expl else "copula/prep")


def trick_relations(st: GraphState, v: int, k: int, subjects: list[int]) -> None:
    """"a boy doing a trick on a skateboard" / "a boy doing a skateboard trick" ->
    (boy, trick on, skateboard): FACTUAL's reading."""
    doc = st.doc
    word = noun_lemma(st.low[k])
    for words, toks, objs in head_prep_phrases(st, v) + head_prep_phrases(st, k):
        for o in objs:
            relate(st, subjects, word + " " + " ".join(words), o, [k] + toks, "verb/trick")
    for c in st.kids[k]:
        if c < k and doc[c].dep in ("compound", "amod") and (
                doc[c].upos in NOUN_POS or noun_lemma(st.low[c]) in TRICK_GEAR or is_noun_only(st.low[c])):
            o = add_object(st, c)
            for s in subjects:
                add_relation(st, s, word + " on", o, [k], rule="verb/trick_gear")


def have_on_it(st: GraphState, v: int, dobjs: list[int], prts: list[int]) -> Optional[tuple[str, int]]:
    """(preposition, token) of "has Y on it/them" or "has Y on", else None."""
    for p in kids_of(st, v, "prep") + [q for k in dobjs for q in kids_of(st, k, "prep")]:
        if st.low[p] in ("on", "in") and any(
                st.low[o] in ("it", "them") for o in kids_of(st, p, "pobj")):
            return st.low[p], p
    for k in prts:
        if st.low[k] == "on" and all(k > d for d in dobjs):
            return "on", k
    return None


def locates_object(st: GraphState, lemma: str, prep: str) -> bool:
    """Does a place phrase after the direct object of verb `lemma` locate the object?"""
    return (prep in OBJECT_PLACE_PREPS or prep in ("on", "in") and lemma in PLACEMENT_VERBS
            or prep == "with" and lemma == "wear")   # "wearing a shirt with stripes"
