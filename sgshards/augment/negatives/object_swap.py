"""object_swap: exchange two object nouns while their determiners, numbers and attributes stay
in place ("a red car next to a blue house" -> "a red house next to a blue car")."""
from __future__ import annotations

import random
from itertools import islice
from typing import Iterator, Optional

from ...schemas.graph import Span
from ..realise import Piece, Replacement, Slot, Surface, fresh, moved, noun_form
from ..sampling import Frequencies, shuffle
from ..vocab import COUNT_ING_NOUNS, attribute_category, object_category
from ...lexicon.lemmas import all_lemmas
from ...lexicon.taxonomy import listed, noun_class, part_of
from ...lexicon.units import SIZED
from ...lexicon.words import PREP_NOUNS
from .contrast import distinct_things, gender, thing_class
from .graph_change import changes_graph
from ...lexicon.adjectives import NOT_THE_THING
from .relation_swap import in_list, pp_reordered, stated_symmetrically, stuff
from .shared import (PER_TYPE, Candidate, across_separator, chained, conjoined, copular_pair, denied, fits_number,
                     colour_name, framing,
                     gendered_pronoun, glued, in_idiom, in_noun_pile, keyword_string, make_candidate, noun_slots,
                     number_class, of_bound, overlap, possessive, truncated)


def object_swap(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                limit: int = PER_TYPE, draws: int = 1) -> Iterator[Candidate]:
    """Up to ``limit`` swaps, lazily: all random draws happen before the first, and the search
    goes only as far as the caller consumes (``counts``, ``draws``: unused, swaps draw no words)."""
    return islice(object_swaps(surface, rng), limit)


# --------------------------------------------------------------------------- guards

def same_group(a: str, b: str) -> bool:
    """a and b may name one thing (one word, a sibling group, a synonym or hypernym:
    "dog"/"puppy", "rake"/"tool", "boy"/"student"): exchanging them states nothing new."""
    return not distinct_things(a, b, False)


# Graph predicates of having: a whole with its part.
_HAVING = frozenset({"have", "with", "of"})


def whole_with_part(surface: Surface, a: int, b: int) -> bool:
    """One object is a part of the other (WordNet, inherited by kinds: a "wheel" of any wheeled
    vehicle) and the caption says the whole has it ("a vintage car with red wheel"): what is
    said of either is said of the other ("a vintage wheel with red car": a vintage car's wheel
    is vintage), so exchanging them is no clear contradiction."""
    g = surface.graph
    na, nb = g.objects[a].name, g.objects[b].name
    if not (part_of(na, nb) or part_of(nb, na)):
        return False
    return any({r.subject, r.object} == {a, b} and r.predicate in _HAVING for r in g.relations)


def symmetric_pair(surface: Surface, a: int, b: int) -> bool:
    """a and b are linked by a relation whose two ends may be exchanged ("the tree by the river
    bank", "Reality vs. Expectation"): swapping the nouns says what the caption says."""
    g = surface.graph
    return any({g.relations[k].subject, g.relations[k].object} == {a, b} and stated_symmetrically(surface, k)
               for k in surface.relations)


# Senses that are no thing in a picture ("hate", "need", "amount", "afternoon"): swapping them
# garbles ("these hate", "teenage autumn afternoon walking in a park on a boy").
_UNSEEN = frozenset({"feeling", "state", "motive", "relation", "quantity", "time"})


def _visible(name: str) -> bool:
    return noun_class(name) not in _UNSEEN and thing_class(name) != "time"


_THINGS = frozenset({"concrete", "animate"})


def placeholder(surface: Surface, slot: Slot) -> bool:
    """CC3M's stand-in for a person's name, "person" without article or number ("noble person
    accompanied noble person to a concert", "person are inclined to believe"): a name, which
    takes no other noun's article, number or epithet ("noble concert accompanied ... to a person")."""
    if surface.graph.objects[slot.obj].name != "person":
        return False
    return not any(t.upos in ("DET", "NUM", "PRON") or t.tag in ("PRP$", "POS", "CD")
                   for t in surface.tokens[slot.np[0]:slot.name[0]])


def abstractions(a: str, b: str) -> bool:
    """Neither noun names a thing, a being or a group of them ("crowd", "team") in any common
    sense (events, ideas, qualities, or words WordNet does not know): exchanging them states no
    contradiction a picture could show ("atmosphere at an art exhibition for a new reception",
    "real gift as an estate")."""
    return all(thing_class(w) not in _THINGS and noun_class(w) != "group" for w in (a, b))


