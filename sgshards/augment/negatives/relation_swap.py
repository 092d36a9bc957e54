"""relation_swap: exchange the subject and object noun phrases of an asymmetric relation
("a man riding an elephant" -> "an elephant riding a man"), re-agreeing verbs in number."""
from __future__ import annotations

import random
from itertools import islice
from typing import Iterator, Optional

from ..realise import OWN_ARTICLE, Piece, Replacement, Surface, agree_verb, indefinite_article, moved
from ..sampling import Frequencies, shuffle
from ...lexicon.function_words import ARTICLES, DEMONSTRATIVES, OTHER_DETERMINERS, POSSESSIVE_DETERMINERS, QUANTIFIERS
from ...lexicon.taxonomy import ANIMATE_CLASSES, CONCRETE_CLASSES, is_a, noun_class, noun_classes, part_of
from ...lexicon.lemmas import all_lemmas
from ...lexicon.visibility import PLACEHOLDERS
from ...lexicon.words import POSITIONAL_ADJS, PREP_NOUNS
from ...schemas.depview import first_conjunct
from ..vocab import REPRESENTATION_NOUNS, attribute_category, is_symmetric, object_category
from .contrast import thing_class
from .graph_change import Desc, changes_graph
from .shared import (PER_TYPE, Candidate, across_separator, chained, colour_name, conjoined, continued, denied, glued,
                     in_idiom, inside, gerund, keyword_string, make_candidate, number_class, of_bound, overlap,
                     phrase_plural, truncated)


def relation_swap(surface: Surface, rng: random.Random, counts: Optional[Frequencies] = None,
                  limit: int = PER_TYPE, draws: int = 1) -> Iterator[Candidate]:
    """Up to ``limit`` swaps, lazily: all random draws happen before the first, and the search
    goes only as far as the caller consumes (``counts``, ``draws``: unused, swaps draw no words)."""
    return islice(relation_swaps(surface, rng), limit)


# What fills the air around a thing: a thing "in" it has it in its place too.
AMBIENT = frozenset({"mist", "fog", "haze", "smoke", "smog", "steam", "dust", "light", "sunlight", "sunshine",
                     "moonlight", "shade", "shadow", "darkness", "dark", "glow", "twilight", "rain", "wind", "spray"})


def stated_symmetrically(surface: Surface, k: int) -> bool:
    """Relation k is symmetric as the graph states it ("next to", "hug"), as the surface writes it
    (a positive realises "have" as "with", or as the caption's "of"), or by an adverb of nearness on its verb ("the wall is
    built close to the house"): swapping its ends is a paraphrase."""
    if is_symmetric(surface.graph.relations[k].predicate):
        return True
    pred = surface.preds.get(k)
    if pred is None:
        return False
    if is_symmetric(surface.span_text(pred)):
        return True
    r = surface.graph.relations[k]
    if r.predicate == "have" and surface.span_text(pred).lower() == "of":
        return True                                # "the tip of a canoe": "the canoe of a tip" says nothing
    if surface.span_text(pred).lower().split()[-1:] == ["in"] and any(
            surface.graph.objects[x].name.lower() in AMBIENT for x in (r.subject, r.object)):
        return True                                # "a highway in the mist": the mist is in the highway too
    inside_pred = range(*pred)
    return any(t.text.lower() in POSITIONAL_ADJS and t.head in inside_pred and t.i != t.head
               and t.dep in ("advmod", "acomp") for t in surface.tokens)


def _predicate_words(surface: Surface, k: int) -> list[str]:
    """The lower-cased words of relation k's predicate as the surface says it."""
    pred = surface.preds.get(k)
    return (surface.span_text(pred) if pred is not None else surface.graph.relations[k].predicate).lower().split()


