"""Parse repairs that re-attach phrases and objects: "with" phrases, coordinations, "next to",
particles, "side by side", "has", gerunds.  Registered, in order, in repairs.py; what each
reads is explained in repair_base.py."""
from __future__ import annotations

from ..lexicon.lemmas import noun_lemma, verb_lemma
from ..lexicon.of_heads import REPRESENTATION_HEADS
from ..lexicon.taxonomy import LIFELESS_CLASSES, noun_classes
from ..lexicon.verb_frames import lifeless_things_do, takes_object
from ..lexicon.words import BODY_PARTS, COLOURS, ING_NOUNS, PERSON_REFERENTS
from ..schemas.depview import DepToken
from .clauses import DEPICTING_VERBS
from .repair_base import OriginalParse
from .state import NOUN_POS, side_by_side_at


def back_reference(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"trunks with moss on them": a back-pointing "on it/them" attached to the owner
    belongs to the last noun of its "with" phrase (reads the parser's labels only)."""
    doc, kids = original.tokens, original.children
    t = doc[i]
    if t.dep != "prep" or t.head == t.i or doc[t.head].upos not in NOUN_POS:
        return
    if not any(doc[k].dep == "pobj" and doc[k].text.lower() in ("it", "them") for k in kids[t.i]):
        return
    withs = [w for w in kids[t.head] if w < t.i and doc[w].dep == "prep" and doc[w].text.lower() == "with"]
    ys = [y for w in withs for y in kids[w] if doc[y].dep == "pobj" and doc[y].upos in NOUN_POS]
    if ys:
        y = ys[-1]
        while any(doc[c].dep == "conj" and c < t.i for c in kids[y]):
            y = max(c for c in kids[y] if doc[c].dep == "conj" and c < t.i)
        fixed[t.i] = t._replace(head=y)


def high_conj(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"man in black shirt and shorts", "a guy holding a drink and a sandwich": a noun
    coordinated with a word before the phrase that ends right before its "and" belongs
    to that phrase's last noun (unless it names a person and that noun does not)."""
    t = original.tokens[i]
    doc = fixed
    x = t.head
    if t.dep != "conj" or t.upos not in NOUN_POS or x >= t.i or doc[x].upos not in NOUN_POS | {"VERB"}:
        return
    cc = _conjunction_before(doc, t.i, x)
    if doc[cc].text.lower() not in ("and", "or", "&"):
        return
    z = cc - 1
    if (z <= x or doc[z].upos not in NOUN_POS or doc[z].dep not in ("pobj", "dobj")
            or doc[doc[z].head].text.lower() == "of"):       # "a loaf of bread and a sandwich"
        return
    a = z
    while a != x and doc[a].head != a:
        a = doc[a].head
    if a != x:
        return
    if t.lemma in PERSON_REFERENTS and doc[z].lemma not in PERSON_REFERENTS:
        return
    fixed[t.i] = fixed[t.i]._replace(head=z)
    fixed[cc] = fixed[cc]._replace(head=z)


def _conjunction_before(doc: list[DepToken], i: int, x: int) -> int:
    """The token before conjunct i's own modifiers (its "and", if the parse has one), not before x."""
    cc = i - 1
    while cc > x and doc[cc].dep in ("det", "amod", "compound", "nummod", "poss") and doc[cc].head == i:
        cc -= 1
    return cc


def conj_in_picture(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"family portrait of man and his wife posing with their son": a person coordinated with a
    picture that shows a person is shown with them, not a second picture (nor the one posing)."""
    t = original.tokens[i]
    doc = fixed
    x = t.head
    if t.dep != "conj" or x >= t.i or REPRESENTATION_HEADS.get(noun_lemma(doc[x].text.lower())) != "in" \
            or not _alive(t):
        return
    cc = _conjunction_before(doc, t.i, x)
    z = cc - 1
    if doc[cc].text.lower() not in ("and", "&") or z <= x or doc[z].dep != "pobj" or not _alive(doc[z]):
        return
    of = doc[z].head
    if doc[of].text.lower() != "of" or doc[of].head != x:
        return
    fixed[t.i] = fixed[t.i]._replace(head=z)
    fixed[cc] = fixed[cc]._replace(head=z)


def appos_object(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"an adult kicking the soccer ball": the noun phrase right after a participle
    without an object, parsed as an apposition of the participle's noun, is its object."""
    t = original.tokens[i]
    doc = fixed
    if t.dep != "appos" or t.upos not in NOUN_POS or t.head >= t.i:
        return
    start = min([t.i] + [k for k in original.children[t.i] if k < t.i and doc[k].dep in ("det", "amod", "compound", "nummod", "poss")])
    v = start - 1
    if (v <= t.head or doc[v].upos != "VERB" or doc[v].tag not in ("VBG", "VBN") or doc[v].head != t.head
            or any(doc[k].dep in ("dobj", "prep", "prt") for k in original.children[v])):
        return
    fixed[t.i] = fixed[t.i]._replace(head=v, dep="dobj")


def split_next_to(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"fence is next to cow" with "to" taken for an infinitive marker and "cow" for a
    clause: to is the preposition of "next", cow its object."""
    t = original.tokens[i]
    doc = fixed
    if t.text.lower() not in ("next", "close") or t.i + 2 >= len(doc) or doc[t.i + 1].text.lower() != "to":
        return
    to = t.i + 1
    if doc[to].dep != "aux":
        return
    n = doc[to].head
    if n <= to or doc[n].upos not in NOUN_POS or doc[n].dep not in ("xcomp", "advcl", "ccomp", "dobj"):
        return
    fixed[to] = fixed[to]._replace(head=t.i, dep="prep", upos="ADP", tag="IN")
    fixed[n] = fixed[n]._replace(head=to, dep="pobj")


def particle_object(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"skier going down a slope" with slope as a noun-phrase adverbial of "going" after
    its particle: the noun is the verb's object (reads the parser's labels)."""
    doc, kids, t = original.tokens, original.children, original.tokens[i]
    if (t.dep == "npadvmod" and t.upos in NOUN_POS and t.head < t.i and t.lemma not in ("lot", "bit", "way")
            and any(doc[k].dep == "prt" and k < t.i for k in kids[t.head]) and doc[t.head].upos == "VERB"):
        fixed[t.i] = fixed[t.i]._replace(dep="dobj")


def side_by_side(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"two pillows side by side", "giraffes standing side by side": the phrase is an
    adverb of its noun or verb (the builder relates the things side by side), never
    objects named "side"."""
    if original.words[i] != "side" or not side_by_side_at(fixed, i):
        return
    doc, kids = fixed, original.children
    phrase = (i, i + 1, i + 2)
    anchor = doc[i].head
    if anchor in phrase:
        subjects = [k for k in kids[i] if k < i and doc[k].upos in NOUN_POS
                    and doc[k].dep in ("nsubj", "npadvmod", "compound")]
        if not subjects:
            return
        anchor = subjects[-1]
        fixed[anchor] = fixed[anchor]._replace(head=anchor, dep="ROOT")
    for p in phrase:
        for k in kids[p]:
            if k not in phrase and k != anchor:
                fixed[k] = fixed[k]._replace(head=anchor)
    fixed[i] = fixed[i]._replace(head=anchor, dep="advmod", upos="ADV", tag="RB")
    fixed[i + 1] = fixed[i + 1]._replace(head=i, dep="dep", upos="ADV", tag="RB")
    fixed[i + 2] = fixed[i + 2]._replace(head=i, dep="dep", upos="ADV", tag="RB")


def have(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"girl has pink shirt" parsed as has/aux of the root noun "shirt", and "elephant
    has mouth opened" as has/aux of "opened": "has" is the verb, the noun its object."""
    t = original.tokens[i]
    doc = fixed
    h = t.head
    if (t.dep == "aux" and t.text.lower() in ("has", "have", "had") and doc[h].dep == "amod"
            and doc[doc[h].head].dep == "ROOT" and doc[doc[h].head].upos in NOUN_POS and h > t.i):
        h = doc[h].head                  # "girl has pink shirt" with has hung on "pink"
    if t.dep != "aux" or t.text.lower() not in ("has", "have", "had") or doc[h].dep != "ROOT":
        return
    if doc[h].upos in NOUN_POS:
        obj, rest = h, None
    elif (doc[h].text.lower() in COLOURS and doc[h].upos == "VERB"
          or doc[h].upos == "ADJ" and any(doc[k].dep == "dobj" for k in original.children[h])):
        # "cat has orange tail" with orange/VBN as the root verb and tail its object,
        # "field has light green grasses" with light/JJ as the root
        objs = [k for k in original.children[h] if doc[k].dep == "dobj" and doc[k].upos in NOUN_POS and k > h]
        subjects = [k for k in original.children[h] + original.children[t.i] if doc[k].dep == "nsubj" and k < t.i]
        if not objs or not subjects:
            return
        fixed[t.i] = t._replace(head=t.i, dep="ROOT", upos="VERB")
        for k in original.children[h]:
            fixed[k] = fixed[k]._replace(head=t.i)
        fixed[h] = fixed[h]._replace(head=objs[0], dep="amod", upos="ADJ", tag="JJ")
        return
    elif doc[h].tag == "VBN":
        late = [k for k in original.children[h] if doc[k].dep == "nsubj" and t.i < k < h and doc[k].upos in NOUN_POS]
        if not late:
            return
        obj, rest = late[0], h
    else:
        return
    subjects = [k for k in original.children[h] + original.children[t.i] if doc[k].dep == "nsubj" and k < t.i]
    if not subjects:
        return
    fixed[t.i] = t._replace(head=t.i, dep="ROOT", upos="VERB")
    for k in subjects:
        fixed[k] = fixed[k]._replace(head=t.i)
    fixed[obj] = fixed[obj]._replace(head=t.i, dep="dobj")
    if rest is not None:
        fixed[rest] = fixed[rest]._replace(head=obj, dep="acl")


def gerund(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """Gerunds the small model buries in a noun phrase: "the man is eating salad" (eating
    as aux of the root "salad"), "little zebra eating grass" (eating as amod of "grass")."""
    t = original.tokens[i]
    doc = fixed
    h = t.head
    if t.tag != "VBG" or h <= t.i or doc[h].upos not in NOUN_POS or t.text.lower() in ING_NOUNS:
        return
    if t.dep == "aux" and doc[h].dep == "ROOT":
        subjects = [k for k in original.children[h] + original.children[t.i] if doc[k].dep == "nsubj" and k < t.i]
        if not subjects:
            return
        fixed[t.i] = fixed[t.i]._replace(head=t.i, dep="ROOT", upos="VERB")
        for k in original.children[h]:
            if k < t.i and doc[k].dep in ("nsubj", "aux"):
                fixed[k] = fixed[k]._replace(head=t.i)
        fixed[h] = fixed[h]._replace(head=t.i, dep="dobj")
    elif (t.dep == "amod" and t.i > 0 and doc[t.i - 1].upos in NOUN_POS
          and all(doc[k].dep == "compound" or doc[k].dep == "amod" and doc[k].upos == "ADJ" for k in range(t.i + 1, h))
          and doc[h].dep in ("appos", "ROOT", "dobj", "conj")
          and (doc[h].head == t.i - 1 or doc[h].dep == "ROOT" or doc[t.i - 1].head == t.i)
          and not any(doc[k].dep == "det" for k in original.children[h])):
        n = t.i - 1
        fixed[t.i] = fixed[t.i]._replace(head=n, dep="acl", upos="VERB")
        fixed[h] = fixed[h]._replace(head=t.i, dep="dobj")
        if doc[h].dep == "ROOT":
            fixed[n] = fixed[n]._replace(head=n, dep="ROOT")


def gerund_object(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"girl in long dress standing between men" / "a man on a beach playing frisbee": a
    gerund taken for (a modifier of) the preposition's object, with the real object as a
    compound - the noun is the object, the gerund its clause (with its own object)."""
    t = original.tokens[i]
    if t.dep not in ("amod", "pobj"):
        return
    doc = fixed
    lw = t.text.lower()
    c = t.i - 1
    if (t.dep == "amod" and t.tag == "VBG" and lw not in ING_NOUNS and c >= 0 and doc[c].head in (t.head, t.i)
            and doc[c].dep in ("compound", "npadvmod") and doc[c].upos in NOUN_POS and doc[t.head].dep == "pobj"
            and t.head > t.i):
        # "a man on a beach playing frisbee": beach is the place, playing takes frisbee
        n = t.head
        fixed[c] = fixed[c]._replace(head=doc[n].head, dep="pobj")
        fixed[t.i] = fixed[t.i]._replace(head=c, dep="acl", upos="VERB")
        fixed[n] = fixed[n]._replace(head=t.i, dep="dobj")
        for k in original.children[n]:
            if k < c:
                fixed[k] = fixed[k]._replace(head=c)
        return
    if (t.dep != "pobj" or not lw.endswith("ing") or lw in ING_NOUNS or verb_lemma(lw) == lw
            or c < 0 or doc[c].head != t.i or doc[c].dep != "compound" or doc[c].upos not in NOUN_POS):
        return
    fixed[c] = fixed[c]._replace(head=t.head, dep="pobj")
    fixed[t.i] = fixed[t.i]._replace(head=c, dep="acl", upos="VERB", tag="VBG")
    for k in original.children[t.i]:
        if k < c:
            fixed[k] = fixed[k]._replace(head=c)


def object_of_gerund(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"a taxi following a black car" with car as a prepositional object of the gerund:
    its direct object (reads the parser's labels)."""
    doc, t = original.tokens, original.tokens[i]
    if t.dep == "pobj" and doc[t.head].upos == "VERB" and doc[t.head].tag == "VBG":
        fixed[t.i] = fixed[t.i]._replace(dep="dobj")


AGENT_CLASSES = frozenset({"person", "animal"})


def gerund_in_compound(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"an image of a woman opening curtains", "portrait of a horse drinking water" read as one
    noun compound under the preposition ("woman opening curtains"), or "portrait of a toddler
    walking" with the gerund as the preposition's noun: an "-ing" verb form (not a noun in
    "-ing", unless the parser hung the agent on it as a verb's) right after a person or an
    animal hung on it or on its noun, is what that agent is doing; the noun after it (if any)
    is its object, and the agent takes the noun's place under the preposition.  (The same
    shapes heading the caption are the ``gerund`` repair's; as an object, "go horse riding"
    is an activity.)"""
    doc, kids = original.tokens, original.children
    t = doc[i]
    w = t.text.lower()
    n = i - 1
    verbal = doc[n].dep == "npadvmod" and doc[n].head == i    # the parser's own hint: "woman opening"
    if (i == 0 or t.tag not in ("VBG", "NN") or not w.endswith("ing") or verb_lemma(w) == w
            or (w in ING_NOUNS and not verbal) or doc[n].upos not in NOUN_POS
            or doc[n].dep not in ("compound", "npadvmod", "nmod", "amod")
            or not noun_classes(doc[n].text.lower(), first=1) & AGENT_CLASSES):
        return
    if t.dep == "pobj" and doc[n].head == i and not any(k > i for k in kids[i]):
        h = i                                            # "a toddler walking": no object
    elif t.dep in ("compound", "amod") and doc[t.head].dep == "pobj" and takes_object(verb_lemma(w)):
        h = t.head                                       # "a woman opening curtains", not "infant smiling girl"
        if h <= i or doc[h].upos not in NOUN_POS or doc[n].head not in (i, h) or any(
                doc[k].head != h for k in range(i + 1, h)):
            return
    else:
        return
    fixed[n] = fixed[n]._replace(head=doc[h].head, dep="pobj")
    fixed[i] = fixed[i]._replace(head=n, dep="acl", upos="VERB", tag="VBG", lemma=verb_lemma(w))
    if h != i:
        fixed[h] = fixed[h]._replace(head=i, dep="dobj")
    for k in kids[h]:
        if k < n:
            fixed[k] = fixed[k]._replace(head=n)        # "a" of "a woman", not of the curtains


def _alive(t: DepToken) -> bool:
    w = t.text.lower()
    return t.lemma in PERSON_REFERENTS or w in PERSON_REFERENTS or bool(noun_classes(w, first=1) & AGENT_CLASSES)


def participle_to_doer(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"a smiling bride in her bridal gown in a bedroom putting on her earrings", "little boy in
    front of the camera lens eating cookies": a participle hung on a lifeless noun inside a phrase
    is the doing of the person or animal the phrase belongs to: the noun the phrases hang from,
    or the subject of the verb they hang from ("a woman stands on a cliff staring at the
    viewer", "young woman sitting in a boat feeding grapes"), unless lifeless things do it too ("a
    plate of food sitting on the counter", ``lexicon.verb_frames.lifeless_things_do``) or it is
    what a thing shows ("the studios featuring ...").  Reads the heads already fixed."""
    doc = fixed
    t = doc[i]
    if t.tag != "VBG" or t.dep != "acl" or t.head == i or t.text.lower() in ING_NOUNS:
        return
    lemma = verb_lemma(t.text.lower())
    if lifeless_things_do(lemma) or lemma in DEPICTING_VERBS:
        return
    x = doc[t.head]           # lifeless: not a phenomenon, a group, an event ("light coming from", "teams fighting")
    if x.dep != "pobj" or x.upos not in NOUN_POS or not noun_classes(x.text.lower(), first=1) & LIFELESS_CLASSES:
        return
    for _ in range(4):                                   # up the phrases: gown -> in -> bride
        p = doc[x.head]
        if x.dep != "pobj" or p.dep != "prep" or p.head == p.i:
            return
        y = doc[p.head]
        if y.upos in ("VERB", "AUX"):
            if (any(doc[c].head == y.i and doc[c].dep == "nsubj" and _alive(doc[c]) for c in original.children[y.i])
                    or y.dep == "acl" and y.head != y.i and _alive(doc[y.head])):
                fixed[i] = t._replace(head=y.i, dep="advcl")    # "woman sitting in a boat feeding grapes"
            return
        if y.upos not in NOUN_POS:
            return
        if _alive(y):
            fixed[i] = t._replace(head=y.i)
            return
        x = y


def passive_to_part(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"painted hands of kids raised in the air", "the paws of a dog covered in mud": a passive
    participle after "X of Y", X a body part, says what was done to the part, not to its owner
    ("kids raised in the air" is not what the caption says)."""
    doc = fixed
    t = doc[i]
    if t.tag != "VBN" or t.dep != "acl" or t.head == i:
        return
    y = doc[t.head]
    if y.dep != "pobj" or y.head == y.i or doc[y.head].text.lower() != "of":
        return
    x = doc[doc[y.head].head]
    if doc[y.head].head != y.head and x.upos in NOUN_POS and noun_lemma(x.text.lower()) in BODY_PARTS:
        fixed[i] = t._replace(head=x.i)
