"""Clause-level signals of the suitability gate: text that says something about the world, the
reader or the writer instead of describing what a picture shows.

Read off the parse (``DepToken``) and the scene graph, never off known captions:

- ``statement_verb``: the main clause speaks to the reader ("you can ..."), or says what someone
  said, thinks, wants, plans or owns, or what will, can or should happen (a modal on the main verb,
  or a verb of ``NON_VISIBLE_VERBS``), of no visible thing;
- ``how_to_title``: "how to ...", "how i ...", "why ...", "what to ..." (article and video titles);
- ``sentence_title``: a title in sentence case: "X vs Y" between names (a match), a listicle
  ("8 health problems causing ...", "96 best economics images", "ways to care for a stray kitten"), a
  guide ("The Field Guide to ..."), an article's title headed by an idea ("Difference between elcb and
  rccb", "Concept of consulting services and e-learning");
- ``abstract_only``: no object of the graph is something a picture can show: ideas (``ABSTRACT_NOUNS``)
  and graphics of text (``GRAPHIC_NOUNS``: screenshot, logo, diagram) only.

Each is a handful of token tests on one caption.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ..lexicon.function_words import VERSUS
from ..lexicon.visibility import ABSTRACT_NOUNS, GRAPHIC_NOUNS, LIST_NOUNS, NON_VISIBLE_VERBS, TITLE_HEADS
from ..schemas.depview import FINITE_TAGS, DepToken, children_index
from ..schemas.graph import SceneGraph

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# what a picture may hold, or how it is seen: "image may contain: person, on stage ...",
# "the bridge can be seen from the beach"
SEEING = frozenset({"contain", "see", "show", "find", "spot", "view"})
HEADING_MARKS = frozenset({":", "-", "–", "—", "|"})
# ideas a picture may show as things: a figure, a note, a floor plan, coins ("change")
VISIBLE_IDEAS = frozenset({"number", "message", "plan", "change", "order", "version", "edition", "title", "credit",
                           "beauty", "fun", "energy", "software", "program", "programme"})
NUMBER_OPENERS = frozenset({"top", "best", "most", "greatest", "easy", "simple", "amazing", "essential"})


def main_verbs(doc: Sequence[DepToken], kids: list[list[int]]) -> list[tuple[DepToken, Optional[DepToken]]]:
    """(verb, subject) of each sentence's main clause: its root and the verbs coordinated with it,
    which share the root's subject unless they have their own ("this bride loved sunflowers and
    wanted an arch")."""
    out = []
    for t in doc:
        if t.dep != "ROOT":
            continue
        if t.upos in ("VERB", "AUX"):
            subject = _subject(doc, kids, t)
            out.append((t, subject))
            for k in kids[t.i]:
                if doc[k].dep == "conj" and doc[k].upos in ("VERB", "AUX"):
                    out.append((doc[k], _subject(doc, kids, doc[k]) or subject))
        else:
            # a heading, then a colon and the clause: "Improvement: Desailly thinks when ..."
            colon = next((k for k in kids[t.i] if doc[k].text == ":"), None)
            out += [(doc[k], _subject(doc, kids, doc[k])) for k in kids[t.i]
                    if colon is not None and k > colon and doc[k].tag in FINITE_TAGS]
    return out


def _subject(doc: Sequence[DepToken], kids: list[list[int]], verb: DepToken) -> Optional[DepToken]:
    return next((doc[k] for k in kids[verb.i] if doc[k].dep in SUBJECTS), None)


def statement_verb(doc: Sequence[DepToken], kids: Optional[list[list[int]]] = None) -> Optional[str]:
    """Whether the first sentence's main clause states something no picture shows, and how:

    - "reader": its subject is "you" ("you can scoop up shells by the handful");
    - "modal": its verb has a modal ("will", "can", "should"; not one of seeing, "image may
      contain ...") and its subject is no common noun of a thing a picture shows;
    - "verb": its verb is finite and one of saying, thinking, wanting, planning or owning
      (``NON_VISIBLE_VERBS``: "says", "plans", "dies"), with such a subject.

    A subject that is a common noun of something visible keeps the caption ("traffic must wait its
    turn on the single-lane bridge", "person says goodbye to his daughter"): it names what is seen.
    Names, pronouns, abstract nouns, "i"/"we" or no subject do not ("Queen Latifah plans to make
    noise with new show", "this style will be on the list of top styles")."""
    kids = children_index(doc) if kids is None else kids
    first = doc[0].sent if doc else 0
    # a description, a colon and a quote or a report ("Joe Biden standing in front of a building: ...
    # introduce their nominees") describes
    colon = next((t.i for t in doc if t.text == ":"), len(doc))
    described = any(t.upos == "VERB" for t in doc[:colon])
    for verb, subject in main_verbs(doc, kids):
        if verb.sent != first or (described and verb.i > colon):
            continue
        lemma = verb.lemma.lower()
        if subject is not None and subject.text.lower() in ("you", "u"):
            if lemma in SEEING:
                continue                        # "you can see the trees outside coming through on the floor"
            return "reader"
        if subject is not None and not _says_nothing_seen(subject):
            continue
        deps = [doc[k] for k in kids[verb.i]]
        if any(d.tag == "MD" and d.dep == "aux" for d in deps) and lemma not in SEEING:
            return "modal"
        finite = verb.tag in FINITE_TAGS or any(d.dep == "aux" and d.tag in FINITE_TAGS for d in deps)
        if finite and lemma in NON_VISIBLE_VERBS:
            return "verb"
    return None