def _unswappable(surface: Surface, k: int) -> bool:
    """Relations whose ends do not trade places in a scene: time ("festival during fashion
    model"), purpose or measure ("for sale", "km from the sea"), and "of" between a picture, a view
    or a part and what it shows ("portrait of a man" -/-> "a man of portrait"; "the buck of a
    painting" says the same), a whole and its part, a name, or no things at all; and a whole
    "with" its part."""
    g = surface.graph
    r = g.relations[k]
    words = _predicate_words(surface, k)
    if not words:
        return False
    if words[-1] in _NO_SWAP or words == ["'s"]:
        return True
    if any(thing_class(g.objects[o].name) == "time" for o in (r.subject, r.object)):
        return True                                 # "sunday dives back to first base ... on person"
    a, b = g.objects[r.subject].name.lower(), g.objects[r.object].name.lower()
    if words[-1] != "of":
        # "a supporter has his face painted" -/-> "his face has a supporter"; a place phrase
        # ("on the side of") is no having: "a house on the side of a window" is false
        return words[-1] in _HAVING and (part_of(a, b) or part_of(b, a))
    for name, obj in ((a, r.subject), (b, r.object)):
        slot = surface.slots.get(obj)
        if (name.split() or [""])[-1] in REPRESENTATION_NOUNS or thing_class(name) not in ("concrete", "animate") \
                or (slot is not None and surface.tokens[slot.name[1] - 1].upos == "PROPN"):
            return True
    return len(words) == 1 and (part_of(a, b) or part_of(b, a))


# Predicates of having: between a whole and its part, either way round says the same.
_HAVING = frozenset({"with", "have", "has", "having", "had"})
_NO_SWAP = frozenset({"during", "for", "since", "until", "till", "from", "about", "than", "like",
                      "as", "per", "via", "including", "except", "despite", "throughout"})


def no_noun(name: str) -> bool:
    """A one-word name English knows only as an adjective or an adverb, neither WordNet nor
    lemminflect as a noun ("clockwise", "beautiful"; not "advert", a gerund or a verb's noun): the
    tagger read it as a thing, and moved it leaves "clockwise are rotating"."""
    words = name.split()
    if len(words) != 1 or object_category(name) is not None or noun_class(name) is not None:
        return False                               # a noun of WordNet ("bar", "advert")
    forms = all_lemmas(words[0].lower())
    return bool(forms) and set(forms) <= {"ADJ", "ADV"}


def distributed(surface: Surface, k: int) -> bool:
    """The caption writes relation k's preposition once after a coordination of nouns and the
    graph gives it to each conjunct ("green leaves and ribbons on a light background": the leaves,
    the ribbons or the whole pattern may be on it). Swapping a conjunct that another stands
    between it and the preposition reorders a list ("with a light background and ribbons on green
    leaves") rather than roles; a verb's subjects stay ("a bench and a woman sitting on a man")."""
    if not surface.caption:
        return False
    pred = surface.preds.get(k)
    r = surface.graph.relations[k]
    if pred is None or r.subject not in surface.slots:
        return False
    toks = surface.tokens
    first = toks[pred[0]]
    subj = surface.slots[r.subject].name[1] - 1
    if first.upos != "ADP" or not 0 <= first.head < len(toks) or toks[first.head].upos not in ("NOUN", "PROPN"):
        return False
    return any(t.dep == "conj" and conjoined(surface, subj, t.i) for t in toks[subj + 1:pred[0]])


def _coordinated(surface: Surface, slot) -> bool:
    """The slot's noun is a conjunct of a coordination ("shoppers and visitors")."""
    toks = surface.tokens
    head = slot.name[1] - 1
    return toks[head].dep == "conj" or any(t.dep == "conj" and t.head == head for t in toks[head + 1:])


