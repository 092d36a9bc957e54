"""Positives: sub-graphs of the caption's scene graph realised as short captions.

Sub-graphs are an object with its attributes ("a red car"), a relation with
its objects' attributes ("a red car next to a blue house") and two-relation
chains ("a man riding an elephant next to a tree").  Each is realised with
one of several templates ("a red car" / "the car is red" / "a car that is
red") from the caption's own words, so number and spelling follow the
caption.  Each realisation is a ``Surface`` so negatives can perturb it.

A positive must be true of the caption and fluent, so what cannot be realised
that way is not realised (precision before recall): see ``nounphrase`` (names
and compounds kept whole, attributes the caption asserts) and ``frames`` (verb
frames, tense and aspect).  Templates with "is" are used only where English
allows them ("the car is red", never "the coach is football" or "a player is
during the game"); a chain joins two relations only as one phrase the caption
could have written ("a man watching tv in the living room", "snow blowing
across a path at night"), never "and" before a place phrase.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import partial
from typing import Callable, NamedTuple, Optional, Sequence

from ..lexicon.of_heads import quantity_is_plural
from ..lexicon.taxonomy import happening
from ..lexicon.words import TIME_NOUNS
from ..schemas.depview import DepToken, children_index
from ..schemas.graph import SceneGraph, SGObject
from ..schemas.record import Positive
from .bare_nouns import bare_article, bare_count
from .determiners import determiner
from .frames import DIRECTION_PREPS, NO_COPULA_PREPS, Predicate, realise_predicate
from .nounphrase import NounPhrase, analyse
from .realise import (OWN_ARTICLE, PhraseBuilder, Surface, agree_verb_text, indefinite_article, is_pronoun, noun_form,
                      text_key, verb_form)
from .sampling import below, shuffle

POSITIVE_ORDER = ("relation", "object", "chain")
_MAX_SPAN_WORDS = 3           # longer attribute spans are realised from their lemmas
_MAX_NAME_WORDS = 5           # longer names are realised from their lemmas


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


# after these (and a space) a writer starts with a capital without the word being a name
SEGMENT_OPENERS = frozenset((":", ";", "|", "-", "--", "\u2013", "\u2014", '"', "\u201c", "(", "[", "!", "?", "."))


def _surface_words(ctx: Context, span, fallback: str, limit: int = _MAX_SPAN_WORDS) -> list[tuple[str, str]]:
    """(text, ws) of caption tokens in span, the capital of a sentence- or segment-initial word
    dropped ("facial tissue: Young woman ..." -> "the woman is young")."""
    doc = ctx.doc
    if span is None or not (0 <= span[0] < span[1] <= len(doc)) or _word_count(doc, span) > limit:
        return [(w, " ") for w in fallback.split()]
    out = []
    for t in doc[span[0]:span[1]]:
        text = t.text
        if ((t.i == 0 or doc[t.i - 1].sent != t.sent or doc[t.i - 1].text in SEGMENT_OPENERS and doc[t.i - 1].ws)
                and t.upos != "PROPN" and not (len(text) > 1 and text.isupper())):
            text = text[:1].lower() + text[1:]
        out.append((text, t.ws))
    return out


def _word_count(doc: Sequence[DepToken], span) -> int:
    """Words as written: "E-Z" is one word of three tokens."""
    return 1 + sum(1 for t in doc[span[0]:span[1] - 1] if t.ws)


def noun_phrase(ctx: Context, idx: int) -> NounPhrase:
    """What of object idx's mention may be realised (once per caption)."""
    key = ("nounphrase", idx)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = analyse(ctx.doc, ctx.kids, ctx.graph, idx)
    return found


def _name_words(ctx: Context, o: SGObject, np: NounPhrase) -> list[tuple[str, str]]:
    span = np.name
    if span is not None and is_pronoun(ctx.doc[span[1] - 1]):
        span = None                                    # "they" -> "people"
    words = _surface_words(ctx, span, noun_form(o.name, o.plural), _MAX_NAME_WORDS)
    if span is not None and np.after:
        words[-1] = (words[-1][0], " ")
        words += [(ctx.doc[k].text, ctx.doc[k].ws) for k in np.after]     # "Playstation 4"
    return words


