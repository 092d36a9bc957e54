"""What the negative types share: the Candidate they return, span tests, noun-slot helpers and
the fluency guards (no edit inside a glued word, a possessive, a keyword list or a noun pile).

A generator never edits strings: it lists ``Replacement``s of token spans and
``make_candidate`` rewrites the surface (articles, casing, spacing) through
``realise.rewrite``, which also records the provenance edits.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ...schemas.depview import children_index, first_conjunct
from ...schemas.graph import Span
from ...schemas.record import Edit
from ..nounphrase import NEGATING_DETERMINERS, negated
from ..realise import Replacement, Slot, Surface, rewrite
from ..vocab import (COUNT_ING_NOUNS, IDIOMS, MASS_NOUNS, PLURAL_ONLY, VERB_IDIOMS, attribute_category,
                     object_category)
from ...lexicon.function_words import VERSUS
from ...lexicon.lemmas import all_lemmas, inflections, noun_lemma, verb_lemma
from ...lexicon.taxonomy import CONCRETE_CLASSES, mainly_a, noun_class
from ...lexicon.words import PREP_NOUNS

PER_TYPE = 2        # candidates kept per type and positive (augment passes fewer for sub-graphs)


@dataclass
class Candidate:
    text: str
    type: str
    edits: list[Edit]


def make_candidate(surface: Surface, kind: str, reps: list[Replacement]) -> Optional[Candidate]:
    """The rewritten surface as a candidate, or None when the rewrite fails or changes nothing."""
    out = rewrite(surface, reps)
    if out is None or out[0] == surface.text or not out[1]:
        return None
    return Candidate(out[0], kind, out[1])


def inside(span: Span, outer: Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def absent(surface: Surface, obj: int) -> bool:
    """The text says the thing is not there ("a street with no cars", "without the egg on top"):
    another thing or kind said absent instead is most likely absent from the picture too ("no tv"
    -> "no phone", "no red cars" -> "no blue cars"), so no negative replaces it or its attributes."""
    slot = surface.slots.get(obj)
    if slot is None:
        return False
    toks = surface.tokens
    if not surface.caption:                          # a realised phrase has no parse: its words
        s = slot.np[0]
        return s > 0 and toks[s - 1].text.lower() == "without" or denied(surface, obj)
    kids = surface.memo.get("kids")                  # caption_surface keeps the ones it computed
    if kids is None:
        kids = surface.memo["kids"] = children_index(toks)
    return negated(toks, kids, slot.name[1] - 1)


def denied(surface: Surface, obj: int) -> bool:
    """The thing is named with a negating determiner ("a street with no cars"): it takes no part in
    a swap ("a quiet car with no streets", "holding no shirt" is true) nor its relation a new
    predicate ("without no red cars")."""
    slot = surface.slots.get(obj)
    return slot is not None and any(t.text.lower() in NEGATING_DETERMINERS
                                    for t in surface.tokens[slot.np[0]:slot.name[0]])


def noun_slots(surface: Surface) -> list[int]:
    """Objects whose mention is a common noun (not a name, gerund or mis-tagged word)."""
    found = surface.memo.get("noun_slots")
    if found is None:
        found = surface.memo["noun_slots"] = [i for i in surface.objects if i in surface.slots
                                              and surface.tokens[surface.slots[i].name[1] - 1].upos == "NOUN"]
    return list(found)                  # callers shuffle it


@lru_cache(maxsize=1 << 14)
def number_class(name: str) -> str:
    """"plural" (only plural: "shorts"), "mass" ("snow") or "" for a noun or its head."""
    head = name.split()[-1]
    if name in PLURAL_ONLY or head in PLURAL_ONLY:
        return "plural"
    if name in MASS_NOUNS or head in MASS_NOUNS or gerund(head):
        return "mass"
    return ""


def gerund(noun: str) -> bool:
    """An "-ing" noun that is no count noun and no thing by WordNet ("colouring", "shopping",
    "walking"): it takes no "a" and no plural ("a colouring given blue coconut palm tree")."""
    return len(noun) > 5 and noun.endswith("ing") and noun not in COUNT_ING_NOUNS \
        and noun_class(noun) not in CONCRETE_CLASSES


def fits_number(surface: Surface, slot: Slot, name: str) -> bool:
    """The noun can stand in the slot's number: no "a snow"/"red snows", no "a shorts", and no
    singular count noun where a mass noun stood bare ("making toast" -/-> "making strawberry",
    "eating ice cream" -/-> "eating banana": the article it needs would be an edit of its own)."""
    number = number_class(name)
    if number == "plural":
        return slot.plural
    if number == "mass":
        det = surface.tokens[slot.np[0]].text.lower() if slot.np[0] < slot.name[0] else ""
        return not slot.plural and det not in ("a", "an") and not surface.graph.objects[slot.obj].quantity
    o = surface.graph.objects[slot.obj]
    return slot.plural or slot.np[0] < slot.name[0] or bool(o.quantity) or number_class(o.name) != "mass"


# --------------------------------------------------------------------------- fluency guards

# Tokens a word may touch without a space and still be edited alone: punctuation around it and
# the clitics of the next word ("dog's", "dogs'", "(dog)", "dog,").
_OPENERS = frozenset({"(", "[", "{", '"', "'", "“", "‘", "«", "#", "@"})
_CLOSERS = frozenset({")", "]", "}", '"', "'", "”", "’", "»", ",", ".", "!", "?", ";", ":", "...", "…",
                      "'s", "’s", "n't", "'re", "'ll", "'ve", "'m", "'d"})


def glued(surface: Surface, span: Span) -> bool:
    """The span is written glued to a neighbouring word ("E-book", "Reach-In", "e-cig", "and/or"):
    editing it alone invents a word ("E-doll", "Reach-Outside")."""
    toks = surface.tokens
    s, e = span
    if s > 0 and not toks[s - 1].ws and toks[s - 1].text not in _OPENERS:
        return True
    return e < len(toks) and not toks[e - 1].ws and toks[e].text not in _CLOSERS


def continued(surface: Surface, span: Span) -> bool:
    """The caption's noun phrase goes on past the span: the next word is a noun or number its last
    word modifies ("Change in household | spending", "coffee on wooden table | view"), or a name in
    apposition to it ("his wife | Emma").  Moving the span alone strands that word."""
    toks = surface.tokens
    s, e = span
    if not surface.caption or e >= len(toks) or not toks[e - 1].ws or toks[e].upos not in ("NOUN", "PROPN", "NUM"):
        return False
    last, t = toks[e - 1], toks[e]
    if last.head == e and last.dep in _INNER_DEPS:
        return True
    for _ in range(4):                      # "talkie logo | black square": "square" in apposition to "logo"
        if t.head == e - 1:
            return t.dep in _INNER_DEPS or t.dep == "appos"
        if t.head < e or t.head == t.i or toks[t.head].upos not in ("NOUN", "PROPN", "NUM"):
            return False
        t = toks[t.head]
    return False


_INNER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod", "nummod"})


def possessive(surface: Surface, span: Span) -> bool:
    """The span is followed by a possessive clitic ("men's", "girls'")."""
    toks = surface.tokens
    e = span[1]
    return e < len(toks) and toks[e].text in ("'s", "’s", "'", "’") and toks[e].tag == "POS"


# List separators: a swap across one reorders a list or a title ("Finding Your Message, Building a
# Tribe") rather than exchanging roles in one scene.
SEPARATORS = frozenset({",", ";", ":", "|", "-", "–", "—", "#", "(", ")", "/", "•", "·", "[", "]", "+", "&"})


def across_separator(surface: Surface, a: Span, b: Span) -> bool:
    """A list separator stands between spans ``a`` and ``b``."""
    lo, hi = (a, b) if a[0] < b[0] else (b, a)
    toks = surface.tokens
    return any(toks[k].text in SEPARATORS for k in range(lo[1], hi[0]))


def conjoined(surface: Surface, a: int, b: int) -> bool:
    """Token heads ``a`` and ``b`` are conjuncts of one coordination ("tree and candles"):
    exchanging them only reorders a list."""
    toks = surface.tokens
    return (toks[a].dep == "conj" or toks[b].dep == "conj") and first_conjunct(toks, a) == first_conjunct(toks, b)


def in_noun_pile(surface: Surface, span: Span) -> bool:
    """The noun phrase runs into another noun with nothing between ("walnuts topic", "oil bottle PP
    e-cig bottle"): a keyword string, whose words are no phrase to move."""
    toks = surface.tokens
    e = span[1]
    return e < len(toks) and toks[e].upos in ("NOUN", "PROPN") and toks[e - 1].upos in ("NOUN", "PROPN") \
        and bool(toks[e - 1].ws)


_GENDERED_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


def gendered_pronoun(surface: Surface) -> bool:
    """The surface refers to someone as he or she: a noun of the other sex would disagree with it
    ("the woman himself")."""
    found = surface.memo.get("gendered")
    if found is None:
        found = surface.memo["gendered"] = any(t.text.lower() in _GENDERED_PRONOUNS for t in surface.tokens)
    return found


_KEYWORD_UPOS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})
KEYWORD_RUN = 5


