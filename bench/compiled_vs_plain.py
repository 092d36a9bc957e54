"""Compiled and plain-Python sgshards on the same captions: are the outcomes identical?  Not a test.

    python bench/compiled_vs_plain.py PLAIN_CHECKOUT COMPILED_CHECKOUT

COMPILED_CHECKOUT is a checkout with the extensions built in place (``python setup.py
build_ext --inplace``), PLAIN_CHECKOUT one without.  Each runs the record chain
(``annotate_batch``) in its own process, one per core, over FACTUAL train and dev, the
CC-12M rows (../shared/data), the hostile-input test rows and a few odd strings, under three
option sets (defaults; many positives and negatives; replacements sampled by corpus
frequencies), and the two lists of outcomes are compared caption by caption.  mypyc checks
annotations at run time, so a value on a path no test reaches can raise TypeError in compiled
code where plain Python goes on: such a caption would show here as a difference.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ODD = ["A RED CAR AND A BLUE HOUSE", "a a a a a a a a", "2 dogs 3 cats 4 birds", "🐶 dog on 🛹 skateboard",
       "man man man with with hat hat", "a" * 300, "red " * 60 + "car", "Ünïcödé café near the naïve façade",
       "a dog, a cat, a bird, a fish, a horse, a cow, a pig and a sheep next to each other on a table",
       "two giraffes side by side", "of of of on on on in in in", "IMG_1234.JPG", "12 May 2009",
       "http://example.com/a.jpg", "I'm not a dog, you're a cat", "'' \"\" ``",
       "the dog that the cat that the rat bit chased ran", "women's shoes with men's hats on kids' heads",
       "a 3-year-old boy's red-and-white t-shirt", "cats; dogs: birds -- fish / horses | cows"]


def captions() -> list[str]:
    from tests.pipeline import hostile

    caps = []
    for split in ("train", "dev"):
        with open(DATA / "factual" / f"{split}.csv", encoding="utf-8") as f:
            caps += [row["caption"] for row in csv.DictReader(f)]
    with open(DATA / "captions" / "cc12m_first5.tsv", encoding="utf-8") as f:
        caps += [line.split("\t")[1] for line in f]
    return caps + [r.caption for r in hostile.tsv_rows() if isinstance(r.caption, str)] + ODD


def outcomes(out: str) -> None:
    """In a checkout's process: every outcome, as sorted-key JSON, per option set."""
    import sgshards
    from sgshards.annotate import AnnotateOptions, annotate_batch, item, parse_graphs
    from sgshards.augment.core import AugmentOptions
    from sgshards.parse.spacy_backend import SpacyParser
    from sgshards.augment.vocab import count_graph, empty_counts

    caps, parser, counts = captions(), SpacyParser(), empty_counts()
    for start in range(0, len(caps), 256):
        for graph in parse_graphs(parser, caps[start:start + 256]):
            if graph is not None:
                count_graph(graph, counts)
    option_sets = {"default": AnnotateOptions(),
                   "many": AnnotateOptions(augment=AugmentOptions(max_positives=10, max_negatives=20, seed=7)),
                   "frequencies": AnnotateOptions(augment=AugmentOptions(seed=3, frequencies=counts))}
    items = [item(i, f"{i:09d}", c) for i, c in enumerate(caps)]
    result = {"compiled": sgshards.compiled_modules(), "captions": caps}
    for name, options in option_sets.items():
        result[name] = [json.dumps(o, sort_keys=True, ensure_ascii=False)
                        for start in range(0, len(items), 256)
                        for o in annotate_batch(parser, [dict(it) for it in items[start:start + 256]], options)]
    Path(out).write_text(json.dumps(result), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "--outcomes":           # the child: argv = --outcomes CHECKOUT OUT
        sys.path.insert(0, argv[1])
        outcomes(argv[2])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if not (DATA / "factual" / "train.csv").exists():
        print(f"{DATA} not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        outs = [Path(tmp) / "plain.json", Path(tmp) / "compiled.json"]
        procs = [subprocess.Popen(["taskset", "-c", str(core), sys.executable, __file__, "--outcomes", checkout, str(out)])
                 for core, (checkout, out) in enumerate(zip(argv, outs))]
        if any(p.wait() for p in procs):
            return 1
        plain, compiled = (json.loads(p.read_text(encoding="utf-8")) for p in outs)
    if plain["compiled"] or not compiled["compiled"]:
        print(f"expected plain then compiled, got {plain['compiled']} and {compiled['compiled']}", file=sys.stderr)
        return 2
    differ = 0
    for name in ("default", "many", "frequencies"):
        diffs = [i for i, (a, b) in enumerate(zip(plain[name], compiled[name])) if a != b]
        errors = sum('"reason": "error_' in o for o in compiled[name])
        print(f"{name}: {len(plain[name])} captions, {len(diffs)} differ, {errors} rejected with an error")
        for i in diffs[:5]:
            print(f"  {plain['captions'][i]!r}\n    plain    {plain[name][i][:300]}\n    compiled {compiled[name][i][:300]}")
        differ += len(diffs)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
