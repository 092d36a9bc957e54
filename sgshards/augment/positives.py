"""Positives: sub-graphs of the caption's scene graph realised as short captions.

Sub-graphs are an object with its attributes ("a red car"), a relation with
its objects' attributes ("a red car next to a blue house") and two-relation
chains ("a man riding an elephant next to a tree").  Each is realised with
one of several templates ("a red car" / "the car is red" / "a car that is
red") from the caption's own words, so number and spelling follow the
caption.  Each realisation is a ``Surface`` so negatives can perturb it.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, NamedTuple, Optional, Sequence

from ..schemas.depview import DepToken, children_index
from ..schemas.graph import SceneGraph, SGObject
from ..schemas.record import Positive
from .realise import (PhraseBuilder, Surface, indefinite_article, is_pronoun, noun_form, text_key,
                      verb_form)
from ..lexicon.lemmas import all_lemmas, verb_lemma
from .sampling import below, shuffle
from .vocab import MASS_NOUNS

POSITIVE_ORDER = ("relation", "object", "chain")
_MAX_SPAN_WORDS = 3           # longer attribute/predicate spans are realised from their lemmas


@dataclass
class Context:
    """What realisation needs from the parsed caption."""
    doc: Sequence[DepToken]
    graph: SceneGraph
    kids: list[list[int]]
    memo: dict = field(default_factory=dict, repr=False, compare=False)   # phrases reused across templates

    @classmethod
    def of(cls, doc: Sequence[DepToken], graph: SceneGraph) -> "Context":
        return cls(doc, graph, children_index(doc))


def _surface_words(ctx: Context, span, fallback: str) -> list[tuple[str, str]]:
    """(text, ws) of caption tokens in span, sentence-initial word lowercased."""
    doc = ctx.doc
    if span is None or not (0 <= span[0] < span[1] <= len(doc)) or span[1] - span[0] > _MAX_SPAN_WORDS:
        return [(w, " ") for w in fallback.split()]
    out = []
    for t in doc[span[0]:span[1]]:
        text = t.text
        if (t.i == 0 or doc[t.i - 1].sent != t.sent) and t.upos != "PROPN" and not (len(text) > 1 and text.isupper()):
            text = text[:1].lower() + text[1:]
        out.append((text, t.ws))
    return out


def _name_words(ctx: Context, o: SGObject) -> list[tuple[str, str]]:
    span = o.span
    if span is not None and span[1] <= len(ctx.doc) and is_pronoun(ctx.doc[span[1] - 1]):
        span = None                                    # "they" -> "people"
    return _surface_words(ctx, span, noun_form(o.name, o.plural))


def _determiner(ctx: Context, o: SGObject, definite: bool, next_word: str) -> list[str]:
    """Follow the caption: "a" where it says a/an, "the" for other determiners, none where
    it has none ("man holds white surfboard", mass nouns)."""
    if o.quantity:
        return o.quantity.split()
    indefinite = not o.plural
    if o.span is not None and o.span[1] <= len(ctx.doc):
        head = ctx.doc[o.span[1] - 1]
        if head.upos == "PROPN":
            return []
        dets = [ctx.doc[k].text.lower() for k in ctx.kids[head.i] if ctx.doc[k].dep in ("det", "poss", "predet")]
        if not dets:   # "the planet mars" with "the" on "planet" (mars tagged a verb): the span's own
            dets = [ctx.doc[k].text.lower() for j in range(o.span[0], o.span[1] - 1) for k in ctx.kids[j]
                    if ctx.doc[k].dep in ("det", "predet") and k < o.span[0]]
        if not dets:
            return ["the"] if definite else []
        indefinite = indefinite and dets[0] in ("a", "an")
    elif o.name in MASS_NOUNS:                       # no caption words ("red haired"): "red hair"
        indefinite = False
    if definite or not indefinite:
        return ["the"] if definite or not o.plural and o.span is not None else []
    return [indefinite_article(next_word)]


def _np_words(ctx: Context, idx: int, definite: bool, attributes: bool) -> tuple:
    """(determiner words, [(attribute index, words)], name words) of an object's noun phrase;
    an object is realised in several sub-graphs and templates of one caption, so once per caption."""
    key = ("np", idx, definite, attributes)
    words = ctx.memo.get(key)
    if words is None:
        o = ctx.graph.objects[idx]
        attr_words = [(k, _surface_words(ctx, s, a)) for k, (a, s) in enumerate(
            zip(o.attributes, o.attribute_spans or [None] * len(o.attributes)))] if attributes else []
        name = _name_words(ctx, o)
        first = attr_words[0][1][0][0] if attr_words else name[0][0]
        words = ctx.memo[key] = (_determiner(ctx, o, definite, first), attr_words, name)
    return words


def _add_np(b: PhraseBuilder, ctx: Context, idx: int, definite: bool = False, attributes: bool = True) -> None:
    o = ctx.graph.objects[idx]
    determiner, attr_words, name = _np_words(ctx, idx, definite, attributes)
    start = len(b.tokens)
    for w in determiner:
        b.word(w, "DET")
    spans = []
    for k, words in attr_words:
        spans.append((k, b.words(words, "ADJ")))
    name_span = b.words(name, "NOUN")
    b.attrs[idx] = spans
    b.slot(idx, start, name_span, o.plural)


def _copula(b: PhraseBuilder, plural: bool) -> int:
    return b.word("are" if plural else "is", "AUX", "VBP" if plural else "VBZ", "be")


def _attr_list(b: PhraseBuilder, ctx: Context, idx: int) -> None:
    """Predicative attributes: "red", "big and red" (at most two, so no commas)."""
    o = ctx.graph.objects[idx]
    spans = []
    n = len(o.attributes)
    for k, (a, s) in enumerate(zip(o.attributes, o.attribute_spans or [None] * n)):
        if k > 0:
            b.word("and", "CCONJ")
        spans.append((k, b.words(_surface_words(ctx, s, a), "ADJ")))
    b.attrs[idx] = spans


def realise_object(ctx: Context, idx: int, template: int) -> Surface:
    o = ctx.graph.objects[idx]
    b = PhraseBuilder(ctx.graph)
    if not o.attributes or len(o.attributes) > 2 or template == 0:
        _add_np(b, ctx, idx)
    elif template == 1:                                  # "the car is red"
        _add_np(b, ctx, idx, definite=True, attributes=False)
        b.set_agree(idx, _copula(b, o.plural))
        _attr_list(b, ctx, idx)
    else:                                                # "a car that is red"
        _add_np(b, ctx, idx, attributes=False)
        b.word("that", "PRON")
        b.set_agree(idx, _copula(b, o.plural))
        _attr_list(b, ctx, idx)
    return b.build()


def predicate_words(ctx: Context, r_idx: int) -> tuple[list[tuple], bool]:
    """Predicate as a participle/preposition phrase ("riding", "sitting on") and whether it has a verb.

    Caption tokens of the relation span minus auxiliaries and stray adverbs;
    finite and passive verbs become -ing forms ("rides" -> "riding").
    """
    key = ("predicate", r_idx)
    words = ctx.memo.get(key)
    if words is None:
        words = ctx.memo[key] = _predicate_words(ctx, r_idx)
    return words


def _predicate_words(ctx: Context, r_idx: int) -> tuple[list[tuple], bool]:
    r = ctx.graph.relations[r_idx]
    doc = ctx.doc
    pred_words = set(r.predicate.lower().split())
    if r.predicate == "have":
        return [("with", " ")], False
    head, _, rest = r.predicate.partition(" ")
    if head in NOUN_PREDICATES:                       # (boy, trick on, skateboard): "doing a trick on"
        return ([("doing", " ", "do", "VERB", "VBG"), ("a", " "), (head, " ")]
                + [(w, " ") for w in rest.split()]), True
    subj = ctx.graph.objects[r.subject]
    out: list[tuple] = []
    has_verb = False
    if r.span is not None and 0 <= r.span[0] < r.span[1] <= len(doc) and r.span[1] - r.span[0] <= 6:
        span = doc[r.span[0]:r.span[1]]
        # predicate words only (the span may run over an object's phrase); a determiner inside
        # a multiword preposition stays: "to the left of"
        kept = [t.upos != "AUX" and bool(_lemmas(t) & pred_words) for t in span]
        for k in range(1, len(span) - 1):
            if span[k].upos == "DET" and kept[k - 1] and kept[k + 1]:
                kept[k] = True
        found = {w for t, keep in zip(span, kept) if keep for w in _lemmas(t)}
        if not pred_words <= found:
            span = []                                 # fall back to the lemmas
        for t, keep in zip(span, kept):
            if not keep:
                continue
            text = t.text.lower() if t.upos != "PROPN" else t.text
            if t.upos == "VERB" or (t.tag.startswith("VB") and t.lemma.lower() in pred_words):
                has_verb = True
                passive = t.tag == "VBN" and subj.span is not None and subj.span[0] > t.i
                if t.tag != "VBG" and (t.tag != "VBN" or passive):
                    text = verb_form(verb_lemma(t.text.lower()), "VBG")
            tag = "VBG" if text != t.text.lower() and t.upos != "PROPN" else t.tag
            lemma = verb_lemma(t.text.lower()) if t.tag.startswith("VB") else t.lemma.lower()
            out.append((text, t.ws or " ", lemma, t.upos, tag))
    if not out:                                       # the predicate's lemmas: "wear" -> "wearing"
        words = r.predicate.split()
        if _is_verb(words[0]):
            out = [(verb_form(words[0], "VBG"), " ", words[0], "VERB", "VBG")]
            return out + [(w, " ") for w in words[1:]], True
        return [(w, " ") for w in words], False
    return out, has_verb


# Predicates headed by a noun (FACTUAL's "trick on"): realised as "doing a trick on".
NOUN_PREDICATES = frozenset({"trick", "stunt"})

# Words lemminflect also knows as verbs that head a predicate as prepositions.
_PREPOSITION_LIKE = frozenset({"near", "like", "past", "round", "down", "up", "over", "under", "behind",
                               "inside", "outside", "beside", "opposite", "top", "front", "back", "side"})


def _is_verb(word: str) -> bool:
    return word not in _PREPOSITION_LIKE and "VERB" in all_lemmas(word)


def _lemmas(t: DepToken) -> set[str]:
    low = t.text.lower()
    out = {low, t.lemma.lower()}
    if t.tag.startswith("VB"):
        out.add(verb_lemma(low))
    return out


def realise_relation(ctx: Context, r_idx: int, template: int) -> Surface:
    r = ctx.graph.relations[r_idx]
    b = PhraseBuilder(ctx.graph)
    _add_np(b, ctx, r.subject)
    pred, _ = predicate_words(ctx, r_idx)
    if template == 1 and pred[0][0] != "with":           # "a cat is sitting on a table"
        b.set_agree(r.subject, _copula(b, ctx.graph.objects[r.subject].plural))
    b.preds[r_idx] = b.words(pred, "ADP")
    _add_np(b, ctx, r.object)
    b.relations.append(r_idx)
    return b.build()


def realise_chain(ctx: Context, r1: int, r2: int, template: int = 0) -> Surface:
    """r2 continues from r1's object ("... an elephant next to a tree") or shares its subject ("... and")."""
    g = ctx.graph
    a, c = g.relations[r1], g.relations[r2]
    b = PhraseBuilder(ctx.graph)
    _add_np(b, ctx, a.subject)
    b.preds[r1] = b.words(predicate_words(ctx, r1)[0], "ADP")
    _add_np(b, ctx, a.object)
    if c.subject == a.subject:
        b.word("and", "CCONJ")
    b.preds[r2] = b.words(predicate_words(ctx, r2)[0], "ADP")
    _add_np(b, ctx, c.object)
    b.relations.extend([r1, r2])
    return b.build()


