"""Clause signals of text that states, advises or reports instead of describing what a picture shows
(the suitability gate's ``generic_claim``, ``statement``, ``text_only`` and ``sentence_title``; issue
15, captions that describe no scene get no positives or negatives).

Each reads the first sentence's parse (``DepToken``) with word tables of ``lexicon.visibility``:

- ``reported_speech``: a verb of saying (``SPEECH_VERBS``) as the main verb, or a "saying" clause on
  it, with a clause of its own as its complement: "football player has spoken ahead of the game
  saying it will be a match", "person said he thinks he'll finish the mural by the weekend";
- ``generic_claim``: what things are like in general or will be: a gerund as the subject of a present
  or modal main verb ("smiling helps person relax at auditions", "swimming at the hotel pool can be
  fun"), "it is hard to ..." ("it's tricky to tell the difference between ..."), a modal evaluation
  ("dinners will be harder to put on the table", "a small bathroom can sometimes be challenging"), a
  copula with a generic head (``GENERIC_ATTRS``: "industry is a thrifty way to add ...", "printed
  textiles are a growing business");
- ``reader_address``: a clause whose subject is the reader ("in case you're like me ...",
  "christmas decorating ideas that you can make yourself!"), not where or as "you" see a place
  ("market where you can buy all the decorations", "as you approach this farmhouse"); "here is/are"
  with a list or a how ("here are some awesome pics!", "here's how to ..."); advice openings ("make
  sure ..."); a motto of imperatives in a row ("Show up, do the work, trust in the process", "Keep calm
  and carry on"): the tagger reads its later verbs as nouns ("trust/NN in the process");
- ``seo_title``: a home or craft site's title headed by "ideas" with no clause of its own ("home
  library design ideas for the book lovers ideas 4 homes").
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..lexicon.lemmas import all_lemmas
from ..lexicon.visibility import (
    ADVICE_OPENINGS, GENERIC_ATTRS, OFFERED_LISTS, PLACEHOLDERS, SEO_HEADS, SPEECH_VERBS, STANCE_VERBS, VISITOR_VERBS)
from ..schemas.depview import FINITE_TAGS, DepToken
from .statements import SEEING, SUBJECTS, main_verbs

PRESENT = frozenset({"VBZ", "VBP"})
# what a gerund subject carries when it is a clause ("playing fetch with your dog helps ..."), not a
# noun the tagger took for a gerund ("dazzling: environmentalist ...", "bedroom one has access ...")
CLAUSE_DEPS = frozenset({"dobj", "prep", "advmod", "prt", "acomp", "attr", "xcomp", "ccomp", "npadvmod"})
# subordinators of a reported clause that is no report ("told it like it is")
NOT_REPORTING = frozenset({"like", "as", "if", "whether"})
WH = frozenset({"how", "what", "where", "why", "when", "who", "which"})
# "you" of a place or an approach: the clause still describes ("fair, traditional market where you can
# buy all the decorations", "... catches the eye as you approach this attractive farmhouse")
PLACE_OR_APPROACH = frozenset({"where", "as"})
READER = frozenset({"you", "u", "ya"})
# a photographer's name of a shot read as an imperative ("close up image of a sea turtle")
SHOTS = frozenset({"close", "zoom", "pan", "tilt"})
# what a verb of a motto the tagger read as a noun carries ("trust/NN in the process", "sleep/NN ,")
NOUN_AS_VERB_DEPS = frozenset({"prep", "punct", "cc", "conj", "prt", "advmod"})


def first_sentence(doc: Sequence[DepToken]) -> list[DepToken]:
    first = doc[0].sent if doc else 0
    return [t for t in doc if t.sent == first]


def _subject(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken) -> Optional[DepToken]:
    return next((doc[k] for k in kids[verb.i] if doc[k].dep in SUBJECTS), None)


def _finite_or_modal(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken) -> bool:
    return verb.tag in FINITE_TAGS or any(doc[k].dep in ("aux", "auxpass") and (doc[k].tag == "MD" or doc[k].tag in FINITE_TAGS)
                                     for k in kids[verb.i])


def _modal(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken) -> bool:
    return any(doc[k].dep == "aux" and doc[k].tag == "MD" for k in kids[verb.i])


def reported_speech(doc: Sequence[DepToken], kids: list[list[int]]) -> bool:
    sentence = first_sentence(doc)
    roots = {t.i for t in sentence if t.dep == "ROOT"}
    for t in sentence:
        if t.upos != "VERB" or t.lemma.lower() not in SPEECH_VERBS:
            continue
        if not (t.dep == "ROOT" or (t.dep == "advcl" and t.head in roots and t.tag == "VBG")):
            continue                                # "a sign saying ...": the sign is seen
        for k in kids[t.i]:
            c = doc[k]
            if c.dep != "ccomp" or _subject(doc, kids, c) is None or not _finite_or_modal(doc, kids, c):
                continue
            marks = {doc[j].text.lower() for j in kids[c.i] if doc[j].dep in ("mark", "advmod", "dobj", "nsubj")}
            if not marks & (NOT_REPORTING | WH):   # "explains how plants grow": a scene of explaining
                return True
    return False


def generic_claim(doc: Sequence[DepToken], kids: list[list[int]]) -> Optional[str]:
    """"gerund", "extraposed", "evaluation" or "generic_head" (see the module doc), or None."""
    for verb, subject in main_verbs(doc, kids):
        if verb.sent != (doc[0].sent if doc else 0):
            continue
        modal = _modal(doc, kids, verb)
        if subject is not None and _gerund_subject(doc, kids, verb, subject, modal):
            return "gerund"
        if verb.lemma.lower() != "be":
            continue
        deps = {doc[k].dep: doc[k] for k in kids[verb.i]}
        if subject is not None and subject.text.lower() == "it" and "acomp" in deps \
                and any(doc[k].dep == "xcomp" and doc[k].tag == "VB" for k in kids[verb.i]):
            return "extraposed"
        if modal and "acomp" in deps and deps["acomp"].upos == "ADJ":
            return "evaluation"
        attr = deps.get("attr")
        if attr is not None and attr.upos == "NOUN" and attr.lemma.lower() in GENERIC_ATTRS \
                and (verb.tag in PRESENT or verb.text.lower() in ("'s", "’s")) and not modal:
            return "generic_head"
    return None


def _gerund_subject(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken, subject: DepToken,
                    modal: bool) -> bool:
    """A gerund clause as the subject of a singular present or modal verb ("smiling helps ...", "waiting
    for that first egg is a painstaking process"); not a noun phrase the tagger read as one: a gerund with
    a subject, a determiner or an adjective of its own ("young woman enjoying view ...", "open shelving
    ... reinforces"), a plural verb ("projecting bricks add texture"), a verb of showing ("rotating to
    the building shows ..."), an inversion naming a person ("always studying the game is person")."""
    if subject.tag != "VBG" or not subject.text.islower() or "VERB" not in all_lemmas(subject.text.lower()):
        return False
    if not (verb.tag == "VBZ" or modal) or verb.lemma.lower() in SEEING:
        return False
    own = {doc[k].dep for k in kids[subject.i]}
    if own & {"nsubj", "nsubjpass", "det", "amod", "poss", "compound", "nummod"}:
        return False
    if any(doc[k].dep == "attr" and (doc[k].lemma.lower() in PLACEHOLDERS or doc[k].upos == "PROPN")
           for k in kids[verb.i]):
        return False
    return subject.dep == "csubj" or bool(own & CLAUSE_DEPS)


def reader_address(doc: Sequence[DepToken], kids: list[list[int]]) -> Optional[str]:
    """"reader", "here" or "advice" (see the module doc), or None."""
    sentence = first_sentence(doc)
    text = " ".join(t.text.lower() for t in sentence[:4])
    if any(text.startswith(o) for o in ADVICE_OPENINGS):
        return "advice"
    if _imperatives(doc, kids, sentence):
        return "reader"
    start = _after_kicker(doc, kids, sentence)
    for t in sentence:
        if t.i >= start and t.text.lower() in READER and t.dep == "nsubj" and t.head != t.i:
            if _visitor(doc, kids, t):
                continue
            return "reader"
    for verb, _ in main_verbs(doc, kids):
        if verb.lemma.lower() != "be" or verb.sent != sentence[0].sent:
            continue
        here = any(doc[k].text.lower() == "here" and k < verb.i for k in kids[verb.i])
        if not here:
            continue
        for k in kids[verb.i]:
            c = doc[k]
            if k > verb.i and ((c.dep in ("attr", "nsubj") and c.lemma.lower() in OFFERED_LISTS)
                               or c.text.lower() in WH or any(doc[j].text.lower() in WH for j in kids[k])):
                return "here"
    return None


def _imperatives(doc: Sequence[DepToken], kids: list[list[int]], sentence: list[DepToken]) -> bool:
    """Two imperatives or more in a row: the first word a verb's base form heading the sentence with no
    subject, and a conjunct with no subject and no determiner that a dictionary reads as a verb."""
    first = sentence[0]
    if first.tag != "VB" or first.dep != "ROOT" or _subject(doc, kids, first) is not None \
            or "VERB" not in all_lemmas(first.text.lower()) or first.lemma.lower() in SHOTS:
        return False
    return any(doc[k].dep == "conj" and "VERB" in all_lemmas(doc[k].text.lower()) and _bare_verb(doc, kids, k)
               for k in kids[first.i])


def _bare_verb(doc: Sequence[DepToken], kids: list[list[int]], k: int) -> bool:
    """A conjunct that reads as an imperative: a verb's base form with no subject, or a word tagged as a
    noun with no modifier of a noun ("trust/NN in the process"; not "tie & pocket square")."""
    deps = {doc[j].dep for j in kids[k]}
    if doc[k].tag in ("VB", "VBP"):
        return not deps & set(SUBJECTS)
    return doc[k].tag == "NN" and deps <= NOUN_AS_VERB_DEPS


def _after_kicker(doc: Sequence[DepToken], kids: list[list[int]], sentence: list[DepToken]) -> int:
    """Where the description starts after a news kicker and a colon ("catch me if you can: the cover girl
    looked back at her beau as he chased her"): the first token after the colon when a finite clause with
    a subject of its own (no pronoun of the reader) follows it, else the sentence's start."""
    colon = next((t.i for t in sentence if t.text == ":"), None)
    if colon is None:
        return sentence[0].i
    for t in sentence:
        if t.i > colon and t.tag in FINITE_TAGS:
            subject = _subject(doc, kids, t)
            if subject is not None and subject.i > colon and subject.upos in ("NOUN", "PROPN"):
                return colon + 1
    return sentence[0].i


def _visitor(doc: Sequence[DepToken], kids: list[list[int]], you: DepToken) -> bool:
    """"you" as the visitor of what is shown: seeing it or moving through it ("you can see the trees",
    "if you look closely, somewhere in the mountains is ...", "from the entryway, if you head right is the
    kitchen"), a place or an approach ("market where you can buy ...", "as you approach this farmhouse"),
    a plain relative clause on a thing ("a yellow cab you drive along the road", "the food you eat"; not
    "items you can make", "things you need to know"), "for you to ..." ("the gas pump is waiting for you to
    refill"), or no subject at all ("a thank you note")."""
    verb = doc[you.head]
    if you.i and doc[you.i - 1].text.lower() in ("thank", "thanks"):
        return True
    lemma = verb.lemma.lower()
    if lemma in SEEING or lemma in VISITOR_VERBS:
        return True
    marks = {doc[k].text.lower() for k in kids[verb.i] if doc[k].dep in ("advmod", "mark")}
    if verb.dep in ("relcl", "advcl") and marks & PLACE_OR_APPROACH or "for" in marks:
        return True
    return verb.dep == "relcl" and not _modal(doc, kids, verb) and lemma not in STANCE_VERBS


def seo_title(doc: Sequence[DepToken], kids: list[list[int]]) -> bool:
    """"ideas" heads a phrase and no main clause has a finite verb with a subject of its own."""
    # heading the caption or a phrase of its root ("design ideas for a contemporary home design."), not
    # inside a description ("the wall filled up with bright ideas for neighborhoods")
    ideas = [t for t in doc if t.text.lower() in SEO_HEADS
             and (t.dep == "ROOT" or (doc[t.head].dep == "ROOT" and t.dep in ("nsubj", "appos", "conj", "dobj", "attr")))]
    if not ideas:
        return False
    for verb, subject in main_verbs(doc, kids):
        if verb.sent == doc[0].sent and _finite_or_modal(doc, kids, verb) and subject is not None \
                and subject.text.lower() not in SEO_HEADS:
            return False
    return True
