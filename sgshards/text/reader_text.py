"""Captions that are text, not a description: a question (or a first sentence that asks one or speaks to
the reader), an imperative however the tagger read it, a call to the reader opening a clause ("check out
these tips"), a page's words to its reader ("Click here to redeem"), a first or second person statement
of stance ("i love a man in an uniform!").  Rules of ``suitability`` (reason ``text_only``)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional, Sequence

from ..lexicon.lemmas import all_lemmas, is_verb_only, verb_lemma
from ..lexicon.taxonomy import senses
from ..lexicon.visibility import STANCE_VERBS
from ..schemas.depview import DepToken, children_index
from ..schemas.outcomes import TEXT_ONLY

if TYPE_CHECKING:
    from .suitability import Caption

# what a web page says to its reader: "Click here to redeem", "Fig 2."
_PAGE_TEXT = re.compile(r"\b(?:click(?: here| to| on)|read more|learn more|view larger|see more|shop now|buy now"
                        r"|see the full image|sign up|now trending|trending now|fig\.? \d+\b|figure \d+[.:])", re.I)
# a call to the reader that opens a clause: "planning on a summer vacation? check out these tips.",
# "property image # discover the beauty" (not "composer and his dogs check out the neighborhood")
_READER_CALL = re.compile(r"(?:^|[.!?;:#|(\u2013\u2014-]\s*)(?:check (?:it |them |this |these |that )?out|check more"
                          r"|find out (?:more|how|why|what)|learn (?:how|why|what|about)|discover (?:more|the|our|how)"
                          r"|get yours|order (?:now|today|yours)|download (?:now|free|it)|see (?:all|our) )", re.I)
QUESTION_WORDS = frozenset({"what", "why", "how", "who", "where", "when", "which", "whose", "whom"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "u", "ya"})
PERSONAL_WORDS = FIRST_SECOND_PERSON | {"my", "our", "your", "me", "us"}
# Photographers' names of a shot read as imperatives: "close up the wood carving of a dragon".
SHOT_VERBS = frozenset({"close", "zoom", "pan", "tilt"})


def text_only(c: Caption) -> Optional[str]:
    doc, first = c.doc, c.words[0]
    if c.text.rstrip().endswith("?") and (first.text.lower() in QUESTION_WORDS or first.upos == "AUX"):
        return TEXT_ONLY
    if _opening_question(c):
        return TEXT_ONLY                        # "is your little boy growing up too fast? make sure ..."
    if _PAGE_TEXT.search(c.text) or _READER_CALL.search(c.text):
        return TEXT_ONLY                        # "Minute Maid coupon - Click here to redeem"
    for t in doc:
        if t.dep != "ROOT" or t.upos not in ("VERB", "AUX"):
            continue
        kids = c.kids if c.kids is not None else children_index(doc)
        deps = {doc[k].dep: doc[k] for k in kids[t.i]}
        subject = deps.get("nsubj") or deps.get("nsubjpass")
        if subject is not None and subject.text.lower() in FIRST_SECOND_PERSON and t.lemma.lower() in STANCE_VERBS:
            return TEXT_ONLY                    # "i love a man in an uniform!"
        if t.i == first.i and t.tag == "VB" and subject is None and _imperative(doc, kids, t, deps.get("dobj")):
            return TEXT_ONLY                    # an imperative: "mix all the dry ingredients in a large bowl"
    return TEXT_ONLY if _verb_first(c) else None


def _verb_first(c: Caption) -> bool:
    """The caption opens with a word English has only as a verb, in its base form, before a word in
    lower case: an imperative however the tagger read it ("Expand display adapters to show the video
    graphics card", "extend the lesson with more maps"); not a Title Case name ("Harry Potter and ..."), nor a
    quote before a colon or a dash ("put it there: rugby player greets the fans")."""
    words = c.words
    if len(words) < 3 or words[0].i != 0:
        return False
    w = words[0].text.lower()
    nxt = words[1].text
    return (w.isalpha() and w not in SHOT_VERBS and is_verb_only(w) and not senses(w)
            and words[0].upos in ("VERB", "NOUN", "PROPN") and verb_lemma(w) == w and nxt[:1].islower()
            and nxt not in ("of", "-", "'s")            # "doodle of a dog head": a noun the dictionary lacks
            and not any(t.text in (":", "-", "\u2013", "\u2014") for t in c.doc[1:6]))


def _opening_question(c: Caption) -> bool:
    """The first sentence is a question that asks something (a question word, an auxiliary or a
    modal first) or speaks of the writer or the reader ("have you spotted this? part of this building
    will be our new library!"); a scene with a question after it ("door with rounded top... what more
    could a girl ask for?") is no such sentence."""
    if "?" not in c.text:
        return False
    first = c.words[0]
    sentence = [t for t in c.doc if t.sent == first.sent]
    if sentence[-1].text != "?":
        return False
    if first.text.lower() in QUESTION_WORDS or first.upos == "AUX" or first.tag == "MD":
        return True
    if first.i == 0 and first.tag == "VBG":
        return True                             # the reader's "are you" dropped: "looking for a custom floral design?"
    return any(t.text.lower() in PERSONAL_WORDS for t in sentence[:4] if t.i >= first.i)


def unmarked_question(c: Caption) -> Optional[str]:
    return TEXT_ONLY if _unmarked_question(c) else None


def _unmarked_question(c: Caption) -> bool:
    """A question word first, no question mark: a question or a title written without one ("what
    makeup to wear to a job interview", "what students need assignment help online in uae", "where
    the kings were once crowned"); not an exclamation ("what a cute cake", "how cute is this bottle")
    nor a clause of time ("when the day comes to an end, ..."); after the titles ("how to plant a tree")."""
    first = c.words[0]
    w = first.text.lower()
    if first.i != 0 or w not in QUESTION_WORDS or w == "when" or len(c.words) < 3:
        return False
    second = c.words[1]
    if w == "what" and (second.text.lower() in ("a", "an") or second.upos == "ADJ"):
        return False                            # "what a great way to use up blueberries!", "what delicious grapes"
    return not (w == "how" and second.upos in ("ADJ", "ADV"))


def _imperative(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken, obj: Optional[DepToken]) -> bool:
    """A first-word dictionary verb with a determined object ("add a shabby chic feel to your walls"),
    or speaking to the reader ("you", "your", "!")."""
    if "VERB" not in all_lemmas(verb.text.lower()) or verb.lemma.lower() in SHOT_VERBS:
        return False                            # "retro camera in a flat style": a tagging slip
    if any(t.text.lower() in ("you", "your", "yourself") for t in doc) or doc[-1].text == "!":
        return True
    return obj is not None and any(doc[k].upos in ("DET", "NUM") or doc[k].tag == "PRP$" for k in kids[obj.i])
