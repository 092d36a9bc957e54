"""One batch of input rows -> one outcome per row: a sample record or a rejection.

The stage chain every engine runs (Beam DoFn, PySpark, ``sgshards augment``):
normalise -> parse (batched) -> scene graph -> suitability (does the caption describe a
visible scene? if not, the record keeps the caption alone, with the reason in ``skipped``) ->
positives and negatives.
A row never disappears: each item gives exactly one outcome, in order, and a
failure of one caption (even a bug) rejects that caption with a reason instead
of failing the batch.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Generator, Optional, Sequence

from . import defaults
from .schemas.graph import SceneGraph
from .schemas.outcomes import (
    NO_OBJECT, STAGE_AUGMENT, STAGE_GRAPH, STAGE_NORMALIZE, STAGE_PARSE, STAGE_READ, STATUS_REJECTED,
    STATUS_WRITTEN, InputItem, Outcome, error_reason)
from .schemas.record import SampleRecord
from .augment.core import AugmentOptions, augment_steps, finish_all, suitability
from .graph import build_graph
from .text.normalize import normalize_caption
from .text.site_labels import description


@dataclass(frozen=True)
class AnnotateOptions:
    max_chars: int = defaults.MAX_CHARS
    augment: AugmentOptions = field(default_factory=AugmentOptions)


def with_blind(options: AnnotateOptions, models) -> AnnotateOptions:
    """``options`` choosing negatives against the run's blind models (``augment.plausibility.balance``;
    unchanged without them), the suitability gate reading the share of scenes they measured."""
    if models is None:
        return options
    aug = options.augment
    prior = aug.scene_prior if getattr(models, "scene_prior", None) is None else models.scene_prior
    return replace(options, augment=replace(aug, blind=models, scene_prior=prior))


def item(index: int, key: str, caption: Optional[str], url: Optional[str] = None,
         source: Optional[dict] = None, reject: Optional[str] = None, raw: Optional[str] = None) -> InputItem:
    """An input item as engines hand it to ``annotate_batch``."""
    return {"index": index, "key": key, "caption": caption, "url": url, "source": source,
            "reject": reject, "raw": raw}


def rejected(it: InputItem, stage: str, reason: str) -> Outcome:
    raw = it.get("raw") if it.get("raw") is not None else it.get("caption")
    return {"index": it["index"], "key": it["key"], "status": STATUS_REJECTED, "stage": stage,
            "reason": reason, "raw": raw, "source": it.get("source"), "record": None}


def written(it: InputItem, record: dict) -> Outcome:
    return {"index": it["index"], "key": it["key"], "status": STATUS_WRITTEN, "stage": None,
            "reason": None, "raw": None, "source": it.get("source"), "record": record}


def build_record(it: InputItem, caption: str, doc, graph: SceneGraph, options: AnnotateOptions) -> dict:
    return finish_all([record_steps(it, caption, doc, graph, options)])[0]


def record_steps(it: InputItem, caption: str, doc, graph: SceneGraph, options: AnnotateOptions) -> Generator:
    """``build_record`` as steps that ask for blind scores (``augment.core.augment_steps``)."""
    gate = suitability(doc, graph, options.augment, caption)     # no scene described: the caption alone
    positives, negatives = yield from augment_steps(it["key"], doc, graph, options.augment, gate.reason, caption)
    return SampleRecord(
        key=it["key"], caption=caption, scene_graph=graph, positives=positives, negatives=negatives,
        url=it.get("url"), source=it.get("source"), tokens=[t.text for t in doc], skipped=gate.reason,
        scene_score=gate.scene_score,
    ).to_json()


def annotate_batch(parser, items: Sequence[InputItem],
                   options: AnnotateOptions = AnnotateOptions()) -> list[Outcome]:
    """Annotate a batch; ``parser.parse(captions) -> docs`` is called once per batch
    on the distinct descriptions of the normalised captions (web data repeats captions a lot): a
    caption's site labels are cut before parsing (``text.site_labels``), its record keeps it whole."""
    outcomes: list[Optional[Outcome]] = [None] * len(items)
    clean: dict[int, str] = {}
    for pos, it in enumerate(items):
        reject = it.get("reject")
        if reject:
            outcomes[pos] = rejected(it, STAGE_READ, reject)
            continue
        try:
            caption, reason = normalize_caption(it.get("caption"), max_chars=options.max_chars)
        except Exception as exc:  # noqa: BLE001 - a repair bug rejects this caption, not the batch
            caption, reason = "", error_reason(exc)
        if reason:
            outcomes[pos] = rejected(it, STAGE_NORMALIZE, reason)
        else:
            clean[pos] = caption

    parsed = parse_descriptions(parser, list(clean.values()))
    # the records' blind scores are asked for together (augment.core.finish_all)
    steps = [_annotate_steps(items[pos], caption, parsed[caption], options) for pos, caption in clean.items()]
    for pos, outcome in zip(clean, finish_all(steps)):
        outcomes[pos] = outcome
    return outcomes  # type: ignore[return-value]


def parse_descriptions(parser, captions: Sequence[str]) -> dict[str, tuple]:
    """Normalised caption -> (doc, graph, error) of what the record chain reads for it: its
    description (site labels cut, ``text.site_labels``), each distinct one parsed once; a
    description that parses to no object gives way to the caption as written."""
    described = {caption: description(caption) for caption in captions}
    distinct = list(dict.fromkeys(described.values()))
    parsed = dict(zip(distinct, _parse_all(parser, distinct)))
    again = [c for c, d in described.items() if d != c and _no_object(parsed[d])]
    for caption, result in zip(again, _parse_all(parser, again)):
        described[caption] = caption
        parsed[caption] = result
    return {caption: parsed[d] for caption, d in described.items()}


def _no_object(parsed: tuple) -> bool:
    doc, graph, error = parsed
    return error is not None or not graph.objects


def parse_graphs(parser, captions: list[str]) -> list:
    """Scene graph per caption (None where parsing failed), for passes that need no record."""
    return [graph for _, graph, _ in _parse_all(parser, [description(c) for c in captions])]


def _parse_all(parser, captions: list[str]) -> list[tuple]:
    """(doc, graph, error) per caption. A failing batch is retried caption by
    caption so that one bad caption rejects only itself."""
    if not captions:
        return []
    try:
        docs = parser.parse(captions)
    except Exception:  # noqa: BLE001 - isolate the culprit below
        return [_parse_one(parser, c) for c in captions]
    return [_graph_of(doc) for doc in docs]


def _parse_one(parser, caption: str) -> tuple:
    try:
        doc = parser.parse([caption])[0]
    except Exception as exc:  # noqa: BLE001
        return None, None, (STAGE_PARSE, error_reason(exc))
    return _graph_of(doc)


def _graph_of(doc) -> tuple:
    try:
        graph = build_graph(doc)
        graph.validate()            # a rule bug must reject one caption, not write an invalid record
        return doc, graph, None
    except Exception as exc:  # noqa: BLE001
        return doc, None, (STAGE_GRAPH, error_reason(exc))


def _annotate_steps(it: InputItem, caption: str, parsed: tuple, options: AnnotateOptions) -> Generator:
    """One item's outcome, as steps (``record_steps``); a failure, scoring included, rejects
    this item alone."""
    doc, graph, error = parsed
    if error:
        return rejected(it, *error)
    if not graph.objects:
        return rejected(it, STAGE_GRAPH, NO_OBJECT)
    try:
        return written(it, (yield from record_steps(it, caption, doc, graph, options)))
    except Exception as exc:  # noqa: BLE001
        return rejected(it, STAGE_AUGMENT, error_reason(exc))
