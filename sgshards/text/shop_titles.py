"""Shapes of shop titles and news headlines the suitability gate skips (rules of ``text.suitability``).

A shop's product title with no listing mark (no price, size or code) is still no description: a pile
of nouns with the product's attributes stacked in front of it and no determiner or finite verb to
make a sentence ("Kelly Green 6 panel snapback hat with Kelly Green visor red embroidered ...": a count
of parts, "6 panel"; a colour said twice; "big pattern basket weave carpet food and drinking container
for pet metal-net look chair": a buyer, "for pet", and a run of bare nouns; "copper patina verdigris
oval earrings": a run of bare nouns headed by goods), or a Title Case product
in a shop's colour variant ("Boxing Gloves in Black andWhite").  A news headline counts people struck
by an event in named places, with a participle for its verb ("Over 8 lakh people in 21 districts in
Assam affected by floods").  A description says its scene with a determiner or a verb ("a dog bowl for
pets", "a cat in black and white", "people affected by the floods wait for aid"), and CC3M's lower-case
captions have no names.  Each rule reads the parse of the description and returns a reason of
``schemas.outcomes``.
"""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon.lemmas import all_lemmas
from ..lexicon.visibility import MERCHANDISE, PICTURE_WORDS
from ..lexicon.words import CLOTHING, COLOURS, NUMBER_WORDS, SHADES
from ..schemas.depview import FINITE_TAGS
from ..schemas.outcomes import PRODUCT_LISTING, SENTENCE_TITLE

HUES = COLOURS - SHADES
# the hues a shop says twice of its variants ("Kelly Green ... Kelly Green visor"); not the metals,
# which name things too ("Gold Rush tourists ... mining for gold")
VARIANT_HUES = HUES - {"gold", "golden", "silver", "bronze", "copper"}
# whom a product is for: "for pet", "for men", "for women's"
BUYERS = frozenset({
    "men", "mens", "man", "women", "womens", "woman", "ladies", "lady", "girls", "girl", "boys", "boy", "kids",
    "kid", "children", "child", "baby", "babies", "toddler", "toddlers", "infant", "infants", "teens", "adults",
    "pet", "pets", "dog", "dogs", "cat", "cats", "puppy", "puppies", "him", "her", "unisex"})
# the participles of a headline's events that strike people ("affected by floods", "killed in blast")
EVENT_PARTICIPLES = frozenset({
    "affected", "killed", "injured", "hurt", "displaced", "evacuated", "arrested", "detained", "stranded",
    "rescued", "hospitalised", "hospitalized", "infected", "jailed", "charged", "sentenced", "convicted",
    "trapped", "feared", "missing", "dead", "feared", "booked", "held", "abducted", "kidnapped", "deported"})
# the words of a graphic's title ("... icon vector"); a "pattern" is a product's too ("big pattern ... carpet")
GRAPHIC_TITLE_WORDS = PICTURE_WORDS - {"pattern", "cartoon"}
PARTS = 24                  # the most parts a product counts ("6 panel", "3 piece")
NOUN_PILE = 4               # the fewest nouns and adjectives in a row that make a pile
_GLUED_AND = re.compile(r"^(?:and|&)[A-Z][a-z]+$")


def product_title(c) -> Optional[str]:
    """A verbless noun pile with two marks of a product's attributes, or a Title Case product in a
    colour variant."""
    words = c.words
    if c.stock or len(words) < 3 or words[0].upos == "DET" or _sentence(c):
        return None
    if any(t.lemma.lower() in GRAPHIC_TITLE_WORDS for t in words):
        return None         # a graphic's title describes it: "Realistic detailed 3d red apron and thin line icon vector"
    if _colour_variant_in(c):
        return PRODUCT_LISTING
    marks = _count_attribute(c) + _colour_stack(c)
    # "the dormitory for women" is a phrase, "Smiling female showing blank credit card" a clause
    if not any(t.upos == "DET" or (t.upos == "VERB" and t.dep not in ("amod", "compound")) for t in c.tokens):
        marks += _buyer(c) + _noun_pile(c) + _goods_head(c)
    return PRODUCT_LISTING if marks >= 2 else None


def _sentence(c) -> bool:
    """A finite verb, a modal or a pronoun, or two determiners: the grammar of a description."""
    if any(t.tag in FINITE_TAGS or t.tag == "MD" or t.upos == "PRON" for t in c.tokens):
        return True
    return sum(t.upos == "DET" for t in c.tokens) >= 2


def _buyer(c) -> int:
    """"for" and a buyer, with no determiner between: "container for pet", "boots for women"."""
    toks = c.tokens
    return int(any(t.text.lower() == "for" and k + 1 < len(toks) and toks[k + 1].text.lower().rstrip("'s") in BUYERS
                   for k, t in enumerate(toks)))