def _np_words(ctx: Context, idx: int, definite: bool, attributes: bool) -> tuple:
    """(determiner words, [(attribute index, words)], name words) of an object's noun phrase;
    an object is realised in several sub-graphs and templates of one caption, so once per caption."""
    key = ("np", idx, definite, attributes)
    words = ctx.memo.get(key)
    if words is None:
        o = ctx.graph.objects[idx]
        np = noun_phrase(ctx, idx)
        attr_words = [(k, _surface_words(ctx, s, o.attributes[k])) for k, s in np.attrs] if attributes else []
        name = _name_words(ctx, o, np)
        first = attr_words[0][1][0][0] if attr_words else name[0][0]
        # without its attributes the phrase is their subject: the counted things, not the quantity
        # ("a pile of old books" -> "the books are old", not "pile of books that is old")
        words = ctx.memo[key] = (determiner(ctx, o, np, definite, first, quantity=attributes), attr_words, name)
    return words


def _add_np(b: PhraseBuilder, ctx: Context, idx: int, definite: bool = False, attributes: bool = True,
            article: str = "") -> None:
    """``article``: what a noun the caption writes bare takes here (the phrase is ours: ``bare_nouns``)."""
    determiner, attr_words, name = _np_words(ctx, idx, definite, attributes)
    own = bool(article) and not determiner
    if own:
        determiner = [indefinite_article((attr_words[0][1] if attr_words else name)[0][0]) if article == "a" else article]
    start = len(b.tokens)
    for w in determiner:
        b.word(w, "DET", dep=OWN_ARTICLE if own else "dep")
    spans = []
    for k, words in attr_words:
        spans.append((k, b.words(words, "ADJ")))
    name_span = b.words(name, "NOUN")
    b.attrs[idx] = spans
    b.slot(idx, start, name_span, ctx.graph.objects[idx].plural)


def _object_article(ctx: Context, r_idx: int) -> str:
    """The article relation r_idx's object takes if the caption writes it bare: "a" after a "with" of
    our own ("olive tree with a branch" of "branch of olive tree"), else as ``bare_article`` says."""
    p, r = predicate_of(ctx, r_idx), ctx.graph.relations[r_idx]
    if p is None:
        return ""
    if r.predicate == "have" and [w[0] for w in p.words] == ["with"]:
        return "a" if bare_count(ctx.doc, ctx.graph.objects[r.object]) else ""
    return bare_article(ctx.doc, ctx.graph, r, noun_phrase(ctx, r.object).name, p.words)


def agrees_plural(ctx: Context, idx: int) -> bool:
    """The number a verb agrees with after object idx's noun phrase: its quantity head's when the
    quantity is written ("slices of pizza are", "a pile of books is")."""
    o = ctx.graph.objects[idx]
    if o.quantity and noun_phrase(ctx, idx).counted:
        return quantity_is_plural(o.quantity, o.plural)
    return o.plural


def _copula(b: PhraseBuilder, plural: bool) -> int:
    return b.word("are" if plural else "is", "AUX", "VBP" if plural else "VBZ", "be")


def _attr_list(b: PhraseBuilder, ctx: Context, idx: int) -> None:
    """Predicative attributes: "red", "big and red" (at most two, so no commas)."""
    o = ctx.graph.objects[idx]
    spans = []
    for n, (k, s) in enumerate(noun_phrase(ctx, idx).attrs):
        if n > 0:
            b.word("and", "CCONJ")
        spans.append((k, b.words(_surface_words(ctx, s, o.attributes[k]), "ADJ")))
    b.attrs[idx] = spans


def object_templates(ctx: Context, idx: int) -> int:
    """3 ("a red car", "the car is red", "a car that is red") when every attribute reads
    after "is", else 1; 0 when the object has nothing to realise."""
    np = noun_phrase(ctx, idx)
    if np.part or not np.attrs:
        return 0
    return 3 if np.predicable and len(np.attrs) <= 2 else 1


