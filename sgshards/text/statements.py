"""Clause-level signals of the suitability gate: text that says something about the world, the
reader or the writer instead of describing what a picture shows.

Read off the parse (``DepToken``) and the scene graph, never off known captions:

- ``addressed_to_reader``: "you" as a subject, "your", "yourself" (ads, tips, instructions);
- ``statement_verb``: the main clause says what someone said, thinks, wants, plans or owns, or what
  will, can or should happen (a modal on the main verb, or a verb of ``NON_VISIBLE_VERBS``);
- ``how_to_title``: "how to ...", "how i ...", "why ...", "what to ..." (article and video titles);
- ``sentence_title``: a title in sentence case: "X vs Y" between names (a match), a listicle
  ("8 health problems causing ...", "96 best economics images"), a guide ("The Field Guide to ...");
- ``abstract_only``: no object of the graph is something a picture can show (``ABSTRACT_NOUNS``).

Each is a handful of token tests on one caption.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..lexicon.visibility import ABSTRACT_NOUNS, LIST_NOUNS, NON_VISIBLE_VERBS, TITLE_HEADS
from ..schemas.depview import DepToken, children_index
from ..schemas.graph import SceneGraph

SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves", "u", "ya"})
PERSONAL_SUBJECTS = frozenset({"i", "we", "you", "u"})
FINITE = frozenset({"VBZ", "VBD", "VBP"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# what a picture may hold, or how it is seen: "image may contain: person, on stage ...",
# "the bridge can be seen from the beach"
SEEING = frozenset({"contain", "see", "show", "find", "spot", "view"})
VERSUS = frozenset({"vs", "vs.", "v", "v.", "versus"})
NUMBER_OPENERS = frozenset({"top", "best", "most", "greatest", "easy", "simple", "amazing", "essential"})


def main_verbs(doc: Sequence[DepToken], kids: list[list[int]]) -> list[DepToken]:
    """The verbs of each sentence's main clause: its root and the verbs coordinated with it."""
    out = []
    for t in doc:
        if t.dep == "ROOT" and t.upos in ("VERB", "AUX"):
            out.append(t)
            out += [doc[k] for k in kids[t.i] if doc[k].dep == "conj" and doc[k].upos in ("VERB", "AUX")]
    return out


def addressed_to_reader(doc: Sequence[DepToken]) -> bool:
    """"you" as the subject of a clause, "your", "yourself": text spoken to the reader.  "you" as an
    object alone ("thank you", "the ring that will move you") is left to the other rules."""
    for t in doc:
        word = t.text.lower()
        if word in SECOND_PERSON and (word != "you" and word != "u" or t.dep in SUBJECTS):
            return True
    return False


def statement_verb(doc: Sequence[DepToken]) -> Optional[str]:
    """"person" when the first sentence's main clause has a first or second person subject and a
    verb of saying, thinking or wanting, "modal" when its main verb has a modal ("will", "can",
    "should"; not of seeing: "image may contain"), "verb" when that verb is one of reporting,
    thinking, wanting or owning and finite ("Jerry Buss dies", "deputy says"), else None."""
    kids = children_index(doc)
    first = doc[0].sent if doc else 0
    for verb in main_verbs(doc, kids):
        if verb.sent != first:
            continue
        deps = [doc[k] for k in kids[verb.i]]
        lemma = verb.lemma.lower()
        if any(d.tag == "MD" and d.dep == "aux" for d in deps) and lemma not in SEEING:
            return "modal"
        finite = verb.tag in FINITE or any(d.dep == "aux" and d.tag in FINITE for d in deps)
        if finite and lemma in NON_VISIBLE_VERBS:
            return "verb"
    return None


def how_to_title(doc: Sequence[DepToken]) -> bool:
    words = [t for t in doc if t.text.isalpha()]
    if len(words) < 3 or doc[-1].text == "?":
        return False
    first, second = words[0].text.lower(), words[1].text.lower()
    if first in ("how", "why"):
        return second not in ("cute", "cool", "beautiful", "lovely", "pretty", "amazing", "sweet", "awesome")
    return first in ("what", "where", "when", "which", "things") and second == "to"


def sentence_title(doc: Sequence[DepToken]) -> Optional[str]:
    """"versus" for a match title between names ("Chicago Cubs vs. St. Louis Cardinals"; CC3M's
    lower-case stand-ins, "rugby league team vs rugby league team", describe a match photo), "list"
    for a listicle ("8 health problems causing eating too much sugar", "96 best economics images"),
    "guide" for a work's title headed by a guide, history or art "of"/"to" ("The Field Guide to
    Wildlife Habitats")."""
    kids = children_index(doc)
    for t in doc:
        if t.text.lower() in VERSUS and 0 < t.i < len(doc) - 1:
            before, after = doc[t.i - 1], doc[t.i + 1]
            if _named(before) and _named(after):
                return "versus"
    words = [t for t in doc if any(ch.isalnum() for ch in t.text)]
    if len(words) >= 3 and words[0].tag == "CD" and words[0].text[:1].isdigit():
        head = words[0].head
        nxt = words[1].text.lower()
        if doc[head].lemma.lower() in LIST_NOUNS or nxt in NUMBER_OPENERS:
            return "list"
    root = next((t for t in doc if t.dep == "ROOT"), None)
    if root is not None and root.upos in ("NOUN", "PROPN") and root.lemma.lower() in TITLE_HEADS:
        if any(doc[k].dep == "prep" and doc[k].text.lower() in ("of", "to") for k in kids[root.i]):
            return "guide"
    return None


def _named(t: DepToken) -> bool:
    return t.upos == "PROPN" or (t.text[:1].isupper() and t.text.isalpha())


def abstract_only(graph: Optional[SceneGraph]) -> bool:
    """Every object of the graph names an idea, a quality or a kind of text: nothing to see."""
    if graph is None or not graph.objects:
        return False
    return all(o.name.split()[-1].lower() in ABSTRACT_NOUNS for o in graph.objects)
