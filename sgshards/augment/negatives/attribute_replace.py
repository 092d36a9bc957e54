"""attribute_replace: replace an attribute by one of another group of its category
("a red car" -> "a blue car", "a big house" -> "a small house"), never by a neighbouring shade
("cream" -/-> "yellow") or a consequence ("square" -/-> "rectangular"), and only where the
object can have the attribute and the word is a plain adjective."""
from __future__ import annotations

import random
from typing import Optional

from ..realise import Replacement, Slot, Surface, fresh
from ..sampling import Frequencies, choose_many, shuffle
from ...lexicon.lemmas import all_lemmas
from ...lexicon.taxonomy import class_depth, kinship, noun_class
from ...lexicon.units import is_unit
from ...schemas.graph import Span
from ..vocab import ATTRIBUTE_CATEGORIES, attribute_alternatives, attribute_category, attribute_groups, sensitive_pair
from .contrast import attribute_contrasts, attribute_fits, can_act, named_by
from .shared import PER_TYPE, Candidate, absent, glued, make_candidate


# Nouns of time and measure an age or size word follows ("34 years old", "a few years younger").
_MEASURES = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
                       "minute", "minutes", "inch", "inches", "foot", "feet", "meter", "meters", "metre",
                       "metres", "mile", "miles", "km", "cm", "mm", "yard", "yards", "times"})


# A thing's level: "a high wall" -> "a low wall", not "a short wall" (the height group's head).
_LEVELS = {"high": "low", "low": "high"}


def _headline(surface: Surface) -> bool:
    """Most words capitalised (a title or a product name): the tagger calls them all names."""
    found = surface.memo.get("headline")
    if found is None:
        words = [t.text for t in surface.tokens if t.text[:1].isalpha()]
        found = surface.memo["headline"] = len(words) > 1 and sum(w[0].isupper() for w in words) > 0.6 * len(words)
    return found


def replaceable_attribute(surface: Surface, obj: int, k: int, span: Span) -> bool:
    """The attribute is a plain adjective (or a colour or material noun right before its noun)
    that the object can have in its category ("glass" is no attribute of an artist, "wild" none
    of a score), names no WordNet noun with it ("giant panda", "high tide"), not a comparative ("younger"), not part of a measure ("34 years old"), a name
    ("Long Island") or a glued word ("e-essential")."""
    o = surface.graph.objects[obj]
    cat = attribute_category(o.attributes[k], o.name)
    if cat is None or not attribute_fits(cat[0], o.name) or glued(surface, span) \
            or named_by(cat[0], o.attributes[k], o.name):             # "giant panda", "hot spring"
        return False
    if cat[0] == "temperature" and approval(o.attributes[k], o.name):
        return False                                         # "the wedding dress is cool" -/-> "is hot"
    if compound_part(surface, span, surface.slots.get(obj)):
        return False                                         # "knee high socks", "sour cream bundt cake"
    toks = surface.tokens
    words = toks[span[0]:span[1]]
    if any(t.tag in ("JJR", "JJS", "RBR", "RBS") for t in words):
        return False
    if any(t.upos == "PROPN" and t.text[:1].isupper() for t in words) and not _headline(surface):
        return False                                         # "Long Island", "Blue Jays"
    if (span[0] > 0 and toks[span[0] - 1].text.lower() in _MEASURES) or o.name.lower() in _MEASURES:
        return False                                         # "34 years old", "square feet"
    if all(t.upos in ("NOUN", "PROPN") and "ADJ" not in all_lemmas(t.text.lower()) for t in words):
        # a noun modifier: "iron cast gates", "rock indie artist"
        slot = surface.slots.get(obj)
        return cat[0] in ("colour", "material") and slot is not None and span[1] == slot.name[0]
    return True


# The temperature words English also uses for approval ("a cool dress", "the hottest car"), and the
# WordNet classes of what has a temperature one feels (water, a drink, the weather, the evening).
_APPROVAL_WORDS = frozenset({"cool", "hot"})
_FELT_CLASSES = frozenset({"substance", "food", "phenomenon", "object", "time", "location", "attribute", "plant",
                           "body"})


def approval(adjective: str, noun: str) -> bool:
    """A temperature word said of a person or a made thing ("sure the wedding dress is cool"): it
    most likely approves of it, and "hot" or "cold" in its place is no contradiction."""
    return adjective.lower() in _APPROVAL_WORDS and noun_class(noun) not in _FELT_CLASSES


