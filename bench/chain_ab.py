"""The record chain of two or more checkouts, in-process, measured in alternation.  Not a test.

    python bench/chain_ab.py [--captions N] [--rounds R] [--core C] CHECKOUT_A CHECKOUT_B ...

This machine's speed drifts by tens of percent over minutes, so a rate measured before a change
and one measured after it do not compare.  Each checkout gets one worker process (its own
directory first on the path: built extensions in place are used), pinned to one core, that parses
N CC3M captions once and makes one untimed pass of the whole chain.  Then, round after round and
in turn (the order rotating), each worker times, in CPU seconds: ``chain``, ``annotate_batch`` over
the captions in batches of 256 (normalise, parse, graph, positives, negatives: what a run does per
caption), and ``post``, the same after spaCy on the docs parsed once (graph, suitability,
positives, negatives, the record).  Prints the rates per round and, for each checkout after the
first, its ratio to the first per round (min, median, max).  With ``--raw`` the first worker also
times raw spaCy (``load_spacy(fast_components=False)``, spaCy's own code, warm) each round, and
each checkout's chain is reported against it as well.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from statistics import median

CC3M = Path(os.environ.get("SGSHARDS_SHARED", Path(__file__).resolve().parents[1].parent / "shared")) \
    / "data" / "captions" / "cc3m_val.tsv"

WORKER = """
import json, sys, time
from sgshards.annotate import AnnotateOptions, annotate_batch, build_record, item
from sgshards.graph import build_graph
from sgshards.parse.spacy_backend import SpacyParser
import sgshards
n = int(sys.argv[2])
with open(sys.argv[1], encoding="utf-8") as f:
    caps = [line.split("\\t", 1)[0] for line in f if line.strip()][:n]
parser, options = SpacyParser(), AnnotateOptions()
items = [item(i, f"{i:09d}", c) for i, c in enumerate(caps)]
docs = [d for s in range(0, n, 256) for d in parser.parse(caps[s:s + 256])]

def chain():
    for s in range(0, n, 256):
        annotate_batch(parser, items[s:s + 256])

def post():
    for it, doc in zip(items, docs):
        graph = build_graph(doc)
        graph.validate()
        if graph.objects:
            build_record(it, it["caption"], doc, graph, options)

def raw():
    for _ in stock.pipe(caps, batch_size=parser.batch_size):
        pass

if sys.argv[3] == "raw":
    from sgshards.parse.spacy_backend import load_spacy
    stock = load_spacy(fast_components=False)
    raw()
chain()
print(json.dumps({"compiled": len(sgshards.compiled_modules())}), flush=True)
for line in sys.stdin:
    t = time.process_time()
    {"chain": chain, "post": post, "raw": raw}[line.strip()]()
    print(time.process_time() - t, flush=True)
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkouts", nargs="+")
    ap.add_argument("--captions", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--core", type=int, default=0)
    ap.add_argument("--raw", action="store_true", help="time raw spaCy too (in the first worker)")
    args = ap.parse_args(argv)
    workers = []
    for path in args.checkouts:
        env = {**os.environ, "PYTHONPATH": str(Path(path).resolve())}
        workers.append(subprocess.Popen(["taskset", "-c", str(args.core), sys.executable, "-c", WORKER, str(CC3M),
                                         str(args.captions), "raw" if args.raw and not workers else ""], cwd=path, env=env, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True))
    for path, w in zip(args.checkouts, workers):
        print(path, w.stdout.readline().strip(), flush=True)
    rates: dict[str, list[list[float]]] = {"chain": [[] for _ in workers], "post": [[] for _ in workers]}
    if args.raw:
        rates["raw"] = [[]]
    for r in range(args.rounds):
        order = list(range(len(workers)))
        order = order[r % len(order):] + order[:r % len(order)]
        for what in rates:
            for k in (order if what != "raw" else [0]):
                workers[k].stdin.write(what + "\n")
                workers[k].stdin.flush()
                rates[what][k].append(args.captions / float(workers[k].stdout.readline()))
        print(f"round {r}:", {what: [round(v[-1], 1) for v in per] for what, per in rates.items()}, flush=True)
    summary = {}
    for what, per in rates.items():
        summary[what] = {"median_rate": [round(median(v), 1) for v in per]}
        if what == "raw":
            continue
        for k in range(1, len(workers)):
            ratios = sorted(b / a for a, b in zip(per[0], per[k]))
            summary[what][f"ratio_{k}_to_0"] = [round(ratios[0], 3), round(median(ratios), 3), round(ratios[-1], 3)]
    if args.raw:
        for k in range(len(workers)):
            ratios = sorted(c / w for c, w in zip(rates["chain"][k], rates["raw"][0]))
            summary["chain"][f"x_raw_spacy_{k}"] = [round(ratios[0], 3), round(median(ratios), 3), round(ratios[-1], 3)]
    for what, row in summary.items():
        print(what, json.dumps(row))
    for w in workers:
        w.stdin.close()
        w.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