def keyword_string(surface: Surface) -> bool:
    """The text has a run of five or more nouns, names, adjectives and numbers with no determiner,
    verb or preposition between ("winter fashion 2013 vintage knitted heart print patchwork"): a
    keyword string, in which a swap reorders keywords rather than roles."""
    found = surface.memo.get("keywords")
    if found is None:
        run = best = 0
        for t in surface.tokens:
            run = run + 1 if t.upos in _KEYWORD_UPOS and t.text[:1].isalnum() else 0
            best = max(best, run)
        found = surface.memo["keywords"] = best >= KEYWORD_RUN
    return found


# Words no caption ends on unless it was cut off ("actors on the set of", "... say that their kids
# will", "new romantic artist and family attend the performance at ."): CC3M drops names there.
_DANGLING_UPOS = frozenset({"DET", "CCONJ", "SCONJ"})
_DANGLING_WORDS = frozenset({"of", "at", "between", "during", "including", "than", "the", "a", "an",
                             "will", "would", "can", "could", "should", "must", "shall", "may", "might",
                             "my", "your", "his", "her", "its", "our", "their", "and", "or", "but"})


def truncated(surface: Surface) -> bool:
    """The caption ends on a word that needs another after it (a determiner, a conjunction, "of",
    "at", a modal): it was cut off, and what its nouns do to one another is guesswork, so a swap
    of them is garble ("exhibition subject to rise at a tiny city... will")."""
    found = surface.memo.get("truncated")
    if found is None:
        last = next((t for t in reversed(surface.tokens) if t.text[:1].isalnum()), None)
        found = surface.memo["truncated"] = surface.caption and last is not None and (
            last.upos in _DANGLING_UPOS or last.text.lower() in _DANGLING_WORDS)
    return found


