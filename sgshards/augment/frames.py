"""Predicates of realised relations: the caption's verb frame, tense and aspect.

A relation is realised from the caption's own words.  Its predicate keeps the prepositions,
particles and multiword-preposition heads that link the verb to its object in the caption
("posing for a picture", "standing next to", "waiting for service"), even where the graph's
predicate leaves them out, and the caption's tense and aspect:

- a present verb becomes a participle ("rides" -> "riding"; a template adds "is"), a state verb
  stays simple present in that template ("a costume includes wings", never "is including");
- a past or perfect verb stays as written, with its auxiliary ("the door opened to the garden",
  "a player has signed a contract", "the witness was driving along the road"), and gets no "is"
  template;
- a passive keeps its sense: "a sign being repaired by a man" -> "a man repairing a sign"; a
  completed passive of an event ("a photo taken by a tourist") is not turned into an ongoing act;
- a verb the caption does not assert (modal "can", "will"; an infinitive of purpose or plan "to
  rise", "ready to kick"; a negation; an imperative "discover the beauty"; a clause not yet true, "just
  before he breaks out"; a habit, "worms usually mate") is not realised at all.
"""
from __future__ import annotations

from typing import NamedTuple, Optional, Sequence

from ..lexicon.depicted import GENERIC_ADVERBS
from ..lexicon.lemmas import all_lemmas, is_verb_only, noun_lemma, verb_lemma
from ..lexicon.taxonomy import noun_classes
from ..lexicon.words import AGENT_PREP_VERBS, OF_PREP_NOUNS, POSITIONAL_ADJS, PREP_HEADS
from ..schemas.depview import DepToken
from ..schemas.graph import SceneGraph
from .realise import noun_phrase_start, verb_form

# Predicates headed by a noun (FACTUAL's "trick on"): realised as "doing a trick on".
NOUN_PREDICATES = frozenset({"trick", "stunt"})

# Words lemminflect also knows as verbs that head a predicate as prepositions.
PREPOSITION_LIKE = frozenset({"near", "like", "past", "round", "down", "up", "over", "under", "behind",
                              "inside", "outside", "beside", "opposite", "top", "front", "back", "side"})

# State verbs: no progressive ("a costume includes wings", not "is including").
STATIVE_VERBS = frozenset({
    "include", "contain", "feature", "consist", "comprise", "resemble", "belong", "own", "possess",
    "know", "love", "like", "hate", "prefer", "want", "need", "seem", "cost", "mean", "depict",
    "represent", "portray", "equal", "deserve", "involve", "lack", "incorporate", "symbolize",
    "connect", "link", "span", "separate", "divide", "match", "suit", "complement", "exist",
})
# Passives whose participle describes a lasting state: "a tree covered in snow" -> "snow covering a tree".
STATE_PASSIVES = AGENT_PREP_VERBS | STATIVE_VERBS | frozenset({
    "surround", "fill", "decorate", "top", "hold", "support", "border", "light", "illuminate",
    "shade", "dominate", "overlook", "occupy", "accompany", "follow", "flank", "attach", "cover",
})
# Auxiliaries that keep a verb in the past or perfect: the form is kept as the caption has it.
PAST_AUXILIARIES = frozenset({"was", "were", "had", "has", "have", "'ve", "'d"})
# Words that make the verb's event unasserted when they govern it.
NEGATIONS = frozenset({"not", "n't", "never", "no", "without"})
# Conjunctions of a clause that has not happened or may not: "just before he breaks out of the water".
UNASSERTING_MARKS = frozenset({"before", "until", "till", "unless", "if", "lest", "whether"})
# Adverbs of habit and of the past (the generic statements of ``lexicon.depicted`` and a few more): a verb
# they modify says what happens in general or once did ("worms usually mate at night"), not what is shown.
HABIT_ADVERBS = GENERIC_ADVERBS | frozenset({"sometimes", "never", "always"})
# Prepositions whose gerund is a purpose, a plan or an absence, not an act: "for building",
# "before visiting", "instead of going", "tips about cooking".
UNASSERTING_PREPS = frozenset({"for", "without", "before", "instead", "toward", "towards", "against", "of",
                               "about", "to", "than", "like", "on"})
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")