def in_list(surface: Surface, slot) -> bool:
    """The noun phrase is an item of a list of three or more ("our breakfast room, foyer and dining
    room", "Timberlake, Wilson, Snoop and Pharrell posed on the red carpet"): moved alone it breaks
    the list ("sharing our breakfast room recently added to some fun touches, foyer and dining
    room"). Two conjuncts move ("an infant chimpanzee chewing on seeds and nuts" -> "nuts chewing
    on seeds and an infant chimpanzee")."""
    if not surface.caption:
        return False
    toks = surface.tokens
    head = first_conjunct(toks, slot.name[1] - 1)
    members, frontier = 1, [head]
    if toks[head].dep == "appos" and any(t.dep == "conj" and t.head == head for t in toks):
        members += 1                                # "money, a tip and receipt": the head item before the comma
    while frontier and members < 3:
        h = frontier.pop()
        for t in toks[h + 1:]:
            if t.head == h and (t.dep == "conj" or (t.dep == "appos" and any(   # "room, foyer and dining room"
                    u.dep == "conj" and u.head == t.i for u in toks[t.i + 1:]))):
                members += 1
                frontier.append(t.i)
    return members >= 3


def _np_attrs(surface: Surface, obj: int) -> set[int]:
    key = ("np_attrs", obj)
    found = surface.memo.get(key)
    if found is None:
        np = surface.slots[obj].np
        found = surface.memo[key] = {k for k, s in surface.attrs.get(obj, []) if inside(s, np)}
    return found


def _swapped_np_desc(surface: Surface, into: int, frm: int) -> Desc:
    """Object at ``into``'s position after the noun phrases of ``into`` and ``frm`` are exchanged:
    attributes inside a noun phrase travel with it, predicative ones stay."""
    g = surface.graph
    o_into, o_frm = g.objects[into], g.objects[frm]
    travel = {o_frm.attributes[k] for k in _np_attrs(surface, frm)}
    inner = _np_attrs(surface, into)
    stay = {a for k, a in enumerate(o_into.attributes) if k not in inner}
    return (o_frm.name, frozenset(travel | stay), o_frm.quantity, o_frm.plural)


def bare_singular(surface: Surface, obj: int) -> bool:
    """A singular count noun written without determiner, number or possessor ("stag", "man" in
    "man playing the saxophone"; not "snow", "gold" or a name)."""
    slot = surface.slots[obj]
    o = surface.graph.objects[obj]
    if slot.plural or o.quantity or number_class(o.name) or number_class(surface.span_text(slot.name).lower()) \
            or stuff(o.name):
        return False
    toks = surface.tokens
    if any(t.upos in ("DET", "NUM", "PRON") or t.tag in ("PRP$", "POS", "CD") for t in toks[slot.np[0]:slot.name[0]]):
        return False
    head = toks[slot.name[1] - 1]
    capital = head.text[:1].isupper() and not (slot.np[0] == slot.name[1] - 1 and surface.is_sentence_start(head.i)
                                               and noun_class(o.name) is not None)     # "Woman", not "Sarava"
    return head.upos == "NOUN" and not capital and attribute_category(o.name) is None


def stuff(name: str) -> bool:
    """A noun read as stuff when bare, by WordNet: first a substance, or a cereal ("sorghum being
    carried after harvest" -/-> "harvest being carried after a sorghum"; "dew", "oil")."""
    first, classes = noun_class(name), noun_classes(name)
    if first == "substance":
        return not classes & {"artifact", "object"}         # "a large silver exhaust" is a pipe too
    return first in ("plant", "food") and is_a(name, "cereal")


def _moved_np(surface: Surface, frm: int, into: int) -> Optional[list[Piece]]:
    """Object ``frm``'s noun phrase for ``into``'s place. A bare singular moved after a verb or a
    preposition reads as the head of a compound ("a bath taking stag" ~ a bath-taking stag) or
    drops its article ("the premiere at actor"): a thing moves with "a"/"an" ("a bath taking a
    stag"), anything else not at all ("a calculator is using work", "ring saving life")."""
    pieces = moved(surface, surface.slots[frm].np)
    start = surface.slots[into].np[0]
    if start > 0 and surface.tokens[start - 1].upos == "DET":
        return None                                # "at a window turning": the article outside the phrase
    if start > 0 and not surface.is_sentence_start(start) and bare_singular(surface, frm):
        name = surface.graph.objects[frm].name
        if object_category(name) is None and noun_class(name) not in _THINGS:
            return None
        pieces = [Piece(indefinite_article(pieces[0].text), None, " "), *pieces]
    return pieces


