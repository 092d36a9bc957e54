"""Which tokens name things: nouns, mis-tagged nouns in argument positions, and the nouns that
are really part of a preposition ("in front of"), a gerund ("a dog swimming") or a trick."""
from __future__ import annotations

from typing import Optional

from ..lexicon.lemmas import is_verb_only, noun_lemma, verb_lemma
from ..lexicon.words import (BARE_DIRECTIONS, COLOURS, ING_NOUNS, OF_PREP_NOUNS, PLACE_ADVERB_NOUNS, SHAPE_PARTICIPLES,
                             SIDE_MODIFIERS)
from .state import GraphState, NOUN_POS, VERB_ARG_DEPS, kids_of, kids_with


def is_prep_noun(st: GraphState, i: int) -> bool:
    """"front" in "in front of": part of a multiword preposition."""
    doc = st.doc
    t = doc[i]
    if t.dep != "pobj" or st.low[i] not in OF_PREP_NOUNS and not side_modifiers(st, i):
        return False
    if kids_with(st, i, "amod", "compound") and side_modifiers(st, i) is None and not bare_side(st, i):
        return False
    if any(st.low[k] in ("of", "to") for k in kids_of(st, i, "prep")):
        return True
    if of_left_out(st, i) is not None:
        return True
    # "the man on the left", "chocolate on top": a direction, not a thing
    return (st.low[i] in BARE_DIRECTIONS or bare_side(st, i)) and not kids_with(st, i, "prep", "poss")


def place_adverb(st: GraphState, i: int) -> bool:
    """"actor poses backstage", "heading home": a bare place noun as a verb's object or modifier is
    where the act happens, no thing."""
    t = st.doc[i]
    return (st.low[i] in PLACE_ADVERB_NOUNS and t.dep in ("dobj", "npadvmod", "advmod") and t.head != i
            and st.doc[t.head].upos == "VERB" and not kids_with(st, i, "det", "poss", "amod", "compound", "nummod"))


def bare_side(st: GraphState, i: int) -> bool:
    """"taken from the opposite side", "on the other side": a side of nothing named, a direction."""
    mods = kids_with(st, i, "amod", "compound")
    return (st.low[i] in ("side", "sides") and bool(mods) and all(st.low[m] in SIDE_MODIFIERS for m in mods)
            and not kids_of(st, i, "prep"))


def of_left_out(st: GraphState, i: int) -> Optional[int]:
    """"a trunk in front a bear": the noun after "front"/"top" when "of" is left out and
    the parser hung that noun elsewhere, else None."""
    doc = st.doc
    if (st.low[i] not in ("front", "top") or doc[i].dep != "pobj"
            or kids_with(st, i, "prep", "amod", "compound")):
        return None
    k = i + 1
    while k < len(doc) and doc[k].upos in ("DET", "ADJ", "NUM"):
        k += 1
    if k < len(doc) and doc[k].upos in NOUN_POS and doc[k].dep in ("appos", "npadvmod", "dobj", "conj"):
        return k
    return None


def side_modifiers(st: GraphState, i: int) -> Optional[list[str]]:
    """Predicate words of the modifiers of "side" in "on the other/left/both side(s) of",
    or None when i is no modified side."""
    mods = kids_with(st, i, "amod", "compound") + [
        k for k in kids_with(st, i, "det", "predet", "nummod") if st.low[k] in SIDE_MODIFIERS]
    if (not mods or st.low[i] not in ("side", "sides") or any(st.low[m] not in SIDE_MODIFIERS for m in mods)
            or not any(st.low[k] == "of" for k in kids_of(st, i, "prep"))):
        return None
    return [w for m in sorted(mods) for w in SIDE_MODIFIERS[st.low[m]]]


def is_fragment_noun(st: GraphState, i: int) -> bool:
    """A caption-initial noun mis-tagged as the root verb: "kites in the air"; never a word the
    dictionary knows only as a verb ("arrives at the premiere": a caption without its subject)."""
    t = st.doc[i]
    return (t.dep == "ROOT" and t.upos == "VERB" and not is_verb_only(st.low[i])
            and (t.tag in ("VB", "VBZ", "VBP") or t.tag == "VBG" and st.low[i] in ING_NOUNS)
            and all(st.doc[k].upos in ("DET", "ADJ", "NUM") for k in range(i))
            and not kids_with(st, i, "nsubj", "nsubjpass", "aux", "dobj", "expl", "auxpass"))