class Predicate(NamedTuple):
    words: tuple             # (text, ws, lemma, upos, tag) pieces, in order
    has_verb: bool
    finite: bool = False     # tensed as in the caption ("swung", "was driving"): no "is" template
    stative: bool = False    # present of a state verb: "includes" in the "is" template
    verb: int = -1           # caption index of the verb (-1: none)
    first: int = -1          # caption index of the first predicate word (-1: not from the caption)
    last: int = -1           # caption index of the last predicate word
    agree: int = -1          # index into words of the word agreeing with the subject (-1: none)
    copula: bool = True      # the "is" template fits (not after a participle with a subject of its own)


def _piece(text: str, ws: str = " ", lemma: str = "", upos: str = "X", tag: str = "") -> tuple:
    return (text, ws, lemma or text.lower(), upos, tag)


def is_verb_word(word: str) -> bool:
    return word not in PREPOSITION_LIKE and "VERB" in all_lemmas(word)


def token_lemmas(t: DepToken) -> set[str]:
    low = t.text.lower()
    out = {low, t.lemma.lower()}
    if t.tag.startswith("VB"):
        out.add(verb_lemma(low))
    return out


def asserted(doc: Sequence[DepToken], kids: list[list[int]], v: int) -> bool:
    """False when the caption does not say verb v happens: a modal or "to" governs it ("can
    scoop", "to rise", "ready to kick"), it is negated, it is an imperative ("discover the
    beauty"), or a gerund of purpose or absence ("a playbook for building a tribe", "without
    taking up room", "uses to fly around setting up libraries").  Conjoined verbs inherit all of this from the first ("can run and jump"),
    and a verb inside another's clause inherits its modal ("can increase sales by promoting")."""
    k, own = v, True
    for _ in range(8):
        t = doc[k]
        auxes = [c for c in kids[k] if doc[c].dep in ("aux", "auxpass")]
        if any(doc[c].tag in ("MD", "TO") or doc[c].text.lower() == "to" for c in auxes):
            return False
        if own:
            if any(doc[c].dep == "neg" or doc[c].text.lower() in NEGATIONS and doc[c].dep in ("advmod", "det", "prep")
                   for c in kids[k]):
                return False
            if t.tag == "VB" and not auxes and t.dep not in ("xcomp", "ccomp", "conj") \
                    and not any(doc[c].dep in _SUBJECT_DEPS for c in kids[k]):
                return False                          # imperative
            if any(doc[c].dep == "mark" and doc[c].text.lower() in UNASSERTING_MARKS for c in kids[k]):
                return False                          # "just before he breaks out of the water"
        if any(doc[c].dep == "advmod" and doc[c].text.lower() in HABIT_ADVERBS for c in kids[k]):
            return False                              # "worms usually mate at night, mating in ..."
        if t.dep == "pcomp" and doc[t.head].text.lower() in UNASSERTING_PREPS:
            return False
        if t.dep in ("xcomp", "advcl") and t.tag == "VBG" and _after_infinitive(doc, kids, k):
            return False
        if t.head == k:
            break
        if t.dep == "conj":
            k = t.head
        elif t.dep in ("xcomp", "advcl", "ccomp") and doc[t.head].upos in ("VERB", "AUX"):
            k, own = t.head, False
        elif t.dep == "pcomp" and doc[doc[t.head].head].upos in ("VERB", "AUX"):
            k, own = doc[t.head].head, False
        else:
            break
    return True


def _after_infinitive(doc: Sequence[DepToken], kids: list[list[int]], k: int) -> bool:
    """Gerund k hangs on a verb after that verb's "to" clause: it goes on that purpose ("an
    airplane she uses to fly around the state setting up medical libraries")."""
    for c in kids[doc[k].head]:
        if c >= k:
            break
        if doc[c].dep in ("xcomp", "advcl") and any(doc[a].dep == "aux" and doc[a].tag == "TO" for a in kids[c]):
            return True
    return False


