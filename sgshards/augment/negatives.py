"""Hard negatives: minimal token edits of a positive that change its scene graph.

Every generator takes a ``Surface`` (the caption's own tokens or a realised
sub-graph) and returns candidate negatives made with ``rewrite``; nothing
here edits strings.  Swaps are kept only when the swapped scene graph
differs from the original (a symmetric relation, or two objects with the
same attributes, would make the swap a paraphrase).
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Iterator, Mapping, Optional

from ..schemas.graph import Span
from ..schemas.record import Edit
from ..lexicon.lemmas import verb_lemma
from .realise import Piece, Replacement, Surface, agree_verb, fresh, moved, noun_form, rewrite, verb_form
from .vocab import (
    MASS_NOUNS, PLURAL_ONLY, PREP_CONTRAST_MAX, PREP_CONTRASTS, PREP_INNER_OK, VERB_CONTRASTS,
    _attribute_alternatives, attribute_category, attribute_groups, below, canonical_relation, choose,
    is_symmetric, _object_alternatives, object_category, object_groups, same_group, sensitive_pair, shuffle,
)

PER_TYPE = 2        # candidates kept per type and positive (augment passes fewer for sub-graphs)


@dataclass
class Candidate:
    text: str
    type: str
    edits: list[Edit]


Counts = Optional[Mapping[str, Mapping[str, int]]]

# --------------------------------------------------------------------------- graph signatures

Desc = tuple            # (name, frozenset(attributes), quantity, plural)


def _descs(surface: Surface) -> dict[int, Desc]:
    objects = surface.graph.objects
    descs = {}
    for i in surface.objects:
        o = objects[i]
        descs[i] = (o.name, frozenset(o.attributes), o.quantity, o.plural)
    return descs


def _signature(surface: Surface, descs: Mapping[int, Desc]) -> Counter:
    """The surface's graph as a multiset; symmetric relations are unordered."""
    g = surface.graph
    sig: Counter = Counter(("obj", d) for d in descs.values())
    for k in surface.relations:
        r = g.relations[k]
        if r.subject not in descs or r.object not in descs:
            continue
        s, o = descs[r.subject], descs[r.object]
        if is_symmetric(r.predicate):
            sig[("sym", r.predicate, frozenset((s, o)), s == o)] += 1
        else:
            cs, cp, co = canonical_relation(s, r.predicate, o)
            sig[("rel", cp, cs, co)] += 1
    return sig


def _graph_facts(surface: Surface) -> tuple[dict[int, Desc], list[tuple[int, str, int, bool, tuple]]]:
    """Object descriptions and (subject, predicate, object, symmetric, signature entry) relations,
    once per surface."""
    facts = surface.memo.get("graph_facts")
    if facts is None:
        descs = _descs(surface)
        g = surface.graph
        rels = []
        for r in (g.relations[k] for k in surface.relations):
            if r.subject in descs and r.object in descs:
                symmetric = is_symmetric(r.predicate)
                entry = _relation_entry(descs[r.subject], r.predicate, descs[r.object], symmetric)
                rels.append((r.subject, r.predicate, r.object, symmetric, entry))
        facts = surface.memo["graph_facts"] = (descs, rels)
    return facts


def _relation_entry(s: Desc, predicate: str, o: Desc, symmetric: bool) -> tuple:
    if symmetric:
        return ("sym", predicate, frozenset((s, o)), s == o)
    cs, cp, co = canonical_relation(s, predicate, o)
    return ("rel", cp, cs, co)


def _changes_graph(surface: Surface, new_descs: Mapping[int, Desc]) -> bool:
    """The edited graph differs from the original (no paraphrase) and puts no colour on a person."""
    if any(sensitive_pair(d[0], d[1]) for d in new_descs.values()):
        return False
    old, rels = _graph_facts(surface)
    merged = {**old, **new_descs}
    if not new_descs.keys() <= old.keys():
        return _signature(surface, old) != _signature(surface, merged)
    # The signatures differ exactly when the entries of the edited objects and their
    # relations differ (everything else is shared): compare only those, as multisets
    # (plain dicts of positive counts: equal exactly when the Counters would be).
    before: dict = {}
    after: dict = {}
    e: tuple
    for i, d in new_descs.items():
        e = ("obj", old[i])
        before[e] = before.get(e, 0) + 1
        e = ("obj", d)
        after[e] = after.get(e, 0) + 1
    for s, p, o, symmetric, e in rels:
        if s in new_descs or o in new_descs:
            before[e] = before.get(e, 0) + 1
            e = _relation_entry(merged[s], p, merged[o], symmetric)
            after[e] = after.get(e, 0) + 1
    return before != after