def loose_compound(name: str) -> bool:
    """A name of several words that neither WordNet nor the curated groups know, with a modifier
    that reads as a participle adjective or is no known word: a participle the tagger read into
    the name ("matching wing"), which moved alone leaves "a belted mini matching wing" (gerunds
    that are only verbs stay: "boxing ring", "knitting needle")."""
    words = name.lower().split()
    return len(words) > 1 and not listed(name) and object_category(name) is None \
        and any(_adjectival(w) for w in words[:-1])


def _adjectival(word: str) -> bool:
    """A participle read as an adjective, no noun WordNet or the curated groups know ("matching";
    not "hip", nor a plain adjective that moves with its noun: "a wooden retro camera")."""
    if listed(word) or object_category(word) is not None:
        return False
    forms = all_lemmas(word)
    return ("ADJ" in forms and "VERB" in forms) or not forms


def _moves_a_property(xs, ys) -> bool:
    """Exchanging the nouns moves a curated property from one to the other ("a young girl with a
    skateboard" -> "a young skateboard with a girl"); "christmas" in "christmas tree" is none."""
    return any(attribute_category(w) is not None for w in set(xs) ^ set(ys))


def movable_name(surface: Surface, obj: int) -> bool:
    """The object's name can move: a common noun heading its phrase, not glued
    to a neighbour ("e-cig"), not a modifier of another noun ("baby boy crib"), not in a noun pile
    ("walnuts topic") or a chain ("keep out sign"), not in an idiom ("at work"), not a possessor
    ("men's") and not bound by "of" ("amounts of fun" -/-> "amounts of child", "a sheet of
    parchment", "an excellent example of")."""
    slot = surface.slots[obj]
    head = surface.tokens[slot.name[1] - 1]
    return not (glued(surface, slot.name) or head.dep in ("compound", "npadvmod", "nmod") or in_idiom(surface, slot)
                or in_noun_pile(surface, slot.name) or possessive(surface, slot.name)
                or of_bound(surface, slot.name) or chained(surface, slot.np) or _measured(surface, slot)
                or loose_compound(surface.graph.objects[obj].name) or verb_only(surface, slot)
                or style_bound(surface, slot) or other_of_list(surface, slot) or modifier_bound(surface, slot))


def modifier_bound(surface: Surface, slot: Slot) -> bool:
    """A modifier before the name belongs to the name's first word, not its head ("real estate agent",
    "public health posters", "high school teacher"), or makes it a likeness ("a stuffed bear"): the name
    moved alone leaves "real house", "public walls", "a stuffed girl" behind."""
    toks = surface.tokens
    s, e = slot.name
    return any(s <= toks[k].head < e - 1 or toks[k].text.lower() in NOT_THE_THING for k in range(slot.np[0], s))


# First words of a name that belong to the modifier before them ("spanish style house", "vintage
# style headlights", "princess themed party"): the name moved alone leaves "a style house".
_STYLE_WORDS = SIZED | {"style", "styled", "look"}


def style_bound(surface: Surface, slot: Slot) -> bool:
    """The name begins with a word of style after a modifier of its phrase ("old vintage style
    headlights" -/-> "old vintage rooms ... for a style headlight")."""
    toks = surface.tokens
    return slot.name[0] > slot.np[0] and toks[slot.name[0]].text.lower() in _STYLE_WORDS \
        and slot.name[1] - slot.name[0] > 1


def other_of_list(surface: Surface, slot: Slot) -> bool:
    """The phrase is "and other ..." after a list ("corn and other produce"): it names the kind of
    what the list holds, and moved it leaves "corn and other supermarket"."""
    toks = surface.tokens
    s = slot.np[0]
    words = [t.text.lower() for t in toks[s:slot.name[0]]]
    return s > 0 and toks[s - 1].upos == "CCONJ" and bool(words) and words[0] == "other"


# Predicates that compare or list rather than relate ("a cat like a logo", "a tip including the new
# pound coin"): exchanging their ends says nearly the same.
_LIKENING = frozenset({"like", "unlike", "as", "including", "alike"})


def likened(surface: Surface, a: int, b: int) -> bool:
    """a and b are linked by a likening or listing predicate ("cat, ... like a logo" -/-> "logo like a
    cat")."""
    g = surface.graph
    for k in surface.relations:
        r = g.relations[k]
        if {r.subject, r.object} == {a, b}:
            pred = surface.preds.get(k)
            words = (surface.span_text(pred) if pred is not None else r.predicate).lower().split()
            if words[-1:] and words[-1] in _LIKENING:
                return True
    return False