def governor(doc: Sequence[DepToken], k: int) -> int:
    """The word a preposition's phrase hangs on (through "next" of "next to" and the like)."""
    for _ in range(4):
        t = doc[k]
        if t.head == k or t.upos not in ("ADP", "ADV", "ADJ", "PART"):
            break
        k = t.head
    return k


def _past(doc: Sequence[DepToken], kids: list[list[int]], v: int) -> bool:
    """Verb v is past or perfect ("was at the festival", "stood by the door"): no "is" template."""
    t = doc[v]
    if t.upos not in ("VERB", "AUX"):
        return False
    return t.tag == "VBD" or any(doc[c].dep in ("aux", "auxpass") and doc[c].text.lower() in PAST_AUXILIARIES
                                 for c in kids[v])


def _frame_word(doc: Sequence[DepToken], k: int, end: int) -> bool:
    """A word of the verb's frame between the verb and its object: a preposition or particle,
    a multiword preposition's head or noun ("next to", "in front of", "on top of"), an adverb."""
    t = doc[k]
    low = t.text.lower()
    if low in NEGATIONS or t.upos in ("AUX", "PUNCT", "CCONJ", "PRON"):
        return False
    if t.tag in ("IN", "RP", "TO") or low in PREP_HEADS or low in POSITIONAL_ADJS:
        return True
    if low in OF_PREP_NOUNS and k + 1 < end and doc[k + 1].text.lower() == "of":
        return True                                   # "in front of", "on top of"
    if t.tag == "DT" and k + 1 < end and doc[k + 1].text.lower() in OF_PREP_NOUNS:
        return True                                   # "to the left of"
    return t.tag in ("RB", "RBR") and t.dep == "advmod"


def _frame(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, r_idx: int, v: int,
           pred_words: set[str]) -> Optional[list[int]]:
    """Caption tokens of the verb and its frame up to the object's noun phrase, when only frame
    words lie between them and they hold all of the predicate's words."""
    o = graph.objects[graph.relations[r_idx].object]
    if o.span is None or not (v < o.span[0] < o.span[1] <= len(doc)):
        return None
    start, _ = noun_phrase_start(doc, kids, o.span[1] - 1, o.span[0], [])
    toks = [v] + list(range(v + 1, start))
    if len(toks) > 6 or not all(_frame_word(doc, k, start) for k in toks[1:]):
        return None
    found = {w for k in toks for w in token_lemmas(doc[k])}
    return toks if pred_words <= found else None


def _span_tokens(doc: Sequence[DepToken], span, pred_words: set[str]) -> Optional[list[int]]:
    """The predicate's own words in its span (the span may run over an object's phrase); a
    determiner inside a multiword preposition stays: "to the left of".  A word the predicate has
    twice in the span is taken nearest its object ("sitting in a chair in the room": the second
    "in"); [] when the span does not hold them, None when it skips a word the phrase needs
    ("looking sad with a chair" is no "looking with a chair")."""
    if span is None or not (0 <= span[0] < span[1] <= len(doc)) or span[1] - span[0] > 6:
        return []
    idx = list(range(span[0], span[1]))
    kept = [doc[k].upos != "AUX" and bool(token_lemmas(doc[k]) & pred_words) for k in idx]
    for j in range(1, len(idx) - 1):
        if doc[idx[j]].upos == "DET" and kept[j - 1] and kept[j + 1]:
            kept[j] = True
    toks = [k for k, keep in zip(idx, kept) if keep]
    seen: set[str] = set()
    for k in reversed(toks[1:]):                      # repeated words: the last one stays
        low = doc[k].text.lower()
        if low in seen and doc[k].upos != "VERB":
            toks.remove(k)
        seen.add(low)
    found = {w for k in toks for w in token_lemmas(doc[k])}
    if not pred_words <= found:
        return []
    if any(doc[k].upos in ("ADJ", "VERB") and doc[k].dep not in ("amod", "compound")
           for k in range(toks[0], toks[-1] + 1) if k not in toks):
        return None
    return toks


