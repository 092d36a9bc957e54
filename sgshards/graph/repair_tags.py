"""Parse repairs for words the small model tagged as the wrong part of speech in a way the graph
would take at face value: a verb read as a plural noun ("a woman stares as a bird flies"), a
noun coordinated with a verb of another form ("at marina and harbour on the west coast"), a
name after a classifier noun read as a verb ("the planet mars with stars").  Registered, in
order, in repairs.py; what each reads is explained in repair_base.py."""
from __future__ import annotations

from ..lexicon.lemmas import all_lemmas, is_verb_only, noun_lemma, verb_lemma
from ..lexicon.hyphens import COLOUR_WORDS
from ..lexicon.words import NAME_CLASSIFIERS, SUBORDINATORS
from ..schemas.depview import DepToken
from .repair_base import OriginalParse
from .state import NOUN_POS

NOUN_MODIFIER_DEPS = ("det", "amod", "compound", "nummod", "poss", "predet")


def verb_read_as_noun(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"a woman stares as a bird flies" parsed as the noun "stares" (with "woman" as its
    subject) subject of "flies": a plural-looking word right after a singular subject that
    hangs on it, with no modifier of its own, is that subject's verb; the "as"/"while"/"when"
    phrase after it is the clause it subordinates ("as a bird flies"), not a relation."""
    doc, kids = original.tokens, original.children
    t = doc[i]
    if t.tag != "NNS" or i == 0 or "VERB" not in all_lemmas(t.text.lower()):
        return
    s = doc[i - 1]
    if (s.head != i or s.dep != "nsubj" or s.tag != "NN"
            or any(doc[k].dep in NOUN_MODIFIER_DEPS for k in kids[i])):
        return
    subject_kids = [doc[k].dep for k in kids[i - 1]]
    if ("amod" in subject_kids or "nmod" in subject_kids) and "det" not in subject_kids:
        return   # "modern bathroom sinks", "farm fresh party favors": a title's noun phrase
    head, dep = (t.head, t.dep) if t.head != i else (i, "ROOT")
    v = t.head
    clause = t.dep == "nsubj" and v > i and doc[v].upos in ("VERB", "AUX")
    if clause:
        head, dep = (doc[v].head, doc[v].dep) if doc[v].head != v else (i, "ROOT")
    fixed[i] = t._replace(upos="VERB", tag="VBZ", lemma=verb_lemma(t.text.lower()), head=head, dep=dep)
    if not clause:
        return
    fixed[v] = fixed[v]._replace(head=i, dep="advcl")
    for p in kids[i]:
        if doc[p].dep == "prep" and doc[p].text.lower() in SUBORDINATORS and p < v:
            fixed[p] = fixed[p]._replace(head=v, dep="mark", upos="SCONJ")
            for n in kids[p]:
                if doc[n].dep == "pobj" and n < v:
                    fixed[n] = fixed[n]._replace(head=v, dep="nsubj")


def noun_coordinated_with_verb(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"a van of a company specialising in signs at marina and harbour on the west coast":
    a bare verb form coordinated with a verb of another form ("specialising ... and harbour"),
    right after "and" and a noun, with no subject, object or auxiliary of its own, is a noun
    coordinated with that noun ("marina and harbour")."""
    doc, kids = original.tokens, original.children
    t = doc[i]
    if (t.dep != "conj" or t.tag not in ("VB", "VBP") or i < 2 or t.head == i
            or doc[t.head].tag not in ("VBG", "VBN", "VBD", "VBZ")
            or doc[i - 1].text.lower() not in ("and", "or", "&") or doc[i - 2].upos not in NOUN_POS
            or "NOUN" not in all_lemmas(t.text.lower())
            or any(doc[k].dep in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass", "prt", "xcomp", "ccomp")
                   for k in kids[i])):
        return
    n = i - 2
    fixed[i] = t._replace(upos="NOUN", tag="NN", lemma=t.text.lower(), head=n, dep="conj")
    fixed[i - 1] = fixed[i - 1]._replace(head=n)


def name_after_classifier(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"3d render the planet mars with stars": the word after a classifier noun that takes a
    name ("the planet", "the goddess", "mount") is that name, not a verb with the classifier as
    its subject, when it has nothing a verb would have (no object, complement, auxiliary or
    phrase but "with"): the name heads the compound ("planet mars") and takes over the
    classifier's determiner."""
    doc, kids = original.tokens, original.children
    t = doc[i]
    if t.upos not in ("VERB", "AUX") or i == 0 or t.tag == "VBG":
        return
    p = doc[i - 1]
    if (p.text.lower() not in NAME_CLASSIFIERS or p.head != i or p.dep not in ("nsubj", "compound")
            or any(doc[k].dep in ("poss", "nummod") for k in kids[i - 1])
            or any(doc[k].dep not in ("punct", "nsubj", "appos", "conj", "cc")
                   and not (doc[k].dep == "prep" and doc[k].text.lower() == "with") for k in kids[i])):
        return   # "our planet depends on ...": a verb with its own phrase
    head, dep = (t.head, t.dep) if t.head != i else (i, "ROOT")
    fixed[i] = t._replace(upos="PROPN", tag="NNP", lemma=t.text.lower(), head=head, dep=dep)
    fixed[i - 1] = fixed[i - 1]._replace(head=i, dep="compound")
    for k in kids[i - 1]:
        if doc[k].dep in ("det", "amod", "poss", "predet") and k < i - 1:
            fixed[k] = fixed[k]._replace(head=i)


VERB_ONLY_DEPS = ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "dative", "xcomp", "ccomp", "prt",
                  "neg", "advcl", "acomp", "oprd", "expl")


def noun_read_as_verb(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"bus stop on a roof" with "stop" a verb carrying the compound "bus"; "onion and goats
    cheese on toast" with "cheese" a verb that is an object: only nouns take a compound
    modifier or stand as an object, so a base verb form (a word that can be a noun) that does
    either (a subject of its own would be coordinated, determined or agree with it), and has nothing only a verb has (subject, auxiliary, object, particle,
    complement), is a noun, in the same place in the tree."""
    doc, kids = original.tokens, original.children
    t = doc[i]
    if t.tag not in ("VB", "VBP") or "NOUN" not in all_lemmas(t.text.lower()):
        return
    m = i - 1   # a singular modifier with a plural verb form cannot be its subject either
    compound = (i > 0 and t.dep in ("ROOT", "dobj", "pobj", "appos", "npadvmod", "dep")   # a clause: clause_object_noun
                and doc[m].head == i and doc[m].dep == "compound" and doc[m].upos in NOUN_POS
                and (t.tag == "VB" or doc[m].tag == "NN")
                and not any(doc[k].dep in ("cc", "conj", "det", "poss") for k in kids[m])
                and (m == 0 or doc[m - 1].dep != "cc"))
    if not (compound or t.dep in ("dobj", "pobj")) or any(doc[k].dep in VERB_ONLY_DEPS for k in kids[i]):
        return
    fixed[i] = fixed[i]._replace(upos="NOUN", tag="NN", lemma=noun_lemma(t.text.lower()))


ARTICLES = ("a", "an", "the")


def verb_read_as_compound(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"an angler fishes river on a snowy day", "the historic bridge spans river" read as one
    noun compound ("angler fishes river") when the caption has no verb: a plural-looking word
    that can be a verb, right after a singular noun with an article of its own, both
    modifiers of the last noun, is that noun's verb: the singular noun is its subject
    (a plural would not take the "-s" form), the last noun its object, and the phrases after
    the object are the verb's."""
    doc, kids = original.tokens, original.children
    t = doc[i]
    w = t.text.lower()
    if (t.tag not in ("NNS", "NNPS") or t.dep != "compound" or t.head <= i or i == 0 or not w.endswith("s")
            or "VERB" not in all_lemmas(w) or any(x.upos in ("VERB", "AUX") for x in doc)):
        return
    s, o = i - 1, t.head
    if (doc[s].tag not in ("NN", "NNP") or doc[s].dep != "compound" or doc[s].head not in (i, o)
            or doc[o].dep != "ROOT" or doc[o].upos not in NOUN_POS or any(doc[k].dep == "compound" for k in range(i + 1, o))
            or not any(doc[k].dep == "det" and doc[k].text.lower() in ARTICLES for k in kids[s] + kids[o] if k < s)):
        return
    fixed[i] = t._replace(upos="VERB", tag="VBZ", lemma=verb_lemma(w), head=i, dep="ROOT")
    fixed[s] = fixed[s]._replace(head=i, dep="nsubj")
    fixed[o] = fixed[o]._replace(head=i, dep="dobj")
    for k in kids[o]:
        if k < s:
            fixed[k] = fixed[k]._replace(head=s)       # "the historic" describe the bridge
        elif k > o and doc[k].dep in ("prep", "punct", "advmod", "npadvmod"):
            fixed[k] = fixed[k]._replace(head=i)       # "on a snowy day": the fishing's


# Colour words the small model takes for the head noun of a phrase they modify.
_COLOUR_HEADS = COLOUR_WORDS | frozenset({"multicolor", "multicolour", "multicolored", "multicoloured"})


def colour_read_as_noun(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"wore a metallic gold and black dress", "wearing a multicolor knit dress", "these grey and
    sand coloured boots": a colour tagged as the noun heading the phrase, with the noun it describes
    as its conjunct or apposition a few words on and only that noun's modifiers (or "and") between,
    one of them an adjective or a participle ("black", "knit", "coloured"; "orange and herbs" are two things),
    modifies that noun ("a gold dress", not a thing called "gold"): the noun takes its place in the
    tree, with its determiner."""
    doc, kids = original.tokens, original.children
    t = doc[i]
    if t.tag != "NN" or t.text.lower() not in _COLOUR_HEADS:
        return
    k = next((c for c in kids[i] if doc[c].dep in ("conj", "appos") and doc[c].upos == "NOUN" and i < c <= i + 4), -1)
    if k < 0 or any(doc[c].dep in ("det", "poss", "nummod") for c in kids[k]) or any(
            not (doc[j].head == k and doc[j].upos in ("ADJ", "NOUN", "VERB") or doc[j].dep == "cc" and doc[j].head == i)
            for j in range(i + 1, k)):
        return                                   # "wearing red and a boy wearing blue": two phrases
    if not any(doc[j].head == k and doc[j].upos in ("ADJ", "VERB") for j in range(i + 1, k)):
        return                                   # "turkey with orange and herbs": a fruit and herbs
    head, dep = (t.head, t.dep) if t.head != i else (k, "ROOT")
    fixed[k] = fixed[k]._replace(head=head, dep=dep)
    fixed[i] = t._replace(upos="ADJ", tag="JJ", dep="amod", head=k)
    for c in kids[i]:
        if c != k and (c < i and doc[c].dep in ("det", "predet", "poss") or c > k):
            fixed[c] = fixed[c]._replace(head=k)


def verb_only_word_read_as_noun(fixed: list[DepToken], original: OriginalParse, i: int) -> None:
    """"actor and screenwriter arrive at the premiere" parsed with the noun "arrive" as its root
    and the people as its subjects: a word the dictionary knows only as a verb, tagged as a common
    noun, with a subject of its own, is that subject's verb (present, as its form says)."""
    doc, kids = original.tokens, original.children
    t = doc[i]
    w = t.text.lower()
    if t.tag not in ("NN", "NNS") or not is_verb_only(w) \
            or not any(doc[k].dep == "nsubj" and k < i for k in kids[i]):
        return
    lemma = verb_lemma(w)
    tag = "VBP" if w == lemma else "VBZ" if w.endswith("s") else "VBD" if w.endswith("ed") else ""
    if tag:
        fixed[i] = t._replace(upos="VERB", tag=tag, lemma=lemma)
