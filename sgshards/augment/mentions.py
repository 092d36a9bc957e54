"""Things a caption mentions without showing them, and relations whose subject the parse got
wrong: graph elements positives and negatives leave alone (``guards.excluded``; issue 15,
precision of positives).  Each rule reads a parse shape with a word table of
``lexicon.mentions``.

Objects that are no thing in the picture:

- **fragments**: an adjective or a comparative taken for a noun ("private keep out sign",
  "check more at", "girl in summer outdoor"), a bare gerund naming an activity ("decided that
  walking was better than riding");
- **idioms**: the noun of a prepositional idiom ("hard at work", "close to an end", "stag taking a
  bath in the rut", "the smartest bird on earth"), of a figurative frame ("fit for a princess"), of
  a negated idiom ("not a day at the beach") or of a verb + object idiom ("the annual roundup taken
  place");
- **titles**: what follows "titled", "named" ("image titled person if a dog is pregnant"), the
  "of" phrase of a premiere or an episode ("actor at the premiere of woman in gold");
- **roles**: the group or work of a person's role ("trip hop artist of food", "a member of the
  band");
- **authors**: a person "by" whom a work was made ("greeting card featuring person by
  organization leader", "a house built by workers"; not "a mural being painted by an artist"):
  ``author`` (read by ``nounphrase``) keeps them out of positives of their own, not out of their
  relations ("a book by novelist" is true);
- **what is awaited**: the "for" object of waiting or looking ("glasses wait for service");
- **credits**: a "for" phrase opening a news caption ("for newspaper this painting ...");
- **what a witness saw**: the subject of a past passive of seeing in a subordinate clause ("...
  when the object was first seen").

Relations that cannot hold as the parse relates them:

- a verb of the camera ("christmas tree and candles - focusing on the candles");
- a verb of showing whose subject shows nothing ("heavy rains depicting headache": the close-up
  does);
- "in" a colour or material said of what cannot wear it or be made of it ("the premiere ... in
  gold");
- a verb heading a noun phrase (a determiner on it: "another plain taking off", the typo's noun
  lost, the verb given the wrong subject), or a content verb taken for an auxiliary ("the villages
  that water to thrive built a well");
- a picture doing something to what it shows ("portrait of a woman with ivy leaves wrapped around
  her": the leaves are);
- a possessive of a bare body part ("a man's hand" is no "a man with the hand"), a body part moved
  without where to ("throws her arms around her 'little muffins'" is no "throwing her arms").
"""
from __future__ import annotations

from typing import Sequence

from ..lexicon.lemmas import all_lemmas, is_adjective_only, noun_lemma
from ..lexicon.mentions import (AWAITING_VERBS, CAMERA_VERBS, CREATION_VERBS, CREDIT_MARKS, DEPICTION_VERBS,
                                EVENT_CLASSES, IDIOM_FRAMES, IDIOM_PPS, LIGHT_VERB_IDIOMS, NAMING_VERBS, NEGATED_IDIOMS,
                                NON_WEARER_CLASSES, ON_STATES, PERCEPTION_VERBS, PURSUIT_VERBS, READER_POSSESSIVES,
                                ROLE_HEADS, SHOWING_CLASSES, SHOWING_ONLY_VERBS, TIME_OR_PLACE_PREPS, TIME_PREPS,
                                TITLE_OF_HEADS, TITLING_VERBS, URL_WORDS, VISIBLE_AFTERMATH, WORK_NOUNS)
from ..lexicon.of_heads import IMAGE_HEADS, OF_MATERIALS, REPRESENTATION_HEADS
from ..lexicon.taxonomy import noun_classes, senses
from ..lexicon.visibility import PLACEHOLDERS
from ..lexicon.words import BODY_PARTS, COLOURS, MATERIALS
from ..schemas.depview import DepToken, first_conjunct
from ..schemas.graph import SceneGraph

