"""``sgshards audit PATH``: measure negatives in shards or ``augment`` output, independently
of the generator (checks re-read the texts, see ``sgshards.quality.checks``).

PATH is an output directory (every ``*.tar``; ``.sg.json`` members, or a schema 1.0
sidecar's ``.json``: ``schemas.layout.read_record``), a single tar, or a JSONL file of
sample records.
Stats merge by addition, so audits of parts can be summed (the confidence distribution is
kept as counts per value, so its quantiles are exact after merging too).

The confidence distribution of the scene graphs' objects, attributes and relations (their
calibrated precision, ``sgshards.graph.confidence``) shows what a ``--min-confidence`` leaves
out: the share of elements below each threshold.  The scene-score distribution (P(scene) of the
captions every suitability rule keeps, ``text.scene_model``) shows what a ``--min-scene-score``
would skip and the coverage left at each threshold at or above the run's own (a caption the run
skipped has no negative to give back), so a threshold can be chosen without running again.

``--blind`` adds how well two text-only models tell each negative from its positive without
the image (``sgshards.quality.blind``; 0.5 = cannot): a word-trigram model of the audited
captions and a cross-fitted pairwise classifier, on ``--blind-pairs N`` sampled pairs
(default ``defaults.BLIND_PAIRS``) or every pair with ``--blind-all``.  With ``--json`` the
report gains a "blind" key:

    {"captions": records with a caption,
     "pairs": {"total": all pairs, "scored": pairs sampled and scored, "per_type": {type: scored}},
     "language_model": {"overall": share, "per_type": {type: share}},
     "classifier": {"overall": share, "per_type": {type: share}, "folds": 5}}

Shares are how often the model prefers the positive (ties 0.5), rounded to 4 places (null
overall when nothing was scored); a type appears only when it has scored pairs.  The exit
status is still 1 only for defects.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Iterable, Iterator

import fsspec

from ...schemas.layout import read_record
from ...schemas.outcomes import SKIP_REASONS
from ...schemas.record import NEGATIVE_TYPES
from ... import defaults
from ...quality.checks import check_record, is_word_permutation, words
from ..errors import UsageError
from .validate import iter_samples

MAX_EXAMPLES = 10
ELEMENTS = ("objects", "attributes", "relations")
QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
SCENE_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)


def iter_records(path: str) -> Iterator[dict]:
    """Sample records from a directory of shards, one tar, or a JSONL file
    (rejection lines of ``augment`` output are skipped: they hold no record)."""
    fs, root = fsspec.core.url_to_fs(path)
    if fs.isdir(root):
        tars = sorted(p for p in fs.ls(root, detail=False) if p.endswith(".tar"))
    elif root.endswith(".tar"):
        tars = [root]
    else:
        with fs.open(root, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    if "scene_graph" in record and "negatives" in record:
                        yield record
        return
    for tar in tars:
        for sample in iter_samples(fs, tar):
            record = read_record(sample)
            if record is not None:
                yield record


def _has_attribute_or_relation(record: dict) -> bool:
    graph = record["scene_graph"]
    return bool(graph["relations"]) or any(o["attributes"] for o in graph["objects"])


def count_confidences(record: dict, counts: dict[str, Counter]) -> None:
    """Add the record's element confidences to counts[element][value] (values as 2-decimal
    strings; an element without one counts under "none")."""
    graph = record["scene_graph"]
    for o in graph["objects"]:
        counts["objects"][_value(o.get("confidence"))] += 1
        confs = o.get("attribute_confidences") or [None] * len(o["attributes"])
        for c in confs:
            counts["attributes"][_value(c)] += 1
    for r in graph["relations"]:
        counts["relations"][_value(r.get("confidence"))] += 1


def _value(c) -> str:
    return "none" if c is None else f"{c:.2f}"


def confidence_summary(histogram: dict[str, int], thresholds: tuple = THRESHOLDS) -> dict:
    """Quantiles and the share below each threshold of one element kind's counts per value."""
    values = sorted((float(v), n) for v, n in histogram.items() if v != "none")
    total = sum(n for _, n in values)
    out: dict = {"elements": total + histogram.get("none", 0), "without_confidence": histogram.get("none", 0)}
    if not total:
        return out
    quantiles, seen, k = {}, 0, 0
    for q in QUANTILES:
        while seen + values[k][1] < q * total:
            seen += values[k][1]
            k += 1
        quantiles[f"p{int(q * 100)}"] = values[k][0]
    out["quantiles"] = quantiles
    out["share_below"] = {f"{t:.1f}": round(100.0 * sum(n for v, n in values if v < t) / total, 2)
                          for t in thresholds}
    return out