def _inside(span: Span, outer: Span) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _make(surface: Surface, kind: str, reps: list[Replacement]) -> Optional[Candidate]:
    out = rewrite(surface, reps)
    if out is None or out[0] == surface.text or not out[1]:
        return None
    return Candidate(out[0], kind, out[1])


# --------------------------------------------------------------------------- swaps

def _adjectival(surface: Surface, span: Span, attr: str) -> bool:
    return attribute_category(attr) is not None or all(t.upos == "ADJ" for t in surface.tokens[span[0]:span[1]])


def attribute_swap(surface: Surface, rng: random.Random, counts: Counts = None,
                   limit: int = PER_TYPE) -> list[Candidate]:
    """Exchange one attribute of each of two objects, on the surface's own tokens."""
    return list(islice(iter_attribute_swap(surface, rng, counts), limit))


def iter_attribute_swap(surface: Surface, rng: random.Random, counts: Counts = None) -> Iterator[Candidate]:
    """``attribute_swap`` one candidate at a time: all random draws happen before the first."""
    g = surface.graph
    pairs = []
    objs = [i for i in surface.objects if surface.attrs.get(i)]
    for x, a in enumerate(objs):
        for b in objs[x + 1:]:
            oa, ob = g.objects[a], g.objects[b]
            for ka, sa in surface.attrs[a]:
                for kb, sb in surface.attrs[b]:
                    va, vb = oa.attributes[ka], ob.attributes[kb]
                    if va == vb or va in ob.attributes or vb in oa.attributes or _overlap(sa, sb):
                        continue
                    if surface.span_text(sa).lower() == surface.span_text(sb).lower():
                        continue
                    if not (_adjectival(surface, sa, va) and _adjectival(surface, sb, vb)):
                        continue                   # "holding", "only": parser slips, not properties
                    ca, cb = attribute_category(va, oa.name), attribute_category(vb, ob.name)
                    same = ca is not None and cb is not None and ca[0] == cb[0]
                    pairs.append((not same, rng.random(), a, ka, sa, b, kb, sb))
    pairs.sort()                                   # same-category swaps first, then random
    for _, _, a, ka, sa, b, kb, sb in pairs:
        oa, ob = g.objects[a], g.objects[b]
        va, vb = oa.attributes[ka], ob.attributes[kb]
        new_a = (oa.name, (frozenset(oa.attributes) - {va}) | {vb}, oa.quantity, oa.plural)
        new_b = (ob.name, (frozenset(ob.attributes) - {vb}) | {va}, ob.quantity, ob.plural)
        if not _changes_graph(surface, {a: new_a, b: new_b}):
            continue
        cand = _make(surface, "attribute_swap", [Replacement(sa, moved(surface, sb)),
                                                 Replacement(sb, moved(surface, sa))])
        if cand:
            yield cand


def _np_attrs(surface: Surface, obj: int) -> set[int]:
    key = ("np_attrs", obj)
    found = surface.memo.get(key)
    if found is None:
        np = surface.slots[obj].np
        found = surface.memo[key] = {k for k, s in surface.attrs.get(obj, []) if _inside(s, np)}
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


def relation_swap(surface: Surface, rng: random.Random, counts: Counts = None,
                  limit: int = PER_TYPE) -> list[Candidate]:
    """Exchange subject and object noun phrases of an asymmetric relation."""
    return list(islice(iter_relation_swap(surface, rng, counts), limit))


