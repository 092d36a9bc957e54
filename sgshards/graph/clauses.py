"""Who does what a verb says: a verb's subjects, inherited along conj/xcomp/acl, and the wearer
a clause on a garment describes."""
from __future__ import annotations

from typing import Optional

from ..augment.vocab import object_category
from ..lexicon.lemmas import is_adjective_only, noun_lemma, verb_lemma
from ..lexicon.of_heads import REPRESENTATION_HEADS
from ..lexicon.words import CLOTHING, COLOURS, DISPLAY_VERBS, SUBORDINATORS, TIME_SUBORDINATORS
from ..schemas.depview import first_conjunct
from .nominals import is_nominal
from .state import GraphState, NOUN_POS, conj_group, conj_group_up, kids_of, kids_with


def verb_subjects(st: GraphState, v: int, seen: frozenset = frozenset()) -> tuple[list[int], bool]:
    """(subject tokens, passive?) of verb v, inherited along conj/xcomp/acl."""
    doc = st.doc
    subj = kids_of(st, v, "nsubj")
    marks = kids_of(st, v, "mark")
    if len(subj) > 1 and marks and subj[0] < marks[0] < subj[-1]:
        # "the debris after a fire broke out at a temple": the noun before the subordinator heads
        # a phrase of its own; the fire broke out, not the debris
        subj = [k for k in subj if k > marks[0]]
    passive = False
    if not subj:
        subj = kids_of(st, v, "nsubjpass")
        passive = bool(subj)
    if not subj:
        # "eggs cooking in pan" / "man holding toddler": the subject was parsed as a
        # compound or noun-phrase adverbial of the verb
        subj = [k for k in kids_with(st, v, "compound", "npadvmod", "amod") if k < v and is_nominal(st, k)
                and (st.doc[k].dep != "amod" or st.doc[k].upos in NOUN_POS
                     and st.low[k] not in COLOURS and st.low[k] not in ("first", "second", "last")
                     and not is_adjective_only(st.low[k]))]
    out = []
    for s in subj:
        out.extend(conj_group(st, s))
    if out:
        if not passive and verb_lemma(st.low[v]) not in DISPLAY_VERBS:
            # "portrait of beautiful woman smiling in soft light": the one shown smiles
            out = [picture_content(st, s) for s in out]
        return out, passive
    t = doc[v]
    if v in seen or t.head == v:
        # "there is gravel": expletive subject, the attr noun is the subject
        return [], passive
    if t.dep == "acl" and t.tag == "VBG" and verb_lemma(st.low[v]) not in DISPLAY_VERBS:
        shown = shown_by_picture(st, t.head)
        if shown is not None:
            # "portrait of beautiful woman smiling in soft light": the one shown smiles
            return conj_group_up(st, shown), False
    if t.dep in ("acl", "relcl"):
        # "a room with a luminous pattern made of stars": a past participle on a "with" thing
        # describes the thing ("boy with red hair sitting": a gerund the bearer)
        # (a garment or a "with" thing shows what it depicts itself: "a demonstrator with a mask
        # depicting politician")
        owner = t.head if (t.tag == "VBN" and carried_thing(st, t.head)
                           or verb_lemma(st.low[v]) in DEPICTING_VERBS) else wearer(st, t.head)
        p = doc[owner].head
        if (t.tag == "VBG" and t.dep == "acl" and doc[owner].dep == "pobj" and doc[p].head != p
                and is_nominal(st, doc[p].head)
                and (st.low[p] == "on" or st.low[p] in PLACE_PREPS and is_place(st.low[owner]))):
            # "a man on a motorbike carrying bananas", "a boy at an airport carrying a dog": the
            # man, the boy carries
            owner = doc[p].head
        return conj_group_up(st, owner), t.tag == "VBN"
    if t.dep == "advcl" and is_nominal(st, t.head) and any(
            st.low[m] in SUBORDINATORS or st.low[m] in TIME_SUBORDINATORS for m in kids_of(st, v, "mark")):
        # "a view of a tunnel while riding a train", "person for athlete after his side win the
        # match": a subordinate clause on a noun has the photographer or its own (misparsed)
        # subject, never the noun
        return [], passive
    if t.dep in ("xcomp", "advcl") and is_nominal(st, t.head):
        if verb_lemma(st.low[v]) not in DISPLAY_VERBS:   # "portrait of military person, raising the flag"
            return conj_group_up(st, picture_content(st, t.head)), False
        return conj_group_up(st, t.head), False   # "train driving on the tracks"
    if t.dep == "advcl" and t.tag in ("VBN", "VBD") and not kids_of(st, v, "mark"):
        described = described_object(st, v)
        if described is not None:
            # "the mayor works the crowds of people lined up along the streets": a participle
            # right after the head verb's object describes the object, not the verb's subject
            return conj_group_up(st, described), True
    if t.dep == "advcl" and t.tag == "VBG" and v < t.head and kids_of(st, t.head, "nsubjpass"):
        # "capturing the tender moments, the babies are surrounded by messages": a participle
        # fronted before a passive clause has no agent in it (the photographer's, or the messages')
        return [], passive
    if t.dep == "conj" and t.tag == "VB" and doc[t.head].tag in ("VBZ", "VBD") and not kids_of(st, v, "aux") \
            and not kids_of(st, t.head, "aux"):
        # "sure the wedding dress is cool, but look at that purple dress": a bare verb after a
        # finite one it cannot agree with is an imperative, said to the reader
        return [], passive
    if t.dep in ("conj", "xcomp", "advcl", "ccomp"):
        return verb_subjects(st, t.head, seen | {v})[0], t.tag == "VBN" and t.dep != "xcomp"
    if t.dep == "acomp" and t.upos == "ADJ":
        return verb_subjects(st, t.head, seen | {v})[0], False   # "getting ready to serve the ball"
    return [], passive