def audit_records(records: Iterable[dict]) -> dict:
    """Coverage counts every caption, skipped ones too; "with_attribute_or_relation" counts the
    captions that describe a scene (not skipped) whose graph has an attribute or relation."""
    captions = with_negative = eligible = eligible_covered = 0
    skipped = Counter()
    per_type = Counter()
    captions_with_type = Counter()
    permutations = Counter()
    length_diff = defaultdict(int)
    defects = Counter()
    examples: list[dict] = []
    confidences: dict[str, Counter] = {e: Counter() for e in ELEMENTS}
    scene_scores: Counter = Counter()          # 2-decimal score -> captions ("none": not scored)
    scored_with_negative: Counter = Counter()  # the same, of captions with a negative
    for record in records:
        captions += 1
        count_confidences(record, confidences)
        negatives = record["negatives"]
        with_negative += bool(negatives)
        score = _value(record.get("scene_score"))
        scene_scores[score] += 1
        scored_with_negative[score] += bool(negatives)
        if record.get("skipped"):
            skipped[record["skipped"]] += 1
        elif _has_attribute_or_relation(record):
            eligible += 1
            eligible_covered += bool(negatives)
        for t in {n["type"] for n in negatives}:
            captions_with_type[t] += 1
        for n in negatives:
            positive = record["positives"][n["positive"]]["text"]
            per_type[n["type"]] += 1
            permutations[n["type"]] += is_word_permutation(n["text"], positive)
            length_diff[n["type"]] += len(words(n["text"])) - len(words(positive))
        for check, index, detail in check_record(record):
            defects[check] += 1
            if len(examples) < MAX_EXAMPLES:
                examples.append({"key": record["key"], "check": check, "negative": index, "detail": detail})
    share = lambda a, b: round(100.0 * a / b, 2) if b else 0.0  # noqa: E731
    # the catalogue's order, then any reason a record of another version wrote: the parts add up
    reasons = [r for r in SKIP_REASONS if skipped[r]] + sorted(set(skipped) - set(SKIP_REASONS))
    return {
        "captions": captions,
        "negatives": sum(per_type.values()),
        "per_type": {t: per_type.get(t, 0) for t in NEGATIVE_TYPES},
        # captions that describe no visible scene (written without sub-graph positives and negatives)
        "skipped": {r: skipped[r] for r in reasons},
        "skipped_share": {
            "any": share(sum(skipped.values()), captions),
            "per_reason": {r: share(skipped[r], captions) for r in reasons},
        },
        "coverage": {
            "any": share(with_negative, captions),
            "with_attribute_or_relation": share(eligible_covered, eligible),
            "per_type": {t: share(captions_with_type.get(t, 0), captions) for t in NEGATIVE_TYPES},
        },
        "word_permutation_share": {t: share(permutations[t], per_type[t]) for t in NEGATIVE_TYPES if per_type[t]},
        "mean_length_difference_words": {t: round(length_diff[t] / per_type[t], 3)
                                         for t in NEGATIVE_TYPES if per_type[t]},
        "defects": dict(sorted(defects.items())),
        "defect_total": sum(defects.values()),
        "defect_examples": examples,
        "confidence": {e: {"histogram": dict(sorted(confidences[e].items())),
                           **confidence_summary(confidences[e])} for e in ELEMENTS},
        "scene_score": scene_score_summary(scene_scores, scored_with_negative, captions),
    }


def scene_score_summary(scores: Counter, with_negative: Counter, captions: int) -> dict:
    """The scene scores' distribution; per threshold, the share of all captions scored below it and
    the coverage (share of all captions with a negative) left if those were skipped too."""
    scored = {v: n for v, n in scores.items() if v != "none"}
    out = {"histogram": dict(sorted(scores.items())),
           "histogram_with_negative": dict(sorted((v, n) for v, n in with_negative.items() if n)),
           "captions_scored": sum(scored.values())}
    if not out["captions_scored"] or not captions:
        return out
    out["quantiles"] = confidence_summary(scored, SCENE_THRESHOLDS)["quantiles"]

    def below(histogram: dict, t: float) -> int:
        return sum(n for v, n in histogram.items() if v != "none" and float(v) < t)

    covered = sum(with_negative.values())
    out["share_below"] = {f"{t:.1f}": round(100.0 * below(scored, t) / captions, 2) for t in SCENE_THRESHOLDS}
    out["coverage_at"] = {f"{t:.1f}": round(100.0 * (covered - below(with_negative, t)) / captions, 2)
                          for t in SCENE_THRESHOLDS}
    return out


