"""Objects the parse made of words it misread, which name no thing (``depicted.undepicted`` asks each
rule; issue 15, precision of positives): an adverb, a verb or a past participle read as a noun, an
instruction's verb opening page text, the first word of a compound modifier read as a subject with
its second as the verb ("gold plated classic ceiling"), and a verb read as the noun a person word
modifies ("Blond female posing behind a shopping cart")."""
from __future__ import annotations

from typing import Sequence

from ..lexicon.depicted import CLAUSE_BREAKS, INSTRUCTION_ADVERBS
from ..lexicon.lemmas import all_lemmas, is_verb_only, noun_lemma
from ..lexicon.taxonomy import noun_class, noun_classes
from ..lexicon.visibility import PLACEHOLDERS
from ..schemas.depview import DepToken
from .frames import is_verb_word

_INSTRUCTION_NEXT = frozenset({"DT", "PRP$"})
_NOUN_MODIFIER_DEPS = frozenset({"det", "poss", "amod", "nummod", "compound"})
# Placeholders CC3M puts for a name, which act ("organisation supported successful launch").
ACTING_PLACEHOLDERS = PLACEHOLDERS | {"organisation"}


def modifier_as_subject(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """The first word of a compound modifier the parse read as a subject, its second as the verb and
    the head noun as its object: "gold plated classic ceiling", "hand drawn travel retro car", "Easy
    fixes TV stand redo", "A Victorian silver pierced oval swing handle bread basket".  A bare singular
    noun right before a past participle (or a present verb that is a noun too, not agreeing with it)
    and a bare object right after it (a determiner on the "subject" only before a longer noun pile); a
    name's placeholder ("person clued fans in") or a subject with a number or a conjunct acts."""
    s = doc[head]
    if s.dep != "nsubj" or s.tag != "NN" or s.head != head + 1 or noun_lemma(s.text.lower()) in ACTING_PLACEHOLDERS \
            or any(doc[c].dep in ("poss", "conj", "nummod") for c in kids[head]):
        return False
    determined = any(doc[c].dep == "det" for c in kids[head])
    v = doc[head + 1]
    if v.dep != "ROOT" or v.tag not in ("VBD", "VBN", "VBP") or (
            v.tag == "VBP" and "NOUN" not in all_lemmas(v.text.lower())):
        return False
    for o in kids[v.i]:
        t = doc[o]
        if t.dep in ("dobj", "npadvmod") and t.upos in ("NOUN", "PROPN") and o > v.i:
            mods, todo = [], [o]
            while todo:                              # the noun pile before the object ("oval swing handle bread")
                more = [c for c in kids[todo.pop()] if c < o and doc[c].dep in _NOUN_MODIFIER_DEPS]
                mods += more
                todo += more
            if min([o, *mods]) == v.i + 1 and not any(doc[c].dep in ("det", "poss") for c in mods) \
                    and (not determined or o - v.i >= 3):
                return True
    return False


def no_noun_sense(doc: Sequence[DepToken], head: int) -> bool:
    """A lower-case word the dictionary knows as an adverb and not as a noun, and WordNet's noun taxonomy
    not at all, read as a noun: "Bunch of slides in white framed rotates clockwise".  (The dictionary
    leaves out the noun sense of some base forms, "top", "accessory", and reads "tin" as an adverb:
    its readings alone are no sign.)  A gerund ("surfing")
    names an activity; a word the dictionary does not know (a name, "selfie") is left to the other rules."""
    t = doc[head]
    w = t.text
    if not w.isalpha() or not w.islower() or w.endswith("ing"):
        return False
    forms = all_lemmas(w)
    return "ADV" in forms and "NOUN" not in forms and not noun_classes(w)


def instruction(doc: Sequence[DepToken], graph_span, head: int) -> bool:
    """A one-word object opening a sentence of page text that is a verb before a determiner or an adverb of
    shopping ("Insert the Windows XP CD", "shop online in china ...")."""
    if graph_span is None or graph_span[1] - graph_span[0] != 1:
        return False
    t = doc[head]
    opens = head == 0 or doc[head - 1].text in CLAUSE_BREAKS or (
        head >= 2 and doc[head - 1].text == "." and doc[head - 2].upos == "NUM")
    if not opens or head + 1 >= len(doc) or len(doc) - head <= 2:
        return False
    nxt = doc[head + 1]
    if nxt.text.lower() in INSTRUCTION_ADVERBS:
        pass                                           # "shop online in china ...", "Order now"
    elif not (nxt.tag in _INSTRUCTION_NEXT and t.text[:1].isupper()):
        return False                                   # "ship a city travels ...": a thing after all
    return is_verb_word(t.text.lower())


def verb_as_noun(doc: Sequence[DepToken], kids: list[list[int]], head: int) -> bool:
    """A verb of the third person the parse read as a plural noun with its subject for a compound: a word
    with no noun sense at all ("fiber withstands just about anything": no "fiber withstands"; not "our
    travels", "skinny pants", "these studs")."""
    t = doc[head]
    if t.tag == "NN" and t.dep == "ROOT" and (head == 0 or doc[head - 1].upos == "PUNCT") and t.text.isalpha() \
            and t.text.islower() and is_verb_only(t.text) and not noun_classes(t.text):
        return True                                    # a verb no dictionary has as a noun opening a clause:
        #                                                "the baseball hat - get on the trend"
    if head > 0 and doc[head - 1].text == "#":
        pass                                           # a hashtag verb: "... for organizing # organize"
    elif t.tag != "NNS" or not t.text.lower().endswith("s"):
        return False
    elif is_verb_only(t.text.lower()):
        pass                                           # no noun at all: "a female dentist examines and scrapes"
    else:
        deps = {doc[c].dep for c in kids[head]}
        if "compound" not in deps or deps & {"amod", "poss"}:
            return False
    lemma = noun_lemma(t.text.lower())
    return is_verb_word(lemma) and not any(noun_classes(w) for w in {lemma, t.text.lower(), t.text.lower()[:-1]})


def participle_as_noun(doc: Sequence[DepToken], head: int) -> bool:
    """A past participle the parse read as a noun, which no dictionary knows as one ("Sliced n diced
    short triple strand necklace set", heldout15 web): "sliced" names no thing."""
    w = doc[head].text.lower()
    return len(w) > 4 and w.endswith("ed") and w.isalpha() and is_verb_only(w) and not noun_classes(w)


def person_doing(doc: Sequence[DepToken], head: int) -> bool:
    """An "-ing" verb the parse read as a noun, with the word for the person doing it as its adjective:
    "Blond female posing behind a shopping cart", "female walking along a wooded path" (heldout17): there
    is no "posing that is blond and female", the female poses.  The verb goes on to a preposition, an
    adverb or the end; a noun after it makes a compound ("professional boxing match")."""
    t = doc[head]
    if t.tag != "NN" or not t.text.lower().endswith("ing") or head == 0 or "VERB" not in all_lemmas(t.text.lower()):
        return False
    before = doc[head - 1]
    w = before.text.lower()                            # a person word first ("female", "blond"), not "red"
    if before.dep != "amod" or before.head != head or "person" not in noun_classes(w) \
            or noun_class(w) not in ("person", "animal"):
        return False
    return head + 1 == len(doc) or doc[head + 1].upos in ("ADP", "ADV", "PUNCT", "PART")