# Verbs of what a thing shows: a garment or a "with" thing does them itself ("a mask depicting politician").
DEPICTING_VERBS = frozenset({"show", "depict", "feature", "display", "portray", "illustrate", "represent", "advertise"})
# Prepositions placing a thing at a place a clause after it cannot have as its agent.
PLACE_PREPS = frozenset({"at", "in", "inside", "near", "by", "outside"})
# Categories (``augment.vocab.object_category``) of places: no agent of a gerund.
PLACE_CATEGORIES = frozenset({"place", "building", "room", "road", "landscape", "settlement"})


def is_place(word: str) -> bool:
    """A place by its category ("airport", "beach", "kitchen")."""
    category = object_category(noun_lemma(word))
    return category is not None and category[0] in PLACE_CATEGORIES


def described_object(st: GraphState, v: int) -> Optional[int]:
    """The direct object of v's head verb that participle v (an advcl without subject of its
    own) follows with nothing but the object's phrase between ("works the crowds of people
    lined up"), or None."""
    doc = st.doc
    h = doc[v].head
    dobjs = [k for k in kids_of(st, h, "dobj") if h < k < v]
    if not dobjs or h == v or any(doc[k].upos in ("PUNCT", "CCONJ") for k in range(dobjs[-1], v)):
        return None
    return dobjs[-1]


def shown_by_picture(st: GraphState, n: int) -> Optional[int]:
    """The noun a flat picture n shows ("portrait of beautiful woman" -> woman), or None."""
    if REPRESENTATION_HEADS.get(noun_lemma(st.low[n])) != "in":
        return None
    shown = [k for p in kids_of(st, n, "prep") if st.low[p] == "of" for k in kids_of(st, p, "pobj")]
    return shown[0] if shown and is_nominal(st, shown[0]) else None


def picture_content(st: GraphState, n: int) -> int:
    """What flat picture n shows, or n itself."""
    shown = shown_by_picture(st, n)
    return n if shown is None else shown


def carried_thing(st: GraphState, n: int) -> bool:
    """Noun n is the object of "with" and no garment ("with a luminous pattern")."""
    p = st.doc[n].head
    return (st.doc[n].dep == "pobj" and st.low[p] == "with"
            and st.low[n] not in CLOTHING and noun_lemma(st.low[n]) not in CLOTHING)


def wearer(st: GraphState, n: int) -> int:
    """"a girl in a white cardigan using a phone": a clause on the clothing (or on a
    "with" accessory: "boy with red hair sitting") describes the person."""
    doc = st.doc
    first = n                        # "in red coat and grey pants watching...": from the first garment
    if st.low[n] in CLOTHING or noun_lemma(st.low[n]) in CLOTHING:
        first = first_conjunct(doc, n, leftward=True, limit=len(doc))
    if first != n and wearer(st, first) != first:
        return wearer(st, first)
    p = doc[n].head
    if (doc[n].dep == "pobj" and doc[p].dep == "prep" and st.low[p] in ("in", "with")
            and doc[p].head != p and is_nominal(st, doc[p].head)
            and (st.low[p] == "in" or st.low[n] in CLOTHING or noun_lemma(st.low[n]) in CLOTHING
                 or doc[n].tag in ("NN", "NNS") and kids_of(st, n, "amod"))):
        return doc[p].head
    if doc[n].dep == "dobj" and doc[p].dep in ("acl", "relcl") and verb_lemma(st.low[p]) == "wear":
        return doc[p].head   # "a man wearing a red shirt holding a frisbee": the man holds it
    return n


def ends_clause(st: GraphState, v: int) -> bool:
    """Nothing but punctuation after token v (or after its relative clause's end)."""
    return all(t.upos == "PUNCT" for t in st.doc[v + 1:])