def format_audit(report: dict) -> str:
    cov = report["coverage"]
    lines = [f"captions: {report['captions']}   negatives: {report['negatives']}",
             f"coverage: {cov['any']}% of captions have a negative; "
             f"{cov['with_attribute_or_relation']}% of those describing a scene whose graph has an attribute or "
             "relation",
             f"skipped as describing no scene: {report['skipped_share']['any']}% of captions"
             + "".join(f"; {r} {p}%" for r, p in report["skipped_share"]["per_reason"].items()), "",
             "| type | negatives | captions with it | word permutations | mean length change (words) |",
             "| --- | --- | --- | --- | --- |"]
    for t in NEGATIVE_TYPES:
        lines.append(f"| {t} | {report['per_type'][t]} | {cov['per_type'][t]}% | "
                     f"{report['word_permutation_share'].get(t, 0.0)}% | "
                     f"{report['mean_length_difference_words'].get(t, 0.0):+} |")
    lines += ["", "confidence of the scene-graph elements (--min-confidence C keeps those at or above C):", "",
              "| element | count | p10 | p25 | median | p75 | p90 | "
              + " | ".join(f"below {t:.1f}" for t in THRESHOLDS) + " |",
              "| --- " * (7 + len(THRESHOLDS)) + "|"]
    for e in ELEMENTS:
        c = report["confidence"][e]
        q = c.get("quantiles", {})
        below = c.get("share_below", {})
        lines.append(f"| {e} | {c['elements']} | "
                     + " | ".join(f"{q[k]:.2f}" if k in q else "-" for k in ("p10", "p25", "p50", "p75", "p90"))
                     + " | " + " | ".join(f"{below[f'{t:.1f}']}%" if below else "-" for t in THRESHOLDS) + " |")
    scene = report.get("scene_score", {})
    if scene.get("coverage_at"):
        lines += ["", f"scene score of the {scene['captions_scored']} captions every suitability rule kept "
                  "(--min-scene-score P skips those below P; coverage at or above the run's own P):", "",
                  "| --min-scene-score | " + " | ".join(scene["share_below"]) + " |",
                  "| --- " * (1 + len(scene["share_below"])) + "|",
                  "| captions below it | " + " | ".join(f"{v}%" for v in scene["share_below"].values()) + " |",
                  "| coverage left | " + " | ".join(f"{v}%" for v in scene["coverage_at"].values()) + " |"]
    without = sum(report["confidence"][e]["without_confidence"] for e in ELEMENTS)
    if without:
        lines.append(f"({without} elements carry no confidence: graphs written before it or made by hand)")
    if report["defect_total"]:
        lines.append(f"\nDEFECTS: {report['defect_total']} "
                     + ", ".join(f"{k}={v}" for k, v in report["defects"].items()))
        lines += [f"  {e['key']} negative {e['negative']}: {e['check']}: {e['detail']}"
                  for e in report["defect_examples"]]
    else:
        lines.append("\ndefects: none")
    return "\n".join(lines)


# -- the command ---------------------------------------------------------------------

def add_audit_arguments(parser) -> None:
    parser.add_argument("path", metavar="PATH", help="output directory, a .tar shard, or augment JSONL")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--blind", action="store_true",
                        help="also measure how well text-only models (a caption n-gram model, a cross-fitted "
                             "classifier) tell negatives from positives: 0.5 = cannot")
    parser.add_argument("--blind-pairs", type=int, default=None, metavar="N",
                        help=f"with --blind: score N sampled pairs (default {defaults.BLIND_PAIRS})")
    parser.add_argument("--blind-all", action="store_true", help="with --blind: score every pair")


def command_audit(args) -> int:
    if not args.blind and (args.blind_pairs is not None or args.blind_all):
        raise UsageError("--blind-pairs and --blind-all need --blind")
    if args.blind_pairs is not None and args.blind_pairs < 1:
        raise UsageError(f"--blind-pairs must be at least 1, not {args.blind_pairs}")
    try:
        records = list(iter_records(args.path)) if args.blind else iter_records(args.path)
        report = audit_records(records)
    except FileNotFoundError as exc:
        raise UsageError(f"cannot audit {args.path}: not found") from exc
    text = None if args.json else format_audit(report)
    if args.blind:
        from ...quality.blind import blind_audit, format_blind
        report["blind"] = blind_audit(records, pairs=args.blind_pairs or defaults.BLIND_PAIRS,
                                      all_pairs=args.blind_all)
        text = None if args.json else text + "\n\n" + format_blind(report["blind"])
    print(json.dumps(report, indent=2) if args.json else text)
    return 1 if report["defect_total"] else 0
