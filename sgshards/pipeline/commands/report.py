"""``sgshards report OUT [--html FILE]``: what a run produced, at a glance.

Counts come from the run's own bookkeeping (``stats.json`` and the per-shard Parquet indexes:
every record's status, stage, reason and its positive and negative counts), so they are exact
and cheap on a 12M-record output.  Distributions that need the records themselves (caption
length, graph sizes, the most frequent objects, attributes and predicates, confidence,
plausibility) and the gallery come from a sample: the first records of every shard, evenly,
up to ``--sample`` records.  Dead-letter examples: a few per reason.

Prints a plain-text summary; ``--html FILE`` also writes one self-contained page
(``report_html``: inline SVG, no network fetch).
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field

import fsspec
import pyarrow.parquet as pq

from ...schemas.layout import read_record
from ...schemas.outcomes import REASONS
from ..errors import UsageError
from ..outputs.shards import DEAD_LETTER_DIR, SHARD_INDEX_SUFFIX, STATS_FILE
from .validate import iter_samples

SAMPLE = 1000
GALLERY = 12
LETTERS_PER_REASON = 3
TOP = 30


@dataclass
class Summary:
    output: str
    stats: dict
    shards: int = 0
    per_record: dict = field(default_factory=lambda: {"positives": Counter(), "negatives": Counter()})
    stages: Counter = field(default_factory=Counter)          # rejections per stage
    rejections: Counter = field(default_factory=Counter)      # (reason, stage) -> records
    sample: list = field(default_factory=list)                # records read
    letters: dict = field(default_factory=dict)               # reason -> dead letters

    def distributions(self) -> dict:
        """Histograms (value -> count) over the sampled records."""
        out = {name: Counter() for name in ("caption words", "objects", "attributes", "relations")}
        for record in self.sample:
            graph = record["scene_graph"]
            out["caption words"][len(record["caption"].split())] += 1
            out["objects"][len(graph["objects"])] += 1
            out["attributes"][sum(len(o["attributes"]) for o in graph["objects"])] += 1
            out["relations"][len(graph["relations"])] += 1
        return out

    def frequent(self) -> dict:
        """The TOP most frequent objects, attributes and predicates of the sample."""
        counts = {"objects": Counter(), "attributes": Counter(), "predicates": Counter()}
        for record in self.sample:
            graph = record["scene_graph"]
            for o in graph["objects"]:
                counts["objects"][o["name"]] += 1
                counts["attributes"].update(o["attributes"])
            counts["predicates"].update(r["predicate"] for r in graph["relations"])
        return {k: c.most_common(TOP) for k, c in counts.items()}

    def confidences(self) -> dict:
        """Element confidences (rounded to 0.05) and negative plausibility gaps of the sample."""
        conf, gaps = Counter(), Counter()
        for record in self.sample:
            graph = record["scene_graph"]
            for element in graph["objects"] + graph["relations"]:
                if element.get("confidence") is not None:
                    conf[round(round(element["confidence"] / 0.05) * 0.05, 2)] += 1
            for negative in record["negatives"]:
                p = negative.get("plausibility")
                if p:
                    gaps[round(math.floor((p["positive"] - p["negative"]) * 2) / 2, 1)] += 1
        return {"confidence": conf, "plausibility gap": gaps}


def summarize(output: str, sample: int = SAMPLE) -> Summary:
    fs, root = fsspec.core.url_to_fs(output)
    root = root.rstrip("/")
    try:
        with fs.open(f"{root}/{STATS_FILE}", "rb") as f:
            stats = json.load(f)
    except FileNotFoundError:
        raise UsageError(f"{output} has no {STATS_FILE}: not a finished sgshards run") from None
    summary = Summary(output, stats)
    names = sorted(p.rsplit("/", 1)[-1] for p in fs.ls(root, detail=False))
    tars = [n for n in names if n.endswith(".tar")]
    summary.shards = len(tars)
    for name in names:
        if name.endswith(SHARD_INDEX_SUFFIX):
            with fs.open(f"{root}/{name}", "rb") as f:
                table = pq.read_table(f, columns=["status", "stage", "reason", "positives", "negatives"]).to_pydict()
            for status, stage, reason, positives, negatives in zip(*table.values()):
                if status == "written":
                    summary.per_record["positives"][positives] += 1
                    summary.per_record["negatives"][negatives] += 1
                else:
                    summary.stages[stage] += 1
                    summary.rejections[(reason, stage)] += 1
    per_shard = max(1, -(-sample // max(1, len(tars))))
    for name in tars:
        if len(summary.sample) >= sample:
            break
        taken = 0
        for item in iter_samples(fs, f"{root}/{name}"):
            record = read_record(item)
            if record is not None:
                summary.sample.append(record)
                taken += 1
                if taken >= per_shard or len(summary.sample) >= sample:
                    break
    letters_dir = f"{root}/{DEAD_LETTER_DIR}"
    if fs.exists(letters_dir):
        for path in sorted(fs.ls(letters_dir, detail=False)):
            with fs.open(path, "rt", encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        letter = json.loads(line)
                        kept = summary.letters.setdefault(letter.get("reason"), [])
                        if len(kept) < LETTERS_PER_REASON:
                            kept.append(letter)
    return summary


def stage_of(reason: str) -> str:
    """The catalogue's stage of a reason (the index holds the stage each record met it at)."""
    known = REASONS.get(reason)
    return known.stage if known is not None else reason.split("_", 1)[0]


def text_summary(summary: Summary) -> str:
    s = summary.stats
    lines = [f"{summary.output}: {summary.shards} shard(s); input {s['input_records']:,} = written "
             f"{s['written']:,} + rejected {s.get('rejected_total', 0):,}; {s['with_negative']:,} captions "
             f"with a hard negative ({_share(s['with_negative'], s['written'])})"]
    if summary.rejections:
        lines.append("rejected: " + ", ".join(f"{r} ({stage}) {n:,}" for (r, stage), n in
                                              summary.rejections.most_common()))
    if s.get("skipped"):
        lines.append("written without sub-graphs (no scene): " + ", ".join(
            f"{r} {n:,}" for r, n in sorted(s["skipped"].items(), key=lambda kv: -kv[1])))
    lines.append("positives: " + ", ".join(f"{k} {n:,}" for k, n in sorted(s.get("positives", {}).items())))
    lines.append("negatives: " + ", ".join(f"{k} {n:,}" for k, n in sorted(s.get("negatives", {}).items())))
    frequent = summary.frequent()
    for kind in ("objects", "attributes", "predicates"):
        lines.append(f"top {kind} (of {len(summary.sample):,} sampled records): "
                     + ", ".join(f"{name} {n}" for name, n in frequent[kind][:10]))
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def command_report(args) -> int:
    summary = summarize(args.output, args.sample)
    print(text_summary(summary))
    if args.html:
        from .report_html import render
        with fsspec.open(args.html, "w", encoding="utf-8") as f:
            f.write(render(summary, gallery=args.gallery))
        print(f"report: {args.html}")
    return 0


def add_report_arguments(p) -> None:
    p.add_argument("output", help="an sgshards run's output directory (local or fsspec URL)")
    p.add_argument("--html", default=None, metavar="FILE", help="also write a self-contained HTML page")
    p.add_argument("--sample", type=int, default=SAMPLE, help=f"records read for distributions (default {SAMPLE})")
    p.add_argument("--gallery", type=int, default=GALLERY, help=f"records shown in the gallery (default {GALLERY})")