_THINGS = CONCRETE_CLASSES | ANIMATE_CLASSES


def dressed_in(surface: Surface, k: int) -> bool:
    """Relation k is "in" and its subject a plural or a stuff ("diamonds in a thin band", "red
    flowers in a green vase"): after "in" it reads as what the other is made, set or dressed in
    ("a thin band in diamonds", "a vase in red flowers"), which may be true."""
    r = surface.graph.relations[k]
    pred = surface.preds.get(k)
    words = (surface.span_text(pred) if pred is not None else r.predicate).lower().split()
    if words[-1:] != ["in"]:
        return False
    slot = surface.slots[r.subject]
    return phrase_plural(surface, slot) or slot.plural or number_class(surface.graph.objects[r.subject].name) == "mass"


def pp_reordered(surface: Surface, k: int) -> bool:
    """Relation k's subject is itself the object of a preposition right before it, and its own
    preposition follows it ("disabled person on a mobility scooter on the pavement"): the swap
    only reorders two place phrases of one head ("... on the pavement on a mobility scooter"),
    which say the same of it; so does a positive that chains them ("warning sign next to cliffs on
    the beach" -/-> "next to the beach on cliffs")."""
    r = surface.graph.relations[k]
    sa, pred = surface.slots[r.subject], surface.preds.get(k)
    toks = surface.tokens
    return pred is not None and sa.np[0] > 0 and toks[sa.np[0] - 1].upos == "ADP" and pred[0] == sa.np[1] \
        and all(t.upos == "ADP" for t in toks[pred[0]:pred[1]])


# An occasion by the WordNet class of its first sense (a show, a gala, a fire), which a place is the
# setting of "at" or "during"; and the light or weather a place is "in" (morning light, fog).
_OCCASION_CLASSES = frozenset({"act", "event", "communication", "process"})
_CONDITIONS = frozenset("""light sunlight sunshine moonlight daylight lighting twilight shade shadow shadows fog mist
haze rain snow darkness glow sunset sunrise dusk dawn""".split())


def one_setting(surface: Surface, k: int) -> bool:
    """Relation k places a thing at an occasion or in a light, neither end a person or an animal
    ("a model walks the runway at the fashion show", "a fire broke out at a temple", "Bixby Bridge
    in morning light"): the place is where the occasion is, so "the fashion show at the runway",
    "a temple at a fire", "morning light in Bixby Bridge" say the same.  Not "on" ("the walk on
    the sand dune" -> "the sand dune on the walk" is false)."""
    g = surface.graph
    r = g.relations[k]
    pred = surface.preds.get(k)
    words = (surface.span_text(pred) if pred is not None else r.predicate).lower().split()
    if len(words) != 1 or words[0] not in ("at", "during", "in"):
        return False                               # "city to rise at exhibition": the verb's subject moves
    names = [g.objects[o].name for o in (r.subject, r.object)]
    if any(thing_class(n) == "animate" for n in names):
        return False
    if words[0] == "in":
        return any((n.lower().split() or [""])[-1] in _CONDITIONS for n in names)
    return any(noun_class(n) in _OCCASION_CLASSES for n in names)


def participle_compound(surface: Surface, k: int, sa, into_a, into_b) -> bool:
    """Relation k's verb is a bare participle right after its subject ("ladies enjoying the food"),
    the swap puts nothing like a determiner after the verb ("the food enjoying ladies", "toast making
    group of the young friends"): read as "the food-enjoying ladies", "a toast-making group", it says
    what the caption says."""
    pred = surface.preds.get(k)
    if pred is None or pred[0] != sa.np[1] or not surface.tokens[pred[1] - 1].text.lower().endswith("ing"):
        return False
    first = surface.tokens[into_b[0].origin] if into_b and into_b[0].origin is not None else None
    if first is None:
        return False
    if first.upos == "PROPN" or (first.text[:1].isupper() and into_b[0].text[:1].isupper()):
        return False                               # "a rebound grabbing Auburn Hills": a name heads no compound
    # a quantity ("group of the young friends") heads a compound like a noun; an article does not
    return not (first.upos in ("NUM", "PRON") or first.tag in ("PRP$", "POS", "CD")
                or first.upos == "DET" and first.text.lower() in DETERMINERS)