def _says_nothing_seen(subject: DepToken) -> bool:
    """A subject that names nothing a picture shows: a pronoun, a name (an acronym too, whatever its
    tag: "ICE announces ... campaigns"), an abstract noun."""
    if subject.upos in ("PRON", "PROPN") or subject.tag in ("PRP", "EX"):
        return True
    if len(subject.text) >= 2 and subject.text.isupper() and subject.text.isalpha():
        return True
    return subject.upos == "NOUN" and subject.lemma.lower() in ABSTRACT_NOUNS


def how_to_title(doc: Sequence[DepToken]) -> bool:
    words = [t for t in doc if t.text.isalpha()]
    if len(words) < 3 or doc[-1].text == "?":
        return False
    if any(t.text in HEADING_MARKS and t.i + 1 < len(doc) and doc[t.i + 1].text.lower() in ("how", "why")
           for t in doc):
        return True                             # "Great Sioux War orders of battle : how the United States ..."
    first, second = words[0].text.lower(), words[1].text.lower()
    if first in ("how", "why"):
        return second not in ("cute", "cool", "beautiful", "lovely", "pretty", "amazing", "sweet", "awesome")
    return first in ("what", "where", "when", "which", "things") and second == "to"


def sentence_title(doc: Sequence[DepToken], kids: Optional[list[list[int]]] = None) -> Optional[str]:
    """"versus" for a match title between names ("Chicago Cubs vs. St. Louis Cardinals"; CC3M's
    lower-case stand-ins, "rugby league team vs rugby league team", describe a match photo), "list"
    for a listicle ("8 health problems causing eating too much sugar", "96 best economics images"),
    "guide" for a work's title headed by a guide, history or art "of"/"to" ("The Field Guide to
    Wildlife Habitats")."""
    kids = children_index(doc) if kids is None else kids
    for t in doc:
        if t.text.lower() in VERSUS and 0 < t.i < len(doc) - 1:
            before, after = doc[t.i - 1], doc[t.i + 1]
            if _named(before) and _named(after):
                return "versus"
    words = [t for t in doc if any(ch.isalnum() for ch in t.text)]
    if len(words) >= 3 and words[0].tag == "CD" and words[0].text.isdigit() and len(words[0].text) < 4:
        head = words[0].head
        nxt = words[1].text.lower()
        if doc[head].lemma.lower() in LIST_NOUNS or nxt in NUMBER_OPENERS:
            return "list"
    # a listicle without its number: "ways to care for a stray kitten", "Best places to eat for a view"
    k = 1 if words and words[0].text.lower() in NUMBER_OPENERS else 0
    if len(words) >= k + 3 and words[k].tag == "NNS" and words[k].lemma.lower() in LIST_NOUNS \
            and words[k + 1].text.lower() == "to" and words[k + 2].tag == "VB":
        return "list"
    root = next((t for t in doc if t.dep == "ROOT"), None)
    if root is not None and root.upos in ("NOUN", "PROPN") and root.lemma.lower() in TITLE_HEADS:
        if any(doc[k].dep == "prep" and doc[k].text.lower() in ("of", "to") for k in kids[root.i]):
            return "guide"
    return "idea" if root is not None and words and _idea_title(doc, kids, words, root) else None


def _idea_title(doc: Sequence[DepToken], kids: list[list[int]], words: list[DepToken], root: DepToken) -> bool:
    """An article's title in sentence case: an idea opens it as its head (after a determiner or an
    adjective), with a phrase of its own and no verb that is finite or modal ("Difference between elcb and
    rccb").  A capital first letter: CC3M's lower-case captions say "example of a classic kitchen
    design" of what a picture shows; a number or a message can be seen ("Number 5 on a red door")."""
    if not words[0].text[:1].isupper() or root.upos != "NOUN" or root.lemma.lower() not in ABSTRACT_NOUNS \
            or root.lemma.lower() in VISIBLE_IDEAS:
        return False
    lead = [t for t in words if t.i < root.i]
    if len(lead) > 1 or any(t.upos not in ("DET", "ADJ") for t in lead):
        return False
    return any(doc[k].dep == "prep" for k in kids[root.i]) and not any(t.tag in FINITE_TAGS or t.tag == "MD" for t in doc)


def _named(t: DepToken) -> bool:
    return t.upos == "PROPN" or (t.text[:1].isupper() and t.text.isalpha())


def abstract_only(graph: Optional[SceneGraph]) -> bool:
    """Every object of the graph names an idea, a quality or a kind of text, or a graphic of one
    ("Broken Sword screenshot 2", "Miller Metcalfe Chartered Surveyors logo"): nothing to see.  A logo
    or diagram of something ("logo with head of a bull and bear") shows that thing."""
    if graph is None or not graph.objects:
        return False
    return all(o.name.split()[-1].lower() in ABSTRACT_NOUNS or o.name.split()[-1].lower() in GRAPHIC_NOUNS
               for o in graph.objects)
