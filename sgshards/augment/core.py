"""Glue: one parsed caption and its scene graph -> positives and hard negatives.

Deterministic: all sampling uses a ``random.Random`` seeded from a stable
hash of (key, seed), so a rerun writes byte-identical records.

Precision before recall: positives and negatives are built from the *trusted view* of the
graph, the elements whose calibrated confidence is at least ``min_confidence`` (an object
below it takes its attributes and relations with it).  The caption itself stays
``positives[0]``; no sub-graph positive states, and no negative edits, an element below the
threshold, so no negative negates a doubtful positive.
"""
from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field, replace
from typing import Generator, Iterator, Mapping, Optional, Sequence

from .. import defaults
from ..schemas.depview import DepToken, text_of
from ..schemas.graph import SceneGraph, SGObject
from ..schemas.record import NEGATIVE_TYPES, Negative, Positive
from ..text.scene_model import DEFAULT_PRIOR
from ..text.suitability import Verdict, verdict
from .guards import NOTHING, Excluded, excluded
from .positives import Context, sample_positives
from .negatives import GENERATORS, Candidate
from .negatives.last_resort import last_resort
from .negatives.present import share_caption_words
from .plausibility import select
from .realise import Surface, caption_surface, text_key, to_word_spans
from .sampling import shuffle


# Candidates generated per negative type: caption-level ones are preferred, sub-graph ones fill in.
CAPTION_CANDIDATES, SUBGRAPH_CANDIDATES = 2, 1
# ... and with plausible selection, the pool the blind scores choose from: several new words
# per replaced slot, so the word that fits the scene's context can be taken
PLAUSIBLE_CANDIDATES, PLAUSIBLE_DRAWS = (6, 2), 3
SELECTIONS = ("plausible", "uniform")


@dataclass(frozen=True)
class AugmentOptions:
    max_positives: int = defaults.MAX_POSITIVES      # sub-graph positives besides the caption itself
    max_negatives: int = defaults.MAX_NEGATIVES
    seed: int = defaults.SEED
    negative_types: tuple[str, ...] = NEGATIVE_TYPES
    # graph elements below this calibrated confidence are left out of positives and negatives
    min_confidence: float = defaults.MIN_CONFIDENCE
    # augment captions that describe no visible scene too (product listings, titles, ...: see
    # text.suitability); for ablations, the default writes them with only the caption as positive
    keep_unsuitable: bool = False
    # what the rules keep is skipped too when the learned P(scene) is below this (text.scene_model; 0: off)
    min_scene_score: float = defaults.MIN_SCENE_SCORE
    # the run's share of scenes among what the rules keep (text.scene_model.corpus_prior, from the balancing
    # pass); None: scene_model.DEFAULT_PRIOR
    scene_prior: Optional[float] = None
    # {"object"|"attribute"|"relation": {lemma: count}} from a first pass (vocab.count_graph)
    frequencies: Optional[Mapping[str, Mapping[str, int]]] = field(default=None, compare=False, hash=False)
    # "plausible": each type's negative is the candidate a text-only model can least tell from its
    # positive (plausibility.select), when ``blind`` is given; "uniform": the first valid draw
    selection: str = defaults.SELECTION
    # the run's blind models (plausibility.balance.BlindModels: ``.scorers(key, caption)``)
    blind: Optional[object] = field(default=None, compare=False, hash=False)

    def __post_init__(self):
        if self.selection not in SELECTIONS:
            raise ValueError(f"selection must be one of {', '.join(SELECTIONS)}, not {self.selection!r}")
        unknown = set(self.negative_types) - set(NEGATIVE_TYPES)
        if unknown:
            raise ValueError(f"unknown negative types: {sorted(unknown)}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be in [0, 1], not {self.min_confidence}")
        if not 0.0 <= self.min_scene_score < 1.0:
            raise ValueError(f"min_scene_score must be in [0, 1), not {self.min_scene_score}")
        if self.scene_prior is not None and not 0.0 < self.scene_prior < 1.0:
            raise ValueError(f"scene_prior must be in (0, 1), not {self.scene_prior}")