def is_hidden_gerund(st: GraphState, i: int) -> bool:
    """"a dog swimming in the water" tagged as the compound noun "dog swimming"."""
    t = st.doc[i]
    lw = st.low[i]
    return (t.upos == "NOUN" and t.tag == "NN" and lw.endswith("ing") and lw not in ING_NOUNS
            and t.dep != "compound" and verb_lemma(lw) != lw
            and any(st.doc[k].upos in NOUN_POS for k in kids_of(st, i, "compound")))


def is_nominal(st: GraphState, i: int) -> bool:
    """Does token i name a thing (memoised: every rule family asks)?"""
    known = st.nominal[i]
    if known is None:
        known = st.nominal[i] = _is_nominal(st, i)
    return known


def _is_nominal(st: GraphState, i: int) -> bool:
    """is_nominal, computed: nouns not part of a preposition, gerund or trick, compound
    words whose head names nothing, and mis-tagged nouns in argument positions."""
    t = st.doc[i]
    if is_prep_noun(st, i) or place_adverb(st, i):
        return False
    if t.upos == "NOUN" and is_hidden_gerund(st, i):
        return False
    if is_trick(st, i):
        return False
    if t.upos == "VERB" and is_fragment_noun(st, i):
        return True
    if t.upos in NOUN_POS:
        if (st.low[i] in COLOURS and i + 1 < len(st.doc)
                and st.low[i + 1] in SHAPE_PARTICIPLES):
            return False   # "tan colored pants": tan describes the pants
        if t.dep == "amod" and t.head != i and (is_nominal(st, t.head) or st.doc[t.head].dep == "compound"
                                                  and st.doc[t.head].upos in NOUN_POS):
            return False   # "white phone" with white tagged PROPN: a modifier, not an object
        if t.dep != "compound" or t.head == i:
            return True
        top = t.head   # "white cake tray": follow the compound chain to its head
        while st.doc[top].dep == "compound" and st.doc[top].head != top:
            top = st.doc[top].head
        return not is_nominal(st, top) and side_modifiers(st, top) is None
    if t.upos == "PRON":
        return False
    # mis-tagged nouns in argument positions, e.g. "the side walk" (walk/VB as pobj)
    if t.dep in VERB_ARG_DEPS or t.dep == "pcomp":
        if t.upos not in ("VERB", "ADJ", "X", "ADV") or t.tag.startswith(("VBD", "RB")):
            return False
        # a finite verb cannot be an argument ("leaves on the trees are red"), nor
        # can a known -ing noun ("white frosting on a platter"): their prepositions are theirs
        noun_like = t.dep != "pcomp" and (t.tag in ("VBZ", "VBP") or st.low[i] in ING_NOUNS)
        if t.tag in ("VBZ", "VBP") and not noun_like:
            return False
        verbal = ("dobj", "nsubj", "aux", "advmod", "acomp", "prt", "xcomp", "ccomp", "dative", "agent")
        return not kids_with(st, i, *verbal if noun_like else verbal + ("prep",))
    return False


def is_trick(st: GraphState, k: int) -> bool:
    """"doing a trick", "performing stunts": the trick is how the subject relates to
    the things it is done on or with, not an object."""
    doc = st.doc
    h = doc[k].head
    return (doc[k].dep == "dobj" and noun_lemma(st.low[k]) in ("trick", "stunt") and h != k
            and verb_lemma(st.low[h]) in ("do", "perform"))


def is_reciprocal(st: GraphState, k: int) -> bool:
    """"each other" / "eachother" / "one another"."""
    lw = st.low[k]
    return (lw == "eachother" or lw == "other" and any(st.low[d] == "each" for d in st.kids[k])
            or lw == "another" and k > 0 and st.low[k - 1] == "one")
