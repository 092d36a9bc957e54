"""Calibrate the confidence of each rule family on FACTUAL train -> sgshards/data/confidence.json.

    PYTHONPATH=$PWD python bench/calibrate_confidence.py [--train PATH] [--smoothing M] [--check]

Parses the captions of FACTUAL *train* (never dev or test: those stay held out for
``sgshards eval-parser``), builds their graphs, and matches every predicted object, attribute
and relation against the row's gold tuples exactly as ``sgshards.quality.factual`` scores them
(same normalisation, strict tuple match).  Each element's provenance key
(``sgshards.graph.confidence``) gets its precision: hits / predicted.  Rare keys are smoothed
towards their parent (key -> rule -> family -> kind), each level an M-pseudo-count prior:

    confidence(key) = (hits + M * confidence(parent)) / (predicted + M)

The file holds keys and numbers only (no captions).  ``--check`` fits on the even rows and
reports, on the odd rows, how far each key's confidence is from the precision it meets
(a calibration error within train).  ``--markdown`` prints the table for the README.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRAIN = HERE.parents[1] / "shared" / "data" / "factual" / "train.csv"
OUT = HERE.parent / "sgshards" / "data" / "confidence.json"
SMOOTHING = 20


def element_hits(graph, gold: set) -> list[tuple[str, bool]]:
    """(provenance key, matches gold) of every object, attribute and relation of graph."""
    from sgshards.quality.factual import normalise

    def hit(raw: tuple) -> bool:
        return max(normalise([raw]), key=len) in gold      # the tuple itself, not its nodes

    out = []
    for o in graph.objects:
        out.append((o.rule, hit((o.name,))))
        for a, key in zip(o.attributes, o.attribute_rules):
            out.append((key, hit((o.name, "is", a))))
    for r in graph.relations:
        out.append((r.rule, hit((graph.objects[r.subject].name, r.predicate, graph.objects[r.object].name))))
    return out


def parents(key: str) -> list[str]:
    """Shorter keys, most general first: kind, family, rule (without the key itself)."""
    from sgshards.graph.confidence import backoff

    return list(reversed(backoff(key)[1:]))


def fit(pairs: list[tuple[str, bool]], smoothing: float) -> dict[str, dict]:
    """{key: {"predicted", "hits", "confidence"}} for every key and every shorter key."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, hit in pairs:
        for k in parents(key) + [key]:
            counts[k][0] += 1
            counts[k][1] += hit
    table: dict[str, dict] = {}
    for k in sorted(counts, key=lambda k: (len(parents(k)), k)):   # parents before children
        n, h = counts[k]
        up = parents(k)
        prior = table[up[-1]]["confidence_raw"] if up else h / n
        table[k] = {"predicted": n, "hits": h, "confidence_raw": (h + smoothing * prior) / (n + smoothing)}
    for entry in table.values():
        entry["confidence"] = round(entry.pop("confidence_raw"), 2)
    return dict(sorted(table.items()))


def graphs_of(rows: list[dict]):
    from sgshards.graph import build_graph
    from sgshards.parse import load_parser
    from sgshards.quality.factual import gold_tuples

    parser = load_parser()
    docs = parser.parse([r["caption"] for r in rows])
    for row, doc in zip(rows, docs):
        yield build_graph(doc), gold_tuples(row["scene_graph"])


def check(per_row: list[list[tuple[str, bool]]], smoothing: float) -> str:
    """Fit on even rows, measure on odd rows: expected calibration error, per kind."""
    from sgshards.graph.confidence import confidence_of

    fitted = fit([p for rows in per_row[0::2] for p in rows], smoothing)
    table = {k: v["confidence"] for k, v in fitted.items()}
    lines = []
    for kind in ("object", "attribute", "relation"):
        groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for rows in per_row[1::2]:
            for key, hit in rows:
                if key.startswith(kind + ":"):
                    groups[key][0] += 1
                    groups[key][1] += hit
        total = sum(n for n, _ in groups.values())
        ece = sum(n * abs(confidence_of(k, table) - h / n) for k, (n, h) in groups.items()) / max(total, 1)
        lines.append(f"{kind}: {total} held-out elements, expected calibration error {ece:.3f}")
    return "\n".join(lines)


def markdown(table: dict[str, dict]) -> str:
    lines = ["| provenance key | predicted | precision | confidence |", "| --- | ---: | ---: | ---: |"]
    for k, v in table.items():
        lines.append(f"| {k} | {v['predicted']} | {v['hits'] / v['predicted']:.3f} | {v['confidence']:.2f} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, default=TRAIN, help="FACTUAL train CSV (never dev or test)")
    ap.add_argument("--smoothing", type=float, default=SMOOTHING, help="pseudo-counts towards the parent key")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="also fit on even rows and measure on odd rows")
    ap.add_argument("--markdown", action="store_true", help="print the table as markdown")
    args = ap.parse_args(argv)
    if "train" not in args.train.name:
        print(f"refusing {args.train}: calibrate on FACTUAL train only", file=sys.stderr)
        return 2
    from sgshards.quality.factual import read_rows

    rows = read_rows(str(args.train))
    per_row = [element_hits(g, gold) for g, gold in graphs_of(rows)]
    table = fit([p for r in per_row for p in r], args.smoothing)
    data = {"source": "FACTUAL train", "rows": len(rows), "smoothing": args.smoothing,
            "note": "confidence = precision of the provenance key's elements against the gold tuples, "
                    "smoothed towards the parent key (bench/calibrate_confidence.py)",
            "keys": table}
    args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows, {sum(map(len, per_row))} elements, {len(table)} keys -> {args.out}")
    if args.markdown:
        print(markdown(table))
    if args.check:
        print(check(per_row, args.smoothing))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