def iter_relation_swap(surface: Surface, rng: random.Random, counts: Counts = None) -> Iterator[Candidate]:
    """``relation_swap`` one candidate at a time: all random draws happen before the first."""
    g = surface.graph
    rels = list(surface.relations)
    shuffle(rng, rels)
    done: set[tuple[int, int]] = set()
    for k in rels:
        r = g.relations[k]
        a, b = r.subject, r.object
        if is_symmetric(r.predicate) or a == b or (min(a, b), max(a, b)) in done:
            continue
        sa, sb = surface.slots.get(a), surface.slots.get(b)
        if sa is None or sb is None or not (sa.whole and sb.whole) or _overlap(sa.np, sb.np):
            continue
        pred = surface.preds.get(k)
        if pred is not None and (_overlap(pred, sa.np) or _overlap(pred, sb.np)):
            continue
        if pred is not None and is_symmetric(surface.span_text(pred)):
            continue                               # written symmetrically: "have" realised as "with"
        if surface.span_text(sa.np).lower() == surface.span_text(sb.np).lower():
            continue                               # "a dog chasing a dog"
        if not _changes_graph(surface, {a: _swapped_np_desc(surface, a, b), b: _swapped_np_desc(surface, b, a)}):
            continue
        reps = [Replacement(sa.np, moved(surface, sb.np)), Replacement(sb.np, moved(surface, sa.np))]
        if sa.plural != sb.plural:                 # "two dogs are chasing a cat" -> "a cat is chasing two dogs"
            for verbs, plural in ((sa.agree, sb.plural), (sb.agree, sa.plural)):
                for v in verbs:
                    if not (_inside((v, v + 1), sa.np) or _inside((v, v + 1), sb.np)):
                        tok = surface.tokens[v]
                        reps.append(Replacement((v, v + 1), [Piece(agree_verb(tok, plural), v, tok.ws)]))
        cand = _make(surface, "relation_swap", reps)
        if cand:
            done.add((min(a, b), max(a, b)))
            yield cand


def _name_for(surface: Surface, frm: int, plural: bool, like: Span) -> list[Piece]:
    """Object ``frm``'s name for a slot of number ``plural``: its own tokens, re-inflected if needed."""
    slot = surface.slots[frm]
    if slot.plural == plural:
        return moved(surface, slot.name)
    return fresh(surface, noun_form(surface.graph.objects[frm].name, plural), like)


def _noun_slots(surface: Surface) -> list[int]:
    """Objects whose mention is a common noun (not a name, gerund or mis-tagged word)."""
    found = surface.memo.get("noun_slots")
    if found is None:
        found = surface.memo["noun_slots"] = [i for i in surface.objects if i in surface.slots
                                              and surface.tokens[surface.slots[i].name[1] - 1].upos == "NOUN"]
    return list(found)                  # callers shuffle it


def _bare_singular(surface: Surface, obj: int) -> bool:
    """A singular noun written without determiner or number: mass ("coffee") or headline style."""
    slot = surface.slots[obj]
    return not slot.plural and slot.np[0] == slot.name[0] and not surface.graph.objects[obj].attributes \
        and not surface.graph.objects[obj].quantity


def _modifiers(surface: Surface, slot) -> tuple[str, ...]:
    """Words of the noun phrase before the name, articles normalised ("an old" ~ "a old")."""
    words = [t.text.lower() for t in surface.tokens[slot.np[0]:slot.name[0]]]
    return tuple("a" if w == "an" else w for w in words)


@lru_cache(maxsize=1 << 14)
def _number_class(name: str) -> str:
    """"plural" (only plural: "shorts"), "mass" ("snow") or "" for a noun or its head."""
    head = name.split()[-1]
    if name in PLURAL_ONLY or head in PLURAL_ONLY:
        return "plural"
    if name in MASS_NOUNS or head in MASS_NOUNS:
        return "mass"
    return ""


def _fits(surface: Surface, slot, name: str) -> bool:
    """The noun can stand in the slot's number: no "a snow"/"red snows", no "a shorts"."""
    number = _number_class(name)
    if number == "plural":
        return slot.plural
    if number == "mass":
        det = surface.tokens[slot.np[0]].text.lower() if slot.np[0] < slot.name[0] else ""
        return not slot.plural and det not in ("a", "an") and not surface.graph.objects[slot.obj].quantity
    return True


def _related_pairs(surface: Surface) -> set[frozenset]:
    """{subject, object} of each relation the surface states."""
    pairs = surface.memo.get("related")
    if pairs is None:
        g = surface.graph
        pairs = surface.memo["related"] = {frozenset((g.relations[k].subject, g.relations[k].object))
                                           for k in surface.relations}
    return pairs