def verb_only(surface: Surface, slot: Slot) -> bool:
    """The name is one word English knows only as a verb ("vies" in "Benzema vies for the ball"):
    a tagging slip, which moved leaves "balls for the vie"."""
    toks = surface.tokens[slot.name[0]:slot.name[1]]
    if len(toks) != 1 or object_category(surface.graph.objects[slot.obj].name) is not None:
        return False
    forms = all_lemmas(toks[0].text.lower())
    return bool(forms) and "NOUN" not in forms and "VERB" in forms


def gerund_between(surface: Surface, a: Slot, b: Slot) -> bool:
    """One noun, a participle and a bare noun ("girl taking pictures"): swapped, they read as a
    compound of the participle ("picture taking girls", a paraphrase)."""
    first, second = (a, b) if a.name[0] < b.name[0] else (b, a)
    toks = surface.tokens
    v = first.name[1]
    return v + 1 == second.np[0] and v < len(toks) and toks[v].tag in ("VBG", "VBN") \
        and second.np[0] == second.name[0]


def _measured(surface: Surface, slot: Slot) -> bool:
    """A stuff measured by the head of its noun phrase ("sheet of ancient parchment", "piece of
    leather"): moved alone, it leaves a thing measured as stuff ("sheet of ancient image"); a
    counted thing moves ("herd of horses" -> "herd of pastures" is false), a singular does not
    ("slices of pizza" -/-> "slices of table", "a ball of yarn")."""
    name = surface.graph.objects[slot.obj].name
    return (number_class(name) == "mass" or noun_class(name) == "substance" or not slot.plural) \
        and any(t.text.lower() == "of" for t in surface.tokens[slot.np[0]:slot.name[0]])


def reinflectable(surface: Surface, obj: int) -> bool:
    """The name may change number: a count noun in lower case whose lemma inflects back to what
    the caption wrote ("parking", "media" and names such as "Aniston" may not)."""
    slot = surface.slots[obj]
    name = surface.graph.objects[obj].name
    text = surface.span_text(slot.name)
    head = (name.split() or [""])[-1]
    if number_class(name) or number_class(text.lower()) or (head.endswith("ing") and head not in COUNT_ING_NOUNS) \
            or text[:1].isupper():
        return False                               # "media" -/-> "medium"
    return noun_form(name, slot.plural).lower() == text.lower()


def bare_singular(surface: Surface, obj: int) -> bool:
    """A singular noun written without determiner or number: mass ("coffee") or headline style.
    Never swapped with a counted noun: "a cup of coffee" -/-> "a coffee of cup"."""
    slot = surface.slots[obj]
    return not slot.plural and slot.np[0] == slot.name[0] and not surface.graph.objects[obj].attributes \
        and not surface.graph.objects[obj].quantity


def takes_article(surface: Surface, slot: Slot, name: str) -> bool:
    """The noun ``name`` may follow the slot's "a"/"an": not a stuff ("the debris after a fire broke
    out at a temple" -/-> "at a debris"), nor into a plural the caption wrote after "a" ("an
    umbrella during a protests" -/-> "during an umbrellas")."""
    det = {t.text.lower() for t in surface.tokens[slot.np[0]:slot.name[0]]}
    if not det & {"a", "an"}:
        return True
    return not slot.plural and not stuff(name)


def _modifiers(surface: Surface, slot: Slot) -> tuple[str, ...]:
    """Words of the noun phrase before the name, articles normalised ("an old" ~ "a old")."""
    words = [t.text.lower() for t in surface.tokens[slot.np[0]:slot.name[0]]]
    return tuple("a" if w == "an" else w for w in words)


def same_as_phrase_swap(surface: Surface, a: Slot, b: Slot) -> bool:
    """Equal modifiers and number: swapping the nouns writes what swapping the whole noun
    phrases writes, which is relation_swap's negative."""
    return _modifiers(surface, a) == _modifiers(surface, b) and a.plural == b.plural


def shared_modifiers(a: Slot, b: Slot) -> bool:
    """Of two conjuncts, the later is a bare noun ("white leaves and flowers"): the first one's
    modifiers may qualify both, so exchanging the nouns says the same ("white flowers and leaves")."""
    later = a if a.name[0] > b.name[0] else b
    return later.np[0] == later.name[0]


def _related_pairs(surface: Surface) -> set[frozenset]:
    """{subject, object} of each relation the surface states."""
    pairs = surface.memo.get("related")
    if pairs is None:
        g = surface.graph
        pairs = surface.memo["related"] = {frozenset((g.relations[k].subject, g.relations[k].object))
                                           for k in surface.relations}
    return pairs


# --------------------------------------------------------------------------- the swap