# --------------------------------------------------------------------------- enumeration

class SubGraph(NamedTuple):
    kind: str
    objects: tuple[int, ...]
    relations: tuple[int, ...]
    templates: int
    realise: Callable[[int], Surface]


def _named(o: SGObject) -> bool:
    return bool(o.name.strip())


def _valid_relation(g: SceneGraph, r_idx: int) -> bool:
    r = g.relations[r_idx]
    return (r.subject != r.object and 0 <= r.subject < len(g.objects) and 0 <= r.object < len(g.objects)
            and _named(g.objects[r.subject]) and _named(g.objects[r.object]))


def _realise_chain_any(ctx: Context, r1: int, r2: int, template: int) -> Surface:
    return realise_chain(ctx, r1, r2)               # a chain has one template


def _realise_object_bare(ctx: Context, idx: int, template: int) -> Surface:
    return realise_object(ctx, idx, 0)              # a bare object has one template


def enumerate_subgraphs(ctx: Context) -> dict[str, list[SubGraph]]:
    """All candidate sub-graphs by kind (realisation is deferred until sampled)."""
    g = ctx.graph
    out: dict[str, list[SubGraph]] = {k: [] for k in POSITIVE_ORDER}
    for i, o in enumerate(g.objects):
        if o.attributes and _named(o):
            out["object"].append(SubGraph("object", (i,), (), 3, partial(realise_object, ctx, i)))
    rels = [k for k in range(len(g.relations)) if _valid_relation(g, k)]
    for k in rels:
        r = g.relations[k]
        out["relation"].append(SubGraph("relation", (r.subject, r.object), (k,), 2,
                                        partial(realise_relation, ctx, k)))
    for k1 in rels:
        a = g.relations[k1]
        for k2 in rels:
            c = g.relations[k2]
            if k1 == k2 or c.object in (a.subject, a.object):
                continue
            if c.subject == a.object or (c.subject == a.subject and k1 < k2):
                objs = tuple(dict.fromkeys((a.subject, a.object, c.subject, c.object)))
                out["chain"].append(SubGraph("chain", objs, (k1, k2), 1,
                                             partial(_realise_chain_any, ctx, k1, k2)))
    return out