def realise_object(ctx: Context, idx: int, template: int) -> Surface:
    o = ctx.graph.objects[idx]
    b = PhraseBuilder(ctx.graph)
    if template == 0 or object_templates(ctx, idx) < 3:
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


def predicate_of(ctx: Context, r_idx: int) -> Optional[Predicate]:
    """Relation r_idx's predicate as the caption words it (``frames``); None when it cannot be
    realised truly (unasserted, or a tense that cannot be kept)."""
    key = ("predicate", r_idx)
    if key not in ctx.memo:
        ctx.memo[key] = realise_predicate(ctx.doc, ctx.kids, ctx.graph, r_idx)
    return ctx.memo[key]


def predicate_words(ctx: Context, r_idx: int) -> tuple[list[tuple], bool]:
    """Predicate as a participle/preposition phrase ("riding", "sitting on") and whether it has a verb."""
    p = predicate_of(ctx, r_idx)
    return (list(p.words), p.has_verb) if p is not None else ([], False)


def relation_templates(ctx: Context, r_idx: int) -> int:
    """2 ("a cat sitting on a table", "a cat is sitting on a table") or 1 where "is" does not
    fit: a tense kept from the caption, "with", a preposition of time, role or manner ("a
    player is during the game", "a hat is by a brand"), a time ("the city is at night")."""
    p = predicate_of(ctx, r_idx)
    if p is None:
        return 0
    if p.finite or not p.copula or p.words[0][0] == "with" or _number_unknown(ctx, ctx.graph.relations[r_idx].subject):
        return 1
    if not p.has_verb:
        obj = ctx.graph.objects[ctx.graph.relations[r_idx].object]
        first = p.words[0][0].lower()
        if (first in NO_COPULA_PREPS or len(p.words) == 1 and first in DIRECTION_PREPS
                or obj.name.lower() in TIME_NOUNS):          # "the city at night", not "the city is at night"
            return 1
    return 2


def _number_unknown(ctx: Context, idx: int) -> bool:
    """Object idx's head is a capitalised name word in -s the tagger calls singular ("hyrule
    Stationery Cards"): a verb cannot agree with it ("Cards features")."""
    o = ctx.graph.objects[idx]
    if o.span is None or not 0 < o.span[1] <= len(ctx.doc):
        return False
    head = ctx.doc[o.span[1] - 1]
    return head.tag == "NNP" and not o.plural and head.text[-1:] == "s" and head.text[-2:] not in ("ss", "us", "is")


def _add_predicate(b: PhraseBuilder, ctx: Context, r_idx: int, words, agree: int) -> None:
    start = len(b.tokens)
    b.preds[r_idx] = b.words(_alone_agreement(ctx, ctx.graph.relations[r_idx].subject, words, agree), "ADP")
    if agree >= 0:
        b.set_agree(ctx.graph.relations[r_idx].subject, start + agree)


def _alone_agreement(ctx: Context, subject: int, words, agree: int):
    """The predicate's words with its agreeing verb re-inflected for a subject taken out of a
    coordination: "the brother and the sister have arranged a fight" -> "the sister has arranged"
    (the caption's verb agrees with both; a subject that is no conjunct keeps the caption's verb)."""
    o = ctx.graph.objects[subject]
    if agree < 0 or o.span is None:
        return words
    head = o.span[1] - 1
    if ctx.doc[head].dep != "conj" and not any(ctx.doc[k].dep == "conj" for k in ctx.kids[head]):
        return words
    text, ws, lemma, upos, tag = words[agree]
    plural = agrees_plural(ctx, subject)
    new = agree_verb_text(text, tag, plural)
    if new == text:
        return words
    if tag in ("VBZ", "VBP"):
        tag = "VBP" if plural else "VBZ"
    return [*words[:agree], (new, ws, lemma, upos, tag), *words[agree + 1:]]