# Words that open a noun phrase after a verb ("making the group"), not a compound.
DETERMINERS = ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS | OTHER_DETERMINERS | QUANTIFIERS | {"several"}


def _bare(surface: Surface, slot) -> bool:
    """The caption writes the object's noun phrase bare (an article of our own aside)."""
    return not any((t.upos in ("DET", "NUM", "PRON") or t.tag in ("PRP$", "POS", "CD")) and t.dep != OWN_ARTICLE
                   for t in surface.tokens[slot.np[0]:slot.name[0]])


def noun_verb(surface: Surface, k: int, sa, sb) -> bool:
    """Relation k's verb stands right after a bare subject, before a bare object, and is written
    as a noun too, and does not agree as a verb with a singular subject ("Lobster felt red
    decoration", "necklace set in grey"): in a string of bare nouns it is likelier a noun of a
    product title than a verb, and the swap garbles the title ("Red decoration felt lobster");
    "cowboys drive cattle" and "dog chases cat" are verbs."""
    pred = surface.preds.get(k)
    if pred is None or pred[0] != sa.np[1] or not (_bare(surface, sa) and _bare(surface, sb)):
        return False
    v = surface.tokens[pred[0]]
    word = v.text.lower()
    head = sa.name[1] - 1
    if surface.tokens[head].upos == "PROPN" and not surface.is_sentence_start(head):
        return False                               # a team or a person: "Sale Sharks beat Exeter"
    return v.upos == "VERB" and v.tag != "VBZ" and not phrase_plural(surface, sa) and not word.endswith("ing") \
        and word in all_lemmas(word).get("NOUN", ())


# WordNet classes of a bare noun after "in" that reads as what a thing is made of or a state it is
# in ("a desk in rosewood", "goes up in flames"), not a place.
_IN_STATE_CLASSES = frozenset({"substance", "plant", "process", "event", "state"})
# Words that may stand right before a moved noun phrase: the frame stays well-formed around it.
_FRAME_UPOS = frozenset({"ADP", "DET", "PUNCT", "CCONJ", "SCONJ", "AUX", "PART", "PRON", "ADV", "INTJ", "X", "SYM"})


def stranded(surface: Surface, k: int, sa, sb) -> bool:
    """A content word outside both phrases and the predicate stands right before one of them ("salted
    fish at a market", "pirates baseball player standing on the field"): it modifies or governs that
    phrase, and the swap leaves it on the other ("salted a market at a fish", "pirates the field")."""
    pred = surface.preds.get(k)
    toks = surface.tokens
    for slot in (sa, sb):
        s = slot.np[0]
        if s == 0 or (pred is not None and pred[0] <= s - 1 < pred[1]):
            continue
        t = toks[s - 1]
        if t.upos == "VERB":
            if not any(u.head == t.i and u.i != t.i and (u.dep.startswith("nsubj") or u.tag == "TO") for u in toks):
                return True                        # "salted fish", "pirates baseball player": no clause of its own
        elif t.upos not in _FRAME_UPOS:
            return True
    return False