# Words before a singular noun without article that read it as stuff ("ample room", "enough
# space", "no time"), and before a unit that make it a measure ("square feet").
MASS_QUANTIFIERS = frozenset({"ample", "enough", "much", "more", "less", "plenty", "lots", "no",
                              "sufficient", "adequate", "limited", "additional", "extra", "plenty of"})
MEASURE_WORDS = frozenset({"square", "cubic", "sq", "sq."})
UNIT_NOUNS = frozenset({"foot", "feet", "inch", "inches", "yard", "yards", "mile", "miles", "meter", "meters",
                        "metre", "metres", "acre", "acres", "km", "kilometre", "kilometres", "kilometer",
                        "kilometers"})


def in_idiom(surface: Surface, slot: Slot) -> bool:
    """``idiom_slot``, once per surface and slot (object_replace, object_swap and relation_swap
    all ask it of the same slots)."""
    memo = surface.memo.get("idiom")
    if memo is None:
        memo = surface.memo["idiom"] = {}
    key = (slot.np, slot.name, slot.plural)
    found = memo.get(key)
    if found is None:
        found = memo[key] = idiom_slot(surface, slot)
    return found


def idiom_slot(surface: Surface, slot: Slot) -> bool:
    """The noun names no object to replace or move: a bare noun of a preposition idiom ("on foot",
    "hard at work"), the noun right after the verb of a verb idiom ("the annual roundup taken
    place", "takes part in"), a singular read as stuff after a quantity word ("would have ample
    room for" -/-> "ample fireplace") or a unit ("at square feet" -/-> "square heads")."""
    s = slot.np[0]
    name = surface.span_text(slot.name).lower()
    if slot.np == slot.name and s > 0 and (surface.tokens[s - 1].text.lower(), name) in IDIOMS:
        return True
    k = slot.name[0]
    if k > 0 and (verb_lemma(surface.tokens[k - 1].text.lower()), name) in VERB_IDIOMS:
        return True
    if participle_compound(surface, slot) or phrasal_noun(surface, slot):
        return True                                # "war torn city", "in the run up"
    before = [t.text.lower() for t in surface.tokens[max(0, s - 1):k]]     # "plenty of" stands before the phrase
    if name in UNIT_NOUNS and (MEASURE_WORDS.intersection(before) or any(w[:1].isdigit() for w in before)):
        return True
    return not slot.plural and bool(MASS_QUANTIFIERS.intersection(before)) \
        and not any(t.upos == "DET" or t.tag == "PRP$" for t in surface.tokens[s:k])