def realise_predicate(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph,
                      r_idx: int) -> Optional[Predicate]:
    """The predicate of relation r_idx as the caption words it, or None when the caption does
    not assert it or its tense cannot be kept."""
    r = graph.relations[r_idx]
    if r.predicate == "have":
        v = _verb_token(doc, r.span, [], set(), "have")
        if v >= 0 and not asserted(doc, kids, v):
            return None                               # "the property would have ample room"
        if v >= 0 and _had_act(doc, graph.objects[r.object]):
            # "a boy having a refreshing jump and bath": an act had is no thing held ("a boy with a bath")
            if doc[v].tag != "VBG":
                return None
            return Predicate((_piece("having", " ", "have", "VERB", "VBG"),), True, verb=v, first=v, last=v)
        return Predicate((_piece("with", upos="ADP", tag="IN"),), False)
    head, _, rest = r.predicate.partition(" ")
    if head in NOUN_PREDICATES:                       # (boy, trick on, skateboard): "doing a trick on"
        words = [_piece("doing", " ", "do", "VERB", "VBG"), _piece("a"), _piece(head)]
        return Predicate(tuple(words + [_piece(w) for w in rest.split()]), True)
    pred_words = set(r.predicate.lower().split())
    if r.predicate.split()[-1] in PAIR_PREPS and _one_party(doc, kids, graph.objects[r.object]):
        return None                                   # "between the building" (and the tower)
    spanned = _span_tokens(doc, r.span, pred_words)
    if spanned is None:
        return None
    toks = spanned
    v = _verb_token(doc, r.span, toks, pred_words, head)
    first_word = r.predicate.split()[0]
    if v < 0 and toks and doc[toks[0]].upos == "NOUN" and is_verb_word(first_word) \
            and verb_lemma(doc[toks[0]].text.lower()) == first_word:
        v = toks[0]                                   # a verb the tagger read as a noun, the graph's
        #                                               repair as the verb: "a helicopter flies/NNS over"
    if v < 0:
        if not toks:                                  # the predicate's lemmas: "wear" -> "wearing"
            lemmas = r.predicate.split()
            if is_verb_word(lemmas[0]):
                return Predicate(tuple([_piece(verb_form(lemmas[0], "VBG"), " ", lemmas[0], "VERB", "VBG")]
                                       + [_piece(w) for w in lemmas[1:]]), True)
            return Predicate(tuple(_piece(w) for w in lemmas), False)
        gov = governor(doc, toks[0])
        if doc[gov].upos in ("VERB", "AUX") and not asserted(doc, kids, gov):
            return None                               # "to belt out the anthem at the game"
        if any(is_verb_only(doc[k].text.lower()) for k in toks):
            return None                               # a verb the tagger read as a noun: no "person is rehearse on"
        return Predicate(tuple(_piece(doc[k].text.lower() if doc[k].upos != "PROPN" else doc[k].text,
                                      doc[k].ws or " ", doc[k].lemma.lower(), doc[k].upos, doc[k].tag)
                               for k in toks), False, finite=_past(doc, kids, gov),
                         first=toks[0], last=toks[-1])
    if not asserted(doc, kids, v):
        return None
    if _gaze_elsewhere(doc, kids, v, pred_words):
        return None                                   # "looking at each other in front of the skyline"
    if any(doc[c].text.lower() in POSITIONAL_ADJS and c not in toks and not (v < c < v + 4)
           for c in kids[v] if doc[c].dep in ("advmod", "acomp")):
        return None                                   # "how close the wall is built to the house"
    framed = _frame(doc, kids, graph, r_idx, v, pred_words)
    if framed is not None:
        return _verb_predicate(doc, kids, graph, r_idx, v, framed)
    if _lost_preposition(doc, graph, r_idx, v, toks):
        return None                                   # "looks fabulous for a wedding" is no "looking a wedding"
    if toks and any(k < v and doc[k].upos == "ADP" for k in toks):
        return None                                   # a fronted phrase: "men, in winter, sit at the tent"
    if toks:
        return _verb_predicate(doc, kids, graph, r_idx, v, toks)
    # the verb is the caption's, the rest of the predicate its lemmas
    p = _verb_predicate(doc, kids, graph, r_idx, v, [v])
    if p is None:
        return None
    rest_words = tuple(_piece(w) for w in r.predicate.split()[1:])
    return p._replace(words=p.words + rest_words, first=-1)