def clause_bound(surface: Surface, k: int, sa, sb) -> bool:
    """The swap makes a verb's subject of a noun that its clause does not let it head: the predicate
    spans an infinitive ("woman climbing into the saddle to go horseback riding" -/-> "... to go a
    woman"), its verb has a coordinated verb the subject also heads ("employees leave the premises
    and walk across the parking lot" -/-> "the parking lot leaves ... and walk"), or the verb stands
    bare between two bare nouns ("people playing chess" -/-> "a chess playing people", a compound)."""
    pred = surface.preds.get(k)
    if pred is None:
        return False
    toks = surface.tokens
    words = toks[pred[0]:pred[1]]
    verbs = {t.i for t in words if t.upos in ("VERB", "AUX")}
    head = (surface.graph.objects[surface.graph.relations[k].object].name.split() or [""])[-1].lower()
    if any(t.tag == "TO" and t.head in verbs for t in toks) and gerund(head):
        return True                                # "to go horseback riding": an activity, no thing
    if phrase_plural(surface, sa) != phrase_plural(surface, sb) and any(
            t.dep == "conj" and t.upos == "VERB" and t.tag in ("VB", "VBP", "VBZ") and (t.head in verbs or t.i in verbs)
            for t in toks):                        # "leave ... and walk": the second verb keeps its number
        return True
    return pred[0] == sa.np[1] and pred[1] == sb.np[0] and words[-1].tag in ("VBG", "VBN") and _bare(surface, sa) \
        and phrase_plural(surface, sa) and _bare(surface, sb) and not sb.plural


def physical_ends(surface: Surface, k: int) -> bool:
    """Both ends of relation k are things one can point at: a curated object, a name or CC3M's word for
    one ("tourist attraction"), or a noun whose first WordNet sense is an artefact, a person, an animal, a
    plant, a body part, food, a natural object, a stuff, a place, a group, a printed thing or a
    phenomenon.  Swapping a place's, a style's or an idea's role ("the island is on a calm bay",
    "american style is in a dream catcher", "surprises are based around the concept") rarely makes a
    clean falsehood: 60% of such swaps were valid, 80% of those between things (CC3M and web
    alt-text, heldout15-20; 80% and 95% of Visual Genome's)."""
    g = surface.graph
    r = g.relations[k]
    for o in (r.subject, r.object):
        name = g.objects[o].name.lower()
        first = noun_class(name)
        if object_category(name) is not None or first in _PHYSICAL_CLASSES or name.rsplit(" ", 1)[-1] in PLACEHOLDERS:
            continue
        head = surface.tokens[surface.slots[o].name[1] - 1] if o in surface.slots else None
        if head is not None and (head.upos == "PROPN" or first is None and head.text[:1].isupper()):
            continue                               # a name is someone or somewhere: "Exeter beat Sale Sharks"
        return False
    return True


# Things, places, groups, printed things ("pages", "a sign": WordNet's first sense of many is the message) and
# what light and weather show ("their reflection in the water", "smoke", "a rainbow").
_PHYSICAL_CLASSES = CONCRETE_CLASSES | {"location", "group", "communication", "phenomenon"}


def near_symmetric(surface: Surface, k: int) -> bool:
    """Predicates whose ends barely trade roles: "in" before a bare stuff, plant, process or
    state, what a thing is made of or undergoes ("a desk in rosewood", "goes up in flames": "rosewood
    in a desk" and "flames go up in the pub" say the same)."""
    g = surface.graph
    r = g.relations[k]
    words = _predicate_words(surface, k)
    if not words:
        return False
    if words[-1] != "in":
        return False
    sb = surface.slots.get(r.object)
    if sb is None or not _bare(surface, sb) or surface.tokens[sb.name[1] - 1].upos == "PROPN":
        return False
    name = g.objects[r.object].name
    return bool(noun_classes(name) & _IN_STATE_CLASSES) or number_class(name) == "mass"