def participle_compound(surface: Surface, slot: Slot) -> bool:
    """A singular noun with no determiner is the first half of a compound adjective with the past participle
    right after it, which modifies a noun phrase that follows ("former war torn the northernmost
    city", "hand drawn illustration"; spaCy reads "torn" a verb of its own): moved or exchanged, it
    leaves "city torn the northernmost war", "illustration drawn a hand".  The participle is told
    by a form only participles have ("torn", "drawn"), or by its tag between two bare nouns, and
    is followed by a noun phrase, not a preposition ("a car parked on the street")."""
    toks = surface.tokens
    e = slot.name[1]
    if slot.plural or e + 1 >= len(toks) or not toks[e - 1].ws \
            or any(t.upos == "DET" or t.tag in ("PRP$", "POS") for t in toks[slot.np[0]:slot.name[0]]):
        return False
    v, after = toks[e], toks[e + 1]
    if v.upos != "VERB" or v.tag not in ("VBN", "VBD") or any(t.head == v.i and t.dep in ("aux", "auxpass") for t in toks):
        return False                               # "has drawn a picture"
    if _participle_only(v.text.lower()):
        return after.upos in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
    # a form that may be a past tense ("covered", "made"): only a bare noun before and after it,
    # and before it no one who acts ("snow covered mountains", "python skin studded shoulder bag";
    # not "football player made a member", "red carpet pictured", "business woman named entrepreneur")
    word = surface.tokens[e - 1].text.lower()
    kind = noun_class(word)
    if kind in ("person", "animal") or mainly_a(word, "person") or mainly_a(word, "animal"):
        return False                               # "business woman named entrepreneur": she acts
    return slot.np == slot.name and after.upos in ("ADJ", "NOUN") and (v.tag == "VBN" or kind is not None)


@lru_cache(maxsize=1 << 12)
def _participle_only(word: str) -> bool:
    """A past participle that is no past tense ("torn", "drawn"; not "killed")."""
    lemma = verb_lemma(word)
    return word in inflections(lemma, "VBN") and word not in inflections(lemma, "VBD")


# Particles that make a noun of a verb ("the run up", "a check in", "the lay out", "a close up").
_NOUN_PARTICLES = frozenset({"up", "down", "out", "off", "in", "over", "away", "back"})


def phrasal_noun(surface: Surface, slot: Slot) -> bool:
    """The noun is a verb's noun after an article, followed by its particle, which has no object
    of its own ("heavy rain dampens the shopping in the run up", "the build up"; not "his hand
    up", a body part held so): the two are one noun, and exchanged or replaced alone the noun
    leaves "in the rain up"."""
    toks = surface.tokens
    e = slot.name[1]
    if slot.plural or e >= len(toks) or e - 1 != slot.name[0] or slot.name[0] == 0:
        return False
    word, p = toks[e - 1].text.lower(), toks[e]
    if p.text.lower() not in _NOUN_PARTICLES or "VERB" not in all_lemmas(word) or noun_class(word) == "body" \
            or toks[e - 2].text.lower() not in ("the", "a", "an"):
        return False
    if any(t.head == p.i and t.dep in ("pobj", "dobj", "obj") for t in toks):
        return False                               # "the man up the hill": "up" has its own object
    return e + 1 == len(toks) or toks[e + 1].upos in ("PUNCT", "ADP", "CCONJ", "NOUN")