PICTURE_HEADS = IMAGE_HEADS | frozenset(REPRESENTATION_HEADS)
# Prepositions of where a thing is put ("her arms around", "his hands over"); not of where an act
# happens or with what ("raising her hands at the classroom", "shakes hands with").
PLACING_PREPS = frozenset({"around", "round", "over", "on", "onto", "upon", "in", "into", "across", "behind",
                           "under", "against", "through", "between", "above", "below", "beneath", "to",
                           "toward", "towards"})
# Lemmas of true auxiliaries (and their clitics as spaCy writes them).
AUXILIARY_LEMMAS = frozenset({"be", "have", "do", "get", "go", "will", "shall", "ve", "m", "s", "re", "d",
                              "ll", "need", "dare", "use", "keep", "gon"})
# Possessive "have" relations (the graph's rule names).
POSSESSIVE_RULES = frozenset({"noun/possessive", "possessor/plural"})
_COMPARATIVE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
_DETERMINERS = frozenset({"det", "poss", "predet"})
_PERSON_CLASSES = frozenset({"person", "group"})
_SUBORDINATE = frozenset({"advcl"})
_PAST_PASSIVE_AUX = frozenset({"was", "were", "been"})
# What an idiom's noun may carry: a determiner, punctuation, a clause the parse hung on it ("hard
# at work using a calculator": the hand uses it).
_IDIOM_KIDS = frozenset({"det", "poss", "punct", "acl", "relcl"})
_NEGATIONS = frozenset({"not", "no", "n't", "never"})
# Children of a naming verb that are the name ("named player of the year", "called the staff").
_NAME_DEPS = frozenset({"oprd", "attr", "dobj", "xcomp", "ccomp", "appos", "nsubj", "npadvmod", "dep"})


def _lemma(t: DepToken) -> str:
    return t.lemma.lower()


def _subtree(kids: list[list[int]], k: int) -> set[int]:
    out, stack = {k}, [k]
    while stack:
        for c in kids[stack.pop()]:
            if c not in out:
                out.add(c)
                stack.append(c)
    return out


# --------------------------------------------------------------------------- objects