# Verbs of looking and a place phrase after them that, said without what is looked "at", reads as
# the gaze's target: "researchers look at image on a computer screen" -/-> "looking on a computer screen".
GAZE_VERBS = frozenset({"look", "stare", "gaze", "glance", "peer", "point", "smile", "wave"})
GAZE_MISREAD_PREPS = frozenset({"on", "near", "behind", "front", "beside", "by", "under", "above", "over", "next"})


def _gaze_elsewhere(doc: Sequence[DepToken], kids: list[list[int]], v: int, pred_words: set[str]) -> bool:
    """Verb v is one of looking with its own "at" target, and the relation's preposition is one of
    place: the phrase without the target says where the gaze goes ("looking in front of the skyline")."""
    if doc[v].lemma.lower() not in GAZE_VERBS or "at" in pred_words or not pred_words & GAZE_MISREAD_PREPS:
        return False
    return any(doc[c].dep == "prep" and doc[c].text.lower() == "at" for c in kids[v])


def _had_act(doc: Sequence[DepToken], o) -> bool:
    """Object o is an act or event one has ("a jump", "a bath", "lunch", "a look"), not a thing one holds."""
    if o.span is None or not 0 < o.span[1] <= len(doc):
        return False
    lemma = noun_lemma(doc[o.span[1] - 1].text.lower())
    return lemma in HAD_ACTS or bool(noun_classes(lemma, first=1) & ACT_CLASSES)


def _one_party(doc: Sequence[DepToken], kids: list[list[int]], o) -> bool:
    """Object o is one party of a "between" / "among": a singular noun, one conjunct of a list
    ("a match between the Detroit Lions and Washington Redskins": the Lions alone are no pair), or
    a plural name, which names one team or firm."""
    if not o.plural:
        return True
    if o.span is None or not 0 < o.span[1] <= len(doc):
        return False
    head = doc[o.span[1] - 1]
    return head.dep == "conj" or any(doc[c].dep == "conj" for c in kids[head.i]) or head.tag == "NNPS"


def _verb_token(doc: Sequence[DepToken], span, toks: list[int], pred_words: set[str], head: str) -> int:
    """The caption's token of the predicate's verb: in its words, else anywhere in its span."""
    for k in toks:
        if doc[k].upos == "VERB" or (doc[k].tag.startswith("VB") and doc[k].lemma.lower() in pred_words):
            return k
    if span is not None and 0 <= span[0] < span[1] <= len(doc):
        for k in range(span[0], span[1]):
            if doc[k].tag.startswith("VB") and verb_lemma(doc[k].text.lower()) == head:
                return k
    return -1


def _lost_preposition(doc: Sequence[DepToken], graph: SceneGraph, r_idx: int, v: int, toks: list[int]) -> bool:
    """The caption links verb v to the relation's object through a preposition the predicate's
    words do not hold: without it the phrase says something else."""
    o = graph.objects[graph.relations[r_idx].object]
    if o.span is None or not (0 < o.span[1] <= len(doc)):
        return False
    t = doc[o.span[1] - 1]
    return (t.dep == "pobj" and t.head != t.i and t.head not in toks and doc[t.head].upos == "ADP"
            and governor(doc, t.head) == v)