_OWNER_UPOS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def of_bound(surface: Surface, name: Span) -> bool:
    """The noun heads an "of" phrase ("branches of a tree", "the premiere of woman") or is the
    object of one hanging from a noun ("amounts of fun", "one of the villages"; not "in front of"):
    moved alone, it leaves "a tree of branches", "amounts of child", "the premiere at actor"."""
    toks = surface.tokens
    head = name[1] - 1
    if any(t.head == head and t.text.lower() == "of" for t in toks[name[1]:name[1] + 8]):
        return True
    h = toks[head]
    if h.dep != "pobj" or not 0 <= h.head < len(toks):
        return False
    prep = toks[h.head]
    if prep.text.lower() != "of" or prep.head == prep.i or not 0 <= prep.head < len(toks):
        return False
    owner = toks[prep.head]
    return owner.upos in _OWNER_UPOS and owner.text.lower() not in PREP_NOUNS


_CHAIN_UPOS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def chained(surface: Surface, np: Span) -> bool:
    """A noun phrase without determiner that a noun, adjective or particle runs into ("keep out
    sign", "seeds dried peas"): part of a longer compound or keyword chain, whose last word
    moved alone leaves "private keep out a tree"; or one side of a "versus" pair, which names one
    match ("dramatist attends sports team vs game" -/-> "sports team attends a dramatist vs game")."""
    toks = surface.tokens
    s = np[0]
    if any(0 <= j < len(toks) and toks[j].text.lower() in VERSUS for j in (s - 1, np[1])):
        return True
    if s == 0 or toks[s].upos == "DET" or not toks[s - 1].ws:
        return False
    prev = toks[s - 1]
    return prev.upos in _CHAIN_UPOS or prev.tag == "RP"


def copular_pair(surface: Surface, a: int, b: int) -> bool:
    """Token heads ``a`` and ``b`` name one thing: subject and complement of "be" ("the capital is
    an incredible city") or a noun and its apposition ("my dog, a labrador")."""
    toks = surface.tokens
    for x, y in ((toks[a], toks[b]), (toks[b], toks[a])):
        if x.dep in ("attr", "appos", "oprd") and (y.i == x.head or (y.dep in ("nsubj", "nsubjpass")
                                                                     and y.head == x.head)):
            return True
    return False


def phrase_plural(surface: Surface, slot: Slot) -> bool:
    """The number a verb agrees with for the slot's noun phrase: its written quantity's when one
    stands before "of" ("slices of pizza are", "a ball of yarn is"), else the name's."""
    toks = surface.tokens
    for j in range(slot.np[0], slot.name[0] - 1):
        if toks[j + 1].text.lower() == "of" and toks[j].text.isalpha():
            t = toks[j]                            # a realised quantity is untagged: by its lemma
            if t.tag in ("NN", "NNS") or not t.tag:
                return t.tag == "NNS" or (not t.tag and noun_lemma(t.text.lower()) != t.text.lower())
    return slot.plural


# Nouns of a point of view or a manner rather than a thing in the picture ("aerial view over
# the beach", "a shadowed profile on a beach", "this young girl enjoys the scenery"): moved into a
# thing's place they leave garble ("aerial beach over the view", "young scenery enjoys the girl").
FRAME_NOUNS = frozenset({"view", "views", "scenery", "interior", "exterior", "profile", "style", "layout",
                         "perspective", "vista", "panorama"})


def framing(name: str) -> bool:
    """The object (by its head) is a point of view or a manner: it trades places with no thing."""
    return (name.lower().split() or [""])[-1] in FRAME_NOUNS


def colour_name(name: str) -> bool:
    """The object is named by a colour ("golf ball on white", "necklace set in grey", "a boot in
    nude" read as a thing): a background or a finish, which swapped leaves "white on a golf ball"."""
    category = attribute_category(name.lower())
    return category is not None and category[0] == "colour" and object_category(name.lower()) is None \
        and noun_class(name.lower()) not in ("food", "plant", "animal")      # "a slice of lime", "a rose"