def relation_swaps(surface: Surface, rng: random.Random) -> Iterator[Candidate]:
    """Every relation swap, relations in random order, each object pair swapped once."""
    g = surface.graph
    rels = list(surface.relations)
    shuffle(rng, rels)
    done: set[tuple[int, int]] = set()
    for k in rels:
        r = g.relations[k]
        a, b = r.subject, r.object
        if a == b or (min(a, b), max(a, b)) in done or stated_symmetrically(surface, k) or _unswappable(surface, k) \
                or not physical_ends(surface, k):
            continue
        sa, sb = surface.slots.get(a), surface.slots.get(b)
        if sa is None or sb is None or not (sa.whole and sb.whole) or overlap(sa.np, sb.np):
            continue                               # unmentioned, cut at a possessor, or nested
        if no_noun(g.objects[a].name) or no_noun(g.objects[b].name) or denied(surface, a) or denied(surface, b):
            continue                               # "rotates clockwise" -/-> "clockwise are rotating ..."
        if in_idiom(surface, sa) or in_idiom(surface, sb) or g.objects[a].name in PREP_NOUNS \
                or g.objects[b].name in PREP_NOUNS or colour_name(g.objects[a].name) or colour_name(g.objects[b].name):
            continue                               # "hard at work using a calculator", "the back on cap", "on white"
        if across_separator(surface, sa.np, sb.np) or glued(surface, sa.np) or glued(surface, sb.np) \
                or keyword_string(surface) or truncated(surface):
            continue                               # keyword lists and titles: "Middleton in sale"
        if continued(surface, sa.np) or continued(surface, sb.np):
            continue                               # "Household in change | spending", "the 500 victory | Emma"
        if of_bound(surface, sa.name) or of_bound(surface, sb.name) or chained(surface, sa.np) \
                or chained(surface, sb.np):
            continue                               # "a tree of branches", "private keep out a tree"
        pred = surface.preds.get(k)
        if pred is not None and (overlap(pred, sa.np) or overlap(pred, sb.np)):
            continue
        if distributed(surface, k) or in_list(surface, sa) or in_list(surface, sb):
            continue                               # "green leaves and ribbons on a light background"
        if surface.span_text(sa.np).lower() == surface.span_text(sb.np).lower() \
                or (g.objects[a].name.lower() == g.objects[b].name.lower()
                    and not (_np_attrs(surface, a) or _np_attrs(surface, b))):
            continue                               # "a dog chasing a dog", "some students teaching our students"
        if stranded(surface, k, sa, sb) or clause_bound(surface, k, sa, sb) or near_symmetric(surface, k):
            continue                               # "salted fish", "to go horseback riding", "desk in rosewood"
        if not changes_graph(surface, {a: _swapped_np_desc(surface, a, b), b: _swapped_np_desc(surface, b, a)}):
            continue
        into_a, into_b = _moved_np(surface, b, a), _moved_np(surface, a, b)
        if into_a is None or into_b is None:
            continue
        if dressed_in(surface, k):
            continue                               # "diamonds in a band" -/-> "a band in diamonds"
        if noun_verb(surface, k, sa, sb):
            continue                               # "Lobster felt red decoration": felt is the stuff
        if pp_reordered(surface, k):
            continue                               # "a person on a scooter on the pavement": both say it
        if one_setting(surface, k):
            continue                               # "the runway at the fashion show": the show is there
        if participle_compound(surface, k, sa, into_a, into_b):
            continue                               # "the food enjoying ladies": the food-enjoying ladies
        reps = [Replacement(sa.np, into_a), Replacement(sb.np, into_b)]
        pa, pb = phrase_plural(surface, sa), phrase_plural(surface, sb)
        if pa != pb:                               # "two dogs are chasing a cat" -> "a cat is chasing two dogs",
            for verbs, plural, slot in ((sa.agree, pb, sa), (sb.agree, pa, sb)):   # "slices of pizza are" -> "the table is"
                if _coordinated(surface, slot):    # the verb agrees with the coordination the moved noun joins:
                    continue                       # "tourist attraction and visitors crowd shoppers"
                for v in verbs:
                    if not (inside((v, v + 1), sa.np) or inside((v, v + 1), sb.np)):
                        tok = surface.tokens[v]
                        reps.append(Replacement((v, v + 1), [Piece(agree_verb(tok, plural), v, tok.ws)]))
        cand = make_candidate(surface, "relation_swap", reps)
        if cand:
            done.add((min(a, b), max(a, b)))
            yield cand
