"""Things a caption names that are not in its picture, though their words may be edited (a negative may
replace them; no positive states them alone): what a thing is shaped as, the camera one looks at, what a
thing or an act is "for", and where a view is taken "from" (``nounphrase.analyse`` counts them unasserted)."""
from __future__ import annotations

from typing import Sequence

from ..lexicon.lemmas import noun_lemma
from ..lexicon.words import VIEWER_NOUNS
from ..schemas.depview import DepToken
from .attachment import VIEW_NOUNS
from .depicted import PHOTO_HEADS
from .frames import governor

# Acts whose "for" names a thing at hand: one reaches, competes or poses for it ("dives for a ball",
# "players battle for the puck", "poses for a portrait": the picture being taken).
REACHING_FOR = frozenset({"dive", "reach", "grab", "vie", "compete", "fight", "battle", "scramble", "struggle",
                          "jump", "leap", "stretch", "chase", "race", "tussle", "challenge", "pose"})


def vantage(doc: Sequence[DepToken], g: int) -> bool:
    """Word g takes a view whose place "from" is the camera's: a view noun ("the view from the front
    door") or a verb of looking or shooting with no subject of its own ("looking over a city from the
    hill", "photo taken from the bridge"; "a man looking out from the window" is there)."""
    t = doc[g]
    if t.upos == "NOUN":
        return noun_lemma(t.text.lower()) in VANTAGE_NOUNS
    return t.upos == "VERB" and t.lemma.lower() in VIEW_VERBS and not any(
        d.head == g and d.i != g and d.dep in ("nsubj", "nsubjpass", "agent") for d in doc)


# A view, and the verbs of looking and shooting, from where the camera stands ("the view of" reads the
# same nouns: ``attachment.VIEW_NOUNS``).
VANTAGE_NOUNS = VIEW_NOUNS | {"perspective", "shot"}
VIEW_VERBS = frozenset({"see", "look", "view", "pan", "shoot", "photograph", "film", "take", "capture", "watch",
                        "overlook", "gaze", "peer", "glimpse"})


def not_there(doc: Sequence[DepToken], head: int) -> bool:
    """No thing there, though its words may be edited: what a thing is "in the shape of" or "in the
    form of" ("lanterns in the shape of roosters"), the camera one looks, smiles or poses at ("at
    camera", "into the camera": it took the picture; "a boy looking at the camera" is still true), and
    what a thing or an act is "for": a purpose, a user, an occasion yet to come ("original art for the
    movie poster", "job opportunities for locals", "baking a cake for a party"), unless one reaches or
    poses for it ("dives for a ball", "poses for a portrait") or a photo is "for" it, which may show it
    ("featured image for teen takes the fashion world by storm"); and where a view is taken "from" ("the
    view from the front door", "the house as seen from the terrace": the camera stood there)."""
    k = head
    for _ in range(8):                             # "for toys and stuffed animals": the conjuncts too
        if doc[k].dep != "conj" or doc[k].head == k:
            break
        k = doc[k].head
    t = doc[k]
    if t.dep != "pobj" or t.head == k:
        return False
    prep = doc[t.head].text.lower()
    if noun_lemma(doc[head].text.lower()) in VIEWER_NOUNS:
        return prep in ("at", "into", "to", "toward", "towards", "for")
    if prep == "for":
        g = governor(doc, t.head)
        return g == t.head or not (doc[g].lemma.lower() in REACHING_FOR
                                   or noun_lemma(doc[g].text.lower()) in PHOTO_HEADS)
    if prep == "from" and vantage(doc, governor(doc, t.head)):
        return True
    if k != head:
        return False
    s = doc[doc[t.head].head]
    return prep == "of" and noun_lemma(s.text.lower()) in ("shape", "form") and s.dep == "pobj" and s.head != s.i \
        and doc[s.head].text.lower() == "in"