def compound_part(surface: Surface, span: Span, slot: Optional[Slot]) -> bool:
    """The attribute word is half of a compound before the object's name: a body part right
    before it makes a compound adjective of a measure ("knee high socks", "waist deep": "knee low
    socks" is no English), or it makes a multiword noun (``lexicon.units``) with an adjective
    before it or the word after it ("sour cream bundt cake" -/-> "sour gray bundt cake"; a
    participle still says the stuff: "stained glass window"; nor with the object's own name:
    "white wine")."""
    toks = surface.tokens
    s, e = span
    if slot is None or e > slot.name[0] or s == 0:
        return False                               # predicative ("the socks are high"), or first
    prev = toks[s - 1]
    word = prev.text.lower()
    if not prev.ws or not word.isalpha():
        return False
    if prev.tag in ("NN", "VB", "VBP") and "NOUN" in all_lemmas(word) and noun_class(word) == "body":
        return True                                # "knee high": the body part measures, it is no thing
    attr = surface.span_text(span).lower()
    if prev.upos == "ADJ" and is_unit(word + " " + attr):
        return True
    return e < slot.name[0] and is_unit(attr + " " + toks[e].text.lower())


def type_word(adjective: str, noun: str) -> bool:
    """The attribute is a noun for a near kind of the object's thing, naming its type, not a
    degree of it ("mini dress": a mini is a short skirt; "mini" -/-> "big dress"); people are
    described by theirs ("blonde woman" -> "brunette woman")."""
    return noun_class(adjective) not in (None, "person", "animal") and noun_class(adjective) == noun_class(noun) \
        and kinship(adjective, noun) > class_depth(noun)


# Words of a thing's age or period style besides the curated ones.
_PERIOD_WORDS = frozenset({"retro", "antiques", "old-fashioned", "classic", "historic"})


def age_said_twice(surface: Surface, old: str, name: str, span: Span) -> bool:
    """A thing's age where the text names an age or a period style elsewhere ("adding new # antique
    pieces": newly added; "Vintage frame ... Classic baroque old style decoration": a style drawn
    new): one of the words is no age of the thing, and the other age may be true of it too."""
    cat = attribute_category(old, name)
    if cat is None or cat[0] != "thing_age":
        return False
    ages = _AGES
    return any(t.text.lower() in ages or t.text.lower() in _PERIOD_WORDS
               for t in surface.tokens if not span[0] <= t.i < span[1])


_AGES = frozenset(w for g in ATTRIBUTE_CATEGORIES["thing_age"] for w in g)


def attribute_replace(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                      limit: int = PER_TYPE, draws: int = 1) -> list[Candidate]:
    """Up to ``limit`` replacements, attributes in random order, ``draws`` distinct new words
    each, drawn by corpus frequency when ``counts`` are given. Eager: it draws while it searches."""
    g = surface.graph
    items = [(a, k, s) for a in surface.objects for k, s in surface.attrs.get(a, [])]
    shuffle(rng, items)
    out = []
    for a, k, span in items:
        o = g.objects[a]
        old = o.attributes[k]
        if sensitive_pair(o.name, [old]) or absent(surface, a) or not replaceable_attribute(surface, a, k, span) \
                or type_word(old, o.name) or age_said_twice(surface, old, o.name, span):
            continue
        # no alternative in a group of, or equal to, any of the object's attributes
        groups = frozenset().union(*map(attribute_groups, o.attributes))
        words = {x.lower() for x in o.attributes}
        alts = [w for w in attribute_alternatives(old, o.name)
                if w.lower() not in words and groups.isdisjoint(attribute_groups(w))
                and attribute_contrasts(old, w, o.name)]
        if not alts:
            continue
        if old.lower() in _LEVELS and not can_act(o.name):
            alts = [w for w in alts if w == _LEVELS[old.lower()]] or [_LEVELS[old.lower()]]
        # by corpus frequency, not by co-occurrence with the object: drawing the object's usual
        # attributes ("white" cars) made the replacements easier for a text-only classifier to
        # spot (CC3M, --corpus-vocab: attribute_replace 0.71 -> 0.75); relations gain from it
        for new in choose_many(alts, rng, "attribute", counts, draws):
            cand = make_candidate(surface, "attribute_replace", [Replacement(span, fresh(surface, new, span))])
            if cand:
                out.append(cand)
        if len(out) >= limit:
            break
    return out[:limit]