def bare_objects(ctx: Context) -> list[SubGraph]:
    """Objects without attributes ("a car"): filler positives when nothing richer exists."""
    return [SubGraph("object", (i,), (), 1, partial(_realise_object_bare, ctx, i))
            for i, o in enumerate(ctx.graph.objects) if not o.attributes and _named(o)]


def sample_positives(ctx: Context, caption: str, limit: int, rng: random.Random,
                     seen: Optional[set] = None) -> list[tuple[Positive, Optional[Surface]]]:
    """The caption, then up to ``limit`` distinct sub-graph positives, kinds taken in turn.
    ``seen``, when given, receives the text keys of the chosen positives."""
    seen = set() if seen is None else seen
    seen.add(text_key(caption))
    chosen: list[tuple[Positive, Optional[Surface]]] = [
        (Positive(caption, "caption", list(range(len(ctx.graph.objects))),
                  list(range(len(ctx.graph.relations)))), None)]
    pools = enumerate_subgraphs(ctx)
    for kind in POSITIVE_ORDER:
        shuffle(rng, pools[kind])
    filler = bare_objects(ctx)
    shuffle(rng, filler)
    queues = [pools[k] for k in POSITIVE_ORDER] + [filler]
    while len(chosen) <= limit and any(queues):
        for q in queues:
            if not q or len(chosen) > limit:
                continue
            # the filler only runs when all richer pools are empty
            if q is filler and any(queues[:-1]):
                continue
            sg = q.pop()
            first = below(rng, sg.templates)
            for t in range(sg.templates):           # another template when one repeats the caption
                surface = sg.realise((first + t) % sg.templates)
                key = text_key(surface.text)
                if key and key not in seen:
                    break
            else:
                continue
            seen.add(key)
            chosen.append((Positive(surface.text, sg.kind, list(sg.objects), list(sg.relations)), surface))
    return chosen