def object_swap(surface: Surface, rng: random.Random, counts: Counts = None,
                limit: int = PER_TYPE) -> list[Candidate]:
    """Exchange two object nouns; their determiners, numbers and attributes stay in place."""
    return list(islice(iter_object_swap(surface, rng, counts), limit))


def iter_object_swap(surface: Surface, rng: random.Random, counts: Counts = None) -> Iterator[Candidate]:
    """``object_swap`` one candidate at a time: all random draws happen before the first."""
    g = surface.graph
    objs = _noun_slots(surface)
    pairs = [(a, b) for x, a in enumerate(objs) for b in objs[x + 1:]]
    shuffle(rng, pairs)
    # pairs linked by a relation or both in the curated vocabulary first: concrete, visual swaps
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
        if oa.name == ob.name or _overlap(sa.name, sb.name) or same_group(oa.name, ob.name):
            continue
        if _bare_singular(surface, a) != _bare_singular(surface, b):   # "a cup of coffee" -/-> "a coffee of cup"
            continue
        if not (_fits(surface, sa, ob.name) and _fits(surface, sb, oa.name)):
            continue
        if _modifiers(surface, sa) == _modifiers(surface, sb) and sa.plural == sb.plural:
            continue                               # same text as swapping the whole phrases: relation_swap's

        new = {a: (ob.name, frozenset(oa.attributes), oa.quantity, oa.plural),
               b: (oa.name, frozenset(ob.attributes), ob.quantity, ob.plural)}
        if not _changes_graph(surface, new):
            continue
        cand = _make(surface, "object_swap", [Replacement(sa.name, _name_for(surface, b, sa.plural, sa.name)),
                                              Replacement(sb.name, _name_for(surface, a, sb.plural, sb.name))])
        if cand:
            yield cand


# --------------------------------------------------------------------------- replacements

def attribute_replace(surface: Surface, rng: random.Random, counts: Counts = None,
                      limit: int = PER_TYPE) -> list[Candidate]:
    """Replace an attribute by one of another group of its category (red -> blue, big -> small)."""
    g = surface.graph
    items = [(a, k, s) for a in surface.objects for k, s in surface.attrs.get(a, [])]
    shuffle(rng, items)
    out = []
    for a, k, span in items:
        o = g.objects[a]
        if sensitive_pair(o.name, [o.attributes[k]]):
            continue
        # no alternative in a group of, or equal to, any of the object's attributes (``same_group``)
        groups = frozenset().union(*map(attribute_groups, o.attributes))
        words = {x.lower() for x in o.attributes}
        alts = [w for w in _attribute_alternatives(o.attributes[k], o.name)
                if w.lower() not in words and groups.isdisjoint(attribute_groups(w))]
        if not alts:
            continue
        new = choose(alts, rng, "attribute", counts)
        cand = _make(surface, "attribute_replace", [Replacement(span, fresh(surface, new, span))])
        if cand:
            out.append(cand)
        if len(out) >= limit:
            break
    return out


def _lowered(surface: Surface) -> list[str]:
    """The surface's token texts, lowercased (once per surface)."""
    lower = surface.memo.get("lower")
    if lower is None:
        lower = surface.memo["lower"] = [t.text.lower() for t in surface.tokens]
    return lower


def _relation_options(surface: Surface, k: int) -> list[tuple[Span, list[str]]]:
    """(token span, contrasting replacements) inside relation k's predicate span."""
    g = surface.graph
    span = surface.preds.get(k)
    if span is None:
        return []
    toks = surface.tokens
    lower = _lowered(surface)
    obj_cat = object_category(g.objects[g.relations[k].object].name)
    opts = []
    i = span[0]
    while i < span[1]:
        hit = None
        for n in range(min(PREP_CONTRAST_MAX, span[1] - i), 0, -1):
            key = tuple(lower[i:i + n])
            if key in PREP_CONTRASTS:
                hit = (key, n)
                break
        t = toks[i]
        if hit:
            key, n = hit
            # "a woman in a dress" is wearing, not location; "on" alone in "on the side of" is not the relation
            if key in PREP_INNER_OK:                # never "from right to left" -> "from right to right"
                words = set(lower[span[0]:span[1]])
                inner = any(w in words for w in PREP_CONTRASTS[key])
            else:
                inner = i + n < span[1]
            if not inner and not (key == ("in",) and obj_cat is not None and obj_cat[0] == "clothing"):
                opts.append(((i, i + n), list(PREP_CONTRASTS[key])))
            i += n
            continue
        lemma = verb_lemma(t.text.lower()) if t.tag.startswith("VB") else ""
        if t.upos in ("VERB", "ADP") and lemma in VERB_CONTRASTS:
            opts.append(((i, i + 1), [verb_form(v, t.tag) for v in VERB_CONTRASTS[lemma]]))
        i += 1
    return opts