def _name_for(surface: Surface, frm: int, plural: bool, like: Span) -> Optional[list[Piece]]:
    """Object ``frm``'s name for a slot of number ``plural``: its own tokens, re-inflected if needed
    (None when it cannot be)."""
    slot = surface.slots[frm]
    if slot.plural == plural:
        return moved(surface, slot.name)
    if not reinflectable(surface, frm):
        return None
    return fresh(surface, noun_form(surface.graph.objects[frm].name, plural), like)


def object_swaps(surface: Surface, rng: random.Random) -> Iterator[Candidate]:
    """Every object swap; pairs linked by a relation or both in the curated vocabulary first
    (concrete, visual swaps), each group in random order."""
    g = surface.graph
    objs = noun_slots(surface)
    pairs = [(a, b) for x, a in enumerate(objs) for b in objs[x + 1:]]
    shuffle(rng, pairs)
    # (a stable partition: the sort on "not concrete" it replaces, without a key call per pair)
    curated = {i for i in objs if object_category(g.objects[i].name)}
    related = _related_pairs(surface)
    concrete: list[tuple[int, int]] = []
    rest: list[tuple[int, int]] = []
    for p in pairs:
        (concrete if frozenset(p) in related or (p[0] in curated and p[1] in curated) else rest).append(p)
    pairs = concrete + rest
    for a, b in pairs:
        sa, sb = surface.slots[a], surface.slots[b]
        oa, ob = g.objects[a], g.objects[b]
        if oa.name == ob.name or overlap(sa.name, sb.name) or same_group(oa.name, ob.name):
            continue
        if bare_singular(surface, a) != bare_singular(surface, b) or denied(surface, a) or denied(surface, b):
            continue
        if not (fits_number(surface, sa, ob.name) and fits_number(surface, sb, oa.name)):
            continue
        if not (takes_article(surface, sa, ob.name) and takes_article(surface, sb, oa.name)):
            continue                               # "at a debris", "during an umbrellas"
        if same_as_phrase_swap(surface, sa, sb):
            continue
        if not (_visible(oa.name) and _visible(ob.name)) or oa.name in PREP_NOUNS or ob.name in PREP_NOUNS:
            continue                               # "these hate", "the south dog": no thing to move
        if framing(oa.name) or framing(ob.name) or placeholder(surface, sa) or placeholder(surface, sb) \
                or colour_name(oa.name) or colour_name(ob.name):
            continue                               # "a big background on a white bird", "noble concert"
        if abstractions(oa.name, ob.name):
            continue                               # "an art exhibition for a new reception"
        if not (movable_name(surface, a) and movable_name(surface, b)) or keyword_string(surface) \
                or truncated(surface):
            continue
        if across_separator(surface, sa.name, sb.name):
            continue                               # a list reordered, not roles exchanged
        if gerund_between(surface, sa, sb):
            continue                               # "girl taking pictures" -/-> "picture taking girls"
        if copular_pair(surface, sa.name[1] - 1, sb.name[1] - 1):
            continue                               # "the capital is an incredible city": one thing
        if conjoined(surface, sa.name[1] - 1, sb.name[1] - 1) and (
                not _moves_a_property(oa.attributes, ob.attributes) or shared_modifiers(sa, sb)):
            continue                               # "christmas tree and candles", "white leaves and flowers"
        elif in_list(surface, sa) or in_list(surface, sb):
            continue                               # "a fashion look featuring gray dresses, cardigan and skirts"
        if not _moves_a_property(oa.attributes, ob.attributes) and symmetric_pair(surface, a, b):
            continue                               # "the tree by the river banks"
        if any({g.relations[k].subject, g.relations[k].object} == {a, b} and pp_reordered(surface, k)
               for k in surface.relations):
            continue                               # "on a pavement on the mobility scooter": both said
        if likened(surface, a, b):
            continue                               # "a cat like a logo", "a tip including the pound coin"
        if whole_with_part(surface, a, b):
            continue                               # "a vintage car with red wheel"
        if gendered_pronoun(surface) and gender(oa.name) != gender(ob.name):
            continue                               # "the man himself" -/-> "the woman himself"
        new = {a: (ob.name, frozenset(oa.attributes), oa.quantity, oa.plural),
               b: (oa.name, frozenset(ob.attributes), ob.quantity, ob.plural)}
        if not changes_graph(surface, new):
            continue
        into_a, into_b = _name_for(surface, b, sa.plural, sa.name), _name_for(surface, a, sb.plural, sb.name)
        if into_a is None or into_b is None:
            continue
        cand = make_candidate(surface, "object_swap", [Replacement(sa.name, into_a), Replacement(sb.name, into_b)])
        if cand:
            yield cand
