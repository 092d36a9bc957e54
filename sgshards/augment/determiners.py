"""Determiners of realised noun phrases: the caption's article, a conjunct's shared one, a written
quantity's ("a lot of", "the set of"), "the" for other determiners, none where the caption has none."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon.words import BODY_PARTS
from ..schemas.graph import SGObject
from .nounphrase import NounPhrase
from .realise import indefinite_article
from .vocab import MASS_NOUNS

if TYPE_CHECKING:
    from .positives import Context


def determiner(ctx: "Context", o: SGObject, np: NounPhrase, definite: bool, next_word: str,
               quantity: bool = True) -> list[str]:
    """Follow the caption: "a" where it says a/an, "the" for other determiners, none where
    it has none ("man holds white surfboard", mass nouns).  ``quantity``: the written quantity
    ("slices of") is the determiner."""
    if o.quantity and np.counted and quantity:
        return quantity_words(ctx, o)
    indefinite = not o.plural
    if o.span is not None and o.span[1] <= len(ctx.doc):
        head = ctx.doc[o.span[1] - 1]
        named = [k for k in ctx.kids[head.i] if ctx.doc[k].dep == "poss" and o.span[0] <= k]
        if named:         # the possessor is a word of the name ("new year's eve", "a farmer's market"):
            own = [ctx.doc[c].text.lower() for c in ctx.kids[named[0]] if ctx.doc[c].dep in ("det", "predet")]
            if own and own[0] in ("a", "an"):       # its own article, or none
                return [indefinite_article(next_word)]
            return ["the"] if own else []
        dets = [ctx.doc[k].text.lower() for k in ctx.kids[head.i] if ctx.doc[k].dep in ("det", "poss", "predet")]
        if not dets:   # "the planet mars" with "the" on "planet" (mars tagged a verb): the span's own
            dets = [ctx.doc[k].text.lower() for j in range(o.span[0], o.span[1] - 1) for k in ctx.kids[j]
                    if ctx.doc[k].dep in ("det", "predet") and k < o.span[0]]
        if not dets and head.dep == "conj" and head.upos == "NOUN":
            dets = shared_determiner(ctx, o, head.i)  # "shaped like a cowboy hat and boot": "a boot"
        if head.upos == "PROPN":                      # "the North Face", "Forbidden City" as written
            return ["the"] if dets and dets[0] == "the" else []
        own = [ctx.doc[k].text.lower() for k in ctx.kids[head.i] if ctx.doc[k].tag == "PRP$"]
        if own and o.name.split()[-1] in BODY_PARTS:  # "raising his hand", "throwing her arms": not
            return own[:1]                            # "the hand", "arms", "holding hands"
        if not dets:
            return ["the"] if definite else []
        indefinite = indefinite and dets[0] in ("a", "an")
    elif o.name in MASS_NOUNS:                       # no caption words ("red haired"): "red hair"
        indefinite = False
    if definite or not indefinite:
        return ["the"] if definite or not o.plural and o.span is not None else []
    return [indefinite_article(next_word)]


_ARTICLES = frozenset({"a", "an", "the"})


def shared_determiner(ctx: "Context", o: SGObject, k: int) -> list[str]:
    """The article of the first conjunct, which a bare later conjunct shares ("a cowboy hat and
    boot", "the bride and groom"); "a" only for a singular count noun."""
    doc = ctx.doc
    for _ in range(8):
        if doc[k].dep != "conj" or doc[k].head == k:
            break
        k = doc[k].head
    if doc[k].upos != "NOUN":
        return []
    dets = [doc[c].text.lower() for c in ctx.kids[k] if doc[c].dep == "det" and doc[c].text.lower() in _ARTICLES]
    if dets and dets[0] != "the" and (o.plural or o.name in MASS_NOUNS or doc[k].tag != "NN"):
        return []
    return dets[:1]


def quantity_words(ctx: "Context", o: SGObject) -> list[str]:
    """The written quantity with the article the caption gives it: "a lot of flannel", "a few
    pointers", "the set of music video", not "lot of flannel" or "few pointers" (another
    determiner of the quantity reads as "the": "his set of" -> "the set of")."""
    words = o.quantity.split() if o.quantity else []
    doc = ctx.doc
    if not words or words[0].lower() in _ARTICLES or o.span is None or not 0 < o.span[1] <= len(doc):
        return words
    head = o.span[1] - 1
    first = words[0].lower()
    token = next((k for k in ctx.kids[head] if k < head and doc[k].text.lower() == first), -1)
    if token < 0 and doc[head].dep == "pobj" and doc[doc[head].head].text.lower() == "of":
        up = doc[doc[head].head].head                   # "a lot of flannel": the quantity heads the phrase
        if up < head and doc[up].text.lower() == first:
            token = up
    if token < 0:
        return words
    dets = [doc[k].text.lower() for k in ctx.kids[token]
            if k < token and doc[k].dep in ("det", "quantmod", "predet", "poss")]
    own = [k for k in ctx.kids[head] if token < k < head and doc[k].dep in ("det", "poss")]
    if own and words[-1].lower() == "of":
        words = words + ["the"]                         # "the set of his music video": "of the"
    if not dets:
        return words
    return [indefinite_article(words[0]) if dets[0] in ("a", "an") else "the"] + words