def relation_replace(surface: Surface, rng: random.Random, counts: Counts = None,
                     limit: int = PER_TYPE) -> list[Candidate]:
    """Replace a predicate word by a contrasting one (on -> under, holding -> dropping)."""
    options = [(k, span, alts) for k in surface.relations for span, alts in _relation_options(surface, k)]
    shuffle(rng, options)
    out = []
    seen: set[Span] = set()
    for k, span, alts in options:
        if span in seen:                           # relations sharing a predicate ("sit on" twice)
            continue
        seen.add(span)
        new = alts[below(rng, len(alts))]
        cand = _make(surface, "relation_replace", [Replacement(span, fresh(surface, new, span))])
        if cand:
            out.append(cand)
        if len(out) >= limit:
            break
    return out


@lru_cache(maxsize=1 << 14)
def _replacement_nouns(name: str) -> tuple[tuple[str, frozenset, str], ...]:
    """The name's alternatives with their groups and number class (``_fits`` only restricts
    "plural"/"mass" nouns): constant tables, so once per name rather than per object."""
    return tuple((w, object_groups(w), _number_class(w)) for w in _object_alternatives(name))


def object_replace(surface: Surface, rng: random.Random, counts: Counts = None,
                   limit: int = PER_TYPE) -> list[Candidate]:
    """Replace an object noun by one of another group of its category (dog -> cat, never puppy/animal)."""
    g = surface.graph
    present = {grp for o in g.objects for grp in object_groups(o.name)} | {o.name for o in g.objects}
    objs = _noun_slots(surface)
    shuffle(rng, objs)
    out = []
    for a in objs:
        slot = surface.slots[a]
        o = g.objects[a]
        alts = [w for w, groups, number in _replacement_nouns(o.name)
                if w not in present and present.isdisjoint(groups) and (not number or _fits(surface, slot, w))]
        if not alts:
            continue
        new = choose(alts, rng, "object", counts)
        cand = _make(surface, "object_replace",
                     [Replacement(slot.name, fresh(surface, noun_form(new, slot.plural), slot.name))])
        if cand:
            out.append(cand)
        if len(out) >= limit:
            break
    return out


GENERATORS: dict[str, Callable[[Surface, random.Random, Counts, int], list[Candidate]]] = {
    "attribute_swap": attribute_swap,
    "relation_swap": relation_swap,
    "attribute_replace": attribute_replace,
    "relation_replace": relation_replace,
    "object_replace": object_replace,
    "object_swap": object_swap,
}


# For ``augment``: swaps make their random draws up front and are then walked lazily, only as
# far as the selection consumes them; replacements draw while they search, so they stay eager
# (a lazy walk would move their draws after other types' and change the sampled negatives).
LAZY_GENERATORS: dict[str, Callable[[Surface, random.Random, Counts, int], Iterable[Candidate]]] = {
    "attribute_swap": lambda s, rng, counts, limit: islice(iter_attribute_swap(s, rng, counts), limit),
    "relation_swap": lambda s, rng, counts, limit: islice(iter_relation_swap(s, rng, counts), limit),
    "attribute_replace": attribute_replace,
    "relation_replace": relation_replace,
    "object_replace": object_replace,
    "object_swap": lambda s, rng, counts, limit: islice(iter_object_swap(s, rng, counts), limit),
}


def candidates(surface: Surface, types: Iterable[str], rng: random.Random,
               counts: Counts = None, limit: int = PER_TYPE) -> dict[str, list[Candidate]]:
    """Up to ``limit`` candidate negatives of one positive, by type."""
    return {t: GENERATORS[t](surface, rng, counts, limit) for t in types}
