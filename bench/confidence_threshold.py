"""What ``--min-confidence`` removes, and what it costs: the trade-off table behind its default.

    PYTHONPATH=$PWD python bench/confidence_threshold.py [--thresholds 0,0.5,...] [--no-cc3m]

For each threshold:
* on the hand-labelled validity sample (bench/validity.py: 150 CC3M + 150 web alt-text records),
  the positives and negatives the default output has that the thresholded output no longer has,
  and how many of those were labelled invalid (what the threshold is for) or valid (what it costs);
  texts the thresholded output has that are not labelled yet are counted apart;
* on all CC3M validation captions: the share that still gets at least one negative (target >= 85%)
  and the number of negatives.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import validity  # noqa: E402  (bench/validity.py: the sample, its texts and labels)

THRESHOLDS = (0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def sample_texts(parser, threshold: float) -> dict[tuple, dict]:
    """{label key: text} of every positive and negative of the validity sample at threshold."""
    from sgshards.annotate import AnnotateOptions, annotate_batch, item
    from sgshards.augment.core import AugmentOptions

    options = AnnotateOptions(augment=AugmentOptions(min_confidence=threshold))
    out = {}
    for name, rows in validity.source_rows().items():
        items = [item(r, f"{r:09d}", c) for r, c in rows]
        for o in annotate_batch(parser, items, options):
            if o["record"] is not None:
                for t in validity.texts(name, o["record"]):
                    out[validity.label_key(t)] = t
    return out


def cc3m_coverage(nlp, thresholds) -> dict[float, tuple[float, int]]:
    """{threshold: (% of CC3M captions with a negative, negatives)}."""
    from sgshards.augment.core import AugmentOptions, augment
    from sgshards.graph import build_graph
    from sgshards.parse.spacy_backend import parse_batch

    with open(validity.DATA / "captions" / "cc3m_val.tsv", encoding="utf-8") as f:
        captions = [line.split("\t")[0] for line in f]
    docs = parse_batch(nlp, captions)
    graphs = [build_graph(d) for d in docs]
    out = {}
    for t in thresholds:
        options = AugmentOptions(min_confidence=t)
        covered = negatives = 0
        for i, (doc, graph) in enumerate(zip(docs, graphs)):
            neg = augment(f"cc3m-{i}", doc, graph, options)[1]
            covered += bool(neg)
            negatives += len(neg)
        out[t] = (100.0 * covered / len(captions), negatives)
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)))
    ap.add_argument("--no-cc3m", action="store_true", help="skip the CC3M coverage pass")
    args = ap.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    from sgshards.parse import load_parser

    parser = load_parser()
    labels = validity.load_labels()
    base = sample_texts(parser, 0.0)
    coverage = {} if args.no_cc3m else cc3m_coverage(parser.nlp, thresholds)
    print("| threshold | texts removed (pos / neg) | of them labelled invalid | labelled valid | "
          "new unlabelled texts | valid share of kept labelled (pos / neg) | CC3M captions with a negative | "
          "CC3M negatives |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for t in thresholds:
        now = base if t == 0.0 else sample_texts(parser, t)
        removed = [k for k in base if k not in now]
        gone = Counter(k[2] for k in removed)
        invalid = Counter(k[2] for k in removed if k in labels and not validity.valid(labels[k]))
        valid_removed = Counter(k[2] for k in removed if k in labels and validity.valid(labels[k]))
        new = sum(1 for k in now if k not in labels)
        kept = {role: [0, 0] for role in ("positive", "negative")}
        for k in now:
            if k in labels:
                kept[k[2]][0] += validity.valid(labels[k])
                kept[k[2]][1] += 1
        share = " / ".join(f"{100 * v / n:.1f}%" if n else "-" for v, n in kept.values())
        cov = coverage.get(t)
        print(f"| {t:.2f} | {gone['positive']} / {gone['negative']} | "
              f"{invalid['positive']} / {invalid['negative']} | {valid_removed['positive']} / {valid_removed['negative']} | "
              f"{new} | {share} | {f'{cov[0]:.1f}%' if cov else '-'} | {cov[1] if cov else '-'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
