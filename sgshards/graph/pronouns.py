"""Argument tokens to objects: nouns through objects.py, relative pronouns through the noun their
clause describes, personal and thing pronouns through their antecedent."""
from __future__ import annotations

from typing import Optional

from ..lexicon.taxonomy import noun_classes
from ..lexicon.words import PERSON_PRONOUNS, PERSON_REFERENTS, RELATIVE_PRONOUNS
from ..schemas.graph import SGObject
from .nominals import is_nominal, is_prep_noun, place_adverb
from .objects import is_animate, noun_object
from .state import ARG_DEPS, GraphState, NOUN_POS, VERB_ARG_DEPS, conj_group_up, kids_of, kids_with


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "yourself", "yourselves",
                        "ourselves", "oneself", "themself"})


def resolve(st: GraphState, i: int) -> Optional[int]:
    """Object index for the argument token i (noun, pronoun, relative pronoun)."""
    doc = st.doc
    t = doc[i]
    lw = st.low[i]
    if t.upos == "PRON" or t.tag in ("WDT", "WP", "PRP", "PRP$", "DT"):
        if lw in RELATIVE_PRONOUNS:
            # the relative clause's head noun: "a man who is riding"
            v = t.head
            while doc[v].dep not in ("relcl", "acl") and doc[v].head != v:
                v = doc[v].head
            n = doc[v].head
            if n == v:
                return None
            if lw in ("who", "whom") and not _living(st, n):
                n = _animate_above(st, n)              # "a man sitting on a dirt bike who has a helmet on"
            return resolve(st, n)
        return resolve_pronoun(st, i)
    if t.upos == "NUM" and t.dep in VERB_ARG_DEPS:
        # "two of them", "one" -> an object named after the nearest noun? keep simple: skip
        return None
    if is_nominal(st, i) or (t.dep in ARG_DEPS and t.upos in NOUN_POS and not is_prep_noun(st, i)
                             and not place_adverb(st, i)):
        return noun_object(st, i)
    return None


def _living(st: GraphState, k: int) -> bool:
    return is_animate(st.low[k]) or bool(noun_classes(st.low[k], 2) & {"person", "animal"})


def _animate_above(st: GraphState, n: int) -> int:
    """The person or animal a "who" clause the parser hung on a thing belongs to: the nearest noun above
    the thing that is one ("a man sitting on a dirt bike who has ..." -> the man), else the thing."""
    doc = st.doc
    k = n
    for _ in range(8):
        if doc[k].head == k:
            return n
        k = doc[k].head
        if doc[k].upos in NOUN_POS and _living(st, k):
            return k
    return n


def resolve_pronoun(st: GraphState, i: int) -> Optional[int]:
    """Object a pronoun stands for: the noun its phrase points back at ("with moss on
    them"), the last person of its number ("he", "they"; a person of its own if none),
    or the last thing ("it"); None otherwise."""
    lw = st.low[i]
    if lw in REFLEXIVES:
        return None                  # "a turtle sunning himself": the subject again, no person of its own
    back = phrase_antecedent(st, i)
    if back is not None:
        return resolve(st, back)
    own = clause_subjects(st, i)
    adverbial = adverbial_subject(st, i)
    if lw in PERSON_PRONOUNS:
        want_plural = PERSON_PRONOUNS[lw] == "people"
        for idx in range(len(st.objects) - 1, -1, -1):
            o = st.objects[idx]
            if o.span and o.span[0] < i and o.name.split()[-1] in PERSON_REFERENTS and o.plural == want_plural:
                return idx
        if want_plural and lw in PLURAL_THING_PRONOUNS and not adverbial:
            # (not in an adverbial clause: "pilots fly into these flames as they release water": not the flames)
            # "what my dolls look like when you request that they look new": the things before it
            for idx in range(len(st.objects) - 1, -1, -1):
                o = st.objects[idx]
                if o.span and o.span[0] < i and o.plural and o.span[1] - 1 not in own:
                    return idx
        earlier = [o for o in st.objects if o.span and o.span[0] < i and o.plural]
        if want_plural and lw in PLURAL_THING_PRONOUNS and earlier and not any(
                "person" in noun_classes(o.name.split()[-1]) for o in earlier):
            # things it may stand for but was not given ("what diamonds look like before they are cut"):
            # no person of its own is guessed (people may be: "brave pilots ... as they release water")
            return None
        # no antecedent: the pronoun stands for a person of its own
        if i not in st.obj_of:
            st.obj_of[i] = len(st.objects)
            st.objects.append(SGObject(name=PERSON_PRONOUNS[lw], span=(i, i + 1), plural=want_plural,
                                       rule="pronoun"))
        return st.obj_of[i]
    if lw in ("it", "its", "itself") and not adverbial:
        for idx in range(len(st.objects) - 1, -1, -1):
            o = st.objects[idx]
            if o.span and o.span[0] < i and o.name.split()[-1] not in PERSON_REFERENTS \
                    and (lw == "itself" or o.span[1] - 1 not in own):
                return idx
    return None


# Plural person pronouns that also stand for things ("their" of "a tree and its leaves" is "its").
PLURAL_THING_PRONOUNS = frozenset({"they", "them"})


def adverbial_subject(st: GraphState, i: int) -> bool:
    """Pronoun i is the subject of an adverbial clause ("person lights the sky as it passes over country"):
    the nearest noun is as often wrong as right there, so it gets no antecedent guessed."""
    doc = st.doc
    t = doc[i]
    return t.dep in ("nsubj", "nsubjpass") and t.head != i and doc[t.head].dep == "advcl"


def clause_subjects(st: GraphState, i: int) -> set[int]:
    """Tokens of the subject of the clause pronoun i is an object in: a pronoun that is not
    reflexive never stands for it ("a heart and a crayon laid next to it": not the crayon)."""
    doc = st.doc
    k = doc[i].head
    for _ in range(4):
        if doc[k].upos in ("VERB", "AUX") or doc[k].head == k or doc[k].upos not in ("ADP", "ADV", "ADJ"):
            break
        k = doc[k].head
    if doc[k].upos not in ("VERB", "AUX") or k == i:
        return set()
    out = set(kids_with(st, k, "nsubj", "nsubjpass"))
    if doc[k].dep in ("acl", "relcl") and doc[k].head != k:
        out.add(doc[k].head)
    return out


def phrase_antecedent(st: GraphState, i: int) -> Optional[int]:
    """"a table with a lamp and a clock on it", "trunks with moss on them": a thing
    pronoun in a phrase describing a noun refers to the noun above that one."""
    doc = st.doc
    if st.low[i] not in ("it", "them") or doc[i].dep != "pobj":
        return None
    p = doc[i].head
    n = doc[p].head
    have = n if st.low[n] in ("has", "have", "had") else (
        doc[n].head if doc[n].dep == "dobj" and st.low[doc[n].head] in ("has", "have", "had") else None)
    if have is not None and kids_of(st, have, "nsubj"):
        return kids_of(st, have, "nsubj")[0]   # "the trees have leaves on them"
    if doc[n].upos == "VERB" and doc[n].dep in ("acl", "relcl"):
        n = doc[n].head            # "a suitcase with a cat sitting on it"
    if doc[p].dep != "prep" or not is_nominal(st, n):
        return None
    skip = set(conj_group_up(st, n))
    while doc[n].head != n:
        n = doc[n].head
        if is_nominal(st, n) and n not in skip:
            return n
    return None