def seeded_rng(key: str, seed: int) -> random.Random:
    """A generator seeded from (key, seed) with hashlib (``hash()`` is salted per process)."""
    digest = hashlib.sha256(f"{seed}\x1f{key}".encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def skip_reason(doc: Sequence[DepToken], graph: SceneGraph,
                options: AugmentOptions = AugmentOptions(), caption: Optional[str] = None) -> Optional[str]:
    """Why the caption gets no sub-graph positives and no negatives (a reason of the outcomes
    catalogue, stage ``suitability``), or None: ``suitability``'s reason."""
    return suitability(doc, graph, options, caption).reason


def suitability(doc: Sequence[DepToken], graph: SceneGraph, options: AugmentOptions = AugmentOptions(),
                caption: Optional[str] = None) -> Verdict:
    """The gate's verdict (``text.suitability.verdict``): the skip reason or None (it describes a
    visible scene), and the scene score of a caption every rule keeps; ``options.keep_unsuitable``
    turns the gate off (no reason, no score).  ``caption``: as written, when ``doc`` parses its
    description (``text.site_labels``); the parsed text by default."""
    if options.keep_unsuitable:
        return Verdict(None, None)
    return verdict(caption if caption is not None else text_of(list(doc)), doc, graph, options.min_scene_score,
                   DEFAULT_PRIOR if options.scene_prior is None else options.scene_prior)


def augment(key: str, doc: Sequence[DepToken], graph: SceneGraph,
            options: AugmentOptions = AugmentOptions(), skipped: Optional[str] = None,
            original: Optional[str] = None) -> tuple[list[Positive], list[Negative]]:
    """One record's positives and negatives (``augment_steps``, its blind scores asked
    for alone)."""
    return finish_all([augment_steps(key, doc, graph, options, skipped, original)])[0]


# (scorers, texts): what a record waits for, the blind scores of its candidates (``select.ask``)
Request = tuple["select.Scorers", list[str]]
Steps = Generator[Request, "select.Answer", tuple[list[Positive], list[Negative]]]


def finish_all(steps: Sequence[Generator]) -> list:
    """Run each record's steps to their end and return what each returns, answering the
    requests of all records waiting at once in one batch per blind model (``select.ask_many``);
    the answers, so the records, are the same as one by one.  When the batch fails, each
    request is asked alone and a failing one is raised inside its own record's steps (which
    may catch it: one record rejected, not the batch); an uncaught exception propagates."""
    results: list = [None] * len(steps)
    waiting: dict[int, Request] = {}

    def advance(n: int, answer) -> None:
        try:
            waiting[n] = steps[n].throw(answer) if isinstance(answer, Exception) else steps[n].send(answer)
        except StopIteration as stop:
            results[n] = stop.value

    for n in range(len(steps)):
        advance(n, None)
    while waiting:
        asked, waiting = waiting, {}
        try:
            answers: list = select.ask_many(list(asked.values()))
            if len(answers) != len(asked):           # a record left unanswered would be lost
                raise ValueError(f"{len(answers)} answers to {len(asked)} requests")
        except Exception:  # noqa: BLE001 - find the culprit: each request alone
            answers = [_ask_alone(*request) for request in asked.values()]
        for n, answer in zip(asked, answers):
            advance(n, answer)
    return results


def _ask_alone(scorers: "select.Scorers", texts: list[str]):
    try:
        return select.ask(scorers, texts)
    except Exception as exc:  # noqa: BLE001 - raised in the record's own steps
        return exc


def augment_steps(key: str, doc: Sequence[DepToken], graph: SceneGraph,
                  options: AugmentOptions = AugmentOptions(), skipped: Optional[str] = None,
                  original: Optional[str] = None) -> Steps:
    """positives[0] is the caption; each Negative.positive indexes into the returned positives.

    Edit spans index the caption's parser tokens for caption-level negatives and the
    whitespace-separated words of the positive's text for sub-graph negatives.  A caption
    ``skipped`` as describing no scene (``skip_reason``) gets the caption alone.  ``original``:
    the caption as the corpus statistics counted it (the parsed text by default), which the
    blind models leave out when scoring this record's texts.

    A generator: it yields each request for blind scores (``Request``) and is sent the answer,
    so that a batch of records is scored together (``finish_all``); it returns (positives,
    negatives).
    """
    caption = text_of(list(doc))
    if skipped:                                      # the caption alone: no view, parse context or draw
        return [Positive(caption, "caption", list(range(len(graph.objects))), list(range(len(graph.relations))))], []
    rng = seeded_rng(key, options.seed)
    taken: set[str] = set()                          # text keys of the positives, then of the negatives
    full = graph
    graph, object_of, relation_of = trusted_view(graph, options.min_confidence, excluded(doc, graph))
    ctx = Context.of(doc, graph)
    chosen = sample_positives(ctx, caption, options.max_positives, rng, taken)
    positives = [p for p, _ in chosen]
    if graph is not full:                            # indices of the view -> of the record's graph
        positives[0] = Positive(caption, "caption", list(range(len(full.objects))),
                                list(range(len(full.relations))))
        for p in positives[1:]:
            p.objects = [object_of[i] for i in p.objects]
            p.relations = [relation_of[k] for k in p.relations]
    if options.max_negatives <= 0 or not options.negative_types:
        return positives, []
    subgraphs = [(i, s) for i, (_, s) in enumerate(chosen) if s is not None]
    shuffle(rng, subgraphs)
    mentions = None if graph is full else [o.span for o in full.objects if o.span is not None]
    surfaces = [(0, caption_surface(doc, graph, ctx.kids, mentions))] + subgraphs
    share_caption_words([s for _, s in surfaces])
    plausible = options.blind is not None and options.selection == "plausible"
    scorers = options.blind.scorers(key, original or caption) if plausible else None
    limits = PLAUSIBLE_CANDIDATES if scorers else (CAPTION_CANDIDATES, SUBGRAPH_CANDIDATES)
    draws = PLAUSIBLE_DRAWS if scorers else 1
    pools = {t: _candidates(t, surfaces, rng, options.frequencies, limits, draws) for t in options.negative_types}
    unbounded, withheld = None, False
    if scorers:
        pools, unbounded, withheld = yield from _ranked(pools, [p.text for p in positives], scorers, key,
                                                        options.seed)
    negatives = _select(pools, taken, options.max_negatives, rng)
    if not negatives and unbounded:                  # every candidate easy to spot: the least easy one
        negatives = _select(unbounded, taken, 1, rng)
    if not negatives and not withheld and "object_replace" in options.negative_types:   # "looking down on the fountains"
        pools = {"object_replace": iter([(0, c, None) for c in last_resort(surfaces[0][1])])}
        if scorers:                                  # scored too, the least spottable first
            pools = (yield from _ranked(pools, [p.text for p in positives],
                                        replace(scorers, observe=None, fallback={}), key, options.seed))[1]
        negatives = _select(pools, taken, options.max_negatives, rng)
    return positives, negatives


def trusted(confidence: Optional[float], threshold: float) -> bool:
    """An element without a confidence (a graph made by hand) is trusted."""
    return confidence is None or confidence >= threshold


def trusted_view(graph: SceneGraph, threshold: float, drop: Excluded = NOTHING,
                 ) -> tuple[SceneGraph, list[int], list[int]]:
    """(the graph without its elements below threshold or in ``drop`` (labels, glued words,
    placeholders, possession: see ``guards``), view object -> graph object, view relation ->
    graph relation).  An object left out goes with its relations; the graph itself comes back
    when everything is trusted."""
    objects = [i for i, o in enumerate(graph.objects)
               if trusted(o.confidence, threshold) and i not in drop.objects]
    relations = [k for k, r in enumerate(graph.relations)
                 if trusted(r.confidence, threshold) and k not in drop.relations]
    low_attribute = bool(drop.attributes) or any(
        not trusted(c, threshold) for o in graph.objects for c in o.attribute_confidences)
    if len(objects) == len(graph.objects) and len(relations) == len(graph.relations) and not low_attribute:
        return graph, objects, relations
    new_index = {old: new for new, old in enumerate(objects)}
    relations = [k for k in relations
                 if graph.relations[k].subject in new_index and graph.relations[k].object in new_index]
    view = SceneGraph(
        objects=[_trusted_attributes(graph.objects[i], threshold, {a for j, a in drop.attributes if j == i})
                 for i in objects],
        relations=[replace(graph.relations[k], subject=new_index[graph.relations[k].subject],
                           object=new_index[graph.relations[k].object]) for k in relations])
    return view, objects, relations


def _trusted_attributes(o: SGObject, threshold: float, dropped: frozenset[int] | set[int] = frozenset(),
                        ) -> SGObject:
    """The object with only its attributes at or above threshold and not ``dropped`` (itself
    when all are)."""
    confs = o.attribute_confidences or [None] * len(o.attributes)
    if not dropped and all(trusted(c, threshold) for c in confs):
        return o
    keep = [k for k, c in enumerate(confs) if trusted(c, threshold) and k not in dropped]
    spans = o.attribute_spans or [None] * len(o.attributes)
    rules = o.attribute_rules or [""] * len(o.attributes)
    return replace(o, attributes=[o.attributes[k] for k in keep],
                   attribute_spans=[spans[k] for k in keep],
                   attribute_confidences=[confs[k] for k in keep],
                   attribute_rules=[rules[k] for k in keep])


def _candidates(kind: str, surfaces: list[tuple[int, Surface]], rng: random.Random,
                counts, limits: tuple[int, int], draws: int) -> Iterator[tuple[int, Candidate, None]]:
    """Candidates of one type, caption-level first, generated only as far as they are consumed
    (no plausibility yet: the third member)."""
    for index, surface in surfaces:
        for c in GENERATORS[kind](surface, rng, counts, limits[0] if index == 0 else limits[1], draws):
            if index:                                # realised positives: edits index words of the text
                c = Candidate(c.text, c.type, to_word_spans(surface, c.edits))
            yield index, c, None


def _ranked(pools: dict[str, Iterator], positives: list[str], scorers: "select.Scorers", key: str,
            seed: int) -> Generator[Request, "select.Answer", tuple[dict[str, Iterator], dict[str, Iterator], bool]]:
    """Each type's pool ordered by plausibility match (plausibility.select) within the type's
    bounds, each candidate with its (positive, negative) plausibility; for a record whose
    every candidate is out of bounds, all candidates by cost as one pool, but those of a type
    this record may not fall back on (``select.falls_back``); and whether any were held back so.
    The blind scores are asked for by yielding the texts (a step of ``augment_steps``)."""
    ranked, everything, withheld = {}, [], False
    candidates = {kind: [(i, c.text, (i, c)) for i, c, _ in pool] for kind, pool in pools.items()}
    texts = select.texts_of(candidates, positives)
    answer = yield scorers, texts
    scored = select.scored(candidates, positives, texts, answer)
    for kind, pool in scored.items():
        sign = select.side(key, kind, seed)
        costs = [select.cost(s, kind, sign, scorers) for s in pool]     # bounds aside: all candidates'
        ranked[kind] = iter(_one_per_slot([(*s.item, (s.positive, s.negative))
                                           for s in select.rank(pool, kind, sign, scorers, costs)]))
        base = len(everything)
        if select.falls_back(key, kind, seed, scorers.fallback.get(kind, 1.0)):
            everything += [(c, base, s) for c, s in zip(costs, pool)]
        else:
            withheld = withheld or bool(pool)
    everything.sort(key=lambda x: x[:2])
    return ranked, {"any": iter([(*s.item, (s.positive, s.negative)) for _, _, s in everything])}, withheld


def _one_per_slot(ranked: list[tuple]) -> list[tuple]:
    """The best candidate of each edited slot, and per positive no more than uniform selection
    would take (several words drawn for one slot are alternatives, not several negatives)."""
    out, slots, per_positive = [], set(), {}
    for index, cand, plausibility in ranked:
        slot = (index, tuple(tuple(e.span) for e in cand.edits))
        limit = CAPTION_CANDIDATES if index == 0 else SUBGRAPH_CANDIDATES
        if slot in slots or per_positive.get(index, 0) >= limit:
            continue
        slots.add(slot)
        per_positive[index] = per_positive.get(index, 0) + 1
        out.append((index, cand, plausibility))
    return out


def _select(pools: dict[str, Iterator[tuple[int, Candidate, Optional[tuple]]]], taken: set[str], limit: int,
            rng: random.Random) -> list[Negative]:
    """Types in turn (random order); no negative equals a positive (``taken`` holds their text
    keys) or another negative after lowercasing and stripping punctuation."""
    order = list(pools)
    shuffle(rng, order)
    out: list[Negative] = []
    while len(out) < limit and order:
        for t in list(order):
            if len(out) >= limit:
                break
            for index, cand, plausibility in pools[t]:
                key = text_key(cand.text)
                if key and key not in taken:
                    taken.add(key)
                    out.append(Negative(cand.text, cand.type, index, cand.edits, plausibility))
                    break
            else:
                order.remove(t)                      # this type has nothing more to give
    return out