# Quantities of a thing named in pairs or sets: "the pocket of a pair of jeans" is the jeans' pocket.
PAIR_WORDS = frozenset({"pair", "set"})


def written_of(ctx: Context, r_idx: int) -> bool:
    """A "have" the caption writes "X of Y" ("the tip of a canoe"): realised in its words, since
    "Y with X" reads oddly of a part ("a canoe with the tip") and reverses roles where the "of"
    is misread ("the trailer of corn" -/-> "corn with the trailer")."""
    r = ctx.graph.relations[r_idx]
    p = predicate_of(ctx, r_idx)
    owned, owner = ctx.graph.objects[r.object].span, ctx.graph.objects[r.subject].span
    if p is None or r.predicate != "have" or [w[0] for w in p.words] != ["with"] or owned is None or owner is None:
        return False
    doc = ctx.doc
    return owned[1] < owner[0] and doc[owned[1]].text.lower() == "of" and all(
        doc[k].upos in ("DET", "PRON", "ADJ", "NUM", "ADV") or doc[k].tag == "VBN"
        or doc[k].text.lower() in PAIR_WORDS and doc[k + 1].text.lower() == "of"        # "of a pair of jeans"
        or doc[k].text.lower() == "of" and doc[k - 1].text.lower() in PAIR_WORDS
        for k in range(owned[1] + 1, owner[0]))                   # "of a partially demolished building"


def realise_relation(ctx: Context, r_idx: int, template: int) -> Surface:
    r = ctx.graph.relations[r_idx]
    b = PhraseBuilder(ctx.graph)
    if written_of(ctx, r_idx):                           # "the tip of a canoe"
        _add_np(b, ctx, r.object)
        b.preds[r_idx] = b.words([("of", " ", "of", "ADP", "IN")], "ADP")
        _add_np(b, ctx, r.subject)
        b.relations.append(r_idx)
        return b.build()
    _add_np(b, ctx, r.subject)
    p = predicate_of(ctx, r_idx)
    assert p is not None, "realise_relation on a relation without a predicate"
    words, agree = list(p.words), p.agree
    if template == 1 and relation_templates(ctx, r_idx) == 2:
        plural = agrees_plural(ctx, r.subject)
        if p.stative:                                    # "a costume includes wings"
            k = next(j for j, w in enumerate(words) if w[3] == "VERB")
            tag = "VBP" if plural else "VBZ"
            words[k] = (verb_form(words[k][2], tag), words[k][1], words[k][2], "VERB", tag)
            agree = k
        else:                                            # "a cat is sitting on a table"
            b.set_agree(r.subject, _copula(b, plural))
    _add_predicate(b, ctx, r_idx, words, agree)
    _add_np(b, ctx, r.object, article=_object_article(ctx, r_idx))
    b.relations.append(r_idx)
    return b.build()


def _order_key(ctx: Context, r_idx: int) -> tuple[int, int]:
    """Where relation r_idx's object stands in the caption (chains follow the caption's order)."""
    o = ctx.graph.objects[ctx.graph.relations[r_idx].object]
    p = predicate_of(ctx, r_idx)
    return (o.span[0] if o.span is not None else 1 << 30, p.first if p is not None else 1 << 30)


def _after_shared(p1: Predicate, p2: Predicate) -> list[tuple]:
    """p2's words after those it shares with p1 ("blowing across" / "blowing at": "at")."""
    n = 0
    while n < min(len(p1.words), len(p2.words)) and p1.words[n][0] == p2.words[n][0]:
        n += 1
    return list(p2.words[n:])


def _conjoined(ctx: Context, r1: int, r2: int) -> bool:
    """The objects of r1 and r2 are conjuncts in the caption ("a dress and matching wings")."""
    g = ctx.graph
    o1, o2 = g.objects[g.relations[r1].object], g.objects[g.relations[r2].object]
    if o1.span is None or o2.span is None:
        return False
    k, h1 = o2.span[1] - 1, o1.span[1] - 1
    for _ in range(8):
        t = ctx.doc[k]
        if t.dep != "conj" or t.head == k:
            return False
        k = t.head
        if k == h1:
            return True
    return False