def _verb_predicate(doc: Sequence[DepToken], kids: list[list[int]], graph: SceneGraph, r_idx: int,
                    v: int, toks: list[int]) -> Optional[Predicate]:
    t = doc[v]
    low = t.text.lower()
    lemma = verb_lemma(low)
    subj = graph.objects[graph.relations[r_idx].subject]
    passive = subj.span is not None and subj.span[0] > v     # the agent of a passive is the subject
    auxes = [c for c in kids[v] if doc[c].dep in ("aux", "auxpass") and c < v]
    aux_low = [doc[c].text.lower() for c in auxes]
    past_aux = [c for c in auxes if doc[c].text.lower() in PAST_AUXILIARIES]
    has_dobj = any(doc[c].dep == "dobj" for c in kids[v])
    if t.tag == "VBD" and not passive and low != verb_form(lemma, "VBD") and low == verb_form(lemma, "VBN"):
        return None                                   # "former war torn the city": a participle, no past tense
    finite, stative, prefix = False, False, []
    if passive:
        if t.tag in ("VBN", "VBD") and "being" not in aux_low and lemma not in STATE_PASSIVES:
            return None                               # "a photo taken by a tourist": not "a tourist taking"
        form = "VBG"
    elif t.tag == "VBD" or (t.tag == "VBN" and (has_dobj or past_aux)) or (t.tag == "VBG" and past_aux):
        finite, form = True, t.tag
        prefix = [c for c in auxes if c >= past_aux[0]] if past_aux else []   # "has signed", "have been keeping"
    elif t.tag == "VBN":
        form = "VBN"                                  # "a cake topped with cream": a state
        # "sorghum being carried after harvest": an ongoing passive keeps its "being"
        prefix = [c for c in auxes if doc[c].text.lower() == "being"]
    else:
        stative = lemma in STATIVE_VERBS and t.tag in ("VBZ", "VBP", "VBG")
        form = "VBG"
    words: list[tuple] = []
    agree = -1
    for c in prefix:
        a = doc[c]
        if finite and agree < 0:                      # the first auxiliary agrees: "has been keeping"
            agree = len(words)
        words.append(_piece(a.text.lower(), " ", a.lemma.lower(), "AUX", a.tag))
    for k in toks:
        d = doc[k]
        text = d.text.lower() if d.upos != "PROPN" else d.text
        tag = d.tag
        if k == v:
            if form != t.tag and not finite:
                text, tag = verb_form(lemma, form), form
            words.append(_piece(text, d.ws or " ", lemma, "VERB", tag))
        else:
            words.append(_piece(text, d.ws or " ", verb_lemma(text) if d.tag.startswith("VB") else d.lemma.lower(),
                                d.upos, d.tag))
    # "the newspaper suffered from arsonists" (a past tense the tagger read as a participle) and
    # "clouds reflected in an inlet" (a participle) look alike: said as the caption says it, no "is"
    copula = not (t.tag == "VBN" and not auxes and _active_subject(doc, kids, v))
    return Predicate(tuple(words), True, finite, stative, v, toks[0], toks[-1], agree, copula)


def _active_subject(doc: Sequence[DepToken], kids: list[list[int]], v: int) -> bool:
    """Participle v heads a clause of its own with an active subject ("previously the newspaper
    suffered from arsonists", "sports team practiced at the training facility"): the tagger read a
    past tense as a participle, which is no state ("is suffered from")."""
    return doc[v].dep in ("ROOT", "conj", "ccomp") and any(doc[c].dep == "nsubj" for c in kids[v]) \
        and not any(doc[c].dep in ("auxpass", "nsubjpass") for c in kids[v])


# Prepositions of time, role, source or manner: "a player during the game" is fine, "a player is
# during the game" is not; nor is "a hat is by Black Diamond" or "a man is as a guide".
NO_COPULA_PREPS = frozenset({
    "during", "as", "by", "of", "about", "after", "before", "since", "until", "till", "like", "via",
    "for", "including", "despite", "except", "per", "than", "throughout", "while", "upon", "unlike",
    "versus", "vs", "vs.", "against", "towards", "toward", "amid", "amidst",
})
# ... nor a lone preposition of direction or source ("texture is to the window", "a man is from
# the portrait"); "is to the left of" is fine.
DIRECTION_PREPS = frozenset({"to", "into", "onto", "from", "toward", "towards", "unto"})
# Lexicographer classes of nouns naming what one does, not holds ("having a swim", "a chat").
ACT_CLASSES = frozenset({"act", "event", "communication", "time", "feeling"})
# Nouns of light-verb "have" whose first sense is a thing: "having a bath", "having lunch".
HAD_ACTS = frozenset({"bath", "shower", "meal", "breakfast", "lunch", "dinner", "supper", "brunch", "snack",
                      "drink", "rest", "look", "party", "bite", "smoke"})
# Prepositions that need two or more things: "between the building" alone is no phrase.
PAIR_PREPS = frozenset({"between", "among", "amongst"})

