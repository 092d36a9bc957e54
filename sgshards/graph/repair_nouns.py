"""Parse repairs that restore a noun the small model took for something else (a verb, an
adverb, a modal, a clause) or hung under the wrong head.  Registered, in order, in repairs.py;
what each reads is explained in repair_base.py."""
from __future__ import annotations

from ..lexicon.lemmas import is_noun_only, verb_lemma
from ..lexicon.words import BARE_DIRECTIONS, ING_MODIFIERS, ING_NOUNS, PREP_HEADS
from ..schemas.depview import DepToken
from .repair_base import OriginalParse
from .state import NOUN_POS


def noun_head(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"a fire hydrant" with hydrant tagged adverb/adjective hanging off "fire": a word
    known only as a noun, right after a noun, is the head of the compound."""
    t = original.tokens[i]
    doc = fixed
    p = t.i - 1
    if (t.upos not in ("ADV", "ADJ") or p < 0 or doc[p].upos not in NOUN_POS
            or t.dep not in ("advmod", "appos", "amod", "npadvmod", "ROOT")
            or t.head > t.i or not is_noun_only(t.text.lower())):
        return
    if doc[p].head == t.i:   # already the noun's head: only the tag is wrong
        head, dep = t.head, t.dep
    else:                    # take over the noun's place in the tree
        head, dep = (doc[p].head, doc[p].dep) if doc[p].head != p else (t.i, "ROOT")
    fixed[t.i] = t._replace(head=head, dep=dep, upos="NOUN", tag="NN")
    fixed[p] = doc[p]._replace(head=t.i, dep="compound")
    for k in original.children[p]:
        if k < p and doc[k].dep in ("det", "amod", "compound", "nummod", "poss"):
            fixed[k] = fixed[k]._replace(head=t.i)
    if head == t.i:
        for k in original.children[p]:
            if k > t.i:
                fixed[k] = fixed[k]._replace(head=t.i)


def noun_can(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"trash can next to the bench", "the garbage can is full": "can" after a noun and
    not before a verb is the noun's head, not a modal."""
    t = original.tokens[i]
    if t.tag != "MD":
        return
    doc = fixed
    n = t.i - 1
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if (t.text.lower() not in ("can", "cans") or n < 0 or doc[n].upos not in NOUN_POS
            or nxt is not None and (nxt.tag == "VB" or nxt.upos == "ADV" and nxt.text.lower() not in PREP_HEADS
                                    or nxt.upos == "PART")):
        return
    if doc[n].head == n:
        head, dep = t.i, "ROOT"
    elif doc[n].head == t.i:             # the noun hung on the modal: take the modal's place
        head, dep = (t.head, doc[n].dep) if t.head != t.i else (t.i, "ROOT")
    else:
        head, dep = doc[n].head, doc[n].dep
    fixed[t.i] = t._replace(upos="NOUN", tag="NNS" if t.text.lower() == "cans" else "NN", lemma="can",
                            head=head, dep=dep)
    fixed[n] = fixed[n]._replace(head=t.i, dep="compound")
    for k in original.children[n]:
        if k < n:
            fixed[k] = fixed[k]._replace(head=t.i)


def mistagged_subject(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """Caption-initial nouns the small model tags as something else: "tall lamppost
    sitting on the platform" (lamppost/RB), "a surfboard hanging on the wall"
    (surfboard/JJ modifying "hanging"), "giraffe standing in green grass" (standing/NNP
    with giraffe as its compound)."""
    t = original.tokens[i]
    if t.upos not in ("ADV", "ADJ", "ADP", "X") and t.dep != "ROOT":
        return
    doc = fixed
    lw = t.text.lower()
    if t.upos not in NOUN_POS and t.upos in ("ADV", "ADJ", "ADP", "X") and is_noun_only(lw):
        if t.dep == "ROOT" and any(doc[k].dep in ("acl", "relcl", "prep", "amod", "det") for k in original.children[t.i]):
            fixed[t.i] = fixed[t.i]._replace(upos="NOUN", tag="NN")
        elif (t.dep == "amod" and t.head == t.i + 1 and doc[t.head].upos == "VERB" and doc[t.head].tag == "VBG"
              and doc[t.head].dep == "ROOT" and all(doc[k].upos in ("DET", "ADJ") for k in range(t.i))):
            v = t.head
            fixed[t.i] = fixed[t.i]._replace(upos="NOUN", tag="NN", head=t.i, dep="ROOT")
            fixed[v] = fixed[v]._replace(head=t.i, dep="acl")
            for k in original.children[v]:
                if k < t.i or doc[k].dep == "punct":
                    fixed[k] = fixed[k]._replace(head=t.i)
    elif (t.dep == "ROOT" and t.upos in NOUN_POS and lw.endswith("ing") and lw not in ING_NOUNS
          and verb_lemma(lw) != lw and t.i > 0 and doc[t.i - 1].dep == "compound" and doc[t.i - 1].head == t.i
          and doc[t.i - 1].upos in NOUN_POS):
        n = t.i - 1
        fixed[n] = fixed[n]._replace(head=n, dep="ROOT", upos="NOUN", tag="NN" if doc[n].tag == "NNP" else doc[n].tag)
        fixed[t.i] = fixed[t.i]._replace(head=n, dep="acl", upos="VERB", tag="VBG")
        for k in original.children[t.i]:
            if k < n or doc[k].dep == "punct":
                fixed[k] = fixed[k]._replace(head=n)


def stop_sign(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"girl standing next to stop sign" with stop as a verb taking "sign": the sign (or
    light) is the noun, stop its compound (reads the parser's labels)."""
    doc, low, t = original.tokens, original.words, original.tokens[i]
    if not (low[t.i] == "stop" and t.upos == "VERB" and t.i + 1 < len(doc)
            and low[t.i + 1] in ("sign", "signs", "light", "lights") and doc[t.i + 1].head == t.i):
        return
    n = t.i + 1
    fixed[n] = fixed[n]._replace(head=t.head if t.head != t.i else n,
                                 dep="pobj" if t.dep == "pcomp" else t.dep)
    fixed[t.i] = fixed[t.i]._replace(head=n, dep="compound", upos="NOUN", tag="NN")
    for k in original.children[t.i]:
        if k != n:
            fixed[k] = fixed[k]._replace(head=n)


def teddy_bear(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"teddy bears on shelves" with bears as a verb: the noun, teddy its compound."""
    low, t = original.words, original.tokens[i]
    if low[t.i] in ("bear", "bears") and t.upos != "NOUN" and t.i > 0 and low[t.i - 1] == "teddy":
        fixed[t.i] = fixed[t.i]._replace(upos="NOUN", tag="NNS" if low[t.i] == "bears" else "NN")
        fixed[t.i - 1] = fixed[t.i - 1]._replace(head=t.i, dep="compound")


def initial_participle(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"parked black car beside a building": a caption-initial participle parsed as the
    root verb with the noun as its object describes the noun, which heads the caption."""
    t = original.tokens[i]
    doc = fixed
    if (t.dep != "ROOT" or t.tag not in ("VBD", "VBN") or t.text.lower() in ("had", "did")
            or any(doc[k].upos != "DET" for k in range(t.i))
            or any(doc[k].dep in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for k in original.children[t.i])):
        return
    dobjs = [k for k in original.children[t.i] if doc[k].dep == "dobj"]
    if len(dobjs) != 1 or doc[dobjs[0]].upos not in NOUN_POS:
        return
    n = dobjs[0]
    if any(doc[k].head not in range(t.i + 1, n + 1) for k in range(t.i + 1, n)):
        return   # only the noun's own modifiers between participle and noun
    fixed[n] = fixed[n]._replace(head=n, dep="ROOT")
    fixed[t.i] = fixed[t.i]._replace(head=n, dep="amod", upos="ADJ")
    for k in original.children[t.i]:
        if k != n and doc[k].dep not in ("prt", "advmod", "npadvmod"):
            fixed[k] = fixed[k]._replace(head=n)


def ing_modifier(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"folding chair on the ground" parsed as a gerund taking "chair" as its object: the
    "-ing" word names the kind of chair, the chair heads the caption."""
    t, doc = original.tokens[i], original.tokens
    if not (t.dep == "ROOT" and t.tag == "VBG" and original.words[t.i] in ING_MODIFIERS
            and all(doc[k].upos == "DET" for k in range(t.i))
            and not any(doc[k].dep in ("nsubj", "aux") for k in original.children[t.i])):
        return
    doc = fixed
    objs = [k for k in original.children[t.i] if doc[k].dep == "dobj" and doc[k].upos in NOUN_POS]
    if not objs or any(doc[k].head != objs[0] for k in range(t.i + 1, objs[0])):
        return
    n = objs[0]
    fixed[n] = fixed[n]._replace(head=n, dep="ROOT")
    fixed[t.i] = fixed[t.i]._replace(head=n, dep="compound", upos="NOUN", tag="NN")
    for k in original.children[t.i]:
        if k != n:
            fixed[k] = fixed[k]._replace(head=n)


def noun_root_after_object(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"cat sitting in bathroom sink" parsed as "cat ... sink" with sink as the root and
    bathroom as the preposition's object: sink is the object, bathroom its compound."""
    t = original.tokens[i]
    doc = fixed
    p = t.i - 1
    if (t.dep != "ROOT" or t.upos not in NOUN_POS or p < 1 or doc[p].dep != "pobj" or doc[p].upos not in NOUN_POS
            or t.text.lower().endswith("ing") or t.text.lower() in BARE_DIRECTIONS):
        return
    subjects = [k for k in original.children[t.i] if doc[k].dep == "nsubj" and k < p and doc[k].upos in NOUN_POS]
    if len(subjects) != 1:
        return
    s, a = subjects[0], doc[p].head
    while a != s and doc[a].head != a:
        a = doc[a].head
    if a != s:
        return
    fixed[s] = fixed[s]._replace(head=s, dep="ROOT")
    fixed[t.i] = fixed[t.i]._replace(head=doc[p].head, dep="pobj")
    fixed[p] = fixed[p]._replace(head=t.i, dep="compound")
    for k in original.children[p]:
        if k < p:
            fixed[k] = fixed[k]._replace(head=t.i)


def preposition_root(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"a garbage can in a yard" parsed with "in" as the root and the noun as its
    subject: the noun heads the caption, the preposition hangs on it."""
    t = original.tokens[i]
    doc = fixed
    if (t.dep != "ROOT" or t.upos != "ADP" or not any(doc[k].dep == "pobj" for k in original.children[t.i])
            or any(doc[k].dep in ("xcomp", "ccomp", "advcl") for k in original.children[t.i])):
        return                           # "a man about to hit the ball" is a clause
    subjects = [k for k in range(t.i) if doc[k].head == t.i and doc[k].dep in ("nsubj", "nsubjpass")
                and doc[k].upos in NOUN_POS]
    if len(subjects) != 1:
        return
    n = subjects[0]
    fixed[n] = fixed[n]._replace(head=n, dep="ROOT")
    fixed[t.i] = fixed[t.i]._replace(head=n, dep="prep")
    for k in original.children[t.i]:
        if k < n:
            fixed[k] = fixed[k]._replace(head=n)


def gap_compound(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"black jacket man is wearing": a caption ending in a transitive verb without object
    whose subject has a compound in front - the compound is the missing object (of the
    stranded preposition in "table fruit is on")."""
    t = original.tokens[i]
    doc = fixed
    if t.dep != "ROOT" or t.upos not in ("VERB", "AUX"):
        return
    # "table fruit is on", "stool man is sitting on": a stranded preposition ends the caption
    stranded = [k for k in original.children[t.i] if doc[k].dep == "prep" and not original.children[k]
                and all(x.upos == "PUNCT" for x in doc[k + 1:])]
    if stranded:
        if any(doc[k].dep in ("dobj", "attr", "acomp") for k in original.children[t.i]):
            return
    elif (t.upos != "VERB" or any(doc[k].dep in ("dobj", "prep", "prt", "xcomp", "ccomp") for k in original.children[t.i])
            or not all(x.upos == "PUNCT" for x in doc[t.i + 1:])):
        return
    subj = [k for k in original.children[t.i] if doc[k].dep == "nsubj" and doc[k].upos in NOUN_POS]
    if len(subj) != 1:
        return
    comps = [k for k in original.children[subj[0]] if doc[k].dep == "compound" and doc[k].upos in NOUN_POS and k < subj[0]]
    if comps and not any(doc[k].dep == "det" and k < comps[0] for k in original.children[subj[0]]):
        c = comps[-1]
        fixed[c] = fixed[c]._replace(head=stranded[0], dep="pobj") if stranded else fixed[c]._replace(head=t.i, dep="nsubj")
        for k in comps[:-1]:
            fixed[k] = fixed[k]._replace(head=c)
        for k in original.children[subj[0]]:
            if k < c and doc[k].dep in ("amod", "det", "nummod"):
                fixed[k] = fixed[k]._replace(head=c)


def clause_object_noun(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"man holding tennis racquet" with racquet/VB as a clause of "holding" whose only
    children are noun compounds: racquet is the object noun (reads the parser's labels)."""
    doc, kids, t = original.tokens, original.children, original.tokens[i]
    if (t.upos == "VERB" and t.tag in ("VB", "VBP") and t.dep in ("ccomp", "xcomp") and t.head < t.i
            and doc[t.head].tag == "VBG" and kids[t.i]
            and all(doc[k].dep == "compound" and doc[k].upos in NOUN_POS for k in kids[t.i])
            and not any(doc[k].dep == "dobj" for k in kids[t.head])):
        fixed[t.i] = fixed[t.i]._replace(dep="dobj", upos="NOUN", tag="NN")