def _count_attribute(c) -> int:
    """A count of parts before a product noun: a number above one and a singular noun, then another
    noun in lower case ("6 panel snapback hat", "3 piece suit", "two seater sofa"); "6 dogs" counts
    things, "35 farm Lane" is an address, "Top 100 CISO Award" a name."""
    toks = c.tokens
    for k in range(len(toks) - 2):
        n, unit, head = toks[k], toks[k + 1], toks[k + 2]
        if not (n.text.isdigit() and 1 < int(n.text) <= PARTS) and n.text.lower() not in NUMBER_WORDS - {"one", "a", "an"}:
            continue
        if unit.tag == "NN" and unit.text.isalpha() and unit.text.islower() and head.upos in ("NOUN", "ADJ") \
                and head.text.isalpha() and head.text.islower():
            return 1
    return 0


def _colour_stack(c) -> int:
    """A hue said twice ("Kelly Green ... Kelly Green visor"): a shop's variants; a flag's "red white
    blue" names three."""
    hues = [t.text.lower() for t in c.words if t.text.lower() in VARIANT_HUES]
    return int(len(set(hues)) < len(hues))


def _noun_pile(c) -> int:
    """Four common nouns or adjectives in a row, in lower case, with no function word, hue or verb's
    "-ing" ("big pattern basket weave carpet food"); a run of names is a place ("Buena Vista Colorado
    USA")."""
    run = best = 0
    for t in c.tokens:
        run = run + 1 if t.upos in ("NOUN", "PROPN", "ADJ") and t.text.isalpha() and t.text.islower() \
            and t.text not in HUES and not _gerund(t.text) else 0
        best = max(best, run)
    return int(best >= NOUN_PILE)


def _gerund(word: str) -> bool:
    """An "-ing" word a dictionary knows as a verb: a tagger's noun in "female showing/NN blank credit
    card" breaks a pile."""
    return word.endswith("ing") and "VERB" in all_lemmas(word)


def _goods_head(c) -> int:
    """Goods (a shop's product noun or clothing) head a phrase with no preposition: "copper patina
    verdigris oval earrings", "Gold colour mesh strap watch"; "Women's leather jacket with laces" says
    what is on it."""
    root = next((t for t in c.tokens if t.dep == "ROOT"), None)
    if root is None or any(t.upos == "ADP" for t in c.tokens):
        return 0
    return int(root.lemma.lower() in MERCHANDISE or root.lemma.lower() in CLOTHING)


def _colour_variant_in(c) -> bool:
    """A capitalised noun, then "in" and capitalised hues only at the end: "Boxing Gloves in Black
    andWhite", "Chelsea Boot in Tan"; a description writes "a cat in black and white"."""
    toks = [t for t in c.tokens if any(ch.isalnum() for ch in t.text)]
    at = max((k for k, t in enumerate(toks) if t.text.lower() == "in"), default=-1)
    if at < 1 or at == len(toks) - 1 or not toks[at - 1].text[:1].isupper() or toks[at - 1].upos not in ("NOUN", "PROPN"):
        return False
    tail = toks[at + 1:]
    if not all(t.text[:1].isupper() or _GLUED_AND.match(t.text) or t.text in ("and", "&") for t in tail):
        return False
    hues = [t.text for t in tail if t.text.lower() not in ("and", "&")]
    return bool(hues) and all(h.lower() in HUES or (_GLUED_AND.match(h) and h.lstrip("and&").lower() in HUES)
                              for h in hues)


def news_headline(c) -> Optional[str]:
    """A count of people, a named place and an event's participle for the verb, no finite verb:
    "Over 8 lakh people in 21 districts in Assam affected by floods", "12 killed in Kabul blast"."""
    # a finite verb may only say when ("At least 6 arrested in Kahuku after convoy arrives ...")
    if c.stock or any((t.tag in FINITE_TAGS and t.dep not in ("advcl", "relcl", "pcomp")) or t.tag == "MD"
                      for t in c.tokens):
        return None
    event = next((t for t in c.tokens if t.text.lower() in EVENT_PARTICIPLES and t.tag in ("VBN", "JJ")), None)
    if event is None:
        return None
    before = [t for t in c.tokens if t.i < event.i]
    counted = any(t.upos == "NUM" or t.text.isdigit() for t in before)
    named = any(t.upos == "PROPN" and t.text[:1].isupper() and t.i > 0 for t in c.tokens)
    return SENTENCE_TITLE if counted and named and not any(t.upos == "DET" for t in before) else None