def _conjunction(ctx: Context, r1: int, r2: int) -> str:
    """The word the caption joins r1's and r2's objects with: "a ring or buoy" stays "or"."""
    g = ctx.graph
    o2 = g.objects[g.relations[r2].object]
    if o2.span is not None:
        for k in ctx.kids[ctx.doc[o2.span[1] - 1].head]:
            if ctx.doc[k].dep == "cc" and ctx.doc[k].text.lower() in ("or", "and", "nor", "&"):
                return ctx.doc[k].text.lower()
    return "and"


def chain_plan(ctx: Context, r1: int, r2: int) -> Optional[tuple[int, int, str]]:
    """(first, second, how) for a two-relation chain, or None when no fluent phrase joins them.

    ``continue``: the second relation starts from the first one's object ("a man riding an
    elephant next to a tree"); ``merge``: both share the caption's verb ("snow blowing across a
    path at night"); ``and``: two verb phrases of one subject ("a man holding a cup and wearing
    a hat"); ``adjacent``: the second phrase follows the first one's object in the caption ("a
    man watching tv in the living room"), the only way a place phrase joins a verb phrase."""
    g = ctx.graph
    a, c = g.relations[r1], g.relations[r2]
    p1, p2 = predicate_of(ctx, r1), predicate_of(ctx, r2)
    if p1 is None or p2 is None or written_of(ctx, r1) or written_of(ctx, r2):
        return None
    if c.subject == a.object:
        return None if p2.finite else (r1, r2, "continue")
    if c.subject != a.subject:
        return None
    if _order_key(ctx, r2) < _order_key(ctx, r1):
        r1, r2, p1, p2 = r2, r1, p2, p1
    if p1.verb >= 0 and p1.verb == p2.verb:
        # the shared verb is said once: with the second phrase's own preposition, or joining
        # two objects the caption conjoins ("including a dress and matching wings")
        if _after_shared(p1, p2) or _conjoined(ctx, r1, r2):
            return r1, r2, "merge"
        return None
    o1 = g.objects[g.relations[r1].object]
    if p2.first >= 0 and o1.span is not None and p2.first - (p2.agree >= 0) == o1.span[1]:
        return r1, r2, "adjacent"
    if p1.has_verb and p2.has_verb and p1.finite == p2.finite and p1.first >= 0 and p2.first >= 0:
        return r1, r2, "and"
    return None


def realise_chain(ctx: Context, r1: int, r2: int, template: int = 0) -> Surface:
    """Two relations as one phrase, as ``chain_plan`` joins them."""
    plan = chain_plan(ctx, r1, r2)
    assert plan is not None, "realise_chain on relations no phrase joins"
    first, second, how = plan
    g = ctx.graph
    a, c = g.relations[first], g.relations[second]
    p1, p2 = predicate_of(ctx, first), predicate_of(ctx, second)
    assert p1 is not None and p2 is not None
    b = PhraseBuilder(ctx.graph)
    _add_np(b, ctx, a.subject)
    _add_predicate(b, ctx, first, p1.words, p1.agree)
    _add_np(b, ctx, a.object, article=_object_article(ctx, first))
    words = list(p2.words)
    if how == "merge":                                  # the shared verb is said once
        words = _after_shared(p1, p2)
        if not words:
            b.word(_conjunction(ctx, first, second), "CCONJ")
            b.preds[second] = b.preds[first]
    elif how == "and":
        b.word("and", "CCONJ")
    if words:
        _add_predicate(b, ctx, second, words, p2.agree if how == "and" else -1)
    _add_np(b, ctx, c.object, article=_object_article(ctx, second))
    b.relations.extend([first, second])
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