def fragment(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The object's head is no noun: a comparative ("more", "best"), an adjective standing
    alone ("private" of "private keep out sign"; a colour is a thing: "isolated on white"), a
    word known only as an adjective ("summer outdoor"), a bare gerund of an activity ("riding",
    "walking"), or a piece of a web address ("check more at http")."""
    t = doc[head]
    w = t.text.lower()
    if t.tag in _COMPARATIVE_TAGS or w in URL_WORDS:
        return True
    if t.upos == "NOUN" and is_adjective_only(w) and not senses(w):
        return True
    alone = all(doc[c].dep == "punct" for c in kids[head])
    if t.upos not in _NOUN_POS and t.tag == "JJ" and alone and "ADJ" in all_lemmas(w) and w not in COLOURS:
        return True
    return alone and w.endswith("ing") and not senses(w) and _verb_only(w)


def _verb_only(w: str) -> bool:
    forms = all_lemmas(w)
    return "VERB" in forms and "NOUN" not in forms


def idiom_noun(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The noun of a prepositional idiom standing bare ("at work", "to an end", "in the rut") or
    the object of a verb + object idiom ("taken place", "took part")."""
    t = doc[head]
    word = t.text.lower()                              # as written: "in flower", not "in flowers"
    if t.dep == "pobj" and t.head != head and all(doc[c].dep in _IDIOM_KIDS for c in kids[head]):
        p = t.head
        before = [doc[c].text.lower() for c in kids[head] if doc[c].dep in ("det", "poss")]
        prep = [doc[p].text.lower()]
        if p > 0 and doc[p - 1].upos in ("ADP", "ADV") and (
                doc[p - 1].i == doc[p].head or doc[p - 1].dep == "prt" and doc[p - 1].head == doc[p].head):
            prep.insert(0, doc[p - 1].text.lower())      # "out of focus", "came down to earth"
        for start in (prep[-1:], prep):
            if " ".join(start + before + [word]) in IDIOM_PPS:
                return True
    if t.dep == "pobj" and t.head != head and doc[t.head].text.lower() == "on" and word in ON_STATES:
        return True                                    # "on patrol", "on a beach holiday": modifiers allowed
    if t.dep == "pobj" and t.head != head and _figurative_frame(doc, kids, t.head, head):
        return True
    verbs = [t.head] if t.dep == "dobj" and t.head != head else []
    verbs += [c for c in kids[head] if doc[c].dep in ("amod", "acl") and doc[c].tag in ("VBN", "VBD")]
    for v in verbs:
        nouns = LIGHT_VERB_IDIOMS.get(_lemma(doc[v]))
        if nouns and (word in nouns or noun_lemma(word) in nouns):
            return True
    return False


def _figurative_frame(doc: Sequence[DepToken], kids: list[list[int]], p: int, head: int) -> bool:
    """The object of a figurative frame ("fit for a princess") or of a negated idiom ("not a day
    at the beach")."""
    h = doc[p].head
    if h == p:
        return False
    prep = doc[p].text.lower()
    words = [doc[c].text.lower() for c in kids[h] if doc[c].dep == "det" and c < h] + [doc[h].text.lower()]
    if f"{doc[h].text.lower()} {prep}" in IDIOM_FRAMES or f"{' '.join(words)} {prep}" in IDIOM_FRAMES:
        return True
    if not any(doc[c].text.lower() in _NEGATIONS for c in kids[h]) and not (
            h > 1 and doc[h - 2].text.lower() in _NEGATIONS):
        return False
    det = [doc[c].text.lower() for c in kids[head] if doc[c].dep == "det"]
    return " ".join([doc[h].text.lower(), prep] + det + [doc[head].text.lower()]) in NEGATED_IDIOMS


def title_tokens(doc: Sequence[DepToken], kids: list[list[int]]) -> set[int]:
    """Tokens of a title or a name: after a naming participle ("image titled ...", "a dog named
    ..."; not "person named the bridge"), and the "of" phrase of a premiere or an episode with
    the phrases right after it ("the premiere of woman in gold")."""
    out: set[int] = set()
    for t in doc:
        if t.upos == "VERB" and _lemma(t) in NAMING_VERBS and t.tag == "VBN":
            for c in kids[t.i]:                        # not "called to a house", "named after"
                if c > t.i and doc[c].dep in _NAME_DEPS:
                    out |= _subtree(kids, c)
            if _lemma(t) in TITLING_VERBS:
                k = t.i + 1
                while k < len(doc) and doc[k].upos != "PUNCT":
                    out.add(k)
                    k += 1
        elif t.upos == "NOUN" and noun_lemma(t.text.lower()) in TITLE_OF_HEADS:
            of = [c for c in kids[t.i] if c > t.i and doc[c].text.lower() == "of" and doc[c].dep == "prep"]
            if not of:
                continue
            span = _subtree(kids, of[0])
            end = max(span)
            for c in kids[t.i]:                        # "in gold": a phrase right after the title
                if c == end + 1 and doc[c].dep == "prep":
                    more = _subtree(kids, c)
                    span |= more
                    end = max(more)
            out |= span
    return out


def role_of(doc: Sequence[DepToken], head: int) -> bool:
    """The "of" phrase of a role: "artist of food", "the leader of the party"."""
    k = first_conjunct(doc, head, head_pos=_NOUN_POS, limit=8)
    t = doc[k]
    if t.dep != "pobj" or t.head == k or doc[t.head].text.lower() != "of":
        return False
    h = doc[doc[t.head].head]
    return h.upos in _NOUN_POS and noun_lemma(h.text.lower()) in ROLE_HEADS


def author(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A person by whom a work was made: "card featuring person by organization leader",
    "a painting by an artist", "a house built by workers", "a photo taken by a tourist"."""
    k = first_conjunct(doc, head, head_pos=_NOUN_POS, limit=8)
    t = doc[k]
    if t.dep != "pobj" or t.head == k or doc[t.head].text.lower() != "by":
        return False
    if t.upos != "PROPN" and not noun_classes(noun_lemma(t.text.lower())) & _PERSON_CLASSES:
        return False
    g = doc[doc[t.head].head]
    lemma = _lemma(g)
    if g.upos in _NOUN_POS:
        return noun_lemma(g.text.lower()) in WORK_NOUNS | PICTURE_HEADS
    if g.upos != "VERB":
        return False
    if lemma in DEPICTION_VERBS:
        return True
    if g.tag != "VBN" or any(doc[c].text.lower() == "being" for c in kids[g.i]):
        return False                                   # "being painted by": the painter is there
    if lemma in CREATION_VERBS:
        return True
    subject = g.head if g.dep in ("acl", "relcl", "amod") else next(
        (c for c in kids[g.i] if doc[c].dep == "nsubjpass"), g.i)
    return noun_lemma(doc[subject].text.lower()) in PICTURE_HEADS


def awaited(doc: Sequence[DepToken], head: int) -> bool:
    """What is waited or looked for: "glasses wait for service", "people waiting for the bus"."""
    t = doc[first_conjunct(doc, head, head_pos=_NOUN_POS, limit=8)]
    if t.dep != "pobj" or t.head == t.i or doc[t.head].text.lower() != "for":
        return False
    v = doc[doc[t.head].head]
    return v.upos == "VERB" and _lemma(v) in AWAITING_VERBS


def witnessed(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """What "was seen" in a subordinate clause: "... when the object was first seen"."""
    t = doc[first_conjunct(doc, head, head_pos=_NOUN_POS, limit=8)]
    if t.dep != "nsubjpass" or t.head == t.i:
        return False
    v = doc[t.head]
    return (v.dep in _SUBORDINATE and _lemma(v) in PERCEPTION_VERBS
            and any(doc[c].dep == "auxpass" and doc[c].text.lower() in _PAST_PASSIVE_AUX for c in kids[v.i]))


def not_depicted(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph) -> set[int]:
    """Objects the caption mentions but its picture does not show (see the module doc; authors
    are left to ``nounphrase``)."""
    titles = title_tokens(doc, kids) | credit_tokens(doc) | asked_tokens(doc, kids)
    out = set()
    for i, o in enumerate(graph.objects):
        if o.span is None or not 0 < o.span[1] <= len(doc):
            continue
        head = o.span[1] - 1
        if (head in titles or fragment(doc, kids, head) or idiom_noun(doc, kids, head)
                or role_of(doc, head) or awaited(doc, head) or witnessed(doc, kids, head)
                or readers(doc, kids, head) or time_of(doc, head) or purpose(doc, kids, head)
                or credited(doc, kids, head) or fronted_for(doc, head)):
            out.add(i)
    return out


def fronted_for(doc: Sequence[DepToken], head: int) -> bool:
    """The noun of a "for" phrase opening the caption before its subject: a news source credited
    ("for newspaper this painting by philosopher is part of collection"), not a thing shown."""
    t = doc[first_conjunct(doc, head, head_pos=_NOUN_POS, limit=8)]
    if t.dep != "pobj" or t.head == t.i or doc[t.head].text.lower() != "for":
        return False
    first = next((d for d in doc if d.text.isalpha()), None)
    return (first is not None and first.i == t.head
            and any(d.dep in ("nsubj", "nsubjpass") and d.i > t.i for d in doc))


def readers(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """What the reader owns, after a preposition: "for your design", "on your doorstep"; not a subject or
    an object, which a picture often shows ("your dog is on this vintage label", "fold down your duvet")."""
    k = first_conjunct(doc, head, head_pos=_NOUN_POS, limit=8)
    return doc[k].dep == "pobj" and any(doc[c].dep == "poss" and doc[c].text.lower() in READER_POSSESSIVES for c in kids[k])


def time_of(doc: Sequence[DepToken], head: int) -> bool:
    """An event before or after the picture: "carried after harvest", "spoken ahead of the game",
    "before the race"; not a pursuit ("running after a ball") nor a place ("before the altar")."""
    t = doc[first_conjunct(doc, head, head_pos=_NOUN_POS, limit=8)]
    if t.dep != "pobj" or t.head == t.i:
        return False
    p = doc[t.head]
    word = p.text
    if not word.islower():
        return False                                   # a title's "After", "Since": "Awesome Since 1953 T-Shirt"
    classes = noun_classes(noun_lemma(t.text.lower()))
    if classes & VISIBLE_AFTERMATH:
        return False                                   # "a street scene after a heavy snowfall": the snow is seen
    if word in TIME_PREPS:
        g = doc[p.head]
        # the verb's lemma whatever its tag ("a bobcat runs/NNS after prey")
        return _lemma(g) not in PURSUIT_VERBS and t.text.lower() not in ("another", "other")
    if word in ("of", "to") and p.head != p.i and doc[p.head].text.lower() in TIME_OR_PLACE_PREPS:
        word = doc[p.head].text.lower()            # "ahead of", "prior to"
    elif word != "before":
        return False
    return bool(classes & EVENT_CLASSES)


def purpose(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A gerund after a preposition is an activity, the purpose or the manner of something, not a thing:
    "how to choose a pumpkin for carving"."""
    t = doc[head]
    if t.tag != "VBG" or t.dep not in ("pcomp", "pobj") or not t.text.islower() \
            or any(doc[c].dep in ("det", "poss", "amod", "compound", "nummod") for c in kids[head]):
        return False
    # after "for" a bare gerund is a purpose ("for carving"); elsewhere it is an act unless it names a
    # thing too ("outside building", "with serving removed", "on thanksgiving")
    return (t.head != head and doc[t.head].text.lower() == "for") or _verb_only(t.text.lower())


def credited(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A photographer's credit: a person "by" whom a photo is ("photo winter above the clouds by
    person"): the caption names its picture (a picture noun first or on the "by" phrase's noun) and
    "by" hangs on a noun, not on a verb ("a photo of a cart pulled by a horse")."""
    k = first_conjunct(doc, head, head_pos=_NOUN_POS, limit=8)
    t = doc[k]
    if t.dep != "pobj" or t.head == k or doc[t.head].text.lower() != "by":
        return False
    if t.upos != "PROPN" and t.text.lower() not in PLACEHOLDERS \
            and not noun_classes(noun_lemma(t.text.lower())) & _PERSON_CLASSES:
        return False                                   # CC3M's "person", "organization" stand for names
    g = doc[doc[t.head].head]
    if g.upos not in _NOUN_POS:
        return False
    first = next((d for d in doc if d.text.isalpha()), None)
    return (first is not None and noun_lemma(first.text.lower()) in PICTURE_HEADS) or any(
        doc[c].dep == "compound" and noun_lemma(doc[c].text.lower()) in PICTURE_HEADS for c in kids[g.i])


def credit_tokens(doc: Sequence[DepToken]) -> set[int]:
    """The name after a credit mark: "... 2013 © Meg McMahon", "after the storm © person", "Copyright ©
    Terry Felke-Morris ...", "Photo Credits: Jason Merritt/WireImage"; names, CC3M's stand-ins, numbers and
    their joining marks, up to the first other word ("photo by person © an absolute kaleidoscope of color
    ..." describes again)."""
    out: set[int] = set()
    for t in doc:
        word = t.text.lower()
        if word in ("credit", "credits"):
            if not (t.i + 1 < len(doc) and doc[t.i + 1].text == ":"):
                continue                            # "credit cards", "i take no credit for this style"
        elif word not in CREDIT_MARKS:
            continue
        for d in doc[t.i:]:
            if d.i > t.i and not (d.upos in ("PROPN", "NUM", "PUNCT", "SYM") or d.text.lower() in PLACEHOLDERS
                                  or d.text.lower() in CREDIT_MARKS or d.text in ("-", "/", ":", "&")):
                break
            out.add(d.i)
    return out


def asked_tokens(doc: Sequence[DepToken], kids: list[list[int]]) -> set[int]:
    """The clause of a question: what is asked about is not shown ("What do people buy online.")."""
    out: set[int] = set()
    for t in doc:
        if t.upos != "VERB":
            continue
        own = [doc[c] for c in kids[t.i]]
        if _lemma(t) in PERCEPTION_VERBS:
            continue                                # "what do you see in this painting."
        # what or which is asked, not how or where ("how do you make flowers out of tissue paper": the
        # flowers are shown)
        wh = any(c.tag in ("WP", "WDT") and c.i < t.i for c in own)
        do = any(c.dep == "aux" and c.lemma.lower() == "do" and c.i < t.i for c in own)
        subject = next((c for c in own if c.dep == "nsubj"), None)
        if wh and do and subject is not None and any(c.lemma.lower() == "do" and c.i < subject.i for c in own):
            out |= _subtree(kids, t.i)
    return out


QUOTES = frozenset({"'", '"', "\u2018", "\u2019", "\u201c", "\u201d", "``", "''"})
MAX_QUOTED = 8


def quoted_tokens(doc: Sequence[DepToken]) -> set[int]:
    """Words in quotes: a name, a nickname or a title, not a description ("Tulisa throws her
    arms around her 'little muffins'", "Strongman unveils artwork for his EP 'Still That ...'")."""
    out: set[int] = set()
    k = 0
    while k < len(doc):
        t = doc[k]
        if t.text in QUOTES and not t.ws and (k == 0 or doc[k - 1].ws):
            for j in range(k + 2, min(k + MAX_QUOTED + 2, len(doc))):
                if doc[j].text in QUOTES and not doc[j - 1].ws:
                    out.update(range(k, j + 1))
                    k = j
                    break
        k += 1
    return out


# --------------------------------------------------------------------------- relations

def _head_word(doc: Sequence[DepToken], graph: SceneGraph, idx: int) -> str:
    o = graph.objects[idx]
    if o.span is not None and 0 < o.span[1] <= len(doc):
        return noun_lemma(doc[o.span[1] - 1].text.lower())
    return o.name.split()[-1] if o.name else ""


def _written_head(doc: Sequence[DepToken], graph: SceneGraph, idx: int) -> str:
    """The object's head word as the caption writes it ("woods", not "wood")."""
    o = graph.objects[idx]
    if o.span is not None and 0 < o.span[1] <= len(doc):
        return doc[o.span[1] - 1].text.lower()
    return o.name.split()[-1] if o.name else ""


def _nominal_verb(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, r_idx: int,
                  verbs: list[DepToken]) -> bool:
    """The predicate's verb heads a noun phrase of its own (a determiner on it) whose noun is not
    the subject: "passengers boarding airplane ... another plain taking off" (not "a fox
    jumping", where the parse hangs "a" on the verb past the fox)."""
    s = graph.objects[graph.relations[r_idx].subject]
    if s.span is None:
        return False
    for v in verbs:
        for c in kids[v.i]:
            if doc[c].dep == "det" and c < v.i and not c < s.span[1] - 1 < v.i:
                return True
    return False


def _verb_as_auxiliary(doc: Sequence[DepToken], kids: list[list[int]], verbs: list[DepToken]) -> bool:
    """A content verb the parse took for the predicate's auxiliary: the clause is misread ("the
    villages that water to thrive built a well": "thrive" an auxiliary of "built")."""
    for v in verbs:
        for c in kids[v.i]:
            t = doc[c]
            if t.dep in ("aux", "auxpass") and t.tag.startswith("VB") and t.text.isalpha() \
                    and t.lemma.lower() not in AUXILIARY_LEMMAS:
                return True
    return False


def _verbs(doc: Sequence[DepToken], span) -> list[DepToken]:
    if span is None or not 0 <= span[0] < span[1] <= len(doc):
        return []
    return [t for t in doc[span[0]:span[1]] if t.upos == "VERB"]


def _shows_own_content(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, r_idx: int) -> bool:
    """A picture related by a verb to what it shows ("portrait of a woman ... wrapped around her")."""
    r = graph.relations[r_idx]
    s, o = graph.objects[r.subject], graph.objects[r.object]
    if s.span is None or o.span is None or not 0 < s.span[1] <= len(doc) or not 0 < o.span[1] <= len(doc):
        return False
    head = s.span[1] - 1
    if noun_lemma(doc[head].text.lower()) not in PICTURE_HEADS:
        return False
    shown = {g for c in kids[head] if doc[c].text.lower() == "of" for g in kids[c] if doc[g].dep == "pobj"}
    return o.span[1] - 1 in shown


def misattached(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph) -> set[int]:
    """Relations whose subject cannot do or be what the predicate says (see the module doc)."""
    out = set()
    for k, r in enumerate(graph.relations):
        verbs = _verbs(doc, r.span)
        lemmas = {_lemma(v) for v in verbs}
        subject = _head_word(doc, graph, r.subject)
        classes = noun_classes(subject)
        if lemmas & CAMERA_VERBS or _nominal_verb(doc, kids, graph, k, verbs) or _verb_as_auxiliary(doc, kids, verbs):
            out.add(k)
        elif lemmas & SHOWING_ONLY_VERBS and subject not in PICTURE_HEADS and classes \
                and not classes & SHOWING_CLASSES:
            out.add(k)
        elif r.predicate.split()[0] == "in" and not verbs and classes and classes <= NON_WEARER_CLASSES \
                and _written_head(doc, graph, r.object) in COLOURS | MATERIALS | OF_MATERIALS:
            out.add(k)
        elif verbs and _shows_own_content(doc, kids, graph, k):
            out.add(k)
        elif _vacuous_possession(graph, k) or _placed_part(doc, kids, graph, k, verbs):
            out.add(k)
    return out


def _placed_part(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, r_idx: int,
                 verbs: list[DepToken]) -> bool:
    """One's own body part a verb moves somewhere, without the where: "Tulisa throws her arms around her
    'little muffins'" is no "Tulisa throwing her arms" ("a man raising his hand" needs no where)."""
    o = graph.objects[graph.relations[r_idx].object]
    if len(verbs) != 1 or o.span is None or not o.name or o.name.split()[-1] not in BODY_PARTS:
        return False
    v = verbs[0]
    head = o.span[1] - 1
    return (doc[head].dep == "dobj" and doc[head].head == v.i and any(doc[c].tag == "PRP$" for c in kids[head])
            and any(doc[c].dep == "prep" and c > head and doc[c].text.lower() in PLACING_PREPS for c in kids[v.i]))


def _vacuous_possession(graph: SceneGraph, r_idx: int) -> bool:
    """A possessive "have" of a body part with nothing said of it: "close up of a man's hand"
    is no "a man with the hand" (any man has one; "a man with red hair" says something)."""
    r = graph.relations[r_idx]
    if r.predicate != "have" or r.rule.split("+")[0].split(":")[-1] not in POSSESSIVE_RULES:
        return False
    owned = graph.objects[r.object]
    return bool(owned.name) and owned.name.split()[-1] in BODY_PARTS and not owned.attributes