def _valid_relation(ctx: Context, r_idx: int) -> bool:
    """Relation r_idx can be realised: two named objects, each a whole mention (not the
    modifier of a compound), and a predicate the caption asserts in a tense we can keep."""
    g = ctx.graph
    r = g.relations[r_idx]
    if not (r.subject != r.object and 0 <= r.subject < len(g.objects) and 0 <= r.object < len(g.objects)
            and _named(g.objects[r.subject]) and _named(g.objects[r.object])):
        return False
    subj, obj = noun_phrase(ctx, r.subject), noun_phrase(ctx, r.object)
    if subj.part or obj.part or subj.negated:
        return False
    p = predicate_of(ctx, r_idx)
    if subj.abstract and not (p is not None and p.has_verb and happening(g.objects[r.subject].name)):
        return False                               # "service behind the bar"; an event may act:
        #                                            "an explosion tore through the building"
    if p is None or obj.abstract and not (p.has_verb or p.words[-1][0].lower() in SETTING_PREPS):
        return False                               # "shells by the handful", "a fan of win"
    return not obj.negated or p.words[-1][0].lower() == "without"


# Prepositions that place a thing in a time or an occasion it is part of ("the city at night",
# "players during the game", "a couple in love"); other prepositions before a time, an act or an
# idea name something the picture does not show ("after an early morning blaze", "by the handful").
SETTING_PREPS = frozenset({"at", "during", "in", "on", "throughout"})


def _realise_chain_any(ctx: Context, r1: int, r2: int, template: int) -> Surface:
    return realise_chain(ctx, r1, r2)               # a chain has one template


def _realise_object_bare(ctx: Context, idx: int, template: int) -> Surface:
    return realise_object(ctx, idx, 0)              # a bare object has one template


def enumerate_subgraphs(ctx: Context) -> dict[str, list[SubGraph]]:
    """All candidate sub-graphs by kind (realisation is deferred until sampled)."""
    g = ctx.graph
    out: dict[str, list[SubGraph]] = {k: [] for k in POSITIVE_ORDER}
    for i, o in enumerate(g.objects):
        np = noun_phrase(ctx, i)
        if o.attributes and _named(o) and not (np.negated or np.unasserted or np.abstract):
            n = object_templates(ctx, i)
            if n:
                out["object"].append(SubGraph("object", (i,), (), n, partial(realise_object, ctx, i)))
    rels = [k for k in range(len(g.relations)) if _valid_relation(ctx, k)]
    for k in rels:
        r = g.relations[k]
        out["relation"].append(SubGraph("relation", (r.subject, r.object), (k,), relation_templates(ctx, k),
                                        partial(realise_relation, ctx, k)))
    for k1 in rels:
        a = g.relations[k1]
        for k2 in rels:
            c = g.relations[k2]
            if k1 == k2 or c.object in (a.subject, a.object):
                continue
            if (c.subject == a.object or (c.subject == a.subject and k1 < k2)) and chain_plan(ctx, k1, k2):
                objs = tuple(dict.fromkeys((a.subject, a.object, c.subject, c.object)))
                out["chain"].append(SubGraph("chain", objs, (k1, k2), 1,
                                             partial(_realise_chain_any, ctx, k1, k2)))
    return out


def bare_objects(ctx: Context) -> list[SubGraph]:
    """Objects with no attribute to realise ("a car"): filler positives when nothing richer
    exists; never the modifier of a compound ("tourist" of "tourist attraction"), a thing the
    caption says is absent or only the object of an unasserted verb, a day ("yesterday"), a
    time, act or idea no picture shows ("the week", "the handful", "win"), or a phrase whose
    modifiers could not be kept whole ("Top 5 things" -/-> "5 things")."""
    out = []
    for i, o in enumerate(ctx.graph.objects):
        np = noun_phrase(ctx, i)
        if _named(o) and not (np.part or np.negated or np.unasserted or np.attrs or np.abstract or np.trimmed) \
                and o.name.lower() not in DEICTIC_TIMES:
            out.append(SubGraph("object", (i,), (), 1, partial(_realise_object_bare, ctx, i)))
    return out


# Times that are no thing in the picture.
DEICTIC_TIMES = frozenset({"yesterday", "today", "tonight", "tomorrow", "now"})


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
